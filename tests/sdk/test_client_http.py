"""The generated client against a real HTTP server on localhost.

The oracle is the HTTP exchange itself: a ``ThreadingHTTPServer`` records every
request botocore sends (method, path, headers, body bytes) and answers from a
script, so signing, serialization, retries and error parsing are botocore's,
observed from the wire.
"""

from __future__ import annotations

import json
import threading
import uuid
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from botocore.config import Config
from botocore.exceptions import ClientError

from generated.connect import (
    AccessDeniedException,
    ConnectClient,
    ConnectError,
    EmailAddressInfo,
    EmailAttachment,
    IdempotencyException,
    InboundAdditionalRecipients,
    InboundEmailContent,
    InboundRawMessage,
    InternalServiceException,
    InvalidRequestException,
    InvalidRequestExceptionReason,
    ResourceNotFoundException,
    ResponseValidationError,
    SegmentAttributeValue,
    ServiceQuotaExceededException,
    ServiceQuotaExceededExceptionReason,
    StartEmailContactResponse,
    ThrottlingException,
    ValidationError,
)
from tests.sdk.sample_requests import make_request

Reply = tuple[int, dict[str, str], bytes]
METHOD = "start_email_contact"


@dataclass(frozen=True)
class Recorded:
    """One request as the server received it."""

    method: str
    path: str
    headers: dict[str, str]
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)


@dataclass
class FakeConnect:
    """What the server saw, and the replies it still has to give, in order."""

    port: int = 0
    requests: list[Recorded] = field(default_factory=list)
    replies: deque[Reply] = field(default_factory=deque)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def script(self, *replies: Reply) -> None:
        with self.lock:
            self.replies.extend(replies)

    def next_reply(self, request: Recorded) -> Reply:
        with self.lock:
            self.requests.append(request)
            if self.replies:
                return self.replies.popleft()
        # Unscripted: an error no test expects, so the test fails loudly.
        return json_reply(
            418, {"message": "unscripted request"}, error_type="UnscriptedRequest"
        )

    @property
    def pending(self) -> int:
        with self.lock:
            return len(self.replies)


def json_reply(
    status: int, body: dict[str, Any], error_type: str | None = None
) -> Reply:
    """A reply as the service sends it: JSON body, error type header on errors."""
    headers = {
        "Content-Type": "application/json",
        "x-amzn-RequestId": str(uuid.uuid4()),
    }
    if error_type is not None:
        headers["x-amzn-ErrorType"] = error_type
    return status, headers, json.dumps(body).encode()


def make_handler(fake: FakeConnect) -> type[BaseHTTPRequestHandler]:
    """A request handler class that records into and replies from ``fake``."""

    class Handler(BaseHTTPRequestHandler):
        def _handle(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            recorded = Recorded(
                method=self.command,
                path=self.path,
                headers={name.lower(): value for name, value in self.headers.items()},
                body=body,
            )
            status, headers, payload = fake.next_reply(recorded)
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = _handle

        def log_message(self, format: str, *args: Any) -> None:
            """Keep the test output quiet."""

    return Handler


@pytest.fixture
def fake() -> Iterator[FakeConnect]:
    """A live HTTP server on 127.0.0.1 (random port), shut down after the test."""
    state = FakeConnect()
    server = ThreadingHTTPServer(("127.0.0.1", 0), make_handler(state))
    state.port = server.server_address[1]
    thread = threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
    )
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.fixture
def client(fake: FakeConnect) -> ConnectClient:
    """The generated client, pointed at the local server."""
    return ConnectClient.from_session(
        region_name="us-east-1",
        endpoint_url=f"http://127.0.0.1:{fake.port}",
        aws_access_key_id="AKIDEXAMPLE",
        aws_secret_access_key="secret",
        config=Config(
            retries={"mode": "standard", "max_attempts": 3},
            connect_timeout=2,
            read_timeout=5,
        ),
    )


def client_token(recorded: Recorded) -> str:
    """The ClientToken of a recorded request, checked to be a UUID string."""
    token = recorded.json()["ClientToken"]
    assert isinstance(token, str)
    assert str(uuid.UUID(token)) == token
    return token


# --- success -------------------------------------------------------------------


