"""The strategies reach what the issue asks of them, judged on a whole sample.

A property that passes on values that never reach a boundary proves little, so
this checks, over a sample of every shape's own strategy, that the
drawn values hold every string's exact ``min`` and ``max`` length (in code
points), every bounded list's exact bounds, ``[]`` and ``{}`` and absent members,
the int32 edges, astral characters, combining marks and ECMA whitespace, and the
recursive ``SegmentAttributeValue`` at its depth cap.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from typing import Any

import botocore.model

from . import strategies as S
from .profiles import collect
from .sites import sites


def _sample() -> list[tuple[str, Any]]:
    """Draws of every shape's own strategy (more for the integers' 7 edges)."""
    found = []
    for name, shape in S.CLOSURE.items():
        size = 200 if shape.type_name in ("integer", "long") else 60
        found += [(name, v) for v in collect(S.values(name, False, False, 0), size)]
    return found


def _depth(value: Any) -> int:
    if isinstance(value, dict):
        nested = [*value.get("ValueMap", {}).values(), *value.get("ValueList", [])]
        return 1 + max((_depth(v) for v in nested), default=0)
    return 0


def test_every_shape_of_the_closure_has_a_strategy() -> None:
    """One strategy per shape, built from the model (a new pattern or shape type
    fails here, by name).

    Oracle: botocore's model (the closure of the operation's input, output and
    7 errors).
    """
    assert len(S.STRUCTURES) == 18 and len(S.ERRORS) == 7
    for name in S.CLOSURE:
        assert S.values(name, False, False, 0) is not None
        assert S.values(name, True, False, 0) is not None


def test_the_strategies_reach_every_boundary_of_the_model() -> None:
    """Exact min and max lengths, empty containers, absent members, int edges.

    Oracle: botocore's model (each shape's ``min``/``max``, integer widths and
    optional members), against what the strategies actually drew.
    """
    sizes: dict[str, set[int]] = defaultdict(set)
    numbers: dict[str, set[int]] = defaultdict(set)
    absent: set[tuple[str, str]] = set()
    characters: set[str] = set()
    depth = 0
    for root, params in _sample():
        for site in sites(params, root):
            shape, value = site.shape, site.value
            if isinstance(value, (str, list, dict)):
                sizes[shape.name].add(len(value))
            if isinstance(value, str) and len(value) < 10_000:
                characters.update(value)
            if isinstance(value, int):
                numbers[shape.name].add(value)
            if isinstance(shape, botocore.model.StructureShape) and not S.is_union(
                shape
            ):
                absent.update((shape.name, m) for m in shape.members if m not in value)
            if shape.name == "SegmentAttributeValue":
                depth = max(depth, _depth(value))

    for name, shape in S.CLOSURE.items():
        lo, hi = S.bounds(shape)
        if isinstance(shape, botocore.model.StringShape) and shape.enum:
            continue
        if shape.type_name in ("string", "list", "map"):
            pattern = shape.metadata.get("pattern")
            shortest = S.pattern_strings(pattern).shortest if pattern else 0
            assert max(lo, shortest) in sizes[name], (name, "min", sorted(sizes[name]))
            if hi is not None:
                assert hi in sizes[name], (name, "max")
        if shape.type_name in ("integer", "long"):
            assert set(S.int_bounds(shape)) <= numbers[name], name
        if isinstance(shape, botocore.model.StructureShape) and not S.is_union(shape):
            optional = set(shape.members) - set(shape.required_members)
            assert {(name, m) for m in optional} <= absent, name

    categories = {unicodedata.category(c) for c in characters}
    assert any(ord(c) > 0xFFFF for c in characters), "no astral character"
    assert {"Mn", "Me"} <= categories, "no combining mark"
    assert {"\ufeff", "\x1c", "\u2028", "\r", "\n"} <= characters
    assert depth == S.MAX_DEPTH + 1
