r"""How each model pattern runs in linear time: on ``re`` where proven, else not.

Python's ``re`` backtracks, so a translated pattern can take quadratic time
(``[^\s@]+@...`` searched from every start) or exponential time (ECR's
``ScanningRepositoryFilterValue``).  :func:`plan` proves, at generation time,
that a pattern's rewritten form is linear on ``re``; every other pattern runs
on the runtime's automaton (``_patterns._Automaton``, linear by construction).

The proof (strategy ``"re"``), over the syntax tree of the translation:

1. No lookaround, backreference or ``\b``; ``^`` only at the start and ``$``
   only at the end of a top-level alternative.
2. Reductions that do not change whether a search finds a match: an
   alternative without ``^`` loses a leading ``X*``/``X?`` and keeps one ``X``
   of a leading ``X+`` (``X{m,n}`` keeps ``X{m}``), repeatedly; without ``$``,
   the same at its end.
3. The Glushkov automaton of the reduced pattern is *deterministic* (the
   positions that may follow any position, or start, have disjoint character
   sets; counted repetitions are expanded, up to ``_MAX_POSITIONS``).  Then a
   prefix of the value has at most one path through the pattern, so giving
   back what a quantifier took can never lead to a match: every quantifier is
   written possessive (``*+``, ``{m,n}+``; lazy ones too, the answer is the
   same), and an attempt reads each character once, each failed alternative
   stopping at its first character.
4. One attempt per start: alternatives with ``^`` succeed only at 0; the others
   must have a bounded width (at most ``_MAX_WIDTH`` characters after the
   reductions), so each start costs a constant.  Hence linear time.

When 3 or 4 fails, each top-level alternative is proven on its own (strategy
``"re"``, reason ``"each alternative"``, or ``"one backtracking repeat"`` when
one needs step 5): at each start ``re`` tries
``A|B`` as ``A`` then ``B``, so a search costs at most the sum of the
alternatives' searches, and an alternative's possessive quantifiers decide
exactly whether *it* matches.  An alternative passes by 3 and 4 alone, or by:

5. *One backtracking repeat, separator-confined.*  Its items split as
   ``H R T``, ``R = C{m,n}`` (``n > m`` or unbounded) repeating one character
   class ``C``, written greedy or lazy as in the model; ``H`` and ``T`` are
   written possessive, which is exact: ``H R`` is deterministic (3) and, when
   ``m = 0``, so is ``H T``, so ``H`` has one path to where ``R`` or ``T``
   starts (no character both continues ``H`` and starts what follows it);
   ``T`` is deterministic and last.  ``T`` has a bounded width ``W``.  An
   attempt that
   reaches ``R`` scans a run of ``r`` characters of ``C``, then tries ``T`` at
   each of at most ``r + 1`` back-off points, ``W + 1`` reads each; when all
   fail, backtracking into ``H`` retries only alternatives that fail at their
   first character.  So an attempt costs ``O(|H| + (r + 1)(W + 1))``, and
   attempts are bounded in one of three ways:

   a. anchored at the start: one attempt;
   b. the whole alternative at most ``V`` wide, ``(V + 1)(W + 1) <=
      _MAX_WIDTH`` (``r <= V``): a constant per start;
   c. confined: ``H`` has a fixed width ``w`` and, at a fixed offset ``d``,
      a top-level one-character item whose set ``S`` (the *separator*) is
      disjoint from ``C``.  An attempt from ``i`` that reaches ``R`` read a
      separator at ``i + d``, and its run starts at ``i + w``.  If attempts
      ``i < j`` both have runs containing position ``x``, then
      ``j - i < w - d``: otherwise ``i + w <= j + d < j + w <= x``, so the
      separator at ``j + d`` lies inside ``i``'s run, which only holds ``C``.
      Each character is in at most ``w - d`` runs, so the runs sum to at most
      ``(w - d) n`` and the search costs ``O(n (w + (w - d + 1)(W + 1)))``;
      ``(w - d)(W + 1) <= _MAX_WIDTH`` is required.

   Connect's ``EmailAddress`` ``[^\s@]+@[^\s@]+\.[^\s@]+`` reduces to
   ``[^\s@]@[^\s@]+\.[^\s@]``: ``H = [^\s@]@`` (``w = 2``, separator
   ``@`` at ``d = 1``), ``R = [^\s@]+``, ``T = \.[^\s@]`` (``W = 2``): each
   ``@`` starts at most one run, which ends at the next ``@`` or space.
   Rejected: a second unbounded repeat after ``R`` (``T`` unbounded:
   ``[^\s@]+@[^\s@]+[^\s@]+\.x`` is quadratic in each segment), and a
   repeat that accepts its separator (``[^@]+@.+\.x``: every ``@`` starts a
   run to the end).

A pattern with a backreference cannot run on the automaton (it is not
regular); it stays on ``re`` unproven (strategy ``"re-backreference"``; 3 of
botocore's patterns, all anchored and without nested unbounded repetition).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from . import ecma_regex as E
from .unicode_tables import Spans, property_spans

__all__ = ["Plan", "Strategy", "class_spans", "plan"]

Strategy = Literal["re", "automaton", "re-backreference"]
_MAX_POSITIONS = 4000
_MAX_WIDTH = 1024
_LINE_TERMINATORS: Spans = ((0x0A, 0x0A), (0x0D, 0x0D), (0x2028, 0x2029))


@dataclass(frozen=True)
class Plan:
    """The translation a pattern runs with, and on what."""

    strategy: Strategy
    python: str
    reason: str


class _NotProven(Exception):
    """The pattern is outside what the proof covers."""


def plan(pattern: str) -> Plan:
    """Decide how ``pattern`` runs; raises ``PatternError`` as ``translate`` does."""
    tree, parser = E.parse(pattern)
    plain = E.emit(tree, parser, possessive=False)
    if _has(tree, E._BackRef):
        return Plan("re-backreference", plain, "backreference: not regular")
    reduced, cores, starts = _reduced(tree)
    try:
        _prove(cores, starts)
    except _NotProven as why:
        try:
            backtracking = _prove_each(cores, starts)
        except _NotProven:
            # The reductions help the automaton too: fewer counted copies.
            python = E.emit(reduced, parser, possessive=False)
            return Plan("automaton", python, str(why))
        python = E.emit(reduced, parser, possessive=True, backtracking=backtracking)
        reason = "one backtracking repeat" if backtracking else "each alternative"
        return Plan("re", python, reason)
    return Plan("re", E.emit(reduced, parser, possessive=True), "deterministic")


def _has(node: E._Node, kind: type) -> bool:
    return isinstance(node, kind) or any(_has(c, kind) for c in E._children(node))


def _reduced(tree: E._Node) -> tuple[E._Node, list[E._Node], list[bool]]:
    """The tree after step 2, its alternatives' cores (anchors left out), and
    which alternatives are anchored at the start.  Valid for any pattern without
    a backreference: lookarounds read the value, not the match."""
    while isinstance(tree, E._Group) and tree.kind in ("capture", "group"):
        tree = tree.body
    branches = tree.branches if isinstance(tree, E._Alt) else [tree]
    rebuilt: list[E._Node] = []
    cores: list[E._Node] = []
    starts: list[bool] = []
    for branch in branches:
        start, end, items = _anchors(branch)
        if not start:
            items = _reduce(items)
        if not end:
            items = _reduce(items[::-1])[::-1]
        cores.append(E._Seq(items))
        starts.append(start)
        anchors_start = [E._Assert("^")] if start else []
        rebuilt.append(
            E._Seq([*anchors_start, *items, *([E._Assert("$")] if end else [])])
        )
    return (rebuilt[0] if len(rebuilt) == 1 else E._Alt(rebuilt)), cores, starts


def _prove(cores: list[E._Node], starts: list[bool]) -> None:
    """Steps 1, 3 and 4; :class:`_NotProven` when one fails."""
    for core, start in zip(cores, starts, strict=True):
        if not start:
            _, high = _width(core)
            if high is None or high > _MAX_WIDTH:
                raise _NotProven("unanchored and unbounded")
    _Glushkov().check(E._Alt(cores))


def _prove_each(cores: list[E._Node], starts: list[bool]) -> frozenset[E._Repeat]:
    """Step 5 (or 3 and 4) for each alternative alone; the repeats left
    backtracking, or :class:`_NotProven`."""
    backtracking: set[E._Repeat] = set()
    for core, start in zip(cores, starts, strict=True):
        try:
            _prove([core], [start])
            continue
        except _NotProven:
            pass
        items: list[E._Node] = list(core.items) if isinstance(core, E._Seq) else [core]
        backtracking.add(_one_repeat(items, start))
    return frozenset(backtracking)


def _one_repeat(items: list[E._Node], start: bool) -> E._Repeat:
    """The ``R`` of step 5 in an alternative's items."""
    for index, item in enumerate(items):
        if not (
            isinstance(item, E._Repeat)
            and isinstance(item.body, E._Char | E._Dot | E._Class)
            and item.high != item.low
        ):
            continue
        try:
            _split(items[:index], item, item.body, items[index + 1 :], start)
        except _NotProven:
            continue
        return item
    raise _NotProven("no repeat step 5 bounds")


