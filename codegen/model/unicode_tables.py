"""General_Category tables from current Unicode data, baked in at generation time.

ECMA-262 engines classify characters with today's Unicode; Python's
``unicodedata`` is frozen with the interpreter (Unicode 14.0 on 3.11), so the
generator reads ``unicodedata2`` (pinned; its Unicode version is recorded in
the generated ``_unicode.py``) and the generated package never consults the
running Python's database.
"""

from __future__ import annotations

import functools

import unicodedata2

__all__ = ["UNICODE_VERSION", "category_spans", "property_spans", "unicode_module"]

UNICODE_VERSION: str = unicodedata2.unidata_version
Spans = tuple[tuple[int, int], ...]
_MAX_CODE_POINT = 0x10FFFF
_LINE = 76  # characters of run text per source line of the generated table


@functools.cache
def category_spans() -> dict[str, Spans]:
    """Code point runs of each two-letter General_Category, in one pass."""
    runs: dict[str, list[tuple[int, int]]] = {}
    category = unicodedata2.category
    previous, start = category("\x00"), 0
    for code_point in range(1, _MAX_CODE_POINT + 1):
        current = category(chr(code_point))
        if current != previous:
            runs.setdefault(previous, []).append((start, code_point - 1))
            previous, start = current, code_point
    runs.setdefault(previous, []).append((start, _MAX_CODE_POINT))
    return {name: tuple(spans) for name, spans in sorted(runs.items())}


def _categories(name: str) -> list[str]:
    """The two-letter categories a short name stands for (``L``, ``LC``, ``Lu``)."""
    if name == "LC":
        return ["Ll", "Lt", "Lu"]
    return [
        c for c in category_spans() if c == name or (len(name) == 1 and c[0] == name)
    ]


def property_spans(name: str) -> Spans:
    """The code points of ``\\p{name}`` (a General_Category short name)."""
    table = category_spans()
    return tuple(sorted(span for c in _categories(name) for span in table[c]))


def _runs_text(spans: Spans) -> list[str]:
    """Runs as ``"0041-005a 00aa "`` pieces of at most ``_LINE`` characters."""
    tokens = [f"{a:04x}" if a == b else f"{a:04x}-{b:04x}" for a, b in spans]
    lines, line = [], ""
    for token in tokens:
        if line and len(line) + len(token) + 1 > _LINE:
            lines.append(line)
            line = ""
        line += token + " "
    lines = [*lines, line] if line else lines
    return [*lines[:-1], lines[-1].rstrip()] if lines else [""]


def unicode_module(header: str, names: set[str]) -> str:
    """The generated ``_unicode.py``: the categories the package's patterns use."""
    used = sorted({c for name in names for c in _categories(name)})
    body = [
        header,
        '"""General_Category runs for the package\'s Unicode property classes.',
        "",
        "Baked in by the generator from Unicode " + UNICODE_VERSION + " (not from",
        "this Python's ``unicodedata``); read by ``_patterns``. Each entry lists",
        'hexadecimal code point runs, ``"0041-005a 00aa"``.',
        '"""',
        "",
        f'UNICODE_VERSION = "{UNICODE_VERSION}"',
        "",
        "CATEGORY_RUNS: dict[str, str] = {",
    ]
    for name in used:
        lines = _runs_text(category_spans()[name])
        if len(lines) == 1:
            body.append(f'    "{name}": "{lines[0]}",')
            continue
        body.append(f'    "{name}": (')
        body += [f'        "{line}"' for line in lines]
        body.append("    ),")
    body.append("}")
    return "\n".join(body) + "\n"
