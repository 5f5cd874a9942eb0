"""``[tool.codegen]``'s supported botocore range (codegen/config.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from codegen import config
from codegen.errors import CodegenError
from tests.support import run_codegen

TABLE = """\
[tool.codegen]
service = "connect"
operations = ["StartEmailContact"]
output = "out"
"""


def write(tmp_path: Path, extra: str) -> Path:
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text(TABLE + extra, encoding="utf-8")
    return pyproject


def test_the_range_is_read_for_the_configured_selection(tmp_path: Path) -> None:
    """Ordered as versions, not as text (1.9.10 comes before 1.35.68)."""
    pyproject = write(
        tmp_path,
        'botocore-minimum = "1.9.10"\nbotocore-tested = ["1.9.10", "1.35.68"]\n',
    )
    settings = config.resolve(pyproject, None, None, None, None)
    assert settings.support == config.BotocoreSupport("1.9.10", ("1.9.10", "1.35.68"))


def test_another_selection_states_no_range(tmp_path: Path) -> None:
    """A range established for StartEmailContact says nothing about others."""
    pyproject = write(
        tmp_path, 'botocore-minimum = "1.35.68"\nbotocore-tested = ["1.35.68"]\n'
    )
    other = config.resolve(pyproject, None, ["ListInstances"], None, None)
    assert other.support is None
    same = config.resolve(pyproject, "connect", ["StartEmailContact"], None, None)
    assert same.support is not None


def test_no_range_configured_is_no_range(tmp_path: Path) -> None:
    settings = config.resolve(write(tmp_path, ""), None, None, None, None)
    assert settings.support is None


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ('botocore-tested = ["1.35.68"]\n', "botocore-minimum must be a release"),
        ('botocore-minimum = "1.35"\nbotocore-tested = ["1.35"]\n',
         "botocore-minimum must be a release"),
        ('botocore-minimum = "1.35.68"\n', "botocore-tested must be a list"),
        ('botocore-minimum = "1.35.68"\nbotocore-tested = []\n',
         "botocore-tested must be a list"),
        ('botocore-minimum = "1.35.68"\nbotocore-tested = ["1.35.68", 2]\n',
         "botocore-tested must be a list"),
        ('botocore-minimum = "1.35.68"\nbotocore-tested = ["1.44.8", "1.35.68"]\n',
         "botocore-tested must be sorted"),
        ('botocore-minimum = "1.35.68"\nbotocore-tested = ["1.35.68", "1.35.68"]\n',
         "botocore-tested must be sorted"),
        ('botocore-minimum = "1.35.67"\nbotocore-tested = ["1.35.68"]\n',
         "botocore-minimum (1.35.67) must be the oldest tested release (1.35.68)"),
    ],
)  # fmt: skip
def test_a_bad_range_is_one_clear_error(
    tmp_path: Path, extra: str, message: str
) -> None:
    pyproject = write(tmp_path, extra)
    with pytest.raises(CodegenError) as caught:
        config.resolve(pyproject, None, None, None, None)
    assert str(caught.value).startswith(f"{pyproject}: [tool.codegen] ")
    assert message in str(caught.value)
    assert "\n" not in str(caught.value)


def test_the_cli_says_it_in_one_line_and_writes_nothing(tmp_path: Path) -> None:
    pyproject = write(tmp_path, 'botocore-minimum = "x"\nbotocore-tested = ["x"]\n')
    result = run_codegen("--config", str(pyproject), cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        f"codegen: error: {pyproject}: [tool.codegen] botocore-minimum must be a"
        ' release like "1.35.68"'
    ]
    assert not (tmp_path / "out").exists()
