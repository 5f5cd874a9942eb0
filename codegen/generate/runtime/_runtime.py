"""Validation and (de)serialization helpers shared by the generated shapes.

Standard library only, so the package can be vendored with no dependency but
botocore (and botocore only for the client and the errors).

Every shape of the model has one *codec* object that knows its constraints: it
reads a value from a botocore parameter dict (``read``), checks a value against
the model (``check``) and turns a value back into a parameter (``dump``).
Violations are collected, never raised one at a time, so a caller sees every
problem at once. Messages never quote a value that the model marks sensitive.

Size: over the project's ~400-line guideline, on purpose for now. Every
generated module reaches this as ``_rt`` and ``import generated.connect`` loads
it once (``tests/unit/test_layout.py``); splitting the codecs into modules of
their own must keep that one cheap import (a re-exporting ``_runtime``), and is
the next step of the redesign (issue 16's one-pass reading rewrites the same
codecs).
"""

from __future__ import annotations

import dataclasses
import re
import sys
from _thread import _local
from collections.abc import (
    Callable,
    Collection,
    Iterable,
    Iterator,
    Mapping,
    Sequence,
)
from dataclasses import dataclass
from datetime import UTC, datetime
from itertools import repeat
from types import MappingProxyType
from typing import (
    TYPE_CHECKING,
    Any,
    ClassVar,
    Final,
    Generic,
    Literal,
    Protocol,
    Self,
    TypeAlias,
    TypeVar,
    runtime_checkable,
)

from ._patterns import Pattern as Pattern  # the codecs' patterns
from ._patterns import compile_pattern

__all__ = [
    "Document",
    "EventStream",
    "Readable",
    "ResponseValidationError",
    "ValidationError",
    "Violation",
]

Document: TypeAlias = (
    bool | int | float | str | list["Document"] | dict[str, "Document"] | None
)
"""A document shape's value: any JSON value, as ``json.loads`` returns it."""


@runtime_checkable
class Readable(Protocol):
    """A streaming blob besides ``bytes``: an open binary file, botocore's
    ``StreamingBody``, anything with ``read``."""

    def read(self, size: int = -1, /) -> bytes: ...


Rule = Literal[
    "required", "type", "unknown", "length", "pattern", "enum", "range", "union"
]

T = TypeVar("T")
K = TypeVar("K")
V = TypeVar("V")
S = TypeVar("S", bound="Shape[Any]")
D = TypeVar("D", bound=Mapping[str, Any])
E = TypeVar("E", bound=str)


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


class Reader:
    """What ``from_dict`` carries down the tree: the violations and the strictness.

    Strict reading (the default for request shapes) rejects unknown keys and
    explicit ``None`` values, as botocore does; lenient reading (responses and
    errors) ignores unknown keys, since AWS adds members over time.
    """

    __slots__ = ("depth", "errors", "strict")

    def __init__(self, strict: bool) -> None:
        self.errors: list[Violation] = []
        self.strict = strict
        self.depth = 0

    def reject(self, value: object, path: str, expected: str, required: bool) -> None:
        """Record why ``value`` cannot be read (nothing when it is merely absent)."""
        if value is ABSENT or (value is None and not self.strict):
            if required:
                self.errors.append(
                    Violation(path, "required", "required member is missing")
                )
            return
        self.errors.append(
            Violation(path, "type", f"expected {expected}, got {type_name(value)}")
        )
        return None

    def structure(
        self, value: object, path: str, known: frozenset[str], required: bool
    ) -> Mapping[str, object] | None:
        """The mapping of a structure, after the unknown-key check when strict.

        A ``dict`` as botocore's validator takes it; a subclass, or keys that
        are not exactly ``str``, are copied first, so no caller code runs.
        """
        if type(value) is not dict or not _ONLY_STR.issuperset(map(type, value)):
            items = plain_items(value)
            if items is None:
                self.reject(value, path, "a dict", required)
                return None
            value = {key_text(key): item for key, item in items}
        if self.strict and not known.issuperset(value):
            for key in value:
                if key not in known:
                    self.errors.append(
                        Violation(join(path, key), "unknown", "unknown member")
                    )
        return value

    def unknown_member(
        self, mapping: Mapping[str, object], known: frozenset[str]
    ) -> str | None:
        """The name of a union member this SDK does not know, read leniently.

        botocore's parsers report one as ``{"SDK_UNKNOWN_MEMBER": {"name": n}}``;
        a raw dict simply has the unknown key. Strict reading has already
        reported it as unknown.
        """
        if self.strict or known.issuperset(mapping):
            return None
        items = plain_items(mapping.get(UNKNOWN_MEMBER))
        name = None if items is None else dict(items).get("name")
        if type(name) is str:
            return name
        for key, value in mapping.items():
            if key not in known and value is not None:
                return key_text(key)
        return None


