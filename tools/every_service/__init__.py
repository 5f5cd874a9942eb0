"""The every-service run: every botocore service generated, imported, round-tripped.

``python -m tools.every_service`` (``make every-service``) runs all of it with
black; ``test_every_service.py`` runs a deterministic sample in CI. A package (with
relative imports) so that it works both as ``tools.every_service`` from the
command line and as ``every_service`` under pytest, and its modules can be
imported by name in the pool's worker processes.
"""
