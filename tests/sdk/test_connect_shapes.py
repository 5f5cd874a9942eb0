"""The generated Connect shapes, checked against botocore's model and validator.

Expectations are computed from botocore's ``ServiceModel`` here, not from the
generator's IR, so a bug shared by the generator and its tests cannot hide.
"""

from __future__ import annotations

import dataclasses
import keyword
import re
import typing
from collections.abc import Iterator, Mapping
from datetime import datetime
from types import GenericAlias
from typing import Any

import botocore.model
import botocore.session
import pytest
from botocore import xform_name
from botocore.validate import ParamValidator

import generated.connect as connect
from generated.connect import (
    EmailAddressInfo,
    EmailAttachment,
    InboundAdditionalRecipients,
    InboundEmailContent,
    InboundRawMessage,
    Reference,
    SegmentAttributeValue,
    StartEmailContactRequest,
    StartEmailContactResponse,
    ValidationError,
)
from tests.support import reachable

MODEL = botocore.session.get_session().get_service_model("connect")
OPERATION = MODEL.operation_model("StartEmailContact")
assert OPERATION.input_shape is not None
INPUT = OPERATION.input_shape
SECRET = "ZZSECRETZZ"


def closure() -> dict[str, botocore.model.Shape]:
    roots = [OPERATION.input_shape, OPERATION.output_shape, *OPERATION.error_shapes]
    return reachable(*(root for root in roots if root is not None))


STRUCTURES = sorted(
    name for name, shape in closure().items() if shape.type_name == "structure"
)
PLAIN = [name for name in STRUCTURES if not closure()[name].metadata.get("exception")]

_SCALARS: dict[str, Any] = {
    "string": str,
    "integer": int,
    "long": int,
    "boolean": bool,
    "float": float,
    "double": float,
    "timestamp": datetime,
    "blob": bytes,
}


def expected_type(shape: botocore.model.Shape) -> Any:
    """The Python type the issue specifies for a botocore shape."""
    if shape.type_name == "structure":
        return getattr(connect, shape.name)
    if isinstance(shape, botocore.model.ListShape):
        return GenericAlias(list, (expected_type(shape.member),))
    if isinstance(shape, botocore.model.MapShape):
        return GenericAlias(
            dict, (expected_type(shape.key), expected_type(shape.value))
        )
    if isinstance(shape, botocore.model.StringShape) and shape.enum:
        return typing.Literal[tuple(shape.enum)]
    return _SCALARS[shape.type_name]


def field_name(member: str) -> str:
    name = xform_name(member)
    return name + "_" if keyword.iskeyword(name) else name


def realistic() -> StartEmailContactRequest:
    return StartEmailContactRequest(
        instance_id="12345678-aaaa-bbbb-cccc-123456789012",
        from_email_address=EmailAddressInfo(
            email_address="customer@example.com", display_name="Customer"
        ),
        destination_email_address="support@example.com",
        description="A question",
        references={
            "doc": Reference(type="URL", value="https://example.com"),
            "num": Reference(type="NUMBER", value="42"),
        },
        name="Question",
        email_message=InboundEmailContent(
            message_source_type="RAW",
            raw_message=InboundRawMessage(
                subject="Hello",
                body="Body text",
                content_type="text/plain",
                headers={"MESSAGE_ID": "<id@example.com>", "IN_REPLY_TO": "<x@y>"},
            ),
        ),
        additional_recipients=InboundAdditionalRecipients(
            to_addresses=[EmailAddressInfo(email_address="to@example.com")],
            cc_addresses=[EmailAddressInfo(email_address="cc@example.com")],
        ),
        attachments=[
            EmailAttachment(file_name="report.pdf", s3_url="https://s3.example/r")
        ],
        contact_flow_id="flow-1",
        related_contact_id="contact-0",
        attributes={"tier": "gold"},
        segment_attributes={
            "connect:ContactExpiry": SegmentAttributeValue(
                value_map={"ExpiryDuration": SegmentAttributeValue(value_integer=135)}
            )
        },
        client_token="token-1",
    )


