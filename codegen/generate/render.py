"""Render the IR into Python source files with the Jinja2 templates.

Every string the templates print is computed here (type annotations, the lines of
``to_dict`` and friends), so templates hold loops and nothing else. The result is
a ``dict`` from relative path to file text, formatted with the pinned black.
"""

from __future__ import annotations

import builtins
from collections.abc import Iterable
from dataclasses import dataclass
from graphlib import TopologicalSorter
from pathlib import Path

import jinja2

from codegen.errors import CodegenError
from codegen.generate.docstrings import docstring
from codegen.generate.format_cache import FormatCache, InvalidText, default_folder
from codegen.generate.layout import named_types, shape_modules
from codegen.generate.writer import MARKER
from codegen.model import ir
from codegen.model.build import UNKNOWN_MEMBER_FIELD
from codegen.model.naming import codec_reference

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"


# Names ``_from_wire`` uses; a member's local must not shadow them (nor builtins
# such as ``type``, which the fast path calls).
_METHOD_LOCALS = frozenset(
    {"cls", "data", "path", "reader", "required", "mapping", "datetime"}
) | frozenset(dir(builtins))


@dataclass(frozen=True)
class FieldView:
    """One member as the templates print it."""

    name: str
    declaration: str
    attribute: str
    init_param: str
    docstring: str
    read: tuple[str, ...]
    accepts: str
    check: str
    dump_lines: tuple[str, ...]
    hidden: bool


@dataclass(frozen=True)
class ClassView:
    """One structure (or error) as the templates print it."""

    name: str
    docstring: str
    strict: bool
    wire_names: str
    fields: tuple[FieldView, ...]
    construct_lines: tuple[str, ...]
    valid_lines: tuple[str, ...]
    check_lines: tuple[str, ...]
    init_params: tuple[str, ...]
    repr_fields: str
    synthesized_message: str
    code: str
    http_status: int
    operation_name: str


@dataclass(frozen=True)
class EnumView:
    name: str
    values: str
    docstring: str


@dataclass(frozen=True)
class CodecView:
    name: str
    definition: str


@dataclass(frozen=True)
class ModuleView:
    """One module of ``shapes/``: a structure, or a cycle of them."""

    name: str
    docstring: str
    imports: tuple[str, ...]
    exports: str
    classes: tuple[ClassView, ...]


@dataclass(frozen=True)
class LazyView:
    """A package ``__init__`` that imports its modules on first use."""

    docstring: str
    eager_imports: tuple[str, ...]
    type_checking: tuple[str, ...]
    names: tuple[str, ...]
    modules: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class OperationView:
    method: str
    docstring: str
    parameters: str
    returns: str
    body_lines: tuple[str, ...]


def header(service: ir.Service) -> str:
    """The first lines of every generated module: provenance, and no time."""
    return (
        f"{MARKER} from botocore {service.botocore_version}; "
        "DO NOT EDIT.\n"
        f"# Model sha256: {service.model_sha256}"
    )