@pytest.mark.parametrize("contact_id", [5, {}])
def test_response_that_does_not_fit_the_model_from_the_wire(
    client: ConnectClient, fake: FakeConnect, contact_id: Any
) -> None:
    """A 200 whose body botocore parses but the model does not describe raises
    ``ResponseValidationError`` (not the request's ``ValidationError``), with
    the dict raw botocore returns for the same bytes (the oracle)."""
    fake.script(json_reply(200, {"ContactId": contact_id}))
    with pytest.raises(ResponseValidationError) as raised:
        client.start_email_contact(make_request())
    assert not isinstance(raised.value, ValidationError)
    assert [v.path for v in raised.value.errors] == ["ContactId"]
    fake.script(json_reply(200, {"ContactId": contact_id}))
    raw = getattr(client.botocore_client, METHOD)(**make_request().to_dict())
    assert raised.value.response == raw | {
        "ResponseMetadata": raised.value.response["ResponseMetadata"]
    }
    assert raw["ContactId"] == contact_id
    assert len(fake.requests) == 2


def test_success_request_on_the_wire(client: ConnectClient, fake: FakeConnect) -> None:
    """The server sees one signed PUT /contact/email whose JSON is to_dict + token."""
    fake.script(json_reply(200, {"ContactId": "c-1"}))
    request = make_request()

    response = client.start_email_contact(request)

    assert response == StartEmailContactResponse(contact_id="c-1")
    assert len(fake.requests) == 1
    sent = fake.requests[0]
    assert sent.method == "PUT"
    assert sent.path == "/contact/email"
    assert sent.headers["host"] == f"127.0.0.1:{fake.port}"

    authorization = sent.headers["authorization"]
    assert authorization.startswith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/")
    assert "/us-east-1/connect/aws4_request" in authorization
    amz_date = sent.headers["x-amz-date"]
    assert f"Credential=AKIDEXAMPLE/{amz_date[:8]}/us-east-1/" in authorization
    assert "json" in sent.headers["content-type"]

    body = sent.json()
    token = client_token(sent)
    assert uuid.UUID(token).version == 4
    assert body == {**request.to_dict(), "ClientToken": token}


def test_success_given_client_token_on_the_wire(
    client: ConnectClient, fake: FakeConnect
) -> None:
    """The server receives the caller's ClientToken byte for byte."""
    fake.script(json_reply(200, {"ContactId": "c-2"}))
    request = make_request(client_token="caller-token-7")
    assert client.start_email_contact(request) == StartEmailContactResponse(
        contact_id="c-2"
    )
    assert [recorded.json() for recorded in fake.requests] == [request.to_dict()]
    assert fake.requests[0].json()["ClientToken"] == "caller-token-7"


def test_nested_segment_attributes_on_the_wire(
    client: ConnectClient, fake: FakeConnect
) -> None:
    """A recursive member (a map of SegmentAttributeValue) arrives as to_dict."""
    fake.script(json_reply(200, {"ContactId": "c-3"}))
    expiry = SegmentAttributeValue(
        value_map={"ExpiryDuration": SegmentAttributeValue(value_integer=135)}
    )
    request = make_request(segment_attributes={"connect:ContactExpiry": expiry})
    client.start_email_contact(request)
    body = fake.requests[0].json()
    assert body["SegmentAttributes"] == {
        "connect:ContactExpiry": {"ValueMap": {"ExpiryDuration": {"ValueInteger": 135}}}
    }


# --- modeled errors ------------------------------------------------------------

# botocore reads ``retries={"max_attempts": 3}`` as three *retries* after the first
# attempt (botocore/args.py sets total_max_attempts = max_attempts + 1), so a
# retryable error is seen RETRYABLE_ATTEMPTS times by the server.
RETRYABLE_ATTEMPTS = 4

