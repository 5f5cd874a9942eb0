"""Property 7: one pass reads and checks exactly as the two passes do (issue 16).

``from_dict(data)`` (with or without ``validate=True``) and ``validate_dict(data)``
walk a dict once (generated ``_read_checked`` / ``_dict_ok``) and fall back to
the exact path (``Reader``, then ``validate()``) when anything is off. For every
drawn dict, valid, broken in one constraint, corrupted by junk, or holding
hostile objects, the one-pass result must equal the two-pass result: an equal
object (the same types all the way down), or the same violations in the same
order with the same messages.

Oracles: the two passes (the reading the other property tests hold to
botocore, then ``validate()``); the model's constraints and botocore's path
format for the broken cases (``test_mutations.broken``); and botocore's
``ParamValidator``: ``validate_dict`` raises whenever it reports, and whenever
a broken rule is one it checks too."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generated.connect import ValidationError

from . import strategies as S
from .oracles import botocore_violations
from .profiles import examples
from .sites import replaced, sites
from .spelled import typed
from .test_mutations import CASES, _applies, broken
from .test_robustness import (
    _FAKED,
    CALLED,
    JUNK,
    _hostile_versions,
    corrupted,
)

Outcome = tuple[str, Any]


def _outcome(call: Any) -> Outcome:
    try:
        return ("object", typed(call()))
    except ValidationError as error:
        return ("violations", [(v.path, v.rule, v.message) for v in error.errors])


def two_passes(cls: Any, data: Any, strict: bool | None, validate: bool) -> Outcome:
    """The exact path: ``Reader`` and ``_from_wire``, then ``validate()`` (which
    ``from_dict`` takes whenever the one walk is off; called directly here, since
    ``from_dict`` itself now tries the one walk first)."""
    return _outcome(lambda: cls._read_then_check(data, strict, validate))


def one_pass(cls: Any, data: Any, strict: bool | None, validate: bool) -> Outcome:
    return _outcome(lambda: cls.from_dict(data, strict=strict, validate=validate))


def checked_dict(cls: Any, data: Any) -> Outcome:
    """``validate_dict``'s outcome: ``("object", None)`` when it passes."""

    def check() -> None:
        cls.validate_dict(data)

    outcome = _outcome(check)
    return ("object", None) if outcome[0] == "object" else outcome


def assert_one_pass_agrees(name: str, data: Any) -> Outcome:
    """Both one-pass entry points agree with the two passes, in every strictness;
    the default strictness's outcome is returned."""
    cls = S.cls_of(name)
    for strict in (None, True, False):
        for validate in (True, False):
            expected = two_passes(cls, data, strict, validate)
            assert one_pass(cls, data, strict, validate) == expected, strict
    expected = two_passes(cls, data, None, True)
    passed = ("object", None) if expected[0] == "object" else expected
    assert checked_dict(cls, data) == passed
    return expected


def builtins_only(value: Any) -> Any:
    """A copy of drawn params with exactly builtin types (the strategies draw
    long strings as a ``str`` subclass, which the one walk leaves to the two
    passes)."""
    if isinstance(value, dict):
        return {builtins_only(k): builtins_only(v) for k, v in value.items()}
    if isinstance(value, list):
        return [builtins_only(item) for item in value]
    return str.__str__(value) if isinstance(value, str) else value


@pytest.mark.parametrize("name", S.PLAIN)
@examples(60)
@given(data=st.data())
def test_valid_params_take_the_one_pass_and_give_the_same_object(
    name: str, data: st.DataObject
) -> None:
    """Valid dicts: the one walk succeeds (it is not skipped) and its object is
    the two passes' object, type for type; botocore agrees they are valid."""
    drawn = data.draw(S.params(name, full=data.draw(st.booleans())), label="params")
    assert assert_one_pass_agrees(name, drawn)[0] == "object"
    params = builtins_only(drawn)
    cls = S.cls_of(name)
    assert cls._read_checked(params) is not None
    assert cls._dict_ok(params)
    assert assert_one_pass_agrees(name, params)[0] == "object"
    assert botocore_violations(params, S.shape(name)) == []


