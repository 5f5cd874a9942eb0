"""Progress on stderr: a bar on a terminal, nothing extra anywhere else.

The commands run as a user runs them, in a subprocess, once with stderr on a
pseudo-terminal (``pty.openpty``: ``isatty()`` is the kernel's answer, not ours)
and once on a pipe. Oracles: the pipe run (what CI logs get, which the rest of
the suite compares exactly), the file system (the output trees), and what a
terminal finally shows (each line's text after its last carriage return: a bar
that was drawn and then erased leaves nothing). Nothing here depends on how fast
anything runs: only the bar's first drawing (tqdm draws at once) and its stage
labels (drawn on every change) are asserted, never an intermediate count.
"""

from __future__ import annotations

import contextlib
import fcntl
import io
import os
import pty
import re
import select
import shutil
import signal
import struct
import subprocess
import sys
import termios
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import black
import pytest

from codegen import progress
from codegen.generate.format_cache import BLACK_MODE, FormatCache
from codegen.update.workflow import main
from tests.support import CONNECT_RELEASES, GENERATED, REPO, tree_digest
from tests.update_fakes import FIRST_MODEL, Fakes

OPERATIONS = ("StartEmailContact", "StartChatContact", "CreateInstance")
OLD = str(CONNECT_RELEASES / "1.35.67" / "service-2.json.gz")
NEW = str(CONNECT_RELEASES / "1.35.68" / "service-2.json.gz")
RUNTIME = REPO / "codegen" / "generate" / "runtime"
# A generous bound for a hung child, as run_codegen's; never a measurement.
TIMEOUT = 300


@dataclass(frozen=True)
class Run:
    status: int
    stdout: str
    stderr: str  # as written, "\r\n" (the terminal's) turned back into "\n"


def _environment(cache: Path | None) -> dict[str, str]:
    environment = {**os.environ, "PYTHONPATH": str(REPO)}
    if cache is not None:
        environment["CODEGEN_CACHE_DIR"] = str(cache)
    return environment


def _children(pid: int) -> int:
    """How many processes ``pid`` has started (Linux's /proc)."""
    count = 0
    for task in Path(f"/proc/{pid}/task").glob("*"):
        with contextlib.suppress(OSError):  # a thread that has just ended
            count += len((task / "children").read_text().split())
    return count


Interrupt = Callable[[bytes, int], bool]


def _drain(
    master: int, child: subprocess.Popen[bytes], interrupt: Interrupt | None
) -> bytes:
    """Everything the child writes to the terminal, until it closes it; Ctrl-C
    (SIGINT to the child) once ``interrupt(written, child pid)`` holds."""
    chunks: list[bytes] = []
    idle = 0.0
    while True:
        wait = TIMEOUT if interrupt is None else 0.05  # polling, not measuring
        ready, _, _ = select.select([master], [], [], wait)
        if interrupt is not None and interrupt(b"".join(chunks), child.pid):
            child.send_signal(signal.SIGINT)
            interrupt = None
        if not ready:
            idle += wait
            if idle >= TIMEOUT:
                child.kill()
                pytest.fail("the child wrote nothing for five minutes")
            continue
        idle = 0.0
        try:
            data = os.read(master, 65536)
        except OSError:  # EIO: every copy of the terminal's other end is closed
            break
        if not data:
            break
        chunks.append(data)
    return b"".join(chunks)


