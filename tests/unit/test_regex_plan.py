r"""How ``codegen.model.regex_plan`` decides where a pattern runs.

The referees: the standard library's own parse of the emitted source (which
repeats may backtrack) and corvus-regex-ecma262, a linear-time ECMA-262 engine
nobody here wrote (what the pattern accepts).  The every-service structural
check lives in ``tests/conformance/test_linear_patterns.py``.
"""

from __future__ import annotations

import importlib
from typing import Any

import corvus_regex_ecma262 as corvus
import pytest

from codegen.model import regex_plan
from tests import pattern_runtime
from tools.patterns import pumped

_sre: Any = importlib.import_module("re._parser")

EMAIL = r"[^\s@]+@[^\s@]+\.[^\s@]+"


def _backtracking(items: Any) -> list[tuple[Any, Any]]:
    """Greedy or lazy repeats (not possessive), nested ones too."""
    found = []
    for op, av in items:
        nested = []
        if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT):
            found.append((op, av))
            nested = [av[2]]
        elif op is _sre.POSSESSIVE_REPEAT:
            nested = [av[2]]
        elif op is _sre.BRANCH:
            nested = av[1]
        elif op is _sre.SUBPATTERN:
            nested = [av[3]]
        for sub in nested:
            found += _backtracking(sub)
    return found


def _agrees_with_corvus(pattern: str) -> None:
    referee = corvus.compile(pattern, "u", timeout=2.0)
    search = pattern_runtime.planned(pattern)
    values = [*pumped(pattern, 40), "", "a@b.c", "a@b@c.d", " a@b.c ", "x@y.", "@."]
    wrong = [v for v in values if search(v) != referee.test(v)]
    assert not wrong, wrong


def test_email_runs_on_re_with_one_backtracking_repeat() -> None:
    chosen = regex_plan.plan(EMAIL)
    assert (chosen.strategy, chosen.reason) == ("re", "confined repeats")
    parsed = _sre.parse(chosen.python)
    # The middle ``[^\s@]+`` backtracks, greedy.
    [(op, (low, high, body))] = _backtracking(parsed)
    assert (op, low, high) == (_sre.MAX_REPEAT, 1, _sre.MAXREPEAT)
    assert [item[0] for item in body] == [_sre.IN]
    _agrees_with_corvus(EMAIL)


@pytest.mark.parametrize(
    "pattern",
    [
        r"^[a-z0-9][a-z0-9.-]+[a-z0-9]$",  # 5a: anchored, one attempt
        r"[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]",  # 5b: bounded
        r"[a-zA-Z0-9._%+-]+@[a-zA-Z0-9.-]+\.[a-zA-Z]{2,}",  # 5c: confined by @
        r"https://[a-z0-9-]+?\.example\.com",  # 5c, lazy
        r"[^\s@]+@[^\s@]*\.x",  # 5c, the repeat may be empty
        r"^.*\S$",  # 5a, the repeat may be empty
        r"[$]LATEST|[$]DEFAULT|[a-z][a-z.-]{1,9}[a-z]",  # each alternative alone
    ],
)
def test_one_backtracking_repeat_is_proven(pattern: str) -> None:
    chosen = regex_plan.plan(pattern)
    assert (chosen.strategy, chosen.reason) == ("re", "confined repeats")
    assert len(_backtracking(_sre.parse(chosen.python))) <= 1
    _agrees_with_corvus(pattern)


@pytest.mark.parametrize(
    ("pattern", "repeats"),
    [
        (r"arn:[^:]+:s3:[a-zA-Z0-9\-]+:\d{12}:job\/.*", 2),  # 5d after 5c
        (r"^[^@]+@[^@]+\.[a-z]+$", 3),  # 5d after 5a: each run ends at a separator
        (r"arn:[a-z-]+:lambda:[a-z0-9-]+:\d{12}:runtime/.+", 2),
    ],
)
def test_chains_of_confined_repeats_are_proven(pattern: str, repeats: int) -> None:
    chosen = regex_plan.plan(pattern)
    assert (chosen.strategy, chosen.reason) == ("re", "confined repeats")
    assert len(_backtracking(_sre.parse(chosen.python))) == repeats
    _agrees_with_corvus(pattern)


@pytest.mark.parametrize(
    "pattern",
    [
        r"[^\s@]+@[^\s@]+[^\s@]+\.x",  # two unbounded repeats in one segment
        r"[^@]+@.+\.x",  # the repeat accepts its separator
        r"[^\s@]+@[^\s]+\.x",  # a later class accepts the separator
        r"[^\s@]+@[^\s@]+\.[^\s]+$",  # unbounded after the repeat
        r"[^\s@]+@?[^\s@]+\.x",  # the head has no fixed width
        r"^a*b*a",  # possessive ``a*`` would steal the last ``a`` when ``b*`` is empty
        r"^[^@]+@[^\s]+\.[^@]+$",  # a later repeat accepts its link's separator
        r"^[^@]+@[^@]*\.[a-z]+$",  # an empty repeat before a link
        r"^a*a+b",  # the head would steal from the repeat if possessive
    ],
)
def test_near_misses_stay_on_the_automaton(pattern: str) -> None:
    chosen = regex_plan.plan(pattern)
    assert chosen.strategy == "automaton", chosen
    _agrees_with_corvus(pattern)


def test_alternatives_are_proven_one_by_one() -> None:
    """``re`` tries them in turn: each one's own proof bounds the search."""
    pattern = r"[$]LATEST|[$]DEFAULT|^[1-9][0-9]*$"  # not deterministic as a whole
    chosen = regex_plan.plan(pattern)
    assert (chosen.strategy, chosen.reason) == ("re", "each alternative")
    assert _backtracking(_sre.parse(chosen.python)) == []
    _agrees_with_corvus(pattern)


@pytest.mark.parametrize("pattern", [r"^[a-z]+$", r"[a-z]{1,5}-[0-9]", r"x+y"])
def test_deterministic_patterns_keep_their_proof(pattern: str) -> None:
    chosen = regex_plan.plan(pattern)
    assert (chosen.strategy, chosen.reason) == ("re", "deterministic")
    assert _backtracking(_sre.parse(chosen.python)) == []
    _agrees_with_corvus(pattern)
