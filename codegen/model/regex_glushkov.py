r"""The Glushkov automaton of a pattern, and whether it is deterministic.

Shared by ``regex_plan`` (steps 3 and 4) and ``regex_confined`` (step 5):
a pattern whose Glushkov automaton is deterministic has at most one path for
each prefix of a value, so its quantifiers may be written possessive.
"""

from __future__ import annotations

from . import ecma_regex as E
from .unicode_tables import Spans, property_spans

__all__ = [
    "MAX_WIDTH",
    "Glushkov",
    "NotProven",
    "Summary",
    "class_spans",
]

MAX_POSITIONS = 4000
MAX_WIDTH = 1024  # characters (or reads per character) a proof allows
LINE_TERMINATORS: Spans = ((0x0A, 0x0A), (0x0D, 0x0D), (0x2028, 0x2029))


class NotProven(Exception):
    """The pattern is outside what the proof covers."""


def class_spans(node: E._Char | E._Dot | E._Class) -> Spans:
    """The code points one position accepts."""
    if isinstance(node, E._Char):
        return ((node.cp, node.cp),)
    if isinstance(node, E._Dot):
        return E.complement(LINE_TERMINATORS)
    found: list[tuple[int, int]] = []
    for item in node.items:
        if isinstance(item, E._Prop):
            spans = property_spans(item.name)
        else:
            spans = tuple(item.spans)
        found += E.complement(spans) if item.negated else spans
    merged = E.complement(E.complement(found))
    return E.complement(merged) if node.negated else merged


Summary = tuple[bool, frozenset[int], frozenset[int]]  # nullable, first, last


class Glushkov:
    """Positions (one per character of the expanded pattern) and their follow sets."""

    def __init__(self) -> None:
        self.spans: list[Spans] = []
        self.follow: list[set[int]] = []

    def check(self, tree: E._Node) -> None:
        """Raise :class:`NotProven` unless the automaton is deterministic."""
        _, first, _ = self.walk(tree)
        for candidates in [first, *map(frozenset, self.follow)]:
            self.disjoint(candidates)

    def disjoint(self, positions: frozenset[int]) -> None:
        reached = -1
        for low, high in sorted(span for p in positions for span in self.spans[p]):
            if low <= reached:
                raise NotProven("not deterministic")
            reached = high

    def position(self, spans: Spans) -> Summary:
        if len(self.spans) >= MAX_POSITIONS:
            raise NotProven("too many positions")
        self.spans.append(spans)
        self.follow.append(set())
        here = frozenset((len(self.spans) - 1,))
        return False, here, here

    def walk(self, node: E._Node) -> Summary:
        if isinstance(node, E._Char | E._Dot | E._Class):
            return self.position(class_spans(node))
        if isinstance(node, E._Group) and node.kind in ("capture", "group"):
            return self.walk(node.body)
        if isinstance(node, E._Seq):
            summary: Summary = (True, frozenset(), frozenset())
            for item in node.items:
                summary = self.sequence(summary, self.walk(item))
            return summary
        if isinstance(node, E._Alt):
            parts = [self.walk(branch) for branch in node.branches]
            return (
                any(p[0] for p in parts),
                frozenset().union(*(p[1] for p in parts)),
                frozenset().union(*(p[2] for p in parts)),
            )
        if isinstance(node, E._Repeat):
            return self.repeat(node)
        raise NotProven("assertion, lookaround or backreference")

    def sequence(self, left: Summary, right: Summary) -> Summary:
        for p in left[2]:
            self.follow[p] |= right[1]
        first = left[1] | right[1] if left[0] else left[1]
        last = right[2] | left[2] if right[0] else right[2]
        return left[0] and right[0], first, last

    def repeat(self, node: E._Repeat) -> Summary:
        """``X{m,n}`` as m copies, then n-m nested optional ones (or a star).

        A one-character ``X`` gives every copy the same character set, so only
        ``m == 0``, ``m == 1`` and ``n > m`` matter to determinism: it is checked
        as ``X{min(m, 2), min(m, 2) + min(n - m, 2)}`` (``.{1,100000}`` too)."""
        single = isinstance(node.body, E._Char | E._Dot | E._Class)
        if single and node.low != node.high:
            low = min(node.low, 2)
            high = None if node.high is None else low + min(node.high - node.low, 2)
            node = E._Repeat(node.body, low, high, node.lazy, True)
        tail: Summary = (True, frozenset(), frozenset())
        if node.high is None:
            _, first, last = self.walk(node.body)
            for p in last:
                self.follow[p] |= first
            tail = (True, first, last)
        else:
            for _ in range(node.high - node.low):
                _, first, last = self.sequence(self.walk(node.body), tail)
                tail = (True, first, last)
        for _ in range(node.low):
            tail = self.sequence(self.walk(node.body), tail)
        return tail
