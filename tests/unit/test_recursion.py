"""``codegen.model.recursion``: which structures can contain themselves.

The oracle is botocore's model of Connect, walked here with botocore's shapes:
a structure is recursive when it is reachable from one of its own members.
"""

from __future__ import annotations

import botocore.model
import botocore.session

from codegen.model import ir
from codegen.model.build import build_service
from codegen.model.loader import load_model


def _reachable(shape: botocore.model.Shape) -> set[str]:
    found: set[str] = set()
    stack = [shape]
    while stack:
        current = stack.pop()
        if isinstance(current, botocore.model.StructureShape):
            nested = list(current.members.values())
        elif isinstance(current, botocore.model.ListShape):
            nested = [current.member]
        elif isinstance(current, botocore.model.MapShape):
            nested = [current.key, current.value]
        else:
            nested = []
        for child in nested:
            if child.name not in found:
                found.add(child.name)
                stack.append(child)
    return found


def test_recursive_structures_are_the_ones_botocore_reaches_from_themselves() -> None:
    model = botocore.session.get_session().get_service_model("connect")
    service = build_service(load_model("connect"), ["StartEmailContact"])
    structures = [s for s in service.shapes if isinstance(s, ir.StructureShape)]
    expected = {
        s.name for s in structures if s.name in _reachable(model.shape_for(s.name))
    }
    assert expected == {"SegmentAttributeValue"}
    assert {s.name for s in structures if s.recursive} == expected
