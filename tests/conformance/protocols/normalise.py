"""What botocore means by a fixture's values, and a comparison that sees types.

The fixtures are JSON, so they state some values in a notation rather than as
the Python objects botocore works with. Before comparing ``to_dict()`` with a
fixture's ``params`` or ``result``, the EXPECTED side is rewritten with rules
read from botocore's shape model (never from the generator's IR or the generated
code):

- timestamp: a number or string becomes the aware UTC ``datetime`` botocore's
  serializer reads it as (``botocore.utils.parse_to_aware_datetime``, which its
  serializers call); parsed results (epoch numbers in the fixtures, as botocore's
  runner parses them) are read the same way;
- blob (streaming or not): a ``str`` becomes its UTF-8 ``bytes`` (botocore's
  serializers encode a ``str`` blob as UTF-8; its runner decodes parsed bytes
  as UTF-8 to compare with the fixture);
- float/double: ``"NaN"``, ``"Infinity"`` and ``"-Infinity"`` become the floats
  (botocore's runner converts them too, at the top level only; here wherever the
  shape says float or double);
- documents, and keys the shape does not model (``Error``, a union's
  ``SDK_UNKNOWN_MEMBER``), are left as they are.

The same rules put botocore's own parsed responses in that notation (its JSON
parser hands over ``"NaN"`` as a string, its rest parsers a blob payload as
``str``), so that they can be compared with the fixture and with ``to_dict()``.
"""

from __future__ import annotations

import datetime
import math
from collections.abc import Callable
from typing import Any

import botocore.model
from botocore.utils import parse_to_aware_datetime

_SPECIAL_FLOATS = {"NaN", "Infinity", "-Infinity"}


def expected_value(value: Any, shape: botocore.model.Shape | None) -> Any:
    """``value`` (a fixture's notation) as the Python object botocore means."""
    return _walk(value, shape, _scalar)


def special_floats(value: Any, shape: botocore.model.Shape | None) -> Any:
    """Only the float rule above: the params botocore's runner serializes.

    Timestamps and ``str`` blobs stay as the fixture states them: ``from_dict``
    must accept what botocore accepts.
    """
    return _walk(value, shape, _special_float)


def _walk(
    value: Any,
    shape: botocore.model.Shape | None,
    scalar: Callable[[Any, botocore.model.Shape], Any],
) -> Any:
    """Rewrite the scalars of ``value`` by their shapes, containers as they are."""
    if shape is None or value is None:
        return value
    if isinstance(shape, botocore.model.StructureShape):
        if shape.serialization.get("eventstream") and isinstance(value, list):
            return [_walk(event, shape, scalar) for event in value]  # listed events
        if shape.metadata.get("document") or not isinstance(value, dict):
            return value
        members = shape.members
        return {
            key: _walk(item, members.get(key), scalar) for key, item in value.items()
        }
    if isinstance(shape, botocore.model.ListShape) and isinstance(value, list):
        return [_walk(item, shape.member, scalar) for item in value]
    if isinstance(shape, botocore.model.MapShape) and isinstance(value, dict):
        return {key: _walk(item, shape.value, scalar) for key, item in value.items()}
    return scalar(value, shape)


def _scalar(value: Any, shape: botocore.model.Shape) -> Any:
    if shape.type_name == "timestamp" and isinstance(value, int | float | str):
        return parse_to_aware_datetime(value)  # type: ignore[arg-type]
    if shape.type_name == "blob" and isinstance(value, str):
        return value.encode("utf-8")
    return _special_float(value, shape)


def _special_float(value: Any, shape: botocore.model.Shape) -> Any:
    if shape.type_name in ("float", "double") and value in _SPECIAL_FLOATS:
        return float(value)
    return value


def differences(
    actual: Any, expected: Any, path: str = "", *, same_zone: bool = True
) -> list[str]:
    """Where ``actual`` differs from ``expected``; empty when they are the same.

    Stricter than ``==`` where ``==`` hides a wrong type: ``True`` is not ``1``,
    ``b"a"`` is not ``"a"``, a naive ``datetime`` is not an aware one, and a
    datetime stated in UTC must come back in UTC. Numbers compare by value
    (``1 == 1.0``; botocore's request check judges how they are written), and NaN
    equals NaN. ``same_zone=False`` compares datetimes as instants only (for
    botocore's own results, which keep the offset a response states).
    """
    where = path or "<top>"
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            return [f"{where}: {actual!r} is not a dict (expected {expected!r})"]
        found = [
            f"{path}.{key}: missing (expected {expected[key]!r})".lstrip(".")
            for key in expected.keys() - actual.keys()
        ]
        found += [
            f"{path}.{key}: unexpected {actual[key]!r}".lstrip(".")
            for key in actual.keys() - expected.keys()
        ]
        for key in expected.keys() & actual.keys():
            found += differences(
                actual[key], expected[key], f"{path}.{key}", same_zone=same_zone
            )
        return sorted(found)
    if isinstance(expected, list):
        if not isinstance(actual, list) or len(actual) != len(expected):
            return [f"{where}: {actual!r} != {expected!r}"]
        found = []
        for index, (left, right) in enumerate(zip(actual, expected, strict=True)):
            found += differences(left, right, f"{path}[{index}]", same_zone=same_zone)
        return found
    if _same_scalar(actual, expected, same_zone):
        return []
    return [f"{where}: {actual!r} != {expected!r}"]


def _same_scalar(actual: Any, expected: Any, same_zone: bool) -> bool:
    if isinstance(expected, bool) or isinstance(actual, bool):
        return type(actual) is type(expected) and actual == expected
    if isinstance(expected, int | float) and isinstance(actual, int | float):
        both_nan = math.isnan(actual) and math.isnan(expected)
        return both_nan or actual == expected
    if isinstance(expected, datetime.datetime):
        return _same_datetime(actual, expected, same_zone)
    return type(actual) is type(expected) and actual == expected


def _same_datetime(actual: Any, expected: datetime.datetime, same_zone: bool) -> bool:
    if not isinstance(actual, datetime.datetime) or actual.tzinfo is None:
        return False
    utc = datetime.timedelta(0)
    if same_zone and expected.utcoffset() == utc and actual.utcoffset() != utc:
        return False
    return actual == expected
