"""botocore's protocol test fixtures, run against packages generated from them.

A package (like ``tests/property``) so that its ``conftest.py`` is imported as
``protocols.conftest`` and never shadows ``tests/conftest.py``.
"""
