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
_FLIP = bytes([1, 0]) + bytes(254)  # bytearray.translate table: 0 <-> 1


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
        # (pass, negated) of each lookaround; its predicate number is index + 2
        self.looks: list[tuple[_Run | _CharLook, bool]] = []
        final = self._node(_MATCH, 0, ())
        tree = _parser.parse(source)
        self.main = _Run(self, self._sequence(list(tree), final, False), forward=True)

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
        """``body{low,high}``: the optional copies (or a loop), then ``low`` ones."""
        if high == _parser.MAXREPEAT:
            loop = self._node(_SPLIT, 0, ())
            self.outs[loop] = (self._sequence(body, loop, rev), follow)
            follow = loop
        else:  # nested, (X(X)?)?: a state holds one copy per start, not all
            leave = follow
            for _ in range(high - low):
                follow = self._node(
                    _SPLIT, 0, (self._sequence(body, follow, rev), leave)
                )
        for _ in range(low):
            follow = self._sequence(body, follow, rev)
        return follow

    def _look(
        self, direction: int, body: list[tuple[object, object]], op: object
    ) -> int:
        """A lookaround as a predicate: a lookahead's body is built reversed."""
        ahead = direction == 1
        look: _Run | _CharLook
        if len(body) == 1 and body[0][0] in _ONE_CHARACTER:
            final = self._node(_MATCH, 0, ())
            node = self._item(body[0][0], body[0][1], final, False)
            look = _CharLook(self.sets[self.args[node]], ahead)
        else:
            final = self._node(_MATCH, 0, ())
            look = _Run(self, self._sequence(body, final, ahead), forward=not ahead)
        self.looks.append((look, op is _parser.ASSERT_NOT))
        return len(self.looks) + 1


_ONE_CHARACTER = {_parser.LITERAL, _parser.NOT_LITERAL, _parser.IN, _parser.ANY}


