"""What changed for callers of the generated SDK between two models.

Both sides are turned into the IR first (``codegen.model.build``), so the comparison
sees exactly what the generator sees: the closure of the selected operations,
required members, constraints, enums and errors, with botocore's quirks already
resolved. Each change gets a verdict from the table in ``codegen.apidiff.rules``.
Documentation-only changes are counted, not listed: they cannot break anyone.

Size: about 500 lines, over the ~400-line guideline: the walk over both IRs and
the comparison of each kind's constraints (``same_type``, members, enums,
errors) share the walk's state; the verdicts themselves are data
(``codegen.apidiff.rules``) and the output is ``codegen.apidiff.report``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from codegen.apidiff.rules import Direction, Kind, Rule, judge
from codegen.errors import CodegenError
from codegen.generate.kinds import DefaultVisitor, children, visit
from codegen.generate.types import Annotation, Spelling
from codegen.model import ir
from codegen.model.build import build_service
from codegen.model.loader import suggest
from codegen.model.releases import ModelSide

_ORDER: tuple[Direction, ...] = ("request", "response")


class _Sized(Protocol):
    """Strings, blobs, lists and maps: a length range."""

    @property
    def min_length(self) -> int | None: ...

    @property
    def max_length(self) -> int | None: ...


@dataclass(frozen=True)
class Change:
    """One change: what, where, which way it is used, and its verdict."""

    kind: Kind
    subject: str
    detail: str
    directions: tuple[Direction, ...]
    rule: Rule

    @property
    def breaking(self) -> bool:
        return self.rule.verdict == "breaking"


@dataclass(frozen=True)
class Side:
    """Where one side came from, for the report."""

    label: str
    botocore_version: str | None
    sha256: str


@dataclass(frozen=True)
class ApiDiff:
    service: str
    operations: tuple[str, ...]
    old: Side
    new: Side
    changes: tuple[Change, ...]
    documentation: int

    @property
    def breaking(self) -> tuple[Change, ...]:
        return tuple(change for change in self.changes if change.breaking)


def directions(service: ir.Service) -> dict[str, set[Direction]]:
    """Shape name -> how it is used: sent in a request, read from a response."""
    found: dict[str, set[Direction]] = {}
    for operation in service.operations:
        roots: dict[Direction, list[str]] = {
            "request": [operation.input] if operation.input else [],
            "response": [
                *([operation.output] if operation.output else []),
                *operation.errors,
            ],
        }
        for direction, stack in roots.items():
            while stack:
                name = stack.pop()
                used = found.setdefault(name, set())
                if direction in used:
                    continue
                used.add(direction)
                stack.extend(children(service.shape(name)))
    return found


# The diff's spelling of the generated types: no qualifiers, an enum as ``str``
# (its values are compared apart), errors named like any structure.
_DIFF_SPELLING = Spelling(runtime="", enums_as_str=True, errors_allowed=True)


def type_name(service: ir.Service, name: str) -> str:
    """The Python type callers see; an enum is a ``str`` (its values compared apart)."""
    shapes = {shape.name: shape for shape in service.shapes}
    return Annotation(shapes, _DIFF_SPELLING).of(name)


class _KindName(DefaultVisitor[str]):
    """What a change of kind calls each side (``enum of 3 values``, ``long``)."""

    def default(self, shape: ir.Shape) -> str:
        return type(shape).__name__.removesuffix("Shape").lower()

    def visit_enum(self, shape: ir.StringShape) -> str:
        return f"enum of {_count(len(shape.enum), 'value')}"

    def visit_integer(self, shape: ir.IntegerShape) -> str:
        return "long" if shape.bits == 64 else "integer"

    def visit_structure(self, shape: ir.StructureShape) -> str:
        if shape.union:
            return "union"
        return "structure" if shape.error is None else "error structure"

    def visit_event_stream(self, shape: ir.StructureShape) -> str:
        return self.visit_structure(shape)


def _kind_name(shape: ir.Shape) -> str:
    return visit(shape, _KindName())


def _is_public(shape: ir.Shape) -> bool:
    """Whether the generated package exports a name for it (class or alias)."""
    return isinstance(shape, ir.StructureShape) or (
        isinstance(shape, ir.StringShape) and bool(shape.enum)
    )


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def _quote(text: str | None) -> str:
    """A pattern as the model writes it: quoted, backslashes not doubled."""
    return "none" if text is None else f"'{text}'"


def _show(value: object) -> str:
    if value is None:
        return "none"
    return repr(value) if isinstance(value, str) else str(value)


def _ordered(used: Iterable[Direction]) -> tuple[Direction, ...]:
    """Directions in a stable order: request before response."""
    return tuple(direction for direction in _ORDER if direction in set(used))


class _Comparison:
    """Walks two IRs once, collecting changes and counting documentation edits."""

    def __init__(self, old: ir.Service, new: ir.Service) -> None:
        self.old, self.new = old, new
        self.old_use, self.new_use = directions(old), directions(new)
        # A shape on both sides is judged by every way either side uses it.
        self.use = {
            name: _ordered(
                self.old_use.get(name, set()) | self.new_use.get(name, set())
            )
            for name in self.old_use.keys() | self.new_use.keys()
        }
        self.changes: list[Change] = []
        self.documentation = 0

    def add(
        self,
        kind: Kind,
        subject: str,
        detail: str,
        used: Iterable[Direction],
    ) -> None:
        used = tuple(used)
        self.changes.append(Change(kind, subject, detail, used, judge(kind, used)))

    def doc(self, old: str, new: str) -> None:
        if old != new:
            self.documentation += 1

    # Operations -----------------------------------------------------------

    def operations(self) -> None:
        old = {op.name: op for op in self.old.operations}
        new = {op.name: op for op in self.new.operations}
        where: tuple[Direction] = ("operation",)
        for name in sorted(new.keys() - old.keys()):
            self.add("operation-added", name, new[name].method_name, where)
        for name in sorted(old.keys() - new.keys()):
            self.add("operation-removed", name, old[name].method_name, where)
        for name in sorted(old.keys() & new.keys()):
            a, b = old[name], new[name]
            self.doc(a.doc, b.doc)
            for role, before, after in (
                ("input", a.input, b.input),
                ("output", a.output, b.output),
            ):
                if before != after:
                    detail = f"{role} {_show(before)} -> {_show(after)}"
                    self.add("type-changed", name, detail, where)
            for error in sorted(set(b.errors) - set(a.errors)):
                self.add("error-added", name, error, where)
            for error in sorted(set(a.errors) - set(b.errors)):
                self.add("error-removed", name, error, where)
            for trait, before, after in (
                ("HTTP method", a.http_method, b.http_method),
                ("request URI", a.request_uri, b.request_uri),
            ):
                if before != after:
                    detail = f"{trait} {_show(before)} -> {_show(after)}"
                    self.add("trait-changed", name, detail, where)

    # Shapes ---------------------------------------------------------------

    def shapes(self) -> None:
        old = {shape.name: shape for shape in self.old.shapes}
        new = {shape.name: shape for shape in self.new.shapes}
        for name in sorted(new.keys() - old.keys()):
            used = _ordered(self.new_use[name])
            self.add("shape-added", name, _kind_name(new[name]), used)
        for name in sorted(old.keys() - new.keys()):
            used = _ordered(self.old_use[name])
            kind: Kind = (
                "public-shape-removed" if _is_public(old[name]) else "shape-removed"
            )
            self.add(kind, name, _kind_name(old[name]), used)
        for name in sorted(old.keys() & new.keys()):
            self.shape(name, old[name], new[name])

    def shape(self, name: str, a: ir.Shape, b: ir.Shape) -> None:
        used = self.use[name]
        self.doc(a.doc, b.doc)
        if a.sensitive != b.sensitive:
            self.add(
                "trait-changed", name, f"sensitive {a.sensitive} -> {b.sensitive}", used
            )
        if type(a) is not type(b) or (
            isinstance(a, ir.StructureShape)
            and isinstance(b, ir.StructureShape)
            and a.union != b.union
        ):
            self.add("type-changed", name, f"{_kind_name(a)} -> {_kind_name(b)}", used)
            return
        if isinstance(a, ir.StructureShape) and isinstance(b, ir.StructureShape):
            self.structure(a, b, used)
        else:
            self.same_type(name, a, b, used)

    def structure(
        self, a: ir.StructureShape, b: ir.StructureShape, used: tuple[Direction, ...]
    ) -> None:
        if a.error != b.error:
            self.add("trait-changed", a.name, f"error {_error(a)} -> {_error(b)}", used)
        old = {member.name: member for member in a.members}
        new = {member.name: member for member in b.members}
        for name in sorted(new.keys() - old.keys()):
            member = new[name]
            kind: Kind = (
                "member-added-required" if member.required else "member-added-optional"
            )
            detail = type_name(self.new, member.target)
            self.add(kind, f"{a.name}.{name}", detail, used)
        for name in sorted(old.keys() - new.keys()):
            detail = type_name(self.old, old[name].target)
            self.add("member-removed", f"{a.name}.{name}", detail, used)
        for name in sorted(old.keys() & new.keys()):
            self.member(f"{a.name}.{name}", old[name], new[name], used)

    def member(
        self, subject: str, a: ir.Member, b: ir.Member, used: tuple[Direction, ...]
    ) -> None:
        self.doc(a.doc, b.doc)
        if not a.required and b.required:
            self.add("member-now-required", subject, "", used)
        if a.required and not b.required:
            self.add("member-now-optional", subject, "", used)
        target_sensitivity_changed = (
            a.target == b.target
            and self.old.shape(a.target).sensitive != self.new.shape(b.target).sensitive
        )
        traits = [
            ("deprecated", a.deprecated, b.deprecated),
            ("idempotency token", a.idempotency_token, b.idempotency_token),
        ]
        if not target_sensitivity_changed:
            traits.append(("sensitive", a.sensitive, b.sensitive))
        for trait, before, after in traits:
            if before != after:
                self.add("trait-changed", subject, f"{trait} {before} -> {after}", used)
        self.reference(subject, a.target, b.target, used)

    def reference(
        self, subject: str, old: str, new: str, used: tuple[Direction, ...]
    ) -> None:
        """A member, list element or map key/value now pointing at another shape."""
        if old == new:
            return  # the shape itself is compared by name
        before, after = type_name(self.old, old), type_name(self.new, new)
        if before != after:
            self.add("type-changed", subject, f"{before} -> {after}", used)
            return
        self.same_type(subject, self.old.shape(old), self.new.shape(new), used)

    def same_type(
        self, subject: str, a: ir.Shape, b: ir.Shape, used: tuple[Direction, ...]
    ) -> None:
        """Constraints, enums and element types of two shapes of one Python type."""
        match a, b:
            case ir.StringShape(), ir.StringShape():
                self.lengths(subject, a, b, used)
                self.pattern(subject, a.pattern, b.pattern, used)
                self.enum(subject, a.enum, b.enum, used)
            case ir.BlobShape(), ir.BlobShape():
                self.lengths(subject, a, b, used)
            case ir.IntegerShape(), ir.IntegerShape():
                if a.bits != b.bits:
                    kind: Kind = (
                        "constraint-tightened"
                        if b.bits < a.bits
                        else "constraint-loosened"
                    )
                    self.add(kind, subject, f"width {a.bits} -> {b.bits} bits", used)
                self.bounds(
                    subject, "", a.minimum, a.maximum, b.minimum, b.maximum, used
                )
            case ir.FloatShape(), ir.FloatShape():
                self.bounds(
                    subject, "", a.minimum, a.maximum, b.minimum, b.maximum, used
                )
            case ir.ListShape(), ir.ListShape():
                self.lengths(subject, a, b, used)
                self.reference(f"{subject}[]", a.member, b.member, used)
            case ir.MapShape(), ir.MapShape():
                self.lengths(subject, a, b, used)
                self.reference(f"{subject} (key)", a.key, b.key, used)
                self.reference(f"{subject} (value)", a.value, b.value, used)
            case _:
                # A pair of kinds, not one kind: booleans, timestamps, documents
                # and structures have no constraint of their own (a structure's
                # members are compared by ``structure``), and two shapes of one
                # Python type are of one kind, so nothing is left to compare.
                return

    def lengths(
        self, subject: str, a: _Sized, b: _Sized, used: tuple[Direction, ...]
    ) -> None:
        # A missing minimum length is 0: "min 0" and no minimum are the same rule.
        self.bounds(
            subject,
            " length",
            a.min_length or 0,
            a.max_length,
            b.min_length or 0,
            b.max_length,
            used,
        )

    def bounds(
        self,
        subject: str,
        what: str,
        old_min: float | None,
        old_max: float | None,
        new_min: float | None,
        new_max: float | None,
        used: tuple[Direction, ...],
    ) -> None:
        """Min up or max down tightens; the reverse loosens; None is unbounded."""
        for bound, before, after in (
            ("min", old_min, new_min),
            ("max", old_max, new_max),
        ):
            if before == after:
                continue
            if after is None:
                tightened = False
            elif before is None:
                tightened = True
            else:
                tightened = after > before if bound == "min" else after < before
            kind: Kind = "constraint-tightened" if tightened else "constraint-loosened"
            detail = f"{bound}{what} {_show(before)} -> {_show(after)}"
            self.add(kind, subject, detail, used)

    def pattern(
        self,
        subject: str,
        old: ir.Pattern | None,
        new: ir.Pattern | None,
        used: tuple[Direction, ...],
    ) -> None:
        """Any new or different pattern tightens: nobody can prove it accepts more."""
        before = old.ecma if old else None
        after = new.ecma if new else None
        if before == after:
            return
        kind: Kind = "constraint-loosened" if after is None else "constraint-tightened"
        detail = f"pattern {_quote(before)} -> {_quote(after)}"
        self.add(kind, subject, detail, used)

    def enum(
        self,
        subject: str,
        old: tuple[str, ...],
        new: tuple[str, ...],
        used: tuple[Direction, ...],
    ) -> None:
        if not old and new:
            self.add("enum-introduced", subject, _count(len(new), "value"), used)
        elif old and not new:
            self.add("enum-dropped", subject, _count(len(old), "value"), used)
        else:
            for value in sorted(set(new) - set(old)):
                self.add("enum-value-added", subject, repr(value), used)
            for value in sorted(set(old) - set(new)):
                self.add("enum-value-removed", subject, repr(value), used)


def _error(shape: ir.StructureShape) -> str:
    if shape.error is None:
        return "none"
    return f"{shape.error.code} (HTTP {shape.error.http_status})"


def compare(old: ir.Service, new: ir.Service) -> tuple[tuple[Change, ...], int]:
    """The listed changes from ``old`` to ``new`` and the count of doc edits."""
    comparison = _Comparison(old, new)
    comparison.operations()
    comparison.shapes()
    changes = sorted(
        comparison.changes,
        key=lambda change: (
            not change.breaking,
            change.subject,
            change.kind,
            change.detail,
        ),
    )
    return tuple(changes), comparison.documentation


def _selected(side: ModelSide, requested: Sequence[str]) -> list[str]:
    available = side.loaded.service_model.operation_names
    return [name for name in requested if name in available]


def diff_models(old: ModelSide, new: ModelSide, operations: Sequence[str]) -> ApiDiff:
    """Diff the closures of ``operations`` (``["all"]``: every one) in two models.

    An operation missing from one side is reported as added or removed; one
    missing from both is the user's mistake.
    """
    requested = list(dict.fromkeys(operations))
    if requested == ["all"]:
        # As generation does: what cannot be generated (a request event
        # stream) is left out on both sides.
        old_ir = build_service(old.loaded, ["all"])
        new_ir = build_service(new.loaded, ["all"])
        old_names = [operation.name for operation in old_ir.operations]
        new_names = [operation.name for operation in new_ir.operations]
    else:
        old_names, new_names = _selected(old, requested), _selected(new, requested)
        known = set(old_names) | set(new_names)
        for name in requested:
            if name not in known:
                everything = sorted(
                    set(old.loaded.service_model.operation_names)
                    | set(new.loaded.service_model.operation_names)
                )
                raise CodegenError(
                    f"unknown operation {name!r} in service "
                    f"{old.loaded.service_model.service_name!r} "
                    f"({old.label} and {new.label})" + suggest(name, everything)
                )
        old_ir = build_service(old.loaded, old_names)
        new_ir = build_service(new.loaded, new_names)
    changes, documentation = compare(old_ir, new_ir)
    return ApiDiff(
        service=new_ir.name,
        operations=tuple(sorted(set(old_names) | set(new_names))),
        old=Side(old.label, old.botocore_version, old.loaded.sha256),
        new=Side(new.label, new.botocore_version, new.loaded.sha256),
        changes=changes,
        documentation=documentation,
    )
