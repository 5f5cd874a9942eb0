"""Structural mutations of the tiny and feature models, and how the CLI takes them.

Used by the model fuzzer (``test_model_fuzzer.py``, Hypothesis over these
mutations) and, run as a script, to count outcomes over a fixed enumeration
(``python tests/conformance/model_mutations.py``); the script imports
``codegen`` from wherever ``PYTHONPATH`` points, so it measures any tree.

A run's outcome is one of: ``exit0`` (a package was written; the caller checks
that it imports and type-checks), ``exit2`` (exactly one stderr line starting
``codegen: error:`` and nothing written), or ``bad:...`` (a traceback, another
status, several lines, or a half-written output).
"""

from __future__ import annotations

import contextlib
import copy
import io
import json
import math
import subprocess
import sys
import traceback
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

MODELS = Path(__file__).resolve().parents[1] / "fixtures" / "models"
BASES = {
    "tiny": MODELS / "tiny-service-2.json",
    "features": MODELS / "features-service-2.json",
}

Model = dict[str, Any]

# Names no Python identifier spells, keywords, builtins, dunders, and the names
# the generated package and its client use for themselves.
HOSTILE_NAMES = (
    "",
    "a b",
    "a-b",
    "class",
    "../x",
    "1abc",
    "None",
    "__init__",
    "_call",
    "from_session",
    "close",
    "meta",
    "self",
    "cls",
    "data",
    "to_dict",
    "validate",
    "é",
    "Ω_x",
    "a.b",
    "x" * 200,
    "\n",
    "ValidationError",
    "_runtime",
    "__string",
    "Shapes",
)
HOSTILE_DOCS = (
    'ends with a quote"',
    'ends with three"""',
    "a backslash \\",
    "nul \x00 char",
    "{{ jinja }} {% raw %}",
    "<p>unclosed",
    "\u2028 line separator",
    "\\N{BULLET} escape",
)
HOSTILE_NUMBERS: tuple[object, ...] = (
    "abc",
    "5",
    math.nan,
    math.inf,
    -math.inf,
    1e400,
    True,
    [],
    {},
    None,
    -1,
    2**70,
    1.5,
)
HOSTILE_TRAITS: tuple[tuple[str, object], ...] = (
    ("pattern", 5),
    ("pattern", "("),
    ("pattern", ""),
    ("enum", 5),
    ("enum", [1, 2]),
    ("enum", ["a", "a"]),
    ("enum", ["", "a b"]),
    ("sensitive", "yes"),
    ("required", "Class"),
    ("required", ["Nope"]),
    ("members", []),
    ("members", {"A": {}}),
    ("members", {"A": {"shape": 5}}),
    ("type", "foo"),
    ("type", 5),
    ("union", "yes"),
    ("exception", True),
    ("error", {"httpStatusCode": "abc"}),
    ("error", 5),
    ("timestampFormat", "weird"),
    ("streaming", True),
    ("document", True),
    ("eventstream", True),
    ("member", {"shape": "Nope"}),
    ("key", {"shape": "Count"}),
    ("value", 5),
    ("box", True),
)


def shapes_of(model: Model) -> list[str]:
    return sorted(model["shapes"])


def members_of(model: Model) -> list[tuple[str, str]]:
    return [
        (name, member)
        for name, shape in sorted(model["shapes"].items())
        if isinstance(shape.get("members"), dict)
        for member in sorted(shape["members"])
    ]


def _retarget_all(model: Model, old: str, new: str) -> None:
    """Every reference to shape ``old`` now names ``new``."""
    for shape in model["shapes"].values():
        for reference in _references(shape):
            if reference.get("shape") == old:
                reference["shape"] = new
    for operation in model["operations"].values():
        for key in ("input", "output"):
            if operation.get(key, {}).get("shape") == old:
                operation[key]["shape"] = new
        for error in operation.get("errors", []):
            if error.get("shape") == old:
                error["shape"] = new


def _references(shape: dict[str, Any]) -> Iterator[dict[str, Any]]:
    members = shape.get("members")
    if isinstance(members, dict):
        yield from (m for m in members.values() if isinstance(m, dict))
    for key in ("member", "key", "value"):
        if isinstance(shape.get(key), dict):
            yield shape[key]


# Each mutation: (kind, target index, value index) -> a changed copy.
Mutation = Callable[[Model, int, int], Model]


def delete_shape(model: Model, target: int, _: int) -> Model:
    del model["shapes"][_pick(shapes_of(model), target)]
    return model