# (class, HTTP status, modeled body fields, typed fields, requests the server sees)
# Like test_client_stubber.py's table on purpose, with other reasons and the
# attempts the wire sees: each oracle reads its own enum values.
MODELED_ERRORS: list[
    tuple[type[ConnectError], int, dict[str, Any], dict[str, Any], int]
] = [
    (
        InvalidRequestException,
        400,
        {"Reason": {"AttachedFileInvalidRequestExceptionReason": "INVALID_FILE_NAME"}},
        {
            "reason": InvalidRequestExceptionReason(
                attached_file_invalid_request_exception_reason="INVALID_FILE_NAME"
            )
        },
        1,
    ),
    (
        ServiceQuotaExceededException,
        402,
        {
            "Reason": {
                "AttachedFileServiceQuotaExceededExceptionReason": (
                    "TOTAL_FILE_SIZE_EXCEEDED"
                )
            }
        },
        {
            "reason": ServiceQuotaExceededExceptionReason(
                attached_file_service_quota_exceeded_exception_reason=(
                    "TOTAL_FILE_SIZE_EXCEEDED"
                )
            )
        },
        1,
    ),
    (AccessDeniedException, 403, {}, {}, 1),
    (ResourceNotFoundException, 404, {}, {}, 1),
    (IdempotencyException, 409, {}, {}, 1),
    (ThrottlingException, 429, {}, {}, RETRYABLE_ATTEMPTS),
    (InternalServiceException, 500, {}, {}, RETRYABLE_ATTEMPTS),
]


def test_botocore_reads_max_attempts_as_retries(client: ConnectClient) -> None:
    """botocore's resolved config: the first attempt plus max_attempts retries."""
    # Config sets its options as attributes at run time; the stubs declare none.
    assert client.botocore_client.meta.config.retries == {  # type: ignore[attr-defined]
        "mode": "standard",
        "total_max_attempts": RETRYABLE_ATTEMPTS,
    }


@pytest.mark.parametrize(
    ("error_class", "status", "wire_fields", "typed_fields", "attempts"),
    MODELED_ERRORS,
    ids=[row[0].__name__ for row in MODELED_ERRORS],
)
def test_modeled_error_from_the_wire(
    client: ConnectClient,
    fake: FakeConnect,
    error_class: type[ConnectError],
    status: int,
    wire_fields: dict[str, Any],
    typed_fields: dict[str, Any],
    attempts: int,
) -> None:
    """botocore parses the error reply (and retries the retryable ones)."""
    code = error_class.__name__
    message = f"{code}: the server says no"
    fake.script(
        *[
            json_reply(status, {"Message": message, **wire_fields}, error_type=code)
            for _ in range(attempts)
        ]
    )

    with pytest.raises(ClientError) as caught:
        client.start_email_contact(make_request())
    error = caught.value

    # The generated class, and botocore's per-client class over real HTTP too.
    assert isinstance(error, error_class)
    assert isinstance(error, getattr(client.botocore_client.exceptions, code))
    assert isinstance(error, ConnectError)
    for name, value in {"message": message, **typed_fields}.items():
        assert getattr(error, name) == value
        assert type(getattr(error, name)) is type(value)
    assert error.response["Error"]["Code"] == code
    assert error.response["Error"]["Message"] == message
    metadata = error.response["ResponseMetadata"]
    assert metadata["HTTPStatusCode"] == status
    assert metadata["RetryAttempts"] == attempts - 1
    assert isinstance(error.__cause__, ClientError)
    assert not isinstance(error.__cause__, ConnectError)

    assert len(fake.requests) == attempts
    assert fake.pending == 0
    assert len({client_token(recorded) for recorded in fake.requests}) == 1


def test_reason_member_unknown_to_botocore_still_gives_the_class(
    client: ConnectClient, fake: FakeConnect
) -> None:
    """A union member AWS adds later: botocore's SDK_UNKNOWN_MEMBER, then our class."""
    fake.script(
        json_reply(
            400,
            {"Message": "new reason", "Reason": {"SomeFutureReason": "X"}},
            error_type="InvalidRequestException",
        )
    )
    with pytest.raises(InvalidRequestException) as caught:
        client.start_email_contact(make_request())
    error = caught.value
    assert dict(error.response)["Reason"] == {
        "SDK_UNKNOWN_MEMBER": {"name": "SomeFutureReason"}
    }
    assert error.message == "new reason"
    # The reason AWS added after this SDK was generated is kept, by name.
    assert error.reason == InvalidRequestExceptionReason(
        sdk_unknown_member="SomeFutureReason"
    )
    assert len(fake.requests) == 1


def test_throttled_then_success_resends_same_token(
    client: ConnectClient, fake: FakeConnect
) -> None:
    """botocore retries a 429 once; both wire bodies carry the same ClientToken."""
    fake.script(
        json_reply(429, {"Message": "slow down"}, error_type="ThrottlingException"),
        json_reply(200, {"ContactId": "c-after-retry"}),
    )
    request = make_request()

    response = client.start_email_contact(request)

    assert response == StartEmailContactResponse(contact_id="c-after-retry")
    assert len(fake.requests) == 2
    first, second = fake.requests
    assert client_token(first) == client_token(second)
    assert (
        first.json()
        == second.json()
        == {
            **request.to_dict(),
            "ClientToken": client_token(first),
        }
    )


