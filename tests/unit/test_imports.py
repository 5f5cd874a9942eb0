"""The import collector's block is in the order ruff's isort keeps (ruff, run on
the rendered block, is the oracle)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from codegen.generate.imports import Imports


def _ruff_isort(text: str, folder: Path) -> str:
    """What ``ruff check --select I --fix`` makes of ``text`` (a package module)."""
    package = folder / "pkg"
    package.mkdir()
    (package / "__init__.py").write_text("", encoding="utf-8")
    path = package / "module.py"
    path.write_text(text, encoding="utf-8")
    subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--no-cache", "--quiet",
         "--isolated", "--select", "I", "--fix", str(path)],
        check=False, capture_output=True,
    )  # fmt: skip
    return path.read_text(encoding="utf-8")


def test_a_block_is_already_in_ruffs_order(tmp_path: Path) -> None:
    imports = Imports()
    imports.add("__future__", "annotations")
    imports.add("uuid")
    imports.add("typing", "Self", "Any", "TYPE_CHECKING", "get_args", "ClassVar")
    imports.add("dataclasses", "field", "dataclass")
    imports.add("botocore.session")
    imports.add("botocore.exceptions", "ClientError")
    imports.add("..", "_runtime", alias="_rt")
    imports.add("..", "_codecs", alias="_c")
    imports.add(".", "_errors")
    imports.add(".enums", "Kind", "ARN")
    imports.add(".choice", "Choice")
    imports.add(".node", "Node")
    text = "\n".join(imports.lines()) + "\n"
    assert _ruff_isort(text, tmp_path) == text
    assert text.splitlines()[:3] == [
        "from __future__ import annotations",
        "",
        "import uuid",
    ]


def test_an_empty_collector_renders_nothing() -> None:
    assert Imports().lines() == ()
