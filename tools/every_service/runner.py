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

import hashlib
import multiprocessing
import shutil
import sys
import tempfile
import time
from collections.abc import Iterable, Sequence
from pathlib import Path

import botocore.session
from botocore.model import ServiceModel

from codegen.model import ir
from codegen.model.loader import load_model

from .exclusions import exclusion_for
from .generation import forget, generate
from .options import Options
from .report import Report, Ticker
from .results import Failure, ServiceResult, StageError, Task, one_line
from .round_trip import check_operation

# A worker process is replaced after this many services, so that what the
# imported packages and botocore's models leave behind never accumulates.
TASKS_PER_WORKER = 40


def sample_operations(service: str, names: Iterable[str], count: int) -> list[str]:
    """``count`` operations, the same on every run and spread over the alphabet.

    Ordering by a digest of ``service.operation`` (rather than taking the first
    names) mixes Create/Delete/Describe/List/Update operations in every sample.
    """

    def digest(name: str) -> str:
        return hashlib.sha256(f"{service}.{name}".encode()).hexdigest()

    return sorted(sorted(names, key=digest)[:count])


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
    task: Task, service: ir.Service, client_class: type, checked: list[str]
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


def _selection(task: Task, model: ServiceModel) -> tuple[dict[str, str], list[str]]:
    """The operations excluded (by the rule that excludes each) and the ones
    to check: every other one, or the task's sample of them."""
    names = list(model.operation_names)
    excluded = {
        name: rule.name
        for name in names
        if (rule := exclusion_for(model.operation_model(name))) is not None
    }
    eligible = [name for name in names if name not in excluded]
    if task.sample is None:
        return excluded, eligible
    return excluded, sample_operations(task.service, eligible, task.sample)


def _check_service(task: Task, start: float) -> ServiceResult:
    loaded = load_model(task.service)
    model = loaded.service_model
    excluded, checked = _selection(task, model)

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
        service, package = generate(loaded, task, sampled)
    except StageError as error:
        forget(task)
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
            found = check_operation(task, package, client_class, name, model)
            if found is None:
                passed.append(name)
            else:
                failures.append(found)
        return result(True, passed, failures)
    finally:
        forget(task)


def _start_worker(root: str) -> None:
    """Make the packages written under ``root`` importable in this process."""
    sys.path.insert(0, root)


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
    with Ticker(len(tasks), progress) as ticker:
        return _pooled(tasks, jobs, ticker)


def _pooled(tasks: list[Task], jobs: int, ticker: Ticker) -> list[ServiceResult]:
    results = []
    if jobs <= 1:
        _start_worker(tasks[0].root)
        for task in tasks:
            results.append(check_service(task))
            ticker.tick(results)
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
            ticker.tick(results)
    return results


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
