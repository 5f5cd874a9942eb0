"""``python -m codegen``: generate, check that the committed output is current,
or ``python -m codegen diff OLD NEW``: what changed for callers between two models,
or ``python -m codegen schema``: the JSON Schema of the shapes (codegen.schema).
Generation and the diff draw a progress bar on stderr when it is a terminal
(``codegen.progress``); ``--quiet`` turns it off.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from codegen import config, progress
from codegen.apidiff import report
from codegen.apidiff.diff import diff_models
from codegen.errors import CodegenError
from codegen.generate.format_cache import FormatCache, default_folder
from codegen.generate.guard import check_output
from codegen.generate.provenance import model_mismatch, read_provenance, same_model
from codegen.generate.render import Renderer
from codegen.generate.writer import differences, write_package
from codegen.interrupts import guarded
from codegen.model import ir
from codegen.model.build import build_service
from codegen.model.loader import load_model
from codegen.model.releases import load_side
from codegen.schema import command as schema_command


def _add_config_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--config",
        metavar="PYPROJECT",
        default="pyproject.toml",
        help="pyproject.toml holding [tool.codegen] (default: ./pyproject.toml)",
    )


def _add_quiet_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--quiet",
        action="store_true",
        help="no progress bar (drawn on stderr only when it is a terminal)",
    )


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value <= 0:
        raise argparse.ArgumentTypeError(f"expected a positive integer: {text!r}")
    return value


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m codegen",
        description=(
            "Generate a typed, validated Python SDK from a botocore service model. "
            "Defaults come from [tool.codegen] in ./pyproject.toml."
        ),
        epilog=(
            "See also: python -m codegen diff OLD NEW (the API diff between two "
            "models; python -m codegen diff --help), python -m codegen schema "
            "(JSON Schema of the shapes; python -m codegen schema --help)."
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
        "--max-model-bytes",
        type=_positive,
        metavar="N",
        help="refuse a model larger than N bytes once decompressed "
        "(default: $CODEGEN_MAX_MODEL_BYTES, else 64 MiB)",
    )
    parser.add_argument(
        "--check",
        action="store_true",
        help="write nothing; exit 1 and list the files that differ if stale",
    )
    _add_quiet_option(parser)
    _add_config_option(parser)
    return parser


def run(arguments: argparse.Namespace) -> int:
    """Generate, or ``--check``: one flow read top to bottom (settings, guard,
    load, provenance, build, render, compare or write), about 50 lines."""
    settings = config.resolve(
        Path(arguments.config),
        arguments.service,
        arguments.operation,
        arguments.output,
        arguments.model,
    )
    if not arguments.check:
        check_output(settings.output, settings.model)
    loaded = load_model(settings.service, settings.model, arguments.max_model_bytes)
    made = read_provenance(settings.output) if arguments.check else None
    if made is not None and made.model_sha256 != loaded.sha256:
        # Another model makes every file differ; say that, not the diff.
        print(
            model_mismatch(
                settings.output, made, loaded.botocore_version, loaded.sha256,
                settings.model,
            )
        )  # fmt: skip
        return 1
    service = build_service(loaded, settings.operations)
    # The same model under another release: judge the output, not the release.
    same_model_elsewhere = made is not None and made.botocore_version != (
        service.botocore_version
    )
    if made is not None and same_model_elsewhere:
        service = dataclasses.replace(service, botocore_version=made.botocore_version)
    formatter = FormatCache(default_folder(), progress=progress.shown(arguments.quiet))
    files = Renderer(formatter=formatter).render(service, settings.support)
    if not arguments.check:
        return _write(files, settings.output, service)
    if made is not None and same_model_elsewhere:
        current = same_model(settings.output, made, loaded.botocore_version)
    else:
        current = f"{settings.output} is up to date"
    return _check(files, settings.output, service, current)


def _check(
    files: dict[str, str], output: Path, service: ir.Service, current: str
) -> int:
    """``--check``'s verdict: 1 and the stale files, or 0 and ``current``."""
    _print_notes(service)
    stale = differences(files, output)
    if stale:
        print(f"{output} is stale; these files differ:")
        for name in stale:
            print(f"  {name}")
        return 1
    print(current)
    return 0


