"""Fake botocore releases for the update tests, and an update runnable offline.

A fake release is a wheel holding only a Connect model (one committed under
tests/fixtures/botocore-connect/) and enough metadata for the real pip to list
and download it from a local folder. Reinstalling and regenerating are the two
steps replaced: the generator runs on the fake release's model, and the
``BOTOCORE_RELEASE`` line is set to the pin, as a run under that botocore would.

``python -m tests.update_fakes VERSION --project DIR [options]`` is
``python -m codegen.update`` with those two steps replaced; the real pip
resolves ``latest`` and downloads wheels (point it at a folder with
``PIP_NO_INDEX=1 PIP_FIND_LINKS=DIR``). tools/scheduled-update.sh runs it in
tests through ``UPDATE_COMMAND``.
"""

from __future__ import annotations

import contextlib
import io
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

from codegen import cli
from codegen.errors import CodegenError
from codegen.generate.provenance import with_release
from codegen.model.releases import fetch_wheel, wheel_cache
from codegen.update.index import latest_release
from codegen.update.workflow import Steps, main, read_pin
from tests.support import CONNECT_RELEASES

FIRST_MODEL = CONNECT_RELEASES / "1.35.68" / "service-2.json.gz"
PINNED_MODEL = CONNECT_RELEASES / "1.44.8" / "service-2.json.gz"
_MEMBER = "botocore/data/connect/2017-08-08/service-2.json.gz"


def fake_wheel(folder: Path, version: str, model: Path) -> Path:
    """``botocore-VERSION-py3-none-any.whl`` holding ``model`` as Connect's."""
    folder.mkdir(parents=True, exist_ok=True)
    wheel = folder / f"botocore-{version}-py3-none-any.whl"
    info = f"botocore-{version}.dist-info"
    with zipfile.ZipFile(wheel, "w") as archive:
        archive.writestr(_MEMBER, model.read_bytes())
        archive.writestr(
            f"{info}/METADATA",
            f"Metadata-Version: 2.1\nName: botocore\nVersion: {version}\n",
        )
        archive.writestr(
            f"{info}/WHEEL",
            "Wheel-Version: 1.0\nGenerator: tests\nRoot-Is-Purelib: true\n"
            "Tag: py3-none-any\n",
        )
        archive.writestr(f"{info}/RECORD", "")
    return wheel


def set_release(folder: Path, version: str) -> None:
    """What a run under another botocore (same model) would have written."""
    init = folder / "__init__.py"
    init.write_text(
        with_release(init.read_text(encoding="utf-8"), version), encoding="utf-8"
    )


def generate_from_wheel(pyproject: Path, wheel_of: Callable[[str], Path]) -> None:
    """Regenerate from the pinned release's model, as its botocore would."""
    pin = read_pin(pyproject.read_text(encoding="utf-8"), pyproject)
    with zipfile.ZipFile(wheel_of(pin)) as archive:
        payload = archive.read(_MEMBER)
    model = pyproject.parent / "service-2.json.gz"
    model.write_bytes(payload)
    try:
        # In a process of its own, as the real step: its report is not ours.
        with contextlib.redirect_stdout(io.StringIO()):
            # --quiet as the real step (codegen.update.workflow.regenerate).
            argv = ["--config", str(pyproject), "--model", str(model), "--quiet"]
            status = cli.main(argv)
    finally:
        model.unlink()
    if status != 0:
        raise CodegenError("regenerating failed")
    set_release(pyproject.parent / "generated" / "connect", pin)


class Fakes:
    """Steps that record their calls; releases are fake wheels of given models."""

    def __init__(self, cache: Path, models: dict[str, Path] | None = None) -> None:
        self.cache = cache
        self.models = models or {"9.9.9": FIRST_MODEL}
        self.calls: list[str] = []
        self.generate_hook: Callable[[Path], None] | None = None

    def fetch(self, version: str) -> Path:
        self.calls.append(f"fetch {version}")
        if version not in self.models:
            raise CodegenError(
                f"botocore {version} does not exist "
                "(pip found no matching distribution)"
            )
        return fake_wheel(self.cache, version, self.models[version])

    def install(self, project: Path) -> None:
        pin = read_pin(
            (project / "pyproject.toml").read_text(encoding="utf-8"), project
        )
        self.calls.append(f"install {pin}")

    def generate(self, pyproject: Path) -> None:
        self.calls.append("generate")
        if self.generate_hook is not None:
            self.generate_hook(pyproject)
            return
        generate_from_wheel(pyproject, self.fetch)

    def latest(self) -> str:
        self.calls.append("latest")
        return max(self.models, key=lambda v: tuple(int(n) for n in v.split(".")))

    def steps(self) -> Steps:
        return Steps(
            fetch=self.fetch,
            install=self.install,
            generate=self.generate,
            latest=self.latest,
        )


def _offline_steps() -> Steps:
    """Real pip for ``latest`` and downloads; no reinstall; generate from wheel."""
    return Steps(
        fetch=fetch_wheel,
        install=lambda project: None,
        generate=lambda pyproject: generate_from_wheel(
            pyproject, lambda version: fetch_wheel(version, wheel_cache())
        ),
        latest=latest_release,
    )


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:], _offline_steps()))
