"""botocore as the oracle: serialize, parse and compare exactly as its runner does.

Everything here follows ``tests/unit/test_protocols.py`` of the botocore sdist
(``test_input_compliance``, ``test_output_compliance`` and their helpers): the
same request normalisation (query string folded into the URI, form bodies
percent-encoded), the same body comparisons (JSON and CBOR by value, XML by
canonical form, anything else byte for byte), the same header rules (list
headers without the space after commas, ``; charset=utf-8`` for query/ec2, no
``Content-Type`` for rest-xml or non-JSON rest-json payloads, ``forbidHeaders``)
and the same endpoint check. Nothing here imports generated code.
"""

from __future__ import annotations

import base64
import copy
import json
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from typing import Any

import botocore.model
from botocore.awsrequest import HeadersDict, prepare_request_dict
from botocore.compat import urlsplit
from botocore.eventstream import EventStream
from botocore.model import NoShapeFoundError
from botocore.parsers import RpcV2CBORParser, create_parser
from botocore.serialize import create_serializer
from botocore.utils import percent_encode_sequence

from .cases import Case

CBOR = "smithy-rpc-v2-cbor"


def serialize(params: dict[str, Any], case: Case) -> dict[str, Any]:
    """botocore's request dict for ``params`` (no parameter validation, as the
    runner), with the query string and form body encoded as the runner does."""
    operation = case.operation_model()
    protocol = operation.service_model.metadata["protocol"]
    serializer = create_serializer(protocol, include_validation=False)
    request: dict[str, Any] = serializer.serialize_to_request(
        copy.deepcopy(params), operation
    )
    _serialize_request_description(request)
    return request


def request_mismatch(request: dict[str, Any], case: Case) -> str | None:
    """Why ``request`` is not the case's ``serialized`` request, or ``None``."""
    operation = case.operation_model()
    protocol = operation.service_model.metadata["protocol"]
    expected = copy.deepcopy(case.data["serialized"])
    actual = copy.deepcopy(request)
    try:
        assert isinstance(
            actual["body"], bytes
        ), f"body is {type(actual['body'])}, not bytes"
        _assert_requests_equal(actual, expected, protocol, operation)
        _assert_endpoints_equal(
            actual, expected, case.service_description.get("clientEndpoint")
        )
    except AssertionError as error:
        return f"{error or 'header mismatch'}\nactual request: {_show(request)}"
    return None


def _show(request: dict[str, Any]) -> str:
    shown = {k: request.get(k) for k in ("method", "url_path", "headers", "body")}
    return repr(shown)


def _serialize_request_description(request: dict[str, Any]) -> None:
    if isinstance(request.get("body"), dict):
        request["body"] = percent_encode_sequence(request["body"]).encode("utf-8")
    if isinstance(request.get("query_string"), dict):
        encoded = percent_encode_sequence(request["query_string"])
        if encoded:
            separator = "&" if "?" in request["url_path"] else "?"
            request["url_path"] += f"{separator}{encoded}"


def _assert_equal(actual: Any, expected: Any, what: str) -> None:
    assert (
        actual == expected
    ), f"{what} (actual != expected)\n{actual!r} !=\n{expected!r}"


def _assert_requests_equal(
    actual: dict[str, Any],
    expected: dict[str, Any],
    protocol: str,
    operation: botocore.model.OperationModel,
) -> None:
    if protocol == CBOR and actual["body"]:
        parser = RpcV2CBORParser()
        actual_body = _cbor_value(parser, actual["body"])
        expected_body = _cbor_value(parser, base64.b64decode(expected["body"]))
        _assert_equal(actual_body, expected_body, "Body value")
    elif "body" in expected:
        _assert_body(actual["body"], expected["body"].encode("utf-8"), protocol)
    actual_headers = HeadersDict(actual["headers"])
    expected_headers = HeadersDict(expected.get("headers", {}))
    _assert_headers(
        actual_headers,
        expected_headers,
        expected.get("forbidHeaders", []),
        protocol,
        operation,
    )
    _assert_equal(actual["url_path"], expected.get("uri", ""), "URI")
    if "method" in expected:
        _assert_equal(actual["method"], expected["method"], "Method")


def _cbor_value(parser: RpcV2CBORParser, body: bytes) -> Any:
    value = parser.parse_data_item(parser.get_peekable_stream_from_bytes(body))
    return _special_floats_to_string(value)


def _special_floats_to_string(parsed: Any) -> Any:
    """The runner's ``_convert_special_floats_to_string`` (top level only)."""
    for key, value in parsed.items():
        if value == float("Infinity"):
            parsed[key] = "Infinity"
        elif value == float("-Infinity"):
            parsed[key] = "-Infinity"
        elif value != value:
            parsed[key] = "NaN"
    return parsed


def _assert_body(actual: bytes, expected: bytes, protocol: str) -> None:
    if protocol in ("json", "rest-json"):
        try:
            _assert_equal(json.loads(actual), json.loads(expected), "Body value")
        except json.JSONDecodeError:
            if protocol == "json":
                raise
            _assert_equal(actual, expected, "Body value")
    elif protocol == "rest-xml":
        try:
            canonical_actual = ET.canonicalize(actual, strip_text=True)
            canonical_expected = ET.canonicalize(expected, strip_text=True)
        except ET.ParseError:
            _assert_equal(actual, expected, "Body value")
        else:
            _assert_equal(canonical_actual, canonical_expected, "Body value")
    else:
        _assert_equal(actual, expected, "Body value")


