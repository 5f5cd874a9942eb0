"""``python -m tools.matrix``: the vendored-copy matrix, a table on stdout.

Exit 0 when every cell passed, 1 when one failed, 2 on a usage or set-up error.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from codegen.model.releases import wheel_cache
from tools.matrix.aio import ASYNC, ASYNC_BOTOCORE, run_async_moto
from tools.matrix.envs import discover
from tools.matrix.run import Cell, releases, run_matrix, table
from tools.matrix.suites import VENDORED, Suite
from tools.matrix.support import MatrixError

# The interpreters the matrix asks for; one the machine lacks is reported.
WANTED_PYTHONS = ("3.11", "3.12", "3.13", "3.14")
# Each suite, and the botocore releases it runs on unless --botocore says.
SUITES: dict[str, tuple[Suite, tuple[str, ...]]] = {
    "vendored": (VENDORED, tuple(releases())),
    "async": (ASYNC, (ASYNC_BOTOCORE,)),
}


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m tools.matrix",
        description="Run the vendored copy's tests on several botocores and Pythons.",
    )
    parser.add_argument(
        "--suite",
        choices=sorted([*SUITES, "async-moto"]),
        default="vendored",
        help="what to run (async-moto: the async client against moto's server)",
    )
    parser.add_argument(
        "--botocore", default="", help="comma-separated releases (the suite's)"
    )
    parser.add_argument(
        "--pythons", default=",".join(WANTED_PYTHONS), help="comma-separated X.Y"
    )
    parser.add_argument("--jobs", type=int, default=2, help="cells at a time")
    parser.add_argument("--cache", type=Path, default=None, help="wheel folder")
    parser.add_argument("--keep", action="store_true", help="keep environments")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the matrix and print its table, the skipped interpreters and failures."""
    options = _parser().parse_args(argv)
    started = time.monotonic()
    if options.suite == "async-moto":
        return _moto(options.cache or wheel_cache(), options.keep, started)
    try:
        pythons, missing = discover(options.pythons.split(","))
    except MatrixError as error:
        print(f"matrix: error: {error}", file=sys.stderr)
        return 2
    suite, suite_releases = SUITES[options.suite]
    versions = options.botocore.split(",") if options.botocore else suite_releases
    cells = [Cell(python, version) for version in versions for python in pythons]
    cache = options.cache or wheel_cache()
    outcomes = run_matrix(cells, suite, cache, options.jobs, options.keep)
    print(table(outcomes))
    for line in missing:
        print(line)
    for outcome in outcomes:
        if not outcome.passed:
            cell = outcome.cell
            print(f"\n--- FAIL python {cell.python.version}, botocore {cell.botocore}")
            print(outcome.output)
    print(f"\n{len(cells)} cells in {time.monotonic() - started:.0f} s (cache {cache})")
    return 0 if all(outcome.passed for outcome in outcomes) else 1


def _moto(cache: Path, keep: bool, started: float) -> int:
    """The async moto suite: one cell, its package and server made first."""
    try:
        outcome = run_async_moto(cache, keep)
    except MatrixError as error:
        print(f"matrix: error: {error}", file=sys.stderr)
        return 2
    print(table([outcome]))
    if not outcome.passed:
        print(outcome.output)
    print(f"\n1 cell in {time.monotonic() - started:.0f} s (cache {cache})")
    return 0 if outcome.passed else 1
