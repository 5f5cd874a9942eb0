r"""Every pattern botocore ships, and adversarial inputs pumped from its structure.

Shared by ``tests/conformance/test_linear_patterns.py`` (verdicts compared with
corvus-regex-ecma262) and ``benchmarks/patterns.py`` (worst-case times).

Pumped inputs are built as ReDoS checkers build them: for each repetition of
the pattern, a string the pattern matches with that repetition's body repeated
to reach the wanted length (prefix + pump^k + rest), then the variants that make
a backtracking engine work hardest: without the rest, with a character that
cannot follow, with a line break; and what leads to each repetition, repeated
(``a@a@a@...``).  Plus ``"a" * n + "!"`` and the whole
witness repeated.
"""

from __future__ import annotations

import functools
import random
from dataclasses import dataclass

import botocore.session

from codegen.model import ecma_regex as E
from codegen.model.regex_plan import class_spans

__all__ = ["ModelPattern", "botocore_patterns", "pumped", "random_pattern"]

_MARK = "\U0010fffe"  # where the pumped repetition ends; removed from every input
_REPEATS_PUMPED = 6
_ENDINGS = ("", "!", "\n", "\x00", " ")
# Pieces of random patterns: separators (``@``, ``.``, ``:``) and classes that
# do or do not hold them, the shapes ``regex_plan``'s step 5 is about.
_ATOMS = ("a", "@", r"\.", ":", "[^@]", "[a-z]", r"[^\s@]", "[a-z.]", ".", "[^:]")
_QUANTIFIERS = ("", "", "+", "*", "?", "{1,3}", "+?", "{2,}")


@dataclass(frozen=True)
class ModelPattern:
    """One distinct pattern and the (service, shape, max length) that use it."""

    pattern: str
    uses: tuple[tuple[str, str, int | None], ...]


@functools.cache
def botocore_patterns() -> tuple[ModelPattern, ...]:
    """Every distinct ``pattern`` of every service the installed botocore ships."""
    loader = botocore.session.get_session().get_component("data_loader")
    found: dict[str, list[tuple[str, str, int | None]]] = {}
    for service in sorted(loader.list_available_services("service-2")):
        shapes = loader.load_service_model(service, "service-2")["shapes"]
        for name, shape in sorted(shapes.items()):
            if "pattern" in shape:
                use = (service, name, shape.get("max"))
                found.setdefault(shape["pattern"], []).append(use)
    return tuple(ModelPattern(p, tuple(uses)) for p, uses in sorted(found.items()))


def _pick(node: E._Char | E._Dot | E._Class) -> str:
    """A character the node accepts, plain ASCII when it can be."""
    spans = class_spans(node)
    for preferred in "a0A_-.":
        code = ord(preferred)
        if any(low <= code <= high for low, high in spans):
            return preferred
    for low, high in spans:
        if high >= 0x21:
            return chr(max(low, 0x21))
    return chr(spans[0][0]) if spans else ""


def _contains(node: E._Node, target: E._Node) -> bool:
    return node is target or any(_contains(c, target) for c in E._children(node))


def _witness(node: E._Node, target: E._Node | None, count: int) -> str:
    """A string ``node`` matches; ``target`` repeats its body ``count`` times."""
    if isinstance(node, E._Char | E._Dot | E._Class):
        return _pick(node)
    if isinstance(node, E._Seq):
        return "".join(_witness(item, target, count) for item in node.items)
    if isinstance(node, E._Alt):
        chosen = next(
            (b for b in node.branches if target and _contains(b, target)),
            node.branches[0],
        )
        return _witness(chosen, target, count)
    if isinstance(node, E._Group):
        inside = node.kind in ("capture", "group")
        return _witness(node.body, target, count) if inside else ""
    if isinstance(node, E._Repeat):
        body = _witness(node.body, None, 0)
        if node is target:
            return body * count + _MARK
        if target is not None and _contains(node.body, target):
            return _witness(node.body, target, count) + body * max(node.low - 1, 0)
        return body * node.low
    return ""  # assertions and backreferences


def _repeats(node: E._Node) -> list[E._Repeat]:
    found = [node] if isinstance(node, E._Repeat) and node.high != node.low else []
    for child in E._children(node):
        found += _repeats(child)
    return found


def pumped(pattern: str, length: int) -> list[str]:
    """Adversarial inputs of about ``length`` characters (at least one each)."""
    tree, _ = E.parse(pattern)
    inputs = ["a" * length + "!", "a" * length]
    whole = _witness(tree, None, 0)
    if whole:
        inputs.append(whole * (length // len(whole) + 1))
    for repeat in _repeats(tree)[:_REPEATS_PUMPED]:
        body = _witness(repeat.body, None, 0)
        if not body:
            continue
        count = length // len(body) + 1
        if repeat.high is not None:
            count = min(count, repeat.high)
        text = _witness(tree, repeat, count)
        head, _, rest = text.partition(_MARK)
        rest = rest.replace(_MARK, "")
        inputs += [head + ending for ending in _ENDINGS]
        inputs += [head + rest + "!", head + "\n" + rest]
        # What leads to the repeat, over and over (``a@a@a@...``): every copy
        # may start an attempt that runs into the next ones.
        lead = _witness(tree, repeat, 1).partition(_MARK)[0]
        if lead:
            inputs.append(lead * (length // len(lead) + 1))
    return list(dict.fromkeys(inputs))


def random_pattern(rng: random.Random) -> str:
    """A small pattern of separators and classes (one or two alternatives)."""

    def alternative() -> str:
        items = [
            rng.choice(_ATOMS) + rng.choice(_QUANTIFIERS)
            for _ in range(rng.randint(2, 6))
        ]
        start = "^" if rng.random() < 0.3 else ""
        end = "$" if rng.random() < 0.3 else ""
        return start + "".join(items) + end

    return "|".join(alternative() for _ in range(1 if rng.random() < 0.8 else 2))
