"""Format generated source with the pinned black, remembering what it made.

black dominates a cold run (about a minute for all of Connect); the same input
text always formats to the same output under the same black release and mode, so
results are kept on disk by a digest of all three. The cache is best effort:
a folder that cannot be read or written only costs the time of formatting.
A package's files are independent of each other, so ``format_many`` formats
the ones the cache does not know in a process pool, one process per core;
with ``progress=True`` a bar on stderr counts the files as they are done.
"""

from __future__ import annotations

import gc
import hashlib
import multiprocessing
import os
import tempfile
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from importlib.metadata import version
from pathlib import Path

import black.mode
import black.parsing

from codegen.generate.black_layout import lay_out
from codegen.progress import Progress

# black's settings are part of the output: fixed here, never read from a user's config.
BLACK_MODE = black.mode.Mode(
    target_versions={black.mode.TargetVersion.PY311},
    line_length=88,
    string_normalization=True,
    magic_trailing_comma=True,
)
_SALT = f"black {version('black')}\n{BLACK_MODE!r}\n".encode()

# Below this many texts to format, starting processes costs more than it saves.
POOL_MINIMUM = 8


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


class InvalidText(ValueError):
    """black could not parse ``texts[position]`` of a ``format_many`` call."""

    def __init__(self, position: int, reason: str) -> None:
        super().__init__(position, reason)
        self.position = position
        self.reason = reason

    def __str__(self) -> str:
        return f"text {self.position}: {self.reason}"


class FormatCache:
    """``format(text)`` is ``black.format_str(text, BLACK_MODE)``, remembered."""

    def __init__(
        self, folder: Path | None, processes: int | None = None, progress: bool = False
    ) -> None:
        self.folder = folder
        # None: one per core; 1: never a pool (the same output, serially).
        self.processes = processes
        # A bar on stderr (the caller decides: codegen.progress.shown).
        self.progress = progress

    def format(self, text: str) -> str:
        try:
            return self.format_many([text])[0]
        except InvalidText as error:
            raise black.parsing.InvalidInput(error.reason) from None

    def format_many(self, texts: Sequence[str]) -> list[str]:
        """Each text formatted, in order: cache hits first, then the misses,
        each distinct text once, in a process pool when there are enough."""
        done: dict[str, str] = {}
        misses: list[str] = []
        distinct = dict.fromkeys(texts)
        with Progress(
            len(distinct), "formatting", enabled=self.progress, unit="file"
        ) as bar:
            for text in distinct:
                cached = self._cached(text)
                if cached is None:
                    misses.append(text)
                else:
                    done[text] = cached
            bar.advance(len(done))
            formatted_misses = self._black_at(misses, texts, bar)
        for text, formatted in zip(misses, formatted_misses, strict=True):
            done[text] = formatted
            self._remember(text, formatted)
        return [done[text] for text in texts]

    def _black_at(
        self, misses: list[str], texts: Sequence[str], bar: Progress
    ) -> list[str]:
        """``_black(misses)``, an error naming its position in ``texts``."""
        try:
            return self._black(misses, bar)
        except InvalidText as error:
            position = list(texts).index(misses[error.position])
            raise InvalidText(position, error.reason) from None

    def _black(self, texts: list[str], bar: Progress) -> list[str]:
        """black on every text; the same result with or without a pool."""
        workers = min(self.processes or os.cpu_count() or 1, len(texts))
        # A daemonic process (a worker of the every-service runner's pool) may
        # not start processes; it is one of a pool already.
        if len(texts) < POOL_MINIMUM or multiprocessing.current_process().daemon:
            workers = 1
        if workers <= 1:
            previous = gc.get_threshold()
            gc.set_threshold(*_GC_THRESHOLDS)
            try:
                outcomes = [_format_one(text) for text in bar.track(texts)]
            finally:
                gc.set_threshold(*previous)
        else:
            # Longest first, so no long text starts last and keeps one core busy.
            order = sorted(range(len(texts)), key=lambda i: -len(texts[i]))
            outcomes = [(False, "")] * len(texts)
            with ProcessPoolExecutor(
                max_workers=workers, initializer=_start_worker
            ) as pool:
                # Each outcome lands at its own index: completion order only
                # moves the bar, never the result.
                futures = {pool.submit(_format_one, texts[i]): i for i in order}
                try:
                    for future in as_completed(futures):
                        outcomes[futures[future]] = future.result()
                        bar.advance()
                except BaseException:
                    # Ctrl-C: what has not started never will (as map's did).
                    pool.shutdown(cancel_futures=True)
                    raise
        for position, (parsed, result) in enumerate(outcomes):
            if not parsed:
                raise InvalidText(position, result)
        return [result for _, result in outcomes]

    def _path(self, text: str) -> Path | None:
        if self.folder is None:
            return None
        digest = hashlib.sha256(_SALT + text.encode("utf-8")).hexdigest()
        return self.folder / "black" / f"{digest}.py"

    def _cached(self, text: str) -> str | None:
        path = self._path(text)
        if path is None:
            return None
        try:
            return path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return None

    def _remember(self, text: str, formatted: str) -> None:
        path = self._path(text)
        if path is not None:
            _store(path, formatted)


# black allocates millions of short-lived objects per module; the default
# thresholds run the cycle collector so often that it costs about 12% of the time.
_GC_THRESHOLDS = (50_000, 20, 100)


def _start_worker() -> None:
    """A pool worker: what it inherited stays put, collections come seldom."""
    gc.freeze()
    gc.set_threshold(*_GC_THRESHOLDS)


def _format_one(text: str) -> tuple[bool, str]:
    """``(True, black's output)``, or ``(False, why black cannot parse it)``: a
    pool worker returns rather than raises, so the caller learns which text.

    black gets the text with its long lines laid out as black lays them out
    (``black_layout``), so that it usually finds nothing to change and stops
    after one pass instead of two. Should the laid-out text not parse (it
    always should: each rewrite keeps the statement's syntax tree), black gets
    the text as it was."""
    try:
        return True, black.format_str(lay_out(text), mode=BLACK_MODE)
    except black.parsing.InvalidInput:
        pass
    try:
        return True, black.format_str(text, mode=BLACK_MODE)
    except black.parsing.InvalidInput as error:
        return False, str(error)


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

    def format_many(self, texts: Sequence[str]) -> list[str]:
        return list(texts)
