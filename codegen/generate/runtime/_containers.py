"""The codecs of lists and maps, and how they read their entries in one pass.

A list's or map's entries of a scalar that reads as itself are checked all at
once (``_Plain.accepts_all``); any other entry through its codec's
``OnePass`` functions, found on first use.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import repeat
from typing import Any, ClassVar, Generic, TypeVar

from ._codec_base import Codec, _bounds, _check_length, _check_required, _Plain
from ._shape import Reader
from ._structures import Structure
from ._values import Violation, join, key_text, plain_items, plain_list, type_name

T = TypeVar("T")
K = TypeVar("K")
V = TypeVar("V")


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
