"""``codegen.apidiff.rules``: one verdict per change kind and direction.

The verdicts of real changes are tested through the diff (``test_diff.py``); these
check the table itself.
"""

from __future__ import annotations

from codegen.apidiff.rules import RULES, TITLES, judge, markdown_table


def test_every_kind_has_a_rule_for_each_direction_it_occurs_in() -> None:
    kinds = set(TITLES)
    operation_level = {
        "operation-added", "operation-removed", "error-added", "error-removed"
    }  # fmt: skip
    for kind in kinds:
        directions = (
            ["operation"] if kind in operation_level else ["request", "response"]
        )
        for direction in directions:
            assert (kind, direction) in RULES, (kind, direction)
    table = markdown_table().splitlines()
    assert len(table) == 2 + len(RULES)
    assert (
        "| required member added (`member-added-required`) | request | breaking |"
        in ("\n".join(table))
    )


def test_judge_takes_the_harshest_verdict() -> None:
    assert judge("member-added-required", ("request", "response")).verdict == "breaking"
    assert judge("enum-value-added", ("request", "response")).note == (
        "new value callers may see"
    )
    assert judge("enum-value-added", ("request",)).note is None
