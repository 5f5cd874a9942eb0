"""``codegen.model.sensitivity``: which shapes inherit a sensitive ancestor.

The oracle is botocore's own model of Connect: walked here with botocore's
shape objects (not the IR), everything below a member or shape botocore marks
``sensitive`` must be flagged, and nothing else.
"""

from __future__ import annotations

import botocore.model
import botocore.session

from codegen.model import ir
from codegen.model.build import build_service
from codegen.model.loader import load_model
from codegen.model.sensitivity import under_sensitive


def _below_sensitive(model: botocore.model.ServiceModel, root: str) -> set[str]:
    """Names of the shapes at or under a sensitive member or shape, by botocore."""
    found: set[str] = set()

    seen: set[tuple[str, bool]] = set()

    def walk(shape: botocore.model.Shape, inherited: bool) -> None:
        inherited = inherited or bool(shape.metadata.get("sensitive"))
        if (shape.name, inherited) in seen:
            return
        seen.add((shape.name, inherited))
        if inherited:
            found.add(shape.name)
        if isinstance(shape, botocore.model.StructureShape):
            for member in shape.members.values():
                walk(member, inherited)
        elif isinstance(shape, botocore.model.ListShape):
            walk(shape.member, inherited)
        elif isinstance(shape, botocore.model.MapShape):
            walk(shape.key, inherited)
            walk(shape.value, inherited)

    walk(model.shape_for(root), False)
    return found


def test_connect_attachments_are_sensitive_by_inheritance() -> None:
    model = botocore.session.get_session().get_service_model("connect")
    operation = model.operation_model("StartEmailContact")
    roots = [operation.input_shape, operation.output_shape, *operation.error_shapes]
    expected: set[str] = set()
    for root in roots:
        assert root is not None
        expected |= _below_sensitive(model, root.name)
    assert "EmailAttachment" in expected  # the finding
    service = build_service(load_model("connect"), ["StartEmailContact"])
    flagged = {
        s.name
        for s in service.shapes
        if isinstance(s, (ir.StructureShape, ir.MapShape))
        and s.sensitive_by_inheritance
    }
    containers = {
        s.name
        for s in service.shapes
        if isinstance(s, (ir.StructureShape, ir.MapShape)) and s.name in expected
    }
    assert flagged == containers == {"EmailAttachment"}


def _string(name: str, sensitive: bool = False) -> ir.StringShape:
    return ir.StringShape(name, "", sensitive, None, None, None, ())


def _member(name: str, target: str, sensitive: bool = False) -> ir.Member:
    return ir.Member(name, name.lower(), target, False, sensitive, "", False, False)


def _structure(name: str, *members: ir.Member) -> ir.StructureShape:
    return ir.StructureShape(name, "", False, members, False, None, True)


def test_a_sensitive_member_taints_what_it_reaches_and_no_more() -> None:
    shapes: list[ir.Shape] = [
        _structure(
            "Root", _member("Secret", "Inner", sensitive=True), _member("Open", "Other")
        ),
        _structure("Inner", _member("Tags", "Tags")),
        ir.MapShape("Tags", "", False, "Key", "Key", None, None),
        _structure("Other", _member("Value", "Key")),
        _string("Key"),
    ]
    assert under_sensitive(shapes) == {"Inner", "Tags", "Key"}
