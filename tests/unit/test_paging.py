"""codegen/model/paging.py: paginators and waiters read beside a ``--model`` file.

botocore keeps ``paginators-1.json`` and ``waiters-2.json`` next to
``service-2.json``; a model given by path is read the same way. The IR of the
installed services is checked against botocore's own clients in
tests/sdk/test_paginators_waiters.py.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from botocore.paginate import PaginatorModel
from botocore.waiter import WaiterModel

from codegen.model.build import build_service
from codegen.model.loader import load_model
from tests.support import MODELS, run_codegen

PAGINATORS = {
    "pagination": {
        "PutThing": {
            "input_token": "Token",
            "output_token": "Token",
            "result_key": ["Things", "More"],
        }
    }
}
WAITERS = {
    "version": 2,
    "waiters": {
        "OtherDone": {
            "operation": "Other",
            "delay": 3,
            "maxAttempts": 4,
            "acceptors": [{"matcher": "status", "expected": 200, "state": "success"}],
        },
        "NotGenerated": {
            "operation": "Missing",
            "delay": 1,
            "maxAttempts": 1,
            "acceptors": [{"matcher": "status", "expected": 200, "state": "success"}],
        },
    },
}


def _model(tmp_path: Path, paginators: object, waiters: object) -> Path:
    folder = tmp_path / "tiny" / "2020-01-01"
    folder.mkdir(parents=True)
    model = folder / "service-2.json"
    shutil.copy(MODELS / "tiny-service-2.json", model)
    (folder / "paginators-1.json").write_text(json.dumps(paginators), "utf-8")
    (folder / "waiters-2.json").write_text(json.dumps(waiters), "utf-8")
    return model


def test_files_beside_the_model_are_read(tmp_path: Path) -> None:
    """The IR holds what botocore's own models of the same files hold."""
    model = _model(tmp_path, PAGINATORS, WAITERS)
    service = build_service(load_model("tiny", model), ["PutThing", "Other"])
    botocore_paginator = PaginatorModel(PAGINATORS)
    config = botocore_paginator.get_paginator("PutThing")
    [paginator] = service.paginators
    assert paginator.operation == "PutThing"
    assert paginator.method_name == "paginate_put_thing"
    assert list(paginator.result_keys) == config["result_key"]
    assert paginator.limit_key is None
    botocore_waiter = WaiterModel(WAITERS).get_waiter("OtherDone")
    [waiter] = service.waiters  # NotGenerated's operation is not in the model
    assert (waiter.name, waiter.operation) == ("OtherDone", botocore_waiter.operation)
    assert (waiter.delay, waiter.max_attempts) == (
        botocore_waiter.delay,
        botocore_waiter.max_attempts,
    )


def test_generated_methods_pass_mypy_strict(tmp_path: Path) -> None:
    """A paginator and a waiter whose request is a shape with no members."""
    model = _model(tmp_path, PAGINATORS, WAITERS)
    output = tmp_path / "pkg" / "tinypaging"
    result = run_codegen(
        "--model", str(model), "--service", "tiny", "--operation", "PutThing",
        "--operation", "Other", "--output", str(output),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    client = (output / "client.py").read_text(encoding="utf-8")
    assert "def paginate_put_thing(" in client and "def wait_other_done(" in client
    checked = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", output.name],
        cwd=output.parent,
        capture_output=True,
        text=True,
        check=False,
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_corrupt_paginators_file_is_one_line_error(tmp_path: Path) -> None:
    model = _model(tmp_path, PAGINATORS, WAITERS)
    (model.parent / "paginators-1.json").write_text("{", encoding="utf-8")
    output = tmp_path / "out"
    result = run_codegen(
        "--model", str(model), "--service", "tiny", "--output", str(output)
    )
    assert result.returncode == 2
    assert result.stderr.startswith("codegen: error: paginators-1 file ")
    assert result.stderr.count("\n") == 1
    assert not output.exists()


def test_waiter_without_delay_is_one_line_error(tmp_path: Path) -> None:
    broken = json.loads(json.dumps(WAITERS))
    del broken["waiters"]["OtherDone"]["delay"]
    model = _model(tmp_path, PAGINATORS, broken)
    result = run_codegen(
        "--model", str(model), "--service", "tiny", "--operation", "Other",
        "--output", str(tmp_path / "out"),
    )  # fmt: skip
    assert result.returncode == 2
    assert result.stderr == (
        "codegen: error: waiter 'OtherDone': no delay or maxAttempts\n"
    )
