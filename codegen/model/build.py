"""Turn a botocore ``ServiceModel`` into the frozen IR of ``codegen.model.ir``.

The closure of the selected operations (their input, output and error shapes,
transitively) is walked once; every botocore quirk is resolved here so the
renderer never sees a botocore object.

Size: a little over the ~400-line guideline; the shape conversions (one
function per kind, ``_scalar``, ``_structure``, ``_convert``) and the closure
walk read as one pass over botocore's model. Python names live in
``codegen.model.naming``; checks of the raw model in ``codegen.model.checks``;
paginators and waiters in ``codegen.model.paging``.
"""

from __future__ import annotations

import dataclasses
import keyword
import re
from collections.abc import Iterable, Sequence

import botocore.model

from codegen.errors import CodegenError
from codegen.model import ecma_regex, ir, paging, regex_plan
from codegen.model.checks import check_model
from codegen.model.html_text import html_to_text
from codegen.model.loader import LoadedModel, suggest
from codegen.model.naming import (
    BUILTINS,
    MODULE_NAMES,
    botocore_method,
    class_name,
    field_name,
    is_identifier,
    method_name,
)
from codegen.model.recursion import mark_recursive
from codegen.model.sensitivity import inherit_sensitivity

_SCALAR_TYPES = frozenset(
    {
        "string",
        "character",  # old models' one-character string; botocore reads a str
        "integer",
        "long",
        "float",
        "double",
        "boolean",
        "timestamp",
        "blob",
    }
)


def _limit(shape: botocore.model.Shape, key: str) -> int | None:
    value = shape.metadata.get(key)
    return None if value is None else int(value)


def _float_limit(shape: botocore.model.Shape, key: str) -> float | None:
    value = shape.metadata.get(key)
    return None if value is None else float(value)


def _sensitive(shape: botocore.model.Shape) -> bool:
    return bool(shape.metadata.get("sensitive", False))


def _doc(shape: botocore.model.Shape) -> str:
    return html_to_text(shape.documentation or "")


def _unsupported(shape: botocore.model.Shape, what: str) -> CodegenError:
    return CodegenError(f"shape {shape.name!r}: {what} is not supported yet")


def _pattern(
    shape: botocore.model.Shape,
) -> tuple[ir.Pattern | None, ir.UncheckedPattern | None]:
    """The pattern, or (about 2% of botocore's, written in Java's regex syntax)
    why it cannot be checked: no ECMA-262 engine would run it either."""
    source = shape.metadata.get("pattern")
    if source is None:
        return None, None
    try:
        chosen = regex_plan.plan(source)
        linear = chosen.strategy == "automaton"
        return ir.Pattern(ecma=source, python=chosen.python, linear=linear), None
    except ecma_regex.PatternError as error:
        reason = f"{error.reason} at offset {error.offset}"
        return None, ir.UncheckedPattern(ecma=source, reason=reason)


def _scalar(shape: botocore.model.Shape) -> ir.Shape:
    name, doc, sensitive = shape.name, _doc(shape), _sensitive(shape)
    match shape.type_name:
        case "string" | "character":
            enum = tuple(getattr(shape, "enum", ()) or ())
            pattern, unchecked = _pattern(shape)
            return ir.StringShape(
                name=name,
                doc=doc,
                sensitive=sensitive,
                min_length=_limit(shape, "min"),
                max_length=_limit(shape, "max"),
                pattern=pattern,
                enum=enum,
                unchecked_pattern=unchecked,
            )
        case "integer" | "long":
            return ir.IntegerShape(
                name=name,
                doc=doc,
                sensitive=sensitive,
                bits=32 if shape.type_name == "integer" else 64,
                minimum=_limit(shape, "min"),
                maximum=_limit(shape, "max"),
            )
        case "float" | "double":
            return ir.FloatShape(
                name=name,
                doc=doc,
                sensitive=sensitive,
                minimum=_float_limit(shape, "min"),
                maximum=_float_limit(shape, "max"),
            )
        case "boolean":
            return ir.BooleanShape(name=name, doc=doc, sensitive=sensitive)
        case "timestamp":
            return ir.TimestampShape(name=name, doc=doc, sensitive=sensitive)
        case "blob":
            return ir.BlobShape(
                name=name,
                doc=doc,
                sensitive=sensitive,
                min_length=_limit(shape, "min"),
                max_length=_limit(shape, "max"),
                streaming=bool(shape.serialization.get("streaming", False)),
            )
    raise _unsupported(shape, f"type {shape.type_name!r}")


