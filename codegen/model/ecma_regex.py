r"""Translate ECMA-262 (u-mode) regular expressions into Python ``re`` source.

Smithy ``pattern`` traits are ECMA-262 regular expressions matched
*unanchored*, as if by ``new RegExp(pattern, "u").test(value)``.  Python's
``re`` differs in many small ways (``$`` before a trailing newline, Unicode
``\d``/``\w``/``\s``, ``.`` and line terminators, ...), so :func:`translate`
parses the pattern with the ECMA-262 u-mode grammar (a recursive-descent
parser over code points) and emits Python source with the ECMA meaning.

Output contract (shared with ``compile_pattern`` in the generated runtime):

* the source is compiled **without flags** and used with ``.search(value)``;
* ``^``/``$`` become ``\A``/``\Z``; ``.``, ``\d``, ``\w``, ``\s``, ``\b`` and
  their complements are spelled out as explicit ASCII/ECMA code point ranges;
* General_Category property escapes are written as ``\p{XX}``/``\P{XX}``
  (``XX`` = short category name, e.g. ``L``, ``Lu``, ``LC``) and only ever
  inside a ``[...]`` class; the runtime expands them from the tables the
  generator bakes in (``codegen.model.unicode_tables``: current Unicode from
  ``unicodedata2``, not the running Python's database);
* the output never contains a literal ``\\`` (a backslash is ``\x5c``), so
  the runtime can find property tokens without ambiguity.

Leniency (decision): AWS's servers validate with Java, which accepts some
patterns that u-mode ECMA-262 rejects.  :func:`translate` therefore accepts,
Annex-B style, an identity escape of any ASCII punctuation character (``\_``,
``\:``, ``\-`` outside a class, ...) as that literal character, a lone ``{``,
``}`` or ``]`` as a literal, and a class escape used as a range endpoint
(``[\w-z]``) as a union with a literal ``-``.  :func:`strict_ecma_errors`
reports (with Node's wording) whether a pattern is valid u-mode ECMA-262, so
such patterns can be listed.  Anything else that is not valid ECMA-262
raises :class:`PatternError`.

Not translatable (raise :class:`PatternError` although valid ECMA-262):
Script/Script_Extensions and binary properties other than ``Any``, ``ASCII``
and ``Assigned``; lookbehind whose alternatives are not each of a fixed
width (Python needs fixed-width lookbehind; ``(?<=^|,)`` is split into one
lookbehind per alternative); backreferences inside a lookbehind (ECMA matches
lookbehind right to left); backreferences to a group that is optional inside a repeated
group (ECMA resets captures on every iteration, Python does not); repetition
bounds beyond Python's limit.  :func:`strict_ecma_errors` checks Script
values only syntactically.

Size: about 1,100 lines, over the project's ~400-line guideline: one
recursive-descent parser of one grammar (ECMA-262's Pattern, u-mode plus the
Annex B leniency above), its strict checker and its emitter share the node
types and the character-set algebra; split, each part would import the others'
internals. What runs at generation time on top of it (the linear-time plan)
is ``codegen.model.regex_plan``.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable
from dataclasses import dataclass, field

__all__ = [
    "PatternError",
    "complement",
    "emit",
    "parse",
    "strict_ecma_errors",
    "translate",
]

Spans = tuple[tuple[int, int], ...]

_MAX_CODE_POINT = 0x10FFFF
# Python's sre refuses repetition counts >= MAXREPEAT (2**32 - 1).
_MAX_REPEAT = 4294967295
_SYNTAX_CHARACTERS = frozenset("^$\\.*+?()[]{}|")
_PUNCTUATION = frozenset(string.punctuation)
_HEX_DIGITS = frozenset(string.hexdigits)
_CONTROL_ESCAPES = {"f": 0x0C, "n": 0x0A, "r": 0x0D, "t": 0x09, "v": 0x0B}
_BRACE_QUANTIFIER = re.compile(r"\{([0-9]+)(?:(,)([0-9]*))?\}")
_PROPERTY_BODY = re.compile(r"\{([A-Za-z0-9_]+)(?:=([A-Za-z0-9_]+))?\}")

_DIGIT: Spans = ((0x30, 0x39),)
_WORD: Spans = ((0x41, 0x5A), (0x61, 0x7A), (0x30, 0x39), (0x5F, 0x5F))
_SPACE: Spans = (
    (0x09, 0x0D),
    (0x20, 0x20),
    (0xA0, 0xA0),
    (0x1680, 0x1680),
    (0x2000, 0x200A),
    (0x2028, 0x2029),
    (0x202F, 0x202F),
    (0x205F, 0x205F),
    (0x3000, 0x3000),
    (0xFEFF, 0xFEFF),
)
_CLASS_ESCAPES: dict[str, Spans] = {"d": _DIGIT, "w": _WORD, "s": _SPACE}
_LINE_TERMINATORS: Spans = ((0x0A, 0x0A), (0x0D, 0x0D), (0x2028, 0x2029))
_EVERYTHING: Spans = ((0, _MAX_CODE_POINT),)

_WORD_CLASS = "[A-Za-z0-9_]"
_BOUNDARIES = {
    "b": f"(?:(?<={_WORD_CLASS})(?!{_WORD_CLASS})|(?<!{_WORD_CLASS})(?={_WORD_CLASS}))",
    "B": f"(?:(?<={_WORD_CLASS})(?={_WORD_CLASS})|(?<!{_WORD_CLASS})(?!{_WORD_CLASS}))",
}
_ANCHORS = {"^": r"\A", "$": r"\Z"}

_GENERAL_CATEGORIES = (
    ("C", "Other"),
    ("Cc", "Control", "cntrl"),
    ("Cf", "Format"),
    ("Cn", "Unassigned"),
    ("Co", "Private_Use"),
    ("Cs", "Surrogate"),
    ("L", "Letter"),
    ("LC", "Cased_Letter"),
    ("Ll", "Lowercase_Letter"),
    ("Lm", "Modifier_Letter"),
    ("Lo", "Other_Letter"),
    ("Lt", "Titlecase_Letter"),
    ("Lu", "Uppercase_Letter"),
    ("M", "Mark", "Combining_Mark"),
    ("Mc", "Spacing_Mark"),
    ("Me", "Enclosing_Mark"),
    ("Mn", "Nonspacing_Mark"),
    ("N", "Number"),
    ("Nd", "Decimal_Number", "digit"),
    ("Nl", "Letter_Number"),
    ("No", "Other_Number"),
    ("P", "Punctuation", "punct"),
    ("Pc", "Connector_Punctuation"),
    ("Pd", "Dash_Punctuation"),
    ("Pe", "Close_Punctuation"),
    ("Pf", "Final_Punctuation"),
    ("Pi", "Initial_Punctuation"),
    ("Po", "Other_Punctuation"),
    ("Ps", "Open_Punctuation"),
    ("S", "Symbol"),
    ("Sc", "Currency_Symbol"),
    ("Sk", "Modifier_Symbol"),
    ("Sm", "Math_Symbol"),
    ("So", "Other_Symbol"),
    ("Z", "Separator"),
    ("Zl", "Line_Separator"),
    ("Zp", "Paragraph_Separator"),
    ("Zs", "Space_Separator"),
)
_CATEGORY_NAMES = {alias: names[0] for names in _GENERAL_CATEGORIES for alias in names}
# Binary properties ECMA-262 (Node 20) accepts, as (name, alias) pairs.
_BINARY_PROPERTY_NAMES = (
    ("ASCII",),
    ("ASCII_Hex_Digit", "AHex"),
    ("Alphabetic", "Alpha"),
    ("Any",),
    ("Assigned",),
    ("Bidi_Control", "Bidi_C"),
    ("Bidi_Mirrored", "Bidi_M"),
    ("Case_Ignorable", "CI"),
    ("Cased",),
    ("Changes_When_Casefolded", "CWCF"),
    ("Changes_When_Casemapped", "CWCM"),
    ("Changes_When_Lowercased", "CWL"),
    ("Changes_When_NFKC_Casefolded", "CWKCF"),
    ("Changes_When_Titlecased", "CWT"),
    ("Changes_When_Uppercased", "CWU"),
    ("Dash",),
    ("Default_Ignorable_Code_Point", "DI"),
    ("Deprecated", "Dep"),
    ("Diacritic", "Dia"),
    ("Emoji",),
    ("Emoji_Component", "EComp"),
    ("Emoji_Modifier", "EMod"),
    ("Emoji_Modifier_Base", "EBase"),
    ("Emoji_Presentation", "EPres"),
    ("Extended_Pictographic", "ExtPict"),
    ("Extender", "Ext"),
    ("Grapheme_Base", "Gr_Base"),
    ("Grapheme_Extend", "Gr_Ext"),
    ("Hex_Digit", "Hex"),
    ("IDS_Binary_Operator", "IDSB"),
    ("IDS_Trinary_Operator", "IDST"),
    ("ID_Continue", "IDC"),
    ("ID_Start", "IDS"),
    ("Ideographic", "Ideo"),
    ("Join_Control", "Join_C"),
    ("Logical_Order_Exception", "LOE"),
    ("Lowercase", "Lower"),
    ("Math",),
    ("Noncharacter_Code_Point", "NChar"),
    ("Pattern_Syntax", "Pat_Syn"),
    ("Pattern_White_Space", "Pat_WS"),
    ("Quotation_Mark", "QMark"),
    ("Radical",),
    ("Regional_Indicator", "RI"),
    ("Sentence_Terminal", "STerm"),
    ("Soft_Dotted", "SD"),
    ("Terminal_Punctuation", "Term"),
    ("Unified_Ideograph", "UIdeo"),
    ("Uppercase", "Upper"),
    ("Variation_Selector", "VS"),
    ("White_Space", "space"),
    ("XID_Continue", "XIDC"),
    ("XID_Start", "XIDS"),
)
_BINARY_PROPERTIES = frozenset(n for names in _BINARY_PROPERTY_NAMES for n in names)
_SCRIPT_PROPERTIES = frozenset({"Script", "sc", "Script_Extensions", "scx"})
_CATEGORY_PROPERTIES = frozenset({"General_Category", "gc"})


class PatternError(ValueError):
    """A pattern that cannot be translated faithfully (or is not ECMA-262)."""

    def __init__(self, reason: str, pattern: str, offset: int) -> None:
        super().__init__(f"{reason} at offset {offset} in pattern {pattern!r}")
        self.reason = reason
        self.pattern = pattern
        self.offset = offset


# --- syntax tree -----------------------------------------------------------


@dataclass(eq=False)
class _Set:
    """Class item: code point spans, possibly complemented (``\\D``)."""

    spans: Spans
    negated: bool = False


@dataclass(eq=False)
class _Prop:
    """Class item: a General_Category escape, expanded by the runtime."""

    name: str
    negated: bool


_Item = _Set | _Prop


@dataclass(eq=False)
class _Char:
    """One literal code point."""

    cp: int


@dataclass(eq=False)
class _Dot:
    """``.``: anything but a line terminator."""


@dataclass(eq=False)
class _Class:
    """``[...]``, and also a lone class escape such as ``\\d`` or ``\\p{L}``."""

    items: list[_Item]
    negated: bool = False


@dataclass(eq=False)
class _Assert:
    """Zero-width ``^``, ``$``, ``\\b`` or ``\\B``."""

    kind: str  # "^", "$", "b" or "B"


@dataclass(eq=False)
class _BackRef:
    """``\\N`` or ``\\k<name>``; ``mode`` is chosen once all groups are known."""

    offset: int
    index: int = 0
    name: str | None = None
    mode: str = "plain"  # "plain", "conditional" or "empty"


@dataclass(eq=False)
class _Group:
    """Any parenthesised construct; ``start``/``end`` are its parentheses."""

    kind: str  # capture, group, ahead, not_ahead, behind, not_behind
    start: int
    body: _Node = field(default_factory=lambda: _Seq([]))
    end: int = 0
    index: int = 0
    name: str | None = None


@dataclass(eq=False)
class _Repeat:
    """A quantified atom (``high`` is ``None`` when unbounded)."""

    body: _Node
    low: int
    high: int | None
    lazy: bool
    braces: bool


@dataclass(eq=False)
class _Seq:
    """Concatenation (an ECMA Alternative)."""

    items: list[_Node]


@dataclass(eq=False)
class _Alt:
    """``a|b`` (an ECMA Disjunction of two or more Alternatives)."""

    branches: list[_Node]


_Node = _Char | _Dot | _Class | _Assert | _BackRef | _Group | _Repeat | _Seq | _Alt
_LOOKAROUNDS = {
    "(?=": "ahead",
    "(?!": "not_ahead",
    "(?<=": "behind",
    "(?<!": "not_behind",
}
_PREFIXES = {**_LOOKAROUNDS, "(?:": "group"}
_NEGATIVE = frozenset({"not_ahead", "not_behind"})
_BEHIND = frozenset({"behind", "not_behind"})
_OPENERS = {kind: prefix for prefix, kind in _PREFIXES.items()}


# --- parser ----------------------------------------------------------------


def _count_groups(source: str) -> int:
    """Count capturing groups up front: u-mode ``\\N`` may refer forward."""
    count, index, in_class = 0, 0, False
    while index < len(source):
        char = source[index]
        if char == "\\":
            index += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "(" and _opens_capture(source, index):
            count += 1
        index += 1
    return count


def _opens_capture(source: str, index: int) -> bool:
    """Whether the ``(`` at ``index`` starts a (possibly named) capture group."""
    if not source.startswith("?", index + 1):
        return True
    return source.startswith("?<", index + 1) and not source.startswith(
        ("?<=", "?<!"), index + 1
    )


def _is_digit(char: str) -> bool:
    """ECMA DecimalDigit (ASCII only, unlike ``str.isdigit``)."""
    return len(char) == 1 and "0" <= char <= "9"


def _is_name_char(cp: int, first: bool) -> bool:
    """Approximate RegExpIdentifierStart/Part with Python's identifier rules."""
    char = chr(cp)
    if char in "$_" or (not first and cp in (0x200C, 0x200D)):
        return True
    return char.isidentifier() if first else ("a" + char).isidentifier()


class _Parser:
    """Recursive-descent parser for the ECMA-262 u-mode pattern grammar."""

    def __init__(self, source: str, *, strict: bool) -> None:
        self.source = source
        self.pos = 0
        self.strict = strict
        self.capture_total = _count_groups(source)
        self.groups: dict[int, _Group] = {}
        self.names: dict[str, _Group] = {}
        self.named_refs: list[_BackRef] = []
        self.unsupported: PatternError | None = None

    # helpers

    def fail(self, reason: str, offset: int | None = None) -> PatternError:
        """Build the error for a pattern that is not valid ECMA-262."""
        return PatternError(reason, self.source, self.pos if offset is None else offset)

    def lenient(self, reason: str, offset: int) -> None:
        """Accept an Annex-B style construct unless checking strictly."""
        if self.strict:
            raise self.fail(reason, offset)

    def cannot_translate(self, reason: str, offset: int) -> None:
        """Remember the first valid-but-untranslatable construct."""
        if self.unsupported is None:
            self.unsupported = self.fail(reason, offset)

    def peek(self, ahead: int = 0) -> str:
        """The character ``ahead`` positions on, or ``""`` at the end."""
        return self.source[self.pos + ahead : self.pos + ahead + 1]

    def take_char(self) -> int:
        """Consume one code point, joining a literal surrogate pair."""
        cp = ord(self.source[self.pos])
        self.pos += 1
        low = ord(self.peek()) if self.peek() else 0
        if 0xD800 <= cp <= 0xDBFF and 0xDC00 <= low <= 0xDFFF:
            self.pos += 1
            return 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00)
        return cp

    def hex_run(self, count: int) -> int | None:
        """Consume exactly ``count`` hex digits, or nothing."""
        digits = self.source[self.pos : self.pos + count]
        if len(digits) != count or not set(digits) <= _HEX_DIGITS:
            return None
        self.pos += count
        return int(digits, 16)

    def brace_quantifier(self) -> re.Match[str] | None:
        """Match ``{n}``, ``{n,}`` or ``{n,m}`` at the current position."""
        return _BRACE_QUANTIFIER.match(self.source, self.pos)

    # grammar

    def parse(self) -> _Node:
        """Parse the whole pattern and check named references."""
        tree = self.disjunction()
        if self.pos < len(self.source):
            raise self.fail("Unmatched ')'")
        for ref in self.named_refs:
            group = self.names.get(ref.name or "")
            if group is None:
                raise self.fail("Invalid named capture referenced", ref.offset)
            ref.index = group.index
        return tree

    def disjunction(self) -> _Node:
        """Disjunction :: Alternative ( ``|`` Alternative )*."""
        branches = [self.alternative()]
        while self.peek() == "|":
            self.pos += 1
            branches.append(self.alternative())
        return branches[0] if len(branches) == 1 else _Alt(branches)

    def alternative(self) -> _Node:
        """Alternative :: Term*."""
        items: list[_Node] = []
        while self.peek() not in ("", "|", ")"):
            items.append(self.term())
        return items[0] if len(items) == 1 else _Seq(items)

    def term(self) -> _Node:
        """Term :: Assertion | Atom Quantifier?."""
        char, start = self.peek(), self.pos
        if char in ("^", "$") or (char == "\\" and self.peek(1) in ("b", "B")):
            self.pos += 1 if char != "\\" else 2
            self.refuse_quantifier("Nothing to repeat")
            return _Assert(self.source[self.pos - 1])
        if self.source.startswith(tuple(_LOOKAROUNDS), self.pos):
            node = self.group()
            self.refuse_quantifier("Invalid quantifier", after_group=True)
            return node
        atom = self.atom()
        return self.quantified(atom, start)

    def refuse_quantifier(self, reason: str, *, after_group: bool = False) -> None:
        """u-mode assertions and lookarounds cannot be quantified."""
        if self.peek() in ("*", "+", "?") or self.brace_quantifier():
            raise self.fail(reason)
        if after_group and self.peek() == "{":
            self.lenient("Incomplete quantifier", self.pos)

    def quantified(self, atom: _Node, start: int) -> _Node:
        """Apply an optional quantifier to ``atom``."""
        char = self.peek()
        braces = char == "{"
        if char in ("*", "+", "?"):
            low, high = {"*": (0, None), "+": (1, None), "?": (0, 1)}[char]
            self.pos += 1
        elif braces:
            match = self.brace_quantifier()
            if match is None:
                self.lenient("Incomplete quantifier", self.pos)
                return atom
            low, high = self.brace_bounds(match)
        else:
            return atom
        lazy = self.peek() == "?"
        self.pos += lazy
        if max(low, high or 0) >= _MAX_REPEAT:
            self.cannot_translate("repetition bound too large for Python", start)
        return _Repeat(atom, low, high, lazy, braces)

    def brace_bounds(self, match: re.Match[str]) -> tuple[int, int | None]:
        """Read ``{n,m}`` bounds and check their order."""
        low = int(match.group(1))
        high: int | None = low
        if match.group(2):
            high = int(match.group(3)) if match.group(3) else None
        if high is not None and high < low:
            raise self.fail("numbers out of order in {} quantifier")
        self.pos = match.end()
        return low, high

    def atom(self) -> _Node:
        """Atom :: PatternCharacter | . | \\ AtomEscape | Class | Group."""
        char = self.peek()
        if char == ".":
            self.pos += 1
            return _Dot()
        if char == "(":
            return self.group()
        if char == "[":
            return self.character_class()
        if char == "\\":
            return self.atom_escape()
        if char in ("*", "+", "?") or (char == "{" and self.brace_quantifier()):
            raise self.fail("Nothing to repeat")
        if char in ("{", "}", "]"):
            self.lenient("Lone quantifier brackets", self.pos)
        return _Char(self.take_char())

    def group(self) -> _Group:
        """Parse a group or lookaround starting at ``(``."""
        start = self.pos
        group = _Group(self.group_kind(), start)
        if group.kind == "capture":
            if self.source.startswith("(?<", start):
                self.pos += 3
                group.name = self.group_name()
            else:
                self.pos += 1
            self.register(group)
        group.body = self.disjunction()
        if self.peek() != ")":
            raise self.fail("Unterminated group", start)
        group.end = self.pos
        self.pos += 1
        self.record_name(group)
        return group

    def group_kind(self) -> str:
        """Classify the group at ``(``, consuming the prefix of non-captures."""
        for prefix, kind in _PREFIXES.items():
            if self.source.startswith(prefix, self.pos):
                self.pos += len(prefix)
                return kind
        if self.source.startswith("(?<", self.pos) or self.peek(1) != "?":
            return "capture"
        raise self.fail("Invalid group", self.pos + 1)

    def register(self, group: _Group) -> None:
        """Number a capture group when it opens (left-parenthesis order)."""
        group.index = len(self.groups) + 1
        self.groups[group.index] = group

    def record_name(self, group: _Group) -> None:
        """Record a group name when the group closes, as V8 checks it then."""
        if group.name is not None:
            if group.name in self.names:
                raise self.fail("Duplicate capture group name", group.start)
            self.names[group.name] = group

    def group_name(self) -> str:
        """RegExpIdentifierName followed by ``>`` (``\\u`` escapes allowed)."""
        chars: list[str] = []
        while self.peek() != ">":
            if not self.peek():
                raise self.fail("Invalid capture group name")
            at = self.pos
            cp = self.name_char()
            if not _is_name_char(cp, first=not chars):
                raise self.fail("Invalid capture group name", at)
            chars.append(chr(cp))
        self.pos += 1
        if not chars:
            raise self.fail("Invalid capture group name")
        return "".join(chars)

    def name_char(self) -> int:
        """One code point of a group name, literal or ``\\u`` escaped."""
        if self.peek() != "\\":
            return self.take_char()
        if self.peek(1) != "u":
            raise self.fail("Invalid capture group name")
        self.pos += 2
        cp = self.unicode_escape()
        if cp is None:
            raise self.fail("Invalid capture group name")
        return cp

    def character_class(self) -> _Class:
        """CharacterClass :: ``[`` ``^``? ClassContents ``]``."""
        start = self.pos
        self.pos += 1
        node = _Class([], negated=self.peek() == "^")
        self.pos += node.negated
        while self.peek() != "]":
            if not self.peek():
                raise self.fail("Unterminated character class", start)
            node.items.extend(self.class_range())
        self.pos += 1
        return node

    def class_range(self) -> list[_Item]:
        """One ClassAtom, or a range ``a-b`` of two of them."""
        start = self.pos
        first = self.class_atom()
        if self.peek() != "-" or self.peek(1) in ("]", ""):
            return [_as_item(first)]
        dash = self.pos
        self.pos += 1
        second = self.class_atom()
        if isinstance(first, int) and isinstance(second, int):
            if first > second:
                raise self.fail("Range out of order in character class", start)
            return [_Set(((first, second),))]
        self.lenient("Invalid character class", dash)
        return [_as_item(first), _Set(((0x2D, 0x2D),)), _as_item(second)]

    def class_atom(self) -> int | _Item:
        """ClassAtom: a code point, or a set for ``\\d``, ``\\p{..}`` etc."""
        if self.peek() != "\\":
            return self.take_char()
        start = self.pos
        self.pos += 1
        char = self.peek()
        if char in ("b", "-"):
            self.pos += 1
            return 0x08 if char == "b" else 0x2D
        if _is_digit(char):
            if char != "0" or _is_digit(self.peek(1)):
                raise self.fail("Invalid class escape", start)
            self.pos += 1
            return 0
        return self.set_or_character_escape(start, in_class=True)

    def set_or_character_escape(self, start: int, *, in_class: bool) -> int | _Item:
        """Escapes common to atoms and classes (after the backslash)."""
        char = self.peek()
        if char and char in "dDsSwW":
            self.pos += 1
            return _Set(_CLASS_ESCAPES[char.lower()], char.isupper())
        if char and char in "pP":
            return self.property_escape(start, in_class=in_class)
        return self.character_escape(start)

    def atom_escape(self) -> _Node:
        """AtomEscape: backreference, class escape or character escape."""
        start = self.pos
        self.pos += 1
        char = self.peek()
        if char == "0" and not _is_digit(self.peek(1)):
            self.pos += 1
            return _Char(0)
        if _is_digit(char):
            return self.decimal_escape(start)
        if char == "k":
            return self.named_reference(start)
        escaped = self.set_or_character_escape(start, in_class=False)
        if isinstance(escaped, int):
            return _Char(escaped)
        return _standalone(escaped)

    def decimal_escape(self, start: int) -> _BackRef:
        """``\\N``: a backreference to an existing group (u-mode)."""
        if self.peek() == "0":
            raise self.fail("Invalid decimal escape", start)
        end = self.pos
        while _is_digit(self.source[end : end + 1]):
            end += 1
        index = int(self.source[self.pos : end])
        if index > self.capture_total:
            raise self.fail("Invalid escape", start)
        self.pos = end
        return _BackRef(start, index=index)

    def named_reference(self, start: int) -> _BackRef:
        """``\\k<name>``; resolved once all groups are known."""
        self.pos += 1
        if self.peek() != "<":
            raise self.fail("Invalid named reference", start)
        self.pos += 1
        ref = _BackRef(start, name=self.group_name())
        self.named_refs.append(ref)
        return ref

    def character_escape(self, start: int) -> int:
        """CharacterEscape (plus the documented punctuation leniency)."""
        char = self.peek()
        if not char:
            raise self.fail("\\ at end of pattern", start)
        self.pos += 1
        if char in _CONTROL_ESCAPES:
            return _CONTROL_ESCAPES[char]
        if char == "c":
            return self.control_letter(start)
        if char in ("x", "u"):
            value = self.hex_run(2) if char == "x" else self.unicode_escape()
            if value is None:
                reason = "Invalid escape" if char == "x" else "Invalid Unicode escape"
                raise self.fail(reason, start)
            return value
        if char in _SYNTAX_CHARACTERS or char == "/":
            return ord(char)
        if char in _PUNCTUATION:
            self.lenient("Invalid escape", start)
            return ord(char)
        raise self.fail("Invalid escape", start)

    def control_letter(self, start: int) -> int:
        """``\\cX`` with an ASCII letter X."""
        letter = self.peek()
        if not (letter.isascii() and letter.isalpha()):
            raise self.fail("Invalid Unicode escape", start)
        self.pos += 1
        return ord(letter) % 32

    def unicode_escape(self) -> int | None:
        """After ``\\u``: ``{H..}``, ``HHHH`` or an escaped surrogate pair."""
        if self.peek() == "{":
            end = self.source.find("}", self.pos)
            digits = self.source[self.pos + 1 : end] if end > 0 else ""
            if not digits or not set(digits) <= _HEX_DIGITS:
                return None
            self.pos = end + 1
            code_point = int(digits, 16)
            return code_point if code_point <= _MAX_CODE_POINT else None
        value = self.hex_run(4)
        if value is not None and 0xD800 <= value <= 0xDBFF:
            return self.trail_surrogate(value)
        return value

    def trail_surrogate(self, lead: int) -> int:
        """Join ``\\uD83D\\uDE00`` into one code point, as u-mode does."""
        if not self.source.startswith("\\u", self.pos):
            return lead
        saved = self.pos
        self.pos += 2
        trail = self.hex_run(4)
        if trail is None or not 0xDC00 <= trail <= 0xDFFF:
            self.pos = saved
            return lead
        return 0x10000 + ((lead - 0xD800) << 10) + (trail - 0xDC00)

    def property_escape(self, start: int, *, in_class: bool) -> _Item:
        """``\\p{...}`` / ``\\P{...}``."""
        negated = self.peek() == "P"
        self.pos += 1
        reason = "Invalid property name" + (" in character class" if in_class else "")
        match = _PROPERTY_BODY.match(self.source, self.pos)
        if match is None:
            raise self.fail(reason, start)
        self.pos = match.end()
        name, value = match.group(1), match.group(2)
        if value is None and name in _CATEGORY_NAMES:
            return _Prop(_CATEGORY_NAMES[name], negated)
        if value is None and name in _BINARY_PROPERTIES:
            return self.binary_property(name, negated, start)
        if name in _CATEGORY_PROPERTIES and value in _CATEGORY_NAMES:
            return _Prop(_CATEGORY_NAMES[value], negated)
        if name in _SCRIPT_PROPERTIES and value is not None:
            self.cannot_translate(
                f"Unicode property {name}={value} is not supported", start
            )
            return _Set(())
        raise self.fail(reason, start)

    def binary_property(self, name: str, negated: bool, start: int) -> _Item:
        """``Any``, ``ASCII`` and ``Assigned``; other binary properties fail."""
        if name == "Any":
            return _Set(_EVERYTHING, negated)
        if name == "ASCII":
            return _Set(((0, 0x7F),), negated)
        if name == "Assigned":
            return _Prop("Cn", not negated)
        self.cannot_translate(f"Unicode property {name} is not supported", start)
        return _Set(())


