"""The lazily built DFA that runs ``_automaton``'s NFA over a value, in one pass."""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import Protocol

__all__ = ["ASSERT", "CHAR", "END", "MATCH", "SPLIT", "START", "Run"]

CHAR, SPLIT, ASSERT, MATCH = 0, 1, 2, 3  # NFA node kinds
START, END = 0, 1  # predicate numbers of \\A and \\Z; lookarounds follow
_MAX_CODE_POINT = 0x10FFFF
_CACHE_LIMIT = 20000  # DFA states or characters remembered before starting afresh


class Graph(Protocol):
    """The NFA a run walks (``_automaton.Automaton``)."""

    kinds: list[int]
    args: list[int]
    outs: list[tuple[int, ...]]
    sets: list[tuple[tuple[int, int], ...]]


class Run:
    """One direction of one automaton over a value, with its DFA built lazily.

    A DFA state is the set of NFA nodes reached after a character, plus the
    start node (restarting at every position makes the search unanchored).  Its
    closure depends on the predicates holding at the position, so closures are
    cached by (state, predicate bits) and moves by (state, bits, character
    class); a character's class is the set of the pattern's character sets
    holding it.  Memory is bounded: past ``_CACHE_LIMIT`` the DFA is dropped and
    rebuilt as needed (``generation`` tells a caller its ids went stale).
    """

    def __init__(self, automaton: Graph, start: int, *, forward: bool) -> None:
        self.nfa = automaton
        self.start = start
        self.forward = forward
        reachable = self._reachable()
        kinds, args = automaton.kinds, automaton.args
        self.predicates = sorted({args[i] for i in reachable if kinds[i] == ASSERT})
        self.sets = sorted({args[i] for i in reachable if kinds[i] == CHAR})
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
        looks = [p for p in self.predicates if p > END]
        # From a byte of packed lookaround bits to predicate bits (constant).
        self._table = [
            sum((byte >> shift & 1) << p for shift, p in enumerate(looks))
            for byte in range(256)
        ]

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
            if kind == CHAR:
                chars.append(node)
            elif kind == MATCH:
                matched = True
            elif kind == SPLIT or bits >> args[node] & 1:
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

    def _edge_move(self, state: int, bits: int, char: str) -> int:
        """:meth:`_move` from a value's edge, cached (short values are common)."""
        number = self._classes.get(char)
        if number is None:
            number = self._class(char)
        key = (state, bits, number)
        after = self._generic.get(key)
        if after is None:
            generation = self.generation
            after = self._move(state, bits, number)
            if generation == self.generation:
                self._generic[key] = after
        return after

    # passes over a value

    def any_match(self, value: str, found: Sequence[bytearray]) -> bool:
        """Whether the body matches anywhere (the main search)."""
        if any(p > END for p in self.predicates) or not value:
            return any(self.positions(value, found, stop=True))
        edge = 1 << START if START in self.predicates else 0
        if self._closure(self._initial(), edge)[1]:
            return True
        state = self._edge_move(self._initial(), edge, value[0])
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
        end = 1 << END if END in self.predicates else 0
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
        edge = {START: 0, END: size}
        forward, text = self.forward, value if self.forward else value[::-1]
        first = sum(
            1 << p for p in self.predicates if edge[p] == (0 if forward else size)
        )
        last = sum(
            1 << p for p in self.predicates if edge[p] == (size if forward else 0)
        )
        state = self._initial()
        out[0 if forward else size] = self._closure(state, first)[1]
        state = self._edge_move(state, first, text[0])
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
        looks = [p for p in self.predicates if p > END]
        if not looks or len(looks) > 8:
            return None, []
        packed = 0
        for shift, predicate in enumerate(looks):
            packed |= int.from_bytes(found[predicate - 2], "little") << shift
        return packed.to_bytes(size + 1, "little"), self._table

    def positions(
        self, value: str, found: Sequence[bytearray], *, stop: bool = False
    ) -> bytearray:
        """One bit per position: whether the body matches ending there (run
        backward: starting there); ``stop`` ends at the first."""
        if not stop and value and all(p <= END for p in self.predicates):
            return self._plain_positions(value)
        size = len(value)
        out = bytearray(size + 1)
        state = self._initial()
        order = range(size + 1) if self.forward else range(size, -1, -1)
        last = size if self.forward else 0
        local, table = self._lookaround_bits(size, found)
        looks = [(p, found[p - 2]) for p in self.predicates if p > END]
        edges = [p for p in self.predicates if p <= END]
        for position in order:
            if local is not None:
                bits = table[local[position]]
            else:
                bits = 0
                for predicate, holds in looks:
                    bits |= holds[position] << predicate
            for predicate in edges:
                at = 0 if predicate == START else size
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
