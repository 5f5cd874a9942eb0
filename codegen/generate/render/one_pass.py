"""What a structure's one-pass methods (``_read_checked``, ``_dict_ok``) do per member.

A member is either *checked in place*: an expression of its local that is true
exactly when its codec's ``accepts`` is (so false for ``None``), and the value
is kept as read; or *read*: a container, structure or document, which a codec
(or the structure's class) reads and checks, giving ``None`` when anything is
off. The expressions mirror ``_runtime``'s codecs; the property test
``tests/conformance/property/test_one_pass.py`` holds them to the two passes.
"""

from __future__ import annotations

from dataclasses import dataclass

from codegen.generate.kinds import ShapeVisitor, visit
from codegen.generate.render.context import Context
from codegen.model import ir


@dataclass(frozen=True)
class OnePass:
    """One member's part: ``check`` (in place), else ``reader(local, depth)`` /
    ``ok(local, depth)`` with ``depth`` one more for a recursive structure."""

    check: str = ""
    reader: str = ""
    ok: str = ""
    depth: str = "depth"

    @property
    def refused(self) -> str:
        """``not check``, in parentheses when the check is more than a call."""
        return f"not ({self.check})" if " " in self.check else f"not {self.check}"


def _length(local: str, low: int | None, high: int | None) -> str:
    """The codecs' length test; a lower bound of 0 is every length's."""
    low = low or 0
    if low and high is not None:
        return f" and {low} <= len({local}) <= {high}"
    if low:
        return f" and len({local}) >= {low}"
    if high is not None:
        return f" and len({local}) <= {high}"
    return ""


class _OnePass(ShapeVisitor[OnePass]):
    """A member's ``OnePass``, given its local and its codec's name."""

    def __init__(self, local: str, codec: str, annotation: str) -> None:
        self.local = local
        self.codec = codec
        self.annotation = annotation

    def _accepts(self) -> OnePass:
        return OnePass(check=f"{self.codec}.accepts({self.local})")

    def _read(self) -> OnePass:
        return OnePass(reader=f"{self.codec}.read_checked", ok=f"{self.codec}.dict_ok")

    def visit_string(self, shape: ir.StringShape) -> OnePass:
        length = _length(self.local, shape.min_length, shape.max_length)
        check = f"type({self.local}) is str{length}"
        if shape.pattern is not None:  # after the length, as the codec does
            check += f" and {self.codec}.find({self.local}) is not None"
        return OnePass(check=check)

    def visit_enum(self, shape: ir.StringShape) -> OnePass:
        local = self.local
        return OnePass(check=f"type({local}) is str and {local} in {self.codec}.values")

    def visit_integer(self, shape: ir.IntegerShape) -> OnePass:
        # The bounds as ``_runtime.Integer`` clips them to the width.
        limit = 1 << (shape.bits - 1)
        low = -limit if shape.minimum is None else max(shape.minimum, -limit)
        high = limit - 1 if shape.maximum is None else min(shape.maximum, limit - 1)
        local = self.local
        return OnePass(check=f"type({local}) is int and {low} <= {local} <= {high}")

    def visit_float(self, shape: ir.FloatShape) -> OnePass:
        return self._accepts()

    def visit_boolean(self, shape: ir.BooleanShape) -> OnePass:
        return OnePass(check=f"type({self.local}) is bool")

    def visit_timestamp(self, shape: ir.TimestampShape) -> OnePass:
        return self._accepts()

    def visit_blob(self, shape: ir.BlobShape) -> OnePass:
        length = _length(self.local, shape.min_length, shape.max_length)
        return OnePass(check=f"type({self.local}) is bytes{length}")

    def visit_stream(self, shape: ir.BlobShape) -> OnePass:
        return self._accepts()

    def visit_document(self, shape: ir.DocumentShape) -> OnePass:
        return self._read()

    def visit_list(self, shape: ir.ListShape) -> OnePass:
        return self._read()

    def visit_map(self, shape: ir.MapShape) -> OnePass:
        return self._read()

    def visit_structure(self, shape: ir.StructureShape) -> OnePass:
        # The class itself (its module imports it for the annotation): one
        # call less than through the codec.
        return OnePass(
            reader=f"{self.annotation}._read_checked",
            ok=f"{self.annotation}._dict_ok",
            depth="depth + 1" if shape.recursive else "depth",
        )

    def visit_event_stream(self, shape: ir.StructureShape) -> OnePass:
        return self._read()


def one_pass(
    context: Context, member: ir.Member, local: str, annotation: str
) -> OnePass:
    """A member's part in the one-pass methods."""
    if member.json_value:
        codec = "_rt.JSON_VALUE"
        return OnePass(reader=f"{codec}.read_checked", ok=f"{codec}.dict_ok")
    target = context.shapes[member.target]
    return visit(target, _OnePass(local, context.codec(member.target), annotation))


def draft_constant(context: Context, shape: ir.StructureShape) -> str:
    """The module constant holding a class's mutable twin (its draft class)."""
    return f"_{context.codec_names[shape.name].upper()}_DRAFT"


def is_valid_check(part: OnePass, local: str, codec: str, annotation: str) -> str:
    """``_is_valid``'s test of a member that is set (``local`` is ``self.name``),
    in parentheses when it is more than one term:
    the one-pass check where there is one, a structure's own ``_is_valid``
    (when it is exactly the generated class; a subclass takes the codec's
    test, by way of ``_check``) unless it counts depth, else the codec's
    ``accepts``."""
    if part.check:
        test = part.check
    elif part.reader.endswith("._read_checked") and part.depth == "depth":
        test = f"type({local}) is {annotation} and {local}._is_valid()"
    else:
        return f"{codec}.accepts({local})"
    return f"({test})" if " and " in test else test