def _as_item(atom: int | _Item) -> _Item:
    """A single code point as a class item."""
    return _Set(((atom, atom),)) if isinstance(atom, int) else atom


def _standalone(item: _Item) -> _Class:
    """A class escape outside brackets, e.g. ``\\S`` -> ``[^...]``."""
    if isinstance(item, _Set) and item.negated:
        return _Class([_Set(item.spans)], negated=True)
    return _Class([item])


# --- backreference analysis --------------------------------------------------

_Path = tuple[_Node, ...]


def _children(node: _Node) -> list[_Node]:
    """Direct sub-expressions of ``node``."""
    if isinstance(node, _Seq):
        return node.items
    if isinstance(node, _Alt):
        return node.branches
    if isinstance(node, _Group | _Repeat):
        return [node.body]
    return []


def _collect(
    node: _Node, path: _Path, groups: dict[int, _Path], refs: list[_Path]
) -> None:
    """Record the ancestor path of every capture group and backreference."""
    here = (*path, node)
    if isinstance(node, _Group) and node.kind == "capture":
        groups[node.index] = here
    elif isinstance(node, _BackRef):
        refs.append(here)
    for child in _children(node):
        _collect(child, here, groups, refs)


def _optional(node: _Node) -> bool:
    """Whether a capture below ``node`` may be unset after ``node`` matched."""
    if isinstance(node, _Alt):
        return True
    if isinstance(node, _Repeat):
        return node.low == 0
    return isinstance(node, _Group) and node.kind in _NEGATIVE


