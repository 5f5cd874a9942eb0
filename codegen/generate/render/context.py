"""What every file's builder looks up: the service's shapes, their codec names,
annotations and module homes, the title, and the header of every module."""

from __future__ import annotations

from collections.abc import Callable

from codegen.generate.codec_names import codec_names
from codegen.generate.docstrings import docstring
from codegen.generate.imports import Imports
from codegen.generate.layout import shape_modules
from codegen.generate.types import GENERATED, Annotation, Spelling
from codegen.generate.writer import MARKER
from codegen.model import ir


def header(service: ir.Service) -> str:
    """The first lines of every generated module: what determines its content
    (the model's sha256), and no time.

    The only place the header is made (the runtime modules get it too). The
    botocore release is not in it: a release that leaves the model alone must
    not touch every file. It is recorded once, as the package's
    ``BOTOCORE_RELEASE`` (``lazy_view``).
    """
    return f"{MARKER}; DO NOT EDIT.\n# Model sha256: {service.model_sha256}"


_MODULE_DOCS = {
    "package": (
        "Typed, validated SDK for {title}.\n\nGenerated from botocore's model. "
        "Every name loads its module on first use: the shapes need only the "
        "standard library; the clients, the modeled errors and "
        "``enable_validation`` import botocore."
    ),
    "shapes": (
        "Shapes of {title}: a frozen dataclass per structure, an alias per enum.\n\n"
        "Standard library only. ``to_dict`` and ``from_dict`` speak botocore's "
        "parameter dicts; ``validate`` checks every constraint of the model. Each "
        "structure has its own module, imported the first time it is used."
    ),
    "enums": "The enums of {title}, as ``Literal`` aliases.",
    "codecs": (
        "One codec per shape of {title}: its constraints, and how to read, check "
        "and dump its values.\n\nStructures are looked up on first use, so this "
        "module loads no class."
    ),
    "errors": (
        "Modeled errors of {title}.\n\nEach is a botocore ``ClientError`` "
        "(existing ``except ClientError`` code keeps working) that also carries "
        "the error's modeled members as typed attributes."
    ),
    "client": (
        "Typed client for {title}.\n\nIt wraps a botocore client, so credentials, "
        "signing, retries, regions and endpoints stay botocore's; this layer adds "
        "typed requests and responses, validation before any network I/O, and "
        "typed modeled errors."
    ),
}


# Up to this many operations are named in module docstrings; more are counted
# (a package of all of Connect would repeat 400 names in each of its modules).
TITLE_OPERATIONS = 3


def title(service: ir.Service) -> str:
    """How module docstrings name the package: the service and its operations."""
    names = [op.name for op in service.operations]
    if len(names) > TITLE_OPERATIONS:
        return f"{service.service_id} ({len(names)} operations)"
    return f"{service.service_id} ({', '.join(names)})"


class Context:
    """Lookups over one service's shapes while views are computed."""

    def __init__(self, service: ir.Service) -> None:
        self.service = service
        self.shapes = {shape.name: shape for shape in service.shapes}
        self.codec_names = codec_names(self.shapes)
        self.header = header(service)
        self.title = title(service)
        structures = [s for s in service.shapes if isinstance(s, ir.StructureShape)]
        self.errors = [s for s in structures if s.error is not None]
        self.plain = {s.name: s for s in structures if s.error is None}
        self.enums = [
            s for s in service.shapes if isinstance(s, ir.StringShape) and s.enum
        ]
        self.layout = shape_modules(self.shapes, self.plain)
        self.home = {
            name: module for module, names in self.layout.items() for name in names
        }

    def module_doc(self, kind: str, extra: str = "") -> str:
        """The docstring of one of the package's fixed modules (``extra``: a
        paragraph more)."""
        text = _MODULE_DOCS[kind].format(title=self.title)
        return docstring(f"{text}\n\n{extra}" if extra else text, indent=0)

    def codec(self, name: str) -> str:
        """How generated classes name a shape's codec (``_codecs`` is ``_c``)."""
        return "_c." + self.codec_names[name]

    def structure(self, name: str) -> ir.StructureShape:
        """The structure called ``name`` (an operation's input, say)."""
        shape = self.shapes[name]
        assert isinstance(shape, ir.StructureShape), name
        return shape

    def annotation(
        self,
        name: str,
        imports: Imports | None = None,
        home: Callable[[str], str | None] = lambda name: None,
        spelling: Spelling = GENERATED,
    ) -> str:
        """The Python type of a shape (exact, also for recursive shapes)."""
        return Annotation(self.shapes, spelling, imports, home).of(name)

    def importer(self, package: str, *local: str) -> Callable[[str], str | None]:
        """Where a module below ``package`` imports a class or enum alias from
        (``None`` for the ones it defines itself, in ``local``)."""

        def home(name: str) -> str | None:
            if name in local:
                return None
            if name in self.home:
                return f"{package}{self.home[name]}"
            return f"{package}enums"

        return home
