"""``AsyncConnectClient`` over aiobotocore against a real HTTP server on 127.0.0.1.

Runs only where aiobotocore is installed: in the environment
``tools/matrix/aio.py`` builds (aiobotocore, the botocore it allows, pytest; the
generated package copied in), through ``python -m tools.matrix --suite async``
or ``tests/conformance/test_async_suite.py``. The file is not named ``test_*``,
so the repository's own run, which cannot install aiobotocore next to its
botocore, never collects it; pytest collects a file named on its command line.

The oracle is the HTTP exchange, observed by the sync tests' recording server
(``tests/sdk/test_client_http.py``): signing, serialization, retries and error
parsing are aiobotocore's and botocore's.
"""

from __future__ import annotations

import asyncio
import functools
import importlib
import re
import shutil
import sys
import uuid
from pathlib import Path
from typing import Any

import botocore
import pytest
from botocore.config import Config
from botocore.exceptions import ClientError, ParamValidationError

from generated.connect import (
    AsyncConnectClient,
    BotocoreModelError,
    ConnectError,
    ParameterValidationError,
    SegmentAttributeValue,
    StartEmailContactResponse,
    ThrottlingException,
    ValidationError,
    disable_validation,
    enable_validation,
)
from generated.connect.async_client import AioSession
from generated.connect.shapes import InboundEmailContent
from tests.sdk import test_client_http as http
from tests.sdk.sample_requests import make_request
from tests.sdk.test_client_http import (
    MODELED_ERRORS,
    FakeConnect,
    client_token,
    json_reply,
)

# The sync tests' live server on 127.0.0.1 (a random port), as a fixture here.
fake = http.fake

# One retry (two attempts): enough to see a token resent, and at most a couple
# of seconds of aiobotocore's backoff per retried test.
ATTEMPTS = 2
DOCS = Path(__file__).resolve().parents[2] / "docs" / "async.md"
RELEASES = Path(__file__).resolve().parents[1] / "fixtures" / "botocore-connect"


@pytest.fixture(autouse=True)
def local_only(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Dummy credentials, and nothing that could reach beyond 127.0.0.1: no
    instance metadata, no profile or config file of the machine's."""
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "secret")
    monkeypatch.setenv("AWS_CONFIG_FILE", str(tmp_path / "config"))
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(tmp_path / "credentials"))
    for name in ("AWS_PROFILE", "AWS_SESSION_TOKEN", "AWS_ENDPOINT_URL"):
        monkeypatch.delenv(name, raising=False)


@functools.cache
def shared_session() -> AioSession:
    """One aiobotocore session for the module's clients: each new session would
    load Connect's model again (about a second on a busy machine)."""
    session: AioSession = importlib.import_module("aiobotocore.session").get_session()
    return session


def open_client(fake: FakeConnect) -> AsyncConnectClient:
    """The async client, pointed at the local server (opened by ``async with``)."""
    return AsyncConnectClient.from_session(
        session=shared_session(),
        region_name="us-east-1",
        endpoint_url=f"http://127.0.0.1:{fake.port}",
        aws_access_key_id="AKIDEXAMPLE",
        aws_secret_access_key="secret",
        config=Config(
            retries={"mode": "standard", "max_attempts": ATTEMPTS - 1},
            connect_timeout=2,
            read_timeout=5,
        ),
    )


async def send_one(fake: FakeConnect, **overrides: Any) -> StartEmailContactResponse:
    async with open_client(fake) as client:
        return await client.start_email_contact(make_request(**overrides))


def test_success_on_the_wire(fake: FakeConnect) -> None:
    """One signed PUT /contact/email whose JSON is to_dict + a fresh token."""
    fake.script(json_reply(200, {"ContactId": "c-1"}))

    response = asyncio.run(send_one(fake))

    assert response == StartEmailContactResponse(contact_id="c-1")
    assert "aiobotocore" in sys.modules  # this went through aiobotocore
    [sent] = fake.requests
    assert (sent.method, sent.path) == ("PUT", "/contact/email")
    assert sent.headers["host"] == f"127.0.0.1:{fake.port}"
    authorization = sent.headers["authorization"]
    assert authorization.startswith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/")
    assert "/us-east-1/connect/aws4_request" in authorization
    token = client_token(sent)
    assert uuid.UUID(token).version == 4
    assert sent.json() == {**make_request().to_dict(), "ClientToken": token}


