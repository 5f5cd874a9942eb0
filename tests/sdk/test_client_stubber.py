"""The generated client against botocore's own ``Stubber``.

The oracle here is botocore: the Stubber checks the parameters the client hands
to botocore (``expected_params``) and produces botocore's own parsed success and
error responses, so these tests see exactly what a real botocore client would do
with a reply, without any network.
"""

from __future__ import annotations

import pickle
import uuid
from collections.abc import Iterator
from typing import Any

import botocore.model
import botocore.session
import botocore.stub
import pytest
from botocore.client import BaseClient
from botocore.exceptions import ClientError, ParamValidationError
from botocore.stub import Stubber

from generated.connect import (
    AccessDeniedException,
    ConnectClient,
    ConnectError,
    EmailAddressInfo,
    IdempotencyException,
    InternalServiceException,
    InvalidRequestException,
    InvalidRequestExceptionReason,
    ResourceNotFoundException,
    ResponseValidationError,
    ServiceQuotaExceededException,
    ServiceQuotaExceededExceptionReason,
    StartEmailContactResponse,
    ThrottlingException,
    ValidationError,
)
from generated.connect.errors import error_from_client_error
from tests.sdk.sample_requests import make_request

METHOD = "start_email_contact"


@pytest.fixture
def botocore_client() -> BaseClient:
    """A real botocore Connect client (never reaches the network under a Stubber)."""
    return botocore.session.get_session().create_client(
        "connect",
        region_name="us-east-1",
        aws_access_key_id="AKIDEXAMPLE",
        aws_secret_access_key="secret",
    )


@pytest.fixture
def stubber(botocore_client: BaseClient) -> Iterator[Stubber]:
    """botocore's Stubber, active on the client for the test."""
    with Stubber(botocore_client) as stub:
        yield stub


@pytest.fixture
def client(botocore_client: BaseClient) -> ConnectClient:
    """The generated client wrapping the stubbed botocore client."""
    return ConnectClient(botocore_client)


class UuidToken:
    """An ``expected_params`` value equal to any UUID string; records what it saw."""

    def __init__(self) -> None:
        self.seen: list[str] = []

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, str):
            return False
        try:
            parsed = uuid.UUID(other)
        except ValueError:
            return False
        self.seen.append(other)
        return str(parsed) == other

    def __ne__(self, other: object) -> bool:
        return not self.__eq__(other)

    __hash__ = None  # type: ignore[assignment]


# --- success -------------------------------------------------------------------


def test_success_sends_to_dict_plus_token_and_parses_reply(
    client: ConnectClient, stubber: Stubber
) -> None:
    """Stubber checks the params (to_dict + any ClientToken) and gives the reply."""
    request = make_request()
    stubber.add_response(
        METHOD,
        {"ContactId": "contact-1"},
        {**request.to_dict(), "ClientToken": botocore.stub.ANY},
    )
    response = client.start_email_contact(request)
    assert response == StartEmailContactResponse(contact_id="contact-1")
    assert isinstance(response, StartEmailContactResponse)
    stubber.assert_no_pending_responses()


def test_generated_client_token_is_a_fresh_uuid_per_call(
    client: ConnectClient, stubber: Stubber
) -> None:
    """Stubber compares ClientToken with a UUID matcher; each call gets its own."""
    request = make_request()
    matcher = UuidToken()
    for _ in range(2):
        stubber.add_response(
            METHOD,
            {"ContactId": "contact-1"},
            {**request.to_dict(), "ClientToken": matcher},
        )
        client.start_email_contact(request)
    stubber.assert_no_pending_responses()
    assert len(matcher.seen) == 2
    assert matcher.seen[0] != matcher.seen[1]
    assert all(uuid.UUID(token).version == 4 for token in matcher.seen)
    assert "ClientToken" not in request.to_dict()


