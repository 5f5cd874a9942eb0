"""The per-operation round trip: Hypothesis examples through the generated class.

For each example of botocore parameters (``strategies.py``): botocore's own
validator accepts it (else the strategy is wrong), ``Request.from_dict(d)``
builds, ``.to_dict()`` gives ``d`` back (types included: ``True`` is not ``1``),
botocore's serializer for the service's protocol accepts it, and ``validate()``
reports nothing but ``pattern`` violations (patterns are not drawn).
"""

from __future__ import annotations

import typing
from collections.abc import Callable
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any

import botocore.model
import botocore.serialize
import botocore.validate
from botocore import xform_name
from hypothesis import HealthCheck, Phase, Verbosity, given, settings
from hypothesis.errors import HypothesisException

from .results import Failure, Mismatch, Task, one_line, short
from .strategies import UnsupportedShape, input_params

# Generic strategies over the models' own sizes: a large closure is slow to draw
# and its smallest example can be big (many required structures); neither is a
# fault of the generator or of the strategy, so these checks would only add noise.
SUPPRESSED = (
    HealthCheck.too_slow,
    HealthCheck.data_too_large,
    HealthCheck.large_base_example,
)


def first_difference(expected: Any, actual: Any, path: str = "") -> str | None:
    """Where ``actual`` differs from ``expected`` (types included), or None."""
    where = path or "<root>"
    if type(expected) is not type(actual):
        return (
            f"{where}: {type(expected).__name__} {short(expected, 60)} became "
            f"{type(actual).__name__} {short(actual, 60)}"
        )
    if isinstance(expected, dict):
        for key in [*expected, *(key for key in actual if key not in expected)]:
            sub = f"{path}.{key}" if path else str(key)
            if key not in actual:
                return f"{sub}: dropped"
            if key not in expected:
                return f"{sub}: added ({short(actual[key], 60)})"
            found = first_difference(expected[key], actual[key], sub)
            if found:
                return found
        return None
    if isinstance(expected, list):
        if len(expected) != len(actual):
            return f"{where}: {len(expected)} entries became {len(actual)}"
        for index, (left, right) in enumerate(zip(expected, actual, strict=True)):
            found = first_difference(left, right, f"{path}[{index}]")
            if found:
                return found
        return None
    if expected != actual:
        return f"{where}: {short(expected, 60)} became {short(actual, 60)}"
    return None


def _violations(obj: Any, validation_error: type[Exception]) -> list[Any]:
    try:
        obj.validate()
    except validation_error as error:
        return list(getattr(error, "errors", []))
    return []


def _stage(stage: str, action: Callable[[], Any]) -> Any:
    """Run ``action``; any exception becomes a ``Mismatch`` at ``stage``."""
    try:
        return action()
    except Exception as error:  # any error is the result
        raise Mismatch(stage, one_line(error)) from error


@dataclass
class Checker:
    """The checks of one example of one operation, with what they need."""

    operation: botocore.model.OperationModel
    request_class: Any  # a generated class: from_dict, to_dict, validate
    validation_error: type[Exception]
    serializer: Any
    validator: botocore.validate.ParamValidator = field(
        default_factory=botocore.validate.ParamValidator
    )

    def check(self, params: dict[str, Any]) -> None:
        """Raise ``Mismatch`` on the first check ``params`` fails."""
        shape = self.operation.input_shape
        assert shape is not None  # operations without input are not checked
        report = self.validator.validate(params, shape)
        if report.has_errors():
            lines = report.generate_report().splitlines()
            raise Mismatch(
                "strategy", f"botocore rejects the drawn example: {lines[-1]}"
            )
        obj = _stage("from_dict", lambda: self.request_class.from_dict(params))
        back = _stage("to_dict", obj.to_dict)
        difference = first_difference(params, back)
        if difference:
            raise Mismatch("to_dict", f"round trip changed {difference}")
        _stage(
            "serialize",
            lambda: self.serializer.serialize_to_request(back, self.operation),
        )
        violations = _stage("validate", lambda: _violations(obj, self.validation_error))
        wrong = [v for v in violations if getattr(v, "rule", None) != "pattern"]
        if wrong:
            raise Mismatch("validate", f"{len(wrong)} violation(s), first: {wrong[0]}")


def _settings(task: Task) -> settings:
    phases = (Phase.explicit, Phase.generate) + ((Phase.shrink,) if task.shrink else ())
    return settings(
        max_examples=task.examples,
        derandomize=True,
        database=None,
        deadline=None,
        phases=phases,
        suppress_health_check=SUPPRESSED,
        report_multiple_bugs=False,
        verbosity=Verbosity.quiet,
        print_blob=False,
    )


def _round_trip(
    task: Task, operation: botocore.model.OperationModel, checker: Checker
) -> Failure | None:
    """Run the Hypothesis examples of one operation; the failure, if any."""
    service, name = task.service, operation.name
    try:
        strategy = input_params(operation)
    except UnsupportedShape as error:
        return Failure(service, name, "strategy", one_line(error))
    failed: list[tuple[Mismatch, dict[str, Any]]] = []

    @_settings(task)
    @given(strategy)
    def examples(params: dict[str, Any]) -> None:
        try:
            checker.check(params)
        except Mismatch as mismatch:
            failed.append((mismatch, params))
            raise

    try:
        examples()
    except Mismatch:
        mismatch, params = failed[-1]  # the last run is the one Hypothesis reports
        return Failure(service, name, mismatch.stage, mismatch.message, short(params))
    except HypothesisException as error:
        return Failure(service, name, "strategy", one_line(error))
    return None


def check_operation(
    task: Task, package: ModuleType, client_class: type, name: str, model: Any
) -> Failure | None:
    operation = model.operation_model(name)
    if not hasattr(client_class, xform_name(name)):
        return Failure(task.service, name, "client", f"no method {xform_name(name)}")
    if operation.input_shape is None:
        return None
    protocol = model.resolved_protocol
    # The class the client method takes, as a caller's type checker sees it
    # (a shape named like a builtin or keyword has a renamed class).
    method = getattr(client_class, xform_name(name))
    checker = Checker(
        operation=operation,
        request_class=typing.get_type_hints(method)["request"],
        validation_error=package.ValidationError,
        serializer=botocore.serialize.create_serializer(
            protocol, include_validation=False
        ),
    )
    return _round_trip(task, operation, checker)
