"""The generated pattern runtime, for tests of any pattern (not only Connect's).

A generated package bakes only the Unicode categories its own patterns use, so
the tests import ``codegen/generate/runtime/_patterns.py`` and the matcher
modules beside it (copied verbatim into every package) from a temporary
package whose ``_unicode.py`` the generator wrote with every category.  Three
ways to run a pattern are offered, so each can be compared with the referees
(Node, corvus-regex-ecma262):

* :func:`planned`: what generated code does (``regex_plan`` chooses);
* :func:`automaton`: the linear-time automaton, whatever the plan says;
* :func:`backtracking`: the plain translation on ``re`` (the old behaviour).
"""

from __future__ import annotations

import atexit
import functools
import importlib
import importlib.util
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from codegen.model import regex_plan
from codegen.model.ecma_regex import translate
from codegen.model.unicode_tables import category_spans, unicode_module
from tests.support import REPO

RUNTIME = REPO / "codegen" / "generate" / "runtime"
RUNTIME_MODULES = ("_automaton.py", "_dfa.py", "_patterns.py")
_PACKAGE = "pattern_runtime_under_test"


@functools.cache
def runtime() -> Any:
    """The ``_patterns`` module, importable with every Unicode category."""
    root = Path(tempfile.mkdtemp(prefix="pattern-runtime-"))
    atexit.register(shutil.rmtree, root, ignore_errors=True)
    folder = root / _PACKAGE
    folder.mkdir()
    (folder / "__init__.py").write_text("")
    for name in RUNTIME_MODULES:
        shutil.copy(RUNTIME / name, folder / name)
    every = set(category_spans())
    (folder / "_unicode.py").write_text(unicode_module("# test copy", every))
    spec = importlib.util.spec_from_file_location(
        _PACKAGE, folder / "__init__.py", submodule_search_locations=[str(folder)]
    )
    assert spec is not None and spec.loader is not None
    package = importlib.util.module_from_spec(spec)
    sys.modules[_PACKAGE] = package
    spec.loader.exec_module(package)
    return importlib.import_module(f"{_PACKAGE}._patterns")


def module(name: str) -> Any:
    """Another runtime module of the same copy (``_automaton``, ``_dfa``)."""
    runtime()
    return importlib.import_module(f"{_PACKAGE}.{name}")


def compile_pattern(source: str) -> Any:
    """``re`` compilation of a translation, property classes expanded."""
    return runtime().compile_pattern(source)


@functools.cache
def planned(pattern: str) -> Callable[[str], bool]:
    """The matcher generated code uses for ``pattern``."""
    chosen = regex_plan.plan(pattern)
    linear = chosen.strategy == "automaton"
    matcher: Callable[[str], bool] = (
        runtime().Pattern(pattern, chosen.python, linear=linear).search
    )
    return matcher


@functools.cache
def automaton(pattern: str) -> Callable[[str], bool] | None:
    """The automaton for ``pattern``; ``None`` for a backreference (not regular)."""
    if regex_plan.plan(pattern).strategy == "re-backreference":
        return None
    matcher: Callable[[str], bool] = (
        runtime().Pattern(pattern, translate(pattern), linear=True).search
    )
    return matcher


@functools.cache
def backtracking(pattern: str) -> Callable[[str], bool]:
    """The plain translation searched by ``re``."""
    search = compile_pattern(translate(pattern)).search
    return lambda value: search(value) is not None


def every_matcher(pattern: str) -> dict[str, Callable[[str], bool]]:
    """The matchers to compare with a referee, by name."""
    found = {"planned": planned(pattern), "re": backtracking(pattern)}
    linear = automaton(pattern)
    if linear is not None:
        found["automaton"] = linear
    return found