def _is_loop(node: _Node) -> bool:
    """A quantifier that may iterate more than once."""
    return isinstance(node, _Repeat) and (node.high is None or node.high > 1)


def _reference_mode(ref_path: _Path, group_path: _Path) -> str | None:
    """How to emit a backreference; ``None`` when Python cannot match ECMA."""
    ref, group = ref_path[-1], group_path[-1]
    assert isinstance(ref, _BackRef) and isinstance(group, _Group)
    if ref.offset < group.end:
        return "empty"  # forward or self reference: always undefined in ECMA
    if any(isinstance(n, _Group) and n.kind in _BEHIND for n in ref_path):
        return None
    for depth, node in enumerate(group_path):
        if _is_loop(node) and any(map(_optional, group_path[depth + 1 :])):
            return None
    common = 0
    while common < len(group_path) and ref_path[common] is group_path[common]:
        common += 1
    below = group_path[common:]
    if any(isinstance(n, _Group) and n.kind in _NEGATIVE for n in below):
        return "empty"
    if isinstance(group_path[common - 1], _Alt) or any(map(_optional, below)):
        return "conditional"
    return "plain"


def _resolve_references(tree: _Node, parser: _Parser) -> None:
    """Choose an emission mode for every backreference."""
    groups: dict[int, _Path] = {}
    refs: list[_Path] = []
    _collect(tree, (), groups, refs)
    for ref_path in refs:
        ref = ref_path[-1]
        assert isinstance(ref, _BackRef)
        mode = _reference_mode(ref_path, groups[ref.index])
        if mode is None:
            parser.cannot_translate(
                "backreference cannot be translated (inside a lookbehind, or to a "
                "group that is optional inside a repeated group)",
                ref.offset,
            )
        else:
            ref.mode = mode


