"""The view of ``_operations.py``: which request class each operation takes.

``enable_validation`` (runtime ``_hook.py``, the same text in every package)
reads this table to find the class whose ``validate_dict`` checks a call's
parameter dict; operations with no input are left out (nothing to check).
"""

from __future__ import annotations

from dataclasses import dataclass

from codegen.generate.docstrings import docstring
from codegen.generate.render.context import Context

_DOC = (
    "The operations of {title} and their request classes.\n\n"
    "Standard library only, no class imported: ``enable_validation`` imports a "
    "request class the first time a call needs it."
)


@dataclass(frozen=True)
class OperationsView:
    header: str
    docstring: str
    service_name: str
    # (operation's model name, request class name), sorted by operation.
    requests: tuple[tuple[str, str], ...]


def operations_view(context: Context) -> OperationsView:
    service = context.service
    requests = sorted(
        (operation.name, operation.input)
        for operation in service.operations
        if operation.input is not None
    )
    return OperationsView(
        header=context.header,
        docstring=docstring(_DOC.format(title=context.title), indent=0),
        service_name=service.name,
        requests=tuple(requests),
    )
