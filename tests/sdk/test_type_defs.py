"""``type_defs.py`` against types-boto3-connect, typings nobody here wrote.

Two oracles: mypy (``--strict``) decides whether a types-boto3-typed program
can hand its dicts to ``from_dict`` and pass ``to_dict()`` to types-boto3's
``ConnectClient.start_email_contact(**...)`` without a cast, and rejects what
it must; types-boto3-connect's own ``TypedDict``s, read with
``typing.get_type_hints``, give every member where the two typings differ.

types-boto3-connect 1.43.119 (the newest release) describes botocore
1.43.119's Connect model; the committed package is generated from 1.44.8's,
whose ``ReferenceType`` has four more values. So the mypy program uses both:
StartEmailContact generated from 1.43.119's model (the fixture of that
release), where the two typings meet with no cast, and the committed package,
where the newer enum is the one thing mypy reports.
"""

from __future__ import annotations

import importlib
import re
import shutil
import subprocess
import sys
import typing
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from types_boto3_connect import type_defs as theirs

from generated.connect import type_defs as ours_now
from tests.support import GENERATED, REPO, model_file, mypy_strict, run_codegen

TYPES_BOTO3_MODEL = "1.43.119"

# A line of the program that mypy must reject ends with ``# E: <error code>``.
PROGRAM = """\
from __future__ import annotations

from typing import Literal

from types_boto3_connect.client import ConnectClient
from types_boto3_connect.type_defs import StartEmailContactRequestTypeDef

from connect_same.shapes import StartEmailContactRequest
from connect_same.type_defs import InboundEmailContentTypeDef
from connect_now.shapes import StartEmailContactRequest as NowRequest


def both_ways(data: StartEmailContactRequestTypeDef, client: ConnectClient) -> str:
    request = StartEmailContactRequest.from_dict(data, validate=True)
    response = client.start_email_contact(**request.to_dict())
    return response["ContactId"]


def precise(request: StartEmailContactRequest) -> None:
    params = request.to_dict()
    instance: str = params["InstanceId"]
    source: Literal["RAW"] = params["EmailMessage"]["MessageSourceType"]
    count: int = params["InstanceId"]  # E: assignment
    params["InstanceID"] = instance  # E: typeddict-unknown-key
    html: InboundEmailContentTypeDef = {"MessageSourceType": "H"}  # E: typeddict-item
    print(source, count, html)


def newer_model(data: StartEmailContactRequestTypeDef, client: ConnectClient) -> None:
    request = NowRequest.from_dict(data)
    client.start_email_contact(**request.to_dict())  # E: arg-type
"""

# Where types-boto3's typing and ours differ, reachable from StartEmailContact's
# request and response, by TypedDict and key. Both: types-boto3's response
# TypeDefs describe botocore's parsed response (which adds ResponseMetadata;
# they mark the top level required), ours what ``to_dict()`` gives back, with
# the keys the model leaves optional as ``NotRequired``.
RESPONSE_FORM = [
    "StartEmailContactResponseTypeDef.ContactId: required in theirs only",
    "StartEmailContactResponseTypeDef.ResponseMetadata: in theirs only",
]
# Only the committed package's: botocore 1.44.8's model is newer than the
# one types-boto3-connect 1.43.119 was built from.
NEWER_MODEL = [
    "ReferenceTypeDef.Type: values in ours only: VOICEMAIL_ANALYSIS, "
    "VOICEMAIL_ANALYSIS_REDACTED, VOICEMAIL_RECORDING, VOICEMAIL_RECORDING_REDACTED",
]


