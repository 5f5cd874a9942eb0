"""The views of structures: the classes of ``shapes/`` and of ``errors.py``.

Python computes each member's values (its codec, annotation, local name, how it
is dumped); ``templates/macros.j2`` prints the methods from them.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from typing import Literal

from codegen.generate.docstrings import docstring
from codegen.generate.imports import Imports
from codegen.generate.kinds import DefaultVisitor, visit
from codegen.generate.literals import string, strings, tuple_of
from codegen.generate.render.context import Context
from codegen.generate.render.one_pass import (
    OnePass,
    draft_constant,
    is_valid_check,
    one_pass,
)
from codegen.model import ir
from codegen.model.build import UNKNOWN_MEMBER_FIELD
from codegen.model.naming import METHOD_LOCALS, type_def_name

Dump = Literal["value", "to_dict", "codec"]


@dataclass(frozen=True)
class FieldView:
    """One member as the templates print it.

    ``exact`` is the scalar type ``_from_wire`` takes as it is ("" when the
    codec reads every value); ``unknown`` marks a union's field for a member
    this SDK does not know (``sdk_unknown_member``). ``one_pass`` is its part
    in ``_read_checked`` and ``_dict_ok``; ``valid`` its test in ``_is_valid``
    when it is set.
    """

    name: str
    wire: str
    local: str
    annotation: str
    required: bool
    sensitive: bool
    codec: str
    exact: str
    dump: Dump
    docstring: str
    unknown: bool = False
    one_pass: OnePass = dataclasses.field(default_factory=OnePass)
    valid: str = ""

    @property
    def valid_alone(self) -> str:
        """``valid`` as a whole return value: without the parentheses that
        only keep it one operand of ``and`` (black drops them there)."""
        if self.valid.startswith("(") and self.valid.endswith(")"):
            return self.valid[1:-1]
        return self.valid


@dataclass(frozen=True)
class ClassView:
    """One structure (or error) as the templates print it."""

    name: str
    docstring: str
    strict: bool
    wire_names: str
    fields: tuple[FieldView, ...]
    union: bool
    recursive: bool = False
    draft: str = ""
    """The module constant holding the class's mutable twin (``_read_checked``)."""
    repr_fields: str = "()"
    synthesized_message: str = '""'
    code: str = ""
    http_status: int = 0
    operation_name: str = '""'
    message_codec: str = ""
    message_doc: str = ""
    type_def: str = "dict[str, Any]"
    """What ``to_dict`` returns: the structure's ``TypedDict`` (``type_defs``);
    an error's is a plain dict."""

    @property
    def required(self) -> tuple[FieldView, ...]:
        return tuple(field for field in self.fields if field.required)

    @property
    def sensitive(self) -> bool:
        return any(field.sensitive for field in self.fields)

    @property
    def members(self) -> str:
        """The tuple of every field's value (a union's ``exactly_one`` and
        ``check_union`` take it)."""
        return tuple_of(f"self.{field.name}" for field in self.fields)


class _Exact(DefaultVisitor[str]):
    """The Python type whose values ``_from_wire`` takes without the codec."""

    def default(self, shape: ir.Shape) -> str:
        return ""

    def visit_string(self, shape: ir.StringShape) -> str:
        return "str"

    def visit_integer(self, shape: ir.IntegerShape) -> str:
        return "int"

    def visit_float(self, shape: ir.FloatShape) -> str:
        return "float"

    def visit_boolean(self, shape: ir.BooleanShape) -> str:
        return "bool"

    def visit_timestamp(self, shape: ir.TimestampShape) -> str:
        return "datetime"

    def visit_blob(self, shape: ir.BlobShape) -> str:
        return "bytes"

    def visit_stream(self, shape: ir.BlobShape) -> str:
        return "bytes"


