"""The generator, its output, the tests and the tools pass mypy, ruff and black.

The same checks as ``make lint``; keep the two lists of folders alike.
"""

from __future__ import annotations

import subprocess
import sys

from tests.support import REPO

# mypy --strict (pyproject.toml); benchmarks/ imports pydantic, a bench-only extra.
TYPE_CHECKED = ("codegen", "generated", "tests", "tools")
LINTED = (*TYPE_CHECKED, "benchmarks")


def _run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", *command],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def test_mypy_strict() -> None:
    # One run over every folder: mypy reads the shared imports once.
    result = _run("mypy", "--strict", *TYPE_CHECKED)
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_clean() -> None:
    result = _run("ruff", "check", *LINTED)
    assert result.returncode == 0, result.stdout + result.stderr


def test_black_formatted() -> None:
    result = _run("black", "--check", "--quiet", *LINTED)
    assert result.returncode == 0, result.stdout + result.stderr
