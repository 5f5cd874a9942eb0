r"""Every pattern of every botocore service runs in linear time, and answers right.

Issue 11, item 1, and issue 16.  Not timed (timings and growth on doubling live
in ``benchmarks/patterns.py``):

* structurally, each pattern either runs on ``re`` in the form
  ``codegen.model.regex_plan`` proved linear, checked here on the compiled form
  of each top-level alternative with the standard library's own parser and
  this file's own reading of character sets (:func:`_linear_on_re`): every
  quantifier possessive and the alternative anchored at the start or of bounded
  width, or backtracking repeats of one character each, a bounded width after
  the last, the first anchored, in a bounded alternative, or confined by a
  separator it excludes, each next one confined by a separator in the link
  before it; or on the runtime's automaton, which reads
  each character once per pass (its passes are counted: one, plus one per
  lookaround);
* on adversarial inputs pumped from each pattern's own structure
  (``tools.patterns.pumped``), what generated code answers, and what the
  automaton answers, equal the answers of corvus-regex-ecma262, a linear-time
  ECMA-262 engine nobody here wrote (``RegExp(p, "u")``; Annex B without ``u``,
  on BMP strings, for the patterns only Java-style leniency reads).
"""

from __future__ import annotations

import functools
import importlib
import itertools
from typing import Any

import corvus_regex_ecma262 as corvus
import pytest

from codegen.model import regex_plan
from codegen.model.ecma_regex import PatternError, translate
from tests import pattern_runtime
from tools.patterns import ModelPattern, botocore_patterns, pumped

_sre: Any = importlib.import_module("re._parser")

# Backreferences are not regular, so no automaton runs them: they stay on ``re``
# (anchored, and corvus agrees on their pumped inputs).  A model update that adds
# one must be looked at.
KNOWN_BACKREFERENCES = {
    r"^(?!.*?(.)\1{3})[-_!@#$a-zA-Z0-9]*$",
    r"^([\+-]?\d{4}(?!\d{2}\b))((-?)((0[1-9]|1[0-2])(\3([12]\d|0[1-9]|3[01]))?|W([0-4]\d|5[0-2])(-?[1-7])?|(00[1-9]|0[1-9]\d|[12]\d{2}|3([0-5]\d|6[1-6])))([T\s]((([01]\d|2[0-3])((:?)[0-5]\d)?|24\:?00)([\.,]\d+(?!:))?)?(\17[0-5]\d([\.,]\d+)?)?([zZ]|([\+-])([01]\d|2[0-3]):?([0-5]\d)?)?)?)?$",
    r"^([\-]?\d{4}(?!\d{2}\b))((-?)((0[1-9]|1[0-2])(\3([12]\d|0[1-9]|3[01]))?|W([0-4]\d|5[0-2])(-?[1-7])?|(00[1-9]|0[1-9]\d|[12]\d{2}|3([0-5]\d|6[1-6])))([T\s]((([01]\d|2[0-3])((:?)[0-5]\d)?|24\:?00)([\.,]\d(?!:))?)?(\17[0-5]\d([\.,]\d)?)?([zZ]|([\-])([01]\d|2[0-3]):?([0-5]\d)?)?)?)?$",
}
_PUMPED_LENGTHS = (120, 30, 8)
# Patterns only our Java-style leniency reads as meant: not valid u-mode, and
# either not valid at all (a class escape as a range end) or with ``\p{..}``,
# which Annex B reads as the letters "p{".  No referee, so not compared.
_ANNEX_B_DIFFERS = ("\\p", "\\P", "\\u{")
_MAX_WITHOUT_REFEREE = 12
_MAX_WIDTH = 1024
_GREEDY = {_sre.MAX_REPEAT, _sre.MIN_REPEAT}


@functools.cache
def _translatable() -> tuple[tuple[ModelPattern, regex_plan.Plan], ...]:
    found = []
    for model in botocore_patterns():
        try:
            found.append((model, regex_plan.plan(model.pattern)))
        except PatternError:
            continue  # not ECMA-262: the generated code leaves it unchecked
    return tuple(found)


def _backtracking_repeats(items: Any) -> list[Any]:
    """Greedy or lazy (not possessive) repeats anywhere in a parsed pattern."""
    found = []
    for op, av in items:
        if op in _GREEDY:
            found.append(av)
        nested = [av[-1]] if op in _GREEDY or op is _sre.POSSESSIVE_REPEAT else []
        if op is _sre.BRANCH:
            nested = av[1]
        elif op is _sre.SUBPATTERN:
            nested = [av[3]]
        for sub in nested:
            found += _backtracking_repeats(sub)
    return found


