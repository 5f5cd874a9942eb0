"""Our translation of a pattern, cut down so that Hypothesis can draw from it.

Only used to *draw* strings that Node then judges (``tests.oracles.node_regexp``):
property classes with hundreds of ranges and wide class ranges make Hypothesis
spend seconds per pattern, and which strings are drawn is not what is tested.
"""

from __future__ import annotations

import re

from tests.pattern_runtime import compile_pattern

_PROPERTY_TOKEN = re.compile(r"\\[pP]\{[A-Za-z]+\}")
_EXPANDED_ITEM = re.compile(r"\\U[0-9a-f]{8}(?:-\\U[0-9a-f]{8})?")


def sampled_properties(source: str) -> str:
    """``source`` with each property class cut to a few of its runs.

    Only used to *draw* strings (Node judges them), and it keeps Hypothesis from
    spending a second per pattern on classes with hundreds of ranges.
    """

    def sample(token: re.Match[str]) -> str:
        items = _EXPANDED_ITEM.findall(compile_pattern(f"[{token.group()}]").pattern)
        return "".join(items[:: max(1, len(items) // 24)])

    return _PROPERTY_TOKEN.sub(sample, source)


_SOURCE_TOKEN = re.compile(
    r"\\U[0-9a-f]{8}|\\u[0-9a-f]{4}|\\x[0-9a-f]{2}|\\[tnr]|\\.|.", re.DOTALL
)
_WIDE_RANGE = 256


def _code_point(token: str) -> int:
    """The code point a class member token of our output stands for."""
    if token[:2] in ("\\U", "\\u", "\\x"):
        return int(token[2:], 16)
    if token[:1] == "\\":
        return ord({"t": "\t", "n": "\n", "r": "\r"}.get(token[1], token[1]))
    return ord(token)


def narrow_ranges(source: str) -> str:
    """Cut wide class ranges down to a few slices.

    Hypothesis enumerates class ranges one character at a time, which takes
    seconds for ``[\\W\\S_]``; the strings are only drawn here (Node judges).
    """
    tokens = _SOURCE_TOKEN.findall(source)
    out: list[str] = []
    index, in_class = 0, False
    while index < len(tokens):
        token = tokens[index]
        if in_class and index + 2 < len(tokens) and tokens[index + 1] == "-":
            low, high = _code_point(token), _code_point(tokens[index + 2])
            out.append("".join(_slices(low, high)))
            index += 3
            continue
        if token == "[" and not in_class:
            in_class = True
            if tokens[index + 1 : index + 2] == ["^"]:
                out.append("[^")
                index += 2
                continue
        elif token == "]" and in_class:
            in_class = False
        out.append(token)
        index += 1
    return "".join(out)


def _slices(low: int, high: int) -> list[str]:
    """``low-high`` as a class range, or three short slices of it if wide."""
    if high - low <= _WIDE_RANGE:
        return [f"\\U{low:08x}-\\U{high:08x}"]
    middle = (low + high) // 2
    starts = (low, middle, high - 63)
    return [f"\\U{start:08x}-\\U{start + 63:08x}" for start in starts]
