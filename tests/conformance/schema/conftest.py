"""The property suite's Hypothesis profile (``ci`` unless told otherwise)."""

from __future__ import annotations

from hypothesis import settings

from tests.conformance.property.profiles import PROFILE

settings.load_profile(PROFILE)