def _alternatives(parsed: Any) -> list[Any]:
    """Top-level alternatives (a leading group around them unwrapped)."""
    items = list(parsed)
    while len(items) == 1 and items[0][0] is _sre.SUBPATTERN:
        items = list(items[0][1][3])
    if len(items) == 1 and items[0][0] is _sre.BRANCH:
        return list(items[0][1][1])
    return [_sre.SubPattern(parsed.state, items)]


def test_every_pattern_is_proven_or_automaton() -> None:
    """The compiled form of each ``re`` pattern is what the proof needs."""
    counts = {"re": 0, "automaton": 0, "re-backreference": 0}
    shapes = dict.fromkeys(
        [
            "possessive",
            "bounded, one repeat",
            "anchored, one repeat",
            "anchored, a chain",
            "confined by a separator, one repeat",
            "confined by a separator, a chain",
        ],
        0,
    )
    for model, chosen in _translatable():
        counts[chosen.strategy] += len(model.uses)
        if chosen.strategy == "re-backreference":
            assert model.pattern in KNOWN_BACKREFERENCES
            continue
        source = pattern_runtime.runtime()._expand_properties(chosen.python)
        if chosen.strategy == "automaton":
            assert pattern_runtime.planned(model.pattern)("") in (True, False)
            continue
        # Each top-level alternative parsed alone: the standard library's parser
        # factors a prefix common to all of them out (``a(?:b|c)``), which only
        # saves work, but hides each alternative's shape.
        alternatives = _top_level_split(source)
        for branch in (b for a in alternatives for b in _alternatives(_sre.parse(a))):
            why = _linear_on_re(branch)
            assert why is not None, (model.pattern, chosen.python)
            shapes[why] += len(model.uses)
    assert sum(counts.values()) > 9800, counts
    assert counts["re"] > 0 and counts["automaton"] > 0, counts
    assert all(shapes.values()), shapes  # every way to be linear is exercised


def _top_level_split(source: str) -> list[str]:
    """``source`` cut at each ``|`` outside brackets and parentheses."""
    parts, depth, in_class, start, index = [], 0, False, 0, 0
    while index < len(source):
        char = source[index]
        if char == "\\":
            index += 1
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True  # a ``]`` first in a class is a literal
            index += 2 if source.startswith("[^]", index) else 0
            index += 1 if source.startswith("[]", index) else 0
        elif char in "()":
            depth += 1 if char == "(" else -1
        elif char == "|" and depth == 0:
            parts.append(source[start:index])
            start = index + 1
        index += 1
    return [*parts, source[start:]]


def _linear_on_re(branch: Any) -> str | None:
    """Why a compiled alternative searches in linear time, or ``None``.

    No backtracking repeat: anchored, or of bounded width.  Else every
    backtracking repeat is at the top level and repeats one character, what
    follows the last is ``W`` wide at most, and: one repeat in an alternative
    ``V`` wide at most with ``(V + 1)(W + 1)`` bounded; or the first repeat
    anchored (one attempt) or *confined* (a fixed-width head with a
    one-character item at offset ``d`` that the repeat's set excludes: a
    character lies in the runs of at most ``w - d`` attempts), and each next
    repeat at least once after a non-empty fixed-width link confining it the
    same way (a character lies in at most ``2 k (w' - d')`` of its runs), the
    products bounded."""
    items = list(branch)
    anchored = items[:1] == [(_sre.AT, _sre.AT_BEGINNING_STRING)]
    width = _wide(branch.state, items)[1]
    repeats = _backtracking_repeats(items)
    if not repeats:
        return "possessive" if anchored or width <= _MAX_WIDTH else None
    at = [i for i, (op, _) in enumerate(items) if op in _GREEDY]
    if len(at) != len(repeats) or any(len(items[i][1][2]) != 1 for i in at):
        return None  # a backtracking repeat nested, or of more than one character
    after = _wide(branch.state, items[at[-1] + 1 :])[1]
    if after > _MAX_WIDTH:
        return None
    bounded = width <= _MAX_WIDTH and (width + 1) * (after + 1) <= _MAX_WIDTH
    if len(at) == 1 and bounded:
        return "bounded, one repeat"
    first = items[at[0]]
    copies = 1 if anchored else _confinement(branch.state, items[: at[0]], first)
    for previous, index in itertools.pairwise(at):
        link = items[previous + 1 : index]
        more = _confinement(branch.state, link, items[index])
        low = min(items[previous][1][0], items[index][1][0])
        if copies is None or more is None or not link or low < 1:
            return None
        if copies * (_wide(branch.state, link)[1] + 1) > _MAX_WIDTH:
            return None
        copies = 2 * copies * more
    if copies is None or copies * (after + 1) > _MAX_WIDTH:
        return None
    kind = "anchored" if anchored else "confined by a separator"
    return f"{kind}, {'one repeat' if len(at) == 1 else 'a chain'}"


