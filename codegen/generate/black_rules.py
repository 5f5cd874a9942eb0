"""black's split rules, for the statement forms the templates write.

Mirrors what black (the pinned release) does with a line too long for 88
columns: the right-hand split inside the last brackets whose opening line fits
(dropping or keeping the optional parentheses around an assigned, returned or
tested value), one item per line with a trailing comma when the items do not
fit on one line of their own, and chains of ``and``/``or``, conditionals and
comparisons split before each operator. ``tests/unit/test_black_layout.py``
holds each rule to black's own output.
"""

from __future__ import annotations

import ast
import functools
from collections.abc import Callable, Sequence

WIDTH = 88


class StatementLayout:
    """black's layout of one statement, ``code`` (its text without indentation,
    ``indent`` columns in): each method gives the lines, or ``None`` for a
    form it does not know or a line it cannot fit."""

    def __init__(self, code: str, indent: int) -> None:
        self.code = code
        self.indent = indent

    def text(self, node: ast.AST) -> str:
        return self.code[node.col_offset : node.end_col_offset]  # type: ignore[attr-defined]

    def statement(self, node: ast.stmt, header: bool) -> list[str] | None:
        code, indent = self.code, self.indent
        if isinstance(node, ast.Return) and node.value is not None and not header:
            return self.right_hand(
                code[: node.value.col_offset], node.value, "", indent
            )
        if isinstance(node, (ast.Assign, ast.AnnAssign)) and not header:
            if isinstance(node, ast.AnnAssign) and node.value is None:
                # ``Key: NotRequired[...]``: split inside the annotation's brackets
                before = code[: node.annotation.col_offset]
                return self.trailers(before, node.annotation, "", indent)
            if node.value is None:
                return None
            if isinstance(node, ast.Assign) and len(node.targets) != 1:
                return None
            if isinstance(node, ast.AnnAssign) and not isinstance(node.value, ast.Call):
                return self.annotation(node)
            laid = self.right_hand(
                code[: node.value.col_offset], node.value, "", indent
            )
            if laid is None and isinstance(node, ast.AnnAssign):
                # Neither ``name: T = f(`` nor ``name: T = (`` fits: black
                # splits the annotation's brackets instead.
                before = code[: node.annotation.col_offset]
                after = code[node.annotation.end_col_offset :]
                laid = self.trailers(before, node.annotation, after, indent)
                if laid is None:
                    laid = self.both(before, node.annotation, node.value, indent)
            return laid
        if isinstance(node, ast.Raise) and node.exc is not None and node.cause is None:
            return self.right_hand(code[: node.exc.col_offset], node.exc, "", indent)
        if isinstance(node, ast.Expr) and not header:
            return self.right_hand("", node.value, "", indent, optional=False)
        if isinstance(node, ast.If) and header:
            return self.right_hand(code[: node.test.col_offset], node.test, ":", indent)
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and header:
            return self.definition(node)
        if isinstance(node, ast.ClassDef) and header:
            opening = code.find("(")
            if opening < 0 or node.keywords or len(node.bases) != 1:
                return None
            return self.bracket(code[: opening + 1], [node.bases[0]], "):", indent)
        if isinstance(node, ast.ImportFrom) and not header:
            names = code[code.index(" import ") + len(" import ") :].split(", ")
            head = code[: code.index(" import ") + len(" import ")] + "("
            body = [" " * (indent + 4) + name + "," for name in names]
            return [" " * indent + head, *body, " " * indent + ")"]
        return None

    def definition(
        self, node: ast.FunctionDef | ast.AsyncFunctionDef
    ) -> list[str] | None:
        """black's left-hand split: the parameters in the brackets after the name."""
        code, indent = self.code, self.indent
        opening = code.index("(")
        closing = code.rindex(")")
        if (
            node.returns is not None
            and code.rindex(")", 0, node.returns.col_offset) != closing
        ):
            return None
        inner = code[opening + 1 : closing]
        params = _split_top(inner)
        head = code[: opening + 1]
        tail = code[closing:]
        deeper = indent + 4
        if len(params) > 1 and _fits(deeper, inner):
            body = [" " * deeper + inner]
        else:
            body = [" " * deeper + param + "," for param in params]
            if any(not _fits(0, line) for line in body):
                return None
        lines = [" " * indent + head, *body, " " * indent + tail]
        return lines if all(_fits(0, line) for line in lines) else None

    def both(
        self, before: str, annotation: ast.expr, value: ast.expr, indent: int
    ) -> list[str] | None:
        """``name: T[...] = f(...)`` where even the split annotation leaves too
        long a line: split inside both brackets."""
        code = self.code
        first = _groups(code, annotation)
        second = _groups(code, value)
        if not first or not second:
            return None
        opening, closing, items = first[-1]
        value_opening, value_closing, value_items = second[-1]
        if closing + 1 != annotation.end_col_offset:
            return None  # the annotation does not end in its brackets
        if value_closing + 1 != value.end_col_offset:
            return None
        middle = code[closing : value_opening + 1]
        head = self.bracket(
            before + code[annotation.col_offset : opening + 1], items, middle, indent
        )
        tail = self.bracket("", value_items, code[value_closing], indent)
        if head is None or tail is None or not _fits(indent, middle):
            return None
        return head + tail[1:]

    def annotation(self, node: ast.AnnAssign) -> list[str] | None:
        """``name: long | None = None``: black splits the annotation."""
        if node.value is None or not isinstance(node.value, (ast.Constant, ast.Name)):
            return None
        before = self.code[: node.value.col_offset]
        if _fits(self.indent, before + "("):
            value = self.text(node.value)
            return [
                " " * self.indent + before + "(",
                " " * (self.indent + 4) + value,
                " " * self.indent + ")",
            ]
        name = self.text(node.target)
        annotation = self.text(node.annotation)
        rest = self.code[(node.annotation.end_col_offset or 0) :]
        lines = [
            " " * self.indent + name + ": (",
            " " * (self.indent + 4) + annotation,
            " " * self.indent + ")" + rest,
        ]
        return lines if all(_fits(0, line) for line in lines) else None

    def right_hand(
        self,
        prefix: str,
        value: ast.expr,
        suffix: str,
        indent: int,
        optional: bool = True,
    ) -> list[str] | None:
        """``prefix value suffix`` on lines: black's right-hand split. The value
        sits in optional parentheses; black drops them and splits the value's
        own last brackets when it has no operator outside brackets (or one
        operator beside a bracketed operand), else it keeps them and splits
        the value inside."""
        text = self.text(value)
        if _fits(indent, prefix + text + suffix):
            return [" " * indent + prefix + text + suffix]
        operators = _operators(value)
        if operators is None:
            return None
        if not optional:
            return self.trailers(prefix, value, suffix, indent)
        if operators == 0 and not text.endswith("()"):
            laid = self.trailers(prefix, value, suffix, indent)
            if laid is not None:
                return laid
        elif (
            operators == 1
            and isinstance(value, ast.BoolOp)
            and (_ends_in_bracket(text) or _parenthesised(self.code, value.values[0]))
        ):
            laid = self.pair(prefix, value, suffix, indent)
            if laid is not None:
                return laid
        body = self.body(value, indent + 4)
        if body is None or not _fits(indent, prefix + "("):
            return None
        return [" " * indent + prefix + "(", *body, " " * indent + ")" + suffix]

    def pair(
        self, prefix: str, value: ast.BoolOp, suffix: str, indent: int
    ) -> list[str] | None:
        """``a and b`` too long, where an operand ends in brackets: black splits
        inside the rightmost brackets whose opening line fits."""
        first, last = value.values
        text = self.text(value)
        base = value.col_offset
        candidates = self.splits(last) + self.splits(first)
        for index, (opening, closing, inner) in enumerate(candidates):
            head = prefix + text[: opening - base + 1]
            if not _fits(indent, head):
                continue
            tail = text[closing - base :] + suffix
            if (
                tail.startswith(")")
                and not _fits(indent, tail)
                and index >= len(self.splits(last))
            ):
                rest = self.splits(last)
                if not rest:
                    return None
                opening_b, closing_b, inner_b = rest[0]
                middle = text[closing - base : opening_b - base + 1]
                if not _fits(indent, middle):
                    return None
                after = text[closing_b - base :] + suffix
                first_part, second_part = inner(indent + 4), inner_b(indent + 4)
                if first_part is None or second_part is None:
                    return None
                return [
                    " " * indent + head,
                    *first_part,
                    " " * indent + middle,
                    *second_part,
                    " " * indent + after,
                ]
            if not _fits(indent, tail):
                return None
            laid = inner(indent + 4)
            if laid is None:
                return None
            return [" " * indent + head, *laid, " " * indent + tail]
        return None

    def splits(
        self, node: ast.expr
    ) -> list[tuple[int, int, Callable[[int], list[str] | None]]]:
        """Where ``node`` can be split, rightmost first: its own parentheses,
        or the brackets along its right edge; each as (opening column,
        closing column, the lines inside at an indentation)."""
        if _parenthesised(self.code, node):
            start = node.col_offset - 1
            end = node.end_col_offset or 0
            return [(start, end, lambda indent: self.body(node, indent))]
        return [
            (opening, closing, functools.partial(self.inside, items))
            for opening, closing, items in reversed(_groups(self.code, node))
        ]

    def inside(self, items: Sequence[ast.AST], indent: int) -> list[str] | None:
        """A bracket's items at ``indent``: ``bracket`` without its two lines."""
        laid = self.bracket("", items, "", indent - 4)
        return None if laid is None else laid[1:-1]

    def trailers(
        self, prefix: str, value: ast.expr, suffix: str, indent: int
    ) -> list[str] | None:
        """Split inside the last bracketed group of ``value`` whose opening line
        fits, trying groups from the right (black's trailers to omit)."""
        if isinstance(value, ast.Await) or (
            isinstance(value, ast.UnaryOp) and isinstance(value.op, ast.Not)
        ):
            return self.after_keyword(prefix, value, suffix, indent)
        code = self.code
        start, end = value.col_offset, value.end_col_offset
        groups = _groups(code, value)
        for index in range(len(groups) - 1, -1, -1):
            opening, closing, items = groups[index]
            head = prefix + code[start : opening + 1]
            if not _fits(indent, head):
                continue
            tail = code[closing:end] + suffix
            if _fits(indent, tail):
                return self.bracket(head, items, tail, indent)
            if index != len(groups) - 2:
                return None
            # The tail is the last group: split inside it as well.
            next_opening, next_closing, next_items = groups[-1]
            middle = code[closing : next_opening + 1]
            rest = code[next_closing:end] + suffix
            first = self.bracket(head, items, middle, indent)
            second = self.bracket("", next_items, rest, indent)
            if first is None or second is None or not _fits(indent, middle):
                return None
            return first + second[1:]
        return None

    def after_keyword(
        self, prefix: str, value: ast.Await | ast.UnaryOp, suffix: str, indent: int
    ) -> list[str] | None:
        """``await x`` or ``not x``: the keyword stays on the first line; ``not
        (a and b)`` splits inside its parentheses, anything else as ``x``."""
        operand = value.value if isinstance(value, ast.Await) else value.operand
        start = operand.col_offset - value.col_offset
        if isinstance(value, ast.UnaryOp) and _parenthesised(self.code, operand):
            inner = self.body(operand, indent + 4)
            head = prefix + self.text(value)[: start - 1] + "("
            if inner is None or not _fits(indent, head):
                return None
            return [" " * indent + head, *inner, " " * indent + ")" + suffix]
        return self.trailers(prefix + self.text(value)[:start], operand, suffix, indent)

    def bracket(
        self, head: str, items: Sequence[ast.AST], tail: str, indent: int
    ) -> list[str] | None:
        """``head`` + items + ``tail``: the items on one line of their own when
        they fit, else one per line with a trailing comma (a lone item is
        split inside its own brackets instead)."""
        deeper = indent + 4
        joined = ", ".join(self.text(item) for item in items)
        if _fits(deeper, joined):
            lines = [" " * deeper + joined]
        elif len(items) == 1:
            laid = self.item(items[0], deeper, comma="")
            if laid is None:
                return None
            lines = laid
        else:
            lines = []
            for item in items:
                laid = self.item(item, deeper)
                if laid is None:
                    return None
                lines.extend(laid)
        return [" " * indent + head, *lines, " " * indent + tail]

    def item(self, item: ast.AST, indent: int, comma: str = ",") -> list[str] | None:
        """One item of an exploded bracket, with its trailing comma; one black
        cannot split stays whole, however long."""
        text = self.text(item)
        if _fits(indent, text + comma):
            return [" " * indent + text + comma]
        if isinstance(item, ast.keyword):
            value = item.value
            prefix = self.code[item.col_offset : value.col_offset]
        elif isinstance(item, ast.expr):
            value, prefix = item, ""
        else:
            return None
        if not _groups(self.code, value) and not isinstance(value, ast.UnaryOp):
            return [" " * indent + text + comma]
        return self.trailers(prefix, value, comma, indent)

    def spelled(self, node: ast.expr) -> str:
        """``node``'s text, with the parentheses around it if it has them."""
        text = self.text(node)
        return f"({text})" if _parenthesised(self.code, node) else text

    def body(self, value: ast.expr, indent: int) -> list[str] | None:
        """``value`` inside brackets of its own: one line when it fits, else
        split before each operator of its outermost chain."""
        text = self.text(value)
        if _fits(indent, text):
            return [" " * indent + text]
        parts = self.chain(value)
        if parts is None:
            return self.trailers("", value, "", indent)
        lines: list[str] = []
        for prefix, part in parts:
            laid = self.operand(prefix, part, indent)
            if laid is None:
                return None
            lines.extend(laid)
        return lines

    def chain(self, value: ast.expr) -> list[tuple[str, ast.expr]] | None:
        """``value``'s operands, each with the operator before it (black's
        delimiter split), for a chain of ``and``/``or``, a conditional or a
        comparison."""
        if isinstance(value, ast.BoolOp):
            operator = "and " if isinstance(value.op, ast.And) else "or "
            return [("", value.values[0])] + [(operator, v) for v in value.values[1:]]
        if isinstance(value, ast.IfExp):
            return [("", value.body), ("if ", value.test), ("else ", value.orelse)]
        if isinstance(value, ast.Compare):
            parts: list[tuple[str, ast.expr]] = [("", value.left)]
            previous: ast.expr = value.left
            for comparator in value.comparators:
                between = self.code[previous.end_col_offset : comparator.col_offset]
                operator = " ".join(between.replace("(", " ").split())
                if not operator:
                    return None
                parts.append((operator + " ", comparator))
                previous = comparator
            return parts
        return None

    def operand(self, prefix: str, part: ast.expr, indent: int) -> list[str] | None:
        """One operand of a split chain, split inside its own brackets if long."""
        text = self.spelled(part)
        if _fits(indent, prefix + text):
            return [" " * indent + prefix + text]
        if _parenthesised(self.code, part):
            inner = self.body(part, indent + 4)
            if inner is None:
                return None
            return [" " * indent + prefix + "(", *inner, " " * indent + ")"]
        parts = self.chain(part) if isinstance(part, ast.Compare) else None
        if parts is not None:
            lines: list[str] = []
            for index, (operator, piece) in enumerate(parts):
                laid = self.operand(prefix if index == 0 else operator, piece, indent)
                if laid is None:
                    return None
                lines.extend(laid)
            return lines
        return self.trailers(prefix, part, "", indent)


