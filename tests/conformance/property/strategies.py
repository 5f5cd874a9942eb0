r"""Hypothesis strategies for every shape of StartEmailContact's closure.

Everything here is derived from botocore's ``ServiceModel`` at test time (shape
types, ``min``/``max``, ``pattern``, ``enum``, ``required``, ``union``,
``sensitive``), never from the generator's IR, so a misreading of the model
shared by the generator and these tests cannot hide.

* ``params(name)`` draws valid botocore *parameter dicts* (wire names), the
  form ``to_dict()`` produces and ``from_dict()`` reads;
* ``objects(name)`` draws valid instances of the generated classes directly
  (``cls(**fields)``), not through ``from_dict``;
* ``params(name, full=True)`` sets every optional member and gives every list
  and map at least one entry, so that every shape of the closure under ``name``
  occurs (the mutation tests need a site for each constraint).

Strings are sized in code points between the model's ``min`` and ``max``,
drawn from an alphabet with astral characters, combining marks, controls and
the ECMA-262 whitespace traps, with the boundary lengths exactly ``min`` and
exactly ``max`` as explicit branches.  Long boundary strings are a short drawn
seed repeated (:class:`LongText`), so a 5,242,880-code-point ``Body`` costs
nothing to draw and prints as one line in a counterexample.  Lone surrogates
(category Cs) are never drawn for valid strings: a Smithy string is a sequence
of Unicode scalar values and the wire is UTF-8.

Pattern-constrained strings are built from parts whose meaning follows the
pattern's ECMA-262 reading (unanchored search, ECMA's ``\s``), not drawn by
rejection, so ``[^\s@]+@[^\s@]+\.[^\s@]+`` never trips a health check; property 6
(``test_patterns.py``) checks these strings against Node's ``RegExp``.

The recursive ``SegmentAttributeValue`` is capped at ``MAX_DEPTH`` levels below
the first (``MAX_DEPTH_FULL`` with ``full=True``, where every member is set);
``values(name, ...)`` is the strategy of any shape of the closure by name.
"""

from __future__ import annotations

import functools
import keyword
import string
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Final

import botocore.model
import botocore.session
from botocore import xform_name
from hypothesis import strategies as st

import generated.connect as connect
from tests.support import children, reachable

MODEL = botocore.session.get_session().get_service_model("connect")
OPERATION = MODEL.operation_model("StartEmailContact")
_input, _output = OPERATION.input_shape, OPERATION.output_shape
assert _input is not None and _output is not None
INPUT: botocore.model.StructureShape = _input
OUTPUT: botocore.model.StructureShape = _output
MAX_DEPTH = 3
MAX_DEPTH_FULL = 1  # full=True already sets every member: keep the tree small

Strategy = st.SearchStrategy[Any]


# --- the closure, from botocore's model ---------------------------------------------


CLOSURE = reachable(INPUT, OUTPUT, *OPERATION.error_shapes)
STRUCTURES = sorted(n for n, s in CLOSURE.items() if s.type_name == "structure")
ERRORS = sorted(n for n in STRUCTURES if CLOSURE[n].metadata.get("exception"))
PLAIN = [n for n in STRUCTURES if n not in ERRORS]
# Shapes reachable from the input read strictly by default (README: "Request
# shapes read strictly"); the response, the errors and what only they reach do not.
STRICT_BY_DEFAULT = frozenset(
    n for n, s in reachable(INPUT).items() if s.type_name == "structure"
)
RECURSIVE = frozenset(
    n
    for n in STRUCTURES
    if any(n in reachable(child) for child in children(CLOSURE[n]))
)


def shape(name: str) -> botocore.model.Shape:
    return CLOSURE[name]


def structure(name: str) -> botocore.model.StructureShape:
    found = CLOSURE[name]
    assert isinstance(found, botocore.model.StructureShape)
    return found


def cls_of(name: str) -> Any:
    """The generated class the README promises under the model's name."""
    return getattr(connect, name)


def field_name(member: str) -> str:
    """README: ``botocore.xform_name(member)``, keywords get a trailing ``_``."""
    name = xform_name(member)
    return name + "_" if keyword.iskeyword(name) else name


def is_sensitive(target: botocore.model.Shape) -> bool:
    """The model's ``sensitive`` trait (on the target shape or the member)."""
    return bool(target.metadata.get("sensitive"))


def is_union(target: botocore.model.Shape) -> bool:
    return bool(getattr(target, "is_tagged_union", False))


def reaches_recursion(target: botocore.model.Shape) -> bool:
    """Whether a member leads back into a recursive structure."""
    return any(name in RECURSIVE for name in reachable(target))


