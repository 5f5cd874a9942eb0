"""The matrix: botocore releases x interpreters, one fresh environment a cell.

The releases, and why each: the first with StartEmailContact (the oldest a copy
can work with), one in between whose Connect model differs from both ends, the
newest aiobotocore 3.10.0 allows (async users run that one), and the pin.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
import time
from collections.abc import Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from botocore.model import StructureShape

from codegen.config import BotocoreSupport, read_support, read_table
from codegen.errors import CodegenError
from codegen.model.releases import model_from_wheel
from tools.matrix.envs import Interpreter, create_env
from tools.matrix.suites import PACKAGE_ENV, Suite, stage
from tools.matrix.support import REPO, MatrixError
from tools.matrix.vendor import vendor
from tools.matrix.wheels import pinned

PACKAGE = "vendored_connect"
AIOBOTOCORE = "aiobotocore==3.10.0"


# Why each release of ``[tool.codegen] botocore-tested`` is there.
_WHY = {
    "1.35.68": "first release with StartEmailContact",
    "1.40.0": "in between: its StartEmailContact model differs from both ends",
    "1.43.117": f"newest botocore {AIOBOTOCORE} allows (>=1.43.115,<1.43.118)",
}


def supported() -> BotocoreSupport:
    """``[tool.codegen]``'s ``botocore-minimum`` and ``botocore-tested``: the
    range the package states (its docstring, ``BOTOCORE_TESTED``)."""
    pyproject = REPO / "pyproject.toml"
    table, _ = read_table(pyproject)
    support = read_support(table, pyproject)
    if support is None:
        raise MatrixError(f"{pyproject}: [tool.codegen] botocore-tested is not set")
    return support


def releases() -> dict[str, str]:
    """botocore release -> why it is in the matrix, oldest first: the releases
    ``[tool.codegen] botocore-tested`` lists (the range the package states)."""
    pin = pinned("botocore").partition("==")[2]
    why = {**_WHY, pin: "the repository's pin"}
    return {
        version: why.get(version, "listed in [tool.codegen] botocore-tested")
        for version in supported().tested
    }


@dataclass(frozen=True)
class Cell:
    """One environment: an interpreter and a botocore release."""

    python: Interpreter
    botocore: str


@dataclass(frozen=True)
class Outcome:
    """What a cell did: passed or not, pytest's counts, wall time, and the
    output's tail when it failed (for the report)."""

    cell: Cell
    passed: bool
    summary: str
    seconds: float
    output: str = ""


_COUNTS = re.compile(r"\d+ (?:passed|failed|errors?|skipped|xpassed)")


