"""Generate every botocore service, import it, and round-trip every operation's input.

For each service (one task per service, in a process pool):

1. **generate**: ``build_service(loaded, ["all"])`` must succeed; the package is
   rendered (black through its cache, or unformatted for the CI test) and
   written: all operations, or with ``--sample N`` only the N sampled ones and
   their closure (rendering and importing cost per operation, building does not);
2. **import**: import the package and every name it exports, so every module
   (shapes, codecs, errors, client) is loaded at least once;
3. **skips**: the operations the generator skipped must be exactly the ones an
   exclusion rule names (``exclusions.py``), and vice versa;
4. **round trip**, for every operation (or a deterministic sample): the client
   has the method (and ``paginate_*`` / ``wait_*`` for botocore's paginator and
   waiters of it), and for a few Hypothesis examples of botocore parameter dicts
   (``strategies.py``): botocore's own validator accepts the example (else the
   strategy is wrong), ``Request.from_dict(d)`` builds, ``.to_dict()`` gives
   ``d`` back (types included: ``True`` is not ``1``), botocore's serializer for
   the service's protocol accepts it, and ``validate()`` reports nothing but
   ``pattern`` violations (patterns are not drawn, everything else is).

Every failure is printed as ``FAIL service operation: stage: message`` with the
failing example, then grouped by cause; the last line is the summary. Exit
status: 0 when nothing failed, 1 otherwise, 2 for bad options.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib
import multiprocessing
import os
import re
import shutil
import sys
import tempfile
import time
import typing
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

import botocore.model
import botocore.serialize
import botocore.session
import botocore.validate
from botocore import xform_name
from hypothesis import HealthCheck, Phase, Verbosity, given, settings
from hypothesis.errors import HypothesisException

from codegen.errors import CodegenError
from codegen.generate.format_cache import FormatCache, Unformatted, default_folder
from codegen.generate.render import Renderer
from codegen.generate.writer import write_package
from codegen.model.build import build_service
from codegen.model.loader import LoadedModel, load_model

from .exclusions import EXCLUSIONS, exclusion_for
from .strategies import UnsupportedShape, input_params

# A worker process is replaced after this many services, so that what the
# imported packages and botocore's models leave behind never accumulates.
TASKS_PER_WORKER = 40
EXAMPLE_CHARS = 300  # a failing example is printed up to this many characters
# Generic strategies over the models' own sizes: a large closure is slow to draw
# and its smallest example can be big (many required structures); neither is a
# fault of the generator or of the strategy, so these checks would only add noise.
SUPPRESSED = (
    HealthCheck.too_slow,
    HealthCheck.data_too_large,
    HealthCheck.large_base_example,
)


@dataclass(frozen=True)
class Task:
    """What one worker does for one service."""

    service: str
    sample: int | None  # operations per service; None for all
    examples: int
    formatter: str  # "black" or "none"
    root: str  # folder the package is written into
    keep: bool  # leave the package on disk
    shrink: bool  # let Hypothesis shrink a failing example (slower, smaller)


@dataclass(frozen=True)
class Failure:
    """One failed check; ``operation`` is empty for a service-level failure."""

    service: str
    operation: str
    stage: str
    message: str
    example: str = ""

    def line(self) -> str:
        where = f"{self.service} {self.operation}".rstrip()
        return f"FAIL {where}: {self.stage}: {self.message}"


@dataclass(frozen=True)
class ServiceResult:
    """Everything the parent needs about one service, picklable."""

    service: str
    imported: bool
    checked: tuple[str, ...]  # operations selected for the round trip
    passed: tuple[str, ...]
    excluded: tuple[tuple[str, str], ...]  # (operation, exclusion rule name)
    failures: tuple[Failure, ...]
    seconds: float


class Mismatch(Exception):
    """A round-trip check failed at ``stage``, with a one-line ``message``."""

    def __init__(self, stage: str, message: str) -> None:
        super().__init__(f"{stage}: {message}")
        self.stage = stage
        self.message = message


class StageError(Exception):
    """Generation or import of a whole service failed at ``stage``."""

    def __init__(self, stage: str, message: str) -> None:
        super().__init__(f"{stage}: {message}")
        self.stage = stage
        self.message = message


# --- helpers ------------------------------------------------------------------------


def one_line(error: BaseException) -> str:
    """An exception as one line: its own message for ours, else type and message."""
    text = str(error).strip().splitlines()
    first = text[0] if text else ""
    if isinstance(error, CodegenError | Mismatch | StageError):
        return first
    return f"{type(error).__name__}: {first}".rstrip(": ")


def short(value: object, limit: int = EXAMPLE_CHARS) -> str:
    """``repr(value)`` cut to ``limit`` characters, for one-line messages."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def package_name(service: str) -> str:
    """A Python identifier for a package: ``iot-data`` -> ``sdk_iot_data``."""
    return "sdk_" + re.sub(r"\W", "_", service)


