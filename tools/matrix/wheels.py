"""Pinned wheels fetched once into a cache, then installed offline from it.

The cache is the one ``codegen diff`` keeps botocore wheels in
(``codegen.model.releases.wheel_cache``), so a release downloaded for a diff is
not downloaded again for the matrix. Installing with ``--no-index`` from the
cache alone makes a warm run independent of the network and proves the cache
holds everything an environment needs.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import tomllib
import zipfile
from collections.abc import Sequence
from email.parser import HeaderParser
from pathlib import Path

from tools.matrix.support import REPO, MatrixError

_PIP_TIMEOUT = 900


def pinned(name: str) -> str:
    """``name==X`` exactly as pyproject.toml pins it (dependencies or an extra).

    The matrix installs the same botocore pin and pytest as the repository, so
    a bump there moves the matrix with it.
    """
    project = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
    candidates = list(project["dependencies"])
    for extra in project.get("optional-dependencies", {}).values():
        candidates.extend(extra)
    for requirement in candidates:
        if requirement.split("==")[0].strip().lower() == name.lower():
            return str(requirement).replace(" ", "")
    raise MatrixError(f"pyproject.toml pins no {name}")


def _pip(python: Path, *args: str, offline: bool) -> subprocess.CompletedProcess[str]:
    """pip (this interpreter's) acting on ``python``'s environment."""
    environment = dict(os.environ)
    if offline:
        # Only the cache counts: no configured index or extra wheel folder.
        for key in ("PIP_FIND_LINKS", "PIP_INDEX_URL", "PIP_EXTRA_INDEX_URL"):
            environment.pop(key, None)
    command = [
        sys.executable, "-m", "pip", "--python", str(python),
        "--disable-pip-version-check", "--quiet", *args,
    ]  # fmt: skip
    try:
        return subprocess.run(
            command,
            capture_output=True,
            text=True,
            timeout=_PIP_TIMEOUT,
            check=False,
            env=environment,
        )
    except subprocess.TimeoutExpired:
        raise MatrixError(f"pip {args[0]} took over {_PIP_TIMEOUT} s") from None


def _last_line(text: str) -> str:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return lines[-1] if lines else "pip failed"


def download(python: Path, requirements: Sequence[str], cache: Path) -> None:
    """Every wheel ``requirements`` need on ``python``, added to ``cache``.

    pip resolves for the target interpreter; the files land in a staging folder
    first, so an interrupted download never leaves a partial wheel in the cache.
    """
    cache.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".download.", dir=cache))
    try:
        result = _pip(
            python,
            "download", "--only-binary=:all:", "--dest", str(staging),
            *requirements,
            offline=False,
        )  # fmt: skip
        if result.returncode != 0:
            raise MatrixError(
                f"cannot download {' '.join(requirements)}: {_last_line(result.stderr)}"
            )
        for wheel in staging.iterdir():
            target = cache / wheel.name
            if not target.exists():
                wheel.replace(target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def install(python: Path, requirements: Sequence[str], cache: Path) -> bool:
    """Whether ``requirements`` installed into ``python``'s environment from
    ``cache`` alone (no index). ``--no-compile``: nothing is byte-compiled up
    front; the tests import a small part of botocore."""
    result = _pip(
        python,
        "install", "--no-index", "--find-links", str(cache), "--no-compile",
        *requirements,
        offline=True,
    )  # fmt: skip
    return result.returncode == 0


def install_cached(python: Path, requirements: Sequence[str], cache: Path) -> None:
    """Install from the cache; on a miss download once, then install offline."""
    if install(python, requirements, cache):
        return
    download(python, requirements, cache)
    if not install(python, requirements, cache):
        raise MatrixError(
            f"cannot install {' '.join(requirements)} from {cache} after downloading"
        )


def requires_dist(wheel: Path, dependency: str) -> str:
    """The version specifier ``wheel``'s metadata puts on ``dependency``.

    Read from the wheel itself (``Requires-Dist``), so what the matrix calls
    "aiobotocore's botocore" is checked against what aiobotocore declares.
    """
    with zipfile.ZipFile(wheel) as archive:
        name = next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
        headers = HeaderParser().parsestr(archive.read(name).decode())
    for requirement in headers.get_all("Requires-Dist") or []:
        head = requirement.split(";")[0].strip()
        base = head.split("(")[0].split("[")[0]
        for separator in "<>=!~ ":
            base = base.split(separator)[0]
        if base.lower() == dependency.lower():
            return head[len(base) :].strip().strip("()").replace(" ", "")
    raise MatrixError(f"{wheel.name} does not require {dependency}")


def cached_wheel(requirement: str, cache: Path) -> Path:
    """The wheel of ``requirement`` (``name==X``) alone, downloaded once into ``cache``.

    For reading a package's metadata without installing it (aiobotocore's
    botocore range); its dependencies are not fetched.
    """
    name, _, version = requirement.partition("==")
    pattern = f"{name.replace('-', '_')}-{version}-*.whl"
    found = sorted(cache.glob(pattern))
    if not found:
        download(Path(sys.executable), ["--no-deps", requirement], cache)
        found = sorted(cache.glob(pattern))
    if not found:
        raise MatrixError(f"pip did not download a wheel of {requirement}")
    return found[0]
