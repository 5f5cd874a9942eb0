"""The runtime against caller values that are not plain builtins: ``Decimal``
for floats (botocore's validator and serializers are the oracle, per protocol),
builtin subclasses (copied, never asked), and the per-thread depth count."""

from __future__ import annotations

import decimal
import json
import threading
import xml.etree.ElementTree as ET
from decimal import Decimal
from pathlib import Path
from types import MappingProxyType
from typing import Any
from urllib.parse import parse_qs

import botocore.model
import botocore.serialize
import pytest
from botocore.validate import ParamValidator

from codegen.generate.runtime import _runtime as rt

DECIMALS = [Decimal("1.5"), Decimal("-0"), Decimal("1e300"), Decimal("0.1"), Decimal(7)]
DECIMALS += [Decimal("Infinity"), Decimal("-Infinity"), Decimal("NaN")]


def _model(protocol: str) -> botocore.model.OperationModel:
    """A one-operation service whose input has a float and a double member."""
    metadata = {
        "protocol": protocol,
        "apiVersion": "2020-01-01",
        "endpointPrefix": "x",
        "serviceId": "X",
        "signatureVersion": "v4",
        "jsonVersion": "1.0",
        "targetPrefix": "X",
    }
    model = {
        "metadata": metadata,
        "operations": {
            "Op": {
                "name": "Op",
                "http": {"method": "POST", "requestUri": "/"},
                "input": {"shape": "Input", "locationName": "Input"},
            }
        },
        "shapes": {
            "Input": {
                "type": "structure",
                "members": {"F": {"shape": "F"}, "D": {"shape": "D"}},
            },
            "F": {"type": "float"},
            "D": {"type": "double"},
        },
    }
    return botocore.model.ServiceModel(model).operation_model("Op")


def _numbers(protocol: str, params: dict[str, Any]) -> dict[str, float]:
    """The numbers botocore's serializer puts on the wire, read back as floats."""
    operation = _model(protocol)
    request = botocore.serialize.create_serializer(protocol).serialize_to_request(
        params, operation
    )
    body = request["body"]
    if protocol in ("json", "rest-json"):
        return {k: float(v) for k, v in json.loads(body).items()}
    if protocol == "query":
        if isinstance(body, dict):  # botocore leaves the form encoding to later
            return {k: float(v) for k, v in body.items() if k in ("F", "D")}
        query = parse_qs(body if isinstance(body, str) else body.decode())
        return {k: float(v[0]) for k, v in query.items() if k in ("F", "D")}
    root = ET.fromstring(body)
    return {child.tag: float(child.text or "") for child in root}


@pytest.mark.parametrize("protocol", ["json", "rest-json", "query", "rest-xml"])
@pytest.mark.parametrize("number", DECIMALS, ids=str)
def test_from_dict_reads_a_decimal_as_botocore_sends_it(
    protocol: str, number: Decimal
) -> None:
    """botocore's validator accepts a Decimal for float and double and every
    serializer sends it; what ``read`` makes of it is sent as the same number."""
    shape = _model(protocol).input_shape
    assert shape is not None
    params = {"F": number, "D": number}
    assert not ParamValidator().validate(params, shape).has_errors()
    reader = rt.Reader(strict=True)
    read = rt.Float().read(number, "F", reader)
    assert reader.errors == [] and type(read) is float
    ours = _numbers(protocol, {"F": read, "D": read})
    theirs = _numbers(protocol, params)
    assert ours.keys() == theirs.keys() == {"F", "D"}
    for key, value in theirs.items():
        assert value == ours[key] or (value != value and ours[key] != ours[key])


def test_a_signalling_nan_decimal_is_a_type_error_not_a_crash() -> None:
    reader = rt.Reader(strict=True)
    assert rt.Float().read(Decimal("sNaN"), "F", reader) is None
    assert [(v.path, v.rule) for v in reader.errors] == [("F", "type")]


def test_decimal_is_not_imported_by_the_runtime() -> None:
    """A caller with a Decimal has imported ``decimal``; the runtime only looks."""
    for module in Path(rt.__file__).parent.glob("*.py"):  # _runtime re-exports
        source = module.read_text(encoding="utf-8")
        assert "import decimal" not in source and "from decimal" not in source
    assert decimal.Decimal is Decimal


class Text(str):
    def __len__(self) -> int:
        raise AssertionError("a caller's method ran")


def test_subclasses_are_copied_to_the_exact_builtin() -> None:
    copied = rt.exact(Text("abc"), str)
    assert type(copied) is str and copied == "abc"
    assert rt.exact(True, int) is None
    assert rt.exact(b"x", str) is None
    reader = rt.Reader(strict=True)
    assert type(rt.String(max_length=5).read(Text("abc"), "S", reader)) is str
    errors: list[rt.Violation] = []
    rt.String(max_length=2).check(Text("abc"), "S", errors, sensitive=False)
    assert [(v.path, v.rule) for v in errors] == [("S", "length")]


def test_structures_and_maps_take_dicts_as_botocore_does() -> None:
    """botocore's validator wants a dict for a structure or map; so does read."""
    definitions: dict[str, Any] = {
        "In": {"type": "structure", "members": {"M": {"shape": "M"}}},
        "M": {"type": "map", "key": {"shape": "S"}, "value": {"shape": "S"}},
        "S": {"type": "string"},
    }
    shape = botocore.model.ShapeResolver(definitions).get_shape_by_name("In")
    proxy = MappingProxyType({"k": "v"})
    assert ParamValidator().validate({"M": proxy}, shape).has_errors()
    reader = rt.Reader(strict=True)
    assert rt.Map(rt.String(), rt.String()).read(proxy, "M", reader) is None
    assert [(v.path, v.rule) for v in reader.errors] == [("M", "type")]


def test_the_depth_count_is_per_thread() -> None:
    """Threads validating at once do not add up their depths."""

    class Node(rt.Shape[dict[str, Any]]):
        __slots__ = ("child",)

        def __init__(self, child: Node | None) -> None:
            self.child = child

        def _is_valid(self) -> bool:
            barrier.wait()  # every thread is 1 deep at the same moment
            return self.child is None or NODE.accepts(self.child)

    NODE: rt.Structure[Node] = rt.Structure(lambda: Node)
    threads = rt.MAX_DEPTH + 5
    barrier = threading.Barrier(threads, timeout=30)
    results: list[bool] = []

    def run() -> None:
        results.append(NODE.accepts(Node(None)))

    workers = [threading.Thread(target=run) for _ in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert results == [True] * threads