@pytest.mark.parametrize(("root", "kind"), CASES)
@examples(12)
@given(data=st.data())
def test_one_broken_constraint_gives_the_two_pass_violations(
    root: str, kind: str, data: st.DataObject
) -> None:
    """One constraint broken: the same violations as the two passes, which
    are exactly the broken one (model and botocore's path format); botocore's
    ``ParamValidator`` reports it too where it checks that rule."""
    params = data.draw(S.params(root, full=True), label="valid params")
    candidates = [site for site in sites(params, root) if _applies(site, kind)]
    site = data.draw(st.sampled_from(candidates), label="site")
    case = data.draw(broken(site, kind, params, root), label="broken")
    assert_one_pass_agrees(root, case.params)
    outcome = assert_one_pass_agrees(root, builtins_only(case.params))
    strict = root in S.STRICT_BY_DEFAULT
    if strict or case.rule != "unknown":  # lenient reading ignores unknown keys
        assert outcome[0] == "violations"
        assert [(path, rule) for path, rule, _ in outcome[1]] == [
            (case.path, case.rule)
        ]
    reported = botocore_violations(case.params, S.shape(root))
    assert reported == case.botocore
    if reported and strict:  # a response shape's reading ignores unknown keys
        assert checked_dict(S.cls_of(root), case.params)[0] == "violations"


@pytest.mark.parametrize("name", S.STRUCTURES)
@examples(60)
@given(junk=JUNK)
def test_junk_gives_the_two_pass_outcome(name: str, junk: Any) -> None:
    """Junk (any JSON-like value, the model's names mixed in) in; the one
    pass answers as the two passes do, and validate_dict raises whenever
    botocore's validator reports."""
    outcome = assert_one_pass_agrees(name, junk)
    if name in S.STRICT_BY_DEFAULT and botocore_violations(junk, S.shape(name)):
        assert outcome[0] == "violations"


@pytest.mark.parametrize("name", S.STRUCTURES)
@examples(40)
@given(data=st.data())
def test_corrupted_params_give_the_two_pass_outcome(
    name: str, data: st.DataObject
) -> None:
    """Valid params with values replaced by junk, sensitive ones by marked
    secrets: the same outcome (and so the same hidden messages) either way."""
    params = data.draw(corrupted(name), label="params")
    assert_one_pass_agrees(name, params)
    outcome = assert_one_pass_agrees(name, builtins_only(params))
    if name in S.STRICT_BY_DEFAULT and botocore_violations(params, S.shape(name)):
        assert outcome[0] == "violations"


@pytest.mark.parametrize("name", S.PLAIN)
@examples(15)
@given(data=st.data())
def test_hostile_values_run_no_method_and_give_the_two_pass_outcome(
    name: str, data: st.DataObject
) -> None:
    """Subclasses with hostile methods and objects faking their class, in any
    place of a valid dict: the one pass runs none of their methods either."""
    params = data.draw(S.params(name, full=True), label="params")
    site = data.draw(st.sampled_from(sites(params, name)), label="site")
    fake_as = [*_FAKED]
    if site.shape.name in S.STRUCTURES:
        fake_as.append(S.cls_of(site.shape.name))
    for hostile in _hostile_versions(site.value, fake_as):
        if site.is_key and not isinstance(hostile, str):
            continue
        wire = replaced(params, site.steps, hostile)
        CALLED.clear()
        assert_one_pass_agrees(name, wire)
        assert not CALLED, sorted(set(CALLED))


@pytest.mark.parametrize("depth", [99, 100, 101, 102, 150])
@pytest.mark.parametrize("via", ["map", "list"])
def test_the_depth_limit_is_the_two_passes(depth: int, via: str) -> None:
    """``SegmentAttributeValue`` nested around ``MAX_DEPTH`` (100): the one
    pass stops at the same level as ``from_dict``'s reader."""
    data: Any = {"ValueInteger": 1}
    for _ in range(depth):
        data = {"ValueMap": {"k": data}} if via == "map" else {"ValueList": [data]}
    outcome = assert_one_pass_agrees("SegmentAttributeValue", data)
    assert outcome[0] == ("object" if depth <= 100 else "violations")
    wrapped = {"SegmentAttributes": {"k": data}}
    assert_one_pass_agrees("StartEmailContactRequest", wrapped)
