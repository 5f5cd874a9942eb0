"""Codec names are snake_case, unique, and safe to assign in ``_codecs.py``
(Python's own ``keyword`` and ``builtins`` are the oracles)."""

from __future__ import annotations

import builtins
import keyword

from codegen.generate.codec_names import codec_names


def test_codec_names_are_snake_case_and_never_a_class_name() -> None:
    names = codec_names(["EmailAddressInfo", "S3Url", "Message"])
    assert names == {
        "EmailAddressInfo": "email_address_info",
        "Message": "message",
        "S3Url": "s3_url",
    }


def test_colliding_and_reserved_names_get_distinct_safe_names() -> None:
    shapes = ["ARN", "Arn", "arn", "Class", "List", "Shapes", "Datetime", "None"]
    names = codec_names(shapes)
    assert len(set(names.values())) == len(shapes)
    for name in names.values():
        assert name.isidentifier() and not keyword.iskeyword(name)
        assert name not in dir(builtins)
        assert name not in {"shapes", "datetime", "get_args", "annotations"}
    assert names["ARN"] == "arn" and names["Arn"] == "arn_"
