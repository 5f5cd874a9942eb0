r"""Step 5 of the linear-time proof answers right on patterns nobody wrote.

``codegen.model.regex_confined`` writes every quantifier possessive except the
repeats it leaves backtracking; that is exact only if its determinism checks
are.  botocore's patterns test it (``test_linear_patterns``), but they are few
shapes; here a seeded generator writes thousands of small patterns over the
characters that make separators (``@``, ``.``, ``:``) and classes that do or do
not hold them, keeps those step 5 (or the per-alternative proof) puts on
``re``, and compares what generated code answers with corvus-regex-ecma262 on
random and pumped strings.  Deterministic (a fixed seed), not timed.
"""

from __future__ import annotations

import random

import corvus_regex_ecma262 as corvus

from codegen.model import regex_plan
from tests import pattern_runtime
from tests.conformance.property.profiles import count
from tools.patterns import pumped, random_pattern

_TEXT = "ab@.: \nz"
_STEP_5 = ("confined repeats", "each alternative")


def _texts(rng: random.Random, pattern: str) -> list[str]:
    drawn = [
        "".join(rng.choice(_TEXT) for _ in range(rng.randint(0, 14))) for _ in range(40)
    ]
    return [*drawn, *pumped(pattern, 24)]


def test_step_5_answers_as_corvus_does() -> None:
    rng = random.Random(16)
    proven: list[str] = []
    wrong: list[str] = []
    for _ in range(count(3000)):
        pattern = random_pattern(rng)
        if regex_plan.plan(pattern).reason not in _STEP_5:
            continue
        proven.append(pattern)
        referee = corvus.compile(pattern, "u", timeout=2.0)
        search = pattern_runtime.planned(pattern)
        wrong += [
            f"{pattern!a} {text!a}: corvus={referee.test(text)}"
            for text in _texts(rng, pattern)
            if search(text) != referee.test(text)
        ]
    assert len(set(proven)) >= 200, len(set(proven))  # the generator reaches step 5
    assert not wrong, f"{len(wrong)} disagreements:\n" + "\n".join(wrong[:20])
