"""Sensitivity inherited down the shape tree.

The model marks a member, list or map ``sensitive``, but not the structures
inside it: Connect's ``EmailAttachments`` list is sensitive while the
``EmailAttachment`` structures it holds are not, so their ``repr`` would show
the file names and URLs. This pass flags every structure and map reachable
under a sensitive member or shape as ``sensitive_by_inheritance``; the
renderer then hides all of a flagged structure's members and a flagged map's
keys. The flag is per shape, so it also holds where the same shape is reached
by a path that is not sensitive: conservative, never leaky.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence

from codegen.model import ir


def children(shape: ir.Shape) -> tuple[str, ...]:
    """The names of the shapes a shape refers to directly."""
    match shape:
        case ir.StructureShape(members=members):
            return tuple(member.target for member in members)
        case ir.ListShape(member=member):
            return (member,)
        case ir.MapShape(key=key, value=value):
            return (key, value)
    return ()


def _roots(shapes: Iterable[ir.Shape]) -> list[str]:
    """Shapes sensitive themselves, and the targets of sensitive members."""
    roots = []
    for shape in shapes:
        if shape.sensitive:
            roots.append(shape.name)
        if isinstance(shape, ir.StructureShape):
            roots.extend(member.target for member in shape.members if member.sensitive)
    return roots


def under_sensitive(shapes: Sequence[ir.Shape]) -> frozenset[str]:
    """The names of every shape at or below a sensitive member or shape."""
    by_name = {shape.name: shape for shape in shapes}
    found: set[str] = set()
    stack = _roots(shapes)
    while stack:
        name = stack.pop()
        if name in found or name not in by_name:
            continue
        found.add(name)
        stack.extend(children(by_name[name]))
    return frozenset(found)


def inherit_sensitivity(shapes: Sequence[ir.Shape]) -> tuple[ir.Shape, ...]:
    """``shapes`` with ``sensitive_by_inheritance`` set on each structure and
    map under a sensitive ancestor (scalars need nothing: their values show
    only through a structure's members or a map's keys)."""
    inherited = under_sensitive(shapes)
    return tuple(
        (
            dataclasses.replace(shape, sensitive_by_inheritance=True)
            if shape.name in inherited
            and isinstance(shape, (ir.StructureShape, ir.MapShape))
            else shape
        )
        for shape in shapes
    )
