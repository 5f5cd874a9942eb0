"""The writer keeps the output a complete old or new package, whatever happens.

Fault injection interrupts a write at every file-system call in turn (before and
after each), with the atomic exchange and with the portable fallback; several
processes write the same output at once; a real SIGINT hits the CLI mid-write.
"""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from codegen.errors import CodegenError
from codegen.generate import writer
from tests.support import MODELS, REPO, tree_digest

OLD = {
    "__init__.py": writer.MARKER + " (old)\n",
    "a.py": "A = 1\n",
    "gone/b.py": "B = 1\n",
}
NEW = {
    "__init__.py": writer.MARKER + " (new)\n",
    "a.py": "A = 2\n",
    "c.py": "C = 3\n",
    "sub/deep/d.py": "D = 4\n",
}

# The os functions the writer reaches, directly or through pathlib, tempfile
# and shutil; each call is a step at which a run can be cut.
PATCHED = (
    "mkdir",
    "open",
    "write",
    "rename",
    "replace",
    "unlink",
    "rmdir",
    "chmod",
    "stat",
    "lstat",
    "scandir",
    "listdir",
)


def digest(files: dict[str, str]) -> dict[str, str]:
    return {
        name: hashlib.sha256(text.encode("utf-8")).hexdigest()
        for name, text in files.items()
    }


class Interrupt:
    """Counts the file-system calls; raises ``error`` at step ``at``.

    Step 2k is just before call k, step 2k+1 just after it succeeded.
    """

    def __init__(self, at: int, error: BaseException) -> None:
        self.at = at
        self.error = error
        self.step = 0
        self.fired = False

    def tick(self) -> None:
        if self.step == self.at and not self.fired:
            self.fired = True
            raise self.error
        self.step += 1

    def wrap(self, function: Callable[..., Any]) -> Callable[..., Any]:
        def wrapped(*args: Any, **kwargs: Any) -> Any:
            self.tick()
            result = function(*args, **kwargs)
            self.tick()
            return result

        return wrapped