def _member(
    structure: botocore.model.StructureShape,
    name: str,
    shape: botocore.model.Shape,
    taken: set[str],
) -> ir.Member:
    python_name = field_name(name, error=bool(structure.metadata.get("exception")))
    if python_name in taken:
        raise CodegenError(
            f"shape {structure.name!r}: members map to the same Python name "
            f"{python_name!r}"
        )
    taken.add(python_name)
    # botocore merges member traits over the target shape; 'deprecated' is
    # a member trait it keeps but does not expose as metadata.
    traits = getattr(shape, "_shape_model", {})
    serialization = shape.serialization
    location = serialization.get("location")
    return ir.Member(
        name=name,
        field_name=python_name,
        target=shape.name,
        required=name in structure.required_members,
        sensitive=_sensitive(shape),
        doc=_doc(shape),
        deprecated=bool(traits.get("deprecated", False)),
        idempotency_token=bool(shape.metadata.get("idempotencyToken", False)),
        location=location,
        location_name=serialization.get("name") if location else None,
        timestamp_format=(
            serialization.get("timestampFormat")
            if shape.type_name == "timestamp"
            else None
        ),
        # botocore writes such a header as base64 JSON of any JSON value.
        json_value=bool(
            serialization.get("jsonvalue")
            and location == "header"
            and shape.type_name == "string"
        ),
    )


# The field a union keeps the name of a member this SDK does not know in, as
# botocore's parsers report it (``{"SDK_UNKNOWN_MEMBER": {"name": ...}}``).
UNKNOWN_MEMBER_FIELD = "sdk_unknown_member"


def _is_event_stream(shape: botocore.model.Shape) -> bool:
    return bool(shape.serialization.get("eventstream", False))


def _event_members(
    shape: botocore.model.StructureShape,
) -> dict[str, botocore.model.Shape]:
    """The members of a structure; of an event stream, the events only.

    An event stream's error members never arrive as events: botocore raises
    ``EventStreamError`` for them while the caller iterates.
    """
    if not _is_event_stream(shape):
        return dict(shape.members)
    return {
        name: member
        for name, member in shape.members.items()
        if not member.metadata.get("exception")
    }


def _structure(
    shape: botocore.model.StructureShape, is_input: bool
) -> ir.StructureShape:
    event_stream = _is_event_stream(shape)
    if event_stream and is_input:
        raise _unsupported(shape, "an event stream in a request")
    union = bool(shape.is_tagged_union) or event_stream
    taken: set[str] = {UNKNOWN_MEMBER_FIELD} if union else set()
    members = tuple(
        _member(shape, name, member, taken)
        for name, member in _event_members(shape).items()
    )
    # Required members first (keyword-only, so order is for readers only).
    members = tuple(m for m in members if m.required) + tuple(
        m for m in members if not m.required
    )
    error = None
    if shape.metadata.get("exception"):
        status = int(shape.metadata.get("error", {}).get("httpStatusCode", 400))
        error = ir.ErrorInfo(
            code=shape.error_code or shape.name,
            http_status=status,
            fault="server" if status >= 500 else "client",
        )
    return ir.StructureShape(
        name=shape.name,
        doc=_doc(shape),
        sensitive=_sensitive(shape),
        members=members,
        union=union,
        error=error,
        is_input=is_input,
        event_stream=event_stream,
    )