# --- characters ---------------------------------------------------------------------

# ECMA-262 WhiteSpace (TAB, VT, FF, ZWNBSP, USP = every Zs) and LineTerminator
# (LF, CR, LS, PS): what ``\s`` matches in a ``RegExp``.  Written from the spec,
# not from the generator's translation table.
ECMA_WHITESPACE = frozenset(
    "\t\n\x0b\x0c\r \xa0\u1680\u2028\u2029\u202f\u205f\u3000\ufeff"
    + "".join(chr(cp) for cp in range(0x2000, 0x200B))
)
# Characters that are worth more than their share of a uniform draw.
TRAPS = (
    "\n",
    "\r",
    "\t",
    "\x00",
    "\x1c",
    "\x1f",
    "\x85",
    "\xa0",
    "\u2028",
    "\u2029",
    "\ufeff",
    "\u200b",
    "\u0301",  # combining acute accent (Mn)
    "\u20dd",  # combining enclosing circle (Me)
    "\u00e9",
    "\u00df",
    "\u01c5",  # Dz with caron, titlecase (Lt)
    "\u0663",  # Arabic-Indic digit three (Nd, not \d)
    "\U0001d7d8",  # mathematical double-struck zero (astral Nd)
    "\u4e2d",
    "\U0001f600",  # astral emoji: two UTF-16 units, one code point
    "\U00010000",
    "\U0010fffd",  # last plane, private use (Co)
    "\ue000",
    "\U000e0001",  # language tag (Cf)
    "\u0378",  # unassigned (Cn)
    "\\",
    '"',
    "'",
    "@",
    ".",
    " ",
)
ASCII = st.characters(min_codepoint=0x20, max_codepoint=0x7E)
ANY_SCALAR = st.characters(exclude_categories=["Cs"])
# The ECMA-262 traps again, so that each is drawn often enough on its own.
ECMA_TRAPS = ("\n", "\r", "\x1c", "\ufeff", "\u2028", "\u0301", "\U0001f600")
TEXT_CHARS = st.one_of(
    ASCII, st.sampled_from(TRAPS), st.sampled_from(ECMA_TRAPS), ANY_SCALAR
)


def text(
    chars: Strategy, *, min_size: int = 0, max_size: int | None = None
) -> Strategy:
    """Like ``st.text(chars, ...)``, but keeps the weights of a ``one_of`` alphabet.

    ``st.text`` merges such an alphabet into one set of code points, so the
    traps (a few among 1.1 million) would almost never be drawn.
    """
    return st.lists(chars, min_size=min_size, max_size=max_size).map("".join)


_C_CATEGORIES: Final = ("Cc", "Cf", "Cs", "Co", "Cn")


def _is_other(char: str) -> bool:
    """General_Category C (Python's Unicode database, as the runtime uses)."""
    return unicodedata.category(char) in _C_CATEGORIES


NOT_C_CHARS = st.one_of(
    ASCII,
    st.sampled_from([c for c in TRAPS if not _is_other(c)]),
    st.characters(exclude_categories=_C_CATEGORIES),
)
C_CHARS = st.one_of(
    st.sampled_from([c for c in TRAPS if _is_other(c)]),
    st.characters(categories=("Cc", "Cf", "Co", "Cn")),
)
# Neither ECMA whitespace nor "@": what ``[^\s@]`` matches.
EMAIL_PART_CHARS = st.one_of(
    ASCII.filter(lambda c: c not in ECMA_WHITESPACE and c != "@"),
    st.sampled_from([c for c in TRAPS if c not in ECMA_WHITESPACE and c != "@"]),
    st.characters(
        exclude_categories=["Cs"], exclude_characters=ECMA_WHITESPACE | {"@"}
    ),
)


# --- long strings that print short ------------------------------------------------


