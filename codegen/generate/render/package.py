"""The package's lazy ``__init__`` modules, and the ``Renderer`` that renders
every file of a package from the views."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import black.parsing
import jinja2

from codegen.errors import CodegenError
from codegen.generate.format_cache import FormatCache, default_folder
from codegen.generate.imports import Imports
from codegen.generate.render.client import client_view
from codegen.generate.render.codecs import codecs_view
from codegen.generate.render.context import Context
from codegen.generate.render.errors import errors_view
from codegen.generate.render.shapes import enums_view, module_view
from codegen.model import ir

TEMPLATES = Path(__file__).resolve().parents[3] / "templates"
RUNTIME = Path(__file__).resolve().parents[1] / "runtime"

# What the package re-exports from its runtime module.
_RUNTIME_EXPORTS = ("ResponseValidationError", "ValidationError", "Violation")


@dataclass(frozen=True)
class LazyView:
    """A package ``__init__`` that imports its modules on first use."""

    header: str
    docstring: str
    eager_imports: tuple[str, ...]
    type_checking: tuple[str, ...]
    names: tuple[str, ...]
    modules: tuple[tuple[str, str], ...]


def lazy_view(context: Context, kind: str, modules: dict[str, str]) -> LazyView:
    """The ``__init__`` of a lazily loaded package: names, modules, type imports.

    The package's own (``kind == "package"``) also re-exports the runtime's
    ``ResponseValidationError``, ``ValidationError`` and ``Violation``,
    imported eagerly.
    """
    eager = kind == "package"
    type_checking = Imports()
    for name, module in modules.items():
        type_checking.add(module, name)
    exported = sorted([*modules, *(_RUNTIME_EXPORTS if eager else ())])
    return LazyView(
        header=context.header,
        docstring=context.module_doc(kind),
        eager_imports=(f"from ._runtime import {', '.join(_RUNTIME_EXPORTS)}",) * eager,
        type_checking=type_checking.lines(),
        names=tuple(exported),
        modules=tuple(sorted(modules.items())),
    )


def runtime_files(header_text: str, folder: Path = RUNTIME) -> dict[str, str]:
    """The runtime modules, copied verbatim below the header (real, tested Python
    in ``codegen/generate/runtime``; black-clean already, so not reformatted)."""
    return {
        path.name: f"{header_text}\n{path.read_text(encoding='utf-8')}"
        for path in sorted(folder.glob("*.py"))
        if path.name != "__init__.py"
    }


class Renderer:
    """Renders one service into ``{relative path: text}``."""

    def __init__(
        self, templates: Path = TEMPLATES, formatter: FormatCache | None = None
    ) -> None:
        self.formatter = formatter or FormatCache(default_folder())
        if not templates.is_dir():
            raise CodegenError(f"template folder not found: {templates}")
        self.environment = jinja2.Environment(
            loader=jinja2.FileSystemLoader(str(templates)),
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
            autoescape=False,
        )

    def _render(self, template: str, view: object) -> str:
        try:
            text = self.environment.get_template(template).render(view=view)
        except jinja2.TemplateError as error:
            raise CodegenError(f"template {template}: {error}") from None
        try:
            return self.formatter.format(text)
        except black.parsing.InvalidInput as error:
            # A bug in a template, not a user's mistake: keep the traceback.
            raise AssertionError(
                f"{template} rendered invalid Python: {error}"
            ) from error

    def render(self, service: ir.Service) -> dict[str, str]:
        """Every file of the package, formatted, by path relative to its folder."""
        context = Context(service)
        files = {
            **runtime_files(context.header),
            "_codecs.py": self._render("codecs.py.j2", codecs_view(context)),
            "shapes/enums.py": self._render("enums.py.j2", enums_view(context)),
            "errors.py": self._render("errors.py.j2", errors_view(context)),
            "client.py": self._render("client.py.j2", client_view(context)),
            "py.typed": "",
        }
        for module, names in context.layout.items():
            view = module_view(context, names)
            files[f"shapes/{module}.py"] = self._render("shape_module.py.j2", view)
        shapes = {name: f".{module}" for name, module in context.home.items()}
        shapes.update({enum.name: ".enums" for enum in context.enums})
        shapes_init = lazy_view(context, "shapes", shapes)
        files["shapes/__init__.py"] = self._render("lazy_init.py.j2", shapes_init)
        package = {name: ".shapes" for name in shapes}
        package.update({name: ".errors" for name in _error_names(service)})
        package[service.client_class] = ".client"
        package_init = lazy_view(context, "package", package)
        files["__init__.py"] = self._render("lazy_init.py.j2", package_init)
        return dict(sorted(files.items()))


def _error_names(service: ir.Service) -> list[str]:
    """The package's names from ``errors.py``: the base and every error."""
    errors = [
        shape.name
        for shape in service.shapes
        if isinstance(shape, ir.StructureShape) and shape.error is not None
    ]
    return [service.error_base, *errors]
