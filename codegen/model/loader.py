"""Load a service model through botocore, with clear errors for bad input."""

from __future__ import annotations

import difflib
import gzip
import hashlib
import json
import os
import stat
import zlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import botocore
import botocore.exceptions
import botocore.loaders
import botocore.model
import botocore.session

from codegen.errors import CodegenError
from codegen.model import paging

_MODEL_TYPE = "service-2"


@dataclass(frozen=True)
class LoadedModel:
    """A botocore ``ServiceModel`` and what identifies the file it came from;
    ``paginators`` and ``waiters`` are botocore's for it (``{}`` if none)."""

    service_model: botocore.model.ServiceModel
    source: str
    sha256: str
    botocore_version: str
    # The parsed JSON botocore's model was made from (``checks`` reads it).
    data: Mapping[str, Any] = field(repr=False, compare=False, hash=False)
    paginators: Mapping[str, Any] = field(default_factory=dict)
    waiters: Mapping[str, Any] = field(default_factory=dict)


def suggest(name: str, candidates: list[str]) -> str:
    """`` (did you mean 'x'?)`` for the closest candidates, or nothing."""
    close = difflib.get_close_matches(name, candidates, n=3, cutoff=0.6)
    if not close:
        lowered = {candidate.lower(): candidate for candidate in candidates}
        close = [lowered[name.lower()]] if name.lower() in lowered else []
    if not close:
        return ""
    quoted = [repr(candidate) for candidate in close]
    options = (
        quoted[0] if len(quoted) == 1 else f"{', '.join(quoted[:-1])} or {quoted[-1]}"
    )
    return f" (did you mean {options}?)"


# The largest model botocore ships is a few MB; a cap far above that stops a
# gzip bomb or /dev/zero from taking the machine's memory.
DEFAULT_MAX_MODEL_BYTES = 64 * 1024 * 1024
MAX_MODEL_BYTES_VARIABLE = "CODEGEN_MAX_MODEL_BYTES"


def max_model_bytes(flag: int | None = None) -> int:
    """The cap on a model's (decompressed) size: the flag, else
    ``$CODEGEN_MAX_MODEL_BYTES``, else 64 MiB."""
    if flag is not None:
        return flag
    configured = os.environ.get(MAX_MODEL_BYTES_VARIABLE)
    if configured is None:
        return DEFAULT_MAX_MODEL_BYTES
    try:
        value = int(configured)
    except ValueError:
        value = 0
    if value <= 0:
        raise CodegenError(
            f"{MAX_MODEL_BYTES_VARIABLE}={configured!r}: expected a positive integer"
        )
    return value


def bounded_read(read: Callable[[int], bytes], limit: int, path: str) -> bytes:
    """At most ``limit`` bytes, read so that no more than that is ever held
    (``path`` names the source in the error, a ``.gz`` one as decompressed)."""
    data = read(limit + 1)
    if len(data) > limit:
        raise CodegenError(
            f"model file {path} is larger than {limit:,} bytes"
            + (" once decompressed" if path.endswith(".gz") else "")
            + f"; raise the limit with --max-model-bytes or {MAX_MODEL_BYTES_VARIABLE}"
        )
    return data


def _read_model_bytes(path: Path, limit: int | None = None) -> bytes:
    """The model's JSON text; only a regular file is read (a FIFO would block,
    a device never end)."""
    limit = max_model_bytes(limit)
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except FileNotFoundError:
        raise CodegenError(f"model file not found: {path}") from None
    except OSError as error:
        raise CodegenError(f"cannot read model file {path}: {error}") from None
    try:
        mode = os.fstat(descriptor).st_mode
        if stat.S_ISDIR(mode):
            raise CodegenError(f"model file is a directory: {path}")
        if not stat.S_ISREG(mode):
            raise CodegenError(f"model file {path} is not a regular file")
        with os.fdopen(descriptor, "rb", closefd=False) as raw:
            if path.suffix != ".gz":
                return bounded_read(raw.read, limit, str(path))
            with gzip.GzipFile(fileobj=raw) as unpacked:
                return bounded_read(unpacked.read, limit, str(path))
    except (OSError, EOFError, zlib.error) as error:
        raise CodegenError(f"cannot read model file {path}: {error}") from None
    finally:
        os.close(descriptor)


