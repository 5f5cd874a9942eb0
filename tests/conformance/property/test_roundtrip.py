"""Property 1: to_dict and from_dict round trips, over every structure of the closure.

Valid values come from ``strategies.py``, which reads botocore's model (not the
generator's IR): parameter dicts in wire form, and objects built directly with
the generated constructors.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from . import strategies as S
from .profiles import examples


def typed(value: Any) -> Any:
    """``value`` with every leaf paired with its exact type (``True`` is not ``1``)."""
    if isinstance(value, dict):
        return {key: typed(item) for key, item in value.items()}
    if isinstance(value, list):
        return [typed(item) for item in value]
    kind = str if isinstance(value, str) else type(value)
    return (kind.__name__, value)


@pytest.mark.parametrize("name", S.STRUCTURES)
@examples(80)
@given(data=st.data())
def test_to_dict_inverts_from_dict_on_valid_params(
    name: str, data: st.DataObject
) -> None:
    """``to_dict(from_dict(d)) == d`` for every valid parameter dict ``d``.

    Oracle: the identity on ``d``, a dict drawn from botocore's model (wire
    names, ``[]``/``{}`` and absent members both drawn), compared with exact
    leaf types and read with each strictness.
    """
    params = data.draw(S.params(name), label="params")
    cls = S.cls_of(name)
    for strict in (None, True, False):
        back = cls.from_dict(params, strict=strict).to_dict()
        assert typed(back) == typed(params)


@pytest.mark.parametrize("name", S.STRUCTURES)
@examples(80)
@given(data=st.data())
def test_from_dict_inverts_to_dict_on_valid_objects(
    name: str, data: st.DataObject
) -> None:
    """``from_dict(to_dict(x)) == x`` for every valid object ``x``.

    Oracle: the identity on ``x``, an object built with the generated
    constructor from values botocore's model allows (not through ``from_dict``).
    """
    obj = data.draw(S.objects(name), label="object")
    cls = S.cls_of(name)
    for strict in (None, True, False):
        assert cls.from_dict(obj.to_dict(), strict=strict) == obj
