"""Property 5: ``from_dict`` on junk, and sensitive values that never show.

``from_dict`` on any JSON-like value (nested dicts and lists, numbers of any
size, NaN, strings with any code point, lone surrogates included, ``None``,
bools, deep nesting) returns an object or raises ``ValidationError``, never
anything else; an object it returns can be validated, printed and written back.
No message, ``str()`` or ``repr()`` ever contains the value of a member the
model marks sensitive (or of anything inside one).
"""

from __future__ import annotations

import functools
import json
import traceback
from collections.abc import Callable
from typing import Any, TypeVar

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from generated.connect import ValidationError

from . import strategies as S
from .profiles import examples
from .sites import Site, replaced, replaced_in_object, sites

T = TypeVar("T")

# The sensitive values carry this character, which junk never contains; it is
# printable, so a ``repr()`` that leaked it would show it as is.
MARK = "\u27e6"  # MATHEMATICAL LEFT WHITE SQUARE BRACKET
MARK_ESCAPED = "\\u27e6"

_MEMBER_NAMES = sorted(
    {m for n in S.STRUCTURES for m in S.structure(n).members}
    | {v for s in S.CLOSURE.values() for v in getattr(s, "enum", None) or []}
)
_JUNK_CHARS = st.one_of(
    st.characters(exclude_characters=[MARK]),
    st.characters(categories=["Cs"]),  # lone surrogates: json.loads makes them
    st.sampled_from(S.TRAPS),
)
_JUNK_TEXT = st.one_of(S.text(_JUNK_CHARS, max_size=10), st.sampled_from(_MEMBER_NAMES))
_JUNK_LEAF = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(min_value=2**63 - 2, max_value=2**200),
    st.integers(min_value=-(2**200), max_value=-(2**31) - 1),
    st.floats(),
    _JUNK_TEXT,
)
JUNK = st.recursive(
    _JUNK_LEAF,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(_JUNK_TEXT, inner, max_size=4),
    ),
    max_leaves=24,
)
# Sensitive values: the mark, alone, long (beyond any max), around an address,
# with a trailing newline, or inside junk of the wrong type.
SECRET = st.one_of(
    st.sampled_from(
        [
            f"{MARK}secret",
            f"{MARK}@example.com",
            f"a{MARK}b@c.d",
            f"{MARK}\n",
            f"{MARK} ",
            MARK * 1100,
        ]
    ),
    st.lists(st.just(MARK), min_size=1, max_size=2),
    st.dictionaries(st.sampled_from(_MEMBER_NAMES), st.just(MARK), max_size=2),
)
# A whole sensitive container (a list of attachments) replaced by marked junk.
SECRET_TREE = st.recursive(
    SECRET,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3),
        st.dictionaries(st.sampled_from(_MEMBER_NAMES), inner, max_size=3),
    ),
    max_leaves=8,
)


def _leaks(text: str) -> bool:
    return MARK in text or MARK_ESCAPED in text


def _only_validation_errors(action: str, call: Callable[[], T]) -> T:
    """``call()``, with any exception but ``ValidationError`` turned into one
    assertion (a ``RecursionError`` is raised at a different line on every
    replay, which Hypothesis would report as a flaky test, not a counterexample).
    """
    try:
        return call()
    except ValidationError:
        raise
    except Exception as error:  # the property: nothing else, ever
        where = traceback.extract_tb(error.__traceback__)[-1]
        problem = (
            f"{action} raised {type(error).__name__} ({str(error)[:120]}) "
            f"at {where.filename}:{where.lineno}"
        )
    # Raised outside the handler, so that it has no varying __context__.
    raise AssertionError(problem)


def _read(name: str, data: Any, strict: bool | None) -> Any:
    """``from_dict``: an object, or ``None`` after a ``ValidationError``."""
    cls = S.cls_of(name)
    try:
        return _only_validation_errors(
            f"{name}.from_dict", lambda: cls.from_dict(data, strict=strict)
        )
    except ValidationError as error:
        _assert_no_leak(str(error), repr(error), repr(error.errors))
        for violation in error.errors:
            assert isinstance(violation.path, str) and violation.message
        return None


def _assert_no_leak(*texts: str) -> None:
    for text in texts:
        assert not _leaks(text), text


