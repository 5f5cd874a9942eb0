"""Docstring literals for generated code.

A model is input, not code: whatever its documentation holds must come out as
inert docstring text. ``docstring`` returns the complete literal, escaped.
"""

from __future__ import annotations

import textwrap


def _escape(text: str) -> str:
    """Make ``text`` safe inside a triple-quoted docstring."""
    text = text.replace("\\", "\\\\")
    if not text.replace("\n", "").isprintable():  # rare: skip the walk otherwise
        text = _escape_unprintable(text)
    # A last quote would join the closing ones; escaped before the triple
    # quotes are, so that text ending in three quotes ends in one escape too.
    if text.endswith('"'):
        text = text[:-1] + '\\"'
    return text.replace('"""', '\\"\\"\\"')


def _escape_unprintable(text: str) -> str:
    """Control and other unprintable characters as their escapes."""
    return "".join(
        (
            char
            if char.isprintable() or char == "\n"
            else char.encode("unicode_escape").decode("ascii")
        )
        for char in text
    )


def docstring(text: str, indent: int, width: int = 88) -> str:
    """The full ``\"\"\"...\"\"\"`` literal for ``text``, wrapped to fit ``width``."""
    # Room for the quotes on both sides, as black may join the closing ones.
    available = max(width - indent - 6, 40)
    paragraphs = [
        textwrap.fill(
            paragraph, available, break_long_words=False, break_on_hyphens=False
        )
        for paragraph in text.split("\n\n")
    ]
    body = _escape("\n\n".join(paragraphs))
    if "\n" not in body and len(body) + indent + 6 <= width:
        return f'"""{body}"""'
    pad = " " * indent
    lines = [(pad + line) if line else "" for line in body.split("\n")]
    return '"""' + "\n".join(lines).lstrip() + "\n" + pad + '"""'