def _assert_headers(
    actual: HeadersDict,
    expected: HeadersDict,
    excluded: list[str],
    protocol: str,
    operation: botocore.model.OperationModel,
) -> None:
    _clean_list_header_values(actual, expected, operation)
    if protocol in ("query", "ec2"):
        content_type = expected.get("Content-Type", "")
        if "charset=utf-8" not in content_type:
            expected["Content-Type"] = content_type + "; charset=utf-8"
    elif protocol == "rest-xml":
        expected.pop("Content-Type", None)
    elif protocol == "rest-json":
        json_type = expected.get("Content-Type")
        if json_type and json_type != "application/json":
            expected.pop("Content-Type")
    for header, value in expected.items():
        assert header in actual, f"header {header!r} missing (expected {value!r})"
        _assert_equal(actual[header], value, f"header {header!r}")
    for header in excluded:
        assert header not in actual, f"forbidden header {header!r} sent"


def _clean_list_header_values(
    actual: HeadersDict,
    expected: HeadersDict,
    operation: botocore.model.OperationModel,
) -> None:
    shape = operation.input_shape
    if not (shape and shape.type_name == "structure" and shape.members):
        return
    for member in shape.members.values():
        header = member.serialization.get("name")
        if not (
            header
            and member.serialization.get("location") == "header"
            and member.type_name == "list"
        ):
            continue
        if header in expected:
            expected[header] = expected[header].replace(", ", ",")
        assert isinstance(member, botocore.model.ListShape)
        if header in actual and member.member.type_name == "timestamp":
            actual[header] = actual[header].replace(", ", ",")


def _assert_endpoints_equal(
    actual: dict[str, Any], expected: dict[str, Any], endpoint: str | None
) -> None:
    if "host" not in expected:
        return
    prepare_request_dict(actual, endpoint)  # type: ignore[arg-type]  # as the runner
    _assert_equal(urlsplit(actual["url"]).netloc, expected["host"], "Host")


def parse(case: Case) -> dict[str, Any]:
    """botocore's parsed response, as a botocore client would hand it over.

    Set up as the runner does (body bytes, case-insensitive headers, query's
    ``resultWrapper``, CBOR bodies base64-decoded; for errors, the output shape
    then the modeled error's shape merged in, as botocore's endpoint does), but
    with botocore's default timestamp parser, so timestamps are ``datetime``
    objects as real clients see them.
    """
    operation = case.operation_model()
    protocol = operation.service_model.metadata["protocol"]
    response = _response(case, protocol)
    output_shape = operation.output_shape
    parser: Any = create_parser(protocol)  # its stubs refuse a None shape
    if "error" in case.data:
        parsed: dict[str, Any] = parser.parse(response, output_shape)
        error_shape = error_shape_of(parsed, operation.service_model)
        if error_shape is not None:
            parsed.update(parser.parse(response, error_shape))
        return parsed
    if protocol == "query" and output_shape is not None and output_shape.members:
        output_shape.serialization["resultWrapper"] = f"{case.operation_name}Result"
    result: dict[str, Any] = parser.parse(response, output_shape)
    return result


def _response(case: Case, protocol: str) -> dict[str, Any]:
    response: dict[str, Any] = copy.deepcopy(case.data["response"])
    response["context"] = {"operation_name": case.operation_name}
    if "body" in response:
        response["body"] = response["body"].encode("utf-8")
    else:
        response["body"] = b"" if protocol != "query" else b"<xml/>"
    if protocol == CBOR:
        response["body"] = base64.b64decode(response["body"])
    response["headers"] = HeadersDict(response.get("headers", {}))
    if case.operation_model().has_event_stream_output:
        response["body"] = RawEventStream(response["body"])
    return response


class RawEventStream:
    """The runner's ``MockRawResponse``: the base64 fixture body, streamed as
    urllib3 would hand it to botocore's event-stream reader."""

    def __init__(self, data: bytes) -> None:
        self._data = base64.b64decode(data)

    def stream(self) -> Iterator[bytes]:
        yield self._data


def expand_event_streams(parsed: dict[str, Any]) -> dict[str, Any]:
    """The runner's step 3: a stream of events becomes the list of its events
    (``EventStream`` for botocore's, the generated wrapper's raw for ours)."""
    return {
        key: list(value) if isinstance(value, EventStream) else value
        for key, value in parsed.items()
    }


def error_shape_of(
    parsed: dict[str, Any], service: botocore.model.ServiceModel
) -> botocore.model.StructureShape | None:
    """The modeled error botocore picks for the parsed ``Error.Code``."""
    code = parsed.get("Error", {}).get("Code")
    try:
        shape = service.shape_for_error_code(code)
    except NoShapeFoundError:
        return None
    if shape is None:  # botocore answers None for a code no shape declares
        return None
    assert isinstance(shape, botocore.model.StructureShape)
    return shape


def fixed_up(parsed: dict[str, Any]) -> dict[str, Any]:
    """The runner's ``_fixup_parsed_result`` minus the parts ``normalise`` does
    on the expected side instead (bytes and special floats): no
    ``ResponseMetadata``, only ``Code`` and ``Message`` under ``Error``."""
    fixed = {
        k: v for k, v in expand_event_streams(parsed).items() if k != "ResponseMetadata"
    }
    if "Error" in fixed:
        error = fixed["Error"]
        fixed["Error"] = {k: v for k, v in error.items() if k in ("Code", "Message")}
    return fixed
