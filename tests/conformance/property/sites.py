"""Where things are in a parameter dict, by botocore's model and path format.

``sites(params, root)`` lists every value of a parameter dict (structure members,
list entries, map values and map keys) with its model shape, its botocore-style
path (``A.B``, ``A[0]``, ``A.key``, ``A (key: key)``) and whether the model makes
it sensitive (its own ``sensitive`` trait, or one of a container above it).  The
path format is botocore's validator's, written out here, not the runtime's.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import botocore.model

from .strategies import CLOSURE, field_name, is_sensitive

Step = tuple[
    str, Any
]  # ("member", name) | ("index", i) | ("value", key) | ("key", key)


def join(path: str, member: str) -> str:
    """botocore: ``f"{name}.{param}"`` with the leading ``.`` of the root dropped."""
    return f"{path}.{member}" if path else member


def key_path(path: str, key: object) -> str:
    """botocore: ``f"{name} (key: {key})"``."""
    return f"{path} (key: {key})"


@dataclass(frozen=True)
class Site:
    """One value of a parameter dict and what the model says about it."""

    path: str
    shape: botocore.model.Shape = field(repr=False)
    steps: tuple[Step, ...] = field(repr=False)
    value: Any = field(repr=False)
    sensitive: bool = field(repr=False)
    is_key: bool = field(default=False, repr=False)
    required: bool = field(default=False, repr=False)
    map_path: str = field(default="", repr=False)
    """For a map key: the path of its map."""


def sites(params: Any, root: str) -> list[Site]:
    """Every value under ``params`` (the root structure included)."""
    return list(_walk(params, CLOSURE[root], "", (), False, False, True))


def _walk(
    value: Any,
    shape: botocore.model.Shape,
    path: str,
    steps: tuple[Step, ...],
    sensitive: bool,
    is_key: bool,
    required: bool,
    map_path: str = "",
) -> Iterator[Site]:
    sensitive = sensitive or is_sensitive(shape)
    yield Site(path, shape, steps, value, sensitive, is_key, required, map_path)
    if isinstance(shape, botocore.model.StructureShape) and isinstance(value, dict):
        for member, target in shape.members.items():
            if member in value:
                yield from _walk(
                    value[member],
                    target,
                    join(path, member),
                    (*steps, ("member", member)),
                    sensitive,
                    False,
                    member in shape.required_members,
                )
    elif isinstance(shape, botocore.model.ListShape) and isinstance(value, list):
        for index, item in enumerate(value):
            yield from _walk(
                item,
                shape.member,
                f"{path}[{index}]",
                (*steps, ("index", index)),
                sensitive,
                False,
                True,
            )
    elif isinstance(shape, botocore.model.MapShape) and isinstance(value, dict):
        for key, item in value.items():
            yield from _walk(
                key,
                shape.key,
                key_path(path, key),
                (*steps, ("key", key)),
                sensitive,
                True,
                True,
                path,
            )
            yield from _walk(
                item,
                shape.value,
                join(path, key),
                (*steps, ("value", key)),
                sensitive,
                False,
                True,
            )


# --- changing one value of a parameter dict (copy on write) ---------------------------


def replaced(data: Any, steps: tuple[Step, ...], new: Any) -> Any:
    """``data`` with the value at ``steps`` replaced (a map key is renamed)."""
    if not steps:
        return new
    (kind, where), rest = steps[0], steps[1:]
    if kind == "index":
        items = list(data)
        items[where] = replaced(items[where], rest, new)
        return items
    if kind == "key":
        assert not rest
        return {(new if key == where else key): item for key, item in data.items()}
    mapping = dict(data)
    mapping[where] = replaced(mapping[where], rest, new)
    return mapping


def removed(data: Any, steps: tuple[Step, ...], member: str) -> Any:
    """``data`` without ``member`` in the structure at ``steps``."""
    if not steps:
        return {key: item for key, item in data.items() if key != member}
    (kind, where), rest = steps[0], steps[1:]
    if kind == "index":
        items = list(data)
        items[where] = removed(items[where], rest, member)
        return items
    mapping = dict(data)
    mapping[where] = removed(mapping[where], rest, member)
    return mapping


def added(data: Any, steps: tuple[Step, ...], key: str, new: Any) -> Any:
    """``data`` with ``key: new`` added to the structure at ``steps``."""
    if not steps:
        return {**data, key: new}
    (kind, where), rest = steps[0], steps[1:]
    if kind == "index":
        items = list(data)
        items[where] = added(items[where], rest, key, new)
        return items
    mapping = dict(data)
    mapping[where] = added(mapping[where], rest, key, new)
    return mapping


# --- the same on generated objects ------------------------------------------------


def replaced_in_object(obj: Any, steps: tuple[Step, ...], new: Any) -> Any:
    """A copy of a generated object with the value at ``steps`` replaced.

    ``replaced``'s walk on purpose, not shared: objects are rebuilt through their
    classes, parameter dicts are copied.

    Frozen dataclasses are rebuilt with ``dataclasses.replace``; the modeled
    errors (``ClientError`` subclasses) with their constructor.
    """
    if not steps:
        return new
    (kind, where), rest = steps[0], steps[1:]
    if kind == "index":
        items = list(obj)
        items[where] = replaced_in_object(items[where], rest, new)
        return items
    if kind == "value":
        mapping = dict(obj)
        mapping[where] = replaced_in_object(mapping[where], rest, new)
        return mapping
    assert kind == "member"
    name = field_name(where)
    value = replaced_in_object(getattr(obj, name), rest, new)
    if dataclasses.is_dataclass(obj):
        return dataclasses.replace(obj, **{name: value})  # type: ignore[type-var]
    shape = CLOSURE[type(obj).__name__]
    assert isinstance(shape, botocore.model.StructureShape)
    fields = {field_name(m): getattr(obj, field_name(m)) for m in shape.members}
    return type(obj)(**{**fields, name: value})