def rename_shape(model: Model, target: int, value: int) -> Model:
    old = _pick(shapes_of(model), target)
    new = _pick(HOSTILE_NAMES, value)
    if new in model["shapes"]:
        return model
    model["shapes"][new] = model["shapes"].pop(old)
    _retarget_all(model, old, new)
    return model


def rename_member(model: Model, target: int, value: int) -> Model:
    members = members_of(model)
    if not members:
        return model
    shape, member = _pick(members, target)
    table = model["shapes"][shape]["members"]
    new = _pick(HOSTILE_NAMES, value)
    if new in table:
        return model
    table[new] = table.pop(member)
    required = model["shapes"][shape].get("required")
    if isinstance(required, list) and member in required:
        required[required.index(member)] = new
    return model


def retarget_member(model: Model, target: int, value: int) -> Model:
    members = members_of(model)
    if not members:
        return model
    shape, member = _pick(members, target)
    names = [*shapes_of(model), "Missing"]
    model["shapes"][shape]["members"][member]["shape"] = _pick(names, value)
    return model


def self_containing(model: Model, target: int, _: int) -> Model:
    """A list whose member is itself, or a map whose value is itself."""
    name = _pick(shapes_of(model), target)
    kind = "list" if target % 2 else "map"
    if kind == "list":
        model["shapes"][name] = {"type": "list", "member": {"shape": name}}
    else:
        model["shapes"][name] = {
            "type": "map",
            "key": {"shape": name},
            "value": {"shape": name},
        }
    return model


