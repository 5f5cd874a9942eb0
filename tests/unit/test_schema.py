"""``python -m codegen schema``: the same bytes as the package's ``schema.json``,
each Smithy trait as its keyword (read back from botocore's model file), what
JSON Schema cannot say left out and listed, and bad input as one line, exit 2.
"""

from __future__ import annotations

import functools
import hashlib
import json
from pathlib import Path
from typing import Any

import pytest

from tests.support import GENERATED, MODELS, REPO, run_codegen

FEATURES = MODELS / "features-service-2.json"


@functools.cache
def features_schema() -> dict[str, Any]:
    result = run_codegen(
        "schema", "--model", str(FEATURES), "--service", "features",
        "--operation", "all",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return dict(json.loads(result.stdout))


def test_the_cli_writes_the_package_schema_byte_for_byte(tmp_path: Path) -> None:
    """Defaults from pyproject.toml: Connect, StartEmailContact."""
    committed = (GENERATED / "schema.json").read_bytes()
    result = run_codegen("schema")
    assert result.returncode == 0, result.stderr
    assert result.stdout.encode("utf-8") == committed
    target = tmp_path / "out.json"
    target.write_text("stale", encoding="utf-8")
    result = run_codegen("schema", "--output", str(target))
    assert (result.returncode, result.stdout) == (0, "")
    assert target.read_bytes() == committed  # replaced whole
    assert committed.endswith(b"}\n")
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


def test_provenance_is_the_model_digest_and_the_selection() -> None:
    """Oracle: sha256 of the model text botocore ships (gzipped or not)."""
    import gzip

    import botocore

    data = Path(botocore.__file__).parent / "data" / "connect"
    [folder] = sorted(data.iterdir())
    gz = folder / "service-2.json.gz"
    text = gzip.decompress(gz.read_bytes()) if gz.exists() else None
    if text is None:
        text = (folder / "service-2.json").read_bytes()
    schema = json.loads((GENERATED / "schema.json").read_text(encoding="utf-8"))
    annotation = schema["x-codegen"]
    assert annotation["model_sha256"] == hashlib.sha256(text).hexdigest()
    assert (annotation["service"], annotation["operations"]) == (
        "connect",
        ["StartEmailContact"],
    )
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert "botocore" not in json.dumps(annotation).replace("botocore parses", "")


def test_each_trait_becomes_its_keyword() -> None:
    """Oracle: the traits as written in the model file."""
    model = json.loads(FEATURES.read_text(encoding="utf-8"))["shapes"]
    defs = features_schema()["$defs"]
    name = model["Name"]
    assert (defs["Name"]["minLength"], defs["Name"]["maxLength"]) == (
        name["min"],
        name["max"],
    )
    assert defs["__listOf__string"]["maxItems"] == model["__listOf__string"]["max"]
    assert defs["Count"] == {
        "type": "integer",
        "minimum": -(2**31),
        "maximum": 2**31 - 1,
    }
    assert (defs["Size"]["minimum"], defs["Size"]["maximum"]) == (-(2**63), 2**63 - 1)
    assert defs["float"] == {"type": "number", "minimum": model["float"]["min"]}
    assert defs["Flag"] == {"type": "boolean"}
    assert defs["When"] == {"type": ["number", "string"]}
    assert defs["Metadata"]["propertyNames"] == {"$ref": "#/$defs/Name"}
    request = defs["PutObjectRequest"]
    assert request["required"] == model["PutObjectRequest"]["required"]
    assert request["additionalProperties"] is False
    assert "additionalProperties" not in defs["PutObjectOutput"]
    assert defs["Choice"]["oneOf"] == [{"required": ["Text"]}, {"required": ["Number"]}]
    assert defs["WatchOutput"]["properties"]["Events"] == {
        "type": "array",
        "items": {"$ref": "#/$defs/Events"},
    }


def test_what_json_schema_cannot_say_is_left_out_and_listed() -> None:
    schema = features_schema()
    defs = schema["$defs"]
    # \p{Print} is Java syntax: no pattern keyword, and the reason given.
    assert "pattern" not in defs["Label"]
    assert "\\p{Print}+" in defs["Label"]["x-left-out"][0]
    # A blob's max counts bytes; maxLength would count code points.
    assert defs["Raw"] == {
        "type": "string",
        "x-left-out": [defs["Raw"]["x-left-out"][0]],
    }
    assert "bytes" in defs["Raw"]["x-left-out"][0]
    left_out = " ".join(schema["x-codegen"]["left_out"])
    for topic in ("nested", "1.0", "2**53", "timestamps", "null", "event streams"):
        assert topic in left_out
    assert defs["Settings"].get("type") is None  # a document: any JSON value


def test_sensitive_members_are_marked() -> None:
    """Oracle: the ``sensitive`` traits of Connect's model."""
    import botocore.session

    model = botocore.session.get_session().get_service_model("connect")
    schema = json.loads((GENERATED / "schema.json").read_text(encoding="utf-8"))
    for name, entry in schema["$defs"].items():
        shape = model.shape_for(name)
        assert entry.get("x-sensitive", False) == bool(
            shape.metadata.get("sensitive")
        ), name
        members = getattr(shape, "members", {})
        for member, prop in entry.get("properties", {}).items():
            sensitive = bool(members[member].metadata.get("sensitive"))
            assert prop.get("x-sensitive", False) == sensitive, (name, member)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--operation", "NoSuchOperation"), "NoSuchOperation"),
        (("--output", "missing-folder/schema.json"), "cannot write"),
        (("--output", "."), "is a folder"),
        (("--model", "absent.json", "--service", "x"), "absent.json"),
    ],
    ids=["operation", "folder-missing", "output-is-folder", "model-missing"],
)
def test_bad_input_is_one_line_and_exit_2(
    tmp_path: Path, args: tuple[str, ...], message: str
) -> None:
    result = run_codegen(
        "schema", "--config", str(REPO / "pyproject.toml"), *args, cwd=tmp_path
    )
    assert result.returncode == 2
    assert result.stdout == ""
    [line] = result.stderr.splitlines()
    assert line.startswith("codegen: error: ") and message in line
    assert list(tmp_path.iterdir()) == []
