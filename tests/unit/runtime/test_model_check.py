"""The runtime's check of a request against the installed botocore's model
(``_model_check.py``), on hand-made botocore shapes; botocore's own validator
names the unknown members it should find."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from typing import Any

import botocore
import botocore.model
import pytest

from codegen.generate.runtime import _model_check as mc
from codegen.generate.runtime._runtime import ValidationError
from tests.conformance.property.oracles import botocore_violations
from tests.support import REPO

SHAPES: dict[str, Any] = {
    "Input": {
        "type": "structure",
        "members": {
            "Name": {"shape": "Text"},
            "Items": {"shape": "ItemList"},
            "ByKey": {"shape": "ItemMap"},
            "Secrets": {"shape": "SecretMap"},
            "SecretKeys": {"shape": "SecretKeyMap"},
            "Doc": {"shape": "Doc"},
            "Item": {"shape": "Item"},
        },
    },
    "Item": {
        "type": "structure",
        "members": {"X": {"shape": "Text"}, "Next": {"shape": "Item"}},
    },
    "ItemList": {"type": "list", "member": {"shape": "Item"}},
    "ItemMap": {"type": "map", "key": {"shape": "Text"}, "value": {"shape": "Item"}},
    "SecretMap": {
        "type": "map",
        "key": {"shape": "Text"},
        "value": {"shape": "Item"},
        "sensitive": True,
    },
    "SecretKeyMap": {
        "type": "map",
        "key": {"shape": "SecretText"},
        "value": {"shape": "Item"},
    },
    "SecretText": {"type": "string", "sensitive": True},
    "Doc": {"type": "structure", "members": {}, "document": True},
    "Text": {"type": "string"},
}


def input_shape() -> botocore.model.Shape:
    return botocore.model.ShapeResolver(SHAPES).get_shape_by_name("Input")


def _unknown(shape: botocore.model.Shape, params: dict[str, Any]) -> list[str]:
    """The paths of members in ``params`` that botocore's ``shape`` lacks."""
    tree = mc._Tree()
    return tree.unknown(tree.add(shape), params)


CASES: list[dict[str, Any]] = [
    {"Name": "n", "Extra": 1},
    {"Items": [{"X": "a"}, {"X": "b", "New": 2}]},
    {"ByKey": {"k1": {"X": "a"}, "k2": {"Gone": True}}},
    {"Item": {"Next": {"Next": {"X": "x", "Later": "y"}}}, "Other": []},
    {"Doc": {"any": {"keys": ["at", "all"]}}, "Name": "n"},  # a document: none
    {"Items": [], "ByKey": {}, "Item": {}},
]


@pytest.mark.parametrize("params", CASES)
def test_unknown_members_are_what_botocores_validator_names(
    params: dict[str, Any],
) -> None:
    shape = input_shape()
    expected = sorted(
        path for path, rule in botocore_violations(params, shape) if rule == "unknown"
    )
    assert _unknown(shape, params) == expected


def test_a_map_key_under_a_sensitive_shape_never_shows() -> None:
    """The map, or its key shape, is sensitive: the key shows as ``*``; the
    same key of a plain map (the control) shows."""
    params = {
        "Secrets": {"secret-key": {"New": 1}},
        "SecretKeys": {"secret-key": {"Next": {"New": 1}}},
        "ByKey": {"plain-key": {"New": 1}},
    }
    assert _unknown(input_shape(), params) == [
        "ByKey.plain-key.New",
        "SecretKeys.*.Next.New",
        "Secrets.*.New",
    ]


def test_a_value_nested_deeper_than_the_stack_is_walked() -> None:
    """Iterative: 5000 levels (far beyond Python's recursion limit)."""
    item: dict[str, Any] = {"Late": 1}
    for _ in range(5000):
        item = {"Next": item}
    path = _unknown(input_shape(), {"Item": item})
    assert path == ["Item" + ".Next" * 5000 + ".Late"]


class Meta:
    """What the check reads of botocore's ``client.meta``, counting lookups."""

    def __init__(self) -> None:
        self.method_to_api_mapping = {"do_it": "DoIt"}
        self.lookups = 0
        resolver = botocore.model.ShapeResolver(SHAPES)
        self._shape = resolver.get_shape_by_name("Input")
        self.service_model = self

    def operation_model(self, name: str) -> Any:
        assert name == "DoIt"
        self.lookups += 1
        return self

    @property
    def input_shape(self) -> Any:
        return self._shape


def test_the_input_shape_is_looked_up_once_per_operation() -> None:
    check, meta = mc.ModelCheck(), Meta()
    for _ in range(3):
        check.check(meta, "do_it", {"Name": "n"})
    with pytest.raises(mc.BotocoreModelError) as caught:
        check.check(meta, "do_it", {"Name": "n", "New": 1})
    assert meta.lookups == 1
    error = caught.value
    assert isinstance(error, ValidationError)
    assert [(v.path, v.rule) for v in error.errors] == [("New", "unknown")]
    assert error.botocore_version == botocore.__version__
    assert str(error) == (
        "1 validation error: New: not in the model of the installed botocore"
        f" {botocore.__version__}; upgrade botocore"
    )


