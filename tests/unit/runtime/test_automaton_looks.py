r"""The automaton's one-scan lookaheads ``(?=C*X)`` hold where ``re`` says they do.

``_automaton._ScanLook`` computes a password's ``(?=.*\d)`` for every position
with one ``re`` scan instead of a DFA pass.  The oracle: the standard library's
``re`` asked at each position (``compiled.match(value, p)``), on random strings
over characters in ``C`` only, ``X`` only, both and neither.  The pumped and
corvus-judged inputs of ``tests/conformance/test_linear_patterns.py`` cover the
seven botocore patterns that use it.
"""

from __future__ import annotations

import random
import re

import pytest

from tests import pattern_runtime

_CASES = [
    (r"[^\n\r\u2028\u2029]", r"[0-9]"),  # (?=.*\d)
    (r"[^\n\r\u2028\u2029]", r"[^A-Za-z0-9\t-\r ]"),  # a symbol somewhere ahead
    (r"[a-z]", r"[0-9]"),  # C and X disjoint
    (r"[a-z0-9]", r"[0-9]"),  # X inside C
    (r"[\x00-\U0010ffff]", r"[.]"),  # nothing is a barrier
]
_ALPHABET = "az09.A \n\u2028"


@pytest.mark.parametrize(("run", "hit"), _CASES)
def test_scan_lookahead_agrees_with_re(run: str, hit: str) -> None:
    automaton = pattern_runtime.module("_automaton")
    parsed = automaton.Automaton(f"(?={run}*{hit})")
    [(look, negated)] = parsed.looks
    assert isinstance(look, automaton._ScanLook) and not negated
    oracle = re.compile(f"(?={run}*{hit})")
    rng = random.Random(11)
    for _ in range(300):
        value = "".join(rng.choice(_ALPHABET) for _ in range(rng.randint(0, 30)))
        expected = [oracle.match(value, p) is not None for p in range(len(value) + 1)]
        assert list(map(bool, look.positions(value, []))) == expected, value


def test_repeated_lookarounds_share_one_pass() -> None:
    automaton = pattern_runtime.module("_automaton")
    source = r"(?=[^\n]*[0-9])a|(?=[^\n]*[0-9])b|(?![^\n]*[0-9])c"
    parsed = automaton.Automaton(source)
    assert len(parsed.looks) == 2  # the positive one once, the negative apart
    values = ["a1", "b", "b2", "c", "c1", "x\nb3", "a\n1"]
    expected = [re.search(source, v) is not None for v in values]
    assert [parsed.search(v) for v in values] == expected
    assert True in expected and False in expected
