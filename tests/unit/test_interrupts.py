"""Ctrl-C and SIGTERM end every command (generate, diff, update) with one line."""

from __future__ import annotations

import os
import signal
import subprocess
import sys

import pytest

from codegen.interrupts import guarded
from tests.support import REPO


def test_a_real_sigterm_is_one_line_and_143(capsys: pytest.CaptureFixture[str]) -> None:
    def command() -> int:
        os.kill(os.getpid(), signal.SIGTERM)
        raise AssertionError("SIGTERM did not interrupt")

    assert guarded(command) == 143
    assert capsys.readouterr().err == "codegen: terminated\n"
    assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL  # put back


def test_ctrl_c_is_one_line_and_130(capsys: pytest.CaptureFixture[str]) -> None:
    def command() -> int:
        raise KeyboardInterrupt

    assert guarded(command) == 130
    assert capsys.readouterr().err == "codegen: interrupted\n"


# Each entry point with the first step of its work replaced by a real SIGINT.
INTERRUPTED = """
import os, runpy, signal, sys

def interrupted(*args, **kwargs):
    os.kill(os.getpid(), signal.SIGINT)
    raise AssertionError("SIGINT did not interrupt")

import {patched} as target
target.{function} = interrupted
runpy.run_module({module!r}, run_name="__main__", alter_sys=True)
"""


@pytest.mark.parametrize(
    ("module", "patched", "function", "arguments"),
    [
        ("codegen", "codegen.config", "resolve", []),
        ("codegen", "codegen.config", "resolve_selection", ["diff", "a", "b"]),
        ("codegen.update", "codegen.update.workflow", "update", ["1.0.0"]),
    ],
    ids=["generate", "diff", "update"],
)
def test_ctrl_c_in_each_entry_point(
    module: str, patched: str, function: str, arguments: list[str]
) -> None:
    script = INTERRUPTED.format(module=module, patched=patched, function=function)
    result = subprocess.run(
        [sys.executable, "-c", script, *arguments],
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 130, result.stderr
    assert result.stderr == "codegen: interrupted\n"