def sample_operations(service: str, names: Iterable[str], count: int) -> list[str]:
    """``count`` operations, the same on every run and spread over the alphabet.

    Ordering by a digest of ``service.operation`` (rather than taking the first
    names) mixes Create/Delete/Describe/List/Update operations in every sample.
    """

    def digest(name: str) -> str:
        return hashlib.sha256(f"{service}.{name}".encode()).hexdigest()

    return sorted(sorted(names, key=digest)[:count])


def first_difference(expected: Any, actual: Any, path: str = "") -> str | None:
    """Where ``actual`` differs from ``expected`` (types included), or None."""
    where = path or "<root>"
    if type(expected) is not type(actual):
        return (
            f"{where}: {type(expected).__name__} {short(expected, 60)} became "
            f"{type(actual).__name__} {short(actual, 60)}"
        )
    if isinstance(expected, dict):
        for key in [*expected, *(key for key in actual if key not in expected)]:
            sub = f"{path}.{key}" if path else str(key)
            if key not in actual:
                return f"{sub}: dropped"
            if key not in expected:
                return f"{sub}: added ({short(actual[key], 60)})"
            found = first_difference(expected[key], actual[key], sub)
            if found:
                return found
        return None
    if isinstance(expected, list):
        if len(expected) != len(actual):
            return f"{where}: {len(expected)} entries became {len(actual)}"
        for index, (left, right) in enumerate(zip(expected, actual, strict=True)):
            found = first_difference(left, right, f"{path}[{index}]")
            if found:
                return found
        return None
    if expected != actual:
        return f"{where}: {short(expected, 60)} became {short(actual, 60)}"
    return None


# --- the worker ---------------------------------------------------------------------


def _formatter(kind: str) -> FormatCache:
    return FormatCache(default_folder()) if kind == "black" else Unformatted()


def _build(loaded: LoadedModel, operations: list[str]) -> Any:
    try:
        return build_service(loaded, operations)
    except Exception as error:  # any error is the result
        raise StageError("generate", one_line(error)) from error


def _generate(
    loaded: LoadedModel, task: Task, operations: list[str] | None
) -> tuple[Any, ModuleType]:
    """Build every operation; render, write and import ``operations`` (or all).

    The service counts as generated only if all of it builds (that is cheap);
    a sample renders and imports only its own operations and their closure,
    because rendering and importing cost per operation.
    """
    everything = _build(loaded, ["all"])
    service = everything if not operations else _build(loaded, operations)
    try:
        files = Renderer(formatter=_formatter(task.formatter)).render(service)
        write_package(files, Path(task.root) / package_name(task.service))
    except Exception as error:  # any error is the result
        raise StageError("generate", one_line(error)) from error
    importlib.invalidate_caches()
    name = package_name(task.service)
    try:
        package = importlib.import_module(name)
        for exported in package.__all__:
            getattr(package, exported)
    except Exception as error:  # any error is the result
        raise StageError("import", one_line(error)) from error
    return everything, package


def _forget(task: Task) -> None:
    """Drop the package from ``sys.modules`` (and from disk unless kept)."""
    name = package_name(task.service)
    for module in [m for m in sys.modules if m == name or m.startswith(name + ".")]:
        del sys.modules[module]
    if not task.keep:
        shutil.rmtree(Path(task.root) / name, ignore_errors=True)


