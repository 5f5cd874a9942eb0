"""Benchmarks: the generated SDK side by side with what users would use instead.

Run with ``make bench``, which also rewrites the table in docs/performance.md
(or ``.venv/bin/python benchmarks/run.py [--quick] [--docs FILE]``). Every figure
is the median and min-max over repeated runs of a time measured directly (a
negative time is refused, not printed), every ratio is ours / theirs measured in
the same process run, so machine noise mostly cancels, and every row says what,
if anything, it subtracts.
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
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import boto3  # type: ignore[import-untyped]
import botocore
import botocore.session
from botocore.awsrequest import AWSResponse
from botocore.compat import HTTPHeaders
from botocore.config import Config
from botocore.model import Shape
from botocore.validate import ParamValidator

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

import cold_generation  # noqa: E402  (sibling modules; pydantic a benchmark extra)
import pydantic_model  # noqa: E402

from generated.connect import (  # noqa: E402
    ConnectClient,
    StartEmailContactRequest,
    enable_validation,
)
from generated.connect import _codecs as codecs  # noqa: E402

PAYLOADS = {
    name: json.loads((HERE / "payloads" / f"{name}.json").read_text(encoding="utf-8"))
    for name in ("realistic", "large")
}


@dataclass(frozen=True)
class Sample:
    """Seconds per call over repeated runs."""

    times: tuple[float, ...]

    def __post_init__(self) -> None:
        # A time below zero is a wrong subtraction, never a measurement.
        if not self.times or min(self.times) < 0:
            raise ValueError(f"not a time: {self.times}")

    @property
    def median(self) -> float:
        return statistics.median(self.times)

    def show(self) -> str:
        return (
            f"{_seconds(self.median)} ({_seconds(min(self.times))}"
            f" to {_seconds(max(self.times))})"
        )


@dataclass(frozen=True)
class Row:
    what: str
    ours: Sample
    theirs: Sample | None
    against: str
    target: str
    subtracts: str = "nothing"

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
    ours: list[float] = []
    theirs: list[float] = []
    for _ in range(repeat):
        ours.extend(micro(first, repeat=1).times)
        theirs.extend(micro(second, repeat=1).times)
    return Sample(tuple(ours)), Sample(tuple(theirs))


# --- validation and parsing --------------------------------------------------------


def _sends(client: Any, params: Mapping[str, Any]) -> Callable[[], object]:
    """One start_email_contact call of a plain boto3 client (its methods are
    made at run time, so typed ``Any``)."""
    return lambda: client.start_email_contact(**params)


def _botocore_validates(wire: Mapping[str, Any], shape: Shape) -> Callable[[], object]:
    return lambda: ParamValidator().validate(wire, shape)


def _we_read_and_validate(params: dict[str, Any]) -> Callable[[], object]:
    """The one pass: read and check every constraint in one walk."""
    return lambda: StartEmailContactRequest.from_dict(params, validate=True)


def _we_check_the_dict(params: dict[str, Any]) -> Callable[[], object]:
    """``validate_dict``: the one walk, building nothing (enable_validation's)."""
    return lambda: StartEmailContactRequest.validate_dict(params)


def _pydantic_reads(params: dict[str, Any]) -> Callable[[], object]:
    model_class = pydantic_model.StartEmailContactRequest
    return lambda: model_class.model_validate(params)


def _few_addresses(params: dict[str, Any]) -> dict[str, Any]:
    """The realistic request without its five additional recipients: two email
    addresses instead of seven, for what the EmailAddress pattern costs."""
    return {
        key: value for key, value in params.items() if key != "AdditionalRecipients"
    }


def validation_rows() -> Iterator[Row]:
    model = botocore.session.get_session().get_service_model("connect")
    shape = model.operation_model("StartEmailContact").input_shape
    assert shape is not None
    for name, params in PAYLOADS.items():
        request = StartEmailContactRequest.from_dict(params)
        wire = request.to_dict()
        ours, theirs = interleaved(request.validate, _botocore_validates(wire, shape))
        yield Row(
            f"validate(), {name} request",
            ours,
            theirs,
            "botocore ParamValidator.validate(to_dict())",
            "<= 0.20 (5x faster)",
        )
    targets = {"realistic": "<= 1.5", "large": "<= 1.0"}
    for name, params in PAYLOADS.items():
        ours, theirs = interleaved(
            _we_read_and_validate(params), _pydantic_reads(params)
        )
        yield Row(
            f"from_dict(validate=True) (one pass), {name} request",
            ours,
            theirs,
            "pydantic v2 model_validate (hand-written model)",
            targets[name],
        )
    params = PAYLOADS["realistic"]

    # Forced: from_dict alone takes the one walk too, so this is the exact path.
    def exact_path() -> object:
        return StartEmailContactRequest._read_then_check(params, None, True)

    ours, theirs = interleaved(_we_read_and_validate(params), exact_path)
    yield Row(
        "from_dict(validate=True) (one pass), realistic request",
        ours,
        theirs,
        "the exact path it falls back to (Reader, then validate())",
        "-",
    )
    ours, theirs = interleaved(_we_check_the_dict(params), _pydantic_reads(params))
    yield Row(
        "validate_dict(), realistic request",
        ours,
        theirs,
        "pydantic v2 model_validate (hand-written model)",
        "<= 1.0",
    )
    ours, theirs = interleaved(
        _we_check_the_dict(params), _botocore_validates(params, shape)
    )
    yield Row(
        "validate_dict(), realistic request",
        ours,
        theirs,
        "botocore ParamValidator.validate(same dict)",
        "<= 0.10 (10x faster)",
    )
    few = _few_addresses(params)
    ours, theirs = interleaved(_we_check_the_dict(few), _pydantic_reads(few))
    yield Row(
        "validate_dict(), realistic request with 2 email addresses (not 7)",
        ours,
        theirs,
        "pydantic v2 model_validate (hand-written model)",
        "-",
    )
    yield Row(
        "the EmailAddress checks alone, the realistic request's 7 addresses",
        micro(_email_checks(params)),
        None,
        "-",
        "-",
    )


def _email_checks(params: dict[str, Any]) -> Callable[[], object]:
    """The pattern part of the rows above: every address of the request, checked
    as the one walk does (``String.find`` after the length)."""
    recipients = params["AdditionalRecipients"]
    entries = [params["FromEmailAddress"], *recipients["ToAddresses"]]
    addresses = [params["DestinationEmailAddress"]]
    addresses += [entry["EmailAddress"] for entry in entries]
    addresses += [entry["EmailAddress"] for entry in recipients["CcAddresses"]]
    assert len(addresses) == 7
    codecs.email_address.find(addresses[0])  # compiles the pattern, once
    find = codecs.email_address.find
    return lambda: [find(address) for address in addresses]


# --- the client end to end ---------------------------------------------------------


class _CannedBody:
    """The raw body of a canned HTTP response, as botocore reads it."""

    def __init__(self, body: bytes) -> None:
        self._body = body

    def stream(self, **_: object) -> Iterator[bytes]:
        yield self._body


def _answer_in_process(request: Any, **_: object) -> AWSResponse:
    """A ``before-send`` handler: botocore gets a 200 without any network."""
    headers = HTTPHeaders.from_dict(
        {"Content-Type": "application/json", "x-amzn-RequestId": "r-1"}
    )
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
            "before-send.connect.StartEmailContact",
            _answer_in_process,  # type: ignore[arg-type]  # stubs: handlers return None
        )
    params = PAYLOADS["realistic"]
    request = StartEmailContactRequest.from_dict(params)
    mine, theirs = interleaved(
        lambda: ours.start_email_contact(request),
        # botocore makes its operation methods at run time; the stubs cannot see them
        lambda: raw.start_email_contact(**params),  # type: ignore[attr-defined]
    )
    yield Row(
        "ConnectClient.start_email_contact, realistic, HTTP answered in-process",
        mine,
        theirs,
        "raw botocore client call, same parameters",
        "<= 0.9",
    )


