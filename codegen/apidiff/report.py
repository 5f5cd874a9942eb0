"""An ``ApiDiff`` as people read it (text, Markdown) and as tools read it (JSON)."""

from __future__ import annotations

import json
from dataclasses import asdict

from codegen.apidiff.diff import ApiDiff, Change
from codegen.apidiff.rules import TITLES


def summary(diff: ApiDiff) -> str:
    """``2 breaking, 5 compatible; 3 documentation-only changes (not listed)``."""
    breaking = len(diff.breaking)
    compatible = len(diff.changes) - breaking
    return (
        f"{breaking} breaking, {compatible} compatible; "
        f"{diff.documentation} documentation-only changes (not listed)"
    )


def describe(change: Change) -> str:
    """``[request] ReferenceType: enum value added: 'X'`` plus the note or why."""
    where = ", ".join(change.directions)
    text = f"[{where}] {change.subject}: {TITLES[change.kind]}"
    if change.detail:
        text += f": {change.detail}"
    if change.breaking:
        text += f" -- {change.rule.why}"
    elif change.rule.note:
        text += f" ({change.rule.note})"
    return text


def _title(diff: ApiDiff) -> str:
    if len(diff.operations) > 3:
        operations = f"{len(diff.operations)} operations"
    else:
        operations = ", ".join(diff.operations) or "no operations"
    return f"{diff.service} ({operations}): {diff.old.label} -> {diff.new.label}"


def _groups(diff: ApiDiff) -> list[tuple[str, list[Change]]]:
    compatible = [change for change in diff.changes if not change.breaking]
    return [("Breaking", list(diff.breaking)), ("Compatible", compatible)]


def text(diff: ApiDiff) -> str:
    """The default ``codegen diff`` output."""
    lines = [f"API diff of {_title(diff)}", summary(diff)]
    for heading, changes in _groups(diff):
        if changes:
            lines += ["", f"{heading} ({len(changes)}):"]
            lines += [f"  {describe(change)}" for change in changes]
    return "\n".join(lines) + "\n"


def markdown(diff: ApiDiff) -> str:
    """The body of a CHANGELOG entry (no heading)."""
    lines = [f"API diff of {_title(diff)}: {summary(diff)}."]
    for heading, changes in _groups(diff):
        if changes:
            lines += ["", f"{heading}:", ""]
            lines += [f"- {describe(change)}" for change in changes]
    return "\n".join(lines) + "\n"


def as_json(diff: ApiDiff) -> str:
    """``codegen diff --format json``: everything, stable key order."""
    document = {
        "service": diff.service,
        "operations": list(diff.operations),
        "old": asdict(diff.old),
        "new": asdict(diff.new),
        "breaking": bool(diff.breaking),
        "summary": {
            "breaking": len(diff.breaking),
            "compatible": len(diff.changes) - len(diff.breaking),
            "documentation": diff.documentation,
        },
        "changes": [
            {
                "kind": change.kind,
                "subject": change.subject,
                "detail": change.detail,
                "directions": list(change.directions),
                "verdict": change.rule.verdict,
                "note": change.rule.note,
                "why": change.rule.why,
            }
            for change in diff.changes
        ],
    }
    return json.dumps(document, indent=2) + "\n"
