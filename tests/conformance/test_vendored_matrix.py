"""The vendored copy on several botocore releases and CPythons (tools/matrix).

Each cell is a fresh virtualenv holding only botocore and pytest, with
``generated/connect`` copied in as ``vendored_connect``; the oracles are the
client tests' own (botocore's Stubber, a real HTTP server) and, for the botocore
range, aiobotocore's published metadata. The matrix is ``slow`` (about a minute
warm, see docs/vendoring.md); the checks of its parts are quick.
"""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

import pytest
from packaging.specifiers import SpecifierSet

from codegen.model.releases import wheel_cache
from tests.support import CONNECT_RELEASES, REPO
from tools.matrix.cli import WANTED_PYTHONS
from tools.matrix.envs import discover
from tools.matrix.run import (
    AIOBOTOCORE,
    Cell,
    Outcome,
    releases,
    run_matrix,
    supported,
)
from tools.matrix.suites import VENDORED
from tools.matrix.support import GENERATED
from tools.matrix.vendor import foreign_imports, vendor
from tools.matrix.wheels import cached_wheel, pinned, requires_dist

PYTHONS, _MISSING = discover(WANTED_PYTHONS)
CELLS = [Cell(python, version) for version in releases() for python in PYTHONS]


@pytest.fixture(scope="module")
def outcomes(request: pytest.FixtureRequest) -> dict[Cell, Outcome]:
    """Every selected cell (``-k`` picks some), run once, two at a time."""
    selected = [
        cell
        for item in request.session.items
        if isinstance(item, pytest.Function) and hasattr(item, "callspec")
        for cell in [item.callspec.params.get("cell")]
        if isinstance(cell, Cell)
    ]
    done = run_matrix(selected, VENDORED, wheel_cache(), jobs=2)
    return {outcome.cell: outcome for outcome in done}


@pytest.mark.slow
@pytest.mark.parametrize(
    "cell", CELLS, ids=[f"py{c.python.minor}-botocore{c.botocore}" for c in CELLS]
)
def test_vendored_copy_passes(cell: Cell, outcomes: dict[Cell, Outcome]) -> None:
    """The Stubber and HTTP client tests and the docs example pass on the copy."""
    outcome = outcomes[cell]
    assert outcome.passed, f"{outcome.summary}\n{outcome.output}"
    assert " passed" in outcome.summary


def test_the_running_interpreter_is_a_column() -> None:
    """CI's own Python is always in the matrix, whatever else the machine has."""
    running = ".".join(map(str, sys.version_info[:2]))
    assert running in {python.minor for python in PYTHONS}


def test_aiobotocore_allows_its_cell() -> None:
    """1.43.117 is the newest botocore aiobotocore 3.10.0 declares it works with."""
    wheel = cached_wheel(AIOBOTOCORE, wheel_cache())
    allowed = SpecifierSet(requires_dist(wheel, "botocore"))
    assert "1.43.117" in allowed
    assert "1.43.118" not in allowed
    assert "1.43.117" in releases()


def test_the_package_states_the_range_the_matrix_tests() -> None:
    """BOTOCORE_MINIMUM/BOTOCORE_TESTED and the package docstring say what the
    matrix runs on (both from [tool.codegen]), the pin included."""
    code = (
        "import json, generated.connect as c\n"
        "print(json.dumps([c.BOTOCORE_MINIMUM, list(c.BOTOCORE_TESTED), c.__doc__]))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True,
        check=True,
    )  # fmt: skip
    minimum, tested, doc = json.loads(result.stdout)
    assert tested == list(releases())
    assert minimum == tested[0]
    assert pinned("botocore").partition("==")[2] in tested
    assert f"botocore {minimum} and later" in " ".join(doc.split())


def test_the_minimum_is_the_first_release_with_the_operation() -> None:
    """botocore's own model files (1.35.67's and 1.35.68's, as released): the
    operation appears in the minimum and not in the release before it."""
    minimum = supported().minimum
    assert minimum == "1.35.68"

    def operations(version: str) -> set[str]:
        path = CONNECT_RELEASES / version / "service-2.json.gz"
        return set(json.loads(gzip.decompress(path.read_bytes()))["operations"])

    assert "StartEmailContact" in operations(minimum)
    assert "StartEmailContact" not in operations("1.35.67")


def test_generated_package_is_self_contained() -> None:
    """Every import in the package is relative, standard library or botocore."""
    assert foreign_imports(GENERATED) == []


def test_foreign_imports_are_found(tmp_path: Path) -> None:
    """An absolute import of the package itself, or a third-party one, is caught."""
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "__init__.py").write_text(
        "from . import a\nimport json\nimport botocore.session\n"
    )
    (package / "a.py").write_text(
        "def f():\n    from generated.connect import x\n    import requests\n"
    )
    assert foreign_imports(package) == ["a.py:2: generated.connect", "a.py:3: requests"]


def test_alias_makes_the_tests_see_the_copy(tmp_path: Path) -> None:
    """With CODEGEN_SDK_PACKAGE set, ``generated.connect.errors`` is the copy's."""
    vendor(GENERATED, tmp_path, "vendored_connect")
    script = (
        "import sys\n"
        f"sys.path[:0] = [{str(tmp_path)!r}, {str(REPO)!r}]\n"
        "from tests.sdk.conftest import alias_package\n"
        "alias_package('vendored_connect')\n"
        "from generated.connect import ConnectClient\n"
        "from generated.connect.errors import error_from_client_error\n"
        "print(ConnectClient.__module__, error_from_client_error.__module__)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "vendored_connect.client",
        "vendored_connect.errors",
    ]
