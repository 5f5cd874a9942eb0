"""A request the installed botocore cannot send refused before any I/O.

The package may be newer than the botocore it runs on (a vendored copy next to
an older pin). botocore serializes only what its own model knows: a member added
to the service later is silently dropped or crashes its serializer, and the typed
client switches botocore's own parameter validation off (this package validates
instead). So each call first walks the request's parameter dict alongside the
installed botocore's input shape: linear in the request, over plain nodes made
from botocore's shapes once per client and operation.

When the package's own tables (``_operations.MEMBERS``) show that botocore's
model has every member any request of an operation can set, as it has when
botocore is the release the package was generated from or a later one, the
per-call walk is skipped for that operation: no request built from the
package's classes can then carry a member botocore lacks.

Standard library only: the clients hand in botocore's ``client.meta``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Final

from ._runtime import ValidationError, Violation, join, key_text

__all__ = ["BotocoreModelError", "ModelCheck"]


class BotocoreModelError(ValidationError):
    """A request uses an operation or member the installed botocore's model lacks.

    Raised before anything is sent; upgrade botocore or leave the member unset.
    A ``ValidationError``, so ``except ValidationError`` catches it too.
    """

    botocore_version: str

    def __init__(self, errors: Iterable[Violation], botocore_version: str) -> None:
        self.botocore_version = botocore_version
        super().__init__(errors)

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        return (type(self), (self.errors, self.botocore_version))


def _message(version: str) -> str:
    return f"not in the model of the installed botocore {version}; upgrade botocore"


# A container shape of botocore's model, reduced to what the walk needs: its
# kind, its children (by member name for a structure; ``None`` for a child that
# holds no members: a scalar or a document) and whether it is sensitive.
_Node = tuple[str, Any, bool]


class _Tree:
    """botocore's shapes as plain nodes keyed by shape name, built on first use
    (a recursive shape refers to its own name)."""

    def __init__(self) -> None:
        self.nodes: dict[str, _Node] = {}

    def add(self, shape: Any) -> str | None:
        """The key of ``shape``'s node, or ``None`` when it holds no members.

        The new nodes are built aside and published together, so a walk in
        another thread (a client shared between threads) never meets a node
        whose children are still being built."""
        building: dict[str, _Node] = {}
        key = self._add(shape, building)
        self.nodes.update(building)
        return key

    def _add(self, shape: Any, building: dict[str, _Node]) -> str | None:
        kind = shape.type_name
        if kind not in ("structure", "list", "map"):
            return None
        if kind == "structure" and shape.is_document_type:
            return None  # a document holds any JSON value: nothing to look up
        name: str = shape.name
        if name in self.nodes or name in building:
            return name
        sensitive = _sensitive(shape)
        if kind == "map":  # a key is shown only when nothing about it is secret
            sensitive = sensitive or _sensitive(shape.key) or _sensitive(shape.value)
        building[name] = (kind, None, sensitive)  # while its children are built
        if kind == "structure":
            members = {
                key: self._add(value, building) for key, value in shape.members.items()
            }
            building[name] = (kind, members, sensitive)
        else:
            child = self._add(shape.member if kind == "list" else shape.value, building)
            building[name] = (kind, child, sensitive)
        return name

    def unknown(self, root: str | None, params: Mapping[str, Any]) -> list[str]:
        """The paths of members in ``params`` that the tree from ``root`` lacks.

        Iterative (a deep value cannot exhaust Python's stack); a map key under
        a sensitive shape shows as ``*``.
        """
        if root is None:
            return [key_text(name) for name in params]
        if self.carries(root, params):
            return []
        found: list[str] = []
        nodes = self.nodes
        stack: list[tuple[str, object, str, bool]] = [(root, params, "", False)]
        while stack:
            key, value, path, sensitive = stack.pop()
            kind, children, own = nodes[key]
            sensitive = sensitive or own
            if kind == "structure" and isinstance(value, dict):
                for name, item in value.items():
                    if name not in children:
                        found.append(join(path, key_text(name)))
                    elif children[name] is not None:
                        stack.append(
                            (children[name], item, join(path, name), sensitive)
                        )
            elif children is None:
                continue
            elif kind == "list" and isinstance(value, list | tuple):
                for index, item in enumerate(value):
                    stack.append((children, item, f"{path}[{index}]", sensitive))
            elif kind == "map" and isinstance(value, dict):
                for name, item in value.items():
                    shown = "*" if sensitive else key_text(name)
                    stack.append((children, item, join(path, shown), sensitive))
        return sorted(found)

    def carries(self, root: str, params: Mapping[str, Any]) -> bool:
        """Whether the tree from ``root`` has every member ``params`` sets: the
        walk of every call, so no paths are built and a structure's keys are
        compared as one set (``unknown`` then says where, on the rare miss)."""
        nodes = self.nodes
        stack: list[tuple[str, object]] = [(root, params)]
        pop, push = stack.pop, stack.append
        while stack:
            key, value = pop()
            kind, children, _ = nodes[key]
            if children is None:
                continue
            if kind == "structure":
                if isinstance(value, dict):
                    if not children.keys() >= value.keys():
                        return False
                    for name, item in value.items():
                        child = children[name]
                        if child is not None:
                            push((child, item))
            elif kind == "list":
                if isinstance(value, list | tuple):
                    for item in value:
                        push((children, item))
            elif isinstance(value, dict):
                for item in value.values():
                    push((children, item))
        return True

    def covers(
        self,
        root: str | None,
        request: str,
        members: Mapping[str, Mapping[str, str | None]],
    ) -> bool:
        """Whether the tree from ``root`` has every member the package's
        structure ``request``, and each structure it leads to, can hold.

        ``members`` is ``_operations.MEMBERS``: per structure, each member's
        wire name and what it leads to: ``None`` (no members of its own), a
        structure's name, or one in ``[...]``/``{...}`` per list/map around
        it. Lists and maps must be botocore's at every level, and a structure
        missing from the table is not covered; under a member botocore says
        holds no members (a scalar, a document) nothing is compared, as the
        per-call walk would not look there either."""
        nodes = self.nodes
        seen: set[tuple[str | None, str]] = set()
        stack: list[tuple[str | None, str]] = [(root, request)]
        while stack:
            key, name = stack.pop()
            if (key, name) in seen:
                continue
            seen.add((key, name))
            mine = members.get(name)
            if mine is None:
                return False
            if key is None:
                if mine:
                    return False
                continue
            kind, children, _ = nodes[key]
            if kind != "structure" or not children.keys() >= mine.keys():
                return False
            for wire, leads in mine.items():
                child = children[wire]
                while leads is not None and child is not None and leads[0] in "[{":
                    expected = "list" if leads[0] == "[" else "map"
                    kind, child, _ = nodes[child]
                    if kind != expected:
                        return False
                    leads = leads[1:-1]
                if leads is not None and child is not None:
                    stack.append((child, leads))
        return True


def _sensitive(shape: Any) -> bool:
    return bool(shape.metadata.get("sensitive"))


# What ``ModelCheck`` keeps for an operation whose every request botocore's
# model covers: there is nothing to check per call.
_COVERED: Final = "\x00covered"


class ModelCheck:
    """One per client: each operation's botocore input shape, reduced to plain
    nodes the first time the operation is called, and compared once with the
    package's own tables (``requests`` and ``members`` of ``_operations``)."""

    def __init__(
        self,
        requests: Mapping[str, str] | None = None,
        members: Mapping[str, Mapping[str, str | None]] | None = None,
    ) -> None:
        self._tree = _Tree()
        self._inputs: dict[str, str | None] = {}
        self._requests = requests or {}
        self._members = members or {}

    def check(self, meta: Any, method: str, params: Mapping[str, Any]) -> None:
        """Raise ``BotocoreModelError`` when botocore's model (``meta`` is the
        botocore client's ``meta``) lacks the operation ``method`` or a member
        ``params`` sets."""
        if method not in self._inputs:
            self._inputs[method] = self._first_call(meta, method)
        root = self._inputs[method]
        if root == _COVERED:
            return
        errors = self._tree.unknown(root, params)
        if errors:
            version = _version()
            message = _message(version)
            violations = [Violation(path, "unknown", message) for path in errors]
            raise BotocoreModelError(violations, version)

    def _first_call(self, meta: Any, method: str) -> str | None:
        """botocore's input node for ``method``, or ``_COVERED``."""
        operation = meta.method_to_api_mapping.get(method)
        if operation is None:
            version = _version()
            rule = Violation("", "unknown", f"operation {method}: " + _message(version))
            raise BotocoreModelError([rule], version)
        shape = meta.service_model.operation_model(operation).input_shape
        root = None if shape is None else self._tree.add(shape)
        request = self._requests.get(operation)
        if request is not None and self._tree.covers(root, request, self._members):
            return _COVERED
        return root


def _version() -> str:
    """The installed botocore's version (botocore is loaded: a client exists)."""
    import botocore

    version: str = botocore.__version__
    return version
