"""moto's server: a Connect (and DynamoDB) nobody here wrote, on 127.0.0.1.

It runs in a process of its own (``tools.matrix.moto_server``, shared with the
async suite's cell), so no test process imports moto, whose request recorder
is set up once per process. The recorder (``/moto-api/recorder/``) counts the
requests where they arrive: what validation refuses must never reach it.
"""

from __future__ import annotations

import json
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

from tests.support import imported, run_codegen
from tools.matrix.moto_server import moto_server

# Every Connect operation moto 5.2.5 implements (moto/connect/responses.py).
CONNECT_OPERATIONS = (
    "CreateInstance",
    "DescribeInstance",
    "ListInstances",
    "DeleteInstance",
    "TagResource",
    "UntagResource",
    "ListTagsForResource",
    "AssociateAnalyticsDataSet",
    "DisassociateAnalyticsDataSet",
    "ListAnalyticsDataAssociations",
)


@dataclass(frozen=True)
class Moto:
    """A running moto server and its request log, both read over HTTP."""

    endpoint: str
    recording: Path

    def api(self, action: str) -> bytes:
        url = f"{self.endpoint}/moto-api/recorder/{action}"
        with urllib.request.urlopen(url, timeout=10) as response:
            body: bytes = response.read()
        return body

    def reset(self) -> None:
        """Forget every recorded request (and keep recording)."""
        self.api("reset-recording")

    def requests(self) -> list[dict[str, Any]]:
        """Every request the server received since the last reset, in order."""
        lines = self.api("download-recording").decode().splitlines()
        return [json.loads(line) for line in lines if line.strip()]


@contextmanager
def running_moto(folder: Path) -> Iterator[Moto]:
    """moto's threaded server on a free port of 127.0.0.1 for the block,
    recording every request into ``folder``."""
    with moto_server(folder) as endpoint:
        moto = Moto(endpoint, folder / "rec.jsonl")
        moto.api("start-recording")
        yield moto


@contextmanager
def moto_connect_package(root: Path, package: str) -> Iterator[ModuleType]:
    """The package generated for ``CONNECT_OPERATIONS`` as ``package`` below
    ``root``, imported for the block."""
    arguments = [f"--operation={name}" for name in CONNECT_OPERATIONS]
    result = run_codegen(*arguments, "--output", str(root / package))
    assert result.returncode == 0, result.stderr
    with imported(root, package) as (module,):
        yield module
