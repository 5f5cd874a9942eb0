"""``python -m codegen.update VERSION``: move the project to another botocore.

Run by ``make update-botocore VERSION=X``. Everything that can fail without
side effects runs first: the version must exist (its wheel is downloaded into
the cache) and the API diff from what ``generated/`` was made with is computed.
Only then is the pin bumped, the virtualenv reinstalled and the package
regenerated; CHANGELOG.md gets a section. If any of that fails, pyproject.toml,
the output folder and CHANGELOG.md are put back as they were. Nothing here runs
git: the work tree is left for the user to review.

A release whose model is the one generated from changes the pin and the one
``BOTOCORE_RELEASE`` line of the output, and adds a one-line CHANGELOG entry.
``latest`` asks the package index for the newest release. What happened to the
generated API is the ``api`` field of ``--format json`` and, with
``--detailed-exitcode``, the exit status (``EXIT_STATUS``; 2 is an error).
On a terminal a bar on stderr names the step that runs (``--quiet``: none);
the regenerating child always runs ``--quiet``: its stderr is read for its
error line, and is no terminal.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

import botocore

from codegen import config, progress
from codegen.apidiff.diff import ApiDiff, diff_models
from codegen.errors import CodegenError
from codegen.generate.provenance import read_provenance, with_release
from codegen.model.releases import fetch_wheel, is_version, load_side, wheel_cache
from codegen.update import changelog
from codegen.update.index import latest_release
from codegen.update.outcome import EXIT_STATUS, Api, Outcome, print_outcome

_PIN = re.compile(r'"botocore==(?P<version>[^"]+)"')


@dataclass(frozen=True)
class Steps:
    """The side effects, replaceable in tests (no network, no reinstall).

    ``fetch`` returns the wheel of a version or raises ``CodegenError`` when it
    does not exist; ``install`` reinstalls the project (its pins) into the running
    virtualenv; ``generate`` regenerates the output of a pyproject.toml in a
    fresh process, which imports the newly installed botocore; ``latest`` names
    the newest release on the package index.
    """

    fetch: Callable[[str], Path]
    install: Callable[[Path], None]
    generate: Callable[[Path], None]
    latest: Callable[[], str] = latest_release


def _run(command: list[str], cwd: Path, what: str) -> None:
    try:
        result = subprocess.run(
            command, cwd=cwd, capture_output=True, text=True, timeout=1800, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        raise CodegenError(f"{what} failed: {error}") from None
    if result.returncode != 0:
        lines = [line for line in result.stderr.splitlines() if line.strip()]
        reason = lines[-1].removeprefix("codegen: error: ") if lines else "no message"
        raise CodegenError(f"{what} failed: {reason}")


def pip_install(project: Path) -> None:
    """``pip install -e PROJECT[dev]``, taking botocore from the wheel cache."""
    command = [
        sys.executable, "-m", "pip", "install", "--quiet",
        "--disable-pip-version-check", "--find-links", str(wheel_cache()),
        "--editable", f"{project}[dev]",
    ]  # fmt: skip
    _run(command, project, "reinstalling the virtualenv")


def regenerate(pyproject: Path) -> None:
    """``python -m codegen --config PYPROJECT`` in a new interpreter."""
    _run(
        [sys.executable, "-m", "codegen", "--config", str(pyproject), "--quiet"],
        pyproject.parent,
        "regenerating",
    )


DEFAULT_STEPS = Steps(fetch=fetch_wheel, install=pip_install, generate=regenerate)


def read_pin(text: str, source: Path) -> str:
    """The version in the one ``"botocore==X"`` requirement of pyproject.toml."""
    pins = _PIN.findall(text)
    if len(pins) != 1:
        raise CodegenError(
            f'{source}: expected exactly one "botocore==X" requirement, '
            f"found {len(pins)}"
        )
    return str(pins[0])


def bump_pin(text: str, version: str) -> str:
    return _PIN.sub(f'"botocore=={version}"', text)


@dataclass
class _Snapshot:
    """Copies of what the update changes, to put back if it fails."""

    files: dict[Path, bytes | None]
    output: Path
    folder: Path = field(default_factory=lambda: Path(tempfile.mkdtemp()))

    @property
    def saved_output(self) -> Path:
        return self.folder / "output"

    @classmethod
    def take(cls, files: list[Path], output: Path) -> _Snapshot:
        snapshot = cls({path: _read(path) for path in files}, output)
        if output.is_dir():
            shutil.copytree(output, snapshot.saved_output, symlinks=True)
        return snapshot

    def changed_output_files(self) -> list[str]:
        """Files of the output that differ from the snapshot, or appeared or went.

        The ``BOTOCORE_RELEASE`` line does not count: it names the release, and
        the point is whether the generated API changed.
        """
        now, before = _texts(self.output), _texts(self.saved_output)
        return sorted(
            name
            for name in now.keys() | before.keys()
            if now.get(name) != before.get(name)
        )

    def restore(self) -> None:
        for path, content in self.files.items():
            if content is None:
                path.unlink(missing_ok=True)
            else:
                path.write_bytes(content)
        shutil.rmtree(self.output, ignore_errors=True)
        if self.saved_output.is_dir():
            shutil.copytree(self.saved_output, self.output, symlinks=True)

    def discard(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


def _texts(folder: Path) -> dict[str, str]:
    """Every file below ``folder`` by relative path, the release line blanked."""
    texts = {
        str(path.relative_to(folder)): path.read_text(encoding="utf-8")
        for path in sorted(folder.rglob("*"))
        if path.is_file() and "__pycache__" not in path.parts
    }
    if "__init__.py" in texts:
        texts["__init__.py"] = with_release(texts["__init__.py"], "")
    return texts


def _read(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as error:
        raise CodegenError(f"cannot read {path}: {error.strerror or error}") from None


def update(
    version: str,
    project: Path,
    steps: Steps = DEFAULT_STEPS,
    out: TextIO = sys.stdout,
    output_format: str = "text",
    show_progress: bool = False,
) -> Api:
    """Move ``project`` to botocore ``version``; see the module docstring."""
    if version == "latest":
        version = steps.latest()
    if not is_version(version):
        raise CodegenError(
            f"not a botocore version: {version!r} "
            "(expected a release such as 1.44.8, or latest)"
        )
    pyproject = project / "pyproject.toml"
    text = _read(pyproject)
    if text is None:
        raise CodegenError(f"no pyproject.toml in {project}")
    pin = read_pin(text.decode("utf-8"), pyproject)
    settings = config.resolve(pyproject, None, None, None, None)
    provenance = read_provenance(settings.output)
    previous = provenance.botocore_version if provenance else pin
    installed = botocore.__version__
    if version == pin == previous == installed:
        outcome = Outcome(previous, version, Api.UNCHANGED)
    else:
        with progress.Progress(
            _STAGES, "update", enabled=show_progress, unit="step"
        ) as bar:
            outcome = _move(version, project, steps, settings, pin, previous, bar)
    print_outcome(outcome, settings.output, output_format, out)
    return outcome.api


def _diff_first(
    version: str,
    steps: Steps,
    settings: config.Settings,
    previous: str,
    bar: progress.Progress,
) -> ApiDiff:
    """The version must exist and the diff be known before anything changes."""
    bar.step(f"update: fetching botocore {version}")
    if version != botocore.__version__:
        steps.fetch(version)  # does the version exist? (downloads its wheel)
    bar.advance()
    bar.step("update: API diff")
    old = load_side(previous, settings.service, steps.fetch)
    new = load_side(version, settings.service, steps.fetch)
    diff = diff_models(old, new, settings.operations)
    bar.advance()
    return diff


# The steps of ``_move`` the bar counts: fetch, diff, reinstall, regenerate.
_STAGES = 4


def _move(
    version: str,
    project: Path,
    steps: Steps,
    settings: config.Settings,
    pin: str,
    previous: str,
    bar: progress.Progress,
) -> Outcome:
    """Diff first (no side effects), then bump, reinstall, regenerate, log."""
    installed = botocore.__version__
    diff = _diff_first(version, steps, settings, previous, bar)

    pyproject, changes_file = project / "pyproject.toml", project / "CHANGELOG.md"
    text = pyproject.read_text(encoding="utf-8")
    snapshot = _Snapshot.take([pyproject, changes_file], settings.output)
    reinstalled = False
    try:
        pyproject.write_bytes(bump_pin(text, version).encode("utf-8"))
        bar.step("update: reinstalling")
        if installed != version:
            reinstalled = True
            steps.install(project)
        bar.advance()
        _regenerate(steps, pyproject, settings.output, version, bar)
        changed = snapshot.changed_output_files()
        if diff.breaking:
            api = Api.BREAKING
        else:
            api = Api.CHANGED if changed else Api.UNCHANGED
        if api is Api.UNCHANGED:
            entry = changelog.quiet_entry(version, previous)
        else:
            shown = _shown(settings.output, project)
            entry = changelog.entry(version, previous, diff, shown, changed)
        changelog.add_entry(changes_file, entry, compact=api is Api.UNCHANGED)
    except BaseException:
        snapshot.restore()
        if reinstalled:
            _reinstall_previous(steps, project, pin)
        raise
    finally:
        snapshot.discard()
    return Outcome(previous, version, api, diff, tuple(changed), entry)


def _regenerate(
    steps: Steps, pyproject: Path, output: Path, version: str, bar: progress.Progress
) -> None:
    """Regenerate, and make sure the output names botocore ``version``."""
    bar.step("update: regenerating")
    steps.generate(pyproject)
    bar.advance()
    made = read_provenance(output)
    if made is None or made.botocore_version != version:
        found = made.botocore_version if made else "no header"
        raise CodegenError(
            f"regenerated {output} names botocore {found}, "
            f"not {version}: was the virtualenv reinstalled?"
        )


def _shown(output: Path, project: Path) -> str:
    """The output folder relative to the project, as pyproject.toml names it."""
    try:
        return str(output.resolve().relative_to(project.resolve()))
    except ValueError:
        return str(output)


def _reinstall_previous(steps: Steps, project: Path, pin: str) -> None:
    """Best effort after a failure: the virtualenv back on the restored pin."""
    try:
        steps.install(project)
    except CodegenError as error:
        print(
            f"codegen: warning: botocore {pin} could not be reinstalled ({error}); "
            "run make env",
            file=sys.stderr,
        )


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m codegen.update",
        description=(
            "Pin another botocore, reinstall, regenerate, print the API diff and "
            "the changed files, and add a CHANGELOG.md section (one line when the "
            "model is unchanged). Changes nothing when the version does not "
            "exist; undoes its changes when a later step fails."
        ),
        epilog=(
            "Exit status: 0 done, 2 error (nothing changed). With "
            "--detailed-exitcode: 0 generated API unchanged, 3 changed "
            "compatibly, 4 changed with breaking changes, 2 error."
        ),
    )
    parser.add_argument(
        "version",
        metavar="VERSION",
        help="botocore release, e.g. 1.44.9, or latest (asks the package index)",
    )
    parser.add_argument(
        "--project",
        metavar="DIR",
        default=".",
        help="folder holding pyproject.toml (default: .)",
    )
    parser.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="output format (default: text); json has the field api",
    )
    parser.add_argument(
        "--detailed-exitcode",
        action="store_true",
        help="exit 0 when the generated API is unchanged, 3 changed, 4 breaking",
    )
    parser.add_argument(
        "--quiet",
        action="store_true",
        help="no progress bar (drawn on stderr only when it is a terminal)",
    )
    return parser


def main(argv: Sequence[str] | None = None, steps: Steps = DEFAULT_STEPS) -> int:
    arguments = _parser().parse_args(argv)
    try:
        api = update(
            arguments.version,
            Path(arguments.project),
            steps,
            out=sys.stdout,
            output_format=arguments.format,
            show_progress=progress.shown(arguments.quiet),
        )
    except CodegenError as error:
        print(f"codegen: error: {error}", file=sys.stderr)
        return 2
    return EXIT_STATUS[api] if arguments.detailed_exitcode else 0
