"""The modeled errors' runtime base, tested directly on a hand-written error;
botocore's ``ClientError`` is the oracle for what an error says and carries."""

from __future__ import annotations

from typing import Any

import pytest
from botocore.exceptions import ClientError

from codegen.generate.runtime import _errors
from codegen.generate.runtime import _runtime as rt


class ServiceError(_errors.ModeledError):
    """A service's base, as a generated ``errors.py`` declares it."""


class Denied(ServiceError, _errors.MessageError):
    code = "Denied"
    http_status = 403
    _message_codec = rt.String(max_length=5)
    _default_operation = "DoThing"


def _response(message: object) -> dict[str, Any]:
    return {
        "Error": {"Code": "Denied", "Message": "from the header"},
        "Message": message,
        "ResponseMetadata": {"HTTPStatusCode": 403},
    }


def test_an_error_says_what_botocores_client_error_says() -> None:
    response = _response("short")
    error = Denied.from_response(response, "DoThing")
    expected = ClientError(_response("short"), "DoThing")  # type: ignore[arg-type]
    assert isinstance(error, ClientError) and isinstance(error, ServiceError)
    assert str(error) == str(expected)
    assert error.response == expected.response
    assert error.operation_name == expected.operation_name
    assert error.message == "short"


def test_the_message_falls_back_to_botocores_error_message() -> None:
    error = Denied.from_response(_response(None), "DoThing")
    assert error.message == "from the header"


def test_a_member_of_the_wrong_type_is_dropped_not_raised() -> None:
    error = Denied.from_response(_response(42), "DoThing")
    assert error.message is None
    assert error.response["Error"]["Code"] == "Denied"


def test_an_error_made_by_hand_names_its_default_operation() -> None:
    error = Denied(message="hi")
    assert error.operation_name == "DoThing"
    assert error.response["Error"] == {"Code": "Denied", "Message": "hi"}
    assert Denied(message="hi", operation_name="Other").operation_name == "Other"


def test_an_error_round_trips_validates_and_compares_by_members() -> None:
    error = Denied(message="toolong")
    assert error.to_dict() == {"Message": "toolong"}
    assert Denied.from_dict({"Message": "toolong"}) == error != Denied(message="x")
    assert hash(error) == hash(Denied())
    assert repr(error) == "Denied(message='toolong')"
    with pytest.raises(rt.ValidationError) as caught:
        error.validate()
    assert [str(v) for v in caught.value.errors] == [
        "Message: length 7 is above the maximum 5 characters"
    ]
    Denied(message="ok").validate()
    with pytest.raises(rt.ValidationError):
        Denied.from_dict({"Message": 1}, strict=True)
