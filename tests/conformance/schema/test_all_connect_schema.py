"""``python -m codegen schema --operation all`` for Connect: a valid 2020-12 schema
whose every ``$defs`` entry compiles in ajv, and which agrees with the generated
validation of all of Connect on a sample of its operations' inputs.

Documents come from the every-service strategies (botocore's model, patterns
ignored, so pattern violations occur naturally), plus one unknown key and one
missing required member per sampled input. ajv must report the runtime's
``(path, rule)`` pairs exactly, except the pattern violations of the shapes
whose pattern the schema leaves out (listed in their ``x-left-out``).
python-jsonschema judges the same documents with the patterns taken out: its
``re`` cannot run many of Connect's (``\\p{..}``), and ajv referees patterns.
"""

from __future__ import annotations

import copy
import importlib
import json
import sys
from collections.abc import Iterator
from datetime import datetime
from typing import Any

import botocore.model
import botocore.session
import pytest
from jsonschema import Draft202012Validator

from codegen.generate.format_cache import Unformatted
from codegen.generate.render import Renderer
from codegen.generate.writer import write_package
from codegen.model.build import build_service
from codegen.model.loader import load_model
from tests.conformance.property.profiles import collect
from tests.support import GENERATED, run_codegen
from tools.every_service.strategies import Builder

from .oracles import Pair, ajv, ajv_pairs, jsonschema_errors, jsonschema_pairs

MODEL = botocore.session.get_session().get_service_model("connect")
SAMPLE_EVERY = 24  # every 24th operation (by name): 17 of Connect's 405
DOCUMENTS_PER_INPUT = 3  # ci; plus two broken ones
READ_RULES = frozenset({"type", "required", "unknown"})


@pytest.fixture(scope="module")
def schema(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """What the CLI writes for every Connect operation."""
    target = tmp_path_factory.mktemp("schema") / "connect.json"
    result = run_codegen(
        "schema", "--service", "connect", "--operation", "all", "--output", str(target)
    )
    assert result.returncode == 0, result.stderr
    return json.loads(target.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """Every Connect operation generated (unformatted) and imported."""
    root = tmp_path_factory.mktemp("schema_connect_all")
    service = build_service(load_model("connect"), ["all"])
    write_package(Renderer(formatter=Unformatted()).render(service), root / "c_all")
    sys.path.insert(0, str(root))
    try:
        yield importlib.import_module("c_all")
    finally:
        sys.path.remove(str(root))


def test_every_schema_is_valid_2020_12_and_compiles_in_ajv(schema: Any) -> None:
    """Oracles: the 2020-12 meta-schema (python-jsonschema, formats not asserted)
    and ajv (its own meta-schema check, then every ``$defs`` entry compiled)."""
    package_schema = json.loads((GENERATED / "schema.json").read_text("utf-8"))
    meta = Draft202012Validator(Draft202012Validator.META_SCHEMA)
    for document in (schema, package_schema):
        assert [e.message for e in meta.iter_errors(document)] == []
    package_schema["$id"] += ":package"  # both in one ajv instance
    answer = ajv([schema, package_schema])
    assert answer["meta"] == [None, None]
    assert answer["compileErrors"] == [[], []]
    assert answer["compiled"] == [len(schema["$defs"]), len(package_schema["$defs"])]
    assert len(schema["$defs"]) >= 2000  # 2450 shapes with botocore 1.44.8


def _wire(value: Any) -> Any:
    """A drawn parameter as JSON holds it (the schema's documented choices):
    a timestamp as ISO 8601 text, a blob as ASCII text of the same length."""
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, bytes):
        return "b" * len(value)
    if isinstance(value, dict):
        return {key: _wire(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_wire(item) for item in value]
    return value


def _paths(
    shape: botocore.model.Shape, value: Any, path: str = ""
) -> Iterator[tuple[str, botocore.model.Shape]]:
    """Every runtime path under ``value`` with its model shape."""
    yield path, shape
    if isinstance(shape, botocore.model.StructureShape) and isinstance(value, dict):
        for name, member in shape.members.items():
            if name in value and not shape.is_document_type:
                yield from _paths(
                    member, value[name], f"{path}.{name}" if path else name
                )
    elif isinstance(shape, botocore.model.ListShape) and isinstance(value, list):
        for index, item in enumerate(value):
            yield from _paths(shape.member, item, f"{path}[{index}]")
    elif isinstance(shape, botocore.model.MapShape) and isinstance(value, dict):
        for key, item in value.items():
            yield f"{path} (key: {key})", shape.key
            yield from _paths(shape.value, item, f"{path}.{key}" if path else key)


def _sample() -> list[tuple[str, Any]]:
    """(input shape, document) for the sampled operations: drawn, then broken."""
    found: list[tuple[str, Any]] = []
    for name in sorted(MODEL.operation_names)[::SAMPLE_EVERY]:
        shape = MODEL.operation_model(name).input_shape
        if shape is None:
            continue
        drawn = collect(Builder().value(shape, 0), DOCUMENTS_PER_INPUT)
        documents = [_wire(d) for d in drawn]
        if documents:
            documents.append({**documents[0], "UnknownMember": 1})
            required = shape.required_members
            if required:
                documents.append(
                    {k: v for k, v in documents[0].items() if k != required[0]}
                )
        found.extend((shape.name, d) for d in documents)
    return found


def _ours(package: Any, name: str, document: Any) -> list[Pair]:
    try:
        getattr(package, name).from_dict(document).validate()
    except package.ValidationError as error:
        return sorted((v.path, v.rule) for v in error.errors)
    return []


def test_a_sample_of_connect_agrees_with_ajv_and_jsonschema(
    schema: Any, package: Any
) -> None:
    sample = [
        (name, document)
        for name, document in _sample()
        if json.dumps(document, allow_nan=True).find("Infinity") < 0
    ]
    assert len(sample) >= 60
    answers = ajv([schema], [(0, name, document) for name, document in sample])
    left_out = {
        name for name, entry in schema["$defs"].items() if "x-left-out" in entry
    }
    no_patterns = copy.deepcopy(schema)
    for entry in no_patterns["$defs"].values():
        entry.pop("pattern", None)
    no_patterns_text = json.dumps(no_patterns)
    disagreements, rejected, pattern_breaks = [], 0, 0
    for (name, document), answer in zip(sample, answers["results"], strict=True):
        ours = _ours(package, name, document)
        rejected += bool(ours)
        shapes = dict(_paths(MODEL.shape_for(name), document))
        expected = [
            (path, rule)
            for path, rule in ours
            if not (rule == "pattern" and shapes[path].name in left_out)
        ]
        pattern_breaks += sum(rule == "pattern" for _, rule in expected)
        theirs = ajv_pairs(document, answer["errors"])
        others = jsonschema_pairs(
            document, jsonschema_errors(no_patterns_text, name, document)
        )
        if any(rule in READ_RULES for _, rule in expected):
            # from_dict stops at what it cannot read; validate() never runs.
            theirs = [pair for pair in theirs if pair[1] in READ_RULES]
            others = [pair for pair in others if pair[1] in READ_RULES]
        without = [pair for pair in expected if pair[1] != "pattern"]
        if theirs != expected or others != without:
            disagreements.append((name, document, ours, theirs))
    assert disagreements == []
    # The sample must break things, patterns among them, for this to mean much.
    assert rejected >= len(sample) // 3
    assert pattern_breaks > 0
