"""Hypothesis draws collected outside a test, for checks over a whole batch.

Apart from ``tests.support`` so that the helpers every test needs import without
Hypothesis (the vendored-copy and async matrices run the client tests in
environments holding only botocore and pytest).
"""

from __future__ import annotations

import contextlib
from typing import TypeVar

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument, Unsatisfiable

T = TypeVar("T")


def draw_batch(
    strategy: st.SearchStrategy[T], count: int, profile: settings | None = None
) -> list[T]:
    """``count`` Hypothesis draws collected outside a test, to be judged together
    (one Node batch, or a check over a whole sample).

    Derandomized without an example database unless ``profile`` says otherwise. A
    strategy nothing satisfies (a pattern nothing matches) gives no values.
    """
    drawn: list[T] = []
    base = profile or settings(derandomize=True, database=None, deadline=None)

    @settings(
        parent=base,
        max_examples=count,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(strategy)
    def keep(value: T) -> None:
        drawn.append(value)

    with contextlib.suppress(Unsatisfiable, InvalidArgument):
        keep()
    return drawn
