r"""Model patterns (ECMA-262, matched unanchored) with a linear worst case.

The generator translates every pattern to Python ``re`` source and decides, per
pattern, how it runs (``codegen.model.regex_plan`` documents the proofs):

* ``Pattern(ecma, python)``: the translation is proven to run in linear time on
  ``re`` (a deterministic pattern written with possessive quantifiers, searched
  from one start or within a bounded width), so ``re.search`` runs it;
* ``Pattern(ecma, python, linear=True)``: no such proof, so the translation is
  read with ``re._parser`` (the standard library's own parser) and run by
  :class:`_Automaton`: a Thompson NFA simulated as a lazily built DFA, whose
  lookarounds are position predicates computed first, one pass each (forward
  for a lookbehind, backward over the reversed body for a lookahead).  Every
  pass reads each character once, so time is linear in the value's length.

Unicode property classes (``\p{L}``) are expanded from ``_unicode``, the
General_Category tables the generator baked in from current Unicode data
(``_unicode.UNICODE_VERSION``), not from this Python's ``unicodedata``.
"""

from __future__ import annotations

import bisect
import functools
import importlib
import re
from collections.abc import Callable, Sequence
from typing import Any

# The standard library's own regex parser (``re._parser`` since 3.11); its
# private name has no type stubs, hence ``Any``.
_parser: Any = importlib.import_module("re._parser")

__all__ = ["Pattern", "compile_pattern"]

_PROPERTY = re.compile(r"\\([pP])\{([A-Za-z]+)\}")
_MAX_CODE_POINT = 0x10FFFF
_Spans = tuple[tuple[int, int], ...]


class Pattern:
    """A model pattern and its translation, compiled on first use (cheap imports)."""

    __slots__ = ("_search", "ecma", "linear", "python")

    def __init__(self, ecma: str, python: str, *, linear: bool = False) -> None:
        self.ecma = ecma
        self.python = python
        self.linear = linear
        self._search: Callable[[str], bool] | None = None

    def matcher(self) -> Callable[[str], bool]:
        """A function telling whether the pattern matches somewhere in a value."""
        search = self._search
        if search is None:
            source = _expand_properties(self.python)
            if self.linear:
                search = _Automaton(source).search
            else:
                search = _re_search(re.compile(source))
            self._search = search
        return search

    def search(self, value: str) -> bool:
        """True when the pattern matches somewhere in ``value``."""
        return self.matcher()(value)


def _re_search(compiled: re.Pattern[str]) -> Callable[[str], bool]:
    find = compiled.search
    return lambda value: find(value) is not None


def compile_pattern(source: str) -> re.Pattern[str]:
    """Compile a translated pattern with ``re``, expanding its property classes."""
    return re.compile(_expand_properties(source))


def _expand_properties(source: str) -> str:
    return _PROPERTY.sub(
        lambda match: _property_class(match.group(2), match.group(1) == "P"), source
    )


@functools.cache
def _category_runs() -> dict[str, _Spans]:
    """The baked General_Category runs, parsed once: ``"0041-005a 00aa"``."""
    # Imported by name: the generator's copy of this module has no tables beside it.
    tables = importlib.import_module("._unicode", __package__)
    runs: dict[str, _Spans] = {}
    for name, text in tables.CATEGORY_RUNS.items():
        spans = []
        for token in text.split():
            low, _, high = token.partition("-")
            spans.append((int(low, 16), int(high or low, 16)))
        runs[name] = tuple(spans)
    return runs


@functools.cache
def _property_class(name: str, negated: bool) -> str:
    """The ``re`` class body for ``\\p{name}`` (or ``\\P{name}`` when negated)."""
    runs = _category_runs()
    if name == "LC":
        names = ["Lu", "Ll", "Lt"]
    elif len(name) == 2:
        names = [name]
    else:
        names = [category for category in runs if category.startswith(name)]
    spans: _Spans = tuple(sorted(s for category in names for s in runs[category]))
    if negated:
        spans = _complement(spans)
    return "".join(
        f"\\U{low:08x}" if low == high else f"\\U{low:08x}-\\U{high:08x}"
        for low, high in spans
    )


def _complement(spans: Sequence[tuple[int, int]]) -> _Spans:
    gaps: list[tuple[int, int]] = []
    following = 0
    for low, high in sorted(spans):
        if low > following:
            gaps.append((following, low - 1))
        following = max(following, high + 1)
    if following <= _MAX_CODE_POINT:
        gaps.append((following, _MAX_CODE_POINT))
    return tuple(gaps)


# --- the linear-time matcher --------------------------------------------------

_CHAR, _SPLIT, _ASSERT, _MATCH = 0, 1, 2, 3
_START, _END = 0, 1  # predicate numbers of \A and \Z; lookarounds follow
_CACHE_LIMIT = 20000  # DFA states or characters remembered before starting afresh


class _Unsupported(ValueError):
    """A construct the automaton cannot run (the generator never sends one)."""