def on_terminal(
    args: list[str],
    tmp: Path,
    cache: Path | None = None,
    interrupt: Interrupt | None = None,
) -> Run:
    """``python ARGS`` with stderr on a 100-column pseudo-terminal."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))
    # A file, not a pipe: a long stdout cannot block the child while we read.
    with (tmp / "stdout").open("w+b") as stdout:
        try:
            child = subprocess.Popen(
                [sys.executable, *args],
                cwd=REPO,
                env=_environment(cache),
                stdin=subprocess.DEVNULL,
                stdout=stdout,
                stderr=slave,
            )
        finally:
            os.close(slave)
        try:
            written = _drain(master, child, interrupt)
        finally:
            os.close(master)
        status = child.wait(timeout=TIMEOUT)
        stdout.seek(0)
        out = stdout.read().decode("utf-8")
    return Run(status, out, written.decode("utf-8").replace("\r\n", "\n"))


def piped(args: list[str], cache: Path | None = None) -> Run:
    result = subprocess.run(
        [sys.executable, *args],
        cwd=REPO,
        env=_environment(cache),
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )
    return Run(result.returncode, result.stdout, result.stderr)


def shown_at_the_end(written: str) -> str:
    """What the terminal shows once done: each line from its last ``\\r`` on,
    blanks (an erased bar) dropped."""
    lines = [line.rsplit("\r", 1)[-1] for line in written.split("\n")]
    return "\n".join(line for line in lines if line.strip()) + "\n" * (
        written.endswith("\n")
    )


def _generate(output: Path) -> list[str]:
    options = [arg for name in OPERATIONS for arg in ("--operation", name)]
    return ["-m", "codegen", *options, "--output", str(output)]


def _formatted_files(package: Path) -> int:
    """The package's files that pass through black: rendered Python, not the
    runtime modules copied verbatim."""
    copied = {path.name for path in RUNTIME.glob("*.py")}
    return sum(
        1
        for path in package.rglob("*.py")
        if "__pycache__" not in path.parts
        and not (path.parent == package and path.name in copied)
    )


def test_generation_on_a_terminal_draws_a_bar_and_writes_the_same_files(
    tmp_path: Path,
) -> None:
    cache = tmp_path / "cache"  # cold: black runs, in its process pool
    bar = on_terminal(_generate(tmp_path / "bar" / "pkg"), tmp_path, cache)
    assert bar.status == 0, bar.stderr
    plain = piped(_generate(tmp_path / "plain" / "pkg"), cache)
    assert plain.status == 0, plain.stderr
    total = _formatted_files(tmp_path / "plain" / "pkg")
    assert total > 10
    assert re.search(rf"\rformatting: +0%\|.*\| 0/{total} ", bar.stderr), bar.stderr
    assert "\r" not in plain.stderr and "formatting" not in plain.stderr
    # The bar is erased: the terminal is left with what a pipe gets.
    assert shown_at_the_end(bar.stderr) == plain.stderr
    assert bar.stdout.replace("/bar/", "/plain/") == plain.stdout
    assert tree_digest(tmp_path / "bar") == tree_digest(tmp_path / "plain")


def test_quiet_draws_nothing_even_on_a_terminal(tmp_path: Path) -> None:
    quiet = on_terminal([*_generate(tmp_path / "quiet"), "--quiet"], tmp_path)
    assert quiet.status == 0, quiet.stderr
    plain = piped(_generate(tmp_path / "plain"))
    assert (quiet.stderr, "\r" in quiet.stderr) == (plain.stderr, False)
    assert tree_digest(tmp_path / "quiet") == tree_digest(tmp_path / "plain")
    # --quiet on a pipe changes nothing either (the CLI tests' exact stderr).
    again = piped([*_generate(tmp_path / "plain"), "--quiet"])
    assert (again.status, again.stderr) == (0, plain.stderr)


def test_ctrl_c_while_formatting_erases_the_bar_and_says_one_line(
    tmp_path: Path,
) -> None:
    """Interrupted once the bar is drawn and black's pool has started (cold
    cache: seconds of work left; a SIGINT during a fork can be lost in
    CPython's at-fork hooks): exit 130, one line shown, nothing written."""
    output = tmp_path / "pkg"
    # More than 10 files to format, so the pool has this many workers.
    workers = min(os.cpu_count() or 1, 10)

    def formatting(written: bytes, pid: int) -> bool:
        started = workers == 1 or _children(pid) >= workers
        return b"formatting:" in written and started

    run = on_terminal(_generate(output), tmp_path, tmp_path / "cache", formatting)
    assert run.status == 130, run.stderr
    assert "\rformatting:" in run.stderr
    assert shown_at_the_end(run.stderr) == "codegen: interrupted\n"
    assert not output.exists()


def test_api_diff_of_all_shows_its_stages_on_a_terminal(tmp_path: Path) -> None:
    args = ["-m", "codegen", "diff", OLD, NEW, "--operation", "all"]
    bar = on_terminal(args, tmp_path)
    plain = piped(args)
    assert (bar.status, plain.status) == (1, 1)  # 1.35.68 breaks callers
    for stage in (f"diff: reading {OLD}", f"diff: reading {NEW}", "diff: comparing"):
        assert f"\r{stage}:" in bar.stderr, bar.stderr
    assert (plain.stderr, shown_at_the_end(bar.stderr)) == ("", "")
    assert bar.stdout == plain.stdout
    quiet = on_terminal([*args, "--quiet"], tmp_path)
    assert (quiet.status, quiet.stderr, quiet.stdout) == (1, "", plain.stdout)


