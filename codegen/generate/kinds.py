"""The one dispatch over the IR's shape kinds.

Every question whose answer depends on a shape's kind (its Python type, its
codec, how it is dumped, which names it refers to) is a ``ShapeVisitor``, and
``visit`` is the only ``match`` over the kinds. A new kind is a new
``visit_*`` method here and one ``case`` in ``visit``; mypy then names every
visitor that does not handle it yet (see docs/contributing-shape-kind.md).
"""

from __future__ import annotations

from typing import Protocol, TypeVar, assert_never

from codegen.model import ir

T = TypeVar("T")
T_co = TypeVar("T_co", covariant=True)


class ShapeVisitor(Protocol[T_co]):
    """One answer per shape kind; ``visit`` picks the method."""

    def visit_string(self, shape: ir.StringShape) -> T_co: ...
    def visit_enum(self, shape: ir.StringShape) -> T_co: ...
    def visit_integer(self, shape: ir.IntegerShape) -> T_co: ...
    def visit_float(self, shape: ir.FloatShape) -> T_co: ...
    def visit_boolean(self, shape: ir.BooleanShape) -> T_co: ...
    def visit_timestamp(self, shape: ir.TimestampShape) -> T_co: ...
    def visit_blob(self, shape: ir.BlobShape) -> T_co: ...
    def visit_stream(self, shape: ir.BlobShape) -> T_co: ...
    def visit_document(self, shape: ir.DocumentShape) -> T_co: ...
    def visit_list(self, shape: ir.ListShape) -> T_co: ...
    def visit_map(self, shape: ir.MapShape) -> T_co: ...
    def visit_structure(self, shape: ir.StructureShape) -> T_co: ...
    def visit_event_stream(self, shape: ir.StructureShape) -> T_co: ...


def visit(shape: ir.Shape, visitor: ShapeVisitor[T]) -> T:
    """``visitor``'s answer for ``shape``'s kind."""
    match shape:
        case ir.StringShape():
            return (
                visitor.visit_enum(shape) if shape.enum else visitor.visit_string(shape)
            )
        case ir.IntegerShape():
            return visitor.visit_integer(shape)
        case ir.FloatShape():
            return visitor.visit_float(shape)
        case ir.BooleanShape():
            return visitor.visit_boolean(shape)
        case ir.TimestampShape():
            return visitor.visit_timestamp(shape)
        case ir.BlobShape():
            if shape.streaming:
                return visitor.visit_stream(shape)
            return visitor.visit_blob(shape)
        case ir.DocumentShape():
            return visitor.visit_document(shape)
        case ir.ListShape():
            return visitor.visit_list(shape)
        case ir.MapShape():
            return visitor.visit_map(shape)
        case ir.StructureShape():
            if shape.event_stream:
                return visitor.visit_event_stream(shape)
            return visitor.visit_structure(shape)
        case _:
            assert_never(shape)


class DefaultVisitor(ShapeVisitor[T]):
    """A visitor where most kinds share one answer (``default``); subclasses
    override the kinds that differ."""

    def default(self, shape: ir.Shape) -> T:
        raise NotImplementedError

    def visit_string(self, shape: ir.StringShape) -> T:
        return self.default(shape)

    def visit_enum(self, shape: ir.StringShape) -> T:
        return self.default(shape)

    def visit_integer(self, shape: ir.IntegerShape) -> T:
        return self.default(shape)

    def visit_float(self, shape: ir.FloatShape) -> T:
        return self.default(shape)

    def visit_boolean(self, shape: ir.BooleanShape) -> T:
        return self.default(shape)

    def visit_timestamp(self, shape: ir.TimestampShape) -> T:
        return self.default(shape)

    def visit_blob(self, shape: ir.BlobShape) -> T:
        return self.default(shape)

    def visit_stream(self, shape: ir.BlobShape) -> T:
        return self.default(shape)

    def visit_document(self, shape: ir.DocumentShape) -> T:
        return self.default(shape)

    def visit_list(self, shape: ir.ListShape) -> T:
        return self.default(shape)

    def visit_map(self, shape: ir.MapShape) -> T:
        return self.default(shape)

    def visit_structure(self, shape: ir.StructureShape) -> T:
        return self.default(shape)

    def visit_event_stream(self, shape: ir.StructureShape) -> T:
        return self.default(shape)


class _Children(DefaultVisitor[tuple[str, ...]]):
    def default(self, shape: ir.Shape) -> tuple[str, ...]:
        return ()

    def visit_list(self, shape: ir.ListShape) -> tuple[str, ...]:
        return (shape.member,)

    def visit_map(self, shape: ir.MapShape) -> tuple[str, ...]:
        return (shape.key, shape.value)

    def visit_structure(self, shape: ir.StructureShape) -> tuple[str, ...]:
        return tuple(member.target for member in shape.members)

    def visit_event_stream(self, shape: ir.StructureShape) -> tuple[str, ...]:
        return self.visit_structure(shape)


def children(shape: ir.Shape) -> tuple[str, ...]:
    """The shapes a shape refers to: members, list entries, map keys and values."""
    return visit(shape, _Children())


def is_container(shape: ir.Shape) -> bool:
    """A list or a map: its Python type is spelled from its children's."""
    return isinstance(shape, ir.ListShape | ir.MapShape)
