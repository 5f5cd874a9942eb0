"""``mypy --strict`` over the package of every botocore service.

``python -m tools.every_service.typecheck`` (``make every-service-typecheck``)
generates every service with all its operations, unformatted (black does not
change what mypy sees), into a temporary folder, then runs mypy in batches of
services (one process for all would need several GB). It prints one line per
batch and a summary; exit status 1 when any batch has errors.

Not part of ``make test``: it takes about ten minutes on two cores.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from codegen.generate.format_cache import Unformatted
from codegen.generate.render import Renderer
from codegen.generate.writer import write_package
from codegen.model.build import build_service
from codegen.model.loader import load_model

from .generation import package_name
from .runner import available_services


def _generate(services: Sequence[str], root: Path) -> list[str]:
    renderer = Renderer(formatter=Unformatted())
    packages = []
    for service in services:
        package = package_name(service)
        files = renderer.render(build_service(load_model(service), ["all"]))
        write_package(files, root / package)
        packages.append(package)
    return packages


def _mypy(packages: Sequence[str], root: Path) -> tuple[bool, str, str]:
    """mypy on ``packages``: passed, its last line, its whole report."""
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", *packages],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    )
    lines = (result.stdout or result.stderr).strip().splitlines()
    return result.returncode == 0, lines[-1] if lines else "", result.stdout


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.every_service.typecheck")
    parser.add_argument("--services", help="comma-separated (default: all)")
    parser.add_argument("--batch", type=int, default=30, help="services per mypy run")
    options = parser.parse_args(argv)
    services = options.services.split(",") if options.services else available_services()
    start = time.monotonic()
    failed: list[str] = []
    with tempfile.TemporaryDirectory(prefix="every-service-mypy-") as folder:
        root = Path(folder)
        packages = _generate(services, root)
        print(f"generated {len(packages)} packages in {time.monotonic() - start:.0f} s")
        for index in range(0, len(packages), options.batch):
            batch = packages[index : index + options.batch]
            passed, last, report = _mypy(batch, root)
            print(f"{batch[0]} .. {batch[-1]}: {last}", flush=True)
            if not passed:
                failed.append(report)
        modules = sum(len(list((root / p).rglob("*.py"))) for p in packages)
    for report in failed:
        print(report)
    status = "with errors" if failed else "clean"
    print(
        f"every-service typecheck: {len(packages)} packages ({modules:,} modules), "
        f"mypy --strict {status}; "
        f"{time.monotonic() - start:.0f} s"
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
