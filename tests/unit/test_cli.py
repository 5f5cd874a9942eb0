"""The CLI as a user meets it: bad input is one clear line, exit 2, nothing written."""

from __future__ import annotations

import gzip
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.support import GENERATED, MODELS, REPO, run_codegen, tree_digest

pytestmark = pytest.mark.usefixtures("generated_untouched")


def assert_one_line_error(
    result: subprocess.CompletedProcess[str], expected: str
) -> None:
    assert result.returncode == 2, result.stderr
    assert result.stderr.splitlines() == [f"codegen: error: {expected}"]
    assert result.stdout == ""


def test_unknown_service_suggests_the_closest_name() -> None:
    result = run_codegen("--service", "conect")
    assert_one_line_error(
        result,
        f"unknown service 'conect' in botocore {_botocore_version()} "
        "(did you mean 'connect', 'qconnect' or 'mediaconnect'?)",
    )


def test_unknown_operation_suggests_the_closest_name() -> None:
    result = run_codegen("--operation", "StartEmailContac")
    assert_one_line_error(
        result,
        "unknown operation 'StartEmailContac' in service 'connect' (did you mean "
        "'StartEmailContact', 'StartOutboundEmailContact' or 'StartTaskContact'?)",
    )


def test_missing_model_file(tmp_path: Path) -> None:
    missing = tmp_path / "service-2.json"
    result = run_codegen("--model", str(missing))
    assert_one_line_error(result, f"model file not found: {missing}")


def test_corrupt_model_file(tmp_path: Path) -> None:
    model = tmp_path / "service-2.json"
    model.write_text('{"metadata": {"protocol": "rest-json"', encoding="utf-8")
    result = run_codegen("--model", str(model))
    assert_one_line_error(
        result,
        f"model file {model} is corrupt: Expecting ',' delimiter: "
        "line 1 column 38 (char 37)",
    )


def test_corrupt_gzip_model_file(tmp_path: Path) -> None:
    model = tmp_path / "service-2.json.gz"
    model.write_bytes(gzip.compress(b'{"metadata": {}, "shapes": {}}')[:-6])
    result = run_codegen("--model", str(model))
    assert result.returncode == 2
    assert result.stderr.startswith(f"codegen: error: cannot read model file {model}")
    assert len(result.stderr.splitlines()) == 1


def test_json_that_is_not_a_service_model(tmp_path: Path) -> None:
    model = tmp_path / "service-2.json"
    model.write_text(json.dumps({"metadata": {}, "shapes": {}}), encoding="utf-8")
    result = run_codegen("--model", str(model))
    assert_one_line_error(
        result,
        f"model file {model} is not a botocore service model: no 'operations' object",
    )


def test_corrupt_installed_model_found_through_aws_data_path(tmp_path: Path) -> None:
    """botocore searches AWS_DATA_PATH first; a broken file there is reported."""
    folder = tmp_path / "connect" / "2017-08-08"
    folder.mkdir(parents=True)
    (folder / "service-2.json").write_text("not json", encoding="utf-8")
    result = run_codegen(env={"AWS_DATA_PATH": str(tmp_path)})
    assert_one_line_error(
        result,
        f"model file {folder / 'service-2.json'} is corrupt: "
        "Expecting value: line 1 column 1 (char 0)",
    )


def test_output_under_a_file_cannot_be_written(tmp_path: Path) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("a file, not a folder", encoding="utf-8")
    result = run_codegen("--output", str(blocker / "connect"))
    assert result.returncode == 2
    assert result.stderr.startswith(
        f"codegen: error: cannot write output folder {blocker / 'connect'}: "
    )
    assert len(result.stderr.splitlines()) == 1
    assert blocker.read_text(encoding="utf-8") == "a file, not a folder"


def test_output_folder_with_foreign_files_is_not_replaced(tmp_path: Path) -> None:
    output = tmp_path / "mine"
    output.mkdir()
    (output / "notes.txt").write_text("keep me", encoding="utf-8")
    result = run_codegen("--output", str(output))
    assert_one_line_error(
        result,
        f"output folder {output} holds files codegen did not write; "
        "refusing to replace it",
    )
    assert [path.name for path in output.iterdir()] == ["notes.txt"]
    assert (output / "notes.txt").read_text(encoding="utf-8") == "keep me"


def test_check_passes_on_the_committed_output() -> None:
    result = run_codegen("--check")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip().endswith("is up to date")


def test_check_lists_stale_missing_and_extra_files(tmp_path: Path) -> None:
    copy = tmp_path / "connect"
    shutil.copytree(GENERATED, copy, ignore=shutil.ignore_patterns("__pycache__"))
    (copy / "_codecs.py").write_text("# edited by hand\n", encoding="utf-8")
    (copy / "client.py").unlink()
    (copy / "stale.py").write_text("", encoding="utf-8")
    before = tree_digest(copy)
    result = run_codegen("--check", "--output", str(copy))
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f"{copy} is stale; these files differ:",
        "  _codecs.py",
        "  client.py",
        "  stale.py",
    ]
    assert tree_digest(copy) == before


def test_help_describes_the_flags() -> None:
    result = run_codegen("--help")
    assert result.returncode == 0
    for flag in ("--service", "--operation", "--output", "--check", "--model"):
        assert flag in result.stdout
    assert "--quiet" in result.stdout
    assert "terminal" in result.stdout  # when a bar is drawn at all