class _Dumped(DefaultVisitor[Dump]):
    """How ``to_dict`` turns a member's value into a parameter."""

    def default(self, shape: ir.Shape) -> Dump:
        return "value"

    def visit_list(self, shape: ir.ListShape) -> Dump:
        return "codec"

    def visit_map(self, shape: ir.MapShape) -> Dump:
        return "codec"

    def visit_event_stream(self, shape: ir.StructureShape) -> Dump:
        return "codec"

    def visit_structure(self, shape: ir.StructureShape) -> Dump:
        return "to_dict"


class _ValueNote(DefaultVisitor[str]):
    """What a member's value is when its type does not say it all."""

    def default(self, shape: ir.Shape) -> str:
        return ""

    def visit_event_stream(self, shape: ir.StructureShape) -> str:
        return (
            f" A stream of ``{shape.name}`` events, read as they arrive: "
            "iterate it once; close it (or use ``with``) to stop early."
        )

    def visit_stream(self, shape: ir.BlobShape) -> str:
        return (
            " The HTTP body, streamed: bytes or a file-like object in a "
            "request; in a response botocore's ``StreamingBody``, read it "
            "(once) or close it."
        )

    def visit_string(self, shape: ir.StringShape) -> str:
        if shape.unchecked_pattern is None:
            return ""
        ecma = shape.unchecked_pattern.ecma
        return f" The model's pattern ``{ecma}`` is not ECMA-262: not checked."


def _wire_note(member: ir.Member) -> str:
    """Where botocore puts a member on the wire, when not in the body."""
    where = member.location_name
    notes = {
        "uri": f"Sent in the request URI (``{{{where}}}``).",
        "querystring": f"Sent as the ``{where}`` query parameter.",
        "header": f"Sent in the ``{where}`` header.",
        "headers": f"Sent as headers named ``{where}*``.",
        "statusCode": "The HTTP status code of the response.",
    }
    note = notes.get(member.location or "", "")
    if member.json_value:
        note += " Any JSON value; botocore sends it as base64-encoded JSON."
    if member.timestamp_format:
        note += f" botocore formats it as ``{member.timestamp_format}``."
    return note.strip()


def _member_doc(member: ir.Member, target: ir.Shape) -> str:
    doc = member.doc or target.doc or f"The ``{member.name}`` member."
    if member.deprecated:
        doc = "Deprecated. " + doc
    note = _wire_note(member) + visit(target, _ValueNote())
    if note:
        doc += "\n\n" + note.strip()
    return docstring(doc, indent=4)


def _local(member: ir.Member, shape: ir.StructureShape) -> str:
    """The local variable holding a member in ``_from_wire``: its field name,
    unless that would shadow a name the method uses (then ``range_value``, made
    longer while another member has that name: geo-routes has both)."""
    if member.field_name not in METHOD_LOCALS:
        return member.field_name
    local = member.field_name + "_value"
    while local in {other.field_name for other in shape.members}:
        local += "_"
    return local


Home = Callable[[str], str | None]


def _field(
    context: Context,
    shape: ir.StructureShape,
    member: ir.Member,
    imports: tuple[Imports, Home],
) -> FieldView:
    target = context.shapes[member.target]
    if member.json_value:
        annotation, codec, exact = "_rt.Document", "_rt.JSON_VALUE", ""
    else:
        annotation = context.annotation(member.target, *imports)
        codec, exact = context.codec(member.target), visit(target, _Exact())
    local = _local(member, shape)
    attribute = f"self.{member.field_name}"
    return FieldView(
        name=member.field_name,
        wire=string(member.name),
        local=local,
        annotation=annotation,
        required=member.required,
        sensitive=(
            member.sensitive or target.sensitive or shape.sensitive_by_inheritance
        ),
        codec=codec,
        exact=exact,
        dump=visit(target, _Dumped()),
        docstring=_member_doc(member, target),
        one_pass=one_pass(context, member, local, annotation),
        valid=is_valid_check(
            one_pass(context, member, attribute, annotation),
            attribute,
            codec,
            annotation,
        ),
    )


