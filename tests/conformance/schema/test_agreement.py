"""``schema.json`` agrees with the generated validation, judged by ajv and jsonschema.

Documents are drawn from botocore's model by the property suite's strategies:
valid parameter dicts of every structure of the StartEmailContact closure, and
the same with exactly one constraint broken (``test_mutations.broken``). Each
is turned into JSON and back, so all three judges read the same document; then
the runtime's ``(path, rule)`` pairs (``from_dict`` + ``validate()``) must
equal ajv's ``(instance path, keyword)`` errors mapped by ``oracles.py``, pair
for pair (so the verdicts agree too), and python-jsonschema's except where
Python's ``re`` is not ECMA-262, listed case by case below (ajv, whose patterns
are ``RegExp``s in u-mode, is the referee for patterns).
"""

from __future__ import annotations

import copy
import functools
import json
import math
import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

from hypothesis import strategies as st

from generated.connect import ValidationError
from tests.conformance.property import strategies as S
from tests.conformance.property.profiles import collect
from tests.conformance.property.sites import sites
from tests.conformance.property.test_mutations import CASES, _applies, broken
from tests.support import GENERATED

from .oracles import Pair, ajv, ajv_pairs, jsonschema_errors, jsonschema_pairs

SCHEMA_TEXT = (GENERATED / "schema.json").read_text(encoding="utf-8")
SCHEMA = json.loads(SCHEMA_TEXT)

# Patterns python-jsonschema cannot run at all: Python's ``re`` rejects them. They
# are taken out of its copy of the schema, and their pattern errors are ajv's alone.
RE_CANNOT_RUN = {
    r"^\P{C}*$": r"Python's re has no \p{...}/\P{...} property classes",
}
# Patterns Python's ``re`` runs with another meaning than ECMA-262's.
RE_MEANS_OTHERWISE = {
    r"[^\s@]+@[^\s@]+\.[^\s@]+": (
        r"Python's \s also matches U+001C..U+001F and U+0085, and not U+FEFF "
        r"(ECMA-262's \s is the other way round)"
    ),
}


def _jsonschema_copy() -> str:
    schema = copy.deepcopy(SCHEMA)
    for definition in schema["$defs"].values():
        if definition.get("pattern") in RE_CANNOT_RUN:
            del definition["pattern"]
    return json.dumps(schema)


JSONSCHEMA_TEXT = _jsonschema_copy()


def as_json(value: Any, strict: bool) -> Any:
    """The document all judges read; ``None`` when JSON cannot hold it (a NaN)
    or JSON Schema reads it otherwise, as the schema's ``left_out`` lists:
    ``1.0`` is an integer there, and a null in a response is not absent."""

    def fits(item: Any) -> bool:
        if item is None:
            return strict
        if isinstance(item, float):
            return math.isfinite(item) and not item.is_integer()
        if isinstance(item, dict):
            return all(fits(v) for v in item.values())
        if isinstance(item, list):
            return all(fits(v) for v in item)
        return True

    return json.loads(json.dumps(value)) if fits(value) else None


@st.composite
def mutated(draw: st.DrawFn, root: str, kind: str) -> Any:
    params = draw(S.params(root, full=True))
    candidates = [site for site in sites(params, root) if _applies(site, kind)]
    site = draw(st.sampled_from(candidates))
    return draw(broken(site, kind, params, root)).params


def generated_pairs(root: str, document: Any) -> list[Pair]:
    try:
        S.cls_of(root).from_dict(document).validate()
    except ValidationError as error:
        return sorted((v.path, v.rule) for v in error.errors)
    return []


@dataclass
class Judged:
    root: str
    document: Any
    mutated: bool
    ours: list[Pair]
    ajv: list[Pair]
    jsonschema: list[Pair]
    patterns: dict[str, tuple[str, str]]  # path -> (pattern, string) of its errors


# ci: 6 valid documents per structure, 3 per (structure, kind of break).
VALID_PER_ROOT = 6
MUTATIONS_PER_CASE = 3


