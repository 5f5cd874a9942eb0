"""Each structure gets its own module; importing the package loads none of them."""

from __future__ import annotations

import json
import subprocess
import sys

from codegen.generate.layout import module_name, shape_modules
from codegen.model import ir
from tests.support import GENERATED, REPO, RUNTIME_MODULES


def structure(name: str, *targets: str) -> ir.StructureShape:
    members = tuple(
        ir.Member(
            name=f"M{index}",
            field_name=f"m{index}",
            target=target,
            required=False,
            sensitive=False,
            doc="",
            deprecated=False,
            idempotency_token=False,
        )
        for index, target in enumerate(targets)
    )
    return ir.StructureShape(
        name=name, doc="", sensitive=False, members=members, union=False,
        error=None, is_input=True,
    )  # fmt: skip


def listing(name: str, member: str) -> ir.ListShape:
    return ir.ListShape(
        name=name, doc="", sensitive=False, member=member, min_length=None,
        max_length=None,
    )  # fmt: skip


def test_structures_in_a_cycle_share_a_module_and_the_rest_stand_alone() -> None:
    shapes: dict[str, ir.Shape] = {
        "Alpha": structure("Alpha", "BetaList"),  # Alpha -> Beta through a list
        "BetaList": listing("BetaList", "Beta"),
        "Beta": structure("Beta", "Alpha"),  # ... and Beta -> Alpha: one cycle
        "Node": structure("Node", "NodeList"),  # recursive through itself
        "NodeList": listing("NodeList", "Node"),
        "Root": structure("Root", "Alpha", "Node"),
        "Class": structure("Class"),  # a keyword as module name
    }
    names = [
        name for name, shape in shapes.items() if isinstance(shape, ir.StructureShape)
    ]
    assert shape_modules(shapes, names) == {
        "alpha": ("Alpha", "Beta"),
        "class_": ("Class",),
        "node": ("Node",),
        "root": ("Root",),
    }


def test_module_names_follow_botocore_snake_case() -> None:
    assert module_name("EmailAddressInfo") == "email_address_info"
    assert module_name("S3Url") == "s3_url"
    assert module_name("Enums") == "enums_"


def test_importing_the_package_loads_no_shape_and_no_botocore() -> None:
    """Measured in a fresh process: what ``import generated.connect`` loads
    (``email``, which parses RFC 822 timestamps, costs more than the rest of
    the runtime and is imported only when one is read)."""
    code = (
        "import json, sys\n"
        "import generated.connect as connect\n"
        "loaded = ('generated', 'botocore', 'email')\n"
        "before = sorted(m for m in sys.modules if m.startswith(loaded))\n"
        "connect.EmailAddressInfo\n"
        "after = sorted(m for m in sys.modules if m.startswith('generated'))\n"
        "print(json.dumps([before, after]))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True,
        check=True,
    )  # fmt: skip
    before, after = json.loads(result.stdout)
    # _runtime and the modules it re-exports (stdlib only); _patterns holds the
    # codecs' Pattern (compiled on first use): the automaton and the Unicode
    # tables load with the first pattern needing them.
    runtime = [f"generated.connect.{name}" for name in RUNTIME_MODULES]
    assert before == ["generated", "generated.connect", *runtime]
    assert after == [
        "generated",
        "generated.connect",
        *sorted([*runtime, "generated.connect._codecs"]),
        "generated.connect.shapes",
        "generated.connect.shapes.email_address_info",
        "generated.connect.shapes.enums",  # the enum codecs name their aliases
    ]


def test_every_structure_module_holds_the_classes_it_names() -> None:
    modules = sorted((GENERATED / "shapes").glob("*.py"))
    assert len(modules) == 13  # 11 structures (none in a cycle), enums, the package
    for path in modules:
        text = path.read_text(encoding="utf-8")
        if path.stem not in ("__init__", "enums"):
            assert "@dataclass(frozen=True, slots=True, kw_only=True" in text


def test_the_async_client_loads_botocore_but_never_aiobotocore() -> None:
    """``import generated.connect`` loads neither botocore nor aiobotocore; the
    async client's module loads botocore, and aiobotocore only when
    ``from_session`` opens a session (this venv has no aiobotocore at all)."""
    code = (
        "import json, sys\n"
        "import generated.connect as connect\n"
        "loaded = lambda: sorted(\n"
        "    m for m in sys.modules if m.split('.')[0] in ('botocore', 'aiobotocore')\n"
        ")\n"
        "before = loaded()\n"
        "cls = connect.AsyncConnectClient\n"
        "print(json.dumps([before, cls.__module__, 'aiobotocore' in sys.modules,\n"
        "                  'botocore' in sys.modules]))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True,
        check=True,
    )  # fmt: skip
    before, module, aiobotocore, botocore = json.loads(result.stdout)
    assert before == []
    assert module == "generated.connect.async_client"
    assert aiobotocore is False
    assert botocore is True


def test_only_the_async_client_names_aiobotocore() -> None:
    """The shapes, validation and the sync client need botocore alone."""
    naming = sorted(
        path.relative_to(GENERATED).as_posix()
        for path in GENERATED.rglob("*.py")
        if "aiobotocore" in path.read_text(encoding="utf-8")
    )
    assert naming == ["async_client.py"]
