"""Hypothesis profiles of the property suite, chosen by ``HYPOTHESIS_PROFILE``.

``ci`` (the default): derandomized, no example database, no deadline, and a fixed
example count per test, so that ``make test`` gives the same result on every run
and the property suite stays within its time budget.

``thorough``: ten times the examples of ``ci`` per test, random seeds and the
local example database (``.hypothesis/``), for a longer hunt before a release:
``HYPOTHESIS_PROFILE=thorough make test``.
"""

from __future__ import annotations

import os
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from tests.draws import draw_batch

PROFILES = ("ci", "thorough")
PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "ci")
if PROFILE not in PROFILES:
    raise ValueError(
        f"HYPOTHESIS_PROFILE={PROFILE!r}: expected one of {', '.join(PROFILES)}"
    )

# Example counts are multiplied by this; ``ci`` counts are written in each test.
SCALE = {"ci": 1, "thorough": 10}[PROFILE]

# The strategies deliberately draw long strings (up to 5,242,880 code points at the
# Body's maximum) and 50-entry lists; that is the point, not a slow generator.
_SUPPRESSED = (HealthCheck.too_slow, HealthCheck.data_too_large)

settings.register_profile(
    "ci",
    derandomize=True,
    database=None,
    deadline=None,
    max_examples=50,
    print_blob=False,
    suppress_health_check=_SUPPRESSED,
)
settings.register_profile(
    "thorough",
    derandomize=False,
    deadline=None,
    max_examples=500,
    print_blob=True,
    suppress_health_check=_SUPPRESSED,
)


def examples(ci_count: int) -> settings:
    """``@settings`` for a test that runs ``ci_count`` examples under ``ci``."""
    return settings(max_examples=ci_count * SCALE)


def count(ci_count: int) -> int:
    """A size (not a Hypothesis run) that scales with the profile too."""
    return ci_count * SCALE


def collect(strategy: st.SearchStrategy[Any], ci_count: int) -> list[Any]:
    """Draw ``ci_count`` (scaled) values under the profile, to be judged together.

    For oracles asked once per batch (Node), and for checks over a whole sample
    (what the strategies reach).  An unsatisfiable strategy (a pattern nothing
    matches) gives no values.
    """
    return draw_batch(strategy, count(ci_count), settings.get_profile(PROFILE))
