"""Oracles nobody here wrote, and the helpers to ask them, shared by test folders."""
