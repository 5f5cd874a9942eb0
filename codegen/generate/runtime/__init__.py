"""Runtime modules copied verbatim into every generated package.

Every ``.py`` file here except this one is real, tested Python that becomes
``<package>/<same name>`` with the generated-file header put in front (see
team conventions). ``copied_files`` is the copy step.
"""

from __future__ import annotations

from pathlib import Path

FOLDER = Path(__file__).resolve().parent


def copied_files(header: str) -> dict[str, str]:
    """``{file name: header + source}`` for every runtime module of this folder."""
    return {
        path.name: f"{header}\n{path.read_text(encoding='utf-8')}"
        for path in sorted(FOLDER.glob("*.py"))
        if path.name != "__init__.py"
    }
