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
