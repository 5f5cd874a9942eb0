"""``python -m tools.every_service.schemas [--services a,b] [--batch N]``.

The JSON Schema of every operation of every botocore service (what
``python -m codegen schema --service S --operation all`` writes): each must pass
the draft 2020-12 meta-schema (python-jsonschema, formats not asserted: its
``regex`` format is Python's ``re``, not ECMA-262) and every ``$defs`` entry must
compile in ajv 8 (u-mode patterns), the oracles of tests/conformance/schema/.
One line per failing service and a total; exit 1 when any schema fails.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections.abc import Sequence
from typing import Any

from jsonschema import Draft202012Validator

from codegen.errors import CodegenError
from codegen.model.build import build_service
from codegen.model.loader import load_model
from codegen.schema import schema_document
from tests.conformance.schema.oracles import NODE, ajv_folder

from .runner import available_services

META = Draft202012Validator(Draft202012Validator.META_SCHEMA)


def _ajv(schemas: list[Any]) -> Any:
    completed = subprocess.run(
        ["node", str(NODE / "judge.js"), str(ajv_folder())],
        input=json.dumps({"schemas": schemas, "cases": []}),
        capture_output=True,
        text=True,
        check=False,
    )
    if completed.returncode != 0:
        raise RuntimeError(f"node failed: {completed.stderr.strip()[-2000:]}")
    return json.loads(completed.stdout)


def _check_batch(schemas: dict[str, Any]) -> tuple[int, list[str]]:
    """(``$defs`` compiled, failure lines) for a batch of services' schemas."""
    failures = []
    for service, schema in schemas.items():
        errors = [e.message for e in META.iter_errors(schema)]
        if errors:
            failures.append(f"{service}: meta-schema: {errors[0]}")
    answer = _ajv(list(schemas.values()))
    for service, meta, problems in zip(
        schemas, answer["meta"], answer["compileErrors"], strict=True
    ):
        if meta is not None:
            failures.append(f"{service}: ajv meta-schema: {meta[0]}")
        failures.extend(f"{service}: ajv: {problem}" for problem in problems[:3])
    return sum(answer["compiled"]), failures


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.every_service.schemas")
    parser.add_argument("--services", help="comma-separated (default: all)")
    parser.add_argument("--batch", type=int, default=25, help="services per Node")
    options = parser.parse_args(argv)
    services = options.services.split(",") if options.services else None
    services = services or available_services()
    compiled, definitions, failures, refused = 0, 0, [], []
    batch: dict[str, Any] = {}
    for index, service in enumerate(services, 1):
        try:
            schema = schema_document(build_service(load_model(service), ["all"]))
        except CodegenError as error:
            refused.append(f"{service}: {error}")
        else:
            schema["$id"] += f":{index}"
            batch[service] = schema
            definitions += len(schema["$defs"])
        if batch and (len(batch) >= options.batch or index == len(services)):
            count, found = _check_batch(batch)
            compiled, batch = compiled + count, {}
            failures.extend(found)
    for line in failures + [f"refused by the generator: {r}" for r in refused]:
        print(line)
    schemas = len(services) - len(refused)
    print(
        f"{schemas} schemas ({len(refused)} services refused by the generator), "
        f"{definitions} $defs, {compiled} compiled in ajv, {len(failures)} failures"
    )
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
