"""JSON Schema (draft 2020-12) of a service's shapes, from the IR."""

from codegen.schema.document import render_schema, schema_document

__all__ = ["render_schema", "schema_document"]
