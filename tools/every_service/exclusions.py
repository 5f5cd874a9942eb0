"""The operations the every-service run does not round-trip, each with its reason.

An exclusion is a rule over botocore's ``OperationModel`` (never over the
generator's output), so it names a kind of operation the generator refuses on
purpose rather than a list of names that silently grows. The run holds every
rule to its word: an operation the generator skips that no rule excludes is a
failure (lost coverage), and so is an excluded operation the generator did not
skip (the justification "refused at generation time" would be false).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import botocore.model


@dataclass(frozen=True)
class Exclusion:
    """Operations matching ``applies`` are not round-tripped, because ``why``."""

    name: str
    why: str
    applies: Callable[[botocore.model.OperationModel], bool]


def _sends_event_stream(operation: botocore.model.OperationModel) -> bool:
    return operation.has_event_stream_input


EXCLUSIONS: tuple[Exclusion, ...] = (
    Exclusion(
        name="request-event-stream",
        why=(
            "its input is an event stream, which botocore cannot send: the "
            "generator leaves it out (svc.skipped_operations) rather than "
            "generate a method that cannot work"
        ),
        applies=_sends_event_stream,
    ),
)


def exclusion_for(operation: botocore.model.OperationModel) -> Exclusion | None:
    """The first rule that excludes ``operation``, or None."""
    return next((rule for rule in EXCLUSIONS if rule.applies(operation)), None)
