"""Errors of the typed client are caught both ways (issue 13, point 2).

Code written for boto3 catches ``client.exceptions.<Name>``, a class botocore
makes per client; after a switch to the typed client the same ``except`` clause
must still catch, and so must one naming the generated class. The oracle is
botocore: its Stubber builds the error responses and botocore's client raises
its own per-client class, which the typed client converts.
"""

from __future__ import annotations

import pickle

import botocore.session
import pytest
from botocore.client import BaseClient
from botocore.exceptions import ClientError
from botocore.stub import Stubber

from generated.connect import ConnectClient, ConnectError
from tests.sdk.sample_requests import make_request
from tests.sdk.test_client_stubber import METHOD, MODELED_ERRORS

CODES = [cls.__name__ for cls, *_ in MODELED_ERRORS]


def _botocore_client() -> BaseClient:
    """A fresh session each time: botocore makes new per-client classes per session."""
    return botocore.session.get_session().create_client(
        "connect",
        region_name="us-east-1",
        aws_access_key_id="AKIDEXAMPLE",
        aws_secret_access_key="secret",
    )


def _raise(
    botocore_client: BaseClient, error_class: type[ConnectError], status: int
) -> ConnectError:
    """Stub one modeled error and return what the typed client raises."""
    client = ConnectClient(botocore_client)
    with Stubber(botocore_client) as stubber:
        stubber.add_client_error(
            METHOD,
            service_error_code=error_class.__name__,
            service_message="it failed",
            http_status_code=status,
        )
        try:
            client.start_email_contact(make_request())
        except ConnectError as error:
            stubber.assert_no_pending_responses()
            return error
    raise AssertionError("no error raised")


@pytest.mark.parametrize(
    ("error_class", "status"),
    [(cls, status) for cls, status, *_ in MODELED_ERRORS],
    ids=CODES,
)
def test_caught_by_botocores_per_client_class(
    error_class: type[ConnectError], status: int
) -> None:
    """``except client.exceptions.<Name>`` and ``except <generated>`` both catch."""
    botocore_client = _botocore_client()
    client = ConnectClient(botocore_client)
    botocore_class = getattr(botocore_client.exceptions, error_class.__name__)
    caught_by: list[str] = []
    for handler in ("botocore", "generated"):
        with Stubber(botocore_client) as stubber:
            stubber.add_client_error(
                METHOD,
                service_error_code=error_class.__name__,
                service_message="it failed",
                http_status_code=status,
            )
            try:
                if handler == "botocore":
                    try:
                        client.start_email_contact(make_request())
                    except botocore_class as error:
                        caught_by.append(handler)
                        assert isinstance(error, error_class)
                else:
                    try:
                        client.start_email_contact(make_request())
                    except error_class as error:
                        caught_by.append(handler)
                        assert isinstance(error, botocore_class)
            except ClientError as escaped:  # pragma: no cover - the failure case
                pytest.fail(f"{handler} handler missed {type(escaped).__mro__}")
    assert caught_by == ["botocore", "generated"]


@pytest.mark.parametrize(
    ("error_class", "status"),
    [(cls, status) for cls, status, *_ in MODELED_ERRORS],
    ids=CODES,
)
def test_prints_and_pickles_like_before(
    error_class: type[ConnectError], status: int
) -> None:
    """str() is botocore's; the class reads as the generated one; pickling gives
    the generated class back (botocore's class has no importable name)."""
    error = _raise(_botocore_client(), error_class, status)
    cause = error.__cause__
    assert isinstance(cause, ClientError)
    assert str(error) == str(cause)
    assert str(error) == (
        f"An error occurred ({error_class.__name__}) when calling the "
        "StartEmailContact operation: it failed"
    )
    assert type(error).__name__ == error_class.__name__
    assert type(error).__module__ == error_class.__module__
    assert repr(error).startswith(f"{error_class.__name__}(")

    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is error_class
    assert copy == error and error == copy
    assert hash(copy) == hash(error)
    assert str(copy) == str(error)


def test_one_class_per_pair_of_classes() -> None:
    """The same client gives the same class each time; another session's client
    (another botocore class) gets its own, caught by its own ``except``."""
    error_class, status, *_ = MODELED_ERRORS[0]
    first_client, second_client = _botocore_client(), _botocore_client()
    first = _raise(first_client, error_class, status)
    again = _raise(first_client, error_class, status)
    other = _raise(second_client, error_class, status)
    assert type(first) is type(again)
    name = error_class.__name__
    first_botocore = getattr(first_client.exceptions, name)
    second_botocore = getattr(second_client.exceptions, name)
    assert first_botocore is not second_botocore
    assert type(other) is not type(first)
    assert isinstance(other, second_botocore) and isinstance(other, error_class)
    assert not isinstance(other, first_botocore)
