"""Which structures are recursive (can contain themselves, as Connect's
``SegmentAttributeValue`` does through its ``ValueMap``).

Only these can nest deeper than the model's own fixed depth, so only their
codecs count nesting levels against the runtime's limit (``MAX_DEPTH``), in
``from_dict`` and ``validate()`` alike; every other structure skips the count,
which keeps the fast paths fast.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from codegen.model import ir
from codegen.model.sensitivity import children


def _reaches(start: str, target: str, by_name: dict[str, ir.Shape]) -> bool:
    seen: set[str] = set()
    stack = list(children(by_name[start]))
    while stack:
        name = stack.pop()
        if name == target:
            return True
        if name in seen or name not in by_name:
            continue
        seen.add(name)
        stack.extend(children(by_name[name]))
    return False


def mark_recursive(shapes: Sequence[ir.Shape]) -> tuple[ir.Shape, ...]:
    """``shapes`` with ``recursive`` set on each structure on a cycle."""
    by_name = {shape.name: shape for shape in shapes}
    return tuple(
        (
            dataclasses.replace(shape, recursive=True)
            if isinstance(shape, ir.StructureShape)
            and _reaches(shape.name, shape.name, by_name)
            else shape
        )
        for shape in shapes
    )
