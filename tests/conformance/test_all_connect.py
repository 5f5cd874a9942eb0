"""All 405 Connect operations in one package: it builds, type-checks and imports
cheaply.

Rendered without black (black only reformats; the golden test covers it), so the
check costs seconds rather than the 50 s of a cold black run.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import botocore.model
import botocore.session
import pytest
from botocore import xform_name

from codegen.generate.format_cache import Unformatted
from codegen.generate.render import Renderer
from codegen.generate.writer import write_package
from codegen.model.build import build_service
from codegen.model.loader import load_model
from tests.support import REPO, RUNTIME_MODULES, mypy_strict, reachable


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """``connect_all``: every Connect operation, written to a temporary folder."""
    root = tmp_path_factory.mktemp("connect_all")
    service = build_service(load_model("connect"), ["all"])
    files = Renderer(formatter=Unformatted()).render(service)
    write_package(files, root / "connect_all")
    yield root / "connect_all"


def test_every_operation_has_its_method(package: Path) -> None:
    model = botocore.session.get_session().get_service_model("connect")
    code = (
        "import json, connect_all\n"
        "client = connect_all.ConnectClient\n"
        "print(json.dumps(sorted(n for n in dir(client) if not n.startswith('_'))))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=package.parent, capture_output=True,
        text=True, check=True,
    )  # fmt: skip
    methods = set(json.loads(result.stdout))
    expected = {xform_name(name) for name in model.operation_names}
    assert len(expected) == len(model.operation_names) == 405  # botocore 1.44.8
    assert expected <= methods


def test_the_package_passes_mypy_strict(package: Path) -> None:
    result = mypy_strict(package)
    assert result.returncode == 0, result.stdout[-3000:]
    modules = len(list(package.rglob("*.py")))
    assert f"no issues found in {modules} source files" in result.stdout


def test_importing_it_loads_no_class_and_no_botocore(package: Path) -> None:
    """Measured in a fresh process: ``import connect_all`` pays for the small
    runtime modules, not for 1,300 classes; one class loads only what it names."""
    code = (
        "import json, sys\n"
        "import connect_all\n"
        "loaded = ('connect_all', 'botocore')\n"
        "before = sorted(m for m in sys.modules if m.startswith(loaded))\n"
        "connect_all.StartEmailContactRequest\n"
        "shapes = 'connect_all.shapes.'\n"
        "after = sorted(m for m in sys.modules if m.startswith(shapes))\n"
        "print(json.dumps([before, after]))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=package.parent, capture_output=True,
        text=True, check=True, env={"PYTHONPATH": str(REPO)},
    )  # fmt: skip
    before, shape_modules = json.loads(result.stdout)
    # _runtime and what it re-exports; _patterns holds the codecs' Pattern
    # (stdlib only, compiled on first use).
    runtime = [f"connect_all.{name}" for name in RUNTIME_MODULES]
    assert before == ["connect_all", *runtime]
    assert len(list((package / "shapes").glob("*.py"))) > 1_000
    # The request's own structures (one module each, per botocore's model)
    # and the enums module: nothing else of the package's thousand.
    expected = {
        f"connect_all.shapes.{xform_name(n)}"
        for n in _structures_under("StartEmailContactRequest")
    }
    assert set(shape_modules) == expected | {"connect_all.shapes.enums"}


def _structures_under(name: str) -> set[str]:
    """The structures reachable from a Connect shape, read from botocore's model."""
    model = botocore.session.get_session().get_service_model("connect")
    return {
        shape.name
        for shape in reachable(model.shape_for(name)).values()
        if isinstance(shape, botocore.model.StructureShape)
    }
