"""Progress bars on stderr for long work, shown only to someone watching.

Formatting all of a service with a cold cache, an every-service run or a
botocore update runs for minutes; on a terminal a bar says how far it is. In a
CI log or a pipe a bar is noise (carriage returns, one redraw per update), and
tests compare stderr exactly, so the rule lives here, in one place: a bar only
when stderr is a terminal and ``--quiet`` was not given (``shown``). A disabled
``Progress`` does nothing at all, so callers never branch on it.

tqdm is the generator's dependency only: generated code never imports it, and
the generator imports it only to draw a bar (it costs about 40 ms).
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Iterable, Iterator
from types import TracebackType
from typing import TYPE_CHECKING, Any, TextIO, TypeVar

if TYPE_CHECKING:
    from tqdm import tqdm

T = TypeVar("T")


def shown(quiet: bool, stream: TextIO | None = None) -> bool:
    """Whether to draw bars: not ``--quiet`` and ``stream`` (stderr) a terminal."""
    if quiet:
        return False
    target = sys.stderr if stream is None else stream
    try:
        return target.isatty()
    except (AttributeError, ValueError):  # replaced by a stub, or closed
        return False


@functools.cache
def _bar_class() -> type[tqdm[Any]]:
    from tqdm import tqdm

    class Bar(tqdm):  # type: ignore[type-arg]
        """tqdm without its monitor thread: a thread alive when the formatter's
        pool forks its workers is what fork's deadlock warning is about."""

        monitor_interval = 0

    return Bar


class Progress:
    """``with Progress(total, "formatting", enabled=...) as bar: bar.advance()``.

    The bar is drawn on entering the block and erased when it ends (an error
    line or the command's own output follows on a clean line), Ctrl-C included;
    disabled, every method is a no-op.
    """

    def __init__(
        self, total: int, label: str, *, enabled: bool, unit: str = "it"
    ) -> None:
        self._settings = (total, label, unit) if enabled else None
        self._bar: tqdm[Any] | None = None

    def _start(self) -> None:
        if self._settings is None or self._bar is not None:
            return
        total, label, unit = self._settings
        # Not drawn by tqdm's constructor: drawn once ``self._bar`` holds it,
        # so that a Ctrl-C arriving right after the drawing can still erase it.
        self._bar = _bar_class()(
            total=total,
            desc=label,
            unit=unit,
            file=sys.stderr,
            leave=False,
            dynamic_ncols=True,
            delay=float("inf"),
        )
        self._bar.delay = 0.0
        self._bar.refresh()

    @property
    def enabled(self) -> bool:
        return self._settings is not None

    def advance(self, count: int = 1) -> None:
        """``count`` more units done."""
        if self._bar is not None and count:
            self._bar.update(count)

    def step(self, label: str) -> None:
        """Name what runs now (a stage bar: one unit per stage, ``advance`` after)."""
        if self._bar is not None:
            self._bar.set_description_str(label)

    def note(self, text: str) -> None:
        """A short status after the counts, e.g. ``3 with failures``."""
        if self._bar is not None:
            self._bar.set_postfix_str(text)

    def track(self, items: Iterable[T]) -> Iterator[T]:
        """``items`` as they are, one unit advanced after each is handled."""
        for item in items:
            yield item
            self.advance()

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None

    def __enter__(self) -> Progress:
        try:
            self._start()
        except BaseException:
            self.close()
            raise
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()
