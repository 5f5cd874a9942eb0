"""A vendored copy of the generated package: copied, renamed, checked self-contained.

Vendoring is a copy of the folder under the name the new home wants. That works
only if the package reaches its own modules by relative imports and imports
nothing but the standard library and botocore; ``foreign_imports`` checks the
first from the source, and running the copy where no ``generated`` package
exists checks it at run time.
"""

from __future__ import annotations

import ast
import shutil
import sys
import threading
from pathlib import Path

from tools.matrix.support import MatrixError

# What generated code may import besides itself (project principle 6).
ALLOWED_TOP_LEVEL = frozenset(sys.stdlib_module_names) | {"botocore"}

# The matrix vendors its cells from a thread pool, and CPython 3.11's parser
# is not safe to enter from two threads at once: it can fail with
# "SystemError: AST constructor recursion depth mismatch". One parse at a time.
_PARSING = threading.Lock()


def _absolute_imports(tree: ast.AST) -> list[tuple[int, str]]:
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.append((node.lineno, node.module))
    return found


def foreign_imports(package: Path) -> list[str]:
    """``file:line: module`` for every import in ``package`` that is neither
    relative, the standard library, nor botocore: what would break in a copy."""
    problems = []
    for source in sorted(package.rglob("*.py")):
        text = source.read_bytes()
        with _PARSING:
            tree = ast.parse(text, filename=str(source))
        for line, module in _absolute_imports(tree):
            if module.split(".")[0] not in ALLOWED_TOP_LEVEL:
                problems.append(f"{source.relative_to(package)}:{line}: {module}")
    return problems


def vendor(source: Path, project: Path, name: str) -> Path:
    """``source`` copied to ``project/name`` (caches left out); the copy's folder.

    Refuses a package that imports anything it could not take along.
    """
    if not name.isidentifier():
        raise MatrixError(f"not a package name: {name!r}")
    problems = foreign_imports(source)
    if problems:
        raise MatrixError(f"{source} is not self-contained: " + "; ".join(problems[:5]))
    target = project / name
    shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__"))
    return target
