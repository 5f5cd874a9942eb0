"""``from_dict(validate=True)`` builds each instance as a mutable twin of its
class (``_shape.draft_class``) and then assigns its ``__class__``; what comes
out must be indistinguishable from an instance built by the class's own
``__init__`` — the dataclass machinery is the oracle — for the generated
classes and for subclasses users derive from them."""

from __future__ import annotations

import copy
import pickle
from dataclasses import FrozenInstanceError, dataclass, fields

import pytest

from generated.connect import EmailAddressInfo, StartEmailContactRequest
from tests.sdk.sample_requests import make_request

ADDRESS = {"EmailAddress": "a@example.com", "DisplayName": "A"}


@dataclass(frozen=True, slots=True, kw_only=True, repr=False)
class SlottedAddress(EmailAddressInfo):
    """A dataclass subclass adding no field: the same layout."""


class PlainAddress(EmailAddressInfo):
    """A plain subclass: it gains a ``__dict__``, another layout."""


@pytest.mark.parametrize("cls", [EmailAddressInfo, SlottedAddress, PlainAddress])
def test_the_instance_is_of_the_class_asked_and_equals_its_init(
    cls: type[EmailAddressInfo],
) -> None:
    made = cls.from_dict(ADDRESS, validate=True)
    expected = cls(email_address="a@example.com", display_name="A")
    assert type(made) is cls
    assert made == expected
    assert hash(made) == hash(expected)
    assert [getattr(made, f.name) for f in fields(made)] == ["a@example.com", "A"]
    with pytest.raises(FrozenInstanceError):
        made.display_name = "B"  # type: ignore[misc]
    assert copy.deepcopy(made) == made
    assert pickle.loads(pickle.dumps(made)) == made


def test_a_whole_request_is_made_of_the_generated_classes_only() -> None:
    """No twin ever escapes: every nested instance is of a generated class."""
    request = make_request()
    made = StartEmailContactRequest.from_dict(request.to_dict(), validate=True)
    assert made == request
    seen = []
    stack: list[object] = [made]
    while stack:
        item = stack.pop()
        if isinstance(item, (list, tuple)):
            stack.extend(item)
        elif isinstance(item, dict):
            stack.extend(item.values())
        elif hasattr(item, "__dataclass_fields__"):
            seen.append(type(item))
            stack.extend(getattr(item, f.name) for f in fields(item))  # type: ignore[arg-type]
    assert len(seen) > 5
    assert all(not t.__name__.endswith("Draft") for t in seen)
    assert all(t.__module__.startswith("generated.connect.shapes") for t in seen)
