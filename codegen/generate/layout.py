"""Which module of ``shapes/`` each structure goes in.

One module per structure, so importing a class loads only the classes it
refers to, and a package of all of Connect's 1,382 classes imports in
milliseconds. Structures that refer to each other in a cycle share a module:
their annotations name each other, and modules may not import in a cycle.
"""

from __future__ import annotations

import keyword
from collections.abc import Iterable, Mapping

from botocore import xform_name

from codegen.generate.kinds import DefaultVisitor, visit
from codegen.model import ir
from codegen.model.naming import SHAPE_MODULES


class _NamedTypes(DefaultVisitor[frozenset[str]]):
    """The classes and enum aliases a shape's Python type names."""

    def __init__(self, shapes: Mapping[str, ir.Shape]) -> None:
        self.shapes = shapes

    def default(self, shape: ir.Shape) -> frozenset[str]:
        return frozenset()

    def visit_enum(self, shape: ir.StringShape) -> frozenset[str]:
        return frozenset({shape.name})

    def visit_structure(self, shape: ir.StructureShape) -> frozenset[str]:
        return frozenset({shape.name})

    def visit_event_stream(self, shape: ir.StructureShape) -> frozenset[str]:
        return frozenset({shape.name})

    def visit_list(self, shape: ir.ListShape) -> frozenset[str]:
        return visit(self.shapes[shape.member], self)

    def visit_map(self, shape: ir.MapShape) -> frozenset[str]:
        key, value = self.shapes[shape.key], self.shapes[shape.value]
        return visit(key, self) | visit(value, self)


def named_types(shapes: Mapping[str, ir.Shape], name: str) -> frozenset[str]:
    """The classes and enum aliases a shape's Python type names (through lists
    and maps)."""
    return visit(shapes[name], _NamedTypes(shapes))


def structure_references(shapes: Mapping[str, ir.Shape], name: str) -> frozenset[str]:
    """The structures a structure's members name, through lists and maps."""
    shape = shapes[name]
    assert isinstance(shape, ir.StructureShape)
    named = frozenset().union(*(named_types(shapes, m.target) for m in shape.members))
    return frozenset(n for n in named if isinstance(shapes[n], ir.StructureShape))


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
    """``EmailAddressInfo`` -> ``email_address_info``; never a keyword, reserved,
    or the class's own name.

    Importing a submodule binds it as an attribute of its package, so a module
    named like its class (``None_``, which ``xform_name`` leaves as it is, or a
    lowercase class) would hide the class from the package's lazy lookup.
    """
    name = xform_name(class_name).lower()
    if keyword.iskeyword(name) or name in SHAPE_MODULES or name == class_name:
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
