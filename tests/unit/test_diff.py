"""``codegen diff``: every change class and verdict, and the real Connect history.

Unit tests run on a tiny hand-made model and one edit of it per case. The
history tests run on the Connect models of three real botocore releases,
committed under tests/fixtures/botocore-connect/ exactly as the wheels ship them:

- 1.35.67, the last release without StartEmailContact;
- 1.35.68, the first with it (found by bisecting the wheels' service-2.json.gz);
- 1.44.8, the pinned one.

The expected changes below were read off the model JSON by hand (and by a
script independent of codegen), not copied from the tool's output.
"""

from __future__ import annotations

import copy
import gzip
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from codegen.apidiff import report
from codegen.apidiff.diff import ApiDiff, diff_models
from codegen.apidiff.rules import Kind
from codegen.errors import CodegenError
from codegen.model.loader import load_model_bytes
from codegen.model.releases import ModelSide
from tests.support import model_file, run_codegen

BEFORE, FIRST, PINNED = "1.35.67", "1.35.68", "1.44.8"


# ---------------------------------------------------------------------------
# Tiny models: one edit per change class.

Model = dict[str, Any]


def base_model() -> Model:
    """Op (request, response, error Bad) and Ping (no shapes, also raises Bad)."""
    return {
        "version": "2.0",
        "metadata": {
            "apiVersion": "2024-01-01",
            "endpointPrefix": "tiny",
            "protocol": "rest-json",
            "serviceId": "Tiny",
            "signatureVersion": "v4",
            "uid": "tiny-2024-01-01",
        },
        "operations": {
            "Op": {
                "name": "Op",
                "http": {"method": "POST", "requestUri": "/op"},
                "input": {"shape": "OpRequest"},
                "output": {"shape": "OpResponse"},
                "errors": [{"shape": "Bad"}],
                "documentation": "<p>Does it.</p>",
            },
            "Ping": {
                "name": "Ping",
                "http": {"method": "GET", "requestUri": "/ping"},
                "errors": [{"shape": "Bad"}],
            },
        },
        "shapes": {
            "OpRequest": {
                "type": "structure",
                "required": ["Name"],
                "members": {
                    "Name": {"shape": "Name", "documentation": "<p>A name.</p>"},
                    "Kind": {"shape": "Kind"},
                    "Count": {"shape": "Count"},
                    "Tags": {"shape": "Tags"},
                    "Total": {"shape": "Big"},
                    "Shared": {"shape": "Shared"},
                },
            },
            "OpResponse": {
                "type": "structure",
                "required": ["Id"],
                "members": {
                    "Id": {"shape": "Id"},
                    "Status": {"shape": "Status"},
                    "Shared": {"shape": "Shared"},
                },
            },
            "Bad": {
                "type": "structure",
                "members": {"Message": {"shape": "Message"}},
                "exception": True,
                "error": {"httpStatusCode": 400},
            },
            "Shared": {
                "type": "structure",
                "members": {"Note": {"shape": "Message"}, "Mode": {"shape": "Mode"}},
            },
            "Name": {"type": "string", "min": 1, "max": 10, "pattern": "^[a-z]+$"},
            "Kind": {"type": "string", "enum": ["A", "B"]},
            "Mode": {"type": "string", "enum": ["FAST", "SLOW"]},
            "Count": {"type": "integer", "min": 0, "max": 100},
            "Big": {"type": "long"},
            "Tags": {"type": "list", "member": {"shape": "Name"}, "max": 5},
            "Id": {"type": "string", "max": 10},
            "Status": {"type": "string", "enum": ["ON", "OFF"]},
            "Message": {"type": "string"},
        },
    }


def side(model: Model, label: str) -> ModelSide:
    payload = json.dumps(model).encode("utf-8")
    return ModelSide(label, load_model_bytes("tiny", payload, label, "0"), None)


