"""The view of ``client.py``: one typed method per operation."""

from __future__ import annotations

from dataclasses import dataclass

from codegen.generate.docstrings import docstring
from codegen.generate.imports import Imports
from codegen.generate.literals import string
from codegen.generate.render.context import Context
from codegen.generate.render.paging import (
    PaginatorView,
    WaiterView,
    paginator_views,
    waiter_views,
)
from codegen.model import ir


@dataclass(frozen=True)
class OperationView:
    """One method: its request and response classes ("" when the operation has
    none), the wire names of idempotency tokens it fills in, and the model's
    name of the operation (``operation``, what validation messages name)."""

    method: str
    docstring: str
    name: str
    operation: str
    request: str
    response: str
    tokens: tuple[str, ...]


@dataclass(frozen=True)
class ClientView:
    header: str
    docstring: str
    imports: tuple[str, ...]
    title: str
    service_name: str
    client_class: str
    operations: tuple[OperationView, ...]
    paginators: tuple[PaginatorView, ...] = ()
    waiters: tuple[WaiterView, ...] = ()


def _operation(context: Context, operation: ir.Operation) -> OperationView:
    request = operation.input
    members = context.structure(request).members if request else ()
    return OperationView(
        method=operation.method_name,
        docstring=docstring(operation.doc or f"Call ``{operation.name}``.", indent=8),
        name=string(operation.botocore_method),
        operation=string(operation.name),
        request=request or "",
        response=operation.output or "",
        tokens=tuple(string(m.name) for m in members if m.idempotency_token),
    )


def client_view(context: Context) -> ClientView:
    operations = tuple(_operation(context, op) for op in context.service.operations)
    paginators = paginator_views(context.service)
    waiters = waiter_views(context.service)
    imports = Imports()
    imports.add("__future__", "annotations")
    if any(operation.tokens for operation in operations):
        imports.add("uuid")
    imports.add("typing", "Any")
    imports.add("collections.abc", "Mapping")  # _call's params: a TypedDict
    imports.add("botocore.session")
    imports.add("botocore.client", "BaseClient")
    imports.add("botocore.config", "Config")
    imports.add("botocore.exceptions", "ClientError")
    imports.add(".", "shapes")
    imports.add(".errors", "error_from_client_error")
    imports.add("._hook", "Mode")
    imports.add("._hook", "check_request")
    imports.add("._hook", "validation_mode")
    imports.add("._model_check", "ModelCheck")
    imports.add("._operations", "MEMBERS", "REQUESTS")
    if paginators:
        imports.add("._pages", "Pages")
        imports.add("._pages", "pagination_config")
    if waiters:
        imports.add("._pages", "waiter_config")
    return ClientView(
        header=context.header,
        docstring=context.module_doc("client"),
        imports=imports.lines(),
        title=context.title,
        service_name=string(context.service.name),
        client_class=context.service.client_class,
        operations=operations,
        paginators=paginators,
        waiters=waiters,
    )
