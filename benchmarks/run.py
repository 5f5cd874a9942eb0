"""Benchmarks: the generated SDK side by side with what users would use instead.

Run with ``make bench`` (or ``.venv/bin/python benchmarks/run.py [--quick]``).
Every figure is the median and min-max over repeated runs, and every ratio is
ours / theirs measured in the same process run, so machine noise mostly cancels.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import timeit
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import botocore
import botocore.session
from botocore.awsrequest import AWSResponse
from botocore.validate import ParamValidator

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

import pydantic_model  # noqa: E402  (a sibling module, benchmark extra)

from generated.connect import ConnectClient, StartEmailContactRequest  # noqa: E402

PAYLOADS = {
    name: json.loads((HERE / "payloads" / f"{name}.json").read_text(encoding="utf-8"))
    for name in ("realistic", "large")
}


@dataclass(frozen=True)
class Sample:
    """Seconds per call over repeated runs."""

    times: tuple[float, ...]

    @property
    def median(self) -> float:
        return statistics.median(self.times)

    def show(self) -> str:
        return (
            f"{_seconds(self.median)} ({_seconds(min(self.times))}"
            f"-{_seconds(max(self.times))})"
        )


@dataclass(frozen=True)
class Row:
    what: str
    ours: Sample
    theirs: Sample | None
    against: str
    target: str

    def ratio(self) -> str:
        if self.theirs is None:
            return "-"
        return f"{self.ours.median / self.theirs.median:.2f}"


def _seconds(value: float) -> str:
    if value >= 1:
        return f"{value:.2f} s"
    if value >= 1e-3:
        return f"{value * 1e3:.1f} ms"
    return f"{value * 1e6:.1f} us"


def micro(
    function: Callable[[], object], seconds: float = 0.2, repeat: int = 7
) -> Sample:
    """Per-call time of ``function``: ``repeat`` runs of a fixed count of calls."""
    function()  # warm up: lazy regex compilation, Unicode tables
    count = max(1, int(seconds / max(timeit.timeit(function, number=1), 1e-7)))
    runs = timeit.repeat(function, number=count, repeat=repeat)
    return Sample(tuple(run / count for run in runs))


def interleaved(
    first: Callable[[], object], second: Callable[[], object], repeat: int = 7
) -> tuple[Sample, Sample]:
    """Two micro benchmarks taken in alternation, so drift hits both alike."""
    ours, theirs = [], []
    for _ in range(repeat):
        ours.extend(micro(first, repeat=1).times)
        theirs.extend(micro(second, repeat=1).times)
    return Sample(tuple(ours)), Sample(tuple(theirs))


# --- validation and parsing --------------------------------------------------------


def validation_rows() -> Iterator[Row]:
    model = botocore.session.get_session().get_service_model("connect")
    shape = model.operation_model("StartEmailContact").input_shape
    for name, params in PAYLOADS.items():
        request = StartEmailContactRequest.from_dict(params)
        wire = request.to_dict()
        ours, theirs = interleaved(
            request.validate, lambda w=wire: ParamValidator().validate(w, shape)
        )
        yield Row(
            f"validate(), {name} request",
            ours,
            theirs,
            "botocore ParamValidator.validate(to_dict())",
            "<= 0.20 (5x faster)",
        )
    model_class = pydantic_model.StartEmailContactRequest
    for name, params in PAYLOADS.items():
        ours, theirs = interleaved(
            lambda p=params: StartEmailContactRequest.from_dict(p).validate(),
            lambda p=params: model_class.model_validate(p),
        )
        yield Row(
            f"from_dict() + validate(), {name} request",
            ours,
            theirs,
            "pydantic v2 model_validate (hand-written model)",
            "<= 1.5",
        )


# --- the client end to end ---------------------------------------------------------


class _CannedBody:
    """The raw body of a canned HTTP response, as botocore reads it."""

    def __init__(self, body: bytes) -> None:
        self._body = body

    def stream(self, **_: object) -> Iterator[bytes]:
        yield self._body


def _answer_in_process(request: Any, **_: object) -> AWSResponse:
    """A ``before-send`` handler: botocore gets a 200 without any network."""
    headers = {"Content-Type": "application/json", "x-amzn-RequestId": "r-1"}
    return AWSResponse(request.url, 200, headers, _CannedBody(b'{"ContactId":"c-1"}'))


def client_rows() -> Iterator[Row]:
    arguments: dict[str, Any] = {
        "region_name": "us-east-1",
        "aws_access_key_id": "AKIDEXAMPLE",
        "aws_secret_access_key": "secret",
    }
    raw = botocore.session.get_session().create_client("connect", **arguments)
    ours = ConnectClient.from_session(**arguments)
    for client in (raw, ours.botocore_client):
        client.meta.events.register(
            "before-send.connect.StartEmailContact", _answer_in_process
        )
    params = PAYLOADS["realistic"]
    request = StartEmailContactRequest.from_dict(params)
    mine, theirs = interleaved(
        lambda: ours.start_email_contact(request),
        lambda: raw.start_email_contact(**params),
    )
    yield Row(
        "ConnectClient.start_email_contact, realistic, HTTP answered in-process",
        mine,
        theirs,
        "raw botocore client call, same parameters",
        "<= 1.0",
    )


# --- whole processes ---------------------------------------------------------------


def _python(*arguments: str, environment: dict[str, str] | None = None) -> str:
    result = subprocess.run(
        [sys.executable, *arguments],
        cwd=REPO,
        env={**os.environ, **(environment or {})},
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stderr


_EDITABLE_FINDER = re.compile(r"\|\s*(\d+)\s*\|\s+__editable__\S*finder$", re.MULTILINE)


def import_time(module: str, path: Path = REPO, repeat: int = 15) -> Sample:
    """Cumulative ``-X importtime`` of ``module`` in fresh processes (bytecode cached).

    The finder of this repository's editable install, which Python imports on
    the first lookup of any module not yet loaded, is left out: a project that
    vendors the package does not have it.
    """
    environment = {"PYTHONPATH": str(path)}
    _python("-c", f"import {module}", environment=environment)  # write bytecode
    times = []
    pattern = re.compile(rf"\|\s*(\d+)\s*\|\s*{re.escape(module)}$", re.MULTILINE)
    for _ in range(repeat):
        log = _python(
            "-X", "importtime", "-c", f"import {module}", environment=environment
        )
        match = pattern.search(log)
        assert match is not None, log[-500:]
        finder = sum(int(found) for found in _EDITABLE_FINDER.findall(log))
        times.append((int(match.group(1)) - finder) / 1e6)
    return Sample(tuple(times))


def wall_time(arguments: list[str], environment: dict[str, str], repeat: int) -> Sample:
    times = []
    for _ in range(repeat):
        started = timeit.default_timer()
        _python(*arguments, environment=environment)
        times.append(timeit.default_timer() - started)
    return Sample(tuple(times))


def process_rows(quick: bool) -> Iterator[Row]:
    botocore_import = import_time("botocore.session")
    yield Row(
        "import generated.connect (fresh process)",
        import_time("generated.connect"),
        botocore_import,
        "import botocore.session",
        "<= 0.25",
    )
    with tempfile.TemporaryDirectory() as scratch:
        output = Path(scratch) / "out" / "connect"
        generate = ["-m", "codegen", "--output", str(output)]
        cold = [
            wall_time(generate, {"CODEGEN_CACHE_DIR": str(Path(scratch) / f"c{i}")}, 1)
            for i in range(3)
        ]
        warm_cache = {"CODEGEN_CACHE_DIR": str(Path(scratch) / "c0")}
        yield Row(
            "regenerate StartEmailContact, whole process, cold",
            Sample(tuple(t for sample in cold for t in sample.times)),
            None,
            "-",
            "< 3 s",
        )
        yield Row(
            "regenerate StartEmailContact, whole process, model unchanged",
            wall_time(generate, warm_cache, 5),
            None,
            "-",
            "-",
        )
        if quick:
            return
        everything = Path(scratch) / "all" / "connect"
        generate_all = [*generate[:-1], str(everything), "--operation", "all"]
        cache = {"CODEGEN_CACHE_DIR": str(Path(scratch) / "all-cache")}
        cold_all = wall_time(generate_all, cache, 1)
        warm_all = wall_time(generate_all, cache, 3)
        yield Row(
            "regenerate all of Connect, model unchanged",
            warm_all,
            cold_all,
            "a cold run (once)",
            "<= 0.10",
        )
        yield Row(
            "import of a package of all of Connect (fresh process)",
            import_time("connect", path=everything.parent, repeat=5),
            botocore_import,
            "import botocore.session",
            "<= 0.25",
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="skip all-of-Connect rows")
    quick = parser.parse_args().quick
    rows = [*validation_rows(), *client_rows(), *process_rows(quick)]
    print(
        f"Python {platform.python_version()}, botocore {botocore.__version__}, "
        f"{platform.machine()}, {os.cpu_count()} cores, {platform.platform()}"
    )
    print()
    print("| what | ours: median (min-max) | compared with | theirs | ratio | target |")
    print("|---|---|---|---|---|---|")
    for row in rows:
        theirs = row.theirs.show() if row.theirs else "-"
        print(
            f"| {row.what} | {row.ours.show()} | {row.against} | {theirs} "
            f"| {row.ratio()} | {row.target} |"
        )


if __name__ == "__main__":
    main()
