"""The intermediate representation: a small, frozen picture of what to generate.

Built from botocore's model by ``codegen.model.build`` and read by
``codegen.generate.render``.
It holds plain values only (no botocore objects), so templates and tests can
work with hand-made instances, and every botocore quirk is handled in one place.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True)
class Pattern:
    """A model pattern (ECMA-262) and its translation to Python ``re`` source."""

    ecma: str
    python: str
    # True when no proof says ``re`` runs ``python`` in linear time
    # (``codegen.model.regex_plan``): the runtime's automaton runs it.
    linear: bool = False


@dataclass(frozen=True)
class UncheckedPattern:
    """A model pattern that is not ECMA-262 (Java syntax, say), left unchecked."""

    ecma: str
    reason: str


@dataclass(frozen=True)
class StringShape:
    name: str
    doc: str
    sensitive: bool
    min_length: int | None
    max_length: int | None
    pattern: Pattern | None
    enum: tuple[str, ...]
    unchecked_pattern: UncheckedPattern | None = None


@dataclass(frozen=True)
class IntegerShape:
    name: str
    doc: str
    sensitive: bool
    bits: Literal[32, 64]
    minimum: int | None
    maximum: int | None


@dataclass(frozen=True)
class FloatShape:
    name: str
    doc: str
    sensitive: bool
    minimum: float | None
    maximum: float | None


@dataclass(frozen=True)
class BooleanShape:
    name: str
    doc: str
    sensitive: bool


@dataclass(frozen=True)
class TimestampShape:
    name: str
    doc: str
    sensitive: bool


@dataclass(frozen=True)
class BlobShape:
    """``streaming`` blobs are bytes or a file-like object in, a stream out."""

    name: str
    doc: str
    sensitive: bool
    min_length: int | None
    max_length: int | None
    streaming: bool


@dataclass(frozen=True)
class DocumentShape:
    """A document: any JSON value (null, bool, number, string, list, object)."""

    name: str
    doc: str
    sensitive: bool


@dataclass(frozen=True)
class ListShape:
    name: str
    doc: str
    sensitive: bool
    member: str
    min_length: int | None
    max_length: int | None


@dataclass(frozen=True)
class MapShape:
    name: str
    doc: str
    sensitive: bool
    key: str
    value: str
    min_length: int | None
    max_length: int | None
    sensitive_by_inheritance: bool = False
    """Under a sensitive ancestor (``codegen.model.sensitivity``): keys hidden."""


@dataclass(frozen=True)
class Member:
    """A structure member; ``sensitive`` is true when the member or its shape is.

    ``location`` is where botocore puts it on the wire when not in the body
    (``uri``, ``querystring``, ``header``, ``headers``, ``statusCode``), under
    ``location_name``; ``timestamp_format`` is the wire format the model names
    (member or shape); a ``json_value`` header carries any JSON value.
    """

    name: str
    field_name: str
    target: str
    required: bool
    sensitive: bool
    doc: str
    deprecated: bool
    idempotency_token: bool
    location: str | None = None
    location_name: str | None = None
    timestamp_format: str | None = None
    json_value: bool = False


@dataclass(frozen=True)
class ErrorInfo:
    code: str
    http_status: int
    fault: Literal["client", "server"]


@dataclass(frozen=True)
class StructureShape:
    """A structure, union or error; ``is_input`` when reachable from a request.

    An ``event_stream`` is a union of the events a streamed response carries;
    a member of that shape holds the stream.
    """

    name: str
    doc: str
    sensitive: bool
    members: tuple[Member, ...]
    union: bool
    error: ErrorInfo | None
    is_input: bool
    event_stream: bool = False
    sensitive_by_inheritance: bool = False
    """Under a sensitive ancestor (``codegen.model.sensitivity``): every member
    is hidden in ``repr`` and messages, as a sensitive member is."""
    recursive: bool = False
    """It can contain itself (``codegen.model.recursion``): its nesting counts
    against the runtime's depth limit."""


Shape = (
    StringShape
    | IntegerShape
    | FloatShape
    | BooleanShape
    | TimestampShape
    | BlobShape
    | DocumentShape
    | ListShape
    | MapShape
    | StructureShape
)


@dataclass(frozen=True)
class Operation:
    name: str
    method_name: str  # the typed client's (``naming.method_name``)
    botocore_method: str  # botocore's, which the typed method calls
    http_method: str
    request_uri: str
    input: str | None
    output: str | None
    errors: tuple[str, ...]
    doc: str


@dataclass(frozen=True)
class Paginator:
    """botocore's paginator of a generated operation (``paginators-1``).

    ``result_keys`` are what each page holds a part of (JMESPath expressions
    in botocore's file, most of them plain member names); ``limit_key`` is the
    request member ``page_size`` sets, if the paginator has one.
    """

    operation: str
    method_name: str
    result_keys: tuple[str, ...]
    limit_key: str | None


@dataclass(frozen=True)
class Waiter:
    """botocore's waiter (``waiters-2``) that polls a generated operation.

    ``name`` is the model's (``TableExists``); ``delay`` (seconds) and
    ``max_attempts`` are the defaults botocore uses.
    """

    name: str
    operation: str
    method_name: str
    delay: int
    max_attempts: int


@dataclass(frozen=True)
class SkippedOperation:
    """An operation ``--operation all`` leaves out, and why."""

    name: str
    reason: str


def async_client_class_name(client_class: str) -> str:
    """``ConnectClient`` -> ``AsyncConnectClient``: "Async" first, as in
    ``httpx.AsyncClient`` and ``openai.AsyncOpenAI``."""
    return "Async" + client_class


@dataclass(frozen=True)
class Service:
    """Everything one generated package is made from."""

    name: str
    service_id: str
    client_class: str
    error_base: str
    protocol: str
    botocore_version: str
    model_sha256: str
    operations: tuple[Operation, ...]
    shapes: tuple[Shape, ...]
    skipped_operations: tuple[SkippedOperation, ...] = ()
    # Shapes renamed for Python (``None`` -> ``None_``): (Python name, model name).
    model_names: tuple[tuple[str, str], ...] = ()
    paginators: tuple[Paginator, ...] = ()
    waiters: tuple[Waiter, ...] = ()

    @property
    def async_client_class(self) -> str:
        """``AsyncConnectClient``: the asyncio client (``async_client.py``)."""
        return async_client_class_name(self.client_class)

    def model_name(self, name: str) -> str:
        """The model's name of the shape the package calls ``name``."""
        return dict(self.model_names).get(name, name)

    def shape(self, name: str) -> Shape:
        """The shape called ``name`` (the closure always contains it)."""
        for shape in self.shapes:
            if shape.name == name:
                return shape
        raise KeyError(name)
