r"""Property 6: every pattern of the Connect model matches as Node's ``RegExp`` does.

For each of the model's patterns (all of them, not only the closure's), Hypothesis
draws strings that match our translation and, from each, variants aimed at
ECMA-262's traps: a trailing newline before ``$``, non-ASCII digits and letters
for ``\d``/``\w``, U+001C and U+FEFF for ``\s``, ``\r`` and U+2028 for ``.``,
astral characters, combining marks, deletions; and random text.  Every
(pattern, string) pair of the run is collected first and Node answers them all
in one subprocess; only then is each answer compared with our matchers (what
generated code runs, ``tests.pattern_runtime.planned``, and the linear-time
automaton, which must also agree with each other).  When
they disagree, the disagreeing strings are shrunk (one Node batch per round,
only on failure) and reported shortest first.

The closure's own strategies (``strategies.py``: strings that must match and
strings that must not) are judged by Node in the same batch, which is what
makes the validity of everything the other properties draw rest on Node, not on
our translation.

Exclusions (decisions):

* Property classes come from the generator's baked Unicode tables, which
  ``test_ecma_regex`` checks equal Node's: strings with a code point whose
  General_Category differs (``tests.oracles.node_regexp.unicode_mismatches``,
  empty today) are left out.
* Lone surrogates are never drawn (they are not Unicode scalar values).
* Patterns that are not valid u-mode ECMA-262 (``CONNECT_NOT_U_MODE``, listed
  with V8's reason in ``tests/oracles/node_regexp.py``: ``\_`` is an invalid identity
  escape in u-mode) are read leniently, as Annex B reads them without the ``u``
  flag; Node without the flag is their oracle, on strings without astral
  characters (which the non-``u`` mode splits into surrogate halves).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from hypothesis import strategies as st

from codegen.model.ecma_regex import translate
from tests.oracles.drawable import narrow_ranges, sampled_properties
from tests.oracles.node_regexp import (
    CONNECT_NOT_U_MODE,
    CONNECT_PATTERNS,
    MATCH_SCRIPT,
    run_node,
    unicode_mismatches,
)
from tests.pattern_runtime import automaton, planned

from . import strategies as S
from .profiles import collect

# Connect patterns Node answers the same for every string: the first two match
# the empty string at offset 0, the third needs a "/" before the start of input.
ONE_SIDED = {
    ".*": True,
    r"^[\W\S_]*": True,
    r"/^(?=.*[a-z])(?=.*[A-Z])(?=.*\d)[a-zA-Z\d\S]{8,64}$/": False,
}

# --- trap variants of a string ---------------------------------------------------

_DIGITS = "\u0663\u0969\U0001d7d8\uff10\u00b9"  # Arabic-Indic, Devanagari, math, ...
_LETTERS = "\u00e9\u00df\u01c5\u03a9\u212a\u0131\u4e2d_"
_SPACES = "\x1c\x1f\x85\ufeff\xa0\u2028\u180e\u3000"
_LINE_ENDS = "\r\n\u2028\u2029\x85"
_EXTRA = "\U0001f600\U00010000\u0301\u20dd"
# Every base string gets each of these, so no trap is left to chance.
MUST_TRY = ("\n", "\u0663", "\u00e9", "\x1c", "\ufeff", "\r", "\u2028", "\U0001f600")


def _replace_where(
    value: str, where: int, test: Callable[[str], bool], new: str
) -> str:
    """``value`` with the ``where``-th character passing ``test`` replaced
    (``new`` appended when none does)."""
    spots = [i for i, char in enumerate(value) if test(char)]
    if not spots:
        return value + new
    spot = spots[where % len(spots)]
    return value[:spot] + new + value[spot + 1 :]


def _insert(value: str, where: int, new: str) -> str:
    where %= len(value) + 1
    return value[:where] + new + value[where:]


def _delete(value: str, where: int) -> str:
    if not value:
        return value
    where %= len(value)
    return value[:where] + value[where + 1 :]


def _anything(_: str) -> bool:
    return True


# Each edit: the characters it uses, and how it changes (string, position, char).
EDITS: dict[str, tuple[str, Callable[[str, int, str], str]]] = {
    "trailing newline": ("\n\r", lambda v, _, c: v + c),
    "leading newline": ("\n", lambda v, _, c: c + v),
    "digit": (_DIGITS, lambda v, i, c: _replace_where(v, i, str.isdigit, c)),
    "letter": (_LETTERS, lambda v, i, c: _replace_where(v, i, str.isalpha, c)),
    "space": (_SPACES, lambda v, i, c: _replace_where(v, i, str.isspace, c)),
    "line end": (_LINE_ENDS, lambda v, i, c: _replace_where(v, i, _anything, c)),
    "insert": (_EXTRA + _SPACES, _insert),
    "delete": ("-", lambda v, i, _: _delete(v, i)),
    "swap case": ("-", lambda v, _, __: v.swapcase()),
    "only spaces": (_SPACES + " \t", lambda _, i, c: c * (i % 3)),
}


@st.composite
def trap_variants(draw: st.DrawFn, base: str) -> list[str]:
    """A few strings that differ from ``base`` by one edit each."""
    names = draw(st.lists(st.sampled_from(sorted(EDITS)), min_size=1, max_size=3))
    variants = []
    for name in names:
        chars, edit = EDITS[name]
        variants.append(
            edit(base, draw(st.integers(0, 64)), draw(st.sampled_from(chars)))
        )
    return variants


def every_trap(base: str) -> list[str]:
    """Every edit with every one of its characters, applied to ``base``."""
    return [edit(base, 0, char) for chars, edit in EDITS.values() for char in chars]


# --- collecting strings per pattern ---------------------------------------------------


_ALPHABET = st.one_of(S.ASCII, st.sampled_from(S.TRAPS), S.ANY_SCALAR)
_RANDOM = S.text(S.TEXT_CHARS, max_size=16)


def _matching(pattern: str) -> st.SearchStrategy[str]:
    """Strings our translation matches (its classes narrowed, to draw faster)."""
    drawable = narrow_ranges(sampled_properties(translate(pattern)))
    return st.from_regex(re.compile(drawable), alphabet=_ALPHABET)


def strings_for(pattern: str) -> tuple[list[str], list[str]]:
    """(matching draws, everything to ask Node about) for one pattern."""
    bases = collect(_matching(pattern), 10)
    variants = collect(_matching(pattern).flatmap(trap_variants), 10)
    found = [*bases, *(v for group in variants for v in group)]
    found += [v for base in bases[:1] for v in every_trap(base)]
    found += collect(_RANDOM, 8)
    return bases, found


# --- the closure's strategies -----------------------------------------------------


@dataclass(frozen=True)
class Claim:
    """Strings our strategies say match (or do not match) a closure pattern."""

    shape: str
    pattern: str
    matches: bool
    strings: tuple[str, ...]


def closure_claims() -> list[Claim]:
    claims = []
    for name, shape in sorted(S.CLOSURE.items()):
        pattern = shape.metadata.get("pattern")
        if pattern is None:
            continue
        lo, hi = S.bounds(shape)
        top = hi if hi is not None else lo + 255
        builder = S.pattern_strings(pattern)
        matching = collect(builder.matching(lo, top), 25)
        missing = collect(builder.miss(lo, top), 25)
        claims.append(Claim(name, pattern, True, tuple(matching)))
        claims.append(Claim(name, pattern, False, tuple(missing)))
    return claims


# --- Node, once -------------------------------------------------------------------

Entry = tuple[str, list[str], str]  # pattern, strings, RegExp flags


def _comparable(strings: Iterable[str], bmp_only: bool) -> list[str]:
    """Without code points Python 3.11 and Node classify differently (and, for the
    non-u-mode patterns, without astral characters); no duplicates."""
    excluded = unicode_mismatches()
    kept = dict.fromkeys(
        s
        for s in strings
        if not excluded.intersection(s)
        and not (bmp_only and any(ord(c) > 0xFFFF for c in s))
    )
    return list(kept)


def _ours(pattern: str) -> Callable[[str], bool | None]:
    """The planned matcher's answer, or ``None`` where the automaton differs."""
    chosen, linear = planned(pattern), automaton(pattern)

    def answer(value: str) -> bool | None:
        verdict = chosen(value)
        return verdict if linear is None or linear(value) == verdict else None

    return answer


