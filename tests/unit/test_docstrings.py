"""``codegen.generate.docstrings``: model text becomes safely escaped docstrings that
fit the line width."""

from __future__ import annotations

import ast
import re

import pytest

from codegen.generate.docstrings import docstring
from tests.support import GENERATED


@pytest.mark.parametrize(
    "text",
    [
        'ends with a quote"',
        'has """ triple quotes and a \\ backslash',
        "a \u2028 line separator and a \x00 NUL",
        "long " * 40,
    ],
)
def test_docstring_literal_evaluates_to_the_text(text: str) -> None:
    literal = docstring(text, indent=4)
    value = ast.literal_eval(literal)
    assert " ".join(value.split()) == " ".join(text.split())


def test_generated_lines_fit_88_columns_except_pattern_literals() -> None:
    """E501 is waived in _codecs.py for string arguments (patterns) and lone words."""
    lone_string = re.compile(r"""r?("[^"]*"|'[^']*'),?""")
    long_lines = 0
    for path in sorted(GENERATED.rglob("*.py")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
            if len(line) <= 88:
                continue
            long_lines += 1
            stripped = line.strip()
            assert not stripped.startswith('"""'), f"{path.name}:{number + 1}"
            unbreakable = len(stripped.split()) == 1  # a URL, say, as ruff allows
            assert (
                lone_string.fullmatch(stripped) or unbreakable
            ), f"{path.name}:{number + 1}"
    assert long_lines > 0  # the Connect patterns translate to long literals