def _parse_model(payload: bytes, source: str) -> dict[str, Any]:
    try:
        data = json.loads(payload.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise CodegenError(f"model file {source} is corrupt: {error}") from None
    if not isinstance(data, dict):
        raise CodegenError(f"model file {source} is corrupt: not a JSON object")
    for key in ("metadata", "operations", "shapes"):
        if not isinstance(data.get(key), dict):
            raise CodegenError(
                f"model file {source} is not a botocore service model: "
                f"no {key!r} object"
            )
    return data


def _installed_model_path(
    loader: botocore.loaders.Loader, service: str
) -> tuple[Path, str]:
    """The model file botocore would load for ``service`` and its api version."""
    services = loader.list_available_services(_MODEL_TYPE)
    if service not in services:
        raise CodegenError(
            f"unknown service {service!r} in botocore {botocore.__version__}"
            + suggest(service, services)
        )
    api_version = loader.determine_latest_version(service, _MODEL_TYPE)
    name = f"{service}/{api_version}/{_MODEL_TYPE}"
    for base in loader.search_paths:
        for extension in (".json", ".json.gz"):
            candidate = Path(base, name + extension)
            if candidate.is_file():
                return candidate, api_version
    raise CodegenError(f"model file for service {service!r} is missing ({name})")


def load_model(
    service: str, model_file: Path | None = None, max_bytes: int | None = None
) -> LoadedModel:
    """Load ``service`` from the installed botocore, or from ``model_file``.

    The sha256 is taken over the model's JSON text (decompressed), so the same
    model gives the same digest whether it ships gzipped or not.
    """
    # The session's loader honours AWS_DATA_PATH, as the clients botocore builds do.
    loader = botocore.session.get_session().get_component("data_loader")
    if model_file is None:
        path, api_version = _installed_model_path(loader, service)
        payload = _read_model_bytes(path, max_bytes)
        _parse_model(payload, str(path))  # a clear message for a corrupt file
        # botocore's own loading, which also merges the sdk-extras files.
        try:
            data = loader.load_service_model(service, _MODEL_TYPE, api_version)
        except (ValueError, botocore.exceptions.BotoCoreError) as error:
            raise CodegenError(f"model file {path} is corrupt: {error}") from None
        loaded = _loaded(service, data, payload, str(path), botocore.__version__)
        return replace(
            loaded,
            paginators=paging.load_installed(
                loader, service, api_version, paging.PAGINATORS
            ),
            waiters=paging.load_installed(loader, service, api_version, paging.WAITERS),
        )
    payload = _read_model_bytes(model_file, max_bytes)
    loaded = load_model_bytes(service, payload, str(model_file), botocore.__version__)
    return replace(
        loaded,
        paginators=paging.load_beside(model_file, paging.PAGINATORS),
        waiters=paging.load_beside(model_file, paging.WAITERS),
    )


def load_model_bytes(
    service: str, payload: bytes, source: str, botocore_version: str
) -> LoadedModel:
    """Load ``service`` from a model's JSON text read elsewhere (a wheel, say).

    ``botocore_version`` names the release the text came from, which need not be
    the installed one: ``codegen diff`` compares models of two releases.
    """
    data = _parse_model(payload, source)
    return _loaded(service, data, payload, source, botocore_version)


def _loaded(
    service: str,
    data: dict[str, Any],
    payload: bytes,
    source: str,
    botocore_version: str,
) -> LoadedModel:
    """Wrap parsed model data in botocore's ``ServiceModel``, failing early."""
    try:
        service_model = botocore.model.ServiceModel(data, service_name=service)
        service_model.operation_names  # noqa: B018 - fails early on a broken model
    except (KeyError, TypeError, AttributeError) as error:
        raise CodegenError(
            f"model file {source} is not a botocore service model: {error!r}"
        ) from None
    return LoadedModel(
        service_model=service_model,
        source=source,
        sha256=hashlib.sha256(payload).hexdigest(),
        botocore_version=botocore_version,
        data=data,
    )
