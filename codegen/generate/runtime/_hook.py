"""The generated validation on plain botocore and boto3 clients, and the typed
clients' ``validate=`` modes.

``enable_validation(client)`` registers one handler on the client's own event
system (``before-parameter-build.<service-id>``, which botocore emits with the
caller's parameter dict before its own ``ParamValidator`` runs) that checks the
dict with the request class's ``validate_dict``: no object is built. Operations
the package does not hold pass untouched.

It imports botocore, so only the package's ``__init__`` (lazily, on first use of
a name from here) and the client modules import it. The package's own modules
are found by name at run time (``__package__``), so this file is the same text
in every generated package and type-checks where it is kept.
"""

from __future__ import annotations

import importlib
import logging
import sys
import warnings
from collections.abc import Iterable, Mapping
from typing import Any, Final, Literal

from botocore.client import BaseClient
from botocore.exceptions import ParamValidationError

from ._runtime import Shape, ValidationError, Violation

__all__ = [
    "Mode",
    "ParameterValidationError",
    "ParameterValidationWarning",
    "check_request",
    "disable_validation",
    "enable_validation",
    "validation_mode",
]

Mode = Literal["raise", "warn", "log"]
"""What a failed check does: raise, ``warnings.warn``, or log, and go on."""

MODES: Final[tuple[Mode, ...]] = ("raise", "warn", "log")

_PACKAGE: Final = __name__.rpartition(".")[0]
LOGGER: Final = logging.getLogger(_PACKAGE)
"""The package's logger, where ``mode="log"`` reports."""

_UNIQUE_ID: Final = f"{_PACKAGE}.enable_validation"
_EVENT: Final = "before-parameter-build.{service_id}"


class ParameterValidationError(ValidationError, ParamValidationError):
    """A request that breaks the model: the package's ``ValidationError`` (every
    violation in ``errors``) and botocore's ``ParamValidationError``, so
    ``except`` clauses written for either keep catching it.

    Its text is botocore's (``Parameter validation failed:`` and a report) with
    the package's messages, which never show a sensitive value.
    """

    operation: str
    """The operation (its model name, ``StartEmailContact``) that was called."""

    def __init__(self, errors: Iterable[Violation], operation: str = "") -> None:
        ValidationError.__init__(self, errors)
        self.operation = operation
        summary = str(self.args[0])
        report = f"{operation}: {summary}" if operation else summary
        # BotoCoreError's state: its keyword arguments and its formatted text.
        self.kwargs = {"report": report}
        self.args = (self.fmt.format(report=report),)

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        """Pickle as itself (BotoCoreError's would call ``cls(report=...)``)."""
        return type(self), (self.errors, self.operation)


class ParameterValidationWarning(UserWarning):
    """Issued by ``mode="warn"``: the request breaks the model and is sent anyway."""


def validation_mode(validate: bool | str) -> Mode | None:
    """The typed clients' ``validate=`` as a mode: ``True`` is ``"raise"``,
    ``False`` is ``None`` (no check); anything else is a ``ValueError``."""
    if validate is True:
        return "raise"
    if validate is False:
        return None
    for mode in MODES:
        if validate == mode:
            return mode
    raise ValueError(
        f"validate must be True, False, 'raise', 'warn' or 'log', not {validate!r}"
    )


def _mode(mode: object) -> Mode:
    for known in MODES:
        if mode == known:
            return known
    raise ValueError(f"mode must be 'raise', 'warn' or 'log', not {mode!r}")


def _stacklevel() -> int:
    """The ``stacklevel`` of the first frame outside this package, botocore and
    boto3: the caller's line, where a warning is most useful."""
    frame = sys._getframe(1)
    level = 1
    while frame.f_back is not None:
        module = str(frame.f_globals.get("__name__", ""))
        if module.partition(".")[0] not in ("botocore", "boto3") and not (
            module == _PACKAGE or module.startswith(_PACKAGE + ".")
        ):
            break
        frame = frame.f_back
        level += 1
    return level