def _afterwards(name: str, obj: Any) -> None:
    """What can be done with an object ``from_dict`` returned."""
    _assert_no_leak(_only_validation_errors("repr", lambda: repr(obj) + str(obj)))
    try:
        _only_validation_errors("validate", obj.validate)
    except ValidationError as error:
        _assert_no_leak(str(error), repr(error.errors))
    wire = _only_validation_errors("to_dict", obj.to_dict)
    assert S.cls_of(name).from_dict(wire, strict=False) == obj


@pytest.mark.parametrize("name", S.STRUCTURES)
@examples(120)
@given(junk=JUNK)
def test_from_dict_on_junk_returns_an_object_or_raises_validation_error(
    name: str, junk: Any
) -> None:
    """Junk in, an object or ``ValidationError`` out; nothing else.

    Oracle: the contract itself (the only exception ``from_dict`` documents is
    ``ValidationError``); the junk is drawn independently of the model, with
    the model's member names and enum values mixed in as keys and strings.
    """
    for strict in (None, True, False):
        obj = _read(name, junk, strict)
        if obj is not None:
            _afterwards(name, obj)


@st.composite
def corrupted(draw: st.DrawFn, name: str) -> Any:
    """Valid params with a few values replaced by junk and every sensitive one
    (or everything inside one) replaced by a marked secret."""
    params = draw(S.params(name, full=True), label="valid params")
    spots: list[Site] = [s for s in sites(params, name) if s.steps and not s.is_key]
    chosen = draw(st.lists(st.sampled_from(spots), max_size=3), label="junked")
    for site in chosen:
        # Not inside another chosen value, which is replaced as a whole.
        if not any(site.steps[: len(o.steps)] == o.steps for o in chosen if o != site):
            params = replaced(params, site.steps, draw(JUNK))
    # Maybe one sensitive container as a whole, by junk that holds the mark.
    containers = [
        s
        for s in sites(params, name)
        if s.sensitive and s.steps and isinstance(s.value, (dict, list))
    ]
    # A bool on the left: after a list, mypy would type the draw as a list.
    if len(containers) > 0 and draw(st.booleans()):
        site = draw(st.sampled_from(containers))
        params = replaced(params, site.steps, draw(SECRET_TREE))
    # Then every sensitive leaf still in place (strings, or junk in their place)
    # gets a marked secret: a string, or junk of the wrong type holding the mark.
    for site in sites(params, name):
        container = isinstance(site.value, (dict, list))
        if site.sensitive and site.steps and not site.is_key and not container:
            params = replaced(params, site.steps, draw(SECRET))
    return params


@pytest.mark.parametrize("name", S.STRUCTURES)
@examples(80)
@given(data=st.data())
def test_sensitive_values_never_show_in_messages_or_reprs(
    name: str, data: st.DataObject
) -> None:
    """Sensitive values never show, whatever else is wrong with the input.

    Oracle: botocore's model (``sensitive`` on a member's shape, inherited by
    everything inside it, as ``sites.py`` walks it) and a marker character the
    junk cannot contain.
    """
    params = data.draw(corrupted(name), label="params")
    for strict in (None, True, False):
        obj = _read(name, params, strict)
        if obj is not None:
            _afterwards(name, obj)


_OPEN_CLOSE = {"map": ('{"ValueMap": {"k": ', "}}"), "list": ('{"ValueList": [', "]}")}
_DEEP = {
    # Any depth, and the deep half explicitly (the point of the test).
    "depth": st.one_of(st.integers(0, 1000), st.integers(500, 1000)),
    "via": st.sampled_from(sorted(_OPEN_CLOSE)),
    "leaf": st.sampled_from(['{"ValueInteger": 1}', '{"ValueInteger": "1"}', "{}"]),
}


def _decoded(depth: int, via: str, leaf: str) -> Any:
    """A ``SegmentAttributeValue`` JSON document ``depth`` levels deep, decoded.

    Only documents ``json.loads`` itself can decode here count (Hypothesis runs
    a test with a raised recursion limit; ``json`` decodes about 990 levels of
    either kind under it, twice as many JSON levels).
    """
    opening, closing = _OPEN_CLOSE[via]
    try:
        return json.loads(opening * depth + leaf + closing * depth)
    except RecursionError:
        assume(False)