def test_caller_token_sent_as_given(fake: FakeConnect) -> None:
    fake.script(json_reply(200, {"ContactId": "c-2"}))
    asyncio.run(send_one(fake, client_token="caller-token-7"))
    assert [r.json()["ClientToken"] for r in fake.requests] == ["caller-token-7"]


@pytest.mark.parametrize(
    ("error_class", "status", "wire_fields", "typed_fields", "attempts"),
    MODELED_ERRORS,
    ids=[row[0].__name__ for row in MODELED_ERRORS],
)
def test_modeled_error_from_the_wire(
    fake: FakeConnect,
    error_class: type[ConnectError],
    status: int,
    wire_fields: dict[str, Any],
    typed_fields: dict[str, Any],
    attempts: int,
) -> None:
    """The reply parsed by aiobotocore, raised as the sync client raises it."""
    code = error_class.__name__
    message = f"{code}: the server says no"
    sent = ATTEMPTS if attempts > 1 else 1  # retryable ones are retried once
    reply = json_reply(status, {"Message": message, **wire_fields}, error_type=code)
    fake.script(*[reply] * sent)

    with pytest.raises(ClientError) as caught:
        asyncio.run(send_one(fake))
    error = caught.value

    # Caught both ways: the generated class, and aiobotocore's per-client class
    # (``client.exceptions.<code>``) the original was raised as.
    assert isinstance(error, error_class)
    assert type(error).__name__ == code
    assert isinstance(error, ConnectError)
    assert type(error.__cause__).__name__ == code
    assert isinstance(error, type(error.__cause__))
    assert error.response["Error"]["Message"] == message
    for name, value in typed_fields.items():
        assert getattr(error, name) == value
    assert error.response["Error"]["Code"] == code
    assert error.response["ResponseMetadata"]["HTTPStatusCode"] == status
    assert error.response["ResponseMetadata"]["RetryAttempts"] == sent - 1
    assert isinstance(error.__cause__, ClientError)
    assert not isinstance(error.__cause__, ConnectError)
    assert len(fake.requests) == sent
    assert fake.pending == 0
    assert len({client_token(recorded) for recorded in fake.requests}) == 1


def test_throttled_then_success_resends_same_token(fake: FakeConnect) -> None:
    """aiobotocore retries the 429; both bodies carry the same ClientToken."""
    fake.script(
        json_reply(429, {"Message": "slow down"}, error_type="ThrottlingException"),
        json_reply(200, {"ContactId": "c-after-retry"}),
    )

    response = asyncio.run(send_one(fake))

    assert response == StartEmailContactResponse(contact_id="c-after-retry")
    first, second = fake.requests
    assert client_token(first) == client_token(second)
    assert first.json() == second.json()


def test_throttling_caught_by_its_class(fake: FakeConnect) -> None:
    """``except ThrottlingException`` catches it too, not only ``ClientError``."""
    reply = json_reply(429, {"Message": "no"}, error_type="ThrottlingException")
    fake.script(*[reply] * ATTEMPTS)
    with pytest.raises(ThrottlingException):
        asyncio.run(send_one(fake))


def test_invalid_request_never_reaches_the_server(fake: FakeConnect) -> None:
    fake.script(json_reply(200, {"ContactId": "never"}))
    with pytest.raises(ValidationError) as caught:
        asyncio.run(
            send_one(
                fake,
                instance_id="",
                email_message=InboundEmailContent(message_source_type="HTML"),  # type: ignore[arg-type]
            )
        )
    rules = {(violation.path, violation.rule) for violation in caught.value.errors}
    assert rules >= {
        ("InstanceId", "length"),
        ("EmailMessage.MessageSourceType", "enum"),
    }
    assert fake.requests == []
    assert fake.pending == 1


