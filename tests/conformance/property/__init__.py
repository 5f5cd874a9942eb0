"""Hypothesis property tests of the generated StartEmailContact SDK (issue 3).

A package (rather than a bare folder) so that its ``conftest.py`` is imported as
``property.conftest`` and never shadows ``tests/conftest.py``, which the tests one
level up import as ``conftest``.
"""
