"""Shape features Connect's StartEmailContact does not use, each against botocore.

tests/fixtures/models/features-service-2.json is a small rest-json model with members in
the URI, query string, headers and status code, a JSON-value header, streaming
blobs in and out, a document, timestamps in several formats, a blob, a union,
event streams (one in a response, one in a request, which botocore cannot
send), an error named like the runtime's ``ValidationError``
and a pattern in Java's regex syntax. The oracles are botocore's serializer,
parser and validator: what the generated classes write must be what botocore
would send for the caller's own parameters.
"""

from __future__ import annotations

import binascii
import dataclasses
import datetime
import importlib
import io
import json
import struct
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import botocore.model
import botocore.parsers
import botocore.serialize
import pytest
from botocore.awsrequest import HeadersDict as HTTPHeaders
from botocore.exceptions import EventStreamError
from botocore.response import StreamingBody
from botocore.utils import parse_to_aware_datetime
from botocore.validate import ParamValidator

from tests.support import MODELS, imported, module_dir, mypy_strict, run_codegen

MODEL = MODELS / "features-service-2.json"
SERVICE = botocore.model.ServiceModel(
    json.loads(MODEL.read_text(encoding="utf-8")), "features"
)


@pytest.fixture(scope="module")
def generation(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[ModuleType, str]]:
    """The package generated with ``--operation all``, and the CLI's stderr."""
    root = tmp_path_factory.mktemp("featurespkg")
    result = run_codegen(
        "--model", str(MODEL), "--service", "features", "--operation", "all",
        "--output", str(root / "features"),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    with imported(root, "features") as (package,):
        yield package, result.stderr


@pytest.fixture(scope="module")
def features(generation: tuple[ModuleType, str]) -> ModuleType:
    return generation[0]


def serialize(operation: str, params: dict[str, Any]) -> dict[str, Any]:
    """The request botocore builds for ``params`` (no validation, as the client)."""
    serializer = botocore.serialize.create_serializer("rest-json", False)
    request: dict[str, Any] = serializer.serialize_to_request(
        params, SERVICE.operation_model(operation)
    )
    return request


def parse(operation: str, response: dict[str, Any]) -> dict[str, Any]:
    """What botocore's rest-json parser makes of an HTTP response."""
    shape = SERVICE.operation_model(operation).output_shape
    assert shape is not None, operation
    response = {**response, "headers": HTTPHeaders(response["headers"])}
    parsed: dict[str, Any] = botocore.parsers.create_parser("rest-json").parse(
        response, shape
    )
    parsed.pop("ResponseMetadata", None)
    return parsed


def botocore_errors(operation: str, params: dict[str, Any]) -> str:
    shape = SERVICE.operation_model(operation).input_shape
    assert shape is not None, operation
    report = ParamValidator().validate(params, shape)
    return str(report.generate_report()) if report.has_errors() else ""


def violations(error: pytest.ExceptionInfo[Exception]) -> list[tuple[str, str]]:
    return [(v.path, v.rule) for v in error.value.errors]  # type: ignore[attr-defined]


# --- event streams: typed events out; a request stream is refused --------------


def test_all_leaves_out_request_event_streams_and_says_so(
    generation: tuple[ModuleType, str],
) -> None:
    features, stderr = generation
    assert (
        "codegen: note: operation 'Talk' left out: its input is an event stream "
        "('Lines'), which botocore cannot send"
    ) in stderr.splitlines()
    assert not hasattr(features.FeaturesClient, "talk")
    assert hasattr(features.FeaturesClient, "watch")


def test_a_named_request_event_stream_operation_is_refused(tmp_path: Path) -> None:
    output = tmp_path / "out"
    result = run_codegen(
        "--model", str(MODEL), "--service", "features", "--operation", "Talk",
        "--output", str(output),
    )  # fmt: skip
    assert result.returncode == 2
    assert result.stderr == (
        "codegen: error: operation 'Talk': its input is an event stream "
        "('Lines'), which botocore cannot send\n"
    )
    assert not output.exists()


def event_message(event_type: str, headers: dict[str, str], payload: bytes) -> bytes:
    """One message of AWS's event-stream encoding (string headers only)."""
    encoded = b""
    all_headers = {":message-type": "event", ":event-type": event_type, **headers}
    for name, value in all_headers.items():
        raw = value.encode()
        encoded += bytes([len(name)]) + name.encode() + b"\x07"
        encoded += struct.pack(">H", len(raw)) + raw
    total = 12 + len(encoded) + len(payload) + 4
    prelude = struct.pack(">II", total, len(encoded))
    prelude += struct.pack(">I", binascii.crc32(prelude))
    message = prelude + encoded + payload
    return message + struct.pack(">I", binascii.crc32(message))


class RawStream:
    """What botocore's event-stream reader takes from urllib3: ``stream()``."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.closed = False

    def stream(self) -> Iterator[bytes]:
        yield self.data

    def close(self) -> None:
        self.closed = True


def watch_response(messages: bytes) -> tuple[dict[str, Any], RawStream]:
    raw = RawStream(messages)
    response = {
        "status_code": 200,
        "headers": {},
        "body": raw,
        "context": {"operation_name": "Watch"},
    }
    return parse("Watch", response), raw


def test_response_events_are_read_into_their_classes(features: ModuleType) -> None:
    json_type = {":content-type": "application/json"}
    messages = event_message("Tick", json_type, b'{"At": 1422172800}')
    messages += event_message("Tock", {":content-type": "text/plain"}, b"hello")
    parsed, raw = watch_response(messages)
    output = features.WatchOutput.from_dict(parsed)
    assert output.to_dict() == parsed  # botocore's own stream object, unread
    with output.events as events:
        received = list(events)
    assert raw.closed
    when = datetime.datetime(2015, 1, 25, 8, tzinfo=datetime.UTC)
    assert received == [
        features.Events(tick=features.Tick(at=when)),
        features.Events(tock=features.Tock(note="hello")),
    ]
    expected = list(watch_response(messages)[0]["Events"])  # botocore's own events
    assert [event.to_dict() for event in received] == expected


def test_a_modeled_error_event_raises_botocores_error(features: ModuleType) -> None:
    headers = {
        ":message-type": "exception",
        ":exception-type": "Overload",
        ":content-type": "application/json",
    }
    message = event_message("Overload", headers, b'{"Message": "slow down"}')
    parsed, _ = watch_response(message)
    output = features.WatchOutput.from_dict(parsed)
    with pytest.raises(EventStreamError):
        list(output.events)
    # An error member is not an event: the class has no field for it.
    assert "overload" not in {f.name for f in dataclasses.fields(features.Events)}


# --- members bound to the URI, query string and headers ------------------------


def test_located_members_reach_the_uri_query_and_headers(features: ModuleType) -> None:
    params = {
        "Bucket": "photos",
        "Key": "2024/cat.jpg",
        "VersionId": "v1",
        "ContentType": "image/jpeg",
        "Meta": {"owner": "ana"},
        "Tags": {"team": ["a", "b"], "n": 1},
        "Expires": datetime.datetime(2030, 1, 2, 3, 4, 5, tzinfo=datetime.UTC),
        "Body": b"jpeg bytes",
    }
    request = features.PutObjectRequest.from_dict(params)
    request.validate()
    assert request.to_dict() == params
    assert botocore_errors("PutObject", request.to_dict()) == ""
    ours = serialize("PutObject", request.to_dict())
    assert ours == serialize("PutObject", params)
    assert ours["url_path"] == "/buckets/photos/objects/2024/cat.jpg"
    assert ours["query_string"] == {"versionId": "v1"}
    assert ours["headers"]["x-amz-meta-owner"] == "ana"
    assert ours["headers"]["Expires"] == "Wed, 02 Jan 2030 03:04:05 GMT"
    assert ours["body"] == b"jpeg bytes"


def test_status_code_and_header_members_come_back_from_a_response(
    features: ModuleType,
) -> None:
    parsed = parse(
        "PutObject", {"status_code": 201, "headers": {"etag": '"abc"'}, "body": b""}
    )
    assert parsed == {"ETag": '"abc"', "Status": 201}
    output = features.PutObjectOutput.from_dict(parsed)
    assert (output.e_tag, output.status) == ('"abc"', 201)
    assert output.to_dict() == parsed


def test_a_json_value_header_takes_any_json_value(features: ModuleType) -> None:
    base = {"Bucket": "b", "Key": "k"}
    for value in ({"a": [1, 2.5, None, True]}, [1, "x"], "text", 3):
        request = features.PutObjectRequest.from_dict({**base, "Tags": value})
        assert request.to_dict()["Tags"] == value
        assert botocore_errors("PutObject", request.to_dict()) == ""
        headers = serialize("PutObject", request.to_dict())["headers"]
        assert (
            headers["X-Amz-Tags"]
            == serialize("PutObject", {**base, "Tags": value})["headers"]["X-Amz-Tags"]
        )
    with pytest.raises(features.ValidationError) as caught:
        features.PutObjectRequest.from_dict({**base, "Tags": {"a": object()}})
    assert violations(caught) == [("Tags", "type")]


# --- streaming blobs ------------------------------------------------------------


def test_a_streaming_body_may_be_bytes_text_or_a_file(features: ModuleType) -> None:
    base = {"Bucket": "b", "Key": "k"}
    stream = io.BytesIO(b"from a file")
    request = features.PutObjectRequest.from_dict({**base, "Body": stream})
    assert request.body is stream
    request.validate()
    assert serialize("PutObject", request.to_dict())["body"] is stream
    text = features.PutObjectRequest.from_dict({**base, "Body": "héllo"})
    assert text.body == "héllo".encode()
    assert (
        serialize("PutObject", text.to_dict())["body"]
        == serialize("PutObject", {**base, "Body": "héllo"})["body"]
    )
    with pytest.raises(features.ValidationError) as caught:
        features.PutObjectRequest.from_dict({**base, "Body": 12})
    assert violations(caught) == [("Body", "type")]
    assert "Body" in botocore_errors("PutObject", {**base, "Body": 12})
    with pytest.raises(features.ValidationError) as caught:
        features.PutObjectRequest(bucket="b", key="k", body=12).validate()
    assert violations(caught) == [("Body", "type")]


def test_a_streamed_response_body_is_kept_as_botocores_stream(
    features: ModuleType,
) -> None:
    payload = b"0123456789"
    body = StreamingBody(io.BytesIO(payload), len(payload))
    parsed = parse(
        "GetObject",
        {"status_code": 200, "headers": {"content-length": "10"}, "body": body},
    )
    output = features.GetObjectOutput.from_dict(parsed)
    assert output.body is parsed["Body"]
    assert output.content_length == 10
    assert output.to_dict() == parsed
    assert output.body.read() == payload


# --- documents, timestamps, blobs -----------------------------------------------


DOCUMENT = {"name": "x", "limits": [1, 2.5, None], "on": True, "nested": {"a": {}}}


def test_documents_hold_json_values_as_botocore_sends_and_parses_them(
    features: ModuleType,
) -> None:
    request = features.DescribeRequest.from_dict({"Config": DOCUMENT})
    assert request.config == DOCUMENT
    assert request.to_dict() == {"Config": DOCUMENT}
    assert botocore_errors("Describe", request.to_dict()) == ""
    body = serialize("Describe", request.to_dict())["body"]
    assert json.loads(body) == {"Config": DOCUMENT}
    parsed = parse("Describe", {"status_code": 200, "headers": {}, "body": body})
    assert features.DescribeResponse.from_dict(parsed).to_dict() == parsed


@pytest.mark.parametrize(
    "value", [{1: "int key"}, {"a": {1, 2}}, [b"bytes"], object()], ids=repr
)
def test_a_document_rejects_what_json_cannot_hold(
    features: ModuleType, value: object
) -> None:
    with pytest.raises(features.ValidationError) as caught:
        features.DescribeRequest.from_dict({"Config": value})
    assert violations(caught) == [("Config", "type")]
    with pytest.raises(features.ValidationError) as caught:
        features.DescribeRequest(config=value).validate()
    assert violations(caught) == [("Config", "type")]


@pytest.mark.parametrize(
    "value",
    [
        1422172800,
        1422172800.25,
        "1422172800",
        "2015-01-25T08:00:00Z",
        "2015-01-25T08:00:00.123+02:00",
        "2015-01-25",
        "Sun, 25 Jan 2015 08:00:00 GMT",
        datetime.datetime(2015, 1, 25, 8, tzinfo=datetime.UTC),
    ],
    ids=repr,
)
def test_timestamps_read_what_botocore_reads_and_serialize_the_same(
    features: ModuleType, value: object
) -> None:
    params = {"Created": value, "Updated": value}
    request = features.DescribeRequest.from_dict(params)
    assert isinstance(request.created, datetime.datetime)
    # botocore-stubs types the argument as str; botocore also reads datetimes and
    # epoch numbers, which is what this test compares.
    assert request.created == parse_to_aware_datetime(value)  # type: ignore[arg-type]
    assert botocore_errors("Describe", request.to_dict()) == ""
    ours = json.loads(serialize("Describe", request.to_dict())["body"])
    assert ours == json.loads(serialize("Describe", params)["body"])


@pytest.mark.parametrize("value", ["yesterday", True, [1], float("nan"), 10**400])
def test_a_timestamp_that_is_no_time_is_a_type_error(
    features: ModuleType, value: object
) -> None:
    with pytest.raises(features.ValidationError) as caught:
        features.DescribeRequest.from_dict({"Created": value})
    assert violations(caught) == [("Created", "type")]


def test_response_timestamps_and_blobs_come_back_from_botocores_parser(
    features: ModuleType,
) -> None:
    body = json.dumps({"Created": 1422172800, "Raw": "AAEC"}).encode()
    parsed = parse("Describe", {"status_code": 200, "headers": {}, "body": body})
    output = features.DescribeResponse.from_dict(parsed)
    assert output.created == datetime.datetime(2015, 1, 25, 8, tzinfo=datetime.UTC)
    assert output.raw == b"\x00\x01\x02"
    assert output.to_dict() == parsed


def test_blobs_take_text_and_bytearray_as_botocore_sends_them(
    features: ModuleType,
) -> None:
    for value in ("AB", bytearray(b"AB"), b"AB"):
        request = features.DescribeRequest.from_dict({"Raw": value})
        assert request.raw == b"AB"
        assert (
            serialize("Describe", request.to_dict())["body"]
            == serialize("Describe", {"Raw": value})["body"]
        )
    too_long = features.DescribeRequest.from_dict({"Raw": "12345"})
    with pytest.raises(features.ValidationError) as caught:
        too_long.validate()  # the length counts encoded bytes
    assert violations(caught) == [("Raw", "length")]


# --- unions: an unknown member in a response is kept ----------------------------


def test_an_unknown_union_member_in_a_response_is_kept(features: ModuleType) -> None:
    body = json.dumps({"Choice": {"Colour": "red"}}).encode()
    parsed = parse("Describe", {"status_code": 200, "headers": {}, "body": body})
    assert parsed == {"Choice": {"SDK_UNKNOWN_MEMBER": {"name": "Colour"}}}
    output = features.DescribeResponse.from_dict(parsed)
    assert output.choice == features.Choice(sdk_unknown_member="Colour")
    assert output.to_dict() == parsed
    raw = features.DescribeResponse.from_dict({"Choice": {"Colour": "red"}})
    assert raw.choice.sdk_unknown_member == "Colour"


def test_an_unknown_union_member_cannot_be_sent(features: ModuleType) -> None:
    with pytest.raises(features.ValidationError) as caught:
        features.DescribeRequest(
            choice=features.Choice(sdk_unknown_member="Colour")
        ).validate()
    assert violations(caught) == [("Choice.Colour", "unknown")]
    params = {"Choice": {"SDK_UNKNOWN_MEMBER": {"name": "Colour"}}}
    assert "SDK_UNKNOWN_MEMBER" in botocore_errors("Describe", params)
    with pytest.raises(features.ValidationError) as caught:
        features.DescribeRequest.from_dict(params)
    assert violations(caught) == [("Choice.SDK_UNKNOWN_MEMBER", "unknown")]


def test_a_union_with_one_known_member_round_trips(features: ModuleType) -> None:
    params = {"Choice": {"Number": 3}}
    request = features.DescribeRequest.from_dict(params)
    request.validate()
    assert request.to_dict() == params
    assert botocore_errors("Describe", params) == ""


# --- errors, box, deprecated, patterns botocore models write in Java syntax -----


def test_errors_carry_the_models_status_and_code(features: ModuleType) -> None:
    errors = importlib.import_module("features.errors")
    for name, python_name in (
        ("ValidationError", "ValidationError_"),
        ("ServerFault", "ServerFault"),
    ):
        shape = SERVICE.shape_for(name)
        assert isinstance(shape, botocore.model.StructureShape)
        cls = getattr(errors, python_name)
        assert cls.code == shape.error_code == name
        assert cls.http_status == shape.metadata["error"]["httpStatusCode"]
    # The runtime's ValidationError keeps its name; the model's steps aside.
    assert (
        features.ValidationError
        is importlib.import_module("features._runtime").ValidationError
    )


def test_boxed_and_deprecated_members(features: ModuleType) -> None:
    request = features.DescribeRequest.from_dict({"Retries": 0, "Legacy": "x"})
    assert (request.retries, request.legacy) == (0, "x")
    assert features.DescribeRequest().retries is None
    source = module_dir(features) / "shapes" / "describe_request.py"
    assert '"""Deprecated. The old name."""' in source.read_text(encoding="utf-8")


def test_a_pattern_no_ecma_engine_runs_is_left_unchecked_and_said_so(
    generation: tuple[ModuleType, str],
) -> None:
    features, stderr = generation
    assert (
        "codegen: note: shape 'Label': pattern '\\\\p{Print}+' is not ECMA-262 "
        "(Invalid property name at offset 0); it is not checked"
    ) in stderr.splitlines()
    features.DescribeRequest(label="\x00 anything").validate()


def test_the_generated_package_type_checks(
    generation: tuple[ModuleType, str],
) -> None:
    result = mypy_strict(module_dir(generation[0]))
    assert result.returncode == 0, result.stdout


def test_the_api_diff_tells_the_new_kinds_of_type_apart(tmp_path: Path) -> None:
    """A document, a streamed body and an event stream each turned into a plain
    type: three breaking type changes; 'Talk' (a request event stream) is left
    out of the comparison as it is of generation."""
    model = json.loads(MODEL.read_text(encoding="utf-8"))
    shapes = model["shapes"]
    shapes["DescribeRequest"]["members"]["Config"] = {"shape": "Name"}
    shapes["GetObjectOutput"]["members"]["Body"] = {"shape": "Raw"}
    shapes["WatchOutput"]["members"]["Events"] = {"shape": "Tick"}
    del shapes["WatchOutput"]["payload"]
    changed = tmp_path / "service-2.json"
    changed.write_text(json.dumps(model), encoding="utf-8")
    result = run_codegen(
        "diff", str(MODEL), str(changed), "--service", "features",
        "--operation", "all", "--format", "json",
    )  # fmt: skip
    assert result.returncode == 1, result.stderr
    report = json.loads(result.stdout)
    assert report["operations"] == ["Describe", "GetObject", "PutObject", "Watch"]
    types = {
        change["subject"]: change["detail"]
        for change in report["changes"]
        if change["kind"] == "type-changed"
    }
    assert types == {
        "DescribeRequest.Config": "Document -> str",
        "GetObjectOutput.Body": "bytes | Readable -> bytes",
        "WatchOutput.Events": "EventStream[Events] -> Tick",
    }


def test_shapes_named_with_two_underscores_are_not_mangled(
    features: ModuleType,
) -> None:
    """``__listOf__string`` (23 services name shapes so) would be mangled by
    Python inside a class body; the generated names drop the underscores."""
    request = features.DescribeRequest.from_dict({"Tags": ["a", "b"]})
    request.validate()
    with pytest.raises(features.ValidationError) as caught:
        features.DescribeRequest.from_dict({"Tags": ["a", 1]})
    assert violations(caught) == [("Tags[1]", "type")]
    with pytest.raises(features.ValidationError) as caught:
        features.DescribeRequest(tags=["", "b", "c"]).validate()
    assert violations(caught) == [("Tags", "length"), ("Tags[0]", "length")]
    report = botocore_errors("Describe", {"Tags": ["", "b", "c"]})
    assert "Tags" in report and "Tags[0]" in report


def test_a_structure_named_none_is_a_class_of_its_own(features: ModuleType) -> None:
    """apigatewayv2's ``None``: the class is ``None_``, in a module that is not
    also called ``None_`` (importing it would hide the class)."""
    request = features.DescribeRequest.from_dict({"Nothing": {}})
    assert isinstance(request.nothing, features.None_)
    assert isinstance(features.None_, type)
    assert isinstance(importlib.import_module("features.shapes").None_, type)


def test_names_that_would_shadow_what_the_code_uses_step_aside(
    features: ModuleType,
) -> None:
    """Found by mypy --strict over every service: members ``Object`` (appflow),
    ``Range`` next to ``RangeValue`` (geo-routes), a shape ``float``
    (frauddetector), errors ``AttributeError`` (datazone) and
    ``<Service>Error`` (storagegateway), an error with a timestamp member."""
    params = {"Object": "o", "Range": True, "RangeValue": 3, "Ratio": 0.5}
    request = features.DescribeRequest.from_dict(params)
    assert (request.object_, request.range, request.range_value) == ("o", True, 3)
    assert request.to_dict() == params
    with pytest.raises(features.ValidationError) as caught:
        features.DescribeRequest(ratio=-1.0).validate()
    assert violations(caught) == [("Ratio", "range")]
    errors = importlib.import_module("features.errors")
    assert errors.AttributeError_.code == "AttributeError"
    assert errors.FeaturesError_.code == "FeaturesError"
    assert issubclass(errors.FeaturesError_, errors.FeaturesError)
    with pytest.raises(AttributeError):
        features.NoSuchName  # noqa: B018 - the package's own lookup still fails
