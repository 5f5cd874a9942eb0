"""``codegen/generate/render/type_defs.py`` on a tiny model with awkward keys.

Keys that cannot be class attributes (a keyword, ``a-b``, ``Mapping`` which its
own types use), a key named like its enum alias, a structure recursive through
a list and a cycle of two. Oracles: botocore's model (every key, which are
required, the enum values), Python (the module imports and ``get_type_hints``
resolves every key) and ``mypy --strict``.
"""

from __future__ import annotations

import importlib
import json
import sys
import typing
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

import botocore.model
import pytest

from tests.support import MODELS, mypy_strict, run_codegen

TINY = MODELS / "tiny-service-2.json"
PACKAGE = "awkward_keys"


def _model() -> dict[str, Any]:
    model: dict[str, Any] = json.loads(TINY.read_text(encoding="utf-8"))
    shapes = model["shapes"]
    members = shapes["PutThingRequest"]["members"]
    members["from"] = {"shape": "Name"}
    members["a-b"] = {"shape": "Count"}
    members["Mapping"] = {"shape": "Groups"}
    members["Left"] = {"shape": "Left"}
    shapes["Left"] = {"type": "structure", "members": {"Right": {"shape": "Right"}}}
    shapes["Right"] = {
        "type": "structure",
        "required": ["Left"],
        "members": {"Left": {"shape": "Left"}, "Kind": {"shape": "Kind"}},
    }
    return model


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    root = tmp_path_factory.mktemp("type_defs")
    model_file = root / "service-2.json"
    model_file.write_text(json.dumps(_model()), encoding="utf-8")
    result = run_codegen(
        "--model", str(model_file), "--service", "tiny", "--operation", "all",
        "--output", str(root / PACKAGE),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    sys.path.insert(0, str(root))
    try:
        yield importlib.import_module(f"{PACKAGE}.type_defs")
    finally:
        sys.path.remove(str(root))
        for name in [m for m in sys.modules if m.split(".")[0] == PACKAGE]:
            del sys.modules[name]


def _structures() -> Mapping[str, botocore.model.StructureShape]:
    service = botocore.model.ServiceModel(_model(), "tiny")
    shapes = {name: service.shape_for(name) for name in _model()["shapes"]}
    return {
        name: shape
        for name, shape in shapes.items()
        if isinstance(shape, botocore.model.StructureShape)
        and not shape.metadata.get("exception")
    }


def test_every_structure_has_the_model_s_keys_and_required_keys(
    generated: ModuleType,
) -> None:
    assert sorted(generated.__all__) == sorted(f"{n}TypeDef" for n in _structures())
    for name, shape in _structures().items():
        typed_dict = getattr(generated, f"{name}TypeDef")
        hints = typing.get_type_hints(typed_dict, include_extras=True)
        assert set(hints) == set(shape.members), name
        assert typed_dict.__required_keys__ == set(shape.required_members), name
        for key, hint in hints.items():
            optional = typing.get_origin(hint) is typing.NotRequired
            assert optional == (key not in shape.required_members), (name, key)


def test_awkward_keys_keep_their_wire_names_and_types(generated: ModuleType) -> None:
    request = typing.get_type_hints(
        generated.PutThingRequestTypeDef, include_extras=True
    )
    assert request["from"] == typing.NotRequired[str]
    assert request["a-b"] == typing.NotRequired[int]
    (groups,) = typing.get_args(request["Mapping"])
    assert typing.get_args(groups) == (str, Sequence[str])
    (kind,) = typing.get_args(request["Kind"])
    enum = _structures()["PutThingRequest"].members["Kind"]
    assert isinstance(enum, botocore.model.StringShape)
    assert typing.get_args(kind) == tuple(enum.enum)


def test_recursion_is_spelled_as_a_mapping_elsewhere_exactly(
    generated: ModuleType,
) -> None:
    """Inside a cycle a structure is ``Mapping[str, Any]`` (as types-boto3 spells
    it); from outside it is its TypedDict."""
    node = typing.get_type_hints(generated.NodeTypeDef, include_extras=True)
    assert node["Children"] == typing.NotRequired[Sequence[Mapping[str, Any]]]
    right = typing.get_type_hints(generated.RightTypeDef, include_extras=True)
    assert right["Left"] == Mapping[str, Any]
    request = typing.get_type_hints(
        generated.PutThingRequestTypeDef, include_extras=True
    )
    assert request["Left"] == typing.NotRequired[generated.LeftTypeDef]
    assert request["Root"] == generated.NodeTypeDef


def test_the_package_passes_mypy_strict(generated: ModuleType) -> None:
    assert generated.__file__ is not None
    folder = Path(generated.__file__).parent
    result = mypy_strict(folder)
    assert result.returncode == 0, result.stdout + result.stderr
