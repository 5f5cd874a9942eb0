"""The generator and its output pass the type checker, the linter and black."""

from __future__ import annotations

import subprocess
import sys

from tests.support import REPO


def _run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", *command],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def test_mypy_strict_on_codegen_and_generated() -> None:
    result = _run("mypy", "--strict", "codegen", "generated")
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_clean() -> None:
    result = _run("ruff", "check", "codegen", "generated", "tests")
    assert result.returncode == 0, result.stdout + result.stderr


def test_generated_code_is_black_formatted() -> None:
    result = _run("black", "--check", "--quiet", "generated")
    assert result.returncode == 0, result.stdout + result.stderr