class LongText(str):
    """``head`` then ``seed`` repeated, cut to exactly ``size`` code points.

    A plain ``str`` to everything that reads it (equality, hashing, ``len``,
    ``json``, botocore); only its ``repr`` differs, so that a counterexample with
    a 5,242,880-code-point ``Body`` stays one readable line.
    """

    head: str
    seed: str
    size: int

    def __new__(cls, head: str, seed: str, size: int) -> LongText:
        text = head[:size]
        missing = size - len(text)
        if missing:
            text += (seed * (missing // len(seed) + 1))[:missing]
        self = super().__new__(cls, text)
        self.head, self.seed, self.size = head, seed, size
        return self

    def __getnewargs__(self) -> tuple[str, str, int]:  # type: ignore[override]
        return (self.head, self.seed, self.size)

    def __repr__(self) -> str:
        return f"LongText({self.head!r}, {self.seed!r}, size={self.size})"


_SHORT = 64


def fit(head: str, seed: str, size: int) -> str:
    """``head`` padded with ``seed`` (or cut) to exactly ``size`` code points."""
    value = LongText(head, seed or "x", size)
    return value if size > _SHORT else str(value)


# --- strings --------------------------------------------------------------------------

_SMALL = 12


def bounds(target: botocore.model.Shape) -> tuple[int, int | None]:
    """The model's ``min`` and ``max`` (lengths, or entries for lists and maps)."""
    return target.metadata.get("min", 0), target.metadata.get("max")


def exact_text(size: int, chars: Strategy = TEXT_CHARS) -> Strategy:
    """Text of exactly ``size`` code points, drawn as a short head and seed."""
    if size == 0:
        return st.just("")
    return st.builds(
        fit,
        text(chars, max_size=min(size, 8)),
        text(chars, min_size=1, max_size=4),
        st.just(size),
    )


def sized_text(lo: int, hi: int | None, chars: Strategy = TEXT_CHARS) -> Strategy:
    """Text within [lo, hi] code points: mostly short, exactly lo, exactly hi."""
    top = lo + _SMALL if hi is None else min(hi, lo + _SMALL)
    common = text(chars, min_size=lo, max_size=top)
    rare = [exact_text(lo, chars)]
    if hi is not None and hi > top:
        rare.append(exact_text(hi, chars))
    return st.one_of(common, common, common, *rare)


@dataclass(frozen=True)
class PatternStrings:
    r"""How to draw strings for one model pattern, by its ECMA-262 meaning.

    ``exact(n)`` draws matching strings of exactly ``n`` code points (for every
    ``n >= shortest``), ``free(lo, hi)`` short matching strings within
    ``[lo, hi]``, and ``miss(lo, hi)`` strings within ``[lo, hi]`` that do not
    match.  Each is built from parts whose reading under ECMA-262 is plain from
    the pattern; ``test_patterns.py`` has Node confirm that, string by string.
    """

    pattern: str
    shortest: int
    exact: Callable[[int], Strategy]
    free: Callable[[int, int], Strategy]
    miss: Callable[[int, int], Strategy]

    def matching(self, lo: int, hi: int) -> Strategy:
        """Matching strings within [lo, hi], the boundary lengths included."""
        low = max(lo, self.shortest)
        common = self.free(low, hi)
        return st.one_of(common, common, common, self.exact(low), self.exact(hi))


def _clamp(value: str, lo: int, hi: int, pad: str) -> str:
    """``value`` cut to ``hi`` or padded at the end with ``pad`` to ``lo``."""
    if len(value) < lo:
        value += pad * (lo - len(value))
    return value[:hi]


# [^\s@]+@[^\s@]+\.[^\s@]+ : unanchored, so anything may surround a match.
_EMAIL_PART = text(EMAIL_PART_CHARS, min_size=1, max_size=6)
_EMAIL_PART_NO_DOT = text(
    EMAIL_PART_CHARS.filter(lambda c: c != "."), min_size=1, max_size=6
)
_ECMA_SPACE = st.sampled_from(sorted(ECMA_WHITESPACE))


def _email_core(local: str, domain: str, tld: str) -> str:
    return f"{local}@{domain}.{tld}"


def _email_exact(size: int) -> Strategy:
    def build(local: str, domain: str, tld: str, seed: str) -> str:
        core = _email_core(local, domain, tld)
        if len(core) > size:
            core = _email_core(local[0], domain[0], tld[0])
        return fit(core, seed, size)

    seed = text(TEXT_CHARS, min_size=1, max_size=4)
    return st.builds(build, _EMAIL_PART, _EMAIL_PART, _EMAIL_PART, seed)


def _email_free(lo: int, hi: int) -> Strategy:
    around = text(TEXT_CHARS, max_size=4)
    core = st.builds(_email_core, _EMAIL_PART, _EMAIL_PART, _EMAIL_PART)
    joined = st.builds(lambda a, c, b: a + c + b, around, core, around)
    return joined.filter(lambda value: lo <= len(value) <= hi)


def _email_miss(lo: int, hi: int) -> Strategy:
    no_at = text(TEXT_CHARS.filter(lambda c: c != "@"), min_size=1, max_size=12)
    # the only character before "@" is ECMA whitespace (U+FEFF, U+00A0, ...)
    space_local = st.builds(
        lambda w, d, t: f"{w}@{d}.{t}", _ECMA_SPACE, *[_EMAIL_PART] * 2
    )
    # whitespace right after "@"
    space_domain = st.builds(
        lambda loc, w, t: f"{loc}@{w}.{t}", _EMAIL_PART, _ECMA_SPACE, _EMAIL_PART
    )
    # no "." after "@" (or nothing after the last one)
    no_dot = st.builds(
        lambda loc, d, end: f"{loc}@{d}{end}",
        _EMAIL_PART,
        _EMAIL_PART_NO_DOT,
        st.sampled_from(["", "."]),
    )
    drawn = st.one_of(no_at, space_local, space_domain, no_dot)
    return drawn.filter(lambda value: lo <= len(value) <= hi)


EMAIL = PatternStrings(
    pattern=r"[^\s@]+@[^\s@]+\.[^\s@]+",
    shortest=5,
    exact=_email_exact,
    free=_email_free,
    miss=_email_miss,
)


# ^\P{C}*$ : every code point outside General_Category C, nothing else.
def _no_other_miss(lo: int, hi: int) -> Strategy:
    def build(name: str, bad: str, where: int, newline: bool) -> str:
        if newline:  # "$" must not match before a trailing "\n"
            return _clamp(name, lo - 1, hi - 1, "a") + "\n"
        name = _clamp(name, lo - 1, hi - 1, "a")
        where %= len(name) + 1
        return name[:where] + bad + name[where:]

    name = text(NOT_C_CHARS, max_size=_SMALL)
    return st.builds(build, name, C_CHARS, st.integers(0, 64), st.booleans())


NO_OTHER = PatternStrings(
    pattern=r"^\P{C}*$",
    shortest=0,
    exact=lambda size: exact_text(size, NOT_C_CHARS),
    free=lambda lo, hi: text(NOT_C_CHARS, min_size=lo, max_size=min(hi, lo + _SMALL)),
    miss=_no_other_miss,
)


# ^[-:/A-Za-z0-9]+ : a prefix from the class, then anything (no "$").
_ARN_CHARS = st.sampled_from("-:/" + string.ascii_letters + string.digits)
_ARN_HEAD = text(_ARN_CHARS, min_size=1, max_size=24)
_BAD_ARN_START = st.one_of(
    st.sampled_from([" ", "_", ".", "@", "\n", "\ufeff", "\u0663", "\uff10", "\u00e9"]),
    st.sampled_from(["\U0001f600", "\u212a", "\u0130"]),  # astral; Kelvin sign; I-dot
)


def _arn_exact(size: int) -> Strategy:
    seed = text(TEXT_CHARS, min_size=1, max_size=4)
    tail = text(TEXT_CHARS, max_size=6)
    return st.builds(lambda h, t, s: fit(h + t, s, size), _ARN_HEAD, tail, seed)


def _arn_free(lo: int, hi: int) -> Strategy:
    def build(head: str, tail: str) -> str:
        if len(head) + len(tail) < lo:
            head += "0" * (lo - len(head) - len(tail))
        return (head + tail)[:hi]

    return st.builds(build, _ARN_HEAD, text(TEXT_CHARS, max_size=8))


def _arn_miss(lo: int, hi: int) -> Strategy:
    rest = text(TEXT_CHARS, max_size=_SMALL)
    return st.builds(lambda b, r: _clamp(b + r, lo, hi, "a"), _BAD_ARN_START, rest)


ARN_PREFIX = PatternStrings(
    pattern=r"^[-:/A-Za-z0-9]+",
    shortest=1,
    exact=_arn_exact,
    free=_arn_free,
    miss=_arn_miss,
)

PATTERNS = {item.pattern: item for item in (EMAIL, NO_OTHER, ARN_PREFIX)}


def pattern_strings(pattern: str) -> PatternStrings:
    """The builders for a pattern of the closure; a new one must be added here."""
    try:
        return PATTERNS[pattern]
    except KeyError:
        raise AssertionError(
            f"the closure has a new pattern {pattern!r}: add a PatternStrings for it"
        ) from None


def drawn_max(lo: int, hi: int | None) -> int:
    """The model's ``max``, or a length to stay within where it sets none."""
    return hi if hi is not None else lo + 255


def string_values(target: botocore.model.StringShape) -> Strategy:
    """Valid values of a string shape: an enum value, or sized (and matching)."""
    if target.enum:
        return st.sampled_from(target.enum)
    lo, hi = bounds(target)
    pattern = target.metadata.get("pattern")
    if pattern is not None:
        return pattern_strings(pattern).matching(lo, drawn_max(lo, hi))
    return sized_text(lo, hi)


# --- numbers ----------------------------------------------------------------------


def int_bounds(target: botocore.model.Shape) -> tuple[int, int]:
    """integer is 32 bits, long 64 (README), narrowed by the model's min/max."""
    bits = 32 if target.type_name == "integer" else 64
    lo, hi = -(2 ** (bits - 1)), 2 ** (bits - 1) - 1
    lo = max(lo, target.metadata.get("min", lo))
    hi = min(hi, target.metadata.get("max", hi))
    return lo, hi


def integer_values(target: botocore.model.Shape) -> Strategy:
    lo, hi = int_bounds(target)
    edges = sorted({v for v in (lo, lo + 1, -1, 0, 1, hi - 1, hi) if lo <= v <= hi})
    return st.one_of(st.sampled_from(edges), st.integers(lo, hi))


# --- every shape ---------------------------------------------------------------------


@functools.cache
def values(name: str, objects: bool, full: bool, depth: int) -> Strategy:
    """The strategy of the closure's shape ``name``: wire values, or objects for
    structures when ``objects``; ``depth`` counts the recursive structures above.
    """
    target = CLOSURE[name]
    kind = target.type_name
    if kind == "string":
        assert isinstance(target, botocore.model.StringShape)
        return string_values(target)
    if kind in ("integer", "long"):
        return integer_values(target)
    if isinstance(target, botocore.model.ListShape):
        return _list_values(target, objects, full, depth)
    if isinstance(target, botocore.model.MapShape):
        return _map_values(target, objects, full, depth)
    if isinstance(target, botocore.model.StructureShape):
        return _structure_values(target, objects, full, depth)
    raise AssertionError(f"no strategy for {kind} shape {name}: add one")


def _entry_counts(
    target: botocore.model.Shape, full: bool
) -> tuple[int, int, int | None]:
    """A list's or map's fewest and usual most entries drawn, and the model's max.

    ``full`` draws at least one entry, so that every nested member is reached.
    """
    lo, hi = bounds(target)
    lo = max(lo, 1) if full else lo
    top = lo + (1 if full else 3)
    return lo, top if hi is None else min(hi, top), hi


def _list_values(
    target: botocore.model.ListShape, objects: bool, full: bool, depth: int
) -> Strategy:
    lo, top, hi = _entry_counts(target, full)
    member = values(target.member.name, objects, full, depth)
    common = st.lists(member, min_size=lo, max_size=top)
    if hi is None or hi <= top:
        return common
    # Exactly ``hi`` entries: a few drawn ones, repeated (cheap, and lists may
    # repeat entries).
    longest = st.lists(member, min_size=1, max_size=3).map(
        lambda entries: (entries * hi)[:hi]
    )
    return st.one_of(common, common, common, longest)


def _map_values(
    target: botocore.model.MapShape, objects: bool, full: bool, depth: int
) -> Strategy:
    lo, top, _ = _entry_counts(target, full)
    keys = values(target.key.name, False, False, depth)
    items = values(target.value.name, objects, full, depth)
    return st.dictionaries(keys, items, min_size=lo, max_size=top)


def _structure_values(
    target: botocore.model.StructureShape, objects: bool, full: bool, depth: int
) -> Strategy:
    name = target.name
    recursive = name in RECURSIVE
    below = depth + 1 if recursive else depth
    required = set(target.required_members)
    members: dict[str, Strategy] = {}
    for member, member_shape in target.members.items():
        cap = MAX_DEPTH_FULL if full else MAX_DEPTH
        capped = recursive and depth >= cap and reaches_recursion(member_shape)
        if capped and member not in required:
            continue
        members[member] = values(member_shape.name, objects, full, below)
    if is_union(target):
        drawn = st.one_of([st.fixed_dictionaries({m: s}) for m, s in members.items()])
    elif full:
        drawn = st.fixed_dictionaries(members)
    else:
        drawn = st.fixed_dictionaries(
            {m: s for m, s in members.items() if m in required},
            optional={m: s for m, s in members.items() if m not in required},
        )
    if not objects:
        return drawn
    cls = cls_of(name)
    return drawn.map(lambda wire: cls(**{field_name(k): v for k, v in wire.items()}))


def params(name: str, *, full: bool = False) -> Strategy:
    """Valid botocore parameter dicts of a structure (wire names)."""
    return values(name, False, full, 0)


def objects(name: str) -> Strategy:
    """Valid instances of a generated class, built with its constructor."""
    return values(name, True, False, 0)