class _Context:
    """Lookups over one service's shapes while views are computed."""

    def __init__(self, service: ir.Service) -> None:
        self.service = service
        self.shapes = {shape.name: shape for shape in service.shapes}

    def annotation(self, name: str, prefix: str = "") -> str:
        """The Python type of a shape (exact, also for recursive shapes).

        ``prefix`` qualifies class and alias names (``shapes.``) where a module
        refers to them through the lazy ``shapes`` package.
        """
        shape = self.shapes[name]
        match shape:
            case ir.StringShape(enum=enum) if enum:
                return prefix + shape.name
            case ir.StringShape():
                return "str"
            case ir.IntegerShape():
                return "int"
            case ir.FloatShape():
                return "float"
            case ir.BooleanShape():
                return "bool"
            case ir.TimestampShape():
                return "datetime"
            case ir.BlobShape(streaming=True):
                return "bytes | _rt.Readable"
            case ir.BlobShape():
                return "bytes"
            case ir.DocumentShape():
                return "_rt.Document"
            case ir.ListShape(member=member):
                return f"list[{self.annotation(member, prefix)}]"
            case ir.MapShape(key=key, value=value):
                key_type = self.annotation(key, prefix)
                return f"dict[{key_type}, {self.annotation(value, prefix)}]"
            case ir.StructureShape(event_stream=True):
                return f"_rt.EventStream[{prefix}{shape.name}]"
            case ir.StructureShape(error=error) if error is not None:
                raise CodegenError(
                    f"shape {shape.name!r}: an error used as a member is not supported"
                )
            case ir.StructureShape():
                return prefix + shape.name
        raise AssertionError(shape)

    def dump(self, name: str, expression: str) -> str:
        """The expression turning a value of shape ``name`` into a parameter."""
        match self.shapes[name]:
            case ir.StructureShape(event_stream=True):
                return f"{codec_reference(name)}.dump({expression})"
            case ir.StructureShape():
                return f"{expression}.to_dict()"
            case ir.ListShape() | ir.MapShape():
                return f"{codec_reference(name)}.dump({expression})"
        return expression

    def structure(self, name: str) -> ir.StructureShape:
        """The structure called ``name`` (an operation's input, say)."""
        shape = self.shapes[name]
        assert isinstance(shape, ir.StructureShape), name
        return shape

    def mentions_datetime(self, name: str) -> bool:
        """Whether a shape's annotation names ``datetime`` (through lists and maps)."""
        match self.shapes[name]:
            case ir.TimestampShape():
                return True
            case ir.ListShape(member=member):
                return self.mentions_datetime(member)
            case ir.MapShape(key=key, value=value):
                return self.mentions_datetime(key) or self.mentions_datetime(value)
        return False


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


def _value_note(target: ir.Shape) -> str:
    """What a member's value is when its type does not say it all."""
    match target:
        case ir.StructureShape(event_stream=True):
            return (
                f" A stream of ``{target.name}`` events, read as they arrive: "
                "iterate it once; close it (or use ``with``) to stop early."
            )
        case ir.BlobShape(streaming=True):
            return (
                " The HTTP body, streamed: bytes or a file-like object in a "
                "request; in a response botocore's ``StreamingBody``, read it "
                "(once) or close it."
            )
        case ir.StringShape(unchecked_pattern=ir.UncheckedPattern(ecma=ecma)):
            return f" The model's pattern ``{ecma}`` is not ECMA-262: not checked."
    return ""


def _field(context: _Context, shape: ir.StructureShape, member: ir.Member) -> FieldView:
    target = context.shapes[member.target]
    if member.json_value:
        annotation = "_rt.Document"
        codec = "_rt.JSON_VALUE"
    else:
        annotation = context.annotation(member.target)
        codec = codec_reference(member.target)
    hidden = member.sensitive or target.sensitive
    if member.required:
        attribute = f"{member.field_name}: {annotation}"
        init_param = attribute
        spec = "field(repr=False)" if hidden else ""
    else:
        attribute = f"{member.field_name}: {annotation} | None"
        init_param = attribute + " = None"
        spec = "field(default=None, repr=False)" if hidden else "None"
    declaration = f"{attribute} = {spec}" if spec else attribute
    doc = member.doc or target.doc or f"The ``{member.name}`` member."
    if member.deprecated:
        doc = "Deprecated. " + doc
    note = _wire_note(member) + _value_note(target)
    if note:
        doc += "\n\n" + note.strip()
    wire = repr(member.name)
    local = _local(member, shape)
    exact_type = _EXACT_TYPES.get(type(target))
    if _is_enum(target) or member.json_value:
        exact_type = None
    read = _read_lines(codec, wire, local, member.required, exact_type)
    attribute_value = f"self.{member.field_name}"
    accepts = f"{codec}.accepts({attribute_value})"
    if not member.required:
        accepts = f"({attribute_value} is None or {accepts})"
    sensitive = "True" if hidden else "sensitive"
    required_keyword = ", required=True" if member.required else ""
    check = (
        f"{codec}.check(self.{member.field_name}, _rt.join(path, {wire}), errors, "
        f"{sensitive}{required_keyword})"
    )
    value = context.dump(member.target, f"self.{member.field_name}")
    if member.required:
        dump_lines: tuple[str, ...] = (f"data[{wire}] = {value}",)
    else:
        dump_lines = (
            f"if self.{member.field_name} is not None:",
            f"    data[{wire}] = {value}",
        )
    return FieldView(
        name=member.field_name,
        declaration=declaration,
        attribute=attribute,
        init_param=init_param,
        docstring=docstring(doc, indent=4),
        read=read,
        accepts=accepts,
        check=check,
        dump_lines=dump_lines,
        hidden=hidden,
    )


