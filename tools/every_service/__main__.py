"""``python -m tools.every_service``: see ``runner.py`` and ``--help``."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from .options import parse
from .report import render
from .runner import run


def main(argv: Sequence[str] | None = None) -> int:
    """Run and print the report; 0 when nothing failed, 1 otherwise, 2 bad input."""
    options = parse(argv)
    try:
        report = run(options)
    except ValueError as error:
        print(f"every-service: error: {error}", file=sys.stderr)
        return 2
    print("\n".join(render(report)))
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main())
