"""Build the benchmark payloads (committed as JSON; rerun to refresh them)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent / "payloads"


def _address(index: int, kind: str) -> dict[str, str]:
    return {
        "EmailAddress": f"{kind}{index}@example.com",
        "DisplayName": f"{kind.title()} {index}",
    }


def request(body_chars: int, to_count: int) -> dict[str, Any]:
    """Every member of StartEmailContactRequest set, sized as the issue says."""
    sentence = "Hello, this is a customer writing about order 12345. "
    body = (sentence * (body_chars // len(sentence) + 1))[:body_chars]
    return {
        "InstanceId": "12345678-aaaa-bbbb-cccc-123456789012",
        "FromEmailAddress": _address(0, "customer"),
        "DestinationEmailAddress": "support@example.com",
        "Description": "Customer question about an order",
        "References": {
            "order": {"Type": "URL", "Value": "https://example.com/orders/12345"},
            "ticket": {"Type": "STRING", "Value": "T-42"},
        },
        "Name": "Order question",
        "EmailMessage": {
            "MessageSourceType": "RAW",
            "RawMessage": {
                "Subject": "Where is my order?",
                "Body": body,
                "ContentType": "text/plain",
                "Headers": {
                    "MESSAGE_ID": "<m-1@example.com>",
                    "IN_REPLY_TO": "<m-0@example.com>",
                },
            },
        },
        "AdditionalRecipients": {
            "ToAddresses": [_address(i, "to") for i in range(to_count)],
            "CcAddresses": [_address(i, "cc") for i in range(2)],
        },
        "Attachments": [
            {"FileName": "invoice.pdf", "S3Url": "https://bucket.s3.amazonaws.com/i"},
            {"FileName": "photo.jpg", "S3Url": "https://bucket.s3.amazonaws.com/p"},
        ],
        "ContactFlowId": "846ec553-a005-41c0-8341-123456789012",
        "RelatedContactId": "11111111-2222-3333-4444-555555555555",
        "Attributes": {f"attribute{i}": f"value {i}" for i in range(5)},
        "SegmentAttributes": {
            "connect:ContactExpiry": {
                "ValueMap": {"ExpiryDuration": {"ValueInteger": 135}}
            },
            "connect:Subtype": {"ValueString": "connect:Guide"},
        },
        "ClientToken": "5a7f6c2e-9d1b-4c3a-8e2f-0b1c2d3e4f50",
    }


def main() -> None:
    HERE.mkdir(exist_ok=True)
    for name, payload in {
        "realistic": request(body_chars=2048, to_count=3),
        "large": request(body_chars=1024 * 1024, to_count=50),
    }.items():
        text = json.dumps(payload, indent=1, sort_keys=True) + "\n"
        (HERE / f"{name}.json").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
