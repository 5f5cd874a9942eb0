"""Cold generation, this generator against another checkout, in one run.

    git worktree add /tmp/old BASE
    .venv/bin/python benchmarks/cold_generation.py /tmp/old [--repeat 2]

Runs ``python -m codegen --operation all`` with black's cache off
(``CODEGEN_CACHE_DIR=off``) in each checkout, alternating old and new so load
on a shared machine hits both alike; prints every wall time with the load
average it started under, the ratio of the medians, and whether both wrote
byte-identical packages.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
import timeit
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def generate(
    checkout: Path, output: Path, operations: list[str]
) -> tuple[float, float]:
    """Wall and CPU seconds (its processes' user + system) for one cold run of
    the generator in ``checkout``. On a busy machine the CPU seconds are the
    steadier figure; wall time is what a user waits."""
    arguments = [sys.executable, "-m", "codegen", "--output", str(output)]
    for operation in operations:
        arguments += ["--operation", operation]
    environment = {
        **os.environ,
        "CODEGEN_CACHE_DIR": "off",
        "PYTHONPATH": str(checkout),
    }
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = timeit.default_timer()
    subprocess.run(
        arguments, cwd=checkout, env=environment, capture_output=True, check=True
    )
    wall = timeit.default_timer() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return wall, cpu


def archived(revision: str, folder: Path) -> Path | None:
    """The tree of ``revision`` in ``folder`` (``git archive``), or ``None``
    outside a git clone that has it."""
    try:
        archive = subprocess.run(
            ["git", "archive", revision], cwd=REPO, capture_output=True, check=True
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return None
    folder.mkdir(parents=True)
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(folder, filter="data")
    return folder


def digest(folder: Path) -> dict[str, str]:
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and "__pycache__" not in path.parts
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("old", type=Path, help="checkout of the previous generator")
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--operation", action="append", default=None)
    options = parser.parse_args()
    operations = options.operation or ["all"]
    times: dict[str, list[float]] = {"old": [], "new": []}
    checkouts = {"old": options.old.resolve(), "new": REPO}
    with tempfile.TemporaryDirectory() as scratch:
        outputs = {name: Path(scratch) / name / "connect" for name in checkouts}
        for run in range(options.repeat):
            for name, checkout in checkouts.items():
                shutil.rmtree(outputs[name], ignore_errors=True)
                load = os.getloadavg()[0]
                seconds, cpu = generate(checkout, outputs[name], operations)
                times[name].append(seconds)
                print(
                    f"run {run + 1} {name}: {seconds:.1f} s, CPU {cpu:.1f} s "
                    f"(load {load:.2f})",
                    flush=True,
                )
        identical = digest(outputs["old"]) == digest(outputs["new"])
    old, new = statistics.median(times["old"]), statistics.median(times["new"])
    print(
        f"median old {old:.1f} s, new {new:.1f} s, ratio {new / old:.2f}; "
        f"{os.cpu_count()} cores; output byte-identical: {identical}"
    )


if __name__ == "__main__":
    main()
