"""Patterns in the generated package: length first, the planned matcher, baked Unicode.

Decision (issue 11): a value above its maximum length is reported for its length
alone; its pattern is not run, so an oversized value costs a ``len`` to reject.
A value below its minimum is still matched (it is short), so both problems show.
"""

from __future__ import annotations

import dataclasses

import pytest

import generated.connect._codecs as codecs
import generated.connect._unicode as baked
from codegen.model.unicode_tables import UNICODE_VERSION
from generated.connect import EmailAttachment, Reference
from generated.connect._patterns import Pattern
from generated.connect._runtime import String, Violation
from tests.sdk.test_connect_shapes import errors_of, realistic


class _Unmatchable(str):
    """A value whose pattern run would fail the test (the pattern reads it)."""

    def __getitem__(self, index: object) -> str:
        raise AssertionError("the pattern was run on an oversized value")


def test_oversized_value_reports_its_length_only() -> None:
    address = "a" * 100_000  # too long (max 255) and no "@": both broken
    request = dataclasses.replace(realistic(), destination_email_address=address)
    assert errors_of(request.validate) == [("DestinationEmailAddress", "length")]


def _on_the_automaton() -> String:
    """Connect's EmailAddress codec, its pattern forced onto the automaton (since
    issue 16 it runs on ``re``; no Connect pattern needs the automaton)."""
    plain = codecs.email_address.pattern
    assert plain is not None and not plain.linear
    linear = Pattern(plain.ecma, plain.python, linear=True)
    return String(min_length=1, max_length=255, pattern=linear)


@pytest.mark.parametrize("on", ["re", "automaton"])
def test_oversized_value_is_not_read_by_the_pattern(on: str) -> None:
    codec = codecs.email_address if on == "re" else _on_the_automaton()
    assert codec.pattern is not None and codec.pattern.linear == (on == "automaton")
    assert codec.accepts("a@b.c") and not codec.accepts("a@b")  # the pattern runs
    errors: list[Violation] = []
    codec.check(_Unmatchable("a" * 256), "Address", errors, False)
    assert [(e.path, e.rule) for e in errors] == [("Address", "length")]
    assert not codec.accepts(_Unmatchable("a" * 256))


def test_short_value_reports_length_and_pattern() -> None:
    arn = " x"  # below the minimum (20) and not matching ^[-:/A-Za-z0-9]+
    assert errors_of(Reference(type="URL", arn=arn).validate) == [
        ("Arn", "length"),
        ("Arn", "pattern"),
    ]


def test_unicode_version_is_recorded_and_used() -> None:
    """U+31350 (assigned in Unicode 15, Lo) is no ``\\p{C}``: the baked tables
    say so, whatever this Python's ``unicodedata`` (14.0 on 3.11) says; Node's
    verdict on it is in test_ecma_regex."""
    assert baked.UNICODE_VERSION == UNICODE_VERSION
    attachment = EmailAttachment(file_name="\U00031350.txt", s3_url="https://s3/x")
    dataclasses.replace(realistic(), attachments=[attachment]).validate()