def test_enable_validation_on_a_plain_aiobotocore_client(fake: FakeConnect) -> None:
    """The hook registers on botocore's event system, which aiobotocore's
    emitter shares: an address botocore's own validator lets through (it
    checks no patterns) is refused before any I/O, a valid call is sent, and
    once the hook is removed the same bad call reaches the server."""
    fake.script(
        json_reply(200, {"ContactId": "c-1"}), json_reply(200, {"ContactId": "c-2"})
    )
    bad = make_request(destination_email_address="no-at-sign").to_dict()
    good = make_request().to_dict()

    async def calls() -> tuple[list[str], BaseException | None]:
        async with shared_session().create_client(
            "connect",
            region_name="us-east-1",
            endpoint_url=f"http://127.0.0.1:{fake.port}",
            aws_access_key_id="AKIDEXAMPLE",
            aws_secret_access_key="secret",
        ) as opened:
            # aiobotocore's client is a botocore BaseClient with coroutine
            # methods made at run time; the package's protocol names neither.
            plain: Any = opened
            enable_validation(plain)
            refused: BaseException | None = None
            try:
                await plain.start_email_contact(**bad, ClientToken="t-0")
            except ParamValidationError as error:
                refused = error
            sent = [await plain.start_email_contact(**good, ClientToken="t-1")]
            disable_validation(plain)
            sent.append(await plain.start_email_contact(**bad, ClientToken="t-2"))
            return [reply["ContactId"] for reply in sent], refused

    contacts, refused = asyncio.run(calls())
    assert isinstance(refused, ParameterValidationError)
    assert [(v.path, v.rule) for v in refused.errors] == [
        ("DestinationEmailAddress", "pattern")
    ]
    assert contacts == ["c-1", "c-2"]
    assert [r.json()["ClientToken"] for r in fake.requests] == ["t-1", "t-2"]


def test_fifty_concurrent_calls_fifty_tokens(fake: FakeConnect) -> None:
    """``asyncio.gather`` of 50 calls: 50 requests, 50 distinct tokens, and
    each response the reply to its own request."""
    count = 50
    fake.script(*[json_reply(200, {"ContactId": f"c-{i}"}) for i in range(count)])

    async def many() -> list[StartEmailContactResponse]:
        async with open_client(fake) as client:
            calls = [client.start_email_contact(make_request()) for _ in range(count)]
            return await asyncio.gather(*calls)

    responses = asyncio.run(many())

    assert len(fake.requests) == count
    assert len({client_token(recorded) for recorded in fake.requests}) == count
    assert sorted(str(r.contact_id) for r in responses) == sorted(
        f"c-{i}" for i in range(count)
    )


def test_async_with_closes_what_it_opened(fake: FakeConnect) -> None:
    """After ``async with`` the client is closed; a wrapper of the caller's
    open aiobotocore client leaves that client open."""
    fake.script(*[json_reply(200, {"ContactId": f"c-{i}"}) for i in range(3)])

    async def scenario() -> list[str | None]:
        opened = open_client(fake)
        async with opened as client:
            first = await client.start_email_contact(make_request())
        with pytest.raises(RuntimeError, match="not open"):
            await opened.start_email_contact(make_request())
        session = shared_session()
        endpoint = f"http://127.0.0.1:{fake.port}"
        async with session.create_client(
            "connect", region_name="us-east-1", endpoint_url=endpoint
        ) as aio:
            async with AsyncConnectClient(aio) as wrapped:
                second = await wrapped.start_email_contact(make_request())
            # Still open: the wrapper closed nothing it did not open.
            third = await AsyncConnectClient(aio).start_email_contact(make_request())
        return [r.contact_id for r in (first, second, third)]

    assert asyncio.run(scenario()) == ["c-0", "c-1", "c-2"]
    assert len(fake.requests) == 3


