"""The base of the modeled errors: a botocore ``ClientError`` with typed members.

It imports botocore, so only a package's ``errors`` module imports it; the shapes
and their runtime stay standard-library only.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, Self

from botocore.exceptions import ClientError

from ._runtime import Shape, ValidationError, describe, top_level_key

__all__ = ["ModeledError"]


class ModeledError(ClientError, Shape):
    """A ``ClientError`` (existing ``except ClientError`` code keeps working) that
    also carries the error's modeled members as typed attributes."""

    code: ClassVar[str] = ""
    """The error code AWS sends (``Error.Code``)."""
    http_status: ClassVar[int] = 0
    """The HTTP status the model gives this error."""
    _strict_by_default: ClassVar[bool] = False
    _wire_names: ClassVar[frozenset[str]] = frozenset()
    _fields: ClassVar[tuple[tuple[str, bool], ...]] = ()

    @classmethod
    def from_response(cls, response: Mapping[str, Any], operation_name: str) -> Self:
        """Build from botocore's parsed error response (``ClientError.response``).

        A modeled ``Message`` missing from the body falls back to botocore's
        ``Error.Message``; a modeled member of the wrong type is dropped rather
        than hiding the service's error behind a ``ValidationError``.
        """
        data = dict(response)
        message = data.get("Error", {}).get("Message")
        if "Message" in cls._wire_names and data.get("Message") is None and message:
            data["Message"] = message
        try:
            error = cls.from_dict(data, strict=False)
        except ValidationError as invalid:
            garbled = {top_level_key(violation.path) for violation in invalid.errors}
            kept = {key: value for key, value in data.items() if key not in garbled}
            error = cls.from_dict(kept, strict=False)
        error._attach(response, operation_name)
        return error

    def _attach(self, response: Mapping[str, Any], operation_name: str) -> None:
        """(Re)initialise the ``ClientError`` part with botocore's response."""
        error_response: Any = dict(response)
        ClientError.__init__(self, error_response, operation_name)

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return all(
            getattr(self, name) == getattr(other, name) for name, _ in self._fields
        )

    def __hash__(self) -> int:
        return hash(type(self))

    def __repr__(self) -> str:
        return describe(self, self._fields)
