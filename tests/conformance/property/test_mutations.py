"""Property 4: one broken constraint is reported exactly, with its path and rule.

From a valid parameter dict (every optional member set, so every shape under the
root occurs), one value is changed so that exactly one constraint of the model
breaks: a string, list or map too short or too long, a pattern miss, an unknown
enum value, a missing required member, a wrong type, an integer out of range,
an unknown key, an empty union.  ``from_dict`` (structural rules: ``type``,
``required``, ``unknown``) or ``validate()`` (every other rule) must then report
exactly ``[(path, rule)]`` and nothing else; so must ``validate()`` on the
generated object changed the same way, where the change can be made to an
object.

The expected path and rule come from the model and botocore's path format
(``sites.py``), never from the runtime.  Where botocore checks the rule too
(required, type, min length, unknown key, union) its ``ParamValidator`` must
report the same single violation; where it does not (max length, pattern, enum,
integer width) it must report nothing, which also shows the change broke
nothing else botocore knows about.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import botocore.model
import pytest
from hypothesis import given
from hypothesis import strategies as st

from generated.connect import ValidationError
from tests.support import reachable

from . import strategies as S
from .oracles import botocore_violations
from .profiles import examples
from .sites import (
    Site,
    added,
    join,
    key_path,
    removed,
    replaced,
    replaced_in_object,
    sites,
)

READ_RULES = frozenset({"type", "required", "unknown"})

# --- the catalogue: which constraint each shape has -----------------------------------


def kinds(shape: botocore.model.Shape) -> set[str]:
    """The ways one constraint of ``shape`` can be broken on its own."""
    found = {"wrong_type"}
    lo, hi = S.bounds(shape)
    if isinstance(shape, botocore.model.StringShape):
        if shape.enum:
            return found | {"enum"}
        pattern = shape.metadata.get("pattern")
        shortest = S.pattern_strings(pattern).shortest if pattern else 0
        # Shorter than min and still matching: impossible for EmailAddress (min
        # 1, but every match has at least 5 code points).
        if lo > 0 and shortest <= lo - 1:
            found.add("too_short")
        if hi is not None:
            found.add("too_long")
        if pattern:
            found.add("pattern")
    elif shape.type_name in ("integer", "long"):
        found.add("range")
    elif isinstance(shape, botocore.model.ListShape):
        found |= {"too_short"} if lo > 0 else set()
        found |= {"too_long"} if hi is not None else set()
    elif isinstance(shape, botocore.model.StructureShape):
        found.add("unknown")
        if shape.required_members:
            found.add("missing")
        if S.is_union(shape):
            found.add("union")
    return found


def static_kinds(root: str) -> set[str]:
    """Every kind of break available somewhere under ``root`` (the model says)."""
    below = reachable(S.CLOSURE[root])
    return set().union(*(kinds(shape) for shape in below.values()))


CASES = [(root, kind) for root in S.STRUCTURES for kind in sorted(static_kinds(root))]


def test_the_catalogue_covers_every_constraint_of_the_closure() -> None:
    """Every constraint the closure has is broken by some case below.

    Oracle: botocore's model (the traits of each shape of the closure).
    """
    for name, shape in S.CLOSURE.items():
        lo, hi = S.bounds(shape)
        # No map of the closure has a length or is sensitive; the mutations
        # below would need a map-length break and "*" key paths otherwise.
        if isinstance(shape, botocore.model.MapShape):
            assert "min" not in shape.metadata and hi is None, name
            assert not S.is_sensitive(shape), name
        if isinstance(shape, botocore.model.StringShape) and not shape.enum:
            pattern = shape.metadata.get("pattern")
            assert ("too_long" in kinds(shape)) == (hi is not None), name
            assert ("pattern" in kinds(shape)) == (pattern is not None), name
            if lo > 0 and "too_short" not in kinds(shape):
                assert name == "EmailAddress", name
    covered = {kind for _, kind in CASES}
    assert covered == {
        "too_short",
        "too_long",
        "pattern",
        "enum",
        "range",
        "wrong_type",
        "unknown",
        "missing",
        "union",
    }
    assert len({root for root, _ in CASES}) == len(S.STRUCTURES) == 18


# --- one broken constraint -------------------------------------------------------


@dataclass
class Case:
    """A valid parameter dict with exactly one constraint broken."""

    rule: str
    path: str
    new: Any
    params: Any = field(repr=False)
    botocore: list[tuple[str, str]] = field(repr=False)
    object_steps: tuple[Any, ...] | None = field(default=None, repr=False)


def _is_wrong_type(shape: botocore.model.Shape, value: Any) -> bool:
    """README's type table: str, int (not bool), list, dict."""
    kind = shape.type_name
    if kind == "string":
        return not isinstance(value, str)
    if kind in ("integer", "long"):
        return not isinstance(value, int) or isinstance(value, bool)
    if kind == "list":
        return not isinstance(value, (list, tuple))
    return not isinstance(value, dict)


