"""Property 3: the wire round trip, through botocore's rest-json serializer and parser.

Requests: object -> ``to_dict()`` -> botocore's serializer -> ``PUT
/contact/email`` with a JSON body -> ``from_dict`` -> the same object.
Responses and modeled errors: object -> a JSON body -> botocore's parser ->
``from_dict`` / ``from_response`` -> the same object.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from botocore.exceptions import ClientError
from hypothesis import given
from hypothesis import strategies as st

from generated.connect import StartEmailContactRequest, StartEmailContactResponse
from generated.connect.errors import error_from_client_error

from . import strategies as S
from .oracles import parse_response, serialize_request, serialize_structure
from .profiles import examples

NESTED = [n for n in S.STRUCTURES if n != S.INPUT.name]
_REQUEST_ID = st.text(st.sampled_from("0123456789abcdef-"), min_size=1, max_size=36)
# Members AWS may add to a response body later: botocore's parser skips them.
_EXTRA = st.dictionaries(
    st.sampled_from(["NewMember", "contactArn", "Extra"]),
    st.one_of(st.text(max_size=5), st.integers(), st.none()),
    max_size=2,
)


def _json_body(payload: dict[str, Any], style: int) -> bytes:
    """The JSON text of ``payload`` as a service might format it."""
    if style == 0:
        return json.dumps(payload).encode()
    if style == 1:
        return json.dumps(payload, ensure_ascii=False).encode("utf-8")
    return json.dumps(payload, ensure_ascii=False, indent=2, sort_keys=True).encode()


@examples(150)
@given(request=S.objects(S.INPUT.name))
def test_request_is_put_contact_email_with_to_dict_as_json_body(
    request: StartEmailContactRequest,
) -> None:
    """botocore serializes ``to_dict()`` as PUT /contact/email; the body reads back.

    Oracle: botocore's rest-json serializer
    (``create_serializer("rest-json").serialize_to_request``) with the model's
    operation, and ``json.loads`` of the body it writes.
    """
    params = request.to_dict()
    wire = serialize_request(params, S.OPERATION)
    assert (wire["method"], wire["url_path"]) == ("PUT", "/contact/email")
    assert wire["query_string"] == {}
    assert wire["headers"] == {"Content-Type": "application/json"}
    body = json.loads(wire["body"])
    assert body == params
    assert StartEmailContactRequest.from_dict(body) == request


@pytest.mark.parametrize("name", NESTED)
@examples(60)
@given(data=st.data())
def test_every_structure_reads_back_from_the_json_botocore_writes(
    name: str, data: st.DataObject
) -> None:
    """object -> botocore's JSON for its shape -> ``from_dict`` is the identity.

    Oracle: botocore's rest-json body serializer (``_serialize_body_params``)
    on the model's shape, and ``json.loads``.
    """
    obj = data.draw(S.objects(name), label="object")
    body = serialize_structure(obj.to_dict(), S.shape(name))
    assert body == obj.to_dict()
    assert S.cls_of(name).from_dict(body) == obj


@examples(100)
@given(
    response=S.objects(S.OUTPUT.name),
    extra=_EXTRA,
    style=st.integers(0, 2),
    request_id=_REQUEST_ID,
)
def test_response_body_parsed_by_botocore_reads_back(
    response: StartEmailContactResponse,
    extra: dict[str, Any],
    style: int,
    request_id: str,
) -> None:
    """A 200 JSON body botocore's parser reads becomes the response it came from.

    Oracle: botocore's rest-json parser (``create_parser("rest-json").parse``)
    with the operation's output shape.
    """
    body = _json_body({**extra, **response.to_dict()}, style)
    headers = {"x-amzn-requestid": request_id, "content-type": "application/json"}
    parsed = parse_response(200, headers, body, S.OUTPUT)
    modeled = {k: v for k, v in parsed.items() if k != "ResponseMetadata"}
    assert modeled == response.to_dict()
    assert StartEmailContactResponse.from_dict(parsed) == response


@pytest.mark.parametrize("name", S.ERRORS)
@examples(60)
@given(data=st.data())
def test_error_response_parsed_by_botocore_reads_back(
    name: str, data: st.DataObject
) -> None:
    """A modeled error's JSON body, parsed by botocore, becomes the error it came from.

    Oracle: botocore's rest-json parser, used as botocore's endpoint uses it:
    once with the output shape (``Error.Code`` from ``x-amzn-ErrorType``), once
    with the error shape for the modeled members, merged; the status is the
    model's ``httpStatusCode``.
    """
    error = data.draw(S.objects(name), label="error")
    shape = S.shape(name)
    status = shape.metadata["error"]["httpStatusCode"]
    code = data.draw(
        st.sampled_from([name, f"{name}:http://internal.amazon.com/coral/"]),
        label="x-amzn-ErrorType",
    )
    style = data.draw(st.integers(0, 2), label="style")
    body = _json_body(error.to_dict(), style)
    headers = {"x-amzn-errortype": code, "x-amzn-requestid": "req-1"}
    parsed = parse_response(status, headers, body, S.OUTPUT)
    assert parsed["Error"]["Code"] == name
    modeled = parse_response(status, headers, body, shape)
    assert modeled == error.to_dict()
    cls = S.cls_of(name)
    assert cls.http_status == status
    assert cls.from_dict(modeled) == error
    parsed.update(modeled)
    assert cls.from_response(parsed, "StartEmailContact") == error
    # botocore builds its ClientError from the parser's dict, as here; botocore-stubs
    # asks for its own TypedDict of the keys every error has.
    client_error = ClientError(parsed, "StartEmailContact")  # type: ignore[arg-type]
    converted = error_from_client_error(client_error)
    assert type(converted) is cls
    assert converted == error