UNKNOWN_MEMBER: Final = "SDK_UNKNOWN_MEMBER"

# Recursive shapes (SegmentAttributeValue) could nest as deep as a document
# likes; from_dict stops at this depth so that what it returns can always be
# validated, printed and written without exhausting Python's stack.
MAX_DEPTH: Final = 100
_TOO_DEEP = Violation("", "type", "nested too deeply to check")
_DEEPER: Final = f"nested deeper than {MAX_DEPTH} structures"


class _Nesting(_local):
    """How many structures deep ``validate()`` and ``repr()`` are, per thread
    (codecs are shared between threads, so the count cannot live on them)."""

    depth = 0
    printing = 0


_NESTING: Final = _Nesting()


class Shape(Generic[D]):
    """Base of every generated structure: ``from_dict`` and ``validate``.

    ``D`` is the structure's parameter dict as a ``TypedDict`` (``type_defs``).
    """

    __slots__ = ()

    if not TYPE_CHECKING:
        # ``Shape["XTypeDef"]`` in a generated class's bases is for type
        # checkers; at run time it is ``Shape`` itself, so no typing alias and
        # ForwardRef is built per class (about 80 us each, on import).
        def __class_getitem__(cls, item):
            return cls

    _strict_by_default: ClassVar[bool] = True
    _wire_names: ClassVar[frozenset[str]] = frozenset()

    @classmethod
    def _from_wire(
        cls, data: object, path: str, reader: Reader, required: bool = False
    ) -> Self | None:
        raise NotImplementedError

    def _is_valid(self) -> bool:
        raise NotImplementedError

    def _check(self, path: str, errors: list[Violation], sensitive: bool) -> None:
        raise NotImplementedError

    def to_dict(self) -> D:
        """The botocore parameter dict: wire names, only the members that are set."""
        raise NotImplementedError

    @classmethod
    def _read_checked(
        cls, data: object, depth: int = 0, strict: bool = True
    ) -> Self | None:
        """``from_dict(data, strict=strict, validate=True)`` in one walk, for the
        common case: the instance, or ``None`` when anything is off (then the two
        passes say what).

        Generated per structure; ``depth`` counts the recursive structures above
        ``data``, as ``Reader.depth`` does; not ``strict``, an unknown key or an
        explicit ``None`` is ignored, as lenient reading does (a union still
        leaves them to the two passes). This default answers "off" always.
        """
        return None

    @classmethod
    def _dict_ok(cls, data: object, depth: int = 0, strict: bool = True) -> bool:
        """``_read_checked``'s twin that builds nothing: true only when
        ``from_dict(data, validate=True)`` succeeds (generated per structure)."""
        return False

    @classmethod
    def from_dict(
        cls,
        data: D | Mapping[str, Any],
        *,
        strict: bool | None = None,
        validate: bool = False,
    ) -> Self:
        """Build from a botocore parameter dict, the inverse of ``to_dict``.

        ``strict`` defaults to true for request shapes (unknown keys, wrong
        types and missing required members are errors) and to false for
        response and error shapes (unknown keys are ignored). Constraints
        such as lengths and patterns are checked too with ``validate=True``
        (the same violations, in the same order, as ``validate()`` after
        ``from_dict``), else they are ``validate()``'s job, and unknown enum
        values are accepted. Raises ``ValidationError``.

        ``data`` is typed as the structure's ``TypedDict`` or any mapping: it
        is checked here, at run time, so JSON, a types-boto3 dict and a
        response all go in as they are.
        """
        # One walk that reads and checks, whether or not checks are asked for:
        # what passes every check reads the same either way. A subclass (whose
        # __init__ may do more) and anything the walk does not take (a broken
        # constraint included) go the exact way.
        if "_read_checked" in cls.__dict__:
            strictly = cls._strict_by_default if strict is None else strict
            try:
                checked = cls._read_checked(data, 0, strictly)
            except RecursionError:
                checked = None
            if checked is not None:
                return checked
        return cls._read_then_check(data, strict, validate)

    @classmethod
    def _read_then_check(
        cls, data: object, strict: bool | None, validate: bool
    ) -> Self:
        """The exact path: ``Reader`` and ``_from_wire``, then ``validate()``;
        every violation, with its path and message, comes from here."""
        reader = Reader(cls._strict_by_default if strict is None else strict)
        try:
            result = cls._from_wire(data, "", reader, required=True)
        except RecursionError:
            raise ValidationError([_TOO_DEEP]) from None
        if reader.errors or result is None:
            raise ValidationError(reader.errors)
        if validate:
            result.validate()
        return result

    @classmethod
    def validate_dict(cls, data: D | Mapping[str, Any]) -> None:
        """Check a botocore parameter dict against every constraint of the model
        without keeping any object: what ``from_dict(data, validate=True)``
        raises, or nothing. This is what ``enable_validation`` runs."""
        if "_dict_ok" in cls.__dict__:
            try:
                if cls._dict_ok(data, 0, cls._strict_by_default):
                    return
            except RecursionError:
                pass
        cls._read_then_check(data, None, True)

    @classmethod
    def _from_response(cls, response: Mapping[str, Any], operation: str) -> Self:
        """Read botocore's parsed response of ``operation`` (leniently); one that
        does not fit the model raises ``ResponseValidationError``."""
        try:
            return cls.from_dict(response, strict=False)
        except ValidationError as invalid:
            raise ResponseValidationError(operation, invalid.errors, response) from None

    def validate(self) -> None:
        """Check every model constraint; raise ``ValidationError`` if any fails."""
        errors: list[Violation] = []
        try:
            if self._is_valid():  # the common case: no paths or messages to build
                return
            self._check("", errors, False)
        except RecursionError:
            raise ValidationError([_TOO_DEEP]) from None
        if errors:
            raise ValidationError(errors)

    def __repr__(self) -> str:
        """The members that are set; sensitive ones show as ``<sensitive>``.

        Every subclass is a dataclass; its sensitive fields carry ``SENSITIVE``
        as their metadata.
        """
        fields = dataclasses.fields(self)  # type: ignore[arg-type]
        return describe(self, ((item.name, is_sensitive(item)) for item in fields))

    def _params(self) -> D:
        """``to_dict()`` for the client: a value nested too deep for Python's
        stack (possible with ``validate=False``) is a ``ValidationError``."""
        try:
            return self.to_dict()
        except RecursionError:
            raise ValidationError([_TOO_DEEP]) from None


