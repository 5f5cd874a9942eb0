"""The client's ``paginate_*`` and ``wait_*`` methods (views for client.py.j2).

Both run botocore's own paginators and waiters; the views hold only what the
methods name: botocore's method or waiter name, the request and response
classes, and a docstring saying what is paged over or waited for.
"""

from __future__ import annotations

from dataclasses import dataclass

from codegen.generate.docstrings import docstring
from codegen.generate.literals import string
from codegen.model import ir
from codegen.model.naming import method_name


@dataclass(frozen=True)
class PaginatorView:
    """``request`` is "" when the operation takes no input; ``operation`` is
    the model's name of the operation (what validation messages name)."""

    method: str
    docstring: str
    operation_method: str
    request: str
    response: str
    operation: str


@dataclass(frozen=True)
class WaiterView:
    """``waiter`` is botocore's snake_case name for ``client.get_waiter``;
    ``operation_method`` the operation it polls."""

    method: str
    docstring: str
    waiter: str
    request: str
    operation: str
    operation_method: str


def _paginator_doc(paginator: ir.Paginator, operation: ir.Operation) -> str:
    keys = ", ".join(f"``{key}``" for key in paginator.result_keys) or "the results"
    size = (
        f"``page_size`` sets each request's ``{paginator.limit_key}``; "
        if paginator.limit_key
        else "``page_size`` is ignored by this operation's paginator; "
    )
    return (
        f"Each page of ``{operation.method_name}``, through botocore's paginator;"
        f" each holds part of {keys}.\n\n"
        + size
        + "``max_items`` caps the items over all pages and ``starting_token``"
        " resumes where an earlier paging stopped (its ``resume_token``), as"
        " botocore's ``PaginationConfig`` defines them. The request is"
        " validated before anything is sent."
    )


def _waiter_doc(waiter: ir.Waiter, operation: ir.Operation) -> str:
    return (
        f"Wait until botocore's ``{waiter.name}`` waiter succeeds, polling"
        f" ``{operation.method_name}``.\n\n"
        f"It polls every ``delay`` seconds (default {waiter.delay}), at most"
        f" ``max_attempts`` times (default {waiter.max_attempts}), and raises"
        " ``botocore.exceptions.WaiterError`` when the resource reaches a"
        " failure state or the attempts run out. The request is validated"
        " first."
    )


def paginator_views(service: ir.Service) -> tuple[PaginatorView, ...]:
    """One method per paginator of an operation with a response."""
    operations = {operation.name: operation for operation in service.operations}
    views = []
    for paginator in service.paginators:
        operation = operations[paginator.operation]
        if operation.output is None:
            continue
        views.append(
            PaginatorView(
                method=paginator.method_name,
                docstring=docstring(_paginator_doc(paginator, operation), indent=8),
                operation_method=string(operation.method_name),
                request=operation.input or "",
                response=operation.output,
                operation=string(operation.name),
            )
        )
    return tuple(views)


def waiter_views(service: ir.Service) -> tuple[WaiterView, ...]:
    """One method per waiter of a generated operation."""
    operations = {operation.name: operation for operation in service.operations}
    return tuple(
        WaiterView(
            method=waiter.method_name,
            docstring=docstring(
                _waiter_doc(waiter, operations[waiter.operation]), indent=8
            ),
            waiter=string(method_name(waiter.name)),
            request=operations[waiter.operation].input or "",
            operation=string(waiter.operation),
            operation_method=string(operations[waiter.operation].method_name),
        )
        for waiter in service.waiters
    )
