"""The Python type of a shape, as one module spells it.

Used for the generated annotations and by the API diff (``codegen.apidiff``),
which spells the same types without qualifiers and with enums as ``str``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from codegen.errors import CodegenError
from codegen.generate.imports import Imports
from codegen.generate.kinds import ShapeVisitor, visit
from codegen.model import ir


@dataclass(frozen=True)
class Spelling:
    """How a module names types: qualifiers of classes (``shapes.``) and of the
    runtime's (``_rt.``), enums by alias or as ``str``, errors allowed or not."""

    classes: str = ""
    runtime: str = "_rt."
    enums_as_str: bool = False
    errors_allowed: bool = False


GENERATED = Spelling()
QUALIFIED = Spelling(classes="shapes.")


class Annotation(ShapeVisitor[str]):
    """A shape's annotation; records the imports it needs in ``imports``.

    ``home`` gives the module a class or enum alias is imported from (``None``
    when the spelling qualifies it, or when the module defines it).
    """

    def __init__(
        self,
        shapes: Mapping[str, ir.Shape],
        spelling: Spelling = GENERATED,
        imports: Imports | None = None,
        home: Callable[[str], str | None] = lambda name: None,
    ) -> None:
        self.shapes = shapes
        self.spelling = spelling
        self.imports = imports if imports is not None else Imports()
        self.home = home
        self._seen: frozenset[str] = frozenset()

    def of(self, name: str) -> str:
        """The annotation of the shape called ``name``."""
        if name in self._seen:  # a container holding itself: no Python spelling
            return name
        outer = self._seen
        self._seen = outer | {name}
        try:
            return visit(self.shapes[name], self)
        finally:
            self._seen = outer

    def _named(self, name: str) -> str:
        module = self.home(name)
        if module is not None:
            self.imports.add(module, name)
        return self.spelling.classes + name

    def visit_string(self, shape: ir.StringShape) -> str:
        return "str"

    def visit_enum(self, shape: ir.StringShape) -> str:
        return "str" if self.spelling.enums_as_str else self._named(shape.name)

    def visit_integer(self, shape: ir.IntegerShape) -> str:
        return "int"

    def visit_float(self, shape: ir.FloatShape) -> str:
        return "float"

    def visit_boolean(self, shape: ir.BooleanShape) -> str:
        return "bool"

    def visit_timestamp(self, shape: ir.TimestampShape) -> str:
        self.imports.add("datetime", "datetime")
        return "datetime"

    def visit_blob(self, shape: ir.BlobShape) -> str:
        return "bytes"

    def visit_stream(self, shape: ir.BlobShape) -> str:
        return f"bytes | {self.spelling.runtime}Readable"

    def visit_document(self, shape: ir.DocumentShape) -> str:
        return f"{self.spelling.runtime}Document"

    def visit_list(self, shape: ir.ListShape) -> str:
        return f"list[{self.of(shape.member)}]"

    def visit_map(self, shape: ir.MapShape) -> str:
        return f"dict[{self.of(shape.key)}, {self.of(shape.value)}]"

    def visit_structure(self, shape: ir.StructureShape) -> str:
        if shape.error is not None and not self.spelling.errors_allowed:
            raise CodegenError(
                f"shape {shape.name!r}: an error used as a member is not supported"
            )
        return self._named(shape.name)

    def visit_event_stream(self, shape: ir.StructureShape) -> str:
        return f"{self.spelling.runtime}EventStream[{self._named(shape.name)}]"


class TypeDefAnnotation(Annotation):
    """A shape's type inside a ``TypedDict`` of a parameter dict (``type_defs``).

    Spelled as types-boto3 spells it, so the two meet where their models do:
    in the form a request takes (``output=False``) lists and maps are
    ``Sequence`` and ``Mapping`` and a timestamp may be a string; in the form
    only responses take they are ``list``, ``dict`` and ``datetime``. A
    structure is its ``TypedDict``, except one in ``cycle`` (it can contain
    the one being spelled), which is a plain mapping as in types-boto3: a
    recursive ``TypedDict`` would not meet types-boto3's (their values are
    invariant), and ``from_dict`` checks those levels at run time anyway.
    An enum alias named like one of ``taken`` (the module's own names) is
    spelled through its module.
    """

    def __init__(
        self,
        shapes: Mapping[str, ir.Shape],
        *,
        output: bool,
        cycle: frozenset[str],
        imports: Imports,
        home: Callable[[str], str | None],
        name: Callable[[str], str],
        taken: frozenset[str],
    ) -> None:
        super().__init__(shapes, GENERATED, imports, home)
        self.output = output
        self.cycle = cycle
        self.name = name
        self.taken = taken

    def visit_enum(self, shape: ir.StringShape) -> str:
        if shape.name in self.taken:  # the module's own name: qualified instead
            self.imports.add(".shapes", "enums")
            return f"enums.{shape.name}"
        return super().visit_enum(shape)

    def visit_timestamp(self, shape: ir.TimestampShape) -> str:
        self.imports.add("datetime", "datetime")
        return "datetime" if self.output else "datetime | str"

    def visit_blob(self, shape: ir.BlobShape) -> str:
        # What from_dict reads besides bytes (botocore sends str as UTF-8).
        return "bytes" if self.output else "bytes | bytearray | str"

    def visit_list(self, shape: ir.ListShape) -> str:
        if self.output:
            return f"list[{self.of(shape.member)}]"
        self.imports.add("collections.abc", "Sequence")
        return f"Sequence[{self.of(shape.member)}]"

    def visit_map(self, shape: ir.MapShape) -> str:
        key, value = self.of(shape.key), self.of(shape.value)
        if self.output:
            return f"dict[{key}, {value}]"
        self.imports.add("collections.abc", "Mapping")
        return f"Mapping[{key}, {value}]"

    def visit_structure(self, shape: ir.StructureShape) -> str:
        if shape.error is not None:
            raise CodegenError(
                f"shape {shape.name!r}: an error used as a member is not supported"
            )
        if shape.name in self.cycle:
            self.imports.add("typing", "Any")
            if self.output:
                return "dict[str, Any]"
            self.imports.add("collections.abc", "Mapping")
            return "Mapping[str, Any]"
        return self.name(shape.name)

    def visit_event_stream(self, shape: ir.StructureShape) -> str:
        # to_dict gives back botocore's stream: an iterable of event dicts.
        self.imports.add("collections.abc", "Iterable")
        return f"Iterable[{self.name(shape.name)}]"

    def visit_stream(self, shape: ir.BlobShape) -> str:
        self.imports.add(".", "_runtime", alias="_rt")
        return super().visit_stream(shape)

    def visit_document(self, shape: ir.DocumentShape) -> str:
        self.imports.add(".", "_runtime", alias="_rt")
        return super().visit_document(shape)
