"""Hypothesis strategies for botocore parameter dicts of any operation's input.

Everything is read from botocore's shape model (``botocore.model.Shape``), never
from the generator's IR or from generated code, so a misreading of the model
shared by the generator and this test cannot hide. ``input_params(operation)``
draws what a caller would pass to ``boto3_client.operation(**params)``:

* structures: required members always, optional members sometimes (only the
  required ones below ``MAX_DEPTH`` nested structures, which is what keeps
  recursive shapes finite); unions: exactly one member; document types: JSON
  values (top level never ``null``: botocore and the generated classes both read
  a ``None`` member as "not set");
* strings: an enum value when the shape has an enum, else text of ``min`` to
  ``max`` code points (no lone surrogates: the wire is UTF-8). Patterns are
  ignored on purpose: ``from_dict`` does not check them (``validate()`` does, and
  the runner ignores its ``pattern`` violations). Host labels (``hostLabel``)
  use the characters botocore's serializer allows in a host name;
* integers and longs within ``min``/``max`` and their 32/64-bit width; floats and
  doubles within ``min``/``max``, never NaN (NaN != NaN would make every round
  trip fail), infinite only when unbounded (botocore writes "Infinity");
* timestamps: aware UTC datetimes; blobs and streaming blobs: bytes;
* lists and maps: ``min`` entries up to a few more (within ``max``).

Sizes are kept small (a few more entries or characters than ``min``), because
the point is to reach every shape of every operation, not to stress one.
"""

from __future__ import annotations

import math
import string
from datetime import UTC, datetime
from typing import Any

import botocore.model
from hypothesis import strategies as st

Strategy = st.SearchStrategy[Any]

# Nested structures below the input that still get optional members.
MAX_DEPTH = 2
# Beyond MAX_DEPTH only required members are drawn; a chain of required members
# this deep is a cycle no finite value satisfies (none is known in botocore).
HARD_DEPTH = 40
EXTRA_ENTRIES = 2  # lists and maps: min .. min + 2 entries (within max)
EXTRA_CHARS = 12  # strings and blobs: min .. min + 12 (within max)
LONG = 64  # a minimum above this is met by repeating a short drawn seed

# Lone surrogates cannot be encoded as UTF-8, so no protocol can send them.
TEXT = st.characters(exclude_categories=["Cs"])
# botocore's serializer checks host labels against ^[A-Za-z0-9\.\-]+$.
HOST_LABEL = st.sampled_from(string.ascii_letters + string.digits + "-.")
INT_BITS = {"integer": 32, "long": 64}
TIMESTAMPS = st.datetimes(
    min_value=datetime(1970, 1, 1),
    max_value=datetime(2100, 1, 1),
    timezones=st.just(UTC),
)


class UnsupportedShape(Exception):
    """The model holds something this module cannot draw (a bug here, reported)."""


def input_params(operation: botocore.model.OperationModel) -> Strategy:
    """Parameter dicts for ``operation``'s input shape (which must exist)."""
    shape = operation.input_shape
    if shape is None:
        raise UnsupportedShape(f"{operation.name} has no input shape")
    return Builder().value(shape, 0)


def _bounds(shape: botocore.model.Shape, extra: int) -> tuple[int, int]:
    """``min`` and a small upper size: ``min + extra``, never above ``max``."""
    low = max(0, int(shape.metadata.get("min", 0)))
    high = shape.metadata.get("max")
    upper = low + extra if high is None else min(int(high), low + extra)
    return low, max(low, upper)


