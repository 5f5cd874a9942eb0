"""The codecs of strings, enums, numbers, booleans and timestamps.

Each reads and checks its values as botocore's validator does; ``accepts`` is
the fast path (no message built) and ``_accepts_many`` asks a list's or map's
entries all at once.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Collection, Sequence
from datetime import UTC, datetime
from typing import Any, ClassVar, Final, Generic, TypeVar

from ._codec_base import (
    _bounds,
    _check_length,
    _check_range,
    _check_required,
    _Plain,
    _Scalar,
)
from ._patterns import Pattern as Pattern  # the codecs' patterns
from ._patterns import compile_pattern
from ._shape import Reader
from ._values import _ONLY_INT, _ONLY_STR, Violation, exact, show, type_name

E = TypeVar("E", bound=str)


def _decimal_as_float(value: object) -> float | None:
    """A ``decimal.Decimal`` as a float (botocore's JSON serializer does the same;
    its query and XML ones write ``str`` of it). ``decimal`` is looked up, not
    imported: a caller who has a ``Decimal`` has imported it."""
    module = sys.modules.get("decimal")
    if module is None or not issubclass(type(value), module.Decimal):
        return None
    try:
        return float(module.Decimal.__float__(value))
    except ValueError:  # a signalling NaN
        return None


class String(_Plain):
    """A string shape: length in code points, pattern, and sensitivity."""

    exact: ClassVar[type | None] = str
    __slots__ = (
        "_high",
        "_low",
        "find",
        "max_length",
        "min_length",
        "pattern",
        "sensitive",
    )

    def __init__(
        self,
        *,
        min_length: int | None = None,
        max_length: int | None = None,
        pattern: Pattern | None = None,
        sensitive: bool = False,
    ) -> None:
        self.min_length = min_length
        self.max_length = max_length
        self.pattern = pattern
        self.sensitive = sensitive
        self.find: Callable[[str], object] = self._compile_and_find
        """The pattern's search, compiled on first use: not ``None`` exactly
        when it matches somewhere in a value (the generated checks call it)."""
        self._low, self._high = _bounds(min_length, max_length)

    def _compile_and_find(self, value: str) -> object:
        pattern = self.pattern
        if pattern is None:
            return True
        # ``re``'s own search where the pattern runs on ``re`` (no Python frame
        # per call); the automaton's otherwise (_patterns documents which).
        find: Callable[[str], object]
        if pattern.linear:
            search = pattern.matcher()
            find = lambda text: True if search(text) else None  # noqa: E731
        else:
            find = compile_pattern(pattern.python).search
        self.find = find
        return find(value)

    def read(
        self, value: object, path: str, reader: Reader, required: bool = False
    ) -> str | None:
        text = exact(value, str)
        if text is None:
            reader.reject(value, path, "str", required)
        return text

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
        text = exact(value, str)
        if text is None:
            errors.append(
                Violation(path, "type", f"expected str, got {type_name(value)}")
            )
            return
        value = text
        if self.min_length is not None or self.max_length is not None:
            _check_length(
                len(value), self.min_length, self.max_length, "characters", path, errors
            )
        # Above its maximum a value is reported for its length alone: the pattern
        # is not run, so an oversized value costs nothing more to reject.
        if len(value) > self._high:
            return
        if self.pattern is not None and not self.pattern.search(value):
            shown = show(value, sensitive or self.sensitive)
            errors.append(
                Violation(
                    path,
                    "pattern",
                    f"{shown} does not match the pattern {self.pattern.ecma!r}",
                )
            )

    def accepts(self, value: object) -> bool:
        if type(value) is not str or not self._low <= len(value) <= self._high:
            return False
        return self.pattern is None or self.find(value) is not None

    def _accepts_many(self, values: Collection[object]) -> bool:
        if not _ONLY_STR.issuperset(map(type, values)):
            return False
        texts: Collection[str] = values  # type: ignore[assignment]  # exactly str
        if self._low and min(map(len, texts)) < self._low:
            return False
        if self._high < sys.maxsize and max(map(len, texts)) > self._high:
            return False
        # A match object is true, and so is the automaton's ``True``.
        return self.pattern is None or all(map(self.find, texts))

    def dump(self, value: str) -> Any:
        return value


class Enum(_Plain, Generic[E]):
    """A string shape with an enum: unknown values read fine but fail ``check``."""

    exact: ClassVar[type | None] = str
    __slots__ = ("sensitive", "values")

    def __init__(self, values: Sequence[str], *, sensitive: bool = False) -> None:
        self.values = frozenset(values)
        self.sensitive = sensitive

    def read(
        self, value: object, path: str, reader: Reader, required: bool = False
    ) -> E | None:
        text = exact(value, str)
        if text is None:
            reader.reject(value, path, "str", required)
        return text  # type: ignore[return-value]  # AWS adds enum values over time

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
        text = exact(value, str)
        if text is None:
            errors.append(
                Violation(path, "type", f"expected str, got {type_name(value)}")
            )
            return
        value = text
        if value not in self.values:
            shown = show(value, sensitive or self.sensitive)
            errors.append(
                Violation(path, "enum", f"{shown} is not one of the model's values")
            )

    def accepts(self, value: object) -> bool:
        return type(value) is str and value in self.values

    def _accepts_many(self, values: Collection[object]) -> bool:
        # Exactly str first: only then is hashing one safe (no caller code).
        return _ONLY_STR.issuperset(map(type, values)) and self.values.issuperset(
            values
        )

    def dump(self, value: E) -> Any:
        return value


class Integer(_Plain):
    """An integer or long shape: exact width (not ``bool``) and range."""

    exact: ClassVar[type | None] = int
    __slots__ = ("maximum", "minimum", "sensitive")

    def __init__(
        self,
        *,
        bits: int,
        minimum: int | None = None,
        maximum: int | None = None,
        sensitive: bool = False,
    ) -> None:
        limit = 1 << (bits - 1)
        self.minimum = -limit if minimum is None else max(minimum, -limit)
        self.maximum = limit - 1 if maximum is None else min(maximum, limit - 1)
        self.sensitive = sensitive

    def read(
        self, value: object, path: str, reader: Reader, required: bool = False
    ) -> int | None:
        number = exact(value, int)
        if number is None:
            reader.reject(value, path, "int", required)
        return number

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
        number = exact(value, int)
        if number is None:
            errors.append(
                Violation(path, "type", f"expected int, got {type_name(value)}")
            )
            return
        _check_range(
            number,
            self.minimum,
            self.maximum,
            path,
            errors,
            sensitive or self.sensitive,
        )

    def accepts(self, value: object) -> bool:
        return type(value) is int and self.minimum <= value <= self.maximum

    def _accepts_many(self, values: Collection[object]) -> bool:
        if not _ONLY_INT.issuperset(map(type, values)):
            return False
        numbers: Collection[int] = values  # type: ignore[assignment]  # exactly int
        return min(numbers) >= self.minimum and max(numbers) <= self.maximum

    def dump(self, value: int) -> Any:
        return value


# How JSON protocols write the floats JSON has no number for.
_NON_FINITE: Final = frozenset({"NaN", "Infinity", "-Infinity"})


class Float(_Plain):
    """A float or double shape: any real number (not ``bool``) within range."""

    exact: ClassVar[type | None] = float
    __slots__ = ("maximum", "minimum", "sensitive")

    def __init__(
        self,
        *,
        minimum: float | None = None,
        maximum: float | None = None,
        sensitive: bool = False,
    ) -> None:
        self.minimum = minimum
        self.maximum = maximum
        self.sensitive = sensitive

    def read(
        self, value: object, path: str, reader: Reader, required: bool = False
    ) -> float | None:
        number = _real(value)
        if number is None:
            number = _decimal_as_float(value)  # botocore's validator takes one
        if number is not None:
            return number
        text = exact(value, str)
        if not reader.strict and text is not None and text in _NON_FINITE:
            return float(text)  # botocore's JSON parser leaves these as text
        reader.reject(value, path, "float", required)
        return None

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
        number = _real(value)
        if number is None:
            errors.append(
                Violation(path, "type", f"expected float, got {type_name(value)}")
            )
            return
        _check_range(
            number,
            self.minimum,
            self.maximum,
            path,
            errors,
            sensitive or self.sensitive,
        )

    def accepts(self, value: object) -> bool:
        if type(value) is not float and type(value) is not int:
            return False
        return (self.minimum is None or value >= self.minimum) and (
            self.maximum is None or value <= self.maximum
        )

    def dump(self, value: float) -> Any:
        return value


def _real(value: object) -> float | None:
    """A float or an int (not a bool), as exactly that type."""
    number = exact(value, float)
    return exact(value, int) if number is None else number


class Boolean(_Scalar[bool]):
    """A boolean shape."""

    __slots__ = ()

    def __init__(self, *, sensitive: bool = False) -> None:
        super().__init__(bool, sensitive=sensitive)


class Timestamp(_Scalar[datetime]):
    """A timestamp shape: a ``datetime``, which botocore formats on the wire
    (in the model's ``timestampFormat``).

    Reading takes what botocore takes in a parameter dict besides a datetime:
    epoch seconds (a number or a numeric string) and ISO 8601 or RFC 822
    strings; they become timezone-aware UTC datetimes.
    """

    __slots__ = ()

    def __init__(self, *, sensitive: bool = False) -> None:
        super().__init__(datetime, sensitive=sensitive)

    def read(
        self, value: object, path: str, reader: Reader, required: bool = False
    ) -> datetime | None:
        if issubclass(type(value), datetime):
            return value  # type: ignore[return-value]  # narrowed by the test
        parsed = parse_timestamp(value)
        if parsed is None:
            reader.reject(value, path, "datetime", required)
        return parsed


def parse_timestamp(value: object) -> datetime | None:
    """A timestamp parameter that is not a datetime, as botocore reads it."""
    text = exact(value, str)
    if text is not None:
        try:
            seconds: float = float(text)
        except ValueError:
            return _parse_date_text(text)
    else:
        number = _real(value)
        if number is None:
            return None
        seconds = number
    try:
        return datetime.fromtimestamp(seconds, UTC)
    except (OverflowError, OSError, ValueError):
        return None


def _parse_date_text(text: str) -> datetime | None:
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        # Imported here: email.utils costs more at import than the rest of
        # this module, and RFC 822 parameters are rare.
        from email.utils import parsedate_to_datetime

        try:
            parsed = parsedate_to_datetime(text)
        except (TypeError, ValueError):
            return None
    if parsed.tzinfo is None:
        return parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC)