def number_trait(model: Model, target: int, value: int) -> Model:
    name = _pick(shapes_of(model), target)
    key = ("min", "max")[value % 2]
    model["shapes"][name][key] = _pick(HOSTILE_NUMBERS, value // 2)
    return model


def other_trait(model: Model, target: int, value: int) -> Model:
    name = _pick(shapes_of(model), target)
    key, setting = _pick(HOSTILE_TRAITS, value)
    model["shapes"][name][key] = copy.deepcopy(setting)
    return model


def hostile_doc(model: Model, target: int, value: int) -> Model:
    doc = _pick(HOSTILE_DOCS, value)
    members = members_of(model)
    if target % 2 and members:
        shape, member = _pick(members, target)
        model["shapes"][shape]["members"][member]["documentation"] = doc
    else:
        name = _pick(shapes_of(model), target)
        model["shapes"][name]["documentation"] = doc
    return model


def rename_operation(model: Model, target: int, value: int) -> Model:
    operations = sorted(model["operations"])
    old = _pick(operations, target)
    new = _pick(HOSTILE_NAMES, value)
    if new in model["operations"]:
        return model
    operation = model["operations"].pop(old)
    operation["name"] = new
    model["operations"][new] = operation
    return model


def operation_input(model: Model, target: int, value: int) -> Model:
    """An operation whose input is not a structure, or is missing."""
    operation = model["operations"][_pick(sorted(model["operations"]), target)]
    names = [*shapes_of(model), "Missing"]
    operation["input"] = {"shape": _pick(names, value)}
    return model


MUTATIONS: dict[str, Mutation] = {
    "delete_shape": delete_shape,
    "rename_shape": rename_shape,
    "rename_member": rename_member,
    "retarget_member": retarget_member,
    "self_containing": self_containing,
    "number_trait": number_trait,
    "other_trait": other_trait,
    "hostile_doc": hostile_doc,
    "rename_operation": rename_operation,
    "operation_input": operation_input,
}


def _pick(options: Any, index: int) -> Any:
    return options[index % len(options)]


def load_base(name: str) -> Model:
    loaded: Model = json.loads(BASES[name].read_text(encoding="utf-8"))
    return loaded


def mutate(base: str, steps: list[tuple[str, int, int]]) -> Model:
    model = load_base(base)
    for kind, target, value in steps:
        model = MUTATIONS[kind](model, target, value)
    return model


@dataclass(frozen=True)
class Outcome:
    kind: str  # "exit0", "exit2" or "bad:<why>"
    stderr: str


def generate(model: Model, folder: Path, package: str) -> Outcome:
    """``python -m codegen`` in this process on ``model``; writes folder/package."""
    from codegen import cli  # the tree under test, as PYTHONPATH says

    model_file = folder / f"{package}.json"
    model_file.write_text(json.dumps(model), encoding="utf-8")
    output = folder / package
    argv = ["--model", str(model_file), "--service", "fuzz", "--operation", "all"]
    argv += ["--output", str(output), "--config", str(folder / "none.toml")]
    stdout, stderr = io.StringIO(), io.StringIO()
    try:
        with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
            status = cli.main(argv)
    except BaseException as error:  # classifying every failure is the point
        frames = traceback.extract_tb(error.__traceback__)
        where = f"{frames[-1].name}" if frames else "?"
        return Outcome(f"bad:traceback {type(error).__name__} in {where}", str(error))
    lines = stderr.getvalue().splitlines()
    if status == 0:
        return Outcome("exit0", stderr.getvalue())
    if status != 2:
        return Outcome(f"bad:status {status}", stderr.getvalue())
    if len(lines) != 1 or not lines[0].startswith("codegen: error: "):
        return Outcome("bad:stderr not one error line", stderr.getvalue())
    if output.exists():
        return Outcome("bad:exit 2 but output written", stderr.getvalue())
    return Outcome("exit2", lines[0])


IMPORT_ALL = """
import importlib, json, sys
from pathlib import Path
root = Path(sys.argv[1])
sys.path.insert(0, str(root))
failures = {}
for package in sys.argv[2:]:
    modules = sorted(
        ".".join(p.relative_to(root).with_suffix("").parts).removesuffix(".__init__")
        for p in (root / package).rglob("*.py")
    )
    for module in modules:
        try:
            importlib.import_module(module)
        except BaseException as error:
            failures[package] = f"{module}: {type(error).__name__}: {error}"
            break
print(json.dumps(failures))
"""


def import_failures(root: Path, packages: list[str]) -> dict[str, str]:
    """Package -> why one of its modules does not import (in a fresh process)."""
    if not packages:
        return {}
    result = subprocess.run(
        [sys.executable, "-c", IMPORT_ALL, str(root), *packages],
        capture_output=True,
        text=True,
        check=True,
        timeout=600,
    )
    failures: dict[str, str] = json.loads(result.stdout)
    return failures


def mypy_failures(root: Path, packages: list[str]) -> dict[str, str]:
    """Package -> its first ``mypy --strict`` error, all packages in one run."""
    if not packages:
        return {}
    result = subprocess.run(
        [
            *(sys.executable, "-m", "mypy", "--strict", "--no-incremental"),
            *("--config-file", "/dev/null", *packages),
        ],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
        timeout=900,
    )
    failures: dict[str, str] = {}
    for line in result.stdout.splitlines():
        package = line.split("/", 1)[0]
        if package in packages and ": error:" in line:
            failures.setdefault(package, line)
    if result.returncode != 0 and not failures:
        failures["?"] = result.stdout + result.stderr
    return failures


def enumeration() -> Iterator[tuple[str, list[tuple[str, int, int]]]]:
    """A fixed, deterministic set of single mutations of both models."""
    for base in BASES:
        model = load_base(base)
        shapes = len(model["shapes"])
        for kind in MUTATIONS:
            values = {
                "delete_shape": 1,
                "self_containing": 2,
                "number_trait": 2 * len(HOSTILE_NUMBERS),
                "other_trait": len(HOSTILE_TRAITS),
                "hostile_doc": len(HOSTILE_DOCS),
                "retarget_member": shapes + 1,
            }.get(kind, len(HOSTILE_NAMES))
            for value in range(values):
                target = (value * 7 + 3) % max(shapes, 1)
                yield base, [(kind, target, value)]


def main() -> int:
    """Count the outcomes over the enumeration (the figures in the report)."""
    import tempfile

    counts: Counter[str] = Counter()
    examples: dict[str, str] = {}
    with tempfile.TemporaryDirectory() as temporary:
        root = Path(temporary)
        written = []
        for index, (base, steps) in enumerate(enumeration()):
            package = f"m{index:04d}"
            outcome = generate(mutate(base, steps), root, package)
            counts[outcome.kind] += 1
            examples.setdefault(outcome.kind, f"{base} {steps}: {outcome.stderr}")
            if outcome.kind == "exit0":
                written.append(package)
        broken = import_failures(root, written)
        typed = mypy_failures(root, [p for p in written if p not in broken])
    for why in sorted(set(broken.values())):
        counts["exit0 but " + why.split(":")[1].strip() + " on import"] += 0
    print(f"models tried: {sum(counts.values())}")
    for kind, number in sorted(counts.items()):
        print(f"  {number:4d}  {kind}  e.g. {examples.get(kind, '')[:150]!r}")
    print(f"  exit 0, import fails: {len(broken)}")
    for package, why in sorted(broken.items())[:20]:
        print(f"      {package}: {why[:160]}")
    print(f"  exit 0, imports, mypy --strict fails: {len(typed)}")
    for package, why in sorted(typed.items())[:20]:
        print(f"      {package}: {why[:160]}")
    ok = len(written) - len(broken) - len(typed)
    print(f"  exit 0, imports and type-checks: {ok}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
