"""``codegen.model.releases``: the Connect model of any botocore release.

A version is read from a botocore wheel in the wheel cache (downloaded once, never
left half-written); a broken wheel or a version pip cannot find is one clear
error. The releases used are committed under tests/fixtures/botocore-connect/
exactly as the wheels ship them (see ``test_diff.py`` for which and why), and a
package generated from each of them type-checks.
"""

from __future__ import annotations

import gzip
import zipfile
from pathlib import Path

import pytest

from codegen.errors import CodegenError
from codegen.model.releases import fetch_wheel, model_from_wheel, wheel_cache
from tests.support import model_file, model_sha256, mypy_strict, run_codegen

BEFORE, FIRST, PINNED = "1.35.67", "1.35.68", "1.44.8"


def fake_wheel(folder: Path, version: str, model: Path) -> Path:
    """A botocore wheel holding only the Connect model (and an older api version)."""
    wheel = folder / f"botocore-{version}-py3-none-any.whl"
    folder.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(wheel, "w") as archive:
        archive.writestr("botocore/__init__.py", f"__version__ = '{version}'\n")
        archive.writestr("botocore/data/connect/2010-01-01/service-2.json", "junk")
        archive.writestr(
            "botocore/data/connect/2017-08-08/service-2.json.gz", model.read_bytes()
        )
        archive.writestr("botocore/data/sqs/2012-11-05/service-2.json.gz", b"")
    return wheel