def _width(node: _Node) -> tuple[int, int | None]:
    """Minimum and maximum match length in code points (``None``: unbounded)."""
    if isinstance(node, _Char | _Dot | _Class):
        return 1, 1
    if isinstance(node, _Assert) or (
        isinstance(node, _Group) and node.kind not in ("capture", "group")
    ):
        return 0, 0
    if isinstance(node, _BackRef):
        return (0, 0) if node.mode == "empty" else (0, None)
    if isinstance(node, _Group):
        return _width(node.body)
    if isinstance(node, _Repeat):
        low, high = _width(node.body)
        top = None if high is None or node.high is None else high * node.high
        return low * node.low, 0 if node.high == 0 else top
    widths = [_width(child) for child in _children(node)]
    if isinstance(node, _Alt):
        highs = [high for _, high in widths]
        return min(low for low, _ in widths), (
            None if None in highs else max(h for h in highs if h is not None)
        )
    highs = [high for _, high in widths]
    return sum(low for low, _ in widths), (
        None if None in highs else sum(h for h in highs if h is not None)
    )


# --- emitter ---------------------------------------------------------------

_OUTSIDE_SPECIALS = frozenset(".^$*+?{}[]|()")
# Also escape the characters of Python's "possible set operation" warnings.
_INSIDE_SPECIALS = frozenset("]^-[&~|")
_NAMED_ESCAPES = {0x09: r"\t", 0x0A: r"\n", 0x0D: r"\r", 0x5C: r"\x5c"}


