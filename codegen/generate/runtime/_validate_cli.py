"""``python -m <package> validate SHAPE [FILE ...]``: check JSON files against a shape.

Each document is read as the shape's botocore parameter dict (``from_dict``,
then ``validate()``), exactly as the package checks a request before sending
it, so the verdict is the package's own. Standard library only; the package
is found through ``__package__``, so this module is the same text in every
generated package. Exit status: 0 all valid, 1 any invalid, 2 on unreadable
or non-JSON input or an unknown shape. Messages never show a sensitive value.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from collections.abc import Sequence
from typing import Any, TextIO

STDIN = "-"


class _BadInput(Exception):
    """A file that cannot be read as JSON (exit status 2)."""


def _refuse_constant(name: str) -> object:
    raise ValueError(f"{name} is not JSON")


def _load(name: str, stdin: TextIO) -> object:
    try:
        if name == STDIN:
            text = stdin.read()
        else:
            with open(name, encoding="utf-8") as file:
                text = file.read()
    except (OSError, UnicodeDecodeError) as error:
        reason = getattr(error, "strerror", None) or str(error)
        raise _BadInput(f"cannot read: {reason}") from None
    try:
        return json.loads(text, parse_constant=_refuse_constant)
    except (ValueError, RecursionError) as error:
        raise _BadInput(f"not JSON: {error}") from None


def _shape(package: Any, name: str) -> Any:
    """The generated class called ``name``, or ``None`` when there is none."""
    runtime = importlib.import_module("._runtime", package.__name__)
    found = getattr(package, name, None) if name.isidentifier() else None
    if not (isinstance(found, type) and issubclass(found, runtime.Shape)):
        return None
    # A model shape reads itself; the base classes (the error base) do not.
    reads = any(
        "_from_wire" in vars(base)
        for base in found.__mro__
        if base is not runtime.Shape and issubclass(base, runtime.Shape)
    )
    return found if reads else None


def violations(shape: Any, document: object, error_type: type[Exception]) -> list[Any]:
    """What is wrong with ``document`` as a ``shape`` parameter dict."""
    try:
        shape.from_dict(document).validate()
    except error_type as error:
        return list(getattr(error, "errors", ()))
    return []


def _parser(package: str) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=f"python -m {package}",
        description=(
            "Check JSON documents against a shape of this package (its botocore "
            "parameter dict). Exit status 0 when all are valid, 1 when any is "
            "not, 2 on unreadable or non-JSON input or an unknown shape."
        ),
    )
    parser.add_argument("command", choices=("validate",), help="what to do")
    parser.add_argument("shape", metavar="SHAPE", help="shape name, e.g. Reference")
    parser.add_argument(
        "files", metavar="FILE", nargs="*", help="JSON files (default: stdin)"
    )
    parser.add_argument("--format", choices=("text", "json"), default="text")
    return parser


def _report(
    name: str, found: list[Any], text: bool, out: TextIO, results: list[object]
) -> None:
    shown = "<stdin>" if name == STDIN else name
    if text:
        for violation in found:
            path = violation.path or "<root>"
            out.write(f"{shown}: {path}: {violation.rule}: {violation.message}\n")
        return
    listed = [{"path": v.path, "rule": v.rule, "message": v.message} for v in found]
    results.append({"file": shown, "valid": not found, "violations": listed})


def main(
    argv: Sequence[str] | None = None,
    stdin: TextIO | None = None,
    out: TextIO | None = None,
    err: TextIO | None = None,
) -> int:
    """Run ``validate SHAPE [FILE ...]`` (``argv`` defaults to the command line)."""
    stdin, out, err = stdin or sys.stdin, out or sys.stdout, err or sys.stderr
    name = __package__ or __name__.rpartition(".")[0]
    arguments = _parser(name).parse_intermixed_args(argv)
    package = importlib.import_module(name)
    shape = _shape(package, arguments.shape)
    if shape is None:
        err.write(f"validate: error: unknown shape {arguments.shape!r}\n")
        return 2
    status = 0
    results: list[object] = []
    text = arguments.format == "text"
    for file in arguments.files or [STDIN]:
        try:
            document = _load(file, stdin)
        except _BadInput as error:
            err.write(f"validate: error: {file}: {error}\n")
            status = 2
            continue
        found = violations(shape, document, package.ValidationError)
        if found and status == 0:
            status = 1
        _report(file, found, text, out, results)
    if not text:
        out.write(json.dumps({"documents": results}, indent=2) + "\n")
    return status