def tiny_diff(
    edit: Callable[[Model], object], old_edit: Callable[[Model], object] | None = None
) -> ApiDiff:
    old, new = base_model(), base_model()
    if old_edit is not None:
        old_edit(old)
    edit(new)
    return diff_models(side(old, "old"), side(new, "new"), ["Op", "Ping"])


Expected = list[tuple[Kind, str, tuple[str, ...], str]]


def listed(diff: ApiDiff) -> Expected:
    return sorted(
        (change.kind, change.subject, change.directions, change.rule.label)
        for change in diff.changes
    )


def shapes(model: Model) -> dict[str, Any]:
    result: dict[str, Any] = model["shapes"]
    return result


def member(model: Model, structure: str, name: str) -> dict[str, Any]:
    result: dict[str, Any] = shapes(model)[structure]["members"][name]
    return result


BREAKING, COMPATIBLE = "breaking", "compatible"
REQ, RESP, BOTH, OP = (
    ("request",),
    ("response",),
    ("request", "response"),
    ("operation",),
)

CASES: dict[str, tuple[Callable[[Model], object], Expected]] = {
    # request side -------------------------------------------------------------
    "request: new required member": (
        lambda m: (
            shapes(m)["OpRequest"]["members"].update(Extra={"shape": "Name"}),
            shapes(m)["OpRequest"]["required"].append("Extra"),
        ),
        [("member-added-required", "OpRequest.Extra", REQ, BREAKING)],
    ),
    "request: new optional member": (
        lambda m: shapes(m)["OpRequest"]["members"].update(Extra={"shape": "Name"}),
        [("member-added-optional", "OpRequest.Extra", REQ, COMPATIBLE)],
    ),
    "request: member removed (its private shape goes too)": (
        lambda m: shapes(m)["OpRequest"]["members"].pop("Count"),
        [
            ("member-removed", "OpRequest.Count", REQ, BREAKING),
            ("shape-removed", "Count", REQ, COMPATIBLE),
        ],
    ),
    "request: optional -> required": (
        lambda m: shapes(m)["OpRequest"]["required"].append("Kind"),
        [("member-now-required", "OpRequest.Kind", REQ, BREAKING)],
    ),
    "request: required -> optional": (
        lambda m: shapes(m)["OpRequest"].update(required=[]),
        [("member-now-optional", "OpRequest.Name", REQ, COMPATIBLE)],
    ),
    "request: min length up": (
        lambda m: shapes(m)["Name"].update(min=2),
        [("constraint-tightened", "Name", REQ, BREAKING)],
    ),
    "request: max length down": (
        lambda m: shapes(m)["Name"].update(max=5),
        [("constraint-tightened", "Name", REQ, BREAKING)],
    ),
    "request: max length up": (
        lambda m: shapes(m)["Name"].update(max=50),
        [("constraint-loosened", "Name", REQ, COMPATIBLE)],
    ),
    "request: min length down": (
        lambda m: shapes(m)["Name"].update(min=0),
        [("constraint-loosened", "Name", REQ, COMPATIBLE)],
    ),
    "request: list min length added": (
        lambda m: shapes(m)["Tags"].update(min=1),
        [("constraint-tightened", "Tags", REQ, BREAKING)],
    ),
    "request: pattern changed": (
        lambda m: shapes(m)["Name"].update(pattern="^[a-z0-9]+$"),
        [("constraint-tightened", "Name", REQ, BREAKING)],
    ),
    "request: pattern added": (
        lambda m: shapes(m)["Kind"].update(pattern="^[A-Z]$"),
        [("constraint-tightened", "Kind", REQ, BREAKING)],
    ),
    "request: pattern removed": (
        lambda m: shapes(m)["Name"].pop("pattern"),
        [("constraint-loosened", "Name", REQ, COMPATIBLE)],
    ),
    "request: range narrowed and widened": (
        lambda m: shapes(m)["Count"].update(min=1, max=200),
        [
            ("constraint-loosened", "Count", REQ, COMPATIBLE),
            ("constraint-tightened", "Count", REQ, BREAKING),
        ],
    ),
    "request: long -> integer narrows the range": (
        lambda m: shapes(m)["Big"].update(type="integer"),
        [("constraint-tightened", "Big", REQ, BREAKING)],
    ),
    "request: enum value removed": (
        lambda m: shapes(m)["Kind"].update(enum=["A"]),
        [("enum-value-removed", "Kind", REQ, BREAKING)],
    ),
    "request: enum value added": (
        lambda m: shapes(m)["Kind"]["enum"].append("C"),
        [("enum-value-added", "Kind", REQ, COMPATIBLE)],
    ),
    "request: enum introduced": (
        lambda m: shapes(m)["Name"].update(enum=["x", "y"]),
        [("enum-introduced", "Name", REQ, BREAKING)],
    ),
    "request: enum dropped (the Literal alias goes away)": (
        lambda m: shapes(m)["Kind"].pop("enum"),
        [("enum-dropped", "Kind", REQ, BREAKING)],
    ),
    "request: type changed": (
        lambda m: shapes(m)["Count"].update(type="string", min=0, max=3),
        [("type-changed", "Count", REQ, BREAKING)],
    ),
    "request: list element type changed": (
        lambda m: shapes(m)["Tags"].update(member={"shape": "Count"}),
        [("type-changed", "Tags[]", REQ, BREAKING)],
    ),
    "request: member retargeted to another type": (
        lambda m: member(m, "OpRequest", "Count").update(shape="Message"),
        [
            ("shape-removed", "Count", REQ, COMPATIBLE),
            ("type-changed", "OpRequest.Count", REQ, BREAKING),
        ],
    ),
    "request: structure becomes a union": (
        lambda m: shapes(m)["Shared"].update(union=True),
        [("type-changed", "Shared", BOTH, BREAKING)],
    ),
    "request: shape renamed (removed + added, the alias was public)": (
        lambda m: (
            shapes(m).update(KindV2=shapes(m)["Kind"]),
            member(m, "OpRequest", "Kind").update(shape="KindV2"),
        ),
        [
            ("public-shape-removed", "Kind", REQ, BREAKING),
            ("shape-added", "KindV2", REQ, COMPATIBLE),
        ],
    ),
    "request: private shape renamed, tighter": (
        lambda m: (
            shapes(m).update(Name2={"type": "string", "min": 1, "max": 8}),
            member(m, "OpRequest", "Name").update(shape="Name2"),
        ),
        [
            ("constraint-loosened", "OpRequest.Name", REQ, COMPATIBLE),
            ("constraint-tightened", "OpRequest.Name", REQ, BREAKING),
            ("shape-added", "Name2", REQ, COMPATIBLE),
        ],
    ),
    # response side -------------------------------------------------------------
    "response: new optional member": (
        lambda m: shapes(m)["OpResponse"]["members"].update(Extra={"shape": "Id"}),
        [("member-added-optional", "OpResponse.Extra", RESP, COMPATIBLE)],
    ),
    "response: new required member": (
        lambda m: (
            shapes(m)["OpResponse"]["members"].update(Extra={"shape": "Id"}),
            shapes(m)["OpResponse"]["required"].append("Extra"),
        ),
        [("member-added-required", "OpResponse.Extra", RESP, COMPATIBLE)],
    ),
    "response: member removed": (
        lambda m: shapes(m)["OpResponse"]["members"].pop("Status"),
        [
            ("member-removed", "OpResponse.Status", RESP, BREAKING),
            ("public-shape-removed", "Status", RESP, BREAKING),
        ],
    ),
    "response: required -> optional": (
        lambda m: shapes(m)["OpResponse"].update(required=[]),
        [("member-now-optional", "OpResponse.Id", RESP, BREAKING)],
    ),
    "response: optional -> required": (
        lambda m: shapes(m)["OpResponse"]["required"].append("Status"),
        [("member-now-required", "OpResponse.Status", RESP, COMPATIBLE)],
    ),
    "response: enum value added": (
        lambda m: shapes(m)["Status"]["enum"].append("PAUSED"),
        [
            (
                "enum-value-added",
                "Status",
                RESP,
                "compatible (new value callers may see)",
            )
        ],
    ),
    "response: enum value removed": (
        lambda m: shapes(m)["Status"].update(enum=["ON"]),
        [("enum-value-removed", "Status", RESP, COMPATIBLE)],
    ),
    "response: constraint tightened": (
        lambda m: shapes(m)["Id"].update(max=5),
        [("constraint-tightened", "Id", RESP, COMPATIBLE)],
    ),
    "response: pattern added": (
        lambda m: shapes(m)["Id"].update(pattern="^i-"),
        [("constraint-tightened", "Id", RESP, COMPATIBLE)],
    ),
    "response: type changed": (
        lambda m: shapes(m)["Id"].update(type="integer"),
        [("type-changed", "Id", RESP, BREAKING)],
    ),
    "error: new member": (
        lambda m: shapes(m)["Bad"]["members"].update(Code={"shape": "Id"}),
        [("member-added-optional", "Bad.Code", RESP, COMPATIBLE)],
    ),
    "error: code and status changed": (
        lambda m: shapes(m)["Bad"].update(
            error={"httpStatusCode": 429, "code": "Slow"}
        ),
        [("trait-changed", "Bad", RESP, COMPATIBLE)],
    ),
    # used both ways: the harsher verdict -----------------------------------------
    "both: new required member": (
        lambda m: (
            shapes(m)["Shared"]["members"].update(Extra={"shape": "Message"}),
            shapes(m)["Shared"].update(required=["Extra"]),
        ),
        [("member-added-required", "Shared.Extra", BOTH, BREAKING)],
    ),
    "both: enum value added": (
        lambda m: shapes(m)["Mode"]["enum"].append("TURBO"),
        [
            (
                "enum-value-added",
                "Mode",
                BOTH,
                "compatible (new value callers may see)",
            )
        ],
    ),
    # operations and errors -------------------------------------------------------
    "operation removed": (
        lambda m: m["operations"].pop("Ping"),
        [("operation-removed", "Ping", OP, BREAKING)],
    ),
    "operation's request class renamed": (
        lambda m: (
            shapes(m).update(OpInput=shapes(m).pop("OpRequest")),
            m["operations"]["Op"].update(input={"shape": "OpInput"}),
        ),
        [
            ("public-shape-removed", "OpRequest", REQ, BREAKING),
            ("shape-added", "OpInput", REQ, COMPATIBLE),
            ("type-changed", "Op", OP, BREAKING),
        ],
    ),
    "error added (new class)": (
        lambda m: (
            shapes(m).update(Slow=copy.deepcopy(shapes(m)["Bad"])),
            m["operations"]["Op"]["errors"].append({"shape": "Slow"}),
        ),
        [
            ("error-added", "Op", OP, "compatible (new error callers may see)"),
            ("shape-added", "Slow", RESP, COMPATIBLE),
        ],
    ),
    "error removed (class kept: Ping raises it)": (
        lambda m: m["operations"]["Op"].update(errors=[]),
        [("error-removed", "Op", OP, COMPATIBLE)],
    ),
    "operation HTTP method changed": (
        lambda m: m["operations"]["Op"]["http"].update(method="PUT"),
        [("trait-changed", "Op", OP, COMPATIBLE)],
    ),
    "member deprecated": (
        lambda m: member(m, "OpRequest", "Kind").update(deprecated=True),
        [("trait-changed", "OpRequest.Kind", REQ, COMPATIBLE)],
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_change_class_and_verdict(case: str) -> None:
    edit, expected = CASES[case]
    diff = tiny_diff(edit)
    assert listed(diff) == sorted(expected)
    assert bool(diff.breaking) == any(label == BREAKING for *_, label in expected)


def test_operation_added() -> None:
    diff = tiny_diff(lambda m: None, old_edit=lambda m: m["operations"].pop("Ping"))
    assert listed(diff) == [("operation-added", "Ping", OP, COMPATIBLE)]


def test_documentation_only_changes_are_counted_not_listed() -> None:
    def edit(model: Model) -> None:
        model["operations"]["Op"]["documentation"] = "<p>Does it better.</p>"
        member(model, "OpRequest", "Name")["documentation"] = "<p>Its name.</p>"
        shapes(model)["Kind"]["documentation"] = "<p>What kind.</p>"

    diff = tiny_diff(edit)
    assert diff.changes == ()
    # The operation, the member and the shape Kind; OpRequest.Kind has no doc of
    # its own, so it shows Kind's (as botocore resolves it) and changes too.
    assert diff.documentation == 4
    assert not diff.breaking


def test_identical_models_have_no_changes() -> None:
    diff = tiny_diff(lambda m: None)
    assert (diff.changes, diff.documentation) == ((), 0)


def test_an_operation_missing_from_both_sides_is_bad_input() -> None:
    model = base_model()
    with pytest.raises(CodegenError) as raised:
        diff_models(side(model, "a"), side(model, "b"), ["Opp"])
    assert str(raised.value) == (
        "unknown operation 'Opp' in service 'tiny' (a and b) (did you mean 'Op'?)"
    )


# ---------------------------------------------------------------------------
# Real history.


def history(old: str, new: str, operations: list[str] | None = None) -> ApiDiff:
    sides = [
        ModelSide(version, load_model_bytes(
            "connect", gzip.decompress(model_file(version).read_bytes()),
            str(model_file(version)), version,
        ), version)
        for version in (old, new)
    ]  # fmt: skip
    return diff_models(sides[0], sides[1], operations or ["StartEmailContact"])


# The closure of StartEmailContact in 1.35.68 (53 shapes), from the model JSON.
FIRST_CLOSURE = {
    "request": [
        "AttributeName", "AttributeValue", "Attributes", "Body", "ClientToken",
        "ContactFlowId", "ContactReferences", "Description", "EmailAddress",
        "EmailAddressDisplayName", "EmailAddressInfo", "EmailAddressRecipientList",
        "EmailAttachment", "EmailAttachments", "EmailHeaderType", "EmailHeaderValue",
        "EmailHeaders", "EmailMessageContentType", "FileName",
        "InboundAdditionalRecipients", "InboundEmailContent",
        "InboundMessageSourceType", "InboundRawMessage", "InboundSubject",
        "InstanceId", "Name", "PreSignedAttachmentUrl", "Reference", "ReferenceArn",
        "ReferenceKey", "ReferenceStatus", "ReferenceStatusReason", "ReferenceType",
        "ReferenceValue", "SegmentAttributeName", "SegmentAttributeValue",
        "SegmentAttributeValueString", "SegmentAttributes", "StartEmailContactRequest",
    ],
    "response": [
        "AccessDeniedException", "AttachedFileInvalidRequestExceptionReason",
        "AttachedFileServiceQuotaExceededExceptionReason", "IdempotencyException",
        "InternalServiceException", "InvalidRequestException",
        "InvalidRequestExceptionReason", "Message", "ResourceNotFoundException",
        "ServiceQuotaExceededException", "ServiceQuotaExceededExceptionReason",
        "StartEmailContactResponse", "ThrottlingException",
    ],
    # RelatedContactId in the request, ContactId in the response.
    "request, response": ["ContactId"],
}  # fmt: skip

# 1.35.68 -> 1.44.8 inside that closure: limits raised, reference types and a
# status added (EMAIL_MESSAGE_PLAIN_TEXT and friends), SegmentAttributeValue
# grew arn/integer/list/map values. Nothing breaks callers.
FIRST_TO_PINNED = [
    ("constraint-loosened", "EmailAddressRecipientList", "max length 10 -> 50"),
    ("constraint-loosened", "EmailAttachments", "max length 10 -> 50"),
    ("enum-value-added", "ReferenceStatus", "'DRAFTING'"),
    ("enum-value-added", "ReferenceType", "'EMAIL_MESSAGE_PLAIN_TEXT'"),
    ("enum-value-added", "ReferenceType", "'EMAIL_MESSAGE_PLAIN_TEXT_REDACTED'"),
    ("enum-value-added", "ReferenceType", "'EMAIL_MESSAGE_REDACTED'"),
    ("enum-value-added", "ReferenceType", "'VOICEMAIL_ANALYSIS'"),
    ("enum-value-added", "ReferenceType", "'VOICEMAIL_ANALYSIS_REDACTED'"),
    ("enum-value-added", "ReferenceType", "'VOICEMAIL_RECORDING'"),
    ("enum-value-added", "ReferenceType", "'VOICEMAIL_RECORDING_REDACTED'"),
    ("member-added-optional", "SegmentAttributeValue.ValueArn", "str"),
    ("member-added-optional", "SegmentAttributeValue.ValueInteger", "int"),
    (
        "member-added-optional",
        "SegmentAttributeValue.ValueList",
        "list[SegmentAttributeValue]",
    ),
    (
        "member-added-optional",
        "SegmentAttributeValue.ValueMap",
        "dict[str, SegmentAttributeValue]",
    ),
    ("shape-added", "SegmentAttributeValueInteger", "integer"),
    ("shape-added", "SegmentAttributeValueList", "list"),
    ("shape-added", "SegmentAttributeValueMap", "map"),
]


def test_history_the_operation_appears() -> None:
    diff = history(BEFORE, FIRST)
    assert diff.operations == ("StartEmailContact",)
    assert [(c.kind, c.subject) for c in diff.changes if c.kind != "shape-added"] == [
        ("operation-added", "StartEmailContact")
    ]
    added: dict[str, list[str]] = {}
    for change in diff.changes:
        if change.kind == "shape-added":
            added.setdefault(", ".join(change.directions), []).append(change.subject)
    assert added == FIRST_CLOSURE
    assert not diff.breaking
    assert diff.documentation == 0


def test_history_first_to_pinned_reference_types_added() -> None:
    diff = history(FIRST, PINNED)
    assert [(c.kind, c.subject, c.detail) for c in diff.changes] == FIRST_TO_PINNED
    assert {c.directions for c in diff.changes} == {("request",)}
    assert not diff.breaking
    # The operation's doc, 6 shape docs and 32 member docs (counted independently
    # on the JSON, with botocore's member-falls-back-to-shape rule).
    assert diff.documentation == 39


def test_history_going_back_breaks_callers() -> None:
    diff = history(PINNED, FIRST)
    breaking = sorted((c.kind, c.subject) for c in diff.breaking)
    assert breaking == sorted(
        [
            ("constraint-tightened", "EmailAddressRecipientList"),
            ("constraint-tightened", "EmailAttachments"),
            ("enum-value-removed", "ReferenceStatus"),
            *[("enum-value-removed", "ReferenceType")] * 7,
            ("member-removed", "SegmentAttributeValue.ValueArn"),
            ("member-removed", "SegmentAttributeValue.ValueInteger"),
            ("member-removed", "SegmentAttributeValue.ValueList"),
            ("member-removed", "SegmentAttributeValue.ValueMap"),
        ]
    )
    assert len(diff.changes) == len(diff.breaking) + 3  # private shapes removed
    removal = history(PINNED, BEFORE)
    assert ("operation-removed", "StartEmailContact") in [
        (c.kind, c.subject) for c in removal.breaking
    ]


def test_history_all_operations_before_to_pinned() -> None:
    """Every operation: the breaking changes of a year of Connect releases."""
    diff = history(BEFORE, PINNED, ["all"])
    tighter, optional = "constraint-tightened", "member-now-optional"
    assert sorted((c.kind, c.subject, c.directions) for c in diff.breaking) == [
        (tighter, "CreateTrafficDistributionGroupRequest.InstanceId", REQ),
        (tighter, "FileIdList", REQ),  # max none -> 100
        (tighter, "ListTrafficDistributionGroupsRequest.InstanceId", REQ),
        (tighter, "ReplicateInstanceRequest.InstanceId", REQ),
        (tighter, "SearchableContactAttributeKey", REQ),  # min 0 -> 1
        (tighter, "UserPhoneConfig.DeskPhoneNumber", BOTH),  # pattern fixed
        (optional, "EvaluationFormSingleSelectQuestionAutomation.Options", BOTH),
        (optional, "MediaConcurrency.Concurrency", BOTH),
        (optional, "Reference.Value", BOTH),
        (optional, "UserPhoneConfig.PhoneType", BOTH),
        ("member-removed", "ContactFlow.IsDefault", RESP),
    ]  # fmt: skip
    assert "StartEmailContact" in diff.operations
    assert ("operation-added", "StartEmailContact") in [
        (c.kind, c.subject) for c in diff.changes
    ]


def test_report_text_and_json() -> None:
    diff = history(FIRST, PINNED)
    text = report.text(diff).splitlines()
    assert text[0] == ("API diff of connect (StartEmailContact): 1.35.68 -> 1.44.8")
    assert text[1] == (
        "0 breaking, 17 compatible; 39 documentation-only changes (not listed)"
    )
    assert (
        "  [request] ReferenceType: enum value added: 'EMAIL_MESSAGE_PLAIN_TEXT'"
        in text
    )
    document = json.loads(report.as_json(diff))
    assert document["summary"] == {"breaking": 0, "compatible": 17, "documentation": 39}
    assert document["breaking"] is False
    assert document["changes"][0] == {
        "kind": "constraint-loosened",
        "subject": "EmailAddressRecipientList",
        "detail": "max length 10 -> 50",
        "directions": ["request"],
        "verdict": "compatible",
        "note": None,
        "why": "every value that validated before still does",
    }


# ---------------------------------------------------------------------------
# The command line.


def test_diff_help() -> None:
    result = run_codegen("diff", "--help")
    assert result.returncode == 0
    for option in ("OLD", "NEW", "--service", "--operation", "--format"):
        assert option in result.stdout


def test_cli_exit_status_follows_the_verdict() -> None:
    compatible = run_codegen("diff", str(model_file(FIRST)), str(model_file(PINNED)))
    assert compatible.returncode == 0, compatible.stderr
    assert compatible.stdout.splitlines()[1].startswith("0 breaking, 17 compatible")
    breaking = run_codegen(
        "diff", str(model_file(PINNED)), str(model_file(BEFORE)), "--format", "json"
    )
    assert breaking.returncode == 1, breaking.stderr
    document = json.loads(breaking.stdout)
    assert document["breaking"] is True
    assert {"kind": "operation-removed", "subject": "StartEmailContact"}.items() <= (
        next(c for c in document["changes"] if c["kind"] == "operation-removed").items()
    )


def test_cli_installed_version_as_a_side() -> None:
    import botocore

    result = run_codegen("diff", str(model_file(PINNED)), botocore.__version__)
    assert result.returncode == 0, result.stderr
    assert f"-> botocore {botocore.__version__}" in result.stdout.splitlines()[0]


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (
            ["--operation", "StartEmailContac"],
            "unknown operation 'StartEmailContac' in service 'connect' ({old} and "
            "{new}) (did you mean 'StartEmailContact', 'StartOutboundEmailContact' "
            "or 'StartTaskContact'?)",
        ),
    ],
)
def test_cli_bad_input_is_one_line(arguments: list[str], message: str) -> None:
    old, new = str(model_file(FIRST)), str(model_file(PINNED))
    result = run_codegen("diff", old, new, *arguments)
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("codegen: error: " + message.format(old=old, new=new))


def test_cli_missing_model_file(tmp_path: Path) -> None:
    missing = tmp_path / "service-2.json"
    result = run_codegen("diff", str(missing), str(model_file(PINNED)))
    assert result.returncode == 2
    assert result.stderr == f"codegen: error: model file not found: {missing}\n"
