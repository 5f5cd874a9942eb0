"""Generation of one service's package: build, render, write, import, forget."""

from __future__ import annotations

import importlib
import re
import shutil
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

from codegen.generate.format_cache import FormatCache, Unformatted, default_folder
from codegen.generate.render import Renderer
from codegen.generate.writer import write_package
from codegen.model.build import build_service
from codegen.model.loader import LoadedModel

from .results import StageError, Task, one_line


def package_name(service: str) -> str:
    """A Python identifier for a package: ``iot-data`` -> ``sdk_iot_data``."""
    return "sdk_" + re.sub(r"\W", "_", service)


def _formatter(kind: str) -> FormatCache:
    return FormatCache(default_folder()) if kind == "black" else Unformatted()


def _build(loaded: LoadedModel, operations: list[str]) -> Any:
    try:
        return build_service(loaded, operations)
    except Exception as error:  # any error is the result
        raise StageError("generate", one_line(error)) from error


def generate(
    loaded: LoadedModel, task: Task, operations: list[str] | None
) -> tuple[Any, ModuleType]:
    """Build every operation; render, write and import ``operations`` (or all).

    The service counts as generated only if all of it builds (that is cheap);
    a sample renders and imports only its own operations and their closure,
    because rendering and importing cost per operation.
    """
    everything = _build(loaded, ["all"])
    service = everything if not operations else _build(loaded, operations)
    try:
        files = Renderer(formatter=_formatter(task.formatter)).render(service)
        write_package(files, Path(task.root) / package_name(task.service))
    except Exception as error:  # any error is the result
        raise StageError("generate", one_line(error)) from error
    importlib.invalidate_caches()
    name = package_name(task.service)
    try:
        package = importlib.import_module(name)
        for exported in package.__all__:
            getattr(package, exported)
        # Only type checkers import it, so nothing else would evaluate it.
        importlib.import_module(f"{name}.type_defs")
    except Exception as error:  # any error is the result
        raise StageError("import", one_line(error)) from error
    return everything, package


def forget(task: Task) -> None:
    """Drop the package from ``sys.modules`` (and from disk unless kept)."""
    name = package_name(task.service)
    for module in [m for m in sys.modules if m == name or m.startswith(name + ".")]:
        del sys.modules[module]
    if not task.keep:
        shutil.rmtree(Path(task.root) / name, ignore_errors=True)
