"""``enable_validation`` on plain boto3 and botocore clients, and the typed
clients' ``validate=`` modes.

Oracles nobody here wrote: botocore's exception classes (``except
ParamValidationError``, its pickling), botocore's ``Stubber`` (a stubbed reply
still pending means the call never got as far as sending), a real HTTP server on
127.0.0.1 counting what arrives, ``warnings`` and ``logging`` themselves.
"""

from __future__ import annotations

import asyncio
import importlib
import json
import logging
import os
import pickle
import subprocess
import sys
import threading
import warnings
from collections.abc import Callable, Iterator, Mapping
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import boto3  # type: ignore[import-untyped]
import botocore.session
import pytest
from botocore.client import BaseClient
from botocore.config import Config
from botocore.exceptions import BotoCoreError, ParamValidationError
from botocore.stub import Stubber

import generated.connect as connect
from generated.connect import (
    ConnectClient,
    ParameterValidationError,
    ParameterValidationWarning,
    StartEmailContactRequest,
    ValidationError,
    disable_validation,
    enable_validation,
)
from tests.sdk.sample_requests import make_request
from tests.support import REPO

SECRET = "s3cr3t-marker"
VALID = make_request().to_dict()
# Two violations: a length (botocore checks it too) and a pattern on a sensitive
# member (botocore does not), which carries the marker no message may show.
INVALID = {**VALID, "InstanceId": "", "DestinationEmailAddress": f"{SECRET} at x"}
# Only what botocore never checks: a pattern, on a sensitive member.
PATTERN_ONLY = {**VALID, "DestinationEmailAddress": f"{SECRET} at x"}
CREDENTIALS: dict[str, Any] = {
    "aws_access_key_id": "AKIDEXAMPLE",
    "aws_secret_access_key": "secret",
}


def _boto3_client(**options: Any) -> BaseClient:
    client: BaseClient = boto3.client("connect", **options)
    return client


def _boto3_session_client(**options: Any) -> BaseClient:
    client: BaseClient = boto3.Session().client("connect", **options)
    return client


def _botocore_client(**options: Any) -> BaseClient:
    return botocore.session.get_session().create_client("connect", **options)


FACTORIES: dict[str, Callable[..., BaseClient]] = {
    "boto3.client": _boto3_client,
    "boto3.Session().client": _boto3_session_client,
    "botocore": _botocore_client,
}


@pytest.fixture(autouse=True)
def no_aws_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No config or credentials of the user's, no instance metadata."""
    monkeypatch.setenv("AWS_CONFIG_FILE", str(tmp_path / "none"))
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(tmp_path / "none"))
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")


class Server:
    """A live HTTP server on 127.0.0.1 answering every request with a
    StartEmailContact success, counting what arrives."""

    def __init__(self) -> None:
        self.count = 0
        self.lock = threading.Lock()
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_PUT(self) -> None:
                self.rfile.read(int(self.headers.get("Content-Length") or 0))
                with outer.lock:
                    outer.count += 1
                body = b'{"ContactId": "c-1"}'
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_POST = do_GET = do_PUT

            def log_message(self, format: str, *args: Any) -> None:
                """Quiet."""

        self.http = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.endpoint = f"http://127.0.0.1:{self.http.server_address[1]}"


@pytest.fixture
def server() -> Iterator[Server]:
    state = Server()
    thread = threading.Thread(
        target=state.http.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
    )
    thread.start()
    try:
        yield state
    finally:
        state.http.shutdown()
        state.http.server_close()
        thread.join(timeout=5)


def http_client(factory: Callable[..., BaseClient], server: Server) -> BaseClient:
    return factory(
        region_name="us-east-1",
        endpoint_url=server.endpoint,
        config=Config(retries={"max_attempts": 1}),
        **CREDENTIALS,
    )


def call(client: BaseClient, params: Mapping[str, Any]) -> Any:
    # botocore makes its operation methods at run time.
    return client.start_email_contact(**params)  # type: ignore[attr-defined]


@pytest.fixture(params=list(FACTORIES), ids=list(FACTORIES))
def factory(request: pytest.FixtureRequest) -> Callable[..., BaseClient]:
    found: Callable[..., BaseClient] = FACTORIES[request.param]
    return found


# --- raise ---------------------------------------------------------------------


def test_raise_stops_the_call_before_http(
    factory: Callable[..., BaseClient], server: Server
) -> None:
    client = http_client(factory, server)
    enable_validation(client)
    with pytest.raises(ParamValidationError) as caught:
        call(client, INVALID)
    assert server.count == 0
    error = caught.value
    assert isinstance(error, ValidationError)
    assert isinstance(error, ParameterValidationError)
    assert isinstance(error, BotoCoreError)
    assert call(client, VALID)["ContactId"] == "c-1"
    assert server.count == 1