def test_cli_version_read_from_a_cached_wheel(tmp_path: Path) -> None:
    fake_wheel(tmp_path / "cache", "9.9.9", model_file(FIRST))
    result = run_codegen(
        "diff", "9.9.9", str(model_file(PINNED)),
        env={"CODEGEN_WHEEL_CACHE": str(tmp_path / "cache")},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[:2] == [
        f"API diff of connect (StartEmailContact): botocore 9.9.9 -> "
        f"{model_file(PINNED)}",
        "0 breaking, 17 compatible; 39 documentation-only changes (not listed)",
    ]


def offline_pip(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> dict[str, str]:
    """pip with no index and an empty find-links folder: nothing exists."""
    (tmp_path / "no-wheels").mkdir(exist_ok=True)
    env = {
        "PIP_CONFIG_FILE": "/dev/null",
        "PIP_NO_INDEX": "1",
        "PIP_FIND_LINKS": str(tmp_path / "no-wheels"),
        "CODEGEN_WHEEL_CACHE": str(tmp_path / "cache"),
    }
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return env


def test_cli_version_that_does_not_exist(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    env = offline_pip(monkeypatch, tmp_path)
    result = run_codegen("diff", "0.0.1", str(model_file(PINNED)), env=env)
    assert result.returncode == 2
    assert result.stderr == (
        "codegen: error: botocore 0.0.1 does not exist "
        "(pip found no matching distribution)\n"
    )
    assert list((tmp_path / "cache").iterdir()) == []  # no partial download left


def test_fetch_wheel_downloads_once(tmp_path: Path) -> None:
    calls: list[str] = []

    def download(version: str, destination: Path) -> None:
        calls.append(version)
        fake_wheel(destination, version, model_file(FIRST))

    first = fetch_wheel("9.9.9", cache=tmp_path, download=download)
    second = fetch_wheel("9.9.9", cache=tmp_path, download=download)
    assert first == second == tmp_path / "botocore-9.9.9-py3-none-any.whl"
    assert calls == ["9.9.9"]
    loaded = model_from_wheel(first, "connect", "9.9.9")
    assert loaded.sha256 == model_sha256(FIRST)
    assert loaded.botocore_version == "9.9.9"
    with pytest.raises(CodegenError, match=r"unknown service 'conect' in botocore "
                       r"9\.9\.9 \(did you mean 'connect'\?\)"):  # fmt: skip
        model_from_wheel(first, "conect", "9.9.9")


def test_wheel_cache_folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for name in ("CODEGEN_WHEEL_CACHE", "CODEGEN_CACHE_DIR", "XDG_CACHE_HOME"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    assert wheel_cache() == tmp_path / ".cache" / "codegen" / "wheels"
    monkeypatch.setenv("XDG_CACHE_HOME", "/xdg")
    assert wheel_cache() == Path("/xdg/codegen/wheels")
    monkeypatch.setenv("CODEGEN_CACHE_DIR", "off")  # black's cache only
    assert wheel_cache() == Path("/xdg/codegen/wheels")
    monkeypatch.setenv("CODEGEN_CACHE_DIR", "/shared")
    assert wheel_cache() == Path("/shared/wheels")
    monkeypatch.setenv("CODEGEN_WHEEL_CACHE", "/wheels")
    assert wheel_cache() == Path("/wheels")


def test_a_broken_wheel_is_one_clear_error(tmp_path: Path) -> None:
    not_a_zip = tmp_path / "botocore-9.9.8-py3-none-any.whl"
    not_a_zip.write_bytes(b"<html>proxy error</html>")
    with pytest.raises(
        CodegenError, match=r"^cannot read botocore wheel .*: File is not"
    ):
        model_from_wheel(not_a_zip, "connect", "9.9.8")
    corrupt = tmp_path / "botocore-9.9.9-py3-none-any.whl"
    with zipfile.ZipFile(corrupt, "w") as archive:
        archive.writestr(
            "botocore/data/connect/2017-08-08/service-2.json.gz", gzip.compress(b"{")
        )
    with pytest.raises(CodegenError) as raised:
        model_from_wheel(corrupt, "connect", "9.9.9")
    assert str(raised.value).startswith(
        f"model file {corrupt}!botocore/data/connect/2017-08-08/service-2.json.gz "
        "is corrupt: "
    )


def test_a_wheel_model_over_the_size_cap_is_refused_unread(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The cap a model file has holds for a wheel's member too: 8 MiB of zeros
    gzip to a few KB, and are refused after reading no more than the cap."""
    monkeypatch.setenv("CODEGEN_MAX_MODEL_BYTES", "1000000")
    bomb = tmp_path / "botocore-9.9.7-py3-none-any.whl"
    member = "botocore/data/connect/2017-08-08/service-2.json.gz"
    with zipfile.ZipFile(bomb, "w") as archive:
        archive.writestr(member, gzip.compress(b"0" * (8 << 20)))
    with pytest.raises(CodegenError) as raised:
        model_from_wheel(bomb, "connect", "9.9.7")
    assert str(raised.value) == (
        f"model file {bomb}!{member} is larger than 1,000,000 bytes once "
        "decompressed; raise the limit with --max-model-bytes or "
        "CODEGEN_MAX_MODEL_BYTES"
    )
    monkeypatch.setenv("CODEGEN_MAX_MODEL_BYTES", str(16 << 20))
    with pytest.raises(CodegenError, match="is corrupt"):  # read whole, then parsed
        model_from_wheel(bomb, "connect", "9.9.7")


def test_fetch_wheel_leaves_no_partial_download(tmp_path: Path) -> None:
    def interrupted(version: str, destination: Path) -> None:
        (destination / f"botocore-{version}-py3-none-any.whl").write_bytes(b"half")
        raise CodegenError("cannot download botocore 9.9.9: connection reset")

    with pytest.raises(CodegenError, match="connection reset"):
        fetch_wheel("9.9.9", cache=tmp_path, download=interrupted)
    assert list(tmp_path.iterdir()) == []
    with pytest.raises(CodegenError, match="not a botocore version: 'latest'"):
        fetch_wheel("latest", cache=tmp_path)


# ---------------------------------------------------------------------------
# Generating from each historical model works and type-checks.


def test_generating_from_each_release_type_checks(tmp_path: Path) -> None:
    outputs: list[Path] = []
    for version in (FIRST, PINNED):
        output = tmp_path / f"connect_{version.replace('.', '_')}"
        result = run_codegen(
            "--model", str(model_file(version)), "--output", str(output)
        )
        assert result.returncode == 0, result.stderr
        header = (output / "__init__.py").read_text(encoding="utf-8").splitlines()[1]
        digest = model_sha256(version)
        assert header == f"# Model sha256: {digest}"
        outputs.append(output)
    checked = mypy_strict(*outputs)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    enums = Path("shapes", "enums.py")
    first = (outputs[0] / enums).read_text(encoding="utf-8")
    pinned = (outputs[1] / enums).read_text(encoding="utf-8")
    assert '"EMAIL_MESSAGE_PLAIN_TEXT"' not in first
    assert '"EMAIL_MESSAGE_PLAIN_TEXT"' in pinned


def test_generating_from_before_the_operation_existed_fails_cleanly(
    tmp_path: Path,
) -> None:
    output = tmp_path / "connect"
    result = run_codegen("--model", str(model_file(BEFORE)), "--output", str(output))
    assert result.returncode == 2
    assert result.stderr == (
        "codegen: error: unknown operation 'StartEmailContact' in service 'connect' "
        "(did you mean 'StartTaskContact', 'StartChatContact' or "
        "'StartWebRTCContact'?)\n"
    )
    assert not output.exists()
