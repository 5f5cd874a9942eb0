"""The package's exceptions cross a pickle (a process pool, a task queue) as
themselves: the same class, violations, attributes and message.

Python pickles an exception as ``cls(*args)``, and ``args`` holds only the
message, so an exception whose constructor takes something else needs its own
``__reduce__``; without it a ``ValidationError`` came back with a violation per
character of its message, and ``ResponseValidationError`` did not come back.
"""

from __future__ import annotations

import pickle

import pytest
from botocore.exceptions import ParamValidationError

from codegen.generate.runtime._hook import ParameterValidationError
from codegen.generate.runtime._model_check import BotocoreModelError
from codegen.generate.runtime._runtime import (
    ResponseValidationError,
    ValidationError,
    Violation,
)

VIOLATIONS = (
    Violation("InstanceId", "length", "length 0 is below the minimum 1"),
    Violation("Name", "required", "required member is missing"),
)


@pytest.mark.parametrize(
    "error",
    [
        ValidationError(VIOLATIONS),
        ResponseValidationError("start_email_contact", VIOLATIONS, {"ContactId": 5}),
        BotocoreModelError(VIOLATIONS, "1.35.68"),
        ParameterValidationError(VIOLATIONS, "StartEmailContact"),
    ],
    ids=type,
)
def test_an_error_unpickles_as_itself(error: Exception) -> None:
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is type(error)
    assert str(copy) == str(error)
    assert copy.args == error.args
    assert vars(copy) == vars(error)


def test_the_dual_error_is_still_botocores_after_a_pickle() -> None:
    copy = pickle.loads(pickle.dumps(ParameterValidationError(VIOLATIONS, "X")))
    assert isinstance(copy, ParamValidationError)
    assert isinstance(copy, ValidationError)
    assert copy.errors == VIOLATIONS
