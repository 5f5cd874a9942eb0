"""The cases of botocore's protocol fixtures, as botocore's own runner reads them.

botocore's runner (``tests/unit/test_protocols.py`` in the sdist) builds one
service model per case: the suite's top-level keys (``metadata``, ``shapes``,
``clientEndpoint``...) plus a single operation, the case's ``given``, under its
``name``. The same is done here, so that the generator sees exactly the model
botocore serializes and parses with.
"""

from __future__ import annotations

import copy
import hashlib
import json
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import botocore.model

IGNORE_LIST = "protocol-tests-ignore-list.json"
DEFAULT_OPERATION = "OperationName"  # botocore's runner's name for an unnamed one


@dataclass(frozen=True)
class Case:
    """One case of one suite of one fixture file."""

    label: str  # the file's protocol name: ``rest-json``, ``legacy/query``...
    direction: str  # ``input`` or ``output``
    suite_index: int
    case_index: int
    suite: dict[str, Any] = field(repr=False)
    data: dict[str, Any] = field(repr=False)

    @property
    def protocol(self) -> str:
        """The file name without ``.json``: what botocore's ignore list keys on."""
        return self.label.rsplit("/", 1)[-1]

    @property
    def name(self) -> str:
        """The case's ``id``; legacy cases have none, so description and indexes."""
        given = self.data.get("id")
        if given:
            return str(given)
        return f"{self.suite['description']} ({self.suite_index}:{self.case_index})"

    @property
    def test_id(self) -> str:
        """``rest-json/input/<case name>``: readable and unique per file."""
        return f"{self.label}/{self.direction}/{self.name}"

    @property
    def operation_name(self) -> str:
        return str(self.data.get("given", {}).get("name", DEFAULT_OPERATION))

    @cached_property
    def service_description(self) -> dict[str, Any]:
        """The suite with this case's ``given`` as its only operation."""
        description = copy.deepcopy(self.suite)
        description["operations"] = {
            self.operation_name: copy.deepcopy(self.data["given"])
        }
        return description

    @cached_property
    def model_json(self) -> bytes:
        """The service description as JSON: the generator's input.

        Keys keep the fixture's order: member order is part of the model (the
        generated ``to_dict`` follows it, and botocore serializes in that order).
        """
        return json.dumps(self.service_description).encode("utf-8")

    @cached_property
    def model_digest(self) -> str:
        """Identifies the model: cases with identical models share a package."""
        return hashlib.sha256(self.model_json).hexdigest()

    def operation_model(self) -> botocore.model.OperationModel:
        """botocore's model of the case's operation, built as its runner does."""
        service = botocore.model.ServiceModel(copy.deepcopy(self.service_description))
        return botocore.model.OperationModel(copy.deepcopy(self.data["given"]), service)


def load_cases(root: Path, legacy: bool) -> list[Case]:
    """Every case with ``params`` (input) or ``response`` (output), file by file."""
    cases = []
    for direction in ("input", "output"):
        folder = root / "legacy" / direction if legacy else root / direction
        for path in sorted(folder.glob("*.json")):
            label = f"legacy/{path.stem}" if legacy else path.stem
            cases.extend(_file_cases(path, label, direction))
    return cases


def _file_cases(path: Path, label: str, direction: str) -> list[Case]:
    suites = json.loads(path.read_text(encoding="utf-8"))
    wanted = "params" if direction == "input" else "response"
    cases = []
    for i, suite in enumerate(suites):
        body = {key: value for key, value in suite.items() if key != "cases"}
        for j, data in enumerate(suite["cases"]):
            if wanted in data:
                cases.append(Case(label, direction, i, j, body, data))
    return cases


def load_ignore_list(root: Path) -> dict[str, Any]:
    """botocore's ``protocol-tests-ignore-list.json``."""
    ignore: dict[str, Any] = json.loads(
        (root / IGNORE_LIST).read_text(encoding="utf-8")
    )
    return ignore


def ignored_by_botocore(ignore: dict[str, Any], case: Case) -> bool:
    """Whether botocore's own runner skips the case (``_should_ignore_test``).

    The list names suites (by description) and cases (by ``id``), for all
    protocols (``general``) or one protocol (the file name, legacy files too).
    """
    scopes = [
        ignore.get("general", {}).get(case.direction, {}),
        ignore.get("protocols", {}).get(case.protocol, {}).get(case.direction, {}),
    ]
    return any(
        case.suite["description"] in scope.get("suites", [])
        or case.data.get("id") in scope.get("cases", [])
        for scope in scopes
    )
