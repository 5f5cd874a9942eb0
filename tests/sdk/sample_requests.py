"""One valid StartEmailContact request, shared by the client tests (Stubber, HTTP)."""

from __future__ import annotations

from typing import Any

from generated.connect import (
    EmailAddressInfo,
    InboundAdditionalRecipients,
    InboundEmailContent,
    InboundRawMessage,
    Reference,
    SegmentAttributeValue,
    StartEmailContactRequest,
)


def make_request(**overrides: Any) -> StartEmailContactRequest:
    """A valid request using most members of the model, ``overrides`` replaced.

    Non-ASCII text and a two-line body, so that what botocore sends (or the
    Stubber expects) covers encoding.
    """
    values: dict[str, Any] = {
        "instance_id": "11111111-2222-3333-4444-555555555555",
        "from_email_address": EmailAddressInfo(
            email_address="customer@example.com", display_name="Customer"
        ),
        "destination_email_address": "support@example.com",
        "email_message": InboundEmailContent(
            message_source_type="RAW",
            raw_message=InboundRawMessage(
                subject="Hello ünïcode ✓",
                body="A body\nwith two lines",
                content_type="text/plain",
                headers={"MESSAGE_ID": "<m-1@example.com>"},
            ),
        ),
        "description": "a description",
        "name": "a name",
        "additional_recipients": InboundAdditionalRecipients(
            to_addresses=[EmailAddressInfo(email_address="to@example.com")],
            cc_addresses=[EmailAddressInfo(email_address="cc@example.com")],
        ),
        "references": {"ticket": Reference(type="STRING", value="T-1")},
        "attributes": {"key": "value"},
        # Members every botocore since 1.35.68 knows, so the vendored-copy matrix
        # (docs/vendoring.md) can send it; the nested map has its own test.
        "segment_attributes": {
            "connect:Subtype": SegmentAttributeValue(value_string="connect:Guide")
        },
    }
    values.update(overrides)
    return StartEmailContactRequest(**values)