def _skip_failures(
    service: str, skipped: dict[str, str], excluded: dict[str, str]
) -> list[Failure]:
    """The generator's skips must be exactly the exclusion table's operations."""
    failures = [
        Failure(
            service, name, "skip", f"skipped by the generator ({why}), not excluded"
        )
        for name, why in sorted(skipped.items())
        if name not in excluded
    ]
    failures += [
        Failure(service, name, "skip", f"excluded ({rule}) but generated, not skipped")
        for name, rule in sorted(excluded.items())
        if name not in skipped
    ]
    return failures


def _violations(obj: Any, validation_error: type[Exception]) -> list[Any]:
    try:
        obj.validate()
    except validation_error as error:
        return list(getattr(error, "errors", []))
    return []


def _stage(stage: str, action: Callable[[], Any]) -> Any:
    """Run ``action``; any exception becomes a ``Mismatch`` at ``stage``."""
    try:
        return action()
    except Exception as error:  # any error is the result
        raise Mismatch(stage, one_line(error)) from error


@dataclass
class Checker:
    """The checks of one example of one operation, with what they need."""

    operation: botocore.model.OperationModel
    request_class: Any  # a generated class: from_dict, to_dict, validate
    validation_error: type[Exception]
    serializer: Any
    validator: botocore.validate.ParamValidator = field(
        default_factory=botocore.validate.ParamValidator
    )

    def check(self, params: dict[str, Any]) -> None:
        """Raise ``Mismatch`` on the first check ``params`` fails."""
        shape = self.operation.input_shape
        assert shape is not None  # operations without input are not checked
        report = self.validator.validate(params, shape)
        if report.has_errors():
            lines = report.generate_report().splitlines()
            raise Mismatch(
                "strategy", f"botocore rejects the drawn example: {lines[-1]}"
            )
        obj = _stage("from_dict", lambda: self.request_class.from_dict(params))
        back = _stage("to_dict", obj.to_dict)
        difference = first_difference(params, back)
        if difference:
            raise Mismatch("to_dict", f"round trip changed {difference}")
        _stage(
            "serialize",
            lambda: self.serializer.serialize_to_request(back, self.operation),
        )
        violations = _stage("validate", lambda: _violations(obj, self.validation_error))
        wrong = [v for v in violations if getattr(v, "rule", None) != "pattern"]
        if wrong:
            raise Mismatch("validate", f"{len(wrong)} violation(s), first: {wrong[0]}")


def _settings(task: Task) -> settings:
    phases = (Phase.explicit, Phase.generate) + ((Phase.shrink,) if task.shrink else ())
    return settings(
        max_examples=task.examples,
        derandomize=True,
        database=None,
        deadline=None,
        phases=phases,
        suppress_health_check=SUPPRESSED,
        report_multiple_bugs=False,
        verbosity=Verbosity.quiet,
        print_blob=False,
    )


def _round_trip(
    task: Task, operation: botocore.model.OperationModel, checker: Checker
) -> Failure | None:
    """Run the Hypothesis examples of one operation; the failure, if any."""
    service, name = task.service, operation.name
    try:
        strategy = input_params(operation)
    except UnsupportedShape as error:
        return Failure(service, name, "strategy", one_line(error))
    failed: list[tuple[Mismatch, dict[str, Any]]] = []

    @_settings(task)
    @given(strategy)
    def examples(params: dict[str, Any]) -> None:
        try:
            checker.check(params)
        except Mismatch as mismatch:
            failed.append((mismatch, params))
            raise

    try:
        examples()
    except Mismatch:
        mismatch, params = failed[-1]  # the last run is the one Hypothesis reports
        return Failure(service, name, mismatch.stage, mismatch.message, short(params))
    except HypothesisException as error:
        return Failure(service, name, "strategy", one_line(error))
    return None


def _check_operation(
    task: Task, package: ModuleType, client_class: type, name: str, model: Any
) -> Failure | None:
    operation = model.operation_model(name)
    if not hasattr(client_class, xform_name(name)):
        return Failure(task.service, name, "client", f"no method {xform_name(name)}")
    if operation.input_shape is None:
        return None
    protocol = model.resolved_protocol
    # The class the client method takes, as a caller's type checker sees it
    # (a shape named like a builtin or keyword has a renamed class).
    method = getattr(client_class, xform_name(name))
    checker = Checker(
        operation=operation,
        request_class=typing.get_type_hints(method)["request"],
        validation_error=package.ValidationError,
        serializer=botocore.serialize.create_serializer(
            protocol, include_validation=False
        ),
    )
    return _round_trip(task, operation, checker)


