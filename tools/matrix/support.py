"""What every matrix module shares: where the repository is, and its one error."""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parent.parent.parent
GENERATED = REPO / "generated" / "connect"


class MatrixError(Exception):
    """A matrix set-up step failed (download, install, copy): one line for people."""
