r"""Step 5 of ``regex_plan``: backtracking repeats, separator-confined.

An alternative whose Glushkov automaton is not deterministic may still search
in linear time on ``re`` when its nondeterminism sits in repeats of one
character class whose runs are confined.  (``regex_plan`` applies this to
each top-level alternative alone, after its reductions.)

The alternative's items split as ``H R T``, ``R = C{m,n}`` (``n > m`` or
unbounded) repeating one character class ``C``, written greedy or lazy as in
the model; ``H`` and ``T`` are written possessive, which is exact: ``H R`` is
deterministic (``regex_plan``'s step 3) and, when ``m = 0``, so is ``H T``, so
``H`` has one path to where ``R`` or ``T`` starts (no character both
continues ``H`` and starts what follows it); ``T`` is deterministic and last.
``T`` has a bounded width ``W``.  An attempt that
reaches ``R`` scans a run of ``r`` characters of ``C``, then tries ``T`` at
each of at most ``r + 1`` back-off points, ``W + 1`` reads each; when all
fail, backtracking into ``H`` retries only alternatives that fail at their
first character.  So an attempt costs ``O(|H| + (r + 1)(W + 1))``, and
attempts are bounded in one of three ways:

a. anchored at the start: one attempt;
b. the whole alternative at most ``V`` wide, ``(V + 1)(W + 1) <=
   MAX_WIDTH`` (``r <= V``): a constant per start;
c. confined: ``H`` has a fixed width ``w`` and, at a fixed offset ``d``,
   a top-level one-character item whose set ``S`` (the *separator*) is
   disjoint from ``C``.  An attempt from ``i`` that reaches ``R`` read a
   separator at ``i + d``, and its run starts at ``i + w``.  If attempts
   ``i < j`` both have runs containing position ``x``, then
   ``j - i < w - d``: otherwise ``i + w <= j + d < j + w <= x``, so the
   separator at ``j + d`` lies inside ``i``'s run, which only holds ``C``.
   Each character is in at most ``w - d`` runs, so the runs sum to at most
   ``(w - d) n`` and the search costs ``O(n (w + (w - d + 1)(W + 1)))``;
   ``(w - d)(W + 1) <= MAX_WIDTH`` is required.
d. a chain (after a or c, with ``m >= 1``): ``T`` may instead be
   ``G R' T'``, where the link ``G`` is deterministic with ``R'`` (as
   ``H`` with ``R``), has a fixed width ``w'`` and a separator at ``d'``
   that ``R' = C'{m',n'}`` (``m' >= 1``, left backtracking) excludes, and
   ``T'`` is again a bounded tail or a chain.  Each back-off point of
   ``R`` starts an attempt at ``G R' T'``.  A position is a back-off point
   of at most ``2k`` runs of ``R`` (those holding it or the character
   before it; ``k`` is 1 when anchored, ``w - d`` when confined), and by
   the argument of c the back-off points whose ``R'`` runs hold a given
   character are fewer than ``w' - d'`` apart, so each character is in at
   most ``k' = 2k (w' - d')`` runs of ``R'``; and so on down the chain.
   Every link and the final tail cost at most ``k (w' + 1)`` and
   ``k' (W + 1)`` reads per character, each required ``<= MAX_WIDTH``.

Connect's ``EmailAddress`` ``[^\s@]+@[^\s@]+\.[^\s@]+`` reduces to
``[^\s@]@[^\s@]+\.[^\s@]``: ``H = [^\s@]@`` (``w = 2``, separator
``@`` at ``d = 1``), ``R = [^\s@]+``, ``T = \.[^\s@]`` (``W = 2``): each
``@`` starts at most one run, which ends at the next ``@`` or space.
``arn:[^:]+:s3:[a-zA-Z0-9\-]+:\d{12}:job\/.*`` (``.*`` reduced away) is a
chain: ``R = [^:]+`` confined by the ``:`` of ``arn:``, then ``G = :s3:``
and ``R' = [a-zA-Z0-9\-]+``, whose runs end at the next ``:``.
Rejected: a second repeat right after ``R``
(``[^\s@]+@[^\s@]+[^\s@]+\.x`` is quadratic in each segment), and a
repeat that accepts its separator (``[^@]+@.+\.x``: every ``@`` starts a
run to the end; ``^[^@]+@[^\s]+\.[^@]+$``: every ``.`` does).
"""

