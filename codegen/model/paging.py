"""botocore's paginators (``paginators-1``) and waiters (``waiters-2``) as IR.

The typed client's ``paginate_*`` and ``wait_*`` methods run botocore's own
machinery; the generator only needs to know which exist for the generated
operations, and what their docstrings should say.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import botocore.exceptions
import botocore.loaders

from codegen.errors import CodegenError
from codegen.model import ir
from codegen.model.naming import method_name

PAGINATORS = "paginators-1"
WAITERS = "waiters-2"


def load_installed(
    loader: botocore.loaders.Loader, service: str, api_version: str, kind: str
) -> Mapping[str, Any]:
    """botocore's ``kind`` file for the service, or ``{}`` when it has none."""
    try:
        data: Any = loader.load_service_model(service, kind, api_version)
    except botocore.exceptions.DataNotFoundError:
        return {}
    except (ValueError, botocore.exceptions.BotoCoreError) as error:
        raise CodegenError(f"{kind} file of {service!r} is corrupt: {error}") from None
    return _section(data, kind, service)


def load_beside(model_file: Path, kind: str) -> Mapping[str, Any]:
    """The ``kind`` file next to a ``--model`` file (botocore's layout), or ``{}``."""
    for name in (f"{kind}.json", f"{kind}.json.gz"):
        path = model_file.with_name(name)
        if not path.is_file():
            continue
        try:
            raw = path.read_bytes()
            data = json.loads(gzip.decompress(raw) if name.endswith(".gz") else raw)
        except (OSError, EOFError, ValueError) as error:
            raise CodegenError(f"{kind} file {path} is corrupt: {error}") from None
        return _section(data, kind, str(path))
    return {}


def _section(data: Any, kind: str, source: str) -> Mapping[str, Any]:
    """The ``pagination`` or ``waiters`` object of a file, checked to be one."""
    key = "pagination" if kind == PAGINATORS else "waiters"
    section = data.get(key, {}) if isinstance(data, dict) else None
    if not isinstance(section, dict) or not all(
        isinstance(value, dict) for value in section.values()
    ):
        raise CodegenError(f"{kind} file of {source} is corrupt: no {key!r} object")
    return section


def _strings(value: object) -> tuple[str, ...]:
    """A paginator key: botocore allows one string or a list of them."""
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list):
        return tuple(item for item in value if isinstance(item, str))
    return ()


def paginators(
    config: Mapping[str, Any], operations: Iterable[ir.Operation]
) -> tuple[ir.Paginator, ...]:
    """A paginator for each generated operation botocore paginates."""
    found = []
    for operation in operations:
        entry = config.get(operation.name)
        if entry is None:
            continue
        limit_key = entry.get("limit_key")
        found.append(
            ir.Paginator(
                operation=operation.name,
                method_name="paginate_" + operation.method_name,
                result_keys=_strings(entry.get("result_key")),
                limit_key=limit_key if isinstance(limit_key, str) else None,
            )
        )
    return tuple(found)


def waiters(
    config: Mapping[str, Any], operations: Iterable[ir.Operation]
) -> tuple[ir.Waiter, ...]:
    """Each waiter of the service whose operation is generated, by name."""
    generated = {operation.name for operation in operations}
    found = []
    for name in sorted(config):
        entry = config[name]
        if entry.get("operation") not in generated:
            continue
        delay, attempts = entry.get("delay"), entry.get("maxAttempts")
        if not isinstance(delay, int) or not isinstance(attempts, int):
            raise CodegenError(f"waiter {name!r}: no delay or maxAttempts")
        found.append(
            ir.Waiter(
                name=name,
                operation=entry["operation"],
                method_name="wait_" + method_name(name),
                delay=delay,
                max_attempts=attempts,
            )
        )
    return tuple(found)
