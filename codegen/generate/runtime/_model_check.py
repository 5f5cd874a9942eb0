"""A request the installed botocore cannot send refused before any I/O.

The package may be newer than the botocore it runs on (a vendored copy next to
an older pin). botocore serializes only what its own model knows: a member added
to the service later is silently dropped or crashes its serializer, and the typed
client switches botocore's own parameter validation off (this package validates
instead). So each call first walks the request's parameter dict alongside the
installed botocore's input shape: linear in the request, and the shapes are
looked up once per client and operation.

Standard library only: the clients hand in botocore's ``client.meta``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ._runtime import ValidationError, Violation, join, key_text

__all__ = ["BotocoreModelError", "ModelCheck"]


class BotocoreModelError(ValidationError):
    """A request uses an operation or member the installed botocore's model lacks.

    Raised before anything is sent; upgrade botocore or leave the member unset.
    A ``ValidationError``, so ``except ValidationError`` catches it too.
    """

    botocore_version: str

    def __init__(self, errors: list[Violation], botocore_version: str) -> None:
        self.botocore_version = botocore_version
        super().__init__(errors)


def _message(version: str) -> str:
    return f"not in the model of the installed botocore {version}; upgrade botocore"


class ModelCheck:
    """One per client: the operations' botocore input shapes, looked up lazily.

    botocore caches each shape's members itself, so holding the input shape
    keeps the whole tree of member shapes computed once.
    """

    def __init__(self) -> None:
        self._inputs: dict[str, Any] = {}

    def check(self, meta: Any, method: str, params: Mapping[str, Any]) -> None:
        """Raise ``BotocoreModelError`` when botocore's model (``meta`` is the
        botocore client's ``meta``) lacks the operation ``method`` or a member
        ``params`` sets."""
        shape = self._inputs.get(method)
        if shape is None:
            operation = meta.method_to_api_mapping.get(method)
            if operation is None:
                version = _version()
                rule = Violation(
                    "", "unknown", f"operation {method}: " + _message(version)
                )
                raise BotocoreModelError([rule], version)
            shape = meta.service_model.operation_model(operation).input_shape
            self._inputs[method] = shape
        errors = _unknown(shape, params)
        if errors:
            version = _version()
            message = _message(version)
            violations = [Violation(path, "unknown", message) for path in errors]
            raise BotocoreModelError(violations, version)


def _unknown(shape: Any, params: Mapping[str, Any]) -> list[str]:
    """The paths of members in ``params`` that ``shape``'s tree does not have.

    Iterative (a deep value cannot exhaust Python's stack); a map key under a
    sensitive shape shows as ``*``.
    """
    found: list[str] = []
    stack: list[tuple[Any, object, str, bool]] = [(shape, params, "", False)]
    while stack:
        shape, value, path, sensitive = stack.pop()
        if shape is None or getattr(shape, "is_document_type", False):
            continue  # a document holds any JSON value: nothing to look up
        sensitive = sensitive or bool(shape.metadata.get("sensitive"))
        kind = shape.type_name
        if kind == "structure" and isinstance(value, Mapping):
            members = shape.members
            for name, item in value.items():
                member = members.get(name)
                if member is None:
                    found.append(join(path, key_text(name)))
                else:
                    stack.append((member, item, join(path, name), sensitive))
        elif kind == "list" and isinstance(value, list | tuple):
            for index, item in enumerate(value):
                stack.append((shape.member, item, f"{path}[{index}]", sensitive))
        elif kind == "map" and isinstance(value, Mapping):
            for key, item in value.items():
                shown = "*" if sensitive else key_text(key)
                stack.append((shape.value, item, join(path, shown), sensitive))
    return sorted(found)


def _version() -> str:
    """The installed botocore's version (botocore is loaded: a client exists)."""
    import botocore

    version: str = botocore.__version__
    return version
