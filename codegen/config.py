"""Settings from ``[tool.codegen]`` in pyproject.toml, overridden by CLI flags."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from codegen.errors import CodegenError


@dataclass(frozen=True)
class BotocoreSupport:
    """The botocore releases a copy of the package is supported on: from
    ``minimum`` on, established by running its tests on each of ``tested``
    (the vendored-copy matrix, ``python -m tools.matrix``), oldest first."""

    minimum: str
    tested: tuple[str, ...]


@dataclass(frozen=True)
class Settings:
    service: str
    operations: tuple[str, ...]
    output: Path
    model: Path | None
    # Only for the configured service and operations: a range established for
    # them says nothing about another selection.
    support: BotocoreSupport | None = None


_RELEASE = re.compile(r"\d+\.\d+\.\d+")


def _release_key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))


def read_support(table: dict[str, object], source: Path) -> BotocoreSupport | None:
    """``botocore-minimum`` and ``botocore-tested`` (both or neither): the
    minimum is the oldest tested release, the list is sorted and unique."""
    minimum = _string(table, "botocore-minimum", source)
    tested = table.get("botocore-tested")
    if minimum is None and tested is None:
        return None
    where = f"{source}: [tool.codegen]"
    if minimum is None or not _RELEASE.fullmatch(minimum):
        raise CodegenError(f'{where} botocore-minimum must be a release like "1.35.68"')
    if not (
        isinstance(tested, list)
        and tested
        and all(isinstance(v, str) and _RELEASE.fullmatch(v) for v in tested)
    ):
        raise CodegenError(
            f'{where} botocore-tested must be a list of releases like "1.44.8"'
        )
    ordered = sorted(set(tested), key=_release_key)
    if ordered != tested:
        raise CodegenError(
            f"{where} botocore-tested must be sorted, oldest first, once each"
        )
    if tested[0] != minimum:
        raise CodegenError(
            f"{where} botocore-minimum ({minimum}) must be the oldest tested release"
            f" ({tested[0]})"
        )
    return BotocoreSupport(minimum=minimum, tested=tuple(tested))


def read_table(pyproject: Path) -> tuple[dict[str, object], Path]:
    """The ``[tool.codegen]`` table and the folder its paths are relative to."""
    if not pyproject.is_file():
        return {}, Path.cwd()
    try:
        data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise CodegenError(f"cannot read {pyproject}: {error}") from None
    tool = data.get("tool", {})
    if not isinstance(tool, dict):
        raise CodegenError(f"{pyproject}: [tool] must be a table")
    table = tool.get("codegen", {})
    if not isinstance(table, dict):
        raise CodegenError(f"{pyproject}: [tool.codegen] must be a table")
    return table, pyproject.parent


def _string(table: dict[str, object], key: str, source: Path) -> str | None:
    value = table.get(key)
    if value is not None and not isinstance(value, str):
        raise CodegenError(f"{source}: [tool.codegen] {key} must be a string")
    return value


def resolve_selection(
    pyproject: Path, service: str | None, operations: list[str] | None
) -> tuple[str, tuple[str, ...]]:
    """The service and operations alone, for commands that write nothing."""
    table, _ = read_table(pyproject)
    return _selection(table, pyproject, service, operations)


def _selection(
    table: dict[str, object],
    pyproject: Path,
    service: str | None,
    operations: list[str] | None,
) -> tuple[str, tuple[str, ...]]:
    service = service or _string(table, "service", pyproject)
    if not service:
        raise CodegenError("no service: pass --service or set [tool.codegen] service")
    configured = table.get("operations")
    if configured is not None and not (
        isinstance(configured, list) and all(isinstance(op, str) for op in configured)
    ):
        raise CodegenError(
            f"{pyproject}: [tool.codegen] operations must be a list of strings"
        )
    selected = operations or configured
    if not selected:
        raise CodegenError(
            "no operation: pass --operation or set [tool.codegen] operations"
        )
    return service, tuple(selected)


def resolve(
    pyproject: Path,
    service: str | None,
    operations: list[str] | None,
    output: str | None,
    model: str | None,
) -> Settings:
    """Flags win over the table; a setting missing from both is an error."""
    table, base = read_table(pyproject)
    service, selected = _selection(table, pyproject, service, operations)
    if output is not None:
        output_path = Path(output)
    else:
        configured_output = _string(table, "output", pyproject)
        if configured_output is None:
            raise CodegenError(
                "no output folder: pass --output or set [tool.codegen] output"
            )
        output_path = base / configured_output
    support = read_support(table, pyproject)
    configured = (table.get("service"), table.get("operations"))
    if configured != (service, list(selected)):
        support = None
    return Settings(
        service=service,
        operations=selected,
        output=output_path,
        model=Path(model) if model else None,
        support=support,
    )