def test_given_client_token_is_sent_as_is(
    client: ConnectClient, stubber: Stubber
) -> None:
    """Stubber's exact expected_params: the caller's ClientToken, unchanged."""
    request = make_request(client_token="my-own-token-42")
    expected = request.to_dict()
    assert expected["ClientToken"] == "my-own-token-42"
    stubber.add_response(METHOD, {"ContactId": "contact-2"}, expected)
    response = client.start_email_contact(request)
    assert response == StartEmailContactResponse(contact_id="contact-2")
    stubber.assert_no_pending_responses()


def test_response_with_unknown_members_parses(
    client: ConnectClient, stubber: Stubber
) -> None:
    """A reply with members the model lacks (AWS adds some) still parses.

    The Stubber validates a reply against the model when it is added, so the
    extra keys are put in afterwards, into the very dict botocore will return.
    """
    reply: dict[str, Any] = {"ContactId": "contact-3"}
    stubber.add_response(METHOD, reply)
    reply["SomeNewMember"] = {"Nested": [1, 2, 3]}
    reply["ResponseMetadata"] = {"HTTPStatusCode": 200, "RetryAttempts": 0}
    response = client.start_email_contact(make_request())
    assert response == StartEmailContactResponse(contact_id="contact-3")
    stubber.assert_no_pending_responses()


@pytest.mark.parametrize("contact_id", [5, {}, ["c"], True])
def test_response_that_does_not_fit_the_model_is_not_a_request_error(
    botocore_client: BaseClient, client: ConnectClient, contact_id: Any
) -> None:
    """A 200 reply botocore's own validator refuses (the oracle: the Stubber
    will not even queue it) raises ``ResponseValidationError``, which keeps
    botocore's parsed dict and names the path, and is no ``ValidationError``."""
    with Stubber(botocore_client) as stub, pytest.raises(ParamValidationError):
        stub.add_response(METHOD, {"ContactId": contact_id})
    with Stubber(botocore_client) as stub:
        reply: dict[str, Any] = {"ContactId": "valid"}
        stub.add_response(METHOD, reply)
        reply["ContactId"] = contact_id  # into the dict botocore will return
        with pytest.raises(ResponseValidationError) as raised:
            client.start_email_contact(make_request())
    error = raised.value
    assert not isinstance(error, (ValidationError, ClientError))
    assert error.response is reply
    assert [(v.path, v.rule) for v in error.errors] == [("ContactId", "type")]
    assert "ContactId" in str(error)
    # Raw botocore returns the same reply as it is.
    with Stubber(botocore_client) as stub:
        reply = {"ContactId": "valid"}
        stub.add_response(METHOD, reply)
        reply["ContactId"] = contact_id
        raw = getattr(botocore_client, METHOD)(**make_request().to_dict())
    assert raw["ContactId"] == contact_id


# --- modeled errors ------------------------------------------------------------

# Like test_client_http.py's table on purpose, with other reasons: each oracle
# (Stubber here, the wire there) reads its own enum values.
MODELED_ERRORS: list[tuple[type[ConnectError], int, dict[str, Any], dict[str, Any]]] = [
    (
        InvalidRequestException,
        400,
        {"Reason": {"AttachedFileInvalidRequestExceptionReason": "INVALID_FILE_TYPE"}},
        {
            "reason": InvalidRequestExceptionReason(
                attached_file_invalid_request_exception_reason="INVALID_FILE_TYPE"
            )
        },
    ),
    (
        ServiceQuotaExceededException,
        402,
        {
            "Reason": {
                "AttachedFileServiceQuotaExceededExceptionReason": (
                    "TOTAL_FILE_COUNT_EXCEEDED"
                )
            }
        },
        {
            "reason": ServiceQuotaExceededExceptionReason(
                attached_file_service_quota_exceeded_exception_reason=(
                    "TOTAL_FILE_COUNT_EXCEEDED"
                )
            )
        },
    ),
    (AccessDeniedException, 403, {}, {}),
    (ResourceNotFoundException, 404, {}, {}),
    (IdempotencyException, 409, {}, {}),
    (ThrottlingException, 429, {}, {}),
    (InternalServiceException, 500, {}, {}),
]


