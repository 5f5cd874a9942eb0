"""The per-protocol report of the fixture suite, printed after the run.

One line per fixture file (protocol) and direction: passed, skipped (grouped by
reason) and failed; then the failures grouped by the first line of their message.
Counts come from pytest's own reports, so they always agree with its summary.
"""

from __future__ import annotations

import textwrap
from collections import Counter, defaultdict

import pytest

_TEST_FILE = "protocols/test_protocols.py::"
_OUTCOMES = ("passed", "skipped", "failed")


def _group(nodeid: str) -> str | None:
    """``rest-json/input`` or ``legacy/query/output`` from a test id."""
    if _TEST_FILE not in nodeid or "[" not in nodeid:
        return None
    parts = _case_id(nodeid).split("/")
    for index, part in enumerate(parts):
        if part in ("input", "output"):
            return "/".join(parts[: index + 1])
    return None


def _case_id(nodeid: str) -> str:
    return nodeid.split("[", 1)[1].removesuffix("]")


def _skip_reason(report: pytest.TestReport) -> str:
    longrepr = report.longrepr
    if isinstance(longrepr, tuple):
        return str(longrepr[2]).removeprefix("Skipped: ")
    return str(longrepr)


def _failure_cause(report: pytest.TestReport) -> str:
    crash = getattr(report.longrepr, "reprcrash", None)
    message = crash.message if crash is not None else str(report.longrepr)
    lines = message.strip().splitlines() or ["?"]
    # A SyntaxError's message starts with its location; its kind is last.
    first = lines[-1] if lines[0].lstrip().startswith('File "') else lines[0]
    return first[:160]


class _Tally:
    """Outcomes by group, skip reasons with their cases, failures by cause."""

    def __init__(self) -> None:
        self.counts: dict[str, Counter[str]] = defaultdict(Counter)
        self.skipped: dict[str, Counter[str]] = defaultdict(Counter)
        self.skipped_ids: dict[str, list[str]] = defaultdict(list)
        self.causes: dict[str, list[str]] = defaultdict(list)

    def add(self, report: pytest.TestReport, outcome: str) -> None:
        group = _group(getattr(report, "nodeid", ""))
        if group is None:
            return
        kind = "failed" if outcome == "error" else outcome
        self.counts[group][kind] += 1
        if kind == "skipped":
            reason = _skip_reason(report)
            self.skipped[group][reason] += 1
            self.skipped_ids[reason].append(_case_id(report.nodeid))
        elif kind == "failed":
            self.causes[_failure_cause(report)].append(_case_id(report.nodeid))


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    tally = _Tally()
    for outcome in (*_OUTCOMES, "error"):
        for report in terminalreporter.stats.get(outcome, []):
            tally.add(report, outcome)
    if not tally.counts:
        return
    terminalreporter.section("botocore protocol fixtures, per protocol and direction")
    labels = {reason: f"S{i}" for i, reason in enumerate(tally.skipped_ids, 1)}
    _write_counts(terminalreporter, tally, labels)
    _write_skips(terminalreporter, tally, labels)
    _write_causes(terminalreporter, tally)


def _write_counts(
    terminal: pytest.TerminalReporter, tally: _Tally, labels: dict[str, str]
) -> None:
    for group in sorted(tally.counts, key=lambda g: (g.startswith("legacy/"), g)):
        counts = tally.counts[group]
        line = ", ".join(f"{counts[kind]} {kind}" for kind in _OUTCOMES)
        why = ", ".join(
            f"{n} {labels[reason]}" for reason, n in tally.skipped[group].most_common()
        )
        terminal.write_line(f"{group}: {line}" + (f" ({why})" if why else ""))
    total = sum(tally.counts.values(), Counter())
    terminal.write_line(
        "total: " + ", ".join(f"{total[kind]} {kind}" for kind in _OUTCOMES)
    )


def _write_skips(
    terminal: pytest.TerminalReporter, tally: _Tally, labels: dict[str, str]
) -> None:
    """Every skipped case, under its reason."""
    for reason, ids in tally.skipped_ids.items():
        terminal.write_line(f"{labels[reason]} ({len(ids)} skipped): {reason}")
        listed = textwrap.fill(
            ", ".join(ids),
            width=100,
            initial_indent="    ",
            subsequent_indent="    ",
            break_on_hyphens=False,
            break_long_words=False,
        )
        terminal.write_line(listed)


def _write_causes(terminal: pytest.TerminalReporter, tally: _Tally) -> None:
    if not tally.causes:
        return
    terminal.write_line("failures by cause:")
    for cause, ids in sorted(tally.causes.items(), key=lambda item: -len(item[1])):
        terminal.write_line(f"  {len(ids)} x {cause}")
        terminal.write_line(f"      e.g. {', '.join(ids[:3])}")
