"""Turn the model's HTML documentation into plain text for docstrings.

A model is input, not code: whatever its documentation holds must come out as
inert docstring text. ``docstring`` returns the complete literal, escaped.
"""

from __future__ import annotations

import html.parser
import re
import textwrap

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


def _escape(text: str) -> str:
    """Make ``text`` safe inside a triple-quoted docstring."""
    text = text.replace("\\", "\\\\").replace('"""', '\\"\\"\\"')
    if not text.replace("\n", "").isprintable():  # rare: skip the walk otherwise
        text = _escape_unprintable(text)
    if text.endswith('"'):
        text = text[:-1] + '\\"'
    return text


def _escape_unprintable(text: str) -> str:
    """Control and other unprintable characters as their escapes."""
    return "".join(
        (
            char
            if char.isprintable() or char == "\n"
            else char.encode("unicode_escape").decode("ascii")
        )
        for char in text
    )


def docstring(text: str, indent: int, width: int = 88) -> str:
    """The full ``\"\"\"...\"\"\"`` literal for ``text``, wrapped to fit ``width``."""
    # Room for the quotes on both sides, as black may join the closing ones.
    available = max(width - indent - 6, 40)
    paragraphs = [
        textwrap.fill(
            paragraph, available, break_long_words=False, break_on_hyphens=False
        )
        for paragraph in text.split("\n\n")
    ]
    body = _escape("\n\n".join(paragraphs))
    if "\n" not in body and len(body) + indent + 6 <= width:
        return f'"""{body}"""'
    pad = " " * indent
    lines = [(pad + line) if line else "" for line in body.split("\n")]
    return '"""' + "\n".join(lines).lstrip() + "\n" + pad + '"""'