def _set_literal(names: Iterable[str]) -> str:
    """``frozenset({...})`` source with a stable order."""
    items = ", ".join(repr(name) for name in sorted(names))
    return f"frozenset({{{items}}})" if items else "frozenset()"


# Scalar shapes whose values ``_from_wire`` takes as they are when of this type.
_EXACT_TYPES: dict[type, str] = {
    ir.StringShape: "str",
    ir.IntegerShape: "int",
    ir.FloatShape: "float",
    ir.BooleanShape: "bool",
    ir.TimestampShape: "datetime",
    ir.BlobShape: "bytes",
}


def _read_lines(
    codec: str, wire: str, local: str, required: bool, exact_type: str | None
) -> tuple[str, ...]:
    """How ``_from_wire`` reads one member.

    A value of the exact scalar type is taken as it is and an absent optional
    member costs a lookup; anything else goes to the codec, which builds the
    path and explains what is wrong.
    """
    flag = ", True" if required else ""

    def call(value: str) -> str:
        return f"{codec}.read({value}, _rt.join(path, {wire}), reader{flag})"

    if exact_type is None and required:
        return (f"{local} = {call(f'mapping.get({wire}, _rt.ABSENT)')}",)
    if exact_type is None:
        return (f"{local} = {call(f'mapping[{wire}]')} if {wire} in mapping else None",)
    if required:
        return (
            f"{local} = mapping.get({wire}, _rt.ABSENT)",
            f"if type({local}) is not {exact_type}:",
            f"    {local} = {call(local)}",
        )
    return (
        f"{local} = mapping.get({wire})",
        f"if type({local}) is not {exact_type}:",
        f"    {local} = {call(local)} if {wire} in mapping else None",
    )


def _is_enum(shape: ir.Shape) -> bool:
    return isinstance(shape, ir.StringShape) and bool(shape.enum)


def _local(member: ir.Member, shape: ir.StructureShape) -> str:
    """The local variable holding a member in ``_from_wire``: its field name,
    unless that would shadow a name the method uses (then ``range_value``, made
    longer while another member has that name: geo-routes has both)."""
    if member.field_name not in _METHOD_LOCALS:
        return member.field_name
    local = member.field_name + "_value"
    while local in {other.field_name for other in shape.members}:
        local += "_"
    return local


def _valid_lines(conditions: list[str]) -> tuple[str, ...]:
    """The body of ``_is_valid``: every member's fast test, joined by ``and``."""
    if not conditions:
        return ("return True",)
    if len(conditions) == 1:
        return (f"return {conditions[0]}",)
    joined = [f"    {condition} and" for condition in conditions[:-1]]
    return ("return (", *joined, f"    {conditions[-1]}", ")")


def _construct_lines(shape: ir.StructureShape) -> tuple[str, ...]:
    """The end of ``_from_wire``: give up on a missing member, else build."""
    lines: list[str] = []
    missing = [_local(m, shape) for m in shape.members if m.required]
    if missing:
        lines.append("if " + " or ".join(f"{local} is None" for local in missing) + ":")
        lines.append("    return None")
    arguments = [f"{m.field_name}={_local(m, shape)}" for m in shape.members]
    if shape.union:
        arguments.append(f"{UNKNOWN_MEMBER_FIELD}={UNKNOWN_MEMBER_FIELD}")
    lines.append(f"return cls({', '.join(arguments)})")
    return tuple(lines)