def hook_rows() -> Iterator[Row]:
    """A plain boto3 call with ``enable_validation`` on and off: the hook's cost."""
    arguments: dict[str, Any] = {
        "region_name": "us-east-1",
        "aws_access_key_id": "AKIDEXAMPLE",
        "aws_secret_access_key": "secret",
    }
    plain = boto3.client("connect", **arguments)
    hooked = boto3.client("connect", **arguments)
    # Ours instead of botocore's check (a subset of ours), as "raise" allows.
    instead = boto3.client(
        "connect", config=Config(parameter_validation=False), **arguments
    )
    for client in (plain, hooked, instead):
        client.meta.events.register(
            "before-send.connect.StartEmailContact", _answer_in_process
        )
    enable_validation(hooked)
    enable_validation(instead)
    params = PAYLOADS["realistic"]
    for client, what in (
        (hooked, "enable_validation"),
        (instead, "enable_validation, botocore's check off"),
    ):
        mine, theirs = interleaved(_sends(client, params), _sends(plain, params))
        yield Row(
            f"boto3 client.start_email_contact with {what}, realistic, "
            "HTTP answered in-process",
            mine,
            theirs,
            "the same boto3 call without enable_validation",
            "reported (the hook's overhead)",
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


def import_time(module: str, path: Path = REPO, repeat: int = 15) -> Sample:
    """Cumulative ``-X importtime`` of ``module`` in fresh processes (bytecode cached).

    The figure is the module's own line, everything it imports included, and
    nothing is subtracted from it: interpreter start-up (``site``, which imports
    the editable install's finder) is outside that line already. ``path`` comes
    first on ``sys.path``, so the module is found there, not through the finder.
    Bytecode is written even where ``PYTHONDONTWRITEBYTECODE`` is set (as on
    some CI images): otherwise every run would time compiling the package,
    while botocore's bytecode came with its install.
    """
    environment = {"PYTHONPATH": str(path), "PYTHONDONTWRITEBYTECODE": ""}
    _python("-c", f"import {module}", environment=environment)  # write bytecode
    times = []
    pattern = re.compile(rf"\|\s*(\d+)\s*\|\s*{re.escape(module)}$", re.MULTILINE)
    for _ in range(repeat):
        log = _python(
            "-X", "importtime", "-c", f"import {module}", environment=environment
        )
        match = pattern.search(log)
        assert match is not None, log[-500:]
        times.append(int(match.group(1)) / 1e6)
    return Sample(tuple(times))


def wall_time(arguments: list[str], environment: dict[str, str], repeat: int) -> Sample:
    times = []
    for _ in range(repeat):
        started = timeit.default_timer()
        _python(*arguments, environment=environment)
        times.append(timeit.default_timer() - started)
    return Sample(tuple(times))


# The generator before the one pass (issue 16): the baseline of the cold row.
TWO_PASS_ERA = "db7c69f"


def two_pass_era_cold(scratch: Path) -> Sample | None:
    """One cold all-of-Connect run of ``TWO_PASS_ERA``'s generator, or ``None``
    outside a git clone that has it (the row then compares with nothing)."""
    old = cold_generation.archived(TWO_PASS_ERA, scratch / "old")
    if old is None:
        return None
    wall, _ = cold_generation.generate(old, scratch / "old-out" / "connect", ["all"])
    return Sample((wall,))


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
        yield Row(
            "regenerate all of Connect, whole process, cold (black cache empty)",
            cold_all,
            two_pass_era_cold(Path(scratch)),
            f"the two-pass-era generator ({TWO_PASS_ERA}), cold, same run",
            "<= 0.5",
        )
        yield Row(
            "regenerate all of Connect, model unchanged",
            wall_time(generate_all, cache, 3),
            cold_all,
            "the cold run above",
            "<= 0.10",
        )
        yield Row(
            "import of a package of all of Connect (fresh process)",
            import_time("connect", path=everything.parent, repeat=5),
            botocore_import,
            "import botocore.session",
            "<= 0.25",
        )


# --- the table, printed and in the docs ----------------------------------------------

BEGIN = "<!-- bench:begin (written by make bench; do not edit by hand) -->"
END = "<!-- bench:end -->"


def table(rows: list[Row]) -> str:
    """The machine, then one line per row, in Markdown."""
    lines = [
        f"Measured with Python {platform.python_version()}, botocore "
        f"{botocore.__version__}, {platform.machine()}, {os.cpu_count()} cores, "
        f"{platform.platform()}, load average {os.getloadavg()[0]:.2f}:",
        "",
        "| what | ours: median (min to max) | compared with | theirs | ratio | target "
        "| subtracts |",
        "|---|---|---|---|---|---|---|",
    ]
    for row in rows:
        theirs = row.theirs.show() if row.theirs else "-"
        lines.append(
            f"| {row.what} | {row.ours.show()} | {row.against} | {theirs} "
            f"| {row.ratio()} | {row.target} | {row.subtracts} |"
        )
    return "\n".join(lines) + "\n"


def write_docs(path: Path, text: str) -> None:
    """Replace what lies between the markers in ``path`` with ``text``."""
    page = path.read_text(encoding="utf-8")
    head, begin, rest = page.partition(BEGIN)
    _, end, tail = rest.partition(END)
    if not begin or not end:
        raise SystemExit(f"{path}: the bench markers are missing")
    path.write_text(f"{head}{BEGIN}\n{text}{END}{tail}", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--quick", action="store_true", help="skip all-of-Connect rows")
    group.add_argument(
        "--docs", type=Path, help="also write the table between the markers in FILE"
    )
    options = parser.parse_args()
    rows = [
        *validation_rows(),
        *client_rows(),
        *hook_rows(),
        *process_rows(options.quick),
    ]
    text = table(rows)
    print(text, end="")
    if options.docs is not None:
        write_docs(options.docs, text)


if __name__ == "__main__":
    main()