def _split(
    head: list[E._Node],
    repeat: E._Repeat,
    body: E._Char | E._Dot | E._Class,
    tail: list[E._Node],
    start: bool,
) -> None:
    """Check ``head repeat tail`` against step 5 (``body`` is the repeat's)."""
    _Glushkov().check(E._Seq([*head, repeat]))
    if repeat.low == 0:
        _Glushkov().check(E._Seq([*head, *tail]))
    _Glushkov().check(E._Seq(tail))
    _, tail_width = _width(E._Seq(tail))
    if tail_width is None or tail_width > _MAX_WIDTH:
        raise _NotProven("unbounded after the repeat")
    _, width = _width(E._Seq([*head, repeat, *tail]))
    if start or (  # 5a, 5b
        width is not None
        and width <= _MAX_WIDTH
        and (width + 1) * (tail_width + 1) <= _MAX_WIDTH
    ):
        return
    low, high = _width(E._Seq(head))
    confined = _separator(head, class_spans(body))
    if low != high or high is None or confined is None:
        raise _NotProven("no separator confines the repeat")
    if (high - confined) * (tail_width + 1) > _MAX_WIDTH:
        raise _NotProven("separator too far from the repeat")


def _separator(head: list[E._Node], spans: Spans) -> int | None:
    """The largest offset of a top-level one-character item of ``head`` that
    accepts nothing in ``spans`` (5c), if any."""
    offset, found = 0, None
    for item in head:
        if isinstance(item, E._Char | E._Dot | E._Class) and _disjoint(
            class_spans(item), spans
        ):
            found = offset
        offset += _width(item)[0]
    return found