def errors_of(call: Any) -> list[tuple[str, str]]:
    with pytest.raises(ValidationError) as caught:
        call()
    return [(error.path, error.rule) for error in caught.value.errors]


def botocore_paths(params: Mapping[str, Any]) -> list[str]:
    """The parameter names botocore's own validator complains about."""
    report = ParamValidator().validate(params, INPUT).generate_report()
    return re.findall(r"parameter (?:in )?([^\s,:]+(?: \(key: [^)]*\))?)", report)


# --- the classes and their types -------------------------------------------------


def test_every_structure_of_the_closure_is_exported_by_its_model_name() -> None:
    assert len(STRUCTURES) == 18  # request, response, 7 errors and 9 nested
    for name in STRUCTURES:
        assert name in connect.__all__
        assert getattr(connect, name).__name__ == name


@pytest.mark.parametrize("name", PLAIN)
def test_shape_classes_are_frozen_slotted_keyword_only_dataclasses(name: str) -> None:
    cls = getattr(connect, name)
    assert dataclasses.is_dataclass(cls)
    assert cls.__dict__["__dataclass_params__"].frozen
    assert "__slots__" in cls.__dict__
    assert all(field.kw_only for field in dataclasses.fields(cls))


@pytest.mark.parametrize("name", STRUCTURES)
def test_fields_follow_the_model(name: str) -> None:
    shape = closure()[name]
    assert isinstance(shape, botocore.model.StructureShape)
    hints = typing.get_type_hints(getattr(connect, name))
    required = set(shape.required_members)
    names = []
    for member, target in shape.members.items():
        python = field_name(member)
        names.append(python)
        expected = expected_type(target)
        assert hints[python] == (expected if member in required else expected | None)
    if shape.is_tagged_union:
        # A union also keeps the name of a member botocore reports as unknown.
        assert hints["sdk_unknown_member"] == str | None
        names.append("sdk_unknown_member")
    if name in PLAIN:
        order = [field.name for field in dataclasses.fields(getattr(connect, name))]
        assert sorted(order) == sorted(names)
        required_first = [field_name(m) for m in shape.members if m in required]
        assert order[: len(required_first)] == required_first


def test_recursive_shape_keeps_its_exact_type() -> None:
    hints = typing.get_type_hints(SegmentAttributeValue)
    assert hints["value_map"] == dict[str, SegmentAttributeValue] | None
    assert hints["value_list"] == list[SegmentAttributeValue] | None


def test_instances_are_immutable_and_keyword_only() -> None:
    info = EmailAddressInfo(email_address="a@b.co")
    with pytest.raises(dataclasses.FrozenInstanceError):
        info.email_address = "c@d.co"  # type: ignore[misc]
    with pytest.raises(TypeError):
        EmailAddressInfo("a@b.co")  # type: ignore[call-arg]


# --- to_dict / from_dict against botocore -----------------------------------------


def test_realistic_request_is_valid_for_us_and_for_botocore() -> None:
    request = realistic()
    request.validate()
    report = ParamValidator().validate(request.to_dict(), INPUT)
    assert not report.has_errors(), report.generate_report()
    assert StartEmailContactRequest.from_dict(request.to_dict()) == request


def test_to_dict_keeps_empty_containers_distinct_from_unset() -> None:
    recipients = InboundAdditionalRecipients(to_addresses=[])
    assert recipients.to_dict() == {"ToAddresses": []}
    assert InboundAdditionalRecipients().to_dict() == {}
    value = SegmentAttributeValue(value_map={})
    assert value.to_dict() == {"ValueMap": {}}
    assert SegmentAttributeValue.from_dict({"ValueMap": {}}) == value


