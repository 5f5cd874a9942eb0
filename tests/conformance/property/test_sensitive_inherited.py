"""Property: sensitivity is inherited by everything under a sensitive ancestor.

Every string of a parameter dict (member values, list entries, map keys and
values) carries a canary; the canaries of strings under a sensitive member or
shape (botocore's model, walked by ``sites.py``) never appear in the ``repr``,
``str`` or any message of the object read, nor of any object inside it, nor
when such an inner object is read, validated or printed on its own (the model
marks ``EmailAttachments`` sensitive, not the ``EmailAttachment`` in it).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generated.connect import ValidationError

from . import strategies as S
from .profiles import examples
from .sites import replaced, sites

SECRET = "\u27e6"  # in every string under a sensitive ancestor
PLAIN = "\u27e7"  # in every other string: allowed to show


def _leaks(text: str) -> bool:
    return SECRET in text or "\\u27e6" in text


def _canaried(params: Any, name: str) -> tuple[Any, list[tuple[Any, ...]]]:
    """``params`` with a canary in every string; and where the sensitive map
    values are (to break them later, so that their keys end up in a path)."""
    sensitive_values = []
    for site in reversed(sites(params, name)):  # deepest first: keys rename last
        if not site.steps or not isinstance(site.value, str):
            continue
        mark = SECRET if site.sensitive else PLAIN
        params = replaced(params, site.steps, f"{mark}{site.value}")
        if site.sensitive and site.steps[-1][0] == "value":
            sensitive_values.append(site.steps)
    return params, sensitive_values


def _inner(value: Any) -> Iterator[Any]:
    """Every generated object, list and dict in a value (itself included); not
    the strings: a string is the caller's own value, not a printout of it."""
    if isinstance(value, (list, dict)) or dataclasses.is_dataclass(value):
        yield value
    if isinstance(value, list):
        for item in value:
            yield from _inner(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _inner(item)
    elif dataclasses.is_dataclass(value):
        for item in dataclasses.fields(value):
            yield from _inner(getattr(value, item.name))


def _check_error(error: ValidationError) -> None:
    texts = [str(error), repr(error), repr(error.errors)]
    texts += [f"{v.path} {v.message} {v}" for v in error.errors]
    for text in texts:
        assert not _leaks(text), text


def _read(cls: Any, data: Any) -> Any:
    for strict in (True, False):
        try:
            return cls.from_dict(data, strict=strict)
        except ValidationError as error:
            _check_error(error)
    return None


def _check_object(obj: Any) -> None:
    """``obj`` and all inside it print nothing secret; validating each inner
    structure on its own and reading it back from its dict neither."""
    for inner in _inner(obj):
        for text in (repr(inner), str(inner)):
            assert not _leaks(text), text
        if dataclasses.is_dataclass(inner):
            try:
                inner.validate()  # type: ignore[union-attr]
            except ValidationError as error:
                _check_error(error)
            _read(type(inner), inner.to_dict())  # type: ignore[union-attr]


@pytest.mark.parametrize("name", S.PLAIN)
@examples(40)
@given(data=st.data())
def test_nothing_under_a_sensitive_ancestor_shows(
    name: str, data: st.DataObject
) -> None:
    """Oracle: botocore's model (``sensitive`` on a member or shape, inherited
    by all below it, as ``sites.py`` walks it) and canary characters."""
    params = data.draw(S.params(name, full=True), label="params")
    params, sensitive_values = _canaried(params, name)
    obj = _read(S.cls_of(name), params)
    if obj is not None:
        _check_object(obj)
    # Each sensitive map value of the wrong type: its key is in the path.
    for steps in sensitive_values:
        _read(S.cls_of(name), replaced(params, steps, 12345))


def test_every_string_under_sensitive_attachments_is_hidden() -> None:
    """The finding itself: ``EmailAttachments`` is sensitive, the structure in it
    is not, yet its file name and URL never show (oracle: botocore's model)."""
    attachments = S.structure("StartEmailContactRequest").members["Attachments"]
    assert S.is_sensitive(attachments)
    assert not S.is_sensitive(S.shape("EmailAttachment"))
    cls = S.cls_of("EmailAttachment")
    attachment = cls(file_name=f"{SECRET}\x00.pdf", s3_url=f"bad {SECRET}")
    assert not _leaks(repr(attachment) + str(attachment) + repr([attachment]))
    with pytest.raises(ValidationError) as raised:
        attachment.validate()
    _check_error(raised.value)
    with pytest.raises(ValidationError) as raised:
        cls.from_dict({"FileName": SECRET, "S3Url": 5})
    _check_error(raised.value)