SENSITIVE: Final[Mapping[str, bool]] = MappingProxyType({"sensitive": True})
"""The metadata of a field the model marks sensitive:
``secret: str = field(metadata=SENSITIVE)``; its value never shows in a repr."""


if TYPE_CHECKING:

    def new_instance(cls: type[T]) -> T:
        """An instance whose fields ``slot_setters`` then set: no ``__init__``."""

else:
    # ``object.__new__`` found once: looking it up on ``object`` per instance
    # costs a fifth of the call.
    new_instance = object.__new__


def slot_setters(cls: type[Shape[Any]]) -> tuple[Callable[[Any, Any], None], ...]:
    """The ``__set__`` of each field's slot, in field order.

    ``_read_checked`` builds an instance of values it has checked with these
    (after ``object.__new__``): a frozen dataclass's ``__init__`` pays for a
    keyword call and an ``object.__setattr__`` per field, about twice as much.
    """
    fields = dataclasses.fields(cls)  # type: ignore[arg-type]
    return tuple(cls.__dict__[item.name].__set__ for item in fields)


def is_sensitive(item: dataclasses.Field[Any]) -> bool:
    """Whether a generated class's field holds a value the model marks sensitive."""
    return bool(item.metadata.get("sensitive"))


def describe(value: object, members: Iterable[tuple[str, bool]]) -> str:
    """``Name(a=1, secret=<sensitive>)``, leaving out members that are ``None``.

    It never raises: below ``MAX_DEPTH`` structures it prints ``Name(...)``, and
    a member whose own ``repr`` fails (a hostile object) prints as its type.
    """
    if _NESTING.printing >= MAX_DEPTH:
        return f"{type(value).__name__}(...)"
    shown = []
    _NESTING.printing += 1
    try:
        for name, hidden in members:
            member = getattr(value, name)
            if member is not None:
                shown.append(
                    f"{name}=<sensitive>" if hidden else f"{name}={_repr(member)}"
                )
    finally:
        _NESTING.printing -= 1
    return f"{type(value).__name__}({', '.join(shown)})"


