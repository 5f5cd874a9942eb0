"""The view of ``async_client.py``: the sync client's methods as coroutines,
over an aiobotocore client.

The operations, paginators and waiters are the sync client's own
``OperationView``, ``PaginatorView`` and ``WaiterView`` values, so the two
clients cannot drift apart; only the imports, names and docstring differ. Each
paginator is ``async for page in client.paginate_<op>(...)`` over aiobotocore's
own paginator, each waiter ``await client.wait_<waiter>(...)`` over its waiter.
"""

from __future__ import annotations

from dataclasses import dataclass

from codegen.generate.docstrings import docstring
from codegen.generate.imports import Imports
from codegen.generate.render.client import OperationView, client_view
from codegen.generate.render.context import Context
from codegen.generate.render.paging import PaginatorView, WaiterView

_DOC = (
    "Typed asyncio client for {title}.\n\n"
    "``{sync}``'s methods as coroutines, over an aiobotocore client: validation "
    "before any network I/O, typed responses, typed modeled errors. aiobotocore "
    "is typed here by the small protocols below and imported only by "
    "``from_session``, so the package imports, and type-checks, without it."
)


@dataclass(frozen=True)
class AsyncClientView:
    header: str
    docstring: str
    imports: tuple[str, ...]
    title: str
    service_name: str
    client_class: str
    sync_class: str
    operations: tuple[OperationView, ...]
    paginators: tuple[PaginatorView, ...]
    waiters: tuple[WaiterView, ...]


def async_client_view(context: Context) -> AsyncClientView:
    sync = client_view(context)
    imports = Imports()
    imports.add("__future__", "annotations")
    imports.add("importlib")
    if any(operation.tokens for operation in sync.operations):
        imports.add("uuid")
    imports.add("contextlib", "AbstractAsyncContextManager")
    imports.add("types", "TracebackType")
    imports.add("typing", "Any")
    imports.add("collections.abc", "Mapping")  # _call's params: a TypedDict
    imports.add("typing", "Protocol")
    imports.add("typing", "Self")
    imports.add("botocore.client", "ClientMeta")
    imports.add("botocore.config", "Config")
    imports.add("botocore.exceptions", "ClientError")
    imports.add(".", "shapes")
    imports.add(".errors", "error_from_client_error")
    imports.add("._hook", "Mode")
    imports.add("._hook", "check_request")
    imports.add("._hook", "validation_mode")
    imports.add("._model_check", "ModelCheck")
    imports.add("._operations", "MEMBERS", "REQUESTS")
    if sync.paginators:
        imports.add("._pages", "AsyncPages")
        imports.add("._pages", "pagination_config")
    if sync.waiters:
        imports.add("._pages", "waiter_config")
    service = context.service
    text = _DOC.format(title=context.title, sync=service.client_class)
    return AsyncClientView(
        header=context.header,
        docstring=docstring(text, indent=0),
        imports=imports.lines(),
        title=context.title,
        service_name=sync.service_name,
        client_class=service.async_client_class,
        sync_class=service.client_class,
        operations=sync.operations,
        paginators=sync.paginators,
        waiters=sync.waiters,
    )
