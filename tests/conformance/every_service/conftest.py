"""The every-service summary line, printed at the end of the run."""

from __future__ import annotations

import pytest

from .summary import SUMMARY


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if SUMMARY:
        terminalreporter.section("every botocore service")
        for line in SUMMARY:
            terminalreporter.write_line(line)
