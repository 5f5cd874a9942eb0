"""botocore as the oracle: its validator, rest-json serializer and parser.

Nothing here imports the generated package or the generator: these are the
answers of code this project did not write.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

import botocore.model
from botocore.parsers import create_parser
from botocore.serialize import create_serializer
from botocore.validate import ParamValidator

# botocore's ValidationErrors reasons, as the runtime's rule names.
_RULES = {
    "missing required field": "required",
    "unknown field": "unknown",
    "invalid type": "type",
    "invalid length": "length",
    "invalid range": "range",
    "empty input": "union",
    "more than one input": "union",
}


def botocore_violations(
    params: Any, shape: botocore.model.Shape
) -> list[tuple[str, str]]:
    """``ParamValidator().validate(params, shape)`` as ``(path, rule)`` pairs.

    botocore names a member ``.A.B`` (dropped leading dot here, as its report
    does), a list entry ``A[0]``, a map value ``A.k`` and a map key
    ``A (key: k)``; a missing or unknown member is reported on its parent and
    named here by joining the two.
    """
    report = ParamValidator().validate(params, shape)
    found = []
    for reason, name, extra in report._errors:
        path = name[1:] if name.startswith(".") else name
        member = extra.get("required_name", extra.get("unknown_param"))
        if reason in ("missing required field", "unknown field"):
            path = f"{path}.{member}" if path else member
        found.append((path, _RULES.get(reason, reason)))
    return found


SERIALIZER = create_serializer("rest-json", include_validation=False)
PARSER = create_parser("rest-json")


def serialize_request(
    params: Mapping[str, Any], operation: botocore.model.OperationModel
) -> dict[str, Any]:
    """botocore's request dict: ``method``, ``url_path``, ``headers``, ``body``."""
    request: dict[str, Any] = SERIALIZER.serialize_to_request(params, operation)
    return request


def serialize_structure(params: dict[str, Any], shape: botocore.model.Shape) -> Any:
    """The JSON botocore writes for ``params`` of any structure shape."""
    # botocore's own JSON body writer; private, so botocore-stubs does not declare it.
    body: bytes = SERIALIZER._serialize_body_params(  # type: ignore[attr-defined]
        params, shape
    )
    return json.loads(body)


def parse_response(
    status: int, headers: dict[str, str], body: bytes, shape: botocore.model.Shape
) -> dict[str, Any]:
    """botocore's rest-json parser on an HTTP response."""
    response = {"status_code": status, "headers": headers, "body": body}
    parsed: dict[str, Any] = PARSER.parse(response, shape)
    return parsed