def test_from_dict_on_a_request_reports_every_structural_problem_like_botocore() -> (
    None
):
    params = {
        "InstanceId": 7,
        "FromEmailAddress": {"EmailAddress": "a@b.co", "Nickname": "x"},
        "EmailMessage": {"MessageSourceType": "RAW", "RawMessage": {"Subject": "s"}},
        "Attachments": [{"FileName": "f"}],
        "Attributes": {"k": 1},
        "Surprise": True,
    }
    ours = errors_of(lambda: StartEmailContactRequest.from_dict(params))
    assert sorted(ours) == sorted(
        [
            ("InstanceId", "type"),
            ("FromEmailAddress.Nickname", "unknown"),
            ("DestinationEmailAddress", "required"),
            ("EmailMessage.RawMessage.Body", "required"),
            ("EmailMessage.RawMessage.ContentType", "required"),
            ("Attachments[0].S3Url", "required"),
            ("Attributes.k", "type"),
            ("Surprise", "unknown"),
        ]
    )
    report = ParamValidator().validate(params, INPUT).generate_report()
    for fragment in (
        "Invalid type for parameter InstanceId",
        'Unknown parameter in FromEmailAddress: "Nickname"',
        'Missing required parameter in input: "DestinationEmailAddress"',
        'Missing required parameter in EmailMessage.RawMessage: "Body"',
        'Missing required parameter in Attachments[0]: "S3Url"',
        "Invalid type for parameter Attributes.k",
        'Unknown parameter in input: "Surprise"',
    ):
        assert fragment in report


def test_from_dict_on_a_response_ignores_unknown_keys_and_enum_values() -> None:
    response = StartEmailContactResponse.from_dict(
        {"ContactId": "c-1", "NewMember": {"x": 1}, "ResponseMetadata": {}}
    )
    assert response == StartEmailContactResponse(contact_id="c-1")
    reference = Reference.from_dict({"Type": "BRAND_NEW_TYPE"}, strict=False)
    # Typed as the model's enum; the value read is one the model does not know yet.
    read: str = reference.type
    assert read == "BRAND_NEW_TYPE"
    assert errors_of(reference.validate) == [("Type", "enum")]


def test_from_dict_never_rejects_an_unknown_enum_value_even_when_strict() -> None:
    reference = Reference.from_dict({"Type": "FUTURE"})
    read: str = reference.type
    assert read == "FUTURE"


def test_from_dict_rejects_explicit_none_like_botocore() -> None:
    params = {"EmailAddress": "a@b.co", "DisplayName": None}
    assert errors_of(lambda: EmailAddressInfo.from_dict(params)) == [
        ("DisplayName", "type")
    ]
    lenient = EmailAddressInfo.from_dict(params, strict=False)
    assert lenient == EmailAddressInfo(email_address="a@b.co")


# --- validate(): the model's constraints with Smithy's semantics ---------------------


def raw(**changes: Any) -> StartEmailContactRequest:
    message = dataclasses.replace(
        InboundRawMessage(subject="s", body="b", content_type="text/plain"), **changes
    )
    return dataclasses.replace(
        realistic(),
        email_message=InboundEmailContent(
            message_source_type="RAW", raw_message=message
        ),
    )


def test_lengths_count_code_points_not_utf16_units_or_bytes() -> None:
    raw(subject="\U0001f600" * 998).validate()  # 998 code points, 1996 UTF-16 units
    assert errors_of(raw(subject="\U0001f600" * 999).validate) == [
        ("EmailMessage.RawMessage.Subject", "length")
    ]
    raw(subject="e\u0301" * 499).validate()  # combining marks count separately
    assert errors_of(raw(subject="e\u0301" * 500).validate) == [
        ("EmailMessage.RawMessage.Subject", "length")
    ]


def test_length_boundaries_are_inclusive_and_agree_with_botocore_minimums() -> None:
    request = dataclasses.replace(realistic(), instance_id="")
    assert errors_of(request.validate) == [("InstanceId", "length")]
    assert botocore_paths(request.to_dict()) == ["InstanceId"]
    dataclasses.replace(realistic(), instance_id="x").validate()
    dataclasses.replace(realistic(), instance_id="x" * 100).validate()
    too_long = dataclasses.replace(realistic(), instance_id="x" * 101)
    assert errors_of(too_long.validate) == [("InstanceId", "length")]


