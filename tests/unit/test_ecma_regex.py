r"""Differential tests of ``codegen.model.ecma_regex`` against Node's ``RegExp``.

The oracle is always Node (``new RegExp(pattern, "u").test(value)``), never our
own code: every (pattern, string) pair is collected first, Node answers them
in one batch, then each answer is compared with ``compile_pattern(translate(
pattern)).search(string)`` and with the two matchers generated code may use
(``tests.pattern_runtime``: the planned one and the linear-time automaton).
Strings are the known traps plus Hypothesis draws (derandomized, no database),
some of them drawn to *match* the translation so that both outcomes are
exercised.

Property classes come from the Unicode tables the generator bakes in
(``unicodedata2``), not from the running Python's database (14.0 on 3.11):
Node's General_Category data must equal them (``test_unicode_tables_are_nodes``),
and characters assigned after Unicode 14 are among the strings Node judges.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Sequence
from typing import Any

import pytest
from hypothesis import strategies as st

from codegen.model.ecma_regex import PatternError, strict_ecma_errors, translate
from codegen.model.unicode_tables import UNICODE_VERSION
from tests.draws import draw_batch
from tests.oracles.drawable import narrow_ranges, sampled_properties
from tests.oracles.node_regexp import (
    CONNECT_NOT_U_MODE,
    CONNECT_PATTERNS,
    MATCH_SCRIPT,
    assigned_since_python,
    run_node,
    unicode_mismatches,
)
from tests.pattern_runtime import compile_pattern, every_matcher

# Characters this Python (Unicode 14 on 3.11) leaves unassigned and the baked
# tables assign: the patterns must classify them as Node does.
NEW_SINCE_PYTHON = assigned_since_python()

# Valid u-mode patterns covering each construct, with strings worth trying.
HAND_PATTERNS: dict[str, tuple[str, ...]] = {
    "": ("",),
    "^abc$": ("abc", "abc\n", "xabc", "abc\r"),
    "abc$": ("xabc", "abc\n", "abc\n\n"),
    "^$": ("", "\n"),
    "(?:^|,)x(?:,|$)": ("x", "a,x", "x,b", "ax", "x\n"),
    "a^b|c$d": ("ab", "cd", "a^b"),
    "a.c": ("abc", "a\nc", "a\rc", "a\u2028c", "a\u2029c", "a\x85c", "a😀c"),
    "^.$": ("😀", "\u2029", "é", "e\u0301", "\U000f0000"),
    "^..$": ("😀", "😀😀", "ab"),
    r"^\d+$": ("٣", "123", "١٢٣", "12٣", "\U0001d7d8"),
    r"^\D+$": ("٣", "abc", "1"),
    r"^\w+$": ("é", "abc_1", "ß", "ǅ", "A"),
    r"\W": ("é", "abc", "_", " "),
    r"^\s$": ("\x1c", "\x1d", "\x1e", "\x1f", "\x85", "\u180e", "\u200b"),
    r"^\S+$": ("\ufeff", "\u00a0", "\x1c", "ab", "a b"),
    r"[\s\S]": ("", "\n", "x"),
    r"^[\s\d]+$": ("1 2", "\u3000", "٣"),
    r"[^\s@]+@[^\s@]+": ("a@b", "a @b", "@@"),
    r"^[\W\S_]*$": ("", "é", "a b"),
    r"^[^\d\s]+$": ("abc", "a1", "٣"),
    r"^[\D]$": ("a", "1", "٣"),
    r"^[^\W]+$": ("abc", "é"),
    r"^[^\S]+$": (" \t", "\ufeff\u2028", "\x1c"),
    r"^[\w.-]+$": ("a.b-c", "a b"),
    r"\bfoo\b": ("foo", "a foo b", "foobar", "éfooé", "_foo", "foo٣"),
    r"\Boo\B": ("foob", "oo", "éooé", "zooz"),
    r"^[\b]$": ("\b", "b", ""),
    r"^\t\n\v\f\r\0$": ("\t\n\x0b\x0c\r\x00",),
    r"^\0": ("\x00",),
    r"^\cJ\cj$": ("\n\n", "cJcj"),
    r"^[\cA-\cZ]+$": ("\x01\x1a", "A"),
    r"^\x41\x7e\xff$": ("A~ÿ",),
    r"^\u00e9$": ("é", "e\u0301"),
    r"^\uD83D\uDE00$": ("😀", "\ud83d"),
    r"^\uD83D": ("\ud83d", "\ud83dx", "😀"),
    r"^[\uD83D\uDE00-\uD83D\uDE4F]+$": ("😀😏", "😐", "\u2600"),
    r"^\u{1F600}$": ("😀",),
    r"^[\u{1F600}-\u{1F64F}]+$": ("😀😏", "😐"),
    r"^[😀-😏]$": ("😀", "😐", "\ud83d"),
    r"^\u{41}\u{0000000042}$": ("AB",),
    r"^\^\$\\\.\*\+\?\(\)\[\]\{\}\|\/$": ("^$\\.*+?()[]{}|/",),
    r"^[\-\]\\^]+$": ("-]\\^", "a"),
    r"^[\^\$\.\*\+\?\(\)\[\{\}\|\/]+$": ("^$.*+?()[{}|/",),
    r"/path\/x/": ("/path/x/",),
    r"\\": ("\\", "a"),
    r"\\p\{L\}": ("\\p{L}", "é"),
    r"^[-&&~~||]+$": ("&~|-", "a"),
    r"^[a-]+$": ("a-", "b"),
    r"^[-a]+$": ("-a",),
    r"^[\d-]+$": ("1-2",),
    r"^[-\w]+$": ("-a_",),
    r"^[--0]+$": ("-./0", "1"),
    r"^[a-b-c]+$": ("ab-c", "d"),
    r"^[+-=]+$": ("+,=", "*"),
    r"^(a)\1$": ("aa", "a"),
    r"^(a)?b\1$": ("b", "aba", "ab"),
    r"^(?:(a)|b)\1$": ("aa", "b", "bb"),
    r"^\1(a)$": ("a", "aa"),
    r"^(a\1)$": ("a",),
    r"^(?<n>x)\k<n>$": ("xx", "x"),
    r"^\k<n>(?<n>x)$": ("x", "xx"),
    r"^(?<$a>.)\k<$a>$": ("zz", "zy"),
    r"^(?<é>.)\k<é>$": ("zz", "zy"),
    r"^(?<\u0041>.)\k<A>$": ("zz",),
    r"^(?:(a)b)+\1$": ("aba", "ababa", "ab"),
    r"(a)|\1b": ("b", "a"),
    r"^(?!(a))\1b": ("b", "ab"),
    r"^(?=(a+))a*b\1$": ("aaaba", "aba", "ab"),
    r"(a)\1{2}0": ("aaa0",),
    r"(?<year>\d{4})-(?<month>\d\d)": ("2024-01", "24-01"),
    r"^(?:ab)+$": ("abab", "aba"),
    r"^(?:ab){2}$": ("abab", "ab"),
    r"^a{2,}$": ("a", "aa", "aaa"),
    r"^a{2,3}$": ("aaaa", "aaa"),
    r"^a{0}b$": ("b", "ab"),
    r"^a{0,1000}$": ("a" * 1000, "a" * 1001),
    r"a*?b": ("aab", "a"),
    r"^a+?$": ("aa",),
    r"^a??b$": ("ab", "b"),
    r"^a{1,2}?$": ("aa",),
    r"^(a|ab)(c|bcd)(d*)$": ("abcd", "acd"),
    r"^(?:a?)*$": ("", "aa"),
    r"^(?:)*x|()+y": ("x", "y"),
    r"(?=\d)\w+": ("a1", "ab"),
    r"^(?!abc)\w{3}$": ("abc", "abd"),
    r"(?<=\$)\d+": ("$5", "5"),
    r"(?<!\d)\d{3}(?!\d)": ("123", "1234", "a123b"),
    r"(?<=ab|cd)x": ("abx", "cdx", "bx"),
    r"(?<=(?:a|b)c)d": ("acd", "bcd", "cd"),
    r"(?<=^|,)x": ("x", ",x", "ax"),
    r"(?<=\bfo)o": ("foo", "afoo"),
    r"^\p{L}+$": ("abc", "é", "ǅ", "1", "e\u0301"),
    r"^\p{Lu}$": ("A", "a", "ǅ"),
    r"^\p{Letter}+$": ("Ω", "1"),
    r"^\p{gc=Nd}+$": ("٣", "1", "Ⅻ"),
    r"^\p{General_Category=Decimal_Number}$": ("\U0001d7d8", "x"),
    r"^\p{N}+$": ("Ⅻ", "½", "1"),
    r"\p{Z}": ("\u00a0", "\u2028", "\t"),
    r"^\P{C}*$": ("abc", "a\x00", "\u200b", "\ufeff", "\ue000"),
    r"^\p{Cn}$": ("\U000e0080", "a"),
    r"^\p{LC}+$": ("aǅB", "ʰ"),
    r"^\p{Cased_Letter}$": ("a", "ª"),
    r"^[\p{L}\p{N}]+$": ("a1", "a-"),
    r"^[^\p{L}\d]+$": ("-", "a", "1"),
    r"^[^\P{L}]+$": ("abc", "1"),
    r"^[\P{L}\P{N}]+$": ("a1", "-"),
    r"^\p{Any}$": ("x", "😀", "\n"),
    r"\P{Any}": ("", "x"),
    r"^[^\P{Any}]$": ("x",),
    r"^[\P{Any}]$": ("x",),
    r"^\p{ASCII}+$": ("abc", "é"),
    r"^\P{ASCII}$": ("é", "a"),
    r"^[\P{ASCII}a]+$": ("éa", "b"),
    r"^\p{Assigned}+$": ("abc", "\U000e0080"),
    r"^\P{Assigned}$": ("\U000e0080", "a"),
    r"^\p{M}+$": ("\u0301", "e"),
    r"^\p{Mn}$": ("\u0301",),
    r"^\p{digit}$": ("٣",),
    r"^\p{punct}+$": ("!?", "a"),
    r"^\p{cntrl}$": ("\x85", "a"),
    r"^\p{Combining_Mark}$": ("\u0301",),
    r"^\p{S}+$": ("$+", "a"),
    r"^\p{Sc}$": ("€",),
    r"^\p{Cs}$": ("\ud800", "\udfff", "a"),
    r"^\p{Co}$": ("\ue000", "\U000f0000"),
    r"^\p{Zs}$": ("\u3000", "\t"),
    r"^\p{gc=LC}$": ("a",),
    r"[]": ("", "a"),
    r"a[]": ("a",),
    r"^[]*x$": ("x",),
    r"^[^]$": ("x", "\n", "😀"),
    r"^[^]*$": ("a\nb",),
    r"a|": ("", "b"),
    r"|": ("",),
    r"()": ("",),
    r"^(?:)$": ("", "a"),
    r"x*y+z?": ("yy", "xz"),
    r"^[^a-z]+$": ("ABC", "aBC", "😀"),
    r"^[^x]{2}$": ("😀😀", "😀"),
}

# Not valid u-mode (V8's reason given) but accepted on purpose, Annex-B style.
LENIENT_PATTERNS: dict[str, str] = {
    r"^\_+$": "Invalid escape",
    r"^a\-b$": "Invalid escape",
    r"^[\w\_\:]+$": "Invalid escape",
    r"^\@\#\%\&\,\;\<\=\>\!\~\`\'\"$": "Invalid escape",
    r"^{$": "Lone quantifier brackets",
    r"^a{$": "Incomplete quantifier",
    r"^a{,3}$": "Incomplete quantifier",
    r"^a{2$": "Incomplete quantifier",
    r"x}": "Lone quantifier brackets",
    r"^]$": "Lone quantifier brackets",
    r"^{a}*$": "Lone quantifier brackets",
    r"^[\w-z]+$": "Invalid character class",
    r"^[a-\d]+$": "Invalid character class",
    r"^[\s-\d]+$": "Invalid character class",
}
LENIENT_STRINGS = (
    "_",
    "__",
    "a-b",
    "ab",
    "a:_",
    "@#%&,;<=>!~`'\"",
    "{",
    "a{",
    "a{,3}",
    "a{2",
    "x}",
    "]",
    "{a}",
    "{a}}",
    "",
    "z-a",
    "-",
    "1-2",
    " -1",
    "é",
    "a\n",
)

# Patterns translate() must refuse, with the reason and offset it reports.
SYNTAX_ERRORS = [
    ("(", "Unterminated group", 0),
    ("a(b(c)", "Unterminated group", 1),
    ("a)", "Unmatched ')'", 1),
    ("[a", "Unterminated character class", 0),
    ("*a", "Nothing to repeat", 0),
    ("a**", "Nothing to repeat", 2),
    ("a*+", "Nothing to repeat", 2),
    ("a{1}{2}", "Nothing to repeat", 4),
    ("{2}", "Nothing to repeat", 0),
    ("^*", "Nothing to repeat", 1),
    (r"\b+", "Nothing to repeat", 2),
    ("[b-a]", "Range out of order in character class", 1),
    ("[a--]", "Range out of order in character class", 1),
    ("a{3,2}", "numbers out of order in {} quantifier", 1),
    ("(?=a)*", "Invalid quantifier", 5),
    ("(?<=a)?", "Invalid quantifier", 6),
    ("a\\", "\\ at end of pattern", 1),
    (r"\a", "Invalid escape", 0),
    (r"x\e", "Invalid escape", 1),
    ("\\ ", "Invalid escape", 0),
    (r"\é", "Invalid escape", 0),
    (r"[\B]", "Invalid escape", 1),
    (r"[\k]", "Invalid escape", 1),
    (r"\1", "Invalid escape", 0),
    (r"(a)\2", "Invalid escape", 3),
    (r"\8", "Invalid escape", 0),
    (r"\00", "Invalid decimal escape", 0),
    (r"[\1]", "Invalid class escape", 1),
    (r"\x4", "Invalid escape", 0),
    (r"\u12", "Invalid Unicode escape", 0),
    (r"\u{110000}", "Invalid Unicode escape", 0),
    (r"\u{}", "Invalid Unicode escape", 0),
    (r"\c1", "Invalid Unicode escape", 0),
    (r"[\c_]", "Invalid Unicode escape", 1),
    ("(?i:a)", "Invalid group", 1),
    ("(?x)", "Invalid group", 1),
    ("(?<1a>x)", "Invalid capture group name", 3),
    ("(?<a", "Invalid capture group name", 4),
    ("(?<a>x)(?<a>y)", "Duplicate capture group name", 7),
    (r"\k<a>", "Invalid named capture referenced", 0),
    (r"(?<a>x)\k<b>", "Invalid named capture referenced", 7),
    (r"(?<a>x)\k", "Invalid named reference", 7),
    (r"\p{Foo}", "Invalid property name", 0),
    (r"\p{lu}", "Invalid property name", 0),
    (r"\p{L", "Invalid property name", 0),
    (r"\p{gc=Foo}", "Invalid property name", 0),
    (r"\p{Lu=Ll}", "Invalid property name", 0),
    (r"[\p{Foo}]", "Invalid property name in character class", 1),
]

# Valid ECMA-262 that Python's re cannot express faithfully.
UNTRANSLATABLE = [
    (r"(?<=a+)b", "lookbehind must match a fixed number of characters", 0),
    (r"x(?<=a|b+)d", "lookbehind must match a fixed number of characters", 1),
    (r"\p{Script=Latin}", "Unicode property Script=Latin is not supported", 0),
    (r"[\p{sc=Grek}]", "Unicode property sc=Grek is not supported", 1),
    (r"\p{Alphabetic}", "Unicode property Alphabetic is not supported", 0),
    (r"a\P{Emoji}", "Unicode property Emoji is not supported", 1),
    (r"(a)(?<=\1)b", "backreference cannot be translated", 7),
    (r"(?:(a)|b)+\1", "backreference cannot be translated", 10),
    (r"(?:(a)?b)*\1", "backreference cannot be translated", 10),
    ("a{4294967295}", "repetition bound too large for Python", 0),
]

VALID_PATTERNS = [p for p in CONNECT_PATTERNS if p not in CONNECT_NOT_U_MODE]
VALID_PATTERNS += [p for p in HAND_PATTERNS if p not in VALID_PATTERNS]
LENIENT_ALL = {**CONNECT_NOT_U_MODE, **LENIENT_PATTERNS}

# --- strings -----------------------------------------------------------------

TRAPS = (
    "",
    "\n",
    "abc",
    "abc\n",
    "\nabc",
    "a\r",
    "\r\n",
    "\u2028",
    "\u2029",
    "\x85",
    "٣",
    "123",
    "١٢٣",
    "é",
    "e\u0301",
    "\u0301",
    "ß",
    "_",
    "😀",
    "a😀b",
    "\x1c",
    "\x1f",
    "\ufeff",
    "\u00a0",
    "\u3000",
    "\u200b",
    "\t",
    "\x0b\x0c",
    " ",
    "\x00",
    "\\",
    "a-b",
    "aws:x",
    "Ab1!aaaa",
    "arn:aws:connect:us-east-1:123456789012:instance/abc",
    "12345678-1234-1234-1234-123456789012",
    "user@example.com",
    "s3://bucket/key",
    "+15551234567",
    "2024-01-31T12:00:00.000Z",
    "\ue000",
    *NEW_SINCE_PYTHON,
    "a" + "".join(NEW_SINCE_PYTHON[:8]),
)
_TRAP_CHARACTERS = sorted({c for trap in TRAPS for c in trap} | set("^$.*+?()[]{}|/-:"))
_RANDOM_DRAWS = 300
_MATCHING_DRAWS = 15


@functools.cache
def _alphabet() -> st.SearchStrategy[str]:
    """Trap characters, ASCII and any code point Python and Node agree on."""
    excluded = unicode_mismatches()
    return st.one_of(
        st.sampled_from(_TRAP_CHARACTERS),
        st.characters(min_codepoint=0x20, max_codepoint=0x7E),
        st.characters(exclude_categories=["Cs"], exclude_characters=excluded),
    )


@functools.cache
def _random_pool() -> tuple[str, ...]:
    """Random text shared by every pattern."""
    return tuple(draw_batch(st.text(_alphabet(), max_size=12), _RANDOM_DRAWS))


def _strings_for(pattern: str, extra: Iterable[str]) -> list[str]:
    """Traps, hand-picked strings, random text and text matching the translation."""
    excluded = unicode_mismatches()
    drawable = narrow_ranges(sampled_properties(translate(pattern)))
    strategy = st.from_regex(re.compile(drawable), alphabet=_alphabet())
    matching = draw_batch(strategy, _MATCHING_DRAWS)
    strings = dict.fromkeys([*TRAPS, *extra, *_random_pool(), *matching])
    return [value for value in strings if not excluded.intersection(value)]


def _python_says(pattern: str, strings: Sequence[str]) -> dict[str, list[bool]]:
    """What each runtime matcher (planned, plain ``re``, automaton) accepts."""
    return {
        name: [matches(value) for value in strings]
        for name, matches in every_matcher(pattern).items()
    }


# --- one batch for the whole module --------------------------------------------


@pytest.fixture(scope="module")
def oracle() -> dict[str, Any]:
    """Ask Node about every pattern and string at once."""
    strings = {p: _strings_for(p, HAND_PATTERNS.get(p, ())) for p in VALID_PATTERNS}
    bmp = [s for s in (*TRAPS, *LENIENT_STRINGS) if all(ord(c) <= 0xFFFF for c in s)]
    entries: list[list[Any]] = [[p, strings[p]] for p in VALID_PATTERNS]
    # Lenient patterns: V8's u-mode reason, then its Annex-B (non-u) answers,
    # which agree with ours on strings without astral characters.
    entries += [[p, []] for p in LENIENT_ALL]
    entries += [[p, bmp, ""] for p in LENIENT_ALL]
    entries += [[p, []] for p, _, _ in SYNTAX_ERRORS + UNTRANSLATABLE]
    answers = iter(run_node(MATCH_SCRIPT, entries))
    return {
        "strings": strings,
        "bmp": bmp,
        "valid": {p: next(answers) for p in VALID_PATTERNS},
        "lenient_reason": {p: next(answers) for p in LENIENT_ALL},
        "lenient_results": {p: next(answers) for p in LENIENT_ALL},
        "errors": {p: next(answers) for p, _, _ in SYNTAX_ERRORS + UNTRANSLATABLE},
    }


def _mismatches(
    pattern: str, strings: Sequence[str], expected: Sequence[bool]
) -> list[str]:
    """Readable list of strings where Python and Node disagree."""
    return [
        f"{value!r}: node={want} {name}={got}"
        for name, actual in _python_says(pattern, strings).items()
        for value, want, got in zip(strings, expected, actual, strict=True)
        if want != got
    ]


def _ids(patterns: Iterable[str]) -> list[str]:
    return [ascii(p)[1:-1][:60] for p in patterns]


# Patterns that (per Node) accept everything or nothing.
_ONE_SIDED = {
    "",
    ".*",
    "a|",
    "|",
    "()",
    "[]",
    "a[]",
    "a^b|c$d",
    r"[\s\S]",
    r"\P{Any}",
    r"^[\P{Any}]$",
    r"^[^]*$",
    r"^[\W\S_]*",
    r"^[\W\S_]*$",
    r"/^(?=.*[a-z])(?=.*[A-Z])(?=.*\d)[a-zA-Z\d\S]{8,64}$/",
}


@pytest.mark.parametrize("pattern", VALID_PATTERNS, ids=_ids(VALID_PATTERNS))
def test_matches_like_node(pattern: str, oracle: dict[str, Any]) -> None:
    answer = oracle["valid"][pattern]
    assert isinstance(answer, list), f"Node rejects {pattern!r}: {answer}"
    assert strict_ecma_errors(pattern) is None
    strings = oracle["strings"][pattern]
    both_outcomes = any(answer) and not all(answer)
    assert both_outcomes or pattern in _ONE_SIDED, f"one outcome only: {pattern!r}"
    bad = _mismatches(pattern, strings, answer)
    assert not bad, f"{pattern!r} -> {translate(pattern)!r}:\n" + "\n".join(bad)


@pytest.mark.parametrize("pattern", list(LENIENT_ALL), ids=_ids(LENIENT_ALL))
def test_lenient_patterns(pattern: str, oracle: dict[str, Any]) -> None:
    reason = oracle["lenient_reason"][pattern]
    assert reason == LENIENT_ALL[pattern]
    assert strict_ecma_errors(pattern) == reason
    bad = _mismatches(pattern, oracle["bmp"], oracle["lenient_results"][pattern])
    assert not bad, f"{pattern!r} -> {translate(pattern)!r}:\n" + "\n".join(bad)


def test_connect_patterns_not_valid_u_mode(oracle: dict[str, Any]) -> None:
    strict = {p: strict_ecma_errors(p) for p in CONNECT_PATTERNS}
    assert {p: r for p, r in strict.items() if r is not None} == CONNECT_NOT_U_MODE
    node = {p: oracle["lenient_reason"][p] for p in CONNECT_NOT_U_MODE}
    assert node == CONNECT_NOT_U_MODE
    assert len(CONNECT_PATTERNS) >= 50


@pytest.mark.parametrize(
    ("pattern", "reason", "offset"),
    SYNTAX_ERRORS,
    ids=_ids(p for p, _, _ in SYNTAX_ERRORS),
)
def test_syntax_errors(
    pattern: str, reason: str, offset: int, oracle: dict[str, Any]
) -> None:
    with pytest.raises(PatternError) as caught:
        translate(pattern)
    assert (caught.value.reason, caught.value.offset) == (reason, offset)
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith(f"{reason} at offset {offset} in pattern ")
    assert strict_ecma_errors(pattern) == reason == oracle["errors"][pattern]


@pytest.mark.parametrize(
    ("pattern", "reason", "offset"),
    UNTRANSLATABLE,
    ids=_ids(p for p, _, _ in UNTRANSLATABLE),
)
def test_untranslatable(
    pattern: str, reason: str, offset: int, oracle: dict[str, Any]
) -> None:
    assert isinstance(oracle["errors"][pattern], list), "Node should accept it"
    assert strict_ecma_errors(pattern) is None
    with pytest.raises(PatternError, match=re.escape(reason)) as caught:
        translate(pattern)
    assert caught.value.offset == offset
    assert "\n" not in str(caught.value)


# --- output form ---------------------------------------------------------------

_TOKEN = re.compile(r"\\[pP]\{([A-Za-z]+)\}")
_SHORT_CATEGORIES = {
    "C",
    "Cc",
    "Cf",
    "Cn",
    "Co",
    "Cs",
    "L",
    "LC",
    "Ll",
    "Lm",
    "Lo",
    "Lt",
    "Lu",
    "M",
    "Mc",
    "Me",
    "Mn",
    "N",
    "Nd",
    "Nl",
    "No",
    "P",
    "Pc",
    "Pd",
    "Pe",
    "Pf",
    "Pi",
    "Po",
    "Ps",
    "S",
    "Sc",
    "Sk",
    "Sm",
    "So",
    "Z",
    "Zl",
    "Zp",
    "Zs",
}
ALL_TRANSLATABLE = VALID_PATTERNS + list(LENIENT_ALL)


def _tokens_outside_classes(source: str) -> list[int]:
    """Offsets of property tokens that are not inside a ``[...]`` class."""
    outside: list[int] = []
    index, in_class = 0, False
    while index < len(source):
        char = source[index]
        if char == "\\":
            if source[index + 1] in "pP" and not in_class:
                outside.append(index)
            index += 2
            continue
        if in_class and char == "]":
            in_class = False
        elif not in_class and char == "[":
            in_class = True
            index += source.startswith("[^", index)
        index += 1
    return outside


@pytest.mark.parametrize("pattern", ALL_TRANSLATABLE, ids=_ids(ALL_TRANSLATABLE))
def test_output_form(pattern: str) -> None:
    source = translate(pattern)
    assert "\\\\" not in source
    assert _tokens_outside_classes(source) == []
    assert set(_TOKEN.findall(source)) <= _SHORT_CATEGORIES
    assert source.isascii()


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"^abc$", r"\Aabc\Z"),
        (r"\p{L}", r"[\p{L}]"),
        (r"\P{L}", r"[\P{L}]"),
        (r"\p{Letter}", r"[\p{L}]"),
        (r"\p{gc=Lu}", r"[\p{Lu}]"),
        (r"\p{General_Category=Cased_Letter}", r"[\p{LC}]"),
        (r"\p{Other}", r"[\p{C}]"),
        (r"\p{Assigned}", r"[\P{Cn}]"),
        (r"\P{Assigned}", r"[\p{Cn}]"),
        (r"[^\p{C}]", r"[^\p{C}]"),
        (r"^[\P{C}\r\n\t]{1,127}$", r"\A[\P{C}\r\n\t]{1,127}\Z"),
        (r"a\\b", r"a\x5cb"),
        (r"[\\p{L}]", r"[\x5cp{L}]"),
        (r"\d\w", r"[0-9][A-Za-z0-9_]"),
        (r"\D", r"[^0-9]"),
        (r".", r"[^\n\r\u2028\u2029]"),
        (
            r"[^\s@]",
            "[^\\t-\\r \\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f"
            "\\u205f\\u3000\\ufeff@]",
        ),
        (r"\u{1F600}\xe9", r"\U0001f600\xe9"),
        (r"(?<n>a)\k<n>", r"(?P<n>a)(?P=n)"),
        (r"(a)\1", r"(a)\1"),
        (r"(a)?\1", r"(a)?(?(1)\1)"),
        (r"\1(a)", r"(?:)(a)"),
        (r"(?<$>a)\k<$>", r"(?P<_group1>a)(?P=_group1)"),
        (r"[\w-]", r"[A-Za-z0-9_\-]"),
        (r"a{2,}?", r"a{2,}?"),
        (r"[]|[^]", r"[^\x00-\U0010ffff]|[\x00-\U0010ffff]"),
        (r"\_\-", r"_-"),
        (r"a{,2}", r"a\{,2\}"),
    ],
)
def test_exact_output(pattern: str, expected: str) -> None:
    assert translate(pattern) == expected


def test_every_translation_compiles() -> None:
    for pattern in ALL_TRANSLATABLE:
        compile_pattern(translate(pattern))


# --- Unicode tables ---------------------------------------------------------------

_TAG_KEY = r"^(?!aws:)[\p{L}\p{Z}\p{N}_.:/=+\-@]*$"  # Connect's TagKey (issue 11, 8a)


def test_unicode_tables_are_nodes() -> None:
    """Node's General_Category data (ICU) and the baked tables agree everywhere."""
    assert unicode_mismatches() == frozenset()
    script = "process.stdout.write(JSON.stringify(process.versions.unicode))"
    node_version = run_node(script, None)
    assert UNICODE_VERSION.split(".")[:2] == node_version.split(".")[:2]


def test_characters_assigned_since_python_are_judged(oracle: dict[str, Any]) -> None:
    """Characters this Python calls unassigned are among the strings Node judges;
    Node accepts U+31350 in a TagKey (so, by test_matches_like_node, do we)."""
    assert len(NEW_SINCE_PYTHON) >= 20
    assert all(unicodedata.category(c) == "Cn" for c in NEW_SINCE_PYTHON)
    judged = dict(
        zip(oracle["strings"][_TAG_KEY], oracle["valid"][_TAG_KEY], strict=True)
    )
    assert judged["\U00031350"] is True
    assert set(NEW_SINCE_PYTHON) <= set(judged)