def _run(
    python: Path, args: Sequence[str], project: Path, extra: Mapping[str, str]
) -> tuple[int, str]:
    """``python ARGS`` in ``project``: exit code and output. ``extra`` adds
    variables the suite needs (the moto suite's ``MOTO_ENDPOINT``)."""
    # Nothing from the caller's environment (AWS_*, PYTHONPATH, ~/.aws) leaks in.
    # Bytecode is written (the environment is thrown away): the probe compiles
    # botocore once and pytest and the examples reuse it.
    environment = {
        **extra,
        "PATH": "/usr/bin:/bin",
        "HOME": str(project),
        PACKAGE_ENV: PACKAGE,
    }
    try:
        result = subprocess.run(
            [str(python), *args],
            cwd=project,
            env=environment,
            capture_output=True,
            text=True,
            timeout=900,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return 1, f"{' '.join(args)}: over 900 s"
    return result.returncode, result.stdout + result.stderr


def _missing_members(suite: Suite, version: str, cache: Path) -> list[str]:
    """The test ids of ``suite`` that need a member botocore ``version`` lacks,
    read from the release's own model in the cached wheel."""
    if not suite.needs_member:
        return []
    wheels = sorted(cache.glob(f"botocore-{version}-*.whl"))
    try:
        model = model_from_wheel(wheels[0], "connect", version).service_model
    except (IndexError, CodegenError) as error:
        raise MatrixError(f"cannot read botocore {version}'s model: {error}") from None
    names = set(model.shape_names)
    missing = []
    for test, shape, member in suite.needs_member:
        found = model.shape_for(shape) if shape in names else None
        if not isinstance(found, StructureShape) or member not in found.members:
            missing.append(test)
    return missing


def _in_env(
    cell: Cell, suite: Suite, folder: Path, cache: Path, extra: Mapping[str, str]
) -> tuple[bool, str, str]:
    """Passed or not, a one-line summary, and the output that explains a failure.

    Steps in order (probe, pytest, examples); the first failure ends the cell.
    """
    requirements = [f"botocore=={cell.botocore}", pinned("pytest"), *suite.requirements]
    python = create_env(cell.python, folder / "env", requirements, cache)
    project = folder / "project"
    vendor(suite.source, project, PACKAGE)
    for name, source in suite.also:
        vendor(source, project, name)
    scripts = stage(suite, project)
    shutil.copy(Path(__file__).with_name("probe.py"), project / "probe.py")
    code, output = _run(python, ["probe.py", PACKAGE, cell.botocore], project, extra)
    if code != 0:
        return False, "probe failed", output
    left_out = _missing_members(suite, cell.botocore, cache)
    deselect = [arg for test in left_out for arg in ("--deselect", test)]
    pytest = ["-m", "pytest", "-q", *deselect, *suite.tests]
    code, output = _run(python, pytest, project, extra)
    counts = ", ".join(_COUNTS.findall(output.splitlines()[-1] if output else ""))
    if left_out:
        counts += f", {len(left_out)} left out (needs a member this botocore lacks)"
    if code != 0:
        return False, counts or "pytest failed", output
    for script in scripts:
        code, example_output = _run(python, [script.name], project, extra)
        if code != 0:
            return False, f"{counts}; {script.name} failed", example_output
    return True, counts + (f", {len(scripts)} examples ran" if scripts else ""), ""


def run_cell(
    cell: Cell,
    suite: Suite,
    cache: Path,
    keep: bool = False,
    extra: Mapping[str, str] | None = None,
) -> Outcome:
    """Build the cell's environment, vendor the package, run the suite."""
    started = time.monotonic()
    folder = Path(
        tempfile.mkdtemp(prefix=f"matrix-{cell.python.minor}-{cell.botocore}-")
    )
    try:
        passed, summary, output = _in_env(cell, suite, folder, cache, extra or {})
    except MatrixError as error:
        passed, summary, output = False, "set-up failed", str(error)
    finally:
        if not keep:
            shutil.rmtree(folder, ignore_errors=True)
    tail = "\n".join(output.splitlines()[-40:])
    return Outcome(cell, passed, summary, time.monotonic() - started, tail)


def run_matrix(
    cells: Sequence[Cell], suite: Suite, cache: Path, jobs: int = 2, keep: bool = False
) -> list[Outcome]:
    """Every cell, ``jobs`` at a time (each is mostly waiting on subprocesses)."""
    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        return list(pool.map(lambda cell: run_cell(cell, suite, cache, keep), cells))


def table(outcomes: Sequence[Outcome]) -> str:
    """A markdown table: a row per botocore release, a column per interpreter."""
    pythons = sorted({o.cell.python.version for o in outcomes}, key=_version_key)
    versions = sorted({o.cell.botocore for o in outcomes}, key=_version_key)
    found = {(o.cell.botocore, o.cell.python.version): o for o in outcomes}
    lines = [
        "| botocore | " + " | ".join(f"Python {p}" for p in pythons) + " |",
        "|---" * (len(pythons) + 1) + "|",
    ]
    for version in versions:
        cells = []
        for python in pythons:
            outcome = found.get((version, python))
            if outcome is None:
                cells.append("-")
                continue
            verdict = "pass" if outcome.passed else "FAIL"
            cells.append(f"{verdict}: {outcome.summary} ({outcome.seconds:.0f} s)")
        lines.append(f"| {version} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def _version_key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))
