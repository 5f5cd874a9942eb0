"""JSON Schema output checked against ajv and python-jsonschema (issue 14)."""
