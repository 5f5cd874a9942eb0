"""The view of ``type_defs.py``: each structure's parameter-dict form as a
``TypedDict`` (what ``to_dict()`` returns and ``from_dict()`` reads), named and
spelled as types-boto3 does (``StartEmailContactRequestTypeDef``).

Only type checkers need the module: the shape modules import their
``TypedDict`` under ``TYPE_CHECKING``, so it costs nothing at run time.
"""

from __future__ import annotations

import keyword
import re
from dataclasses import dataclass

from codegen.generate.docstrings import docstring
from codegen.generate.imports import Imports
from codegen.generate.literals import string
from codegen.generate.render.context import Context
from codegen.generate.types import TypeDefAnnotation
from codegen.model import ir
from codegen.model.naming import type_def_name

# Names the module itself defines or imports: an enum alias named like one is
# spelled ``enums.Name`` instead of imported.
_MODULE_NAMES = frozenset(
    {"datetime", "enums", "_rt"}
    | {"Any", "Iterable", "Mapping", "NotRequired", "Sequence", "TypedDict"}
)

# A name an annotation looks up in the module (not one after a dot).
_IDENTIFIER = re.compile(r"(?<![.\w])[A-Za-z_]\w*")

_DOC = (
    "The parameter dicts of {title}, as ``TypedDict``s.\n\n"
    "One per structure, named as types-boto3 names them: what ``to_dict()`` "
    "returns and ``from_dict()`` reads. Only type checkers need this module; "
    "the shapes import it under ``TYPE_CHECKING``."
)


@dataclass(frozen=True)
class KeyView:
    """One key: its wire name, its type (``NotRequired[...]`` when optional)."""

    wire: str
    annotation: str

    @property
    def literal(self) -> str:
        """The key as a string literal (the functional syntax's)."""
        return string(self.wire)


@dataclass(frozen=True)
class TypeDefView:
    """One ``TypedDict``; ``functional`` when a key cannot be a class attribute
    (not an identifier, a keyword, or a name its own types use)."""

    name: str
    docstring: str
    keys: tuple[KeyView, ...]
    functional: bool


@dataclass(frozen=True)
class TypeDefsView:
    header: str
    docstring: str
    imports: tuple[str, ...]
    type_defs: tuple[TypeDefView, ...]

    @property
    def names(self) -> list[str]:
        """``__all__``, sorted as ruff keeps it."""
        return sorted(view.name for view in self.type_defs)


class _Annotations:
    """Spells each structure's keys, collecting the module's imports."""

    def __init__(self, context: Context) -> None:
        self.context = context
        self.imports = Imports()
        self.taken = _MODULE_NAMES | {type_def_name(name) for name in context.plain}

    def home(self, name: str) -> str | None:
        """Where an enum alias comes from (structures are never imported)."""
        return ".shapes.enums"

    def spell(self, shape: ir.StructureShape, target: str) -> str:
        """``target``'s type in ``shape``'s ``TypedDict``; an enum alias named
        like one of its keys is qualified, so the class syntax can name both."""
        module = self.context.home[shape.name]
        cycle = self.context.layout[module] if shape.recursive else ()
        keys = frozenset(member.name for member in shape.members)
        annotation = TypeDefAnnotation(
            self.context.shapes,
            output=not shape.is_input,
            cycle=frozenset(cycle),
            imports=self.imports,
            home=self.home,
            name=type_def_name,
            taken=self.taken | keys,
        )
        return annotation.of(target)


def _key(annotations: _Annotations, shape: ir.StructureShape, m: ir.Member) -> KeyView:
    if m.json_value:
        annotations.imports.add(".", "_runtime", alias="_rt")
        spelled = "_rt.Document"
    else:
        spelled = annotations.spell(shape, m.target)
    if not m.required:
        annotations.imports.add("typing", "NotRequired")
        spelled = f"NotRequired[{spelled}]"
    return KeyView(wire=m.name, annotation=spelled)


def _functional(keys: tuple[KeyView, ...]) -> bool:
    used = {name for key in keys for name in _IDENTIFIER.findall(key.annotation)}
    return any(
        not key.wire.isidentifier()
        or not key.wire.isascii()
        or keyword.iskeyword(key.wire)
        or key.wire in used
        for key in keys
    )


def _type_def_doc(shape: ir.StructureShape) -> str:
    doc = (
        f"The parameter dict of ``{shape.name}``: what its ``to_dict()`` returns "
        "and ``from_dict()`` reads."
    )
    if shape.union:
        doc += " A union: exactly one key is set."
    return doc


def type_defs_view(context: Context) -> TypeDefsView:
    """``type_defs.py``: a ``TypedDict`` per structure (errors have none: they
    are raised, not sent), in name order except that each comes after those it
    names. The module evaluates its annotations on import (no ``from __future__
    import annotations``), so ``typing.get_type_hints`` and
    ``__required_keys__`` are right at run time too."""
    annotations = _Annotations(context)
    views: dict[str, TypeDefView] = {}
    for name in sorted(context.plain):
        shape = context.plain[name]
        keys = tuple(_key(annotations, shape, m) for m in shape.members)
        functional = _functional(keys)
        views[type_def_name(name)] = TypeDefView(
            name=type_def_name(name),
            docstring=docstring(_type_def_doc(shape), indent=0 if functional else 4),
            keys=keys,
            functional=functional,
        )
    imports = annotations.imports
    imports.add("typing", "TypedDict")
    return TypeDefsView(
        header=context.header,
        docstring=docstring(_DOC.format(title=context.title), indent=0),
        imports=imports.lines(),
        type_defs=tuple(_dependencies_first(views)),
    )


def _dependencies_first(views: dict[str, TypeDefView]) -> list[TypeDefView]:
    """``views`` in name order, except that each comes after the ones it names
    (they form no cycle: a structure's own cycle is spelled as a mapping)."""
    done: dict[str, TypeDefView] = {}

    def add(name: str) -> None:
        if name in done:
            return
        view = views[name]
        used = {
            word for key in view.keys for word in _IDENTIFIER.findall(key.annotation)
        }
        for other in sorted(used & views.keys() - {name}):
            add(other)
        done[name] = view

    for name in sorted(views):
        add(name)
    return list(done.values())
