"""One IR shape -> its JSON Schema (draft 2020-12) keywords.

The schema describes the JSON form of a botocore *parameter dict*, the form
``from_dict`` reads; each choice below is the one botocore's parameter
validation makes (docs/json-schema.md has the table). What JSON Schema cannot
say is left out of the shape's schema and named in its ``x-left-out``
annotation, never approximated.
"""

from __future__ import annotations

from typing import Any

from codegen.model import ir
from codegen.model.ecma_regex import strict_ecma_errors

Schema = dict[str, Any]

# Annotation keywords of ours (validators ignore them; ajv must be told, see
# docs/json-schema.md): a value never to show, and what the schema leaves out.
SENSITIVE = "x-sensitive"
LEFT_OUT = "x-left-out"


def ref(name: str, service: ir.Service) -> Schema:
    """A reference to the ``$defs`` entry of the shape the IR calls ``name``."""
    return {"$ref": f"#/$defs/{service.model_name(name)}"}


def _described(schema: Schema, doc: str) -> Schema:
    if doc:
        schema["description"] = doc
    return schema


def _limits(schema: Schema, low: object, high: object, names: tuple[str, str]) -> None:
    if low is not None:
        schema[names[0]] = low
    if high is not None:
        schema[names[1]] = high


def _string(shape: ir.StringShape, left_out: list[str]) -> Schema:
    schema: Schema = {"type": "string"}
    if shape.enum:
        # The generated Enum codec checks membership only, as the model means.
        schema["enum"] = list(shape.enum)
        return schema
    _limits(schema, shape.min_length, shape.max_length, ("minLength", "maxLength"))
    if shape.pattern is not None:
        reason = strict_ecma_errors(shape.pattern.ecma)
        if reason is None:
            schema["pattern"] = shape.pattern.ecma
        else:
            left_out.append(
                f"pattern {shape.pattern.ecma!r}: not valid u-mode ECMA-262 "
                f"({reason}); the generated code reads it as Java does"
            )
    elif shape.unchecked_pattern is not None:
        unchecked = shape.unchecked_pattern
        left_out.append(
            f"pattern {unchecked.ecma!r}: not ECMA-262 ({unchecked.reason}); "
            "the generated code does not check it either"
        )
    return schema


def _integer(shape: ir.IntegerShape) -> Schema:
    limit = 1 << (shape.bits - 1)
    low = -limit if shape.minimum is None else max(shape.minimum, -limit)
    high = limit - 1 if shape.maximum is None else min(shape.maximum, limit - 1)
    return {"type": "integer", "minimum": low, "maximum": high}


def _float(shape: ir.FloatShape) -> Schema:
    schema: Schema = {"type": "number"}
    _limits(schema, shape.minimum, shape.maximum, ("minimum", "maximum"))
    return schema


def _blob(shape: ir.BlobShape, left_out: list[str]) -> Schema:
    # botocore takes a str for a blob parameter and sends its UTF-8 bytes.
    if shape.min_length is not None or shape.max_length is not None:
        left_out.append(
            f"length {shape.min_length}..{shape.max_length} in bytes: JSON Schema "
            "counts code points, not UTF-8 bytes"
        )
    return {"type": "string"}


def _list(shape: ir.ListShape, service: ir.Service) -> Schema:
    schema: Schema = {"type": "array", "items": ref(shape.member, service)}
    _limits(schema, shape.min_length, shape.max_length, ("minItems", "maxItems"))
    return schema


def _map(shape: ir.MapShape, service: ir.Service) -> Schema:
    schema: Schema = {
        "type": "object",
        "propertyNames": ref(shape.key, service),
        "additionalProperties": ref(shape.value, service),
    }
    _limits(
        schema, shape.min_length, shape.max_length, ("minProperties", "maxProperties")
    )
    return schema


def member_schema(member: ir.Member, target: ir.Shape, service: ir.Service) -> Schema:
    """A structure member: its target (or any JSON value), docs and flags."""
    schema: Schema
    if member.json_value:
        schema = {}  # a header botocore sends as JSON: any JSON value
    elif isinstance(target, ir.StructureShape) and target.event_stream:
        schema = {"type": "array", "items": ref(target.name, service)}
    else:
        schema = ref(member.target, service)
    if member.doc and member.doc != target.doc:
        schema["description"] = member.doc
    if member.deprecated:
        schema["deprecated"] = True
    if member.sensitive:
        schema[SENSITIVE] = True
    return schema


def _structure(shape: ir.StructureShape, service: ir.Service) -> Schema:
    schema: Schema = {
        "type": "object",
        "properties": {
            member.name: member_schema(member, service.shape(member.target), service)
            for member in shape.members
        },
    }
    required = [member.name for member in shape.members if member.required]
    if required:
        schema["required"] = required
    if shape.is_input:
        # Request shapes are read strictly, as botocore validates them.
        schema["additionalProperties"] = False
    if shape.union and shape.is_input:
        # Exactly one *known* member: an unknown key is additionalProperties'
        # business alone (from_dict refuses it before counting).
        schema["oneOf"] = [{"required": [member.name]} for member in shape.members]
    elif shape.union:
        # Read leniently, a union keeps a member unknown to this SDK, which
        # validate() refuses (it cannot be sent) and counts as the one member.
        schema["additionalProperties"] = False
        schema["minProperties"] = 1
        schema["maxProperties"] = 1
    return schema


def shape_schema(shape: ir.Shape, service: ir.Service) -> Schema:
    """The ``$defs`` entry of one shape."""
    left_out: list[str] = []
    schema: Schema
    match shape:
        case ir.StringShape():
            schema = _string(shape, left_out)
        case ir.IntegerShape():
            schema = _integer(shape)
        case ir.FloatShape():
            schema = _float(shape)
        case ir.BooleanShape():
            schema = {"type": "boolean"}
        case ir.TimestampShape():
            # Epoch seconds or a date string (ISO 8601, RFC 822), as botocore
            # takes them; the string's syntax is not checked here.
            schema = {"type": ["number", "string"]}
        case ir.BlobShape():
            schema = _blob(shape, left_out)
        case ir.DocumentShape():
            schema = {}
        case ir.ListShape():
            schema = _list(shape, service)
        case ir.MapShape():
            schema = _map(shape, service)
        case ir.StructureShape():
            schema = _structure(shape, service)
    _described(schema, shape.doc)
    if shape.sensitive:
        schema[SENSITIVE] = True
    if left_out:
        schema[LEFT_OUT] = left_out
    return schema
