"""The generator on tiny hand-written models, loaded through ``botocore.model``.

Each feature the Connect operation does not exercise (empty structure, recursion,
keyword member names, sensitive members, maps of lists, unions, every scalar type)
is generated, imported and checked against botocore's own validator.
"""

from __future__ import annotations

import datetime
import importlib
import json
import subprocess
import sys
import typing
from collections.abc import Callable, Iterator
from pathlib import Path
from types import GenericAlias, ModuleType
from typing import Any, Literal

import botocore.model
import botocore.session
import pytest
from botocore.exceptions import ClientError
from botocore.stub import Stubber
from botocore.validate import ParamValidator

from codegen.model import ir
from codegen.model.build import build_service
from codegen.model.loader import load_model
from tests.support import MODELS, imported, module_dir, run_codegen

TINY = MODELS / "tiny-service-2.json"
OPERATIONS = ("--operation", "PutThing", "--operation", "Other")


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    """The package generated from the tiny model, imported as ``tiny``."""
    root = tmp_path_factory.mktemp("tinypkg")
    result = run_codegen(
        "--model", str(TINY), "--service", "tiny", *OPERATIONS,
        "--output", str(root / "tiny"),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    with imported(root, "tiny") as (package,):
        yield package


@pytest.fixture(scope="module")
def service_ir() -> ir.Service:
    return build_service(load_model("tiny", TINY), ["PutThing", "Other"])


def botocore_input_shape(operation: str) -> botocore.model.Shape:
    model = json.loads(TINY.read_text(encoding="utf-8"))
    shape = botocore.model.ServiceModel(model, "tiny").operation_model(operation)
    assert shape.input_shape is not None
    return shape.input_shape


def full_request(tiny: ModuleType) -> Any:
    return tiny.PutThingRequest(
        class_="abc",
        root=tiny.Node(value="a", children=[tiny.Node(children=[tiny.Node()])]),
        lambda_=10,
        secret="s3cr",
        token="tok",
        groups={"grp": ["x", "y"]},
        choice=tiny.Choice(number=1),
        big=2**63 - 1,
        flag=False,
        ratio=0.5,
        when=datetime.datetime(2024, 1, 2, tzinfo=datetime.UTC),
        data=b"\x00\x01",
        path="p",
        kind="B",
        old="o",
    )


def violations(obj: Any) -> list[tuple[str, str]]:
    from_runtime = sys.modules[type(obj).__module__.split(".")[0]]
    with pytest.raises(from_runtime.ValidationError) as caught:
        obj.validate()
    return [(v.path, v.rule) for v in caught.value.errors]


def test_ir_has_the_closure_with_resolved_traits(service_ir: ir.Service) -> None:
    assert [shape.name for shape in service_ir.shapes] == sorted(
        [
            "BadThing", "Big", "Choice", "Count", "Data", "Empty", "Flag", "Groups",
            "Kind", "Message", "Name", "NameList", "Node", "NodeList",
            "PutThingRequest", "Ratio", "Secret", "When",
        ]
    )  # fmt: skip
    request = service_ir.shape("PutThingRequest")
    assert isinstance(request, ir.StructureShape)
    members = {member.name: member for member in request.members}
    assert [member.name for member in request.members][:2] == ["Class", "Root"]
    assert members["Class"].field_name == "class_"
    assert members["Lambda"].field_name == "lambda_"
    assert members["Token"].sensitive and not members["Class"].sensitive
    assert members["Old"].deprecated
    error = service_ir.shape("BadThing")
    assert isinstance(error, ir.StructureShape)
    assert error.error == ir.ErrorInfo(code="BadThing", http_status=400, fault="client")
    choice = service_ir.shape("Choice")
    assert isinstance(choice, ir.StructureShape) and choice.union
    count = service_ir.shape("Count")
    assert count == ir.IntegerShape(
        name="Count", doc="", sensitive=False, bits=32, minimum=1, maximum=10
    )


def test_types_are_exact_including_recursion(tiny: ModuleType) -> None:
    hints = typing.get_type_hints(tiny.PutThingRequest)
    assert hints["class_"] is str
    assert hints["root"] is tiny.Node
    assert hints["groups"] == dict[str, list[str]] | None
    assert hints["when"] == datetime.datetime | None
    assert hints["data"] == bytes | None
    assert hints["big"] == int | None
    assert hints["ratio"] == float | None
    assert hints["flag"] == bool | None
    assert hints["kind"] == Literal["A", "B"] | None
    node_list = GenericAlias(list, (tiny.Node,))  # tiny.Node is not a static type
    assert typing.get_type_hints(tiny.Node)["children"] == node_list | None


def test_empty_structure(tiny: ModuleType) -> None:
    empty = tiny.Empty()
    assert empty.to_dict() == {}
    assert tiny.Empty.from_dict({}) == empty
    empty.validate()
    with pytest.raises(tiny.ValidationError) as caught:
        tiny.Empty.from_dict({"Surprise": 1})
    assert [(v.path, v.rule) for v in caught.value.errors] == [("Surprise", "unknown")]
    assert tiny.Empty.from_dict({"Surprise": 1}, strict=False) == empty


def test_full_request_round_trips_and_botocore_accepts_it(tiny: ModuleType) -> None:
    request = full_request(tiny)
    request.validate()
    params = request.to_dict()
    assert params["Class"] == "abc" and params["Lambda"] == 10
    assert params["Root"] == {"Value": "a", "Children": [{"Children": [{}]}]}
    assert tiny.PutThingRequest.from_dict(params) == request
    report = ParamValidator().validate(params, botocore_input_shape("PutThing"))
    assert not report.has_errors(), report.generate_report()


def test_sensitive_members_stay_out_of_repr_and_messages(tiny: ModuleType) -> None:
    request = full_request(tiny)
    request = type(request)(
        class_="abc", root=tiny.Node(), secret="TOPSECRETVALUE", token="PRIVATE"
    )
    text = repr(request) + str(request)
    assert "TOPSECRETVALUE" not in text and "PRIVATE" not in text
    assert "secret=<sensitive>" in text and "token=<sensitive>" in text
    with pytest.raises(tiny.ValidationError) as caught:
        request.validate()
    assert [(v.path, v.rule) for v in caught.value.errors] == [
        ("Secret", "length"),
        ("Token", "pattern"),
    ]
    assert "TOPSECRETVALUE" not in str(caught.value)
    assert "PRIVATE" not in str(caught.value)


def test_union_needs_exactly_one_member(tiny: ModuleType) -> None:
    tiny.Choice(text="abc").validate()
    assert violations(tiny.Choice()) == [("", "union")]
    assert violations(tiny.Choice(text="abc", number=2)) == [("", "union")]
    nested = tiny.PutThingRequest(class_="abc", root=tiny.Node(), choice=tiny.Choice())
    assert violations(nested) == [("Choice", "union")]


def test_map_of_lists_checks_every_level(tiny: ModuleType) -> None:
    def request(groups: Any) -> Any:
        return tiny.PutThingRequest(class_="abc", root=tiny.Node(), groups=groups)

    assert violations(request({})) == [("Groups", "length")]
    assert violations(request({"grp": []})) == [("Groups.grp", "length")]
    assert violations(request({"grp": ["ok", "NOT"]})) == [("Groups.grp[1]", "pattern")]
    assert violations(request({"BAD": ["ok"]})) == [("Groups (key: BAD)", "pattern")]


def test_recursive_shapes_report_deep_paths(tiny: ModuleType) -> None:
    deep = tiny.Node(children=[tiny.Node(children=[tiny.Node(value="UPPER")])])
    request = tiny.PutThingRequest(class_="abc", root=deep)
    assert violations(request) == [("Root.Children[0].Children[0].Value", "pattern")]
    too_many = tiny.Node(children=[tiny.Node()] * 4)
    request = tiny.PutThingRequest(class_="abc", root=too_many)
    assert violations(request) == [("Root.Children", "length")]


@pytest.mark.parametrize(
    ("member", "value", "rule"),
    [
        ("lambda_", True, "type"),
        ("lambda_", 11, "range"),
        ("lambda_", 0, "range"),
        ("big", 2**63, "range"),
        ("big", -(2**63) - 1, "range"),
        ("ratio", 1.5, "range"),
        ("ratio", True, "type"),
        ("flag", 1, "type"),
        ("data", b"12345", "length"),
        ("data", "text", "type"),
        ("when", "2024-01-01", "type"),
        ("kind", "C", "enum"),
        ("class_", "abcdefghi", "length"),
    ],
)
def test_scalar_constraints(
    tiny: ModuleType, member: str, value: Any, rule: str
) -> None:
    arguments = {"class_": "abc", "root": tiny.Node(), member: value}
    paths = {"lambda_": "Lambda", "class_": "Class"}
    expected = paths.get(member, member.capitalize())
    assert violations(tiny.PutThingRequest(**arguments)) == [(expected, rule)]


def test_integer_edges_are_accepted(tiny: ModuleType) -> None:
    for big in (2**63 - 1, -(2**63)):
        tiny.PutThingRequest(class_="abc", root=tiny.Node(), big=big).validate()
    for count in (1, 10):
        tiny.PutThingRequest(class_="abc", root=tiny.Node(), lambda_=count).validate()


def test_error_is_a_client_error_with_typed_members(tiny: ModuleType) -> None:
    # Members named like what the class needs ('field' for the dataclass
    # machinery, 'code' for the error's own code) get a trailing underscore.
    error = tiny.BadThing(message="nope", field_="abc", code_="E1")
    assert isinstance(error, tiny.TinyTestError)
    assert issubclass(tiny.TinyTestError, ClientError)
    assert error.code == "BadThing"
    assert error.response["Error"] == {"Code": "BadThing", "Message": "nope"}
    assert error.to_dict() == {"Message": "nope", "Field": "abc", "Code": "E1"}
    parsed = tiny.BadThing.from_dict(
        {"Message": "nope", "Field": "abc", "Code": "E1", "New": 1}
    )
    assert parsed == error
    assert repr(parsed) == "BadThing(message='nope', code_='E1', field_='abc')"


def test_generated_tiny_package_passes_mypy_strict(tiny: ModuleType) -> None:
    folder = module_dir(tiny)
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", folder.name],
        cwd=folder.parent,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_hostile_documentation_stays_inert_text(tmp_path: Path) -> None:
    model = json.loads(TINY.read_text(encoding="utf-8"))
    hostile = 'Ends with a quote" then """ + __import__("os") + """ and a \\ backslash'
    model["shapes"]["Node"]["documentation"] = f"<p>{hostile} {{{{ x }}}}</p>"
    path = tmp_path / "service-2.json"
    path.write_text(json.dumps(model), encoding="utf-8")
    output = tmp_path / "pkg" / "hostile"
    result = run_codegen(
        "--model", str(path), "--service", "tiny", *OPERATIONS, "--output", str(output)
    )
    assert result.returncode == 0, result.stderr
    sys.path.insert(0, str(output.parent))
    try:
        shapes = importlib.import_module("hostile.shapes")
        assert " ".join(shapes.Node.__doc__.split()) == hostile + " {{ x }}"
    finally:
        sys.path.remove(str(output.parent))
        for name in [m for m in sys.modules if m.split(".")[0] == "hostile"]:
            del sys.modules[name]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            {"Doc": {"type": "structure", "members": {}, "eventstream": True}},
            "operation 'PutThing': its input is an event stream ('Doc'), "
            "which botocore cannot send",
        ),
        (
            {"Doc": {"type": "structure", "members": {}, "exception": True}},
            "shape 'Doc': an error used as a member is not supported",
        ),
    ],
)
def test_unsupported_shapes_are_refused_clearly(
    tmp_path: Path, change: dict[str, Any], message: str
) -> None:
    model = json.loads(TINY.read_text(encoding="utf-8"))
    model["shapes"].update(change)
    model["shapes"]["PutThingRequest"]["members"]["Doc"] = {"shape": "Doc"}
    path = tmp_path / "service-2.json"
    path.write_text(json.dumps(model), encoding="utf-8")
    output = tmp_path / "out"
    result = run_codegen(
        "--model", str(path), "--service", "tiny", *OPERATIONS, "--output", str(output)
    )
    assert result.returncode == 2
    assert result.stderr.startswith(f"codegen: error: {message}")
    assert len(result.stderr.splitlines()) == 1
    assert not output.exists()


