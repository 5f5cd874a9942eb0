"""The runtime's codecs, tested directly; where botocore's validator has an
opinion (paths, rule, type), it is the oracle."""

from __future__ import annotations

import math
from datetime import UTC, datetime
from typing import Any

import botocore.model
import pytest
from botocore.utils import parse_to_aware_datetime

from codegen.generate.runtime import _runtime as rt
from tests.conformance.property.oracles import botocore_violations


def _botocore_shape(members: dict[str, Any], shapes: dict[str, Any]) -> Any:
    """A botocore input structure ``Input`` with ``members`` over ``shapes``."""
    model = {"Input": {"type": "structure", "members": members}, **shapes}
    resolver = botocore.model.ShapeResolver(model)
    return resolver.get_shape_by_name("Input")


def _checked(codec: rt.Codec[Any], value: object) -> list[tuple[str, str]]:
    errors: list[rt.Violation] = []
    codec.check(value, "Value", errors, sensitive=False, required=True)
    return [(violation.path, violation.rule) for violation in errors]


@pytest.mark.parametrize(
    ("codec", "shape", "value"),
    [
        (rt.String(min_length=2), {"type": "string", "min": 2}, "a"),
        (rt.String(min_length=2), {"type": "string", "min": 2}, "ab"),
        (rt.String(), {"type": "string"}, 5),
        (rt.Integer(bits=32, minimum=1), {"type": "integer", "min": 1}, 0),
        (rt.Integer(bits=32), {"type": "integer"}, "1"),
        (rt.Float(minimum=1.5), {"type": "double", "min": 1.5}, 1.0),
        (rt.Blob(), {"type": "blob"}, 5),  # botocore checks no blob length
        (rt.Boolean(), {"type": "boolean"}, "true"),
        (rt.Timestamp(), {"type": "timestamp"}, datetime(2024, 1, 2, tzinfo=UTC)),
        (
            rt.List(rt.String(min_length=2), min_length=1),
            {"type": "list", "member": {"shape": "Item"}, "min": 1},
            ["ok", "x", 3],
        ),
        (
            rt.List(rt.String(), min_length=1),
            {"type": "list", "member": {"shape": "Item"}, "min": 1},
            [],
        ),
    ],
)
def test_check_finds_what_botocore_finds(
    codec: rt.Codec[Any], shape: dict[str, Any], value: object
) -> None:
    item = {"Item": {"type": "string", "min": 2}}
    botocore_shape = _botocore_shape(
        {"Value": {"shape": "ValueShape"}}, {"ValueShape": shape, **item}
    )
    expected = botocore_violations({"Value": value}, botocore_shape)
    assert _checked(codec, value) == expected


def test_map_paths_are_botocores() -> None:
    """A key's path is ``Map (key: k)``, a value's ``Map.k``, as botocore says."""
    codec = rt.Map(rt.String(min_length=2), rt.String(min_length=2))
    shape = _botocore_shape(
        {"Value": {"shape": "M"}},
        {
            "M": {"type": "map", "key": {"shape": "S"}, "value": {"shape": "S"}},
            "S": {"type": "string", "min": 2},
        },
    )
    value = {"k": "v", "key": "value"}
    assert _checked(codec, value) == botocore_violations({"Value": value}, shape)
    assert _checked(codec, value) == [
        ("Value (key: k)", "length"),
        ("Value.k", "length"),
    ]


def test_a_missing_required_member_is_reported_by_path() -> None:
    shape = _botocore_shape({"Name": {"shape": "S"}}, {"S": {"type": "string"}})
    shape.metadata["required"] = ["Name"]
    errors: list[rt.Violation] = []
    rt.String().check(None, "Name", errors, sensitive=False, required=True)
    assert [(e.path, e.rule) for e in errors] == botocore_violations({}, shape)


def test_strict_reading_rejects_unknown_keys_as_botocore_does() -> None:
    shape = _botocore_shape({"Known": {"shape": "S"}}, {"S": {"type": "string"}})
    data = {"Known": "a", "Other": 1}
    reader = rt.Reader(strict=True)
    mapping = reader.structure(data, "", frozenset({"Known"}), required=True)
    assert mapping == data
    found = [(e.path, e.rule) for e in reader.errors]
    assert found == botocore_violations(data, shape) == [("Other", "unknown")]
    lenient = rt.Reader(strict=False)
    lenient.structure(data, "", frozenset({"Known"}), required=True)
    assert lenient.errors == []


