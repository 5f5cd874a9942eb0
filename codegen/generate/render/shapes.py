"""The views of ``shapes/``: one module per structure (or cycle), the enums."""

from __future__ import annotations

from dataclasses import dataclass

from codegen.generate.docstrings import docstring
from codegen.generate.imports import Imports
from codegen.generate.literals import strings
from codegen.generate.render.context import Context
from codegen.generate.render.structures import ClassView, class_view
from codegen.model.naming import TYPE_DEFS_MODULE


@dataclass(frozen=True)
class ModuleView:
    """One module of ``shapes/``: a structure, or a cycle of them."""

    header: str
    docstring: str
    imports: tuple[str, ...]
    exports: str
    classes: tuple[ClassView, ...]
    type_checking: tuple[str, ...] = ()
    """Imported for type checkers only: the classes' ``TypedDict``s."""


@dataclass(frozen=True)
class EnumView:
    name: str
    values: str
    docstring: str


@dataclass(frozen=True)
class EnumsView:
    """``shapes/enums.py``: a ``Literal`` alias per enum."""

    header: str
    docstring: str
    enums: tuple[EnumView, ...]


def _module_doc(names: tuple[str, ...], title: str) -> str:
    if len(names) == 1:
        return f"The ``{names[0]}`` structure of {title}."
    listed = ", ".join(f"``{name}``" for name in names)
    return f"Structures of {title} that refer to each other: {listed}."


def module_view(context: Context, names: tuple[str, ...]) -> ModuleView:
    """The module holding the structures ``names``; it imports only what it uses."""
    imports = Imports()
    home = context.importer(".", *names)
    classes = tuple(
        class_view(context, context.plain[name], (imports, home)) for name in names
    )
    imports.add("__future__", "annotations")
    imports.add("dataclasses", "dataclass")
    if any(cls.sensitive for cls in classes):
        imports.add("dataclasses", "field")
    imports.add("typing", "TYPE_CHECKING", "ClassVar", "Self")
    if any(cls.union for cls in classes):  # to_dict's unknown union member
        imports.add("typing", "Any", "cast")
    type_defs = Imports()
    type_defs.add(f"..{TYPE_DEFS_MODULE}", *(cls.type_def for cls in classes))
    if any(f.codec.startswith("_c.") for cls in classes for f in cls.fields):
        imports.add("..", "_codecs", alias="_c")
    imports.add("..", "_runtime", alias="_rt")
    return ModuleView(
        header=context.header,
        docstring=docstring(_module_doc(names, context.title), indent=0),
        imports=imports.lines(),
        exports=strings(names),
        classes=classes,
        type_checking=type_defs.lines(),
    )


def enums_view(context: Context) -> EnumsView:
    return EnumsView(
        header=context.header,
        docstring=context.module_doc("enums"),
        enums=tuple(
            EnumView(
                name=shape.name,
                values=strings(shape.enum),
                docstring=docstring(
                    shape.doc or f"Values of ``{shape.name}``.", indent=0
                ),
            )
            for shape in context.enums
        ),
    )
