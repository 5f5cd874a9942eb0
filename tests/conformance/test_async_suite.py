"""``AsyncConnectClient`` in the environment async users have (tools/matrix/aio.py).

The suite (``tests/sdk/async_client_http.py``) runs in a fresh virtualenv with
aiobotocore, the botocore it allows and pytest, from the wheel cache (filled
from PyPI on first use), with the generated package copied in: a minute or
less, so it is ``slow``. The checks of what the environment is made of are quick.

The moto suite (``tests/sdk/async_client_moto.py``) runs the same way on a
package generated for the operations moto implements, against moto's server
started from this environment (tools/matrix/moto_server.py).
"""

from __future__ import annotations

import importlib

import pytest
from packaging.specifiers import SpecifierSet

from codegen.model.naming import method_name
from codegen.model.releases import wheel_cache
from tests.support import REPO
from tools.matrix.aio import (
    ASYNC,
    ASYNC_BOTOCORE,
    ASYNC_MOTO,
    MOTO_DYNAMODB_OPERATIONS,
    MOTO_OPERATIONS,
    run_async,
    run_async_moto,
)
from tools.matrix.run import AIOBOTOCORE
from tools.matrix.wheels import cached_wheel, requires_dist


@pytest.mark.slow
def test_async_suite_passes_with_aiobotocore() -> None:
    """Every test of the suite passed, none was left out."""
    outcome = run_async(wheel_cache())
    assert outcome.passed, f"{outcome.summary}\n{outcome.output}"
    assert outcome.summary.endswith(" passed")
    assert int(outcome.summary.split()[0]) >= 17


@pytest.mark.slow
def test_async_moto_suite_passes_with_aiobotocore() -> None:
    """The lifecycle (async paginator included), the never-sent checks and the
    table waiters pass against moto's server."""
    outcome = run_async_moto(wheel_cache())
    assert outcome.passed, f"{outcome.summary}\n{outcome.output}"
    assert outcome.summary == "3 passed"


def test_the_moto_suite_calls_only_what_moto_implements() -> None:
    """moto's own Connect and DynamoDB responses (the oracle) handle every
    operation the moto packages are generated for."""
    responses = importlib.import_module("moto.connect.responses")
    handlers = set(dir(responses.ConnectResponse))
    for operation in MOTO_OPERATIONS:
        assert method_name(operation) in handlers, operation
    dynamodb = set(
        dir(importlib.import_module("moto.dynamodb.responses").DynamoHandler)
    )
    for operation in MOTO_DYNAMODB_OPERATIONS:
        assert method_name(operation) in dynamodb, operation
    assert "ListInstances" in MOTO_OPERATIONS
    for name in (*ASYNC_MOTO.tests, *ASYNC_MOTO.support):
        assert (REPO / name).is_file(), name


def test_the_environment_holds_the_botocore_aiobotocore_allows() -> None:
    """aiobotocore's own metadata (the oracle) allows ASYNC_BOTOCORE, and the
    suite installs that aiobotocore."""
    wheel = cached_wheel(AIOBOTOCORE, wheel_cache())
    assert ASYNC_BOTOCORE in SpecifierSet(requires_dist(wheel, "botocore"))
    assert AIOBOTOCORE in ASYNC.requirements


def test_the_suite_file_is_left_to_the_aiobotocore_environment() -> None:
    """pytest here would not collect it (it needs aiobotocore), yet every file
    it stages exists."""
    for name in (*ASYNC.tests, *ASYNC.support):
        assert (REPO / name).is_file(), name
    for test in ASYNC.tests:
        assert not test.rsplit("/", 1)[-1].startswith("test_")