def test_reading_reports_types_and_absence() -> None:
    reader = rt.Reader(strict=True)
    assert rt.String().read(5, "A", reader, required=True) is None
    assert rt.String().read(rt.ABSENT, "B", reader, required=True) is None
    assert rt.String().read(rt.ABSENT, "C", reader) is None
    assert [str(error) for error in reader.errors] == [
        "A: expected str, got int",
        "B: required member is missing",
    ]


@pytest.mark.parametrize(
    "value",
    [
        "2024-01-02T03:04:05Z",
        "2024-01-02T03:04:05+02:00",
        "2024-01-02T03:04:05",
        "Tue, 02 Jan 2024 03:04:05 GMT",
        1704164645,
        1704164645.5,
        "1704164645",
    ],
)
def test_timestamps_read_as_botocore_reads_them(value: Any) -> None:
    """botocore's serializers turn these parameters into aware datetimes."""
    read = rt.Timestamp().read(value, "T", rt.Reader(strict=True))
    assert read == parse_to_aware_datetime(value)
    assert read is not None and read.tzinfo is not None


def test_blobs_take_text_and_bytearrays_as_botocore_does() -> None:
    reader = rt.Reader(strict=True)
    assert rt.Blob().read("é", "B", reader) == "é".encode()
    assert rt.Blob().read(bytearray(b"ab"), "B", reader) == b"ab"
    assert rt.Blob().read("\ud800", "B", reader) is None  # not encodable
    assert [e.rule for e in reader.errors] == ["type"]


def test_floats_read_non_finite_text_only_when_lenient() -> None:
    """botocore's JSON parser leaves ``NaN`` and the infinities as text."""
    assert math.isnan(rt.Float().read("NaN", "F", rt.Reader(strict=False)) or 0.0)
    assert rt.Float().read("-Infinity", "F", rt.Reader(strict=False)) == -math.inf
    strict = rt.Reader(strict=True)
    assert rt.Float().read("NaN", "F", strict) is None
    assert [e.rule for e in strict.errors] == ["type"]


def test_integers_keep_to_their_width_and_refuse_booleans() -> None:
    codec = rt.Integer(bits=32)
    assert codec.accepts(2**31 - 1) and not codec.accepts(2**31)
    assert not codec.accepts(True)
    assert _checked(codec, 2**31) == [("Value", "range")]


def test_enums_read_unknown_values_but_do_not_check_them() -> None:
    codec: rt.Enum[str] = rt.Enum(["A", "B"])
    assert codec.read("C", "E", rt.Reader(strict=True)) == "C"
    assert _checked(codec, "C") == [("Value", "enum")]
    assert codec.accepts("A") and not codec.accepts("C")


def test_sensitive_values_never_reach_a_message() -> None:
    errors: list[rt.Violation] = []
    codec = rt.String(pattern=rt.Pattern("^a+$", "^a+$"), sensitive=True)
    codec.check("secret-b", "P", errors, sensitive=False)
    rt.Enum(["A"]).check("secret-c", "E", errors, sensitive=True)
    assert len(errors) == 2
    assert not any("secret" in str(error) for error in errors)
    assert rt.show("x" * 100, False).endswith("...")


def test_documents_are_json_values_nested_to_a_bound() -> None:
    deep: object = 1
    for _ in range(rt.MAX_DEPTH + 1):
        deep = [deep]
    assert rt.is_json({"a": [1, 2.5, None, True, "s"]})
    assert not rt.is_json({1: "key not a string"})
    assert not rt.is_json(deep)


def test_a_validation_error_lists_every_violation() -> None:
    error = rt.ValidationError(
        [rt.Violation("", "union", "one"), rt.Violation("A.B", "type", "two")]
    )
    assert str(error) == "2 validation errors: <root>: one; A.B: two"
    assert rt.top_level_key("A[0].B") == rt.top_level_key("A (key: k)") == "A"
    assert rt.join("", "A") == "A" and rt.join("A", "B") == "A.B"


def test_unions_hold_exactly_one_member() -> None:
    errors: list[rt.Violation] = []
    rt.check_union("U", errors, (None, None))
    rt.check_union("U", errors, (1, None))
    assert [str(e) for e in errors] == ["U: exactly one member must be set, got 0"]
    assert rt.exactly_one((None, 2)) and not rt.exactly_one((1, 2))
