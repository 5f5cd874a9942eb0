"""botocore's protocol fixtures, fetched from the pinned release's sdist on PyPI.

The fixtures (``tests/unit/protocols/``) ship only in the source distribution,
not in the wheel we install, so the sdist of exactly ``botocore.__version__`` is
downloaded with pip (the registry's ordinary client, honouring the user's pip
configuration) and only that folder is kept, in
``$CODEGEN_CACHE_DIR/sdist`` (else ``$XDG_CACHE_HOME/codegen/sdist``, else
``~/.cache/codegen/sdist``; ``CODEGEN_CACHE_DIR=off`` does not apply, as for the
wheel cache of ``codegen diff``: the tests need the files).

The folder appears atomically (extracted into a sibling temporary folder, then
renamed), so an interrupted run never leaves half a suite in the cache.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

import botocore

VERSION = botocore.__version__
_PREFIX = f"botocore-{VERSION}/tests/unit/protocols/"

# What pip prints when it cannot talk to the index at all (as opposed to an index
# that answers but has no such release, which is an error, not a skip).
_UNREACHABLE = (
    "NewConnectionError",
    "Failed to establish a new connection",
    "Max retries exceeded",
    "ConnectTimeoutError",
    "Read timed out",
    "Temporary failure in name resolution",
    "Name or service not known",
    "Network is unreachable",
    "ProxyError",
    "connection broken by",
)


class RegistryUnreachable(Exception):
    """pip could not reach the package index; the message is pip's last line."""


def cache_folder() -> Path:
    """Where the extracted fixtures are kept between runs (see module docstring)."""
    shared = os.environ.get("CODEGEN_CACHE_DIR")
    if shared and shared != "off":
        return Path(shared) / "sdist"
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "codegen" / "sdist"


def protocol_tests(cache: Path | None = None) -> Path:
    """The ``tests/unit/protocols`` folder of the pinned botocore's sdist.

    Downloaded and extracted on first use; raises ``RegistryUnreachable`` when pip
    cannot reach the index, and ``RuntimeError`` for any other failure.
    """
    cache = cache or cache_folder()
    target = cache / f"botocore-{VERSION}" / "protocols"
    if target.is_dir():
        return target
    cache.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".fetch.", dir=cache))
    try:
        archive = _download(staging / "download")
        extracted = _extract(archive, staging / "extracted")
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            extracted.rename(target)
        except OSError:
            if not target.is_dir():  # not a concurrent run that got there first
                raise
        return target
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _download(destination: Path) -> Path:
    """``pip download`` the sdist (no wheels, no dependencies) into ``destination``."""
    command = [
        sys.executable, "-m", "pip", "download", f"botocore=={VERSION}",
        "--no-binary", ":all:", "--no-deps", "--disable-pip-version-check",
        "--retries", "2", "--dest", str(destination),
    ]  # fmt: skip
    result = subprocess.run(
        command, capture_output=True, text=True, timeout=900, check=False
    )
    if result.returncode != 0:
        lines = [line.strip() for line in result.stderr.splitlines() if line.strip()]
        last = lines[-1] if lines else f"pip exited with status {result.returncode}"
        if any(marker in result.stderr for marker in _UNREACHABLE):
            raise RegistryUnreachable(last)
        raise RuntimeError(f"pip download of the botocore {VERSION} sdist: {last}")
    archive = destination / f"botocore-{VERSION}.tar.gz"
    if not archive.is_file():
        raise RuntimeError(f"pip did not download {archive.name}")
    return archive


def _extract(archive: Path, destination: Path) -> Path:
    """Extract only ``tests/unit/protocols/``; return that folder."""
    with tarfile.open(archive, "r:gz") as tar:
        members = [m for m in tar.getmembers() if m.name.startswith(_PREFIX)]
        if not any(m.name.endswith(".json") for m in members):
            raise RuntimeError(f"{archive.name} has no {_PREFIX}*.json")
        tar.extractall(destination, members=members, filter="data")
    return destination / _PREFIX