def test_every_modeled_error_of_the_operation_is_covered(
    botocore_client: BaseClient,
) -> None:
    """botocore's operation model lists exactly the errors parametrized here."""
    operation = botocore_client.meta.service_model.operation_model("StartEmailContact")
    modeled = {shape.name for shape in operation.error_shapes}
    assert modeled == {cls.__name__ for cls, *_ in MODELED_ERRORS}


@pytest.mark.parametrize(
    ("error_class", "status", "wire_fields", "typed_fields"),
    MODELED_ERRORS,
    ids=[cls.__name__ for cls, *_ in MODELED_ERRORS],
)
def test_modeled_error_raises_generated_class(
    client: ConnectClient,
    stubber: Stubber,
    botocore_client: BaseClient,
    error_class: type[ConnectError],
    status: int,
    wire_fields: dict[str, Any],
    typed_fields: dict[str, Any],
) -> None:
    """Stubber builds botocore's parsed error; the generated class carries it."""
    code = error_class.__name__
    message = f"{code} happened"
    stubber.add_client_error(
        METHOD,
        service_error_code=code,
        service_message=message,
        http_status_code=status,
        modeled_fields={"Message": message, **wire_fields},
    )
    with pytest.raises(ClientError) as caught:
        client.start_email_contact(make_request())
    error = caught.value
    stubber.assert_no_pending_responses()

    # Of the generated class and of botocore's per-client class (both ways:
    # tests/sdk/test_errors_both_ways.py).
    assert isinstance(error, error_class)
    assert isinstance(error, getattr(botocore_client.exceptions, code))
    assert isinstance(error, ConnectError)
    assert isinstance(error, ClientError)
    for name, value in {"message": message, **typed_fields}.items():
        assert getattr(error, name) == value
        assert type(getattr(error, name)) is type(value)

    # The class constants agree with botocore's model of the error, and every
    # member botocore models besides Message is checked above.
    # botocore-stubs types the error code as an int; botocore's is the model's string.
    model = botocore_client.meta.service_model
    shape = model.shape_for_error_code(code)  # type: ignore[arg-type]
    assert isinstance(shape, botocore.model.StructureShape)
    assert set(shape.members) == {"Message", *wire_fields}
    assert error.code == code == shape.name
    assert error.http_status == status == shape.metadata["error"]["httpStatusCode"]

    # botocore's own error is the cause, and its response dict is kept.
    cause = error.__cause__
    assert isinstance(cause, ClientError)
    assert not isinstance(cause, ConnectError)
    assert isinstance(cause, getattr(botocore_client.exceptions, code))
    assert error.response == cause.response
    assert error.response["Error"] == {"Code": code, "Message": message}
    assert error.response["ResponseMetadata"]["HTTPStatusCode"] == status
    assert error.operation_name == cause.operation_name == "StartEmailContact"
    assert str(error) == str(cause)

    # Across a process boundary (pickle) it stays the generated class.
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is error_class
    assert copy == error
    assert copy.response == error.response
    assert copy.operation_name == error.operation_name
    assert str(copy) == str(error)


@pytest.mark.parametrize(
    "wire_fields",
    [
        {"Reason": {"AttachedFileInvalidRequestExceptionReason": "INVALID_FILE_SIZE"}},
        {},
    ],
    ids=["with-reason", "without-reason"],
)
def test_invalid_request_reason_is_optional(
    client: ConnectClient, stubber: Stubber, wire_fields: dict[str, Any]
) -> None:
    """Stubber's error with or without Reason: ``reason`` is the union or None."""
    stubber.add_client_error(
        METHOD,
        service_error_code="InvalidRequestException",
        service_message="bad",
        http_status_code=400,
        modeled_fields={"Message": "bad", **wire_fields},
    )
    with pytest.raises(InvalidRequestException) as caught:
        client.start_email_contact(make_request())
    if wire_fields:
        assert caught.value.reason == InvalidRequestExceptionReason(
            attached_file_invalid_request_exception_reason="INVALID_FILE_SIZE"
        )
    else:
        assert caught.value.reason is None
    assert caught.value.message == "bad"