def _unknown_member_field() -> FieldView:
    """A union's field for a member the service sent that this SDK does not know.

    botocore's parsers keep its name (``SDK_UNKNOWN_MEMBER``) rather than fail;
    so does ``from_dict`` when lenient, and ``to_dict`` gives it back.
    """
    name = UNKNOWN_MEMBER_FIELD
    doc = (
        "The name of a member this SDK does not know, when a response holds "
        "one (botocore's ``SDK_UNKNOWN_MEMBER``); a request with it set does "
        "not validate."
    )
    return FieldView(
        name=name,
        declaration=f"{name}: str | None = None",
        attribute=f"{name}: str | None",
        init_param=f"{name}: str | None = None",
        docstring=docstring(doc, indent=4),
        read=(f"{name} = reader.unknown_member(mapping, cls._wire_names)",),
        accepts=f"self.{name} is None",
        check=f"_rt.check_unknown_member(path, errors, self.{name})",
        dump_lines=(
            f"if self.{name} is not None:",
            f'    data[_rt.UNKNOWN_MEMBER] = {{"name": self.{name}}}',
        ),
        hidden=False,
    )


def _class(
    context: _Context, shape: ir.StructureShape, operation_name: str = ""
) -> ClassView:
    fields = tuple(_field(context, shape, member) for member in shape.members)
    if shape.union:
        fields += (_unknown_member_field(),)
    checks = [field.check for field in fields]
    conditions = [field.accepts for field in fields]
    if shape.union:
        members = ", ".join(f"self.{field.name}" for field in fields)
        checks.append(f"_rt.check_union(path, errors, ({members},))")
        conditions.append(f"_rt.exactly_one(({members},))")
    message = next(
        (
            f'{field.name} or ""'
            for field, member in zip(
                fields[: len(shape.members)], shape.members, strict=True
            )
            if member.name == "Message"
            and not field.hidden
            and context.annotation(member.target) == "str"
        ),
        '""',
    )
    doc = shape.doc or f"The ``{shape.name}`` structure."
    if shape.event_stream:
        doc += (
            "\n\nOne event of a streamed response: exactly one member is set. "
            "A response holds an ``EventStream`` of these; iterate it (once)."
        )
    elif shape.union:
        doc += "\n\nA union: exactly one member is set."
    repr_fields = tuple((field.name, field.hidden) for field in fields)
    return ClassView(
        name=shape.name,
        docstring=docstring(doc, indent=4),
        strict=shape.is_input,
        wire_names=_set_literal(member.name for member in shape.members),
        fields=fields,
        construct_lines=_construct_lines(shape),
        valid_lines=_valid_lines(conditions),
        check_lines=tuple(checks) or ("pass",),
        init_params=tuple(field.init_param for field in fields),
        repr_fields=repr(repr_fields),
        synthesized_message=message,
        code=repr(shape.error.code) if shape.error else "",
        http_status=shape.error.http_status if shape.error else 0,
        operation_name=repr(operation_name),
    )


def regex_literal(text: str) -> str:
    """A raw string literal for a regex when one can spell it, else ``repr``."""
    trailing_backslashes = len(text) - len(text.rstrip("\\"))
    if '"' in text or not text.isprintable() or trailing_backslashes % 2:
        return repr(text)
    return f'r"{text}"'


