"""Model files of any botocore release: the installed one, a cached wheel, a file.

``codegen diff`` and ``codegen.update`` compare two releases, but only one
botocore can be installed; the other's model is read straight out of its wheel,
downloaded once with pip into a cache folder (``$CODEGEN_WHEEL_CACHE``, else
``$CODEGEN_CACHE_DIR/wheels``, else ``$XDG_CACHE_HOME/codegen/wheels``, else
``~/.cache/codegen/wheels``).
"""

from __future__ import annotations

import gzip
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import botocore

from codegen.errors import CodegenError
from codegen.model.loader import (
    LoadedModel,
    bounded_read,
    load_model,
    load_model_bytes,
    max_model_bytes,
    suggest,
)

CACHE_ENV = "CODEGEN_WHEEL_CACHE"

# Release numbers as botocore uses them (1.44.8); anything else is a file path.
_VERSION = re.compile(r"\d+(?:\.\d+){1,3}")
_DATA = re.compile(r"botocore/data/([^/]+)/([^/]+)/service-2\.json(\.gz)?")

Downloader = Callable[[str, Path], None]


@dataclass(frozen=True)
class ModelSide:
    """One side of a comparison: a label for people and the loaded model.

    ``botocore_version`` is the release the model came from; ``None`` for a file.
    """

    label: str
    loaded: LoadedModel
    botocore_version: str | None


def is_version(spec: str) -> bool:
    """Whether ``spec`` names a botocore release rather than a model file."""
    return _VERSION.fullmatch(spec) is not None


def wheel_cache() -> Path:
    """The folder that keeps downloaded botocore wheels between runs.

    Next to black's cache (``codegen.generate.format_cache``): ``wheels`` in
    ``$CODEGEN_CACHE_DIR`` when set (its ``off`` does not apply: a diff needs the
    wheel), unless ``$CODEGEN_WHEEL_CACHE`` names the folder itself.
    """
    configured = os.environ.get(CACHE_ENV)
    if configured:
        return Path(configured)
    shared = os.environ.get("CODEGEN_CACHE_DIR")
    if shared and shared != "off":
        return Path(shared) / "wheels"
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "codegen" / "wheels"


def _pip_failure(version: str, stderr: str) -> CodegenError:
    if "No matching distribution found" in stderr:
        return CodegenError(
            f"botocore {version} does not exist (pip found no matching distribution)"
        )
    lines = [line.strip() for line in stderr.splitlines() if line.strip()]
    reason = lines[-1] if lines else "pip failed"
    return CodegenError(f"cannot download botocore {version}: {reason}")


def pip_download(version: str, destination: Path) -> None:
    """Download the botocore ``version`` wheel into ``destination`` with pip."""
    command = [
        sys.executable, "-m", "pip", "download", f"botocore=={version}",
        "--no-deps", "--only-binary=:all:", "--disable-pip-version-check",
        "--quiet", "--dest", str(destination),
    ]  # fmt: skip
    try:
        result = subprocess.run(
            command, capture_output=True, text=True, timeout=600, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        raise CodegenError(f"cannot download botocore {version}: {error}") from None
    if result.returncode != 0:
        raise _pip_failure(version, result.stderr)


def _cached_wheel(cache: Path, version: str) -> Path | None:
    found = sorted(cache.glob(f"botocore-{version}-*.whl"))
    return found[0] if found else None


def fetch_wheel(
    version: str, cache: Path | None = None, download: Downloader = pip_download
) -> Path:
    """The botocore ``version`` wheel, downloaded into the cache unless there.

    The download lands in a temporary folder first, so an interrupted one never
    leaves a partial wheel in the cache.
    """
    if not is_version(version):
        raise CodegenError(f"not a botocore version: {version!r}")
    cache = cache or wheel_cache()
    cached = _cached_wheel(cache, version)
    if cached is not None:
        return cached
    try:
        cache.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".download.", dir=cache))
    except OSError as error:
        raise CodegenError(
            f"cannot use wheel cache {cache}: {error.strerror or error}"
        ) from None
    try:
        download(version, staging)
        wheel = _cached_wheel(staging, version)
        if wheel is None:
            raise CodegenError(f"pip did not download a botocore {version} wheel")
        target = cache / wheel.name
        wheel.replace(target)
        return target
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _model_entries(archive: zipfile.ZipFile) -> dict[str, dict[str, str]]:
    """Service -> api version -> model member name, for every model in a wheel."""
    entries: dict[str, dict[str, str]] = {}
    for name in archive.namelist():
        match = _DATA.fullmatch(name)
        if match is None:
            continue
        versions = entries.setdefault(match[1], {})
        # botocore prefers service-2.json over service-2.json.gz when both exist.
        if match[3] is None or match[2] not in versions:
            versions[match[2]] = name
    return entries


def model_from_wheel(wheel: Path, service: str, version: str) -> LoadedModel:
    """``service``'s model (latest api version) read from a botocore wheel."""
    try:
        with zipfile.ZipFile(wheel) as archive:
            entries = _model_entries(archive)
            if service not in entries:
                raise CodegenError(
                    f"unknown service {service!r} in botocore {version}"
                    + suggest(service, sorted(entries))
                )
            versions = entries[service]
            member = versions[max(versions)]
            # The same cap as a model file: a wheel is as untrusted as any
            # download, and a zip or gzip member can expand without bound.
            limit = max_model_bytes()
            source = f"{wheel}!{member}"
            with archive.open(member) as packed:
                if member.endswith(".gz"):
                    with gzip.GzipFile(fileobj=packed) as unpacked:
                        payload = bounded_read(unpacked.read, limit, source)
                else:
                    payload = bounded_read(packed.read, limit, source)
    except (OSError, EOFError, zipfile.BadZipFile, zlib.error) as error:
        raise CodegenError(f"cannot read botocore wheel {wheel}: {error}") from None
    return load_model_bytes(service, payload, f"{wheel}!{member}", version)


def load_side(
    spec: str, service: str, fetch: Callable[[str], Path] | None = None
) -> ModelSide:
    """A botocore version (installed, or from a cached wheel) or a model file."""
    if is_version(spec):
        label = f"botocore {spec}"
        if spec == botocore.__version__:
            return ModelSide(label, load_model(service), spec)
        wheel = (fetch or fetch_wheel)(spec)
        return ModelSide(label, model_from_wheel(wheel, service, spec), spec)
    return ModelSide(spec, load_model(service, Path(spec)), None)
