"""Shared helpers: where things are, and how to run the CLI as a user would."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
GENERATED = REPO / "generated" / "connect"


def run_codegen(
    *args: str, cwd: Path = REPO, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """``python -m codegen ARGS`` in a fresh process, output captured."""
    environment = {**os.environ, **(env or {})}
    environment["PYTHONPATH"] = str(REPO)
    return subprocess.run(
        [sys.executable, "-m", "codegen", *args],
        cwd=cwd,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def tree_digest(folder: Path) -> dict[str, str]:
    """sha256 of every file below ``folder`` (caches excluded), by relative path."""
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and "__pycache__" not in path.parts
    }


@pytest.fixture
def generated_untouched() -> object:
    """Asserts, after the test, that ``generated/`` is byte-for-byte as before."""
    before = tree_digest(REPO / "generated")
    yield
    assert tree_digest(REPO / "generated") == before
