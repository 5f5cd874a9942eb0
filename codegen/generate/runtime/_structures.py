"""The codecs of generated classes: structures and event streams, and the
checks of a union (exactly one member).

A ``Structure`` delegates to its class (found on first use, so the codecs of
a thousand structures load without importing one) and counts the nesting of
a recursive one against ``MAX_DEPTH``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any, ClassVar, Generic, Self, TypeVar

from ._codec_base import _check_required, _TypeChecked
from ._shape import _DEEPER, _NESTING, MAX_DEPTH, Reader, Shape
from ._values import Violation, join, type_name

S = TypeVar("S", bound="Shape[Any]")


class _ClassCodec(Generic[S]):
    """A codec of a generated class, looked up on first use, so the codecs of
    a package of a thousand structures load without importing any of them."""

    exact: ClassVar[type | None] = None
    __slots__ = ("_class", "_find", "sensitive")

    def __init__(self, find: Callable[[], type[S]], *, sensitive: bool = False) -> None:
        self._find = find
        self._class: type[S] | None = None
        self.sensitive = sensitive

    @property
    def cls(self) -> type[S]:
        found = self._class
        if found is None:
            found = self._class = self._find()
        return found


class Structure(_ClassCodec[S]):
    """A structure shape, delegating to the generated class.

    A ``recursive`` one (it can contain itself) counts its nesting against
    ``MAX_DEPTH`` in ``read``, ``check`` and ``accepts`` alike; any other can
    only nest as deep as the model, so it skips the count.
    """

    __slots__ = ("recursive",)

    def __init__(
        self,
        find: Callable[[], type[S]],
        *,
        sensitive: bool = False,
        recursive: bool = False,
    ) -> None:
        super().__init__(find, sensitive=sensitive)
        self.recursive = recursive

    def read(
        self, value: object, path: str, reader: Reader, required: bool = False
    ) -> S | None:
        if not self.recursive:
            return self.cls._from_wire(value, path, reader, required)
        if reader.depth >= MAX_DEPTH:
            reader.errors.append(Violation(path, "type", _DEEPER))
            return None
        reader.depth += 1
        result = self.cls._from_wire(value, path, reader, required)
        reader.depth -= 1
        return result

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
        if not issubclass(type(value), self.cls):
            errors.append(
                Violation(
                    path,
                    "type",
                    f"expected {self.cls.__name__}, got {type_name(value)}",
                )
            )
            return
        # Its real type is the class (or a subclass); no cast() call on the hot path.
        shape: Shape[Any] = value  # type: ignore[assignment]
        sensitive = sensitive or self.sensitive
        if not self.recursive:
            shape._check(path, errors, sensitive)
            return
        nesting = _NESTING
        if nesting.depth >= MAX_DEPTH:
            errors.append(Violation(path, "type", _DEEPER))
            return
        nesting.depth += 1
        try:
            shape._check(path, errors, sensitive)
        finally:
            nesting.depth -= 1

    def accepts(self, value: object) -> bool:
        """The fast path; the same depth limit as ``read``, counted per thread."""
        found = self._class  # the hot path skips the property
        if found is None:
            found = self.cls
        if type(value) is not found and not issubclass(type(value), found):
            return False
        # Its real type is the class (or a subclass); no cast() call on the hot path.
        shape: Shape[Any] = value  # type: ignore[assignment]
        if not self.recursive:
            return shape._is_valid()
        nesting = _NESTING  # one read and two writes: a thread-local is slow
        depth = nesting.depth
        if depth >= MAX_DEPTH:
            return False
        nesting.depth = depth + 1
        try:
            return shape._is_valid()
        finally:
            nesting.depth = depth

    def read_checked(
        self, value: object, depth: int = 0, strict: bool = True
    ) -> S | None:
        """The one-pass reading; a recursive structure counts one level more
        (the class refuses more than ``MAX_DEPTH``, as ``read`` does)."""
        found = self._class or self.cls
        depth = depth + 1 if self.recursive else depth
        return found._read_checked(value, depth, strict)

    def dict_ok(self, value: object, depth: int = 0, strict: bool = True) -> bool:
        found = self._class or self.cls
        depth = depth + 1 if self.recursive else depth
        return found._dict_ok(value, depth, strict)

    def dump(self, value: S) -> Any:
        return value.to_dict()


class EventStream(Generic[S]):
    """The events of a streamed response, each read into its class as it arrives.

    It wraps what botocore returns (its ``EventStream``, or any iterable of
    event dicts). Iterate it once; close it (or use ``with``) to release the
    connection early. A modeled error event raises botocore's
    ``EventStreamError`` from the iteration, as botocore does.
    """

    __slots__ = ("_class", "raw")

    def __init__(self, raw: Iterable[Mapping[str, Any]], cls: type[S]) -> None:
        self.raw = raw
        self._class = cls

    def __iter__(self) -> Iterator[S]:
        for event in self.raw:
            yield self._class.from_dict(event, strict=False)

    def close(self) -> None:
        close = getattr(self.raw, "close", None)
        if close is not None:
            close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"EventStream[{self._class.__name__}]"


class Events(_ClassCodec[S], _TypeChecked):
    """An event stream shape: the member of a response holding the stream.

    Reading wraps the stream without consuming it; ``dump`` gives back what
    was read (botocore's own stream object).
    """

    __slots__ = ()

    def read(
        self, value: object, path: str, reader: Reader, required: bool = False
    ) -> EventStream[S] | None:
        if issubclass(type(value), EventStream):
            return value  # type: ignore[return-value]  # narrowed by the test
        if _iterable(value):
            return EventStream(value, self.cls)  # type: ignore[arg-type]
        reader.reject(value, path, self.expected(), required)
        return None

    def expected(self) -> str:
        return "an event stream"

    def accepts(self, value: object) -> bool:
        return issubclass(type(value), EventStream)

    def read_checked(
        self, value: object, depth: int = 0, strict: bool = True
    ) -> EventStream[S] | None:
        return None  # a stream is wrapped, not checked: the two passes do it

    def dict_ok(self, value: object, depth: int = 0, strict: bool = True) -> bool:
        return False

    def dump(self, value: EventStream[S]) -> Any:
        return value.raw


def _iterable(value: object) -> bool:
    """What botocore gives for an event stream (any iterable but text, bytes
    or a mapping)."""
    if issubclass(type(value), (str, bytes, bytearray, Mapping)):
        return False
    try:
        return isinstance(value, Iterable)
    except Exception:  # a hostile __class__ or __getattr__
        return False


def exactly_one(members: Sequence[object]) -> bool:
    """A union holds exactly one member (the fast-path test)."""
    return sum(member is not None for member in members) == 1


def check_unknown_member(path: str, errors: list[Violation], name: str | None) -> None:
    """A union member this SDK does not know can be read, but not sent."""
    if name is not None:
        message = "member unknown to this SDK: it can be read but not sent"
        errors.append(Violation(join(path, name), "unknown", message))


def check_union(path: str, errors: list[Violation], members: Sequence[object]) -> None:
    """A union holds exactly one member."""
    count = sum(member is not None for member in members)
    if count != 1:
        errors.append(
            Violation(path, "union", f"exactly one member must be set, got {count}")
        )