def test_an_operation_botocore_lacks_is_named() -> None:
    with pytest.raises(mc.BotocoreModelError) as caught:
        mc.ModelCheck().check(Meta(), "do_something_new", {})
    assert str(caught.value) == (
        "1 validation error: <root>: operation do_something_new: not in the model"
        f" of the installed botocore {botocore.__version__}; upgrade botocore"
    )


def test_the_error_class_loads_without_botocore() -> None:
    """``generated.connect.BotocoreModelError`` is importable (to catch it)
    without loading botocore: only a client's call loads it."""
    code = (
        "import sys\n"
        "import generated.connect as connect\n"
        "error = connect.BotocoreModelError\n"
        "assert issubclass(error, connect.ValidationError)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'botocore'))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True,
        check=True,
    )  # fmt: skip
    assert result.stdout == "[]\n"


class _Interleaved:
    """A botocore shape that, when the check reads its members (its node
    already begun), runs ``interleave``: what another thread sharing the
    client may do at that moment."""

    def __init__(self, shape: Any, interleave: Callable[[], None]) -> None:
        self._shape = shape
        self._interleave = interleave

    def __getattr__(self, name: str) -> Any:
        return getattr(self._shape, name)

    @property
    def members(self) -> Any:
        self._interleave()
        return self._shape.members


def test_a_call_while_another_operation_is_first_built_sees_whole_nodes() -> None:
    """``DoOther`` (its input holds ``DoIt``'s) is first called while
    ``DoIt``'s input node is begun but not built: its unknown member is
    still found, and ``DoIt``'s own check is whole afterwards."""
    shapes = {**SHAPES, "Other": {"type": "structure", "members": {}}}
    shapes["Other"]["members"] = {"In": {"shape": "Input"}}
    resolver = botocore.model.ShapeResolver(shapes)
    check, found = mc.ModelCheck(), list[str]()

    def other_call() -> None:
        other = Meta()
        other.method_to_api_mapping = {"do_other": "DoOther"}
        other._shape = resolver.get_shape_by_name("Other")
        other.operation_model = lambda name: other  # type: ignore[method-assign]
        with pytest.raises(mc.BotocoreModelError) as caught:
            check.check(other, "do_other", {"In": {"Name": "n", "Late": 1}})
        found.extend(v.path for v in caught.value.errors)

    meta = Meta()
    interleaved: Any = _Interleaved(resolver.get_shape_by_name("Input"), other_call)
    meta._shape = interleaved
    check.check(meta, "do_it", {"Name": "n"})
    assert found == ["In.Late"]
    with pytest.raises(mc.BotocoreModelError) as caught:
        check.check(meta, "do_it", {"Item": {"Next": {"Late": 1}}})
    assert [v.path for v in caught.value.errors] == ["Item.Next.Late"]


# The package's own table for SHAPES' Input (``_operations.MEMBERS``' form).
MEMBERS: dict[str, dict[str, str | None]] = {
    "Input": {
        "Name": None,
        "Items": "[Item]",
        "ByKey": "{Item}",
        "Secrets": "{Item}",
        "SecretKeys": "{Item}",
        "Doc": None,
        "Item": "Item",
    },
    "Item": {"X": None, "Next": "Item"},
}
REQUESTS = {"DoIt": "Input"}


def _covered(members: dict[str, dict[str, str | None]]) -> bool:
    tree = mc._Tree()
    return tree.covers(tree.add(input_shape()), "Input", members)


def test_a_model_with_every_member_of_the_package_skips_the_walk() -> None:
    """Covered (a recursive structure too): no call is walked, so what only a
    hand-made dict could carry is not looked at (the package's classes
    cannot write it)."""
    assert _covered(MEMBERS)
    check, meta = mc.ModelCheck(REQUESTS, MEMBERS), Meta()
    check.check(meta, "do_it", {"Name": "n", "New": 1})
    assert meta.lookups == 1


@pytest.mark.parametrize(
    "change",
    [
        {"Item": {"X": None, "Next": "Item", "Later": None}},  # a newer member
        {"Input": {**MEMBERS["Input"], "Items": "{Item}"}},  # a map, not a list
        {"Input": {**MEMBERS["Input"], "Items": "[[Item]]"}},  # one list more
        {"Item": None},  # a structure the table lacks
    ],
)
def test_a_model_without_one_of_them_is_walked_on_every_call(
    change: dict[str, Any],
) -> None:
    members = {**MEMBERS, **change}
    members = {name: entry for name, entry in members.items() if entry is not None}
    assert not _covered(members)
    check = mc.ModelCheck(REQUESTS, members)
    with pytest.raises(mc.BotocoreModelError):
        check.check(Meta(), "do_it", {"Item": {"Later": 1}})


def test_a_union_is_never_covered() -> None:
    """A union's ``to_dict`` can write botocore's unknown-member key, which no
    model has: operations holding one keep the walk."""
    members = {**MEMBERS, "Item": {**MEMBERS["Item"], "SDK_UNKNOWN_MEMBER": None}}
    assert not _covered(members)
