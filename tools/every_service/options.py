"""The run's options, and how the command line sets them."""

from __future__ import annotations

import argparse
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Options:
    """What to run: all of it by default, as ``make every-service`` does."""

    services: tuple[str, ...] | None = None
    sample: int | None = None
    examples: int = 3
    jobs: int = 2
    formatter: str = "black"
    output: Path | None = None
    shrink: bool = False
    progress: bool = True


def parse(argv: Sequence[str] | None) -> Options:
    """Options from the command line (``python -m tools.every_service --help``)."""
    parser = argparse.ArgumentParser(
        prog="python -m tools.every_service",
        description="Generate, import and round-trip every botocore service.",
    )
    parser.add_argument("--jobs", type=int, default=min(2, os.cpu_count() or 1))
    parser.add_argument(
        "--services", help="comma-separated service names (default all)"
    )
    parser.add_argument(
        "--sample", type=int, help="operations per service (default all)"
    )
    parser.add_argument("--examples", type=int, default=3, help="Hypothesis examples")
    parser.add_argument("--formatter", choices=("black", "none"), default="black")
    parser.add_argument("--output", type=Path, help="keep the packages in this folder")
    parser.add_argument("--shrink", action="store_true", help="shrink failing examples")
    parser.add_argument(
        "--quiet",
        action="store_true",
        help="no progress (a bar on a terminal's stderr, else a line per 25 services)",
    )
    args = parser.parse_args(argv)
    if (
        args.jobs < 1
        or args.examples < 1
        or (args.sample is not None and args.sample < 1)
    ):
        parser.error("--jobs, --examples and --sample must be at least 1")
    services = tuple(s for s in (args.services or "").split(",") if s) or None
    return Options(
        services=services,
        sample=args.sample,
        examples=args.examples,
        jobs=args.jobs,
        formatter=args.formatter,
        output=args.output,
        shrink=args.shrink,
        progress=not args.quiet,
    )