def _fits(indent: int, text: str) -> bool:
    return indent + len(text) <= WIDTH


def _ends_in_bracket(text: str) -> bool:
    return text.endswith((")", "]", "}"))


def _operators(value: ast.expr) -> int | None:
    """How many of its highest-priority operators ``value`` has outside
    brackets (black's delimiters), or ``None`` for a form not handled here."""
    if isinstance(value, ast.BoolOp):
        return len(value.values) - 1
    if isinstance(value, ast.IfExp):
        return 2
    if isinstance(value, ast.Compare):
        return len(value.ops)
    if isinstance(value, ast.UnaryOp) and isinstance(value.op, ast.Not):
        return 0
    if isinstance(value, ast.Await):
        return 0
    if isinstance(
        value,
        (ast.Call, ast.Subscript, ast.Set, ast.List, ast.Dict, ast.Name, ast.Attribute),
    ):
        return 0
    return None


def _parenthesised(code: str, node: ast.expr) -> bool:
    start = node.col_offset
    end = node.end_col_offset or start
    return start > 0 and code[start - 1] == "(" and code[end : end + 1] == ")"


# A bracketed group: the columns of its opening and closing brackets in the
# statement's code, and the items between them.
Group = tuple[int, int, list[ast.AST]]


def _groups(code: str, value: ast.expr) -> list[Group]:
    """The bracketed groups along ``value``'s right edge, leftmost first:
    ``a.b(x)[y]`` has ``(x)`` then ``[y]``; their brackets found from the
    syntax tree's positions in ``code`` (a call's ``(`` and a subscript's
    ``[`` are the first after what they follow)."""
    groups: list[Group] = []
    node: ast.expr | None = value
    while node is not None:
        closing = (node.end_col_offset or 0) - 1
        if isinstance(node, ast.Call):
            items: list[ast.AST] = [*node.args, *node.keywords]
            if items:
                opening = code.index("(", node.func.end_col_offset or 0)
                groups.append((opening, closing, items))
            node = node.func
        elif isinstance(node, ast.Subscript):
            index = node.slice
            items = list(index.elts) if isinstance(index, ast.Tuple) else [index]
            opening = code.index("[", node.value.end_col_offset or 0)
            groups.append((opening, closing, items))
            node = node.value
        elif isinstance(node, (ast.Set, ast.List, ast.Tuple)) and node.elts:
            if code[node.col_offset] in "([{":  # not a bare tuple
                groups.append((node.col_offset, closing, list(node.elts)))
            node = None
        elif isinstance(node, ast.Attribute):
            node = node.value
        else:
            node = None
    return groups[::-1]


def _split_top(text: str) -> list[str]:
    """``text`` split at its top-level commas."""
    parts: list[str] = []
    depth = 0
    start = 0
    quote = ""
    for index, char in enumerate(text):
        if quote:
            if char == quote:
                quote = ""
            continue
        if char in "\"'":
            quote = char
        elif char in "([{":
            depth += 1
        elif char in ")]}":
            depth -= 1
        elif char == "," and depth == 0:
            parts.append(text[start:index].strip())
            start = index + 1
    last = text[start:].strip()
    if last:
        parts.append(last)
    return parts
