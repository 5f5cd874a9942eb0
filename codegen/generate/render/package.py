"""The package's lazy ``__init__`` modules, and the ``Renderer`` that renders
every file of a package from the views."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import jinja2

from codegen.config import BotocoreSupport
from codegen.errors import CodegenError
from codegen.generate.format_cache import FormatCache, InvalidText, default_folder
from codegen.generate.imports import Imports
from codegen.generate.render.async_client import async_client_view
from codegen.generate.render.client import client_view
from codegen.generate.render.codecs import codecs_view
from codegen.generate.render.context import Context
from codegen.generate.render.errors import errors_view
from codegen.generate.render.operations import operations_view
from codegen.generate.render.shapes import enums_view, module_view
from codegen.generate.render.type_defs import type_defs_view
from codegen.model import ir
from codegen.model.unicode_tables import unicode_module
from codegen.schema import render_schema

TEMPLATES = Path(__file__).resolve().parents[3] / "templates"
RUNTIME = Path(__file__).resolve().parents[1] / "runtime"

# What the package re-exports from its runtime module.
_RUNTIME_EXPORTS = ("ResponseValidationError", "ValidationError", "Violation")
# What it exports, lazily (it imports botocore), from the plain-client hook.
_HOOK_EXPORTS = (
    "ParameterValidationError",
    "ParameterValidationWarning",
    "disable_validation",
    "enable_validation",
)


@dataclass(frozen=True)
class LazyView:
    """A package ``__init__`` that imports its modules on first use."""

    header: str
    docstring: str
    eager_imports: tuple[str, ...]
    type_checking: tuple[str, ...]
    names: tuple[str, ...]
    modules: tuple[tuple[str, str], ...]
    botocore_release: str | None
    botocore_minimum: str | None = None
    botocore_tested: tuple[str, ...] = ()


def _support_doc(support: BotocoreSupport) -> str:
    """The package docstring's paragraph on the botocore releases it supports.

    It names the minimum only: the tested releases are ``BOTOCORE_TESTED``, so
    the pin's number stays out of the text (``BOTOCORE_RELEASE`` names it).
    """
    return (
        f"A copy works with botocore {support.minimum} and later: its tests pass"
        " on each release in ``BOTOCORE_TESTED`` (the vendored-copy matrix,"
        " ``python -m tools.matrix``). For an operation or member the installed"
        " botocore's model lacks, a call raises ``BotocoreModelError`` before any"
        " I/O."
    )


def lazy_view(
    context: Context,
    kind: str,
    modules: dict[str, str],
    support: BotocoreSupport | None = None,
) -> LazyView:
    """The ``__init__`` of a lazily loaded package: names, modules, type imports.

    The package's own (``kind == "package"``) also re-exports the runtime's
    ``ResponseValidationError``, ``ValidationError`` and ``Violation``,
    imported eagerly, and states the botocore releases it supports (``support``).
    """
    eager = kind == "package"
    type_checking = Imports()
    for name, module in modules.items():
        type_checking.add(module, name)
    exported = sorted([*modules, *(_RUNTIME_EXPORTS if eager else ())])
    extra = _support_doc(support) if support is not None else ""
    return LazyView(
        header=context.header,
        docstring=context.module_doc(kind, extra),
        eager_imports=(f"from ._runtime import {', '.join(_RUNTIME_EXPORTS)}",) * eager,
        type_checking=type_checking.lines(),
        names=tuple(exported),
        modules=tuple(sorted(modules.items())),
        # Only the package's own __init__ records the release (in one place).
        botocore_release=context.service.botocore_version if eager else None,
        botocore_minimum=support.minimum if support else None,
        botocore_tested=support.tested if support else (),
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
        """The template's text, unformatted: ``render`` formats all at once."""
        try:
            return self.environment.get_template(template).render(view=view)
        except jinja2.TemplateError as error:
            raise CodegenError(f"template {template}: {error}") from None

    def _formatted(self, files: dict[str, str]) -> dict[str, str]:
        """Every rendered file through black in one call, so they format in
        parallel and the cache is read once for all."""
        names = list(files)
        try:
            texts = self.formatter.format_many([files[name] for name in names])
        except InvalidText as error:
            # A bug in a template, not a user's mistake: keep the traceback.
            raise AssertionError(
                f"{names[error.position]} rendered invalid Python: {error.reason}"
            ) from error
        return dict(zip(names, texts, strict=True))

    def render(
        self, service: ir.Service, support: BotocoreSupport | None = None
    ) -> dict[str, str]:
        """Every file of the package, formatted, by path relative to its folder;
        ``support`` states the botocore releases it supports (``[tool.codegen]``)."""
        context = Context(service)
        rendered = {
            "_codecs.py": self._render("codecs.py.j2", codecs_view(context)),
            "shapes/enums.py": self._render("enums.py.j2", enums_view(context)),
            "errors.py": self._render("errors.py.j2", errors_view(context)),
            "client.py": self._render("client.py.j2", client_view(context)),
            "async_client.py": self._render(
                "async_client.py.j2", async_client_view(context)
            ),
            "_operations.py": self._render(
                "operations.py.j2", operations_view(context)
            ),
            "type_defs.py": self._render("type_defs.py.j2", type_defs_view(context)),
        }
        for module, names in context.layout.items():
            view = module_view(context, names)
            rendered[f"shapes/{module}.py"] = self._render("shape_module.py.j2", view)
        shapes = {name: f".{module}" for name, module in context.home.items()}
        shapes.update({enum.name: ".enums" for enum in context.enums})
        shapes_init = lazy_view(context, "shapes", shapes)
        rendered["shapes/__init__.py"] = self._render("lazy_init.py.j2", shapes_init)
        package = {name: ".shapes" for name in shapes}
        package.update({name: ".errors" for name in _error_names(service)})
        package[service.client_class] = ".client"
        package[service.async_client_class] = ".async_client"
        package.update({name: "._hook" for name in _HOOK_EXPORTS})
        package["BotocoreModelError"] = "._model_check"
        package_init = lazy_view(context, "package", package, support)
        rendered["__init__.py"] = self._render("lazy_init.py.j2", package_init)
        # Copied or written as they are: black-clean already, or not Python.
        files = {
            **runtime_files(context.header),
            "py.typed": "",
            "schema.json": render_schema(service),
            "_unicode.py": unicode_module(context.header, _property_names(service)),
            **self._formatted(rendered),
        }
        return dict(sorted(files.items()))


def _error_names(service: ir.Service) -> list[str]:
    """The package's names from ``errors.py``: the base and every error."""
    errors = [
        shape.name
        for shape in service.shapes
        if isinstance(shape, ir.StructureShape) and shape.error is not None
    ]
    return [service.error_base, *errors]


_PROPERTY_NAME = re.compile(r"\\[pP]\{([A-Za-z]+)\}")


def _property_names(service: ir.Service) -> set[str]:
    """The Unicode property classes (``\\p{L}``) the service's patterns use: the
    categories ``_unicode.py`` bakes in."""
    return {
        name
        for shape in service.shapes
        if isinstance(shape, ir.StringShape) and shape.pattern is not None
        for name in _PROPERTY_NAME.findall(shape.pattern.python)
    }
