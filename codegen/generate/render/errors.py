"""The view of ``errors.py``: the service's error base and one class per error."""

from __future__ import annotations

from dataclasses import dataclass

from codegen.generate.docstrings import docstring
from codegen.generate.imports import Imports
from codegen.generate.literals import string
from codegen.generate.render.context import Context
from codegen.generate.render.structures import ClassView, error_view


@dataclass(frozen=True)
class ErrorsView:
    header: str
    docstring: str
    imports: tuple[str, ...]
    exports: tuple[str, ...]
    base: str
    base_docstring: str
    classes: tuple[ClassView, ...]


def errors_view(context: Context) -> ErrorsView:
    """Message-only errors are a few lines on ``_errors.MessageError``; the
    others spell out their members and methods."""
    imports = Imports()
    home = context.importer(".shapes.")
    operation_of = {
        name: op.name for op in context.service.operations for name in op.errors
    }
    classes = tuple(
        error_view(context, shape, operation_of.get(shape.name, ""), (imports, home))
        for shape in context.errors
    )
    imports.add("__future__", "annotations")
    imports.add("botocore.exceptions", "ClientError")
    imports.add(".", "_errors")
    if classes:
        imports.add(".", "_codecs", alias="_c")
    if any(not cls.message_codec for cls in classes):
        imports.add("collections.abc", "Mapping")
        imports.add("typing", "Any", "Self")
        imports.add(".", "_runtime", alias="_rt")
    if any(cls.union for cls in classes):  # to_dict's unknown union member
        imports.add("typing", "Any", "cast")
    base = context.service.error_base
    names = [base, "error_from_client_error", *(cls.name for cls in classes)]
    return ErrorsView(
        header=context.header,
        docstring=context.module_doc("errors"),
        imports=imports.lines(),
        exports=tuple(string(name) for name in sorted(names)),
        base=base,
        base_docstring=docstring(
            f"Base of the modeled errors of {context.title}.", indent=4
        ),
        classes=classes,
    )