_ANY = st.one_of(
    st.booleans(),
    st.integers(),
    st.floats(),
    st.text(max_size=4),
    st.lists(st.integers(), max_size=2),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
)


@st.composite
def broken(draw: st.DrawFn, site: Site, kind: str, params: Any, root: str) -> Case:
    strict = root in S.STRICT_BY_DEFAULT
    shape = site.shape
    lo, hi = S.bounds(shape)
    value = site.value
    siblings: set[Any] = set()
    if site.is_key:
        siblings = {s.value for s in sites(params, root) if s.map_path == site.map_path}

    def new_key_or_value(new: Any, rule: str, checked_by_botocore: bool) -> Case:
        path = key_path(site.map_path, new) if site.is_key else site.path
        expected = [(path, rule)]
        # The same change on the object, where a wire value is an object value.
        on_object = not site.is_key and site.steps and new is not None
        on_object = on_object and (rule == "type" or isinstance(new, (str, int)))
        return Case(
            rule,
            path,
            new,
            replaced(params, site.steps, new),
            expected if checked_by_botocore else [],
            site.steps if on_object else None,
        )

    def fresh(strategy: st.SearchStrategy[Any]) -> Any:
        return draw(strategy.filter(lambda v: v not in siblings or v == value))

    def broken_size() -> int:
        """One under ``min``, or one over ``max`` (``kinds`` offers too_long only
        for a shape with a max)."""
        if kind == "too_short":
            return lo - 1
        assert hi is not None, site.path
        return hi + 1

    if kind in ("too_short", "too_long") and isinstance(
        shape, botocore.model.ListShape
    ):
        size = broken_size()
        new = (value * size)[:size]
        return new_key_or_value(new, "length", kind == "too_short")
    if kind in ("too_short", "too_long"):
        size = broken_size()
        pattern = shape.metadata.get("pattern")
        exact = S.pattern_strings(pattern).exact if pattern else S.exact_text
        return new_key_or_value(fresh(exact(size)), "length", kind == "too_short")
    if kind == "pattern":
        top = S.drawn_max(lo, hi)
        miss = S.pattern_strings(shape.metadata["pattern"]).miss(lo, top)
        return new_key_or_value(fresh(miss), "pattern", False)
    if kind == "enum":
        assert isinstance(shape, botocore.model.StringShape), site.path
        variants = [v.lower() for v in shape.enum] + [f" {v}" for v in shape.enum]
        unknown = st.one_of(st.sampled_from(variants), st.text(max_size=12))
        new = fresh(unknown.filter(lambda v: v not in shape.enum))
        return new_key_or_value(new, "enum", False)
    if kind == "range":
        int_lo, int_hi = S.int_bounds(shape)
        new = draw(
            st.one_of(
                st.sampled_from([int_lo - 1, int_hi + 1]),
                st.integers(min_value=int_hi + 1),
                st.integers(max_value=int_lo - 1),
            )
        )
        model_min = shape.metadata.get("min")
        return new_key_or_value(new, "range", model_min is not None and new < model_min)
    if kind == "wrong_type":
        if site.is_key:
            new = draw(st.integers())
        else:
            candidates = st.one_of(st.none(), _ANY) if strict and site.steps else _ANY
            new = draw(candidates.filter(lambda v: _is_wrong_type(shape, v)))
        # botocore takes a bool for an integer (bool is an int in Python).
        lax = shape.type_name in ("integer", "long") and isinstance(new, bool)
        return new_key_or_value(new, "type", not lax)
    assert isinstance(shape, botocore.model.StructureShape)
    if kind == "unknown":
        names = list(shape.members)
        near = [n.lower() for n in names] + [n[0].lower() + n[1:] for n in names]
        key = draw(
            st.one_of(st.sampled_from(near), st.text(max_size=8)).filter(
                lambda k: k not in shape.members
            )
        )
        new = draw(st.one_of(st.none(), st.integers(), st.text(max_size=3)))
        path = join(site.path, key)
        expected = [(path, "unknown")]
        # botocore's union check counts the unknown key as a second member.
        if S.is_union(shape):
            expected.insert(0, (site.path, "union"))
        return Case("unknown", path, key, added(params, site.steps, key, new), expected)
    if kind == "missing":
        member = draw(st.sampled_from(sorted(shape.required_members)))
        path = join(site.path, member)
        steps = (*site.steps, ("member", member))
        expected = [(path, "required")]
        return Case(
            "required",
            path,
            member,
            removed(params, site.steps, member),
            expected,
            steps,
        )
    assert kind == "union"
    new = {}
    if len(shape.members) > 1:
        first, second = draw(st.permutations(sorted(shape.members)))[:2]
        new = {
            first: draw(S.values(shape.members[first].name, False, False, 0)),
            second: draw(S.values(shape.members[second].name, False, False, 0)),
        }
    return new_key_or_value(new, "union", True)


