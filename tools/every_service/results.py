"""What the every-service run passes around: a worker's task, its failures, its result.

All picklable (they cross the process pool), and the exceptions a stage raises,
each with the one-line message the report prints.
"""

from __future__ import annotations

from dataclasses import dataclass

from codegen.errors import CodegenError

EXAMPLE_CHARS = 300  # a failing example is printed up to this many characters


@dataclass(frozen=True)
class Task:
    """What one worker does for one service."""

    service: str
    sample: int | None  # operations per service; None for all
    examples: int
    formatter: str  # "black" or "none"
    root: str  # folder the package is written into
    keep: bool  # leave the package on disk
    shrink: bool  # let Hypothesis shrink a failing example (slower, smaller)


@dataclass(frozen=True)
class Failure:
    """One failed check; ``operation`` is empty for a service-level failure."""

    service: str
    operation: str
    stage: str
    message: str
    example: str = ""

    def line(self) -> str:
        where = f"{self.service} {self.operation}".rstrip()
        return f"FAIL {where}: {self.stage}: {self.message}"


@dataclass(frozen=True)
class ServiceResult:
    """Everything the parent needs about one service, picklable."""

    service: str
    imported: bool
    checked: tuple[str, ...]  # operations selected for the round trip
    passed: tuple[str, ...]
    excluded: tuple[tuple[str, str], ...]  # (operation, exclusion rule name)
    failures: tuple[Failure, ...]
    seconds: float


class Mismatch(Exception):
    """A round-trip check failed at ``stage``, with a one-line ``message``."""

    def __init__(self, stage: str, message: str) -> None:
        super().__init__(f"{stage}: {message}")
        self.stage = stage
        self.message = message


class StageError(Exception):
    """Generation or import of a whole service failed at ``stage``."""

    def __init__(self, stage: str, message: str) -> None:
        super().__init__(f"{stage}: {message}")
        self.stage = stage
        self.message = message


def one_line(error: BaseException) -> str:
    """An exception as one line: its own message for ours, else type and message."""
    text = str(error).strip().splitlines()
    first = text[0] if text else ""
    if isinstance(error, CodegenError | Mismatch | StageError):
        return first
    return f"{type(error).__name__}: {first}".rstrip(": ")


def short(value: object, limit: int = EXAMPLE_CHARS) -> str:
    """``repr(value)`` cut to ``limit`` characters, for one-line messages."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."