def _write(files: dict[str, str], output: Path, service: ir.Service) -> int:
    """Write the package (only when a file changed) and say what changed."""
    changed = write_package(files, output)
    _print_notes(service)
    if not changed:
        print(f"{output} is up to date; nothing written")
        return 0
    print(f"wrote {output}; {len(changed)} files changed:")
    for name in changed:
        print(f"  {name}")
    return 0


def _print_notes(service: ir.Service) -> None:
    """What was left out or is not checked; printed once nothing can fail any
    more, so that a refused model or output gets its one error line only."""
    for skipped in service.skipped_operations:
        print(
            f"codegen: note: operation {skipped.name!r} left out: {skipped.reason}",
            file=sys.stderr,
        )
    for shape in service.shapes:
        if isinstance(shape, ir.StringShape) and shape.unchecked_pattern:
            unchecked = shape.unchecked_pattern
            print(
                f"codegen: note: shape {shape.name!r}: pattern {unchecked.ecma!r} "
                f"is not ECMA-262 ({unchecked.reason}); it is not checked",
                file=sys.stderr,
            )


def _diff_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m codegen diff",
        description=(
            "Report what changed for callers of the generated SDK between two "
            "models, each a botocore version (installed, or its wheel downloaded "
            "once into a cache) or a service-2.json[.gz] file. Exit status 0 when "
            "nothing breaks, 1 when something does, 2 on bad input."
        ),
    )
    parser.add_argument("old", metavar="OLD", help="botocore version or model file")
    parser.add_argument("new", metavar="NEW", help="botocore version or model file")
    parser.add_argument("--service", help="botocore service name, e.g. connect")
    parser.add_argument(
        "--operation",
        action="append",
        metavar="NAME",
        help="operation whose closure to compare (repeatable); 'all' for every one",
    )
    parser.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="output format (default: text)",
    )
    _add_quiet_option(parser)
    _add_config_option(parser)
    return parser


def run_diff(arguments: argparse.Namespace) -> int:
    """Print the API diff; exit status 1 when a change breaks callers."""
    service, operations = config.resolve_selection(
        Path(arguments.config), arguments.service, arguments.operation
    )
    # Three stages, the first two possibly a wheel download each.
    with progress.Progress(
        3, "diff", enabled=progress.shown(arguments.quiet), unit="step"
    ) as bar:
        bar.step(f"diff: reading {arguments.old}")
        old = load_side(arguments.old, service)
        bar.advance()
        bar.step(f"diff: reading {arguments.new}")
        new = load_side(arguments.new, service)
        bar.advance()
        bar.step("diff: comparing")
        diff = diff_models(old, new, operations)
        bar.advance()
    rendered = report.as_json(diff) if arguments.format == "json" else report.text(diff)
    sys.stdout.write(rendered)
    return 1 if diff.breaking else 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; a user's mistake is one line on stderr and exit status 2."""
    argv = sys.argv[1:] if argv is None else list(argv)
    command: Callable[[argparse.Namespace], int]
    if argv[:1] == ["diff"]:
        arguments = _diff_parser().parse_args(argv[1:])
        command = run_diff
    elif argv[:1] == ["schema"]:
        arguments = schema_command.parser().parse_args(argv[1:])
        command = schema_command.run
    else:
        arguments = _parser().parse_args(argv)
        command = run
    return guarded(lambda: _report_errors(command, arguments))


def _report_errors(
    command: Callable[[argparse.Namespace], int], arguments: argparse.Namespace
) -> int:
    try:
        return command(arguments)
    except CodegenError as error:
        print(f"codegen: error: {error}", file=sys.stderr)
        return 2