def test_list_and_map_lengths_count_entries() -> None:
    many = [EmailAddressInfo(email_address=f"u{i}@x.io") for i in range(51)]
    request = dataclasses.replace(
        realistic(),
        additional_recipients=InboundAdditionalRecipients(cc_addresses=many),
    )
    assert errors_of(request.validate) == [
        ("AdditionalRecipients.CcAddresses", "length")
    ]
    empty = dataclasses.replace(realistic(), attachments=[])
    assert errors_of(empty.validate) == [("Attachments", "length")]
    assert botocore_paths(empty.to_dict()) == ["Attachments"]


@pytest.mark.parametrize(
    ("address", "valid"),
    [
        ("a@b.co", True),
        ("first last@example.com", True),  # unanchored: "last@example.com" matches
        ("a@b.co\n", True),  # unanchored, no $ in the pattern
        ("a@b", False),
        ("@b.co", False),
        ("\ufeff@b.co", False),  # U+FEFF is ECMA whitespace (not in Python's \s)
        ("\u00a0@b.co", False),
        ("\x1c@b.co", True),  # U+001C is Python whitespace but not ECMA's
        ("\u0663@\u0664.\u0665", True),
    ],
)
def test_email_pattern_has_ecma_semantics(address: str, valid: bool) -> None:
    request = dataclasses.replace(realistic(), destination_email_address=address)
    if valid:
        request.validate()
    else:
        assert errors_of(request.validate) == [("DestinationEmailAddress", "pattern")]


@pytest.mark.parametrize(
    ("file_name", "valid"),
    [
        ("report.pdf", True),
        ("r\u00e9sum\u00e9 \U0001f600.pdf", True),
        ("line\nbreak.txt", False),  # Cc
        ("zero\u200bwidth.txt", False),  # Cf
        ("private\ue000use.txt", False),  # Co
        ("\u0378unassigned.txt", False),  # Cn
        ("a.txt\n", False),  # $ does not match before a trailing newline
    ],
)
def test_file_name_pattern_uses_unicode_categories(file_name: str, valid: bool) -> None:
    attachment = EmailAttachment(file_name=file_name, s3_url="https://s3.example/r")
    request = dataclasses.replace(realistic(), attachments=[attachment])
    if valid:
        request.validate()
    else:
        assert errors_of(request.validate) == [("Attachments[0].FileName", "pattern")]


def test_reference_arn_pattern_is_not_anchored_at_the_end() -> None:
    arn = "arn:aws:connect:us-east-1:1:thing then anything"
    Reference(type="URL", arn=arn).validate()
    assert errors_of(Reference(type="URL", arn=" " + arn).validate) == [
        ("Arn", "pattern")
    ]


def test_integer_width_and_bool_is_not_int() -> None:
    def segment(value: Any) -> StartEmailContactRequest:
        attribute = SegmentAttributeValue(value_integer=value)
        return dataclasses.replace(realistic(), segment_attributes={"k": attribute})

    segment(2**31 - 1).validate()
    segment(-(2**31)).validate()
    assert errors_of(segment(2**31).validate) == [
        ("SegmentAttributes.k.ValueInteger", "range")
    ]
    assert errors_of(segment(True).validate) == [
        ("SegmentAttributes.k.ValueInteger", "type")
    ]


def test_enum_values_and_enum_map_keys_are_checked() -> None:
    bad_type = dataclasses.replace(
        realistic(), references={"r": Reference(type="NOPE")}  # type: ignore[arg-type]
    )
    assert errors_of(bad_type.validate) == [("References.r.Type", "enum")]
    bad_header = raw(headers={"X_UNKNOWN": "v"})
    assert errors_of(bad_header.validate) == [
        ("EmailMessage.RawMessage.Headers (key: X_UNKNOWN)", "enum")
    ]


def test_every_violation_is_reported_at_once() -> None:
    request = dataclasses.replace(
        realistic(),
        instance_id="",
        destination_email_address="nope",
        attachments=[EmailAttachment(file_name="", s3_url="")],
        attributes={"": "v"},
    )
    assert errors_of(request.validate) == [
        ("InstanceId", "length"),
        ("DestinationEmailAddress", "pattern"),
        ("Attachments[0].FileName", "length"),
        ("Attachments[0].S3Url", "length"),
        ("Attributes (key: )", "length"),
    ]
    assert sorted(botocore_paths(request.to_dict())) == sorted(
        [
            "InstanceId",
            "Attachments[0].FileName",
            "Attachments[0].S3Url",
            "Attributes (key: )",
        ]
    )


