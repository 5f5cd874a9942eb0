"""``Shape``, the base of every generated structure, and ``Reader``, what its
``from_dict`` carries down the tree.

Also how a structure prints (``describe``: sensitive members hidden, never
raising) and is built without ``__init__`` (``draft_class``), and the depth
limit (``MAX_DEPTH``) that every recursive walk shares. Above ``_values``;
no codec is needed here (the codecs sit above, in ``_codec_base`` on).
"""

from __future__ import annotations

import dataclasses
from _thread import _local
from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, ClassVar, Final, Generic, Self, TypeVar

from ._values import (
    _ONLY_STR,
    ABSENT,
    ResponseValidationError,
    ValidationError,
    Violation,
    join,
    key_text,
    plain_items,
    type_name,
)

T = TypeVar("T")
D = TypeVar("D", bound=Mapping[str, Any])


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


def draft_class(cls: type[Shape[Any]]) -> type[Any]:
    """A mutable twin of the generated class ``cls``: the same slots on the
    same base, so an instance whose fields ``_read_checked`` has set by plain
    attribute assignment becomes an instance of ``cls`` when its ``__class__``
    is assigned. No ``__init__`` or frozen ``__setattr__`` runs: that costs
    about a third of calling a slot's setter per field."""
    return type(
        f"{cls.__name__}Draft",
        (Shape,),
        {"__slots__": cls.__slots__, "__module__": cls.__module__},
    )


def rebuilt(draft: Any, cls: type[T]) -> T:
    """``draft``'s fields on a new instance of ``cls``: for a subclass of a
    generated class whose layout differs (it adds a ``__dict__`` or slots),
    which a draft's ``__class__`` cannot become."""
    instance = object.__new__(cls)
    for name in type(draft).__slots__:
        object.__setattr__(instance, name, getattr(draft, name))
    return instance


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
