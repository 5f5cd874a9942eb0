"""``codegen.model.html_text``: the model's HTML documentation becomes plain text."""

from __future__ import annotations

import pytest

from codegen.model.html_text import html_to_text


@pytest.mark.parametrize(
    ("html", "text"),
    [
        ("<p>One.</p> <p>Two.</p>", "One.\n\nTwo."),
        ("<p>Use <code>RAW</code> here.</p>", "Use ``RAW`` here."),
        ("<p>a &amp; b &lt;c&gt;</p>", "a & b <c>"),
        ("<ul><li>x</li><li>y</li></ul>", "- x\n\n- y"),
        (
            '<p>See <a href="https://docs.aws.amazon.com/x">the guide</a>.</p>',
            "See the guide (https://docs.aws.amazon.com/x).",
        ),
        ("<note><p>Careful</p></note>", "Careful"),
        ("", ""),
    ],
)
def test_html_becomes_plain_text(html: str, text: str) -> None:
    assert html_to_text(html) == text