def report(mode: Mode, operation: str, errors: Iterable[Violation]) -> None:
    """Raise, warn or log the violations of one call's request."""
    error = ParameterValidationError(errors, operation)
    if mode == "raise":
        raise error
    if mode == "warn":
        warnings.warn(str(error), ParameterValidationWarning, stacklevel=_stacklevel())
    else:
        LOGGER.warning("%s", error)


def check_request(request: Shape[Any], operation: str, mode: Mode) -> None:
    """The typed clients' check of a request before it is sent."""
    try:
        request.validate()
    except ValidationError as invalid:
        errors = invalid.errors
    else:
        return
    report(mode, operation, errors)  # out of the except: no chained traceback


class _Operations:
    """The package's operations (``_operations.py``) and their request classes,
    each imported the first time a call needs it."""

    def __init__(self) -> None:
        table = importlib.import_module("._operations", _PACKAGE)
        self.service: str = table.SERVICE
        self.requests: Mapping[str, str] = table.REQUESTS
        self.classes: dict[str, type[Shape[Any]]] = {}

    def request_class(self, operation: str) -> type[Shape[Any]] | None:
        found = self.classes.get(operation)
        if found is None:
            name = self.requests.get(operation)
            if name is None:
                return None
            shapes = importlib.import_module(".shapes", _PACKAGE)
            found = self.classes[operation] = getattr(shapes, name)
        return found


_OPERATIONS: _Operations | None = None


def _operations() -> _Operations:
    global _OPERATIONS
    if _OPERATIONS is None:
        _OPERATIONS = _Operations()
    return _OPERATIONS


class _Handler:
    """The ``before-parameter-build`` handler: one per enabled client."""

    def __init__(self, mode: Mode, operations: _Operations) -> None:
        self.mode = mode
        self.operations = operations

    def __call__(self, params: Mapping[str, Any], model: Any, **_: Any) -> None:
        request = self.operations.request_class(model.name)
        if request is None:
            return
        try:
            request.validate_dict(params)
        except ValidationError as invalid:
            errors = invalid.errors
        else:
            return
        report(self.mode, model.name, errors)


def _event(client: object, function: str) -> str:
    """The client's event name for this package's service, or one line saying
    why ``client`` cannot be validated by this package."""
    if not isinstance(client, BaseClient):
        raise TypeError(
            f"{function}() takes a botocore or boto3 client, "
            f"not {type(client).__name__}"
        )
    service = _operations().service
    model = client.meta.service_model
    if model.service_name != service:
        raise ValueError(
            f"{function}(): this package validates {service!r} clients, "
            f"not {model.service_name!r}"
        )
    return _EVENT.format(service_id=model.service_id.hyphenize())


def enable_validation(client: BaseClient, *, mode: Mode = "raise") -> None:
    """Check every call of ``client`` (a botocore or boto3 client) to an
    operation this package holds against every constraint of the model, before
    botocore's own checks and before anything is sent.

    ``mode="raise"`` raises ``ParameterValidationError`` (a ``ValidationError``
    and a ``botocore.exceptions.ParamValidationError``); ``"warn"`` issues a
    ``ParameterValidationWarning`` and ``"log"`` logs a warning on the
    package's logger, and both let the call go on. Calling it again switches
    the mode; each call is still checked once.
    """
    checked = _mode(mode)
    event = _event(client, "enable_validation")
    events = client.meta.events
    events.unregister(event, unique_id=_UNIQUE_ID)
    events.register(event, _Handler(checked, _operations()), unique_id=_UNIQUE_ID)


def disable_validation(client: BaseClient) -> None:
    """Undo ``enable_validation`` (nothing happens if it was not enabled)."""
    event = _event(client, "disable_validation")
    client.meta.events.unregister(event, unique_id=_UNIQUE_ID)