def test_diff_help_offers_quiet() -> None:
    result = run_codegen("diff", "--help")
    assert result.returncode == 0
    assert "--quiet" in result.stdout


def test_quiet_changes_nothing_on_a_pipe() -> None:
    """No bar on a pipe either way (tests/unit/test_progress.py: on a terminal)."""
    plain = run_codegen("--check")
    quiet = run_codegen("--check", "--quiet")
    assert plain.returncode == 0, plain.stdout + plain.stderr
    assert (quiet.returncode, quiet.stdout, quiet.stderr) == (
        plain.returncode,
        plain.stdout,
        plain.stderr,
    )


def test_generate_replaces_stale_files_and_reports_changes(tmp_path: Path) -> None:
    output = tmp_path / "connect"
    first = run_codegen("--output", str(output))
    assert first.returncode == 0, first.stderr
    (output / "stale.py").write_text("", encoding="utf-8")
    (output / "_codecs.py").write_text("# edited\n", encoding="utf-8")
    second = run_codegen("--output", str(output))
    assert second.returncode == 0, second.stderr
    assert second.stdout.splitlines()[1:] == ["  _codecs.py", "  stale.py"]
    assert tree_digest(output) == tree_digest(GENERATED)
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".connect")]


def _botocore_version() -> str:
    import botocore

    return str(botocore.__version__)


@pytest.mark.parametrize(
    ("output", "refusal"),
    [
        ("generated/connect/shapes", "is inside the generated package"),
        ("generated/connect/new", "is inside the generated package"),
        ("generated", "holds the generated package"),
        ("codegen/sub", "overlaps the generator's source"),
        ("templates/x", "overlaps the generator's source"),
        (".", "overlaps the generator's source"),
    ],
)
def test_output_guard_refuses_what_must_not_be_replaced(
    output: str, refusal: str
) -> None:
    result = run_codegen("--output", output)
    assert result.returncode == 2, result.stdout
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"codegen: error: output folder {output} ")
    assert refusal in line
    assert not (REPO / "codegen" / "sub").exists()
    assert not (REPO / "templates" / "x").exists()


def test_output_holding_the_model_is_refused(tmp_path: Path) -> None:
    output = tmp_path / "tiny"
    output.mkdir()
    model = output / "service-2.json"
    shutil.copy(MODELS / "tiny-service-2.json", model)
    result = run_codegen(
        "--model", str(model), "--service", "tiny", "--operation", "all",
        "--output", str(output),
    )  # fmt: skip
    assert_one_line_error(
        result,
        f"output folder {output} overlaps the model file {model}; "
        "refusing to replace it",
    )
    assert [path.name for path in output.iterdir()] == ["service-2.json"]


def test_tool_that_is_not_a_table(tmp_path: Path) -> None:
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text("tool = 5\n", encoding="utf-8")
    result = run_codegen("--config", str(pyproject))
    assert_one_line_error(result, f"{pyproject}: [tool] must be a table")


def _model_args(model: Path, output: Path) -> list[str]:
    selection = ["--service", "tiny", "--operation", "all"]
    return ["--model", str(model), *selection, "--output", str(output)]


def test_model_that_is_not_a_regular_file_is_refused(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo.json"
    os.mkfifo(fifo)  # reading it would block forever
    result = run_codegen(*_model_args(fifo, tmp_path / "out"))
    assert_one_line_error(result, f"model file {fifo} is not a regular file")
    result = run_codegen(*_model_args(Path("/dev/zero"), tmp_path / "out"))
    assert_one_line_error(result, "model file /dev/zero is not a regular file")
    folder = tmp_path / "folder"
    folder.mkdir()
    result = run_codegen(*_model_args(folder, tmp_path / "out"))
    assert_one_line_error(result, f"model file is a directory: {folder}")
    assert not (tmp_path / "out").exists()


def test_a_gzip_bomb_stops_at_the_size_cap(tmp_path: Path) -> None:
    bomb = tmp_path / "service-2.json.gz"
    with gzip.open(bomb, "wb") as packed:
        for _ in range(100):
            packed.write(bytes(1024 * 1024))  # 100 MiB of zeros, 100 KB packed
    result = run_codegen(*_model_args(bomb, tmp_path / "out"))
    assert_one_line_error(
        result,
        f"model file {bomb} is larger than 67,108,864 bytes once decompressed; "
        "raise the limit with --max-model-bytes or CODEGEN_MAX_MODEL_BYTES",
    )


def test_the_size_cap_is_configurable(tmp_path: Path) -> None:
    tiny = MODELS / "tiny-service-2.json"
    size = tiny.stat().st_size
    expected = (
        f"model file {tiny} is larger than {size - 1:,} bytes; raise the limit "
        "with --max-model-bytes or CODEGEN_MAX_MODEL_BYTES"
    )
    arguments = _model_args(tiny, tmp_path / "out")
    by_flag = run_codegen(*arguments, "--max-model-bytes", str(size - 1))
    assert_one_line_error(by_flag, expected)
    by_variable = run_codegen(
        *arguments, env={"CODEGEN_MAX_MODEL_BYTES": str(size - 1)}
    )
    assert_one_line_error(by_variable, expected)
    assert run_codegen(*arguments, "--max-model-bytes", str(size)).returncode == 0
    bad = run_codegen(*arguments, env={"CODEGEN_MAX_MODEL_BYTES": "lots"})
    assert_one_line_error(
        bad, "CODEGEN_MAX_MODEL_BYTES='lots': expected a positive integer"
    )