def test_the_error_has_every_violation_of_validate_dict(
    factory: Callable[..., BaseClient], server: Server
) -> None:
    client = http_client(factory, server)
    enable_validation(client)
    with pytest.raises(ValidationError) as caught:  # caught as the package's
        call(client, INVALID)
    with pytest.raises(ValidationError) as direct:
        StartEmailContactRequest.validate_dict(INVALID)
    assert caught.value.errors == direct.value.errors
    assert [v.path for v in caught.value.errors] == [
        "InstanceId",
        "DestinationEmailAddress",
    ]
    text = str(caught.value)
    # botocore's format (its fmt), the operation, then the package's messages.
    assert text.startswith("Parameter validation failed:\nStartEmailContact: ")
    assert text.endswith(str(direct.value))
    assert isinstance(caught.value, ParameterValidationError)
    assert caught.value.kwargs == {"report": text.split("\n", 1)[1]}
    assert caught.value.operation == "StartEmailContact"
    # One error, not one raised while handling another.
    assert caught.value.__context__ is None
    assert caught.value.__cause__ is None


def test_the_error_pickles_as_itself() -> None:
    client = _botocore_client(region_name="us-east-1", **CREDENTIALS)
    enable_validation(client)
    with Stubber(client) as stubber, pytest.raises(ParameterValidationError) as caught:
        stubber.add_response("start_email_contact", {"ContactId": "c-1"})
        call(client, INVALID)
    copy = pickle.loads(pickle.dumps(caught.value))
    assert type(copy) is ParameterValidationError
    assert isinstance(copy, ParamValidationError)
    assert (copy.errors, copy.operation) == (caught.value.errors, "StartEmailContact")
    assert str(copy) == str(caught.value)
    assert copy.kwargs == caught.value.kwargs


def test_under_stubber_an_invalid_call_never_takes_its_reply() -> None:
    """botocore's Stubber hands out a queued reply only when a call is sent."""
    client = _botocore_client(region_name="us-east-1", **CREDENTIALS)
    enable_validation(client)
    with Stubber(client) as stubber:
        stubber.add_response("start_email_contact", {"ContactId": "c-1"})
        with pytest.raises(ParamValidationError):
            call(client, PATTERN_ONLY)
        with pytest.raises(AssertionError):
            stubber.assert_no_pending_responses()
        assert call(client, VALID)["ContactId"] == "c-1"
        stubber.assert_no_pending_responses()


# --- warn and log --------------------------------------------------------------


def test_warn_warns_once_and_sends(
    factory: Callable[..., BaseClient], server: Server
) -> None:
    client = http_client(factory, server)
    enable_validation(client, mode="warn")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert call(client, PATTERN_ONLY)["ContactId"] == "c-1"
    assert server.count == 1
    assert len(caught) == 1
    warning = caught[0]
    assert warning.category is ParameterValidationWarning
    assert issubclass(ParameterValidationWarning, UserWarning)
    assert warning.filename == __file__  # the caller's line, not botocore's
    with pytest.raises(ValidationError) as direct:
        StartEmailContactRequest.validate_dict(PATTERN_ONLY)
    expected = ParameterValidationError(direct.value.errors, "StartEmailContact")
    assert str(warning.message) == str(expected)
    assert SECRET not in str(warning.message)


def test_log_logs_once_on_the_package_logger_and_sends(
    factory: Callable[..., BaseClient],
    server: Server,
    caplog: pytest.LogCaptureFixture,
) -> None:
    client = http_client(factory, server)
    enable_validation(client, mode="log")
    with caplog.at_level(logging.WARNING, logger=connect.__name__):
        assert call(client, PATTERN_ONLY)["ContactId"] == "c-1"
    assert server.count == 1
    records = [r for r in caplog.records if r.name == connect.__name__]
    assert len(records) == 1
    assert records[0].levelno == logging.WARNING
    message = records[0].getMessage()
    assert message.startswith("Parameter validation failed:\nStartEmailContact: ")
    assert "DestinationEmailAddress" in message
    assert SECRET not in message
    assert SECRET not in caplog.text


def test_warn_leaves_botocores_own_validation_alone(server: Server) -> None:
    """The hook reports and lets go; what botocore checks itself (a minimum
    length) it still refuses, with its own error."""
    client = http_client(_botocore_client, server)
    enable_validation(client, mode="warn")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with pytest.raises(ParamValidationError) as refused:
            call(client, INVALID)
    assert len(caught) == 1
    assert not isinstance(refused.value, ValidationError)  # botocore's own
    assert server.count == 0


