"""Which module of ``shapes/`` each structure goes in.

One module per structure, so importing a class loads only the classes it
refers to, and a package of all of Connect's 1,200 classes imports in
milliseconds. Structures that refer to each other in a cycle share a module:
their annotations name each other, and modules may not import in a cycle.
"""

from __future__ import annotations

import keyword
from collections.abc import Iterable, Mapping

from botocore import xform_name

from codegen import ir

# Module names of shapes/ that are not structures.
RESERVED_MODULES = frozenset({"enums"})


def structure_references(shapes: Mapping[str, ir.Shape], name: str) -> frozenset[str]:
    """The structures a structure's members name, through lists and maps."""
    found: set[str] = set()
    shape = shapes[name]
    assert isinstance(shape, ir.StructureShape)
    stack = [member.target for member in shape.members]
    seen: set[str] = set()
    while stack:
        current = stack.pop()
        if current in seen:
            continue
        seen.add(current)
        match shapes[current]:
            case ir.StructureShape():
                found.add(current)
            case ir.ListShape(member=member):
                stack.append(member)
            case ir.MapShape(key=key, value=value):
                stack.extend((key, value))
    return frozenset(found)


def _components(graph: Mapping[str, Iterable[str]]) -> list[list[str]]:
    """Strongly connected components (Tarjan), each sorted, in a stable order."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    components: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for following in sorted(graph[node]):
            if following not in index:
                visit(following)
                low[node] = min(low[node], low[following])
            elif following in on_stack:
                low[node] = min(low[node], index[following])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            components.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return components


def module_name(class_name: str) -> str:
    """``EmailAddressInfo`` -> ``email_address_info``; never a keyword or reserved."""
    name = xform_name(class_name)
    if keyword.iskeyword(name) or name in RESERVED_MODULES:
        name += "_"
    return name


def shape_modules(
    shapes: Mapping[str, ir.Shape], names: Iterable[str]
) -> dict[str, tuple[str, ...]]:
    """Module name -> the structures it holds, for the structures in ``names``."""
    selected = sorted(names)
    graph = {
        name: sorted(structure_references(shapes, name) & set(selected))
        for name in selected
    }
    modules: dict[str, tuple[str, ...]] = {}
    for component in _components(graph):
        modules[module_name(component[0])] = tuple(component)
    return dict(sorted(modules.items()))