def test_a_mistake_after_the_bar_is_still_one_line(tmp_path: Path) -> None:
    """The bar is erased before the error line: the terminal shows one line."""
    args = ["-m", "codegen", "diff", OLD, NEW, "--operation", "NoSuchOperation"]
    bar = on_terminal(args, tmp_path)
    plain = piped(args)
    assert (bar.status, plain.status) == (2, 2)
    assert "\rdiff: reading" in bar.stderr
    assert plain.stderr.startswith("codegen: error: unknown operation")
    assert shown_at_the_end(bar.stderr) == plain.stderr
    assert len(plain.stderr.splitlines()) == 1


def test_every_service_run_draws_a_bar_on_a_terminal_and_logs_elsewhere(
    tmp_path: Path,
) -> None:
    args = ["-m", "tools.every_service", "--services", "sts,kms", "--sample", "1"]
    args += ["--examples", "1", "--formatter", "none", "--jobs", "1"]
    bar = on_terminal(args, tmp_path)
    assert bar.status == 0, bar.stdout
    assert re.search(r"\revery-service: +0%\|.*\| 0/2 ", bar.stderr), bar.stderr
    assert shown_at_the_end(bar.stderr) == ""
    plain = piped(args)
    assert plain.stderr == "every-service: 2/2 services checked, 0 with failures\n"
    summary = [line for line in plain.stdout.splitlines() if "round-tripped" in line]
    assert summary and summary[0] in bar.stdout
    assert on_terminal([*args, "--quiet"], tmp_path).stderr == ""
    assert piped([*args, "--quiet"]).stderr == ""


# ---------------------------------------------------------------------------
# The rule and the bar, in process.


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_shown_only_on_a_terminal_and_never_when_quiet() -> None:
    master, slave = pty.openpty()
    with os.fdopen(slave, "w") as terminal, os.fdopen(master, "rb"):
        assert progress.shown(False, terminal) is True
        assert progress.shown(True, terminal) is False
    assert progress.shown(False, terminal) is False  # closed: isatty() raises
    assert progress.shown(False, io.StringIO()) is False


def test_a_disabled_bar_writes_nothing(capsys: pytest.CaptureFixture[str]) -> None:
    with progress.Progress(3, "work", enabled=False) as bar:
        assert list(bar.track("abc")) == ["a", "b", "c"]
        bar.step("stage")
        bar.note("note")
        bar.advance(2)
    assert capsys.readouterr() == ("", "")


def test_the_bar_goes_to_stderr_and_is_erased(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with progress.Progress(3, "work", enabled=True, unit="file") as bar:
        assert list(bar.track("abc")) == ["a", "b", "c"]
    out, err = capsys.readouterr()
    assert out == ""
    assert "work:" in err and "/3 " in err
    assert err.endswith("\r") and err.rsplit("\r", 2)[1].strip() == ""


def test_formatting_with_a_bar_is_black_itself(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The pool path with the bar on: each result is black's, in order."""
    texts = [f"x{i} = ( {i} ,)\n" * (i + 1) for i in range(12)] + ["x0 = ( 0 ,)\n"]
    formatted = FormatCache(None, processes=2, progress=True).format_many(texts)
    assert formatted == [black.format_str(text, mode=BLACK_MODE) for text in texts]
    assert "formatting:" in capsys.readouterr().err


def test_update_names_each_step_and_quiet_names_none(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``codegen.update`` on a terminal (fakes for pip and the network)."""

    def project(name: str) -> Path:
        root = tmp_path / name
        root.mkdir()
        for file in ("pyproject.toml", "CHANGELOG.md"):
            shutil.copy(REPO / file, root / file)
        ignore = shutil.ignore_patterns("__pycache__")
        shutil.copytree(GENERATED, root / "generated" / "connect", ignore=ignore)
        return root

    printed = {}
    for name, quiet in (("bar", []), ("quiet", ["--quiet"])):
        terminal = _Terminal()
        monkeypatch.setattr(sys, "stderr", terminal)
        fakes = Fakes(tmp_path / "cache", {"1.35.68": FIRST_MODEL})
        root = project(name)
        argv = ["1.35.68", "--project", str(root), *quiet]
        assert main(argv, fakes.steps()) == 0
        monkeypatch.undo()
        printed[name] = terminal.getvalue()
    steps = ["fetching botocore 1.35.68", "API diff", "reinstalling", "regenerating"]
    for step in steps:
        assert f"\rupdate: {step}:" in printed["bar"], printed["bar"]
    assert printed["quiet"] == ""
    assert tree_digest(tmp_path / "bar") == tree_digest(tmp_path / "quiet")
