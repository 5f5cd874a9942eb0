r"""Model patterns (ECMA-262, matched unanchored) with a linear worst case.

The generator translates every pattern to Python ``re`` source and decides, per
pattern, how it runs (``codegen.model.regex_plan`` documents the proofs):

* ``Pattern(ecma, python)``: the translation is proven to run in linear time on
  ``re`` (a deterministic pattern written with possessive quantifiers, searched
  from one start or within a bounded width), so ``re.search`` runs it;
* ``Pattern(ecma, python, linear=True)``: no such proof, so the translation runs
  on ``_automaton`` (a lazily built DFA, linear by construction).

Unicode property classes (``\p{L}``) are expanded from ``_unicode``, the
General_Category tables the generator baked in from current Unicode data
(``_unicode.UNICODE_VERSION``), not from this Python's ``unicodedata``.
"""

from __future__ import annotations

import functools
import importlib
import re
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ._automaton import Spans

__all__ = ["Pattern", "compile_pattern"]

_PROPERTY = re.compile(r"\\([pP])\{([A-Za-z]+)\}")


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
                # Loaded with the first such pattern: importing the package
                # stays cheap (tests/unit/test_layout.py).
                from ._automaton import Automaton

                search = Automaton(source).search
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
def _category_runs() -> dict[str, Spans]:
    """The baked General_Category runs, parsed once: ``"0041-005a 00aa"``."""
    # Imported by name: the generator's copy of this module has no tables beside it.
    tables = importlib.import_module("._unicode", __package__)
    runs: dict[str, Spans] = {}
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
    spans: Spans = tuple(sorted(s for category in names for s in runs[category]))
    if negated:
        from ._automaton import complement

        spans = complement(spans)
    return "".join(
        f"\\U{low:08x}" if low == high else f"\\U{low:08x}-\\U{high:08x}"
        for low, high in spans
    )