def test_separate_calls_use_separate_tokens(
    client: ConnectClient, fake: FakeConnect
) -> None:
    """Two calls of one request object are two operations: two tokens on the wire."""
    fake.script(
        json_reply(200, {"ContactId": "c-a"}), json_reply(200, {"ContactId": "c-b"})
    )
    request = make_request()
    client.start_email_contact(request)
    client.start_email_contact(request)
    tokens = [client_token(recorded) for recorded in fake.requests]
    assert len(tokens) == 2
    assert tokens[0] != tokens[1]


# --- validation and sensitive data ---------------------------------------------


def test_invalid_request_never_reaches_the_server(
    client: ConnectClient, fake: FakeConnect
) -> None:
    """The server's request log stays empty when validation fails."""
    fake.script(json_reply(200, {"ContactId": "never"}))
    request = make_request(
        instance_id="",
        destination_email_address="not-an-email",
        email_message=InboundEmailContent(message_source_type="HTML"),  # type: ignore[arg-type]
    )
    with pytest.raises(ValidationError) as caught:
        client.start_email_contact(request)
    rules = {(violation.path, violation.rule) for violation in caught.value.errors}
    assert ("InstanceId", "length") in rules
    assert ("DestinationEmailAddress", "pattern") in rules
    assert ("EmailMessage.MessageSourceType", "enum") in rules
    assert fake.requests == []
    assert fake.pending == 1


MARKER = "ZQX7SECRETMARKER"


def test_sensitive_values_never_shown(client: ConnectClient, fake: FakeConnect) -> None:
    """Markers in sensitive members are absent from repr/str and validation text."""
    valid = make_request(
        from_email_address=EmailAddressInfo(
            email_address=f"{MARKER}.from@example.com", display_name=f"{MARKER} name"
        ),
        destination_email_address=f"{MARKER}.to@example.com",
        email_message=InboundEmailContent(
            message_source_type="RAW",
            raw_message=InboundRawMessage(
                subject=f"subject {MARKER}",
                body=f"body {MARKER}",
                content_type="text/plain",
            ),
        ),
        additional_recipients=InboundAdditionalRecipients(
            cc_addresses=[EmailAddressInfo(email_address=f"{MARKER}.cc@example.com")]
        ),
        description=f"description {MARKER}",
        name=f"name {MARKER}",
    )
    valid.validate()
    # The marker is really in the data, so its absence below means something.
    assert MARKER in json.dumps(valid.to_dict())
    for text in (repr(valid), str(valid), f"{valid}", repr([valid])):
        assert MARKER not in text

    invalid = make_request(
        from_email_address=EmailAddressInfo(
            email_address=f"{MARKER} from at example",
            display_name=MARKER * 20,
        ),
        destination_email_address=f"{MARKER}@@",
        email_message=InboundEmailContent(
            message_source_type="RAW",
            raw_message=InboundRawMessage(
                subject=MARKER * 70,
                body=f"body {MARKER}",
                content_type="text/plain",
            ),
        ),
        additional_recipients=InboundAdditionalRecipients(
            to_addresses=[EmailAddressInfo(email_address=f"{MARKER} to")]
        ),
        attachments=[
            EmailAttachment(
                file_name=f"{MARKER}\x07.txt", s3_url="https://example.com/a"
            )
        ],
    )
    assert MARKER not in repr(invalid)
    assert MARKER not in str(invalid)
    with pytest.raises(ValidationError) as caught:
        client.start_email_contact(invalid)
    error = caught.value
    rules = {(violation.path, violation.rule) for violation in error.errors}
    assert rules >= {
        ("FromEmailAddress.EmailAddress", "pattern"),
        ("FromEmailAddress.DisplayName", "length"),
        ("DestinationEmailAddress", "pattern"),
        ("EmailMessage.RawMessage.Subject", "length"),
        ("AdditionalRecipients.ToAddresses[0].EmailAddress", "pattern"),
        ("Attachments[0].FileName", "pattern"),
    }
    texts = [str(error), repr(error), *(repr(violation) for violation in error.errors)]
    for text in texts:
        assert MARKER not in text
    assert fake.requests == []
