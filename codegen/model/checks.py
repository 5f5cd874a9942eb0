"""What botocore assumes of a model and never checks, checked on the shapes the
selected operations reach, each failure one line.

botocore's ``ServiceModel`` trusts its JSON: a dangling reference raises
``NoShapeFoundError`` deep inside, a list that contains itself recurses without
end, ``"min": "abc"`` or ``NaN`` reaches ``int()``/generated code. Checking the
raw JSON before botocore reads it turns each into ``CodegenError``. Only the
closure of the selected operations is checked: that is all that is generated.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from codegen.errors import CodegenError

_TYPES = frozenset(
    {"structure", "list", "map", "string", "character", "integer", "long"}
    | {"float", "double", "boolean", "timestamp", "blob"}
)
# botocore's own spelling of an integer bound; JSON numbers elsewhere.
_INTEGER_BOUNDS = frozenset({"string", "character", "integer", "long", "blob"})
_CONTAINERS = frozenset({"list", "map"})


def _fail(where: str, what: str) -> CodegenError:
    return CodegenError(f"{where}: {what}")


def _reference(where: str, value: object, shapes: Mapping[str, Any]) -> str:
    if not isinstance(value, dict) or not isinstance(value.get("shape"), str):
        raise _fail(where, 'expected {"shape": NAME}')
    name: str = value["shape"]
    if name not in shapes:
        raise _fail(where, f"refers to the missing shape {name!r}")
    return name


def _references(name: str, shape: Mapping[str, Any]) -> Iterator[tuple[str, object]]:
    """(where, reference) of each shape ``shape`` refers to."""
    where = f"shape {name!r}"
    match shape.get("type"):
        case "structure":
            members = shape.get("members", {})
            if not isinstance(members, dict):
                raise _fail(where, "members must be an object")
            for member, reference in members.items():
                yield f"{where} member {member!r}", reference
        case "list":
            yield f"{where} member", shape.get("member")
        case "map":
            yield f"{where} key", shape.get("key")
            yield f"{where} value", shape.get("value")


def _check_structure(where: str, name: str, shapes: Mapping[str, Any]) -> None:
    """An operation's input, output or error: a structure, not a document."""
    shape = shapes[name]
    if not isinstance(shape, dict) or shape.get("type") != "structure":
        raise _fail(where, f"{name!r} is not a structure")
    if shape.get("document"):
        raise _fail(where, f"{name!r} is a document, not a structure")


def _check_bound(where: str, kind: str, key: str, value: object) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise _fail(where, f"{key} must be a number, not {value!r}")
    if not math.isfinite(value):
        raise _fail(where, f"{key} must be finite, not {value!r}")
    if kind in _INTEGER_BOUNDS and value != int(value):
        raise _fail(where, f"{key} must be an integer, not {value!r}")
    if abs(value) > 2**64:
        raise _fail(where, f"{key} {value!r} is out of range")


def _check_traits(name: str, shape: Mapping[str, Any]) -> None:
    where = f"shape {name!r}"
    kind = shape.get("type")
    if not isinstance(kind, str) or kind not in _TYPES:
        raise _fail(where, f"type {kind!r} is not supported")
    for key in ("min", "max"):
        _check_bound(where, kind, key, shape.get(key))
    for key in ("pattern", "documentation", "timestampFormat"):
        if key in shape and not isinstance(shape[key], str):
            raise _fail(where, f"{key} must be a string")
    enum = shape.get("enum")
    if enum is not None and not (
        isinstance(enum, list) and all(isinstance(value, str) for value in enum)
    ):
        raise _fail(where, "enum must be a list of strings")
    required = shape.get("required", [])
    if not (isinstance(required, list) and all(isinstance(m, str) for m in required)):
        raise _fail(where, "required must be a list of member names")
    error = shape.get("error", {})
    if not isinstance(error, dict) or not isinstance(
        error.get("httpStatusCode", 400), int
    ):
        raise _fail(where, "error must be an object with an integer httpStatusCode")


def _check_member_traits(where: str, reference: Mapping[str, Any]) -> None:
    for key in ("documentation", "locationName", "location", "timestampFormat"):
        if key in reference and not isinstance(reference[key], str):
            raise _fail(where, f"{key} must be a string")


def _self_containing(shapes: Mapping[str, Any], names: Sequence[str]) -> str | None:
    """A list or map that contains itself through lists and maps only: a type
    no value can have finitely, and one botocore recurses on forever."""
    state: dict[str, int] = {}  # 1: on the path, 2: done

    def visit(name: str) -> str | None:
        state[name] = 1
        for _, reference in _references(name, shapes[name]):
            target = reference["shape"]  # type: ignore[index]
            if shapes[target].get("type") not in _CONTAINERS:
                continue
            if state.get(target) == 1:
                return str(target)
            if target not in state and (found := visit(target)):
                return found
        state[name] = 2
        return None

    for name in names:
        is_container = shapes[name].get("type") in _CONTAINERS
        if is_container and name not in state and (found := visit(name)):
            return found
    return None


def check_model(data: Mapping[str, Any], operation_names: Sequence[str]) -> None:
    """Refuse, in one line, what botocore or the generator would trip over in
    the closure of ``operation_names`` (unknown names are left to the caller)."""
    shapes = data["shapes"]
    operations = data["operations"]
    selected = list(operations) if list(operation_names) == ["all"] else operation_names
    stack: list[str] = []
    for operation_name in selected:
        operation = operations.get(operation_name)
        if operation is None:
            continue
        where = f"operation {operation_name!r}"
        if not isinstance(operation, dict):
            raise _fail(where, "must be an object")
        if not isinstance(operation.get("documentation", ""), str):
            raise _fail(where, "documentation must be a string")
        for key in ("input", "output"):
            if key in operation:
                target = _reference(f"{where} {key}", operation[key], shapes)
                _check_structure(f"{where} {key}", target, shapes)
                stack.append(target)
        errors = operation.get("errors", [])
        if not isinstance(errors, list):
            raise _fail(where, "errors must be a list")
        for error in errors:
            target = _reference(f"{where} error", error, shapes)
            _check_structure(f"{where} error", target, shapes)
            stack.append(target)
    seen: set[str] = set()
    while stack:
        name = stack.pop()
        if name in seen:
            continue
        seen.add(name)
        shape = shapes[name]
        if not isinstance(shape, dict):
            raise _fail(f"shape {name!r}", "must be an object")
        _check_traits(name, shape)
        for where, reference in _references(name, shape):
            stack.append(_reference(where, reference, shapes))
            assert isinstance(reference, dict)
            _check_member_traits(where, reference)
    found = _self_containing(shapes, sorted(seen))
    if found is not None:
        raise CodegenError(
            f"shape {found!r} contains itself through lists and maps only"
        )