def _codec(context: _Context, shape: ir.Shape) -> str:
    """The constructor call of the runtime codec object for one shape."""
    options: list[str] = []

    def limits(low: object, high: object, names: tuple[str, str]) -> None:
        if low is not None:
            options.append(f"{names[0]}={low!r}")
        if high is not None:
            options.append(f"{names[1]}={high!r}")

    lengths = ("min_length", "max_length")
    match shape:
        case ir.StringShape(enum=enum) if enum:
            alias = f"shapes.{shape.name}"
            call = f"_rt.Enum[{alias}](get_args({alias})"
        case ir.StringShape():
            limits(shape.min_length, shape.max_length, lengths)
            if shape.pattern is not None:
                options.append(
                    f"pattern=_rt.Pattern({regex_literal(shape.pattern.ecma)}, "
                    f"{regex_literal(shape.pattern.python)})"
                )
            call = "_rt.String("
        case ir.IntegerShape():
            options.append(f"bits={shape.bits}")
            limits(shape.minimum, shape.maximum, ("minimum", "maximum"))
            call = "_rt.Integer("
        case ir.FloatShape():
            limits(shape.minimum, shape.maximum, ("minimum", "maximum"))
            call = "_rt.Float("
        case ir.BooleanShape():
            call = "_rt.Boolean("
        case ir.TimestampShape():
            call = "_rt.Timestamp("
        case ir.BlobShape(streaming=True):
            call = "_rt.Stream("
        case ir.BlobShape():
            limits(shape.min_length, shape.max_length, lengths)
            call = "_rt.Blob("
        case ir.DocumentShape():
            call = "_rt.Json("
        case ir.ListShape():
            limits(shape.min_length, shape.max_length, lengths)
            call = f"_rt.List({shape.member}"
        case ir.MapShape():
            limits(shape.min_length, shape.max_length, lengths)
            call = f"_rt.Map({shape.key}, {shape.value}"
        case ir.StructureShape(event_stream=True):
            call = f"_rt.Events(lambda: shapes.{shape.name}"
        case ir.StructureShape():
            call = f"_rt.Structure(lambda: shapes.{shape.name}"
    if shape.sensitive:
        options.append("sensitive=True")
    positional = not call.endswith("(")
    arguments = ", ".join(options)
    if positional and arguments:
        arguments = ", " + arguments
    return f"{call}{arguments})"


def _codec_target(context: _Context, shape: ir.Shape) -> str:
    """The left side of a codec's assignment; containers spell out their types."""
    name = shape.name
    match shape:
        case ir.ListShape(member=member):
            return f"{name}: _rt.List[{context.annotation(member, 'shapes.')}]"
        case ir.MapShape(key=key, value=value):
            return (
                f"{name}: _rt.Map[{context.annotation(key, 'shapes.')}, "
                f"{context.annotation(value, 'shapes.')}]"
            )
        case ir.StructureShape(event_stream=True):
            return f"{name}: _rt.Events[shapes.{shape.name}]"
        case ir.StructureShape():
            return f"{name}: _rt.Structure[shapes.{shape.name}]"
    return name


def _codec_order(shapes: list[ir.Shape]) -> list[ir.Shape]:
    """Structures first, then the rest so each codec follows the ones it uses."""
    by_name = {shape.name: shape for shape in shapes}
    sorter: TopologicalSorter[str] = TopologicalSorter()
    for shape in shapes:
        match shape:
            case ir.ListShape(member=member):
                sorter.add(shape.name, member)
            case ir.MapShape(key=key, value=value):
                sorter.add(shape.name, key, value)
            case _:
                sorter.add(shape.name)
    sorter.prepare()
    ordered: list[ir.Shape] = []
    while sorter.is_active():
        ready = sorted(sorter.get_ready())
        ordered.extend(by_name[name] for name in ready if name in by_name)
        sorter.done(*ready)
    structures = [s for s in ordered if isinstance(s, ir.StructureShape)]
    return structures + [s for s in ordered if not isinstance(s, ir.StructureShape)]


def _operation(context: _Context, operation: ir.Operation) -> OperationView:
    request, response = operation.input, operation.output
    lines: list[str] = []
    if request is None:
        lines.append("params: dict[str, Any] = {}")
    else:
        shape = context.structure(request)
        lines += ["if self._validate:", "    request.validate()"]
        lines.append("params = request.to_dict()")
        for member in shape.members:
            if member.idempotency_token:
                # Made once here, so every retry botocore makes resends the same one.
                lines += [
                    "# Made once here, so botocore's retries resend the same token.",
                    f"if {member.name!r} not in params:",
                    f"    params[{member.name!r}] = str(uuid.uuid4())",
                ]
    call = f"self._call({operation.method_name!r}, params)"
    if response is None:
        lines.append(call)
    else:
        lines += [
            f"response = {call}",
            f"return shapes.{response}.from_dict(response, strict=False)",
        ]
    doc = operation.doc or f"Call ``{operation.name}``."
    return OperationView(
        method=operation.method_name,
        docstring=docstring(doc, indent=8),
        parameters=f", request: shapes.{request}" if request else "",
        returns=f"shapes.{response}" if response else "None",
        body_lines=tuple(lines),
    )


