"""One import collector for every generated module.

Builders record what a module needs (``imports.add("typing", "Any")``) while they
compute its values; the block is rendered last, in the order ruff's isort and
black keep: ``__future__``, standard library, botocore, then the package's own
modules (``..`` before ``.``); plain ``import x`` before ``from x import y`` in a
section; names sorted constants, classes, then the rest.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

# Sections in file order; a module not listed is the standard library's.
_THIRD_PARTY = ("botocore",)


@dataclass(frozen=True)
class Import:
    """``import module`` (no ``name``) or ``from module import name [as alias]``."""

    module: str
    name: str = ""
    alias: str = ""


def _section(module: str) -> int:
    if module == "__future__":
        return 0
    if module.startswith("."):
        return 3
    return 2 if module.split(".")[0] in _THIRD_PARTY else 1


def _module_key(module: str) -> tuple[int, str]:
    """Relative modules furthest first (``..`` before ``.``), then by name."""
    dots = len(module) - len(module.lstrip("."))
    return (-dots, module.lstrip(".").lower())


def _name_key(name: str) -> tuple[int, str]:
    """ruff's order-by-type: CONSTANTS, then Classes, then the rest."""
    if name.isupper() and len(name) > 1:
        return (0, name)
    return (1 if name[:1].isupper() else 2, name.lower())


class Imports:
    """The imports one generated module needs, rendered as its import block."""

    def __init__(self, *imports: Import) -> None:
        self._items: set[Import] = set(imports)

    def add(self, module: str, *names: str, alias: str = "") -> None:
        """``from module import names`` (each), or ``import module`` with no names."""
        if not names:
            self._items.add(Import(module))
        for name in names:
            self._items.add(Import(module, name, alias))

    def update(self, imports: Iterable[Import]) -> None:
        self._items.update(imports)

    def lines(self) -> tuple[str, ...]:
        """The block: sections separated by a blank line."""
        sections: dict[int, list[str]] = {}
        for section in sorted({_section(item.module) for item in self._items}):
            items = [i for i in self._items if _section(i.module) == section]
            sections[section] = _section_lines(items)
        block: list[str] = []
        for lines in sections.values():
            if block:
                block.append("")
            block.extend(lines)
        return tuple(block)


def _section_lines(items: list[Import]) -> list[str]:
    plain = sorted({i.module for i in items if not i.name}, key=_module_key)
    lines = [f"import {module}" for module in plain]
    by_module: dict[str, list[Import]] = {}
    for item in items:
        if item.name:
            by_module.setdefault(item.module, []).append(item)
    for module in sorted(by_module, key=_module_key):
        entries: list[tuple[tuple[int, str], str]] = []
        names = sorted(
            {i.name for i in by_module[module] if not i.alias}, key=_name_key
        )
        if names:
            entries.append((_name_key(names[0]), ", ".join(names)))
        for item in by_module[module]:
            if item.alias:
                entries.append((_name_key(item.name), f"{item.name} as {item.alias}"))
        lines.extend(f"from {module} import {text}" for _, text in sorted(entries))
    return lines
