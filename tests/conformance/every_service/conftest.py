"""The every-service summary line, printed at the end of the run."""

from __future__ import annotations

import pytest

# The every-service summary line, printed at the end of the run (pytest
# captures the test's own output when it passes).
SUMMARY: list[str] = []


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if SUMMARY:
        terminalreporter.section("every botocore service")
        for line in SUMMARY:
            terminalreporter.write_line(line)
