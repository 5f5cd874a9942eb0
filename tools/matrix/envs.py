"""Interpreters to test on, and fresh virtualenvs made from them.

The running interpreter is always one (it is what CI has); every newer CPython
the machine carries under pyenv, or as ``python3.N`` on PATH, is another. A
missing one is reported, never an error: machines differ.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from tools.matrix.support import MatrixError
from tools.matrix.wheels import install_cached

_VERSION = re.compile(r"(\d+)\.(\d+)\.(\d+)")
# Newer minors looked for on PATH when pyenv does not have them.
_NEWEST_MINOR = 20


@dataclass(frozen=True)
class Interpreter:
    """A CPython on this machine: its ``X.Y.Z`` and the executable."""

    version: str
    executable: Path

    @property
    def minor(self) -> str:
        """``X.Y``, the name a matrix column goes by."""
        return ".".join(self.version.split(".")[:2])


def probe(executable: Path) -> Interpreter | None:
    """The interpreter at ``executable``, or ``None`` when it does not run."""
    try:
        result = subprocess.run(
            [str(executable), "-c", "import sys; print(sys.version.split()[0])"],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    match = _VERSION.fullmatch(result.stdout.strip())
    if result.returncode != 0 or match is None:
        return None
    return Interpreter(match[0], executable)


def _pyenv_candidates() -> list[Path]:
    root = Path(os.environ.get("PYENV_ROOT") or Path.home() / ".pyenv") / "versions"
    if not root.is_dir():
        return []
    found = []
    for folder in root.iterdir():
        match = _VERSION.fullmatch(folder.name)
        if match is not None:
            found.append(folder / "bin" / f"python{match[1]}.{match[2]}")
    return found


def _path_candidates(after: int) -> list[Path]:
    found = []
    for minor in range(after + 1, _NEWEST_MINOR + 1):
        executable = shutil.which(f"python3.{minor}")
        if executable is not None:
            found.append(Path(executable))
    return found


def _key(interpreter: Interpreter) -> tuple[int, ...]:
    return tuple(int(part) for part in interpreter.version.split("."))


def discover(wanted: Sequence[str] = ()) -> tuple[list[Interpreter], list[str]]:
    """The running CPython and every newer minor found (newest patch of each),
    and one line for each ``wanted`` minor (``3.12``) that is not on the machine.
    """
    current = probe(Path(sys.executable))
    if current is None:
        raise MatrixError(f"cannot run {sys.executable}")
    by_minor = {current.minor: current}
    newer = _pyenv_candidates() + _path_candidates(sys.version_info.minor)
    for executable in newer:
        found = probe(executable) if executable.exists() else None
        if found is None or _key(found)[:2] <= _key(current)[:2]:
            continue
        best = by_minor.get(found.minor)
        if best is None or _key(found) > _key(best):
            by_minor[found.minor] = found
    chosen = sorted(by_minor.values(), key=_key)
    if wanted:
        chosen = [each for each in chosen if each.minor in wanted]
    missing = [
        f"python{minor}: not on this machine (looked in pyenv and PATH), skipped"
        for minor in wanted
        if minor not in by_minor
    ]
    return chosen, missing


def create_env(
    interpreter: Interpreter, folder: Path, requirements: Sequence[str], cache: Path
) -> Path:
    """A new virtualenv at ``folder`` holding only ``requirements`` (and their
    dependencies) from the wheel cache; its python executable.

    Made without pip (the running pip installs into it with ``--python``), which
    saves seeding pip into every environment.
    """
    result = subprocess.run(
        [str(interpreter.executable), "-m", "venv", "--without-pip", str(folder)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    if result.returncode != 0:
        raise MatrixError(
            f"cannot create a virtualenv with python {interpreter.version}: "
            + (result.stderr.strip().splitlines() or ["venv failed"])[-1]
        )
    python = folder / "bin" / "python"
    install_cached(python, requirements, cache)
    return python