Disagreement = tuple[str, str, str, bool]  # pattern, flags, string, Node's answer


def _disagreements(batch: list[Entry], answers: list[Any]) -> list[Disagreement]:
    found = []
    for (pattern, strings, flags), verdicts in zip(batch, answers, strict=True):
        assert isinstance(verdicts, list), f"Node rejects {pattern!r}: {verdicts}"
        ours = _ours(pattern)
        found += [
            (pattern, flags, s, node)
            for s, node in zip(strings, verdicts, strict=True)
            if ours(s) != node
        ]
    return found


def _shrink(found: list[Disagreement]) -> list[Disagreement]:
    """Shorter strings with a disagreement still: one Node batch per round."""
    current = sorted(found, key=lambda item: len(item[2]))[:8]
    for _ in range(64):
        batch: list[Entry] = []
        for pattern, flags, value, _ in current:
            smaller = [_delete(value, i) for i in range(len(value))]
            smaller += [
                _replace_where(value, i, _anything, "a") for i in range(len(value))
            ]
            batch.append((pattern, [s for s in smaller if s != value], flags))
        answers = run_node(MATCH_SCRIPT, batch)
        changed = False
        for index, ((pattern, candidates, flags), verdicts) in enumerate(
            zip(batch, answers, strict=True)
        ):
            ours = _ours(pattern)
            for candidate, node in zip(candidates, verdicts, strict=True):
                if ours(candidate) != node:
                    current[index] = (pattern, flags, candidate, node)
                    changed = True
                    break
        if not changed:
            break
    return current


