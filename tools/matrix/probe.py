"""Run inside a matrix environment, from the project folder: ``python probe.py
PACKAGE BOTOCORE_VERSION``. Checks the environment is what the cell claims and
that every module of the vendored copy imports with no ``generated`` around."""

from __future__ import annotations

import importlib
import importlib.util
import pkgutil
import sys

import botocore


def main(package: str, expected: str) -> int:
    """0 when the environment and the copy are as they should be, else 1."""
    problems = []
    if botocore.__version__ != expected:
        problems.append(f"botocore {botocore.__version__} installed, not {expected}")
    if importlib.util.find_spec("generated") is not None:
        problems.append("a 'generated' package is importable: the copy is not alone")
    root = importlib.import_module(package)
    modules = [
        info.name for info in pkgutil.walk_packages(root.__path__, f"{package}.")
    ]
    for name in modules:
        importlib.import_module(name)
    if any(name.split(".")[0] == "generated" for name in sys.modules):
        problems.append("importing the copy imported 'generated'")
    for problem in problems:
        print(f"probe: {problem}", file=sys.stderr)
    print(f"{package}: {len(modules) + 1} modules imported on botocore {expected}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
