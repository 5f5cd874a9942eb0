"""Property 2: what the model allows, ``validate()`` and botocore both accept.

Over every structure of the closure; the values come from ``strategies.py``,
which reads botocore's model (not the generator's IR).
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from . import strategies as S
from .oracles import botocore_violations
from .profiles import examples


@pytest.mark.parametrize("name", S.STRUCTURES)
@examples(80)
@given(data=st.data())
def test_valid_objects_pass_validate_and_botocore(
    name: str, data: st.DataObject
) -> None:
    """A valid object passes ``validate()``; botocore accepts its ``to_dict()``.

    Oracle: botocore's ``ParamValidator().validate(params, shape)`` on the
    model's shape of the same name, plus the model's constraints themselves
    (the strategy draws only what they allow).
    """
    obj = data.draw(S.objects(name), label="object")
    obj.validate()
    assert botocore_violations(obj.to_dict(), S.shape(name)) == []


@pytest.mark.parametrize("name", S.STRUCTURES)
@examples(80)
@given(data=st.data())
def test_valid_params_pass_botocore_and_validate(
    name: str, data: st.DataObject
) -> None:
    """botocore accepts a valid parameter dict; ``from_dict`` then ``validate()`` too.

    Oracle: botocore's ``ParamValidator`` on the model's shape, and the model's
    constraints the strategy draws within.
    """
    params = data.draw(S.params(name), label="params")
    assert botocore_violations(params, S.shape(name)) == []
    S.cls_of(name).from_dict(params).validate()
