"""A hand-written pydantic v2 model of StartEmailContactRequest, for comparison only.

Same members, wire names (aliases) and constraints as the botocore model: what a
user would write by hand instead of generating. Patterns use pydantic's regex
engine, which is close to but not exactly ECMA-262.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

EmailAddress = Annotated[
    str,
    StringConstraints(
        min_length=1, max_length=255, pattern=r"[^\s@]+@[^\s@]+\.[^\s@]+"
    ),
]
HeaderType = Literal[
    "REFERENCES",
    "MESSAGE_ID",
    "IN_REPLY_TO",
    "X_SES_SPAM_VERDICT",
    "X_SES_VIRUS_VERDICT",
]
ReferenceType = Literal[
    "URL",
    "ATTACHMENT",
    "CONTACT_ANALYSIS",
    "NUMBER",
    "STRING",
    "DATE",
    "EMAIL",
    "EMAIL_MESSAGE",
    "EMAIL_MESSAGE_PLAIN_TEXT",
    "EMAIL_MESSAGE_PLAIN_TEXT_REDACTED",
    "EMAIL_MESSAGE_REDACTED",
    "VOICEMAIL_RECORDING",
    "VOICEMAIL_RECORDING_REDACTED",
    "VOICEMAIL_ANALYSIS",
    "VOICEMAIL_ANALYSIS_REDACTED",
]
ReferenceStatus = Literal[
    "AVAILABLE", "DELETED", "APPROVED", "REJECTED", "PROCESSING", "FAILED", "DRAFTING"
]


def text(low: int | None = None, high: int | None = None) -> object:
    return StringConstraints(min_length=low, max_length=high)


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class EmailAddressInfo(Model):
    email_address: EmailAddress = Field(alias="EmailAddress")
    display_name: Annotated[str, text(0, 256)] | None = Field(None, alias="DisplayName")


class Reference(Model):
    value: Annotated[str, text(0, 4096)] | None = Field(None, alias="Value")
    type: ReferenceType = Field(alias="Type")
    status: ReferenceStatus | None = Field(None, alias="Status")
    arn: (
        Annotated[
            str,
            StringConstraints(
                min_length=20, max_length=256, pattern=r"^[-:/A-Za-z0-9]+"
            ),
        ]
        | None
    ) = Field(None, alias="Arn")
    status_reason: Annotated[str, text(0, 100)] | None = Field(
        None, alias="StatusReason"
    )


class InboundRawMessage(Model):
    subject: Annotated[str, text(0, 998)] = Field(alias="Subject")
    body: Annotated[str, text(1, 5242880)] = Field(alias="Body")
    content_type: Annotated[str, text(1, 100)] = Field(alias="ContentType")
    headers: dict[HeaderType, Annotated[str, text(1, 20000)]] | None = Field(
        None, alias="Headers"
    )


class InboundEmailContent(Model):
    message_source_type: Literal["RAW"] = Field(alias="MessageSourceType")
    raw_message: InboundRawMessage | None = Field(None, alias="RawMessage")


Addresses = Annotated[list[EmailAddressInfo], Field(min_length=1, max_length=50)]


class InboundAdditionalRecipients(Model):
    to_addresses: Addresses | None = Field(None, alias="ToAddresses")
    cc_addresses: Addresses | None = Field(None, alias="CcAddresses")


class EmailAttachment(Model):
    file_name: Annotated[
        str, StringConstraints(min_length=1, max_length=256, pattern=r"^\P{C}*$")
    ] = Field(alias="FileName")
    s3_url: Annotated[str, text(1, 2000)] = Field(alias="S3Url")


class SegmentAttributeValue(Model):
    value_string: Annotated[str, text(0, 1024)] | None = Field(
        None, alias="ValueString"
    )
    value_map: dict[Annotated[str, text(1, 128)], SegmentAttributeValue] | None = Field(
        None, alias="ValueMap"
    )
    value_integer: Annotated[int, Field(ge=-(2**31), le=2**31 - 1)] | None = Field(
        None, alias="ValueInteger"
    )
    value_list: list[SegmentAttributeValue] | None = Field(None, alias="ValueList")
    value_arn: Annotated[str, text(0, 1024)] | None = Field(None, alias="ValueArn")


Attachments = Annotated[list[EmailAttachment], Field(min_length=1, max_length=50)]
Attributes = dict[Annotated[str, text(1, 32767)], Annotated[str, text(0, 32767)]]
SegmentAttributes = dict[Annotated[str, text(1, 128)], SegmentAttributeValue]


class StartEmailContactRequest(Model):
    instance_id: Annotated[str, text(1, 100)] = Field(alias="InstanceId")
    from_email_address: EmailAddressInfo = Field(alias="FromEmailAddress")
    destination_email_address: EmailAddress = Field(alias="DestinationEmailAddress")
    description: Annotated[str, text(0, 4096)] | None = Field(None, alias="Description")
    references: dict[Annotated[str, text(1, 4096)], Reference] | None = Field(
        None, alias="References"
    )
    name: Annotated[str, text(0, 1024)] | None = Field(None, alias="Name")
    email_message: InboundEmailContent = Field(alias="EmailMessage")
    additional_recipients: InboundAdditionalRecipients | None = Field(
        None, alias="AdditionalRecipients"
    )
    attachments: Attachments | None = Field(None, alias="Attachments")
    contact_flow_id: Annotated[str, text(None, 500)] | None = Field(
        None, alias="ContactFlowId"
    )
    related_contact_id: Annotated[str, text(1, 256)] | None = Field(
        None, alias="RelatedContactId"
    )
    attributes: Attributes | None = Field(None, alias="Attributes")
    segment_attributes: SegmentAttributes | None = Field(
        None, alias="SegmentAttributes"
    )
    client_token: Annotated[str, text(None, 500)] | None = Field(
        None, alias="ClientToken"
    )
