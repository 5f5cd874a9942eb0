"""The view of ``_operations.py``: which request class each operation takes,
and which members each request structure can hold.

``enable_validation`` (runtime ``_hook.py``, the same text in every package)
reads ``REQUESTS`` to find the class whose ``validate_dict`` checks a call's
parameter dict; operations with no input are left out (nothing to check). The
clients' model check (runtime ``_model_check.py``) compares ``MEMBERS`` with the
installed botocore's model once per operation.
"""

from __future__ import annotations

from dataclasses import dataclass

from codegen.generate.docstrings import docstring
from codegen.generate.literals import string
from codegen.generate.render.context import Context
from codegen.generate.runtime._shape import UNKNOWN_MEMBER
from codegen.model import ir

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
    # (structure, ((wire name literal, what it leads to as a literal), ...)),
    # every structure a request can hold, sorted by name.
    members: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = ()


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
        members=_members(context),
    )


def _members(context: Context) -> tuple[tuple[str, tuple[tuple[str, str], ...]], ...]:
    """Each request structure's members and what each leads to (``_leads``);
    a union also holds the unknown member its ``to_dict`` can write."""
    table = []
    for shape in sorted(context.plain.values(), key=lambda shape: shape.name):
        if not shape.is_input:
            continue
        entries = [
            (
                string(member.name),
                _literal(None if member.json_value else _leads(context, member.target)),
            )
            for member in shape.members
        ]
        if shape.union:
            entries.append((string(UNKNOWN_MEMBER), "None"))
        table.append((string(shape.name), tuple(entries)))
    return tuple(table)


def _leads(context: Context, name: str) -> str | None:
    """What a member of shape ``name`` leads to: a structure's name, wrapped in
    ``[...]`` per list and ``{...}`` per map around it; ``None`` when nothing
    under it has members."""
    shape = context.shapes[name]
    if isinstance(shape, ir.StructureShape):
        return shape.name
    if isinstance(shape, ir.ListShape):
        inner = _leads(context, shape.member)
        return None if inner is None else f"[{inner}]"
    if isinstance(shape, ir.MapShape):
        inner = _leads(context, shape.value)
        return None if inner is None else "{" + inner + "}"
    return None


def _literal(leads: str | None) -> str:
    return "None" if leads is None else string(leads)
