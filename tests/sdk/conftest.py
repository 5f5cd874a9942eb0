"""The client tests against a vendored copy: ``CODEGEN_SDK_PACKAGE=vendored_connect``.

The vendored-copy matrix (tools/matrix, docs/vendoring.md) copies the package
under another name into an environment with no ``generated`` package at all.
Setting the variable makes ``generated.connect`` (and each of its modules) stand
for that package, so the test files keep their plain imports. Unset, or
``generated.connect``, nothing changes.
"""

from __future__ import annotations

import importlib
import os
import pkgutil
import sys
import types

DEFAULT_PACKAGE = "generated.connect"
PACKAGE = os.environ.get("CODEGEN_SDK_PACKAGE", DEFAULT_PACKAGE)


def alias_package(package: str, alias: str = DEFAULT_PACKAGE) -> None:
    """``alias`` and each ``alias.<module>`` name ``package``'s modules from now on.

    The copy is imported under its own name first, so its own imports must
    already resolve without the alias (relative imports only).
    """
    root = importlib.import_module(package)
    parent_name, _, child = alias.rpartition(".")
    parent = types.ModuleType(parent_name)
    parent.__path__ = []
    setattr(parent, child, root)
    sys.modules[parent_name] = parent
    sys.modules[alias] = root
    for info in pkgutil.walk_packages(root.__path__, f"{package}."):
        module = importlib.import_module(info.name)
        sys.modules[alias + info.name[len(package) :]] = module


if PACKAGE != DEFAULT_PACKAGE:
    alias_package(PACKAGE)
