"""The codecs of binary values, streams and documents (any JSON value).

A blob reads ``bytes`` (or text, as botocore sends it), a stream anything
``Readable`` as it is, a document a copy made of exact builtin types.
"""

from __future__ import annotations

from typing import Any, ClassVar, Final, Protocol, TypeAlias, runtime_checkable

from ._codec_base import _bounds, _check_length, _check_required, _Plain, _TypeChecked
from ._shape import MAX_DEPTH, Reader
from ._values import _COPY, ABSENT, Violation, exact, plain_items, plain_list, type_name

Document: TypeAlias = (
    bool | int | float | str | list["Document"] | dict[str, "Document"] | None
)
"""A document shape's value: any JSON value, as ``json.loads`` returns it."""


@runtime_checkable
class Readable(Protocol):
    """A streaming blob besides ``bytes``: an open binary file, botocore's
    ``StreamingBody``, anything with ``read``."""

    def read(self, size: int = -1, /) -> bytes: ...


def encode_text(value: object) -> bytes | None:
    """A blob parameter given as ``bytearray`` or ``str`` (UTF-8), as botocore
    sends it; ``None`` when it is neither or cannot be encoded."""
    if issubclass(type(value), bytearray):
        return bytes(memoryview(value))  # type: ignore[arg-type]
    text = exact(value, str)
    if text is None:
        return None
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        return None


class Blob(_Plain):
    """A blob shape: ``bytes``, length in bytes.

    Reading also takes ``bytearray`` and ``str`` (encoded as UTF-8), as botocore
    does; they become ``bytes``.
    """

    exact: ClassVar[type | None] = bytes
    __slots__ = ("_high", "_low", "max_length", "min_length", "sensitive")

    def __init__(
        self,
        *,
        min_length: int | None = None,
        max_length: int | None = None,
        sensitive: bool = False,
    ) -> None:
        self.min_length = min_length
        self.max_length = max_length
        self.sensitive = sensitive
        self._low, self._high = _bounds(min_length, max_length)

    def read(
        self, value: object, path: str, reader: Reader, required: bool = False
    ) -> bytes | None:
        data = exact(value, bytes)
        if data is not None:
            return data
        encoded = encode_text(value)
        if encoded is None:
            reader.reject(value, path, "bytes", required)
        return encoded

    def check(
        self,
        value: object,
        path: str,
        errors: list[Violation],
        sensitive: bool,
        required: bool = False,
    ) -> None:
        if not _check_required(value, path, errors, required):
            return
        data = exact(value, bytes)
        if data is None:
            errors.append(
                Violation(path, "type", f"expected bytes, got {type_name(value)}")
            )
            return
        _check_length(
            len(data), self.min_length, self.max_length, "bytes", path, errors
        )

    def accepts(self, value: object) -> bool:
        return type(value) is bytes and self._low <= len(value) <= self._high

    def dump(self, value: bytes) -> Any:
        return value


class Stream(_TypeChecked, _Plain):
    """A streaming blob: ``bytes`` or a file-like object, passed on as it is.

    botocore sends a request's stream as the HTTP body and returns a
    response's as a ``StreamingBody``; neither is read here, so the model's
    length limits (if any) are not checked.
    """

    exact: ClassVar[type | None] = None
    __slots__ = ("sensitive",)

    def __init__(self, *, sensitive: bool = False) -> None:
        self.sensitive = sensitive

    def read(
        self, value: object, path: str, reader: Reader, required: bool = False
    ) -> bytes | Readable | None:
        data = exact(value, bytes)
        if data is not None:
            return data
        if _readable(value):
            return value  # type: ignore[return-value]  # narrowed by _readable
        encoded = encode_text(value)
        if encoded is None:
            reader.reject(value, path, self.expected(), required)
        return encoded

    def expected(self) -> str:
        return "bytes or a file-like object"

    def accepts(self, value: object) -> bool:
        return type(value) is bytes or _readable(value)

    def dump(self, value: bytes | Readable) -> Any:
        return value


def _readable(value: object) -> bool:
    """A file-like object (the caller's own, so its ``read`` is meant to run;
    a hostile ``__getattr__`` only makes it not one)."""
    try:
        return isinstance(value, Readable) and not isinstance(value, type)
    except Exception:  # a hostile __getattr__
        return False


_JSON_SCALARS: Final = frozenset({bool, int, float, str, type(None)})
_NOT_JSON: Final = object()


def json_copy(value: object, depth: int = 0) -> Any:
    """A JSON value (what a document may hold) as exact builtin types, or
    ``_NOT_JSON``; subclasses are copied by the builtins' own methods."""
    cls = type(value)
    if cls in _JSON_SCALARS:
        return value
    for kind in (str, int, float):
        if cls is not bool and issubclass(cls, kind):
            return _COPY[kind](value)
    if depth >= MAX_DEPTH:
        return _NOT_JSON
    entries = plain_list(value, tuples=False)
    if entries is not None:
        items = [json_copy(item, depth + 1) for item in entries]
        return _NOT_JSON if any(item is _NOT_JSON for item in items) else items
    pairs = plain_items(value)
    if pairs is None:
        return _NOT_JSON
    copied = {}
    for key, item in pairs:
        text, item = exact(key, str), json_copy(item, depth + 1)
        if text is None or item is _NOT_JSON:
            return _NOT_JSON
        copied[text] = item
    return copied


def is_json(value: object) -> bool:
    """Whether a value is a JSON value (what a document may hold)."""
    return json_copy(value) is not _NOT_JSON


class Json(_TypeChecked):
    """A document shape (or a header botocore sends as JSON): any JSON value,
    kept as it is. ``None`` means absent, as botocore's validator reads it."""

    exact: ClassVar[type | None] = None
    __slots__ = ("sensitive",)

    def __init__(self, *, sensitive: bool = False) -> None:
        self.sensitive = sensitive

    def read(
        self, value: object, path: str, reader: Reader, required: bool = False
    ) -> Document:
        if value is None or value is ABSENT:
            reader.reject(ABSENT, path, self.expected(), required)
            return None
        copied = json_copy(value)
        if copied is not _NOT_JSON:
            return copied  # type: ignore[no-any-return]
        reader.reject(value, path, self.expected(), required)
        return None

    def expected(self) -> str:
        return "a JSON value"

    def accepts(self, value: object) -> bool:
        return is_json(value)

    def read_checked(
        self, value: object, depth: int = 0, strict: bool = True
    ) -> Document:
        if value is None:
            return None  # absent, or null: the two passes decide which
        copied = json_copy(value)
        return None if copied is _NOT_JSON else copied

    def dict_ok(self, value: object, depth: int = 0, strict: bool = True) -> bool:
        return value is not None and is_json(value)

    def dump(self, value: Document) -> Any:
        return value


JSON_VALUE: Final = Json()