def _repr(value: object) -> str:
    try:
        return repr(value)
    except Exception:  # a caller's object: repr must not raise
        return f"<{type_name(value)}>"


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


class OnePass(Generic[T]):
    """How a list or map reads and checks its entries in one pass (a plain
    class: a ``NamedTuple`` costs the package's import 0.2 ms)."""

    __slots__ = ("ok", "read")

    def __init__(
        self,
        read: Callable[[object, int, bool], T | None],
        ok: Callable[[object, int, bool], bool],
    ) -> None:
        self.read = read
        self.ok = ok


def one_pass(codec: Codec[T]) -> OnePass[T]:
    """A codec's one-pass functions; for a structure that cannot contain itself,
    its class's own (one call less per entry; it keeps no depth count)."""
    if isinstance(codec, Structure) and not codec.recursive:
        return OnePass(codec.cls._read_checked, codec.cls._dict_ok)
    return OnePass(codec.read_checked, codec.dict_ok)


class List(Generic[T]):
    """A list shape: entries counted for length, each entry checked."""

    exact: ClassVar[type | None] = None
    __slots__ = (
        "_entry",
        "_high",
        "_low",
        "_plain",
        "item",
        "max_length",
        "min_length",
        "sensitive",
    )

    def __init__(
        self,
        item: Codec[T],
        *,
        min_length: int | None = None,
        max_length: int | None = None,
        sensitive: bool = False,
    ) -> None:
        self.item = item
        self.min_length = min_length
        self.max_length = max_length
        self.sensitive = sensitive
        self._low, self._high = _bounds(min_length, max_length)
        # Entries that read as themselves: checked all at once.
        self._plain = item if isinstance(item, _Plain) else None
        self._entry: OnePass[T] | None = None

    def read(
        self, value: object, path: str, reader: Reader, required: bool = False
    ) -> list[T] | None:
        entries = value if type(value) is list else plain_list(value)
        if entries is None:
            reader.reject(value, path, "list", required)
            return None
        value = entries
        kind = self.item.exact
        if kind is not None and all(type(entry) is kind for entry in value):
            return list(value)
        read_item = self.item.read
        result: list[T] = []
        for index, entry in enumerate(value):
            if entry is None and not reader.strict:
                continue  # a null entry in a response: nothing to keep
            item = read_item(entry, f"{path}[{index}]", reader, required=True)
            if item is not None:
                result.append(item)
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
        entries = plain_list(value, tuples=False)
        if entries is None:
            errors.append(
                Violation(path, "type", f"expected list, got {type_name(value)}")
            )
            return
        value = entries
        _check_length(
            len(value), self.min_length, self.max_length, "entries", path, errors
        )
        sensitive = sensitive or self.sensitive
        check_item = self.item.check
        for index, entry in enumerate(value):
            check_item(entry, f"{path}[{index}]", errors, sensitive, required=True)

    def accepts(self, value: object) -> bool:
        if type(value) is not list or not self._low <= len(value) <= self._high:
            return False
        if self._plain is not None:
            return self._plain.accepts_all(value)
        return all(map(self.item.accepts, value))

    def read_checked(
        self, value: object, depth: int = 0, strict: bool = True
    ) -> list[T] | None:
        if type(value) is not list or not self._low <= len(value) <= self._high:
            return None
        if self._plain is not None:  # entries read as themselves
            return list(value) if self._plain.accepts_all(value) else None
        read = (self._entry or self._one_pass()).read
        result: list[T] = []
        for entry in value:
            item = read(entry, depth, strict)
            if item is None:
                return None
            result.append(item)
        return result

    def dict_ok(self, value: object, depth: int = 0, strict: bool = True) -> bool:
        if type(value) is not list or not self._low <= len(value) <= self._high:
            return False
        if self._plain is not None:
            return self._plain.accepts_all(value)
        ok = (self._entry or self._one_pass()).ok
        return all(map(ok, value, repeat(depth), repeat(strict)))

    def _one_pass(self) -> OnePass[T]:
        self._entry = one_pass(self.item)
        return self._entry

    def dump(self, value: list[T]) -> Any:
        dump_item = self.item.dump
        return [dump_item(entry) for entry in value]


