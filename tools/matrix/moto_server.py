"""moto's Connect on 127.0.0.1, in a process of its own, for the async moto suite.

moto[server] is pinned in the repository's environment (botocore 1.44.8), not in
the aiobotocore one (which aiobotocore ties to botocore 1.43.x), so the server
runs here and the suite's cell reaches it over HTTP: ``MOTO_ENDPOINT`` names it.
The server records every request it receives (moto's recorder,
``/moto-api/recorder/``), so the suite can count them where they arrive.

``python -m tools.matrix.moto_server RECORDING`` prints ``PORT`` on its first
line and serves until its standard input closes.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tools.matrix.support import REPO, MatrixError

ENDPOINT_ENV = "MOTO_ENDPOINT"


def serve(recording: Path) -> None:
    """Start the threaded server on a free port, print it, wait for EOF."""
    # moto reads MOTO_RECORDER_FILEPATH once, when moto.moto_api is imported.
    os.environ["MOTO_RECORDER_FILEPATH"] = str(recording)
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    try:
        _host, port = server.get_host_and_port()
        print(port, flush=True)
        sys.stdin.read()
    finally:
        server.stop()


@contextmanager
def moto_server(folder: Path) -> Iterator[str]:
    """A moto server process for the duration of the block; its endpoint."""
    environment = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(folder),
        "AWS_EC2_METADATA_DISABLED": "true",
        "AWS_CONFIG_FILE": str(folder / "no-config"),
        "AWS_SHARED_CREDENTIALS_FILE": str(folder / "no-credentials"),
        "NO_PROXY": "127.0.0.1",
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "tools.matrix.moto_server", str(folder / "rec.jsonl")],
        cwd=REPO,
        env=environment,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert process.stdin is not None and process.stdout is not None
    try:
        line = process.stdout.readline().strip()
        if not line.isdigit():
            raise MatrixError(f"moto server did not start (exit {process.poll()})")
        yield f"http://127.0.0.1:{line}"
    finally:
        process.stdin.close()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


if __name__ == "__main__":
    serve(Path(sys.argv[1]))