@examples(40)
@given(**_DEEP)
def test_from_dict_reads_or_rejects_any_json_document_however_deep(
    depth: int, via: str, leaf: str
) -> None:
    """A deep ``SegmentAttributeValue`` (the recursive shape) is read or rejected.

    Oracle: ``json.loads`` (the document is one it decodes, so a decoded body or
    a user's dict can be this deep) and the contract (an object or
    ``ValidationError``, nothing else).
    """
    data = _decoded(depth, via, leaf)
    _read("SegmentAttributeValue", data, None)
    _read("StartEmailContactRequest", {"SegmentAttributes": {"k": data}}, None)


@examples(40)
@given(**_DEEP)
def test_objects_read_from_deep_json_can_be_validated_printed_and_written(
    depth: int, via: str, leaf: str
) -> None:
    """What ``from_dict`` returns for a deep document supports ``validate()``,
    ``repr()`` and ``to_dict()``.

    Oracle: ``json.loads`` (as above) and the contract of those methods
    (``validate()`` raises only ``ValidationError``).  Documents ``from_dict``
    itself cannot read are the previous test's.
    """
    data = _decoded(depth, via, leaf)
    try:
        obj = S.cls_of("SegmentAttributeValue").from_dict(data)
    except ValidationError:
        return
    except RecursionError:
        assume(False)
    _afterwards("SegmentAttributeValue", obj)


# --- hostile objects -----------------------------------------------------------
#
# Values whose methods misbehave: every method a caller can override records its
# name and raises (or, for ``__len__``, returns 10**20); objects that fake their
# ``__class__`` (which ``isinstance`` believes); dict, list and tuple subclasses
# with the same entries. ``from_dict`` and ``validate()`` must run none of those
# methods and raise nothing but ``ValidationError``; ``repr`` must not raise.

CALLED: list[str] = []


class Boom(Exception):
    """What a hostile method raises."""


def _hostile(name: str) -> Any:
    def method(self: object, *args: object, **kwargs: object) -> Any:
        CALLED.append(f"{type(self).__name__}.{name}")
        raise Boom(name)

    return method


def _huge_len(self: object) -> int:
    CALLED.append(f"{type(self).__name__}.__len__")
    return 10**20


_COMMON: tuple[str, ...] = ("__eq__", "__ne__", "__lt__", "__le__", "__gt__")
_COMMON += ("__ge__", "__str__", "__format__", "__bool__", "__getattr__")
_COMMON += ("__iter__", "__contains__", "__getitem__", "__index__", "__int__")
_COMMON += ("__float__", "__reduce__")
_NUMERIC = ("__add__", "__sub__", "__mul__", "__truediv__", "__neg__", "__abs__")
_TEXT = ("encode", "startswith", "endswith", "strip", "split", "join", "__bytes__")
_MAPPING = ("items", "keys", "values", "get", "copy", "__len__", "__reversed__")


def _family(base: type, name: str, huge_len: bool = False) -> type:
    names = _COMMON + _NUMERIC + _TEXT + _MAPPING
    body: dict[str, Any] = {m: _hostile(m) for m in names if hasattr(base, m)}
    body["__len__"] = _huge_len if huge_len else _hostile("__len__")
    body["__repr__"] = lambda self: f"<{name}>"  # for Hypothesis' reports only
    body["__hash__"] = base.__hash__  # a dict key must be storable at all
    return type(name, (base,), body)


HostileStr = _family(str, "HostileStr")
HugeStr = _family(str, "HugeStr", huge_len=True)
HostileInt = _family(int, "HostileInt")
HostileFloat = _family(float, "HostileFloat")
HostileBytes = _family(bytes, "HostileBytes")
HostileDict = _family(dict, "HostileDict")
HugeDict = _family(dict, "HugeDict", huge_len=True)
HostileList = _family(list, "HostileList")
HostileTuple = _family(tuple, "HostileTuple")


def _faker(claimed: type) -> Any:
    """An object whose ``__class__`` says ``claimed``; any other attribute raises."""

    class Faker:
        __class__ = claimed

        def __getattr__(self, name: str) -> Any:
            CALLED.append(f"Faker.{name}")
            raise Boom(name)

        def __repr__(self) -> str:
            return f"<faking {claimed.__name__}>"

    return Faker()


