"""The generated API's section of CHANGELOG.md, which ``codegen.update`` extends.

New sections go right below a marker line, newest first, so the file can hold
hand-written prose above it and the history stays in reading order.
"""

from __future__ import annotations

from pathlib import Path

from codegen.apidiff import report
from codegen.apidiff.diff import ApiDiff
from codegen.errors import CodegenError

MARKER = "<!-- codegen.update adds new sections below this line, newest first -->"

_NEW_FILE = f"""# Changelog

## The generated API

{MARKER}
"""


def entry(
    version: str, previous: str, diff: ApiDiff, output: str, changed: list[str]
) -> str:
    """``## botocore X (from Y)``, the API diff and the generated files changed."""
    files = ", ".join(f"`{name}`" for name in changed) or "none"
    return (
        f"## botocore {version} (from {previous})\n\n"
        f"{report.markdown(diff)}\n"
        f"Files changed in `{output}`: {files}.\n"
    )


def quiet_entry(version: str, previous: str) -> str:
    """One line for a release whose model is the one generated from."""
    return f"## botocore {version} (from {previous}): no change to the generated API\n"


def add_entry(path: Path, text: str, compact: bool = False) -> None:
    """Insert ``text`` below the marker (appended, with one, if it is missing).

    ``compact`` leaves out the blank line after it, so a one-line entry is one
    added line (a run of quiet releases reads as a list of headings).
    """
    try:
        current = path.read_text(encoding="utf-8") if path.exists() else _NEW_FILE
    except (OSError, UnicodeDecodeError) as error:
        raise CodegenError(f"cannot read {path}: {error}") from None
    head, marker, tail = current.partition(MARKER)
    if not marker:
        head, marker, tail = current.rstrip("\n") + "\n\n", MARKER, "\n"
    rest = tail.lstrip("\n")
    gap = "" if compact else "\n"
    updated = f"{head}{marker}\n\n{text.rstrip()}\n" + (f"{gap}{rest}" if rest else "")
    try:
        path.write_text(updated, encoding="utf-8", newline="\n")
    except OSError as error:
        raise CodegenError(f"cannot write {path}: {error.strerror or error}") from None
