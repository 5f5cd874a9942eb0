"""Parameter dicts for any botocore shape, mostly valid, sometimes off in one place.

For the one-pass property on every kind of shape (floats, booleans, timestamps,
blobs, documents, unions: the kinds StartEmailContact does not have). Drawn from
botocore's model alone: the values are valid where the model's bounds, enums and
types say so, and a few percent of them are off (out of bounds, the wrong type,
a subclass, an explicit ``None``, an unknown key), so that both the one walk and
its fall-back run. Patterns are not followed: a string meets one by chance only,
which the short alphabet makes common for the usual ``^[a-z...]+$`` kinds.
"""

from __future__ import annotations

import datetime
import functools
import math
from typing import Any

import botocore.model
from hypothesis import strategies as st

Strategy = st.SearchStrategy[Any]

MAX_DEPTH = 2
_LETTERS = st.sampled_from("abcxyz")
_ALPHABET = st.sampled_from("abcz019-_:/.@ A\u00e9\U0001f600")


class Text(str):
    """A ``str`` subclass: read as a copy, never by the one walk."""


def _bounded(lo: int, hi: int | None, top: int = 6) -> tuple[int, int]:
    hi = lo + top if hi is None else min(hi, lo + top)
    return lo, max(lo, hi)


def _off(valid: Strategy, *odd: Strategy) -> Strategy:
    """Mostly ``valid`` (nine times in ten); now and then one of the odd values."""
    return st.one_of(*[valid] * 9, st.one_of(*odd))


def _string(shape: botocore.model.StringShape) -> Strategy:
    if shape.enum:
        valid = st.sampled_from(shape.enum)
        return _off(valid, st.just("NOT-A-VALUE"), st.integers(), valid.map(Text))
    lo = shape.metadata.get("min", 0)
    hi = shape.metadata.get("max")
    low, high = _bounded(lo, hi)
    valid = st.text(_LETTERS, min_size=low, max_size=high) | st.text(
        _ALPHABET, min_size=low, max_size=high
    )
    odd = [st.integers(), valid.map(Text), st.text(_ALPHABET, min_size=high + 1)]
    if lo > 0:
        odd.append(st.text(_ALPHABET, max_size=lo - 1))
    return _off(valid, *odd)


def _integer(shape: botocore.model.Shape) -> Strategy:
    bits = 64 if shape.type_name == "long" else 32
    lo = shape.metadata.get("min", -(2 ** (bits - 1)))
    hi = shape.metadata.get("max", 2 ** (bits - 1) - 1)
    valid = st.integers(lo, hi)
    return _off(
        valid,
        st.sampled_from([lo - 1, hi + 1, 2**64, True]),
        st.floats(),
        st.text(max_size=3),
    )


def _float(shape: botocore.model.Shape) -> Strategy:
    lo = shape.metadata.get("min")
    hi = shape.metadata.get("max")
    valid = st.floats(lo, hi, allow_nan=False) | st.integers(
        math.ceil(lo) if lo is not None else -(10**6),
        math.floor(hi) if hi is not None else 10**6,
    )
    return _off(
        valid,
        st.floats(),  # NaN and infinities included
        st.decimals(allow_nan=True),
        st.sampled_from(["NaN", "Infinity", "1.5", True]),
    )


def _timestamp() -> Strategy:
    aware = st.datetimes(timezones=st.just(datetime.UTC))
    return _off(
        aware | st.datetimes(),
        st.integers(-(10**10), 10**10),
        st.sampled_from(["2024-01-02T03:04:05Z", "nonsense", "1700000000"]),
    )


def _blob(shape: botocore.model.Shape) -> Strategy:
    if shape.serialization.get("streaming"):
        return _off(st.binary(max_size=8), st.text(max_size=3), st.integers())
    low, high = _bounded(shape.metadata.get("min", 0), shape.metadata.get("max"))
    valid = st.binary(min_size=low, max_size=high)
    return _off(valid, valid.map(bytearray), st.text(max_size=3), st.integers())


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=3),
    lambda inner: st.lists(inner, max_size=3)
    | st.dictionaries(st.text(max_size=3), inner, max_size=3),
    max_leaves=6,
)


@functools.cache
def values(shape: botocore.model.Shape, depth: int = 0) -> Strategy:
    """Mostly valid values of ``shape`` (cached per shape and depth)."""
    kind = shape.type_name
    if isinstance(shape, botocore.model.StringShape):
        return _string(shape)
    if kind in ("integer", "long"):
        return _integer(shape)
    if kind in ("float", "double"):
        return _float(shape)
    if kind == "boolean":
        return _off(st.booleans(), st.sampled_from([0, 1, "true"]))
    if kind == "timestamp":
        return _timestamp()
    if kind == "blob":
        return _blob(shape)
    if isinstance(shape, botocore.model.ListShape):
        return _list(shape, depth)
    if isinstance(shape, botocore.model.MapShape):
        return _map(shape, depth)
    if isinstance(shape, botocore.model.StructureShape):
        if getattr(shape, "is_document_type", False):
            return _JSON
        return _structure(shape, depth)
    raise AssertionError(f"no strategy for {kind} shape {shape.name}")


def _list(shape: botocore.model.ListShape, depth: int) -> Strategy:
    lo = shape.metadata.get("min", 0)
    low, high = _bounded(lo, shape.metadata.get("max"), top=3)
    if depth > MAX_DEPTH:
        high = low
    entries = st.lists(values(shape.member, depth + 1), min_size=low, max_size=high)
    return _off(entries, entries.map(tuple), st.just({}))


def _map(shape: botocore.model.MapShape, depth: int) -> Strategy:
    lo = shape.metadata.get("min", 0)
    low, high = _bounded(lo, shape.metadata.get("max"), top=3)
    if depth > MAX_DEPTH:
        high = low
    keys, items = values(shape.key, depth + 1), values(shape.value, depth + 1)
    valid = st.dictionaries(keys, items, min_size=low, max_size=high)
    return _off(valid, st.just([]))


def _structure(shape: botocore.model.StructureShape, depth: int) -> Strategy:
    required = set(shape.required_members)
    members = {
        name: values(target, depth + 1)
        for name, target in shape.members.items()
        if name in required or depth <= MAX_DEPTH
    }
    if getattr(shape, "is_tagged_union", False) and members:
        valid = st.one_of([st.fixed_dictionaries({m: s}) for m, s in members.items()])
    else:
        valid = st.fixed_dictionaries(
            {m: s for m, s in members.items() if m in required},
            optional={m: s for m, s in members.items() if m not in required},
        )
    odd = [
        valid.map(lambda data: {**data, "NotAMember": 1}),
        valid.map(lambda data: {**data, next(iter(shape.members), "X"): None}),
        st.just([]),
    ]
    return _off(valid, *odd)
