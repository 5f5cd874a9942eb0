"""Packages written by codegen; each subpackage can be vendored on its own."""
