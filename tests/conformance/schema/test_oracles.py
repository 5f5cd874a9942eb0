"""The oracles' set-up: a machine without npm is told so, not skipped."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from . import oracles


def test_missing_npm_fails_with_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # neither node nor npm
    with pytest.raises(pytest.fail.Exception, match="apt-get install nodejs npm"):
        oracles.ajv_folder.__wrapped__()


def test_paths_follow_botocore() -> None:
    """A member, a list entry, a map value; JSON Pointer escapes undone."""
    data = {"A": [{"B": {"k/~": 1}}]}
    assert oracles.botocore_path(data, ["A", 0, "B", "k/~"]) == "A[0].B.k/~"
    errors: list[dict[str, Any]] = [
        {
            "instancePath": "/A/0/B",
            "keyword": "additionalProperties",
            "params": {"additionalProperty": "k/~"},
            "schemaPath": "#/additionalProperties",
            "propertyName": None,
            "parentSchema": {},
        },
        {
            "instancePath": "/A/0/B/k~1~0",
            "keyword": "type",
            "params": {},
            "schemaPath": "#/type",
            "propertyName": None,
            "parentSchema": {},
        },
    ]
    assert oracles.ajv_pairs(data, errors) == [
        ("A[0].B.k/~", "type"),
        ("A[0].B.k/~", "unknown"),
    ]