def _import_lines(modules: dict[str, list[str]]) -> list[str]:
    """``from x import a, b`` lines; black and ruff's isort order is kept by hand."""
    return [
        f"from {module} import {', '.join(sorted(set(names)))}"
        for module, names in modules.items()
        if names
    ]


_MODULE_DOCS = {
    "package": (
        "Typed, validated SDK for {title}.\n\nGenerated from botocore's model. "
        "Every name loads its module on first use: the shapes need only the "
        "standard library; the client and the modeled errors import botocore."
    ),
    "shapes": (
        "Shapes of {title}: a frozen dataclass per structure, an alias per enum.\n\n"
        "Standard library only. ``to_dict`` and ``from_dict`` speak botocore's "
        "parameter dicts; ``validate`` checks every constraint of the model. Each "
        "structure has its own module, imported the first time it is used."
    ),
    "enums": "The enums of {title}, as ``Literal`` aliases.",
    "codecs": (
        "One codec per shape of {title}: its constraints, and how to read, check "
        "and dump its values.\n\nStructures are looked up on first use, so this "
        "module loads no class."
    ),
    "errors": (
        "Modeled errors of {title}.\n\nEach is a botocore ``ClientError`` "
        "(existing ``except ClientError`` code keeps working) that also carries "
        "the error's modeled members as typed attributes."
    ),
    "client": (
        "Typed client for {title}.\n\nIt wraps a botocore client, so credentials, "
        "signing, retries, regions and endpoints stay botocore's; this layer adds "
        "typed requests and responses, validation before any network I/O, and "
        "typed modeled errors."
    ),
}


def _shape_module_imports(
    context: _Context,
    classes: list[ClassView],
    names: tuple[str, ...],
    home: dict[str, str],
) -> tuple[str, ...]:
    """A ``shapes/`` module's imports: only what it uses, other classes by module."""
    hidden = any(field.hidden for cls in classes for field in cls.fields)
    shapes = [context.structure(name) for name in names]
    targets = {member.target for shape in shapes for member in shape.members}
    named = set().union(*(named_types(context.shapes, target) for target in targets))
    enums = sorted(n for n in named if isinstance(context.shapes[n], ir.StringShape))
    others: dict[str, list[str]] = {}
    for name in sorted(named - set(enums) - set(names)):
        others.setdefault(f".{home[name]}", []).append(name)
    datetime_used = any(context.mentions_datetime(target) for target in targets)
    return (
        *_import_lines(
            {
                "dataclasses": ["dataclass", "field"] if hidden else ["dataclass"],
                "datetime": ["datetime"] if datetime_used else [],
                "typing": ["Any", "ClassVar", "Self"],
            }
        ),
        "",
        "from .. import _codecs as _c",
        "from .. import _runtime as _rt",
        *_import_lines({".enums": enums, **dict(sorted(others.items()))}),
    )


def _error_imports(
    context: _Context, errors: list[ir.StructureShape], home: dict[str, str]
) -> list[str]:
    """The import block of ``errors.py``: the codecs and types its members use."""
    targets = {member.target for shape in errors for member in shape.members}
    named = sorted(set().union(*(named_types(context.shapes, t) for t in targets)))
    modules: dict[str, list[str]] = {}
    for name in named:
        where = ".shapes.enums" if name not in home else f".shapes.{home[name]}"
        modules.setdefault(where, []).append(name)
    datetimes = any(context.mentions_datetime(target) for target in targets)
    return [
        *_import_lines(
            {
                "collections.abc": ["Mapping"],
                "datetime": ["datetime"] if datetimes else [],
                "typing": ["Any", "ClassVar", "Self"],
            }
        ),
        "",
        "from botocore.exceptions import ClientError",
        "",
        "from . import _codecs as _c",
        "from . import _runtime as _rt",
        *_import_lines(dict(sorted(modules.items()))),
    ]


