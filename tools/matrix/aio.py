"""The async suite: ``AsyncConnectClient`` where async users run it.

aiobotocore pins botocore tightly (3.10.0: ``>=1.43.115,<1.43.118``), so the
repository's environment (botocore 1.44.8) cannot hold it. The suite runs in a
matrix cell instead: a fresh virtualenv with aiobotocore, the newest botocore it
allows and pytest, from the wheel cache, with the generated package vendored
in. ``python -m tools.matrix --suite async`` runs it; so does
``tests/conformance/test_async_suite.py`` (``slow``, so ``make test`` and CI).

The moto suite (``--suite async-moto``) runs the same way on a package generated
for the Connect operations moto implements, against moto's server, which runs
from the repository's environment in a process of its own (moto_server.py).
"""

from __future__ import annotations

import dataclasses
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from tools.matrix.envs import probe
from tools.matrix.moto_server import ENDPOINT_ENV, moto_server
from tools.matrix.run import AIOBOTOCORE, Cell, Outcome, run_cell
from tools.matrix.suites import Suite
from tools.matrix.support import REPO, MatrixError

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
        # The old Connect model the BotocoreModelError test loads.
        "tests/fixtures/botocore-connect/1.35.68/service-2.json.gz",
    ),
)


# The Connect operations moto implements that the moto suite calls (moto 5.2.5,
# moto/connect/responses.py); ListInstances has botocore's paginator.
MOTO_OPERATIONS = (
    "CreateInstance",
    "DescribeInstance",
    "ListInstances",
    "DeleteInstance",
    "TagResource",
    "UntagResource",
    "ListTagsForResource",
)

# DynamoDB's tables have botocore waiters (TableExists, TableNotExists), which
# Connect has none of; moto implements these operations.
MOTO_DYNAMODB = "motodynamodb"
MOTO_DYNAMODB_OPERATIONS = ("CreateTable", "DescribeTable", "DeleteTable")

ASYNC_MOTO = Suite(
    name="async-moto",
    tests=("tests/sdk/async_client_moto.py",),
    requirements=(AIOBOTOCORE,),
)


def _cell() -> Cell:
    python = probe(Path(sys.executable))
    if python is None:
        raise MatrixError(f"cannot run {sys.executable}")
    return Cell(python, ASYNC_BOTOCORE)


def run_async(cache: Path, keep: bool = False) -> Outcome:
    """The async suite on the running interpreter and ``ASYNC_BOTOCORE``."""
    return run_cell(_cell(), ASYNC, cache, keep)


def generate_package(
    folder: Path, name: str, service: str, operations: tuple[str, ...]
) -> Path:
    """The package for ``operations`` of ``service``, generated into ``folder``."""
    target = folder / name
    selected = [f"--operation={operation}" for operation in operations]
    result = subprocess.run(
        [sys.executable, "-m", "codegen", "--service", service, *selected,
         "--output", str(target)],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )  # fmt: skip
    if result.returncode != 0:
        raise MatrixError(f"cannot generate the {service} package: {result.stderr}")
    return target


def run_async_moto(cache: Path, keep: bool = False) -> Outcome:
    """The moto suite: its packages generated, moto's server started, the cell run."""
    folder = Path(tempfile.mkdtemp(prefix="matrix-moto-"))
    try:
        connect = generate_package(folder, "motoconnect", "connect", MOTO_OPERATIONS)
        dynamodb = generate_package(
            folder, MOTO_DYNAMODB, "dynamodb", MOTO_DYNAMODB_OPERATIONS
        )
        also = ((MOTO_DYNAMODB, dynamodb),)
        suite = dataclasses.replace(ASYNC_MOTO, source=connect, also=also)
        with moto_server(folder) as endpoint:
            return run_cell(_cell(), suite, cache, keep, {ENDPOINT_ENV: endpoint})
    finally:
        shutil.rmtree(folder, ignore_errors=True)