def test_wrong_python_types_are_reported_not_crashed_on() -> None:
    request = dataclasses.replace(
        realistic(),
        instance_id=5,  # type: ignore[arg-type]
        from_email_address="a@b.co",  # type: ignore[arg-type]
        attachments=({"FileName": "x"},),  # type: ignore[arg-type]
    )
    assert errors_of(request.validate) == [
        ("InstanceId", "type"),
        ("FromEmailAddress", "type"),
        ("Attachments", "type"),
    ]


def test_missing_required_member_is_reported() -> None:
    info = EmailAddressInfo(email_address=None)  # type: ignore[arg-type]
    assert errors_of(info.validate) == [("EmailAddress", "required")]


def test_validation_error_is_a_value_error_with_readable_text() -> None:
    with pytest.raises(ValueError, match=r"1 validation error: InstanceId: length 0"):
        dataclasses.replace(realistic(), instance_id="").validate()


# --- sensitive members --------------------------------------------------------------


def secret_request() -> StartEmailContactRequest:
    return StartEmailContactRequest(
        instance_id="i",
        from_email_address=EmailAddressInfo(
            email_address=f"{SECRET}@", display_name=SECRET
        ),
        destination_email_address=f"{SECRET} ",
        description=SECRET * 1000,
        name=SECRET * 200,
        email_message=InboundEmailContent(
            message_source_type="RAW",
            raw_message=InboundRawMessage(
                subject=SECRET * 100, body="", content_type="text/plain"
            ),
        ),
        attachments=[EmailAttachment(file_name=f"{SECRET}\n", s3_url="")],
    )


def test_sensitive_members_never_show_in_repr_str_or_messages() -> None:
    request = secret_request()
    assert SECRET not in repr(request)
    assert SECRET not in str(request)
    with pytest.raises(ValidationError) as caught:
        request.validate()
    rules = {(error.path, error.rule) for error in caught.value.errors}
    assert ("FromEmailAddress.EmailAddress", "pattern") in rules
    assert ("Attachments[0].FileName", "pattern") in rules
    assert ("Name", "length") in rules
    text = str(caught.value) + repr(caught.value.errors)
    assert SECRET not in text


def _under_sensitive() -> set[str]:
    """Structures botocore's model reaches below a sensitive member or shape."""
    return set(
        reachable(
            *(
                target
                for shape in closure().values()
                if isinstance(shape, botocore.model.StructureShape)
                for target in shape.members.values()
                if target.metadata.get("sensitive")
            )
        )
    )


def test_sensitive_members_are_the_ones_the_model_marks() -> None:
    """Those the model marks, and every member of a structure under one (the
    model marks ``EmailAttachments`` sensitive, not ``EmailAttachment``)."""
    marked = set()
    inherited = _under_sensitive()
    assert "EmailAttachment" in inherited
    for name in PLAIN:
        shape = closure()[name]
        assert isinstance(shape, botocore.model.StructureShape)
        for member, target in shape.members.items():
            if target.metadata.get("sensitive") or name in inherited:
                marked.add(f"{name}.{field_name(member)}")
    hidden = {
        f"{name}.{field.name}"
        for name in PLAIN
        for field in dataclasses.fields(getattr(connect, name))
        if field.metadata.get("sensitive")
    }
    assert hidden == marked
    assert "InboundRawMessage.subject" in hidden and "InboundRawMessage.body" in hidden


def iter_docstrings() -> Iterator[str]:
    for name in PLAIN:
        yield getattr(connect, name).__doc__ or ""


def test_docstrings_come_from_the_model_as_plain_text() -> None:
    doc = EmailAddressInfo.__doc__ or ""
    assert doc == "Contains information about a source or destination email address."
    assert all("<p>" not in text for text in iter_docstrings())