def _client_imports(context: _Context) -> list[str]:
    """The import block of ``client.py``; ``uuid`` only for idempotency tokens."""
    operations = context.service.operations
    tokens = any(
        member.idempotency_token
        for operation in operations
        if operation.input is not None
        for member in context.structure(operation.input).members
    )
    return [
        *(["import uuid"] if tokens else []),
        "from typing import Any",
        "",
        "import botocore.session",
        "from botocore.client import BaseClient",
        "from botocore.config import Config",
        "from botocore.exceptions import ClientError",
        "",
        "from . import shapes",
        "from .errors import error_from_client_error",
    ]


def _codec_imports(context: _Context) -> list[str]:
    enums = any(
        isinstance(s, ir.StringShape) and s.enum for s in context.shapes.values()
    )
    # A list or map of timestamps spells out ``datetime`` in its codec's type.
    datetimes = any(
        isinstance(s, ir.ListShape | ir.MapShape) and context.mentions_datetime(s.name)
        for s in context.shapes.values()
    )
    return [
        *_import_lines(
            {
                "datetime": ["datetime"] if datetimes else [],
                "typing": ["get_args"] if enums else [],
            }
        ),
        *([""] if enums or datetimes else []),
        "from . import _runtime as _rt",
        "from . import shapes",
    ]


# What the package re-exports from its runtime module.
_RUNTIME_EXPORTS = ("ValidationError", "Violation")


