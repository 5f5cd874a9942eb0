"""What the run prints: progress while it runs, then exclusions, failures by
cause and the summary line.

Progress is a bar on a terminal's stderr (``codegen.progress``); elsewhere (a
CI log, a pipe) a line every 25 services, so a log shows the run is alive
without carriage returns; ``--quiet`` prints neither.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from dataclasses import dataclass

from codegen import progress

from .exclusions import EXCLUSIONS
from .options import Options
from .results import Failure, ServiceResult


@dataclass(frozen=True)
class Report:
    """The results of every service, and what the summary line says."""

    options: Options
    results: tuple[ServiceResult, ...]
    seconds: float

    @property
    def failures(self) -> list[Failure]:
        return [failure for result in self.results for failure in result.failures]

    @property
    def ok(self) -> bool:
        return not self.failures

    def summary(self) -> str:
        imported = sum(result.imported for result in self.results)
        checked = sum(len(result.checked) for result in self.results)
        passed = sum(len(result.passed) for result in self.results)
        excluded = sum(len(result.excluded) for result in self.results)
        sample = self.options.sample
        note = "" if sample is None else f" (a sample of up to {sample} per service)"
        return (
            f"every-service: {imported}/{len(self.results)} services generated and "
            f"imported, {passed:,}/{checked:,} operations round-tripped{note}; "
            f"{excluded} operations excluded" + (" (listed above)" if excluded else "")
        )


class Ticker:
    """Told of each service's result as it arrives; a bar or the log lines."""

    def __init__(self, total: int, enabled: bool) -> None:
        self.total = total
        self.enabled = enabled
        self.bar = progress.Progress(
            total,
            "every-service",
            enabled=enabled and progress.shown(quiet=False),
            unit="service",
        )

    def __enter__(self) -> Ticker:
        self.bar.__enter__()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.bar.close()

    def tick(self, results: list[ServiceResult]) -> None:
        if not self.bar.enabled:
            print_progress(results, self.total, self.enabled)
            return
        failed = sum(1 for result in results if result.failures)
        self.bar.advance()
        self.bar.note(f"{results[-1].service}; {failed} with failures")


def print_progress(results: list[ServiceResult], total: int, enabled: bool) -> None:
    if enabled and (len(results) % 25 == 0 or len(results) == total):
        failed = sum(1 for result in results if result.failures)
        print(
            f"every-service: {len(results)}/{total} services checked, "
            f"{failed} with failures",
            file=sys.stderr,
            flush=True,
        )


def cause(failure: Failure) -> str:
    """A failure's message with names blanked out, to group failures by cause."""
    text = re.sub(r"'[^']*'|\"[^\"]*\"", "'…'", failure.message)
    text = re.sub(r"\b\d+\b", "N", text)
    return f"{failure.stage}: {text}"


def render(report: Report) -> list[str]:
    """The report's lines: exclusions, failures, failures by cause, the summary."""
    lines = []
    excluded = [
        (r.service, op, rule) for r in report.results for op, rule in r.excluded
    ]
    if excluded:
        why = {rule.name: rule.why for rule in EXCLUSIONS}
        lines.append(f"Excluded operations ({len(excluded)}):")
        lines += [f"  {s} {op} [{rule}]: {why[rule]}" for s, op, rule in excluded]
    failures = report.failures
    if failures:
        lines.append(f"Failures ({len(failures)}):")
        for failure in failures:
            lines.append(failure.line())
            if failure.example:
                lines.append(f"    example: {failure.example}")
        lines.append("Failures by cause:")
        counts = Counter(cause(failure) for failure in failures)
        lines += [f"  {count:5d}  {text}" for text, count in counts.most_common()]
    lines.append(f"every-service: wall time {report.seconds:.0f} s")
    lines.append(report.summary())
    return lines