class _Automaton:
    """An unanchored search over a Thompson NFA, run as a lazily built DFA.

    Nodes live in flat lists: ``kinds[i]`` is a character (``args[i]`` = set
    number), a split, an assertion (``args[i]`` = predicate number) or the end
    of a match; ``outs[i]`` are the nodes that follow.  Predicate 0 is ``\\A``,
    1 is ``\\Z``, and each lookaround gets the next number and a :class:`_Run`
    of its own, whose results (one bit per position) the runs that use it read.
    """

    def __init__(self, source: str) -> None:
        self.kinds: list[int] = []
        self.args: list[int] = []
        self.outs: list[tuple[int, ...]] = []
        self.sets: list[_Spans] = []
        self._set_numbers: dict[_Spans, int] = {}
        self.looks: list[tuple[_Run, bool]] = []  # (run, negated), predicate - 2
        final = self._node(_MATCH, 0, ())
        tree = _parser.parse(source)
        self.main = _Run(self, self._sequence(list(tree), final, False), forward=True)

    def search(self, value: str) -> bool:
        """Whether the pattern matches somewhere in ``value`` (linear time)."""
        bits: list[bytearray] = []
        for run, negated in self.looks:
            found = run.positions(value, bits)
            if negated:
                found = bytearray(b ^ 1 for b in found)
            bits.append(found)
        return self.main.any_match(value, bits)

    # building

    def _node(self, kind: int, arg: int, outs: tuple[int, ...]) -> int:
        self.kinds.append(kind)
        self.args.append(arg)
        self.outs.append(outs)
        return len(self.kinds) - 1

    def _set(self, spans: _Spans) -> int:
        number = self._set_numbers.get(spans)
        if number is None:
            number = self._set_numbers[spans] = len(self.sets)
            self.sets.append(spans)
        return number

    def _char(self, spans: _Spans, follow: int) -> int:
        return self._node(_CHAR, self._set(spans), (follow,))

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
            return self._char(_complement([(av, av)]), follow)
        if op is c.IN:
            assert isinstance(av, list)
            return self._char(_class_spans(av), follow)
        if op is c.ANY:
            return self._char(_complement([(10, 10)]), follow)
        if op is c.BRANCH:
            assert isinstance(av, tuple)
            entries = tuple(self._sequence(list(b), follow, rev) for b in av[1])
            return self._node(_SPLIT, 0, entries)
        if op is c.SUBPATTERN:
            assert isinstance(av, tuple) and not av[1] and not av[2]
            return self._sequence(list(av[3]), follow, rev)
        if op is c.MAX_REPEAT or op is c.MIN_REPEAT:
            assert isinstance(av, tuple)
            return self._repeat(av[0], av[1], list(av[2]), follow, rev)
        if op is c.AT and av in (c.AT_BEGINNING_STRING, c.AT_END_STRING):
            predicate = _START if av is c.AT_BEGINNING_STRING else _END
            return self._node(_ASSERT, predicate, (follow,))
        if op is c.ASSERT or op is c.ASSERT_NOT:
            assert isinstance(av, tuple)
            return self._node(_ASSERT, self._look(av[0], list(av[1]), op), (follow,))
        raise _Unsupported(f"{op} cannot run in linear time")

    def _repeat(
        self,
        low: int,
        high: int,
        body: list[tuple[object, object]],
        follow: int,
        rev: bool,
    ) -> int:
        """``body{low,high}``: optional copies nested from the end, then the loop."""
        if high == _parser.MAXREPEAT:
            loop = self._node(_SPLIT, 0, ())
            self.outs[loop] = (self._sequence(body, loop, rev), follow)
            follow = loop
        else:
            for _ in range(high - low):
                follow = self._node(
                    _SPLIT, 0, (self._sequence(body, follow, rev), follow)
                )
        for _ in range(low):
            follow = self._sequence(body, follow, rev)
        return follow

    def _look(
        self, direction: int, body: list[tuple[object, object]], op: object
    ) -> int:
        """A lookaround as a predicate: a lookahead's body is built reversed."""
        final = self._node(_MATCH, 0, ())
        ahead = direction == 1
        run = _Run(self, self._sequence(body, final, ahead), forward=not ahead)
        self.looks.append((run, op is _parser.ASSERT_NOT))
        return len(self.looks) + 1


def _class_spans(items: list[tuple[object, object]]) -> _Spans:
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
    merged = _complement(_complement(spans))
    return _complement(merged) if negated else merged