def _literal(cp: int, specials: frozenset[str]) -> str:
    """Readable Python spelling of one code point; never a bare backslash."""
    if cp in _NAMED_ESCAPES:
        return _NAMED_ESCAPES[cp]
    if 0x20 <= cp <= 0x7E:
        char = chr(cp)
        return "\\" + char if char in specials else char
    if cp <= 0xFF:
        return f"\\x{cp:02x}"
    return f"\\u{cp:04x}" if cp <= 0xFFFF else f"\\U{cp:08x}"


def complement(spans: Iterable[tuple[int, int]]) -> Spans:
    """Code points not covered by ``spans``."""
    gaps: list[tuple[int, int]] = []
    start = 0
    for low, high in sorted(spans):
        if low > start:
            gaps.append((start, low - 1))
        start = max(start, high + 1)
    if start <= _MAX_CODE_POINT:
        gaps.append((start, _MAX_CODE_POINT))
    return tuple(gaps)


def _spans_source(spans: Spans) -> str:
    """Class body for code point spans."""
    parts: list[str] = []
    for low, high in spans:
        first = _literal(low, _INSIDE_SPECIALS)
        if high == low:
            parts.append(first)
        elif high == low + 1:
            parts.append(first + _literal(high, _INSIDE_SPECIALS))
        else:
            parts.append(f"{first}-{_literal(high, _INSIDE_SPECIALS)}")
    return "".join(parts)


