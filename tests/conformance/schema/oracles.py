"""ajv 8 (Node) and python-jsonschema as oracles, their errors as ``(path, rule)``.

Neither validator was written here. ajv is installed from the npm registry by
``npm ci`` from the committed lock file into a cache folder keyed by the lock
file's hash, once per machine; Node is asked once per batch.

Both report ``(instance path, keyword)``; the runtime reports ``(path, rule)`` in
botocore's path format. The mapping is written down here, once: a member is
``A.B``, a list entry ``A[0]``, a map value ``A.k``, a map key ``A (key: k)``;
``required`` and ``additionalProperties`` name the member on its parent.
A value of the wrong type for an enum also fails ``enum`` in JSON Schema: that
second error is folded into the ``type`` one (the runtime checks the type first).
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import shutil
import subprocess
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from referencing import Registry, Resource

NODE = Path(__file__).resolve().parent / "node"
Pair = tuple[str, str]

# JSON Schema keyword -> runtime rule (``length`` for every size keyword).
RULES = {
    "type": "type",
    "required": "required",
    "additionalProperties": "unknown",
    "minLength": "length",
    "maxLength": "length",
    "minItems": "length",
    "maxItems": "length",
    "minProperties": "length",
    "maxProperties": "length",
    "pattern": "pattern",
    "enum": "enum",
    "minimum": "range",
    "maximum": "range",
    "oneOf": "union",
}


def _cache_root() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "connect-sdk-codegen"


@functools.cache
def ajv_folder() -> Path:
    """A folder with ajv installed from the lock file (``npm ci``), made once."""
    node, npm = shutil.which("node"), shutil.which("npm")
    if node is None or npm is None:
        pytest.fail(
            "Node.js and npm ('node', 'npm' on PATH) are required: ajv is an "
            "oracle of the schema tests (apt-get install nodejs npm)",
            pytrace=False,
        )
    digest = hashlib.sha256()
    for name in ("package.json", "package-lock.json"):
        digest.update((NODE / name).read_bytes())
    folder = _cache_root() / f"ajv-{digest.hexdigest()[:16]}"
    if (folder / "node_modules" / "ajv" / "package.json").is_file():
        return folder
    staging = folder.with_name(f"{folder.name}.{os.getpid()}")
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    for name in ("package.json", "package-lock.json"):
        shutil.copyfile(NODE / name, staging / name)
    completed = subprocess.run(
        [npm, "ci", "--ignore-scripts", "--no-audit", "--no-fund"],
        cwd=staging,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    if completed.returncode != 0:
        pytest.fail(f"npm ci failed: {completed.stderr.strip()}", pytrace=False)
    if not folder.exists():
        staging.rename(folder)
    return folder


def ajv(schemas: list[Any], cases: Iterable[tuple[int, str, Any]] = ()) -> Any:
    """One Node process: meta-schema check and compile count of every schema,
    and each ``(schema index, shape, data)`` case validated."""
    payload = {
        "schemas": schemas,
        "cases": [{"schema": i, "ref": ref, "data": data} for i, ref, data in cases],
    }
    completed = subprocess.run(
        ["node", str(NODE / "judge.js"), str(ajv_folder())],
        input=json.dumps(payload, allow_nan=False),
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    if completed.returncode != 0:
        pytest.fail(f"node failed: {completed.stderr.strip()[-2000:]}", pytrace=False)
    return json.loads(completed.stdout)


# --- paths -------------------------------------------------------------------------


def botocore_path(data: Any, segments: Iterable[str | int]) -> str:
    """The runtime's path of the value at JSON ``segments`` below ``data``."""
    path = ""
    for segment in segments:
        if isinstance(data, list):
            index = int(segment)
            path, data = f"{path}[{index}]", data[index]
        else:
            key = str(segment)
            path, data = (f"{path}.{key}" if path else key), data[key]
    return path


def _join(path: str, member: str) -> str:
    return f"{path}.{member}" if path else member


def _pointer(pointer: str) -> list[str]:
    if not pointer:
        return []
    return [p.replace("~1", "/").replace("~0", "~") for p in pointer[1:].split("/")]


def _size_rule(keyword: str, schema: Any) -> str:
    """A union counts its members with min/maxProperties; a map its entries."""
    union = keyword in ("minProperties", "maxProperties") and "properties" in schema
    return "union" if union else RULES.get(keyword, keyword)


def _folded(pairs: list[Pair]) -> list[Pair]:
    typed = {path for path, rule in pairs if rule == "type"}
    return sorted(p for p in pairs if not (p[1] == "enum" and p[0] in typed))


def ajv_pairs(data: Any, errors: list[dict[str, Any]]) -> list[Pair]:
    """ajv's errors as runtime pairs; ``oneOf`` branch errors fold into ``oneOf``."""
    pairs = []
    for error in errors:
        keyword = error["keyword"]
        if keyword == "propertyNames" or "/oneOf/" in error["schemaPath"]:
            continue  # the wrapper of a key's error; a union's failed branches
        path = botocore_path(data, _pointer(error["instancePath"]))
        if error["propertyName"] is not None:
            path = f"{path} (key: {error['propertyName']})"
        elif keyword == "required":
            path = _join(path, error["params"]["missingProperty"])
        elif keyword == "additionalProperties":
            path = _join(path, error["params"]["additionalProperty"])
        pairs.append((path, _size_rule(keyword, error["parentSchema"])))
    return _folded(pairs)


@functools.cache
def _validator(schema_text: str) -> tuple[Any, str]:
    schema = json.loads(schema_text)
    resource = Resource.from_contents(schema)
    registry: Registry[Any] = Registry().with_resource(schema["$id"], resource)
    return registry, schema["$id"]


def jsonschema_errors(schema_text: str, ref: str, data: Any) -> list[Any]:
    """python-jsonschema's errors (``ValidationError``s; typed ``Any`` since
    their attributes may be ``Unset`` for the type checker)."""
    registry, base = _validator(schema_text)
    validator = Draft202012Validator(
        {"$ref": f"{base}#/$defs/{ref}"}, registry=registry
    )
    return list(validator.iter_errors(data))


def jsonschema_pairs(data: Any, errors: list[Any]) -> list[Pair]:
    """python-jsonschema's errors as runtime pairs (format is not asserted)."""
    pairs = []
    for error in errors:
        keyword = str(error.validator)
        path = botocore_path(data, error.absolute_path)
        if error.absolute_schema_path and "propertyNames" in error.absolute_schema_path:
            path = f"{path} (key: {error.instance})"
        elif keyword == "required":
            missing = [
                name
                for name in error.validator_value
                if f"{name!r} is a required property" == error.message
            ]
            path = _join(path, missing[0])
        elif keyword == "additionalProperties":
            known = error.schema.get("properties", {})
            for extra in (k for k in error.instance if k not in known):
                pairs.append((_join(path, extra), "unknown"))
            continue
        pairs.append((path, _size_rule(keyword, error.schema)))
    return _folded(pairs)
