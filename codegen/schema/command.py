"""``python -m codegen schema``: the JSON Schema of any selection, no Python.

The same bytes as the ``schema.json`` that generation writes into the package
for the same selection.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from codegen import config
from codegen.errors import CodegenError
from codegen.model.build import build_service
from codegen.model.loader import load_model
from codegen.schema.document import render_schema


def parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m codegen schema",
        description=(
            "Write the JSON Schema (draft 2020-12) of the selected operations' "
            "shapes: one $defs entry per shape, under its model name."
        ),
    )
    parser.add_argument("--service", help="botocore service name, e.g. connect")
    parser.add_argument(
        "--operation",
        action="append",
        metavar="NAME",
        help="operation whose shapes to describe (repeatable); 'all' for every one",
    )
    parser.add_argument(
        "--output",
        metavar="FILE",
        default="-",
        help="file to write, '-' for standard output (the default)",
    )
    parser.add_argument(
        "--model",
        metavar="FILE",
        help="a service-2.json[.gz] to read instead of the installed botocore's",
    )
    parser.add_argument(
        "--config",
        metavar="PYPROJECT",
        default="pyproject.toml",
        help="pyproject.toml holding [tool.codegen] (default: ./pyproject.toml)",
    )
    return parser


def _write_atomically(path: Path, text: str) -> None:
    """Replace ``path`` whole, so a failed run leaves no half-written file."""
    if path.is_dir():
        raise CodegenError(f"cannot write {path}: it is a folder")
    folder = path.parent if str(path.parent) else Path(".")
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=folder)
    except OSError as error:
        raise CodegenError(f"cannot write {path}: {error.strerror}") from None
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as file:
            file.write(text)
        os.replace(temporary, path)
    except BaseException as error:
        Path(temporary).unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise CodegenError(f"cannot write {path}: {error.strerror}") from None
        raise


def run(arguments: argparse.Namespace) -> int:
    service_name, operations = config.resolve_selection(
        Path(arguments.config), arguments.service, arguments.operation
    )
    loaded = load_model(
        service_name, Path(arguments.model) if arguments.model else None
    )
    text = render_schema(build_service(loaded, operations))
    if arguments.output == "-":
        sys.stdout.write(text)
    else:
        _write_atomically(Path(arguments.output), text)
    return 0
