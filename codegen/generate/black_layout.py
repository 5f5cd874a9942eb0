"""Long generated lines laid out the way black lays them out, before black runs.

black formats a file, and when its result differs from its input it formats
the result again (``black.format_str``'s second pass, which settles optional
trailing commas). Templates write each statement on one line; most fit in 88
columns and black keeps them, but a module with one long line costs black two
passes. ``lay_out`` splits long one-line statements of the forms the templates
write (assignments, calls, returns, ``if`` tests, ``def`` and ``class`` lines)
into black's own layout: the right-hand bracket split, then one item per line
with a trailing comma, boolean and conditional chains split before each
operator. Any statement it does not recognise, or cannot place within 88
columns, it leaves as it is.

black still formats every file afterwards, so the output is black's, and
black leaves it as it is. A line laid out differently from black's choice is
formatted again by black (the second pass this meant to save), except that
items split one per line with a trailing comma stay split (black keeps a
trailing comma's split): so each rule is held to black's own output
(``tests/unit/test_black_layout.py``). Every rewrite is checked to parse to
the same syntax tree.
"""

from __future__ import annotations

import ast
import re

from codegen.generate.black_rules import WIDTH, StatementLayout


def lay_out(text: str) -> str:
    """``text`` with each long one-line statement split as black splits it."""
    lines = text.split("\n")
    result: list[str] = []
    in_string = False  # inside a triple-quoted string (a docstring)
    depth = 0  # brackets open at the start of the line
    for line in lines:
        if in_string:
            if line.count('"""') % 2:
                in_string = False
            result.append(line)
            continue
        if len(line) > WIDTH:
            laid = _statement(line) if depth == 0 else _entry(line)
            if laid is not None:
                result.extend(laid)
                continue
        if line.count('"""') % 2:
            in_string = True
        else:
            depth = max(0, depth + _bracket_balance(line))
        result.append(line)
    return "\n".join(result)


_STRING = re.compile(r""""[^"\\]*(?:\\.[^"\\]*)*"|'[^'\\]*(?:\\.[^'\\]*)*'""")


def _bracket_balance(line: str) -> int:
    """Brackets ``line`` opens minus those it closes, strings and comment aside."""
    if not any(bracket in line for bracket in "()[]{}"):
        return 0
    code = _STRING.sub("", line).split("#", 1)[0]
    opened = code.count("(") + code.count("[") + code.count("{")
    return opened - code.count(")") - code.count("]") - code.count("}")


def _statement(line: str) -> list[str] | None:
    """``line`` (one whole statement) in black's layout, or ``None``."""
    code = line.lstrip(" ")
    indent = len(line) - len(code)
    header = code.endswith(":")
    try:
        tree = ast.parse(code + " pass" if header else code)
    except SyntaxError:
        return None
    if len(tree.body) != 1:
        return None
    node = tree.body[0]
    laid = StatementLayout(code, indent).statement(node, header)
    if laid is None:
        return None
    body = _dedent("\n".join(laid))
    return laid if _same_tree(body + " pass" if header else body, tree) else None


def _entry(line: str) -> list[str] | None:
    """A long ``"key": value,`` line of a dict written one entry per line."""
    code = line.lstrip(" ")
    indent = len(line) - len(code)
    if not code.endswith(","):
        return None
    wrapped = "{" + code + "}"
    try:
        tree = ast.parse(wrapped)
    except SyntaxError:
        return None
    node = tree.body[0]
    if not (isinstance(node, ast.Expr) and isinstance(node.value, ast.Dict)):
        return None
    if len(node.value.values) != 1 or node.value.keys[0] is None:
        return None
    value = node.value.values[0]
    layout = StatementLayout(wrapped, indent)
    prefix = wrapped[1 : value.col_offset]
    laid = layout.trailers(prefix, value, ",", indent)
    if laid is None:
        return None
    return laid if _same_tree("{" + _dedent("\n".join(laid)) + "}", tree) else None


def _same_tree(rewritten: str, tree: ast.AST) -> bool:
    """The rewrite means what the line meant (only spacing and commas moved)."""
    try:
        again = ast.parse(rewritten)
    except SyntaxError:
        return False
    return ast.dump(again) == ast.dump(tree)


def _dedent(text: str) -> str:
    lines = text.split("\n")
    width = len(lines[0]) - len(lines[0].lstrip(" "))
    return "\n".join(line[width:] for line in lines)
