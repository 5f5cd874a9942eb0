"""Registers the ``slow`` marker (the suite runs with ``--strict-markers``).

``-m "not slow"`` leaves out the every-service sample (a few minutes) for a quick
local run; CI runs it, within its budget.
"""

from __future__ import annotations

import pytest


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "slow: minutes, not seconds (deselect with -m 'not slow')"
    )


# The every-service summary line, printed at the end of the run (pytest
# captures the test's own output when it passes).
SUMMARY: list[str] = []


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if SUMMARY:
        terminalreporter.section("every botocore service")
        for line in SUMMARY:
            terminalreporter.write_line(line)