def _value_at(data: Any, steps: tuple[Any, ...], key: str) -> bool:
    """Whether the structure at ``steps`` holds a non-null ``key``."""
    for _, where in steps:
        data = data[where]
    return data.get(key) is not None


def _applies(site: Site, kind: str) -> bool:
    if kind not in kinds(site.shape):
        return False
    if kind == "missing":
        return all(m in site.value for m in site.shape.required_members)
    return True


def _read_errors(cls: Any, params: Any, strict: bool | None) -> list[tuple[str, str]]:
    try:
        cls.from_dict(params, strict=strict)
    except ValidationError as error:
        return [(v.path, v.rule) for v in error.errors]
    return []


def _check_errors(obj: Any) -> list[tuple[str, str]]:
    try:
        obj.validate()
    except ValidationError as error:
        return [(v.path, v.rule) for v in error.errors]
    return []


@pytest.mark.parametrize(("root", "kind"), CASES)
@examples(40)
@given(data=st.data())
def test_one_broken_constraint_is_reported_exactly(
    root: str, kind: str, data: st.DataObject
) -> None:
    """Exactly the broken constraint is reported, by path and rule.

    Oracles: the model (which constraint was broken, where: botocore's path
    format) and botocore's ``ParamValidator`` for the rules it checks too
    (required, type, min length, unknown key, union), which must report the same
    violation, and nothing for the rules it does not check.
    """
    strict = root in S.STRICT_BY_DEFAULT
    params = data.draw(S.params(root, full=True), label="valid params")
    candidates = [site for site in sites(params, root) if _applies(site, kind)]
    assert candidates, f"no {kind} site under {root}"
    site = data.draw(st.sampled_from(candidates), label="site")
    case = data.draw(broken(site, kind, params, root), label="broken")
    cls = S.cls_of(root)
    expected = [(case.path, case.rule)]

    if case.rule in READ_RULES:
        if strict or case.rule != "unknown":
            assert _read_errors(cls, case.params, None) == expected
        elif S.is_union(site.shape) and _value_at(case.params, site.steps, case.new):
            # Lenient reading keeps the name of a union member it does not
            # know, written back as botocore's parsers report it.
            marker = {"name": case.new}
            kept = added(params, site.steps, "SDK_UNKNOWN_MEMBER", marker)
            assert cls.from_dict(case.params).to_dict() == kept
        else:  # lenient by default: the unknown key is ignored
            assert cls.from_dict(case.params) == cls.from_dict(params)
        assert _read_errors(cls, case.params, True) == expected
    else:
        assert _check_errors(cls.from_dict(case.params)) == expected

    if case.object_steps is not None:
        obj = cls.from_dict(params)
        new = None if case.rule == "required" else case.new
        changed = replaced_in_object(obj, case.object_steps, new)
        assert _check_errors(changed) == expected

    assert botocore_violations(case.params, S.shape(root)) == case.botocore