def _item_source(item: _Item) -> str:
    """Class body for one class item."""
    if isinstance(item, _Prop):
        return f"\\{'P' if item.negated else 'p'}{{{item.name}}}"
    return _spans_source(complement(item.spans) if item.negated else item.spans)


def _class_source(node: _Class) -> str:
    """A Python class; ECMA's ``[]`` and ``[^]`` get explicit spellings."""
    only = node.items[0] if len(node.items) == 1 else None
    if isinstance(only, _Set) and only.negated:
        # ``[\S]`` reads better as ``[^...]`` than as the complement's ranges.
        node = _Class([_Set(only.spans)], negated=not node.negated)
    body = "".join(_item_source(item) for item in node.items)
    if not body:
        return "[\\x00-\\U0010ffff]" if node.negated else "[^\\x00-\\U0010ffff]"
    return f"[{'^' if node.negated else ''}{body}]"


class _Emitter:
    """Writes Python ``re`` source for a checked syntax tree."""

    def __init__(
        self,
        parser: _Parser,
        *,
        possessive: bool = False,
        backtracking: frozenset[_Repeat] = frozenset(),
    ) -> None:
        self.parser = parser
        self.py_names = _python_names(parser.groups)
        self.possessive = possessive
        self.backtracking = backtracking

    def emit(self, node: _Node) -> str:
        """Python source for ``node``."""
        if isinstance(node, _Char):
            return _literal(node.cp, _OUTSIDE_SPECIALS)
        if isinstance(node, _Dot):
            return f"[^{_spans_source(_LINE_TERMINATORS)}]"
        if isinstance(node, _Class):
            return _class_source(node)
        if isinstance(node, _Assert):
            return _ANCHORS.get(node.kind) or _BOUNDARIES[node.kind]
        if isinstance(node, _BackRef):
            return self.reference(node)
        if isinstance(node, _Group):
            return self.group(node)
        if isinstance(node, _Repeat):
            possessive = self.possessive and node not in self.backtracking
            return self.emit(node.body) + _quantifier(node, possessive)
        if isinstance(node, _Alt):
            return "|".join(self.emit(branch) for branch in node.branches)
        return self.sequence(node)

    def sequence(self, node: _Seq) -> str:
        """Concatenate, keeping ``\\1`` apart from a following digit."""
        parts = [self.emit(item) for item in node.items]
        for index, item in enumerate(node.items[:-1]):
            if isinstance(item, _BackRef) and parts[index + 1][:1].isdigit():
                parts[index] = f"(?:{parts[index]})"
        return "".join(parts)

    def reference(self, node: _BackRef) -> str:
        """Backreference; an unset ECMA group matches the empty string."""
        if node.mode == "empty":
            return "(?:)"
        name = self.py_names.get(node.index)
        target = f"(?P={name})" if name else f"\\{node.index}"
        if node.mode == "plain":
            return target
        return f"(?({name or node.index}){target})"

    def group(self, node: _Group) -> str:
        """Groups and lookarounds."""
        if node.kind in _BEHIND:
            return self.lookbehind(node)
        body = self.emit(node.body)
        if node.kind != "capture":
            return f"{_OPENERS[node.kind]}{body})"
        name = self.py_names.get(node.index)
        return f"(?P<{name}>{body})" if name else f"({body})"

    def lookbehind(self, node: _Group) -> str:
        """Python needs fixed width: split ``(?<=a|bc)`` per alternative."""
        opener = _OPENERS[node.kind]
        branches = node.body.branches if isinstance(node.body, _Alt) else [node.body]
        for branch in branches:
            low, high = _width(branch)
            if low != high:
                self.parser.cannot_translate(
                    "lookbehind must match a fixed number of characters in Python",
                    node.start,
                )
        if len(branches) == 1 or len({_width(b) for b in branches}) == 1:
            return f"{opener}{self.emit(node.body)})"
        parts = [f"{opener}{self.emit(branch)})" for branch in branches]
        # Positive: any alternative may match; negative: none may.
        return f"(?:{'|'.join(parts)})" if node.kind == "behind" else "".join(parts)


