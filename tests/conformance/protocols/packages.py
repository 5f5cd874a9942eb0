"""Generate a package from a case's model and import it under a unique name.

Generation is in-process (``codegen.model.loader`` -> ``codegen.model.build`` ->
``codegen.generate.render`` -> ``codegen.generate.writer``), once per distinct
model: cases whose
service descriptions are identical share a package. The source is NOT run
through black: black only reformats (it verifies the AST is unchanged), it
dominates generation time, and the formatting itself is covered by the golden
tests; the templates' raw output is the same program.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from types import ModuleType

import botocore

from codegen.errors import CodegenError
from codegen.generate.format_cache import Unformatted
from codegen.generate.render import Renderer
from codegen.generate.writer import write_package
from codegen.model.build import build_service
from codegen.model.loader import load_model_bytes

from .cases import Case

SERVICE_NAME = "protocoltests"


class Packages:
    """Generated packages by model digest, imported from ``root``.

    A model the generator refuses is remembered with its ``CodegenError``, which
    every case of that model re-raises.
    """

    def __init__(self, root: Path) -> None:
        self.root = root
        sys.path.insert(0, str(root))
        self.renderer = Renderer(formatter=Unformatted())
        self._made: dict[str, ModuleType | CodegenError] = {}
        self._names: set[str] = set()  # every package tried, imported or not

    def package(self, case: Case) -> ModuleType:
        """The imported package generated from ``case``'s model."""
        key = case.model_digest
        if key not in self._made:
            try:
                self._made[key] = self._generate(case, f"proto_{key[:20]}")
            except CodegenError as error:
                self._made[key] = error
        made = self._made[key]
        if isinstance(made, CodegenError):
            raise made
        return made

    def _generate(self, case: Case, package_name: str) -> ModuleType:
        loaded = load_model_bytes(
            SERVICE_NAME, case.model_json, case.test_id, botocore.__version__
        )
        service = build_service(loaded, [case.operation_name])
        files = self.renderer.render(service)
        self._names.add(package_name)
        write_package(files, self.root / package_name)
        package = importlib.import_module(package_name)
        # Every module must import, even those no case reaches (the client).
        for path in sorted(files):
            if path.endswith(".py") and path != "__init__.py":
                module = path.removesuffix(".py").removesuffix("/__init__")
                importlib.import_module(f"{package_name}.{module.replace('/', '.')}")
        return package

    def close(self) -> None:
        """Drop the generated packages from ``sys.modules`` and ``sys.path``."""
        for name in [m for m in sys.modules if m.split(".")[0] in self._names]:
            del sys.modules[name]
        if str(self.root) in sys.path:
            sys.path.remove(str(self.root))