def test_message_falls_back_to_botocores_error_message(
    client: ConnectClient, stubber: Stubber
) -> None:
    """No modeled ``Message`` in the body: ``.message`` is botocore's Error.Message."""
    stubber.add_client_error(
        METHOD,
        service_error_code="AccessDeniedException",
        service_message="denied by policy",
        http_status_code=403,
    )
    with pytest.raises(AccessDeniedException) as caught:
        client.start_email_contact(make_request())
    assert caught.value.message == "denied by policy"


def test_garbled_modeled_field_does_not_hide_the_service_error() -> None:
    """A wrongly typed modeled member is dropped; the modeled error still results.

    The Stubber refuses such a reply, so this feeds botocore's ClientError shape
    directly, as a misbehaving service would produce it.
    """
    response: Any = {
        "Error": {"Code": "InvalidRequestException", "Message": "bad"},
        "Reason": "not-a-structure",
        "ResponseMetadata": {"HTTPStatusCode": 400},
    }
    modeled = error_from_client_error(ClientError(response, "StartEmailContact"))
    assert isinstance(modeled, InvalidRequestException)
    assert modeled.reason is None and modeled.message == "bad"
    assert modeled.response["Error"]["Message"] == "bad"


@pytest.mark.parametrize(
    "code",
    ["SomethingBrandNewException", "LimitExceededException"],
    ids=["unknown-to-botocore", "modeled-by-connect-but-not-this-operation"],
)
def test_unmodeled_error_propagates_unchanged(
    client: ConnectClient, stubber: Stubber, botocore_client: BaseClient, code: str
) -> None:
    """botocore's own ClientError (the class botocore picks) comes out as is."""
    stubber.add_client_error(
        METHOD, service_error_code=code, service_message="nope", http_status_code=400
    )
    # botocore-stubs says from_code returns an instance; botocore returns the class.
    exceptions = botocore_client.exceptions
    expected_class: type[ClientError] = exceptions.from_code(code)  # type: ignore[assignment]
    with pytest.raises(ClientError) as caught:
        client.start_email_contact(make_request())
    error = caught.value
    assert type(error) is expected_class
    assert not isinstance(error, ConnectError)
    assert error.response["Error"] == {"Code": code, "Message": "nope"}
    assert error.__cause__ is None
    stubber.assert_no_pending_responses()


# --- validation ----------------------------------------------------------------


def test_invalid_request_raises_before_botocore_is_called(
    client: ConnectClient, stubber: Stubber
) -> None:
    """The stubbed response stays pending: botocore was never called."""
    stubber.add_response(METHOD, {"ContactId": "never"})
    request = make_request(
        instance_id="",
        from_email_address=EmailAddressInfo(email_address="not an email"),
    )
    with pytest.raises(ValidationError) as caught:
        client.start_email_contact(request)
    paths = {(violation.path, violation.rule) for violation in caught.value.errors}
    assert ("InstanceId", "length") in paths
    assert ("FromEmailAddress.EmailAddress", "pattern") in paths
    with pytest.raises(AssertionError):
        stubber.assert_no_pending_responses()


def test_validate_false_sends_what_botocore_accepts(
    botocore_client: BaseClient, stubber: Stubber
) -> None:
    """A pattern violation (botocore does not check patterns) reaches the Stubber."""
    request = make_request(destination_email_address="no-at-sign")
    with pytest.raises(ValidationError):
        request.validate()
    stubber.add_response(
        METHOD,
        {"ContactId": "contact-4"},
        {**request.to_dict(), "ClientToken": botocore.stub.ANY},
    )
    response = ConnectClient(botocore_client, validate=False).start_email_contact(
        request
    )
    assert response == StartEmailContactResponse(contact_id="contact-4")
    stubber.assert_no_pending_responses()


def test_validate_true_rejects_the_same_request(
    client: ConnectClient, stubber: Stubber
) -> None:
    """Counterpart of the test above: the default client keeps the reply pending."""
    stubber.add_response(METHOD, {"ContactId": "contact-4"})
    with pytest.raises(ValidationError):
        client.start_email_contact(make_request(destination_email_address="no-at"))
    with pytest.raises(AssertionError):
        stubber.assert_no_pending_responses()
