"""The async suite: ``AsyncConnectClient`` where async users run it.

aiobotocore pins botocore tightly (3.10.0: ``>=1.43.115,<1.43.118``), so the
repository's environment (botocore 1.44.8) cannot hold it. The suite runs in a
matrix cell instead: a fresh virtualenv with aiobotocore, the newest botocore it
allows and pytest, from the wheel cache, with the generated package vendored
in. ``python -m tools.matrix --suite async`` runs it; so does
``tests/conformance/test_async_suite.py`` (``slow``, so ``make test`` and CI).
"""

from __future__ import annotations

import sys
from pathlib import Path

from tools.matrix.envs import probe
from tools.matrix.run import AIOBOTOCORE, Cell, Outcome, run_cell
from tools.matrix.suites import Suite
from tools.matrix.support import MatrixError

# The newest botocore AIOBOTOCORE allows (checked against its wheel's metadata
# by tests/conformance/test_async_suite.py).
ASYNC_BOTOCORE = "1.43.117"

ASYNC = Suite(
    name="async",
    tests=("tests/sdk/async_client_http.py",),
    requirements=(AIOBOTOCORE,),
    # The live server and the request builder are the sync HTTP tests' own; the
    # docs' example is read and run by a test.
    support=(
        "tests/sdk/test_client_http.py",
        "tests/sdk/sample_requests.py",
        "docs/async.md",
    ),
)


def run_async(cache: Path, keep: bool = False) -> Outcome:
    """The async suite on the running interpreter and ``ASYNC_BOTOCORE``."""
    python = probe(Path(sys.executable))
    if python is None:
        raise MatrixError(f"cannot run {sys.executable}")
    return run_cell(Cell(python, ASYNC_BOTOCORE), ASYNC, cache, keep)