@functools.cache
def judged() -> tuple[Judged, ...]:
    drawn: list[tuple[str, Any, bool]] = []
    for root in S.STRUCTURES:
        for params in collect(S.params(root), VALID_PER_ROOT):
            drawn.append((root, params, False))
    for root, kind in CASES:
        for params in collect(mutated(root, kind), MUTATIONS_PER_CASE):
            drawn.append((root, params, True))
    documents = [
        (r, d, m)
        for r, p, m in drawn
        if (d := as_json(p, r in S.STRICT_BY_DEFAULT)) is not None
    ]
    answers = ajv([SCHEMA], [(0, r, d) for r, d, _ in documents])["results"]
    found = []
    for (root, document, was_mutated), answer in zip(documents, answers, strict=True):
        errors = jsonschema_errors(JSONSCHEMA_TEXT, root, document)
        patterns = {
            jsonschema_pairs(document, [error])[0][0]: (
                error.validator_value,
                error.instance,
            )
            for error in errors
            if error.validator == "pattern"
        }
        for error in answer["errors"]:
            if error["keyword"] == "pattern":
                [(path, _)] = ajv_pairs(document, [error])
                patterns[path] = (error["pattern"], error["data"])
        assert answer["valid"] == (not ajv_pairs(document, answer["errors"]))
        found.append(
            Judged(
                root,
                document,
                was_mutated,
                generated_pairs(root, document),
                ajv_pairs(document, answer["errors"]),
                jsonschema_pairs(document, errors),
                patterns,
            )
        )
    return tuple(found)


def test_valid_documents_are_valid_for_all_three() -> None:
    valid = [j for j in judged() if not j.mutated]
    assert len(valid) >= len(S.STRUCTURES) * 3
    for item in valid:
        assert (item.root, item.ours, item.ajv) == (item.root, [], [])
    # python-jsonschema's verdicts: test_jsonschema_agrees_except_where_...


def test_ajv_reports_exactly_the_violations_of_the_generated_code() -> None:
    """Pair for pair: one broken constraint is one ajv error, at the same place."""
    disagreements = [
        (j.root, j.document, j.ours, j.ajv) for j in judged() if j.ours != j.ajv
    ]
    assert disagreements == []


def _explained(pair: Pair, item: Judged) -> bool:
    """A pattern verdict of python-jsonschema that differs for a listed reason."""
    path, rule = pair
    if rule != "pattern" or path not in item.patterns:
        return False
    pattern, string = item.patterns[path]
    if pattern in RE_CANNOT_RUN:
        return True
    node_matches = pair not in item.ajv
    return pattern in RE_MEANS_OTHERWISE and (
        (re.search(pattern, string) is not None) != node_matches
    )


def test_jsonschema_agrees_except_where_python_re_is_not_ecma() -> None:
    unexplained = []
    explained: Counter[str] = Counter()
    for item in judged():
        differing = set(item.ajv) ^ set(item.jsonschema)
        for pair in differing:
            if _explained(pair, item):
                explained[item.patterns[pair[0]][0]] += 1
            else:
                unexplained.append((item.root, pair, item.ajv, item.jsonschema))
    assert unexplained == []
    # Each listed case must still be needed (or the list is out of date).
    assert set(explained) <= set(RE_CANNOT_RUN) | set(RE_MEANS_OTHERWISE)


def test_every_rule_is_broken_and_caught() -> None:
    """The sample breaks each rule the closure has (the test can fail)."""
    rules = {rule for j in judged() if j.mutated for _, rule in j.ours}
    assert rules == {
        "type",
        "required",
        "unknown",
        "length",
        "pattern",
        "enum",
        "range",
        "union",
    }
    mutated_documents = [j for j in judged() if j.mutated]
    rejected = [j for j in mutated_documents if j.ours]
    # Not all: an unknown key in a response is fine, and a break can vanish on
    # the way to JSON (an int map key becomes text).
    assert len(rejected) >= 0.75 * len(mutated_documents)