def _disjoint(left: Spans, right: Spans) -> bool:
    return all(b < c or d < a for a, b in left for c, d in right)


def _anchors(branch: E._Node) -> tuple[bool, bool, list[E._Node]]:
    """(starts with ``^``, ends with ``$``, the items between)."""
    while isinstance(branch, E._Group) and branch.kind in ("capture", "group"):
        branch = branch.body
    items: list[E._Node] = (
        list(branch.items) if isinstance(branch, E._Seq) else [branch]
    )
    start = bool(items) and isinstance(items[0], E._Assert) and items[0].kind == "^"
    items = items[1:] if start else items
    end = bool(items) and isinstance(items[-1], E._Assert) and items[-1].kind == "$"
    items = items[:-1] if end else items
    return start, end, items


def _reduce(items: list[E._Node]) -> list[E._Node]:
    """Drop what a search needs no copy of at an unanchored end (see step 2)."""
    while items and isinstance(items[0], E._Repeat):
        first = items[0]
        if first.low == 0:
            items = items[1:]
            continue
        if first.high != first.low:
            once = E._Repeat(first.body, first.low, first.low, False, True)
            items = [first.body if first.low == 1 else once, *items[1:]]
        break
    return items


def _width(node: E._Node) -> tuple[int, int | None]:
    return E._width(node)


def class_spans(node: E._Char | E._Dot | E._Class) -> Spans:
    """The code points one position accepts."""
    if isinstance(node, E._Char):
        return ((node.cp, node.cp),)
    if isinstance(node, E._Dot):
        return E.complement(_LINE_TERMINATORS)
    found: list[tuple[int, int]] = []
    for item in node.items:
        if isinstance(item, E._Prop):
            spans = property_spans(item.name)
        else:
            spans = tuple(item.spans)
        found += E.complement(spans) if item.negated else spans
    merged = E.complement(E.complement(found))
    return E.complement(merged) if node.negated else merged


_Summary = tuple[bool, frozenset[int], frozenset[int]]  # nullable, first, last


class _Glushkov:
    """Positions (one per character of the expanded pattern) and their follow sets."""

    def __init__(self) -> None:
        self.spans: list[Spans] = []
        self.follow: list[set[int]] = []

    def check(self, tree: E._Node) -> None:
        """Raise :class:`_NotProven` unless the automaton is deterministic."""
        _, first, _ = self.walk(tree)
        for candidates in [first, *map(frozenset, self.follow)]:
            self.disjoint(candidates)

    def disjoint(self, positions: frozenset[int]) -> None:
        reached = -1
        for low, high in sorted(span for p in positions for span in self.spans[p]):
            if low <= reached:
                raise _NotProven("not deterministic")
            reached = high

    def position(self, spans: Spans) -> _Summary:
        if len(self.spans) >= _MAX_POSITIONS:
            raise _NotProven("too many positions")
        self.spans.append(spans)
        self.follow.append(set())
        here = frozenset((len(self.spans) - 1,))
        return False, here, here

    def walk(self, node: E._Node) -> _Summary:
        if isinstance(node, E._Char | E._Dot | E._Class):
            return self.position(class_spans(node))
        if isinstance(node, E._Group) and node.kind in ("capture", "group"):
            return self.walk(node.body)
        if isinstance(node, E._Seq):
            summary: _Summary = (True, frozenset(), frozenset())
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
        raise _NotProven("assertion, lookaround or backreference")

    def sequence(self, left: _Summary, right: _Summary) -> _Summary:
        for p in left[2]:
            self.follow[p] |= right[1]
        first = left[1] | right[1] if left[0] else left[1]
        last = right[2] | left[2] if right[0] else right[2]
        return left[0] and right[0], first, last

    def repeat(self, node: E._Repeat) -> _Summary:
        """``X{m,n}`` as m copies, then n-m nested optional ones (or a star).

        A one-character ``X`` gives every copy the same character set, so only
        ``m == 0``, ``m == 1`` and ``n > m`` matter to determinism: it is checked
        as ``X{min(m, 2), min(m, 2) + min(n - m, 2)}`` (``.{1,100000}`` too)."""
        single = isinstance(node.body, E._Char | E._Dot | E._Class)
        if single and node.low != node.high:
            low = min(node.low, 2)
            high = None if node.high is None else low + min(node.high - node.low, 2)
            node = E._Repeat(node.body, low, high, node.lazy, True)
        tail: _Summary = (True, frozenset(), frozenset())
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
