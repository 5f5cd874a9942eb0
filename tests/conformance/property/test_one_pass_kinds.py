"""Property 7 on every kind of shape: one pass equals the exact path.

StartEmailContact has strings, integers, lists, maps and structures only; the
tiny model adds longs, doubles (NaN), booleans, timestamps, blobs, unions and
a recursive structure, and all of Connect has everything else its 405
operations use. Values come from botocore's model (``near_valid``), mostly
valid and sometimes off; for each, ``from_dict`` (both ways, every strictness)
and ``validate_dict`` must give what the exact path gives: ``Reader`` and
``_from_wire``, then ``validate()``; and for a request shape, ``validate_dict``
must raise whenever botocore's ``ParamValidator`` reports (the rules botocore
checks are a subset of the model's: it passes what breaks only a max, a
pattern or an enum).
"""

from __future__ import annotations

import decimal
import json
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import botocore.model
import botocore.session
import pytest

from codegen.generate.format_cache import Unformatted
from codegen.generate.render import Renderer
from codegen.generate.writer import write_package
from codegen.model.build import build_service
from codegen.model.loader import load_model
from tests.draws import draw_batch
from tests.support import MODELS, imported, reachable, run_codegen

from .near_valid import values
from .oracles import botocore_violations
from .spelled import typed

TINY = MODELS / "tiny-service-2.json"


def _imported(root: Path, name: str) -> Iterator[ModuleType]:
    with imported(root, name) as (package,):
        yield package


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    root = tmp_path_factory.mktemp("onepass_tiny")
    result = run_codegen(
        "--model", str(TINY), "--service", "tiny", "--operation", "PutThing",
        "--operation", "Other", "--output", str(root / "tiny_onepass"),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    yield from _imported(root, "tiny_onepass")


@pytest.fixture(scope="module")
def connect_all(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    """Every Connect operation, rendered without black (as test_all_connect)."""
    root = tmp_path_factory.mktemp("onepass_all")
    service = build_service(load_model("connect"), ["all"])
    files = Renderer(formatter=Unformatted()).render(service)
    write_package(files, root / "connect_onepass")
    yield from _imported(root, "connect_onepass")


def _outcome(package: ModuleType, call: Any) -> tuple[str, Any]:
    try:
        return ("object", typed(call()))
    except package.ValidationError as error:
        return ("violations", [(v.path, v.rule, v.message) for v in error.errors])


def agrees(
    package: ModuleType, cls: Any, data: Any, shape: botocore.model.Shape
) -> bool:
    """Asserts the one pass gives the exact path's outcome, and that a request
    shape's ``validate_dict`` raises whenever botocore's validator reports;
    whether the one walk itself took ``data`` (rather than falling back)."""
    for strict in (None, True, False):
        for validate in (True, False):
            exact = _outcome(
                package,
                lambda s=strict, v=validate: cls._read_then_check(data, s, v),
            )
            ours = _outcome(
                package,
                lambda s=strict, v=validate: cls.from_dict(data, strict=s, validate=v),
            )
            assert ours == exact, (strict, validate)
    exact = _outcome(package, lambda: cls._read_then_check(data, None, True))
    checked = _outcome(package, lambda: cls.validate_dict(data))
    assert checked == (("object", typed(None)) if exact[0] == "object" else exact)
    if cls._strict_by_default and _botocore_reports(data, shape):
        assert checked[0] == "violations"
    return cls._read_checked(data) is not None


def _botocore_reports(data: Any, shape: botocore.model.Shape) -> bool:
    """Whether ``ParamValidator`` reports anything (no answer, so false, where
    botocore itself raises: it compares a ``Decimal('NaN')`` with a bound)."""
    try:
        return bool(botocore_violations(data, shape))
    except decimal.InvalidOperation:
        return False


def _structures(model: botocore.model.ServiceModel, operations: list[str]) -> Any:
    roots = []
    for name in operations:
        operation = model.operation_model(name)
        roots += [s for s in (operation.input_shape, operation.output_shape) if s]
    found = reachable(*roots)
    return sorted(
        (name, shape)
        for name, shape in found.items()
        if isinstance(shape, botocore.model.StructureShape)
        and not shape.metadata.get("exception")
        and not getattr(shape, "is_document_type", False)
    )


def _judge(package: ModuleType, shapes: Any, count: int) -> set[str]:
    """Every draw agrees; the structures whose one walk took some draw."""
    walked = set()
    for name, shape in shapes:
        cls = getattr(package, name)
        drawn = draw_batch(values(shape), count)
        took = [agrees(package, cls, data, shape) for data in drawn]
        if any(took):
            walked.add(name)
    return walked


def test_every_kind_of_the_tiny_model(tiny: ModuleType) -> None:
    model = botocore.model.ServiceModel(json.loads(TINY.read_text()), "tiny")
    shapes = _structures(model, ["PutThing", "Other"])
    assert {name for name, _ in shapes} >= {"PutThingRequest", "Node", "Choice"}
    # The walk is exercised for every structure, not only its fall-back.
    assert _judge(tiny, shapes, 300) == {name for name, _ in shapes}


def test_every_structure_of_all_of_connect(connect_all: ModuleType) -> None:
    """Every structure the 405 operations reach (a few draws each; patterns
    the draws rarely meet leave some to the fall-back alone)."""
    model = botocore.session.get_session().get_service_model("connect")
    shapes = _structures(model, list(model.operation_names))
    assert len(shapes) > 1_000
    walked = _judge(connect_all, shapes, 8)
    assert len(walked) > len(shapes) // 2, len(walked)
