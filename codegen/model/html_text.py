"""Turn the model's HTML documentation into plain text.

Done while the IR is built, so the IR holds plain text only and the renderer
never sees HTML (``codegen.generate.docstrings`` makes it a safe literal).
"""

from __future__ import annotations

import html.parser
import re

_BLOCKS = frozenset(
    {"p", "div", "ul", "ol", "note", "important", "dl", "br", "h1", "h2", "h3", "h4"}
)
_SPACES = re.compile(r"[ \t\r\n\f\v]+")


class _TextExtractor(html.parser.HTMLParser):
    """Collects paragraphs; ``<li>`` becomes ``- item``, ``<code>`` becomes ``x``."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[str] = []
        self._current: list[str] = []
        self._href: str | None = None

    def _flush(self) -> None:
        text = _SPACES.sub(" ", "".join(self._current)).strip()
        if text:
            self.paragraphs.append(text)
        self._current = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCKS:
            self._flush()
        elif tag == "li":
            self._flush()
            self._current.append("- ")
        elif tag == "code":
            self._current.append("``")
        elif tag == "a":
            self._href = dict(attrs).get("href")

    def handle_endtag(self, tag: str) -> None:
        if tag in _BLOCKS or tag == "li":
            self._flush()
        elif tag == "code":
            self._current.append("``")
        elif tag == "a":
            if self._href and self._href.startswith(("http://", "https://")):
                self._current.append(f" ({self._href})")
            self._href = None

    def handle_data(self, data: str) -> None:
        self._current.append(data)

    def close(self) -> None:
        super().close()
        self._flush()


def html_to_text(documentation: str) -> str:
    """Plain text paragraphs separated by blank lines; empty for no documentation."""
    extractor = _TextExtractor()
    extractor.feed(documentation)
    extractor.close()
    return "\n\n".join(
        paragraph.replace("````", "") for paragraph in extractor.paragraphs
    )