@pytest.mark.parametrize(
    ("source", "why"),
    [
        (r"[^\t-\r @]@[^\t-\r @]+\.[^\t-\r @]", "confined by a separator, one repeat"),
        (r"a:[^:]+:b:[a-z]+:c/", "confined by a separator, a chain"),
        (r"\A[^@]+@[^@]+\.[a-z]+\Z", "anchored, a chain"),
        (r"[^@]@[^\n]+\.x", None),  # the repeat accepts its separator
        (r"[^\t-\r @]@[^\t-\r @]+[^\t-\r @]+\.x", None),  # two repeats, no link
        (r"\A[^@]+@[^\t-\r ]+\.[^@]+\Z", None),  # a link's separator accepted
        (r"[^@]@(?:[^@]+)+\.x", None),  # a nested backtracking repeat
        (r"[a-z]+@x", None),  # unanchored, nothing before the repeat
    ],
)
def test_structural_check_tells_linear_from_quadratic(
    source: str, why: str | None
) -> None:
    """The check above judges hand-written sources as the proof would."""
    [branch] = _alternatives(_sre.parse(source))
    assert _linear_on_re(branch) == why


def _wide(state: Any, items: list[Any]) -> tuple[int, int]:
    low, high = _sre.SubPattern(state, items).getwidth()
    return int(low), int(high)


def _confinement(state: Any, head: list[Any], repeat: Any) -> int | None:
    """``w - d`` for the last one-character item of a fixed-width ``head`` that
    accepts nothing ``repeat`` does; ``None`` when there is none."""
    excluded = _code_points(*repeat[1][2][0])
    offset, separator = 0, None
    for op, av in head:
        one = op in (_sre.LITERAL, _sre.NOT_LITERAL, _sre.IN, _sre.ANY)
        if one and _code_points(op, av).isdisjoint(excluded):
            separator = offset
        offset += _wide(state, [(op, av)])[0]
    low, high = _wide(state, head)
    return None if low != high or separator is None else high - separator


class _Spans:
    """A set of code points as sorted, disjoint inclusive ranges."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        merged: list[tuple[int, int]] = []
        for low, high in sorted(spans):
            if merged and low <= merged[-1][1] + 1:
                merged[-1] = (merged[-1][0], max(high, merged[-1][1]))
            else:
                merged.append((low, high))
        self.spans = merged

    def complement(self) -> _Spans:
        found, start = [], 0
        for low, high in self.spans:
            if low > start:
                found.append((start, low - 1))
            start = high + 1
        if start <= 0x10FFFF:
            found.append((start, 0x10FFFF))
        return _Spans(found)

    def isdisjoint(self, other: _Spans) -> bool:
        return all(b < c or d < a for a, b in self.spans for c, d in other.spans)


def _code_points(op: Any, av: Any) -> _Spans:
    """What one character item of the standard library's parse accepts."""
    if op is _sre.LITERAL:
        return _Spans([(av, av)])
    if op is _sre.NOT_LITERAL:
        return _Spans([(av, av)]).complement()
    if op is _sre.ANY:
        return _Spans([(10, 10)]).complement()
    assert op is _sre.IN, op
    negated = bool(av) and av[0][0] is _sre.NEGATE
    spans = []
    for kind, value in av[1:] if negated else av:
        assert kind in (_sre.LITERAL, _sre.RANGE), kind  # no \d, \s: expanded
        spans.append((value, value) if kind is _sre.LITERAL else value)
    found = _Spans(spans)
    return found.complement() if negated else found


