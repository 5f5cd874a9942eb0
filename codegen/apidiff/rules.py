"""Which API changes break code that calls the generated SDK: the rules, as data.

Every change ``codegen diff`` reports has a kind and a direction. The direction
says where the changed shape is used: ``request`` (the caller builds it and
``validate()`` checks it), ``response`` (the SDK parses it from the service,
errors included) or ``operation`` (the client's methods and the errors they
raise). A shape used both ways is judged both ways and gets the harsher verdict.
The README's rules table is printed from ``RULES``
(``python -m codegen.apidiff.rules``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Direction = Literal["request", "response", "operation"]
Verdict = Literal["breaking", "compatible"]

Kind = Literal[
    "operation-added",
    "operation-removed",
    "error-added",
    "error-removed",
    "shape-added",
    "shape-removed",
    "public-shape-removed",
    "member-added-required",
    "member-added-optional",
    "member-removed",
    "member-now-required",
    "member-now-optional",
    "type-changed",
    "constraint-tightened",
    "constraint-loosened",
    "enum-value-added",
    "enum-value-removed",
    "enum-introduced",
    "enum-dropped",
    "trait-changed",
]


@dataclass(frozen=True)
class Rule:
    """A verdict and why; ``note`` flags a compatible change worth a look."""

    verdict: Verdict
    why: str
    note: str | None = None

    @property
    def label(self) -> str:
        """``breaking``, ``compatible`` or ``compatible (note)``."""
        return f"{self.verdict} ({self.note})" if self.note else self.verdict


def _breaking(why: str) -> Rule:
    return Rule("breaking", why)


def _compatible(why: str, note: str | None = None) -> Rule:
    return Rule("compatible", why, note)


_NEW_VALUE = "new value callers may see"

RULES: dict[tuple[Kind, Direction], Rule] = {
    ("operation-added", "operation"): _compatible("a new client method"),
    ("operation-removed", "operation"): _breaking(
        "the client method and its request/response classes go away"
    ),
    ("error-added", "operation"): _compatible(
        "still a ConnectError and a botocore ClientError, so existing handlers "
        "catch it; callers may want a dedicated one",
        "new error callers may see",
    ),
    ("error-removed", "operation"): _compatible(
        "a handler for it becomes dead code; if its class goes away too, that "
        "is reported as a removed shape"
    ),
    ("type-changed", "operation"): _breaking(
        "the operation takes or returns a different class"
    ),
    ("trait-changed", "operation"): _compatible(
        "HTTP method or URI: botocore handles it, callers do not see it"
    ),
    ("shape-added", "request"): _compatible("a new class or alias; nobody uses it yet"),
    ("shape-added", "response"): _compatible(
        "a new class or alias; nobody uses it yet"
    ),
    ("public-shape-removed", "request"): _breaking(
        "a class or Literal alias callers may import goes away; a renamed shape "
        "shows as removed + added"
    ),
    ("public-shape-removed", "response"): _breaking(
        "a class or Literal alias callers may import goes away; a renamed shape "
        "shows as removed + added"
    ),
    ("shape-removed", "request"): _compatible(
        "no public name goes away; the member changes that dropped it are "
        "reported on their own"
    ),
    ("shape-removed", "response"): _compatible(
        "no public name goes away; the member changes that dropped it are "
        "reported on their own"
    ),
    ("member-added-required", "request"): _breaking("callers must now pass it"),
    ("member-added-required", "response"): _compatible(
        "a new attribute; lenient parsing ignored it before"
    ),
    ("member-added-optional", "request"): _compatible("defaults to None"),
    ("member-added-optional", "response"): _compatible(
        "a new attribute; lenient parsing ignored it before"
    ),
    ("member-removed", "request"): _breaking(
        "callers passing it get a TypeError; strict from_dict rejects it"
    ),
    ("member-removed", "response"): _breaking("callers reading it get AttributeError"),
    ("member-now-required", "request"): _breaking("callers must now pass it"),
    ("member-now-required", "response"): _compatible(
        "the type narrows from T | None to T"
    ),
    ("member-now-optional", "request"): _compatible("callers may still pass it"),
    ("member-now-optional", "response"): _breaking(
        "callers may rely on its presence; the type widens to T | None"
    ),
    ("type-changed", "request"): _breaking("callers pass a different Python type"),
    ("type-changed", "response"): _breaking("callers read a different Python type"),
    ("constraint-tightened", "request"): _breaking(
        "values that validated before may be rejected now: min up, max down, "
        "pattern added or changed, range narrowed"
    ),
    ("constraint-tightened", "response"): _compatible(
        "the SDK parses responses without validating them"
    ),
    ("constraint-loosened", "request"): _compatible(
        "every value that validated before still does"
    ),
    ("constraint-loosened", "response"): _compatible(
        "the SDK parses responses without validating them"
    ),
    ("enum-value-added", "request"): _compatible("one more value callers may send"),
    ("enum-value-added", "response"): _compatible(
        "parsing accepts any value; exhaustive matches may miss it", _NEW_VALUE
    ),
    ("enum-value-removed", "request"): _breaking(
        "callers sending it fail validation and mypy"
    ),
    ("enum-value-removed", "response"): _compatible("callers just stop seeing it"),
    ("enum-introduced", "request"): _breaking(
        "a free string becomes a closed set of values"
    ),
    ("enum-introduced", "response"): _compatible(
        "the type narrows from str to a Literal; parsing accepts any value"
    ),
    ("enum-dropped", "request"): _breaking(
        "the Literal alias callers may import goes away"
    ),
    ("enum-dropped", "response"): _breaking(
        "the Literal alias callers may import goes away"
    ),
    ("trait-changed", "request"): _compatible(
        "sensitive, deprecated, idempotency token, error code or status: no "
        "change to the types or values callers use"
    ),
    ("trait-changed", "response"): _compatible(
        "sensitive, deprecated, idempotency token, error code or status: no "
        "change to the types or values callers use"
    ),
}

TITLES: dict[Kind, str] = {
    "operation-added": "operation added",
    "operation-removed": "operation removed",
    "error-added": "error added",
    "error-removed": "error removed",
    "shape-added": "shape added",
    "shape-removed": "shape removed",
    "public-shape-removed": "class or alias removed",
    "member-added-required": "required member added",
    "member-added-optional": "optional member added",
    "member-removed": "member removed",
    "member-now-required": "member became required",
    "member-now-optional": "member became optional",
    "type-changed": "type changed",
    "constraint-tightened": "constraint tightened",
    "constraint-loosened": "constraint loosened",
    "enum-value-added": "enum value added",
    "enum-value-removed": "enum value removed",
    "enum-introduced": "enum introduced",
    "enum-dropped": "enum dropped",
    "trait-changed": "trait changed",
}

_SEVERITY = {"breaking": 2, "compatible": 0}


def judge(kind: Kind, directions: tuple[Direction, ...]) -> Rule:
    """The harshest rule over ``directions`` (breaking, then noted, then plain)."""
    rules = [RULES[kind, direction] for direction in directions]
    return max(
        rules, key=lambda rule: _SEVERITY[rule.verdict] + (rule.note is not None)
    )


def markdown_table() -> str:
    """The rules as the README prints them."""
    lines = [
        "| change | direction | verdict | why |",
        "|---|---|---|---|",
    ]
    for (kind, direction), rule in RULES.items():
        why = rule.why.replace("|", "\\|")  # T | None must not end the cell
        lines.append(
            f"| {TITLES[kind]} (`{kind}`) | {direction} | {rule.label} | {why} |"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    print(markdown_table())