class _CharLook:
    """A lookaround over one character (the parts of ``\\b``, ``(?!-)``): its bits
    come from one ``re`` scan for runs of the class, not from a DFA pass."""

    def __init__(self, spans: _Spans, ahead: bool) -> None:
        members = "".join(f"\\U{low:08x}-\\U{high:08x}" for low, high in spans)
        self.runs = re.compile(f"[{members}]+" if members else "(?!)")
        self.shift = 0 if ahead else 1

    def positions(self, value: str, found: Sequence[bytearray]) -> bytearray:
        out = bytearray(len(value) + 1)
        shift = self.shift
        for match in self.runs.finditer(value):
            start, end = match.span()
            out[start + shift : end + shift] = b"\x01" * (end - start)
        return out


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

    A DFA state is the set of NFA nodes reached after a character, plus the
    start node (restarting at every position makes the search unanchored).  Its
    closure depends on the predicates holding at the position, so closures are
    cached by (state, predicate bits) and moves by (state, bits, character
    class); a character's class is the set of the pattern's character sets
    holding it.  Memory is bounded: past ``_CACHE_LIMIT`` the DFA is dropped and
    rebuilt as needed (``generation`` tells a caller its ids went stale).
    """

    def __init__(self, automaton: _Automaton, start: int, *, forward: bool) -> None:
        self.nfa = automaton
        self.start = start
        self.forward = forward
        reachable = self._reachable()
        kinds, args = automaton.kinds, automaton.args
        self.predicates = sorted({args[i] for i in reachable if kinds[i] == _ASSERT})
        self.sets = sorted({args[i] for i in reachable if kinds[i] == _CHAR})
        self.generation = 0
        self._states: dict[frozenset[int], int] = {}
        self._members: list[frozenset[int]] = []
        self._closures: dict[tuple[int, int], tuple[tuple[int, ...], bool]] = {}
        self._classes: dict[str, int] = {}
        self._class_ids: dict[int, int] = {}
        self._class_masks: list[int] = []
        self._moves: dict[int, int] = {}  # middle positions: state << 21 | class
        self._generic: dict[tuple[int, int, int], int] = {}
        self._plain: dict[int, int] = {}  # inside the value, no lookaround: moves
        self._accepts: dict[int, bool] = {}  # ... and whether a match ends there
        self._held = 0

    def _reachable(self) -> set[int]:
        seen, stack = {self.start}, [self.start]
        while stack:
            for out in self.nfa.outs[stack.pop()]:
                if out not in seen:
                    seen.add(out)
                    stack.append(out)
        return seen

    # the lazily built DFA

    def _forget(self) -> None:
        """Drop the DFA built so far (in place, so callers' references see it);
        character classes stay, they do not depend on states."""
        for table in (
            self._states,
            self._closures,
            self._moves,
            self._generic,
            self._plain,
            self._accepts,
        ):
            table.clear()
        self._members.clear()
        self._held = 0
        self.generation += 1

    def _state(self, members: frozenset[int]) -> int:
        number = self._states.get(members)
        if number is None:
            if self._held > _CACHE_LIMIT * 16 or len(self._members) >= _CACHE_LIMIT:
                self._forget()
            number = self._states[members] = len(self._members)
            self._members.append(members)
            self._held += len(members)
        return number

    def _closure(self, state: int, bits: int) -> tuple[tuple[int, ...], bool]:
        """The character nodes reachable without reading, and whether a match is."""
        cached = self._closures.get((state, bits))
        if cached is not None:
            return cached
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
        found = (tuple(chars), matched)
        self._closures[(state, bits)] = found
        return found

    def _class(self, char: str) -> int:
        """The number of the class of ``char`` (which character sets hold it)."""
        code, mask, sets = ord(char), 0, self.nfa.sets
        for which in self.sets:
            spans = sets[which]
            index = bisect.bisect_right(spans, (code, _MAX_CODE_POINT)) - 1
            if index >= 0 and code <= spans[index][1]:
                mask |= 1 << which
        if len(self._classes) >= _CACHE_LIMIT:
            self._classes.clear()  # class numbers stay: at most one per character
        number = self._class_ids.get(mask)
        if number is None:
            number = self._class_ids[mask] = len(self._class_masks)
            self._class_masks.append(mask)
        self._classes[char] = number
        return number

    def _move(self, state: int, bits: int, number: int) -> int:
        """The state after reading a character of class ``number``."""
        chars, _ = self._closure(state, bits)
        mask, args, outs = self._class_masks[number], self.nfa.args, self.nfa.outs
        after = {outs[node][0] for node in chars if mask >> args[node] & 1}
        after.add(self.start)
        return self._state(frozenset(after))

    def _initial(self) -> int:
        return self._state(frozenset((self.start,)))

    # passes over a value

    def any_match(self, value: str, found: Sequence[bytearray]) -> bool:
        """Whether the body matches anywhere (the main search)."""
        if any(p > _END for p in self.predicates) or not value:
            return any(self.positions(value, found, stop=True))
        edge = 1 << _START if _START in self.predicates else 0
        if self._closure(self._initial(), edge)[1]:
            return True
        first = self._class(value[0])
        state = self._move(self._initial(), edge, first)
        moves, classes = self._moves, self._classes
        for char in value[1:]:
            number = classes.get(char)
            if number is None:
                number = self._class(char)
            after = moves.get(state << 21 | number, -2)
            if after < 0:
                if after == -1:
                    return True
                after = self._middle_move(state, number)
                if after < 0:
                    return True
            state = after
        end = 1 << _END if _END in self.predicates else 0
        return self._closure(state, end)[1]

    def _middle_move(self, state: int, number: int) -> int:
        """A move at a position inside the value; -1 when a match ends there."""
        generation = self.generation
        if self._closure(state, 0)[1]:
            self._moves[state << 21 | number] = -1
            return -1
        after = self._move(state, 0, number)
        if generation == self.generation:
            self._moves[state << 21 | number] = after
        return after

    def _plain_positions(self, value: str) -> bytearray:
        """:meth:`positions` for a body without lookarounds (most lookaround
        bodies): inside the value no predicate holds, so moves are cached by int."""
        size = len(value)
        out = bytearray(size + 1)
        edge = {_START: 0, _END: size}
        forward, text = self.forward, value if self.forward else value[::-1]
        first = sum(
            1 << p for p in self.predicates if edge[p] == (0 if forward else size)
        )
        last = sum(
            1 << p for p in self.predicates if edge[p] == (size if forward else 0)
        )
        state = self._initial()
        out[0 if forward else size] = self._closure(state, first)[1]
        state = self._move(state, first, self._class(text[0]))
        position, step = (1, 1) if forward else (size - 1, -1)
        moves, accepts, classes = self._plain, self._accepts, self._classes
        for char in text[1:]:
            accepted = accepts.get(state)
            if accepted is None:
                accepted = accepts[state] = self._closure(state, 0)[1]
            out[position] = accepted
            position += step
            number = classes.get(char)
            if number is None:
                number = self._class(char)
            after = moves.get(state << 21 | number)
            if after is None:
                generation = self.generation
                after = self._move(state, 0, number)
                if generation == self.generation:
                    moves[state << 21 | number] = after
            state = after
        out[position] = self._closure(state, last)[1]
        return out

    def _lookaround_bits(
        self, size: int, found: Sequence[bytearray]
    ) -> tuple[bytes | None, list[int]]:
        """Up to 8 lookarounds' bits packed in one byte per position (in C, as
        big integers), and the table from a byte to predicate bits."""
        looks = [p for p in self.predicates if p > _END]
        if not looks or len(looks) > 8:
            return None, []
        packed = 0
        for shift, predicate in enumerate(looks):
            packed |= int.from_bytes(found[predicate - 2], "little") << shift
        table = [
            sum((byte >> shift & 1) << p for shift, p in enumerate(looks))
            for byte in range(256)
        ]
        return packed.to_bytes(size + 1, "little"), table

    def positions(
        self, value: str, found: Sequence[bytearray], *, stop: bool = False
    ) -> bytearray:
        """One bit per position: whether the body matches ending there (run
        backward: starting there); ``stop`` ends at the first."""
        if not stop and value and all(p <= _END for p in self.predicates):
            return self._plain_positions(value)
        size = len(value)
        out = bytearray(size + 1)
        state = self._initial()
        order = range(size + 1) if self.forward else range(size, -1, -1)
        last = size if self.forward else 0
        local, table = self._lookaround_bits(size, found)
        looks = [(p, found[p - 2]) for p in self.predicates if p > _END]
        edges = [p for p in self.predicates if p <= _END]
        for position in order:
            if local is not None:
                bits = table[local[position]]
            else:
                bits = 0
                for predicate, holds in looks:
                    bits |= holds[position] << predicate
            for predicate in edges:
                at = 0 if predicate == _START else size
                bits |= (position == at) << predicate
            if self._closure(state, bits)[1]:
                out[position] = 1
                if stop:
                    break
            if position == last:
                break
            char = value[position] if self.forward else value[position - 1]
            number = self._classes.get(char)
            if number is None:
                number = self._class(char)
            generation = self.generation
            key = (state, bits, number)
            after = self._generic.get(key)
            if after is None:
                after = self._move(state, bits, number)
                if generation == self.generation:
                    self._generic[key] = after
            state = after
        return out