def _referee(pattern: str) -> tuple[Any, bool] | None:
    """corvus's compiled pattern, and whether it reads the pattern without ``u``;
    ``None`` when no ECMA-262 reading accepts it (only our leniency does)."""
    lenient = not corvus.is_valid(pattern, "u")
    if lenient and (
        not corvus.is_valid(pattern, "")
        or any(escape in pattern for escape in _ANNEX_B_DIFFERS)
    ):
        return None
    return corvus.compile(pattern, "" if lenient else "u", timeout=2.0), lenient


def _judged(pattern: str) -> list[tuple[str, bool]]:
    """Pumped inputs and corvus's answers.  corvus is linear in the pattern's size
    times the text, and counted repetitions make the size (``([^/][!-~]+/){1,511}``
    gives up at 150 characters), so such a pattern is pumped shorter."""
    found = _referee(pattern)
    if found is None:
        return []
    referee, lenient = found
    for length in _PUMPED_LENGTHS:
        values = [
            value
            for value in pumped(pattern, length)
            if not (lenient and any(ord(c) > 0xFFFF for c in value))
        ]
        try:
            return [(value, referee.test(value)) for value in values]
        except corvus.MatchLimitError:
            continue
    raise AssertionError(f"corvus answers no pumped input of {pattern!a}")


def test_few_patterns_lack_a_referee() -> None:
    unjudged = [m.pattern for m, _ in _translatable() if _referee(m.pattern) is None]
    assert 0 < len(unjudged) <= _MAX_WITHOUT_REFEREE, unjudged


@pytest.mark.parametrize("part", range(4))
def test_pumped_inputs_agree_with_corvus(part: int) -> None:
    """Generated code's matcher and the automaton answer as corvus does."""
    wrong: list[str] = []
    for model, _ in _translatable()[part::4]:
        matchers = {"planned": pattern_runtime.planned(model.pattern)}
        linear = pattern_runtime.automaton(model.pattern)
        if linear is not None:
            matchers["automaton"] = linear
        for value, expected in _judged(model.pattern):
            wrong += [
                f"{model.pattern!a} {name} {value!a}: corvus={expected}"
                for name, matches in matchers.items()
                if matches(value) != expected
            ]
    assert not wrong, f"{len(wrong)} disagreements:\n" + "\n".join(wrong[:20])


class _CountingStr(str):
    """A value that counts how often a matcher reads one of its characters."""

    reads = 0

    def __getitem__(self, index: Any) -> str:
        _CountingStr.reads += 1
        return super().__getitem__(index)


def test_automaton_reads_each_character_once_per_pass() -> None:
    """Step count, not time: one pass plus one per lookaround, each reading every
    character at most once, on hostile input of any size."""
    pattern = r"^arn:(?=[^:]+:fsx:)((?!-)[a-z0-9-]{1,63}(?<!-)\.)+x$"
    automaton = pattern_runtime.module("_automaton").Automaton(translate(pattern))
    passes = 1 + len(automaton.looks)  # ``X+`` is ``XX*``: its lookarounds twice
    assert passes >= 4
    for size in (10, 1000, 100000):
        value = _CountingStr("arn:" + "a-" * (size // 2))
        _CountingStr.reads = 0
        assert automaton.search(value) is False
        assert 0 < _CountingStr.reads <= passes * len(value)


def test_automaton_answers_alike_when_its_dfa_is_dropped() -> None:
    """With room for three DFA states the automaton forgets its DFA at almost
    every character (the memory bound on hostile input); answers stay corvus's."""
    dfa = pattern_runtime.module("_dfa")
    patterns = [
        r"[^\s@]+@[^\s@]+\.[^\s@]+",
        r"^[a-z0-9*](?:[._\-/a-z0-9*]?[a-z0-9*]+)*$",
        r"^arn:(?=[^:]+:fsx:)((?!-)[a-z0-9-]{1,63}(?<!-)\.)+x$",
        r"https?://(?:www.)?[a-zA-Z0-9@:._+~#=-]{2,256}\.[a-z]{2,6}\b",
    ]
    saved = dfa._CACHE_LIMIT
    dfa._CACHE_LIMIT = 3
    try:
        for pattern in patterns:
            automaton = pattern_runtime.module("_automaton").Automaton(
                translate(pattern)
            )
            for value, expected in _judged(pattern):
                assert automaton.search(value) == expected, (pattern, value)
    finally:
        dfa._CACHE_LIMIT = saved