def _hostile_versions(value: Any, fake_as: list[type]) -> list[Any]:
    """Hostile stand-ins for a value: subclasses holding it, and fakers."""
    versions: list[Any] = [_faker(kind) for kind in fake_as]
    if isinstance(value, str):
        versions += [HostileStr(value), HugeStr(value)]
    elif isinstance(value, bool):
        versions += [HostileInt(int(value))]
    elif isinstance(value, int):
        versions += [HostileInt(value), HostileFloat(value)]
    elif isinstance(value, float):
        versions += [
            HostileFloat(value),
            HostileInt(int(value) if value == value else 0),
        ]
    elif isinstance(value, bytes):
        versions += [HostileBytes(value)]
    elif isinstance(value, dict):
        versions += [HostileDict(value), HugeDict(value)]
    elif isinstance(value, list):
        versions += [HostileList(value), HostileTuple(value)]
    return versions


_FAKED = [str, int, float, bytes, dict, list, bool]


def _untouched(action: str, call: Callable[[], T]) -> T | None:
    """``call()`` runs no hostile method and raises only ``ValidationError``."""
    CALLED.clear()
    try:
        result = _only_validation_errors(action, call)
    except ValidationError:
        result = None
    assert not CALLED, f"{action} called {sorted(set(CALLED))}"
    return result


@pytest.mark.parametrize("name", S.PLAIN)
@examples(25)
@given(data=st.data())
def test_from_dict_runs_no_method_of_a_hostile_value(
    name: str, data: st.DataObject
) -> None:
    """Oracle: the contract (no caller method runs; only ``ValidationError``),
    checked by hostile methods that record every call."""
    params = data.draw(S.params(name, full=True), label="params")
    spots = sites(params, name)
    site = data.draw(st.sampled_from(spots), label="site")
    fake_as = (
        [*_FAKED, S.cls_of(site.shape.name)]
        if site.shape.name in S.STRUCTURES
        else _FAKED
    )
    for hostile in _hostile_versions(site.value, fake_as):
        if site.is_key and not isinstance(hostile, str):
            continue
        wire = replaced(params, site.steps, hostile)
        for strict in (None, True, False):
            read = functools.partial(S.cls_of(name).from_dict, wire, strict=strict)
            obj = _untouched(f"{name}.from_dict", read)
            if obj is not None:
                _untouched("validate", obj.validate)
                assert isinstance(repr(obj), str)


@pytest.mark.parametrize("name", S.PLAIN)
@examples(25)
@given(data=st.data())
def test_validate_runs_no_method_of_a_hostile_value(
    name: str, data: st.DataObject
) -> None:
    """The same for ``validate()`` of an object built with a hostile member
    (and ``repr`` of it never raises, though it may ask the value's own)."""
    obj = data.draw(S.objects(name), label="object")
    spots = [s for s in sites(obj.to_dict(), name) if s.steps and not s.is_key]
    assume(spots)
    site = data.draw(st.sampled_from(spots), label="site")
    if site.steps[-1][0] == "key":
        return
    fake_as = (
        [*_FAKED, S.cls_of(site.shape.name)]
        if site.shape.name in S.STRUCTURES
        else _FAKED
    )
    original = obj
    for hostile in _hostile_versions(site.value, fake_as):
        if isinstance(site.value, dict) and site.shape.name in S.STRUCTURES:
            continue  # a structure member holds an object, not a dict
        try:
            obj = replaced_in_object(original, site.steps, hostile)
        except Boom:
            continue  # building it needed a method (a map key), not our code
        CALLED.clear()
        _untouched("validate", obj.validate)
        assert isinstance(repr(obj), str)


@pytest.mark.parametrize("depth", [150, 250, 1000])
def test_validate_repr_and_client_params_refuse_deep_values(depth: int) -> None:
    """A hand-built ``SegmentAttributeValue`` deeper than ``from_dict``'s limit:
    ``validate()`` refuses it as ``from_dict`` does (oracle: ``from_dict`` of
    the same value's ``to_dict``, where that can be built), ``repr`` works."""
    cls = S.cls_of("SegmentAttributeValue")
    value = cls(value_string="leaf")
    for _ in range(depth):
        value = cls(value_map={"k": value})
    with pytest.raises(ValidationError) as raised:
        value.validate()
    assert any("nested" in v.message for v in raised.value.errors)
    assert repr(value).startswith("SegmentAttributeValue(value_map={'k': ")
    with pytest.raises(ValidationError):
        wire = value._params()
        cls.from_dict(wire)
