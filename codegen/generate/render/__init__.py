"""Render the IR into Python source files with the Jinja2 templates.

One module per generated file (``shapes``, ``codecs``, ``errors``, ``client``, and
``package`` for the lazy ``__init__`` files and the ``Renderer``), each computing
the frozen view its template prints. Shared with the rest of ``codegen``:
``codegen.generate.kinds`` (the one dispatch over shape kinds),
``codegen.generate.types`` (a shape's Python type) and
``codegen.generate.imports`` (each module's import block).
"""

from codegen.generate.render.context import header
from codegen.generate.render.package import TEMPLATES, Renderer, runtime_files

__all__ = ["TEMPLATES", "Renderer", "header", "runtime_files"]