class _Run:
    """One direction of one automaton over a value, with its DFA built lazily.

    A DFA state is the set of NFA nodes reached after a character (restarting
    at every position, which is what makes the search unanchored); its closure
    depends on the predicates that hold at the position, so closures are
    cached by (state, predicate bits) and transitions by (closure, character
    sets holding the character).
    """

    def __init__(self, automaton: _Automaton, start: int, *, forward: bool) -> None:
        self.nfa = automaton
        self.start = start
        self.forward = forward
        self.predicates = self._predicates()
        self._states: dict[frozenset[int], int] = {}
        self._members: list[frozenset[int]] = []
        self._closures: dict[tuple[int, int], tuple[int, bool]] = {}
        self._chars: list[tuple[int, ...]] = []
        self._char_ids: dict[tuple[int, ...], int] = {}
        self._steps: dict[tuple[int, int], int] = {}
        self._masks: dict[str, int] = {}
        self._sets = sorted(
            {self.nfa.args[i] for i in self._reachable() if self.nfa.kinds[i] == _CHAR}
        )
        self._initial = self._state(frozenset((start,)))

    def _reachable(self) -> set[int]:
        seen, stack = {self.start}, [self.start]
        while stack:
            for out in self.nfa.outs[stack.pop()]:
                if out not in seen:
                    seen.add(out)
                    stack.append(out)
        return seen

    def _predicates(self) -> tuple[int, ...]:
        nfa = self.nfa
        return tuple(
            sorted({nfa.args[i] for i in self._reachable() if nfa.kinds[i] == _ASSERT})
        )

    def _state(self, members: frozenset[int]) -> int:
        number = self._states.get(members)
        if number is None:
            if len(self._members) >= _CACHE_LIMIT:
                self._forget()
            number = self._states[members] = len(self._members)
            self._members.append(members)
        return number

    def _forget(self) -> None:
        """Bound memory on hostile input: drop the DFA built so far (rebuilt lazily)."""
        self._states.clear()
        self._members.clear()
        self._closures.clear()
        self._chars.clear()
        self._char_ids.clear()
        self._steps.clear()
        self._initial = -1

    def _closure(self, state: int, bits: int) -> tuple[int, bool]:
        """The character nodes reachable without reading, and whether a match is."""
        kinds, args, outs = self.nfa.kinds, self.nfa.args, self.nfa.outs
        seen: set[int] = set()
        stack = list(self._members[state])
        chars: list[int] = []
        matched = False
        while stack:
            node = stack.pop()
            if node in seen:
                continue
            seen.add(node)
            kind = kinds[node]
            if kind == _CHAR:
                chars.append(node)
            elif kind == _MATCH:
                matched = True
            elif kind == _SPLIT or bits >> args[node] & 1:
                stack.extend(outs[node])
        key = tuple(sorted(chars))
        number = self._char_ids.get(key)
        if number is None:
            number = self._char_ids[key] = len(self._chars)
            self._chars.append(key)
        self._closures[(state, bits)] = (number, matched)
        return number, matched

    def _mask(self, char: str) -> int:
        """The character sets (as bits) holding ``char``."""
        if len(self._masks) >= _CACHE_LIMIT:
            self._masks.clear()
        code, mask, sets = ord(char), 0, self.nfa.sets
        for number in self._sets:
            spans = sets[number]
            index = bisect.bisect_right(spans, (code, _MAX_CODE_POINT)) - 1
            if index >= 0 and spans[index][0] <= code <= spans[index][1]:
                mask |= 1 << number
        self._masks[char] = mask
        return mask

    def _step(self, chars: int, mask: int) -> int:
        args, outs = self.nfa.args, self.nfa.outs
        after = {outs[n][0] for n in self._chars[chars] if mask >> args[n] & 1}
        after.add(self.start)
        state = self._state(frozenset(after))
        if self._initial >= 0:  # not just forgotten
            self._steps[(chars, mask)] = state
        return state

    def _bits(self, position: int, size: int, found: Sequence[bytearray]) -> int:
        bits = 0
        for predicate in self.predicates:
            if predicate == _START:
                holds = position == 0
            elif predicate == _END:
                holds = position == size
            else:
                holds = found[predicate - 2][position] == 1
            bits |= holds << predicate
        return bits

    def _walk(self, value: str, found: Sequence[bytearray], stop: bool) -> bytearray:
        """Match bits per position (``stop``: return at the first match)."""
        size = len(value)
        out = bytearray(size + 1)
        if self._initial < 0:
            self._initial = self._state(frozenset((self.start,)))
        state = self._initial
        positions = range(size + 1) if self.forward else range(size, -1, -1)
        closures, steps, masks = self._closures, self._steps, self._masks
        constant = not any(p > _END for p in self.predicates)
        middle = 0
        for position in positions:
            if constant and 0 < position < size:
                bits = middle
            else:
                bits = self._bits(position, size, found)
            closure = closures.get((state, bits))
            if closure is None:
                closure = self._closure(state, bits)
            chars, matched = closure
            if matched:
                out[position] = 1
                if stop:
                    return out
            if position == (size if self.forward else 0):
                break
            char = value[position] if self.forward else value[position - 1]
            mask = masks.get(char)
            if mask is None:
                mask = self._mask(char)
            after = steps.get((chars, mask))
            state = self._step(chars, mask) if after is None else after
            if self._initial < 0:  # the caches were dropped mid-walk
                closures, steps, masks = self._closures, self._steps, self._masks
                self._initial = self._state(frozenset((self.start,)))
        return out

    def positions(self, value: str, found: Sequence[bytearray]) -> bytearray:
        """One bit per position: whether the body matches ending (or, run
        backward, starting) there."""
        return self._walk(value, found, stop=False)

    def any_match(self, value: str, found: Sequence[bytearray]) -> bool:
        return any(self._walk(value, found, stop=True))