@pytest.fixture(params=["exchange", "fallback"])
def mode(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    if request.param == "fallback":
        monkeypatch.setattr(writer, "exchange", lambda first, second: False)
    else:
        assert writer._libc_renameat2() is not None, "renameat2 expected on Linux"
    return str(request.param)


def leftovers(parent: Path, output: Path) -> list[str]:
    return sorted(path.name for path in parent.iterdir() if path != output)


def interrupted_write(
    output: Path, at: int, error: BaseException, monkeypatch: pytest.MonkeyPatch
) -> bool:
    """Write NEW with a fault at step ``at``; whether the fault fired."""
    interrupt = Interrupt(at, error)
    with monkeypatch.context() as patch:
        for name in PATCHED:
            patch.setattr(os, name, interrupt.wrap(getattr(os, name)))
        patch.setattr(writer, "exchange", interrupt.wrap(writer.exchange))
        try:
            writer.write_package(NEW, output)
        except (KeyboardInterrupt, CodegenError):
            assert interrupt.fired
    return interrupt.fired


@pytest.mark.parametrize("error", [KeyboardInterrupt(), OSError(5, "I/O error")])
def test_a_write_cut_at_every_step_leaves_old_or_new(
    tmp_path: Path, mode: str, error: BaseException, monkeypatch: pytest.MonkeyPatch
) -> None:
    output = tmp_path / "pkg"
    steps = 0
    while True:
        writer.write_package(OLD, output)
        assert tree_digest(output) == digest(OLD)
        fired = interrupted_write(output, steps, error, monkeypatch)
        if output.exists():
            assert tree_digest(output) in (digest(OLD), digest(NEW)), steps
        else:
            # Only the portable swap has a moment without output; the old
            # package is then complete beside it, and the next run restores it.
            assert mode == "fallback", steps
            (previous,) = [p for p in tmp_path.iterdir() if p.suffix == ".previous"]
            assert tree_digest(previous) == digest(OLD)
        # The next run cleans up whatever the cut left and writes NEW.
        writer.write_package(NEW, output)
        assert tree_digest(output) == digest(NEW)
        assert leftovers(tmp_path, output) == [], steps
        if not fired:
            break
        steps += 1
    assert steps > 40  # every call was cut, before and after


def test_leftovers_of_older_runs_are_removed(tmp_path: Path) -> None:
    output = tmp_path / "pkg"
    writer.write_package(OLD, output)
    for name in (".pkg.abcd1234", ".pkg.abcd1234.previous", ".pkg.zz_z9999.staging"):
        (tmp_path / name / "x").mkdir(parents=True)
    (tmp_path / ".pkg.lock").write_text("", encoding="utf-8")
    (tmp_path / ".pkg.notes").mkdir()  # not a name the writer uses: kept
    writer.write_package(OLD, output)  # nothing to write; still cleaned
    assert leftovers(tmp_path, output) == [".pkg.notes"]


CONCURRENT = textwrap.dedent("""
    import sys
    from pathlib import Path
    from codegen.generate import writer
    version = sys.argv[2]
    files = {"__init__.py": writer.MARKER + version + "\\n"}
    files.update({f"m{i}/x{version}.py": version * 1000 for i in range(20)})
    for _ in range(8):
        writer.write_package(files, Path(sys.argv[1]))
    """)


def test_concurrent_generators_all_succeed(tmp_path: Path) -> None:
    output = tmp_path / "pkg"
    environment = {**os.environ, "PYTHONPATH": str(REPO)}
    processes = [
        subprocess.Popen(
            [sys.executable, "-c", CONCURRENT, str(output), str(i % 3)],
            env=environment,
            stderr=subprocess.PIPE,
            text=True,
        )
        for i in range(6)
    ]
    errors = [process.communicate(timeout=120)[1] for process in processes]
    assert [process.returncode for process in processes] == [0] * 6, errors
    written = tree_digest(output)
    versions = {name.split("/x")[1] for name in written if "/x" in name}
    assert len(versions) == 1 and len(written) == 21
    assert leftovers(tmp_path, output) == []


# The CLI in a child process that stops at file-system call ``at`` of the write
# (announcing it on stdout) until a signal arrives.
PAUSED = textwrap.dedent("""
    import os, sys, time
    from codegen import cli
    from codegen.generate import writer
    at = int(sys.argv[1])
    calls = [0]
    real_write_package = writer.write_package

    def pause(function):
        def paused(*args, **kwargs):
            calls[0] += 1
            if calls[0] == at:
                print("paused", flush=True)
                time.sleep(60)
            return function(*args, **kwargs)
        return paused

    def write_package(files, output):
        for name in ("mkdir", "open", "rename", "unlink", "rmdir"):
            setattr(os, name, pause(getattr(os, name)))
        writer.exchange = pause(writer.exchange)
        return real_write_package(files, output)

    cli.write_package = write_package
    sys.exit(cli.main(sys.argv[2:]))
    """)


def paused_run(at: int, output: Path, operation: str = "all") -> subprocess.Popen[str]:
    arguments = ["--model", str(MODELS / "tiny-service-2.json"), "--service", "tiny"]
    arguments += ["--operation", operation, "--output", str(output)]
    return subprocess.Popen(
        [sys.executable, "-c", PAUSED, str(at), *arguments],
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.mark.parametrize(
    ("signal_number", "status", "line"),
    [
        (signal.SIGINT, 130, "codegen: interrupted"),
        (signal.SIGTERM, 143, "codegen: terminated"),
    ],
)
@pytest.mark.parametrize("at", [1, 30, 45])
def test_a_signal_mid_write_exits_with_one_line(
    tmp_path: Path, at: int, signal_number: int, status: int, line: str
) -> None:
    output = tmp_path / "tiny"
    # A first, complete run of one operation: the old package.
    process = paused_run(10_000, output, "PutThing")
    assert process.wait(timeout=120) == 0, process.communicate()
    old = tree_digest(output)
    process = paused_run(at, output)
    assert process.stdout is not None
    first = process.stdout.readline()
    if first == "paused\n":
        process.send_signal(signal_number)
    _, stderr = process.communicate(timeout=120)
    if first != "paused\n":  # the write had fewer calls: nothing to interrupt
        assert process.returncode == 0, stderr
        return
    assert process.returncode == status
    assert stderr.splitlines() == [line]
    cut = tree_digest(output)
    process = paused_run(10_000, output)  # the next run cleans up
    assert process.wait(timeout=120) == 0
    assert cut in (old, tree_digest(output))  # complete old or complete new
    assert leftovers(tmp_path, output) == []