from __future__ import annotations

from . import ecma_regex as E
from .regex_glushkov import MAX_WIDTH, Glushkov, NotProven, class_spans
from .unicode_tables import Spans

__all__ = ["confined_repeats"]


def confined_repeats(items: list[E._Node], start: bool) -> list[E._Repeat]:
    """The repeats step 5 leaves backtracking in an alternative's items."""
    for index, item in enumerate(items):
        if not _candidate(item):
            continue
        assert isinstance(item, E._Repeat)
        head, tail = items[:index], items[index + 1 :]
        try:
            Glushkov().check(E._Seq([*head, item]))
            if _bounded(head, item, tail):
                return [item]  # 5b
            if item.low == 0:
                Glushkov().check(E._Seq([*head, *tail]))
            copies = 1 if start else _confined(head, item)
            return [item, *_links(tail, copies, item.low == 0)]
        except NotProven:
            continue
    raise NotProven("no repeat step 5 bounds")


def _candidate(item: E._Node) -> bool:
    return (
        isinstance(item, E._Repeat)
        and isinstance(item.body, E._Char | E._Dot | E._Class)
        and item.high != item.low
    )


def _bounded(head: list[E._Node], repeat: E._Repeat, tail: list[E._Node]) -> bool:
    """5b: the alternative is narrow, its tail deterministic."""
    _, width = E._width(E._Seq([*head, repeat, *tail]))
    _, tail_width = E._width(E._Seq(tail))
    if width is None or tail_width is None:
        return False
    if width > MAX_WIDTH or (width + 1) * (tail_width + 1) > MAX_WIDTH:
        return False
    try:  # else 5a or 5c may still hold, the tail being a chain
        Glushkov().check(E._Seq(tail))
        if repeat.low == 0:
            Glushkov().check(E._Seq([*head, *tail]))
    except NotProven:
        return False
    return True


def _confined(head: list[E._Node], repeat: E._Repeat) -> int:
    """5c: how many runs of ``repeat`` a character can lie in (``w - d``)."""
    low, high = E._width(E._Seq(head))
    body = repeat.body
    assert isinstance(body, E._Char | E._Dot | E._Class)  # see _candidate
    confined = _separator(head, class_spans(body))
    if low != high or high is None or confined is None:
        raise NotProven("no separator confines the repeat")
    return high - confined


def _links(items: list[E._Node], copies: int, last_empty: bool) -> list[E._Repeat]:
    """What follows a backtracking repeat whose runs hold a character at most
    ``copies`` times: a bounded deterministic tail, or a link, the next
    repeat and what follows it (5d)."""
    try:
        Glushkov().check(E._Seq(items))
        _, width = E._width(E._Seq(items))
        if width is not None and copies * (width + 1) <= MAX_WIDTH:
            return []
    except NotProven:
        pass
    if last_empty:
        raise NotProven("an empty repeat before a link")
    for index, item in enumerate(items):
        if not _candidate(item) or index == 0:
            continue
        assert isinstance(item, E._Repeat)
        link = items[:index]
        try:
            Glushkov().check(E._Seq([*link, item]))
            more = 2 * copies * _confined(link, item)
            if copies * (E._width(E._Seq(link))[0] + 1) > MAX_WIDTH or item.low == 0:
                continue
            return [item, *_links(items[index + 1 :], more, False)]
        except NotProven:
            continue
    raise NotProven("unbounded after the repeat")


def _separator(head: list[E._Node], spans: Spans) -> int | None:
    """The largest offset of a top-level one-character item of ``head`` that
    accepts nothing in ``spans`` (5c), if any."""
    offset, found = 0, None
    for item in head:
        if isinstance(item, E._Char | E._Dot | E._Class) and _disjoint(
            class_spans(item), spans
        ):
            found = offset
        offset += E._width(item)[0]
    return found


def _disjoint(left: Spans, right: Spans) -> bool:
    return all(b < c or d < a for a, b in left for c, d in right)