@pytest.fixture(scope="module")
def packages(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A folder with StartEmailContact of 1.43.119's model (``connect_same``)
    and the committed package (``connect_now``)."""
    root = tmp_path_factory.mktemp("type_defs")
    result = run_codegen(
        "--model", str(model_file(TYPES_BOTO3_MODEL)), "--service", "connect",
        "--operation", "StartEmailContact", "--output", str(root / "connect_same"),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    shutil.copytree(
        GENERATED, root / "connect_now", ignore=shutil.ignore_patterns("__pycache__")
    )
    yield root


def _expected_errors(program: str) -> set[tuple[int, str]]:
    return {
        (number, line.rsplit("# E: ", 1)[1])
        for number, line in enumerate(program.splitlines(), start=1)
        if "# E: " in line
    }


def test_mypy_meets_types_boto3_and_rejects_wrong_keys_and_literals(
    packages: Path,
) -> None:
    (packages / "check_type_defs.py").write_text(PROGRAM, encoding="utf-8")
    result = mypy_strict(
        packages / "connect_same", packages / "connect_now",
        packages / "check_type_defs.py",
    )  # fmt: skip
    reported = {
        (int(number), code)
        for number, code in re.findall(
            r"^check_type_defs\.py:(\d+): error: .*\[([a-z-]+)\]$",
            result.stdout,
            flags=re.MULTILINE,
        )
    }
    assert reported == _expected_errors(PROGRAM), result.stdout
    # Nothing else: the generated packages themselves are mypy --strict clean.
    errors = [line for line in result.stdout.splitlines() if ": error: " in line]
    assert len(errors) == len(reported), result.stdout
    assert 'Argument "References"' in result.stdout  # the newer enum, nothing else


def _hints(typed_dict: type) -> dict[str, Any]:
    return typing.get_type_hints(typed_dict, include_extras=True)


def _is_typed_dict(hint: Any) -> bool:
    """A TypedDict class, ``typing``'s or ``typing_extensions``' (types-boto3's
    on Python 3.11), which ``typing.is_typeddict`` does not recognise."""
    return (
        isinstance(hint, type)
        and issubclass(hint, dict)
        and (hasattr(hint, "__required_keys__"))
    )


def _required(hint: Any) -> tuple[bool, Any]:
    """Whether a key of a (total) TypedDict is required, and its type without
    ``NotRequired``. Read from the hints: types-boto3's module postpones its
    annotations, so on Python 3.11 its ``__required_keys__`` lists every key."""
    if typing.get_origin(hint) is typing.NotRequired:
        return False, typing.get_args(hint)[0]
    return True, hint


class _Comparison:
    """Compares two TypedDicts key by key, recursing into the ones they name."""

    def __init__(self) -> None:
        self.differences: list[str] = []
        self.seen: set[tuple[str, str]] = set()

    def typed_dicts(self, ours: type, theirs: type) -> None:
        if (ours.__name__, theirs.__name__) in self.seen:
            return
        self.seen.add((ours.__name__, theirs.__name__))
        mine, other = _hints(ours), _hints(theirs)
        for key in sorted(mine.keys() | other.keys()):
            where = f"{ours.__name__}.{key}"
            if key not in other or key not in mine:
                side = "ours" if key in mine else "theirs"
                self.differences.append(f"{where}: in {side} only")
                continue
            (required, left), (needed, right) = _required(mine[key]), _required(
                other[key]
            )
            if required != needed:
                side = "ours" if required else "theirs"
                self.differences.append(f"{where}: required in {side} only")
            self.types(left, right, where)

    def types(self, ours: Any, theirs: Any, where: str) -> None:
        if _is_typed_dict(ours) and _is_typed_dict(theirs):
            self.typed_dicts(ours, theirs)
            return
        if typing.get_origin(theirs) is typing.Union and _is_typed_dict(ours):
            # types-boto3 also takes its output form (XOutputTypeDef) in a
            # request; ours is its input form, the first of the union.
            self.types(ours, typing.get_args(theirs)[0], where)
            return
        if typing.get_origin(ours) is typing.Literal:
            self.literals(ours, theirs, where)
            return
        origin = typing.get_origin(ours)
        if origin is None or origin is not typing.get_origin(theirs):
            if ours != theirs:
                self.differences.append(f"{where}: ours {ours}, theirs {theirs}")
            return
        left, right = typing.get_args(ours), typing.get_args(theirs)
        if len(left) != len(right):
            self.differences.append(f"{where}: ours {ours}, theirs {theirs}")
            return
        for mine, other in zip(left, right, strict=True):
            self.types(mine, other, where)

    def literals(self, ours: Any, theirs: Any, where: str) -> None:
        if typing.get_origin(theirs) is not typing.Literal:
            self.differences.append(f"{where}: ours {ours}, theirs {theirs}")
            return
        mine, other = set(typing.get_args(ours)), set(typing.get_args(theirs))
        if mine - other:
            values = ", ".join(sorted(mine - other))
            self.differences.append(f"{where}: values in ours only: {values}")
        if other - mine:
            values = ", ".join(sorted(other - mine))
            self.differences.append(f"{where}: values in theirs only: {values}")


def _differences(ours: ModuleType) -> list[str]:
    comparison = _Comparison()
    for name in ("StartEmailContactRequestTypeDef", "StartEmailContactResponseTypeDef"):
        comparison.typed_dicts(getattr(ours, name), getattr(theirs, name))
    return sorted(comparison.differences)


def test_the_committed_type_defs_differ_from_types_boto3_only_as_explained() -> None:
    assert _differences(ours_now) == sorted(NEWER_MODEL + RESPONSE_FORM)


def test_the_same_model_differs_from_types_boto3_only_in_the_response_form(
    packages: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.syspath_prepend(str(packages))
    same = importlib.import_module("connect_same.type_defs")
    assert _differences(same) == sorted(RESPONSE_FORM)


def test_the_comparison_sees_a_changed_member() -> None:
    """The comparison can fail: a TypedDict that differs is reported."""

    class InboundEmailContentTypeDef(typing.TypedDict):
        MessageSourceType: typing.Literal["RAW", "HTML"]
        RawMessage: int

    comparison = _Comparison()
    comparison.typed_dicts(
        InboundEmailContentTypeDef, theirs.InboundEmailContentTypeDef
    )
    assert comparison.differences == [
        "InboundEmailContentTypeDef.MessageSourceType: values in ours only: HTML",
        "InboundEmailContentTypeDef.RawMessage: required in ours only",
        "InboundEmailContentTypeDef.RawMessage: ours <class 'int'>, theirs "
        "<class 'types_boto3_connect.type_defs.InboundRawMessageTypeDef'>",
    ]


def test_only_type_checkers_import_type_defs() -> None:
    """Every name of the package, loaded, leaves ``type_defs`` unimported (the
    shapes import it under ``TYPE_CHECKING``), so it costs nothing at run time."""
    code = (
        "import sys, generated.connect as package\n"
        "for name in package.__all__: getattr(package, name)\n"
        "print(sorted(m for m in sys.modules if m.endswith('type_defs')))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    assert result.stdout == "[]\n"
