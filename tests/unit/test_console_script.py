"""The installed ``connect-sdk-codegen`` command is ``python -m codegen``.

The oracle is ``python -m codegen`` itself, run the same way: the console script
that pip wrote into the virtual environment (``make env``) must give the same
output, the same files and the same exit status for every kind of run: generate,
check, the API diff (clean and breaking), a user's mistake and a bad flag.
"""

from __future__ import annotations

import importlib.metadata
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from tests.support import CONNECT_RELEASES, MODELS, REPO, run_codegen, tree_digest

SCRIPT_NAME = "connect-sdk-codegen"
# Beside the interpreter running the tests: .venv/bin/ after `make env`.
SCRIPT = Path(sys.executable).with_name(SCRIPT_NAME)
OLD = str(CONNECT_RELEASES / "1.35.67" / "service-2.json.gz")
NEW = str(CONNECT_RELEASES / "1.35.68" / "service-2.json.gz")
TINY = ("--model", str(MODELS / "tiny-service-2.json"), "--service", "tiny")


def run_script(*args: str) -> subprocess.CompletedProcess[str]:
    """``connect-sdk-codegen ARGS`` as a user types it, from the repository."""
    return subprocess.run(
        [str(SCRIPT), *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def same_run(*args: str) -> subprocess.CompletedProcess[str]:
    """Run both ways; assert identical status and output; return the script's."""
    script = run_script(*args)
    module = run_codegen(*args)
    assert (script.returncode, script.stdout, script.stderr) == (
        module.returncode,
        module.stdout,
        module.stderr,
    )
    return script


def test_the_script_is_installed_from_the_declared_entry_point() -> None:
    declared = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    assert declared["project"]["scripts"] == {SCRIPT_NAME: "codegen.cli:main"}
    (installed,) = importlib.metadata.entry_points(
        group="console_scripts", name=SCRIPT_NAME
    )
    assert installed.value == "codegen.cli:main"
    assert SCRIPT.is_file(), f"{SCRIPT} missing: run `make env`"


@pytest.mark.parametrize(
    ("args", "status"),
    [
        pytest.param(("--help",), 0, id="help"),
        pytest.param(("diff", "--help"), 0, id="diff-help"),
        pytest.param(("--check",), 0, id="check"),
        pytest.param(("diff", OLD, NEW), 0, id="diff-compatible"),
        pytest.param(("diff", NEW, OLD, "--format", "json"), 1, id="diff-breaking"),
        pytest.param(("--operation", "StartEmailContac"), 2, id="user-error"),
        pytest.param(("--no-such-flag",), 2, id="bad-flag"),
    ],
)
def test_same_output_and_exit_status(args: tuple[str, ...], status: int) -> None:
    assert same_run(*args).returncode == status


def test_a_mistake_is_one_line() -> None:
    mistake = run_script("--operation", "StartEmailContac")
    assert mistake.stderr.startswith("codegen: error: ")
    assert mistake.stderr.count("\n") == 1


def test_generates_the_same_package(tmp_path: Path) -> None:
    by_script, by_module = tmp_path / "script" / "tiny", tmp_path / "module" / "tiny"
    script = run_script(*TINY, "--operation", "all", "--output", str(by_script))
    module = run_codegen(*TINY, "--operation", "all", "--output", str(by_module))
    assert (script.returncode, script.stderr) == (module.returncode, module.stderr)
    assert script.returncode == 0, script.stderr
    assert script.stdout.replace(str(by_script), "OUT") == module.stdout.replace(
        str(by_module), "OUT"
    )
    assert tree_digest(by_script) == tree_digest(by_module)
    assert "client.py" in tree_digest(by_script)