def _convert(shape: botocore.model.Shape, is_input: bool) -> ir.Shape:
    match shape.type_name:
        case "structure":
            assert isinstance(shape, botocore.model.StructureShape)
            if shape.is_document_type:
                return ir.DocumentShape(
                    name=shape.name, doc=_doc(shape), sensitive=_sensitive(shape)
                )
            return _structure(shape, is_input)
        case "list":
            assert isinstance(shape, botocore.model.ListShape)
            return ir.ListShape(
                name=shape.name,
                doc=_doc(shape),
                sensitive=_sensitive(shape),
                member=shape.member.name,
                min_length=_limit(shape, "min"),
                max_length=_limit(shape, "max"),
            )
        case "map":
            assert isinstance(shape, botocore.model.MapShape)
            return ir.MapShape(
                name=shape.name,
                doc=_doc(shape),
                sensitive=_sensitive(shape),
                key=shape.key.name,
                value=shape.value.name,
                min_length=_limit(shape, "min"),
                max_length=_limit(shape, "max"),
            )
        case kind if kind in _SCALAR_TYPES:
            return _scalar(shape)
    raise _unsupported(shape, f"type {shape.type_name!r}")


def _children(shape: botocore.model.Shape) -> Iterable[botocore.model.Shape]:
    if isinstance(shape, botocore.model.StructureShape) and shape.is_document_type:
        return ()
    if isinstance(shape, botocore.model.StructureShape):
        return _event_members(shape).values()
    if isinstance(shape, botocore.model.ListShape):
        return (shape.member,)
    if isinstance(shape, botocore.model.MapShape):
        return (shape.key, shape.value)
    return ()


def _closure(roots: Iterable[botocore.model.Shape]) -> dict[str, botocore.model.Shape]:
    """Every shape reachable from ``roots``, by name (unresolved, no member traits)."""
    found: dict[str, botocore.model.Shape] = {}
    stack = list(roots)
    while stack:
        shape = stack.pop()
        if shape.name in found:
            continue
        found[shape.name] = shape
        stack.extend(_children(shape))
    return found


def _name(shape: ir.Shape) -> str:
    return shape.name


def _refusal(operation: botocore.model.OperationModel) -> str | None:
    """Why an operation cannot be generated, or ``None``: botocore receives
    event streams but cannot send one."""
    stream = operation.get_event_stream_input()
    if stream is not None:
        name = stream.name
        return f"its input is an event stream ({name!r}), which botocore cannot send"
    return None


def _operations(
    model: botocore.model.ServiceModel, names: Sequence[str]
) -> tuple[list[botocore.model.OperationModel], list[ir.SkippedOperation]]:
    """The selected operations; with ``all``, those that cannot be generated
    are left out and named, while a named one that cannot is an error."""
    available = list(model.operation_names)
    every = list(names) == ["all"]
    selected = available if every else list(dict.fromkeys(names))
    operations = []
    skipped = []
    for name in selected:
        if name not in available:
            raise CodegenError(
                f"unknown operation {name!r} in service {model.service_name!r}"
                + suggest(name, available)
            )
        operation = model.operation_model(name)
        reason = _refusal(operation)
        if reason is not None and every:
            skipped.append(ir.SkippedOperation(name=name, reason=reason))
            continue
        if reason is not None:
            raise CodegenError(f"operation {name!r}: {reason}")
        operations.append(operation)
    return operations, skipped


def python_names(names: Iterable[str], package_names: set[str]) -> dict[str, str]:
    """Shapes named like a keyword (apigatewayv2 has a ``None``), a builtin
    (datazone has an ``AttributeError``, frauddetector a ``float``) or
    something the package needs (sagemaker-runtime has a ``ValidationError``,
    storagegateway a ``StorageGatewayError``) get a trailing ``_``, as such
    members do. Names with two leading underscores (23 services have
    ``__string`` and friends) lose them: Python would mangle them inside a
    class body. Names that are not identifiers (``a b``, ``../x``) are
    sanitised (``naming.class_name``); the wire never sees a shape's name."""
    reserved = MODULE_NAMES | BUILTINS | package_names

    def needs_renaming(name: str) -> bool:
        return (
            name in reserved
            or keyword.iskeyword(name)
            or name.startswith("_")
            or not is_identifier(name)
        )

    taken = set(names)
    renames = {}
    for name in sorted(n for n in taken if needs_renaming(n)):
        renamed = class_name(name)
        if needs_renaming(renamed):
            renamed += "_"
        while renamed in taken:
            renamed += "_"
        taken.add(renamed)
        renames[name] = renamed
    return renames