def _repeated(seed: Strategy, low: int) -> Strategy:
    """Exactly ``low`` units of a short drawn seed (non-empty), repeated.

    A ``min`` of thousands of characters then costs nothing to draw and stays
    readable in a counterexample.
    """
    return seed.map(lambda part: (part * (low // len(part) + 1))[:low])


def text(shape: botocore.model.Shape) -> Strategy:
    """A string shape: its enum, else text sized by ``min``/``max`` (code points)."""
    enum = getattr(shape, "enum", None) or []
    if enum:
        return st.sampled_from(list(enum))
    low, high = _bounds(shape, EXTRA_CHARS)
    if shape.serialization.get("hostLabel"):
        return st.text(HOST_LABEL, min_size=max(low, 1), max_size=max(high, 1))
    if low > LONG:
        return _repeated(st.text(TEXT, min_size=1, max_size=4), low)
    return st.text(TEXT, min_size=low, max_size=high)


def blob(shape: botocore.model.Shape) -> Strategy:
    """Bytes sized by ``min``/``max``; a streaming blob is bytes too."""
    low, high = _bounds(shape, EXTRA_CHARS)
    if low > LONG:
        return _repeated(st.binary(min_size=1, max_size=4), low)
    return st.binary(min_size=low, max_size=high)


def integer(shape: botocore.model.Shape) -> Strategy:
    """An int within the model's range and the type's width."""
    bits = INT_BITS[shape.type_name]
    low, high = -(2 ** (bits - 1)), 2 ** (bits - 1) - 1
    if "min" in shape.metadata:
        low = max(low, math.ceil(shape.metadata["min"]))
    if "max" in shape.metadata:
        high = min(high, math.floor(shape.metadata["max"]))
    if low > high:
        raise UnsupportedShape(f"shape {shape.name!r}: empty range {low}..{high}")
    return st.integers(min_value=low, max_value=high)


def real(shape: botocore.model.Shape) -> Strategy:
    """A float within the model's range; infinite only when unbounded, never NaN."""
    low = shape.metadata.get("min")
    high = shape.metadata.get("max")
    unbounded = low is None and high is None
    return st.floats(
        min_value=None if low is None else float(low),
        max_value=None if high is None else float(high),
        allow_nan=False,
        allow_infinity=unbounded,
    )


def _json_values() -> Strategy:
    """Any JSON value, small: what a document member holds below its top level."""
    scalars = (
        st.none()
        | st.booleans()
        | st.integers(min_value=-(2**53), max_value=2**53)
        | st.floats(allow_nan=False, allow_infinity=False)
        | st.text(TEXT, max_size=8)
    )
    return st.recursive(
        scalars,
        lambda inner: st.lists(inner, max_size=3)
        | st.dictionaries(st.text(TEXT, max_size=8), inner, max_size=3),
        max_leaves=6,
    )


def document() -> Strategy:
    """A document member's value: a JSON value other than ``null`` at the top."""
    return _json_values().filter(lambda value: value is not None)


class Builder:
    """Builds (and caches) the strategy of each shape at each structure depth.

    The cache is keyed by shape name and depth: member traits that change what
    may be drawn (``hostLabel``) are read at the member, never cached.
    """

    def __init__(self) -> None:
        self._cache: dict[tuple[str, int], Strategy | UnsupportedShape] = {}

    def value(self, shape: botocore.model.Shape, depth: int) -> Strategy:
        """The strategy of ``shape`` reached ``depth`` structures below the input.

        Failures are cached too: a recursive union tried member by member would
        otherwise retry the same dead ends exponentially often.
        """
        if shape.serialization.get("hostLabel"):
            return text(shape)
        key = (shape.name, depth)
        if key not in self._cache:
            try:
                self._cache[key] = self._build(shape, depth)
            except UnsupportedShape as error:
                self._cache[key] = error
        found = self._cache[key]
        if isinstance(found, UnsupportedShape):
            raise UnsupportedShape(str(found))
        return found

    def _build(self, shape: botocore.model.Shape, depth: int) -> Strategy:
        match shape.type_name:
            case "structure":
                assert isinstance(shape, botocore.model.StructureShape)
                return self._structure(shape, depth)
            case "list":
                assert isinstance(shape, botocore.model.ListShape)
                return self._list(shape, depth)
            case "map":
                assert isinstance(shape, botocore.model.MapShape)
                return self._map(shape, depth)
            case "string":
                return text(shape)
            case "integer" | "long":
                return integer(shape)
            case "float" | "double":
                return real(shape)
            case "boolean":
                return st.booleans()
            case "timestamp":
                return TIMESTAMPS
            case "blob":
                return blob(shape)
        raise UnsupportedShape(f"shape {shape.name!r}: type {shape.type_name!r}")

    def _structure(self, shape: botocore.model.StructureShape, depth: int) -> Strategy:
        if shape.is_document_type:
            return document()
        if shape.event_stream_name is not None or shape.serialization.get(
            "eventstream"
        ):
            raise UnsupportedShape(f"shape {shape.name!r}: an event stream")
        if depth > HARD_DEPTH:
            raise UnsupportedShape(
                f"shape {shape.name!r}: required members recurse past {HARD_DEPTH}"
            )
        if shape.is_tagged_union:
            return self._union(shape, depth)
        members = shape.members
        required = {
            name: self.value(members[name], depth + 1)
            for name in members
            if name in shape.required_members
        }
        optional = {}
        if depth < MAX_DEPTH:
            optional = {
                name: self.value(member, depth + 1)
                for name, member in members.items()
                if name not in required
            }
        return st.fixed_dictionaries(required, optional=optional)

    def _union(self, shape: botocore.model.StructureShape, depth: int) -> Strategy:
        """Exactly one member; past ``MAX_DEPTH`` the first one that ends soonest."""
        members = list(shape.members.items())
        if depth >= MAX_DEPTH:
            # Scalars first, then lists and maps, then structures: a recursive
            # union (an expression tree) must bottom out.
            rank = {"structure": 2, "list": 1, "map": 1}
            members.sort(key=lambda item: rank.get(item[1].type_name, 0))
            for name, member in members:
                try:
                    return self._one(name, member, depth)
                except UnsupportedShape:
                    continue
            raise UnsupportedShape(f"shape {shape.name!r}: no member ends the union")
        return st.one_of([self._one(name, member, depth) for name, member in members])

    def _one(self, name: str, member: botocore.model.Shape, depth: int) -> Strategy:
        return st.fixed_dictionaries({name: self.value(member, depth + 1)})

    def _list(self, shape: botocore.model.ListShape, depth: int) -> Strategy:
        low, high = _entries(shape, depth)
        if high == 0:
            return st.builds(list)
        return st.lists(self.value(shape.member, depth), min_size=low, max_size=high)

    def _map(self, shape: botocore.model.MapShape, depth: int) -> Strategy:
        low, high = _entries(shape, depth)
        if high == 0:
            return st.builds(dict)
        return st.dictionaries(
            self.value(shape.key, depth),
            self.value(shape.value, depth),
            min_size=low,
            max_size=high,
        )


def _entries(shape: botocore.model.Shape, depth: int) -> tuple[int, int]:
    """How many entries a list or map draws: as few as allowed past ``MAX_DEPTH``,
    so recursive shapes bottom out."""
    low, high = _bounds(shape, EXTRA_ENTRIES)
    return (low, low) if depth > MAX_DEPTH else (low, high)
