"""The whole schema document of one service selection, and its exact bytes.

One ``$defs`` entry per shape of the closure, under its model name, so a
caller validates against ``schema.json#/$defs/<Shape>``. Provenance is an
annotation (JSON has no comments): the model's sha256 and the selection, no
time and no botocore release, so the bytes change only when the model does.
"""

from __future__ import annotations

import json
from typing import Any

from codegen.model import ir
from codegen.schema.keywords import Schema, shape_schema

DIALECT = "https://json-schema.org/draft/2020-12/schema"

# The top-level annotation holding provenance and what no schema here says.
ANNOTATION = "x-codegen"

# Constraints of the generated code that no keyword of this schema expresses.
LEFT_OUT = (
    "nesting: the generated code refuses structures nested more than 100 deep "
    "(and documents nested 100 deep); JSON Schema has no depth limit",
    "integers: JSON Schema counts 1.0 as an integer; Python's json reads it as "
    "a float, which the generated code refuses",
    "int64 bounds: beyond 2**53 JavaScript validators compare rounded numbers",
    "timestamps: a string's date syntax (ISO 8601, RFC 822 or epoch seconds, "
    "as botocore parses it) is not checked",
    "null: a null member of a response or error, and a null document value, "
    "count as absent in the generated code; JSON Schema sees a value",
    "event streams: their events are checked as they are read, not up front",
)


def schema_document(service: ir.Service) -> dict[str, Any]:
    """The schema of ``service``'s closure as a JSON-ready ``dict``."""
    operations = [operation.name for operation in service.operations]
    defs: dict[str, Schema] = {
        service.model_name(shape.name): shape_schema(shape, service)
        for shape in service.shapes
    }
    return {
        "$schema": DIALECT,
        "$id": f"urn:connect-sdk-codegen:{service.name}",
        "title": f"{service.service_id} ({', '.join(operations)})",
        ANNOTATION: {
            "model_sha256": service.model_sha256,
            "service": service.name,
            "operations": operations,
            "left_out": list(LEFT_OUT),
        },
        "$defs": defs,
    }


def render_schema(service: ir.Service) -> str:
    """Deterministic text: sorted keys, two-space indent, trailing newline.

    Lists keep the model's order (enum values, required members), which is
    itself fixed for one model.
    """
    text = json.dumps(
        schema_document(service), indent=2, sort_keys=True, ensure_ascii=False
    )
    return text + "\n"