class Map(Generic[K, V]):
    """A map shape: entries counted for length, keys and values checked.

    As in botocore, a value's path is the map's path, a dot and the key
    (``Attributes.mykey``) and a key's own path is ``Attributes (key: mykey)``;
    in a sensitive map the key shows as ``*``.
    """

    exact: ClassVar[type | None] = None
    __slots__ = (
        "_entry",
        "_high",
        "_keys",
        "_low",
        "_plain",
        "key",
        "max_length",
        "min_length",
        "sensitive",
        "value",
    )

    def __init__(
        self,
        key: Codec[K],
        value: Codec[V],
        *,
        min_length: int | None = None,
        max_length: int | None = None,
        sensitive: bool = False,
    ) -> None:
        self.key = key
        self.value = value
        self.min_length = min_length
        self.max_length = max_length
        self.sensitive = sensitive
        self._low, self._high = _bounds(min_length, max_length)
        # Keys (strings, in every AWS model; the one-pass reading takes no
        # other) and values that read as themselves: checked all at once.
        self._keys = key if isinstance(key, _Plain) else None
        self._plain = value if isinstance(value, _Plain) else None
        self._entry: OnePass[V] | None = None

    @staticmethod
    def _paths(path: str, key: object, sensitive: bool) -> tuple[str, str]:
        """The paths of an entry's key and of its value."""
        shown = "*" if sensitive else key_text(key)
        return f"{path} (key: {shown})", join(path, shown)

    def read(
        self, value: object, path: str, reader: Reader, required: bool = False
    ) -> dict[K, V] | None:
        items = value.items() if type(value) is dict else plain_items(value)
        if items is None:
            reader.reject(value, path, "a dict", required)
            return None
        key_type, value_type = self.key.exact, self.value.exact
        result: dict[K, V] = {}
        for raw_key, raw_value in items:
            # Values of the exact scalar type are taken as they are; only the
            # rest pay for paths, which matter when something is wrong.
            key, item = raw_key, raw_value
            if type(raw_key) is not key_type or type(raw_value) is not value_type:
                key_path, value_path = self._paths(path, raw_key, self.sensitive)
                if type(raw_key) is not key_type:
                    key = self.key.read(raw_key, key_path, reader, required=True)
                if type(raw_value) is not value_type:
                    item = self.value.read(raw_value, value_path, reader, required=True)
            if key is not None and item is not None:
                result[key] = item
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
        items = plain_items(value)
        if items is None:
            errors.append(
                Violation(path, "type", f"expected dict, got {type_name(value)}")
            )
            return
        entries = list(items)
        _check_length(
            len(entries), self.min_length, self.max_length, "entries", path, errors
        )
        sensitive = sensitive or self.sensitive
        check_key = self.key.check
        check_value = self.value.check
        for key, item in entries:
            key_path, value_path = self._paths(path, key, sensitive)
            check_key(key, key_path, errors, sensitive, required=True)
            check_value(item, value_path, errors, sensitive, required=True)

    def accepts(self, value: object) -> bool:
        if type(value) is not dict or not self._low <= len(value) <= self._high:
            return False
        if self._keys is None:
            if not all(map(self.key.accepts, value)):
                return False
        elif not self._keys.accepts_all(value):
            return False
        if self._plain is not None:
            return self._plain.accepts_all(value.values())
        return all(map(self.value.accepts, value.values()))

    def read_checked(
        self, value: object, depth: int = 0, strict: bool = True
    ) -> dict[K, V] | None:
        # The keys are asked first: a key of exactly str runs no caller code.
        if type(value) is not dict or not self._low <= len(value) <= self._high:
            return None
        if self._keys is None or not self._keys.accepts_all(value):
            return None
        if self._plain is not None:  # values read as themselves
            return dict(value) if self._plain.accepts_all(value.values()) else None
        read = (self._entry or self._one_pass()).read
        result: dict[K, V] = {}
        for key, entry in value.items():
            item = read(entry, depth, strict)
            if item is None:
                return None
            result[key] = item
        return result

    def dict_ok(self, value: object, depth: int = 0, strict: bool = True) -> bool:
        if type(value) is not dict or not self._low <= len(value) <= self._high:
            return False
        if self._keys is None or not self._keys.accepts_all(value):
            return False
        if self._plain is not None:
            return self._plain.accepts_all(value.values())
        ok = (self._entry or self._one_pass()).ok
        return all(map(ok, value.values(), repeat(depth), repeat(strict)))

    def _one_pass(self) -> OnePass[V]:
        self._entry = one_pass(self.value)
        return self._entry

    def dump(self, value: dict[K, V]) -> Any:
        dump_key = self.key.dump
        dump_value = self.value.dump
        return {dump_key(key): dump_value(item) for key, item in value.items()}


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