def _unknown_member_field() -> FieldView:
    """A union's field for a member the service sent that this SDK does not know.

    botocore's parsers keep its name (``SDK_UNKNOWN_MEMBER``) rather than fail;
    so does ``from_dict`` when lenient, and ``to_dict`` gives it back.
    """
    doc = (
        "The name of a member this SDK does not know, when a response holds "
        "one (botocore's ``SDK_UNKNOWN_MEMBER``); a request with it set does "
        "not validate."
    )
    name = UNKNOWN_MEMBER_FIELD
    return FieldView(
        name=name,
        wire="",
        local=name,
        annotation="str",
        required=False,
        sensitive=False,
        codec="",
        exact="",
        dump="value",
        docstring=docstring(doc, indent=4),
        unknown=True,
    )


def _set_literal(names: Iterable[str]) -> str:
    """``frozenset({...})`` source with a stable order."""
    items = strings(sorted(names))
    return f"frozenset({{{items}}})" if items else "frozenset()"


def _class_doc(shape: ir.StructureShape) -> str:
    doc = shape.doc or f"The ``{shape.name}`` structure."
    if shape.event_stream:
        doc += (
            "\n\nOne event of a streamed response: exactly one member is set. "
            "A response holds an ``EventStream`` of these; iterate it (once)."
        )
    elif shape.union:
        doc += "\n\nA union: exactly one member is set."
    if shape.sensitive_by_inheritance:
        doc += (
            "\n\nThe model reaches it under a sensitive member, so no member's "
            "value shows in its ``repr`` or in a validation message."
        )
    return docstring(doc, indent=4)


def class_view(
    context: Context, shape: ir.StructureShape, imports: tuple[Imports, Home]
) -> ClassView:
    """A plain structure's class; its annotations' imports go to ``imports``
    (each class or alias from the module ``home`` names)."""
    fields = tuple(_field(context, shape, m, imports) for m in shape.members)
    if shape.union:
        fields += (_unknown_member_field(),)
    return ClassView(
        name=shape.name,
        docstring=_class_doc(shape),
        strict=shape.is_input,
        wire_names=_set_literal(member.name for member in shape.members),
        fields=fields,
        union=shape.union,
        type_def=type_def_name(shape.name),
        recursive=shape.recursive,
        draft=draft_constant(context, shape),
    )


def error_view(
    context: Context,
    shape: ir.StructureShape,
    operation: str,
    imports: tuple[Imports, Home],
) -> ClassView:
    """A modeled error's class: a plain one plus its code, status and message."""
    view = class_view(context, shape, imports)
    fields = view.fields
    message = next(
        (
            f'{field.name} or ""'
            for field, member in zip(fields, shape.members, strict=False)
            if member.name == "Message"
            and not field.sensitive
            and field.annotation == "str"
        ),
        '""',
    )
    assert shape.error is not None
    return replace(
        view,
        repr_fields=tuple_of(
            f"({string(field.name)}, {field.sensitive})" for field in fields
        ),
        synthesized_message=message,
        code=string(shape.error.code),
        http_status=shape.error.http_status,
        operation_name=string(operation),
        message_codec=_message_codec(shape, fields),
        message_doc=_message_doc(fields),
        type_def=ClassView.type_def,
    )


def _message_codec(shape: ir.StructureShape, fields: tuple[FieldView, ...]) -> str:
    """The codec of an error whose only member is an optional, plain ``Message``
    (``_errors.MessageError`` does the rest), else ``""``."""
    if shape.union or len(shape.members) != 1:
        return ""
    (member,), (field,) = shape.members, fields
    plain = not (member.required or member.json_value or member.location)
    if member.name != "Message" or field.name != "message" or field.sensitive:
        return ""
    return field.codec if plain and field.annotation == "str" else ""


def _message_doc(fields: tuple[FieldView, ...]) -> str:
    """A message-only error's own ``message`` docstring, if it has one."""
    default = docstring("The ``Message`` member.", indent=4)
    return fields[0].docstring if fields and fields[0].docstring != default else ""
