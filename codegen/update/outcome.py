"""What an update did to the generated API, and how it is reported.

``api`` is what a script acts on: ``--format json`` prints it, and
``--detailed-exitcode`` turns it into the exit status (``EXIT_STATUS``).
"""

from __future__ import annotations

import enum
import json
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from codegen.apidiff import report
from codegen.apidiff.diff import ApiDiff


class Api(enum.Enum):
    """What an update did to the generated API (``--format json``'s ``api``)."""

    UNCHANGED = "unchanged"  # no generated file changed but BOTOCORE_RELEASE
    CHANGED = "changed"  # generated files changed, nothing breaks callers
    BREAKING = "breaking"  # at least one breaking change (see the API diff)


# ``--detailed-exitcode``; 2 stays "error, nothing changed", 1 an unexpected crash.
EXIT_STATUS = {Api.UNCHANGED: 0, Api.CHANGED: 3, Api.BREAKING: 4}


@dataclass(frozen=True)
class Outcome:
    """What an update did: the API diff, the files changed, the CHANGELOG entry."""

    previous: str
    version: str
    api: Api
    diff: ApiDiff | None = None
    changed: tuple[str, ...] = ()
    entry: str | None = None


def print_outcome(
    outcome: Outcome, output: Path, output_format: str, out: TextIO
) -> None:
    """The text report, or ``--format json``."""
    if output_format == "json":
        out.write(_as_json(outcome))
        return
    previous, version = outcome.previous, outcome.version
    if outcome.diff is None:
        print(
            f"botocore {version} is already pinned, installed and generated from; "
            "nothing to do",
            file=out,
        )
        return
    if outcome.api is Api.UNCHANGED:
        print(
            f"botocore {previous} -> {version}: same {outcome.diff.service} model "
            f"(sha256 {outcome.diff.new.sha256}); no change to the generated API.\n"
            f"pyproject.toml, BOTOCORE_RELEASE in {output}/__init__.py and "
            "CHANGELOG.md updated; review them (git diff).",
            file=out,
        )
        return
    out.write(report.text(outcome.diff))
    print(f"\nFiles changed in {output} ({len(outcome.changed)}):", file=out)
    for name in outcome.changed:
        print(f"  {name}", file=out)
    print(
        f"\nbotocore {previous} -> {version}: pyproject.toml, {output} "
        f"and CHANGELOG.md updated; review them (git diff), then run make test.",
        file=out,
    )
    if outcome.diff.breaking:
        print(f"{len(outcome.diff.breaking)} breaking changes: see above.", file=out)


def _as_json(outcome: Outcome) -> str:
    """``--format json``: for scripts (tools/scheduled-update.sh)."""
    document = {
        "from": outcome.previous,
        "to": outcome.version,
        "api": outcome.api.value,
        "changed_files": list(outcome.changed),
        "changelog": outcome.entry,
        "diff": json.loads(report.as_json(outcome.diff)) if outcome.diff else None,
    }
    return json.dumps(document, indent=2) + "\n"