def _quantifier(node: _Repeat, possessive: bool = False) -> str:
    """Python quantifier text (the syntax is the same as ECMA's); ``possessive``
    (Python 3.11+) is only asked for where it cannot change the answer."""
    lazy = "+" if possessive else "?" if node.lazy else ""
    if not node.braces:
        text = {(0, None): "*", (1, None): "+", (0, 1): "?"}[(node.low, node.high)]
    elif node.high == node.low:
        text = f"{{{node.low}}}"
    else:
        text = f"{{{node.low},{'' if node.high is None else node.high}}}"
    return text + lazy


def _python_names(groups: dict[int, _Group]) -> dict[int, str]:
    """Python group names: ASCII identifiers as-is, others made unique."""
    taken = {g.name for g in groups.values() if g.name}
    names: dict[int, str] = {}
    for index, group in groups.items():
        if group.name is None:
            continue
        name = group.name
        if not (name.isascii() and name.isidentifier()):
            name = f"_group{index}"
            while name in taken:
                name += "_"
            taken.add(name)
        names[index] = name
    return names


# --- public API ------------------------------------------------------------


def translate(pattern: str) -> str:
    """Python ``re`` source accepting exactly what ``RegExp(pattern, "u")`` does.

    Raises :class:`PatternError` for invalid or untranslatable patterns.
    """
    parser = _Parser(pattern, strict=False)
    tree = parser.parse()
    _resolve_references(tree, parser)
    source = _Emitter(parser).emit(tree)
    if parser.unsupported is not None:
        raise parser.unsupported
    return source


def parse(pattern: str) -> tuple[_Node, _Parser]:
    """The checked syntax tree of a translatable pattern (for ``regex_plan``)."""
    parser = _Parser(pattern, strict=False)
    tree = parser.parse()
    _resolve_references(tree, parser)
    _Emitter(parser).emit(tree)  # records what cannot be translated
    if parser.unsupported is not None:
        raise parser.unsupported
    return tree, parser


def emit(
    tree: _Node,
    parser: _Parser,
    *,
    possessive: bool,
    backtracking: frozenset[_Repeat] = frozenset(),
) -> str:
    """Python source for a (possibly rewritten) tree from :func:`parse`;
    ``backtracking`` names repeats left greedy or lazy when ``possessive``."""
    return _Emitter(parser, possessive=possessive, backtracking=backtracking).emit(tree)


def strict_ecma_errors(pattern: str) -> str | None:
    """Node's reason text if ``pattern`` is not valid u-mode ECMA-262, else None."""
    try:
        _Parser(pattern, strict=True).parse()
    except PatternError as error:
        return error.reason
    return None
