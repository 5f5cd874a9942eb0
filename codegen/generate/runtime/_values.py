"""What the validation reports, and the helpers every codec shares.

The violations and the two errors (``ValidationError`` for a request,
``ResponseValidationError`` for a response), ``ABSENT``, botocore's path
format (``join``), and the functions that look at a caller's value without
running any of its code (``exact``, ``plain_list``, ``key_text``). The bottom
layer of the runtime: standard library only, and no other runtime module.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, Final, Literal, TypeVar

Rule = Literal[
    "required", "type", "unknown", "length", "pattern", "enum", "range", "union"
]

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Violation:
    """One broken rule: where (botocore's path format), which rule, and why."""

    path: str
    rule: Rule
    message: str

    def __str__(self) -> str:
        return f"{self.path or '<root>'}: {self.message}"


class ValidationError(ValueError):
    """Raised by ``validate()`` and ``from_dict()``; ``errors`` lists all violations."""

    errors: tuple[Violation, ...]

    def __init__(self, errors: Iterable[Violation]) -> None:
        self.errors = tuple(errors)
        count = len(self.errors)
        noun = "error" if count == 1 else "errors"
        details = "; ".join(str(error) for error in self.errors)
        super().__init__(f"{count} validation {noun}: {details}")

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        """Pickled with its violations (``args`` holds only the message), so
        it crosses a process pool or a task queue as itself."""
        return (type(self), (self.errors,))


class ResponseValidationError(Exception):
    """A service response that does not fit the model (``{"ContactId": 5}``).

    Not a ``ValidationError``, which means *your request* is invalid: the
    request was sent and the service answered, but with something this SDK's
    model does not describe (an old SDK, a service change, a proxy). The
    message names the paths only, never a value; ``response`` is botocore's
    parsed dict, as a raw botocore client would have returned it.
    """

    operation: str
    errors: tuple[Violation, ...]
    response: Mapping[str, Any]

    def __init__(
        self, operation: str, errors: Iterable[Violation], response: Mapping[str, Any]
    ) -> None:
        self.operation = operation
        self.errors = tuple(errors)
        self.response = response
        paths = ", ".join(error.path or "<root>" for error in self.errors)
        super().__init__(
            f"the {operation} response does not fit the model at: {paths} "
            "(its parsed dict is this error's .response)"
        )

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        return (type(self), (self.operation, self.errors, self.response))


class _Absent:
    """Marks a member that is not in a parameter dict (distinct from ``None``)."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "ABSENT"


ABSENT: Final = _Absent()

_MAX_SHOWN = 40


def join(path: str, key: str) -> str:
    """The path of a member or map entry, as botocore writes it (``A.B``)."""
    return f"{path}.{key}" if path else key


def top_level_key(path: str) -> str:
    """The member a path starts at: ``A`` for ``A.B``, ``A[0]`` or ``A (key: k)``."""
    return re.split(r"[.\[ ]", path, maxsplit=1)[0]


def show(value: object, sensitive: bool) -> str:
    """A value for a message: shortened, or hidden when the model says sensitive."""
    if sensitive:
        return "(sensitive value hidden)"
    text = repr(value)
    if len(text) > _MAX_SHOWN:
        text = text[: _MAX_SHOWN - 3] + "..."
    return text


def type_name(value: object) -> str:
    """The type of a value for a message (never the value itself)."""
    return "None" if value is None else type(value).__name__


# Caller-supplied values are never trusted to behave: a ``str`` subclass may
# override ``__len__``, an object may fake ``__class__`` (which ``isinstance``
# believes), a ``dict`` subclass may override ``items``. So types are tested on
# ``type(value)`` (its real MRO), and a subclass of a builtin is copied to the
# exact builtin by the builtin's own method before anything else is asked of it.
_COPY: Final[Mapping[type, Callable[[Any], Any]]] = MappingProxyType(
    {
        str: str.__str__,
        int: int.__int__,
        float: float.__float__,
        bytes: bytes.__bytes__,
    }
)


def exact(value: object, kind: type[T]) -> T | None:
    """``value`` as exactly ``kind`` (``str``, ``int``, ``float``, ``bytes``),
    copied from a subclass; ``None`` when it is not one (``bool`` is no ``int``)."""
    cls = type(value)
    if cls is kind:
        return value  # type: ignore[return-value]  # narrowed by the test
    if cls is bool or not issubclass(cls, kind):
        return None
    return _COPY[kind](value)  # type: ignore[no-any-return]


def plain_list(value: object, tuples: bool = True) -> list[Any] | None:
    """A list or tuple (or a subclass: copied without its own methods)."""
    cls = type(value)
    if cls is list:
        return value  # type: ignore[return-value]  # narrowed by the test
    if issubclass(cls, list):
        return list(list.__iter__(value))  # type: ignore[arg-type]
    if tuples and issubclass(cls, tuple):
        return list(tuple.__iter__(value))  # type: ignore[arg-type]
    return None


def plain_items(value: object) -> Iterable[tuple[Any, Any]] | None:
    """The entries of a ``dict`` (or of a subclass, read by ``dict``'s own view)."""
    if type(value) is dict:
        return value.items()
    if issubclass(type(value), dict):
        return dict.items(value)  # type: ignore[arg-type]
    return None


_PRINTABLE_KEYS: Final = frozenset({int, float, bool, type(None)})
_ONLY_STR: Final = frozenset({str})
_ONLY_INT: Final = frozenset({int})
ONLY_STR: Final = _ONLY_STR
"""``ONLY_STR.issuperset(map(type, keys))``: every key is exactly a ``str``."""


def key_text(key: object) -> str:
    """A map or structure key for a path, without running any of its methods."""
    text = exact(key, str)
    if text is not None:
        return text
    if type(key) in _PRINTABLE_KEYS:
        return str(key)
    return f"<{type_name(key)}>"