def check_service(task: Task) -> ServiceResult:
    """Generate, import and round-trip one service (runs in a worker process).

    Never raises: an unexpected error becomes a service-level failure, so that
    one broken service cannot stop the pool.
    """
    start = time.monotonic()
    try:
        return _check_service(task, start)
    except Exception as error:  # any error is the result
        failure = Failure(task.service, "", "runner", one_line(error))
        return ServiceResult(task.service, False, (), (), (), (failure,), 0.0)


def _paging_failures(
    task: Task, service: Any, client_class: type, checked: list[str]
) -> list[Failure]:
    """Each checked operation's paginator and waiters are methods of the client."""
    wanted = set(checked)
    methods = [(p.operation, p.method_name) for p in service.paginators] + [
        (w.operation, w.method_name) for w in service.waiters
    ]
    return [
        Failure(task.service, operation, "client", f"no method {method}")
        for operation, method in methods
        if operation in wanted and not callable(getattr(client_class, method, None))
    ]


def _check_service(task: Task, start: float) -> ServiceResult:
    loaded = load_model(task.service)
    model = loaded.service_model
    names = list(model.operation_names)
    excluded = {
        name: rule.name
        for name in names
        if (rule := exclusion_for(model.operation_model(name))) is not None
    }
    eligible = [name for name in names if name not in excluded]
    checked = (
        eligible
        if task.sample is None
        else sample_operations(task.service, eligible, task.sample)
    )

    def result(
        imported: bool, passed: list[str], failures: list[Failure]
    ) -> ServiceResult:
        return ServiceResult(
            service=task.service,
            imported=imported,
            checked=tuple(checked),
            passed=tuple(passed),
            excluded=tuple(sorted(excluded.items())),
            failures=tuple(failures),
            seconds=time.monotonic() - start,
        )

    try:
        sampled = None if task.sample is None else checked
        service, package = _generate(loaded, task, sampled)
    except StageError as error:
        _forget(task)
        failure = Failure(task.service, "", error.stage, error.message)
        return result(False, [], [failure])
    try:
        skipped = {
            op.name: op.reason for op in getattr(service, "skipped_operations", ())
        }
        failures = _skip_failures(task.service, skipped, excluded)
        client_class = getattr(package, service.client_class)
        failures += _paging_failures(task, service, client_class, checked)
        passed: list[str] = []
        for name in checked:
            found = _check_operation(task, package, client_class, name, model)
            if found is None:
                passed.append(name)
            else:
                failures.append(found)
        return result(True, passed, failures)
    finally:
        _forget(task)


def _start_worker(root: str) -> None:
    """Make the packages written under ``root`` importable in this process."""
    sys.path.insert(0, root)


# --- the run ------------------------------------------------------------------------


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


@dataclass(frozen=True)
class Report:
    """The results of every service, and what the summary line says."""

    options: Options
    results: tuple[ServiceResult, ...]
    seconds: float

    @property
    def failures(self) -> list[Failure]:
        return [failure for result in self.results for failure in result.failures]

    @property
    def ok(self) -> bool:
        return not self.failures

    def summary(self) -> str:
        imported = sum(result.imported for result in self.results)
        checked = sum(len(result.checked) for result in self.results)
        passed = sum(len(result.passed) for result in self.results)
        excluded = sum(len(result.excluded) for result in self.results)
        sample = self.options.sample
        note = "" if sample is None else f" (a sample of up to {sample} per service)"
        return (
            f"every-service: {imported}/{len(self.results)} services generated and "
            f"imported, {passed:,}/{checked:,} operations round-tripped{note}; "
            f"{excluded} operations excluded" + (" (listed above)" if excluded else "")
        )


def available_services() -> list[str]:
    """Every service of the installed botocore, as the generator's loader sees them."""
    loader = botocore.session.get_session().get_component("data_loader")
    return sorted(loader.list_available_services("service-2"))


