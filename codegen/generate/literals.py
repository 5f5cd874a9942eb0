"""Python literals spelled as black spells them.

``repr`` quotes with ``'``; black rewrites every such string to ``"`` and then,
having changed the file, formats it a second time. Spelling literals black's
way up front is what lets black finish in one pass (see ``black_layout``).
"""

from __future__ import annotations

from collections.abc import Iterable


def string(text: str) -> str:
    """``text`` as a string literal in black's preferred quotes: double, unless
    that would need more escapes than ``repr``'s single quotes."""
    spelled = repr(text)
    if spelled.startswith('"') or '"' in text:
        return spelled
    return '"' + spelled[1:-1].replace("\\'", "'") + '"'


def tuple_of(items: Iterable[str]) -> str:
    """A tuple literal of ``items`` (source text each): ``(a, b)``, ``(a,)``."""
    spelled = list(items)
    if len(spelled) == 1:
        return f"({spelled[0]},)"
    return f"({', '.join(spelled)})"


def strings(texts: Iterable[str]) -> str:
    """``string`` of each text, comma-separated (a collection literal's items)."""
    return ", ".join(string(text) for text in texts)
