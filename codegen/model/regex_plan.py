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
   sets; counted repetitions are expanded, up to ``MAX_POSITIONS``).  Then a
   prefix of the value has at most one path through the pattern, so giving
   back what a quantifier took can never lead to a match: every quantifier is
   written possessive (``*+``, ``{m,n}+``; lazy ones too, the answer is the
   same), and an attempt reads each character once, each failed alternative
   stopping at its first character.
4. One attempt per start: alternatives with ``^`` succeed only at 0; the others
   must have a bounded width (at most ``MAX_WIDTH`` characters after the
   reductions), so each start costs a constant.  Hence linear time.

When 3 or 4 fails, each top-level alternative is proven on its own (strategy
``"re"``, reason ``"each alternative"``, or ``"confined repeats"`` when one
needs step 5): at each start ``re`` tries
``A|B`` as ``A`` then ``B``, so a search costs at most the sum of the
alternatives' searches, and an alternative's possessive quantifiers decide
exactly whether *it* matches.  An alternative passes by 3 and 4 alone, or by:

5. *Backtracking repeats, separator-confined*: ``codegen.model.regex_confined``
   states and proves it (the alternative's items split as ``H R T``, ``R``
   repeating one character class and left backtracking, its runs confined by
   a separator in ``H`` that its class excludes, ``T`` bounded; or a chain).

A pattern with a backreference cannot run on the automaton (it is not
regular); it stays on ``re`` unproven (strategy ``"re-backreference"``; 3 of
botocore's patterns, all anchored and without nested unbounded repetition).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from . import ecma_regex as E
from .regex_confined import confined_repeats
from .regex_glushkov import MAX_WIDTH, Glushkov, NotProven, class_spans

__all__ = ["Plan", "Strategy", "class_spans", "plan"]

Strategy = Literal["re", "automaton", "re-backreference"]


@dataclass(frozen=True)
class Plan:
    """The translation a pattern runs with, and on what."""

    strategy: Strategy
    python: str
    reason: str


def plan(pattern: str) -> Plan:
    """Decide how ``pattern`` runs; raises ``PatternError`` as ``translate`` does."""
    tree, parser = E.parse(pattern)
    plain = E.emit(tree, parser, possessive=False)
    if _has(tree, E._BackRef):
        return Plan("re-backreference", plain, "backreference: not regular")
    reduced, cores, starts = _reduced(tree)
    try:
        _prove(cores, starts)
    except NotProven as why:
        try:
            backtracking = _prove_each(cores, starts)
        except NotProven:
            # The reductions help the automaton too: fewer counted copies.
            python = E.emit(reduced, parser, possessive=False)
            return Plan("automaton", python, str(why))
        python = E.emit(reduced, parser, possessive=True, backtracking=backtracking)
        reason = "confined repeats" if backtracking else "each alternative"
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
    """Steps 1, 3 and 4; :class:`NotProven` when one fails."""
    for core, start in zip(cores, starts, strict=True):
        if not start:
            _, high = _width(core)
            if high is None or high > MAX_WIDTH:
                raise NotProven("unanchored and unbounded")
    Glushkov().check(E._Alt(cores))


def _prove_each(cores: list[E._Node], starts: list[bool]) -> frozenset[E._Repeat]:
    """Step 5 (or 3 and 4) for each alternative alone; the repeats left
    backtracking, or :class:`NotProven`."""
    backtracking: set[E._Repeat] = set()
    for core, start in zip(cores, starts, strict=True):
        try:
            _prove([core], [start])
            continue
        except NotProven:
            pass
        items: list[E._Node] = list(core.items) if isinstance(core, E._Seq) else [core]
        backtracking.update(confined_repeats(items, start))
    return frozenset(backtracking)


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