class Renderer:
    """Renders one service into ``{relative path: text}``."""

    def __init__(
        self, templates: Path = TEMPLATES, formatter: FormatCache | None = None
    ) -> None:
        self.formatter = formatter or FormatCache(default_folder())
        if not templates.is_dir():
            raise CodegenError(f"template folder not found: {templates}")
        self.environment = jinja2.Environment(
            loader=jinja2.FileSystemLoader(str(templates)),
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
            autoescape=False,
        )

    def _render(self, template: str, **values: object) -> str:
        """The template's text, unformatted: ``render`` formats all at once."""
        try:
            return self.environment.get_template(template).render(**values)
        except jinja2.TemplateError as error:
            raise CodegenError(f"template {template}: {error}") from None

    def _formatted(self, files: dict[str, str]) -> dict[str, str]:
        """Every rendered file through black in one call, so they format in
        parallel and the cache is read once for all."""
        names = list(files)
        try:
            texts = self.formatter.format_many([files[name] for name in names])
        except InvalidText as error:
            # A bug in a template, not a user's mistake: keep the traceback.
            raise AssertionError(
                f"{names[error.position]} rendered invalid Python: {error.reason}"
            ) from error
        return dict(zip(names, texts, strict=True))

    def render(self, service: ir.Service) -> dict[str, str]:
        """Every file of the package, formatted, by path relative to its folder."""
        context = _Context(service)
        structures = [s for s in service.shapes if isinstance(s, ir.StructureShape)]
        errors = [s for s in structures if s.error is not None]
        plain = {s.name: s for s in structures if s.error is None}
        operation_of = {
            name: op.name for op in service.operations for name in op.errors
        }
        error_classes = [
            _class(context, s, operation_of.get(s.name, "")) for s in errors
        ]
        enums = [
            EnumView(
                name=s.name,
                values=", ".join(repr(value) for value in s.enum),
                docstring=docstring(s.doc or f"Values of ``{s.name}``.", indent=0),
            )
            for s in service.shapes
            if isinstance(s, ir.StringShape) and s.enum
        ]
        layout = shape_modules(context.shapes, plain)
        home = {name: module for module, names in layout.items() for name in names}
        header_text = header(service)
        error_names = {s.name for s in errors}
        codecs = [
            CodecView(name=_codec_target(context, s), definition=_codec(context, s))
            for s in _codec_order(
                [s for s in service.shapes if s.name not in error_names]
            )
        ]
        error_base = service.error_base
        operation_names = ", ".join(op.name for op in service.operations)
        title = f"{service.service_id} ({operation_names})"
        values: dict[str, object] = {
            "header": header_text,
            "title": title,
            "docs": {
                name: docstring(text.format(title=title), indent=0)
                for name, text in _MODULE_DOCS.items()
            },
            "service_name": repr(service.name),
            "client_class": service.client_class,
            "client_class_repr": repr(service.client_class),
            "error_classes": error_classes,
            "enums": enums,
            "codecs": codecs,
            "error_base": error_base,
            "codec_imports": _codec_imports(context),
            "error_imports": _error_imports(context, errors, home),
            "client_imports": _client_imports(context),
            "operations": [_operation(context, op) for op in service.operations],
        }
        files = {
            "_runtime.py": self._render("runtime.py.j2", **values),
            "_codecs.py": self._render("codecs.py.j2", **values),
            "shapes/enums.py": self._render("enums.py.j2", **values),
            "errors.py": self._render(
                "errors.py.j2",
                error_exports=[
                    repr(name)
                    for name in sorted(
                        [error_base, "error_from_client_error"]
                        + [c.name for c in error_classes]
                    )
                ],
                **values,
            ),
            "client.py": self._render("client.py.j2", **values),
        }
        for module, names in layout.items():
            classes = [_class(context, plain[name]) for name in names]
            view = ModuleView(
                name=module,
                docstring=docstring(_module_doc(names, title), indent=0),
                imports=_shape_module_imports(context, classes, names, home),
                exports=", ".join(repr(name) for name in names),
                classes=tuple(classes),
            )
            files[f"shapes/{module}.py"] = self._render(
                "shape_module.py.j2", module=view, **values
            )
        shape_names = {name: f".{module}" for name, module in home.items()}
        shape_names.update({enum.name: ".enums" for enum in enums})
        files["shapes/__init__.py"] = self._render(
            "lazy_init.py.j2",
            lazy=_lazy_view(values, shape_names, "shapes", ()),
            **values,
        )
        error_exports = sorted([error_base] + [c.name for c in error_classes])
        package_names = {name: ".shapes" for name in shape_names}
        package_names.update({name: ".errors" for name in error_exports})
        package_names[service.client_class] = ".client"
        files["__init__.py"] = self._render(
            "lazy_init.py.j2",
            lazy=_lazy_view(
                values,
                package_names,
                "package",
                ("from ._runtime import ValidationError, Violation",),
            ),
            **values,
        )
        return dict(sorted({**self._formatted(files), "py.typed": ""}.items()))


def _module_doc(names: tuple[str, ...], title: str) -> str:
    if len(names) == 1:
        return f"The ``{names[0]}`` structure of {title}."
    listed = ", ".join(f"``{name}``" for name in names)
    return f"Structures of {title} that refer to each other: {listed}."


def _type_checking_block(imports: list[str]) -> tuple[str, ...]:
    """The imports only type checkers run (none for a package with no names)."""
    if not imports:
        return ()
    return ("", "if TYPE_CHECKING:", *(f"    {line}" for line in imports))


def _lazy_view(
    values: dict[str, object],
    modules: dict[str, str],
    kind: str,
    eager: tuple[str, ...],
) -> LazyView:
    """The ``__init__`` of a lazily loaded package: names, modules, type imports."""
    by_module: dict[str, list[str]] = {}
    for name, module in sorted(modules.items()):
        by_module.setdefault(module, []).append(name)
    docs = values["docs"]
    assert isinstance(docs, dict)
    exported = sorted([*modules, *(_RUNTIME_EXPORTS if eager else ())])
    return LazyView(
        docstring=docs[kind],
        eager_imports=tuple(eager),
        type_checking=_type_checking_block(
            _import_lines(dict(sorted(by_module.items())))
        ),
        names=tuple(exported),
        modules=tuple(sorted(modules.items())),
    )
