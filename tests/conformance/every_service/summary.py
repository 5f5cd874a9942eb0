"""The every-service summary lines: the test adds them, ``conftest.py`` prints them
at the end of the run (pytest captures the test's own output when it passes)."""

from __future__ import annotations

SUMMARY: list[str] = []