def _renamed(shape: ir.Shape, renames: dict[str, str]) -> ir.Shape:
    """``shape`` with its own name and every shape name it refers to renamed."""
    if not renames:
        return shape

    def new(name: str) -> str:
        return renames.get(name, name)

    match shape:
        case ir.StructureShape(members=members):
            shape = dataclasses.replace(
                shape,
                members=tuple(
                    dataclasses.replace(m, target=new(m.target)) for m in members
                ),
            )
        case ir.ListShape(member=member):
            shape = dataclasses.replace(shape, member=new(member))
        case ir.MapShape(key=key, value=value):
            shape = dataclasses.replace(shape, key=new(key), value=new(value))
    return dataclasses.replace(shape, name=new(shape.name))


def _check_methods(operation_names: Iterable[str]) -> None:
    """Two operations whose typed methods would be one (``A B`` and ``A_B``)."""
    methods: dict[str, str] = {}
    for name in sorted(operation_names):
        method = method_name(name)
        if method in methods:
            raise CodegenError(
                f"operations {methods[method]!r} and {name!r} map to the same "
                f"client method {method!r}"
            )
        methods[method] = name


def client_class_name(service_id: str) -> str:
    """``Connect`` -> ``ConnectClient``; non-alphanumerics are dropped."""
    return re.sub(r"[^0-9A-Za-z]", "", service_id) + "Client"


def _operation(
    op: botocore.model.OperationModel, renames: dict[str, str]
) -> ir.Operation:
    """One operation, its shapes under their Python names."""

    def shape_name(shape: botocore.model.Shape | None) -> str | None:
        return None if shape is None else renames.get(shape.name, shape.name)

    return ir.Operation(
        name=op.name,
        method_name=method_name(op.name),
        botocore_method=botocore_method(op.name),
        http_method=op.http.get("method", "POST"),
        request_uri=op.http.get("requestUri", "/"),
        input=shape_name(op.input_shape),
        output=shape_name(op.output_shape),
        errors=tuple(sorted(renames.get(e.name, e.name) for e in op.error_shapes)),
        doc=html_to_text(op.documentation or ""),
    )


def _shapes(
    model: botocore.model.ServiceModel,
    operations: Sequence[botocore.model.OperationModel],
) -> tuple[list[ir.Shape], set[str]]:
    """Every shape of the operations' closure, converted, and their names."""
    inputs = _closure(op.input_shape for op in operations if op.input_shape is not None)
    everything = _closure(
        [op.input_shape for op in operations if op.input_shape is not None]
        + [op.output_shape for op in operations if op.output_shape is not None]
        + [error for op in operations for error in op.error_shapes]
    )
    # Re-resolved by name, so member traits of one reference do not leak in.
    shapes = [
        _convert(model.shape_for(name), name in inputs) for name in sorted(everything)
    ]
    return shapes, set(everything)


def build_service(loaded: LoadedModel, operation_names: Sequence[str]) -> ir.Service:
    """The IR of the selected operations and the closure of their shapes."""
    model = loaded.service_model
    check_model(loaded.data, operation_names)
    operations, skipped = _operations(model, operation_names)
    _check_methods(op.name for op in operations)
    shapes, names = _shapes(model, operations)
    service_id = model.metadata.get("serviceId") or model.service_name
    client_class = client_class_name(service_id)
    error_base = client_class.removesuffix("Client") + "Error"
    # storagegateway models a StorageGatewayError: the package's names win.
    package_names = {client_class, ir.async_client_class_name(client_class), error_base}
    renames = python_names(names, package_names)
    renamed = sorted((_renamed(shape, renames) for shape in shapes), key=_name)
    service = ir.Service(
        name=model.service_name,
        service_id=service_id,
        client_class=client_class,
        error_base=error_base,
        protocol=model.protocol,
        botocore_version=loaded.botocore_version,
        model_sha256=loaded.sha256,
        operations=tuple(
            _operation(op, renames) for op in sorted(operations, key=lambda op: op.name)
        ),
        shapes=mark_recursive(inherit_sensitivity(renamed)),
        skipped_operations=tuple(skipped),
        model_names=tuple(sorted((new, old) for old, new in renames.items())),
    )
    return dataclasses.replace(
        service,
        paginators=paging.paginators(loaded.paginators, service.operations),
        waiters=paging.waiters(loaded.waiters, service.operations),
    )