def _report(found: list[Disagreement]) -> str:
    lines = [
        f"{pattern!a} (flags {flags!r}, ours {translate(pattern)!a}): "
        f"{value!a} node={node} ours={not node}"
        for pattern, flags, value, node in _shrink(found)
    ]
    return f"{len(found)} disagreements with Node; shrunk:\n" + "\n".join(lines)


def test_every_model_pattern_matches_like_node_on_hypothesis_strings() -> None:
    """Our matcher agrees with ``RegExp(p, "u")`` on every pattern of the model.

    Oracle: Node's ``RegExp`` (``"u"`` flag; no flag for the listed non-u-mode
    patterns), asked once for the whole run, on Hypothesis-drawn matching
    strings, their trap variants and random text; our strategies' claims about
    the closure's patterns are judged by it in the same batch.
    """
    batch: list[Entry] = []
    bases: dict[str, list[str]] = {}
    for pattern in CONNECT_PATTERNS:
        lenient = pattern in CONNECT_NOT_U_MODE
        bases[pattern], strings = strings_for(pattern)
        batch.append((pattern, _comparable(strings, lenient), "" if lenient else "u"))
    claims = [(c, _comparable(c.strings, False)) for c in closure_claims()]
    batch += [(claim.pattern, strings, "u") for claim, strings in claims]
    rejected = [[pattern, []] for pattern in CONNECT_NOT_U_MODE]

    answers = run_node(MATCH_SCRIPT, [list(entry) for entry in batch] + rejected)
    answers, reasons = answers[: len(batch)], answers[len(batch) :]

    # The patterns read leniently are exactly those Node refuses in u-mode.
    assert dict(zip(CONNECT_NOT_U_MODE, reasons, strict=True)) == CONNECT_NOT_U_MODE
    found = _disagreements(batch, answers)
    assert not found, _report(found)

    models = len(CONNECT_PATTERNS)
    pairs = zip(batch[:models], answers[:models], strict=True)
    for (pattern, strings, _), verdicts in pairs:
        # Matching and non-matching strings both, except where Node says none can.
        expected = {ONE_SIDED[pattern]} if pattern in ONE_SIDED else {True, False}
        assert set(verdicts) == expected, f"{pattern!r}: Node said only {verdicts}"
        # Every trap was tried on a string that matches.
        if bases[pattern]:
            tried = "".join(strings)
            bmp = pattern in CONNECT_NOT_U_MODE
            must = [c for c in MUST_TRY if not (bmp and ord(c) > 0xFFFF)]
            assert [c for c in must if c not in tried] == [], pattern
            assert bases[pattern][0] + "\n" in strings, pattern

    # Node confirms what the strategies claim about the closure's patterns.
    for (claim, strings), verdicts in zip(claims, answers[models:], strict=True):
        assert strings, f"no strings drawn for {claim}"
        judged = zip(strings, verdicts, strict=True)
        wrong = [ascii(s) for s, node in judged if node != claim.matches]
        assert (
            not wrong
        ), f"{claim.shape} {claim.pattern!r} matches={claim.matches}: {wrong[:5]}"
