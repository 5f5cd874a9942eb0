"""The view of ``_codecs.py``: one runtime codec object per shape."""

from __future__ import annotations

from dataclasses import dataclass
from graphlib import TopologicalSorter

from codegen.generate.imports import Imports
from codegen.generate.kinds import (
    DefaultVisitor,
    ShapeVisitor,
    children,
    is_container,
    visit,
)
from codegen.generate.render.context import Context
from codegen.generate.types import QUALIFIED
from codegen.model import ir


@dataclass(frozen=True)
class CodecView:
    """``name: annotation = constructor(arguments)`` (no annotation for scalars,
    whose constructor says their type)."""

    name: str
    annotation: str
    constructor: str
    arguments: tuple[str, ...]


@dataclass(frozen=True)
class CodecsView:
    header: str
    docstring: str
    imports: tuple[str, ...]
    codecs: tuple[CodecView, ...]


def regex_literal(text: str) -> str:
    """A raw string literal for a regex when one can spell it, else ``repr``."""
    trailing_backslashes = len(text) - len(text.rstrip("\\"))
    if '"' in text or not text.isprintable() or trailing_backslashes % 2:
        return repr(text)
    return f'r"{text}"'


def _limits(low: object, high: object, names: tuple[str, str]) -> list[str]:
    """Bound keywords; a lower length bound of 0 is every length's (a no-op)."""
    options = []
    if low is not None and not (low == 0 and names[0] == "min_length"):
        options.append(f"{names[0]}={low!r}")
    if high is not None:
        options.append(f"{names[1]}={high!r}")
    return options


_LENGTHS = ("min_length", "max_length")
_RANGE = ("minimum", "maximum")


class _Codec(ShapeVisitor[tuple[str, list[str]]]):
    """The runtime codec's constructor and its arguments, for one shape."""

    def __init__(self, context: Context, imports: Imports) -> None:
        self.names = context.codec_names
        self.imports = imports

    def visit_string(self, shape: ir.StringShape) -> tuple[str, list[str]]:
        options = _limits(shape.min_length, shape.max_length, _LENGTHS)
        if shape.pattern is not None:
            ecma, python = shape.pattern.ecma, shape.pattern.python
            # linear: no proof that ``re`` runs it in linear time; the runtime's
            # automaton does (codegen.model.regex_plan).
            linear = ", linear=True" if shape.pattern.linear else ""
            options.append(
                f"pattern=_rt.Pattern({regex_literal(ecma)}, "
                f"{regex_literal(python)}{linear})"
            )
        return "_rt.String", options

    def visit_enum(self, shape: ir.StringShape) -> tuple[str, list[str]]:
        self.imports.add("typing", "get_args")
        alias = f"shapes.{shape.name}"
        return f"_rt.Enum[{alias}]", [f"get_args({alias})"]

    def visit_integer(self, shape: ir.IntegerShape) -> tuple[str, list[str]]:
        bits = [f"bits={shape.bits}"]
        return "_rt.Integer", bits + _limits(shape.minimum, shape.maximum, _RANGE)

    def visit_float(self, shape: ir.FloatShape) -> tuple[str, list[str]]:
        return "_rt.Float", _limits(shape.minimum, shape.maximum, _RANGE)

    def visit_boolean(self, shape: ir.BooleanShape) -> tuple[str, list[str]]:
        return "_rt.Boolean", []

    def visit_timestamp(self, shape: ir.TimestampShape) -> tuple[str, list[str]]:
        return "_rt.Timestamp", []

    def visit_blob(self, shape: ir.BlobShape) -> tuple[str, list[str]]:
        return "_rt.Blob", _limits(shape.min_length, shape.max_length, _LENGTHS)

    def visit_stream(self, shape: ir.BlobShape) -> tuple[str, list[str]]:
        return "_rt.Stream", []

    def visit_document(self, shape: ir.DocumentShape) -> tuple[str, list[str]]:
        return "_rt.Json", []

    def visit_list(self, shape: ir.ListShape) -> tuple[str, list[str]]:
        options = _limits(shape.min_length, shape.max_length, _LENGTHS)
        return "_rt.List", [self.names[shape.member], *options]

    def visit_map(self, shape: ir.MapShape) -> tuple[str, list[str]]:
        options = _limits(shape.min_length, shape.max_length, _LENGTHS)
        key, value = self.names[shape.key], self.names[shape.value]
        return "_rt.Map", [key, value, *options]

    def visit_structure(self, shape: ir.StructureShape) -> tuple[str, list[str]]:
        recursive = ["recursive=True"] if shape.recursive else []
        return "_rt.Structure", [f"lambda: shapes.{shape.name}", *recursive]

    def visit_event_stream(self, shape: ir.StructureShape) -> tuple[str, list[str]]:
        return "_rt.Events", [f"lambda: shapes.{shape.name}"]


class _CodecType(DefaultVisitor[str]):
    """The type of a codec whose constructor does not say it all: containers
    and structures spell out their values' types."""

    def __init__(self, context: Context, imports: Imports) -> None:
        self.context = context
        self.imports = imports

    def _of(self, name: str) -> str:
        return self.context.annotation(name, self.imports, spelling=QUALIFIED)

    def default(self, shape: ir.Shape) -> str:
        return ""

    def visit_list(self, shape: ir.ListShape) -> str:
        return f"_rt.List[{self._of(shape.member)}]"

    def visit_map(self, shape: ir.MapShape) -> str:
        return f"_rt.Map[{self._of(shape.key)}, {self._of(shape.value)}]"

    def visit_structure(self, shape: ir.StructureShape) -> str:
        return f"_rt.Structure[shapes.{shape.name}]"

    def visit_event_stream(self, shape: ir.StructureShape) -> str:
        return f"_rt.Events[shapes.{shape.name}]"


def _order(shapes: list[ir.Shape]) -> list[ir.Shape]:
    """Structures first, then the rest so each codec follows the ones it uses."""
    by_name = {shape.name: shape for shape in shapes}
    sorter: TopologicalSorter[str] = TopologicalSorter()
    for shape in shapes:
        sorter.add(shape.name, *(children(shape) if is_container(shape) else ()))
    sorter.prepare()
    ordered: list[ir.Shape] = []
    while sorter.is_active():
        ready = sorted(sorter.get_ready())
        ordered.extend(by_name[name] for name in ready if name in by_name)
        sorter.done(*ready)
    structures = [s for s in ordered if isinstance(s, ir.StructureShape)]
    return structures + [s for s in ordered if not isinstance(s, ir.StructureShape)]


def codecs_view(context: Context) -> CodecsView:
    imports = Imports()
    imports.add("__future__", "annotations")
    imports.add(".", "_runtime", alias="_rt")
    imports.add(".", "shapes")
    errors = {shape.name for shape in context.errors}
    codecs = []
    for shape in _order([s for s in context.service.shapes if s.name not in errors]):
        constructor, arguments = visit(shape, _Codec(context, imports))
        # A map under a sensitive ancestor hides its keys in every path.
        inherited = isinstance(shape, ir.MapShape) and shape.sensitive_by_inheritance
        if shape.sensitive or inherited:
            arguments.append("sensitive=True")
        codecs.append(
            CodecView(
                name=context.codec_names[shape.name],
                annotation=visit(shape, _CodecType(context, imports)),
                constructor=constructor,
                arguments=tuple(arguments),
            )
        )
    return CodecsView(
        header=context.header,
        docstring=context.module_doc("codecs"),
        imports=imports.lines(),
        codecs=tuple(codecs),
    )
