"""Fixtures shared by every test folder (helpers live in ``tests.support``)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.support import REPO, tree_digest


def pytest_configure(config: pytest.Config) -> None:
    """The ``slow`` marker (the suite runs with ``--strict-markers``): ``-m "not
    slow"`` leaves out the minutes-long runs for a quick local check."""
    config.addinivalue_line(
        "markers", "slow: minutes, not seconds (deselect with -m 'not slow')"
    )


@pytest.fixture
def generated_untouched() -> Iterator[None]:
    """Asserts, after the test, that ``generated/`` is byte-for-byte as before."""
    before = tree_digest(REPO / "generated")
    yield
    assert tree_digest(REPO / "generated") == before
