"""What runs inside a matrix environment: test files, examples, extra wheels.

A suite names repository test files; they are copied into the environment's
project folder with the ``tests`` package's ``__init__.py`` and ``conftest.py``
files above them, and run with ``CODEGEN_SDK_PACKAGE`` naming the vendored copy
(``tests/sdk/conftest.py``). The async suite of issue 15 point 2 is another
``Suite`` whose ``requirements`` add ``aiobotocore==...``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from tools.matrix.support import GENERATED, REPO

PACKAGE_ENV = "CODEGEN_SDK_PACKAGE"
_PYTHON_BLOCK = re.compile(r"^```python\n(.*?)^```$", re.DOTALL | re.MULTILINE)
_PYTEST_INI = "[pytest]\naddopts = -ra --strict-markers -p no:cacheprovider\n"


@dataclass(frozen=True)
class Suite:
    """Test files (relative to the repository) run with pytest, markdown files
    whose ``python`` blocks run as scripts, and wheels beyond botocore and pytest.
    """

    name: str
    tests: tuple[str, ...]
    examples: tuple[str, ...] = ()
    requirements: tuple[str, ...] = ()
    # Test id -> (shape, member) it sends: left out, and said so, on a botocore
    # whose Connect model lacks the member (a documented limit, docs/vendoring.md).
    needs_member: tuple[tuple[str, str, str], ...] = ()
    # The package vendored in: a suite may generate its own (all of Connect).
    source: Path = GENERATED
    # More packages vendored beside it, each under its own name (the moto suite's
    # DynamoDB package, for waiters).
    also: tuple[tuple[str, Path], ...] = ()
    # Files staged beside the tests but not run: modules and docs they import or read.
    support: tuple[str, ...] = ()


VENDORED = Suite(
    name="vendored",
    tests=(
        "tests/sdk/test_client_stubber.py",
        "tests/sdk/test_client_http.py",
        "tests/sdk/test_model_check.py",
    ),
    examples=("docs/vendoring.md",),
    support=(
        "tests/sdk/sample_requests.py",
        # Connect models test_model_check.py loads through botocore's Loader:
        # older ones, and the one the package was generated from.
        *(
            str(model.relative_to(REPO))
            for model in sorted(REPO.glob("tests/fixtures/botocore-connect/*/*.gz"))
        ),
    ),
    needs_member=(
        (
            "tests/sdk/test_client_http.py::test_nested_segment_attributes_on_the_wire",
            "SegmentAttributeValue",
            "ValueMap",
        ),
    ),
)


def _support_files(test: str) -> list[str]:
    """The ``__init__.py``/``conftest.py`` files from ``tests/`` down to ``test``,
    and ``tests/support.py`` (the root conftest imports it)."""
    found = ["tests/support.py"]
    folder = Path(test).parent
    for depth in range(1, len(folder.parts) + 1):
        for name in ("__init__.py", "conftest.py"):
            candidate = Path(*folder.parts[:depth]) / name
            if (REPO / candidate).exists():
                found.append(str(candidate))
    return found


def examples(markdown: Path) -> list[str]:
    """The ``python`` code blocks of a markdown file, in order."""
    return _PYTHON_BLOCK.findall(markdown.read_text())


def stage(suite: Suite, project: Path) -> list[Path]:
    """The suite's tests and their support files copied into ``project``, a
    pytest.ini written, the examples written as scripts; the example scripts."""
    staged = (*suite.tests, *suite.support)
    wanted = {name for test in staged for name in _support_files(test)}
    for name in sorted(wanted | set(staged)):
        target = project / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes((REPO / name).read_bytes())
    (project / "pytest.ini").write_text(_PYTEST_INI)
    scripts = []
    for markdown in suite.examples:
        for index, code in enumerate(examples(REPO / markdown), start=1):
            script = project / f"example_{Path(markdown).stem}_{index}.py"
            script.write_text(code)
            scripts.append(script)
    return scripts
