"""Across a package of all of Connect, black keeps what the templates and
``black_layout`` write.

black is the oracle: of every 10th module (by name) of the package, laid out,
at least 95% must come out of black unchanged, so black formats them in one
pass (a module it changes is formatted again by black: a second pass). And
laying out never changes what a module means, nor what black makes of it:
the same syntax tree, and the same output as black alone, for every module of
the sample.
"""

from __future__ import annotations

import ast

from codegen.generate.black_layout import lay_out
from tests.support import black_alone
from tools.black_stability import outcomes, rendered


def test_black_leaves_the_laid_out_modules_of_all_of_connect_as_they_are() -> None:
    modules = rendered(["all"], every=10)
    assert len(modules) > 100
    results = outcomes(modules)
    changed = [result.name for result in results if not result.stable]
    assert len(changed) <= 0.05 * len(results), changed
    for name, text in modules.items():
        laid = lay_out(text)
        assert ast.dump(ast.parse(laid)) == ast.dump(ast.parse(text)), name
        # What black makes of it is what black alone makes of the rendered text.
        assert black_alone(laid) == black_alone(text), name
