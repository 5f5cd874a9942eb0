"""Format generated source with the pinned black, remembering what it made.

black dominates a cold run (about a minute for all of Connect); the same input
text always formats to the same output under the same black release and mode, so
results are kept on disk by a digest of all three. The cache is best effort:
a folder that cannot be read or written only costs the time of formatting.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from importlib.metadata import version
from pathlib import Path

import black.mode

# black's settings are part of the output: fixed here, never read from a user's config.
BLACK_MODE = black.mode.Mode(
    target_versions={black.mode.TargetVersion.PY311},
    line_length=88,
    string_normalization=True,
    magic_trailing_comma=True,
)
_SALT = f"black {version('black')}\n{BLACK_MODE!r}\n".encode()


def default_folder() -> Path | None:
    """``$CODEGEN_CACHE_DIR``, else ``$XDG_CACHE_HOME/codegen`` or ``~/.cache/codegen``.

    ``CODEGEN_CACHE_DIR=off`` turns the cache off.
    """
    configured = os.environ.get("CODEGEN_CACHE_DIR")
    if configured == "off":
        return None
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "codegen"


class FormatCache:
    """``format(text)`` is ``black.format_str(text, BLACK_MODE)``, remembered."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder

    def format(self, text: str) -> str:
        digest = hashlib.sha256(_SALT + text.encode("utf-8")).hexdigest()
        path = None if self.folder is None else self.folder / "black" / f"{digest}.py"
        if path is not None:
            try:
                return path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                pass
        formatted = black.format_str(text, mode=BLACK_MODE)
        if path is not None:
            _store(path, formatted)
        return formatted


def _store(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` atomically, so a reader never sees half of it."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
        os.replace(temporary, path)
    except OSError:
        return


class Unformatted(FormatCache):
    """Leaves the rendered text as it is, for checks of what the generated code
    does (the protocol fixtures, every service), where black, which only
    reformats, would cost most of the time. The golden test covers formatting."""

    def __init__(self) -> None:
        super().__init__(None)

    def format(self, text: str) -> str:
        return text
