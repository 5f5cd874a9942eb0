"""``FormatCache.format_many``: black's own output, text by text, pooled or not.

black itself (``black.format_str`` with the pinned mode, one text at a time) is
the oracle; a pool, the cache and the skipping of repeated texts may only
change how long formatting takes.
"""

from __future__ import annotations

import multiprocessing
from pathlib import Path

import black
import pytest

from codegen.generate.format_cache import (
    POOL_MINIMUM,
    FormatCache,
    InvalidText,
)
from codegen.generate.render import Renderer
from codegen.model.build import build_service
from codegen.model.loader import load_model
from tests.support import black_alone

# More operations than one, so the package has enough modules for the pool.
OPERATIONS = ["StartEmailContact", "ListQueues"]


def _texts(count: int) -> list[str]:
    """Distinct unformatted modules, some with work for black's second pass."""
    return [
        f"x{i}=[ {i},{i + 1} ,]\n"
        f"def f{i}(a,b = {i}) :\n  return call(a,b,'{i}',)\n"
        f"class C{i}( object ) :\n  y : int=({i})\n"
        for i in range(count)
    ]


@pytest.mark.parametrize("processes", [1, 2])
def test_format_many_is_black_text_by_text_in_order(processes: int) -> None:
    texts = _texts(POOL_MINIMUM + 5)
    texts += [texts[3], texts[0]]  # repeated texts come back at every position
    formatted = FormatCache(None, processes=processes).format_many(texts)
    assert formatted == [black_alone(text) for text in texts]


def test_a_pooled_multi_operation_package_equals_the_serial_one() -> None:
    service = build_service(load_model("connect"), OPERATIONS)
    serial = Renderer(formatter=FormatCache(None, processes=1)).render(service)
    pooled = Renderer(formatter=FormatCache(None, processes=2)).render(service)
    assert len(serial) > POOL_MINIMUM  # the pooled run did use a pool
    assert list(pooled) == list(serial)
    for name, text in serial.items():
        assert pooled[name] == text, name
    # and both are black's output of a text that is already black's output
    assert serial["client.py"] == black_alone(serial["client.py"])


def test_cache_hits_are_read_and_misses_are_stored(tmp_path: Path) -> None:
    texts = _texts(POOL_MINIMUM + 2)
    first = FormatCache(tmp_path, processes=2).format_many(texts)
    stored = sorted((tmp_path / "black").iterdir())
    assert len(stored) == len(texts)
    # A planted entry stands for its text: the second call formats nothing.
    planted = {path.read_text(encoding="utf-8") for path in stored}
    assert planted == set(first)
    for path in stored:
        path.write_text(f"# from the cache\n{path.read_text(encoding='utf-8')}")
    again = FormatCache(tmp_path, processes=2).format_many(texts)
    assert again == [f"# from the cache\n{text}" for text in first]


@pytest.mark.parametrize("processes", [1, 2])
def test_an_unparsable_text_is_named_by_its_position(processes: int) -> None:
    texts = _texts(POOL_MINIMUM + 2)
    texts[7] = "def broken(:\n"
    with pytest.raises(InvalidText) as raised:
        FormatCache(None, processes=processes).format_many(texts)
    assert raised.value.position == 7
    with pytest.raises(black.parsing.InvalidInput) as expected:
        black_alone(texts[7])
    assert raised.value.reason == str(expected.value)


def test_format_keeps_raising_blacks_error() -> None:
    with pytest.raises(black.parsing.InvalidInput):
        FormatCache(None).format("def broken(:\n")


def _format_in_worker(count: int) -> list[str]:
    return FormatCache(None).format_many(_texts(count))


def test_a_daemonic_worker_formats_without_starting_processes() -> None:
    """The every-service runner renders in a multiprocessing.Pool's workers,
    which may not start processes of their own."""
    context = multiprocessing.get_context("spawn")
    with context.Pool(processes=1) as pool:
        formatted = pool.apply(_format_in_worker, (POOL_MINIMUM + 2,))
    assert formatted == [black_alone(text) for text in _texts(POOL_MINIMUM + 2)]