def test_from_session_merges_an_aioconfig(fake: FakeConnect) -> None:
    """An AioConfig keeps its aiohttp options through the merge with this
    layer's default, and the caller's ``parameter_validation`` wins: with
    ``validate=False`` botocore validates (an empty InstanceId is refused
    before any request), unless the config switches that off too."""
    aio_config = importlib.import_module("aiobotocore.config").AioConfig
    fake.script(json_reply(200, {"ContactId": "c-unchecked"}))
    invalid = make_request(instance_id="")

    def unvalidated(**options: Any) -> AsyncConnectClient:
        return AsyncConnectClient.from_session(
            session=shared_session(),
            region_name="us-east-1",
            endpoint_url=f"http://127.0.0.1:{fake.port}",
            config=aio_config(connector_args={"keepalive_timeout": 7}, **options),
            validate=False,
        )

    async def refused_by_botocore() -> Any:
        async with unvalidated() as client:
            with pytest.raises(ParamValidationError):
                await client.start_email_contact(invalid)
            return client.aiobotocore_client.meta.config

    async def sent_as_it_is() -> str | None:
        async with unvalidated(parameter_validation=False) as client:
            return (await client.start_email_contact(invalid)).contact_id

    config = asyncio.run(refused_by_botocore())
    assert isinstance(config, aio_config)
    assert config.connector_args["keepalive_timeout"] == 7
    assert fake.requests == []
    assert asyncio.run(sent_as_it_is()) == "c-unchecked"
    assert [r.json()["InstanceId"] for r in fake.requests] == [""]


def test_a_member_the_installed_model_lacks_never_reaches_the_server(
    fake: FakeConnect, tmp_path: Path
) -> None:
    """aiobotocore reading botocore 1.35.68's Connect model (botocore's Loader,
    through the session's data_path): ``SegmentAttributeValue.ValueMap`` is not
    in it, so the call raises ``BotocoreModelError`` instead of losing it."""
    folder = tmp_path / "models" / "connect" / "2017-08-08"
    folder.mkdir(parents=True)
    shutil.copy(RELEASES / "1.35.68" / "service-2.json.gz", folder)
    session = importlib.import_module("aiobotocore.session").get_session()
    session.set_config_variable("data_path", str(tmp_path / "models"))
    fake.script(json_reply(200, {"ContactId": "c-known"}))
    expiry = SegmentAttributeValue(
        value_map={"ExpiryDuration": SegmentAttributeValue(value_integer=135)}
    )

    async def scenario() -> tuple[BotocoreModelError, str | None]:
        async with AsyncConnectClient.from_session(
            session=session,
            region_name="us-east-1",
            endpoint_url=f"http://127.0.0.1:{fake.port}",
        ) as client:
            with pytest.raises(BotocoreModelError) as caught:
                await client.start_email_contact(
                    make_request(segment_attributes={"connect:ContactExpiry": expiry})
                )
            known = await client.start_email_contact(make_request())
        return caught.value, known.contact_id

    error, contact = asyncio.run(scenario())

    path = "SegmentAttributes.connect:ContactExpiry.ValueMap"
    assert [(v.path, v.rule) for v in error.errors] == [(path, "unknown")]
    assert isinstance(error, ValidationError)
    assert f"installed botocore {botocore.__version__}" in str(error)
    # Only the request of members 1.35.68 knows reached the server.
    assert contact == "c-known"
    assert len(fake.requests) == 1
    assert "ValueMap" not in fake.requests[0].body.decode()


def test_give_exactly_one_of_client_and_opener() -> None:
    with pytest.raises(TypeError, match="exactly one"):
        AsyncConnectClient()


def test_docs_example(fake: FakeConnect, capsys: pytest.CaptureFixture[str]) -> None:
    """docs/async.md's example, run against the local server."""
    [code] = re.findall(r"^```python\n(.*?)^```$", DOCS.read_text(), re.S | re.M)
    namespace: dict[str, Any] = {"__name__": "docs_async_example"}
    exec(compile(code, str(DOCS), "exec"), namespace)
    fake.script(*[json_reply(200, {"ContactId": f"c-{i}"}) for i in range(2)])
    endpoint = f"http://127.0.0.1:{fake.port}"
    customers = ["ana@example.com", "bo@example.com"]

    ids = asyncio.run(namespace["start_contacts"](customers, endpoint))

    assert sorted(ids) == ["c-0", "c-1"]
    sent = sorted(r.json()["FromEmailAddress"]["EmailAddress"] for r in fake.requests)
    assert sent == customers  # the invalid one never reached the server
    assert "rejected before any request:" in capsys.readouterr().out
