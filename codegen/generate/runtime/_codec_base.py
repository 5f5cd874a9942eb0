"""The codec protocol and what the scalar codecs build on.

Every shape of the model has one *codec* object that knows its constraints: it
reads a value from a botocore parameter dict (``read``), checks a value against
the model (``check``) and turns a value back into a parameter (``dump``).
Violations are collected, never raised one at a time, so a caller sees every
problem at once. Messages never quote a value that the model marks sensitive.
"""

from __future__ import annotations

import sys
from collections.abc import Collection
from typing import Any, Final, Generic, Protocol, TypeVar

from ._shape import Reader
from ._values import Violation, show, type_name

T = TypeVar("T")


class Codec(Protocol[T]):
    """Reads, checks and dumps the values of one model shape."""

    @property
    def exact(self) -> type | None:
        """A scalar's Python type: a value of exactly this type reads as itself."""
        ...

    def read(
        self, value: object, path: str, reader: Reader, required: bool = False
    ) -> T | None: ...

    def check(
        self,
        value: object,
        path: str,
        errors: list[Violation],
        sensitive: bool,
        required: bool = False,
    ) -> None: ...

    def accepts(self, value: object) -> bool:
        """True when ``check`` would find nothing wrong (a fast path, no messages)."""
        ...

    def read_checked(
        self, value: object, depth: int = 0, strict: bool = True
    ) -> T | None:
        """What ``read`` gives for ``value`` when it reads without a violation and
        the result ``accepts``; ``None`` when anything is off (``None`` itself
        included), so the caller takes the exact two-pass path."""
        ...

    def dict_ok(self, value: object, depth: int = 0, strict: bool = True) -> bool:
        """``read_checked(value, depth) is not None``, building nothing."""
        ...

    def dump(self, value: T) -> Any: ...


class _Plain:
    """A codec whose values read as themselves once ``accepts`` takes them
    (every scalar but documents): the one-pass reading only asks ``accepts``."""

    __slots__ = ()

    def accepts(self, value: object) -> bool:
        raise NotImplementedError

    def read_checked(self, value: object, depth: int = 0, strict: bool = True) -> Any:
        return value if self.accepts(value) else None

    def dict_ok(self, value: object, depth: int = 0, strict: bool = True) -> bool:
        return self.accepts(value)

    def accepts_all(self, values: Collection[object]) -> bool:
        """``all(map(self.accepts, values))``: the entries of a list or map;
        from ``_MANY`` entries on, a codec may ask all at once (in C)."""
        if len(values) < _MANY:
            return all(map(self.accepts, values))
        return self._accepts_many(values)

    def _accepts_many(self, values: Collection[object]) -> bool:
        return all(map(self.accepts, values))


# Below this many entries, one ``accepts`` call per entry is faster than the few
# passes in C of ``_accepts_many`` (measured: 2 keys 240 ns against 560 ns, 5
# keys 400 against 670).
_MANY: Final = 8


def _bounds(minimum: int | None, maximum: int | None) -> tuple[int, int]:
    """Length bounds as plain ints, so ``accepts`` compares without ``None`` tests."""
    return (
        0 if minimum is None else minimum,
        sys.maxsize if maximum is None else maximum,
    )


def _check_required(
    value: object, path: str, errors: list[Violation], required: bool
) -> bool:
    """True when there is a value to check further; records a missing one."""
    if value is None:
        if required:
            errors.append(Violation(path, "required", "required member is missing"))
        return False
    return True


def _check_length(
    size: int,
    minimum: int | None,
    maximum: int | None,
    unit: str,
    path: str,
    errors: list[Violation],
) -> None:
    if minimum is not None and size < minimum:
        errors.append(
            Violation(
                path, "length", f"length {size} is below the minimum {minimum} {unit}"
            )
        )
    if maximum is not None and size > maximum:
        errors.append(
            Violation(
                path, "length", f"length {size} is above the maximum {maximum} {unit}"
            )
        )


def _check_range(
    value: float,
    minimum: float | None,
    maximum: float | None,
    path: str,
    errors: list[Violation],
    sensitive: bool,
) -> None:
    if minimum is not None and value < minimum:
        errors.append(
            Violation(
                path,
                "range",
                f"{show(value, sensitive)} is below the minimum {minimum}",
            )
        )
    if maximum is not None and value > maximum:
        errors.append(
            Violation(
                path,
                "range",
                f"{show(value, sensitive)} is above the maximum {maximum}",
            )
        )


class _TypeChecked:
    """A codec whose only constraint is the type of its values: ``check``
    asks ``accepts`` and names what was ``expected``."""

    __slots__ = ()

    def expected(self) -> str:
        raise NotImplementedError

    def accepts(self, value: object) -> bool:
        raise NotImplementedError

    def check(
        self,
        value: object,
        path: str,
        errors: list[Violation],
        sensitive: bool,
        required: bool = False,
    ) -> None:
        if _check_required(value, path, errors, required) and not self.accepts(value):
            message = f"expected {self.expected()}, got {type_name(value)}"
            errors.append(Violation(path, "type", message))


class _Scalar(_TypeChecked, _Plain, Generic[T]):
    """A shape with no constraint beyond its Python type (boolean, timestamp)."""

    __slots__ = ("exact", "kind", "sensitive")

    def __init__(self, kind: type[T], *, sensitive: bool = False) -> None:
        self.kind = kind
        self.exact: type | None = kind
        self.sensitive = sensitive

    def read(
        self, value: object, path: str, reader: Reader, required: bool = False
    ) -> T | None:
        if self.accepts(value):
            return value  # type: ignore[return-value]  # narrowed by accepts
        reader.reject(value, path, self.expected(), required)
        return None

    def expected(self) -> str:
        return self.kind.__name__

    def accepts(self, value: object) -> bool:
        return issubclass(type(value), self.kind)

    def dump(self, value: T) -> Any:
        return value
