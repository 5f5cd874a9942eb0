r"""The linear-time matcher for patterns no proof puts on ``re``.

The translation is read with ``re._parser`` (the standard library's own
parser) into a Thompson NFA, searched by ``_dfa``'s lazily built DFA.  Each
lookaround becomes a position predicate, computed before the search in one
pass over the value (forward for a lookbehind, backward over the reversed body
for a lookahead; one ``re`` scan for a one-character body such as the parts of
``\b``, or for a password's ``(?=.*\d)``; a lookaround written twice is one
predicate).  Every pass reads each character once (a one-scan lookahead at
most twice: its run backs off to the last ``X``): time is linear in the value's
length, whatever the pattern.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Sequence
from typing import Any

from ._dfa import ASSERT, CHAR, END, MATCH, SPLIT, START, Run

__all__ = ["Automaton", "Spans", "complement"]

# The standard library's own regex parser (``re._parser`` since 3.11); its
# private name has no type stubs, hence ``Any``.
_parser: Any = importlib.import_module("re._parser")
Spans = tuple[tuple[int, int], ...]
_MAX_CODE_POINT = 0x10FFFF
_FLIP = bytes([1, 0]) + bytes(254)  # bytearray.translate table: 0 <-> 1


def complement(spans: Sequence[tuple[int, int]]) -> Spans:
    """Code points not covered by ``spans``.

    The generator's ``ecma_regex.complement`` does the same at generation time;
    this copy is deliberate: the runtime is copied into packages that stand
    alone (standard library only, no ``codegen``).
    """
    gaps: list[tuple[int, int]] = []
    following = 0
    for low, high in sorted(spans):
        if low > following:
            gaps.append((following, low - 1))
        following = max(following, high + 1)
    if following <= _MAX_CODE_POINT:
        gaps.append((following, _MAX_CODE_POINT))
    return tuple(gaps)


class _Unsupported(ValueError):
    """A construct the automaton cannot run (the generator never sends one)."""


class Automaton:
    """An unanchored search over a Thompson NFA, run as a lazily built DFA.

    Nodes live in flat lists: ``kinds[i]`` is a character (``args[i]`` = set
    number), a split, an assertion (``args[i]`` = predicate number) or the end
    of a match; ``outs[i]`` are the nodes that follow.  Predicate 0 is ``\\A``,
    1 is ``\\Z``, and each lookaround gets the next number and a :class:`_dfa.Run`
    of its own, whose results (one bit per position) the runs that use it read.
    """

    def __init__(self, source: str) -> None:
        self.kinds: list[int] = []
        self.args: list[int] = []
        self.outs: list[tuple[int, ...]] = []
        self.sets: list[Spans] = []
        self._set_numbers: dict[Spans, int] = {}
        # (pass, negated) of each lookaround; its predicate number is index + 2
        self.looks: list[tuple[Run | _CharLook | _ScanLook, bool]] = []
        self._look_numbers: dict[tuple[int, bool, str], int] = {}
        final = self._node(MATCH, 0, ())
        tree = _parser.parse(source)
        self.main = Run(self, self._sequence(list(tree), final, False), forward=True)

    def search(self, value: str) -> bool:
        """Whether the pattern matches somewhere in ``value`` (linear time)."""
        bits: list[bytearray] = []
        for run, negated in self.looks:
            found = run.positions(value, bits)
            if negated:
                found = found.translate(_FLIP)
            bits.append(found)
        return self.main.any_match(value, bits)

    # building

    def _node(self, kind: int, arg: int, outs: tuple[int, ...]) -> int:
        self.kinds.append(kind)
        self.args.append(arg)
        self.outs.append(outs)
        return len(self.kinds) - 1

    def _set(self, spans: Spans) -> int:
        number = self._set_numbers.get(spans)
        if number is None:
            number = self._set_numbers[spans] = len(self.sets)
            self.sets.append(spans)
        return number

    def _char(self, spans: Spans, follow: int) -> int:
        return self._node(CHAR, self._set(spans), (follow,))

    def _sequence(
        self, items: list[tuple[object, object]], follow: int, rev: bool
    ) -> int:
        """Entry node of ``items`` then ``follow`` (``rev``: right to left)."""
        for op, av in items if rev else reversed(items):
            follow = self._item(op, av, follow, rev)
        return follow

    def _item(self, op: object, av: object, follow: int, rev: bool) -> int:
        c = _parser  # the opcodes are re-exported by the parser module
        if op is c.LITERAL:
            assert isinstance(av, int)
            return self._char(((av, av),), follow)
        if op is c.NOT_LITERAL:
            assert isinstance(av, int)
            return self._char(complement([(av, av)]), follow)
        if op is c.IN:
            assert isinstance(av, list)
            return self._char(_class_spans(av), follow)
        if op is c.ANY:
            return self._char(complement([(10, 10)]), follow)
        if op is c.BRANCH:
            assert isinstance(av, tuple)
            entries = tuple(self._sequence(list(b), follow, rev) for b in av[1])
            return self._node(SPLIT, 0, entries)
        if op is c.SUBPATTERN:
            assert isinstance(av, tuple) and not av[1] and not av[2]
            return self._sequence(list(av[3]), follow, rev)
        if op is c.MAX_REPEAT or op is c.MIN_REPEAT:
            assert isinstance(av, tuple)
            return self._repeat(av[0], av[1], list(av[2]), follow, rev)
        if op is c.AT and av in (c.AT_BEGINNING_STRING, c.AT_END_STRING):
            predicate = START if av is c.AT_BEGINNING_STRING else END
            return self._node(ASSERT, predicate, (follow,))
        if op is c.ASSERT or op is c.ASSERT_NOT:
            assert isinstance(av, tuple)
            return self._node(ASSERT, self._look(av[0], list(av[1]), op), (follow,))
        raise _Unsupported(f"{op} cannot run in linear time")

    def _repeat(
        self,
        low: int,
        high: int,
        body: list[tuple[object, object]],
        follow: int,
        rev: bool,
    ) -> int:
        """``body{low,high}``: the optional copies (or a loop), then ``low`` ones."""
        if high == _parser.MAXREPEAT:
            loop = self._node(SPLIT, 0, ())
            self.outs[loop] = (self._sequence(body, loop, rev), follow)
            follow = loop
        else:  # nested, (X(X)?)?: a state holds one copy per start, not all
            leave = follow
            for _ in range(high - low):
                follow = self._node(
                    SPLIT, 0, (self._sequence(body, follow, rev), leave)
                )
        for _ in range(low):
            follow = self._sequence(body, follow, rev)
        return follow

    def _spans(self, item: tuple[object, object]) -> Spans:
        """The code points of a one-character item."""
        node = self._item(item[0], item[1], self._node(MATCH, 0, ()), False)
        return self.sets[self.args[node]]

    def _look(
        self, direction: int, body: list[tuple[object, object]], op: object
    ) -> int:
        """A lookaround as a predicate: a lookahead's body is built reversed.
        Repeated lookarounds (a password's ``(?=.*\\d)`` in each alternative)
        share one predicate, so one pass."""
        key = (direction, op is _parser.ASSERT_NOT, repr(body))
        known = self._look_numbers.get(key)
        if known is not None:
            return known
        ahead = direction == 1
        look: Run | _CharLook | _ScanLook
        if len(body) == 1 and body[0][0] in _ONE_CHARACTER:
            look = _CharLook(self._spans(body[0]), ahead)
        elif ahead and (repeated := _scan_shape(body)) is not None:
            look = _ScanLook(self._spans(repeated), self._spans(body[1]))
        else:
            final = self._node(MATCH, 0, ())
            look = Run(self, self._sequence(body, final, ahead), forward=not ahead)
        self.looks.append((look, op is _parser.ASSERT_NOT))
        self._look_numbers[key] = len(self.looks) + 1
        return len(self.looks) + 1


_ONE_CHARACTER = {_parser.LITERAL, _parser.NOT_LITERAL, _parser.IN, _parser.ANY}


def _scan_shape(body: list[tuple[object, object]]) -> tuple[object, object] | None:
    """``C`` when the body is ``C*X`` (or ``C*?X``) with one-character ``C`` and
    ``X``: a password's ``(?=.*\\d)``."""
    if len(body) != 2 or body[1][0] not in _ONE_CHARACTER:
        return None
    op, av = body[0]
    if op is not _parser.MAX_REPEAT and op is not _parser.MIN_REPEAT:
        return None
    assert isinstance(av, tuple)
    low, high, repeated = av
    items = list(repeated)
    if low == 0 and high == _parser.MAXREPEAT and len(items) == 1:
        only: tuple[object, object] = items[0]
        return only if only[0] in _ONE_CHARACTER else None
    return None


def _class_source(spans: Spans) -> str:
    return "".join(f"\\U{low:08x}-\\U{high:08x}" for low, high in spans)


class _CharLook:
    """A lookaround over one character (the parts of ``\\b``, ``(?!-)``): its bits
    come from one ``re`` scan for runs of the class, not from a DFA pass."""

    def __init__(self, spans: Spans, ahead: bool) -> None:
        members = _class_source(spans)
        self.runs = re.compile(f"[{members}]+" if members else "(?!)")
        self.shift = 0 if ahead else 1

    def positions(self, value: str, found: Sequence[bytearray]) -> bytearray:
        out = bytearray(len(value) + 1)
        shift = self.shift
        for match in self.runs.finditer(value):
            start, end = match.span()
            out[start + shift : end + shift] = b"\x01" * (end - start)
        return out


class _ScanLook:
    """A lookahead ``(?=C*X)``: it holds at ``p`` when some ``q >= p`` holds an
    ``X`` and nothing in between a *barrier* (neither ``C`` nor ``X``).  One
    ``re`` scan reads the value segment by segment (up to and with each
    barrier); in a segment it holds up to its last ``X``, found by a greedy
    run that backs off through that segment alone: linear."""

    def __init__(self, run: Spans, hit: Spans) -> None:
        barriers = _class_source(complement(tuple(run) + tuple(hit)))
        inside = f"[^{barriers}]" if barriers else "[\\x00-\\U0010ffff]"
        ending = f"(?:[{barriers}]|\\Z)" if barriers else "\\Z"
        self.segments = (
            re.compile(f"((?:{inside}*[{_class_source(hit)}])?){inside}*+{ending}")
            if hit
            else None
        )

    def positions(self, value: str, found: Sequence[bytearray]) -> bytearray:
        out = bytearray(len(value) + 1)
        if self.segments is not None:
            for match in self.segments.finditer(value):
                start, end = match.span(1)
                if end > start:
                    out[start:end] = b"\x01" * (end - start)
        return out


def _class_spans(items: list[tuple[object, object]]) -> Spans:
    """The code points of a parsed ``[...]`` (the translator spells every member)."""
    c = _parser
    spans: list[tuple[int, int]] = []
    negated = False
    for op, av in items:
        if op is c.NEGATE:
            negated = True
        elif op is c.LITERAL:
            assert isinstance(av, int)
            spans.append((av, av))
        elif op is c.RANGE:
            assert isinstance(av, tuple)
            spans.append((av[0], av[1]))
        else:
            raise _Unsupported(f"{op} in a class")
    merged = complement(complement(spans))
    return complement(merged) if negated else merged