# --- enabling, switching, removing ---------------------------------------------


def test_enabling_twice_checks_once(server: Server) -> None:
    client = http_client(_boto3_client, server)
    enable_validation(client, mode="warn")
    enable_validation(client, mode="warn")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        call(client, PATTERN_ONLY)
    assert len(caught) == 1
    assert server.count == 1


def test_enabling_again_switches_the_mode(server: Server) -> None:
    client = http_client(_boto3_client, server)
    enable_validation(client)
    enable_validation(client, mode="warn")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        call(client, PATTERN_ONLY)
    assert [w.category for w in caught] == [ParameterValidationWarning]
    enable_validation(client, mode="raise")
    with pytest.raises(ParameterValidationError):
        call(client, PATTERN_ONLY)
    assert server.count == 1


def test_disable_removes_it(factory: Callable[..., BaseClient], server: Server) -> None:
    client = http_client(factory, server)
    disable_validation(client)  # never enabled: nothing happens
    enable_validation(client)
    with pytest.raises(ParameterValidationError):
        call(client, PATTERN_ONLY)
    disable_validation(client)
    disable_validation(client)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert call(client, PATTERN_ONLY)["ContactId"] == "c-1"
    assert caught == []
    assert server.count == 1


def test_other_clients_and_operations_are_untouched(server: Server) -> None:
    session = boto3.Session()
    options = {
        "region_name": "us-east-1",
        "endpoint_url": server.endpoint,
        **CREDENTIALS,
    }
    enabled = session.client("connect", **options)
    other = session.client("connect", **options)
    enable_validation(enabled)
    assert call(other, PATTERN_ONLY)["ContactId"] == "c-1"
    assert server.count == 1
    # An operation this package does not hold: a DescribeInstance id longer than
    # the model's maximum (100) is sent as it is (botocore checks no maximum).
    with Stubber(enabled) as stubber:
        long_id = "i" * 101
        stubber.add_response(
            "describe_instance", {"Instance": {}}, {"InstanceId": long_id}
        )
        enabled.describe_instance(InstanceId=long_id)
        stubber.assert_no_pending_responses()


def test_bad_arguments_get_one_clear_line() -> None:
    client = _botocore_client(region_name="us-east-1", **CREDENTIALS)
    with pytest.raises(ValueError, match=r"^mode must be 'raise', 'warn' or 'log'"):
        enable_validation(client, mode="loud")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"takes a botocore or boto3 client, not dict"):
        enable_validation({})  # type: ignore[arg-type]
    s3 = botocore.session.get_session().create_client(
        "s3", region_name="us-east-1", **CREDENTIALS
    )
    with pytest.raises(ValueError, match=r"validates 'connect' clients, not 's3'"):
        enable_validation(s3)
    with pytest.raises(ValueError, match=r"not 's3'"):
        disable_validation(s3)


# --- the typed client's modes --------------------------------------------------


def typed(server: Server, validate: Any) -> ConnectClient:
    return ConnectClient.from_session(
        region_name="us-east-1",
        endpoint_url=server.endpoint,
        config=Config(retries={"max_attempts": 1}),
        validate=validate,
        **CREDENTIALS,
    )


def invalid_request() -> StartEmailContactRequest:
    return StartEmailContactRequest.from_dict(INVALID)


@pytest.mark.parametrize("validate", [True, "raise"])
def test_typed_client_raise(server: Server, validate: Any) -> None:
    client = typed(server, validate)
    with pytest.raises(ParamValidationError) as caught:
        client.start_email_contact(invalid_request())
    assert isinstance(caught.value, ValidationError)
    assert caught.value.__context__ is None
    assert str(caught.value).startswith("Parameter validation failed:\n")
    assert SECRET not in str(caught.value)
    assert server.count == 0


@pytest.mark.parametrize("wrap", [False, True], ids=["from_session", "constructor"])
def test_typed_client_warn_sends(server: Server, wrap: bool) -> None:
    if wrap:
        plain = http_client(_boto3_client, server)
        client = ConnectClient(plain, validate="warn")
        request = StartEmailContactRequest.from_dict(PATTERN_ONLY)
    else:
        # from_session switches botocore's own check off: even the empty
        # InstanceId botocore refuses is sent.
        client = typed(server, "warn")
        request = invalid_request()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert client.start_email_contact(request).contact_id == "c-1"
    assert [w.category for w in caught] == [ParameterValidationWarning]
    assert caught[0].filename == __file__
    assert "StartEmailContact: " in str(caught[0].message)
    assert SECRET not in str(caught[0].message)
    assert server.count == 1


