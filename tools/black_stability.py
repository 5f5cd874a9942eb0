"""How many generated modules black leaves as they are, once laid out.

    .venv/bin/python -m tools.black_stability [--service S] [--operation X] [--every N]

Renders a package (all of Connect by default) without formatting, lays each
module out (``codegen.generate.black_layout``) and formats it with black, in a
process pool: a module black leaves unchanged costs it one pass, any other
two (``black.format_str`` formats its own output again). Prints the count, the
CPU seconds of laying out and of black, and the modules black still changes,
which a new rule in ``black_rules.py`` could lay out.
"""

from __future__ import annotations

import argparse
import os
import time
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass

import black

from codegen.generate.black_layout import lay_out
from codegen.generate.format_cache import BLACK_MODE, Unformatted
from codegen.generate.render import Renderer
from codegen.model.build import build_service
from codegen.model.loader import load_model


@dataclass(frozen=True)
class Outcome:
    name: str
    stable: bool
    layout_seconds: float
    black_seconds: float


def rendered(
    operations: Sequence[str], every: int = 1, service_name: str = "connect"
) -> dict[str, str]:
    """The Python modules of a package, as the templates write them (each
    ``every``-th by name)."""
    service = build_service(load_model(service_name), list(operations))
    files = Renderer(formatter=Unformatted()).render(service)
    names = sorted(name for name in files if name.endswith(".py"))[::every]
    return {name: files[name] for name in names}


def outcome(name: str, text: str) -> Outcome:
    started = time.process_time()
    laid = lay_out(text)
    laid_out = time.process_time()
    formatted = black.format_str(laid, mode=BLACK_MODE)
    return Outcome(
        name,
        formatted == laid,
        laid_out - started,
        time.process_time() - laid_out,
    )


def outcomes(modules: dict[str, str]) -> list[Outcome]:
    with ProcessPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        return list(pool.map(outcome, modules, modules.values(), chunksize=4))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--service", default="connect")
    parser.add_argument("--operation", action="append", default=None)
    parser.add_argument("--every", type=int, default=1, help="every N-th module")
    options = parser.parse_args()
    modules = rendered(options.operation or ["all"], options.every, options.service)
    results = outcomes(modules)
    stable = [result for result in results if result.stable]
    print(
        f"{len(stable)} of {len(results)} modules black leaves as laid out; "
        f"CPU: laying out {sum(r.layout_seconds for r in results):.1f} s, "
        f"black {sum(r.black_seconds for r in results):.1f} s"
    )
    for result in results:
        if not result.stable:
            print(f"  changed by black: {result.name}")


if __name__ == "__main__":
    main()
