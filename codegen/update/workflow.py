"""``python -m codegen.update VERSION``: move the project to another botocore.

Run by ``make update-botocore VERSION=X``. Everything that can fail without
side effects runs first: the version must exist (its wheel is downloaded into
the cache) and the API diff from what ``generated/`` was made with is computed.
Only then is the pin bumped, the virtualenv reinstalled and the package
regenerated; CHANGELOG.md gets a section. If any of that fails, pyproject.toml,
the output folder and CHANGELOG.md are put back as they were. Nothing here runs
git: the work tree is left for the user to review.
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

from codegen import config
from codegen.apidiff import report
from codegen.apidiff.diff import diff_models
from codegen.errors import CodegenError
from codegen.generate.provenance import read_provenance
from codegen.generate.writer import differences
from codegen.model.releases import fetch_wheel, is_version, load_side, wheel_cache
from codegen.update import changelog

_PIN = re.compile(r'"botocore==(?P<version>[^"]+)"')


@dataclass(frozen=True)
class Steps:
    """The side effects, replaceable in tests (no network, no reinstall).

    ``fetch`` returns the wheel of a version or raises ``CodegenError`` when it
    does not exist; ``install`` reinstalls the project (its pins) into the running
    virtualenv; ``generate`` regenerates the output of a pyproject.toml in a
    fresh process, which imports the newly installed botocore.
    """

    fetch: Callable[[str], Path]
    install: Callable[[Path], None]
    generate: Callable[[Path], None]


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
        [sys.executable, "-m", "codegen", "--config", str(pyproject)],
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
        """Files of the output that differ from the snapshot, or appeared or went."""
        now = {
            str(path.relative_to(self.output)): path.read_text(encoding="utf-8")
            for path in sorted(self.output.rglob("*"))
            if path.is_file() and "__pycache__" not in path.parts
        }
        return sorted(differences(now, self.saved_output))

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


def _read(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as error:
        raise CodegenError(f"cannot read {path}: {error.strerror or error}") from None


def update(
    version: str, project: Path, steps: Steps = DEFAULT_STEPS, out: TextIO = sys.stdout
) -> int:
    """Move ``project`` to botocore ``version``; see the module docstring."""
    if not is_version(version):
        raise CodegenError(
            f"not a botocore version: {version!r} (expected a release such as 1.44.8)"
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
        print(
            f"botocore {version} is already pinned, installed and generated from; "
            "nothing to do",
            file=out,
        )
        return 0

    # No side effects up to here, and none until the diff is known.
    if version != installed:
        steps.fetch(version)  # does the version exist? (downloads its wheel)
    old = load_side(previous, settings.service, steps.fetch)
    new = load_side(version, settings.service, steps.fetch)
    diff = diff_models(old, new, settings.operations)

    changes_file = project / "CHANGELOG.md"
    snapshot = _Snapshot.take([pyproject, changes_file], settings.output)
    reinstalled = False
    try:
        pyproject.write_bytes(bump_pin(text.decode("utf-8"), version).encode("utf-8"))
        if installed != version:
            reinstalled = True
            steps.install(project)
        steps.generate(pyproject)
        made = read_provenance(settings.output)
        if made is None or made.botocore_version != version:
            found = made.botocore_version if made else "no header"
            raise CodegenError(
                f"regenerated {settings.output} names botocore {found}, "
                f"not {version}: was the virtualenv reinstalled?"
            )
        changed = snapshot.changed_output_files()
        changelog.add_entry(
            changes_file,
            changelog.entry(
                version, previous, diff, _shown(settings.output, project), changed
            ),
        )
    except BaseException:
        snapshot.restore()
        if reinstalled:
            _reinstall_previous(steps, project, pin)
        raise
    finally:
        snapshot.discard()

    out.write(report.text(diff))
    print(f"\nFiles changed in {settings.output} ({len(changed)}):", file=out)
    for name in changed:
        print(f"  {name}", file=out)
    print(
        f"\nbotocore {previous} -> {version}: pyproject.toml, {settings.output} "
        f"and CHANGELOG.md updated; review them (git diff), then run make test.",
        file=out,
    )
    if diff.breaking:
        print(f"{len(diff.breaking)} breaking changes: see above.", file=out)
    return 0


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


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m codegen.update",
        description=(
            "Pin another botocore, reinstall, regenerate, print the API diff and "
            "the changed files, and add a CHANGELOG.md section. Changes nothing "
            "when the version does not exist; undoes its changes when a later "
            "step fails."
        ),
    )
    parser.add_argument(
        "version", metavar="VERSION", help="botocore release, e.g. 1.44.9"
    )
    parser.add_argument(
        "--project",
        metavar="DIR",
        default=".",
        help="folder holding pyproject.toml (default: .)",
    )
    arguments = parser.parse_args(argv)
    try:
        return update(arguments.version, Path(arguments.project))
    except CodegenError as error:
        print(f"codegen: error: {error}", file=sys.stderr)
        return 2
