"""``python -m generated.connect validate SHAPE [FILE ...]``: verdicts and exit codes.

Oracle for the verdicts: botocore's ``ParamValidator`` over the same parameter
dict (it must accept the valid documents and reject the invalid ones at the
same path); the exit codes and line format are the command's contract.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import botocore.session
import pytest
from botocore.validate import ParamValidator

from tests.support import REPO

MODEL = botocore.session.get_session().get_service_model("connect")
REQUEST = "StartEmailContactRequest"
SECRET = "not-an-address-0451"

VALID: dict[str, Any] = {
    "InstanceId": "instance",
    "FromEmailAddress": {"EmailAddress": "from@example.com"},
    "DestinationEmailAddress": "to@example.com",
    "EmailMessage": {"MessageSourceType": "RAW", "RawMessage": {
        "Subject": "Hello", "Body": "Hi", "ContentType": "text/plain"}},
}  # fmt: skip
# One member unknown, one sensitive address that misses its pattern.
INVALID = {
    **VALID,
    "Colour": "blue",
    "FromEmailAddress": {"EmailAddress": SECRET},
}


def validate(
    *args: str, stdin: str = "", cwd: Path = REPO
) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run(
        [sys.executable, "-m", "generated.connect", "validate", *args],
        input=stdin,
        cwd=cwd,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def botocore_paths(params: Any, shape: str) -> set[str]:
    report = ParamValidator().validate(params, MODEL.shape_for(shape))
    return {name.lstrip(".") for _, name, _ in report._errors}


def test_the_documents_are_what_botocore_says() -> None:
    """The fixtures themselves, checked by the oracle."""
    assert botocore_paths(VALID, REQUEST) == set()
    assert botocore_paths(INVALID, REQUEST) == {""}  # the unknown member


def test_a_valid_file_prints_nothing_and_exits_0(tmp_path: Path) -> None:
    (tmp_path / "ok.json").write_text(json.dumps(VALID), encoding="utf-8")
    result = validate(REQUEST, "ok.json", cwd=tmp_path)
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


def test_stdin_is_read_when_no_file_is_given() -> None:
    result = validate(REQUEST, stdin=json.dumps(VALID))
    assert (result.returncode, result.stdout) == (0, "")
    result = validate(REQUEST, stdin=json.dumps(INVALID))
    assert result.returncode == 1
    assert result.stdout.splitlines()[0] == "<stdin>: Colour: unknown: unknown member"


def test_an_invalid_file_lists_every_violation_and_exits_1(tmp_path: Path) -> None:
    (tmp_path / "ok.json").write_text(json.dumps(VALID), encoding="utf-8")
    (tmp_path / "bad.json").write_text(json.dumps(INVALID), encoding="utf-8")
    result = validate(REQUEST, "ok.json", "bad.json", cwd=tmp_path)
    assert result.returncode == 1
    # from_dict reports the unknown member first; the pattern is validate()'s.
    assert result.stdout == "bad.json: Colour: unknown: unknown member\n"
    (tmp_path / "bad.json").write_text(
        json.dumps({**VALID, "FromEmailAddress": {"EmailAddress": SECRET}}),
        encoding="utf-8",
    )
    result = validate(REQUEST, "bad.json", cwd=tmp_path)
    assert result.returncode == 1
    path, rule, message = result.stdout.split(": ", 3)[1:]
    assert (path, rule) == ("FromEmailAddress.EmailAddress", "pattern")
    assert SECRET not in result.stdout + result.stderr
    assert "sensitive value hidden" in message


def test_json_format_lists_documents_for_machines(tmp_path: Path) -> None:
    (tmp_path / "bad.json").write_text(json.dumps(INVALID), encoding="utf-8")
    result = validate(REQUEST, "--format", "json", "bad.json", cwd=tmp_path)
    assert result.returncode == 1
    assert json.loads(result.stdout) == {
        "documents": [
            {
                "file": "bad.json",
                "valid": False,
                "violations": [
                    {"path": "Colour", "rule": "unknown", "message": "unknown member"}
                ],
            }
        ]
    }


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ('{"InstanceId": ', "not JSON"),
        ('{"InstanceId": NaN}', "not JSON"),
        ("[" * 100_000, "not JSON"),
        (b"\xff\xfe{}", "cannot read"),
    ],
    ids=["truncated", "nan", "deep", "not-utf8"],
)
def test_non_json_input_exits_2_with_one_line(
    tmp_path: Path, content: str | bytes, reason: str
) -> None:
    (tmp_path / "ok.json").write_text(json.dumps(VALID), encoding="utf-8")
    target = tmp_path / "in.json"
    if isinstance(content, bytes):
        target.write_bytes(content)
    else:
        target.write_text(content, encoding="utf-8")
    result = validate(REQUEST, "in.json", "ok.json", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stdout == ""
    [line] = result.stderr.splitlines()
    assert line.startswith(f"validate: error: in.json: {reason}")


def test_a_missing_file_exits_2(tmp_path: Path) -> None:
    result = validate(REQUEST, "absent.json", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith("validate: error: absent.json: cannot read")


@pytest.mark.parametrize(
    "shape",
    [
        "NoSuchShape",
        "ReferenceType",
        "ConnectClient",
        "ConnectError",
        "__class__",
        "1x",
    ],
)
def test_an_unknown_shape_exits_2(shape: str) -> None:
    """Enums, the client, the error base and dunder names are not shapes."""
    result = validate(shape, stdin="{}")
    assert result.returncode == 2
    assert result.stderr == f"validate: error: unknown shape {shape!r}\n"


def test_an_error_shape_is_read_leniently() -> None:
    """Response and error shapes take unknown members, as ``from_dict`` does."""
    assert botocore_paths({"Message": "m", "Extra": 1}, "AccessDeniedException") == {""}
    result = validate("AccessDeniedException", stdin='{"Message": "m", "Extra": 1}')
    assert (result.returncode, result.stdout) == (0, "")


def test_no_command_is_a_usage_error() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "generated.connect"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2
    assert "usage:" in result.stderr