def test_typed_client_log_sends(
    server: Server, caplog: pytest.LogCaptureFixture
) -> None:
    client = typed(server, "log")
    with caplog.at_level(logging.WARNING, logger=connect.__name__):
        assert client.start_email_contact(invalid_request()).contact_id == "c-1"
    records = [r for r in caplog.records if r.name == connect.__name__]
    assert len(records) == 1
    assert "InstanceId: length 0" in records[0].getMessage()
    assert SECRET not in caplog.text
    assert server.count == 1


def test_typed_client_off_sends_unchecked(server: Server) -> None:
    client = typed(server, False)
    request = StartEmailContactRequest.from_dict(PATTERN_ONLY)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        client.start_email_contact(request)
    assert caught == []
    assert server.count == 1


@pytest.mark.parametrize("validate", ["loud", "", None, 1])
def test_typed_client_refuses_other_modes(validate: Any) -> None:
    plain = _botocore_client(region_name="us-east-1", **CREDENTIALS)
    message = r"^validate must be True, False, 'raise', 'warn' or 'log', not "
    with pytest.raises(ValueError, match=message):
        ConnectClient(plain, validate=validate)
    with pytest.raises(ValueError, match=message):
        ConnectClient.from_session(region_name="us-east-1", validate=validate)
    with pytest.raises(ValueError, match=message):
        connect.AsyncConnectClient(client=object(), validate=validate)  # type: ignore[arg-type]


class RecordingAioClient:
    """Stands in for an open aiobotocore client: records what it is handed."""

    def __init__(self) -> None:
        self.calls: list[dict[str, Any]] = []
        # The client checks the request against botocore's model through
        # ``meta``, as an aiobotocore client (a botocore client) has it.
        self.meta = _botocore_client(region_name="us-east-1", **CREDENTIALS).meta

    async def start_email_contact(self, **params: Any) -> dict[str, Any]:
        self.calls.append(params)
        return {"ContactId": "c-1"}


@pytest.mark.parametrize("validate", [True, "raise", "warn", "log", False])
def test_async_client_modes(validate: Any, caplog: pytest.LogCaptureFixture) -> None:
    """The async client takes the same modes; in "raise" nothing is handed to
    aiobotocore, otherwise the request is, once."""
    aio = RecordingAioClient()
    client = connect.AsyncConnectClient(client=aio, validate=validate)
    request = StartEmailContactRequest.from_dict(PATTERN_ONLY)
    with (
        warnings.catch_warnings(record=True) as caught,
        caplog.at_level(logging.WARNING, logger=connect.__name__),
    ):
        warnings.simplefilter("always")
        if validate in (True, "raise"):
            with pytest.raises(ParameterValidationError):
                asyncio.run(client.start_email_contact(request))
        else:
            response = asyncio.run(client.start_email_contact(request))
            assert response.contact_id == "c-1"
    records = [r for r in caplog.records if r.name == connect.__name__]
    assert len(aio.calls) == (0 if validate in (True, "raise") else 1)
    assert len(caught) == (1 if validate == "warn" else 0)
    assert len(records) == (1 if validate == "log" else 0)
    assert SECRET not in caplog.text
    assert all(SECRET not in str(w.message) for w in caught)


def test_the_operation_table_names_botocores_input_shapes() -> None:
    """``_operations.py`` against botocore's model: every operation the package
    holds, with the input shape botocore names (the class has its name)."""
    table = importlib.import_module(f"{connect.__name__}._operations")
    model = botocore.session.get_session().get_service_model("connect")
    assert model.service_name == table.SERVICE
    assert dict(table.REQUESTS) == {"StartEmailContact": "StartEmailContactRequest"}
    for operation, request in table.REQUESTS.items():
        shape = model.operation_model(operation).input_shape
        assert shape is not None
        assert shape.name == request
        assert getattr(connect, request).__name__ == request


def test_the_names_load_botocore_only_when_used() -> None:
    """``import generated.connect`` loads no botocore; ``enable_validation``
    loads it (and ``_hook``) on first use (a fresh interpreter's modules)."""
    code = (
        "import json, sys\n"
        f"import {connect.__name__} as package\n"
        "before = 'botocore' in sys.modules\n"
        "package.enable_validation\n"
        "print(json.dumps([before, 'botocore' in sys.modules,\n"
        "                  package.__name__ + '._hook' in sys.modules]))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    assert json.loads(result.stdout) == [False, True, True]
