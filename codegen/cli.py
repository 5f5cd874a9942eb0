"""``python -m codegen``: generate, or check that the committed output is current."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from codegen import config
from codegen.build import build_service
from codegen.errors import CodegenError
from codegen.loader import load_model
from codegen.render import Renderer
from codegen.writer import differences, write_package


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m codegen",
        description=(
            "Generate a typed, validated Python SDK from a botocore service model. "
            "Defaults come from [tool.codegen] in ./pyproject.toml."
        ),
    )
    parser.add_argument("--service", help="botocore service name, e.g. connect")
    parser.add_argument(
        "--operation",
        action="append",
        metavar="NAME",
        help="operation to generate (repeatable); 'all' for every operation",
    )
    parser.add_argument("--output", metavar="DIR", help="package folder to write")
    parser.add_argument(
        "--model",
        metavar="FILE",
        help="a service-2.json[.gz] to read instead of the installed botocore's",
    )
    parser.add_argument(
        "--check",
        action="store_true",
        help="write nothing; exit 1 and list the files that differ if stale",
    )
    parser.add_argument(
        "--config",
        metavar="PYPROJECT",
        default="pyproject.toml",
        help="pyproject.toml holding [tool.codegen] (default: ./pyproject.toml)",
    )
    return parser


def run(arguments: argparse.Namespace) -> int:
    settings = config.resolve(
        Path(arguments.config),
        arguments.service,
        arguments.operation,
        arguments.output,
        arguments.model,
    )
    loaded = load_model(settings.service, settings.model)
    service = build_service(loaded, settings.operations)
    files = Renderer().render(service)
    if arguments.check:
        stale = differences(files, settings.output)
        if stale:
            print(f"{settings.output} is stale; these files differ:")
            for name in stale:
                print(f"  {name}")
            return 1
        print(f"{settings.output} is up to date")
        return 0
    changed = write_package(files, settings.output)
    if not changed:
        print(f"{settings.output} is up to date; nothing written")
        return 0
    print(f"wrote {settings.output}; {len(changed)} files changed:")
    for name in changed:
        print(f"  {name}")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; a user's mistake is one line on stderr and exit status 2."""
    arguments = _parser().parse_args(argv)
    try:
        return run(arguments)
    except CodegenError as error:
        print(f"codegen: error: {error}", file=sys.stderr)
        return 2
