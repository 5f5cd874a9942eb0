"""Loads the Hypothesis profile named by ``HYPOTHESIS_PROFILE`` (default ``ci``).

The profiles themselves live in ``profiles.py`` (the tests read its example
scale too); importing it registers them, and loading happens here, before the
property test modules are collected and their ``@settings`` are created.
"""

from __future__ import annotations

from hypothesis import settings

from .profiles import PROFILE

settings.load_profile(PROFILE)