def _generate_changed(
    tmp_path: Path, change: Callable[[dict[str, Any]], None], package: str
) -> tuple[ModuleType, Path]:
    """The tiny model after ``change``, generated and imported as ``package``."""
    model = json.loads(TINY.read_text(encoding="utf-8"))
    change(model)
    data_path = tmp_path / "models"
    model_file = data_path / "tiny" / "2020-01-01" / "service-2.json"
    model_file.parent.mkdir(parents=True)
    model_file.write_text(json.dumps(model), encoding="utf-8")
    output = tmp_path / "pkg" / package
    result = run_codegen(
        "--model", str(model_file), "--service", "tiny", "--operation", "all",
        "--output", str(output),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    sys.path.insert(0, str(output.parent))
    return importlib.import_module(package), data_path


def _unimport(package: str, folder: Path) -> None:
    sys.path.remove(str(folder))
    for name in [m for m in sys.modules if m.split(".")[0] == package]:
        del sys.modules[name]


def test_hostile_names_are_sanitised_and_the_wire_names_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A member ``a-b``, a shape ``a b`` and operations named like the typed
    client's own methods: botocore (its Stubber, on a client built from the
    same model) sees the wire names; Python sees identifiers."""

    def change(model: dict[str, Any]) -> None:
        request = model["shapes"]["PutThingRequest"]["members"]
        request["a-b"] = request.pop("Lambda")
        model["shapes"]["a b"] = model["shapes"].pop("Kind")
        request["Kind"]["shape"] = "a b"
        for old, new in (("PutThing", "FromSession"), ("Other", "_call")):
            model["operations"][new] = model["operations"].pop(old)
            model["operations"][new]["name"] = new

    package, data_path = _generate_changed(tmp_path, change, "hostile_names")
    try:
        monkeypatch.setenv("AWS_DATA_PATH", str(data_path))
        session = botocore.session.get_session()
        client = session.create_client(
            "tiny", region_name="us-east-1",
            aws_access_key_id="x", aws_secret_access_key="y",
        )  # fmt: skip
        typed = package.TinyTestClient(client)
        request = package.PutThingRequest(
            class_="abc", root=package.Node(), a_b=3, kind="A"
        )
        assert typing.get_args(package.shapes.a_b) == ("A", "B")
        with Stubber(client) as stubber:
            expected = {"Class": "abc", "Root": {}, "a-b": 3, "Kind": "A"}
            stubber.add_response("from_session", {}, expected)
            stubber.add_response("_call", {}, {})
            assert typed.from_session_(request) == package.Empty()
            assert typed.call(package.Empty()) is None
        assert callable(package.TinyTestClient.from_session)  # still the factory
    finally:
        _unimport("hostile_names", tmp_path / "pkg")


def _retarget(shape: dict[str, Any], target: str) -> Callable[[dict[str, Any]], None]:
    def change(model: dict[str, Any]) -> None:
        model["shapes"]["PutThingRequest"]["members"]["Lambda"]["shape"] = target
        model["shapes"].setdefault(target, shape)

    return change


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            lambda model: model["shapes"].pop("Count"),
            "shape 'PutThingRequest' member 'Lambda': refers to the missing shape "
            "'Count'",
        ),
        (
            _retarget({"type": "list", "member": {"shape": "Loop"}}, "Loop"),
            "shape 'Loop' contains itself through lists and maps only",
        ),
        (
            lambda model: model["shapes"]["Count"].update(min="abc"),
            "shape 'Count': min must be a number, not 'abc'",
        ),
        (
            lambda model: model["shapes"]["Ratio"].update(max=float("nan")),
            "shape 'Ratio': max must be finite, not nan",
        ),
        (
            lambda model: model["shapes"]["Count"].update(max=1.5),
            "shape 'Count': max must be an integer, not 1.5",
        ),
        (
            lambda model: model["operations"]["Other"].update(input={"shape": "Name"}),
            "operation 'Other' input: 'Name' is not a structure",
        ),
        (
            lambda model: model["operations"].update(
                {"other": {**model["operations"]["Other"], "name": "other"}}
            ),
            "operations 'Other' and 'other' map to the same client method 'other'",
        ),
    ],
)
def test_malformed_models_are_one_line_errors(
    tmp_path: Path, change: Callable[[dict[str, Any]], None], message: str
) -> None:
    model = json.loads(TINY.read_text(encoding="utf-8"))
    change(model)
    path = tmp_path / "service-2.json"
    path.write_text(json.dumps(model), encoding="utf-8")
    output = tmp_path / "out"
    result = run_codegen(
        "--model", str(path), "--service", "tiny", "--operation", "all",
        "--output", str(output),
    )  # fmt: skip
    assert result.returncode == 2
    assert result.stderr.splitlines() == [f"codegen: error: {message}"]
    assert not output.exists()


def test_documentation_ending_in_quotes_stays_text(tmp_path: Path) -> None:
    ending = 'ends with three"""'

    def change(model: dict[str, Any]) -> None:
        model["shapes"]["Node"]["documentation"] = f"<p>{ending}</p>"

    package, _ = _generate_changed(tmp_path, change, "quoted_docs")
    try:
        assert package.Node.__doc__.strip() == ending
    finally:
        _unimport("quoted_docs", tmp_path / "pkg")
