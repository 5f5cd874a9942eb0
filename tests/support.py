"""Shared test helpers: where things are, how to run the CLI and mypy as a user
would, and how to draw a batch of Hypothesis values outside a test.

An ordinary module (``from tests.support import ...``), not ``conftest.py``, so
that type checkers and readers can follow every import. Oracles live in
``tests.oracles``.
"""

from __future__ import annotations

import gzip
import hashlib
import importlib
import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType

import botocore.model

REPO = Path(__file__).resolve().parent.parent
GENERATED = REPO / "generated" / "connect"
FIXTURES = REPO / "tests" / "fixtures"
MODELS = FIXTURES / "models"
CONNECT_RELEASES = FIXTURES / "botocore-connect"

# The runtime modules that importing a generated package loads, sorted:
# ``_runtime``, the modules it re-exports, and ``_patterns`` (their Pattern).
RUNTIME_MODULES = (
    "_codec_base",
    "_containers",
    "_documents",
    "_patterns",
    "_runtime",
    "_scalars",
    "_shape",
    "_structures",
    "_values",
)


def black_alone(text: str) -> str:
    """``text`` as black itself formats it, in the generator's pinned mode: the
    oracle of the formatting tests. Imported here, not at the top: this module
    also runs in the vendored-copy matrix, which has neither black nor codegen."""
    import black

    from codegen.generate.format_cache import BLACK_MODE

    return black.format_str(text, mode=BLACK_MODE)


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


@contextmanager
def imported(root: Path, *packages: str) -> Iterator[list[ModuleType]]:
    """``packages`` (generated below ``root``) imported for the block; then
    ``root`` leaves ``sys.path`` and every one of their modules leaves
    ``sys.modules``, so that a later test may generate a package of the same
    name elsewhere."""
    sys.path.insert(0, str(root))
    try:
        yield [importlib.import_module(name) for name in packages]
    finally:
        sys.path.remove(str(root))
        for name in [m for m in sys.modules if m.split(".")[0] in packages]:
            del sys.modules[name]


def tree_digest(folder: Path) -> dict[str, str]:
    """sha256 of every file below ``folder`` (caches excluded), by relative path."""
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and "__pycache__" not in path.parts
    }


def module_dir(module: ModuleType) -> Path:
    """The folder of an imported package (``__file__`` is ``None`` for namespaces)."""
    assert module.__file__ is not None, module
    return Path(module.__file__).parent


def model_file(version: str) -> Path:
    """The Connect model of a botocore release, as its wheel ships it."""
    return CONNECT_RELEASES / version / "service-2.json.gz"


def model_sha256(version: str) -> str:
    """The digest codegen records for a release's model: over the decompressed JSON."""
    return hashlib.sha256(gzip.decompress(model_file(version).read_bytes())).hexdigest()


def mypy_strict(*packages: Path) -> subprocess.CompletedProcess[str]:
    """``mypy --strict`` over generated packages, each checked under its own name.

    Run from the packages' common folder, without mypy's cache: each test writes
    a fresh package, so a cache would only grow.
    """
    (folder,) = {package.parent for package in packages}
    return subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental"]
        + [package.name for package in packages],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )


def reachable(*roots: botocore.model.Shape) -> dict[str, botocore.model.Shape]:
    """Every shape reachable from ``roots`` in botocore's model, through members,
    list and map shapes: the tests' own closure walk (never the generator's)."""
    found: dict[str, botocore.model.Shape] = {}
    stack = list(roots)
    while stack:
        shape = stack.pop()
        if shape.name in found:
            continue
        found[shape.name] = shape
        stack.extend(children(shape))
    return found


def children(shape: botocore.model.Shape) -> list[botocore.model.Shape]:
    """The shapes a shape refers to directly."""
    if isinstance(shape, botocore.model.StructureShape):
        return list(shape.members.values())
    if isinstance(shape, botocore.model.ListShape):
        return [shape.member]
    if isinstance(shape, botocore.model.MapShape):
        return [shape.key, shape.value]
    return []
