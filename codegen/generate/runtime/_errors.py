"""The base of the modeled errors: a botocore ``ClientError`` with typed members.

It imports botocore, so only a package's ``errors`` module imports it; the shapes
and their runtime stay standard-library only.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from typing import Any, ClassVar, Self, TypeVar

from botocore.exceptions import ClientError

from ._runtime import (
    Codec,
    Reader,
    Shape,
    ValidationError,
    Violation,
    describe,
    join,
    top_level_key,
)

__all__ = ["MessageError", "ModeledError", "caught_both_ways"]


class ModeledError(ClientError, Shape[dict[str, Any]]):
    """A ``ClientError`` (existing ``except ClientError`` code keeps working) that
    also carries the error's modeled members as typed attributes."""

    code: ClassVar[str] = ""
    """The error code AWS sends (``Error.Code``)."""
    http_status: ClassVar[int] = 0
    """The HTTP status the model gives this error."""
    _strict_by_default: ClassVar[bool] = False
    _wire_names: ClassVar[frozenset[str]] = frozenset()
    _fields: ClassVar[tuple[tuple[str, bool], ...]] = ()
    _generated_class: ClassVar[type[ModeledError] | None] = None
    """Set on the classes ``caught_both_ways`` makes: the generated class."""

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

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        """Pickle as the generated class, rebuilt from botocore's response.

        ``ClientError.__reduce__`` gives a plain ``ClientError`` back (botocore's
        per-client classes cannot be found by name); a generated class can, so
        ``except ThrottlingException`` still catches it across a process pool.
        """
        return self._generated().from_response, (self.response, self.operation_name)

    @classmethod
    def _generated(cls) -> type[ModeledError]:
        """The generated class (``cls`` itself unless ``caught_both_ways`` made it)."""
        return cls._generated_class or cls

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, ModeledError):
            return NotImplemented
        if other._generated() is not self._generated():
            return NotImplemented
        return all(
            getattr(self, name) == getattr(other, name) for name, _ in self._fields
        )

    def __hash__(self) -> int:
        return hash(self._generated())

    def __repr__(self) -> str:
        return describe(self, self._fields)


class MessageError(ModeledError):
    """A modeled error whose only member is its ``Message`` (most of them): a
    subclass names its ``code``, ``http_status`` and the message's codec."""

    _wire_names: ClassVar[frozenset[str]] = frozenset({"Message"})
    _fields: ClassVar[tuple[tuple[str, bool], ...]] = (("message", False),)
    _message_codec: ClassVar[Codec[str]]
    """The codec of the ``Message`` member's shape (its constraints)."""
    _default_operation: ClassVar[str] = ""
    """The operation named when an error is made without a response."""

    message: str | None
    """The ``Message`` member."""

    def __init__(
        self,
        *,
        message: str | None = None,
        response: Mapping[str, Any] | None = None,
        operation_name: str | None = None,
    ) -> None:
        self.message = message
        if response is None:
            response = {"Error": {"Code": self.code, "Message": message or ""}}
        if operation_name is None:
            operation_name = self._default_operation
        self._attach(response, operation_name)

    def to_dict(self) -> dict[str, Any]:
        """The botocore parameter dict: wire names, only the members that are set."""
        data: dict[str, Any] = {}
        if self.message is not None:
            data["Message"] = self.message
        return data

    @classmethod
    def _from_wire(
        cls, data: object, path: str, reader: Reader, required: bool = False
    ) -> Self | None:
        mapping = reader.structure(data, path, cls._wire_names, required)
        if mapping is None:
            return None
        value = mapping.get("Message")
        if type(value) is str:
            return cls(message=value)
        if "Message" not in mapping:
            return cls()
        return cls(
            message=cls._message_codec.read(value, join(path, "Message"), reader)
        )

    def _is_valid(self) -> bool:
        return self.message is None or self._message_codec.accepts(self.message)

    def _check(self, path: str, errors: list[Violation], sensitive: bool) -> None:
        self._message_codec.check(
            self.message, join(path, "Message"), errors, sensitive
        )


_Modeled = TypeVar("_Modeled", bound=ModeledError)
_BOTH_WAYS: dict[tuple[type[ModeledError], type[ClientError]], type[Any]] = {}
_BOTH_WAYS_LOCK = threading.Lock()


def caught_both_ways(
    modeled: type[_Modeled], botocore_class: type[ClientError]
) -> type[_Modeled]:
    """A subclass of ``modeled`` and of botocore's per-client ``botocore_class``.

    botocore raises ``client.exceptions.<Name>``, a class it makes per client;
    an error of the class returned here is caught by ``except`` clauses naming
    either one, so code moving to the typed client keeps its handlers. Made
    once per pair (botocore makes new classes per session) and cached. It
    pickles as ``modeled`` (see ``ModeledError.__reduce__``): botocore's class
    cannot be found by name in another process.
    """
    if botocore_class is ClientError or issubclass(modeled, botocore_class):
        return modeled
    key = (modeled, botocore_class)
    with _BOTH_WAYS_LOCK:
        both = _BOTH_WAYS.get(key)
        if both is None:
            namespace = {
                "__module__": modeled.__module__,
                "__qualname__": modeled.__qualname__,
                "__doc__": modeled.__doc__,
                "_generated_class": modeled,
            }
            both = type(modeled.__name__, (modeled, botocore_class), namespace)
            _BOTH_WAYS[key] = both
    result: type[_Modeled] = both
    return result