def _model_size(service: str) -> int:
    """The size of a service's model file: a cheap proxy for its work."""
    loader = botocore.session.get_session().get_component("data_loader")
    version = loader.determine_latest_version(service, "service-2")
    for base in loader.search_paths:
        for suffix in (".json", ".json.gz"):
            path = Path(base, service, version, "service-2" + suffix)
            if path.is_file():
                return path.stat().st_size
    return 0


def _tasks(options: Options, services: Sequence[str], root: Path) -> list[Task]:
    """One task per service, largest first so that no worker ends the run alone."""
    ordered = sorted(services, key=lambda name: (-_model_size(name), name))
    return [
        Task(
            service=name,
            sample=options.sample,
            examples=options.examples,
            formatter=options.formatter,
            root=str(root),
            keep=options.output is not None,
            shrink=options.shrink,
        )
        for name in ordered
    ]


def _execute(tasks: list[Task], jobs: int, progress: bool) -> list[ServiceResult]:
    """Run the tasks in a pool of ``jobs`` fresh processes (in-process for 1)."""
    results = []
    if jobs <= 1:
        _start_worker(tasks[0].root)
        for task in tasks:
            results.append(check_service(task))
            _progress(results, len(tasks), progress)
        return results
    # multiprocessing.Pool, not ProcessPoolExecutor: on Python 3.11 the latter's
    # max_tasks_per_child can hang for good once a worker retires.
    context = multiprocessing.get_context("spawn")
    with context.Pool(
        processes=jobs,
        initializer=_start_worker,
        initargs=(tasks[0].root,),
        maxtasksperchild=TASKS_PER_WORKER,
    ) as pool:
        for result in pool.imap_unordered(check_service, tasks, chunksize=1):
            results.append(result)
            _progress(results, len(tasks), progress)
    return results


def _progress(results: list[ServiceResult], total: int, enabled: bool) -> None:
    if enabled and (len(results) % 25 == 0 or len(results) == total):
        failed = sum(1 for result in results if result.failures)
        print(
            f"every-service: {len(results)}/{total} services checked, "
            f"{failed} with failures",
            file=sys.stderr,
            flush=True,
        )


def run(options: Options) -> Report:
    """Check every selected service; nothing is printed but progress."""
    known = available_services()
    services = list(options.services) if options.services else known
    unknown = [name for name in services if name not in known]
    if unknown:
        raise ValueError(f"unknown service(s): {', '.join(unknown)}")
    start = time.monotonic()
    root = options.output or Path(tempfile.mkdtemp(prefix="every-service-"))
    root.mkdir(parents=True, exist_ok=True)
    try:
        results = _execute(
            _tasks(options, services, root), options.jobs, options.progress
        )
    finally:
        if options.output is None:
            shutil.rmtree(root, ignore_errors=True)
    results.sort(key=lambda result: result.service)
    return Report(
        options=options, results=tuple(results), seconds=time.monotonic() - start
    )


def cause(failure: Failure) -> str:
    """A failure's message with names blanked out, to group failures by cause."""
    text = re.sub(r"'[^']*'|\"[^\"]*\"", "'…'", failure.message)
    text = re.sub(r"\b\d+\b", "N", text)
    return f"{failure.stage}: {text}"


def render(report: Report) -> list[str]:
    """The report's lines: exclusions, failures, failures by cause, the summary."""
    lines = []
    excluded = [
        (r.service, op, rule) for r in report.results for op, rule in r.excluded
    ]
    if excluded:
        why = {rule.name: rule.why for rule in EXCLUSIONS}
        lines.append(f"Excluded operations ({len(excluded)}):")
        lines += [f"  {s} {op} [{rule}]: {why[rule]}" for s, op, rule in excluded]
    failures = report.failures
    if failures:
        lines.append(f"Failures ({len(failures)}):")
        for failure in failures:
            lines.append(failure.line())
            if failure.example:
                lines.append(f"    example: {failure.example}")
        lines.append("Failures by cause:")
        counts = Counter(cause(failure) for failure in failures)
        lines += [f"  {count:5d}  {text}" for text, count in counts.most_common()]
    lines.append(f"every-service: wall time {report.seconds:.0f} s")
    lines.append(report.summary())
    return lines


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
    parser.add_argument("--quiet", action="store_true", help="no progress lines")
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
