"""Runtime modules copied verbatim into every generated package (stdlib only)."""
