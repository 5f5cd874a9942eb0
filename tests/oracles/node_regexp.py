"""Node's ``RegExp``: the ECMA-262 oracle of every pattern test.

Shared by ``tests/unit/test_ecma_regex.py`` (the translator, hand-picked and drawn
strings) and ``tests/conformance/property/test_patterns.py`` (every Connect pattern,
Hypothesis strings): one way to ask Node, and one record of what V8 says about the
Connect patterns that are not valid u-mode ECMA-262.
"""

from __future__ import annotations

import functools
import json
import shutil
import subprocess
import unicodedata
from bisect import bisect_right
from typing import Any

import botocore.loaders
import pytest

from codegen.model.unicode_tables import category_spans

# Reads [[pattern, [strings...], flags?], ...]; answers, per entry, either the
# list of test() results or, when the pattern is rejected, V8's reason text.
MATCH_SCRIPT = r"""
const input = JSON.parse(require("fs").readFileSync(0, "utf8"));
const output = input.map(([pattern, strings, flags = "u"]) => {
  let regexp;
  try {
    regexp = new RegExp(pattern, flags);
  } catch (error) {
    return error.message.slice(error.message.lastIndexOf(": ") + 2);
  }
  return strings.map((value) => regexp.test(value));
});
process.stdout.write(JSON.stringify(output));
"""

# Prints {category: [[first, last], ...]} for Node's General_Category data.
_CATEGORY_SCRIPT = r"""
const names = ("Lu Ll Lt Lm Lo Mn Mc Me Nd Nl No Pc Pd Ps Pe Pi Pf Po " +
               "Sm Sc Sk So Zs Zl Zp Cc Cf Co Cn").split(" ");
const parts = [];
for (let cp = 0; cp <= 0x10ffff; cp++) {
  if (cp < 0xd800 || cp > 0xdfff) parts.push(String.fromCodePoint(cp));
}
const all = parts.join("");
const output = {};
for (const name of names) {
  output[name] = [...all.matchAll(new RegExp(`\\p{${name}}+`, "gu"))].map((m) => {
    const points = [...m[0]];
    return [points[0].codePointAt(0), points[points.length - 1].codePointAt(0)];
  });
}
process.stdout.write(JSON.stringify(output));
"""


def run_node(script: str, payload: object) -> Any:
    """Run one Node process; a missing Node is a failure, not a skip."""
    node = shutil.which("node")
    if node is None:
        pytest.fail(
            "Node.js ('node' on PATH) is required: it is the ECMA-262 oracle "
            "for the pattern tests (apt-get install nodejs)",
            pytrace=False,
        )
    completed = subprocess.run(
        [node, "-e", script],
        input=json.dumps(payload),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    if completed.returncode != 0:
        pytest.fail(f"node failed: {completed.stderr.strip()}", pytrace=False)
    return json.loads(completed.stdout)


@functools.cache
def unicode_mismatches() -> frozenset[str]:
    """Characters whose General_Category differs between the generator's baked
    tables (``codegen.model.unicode_tables``) and Node's."""
    node_category: dict[int, str] = {}
    for name, runs in run_node(_CATEGORY_SCRIPT, None).items():
        for first, last in runs:
            node_category.update(dict.fromkeys(range(first, last + 1), name))
    ours: dict[int, str] = {}
    for name, spans in category_spans().items():
        for first, last in spans:
            ours.update(dict.fromkeys(range(first, last + 1), name))
    return frozenset(
        chr(cp)
        for cp in range(0x110000)
        if not 0xD800 <= cp <= 0xDFFF and node_category.get(cp) != ours.get(cp)
    )


def assigned_since_python() -> tuple[str, ...]:
    """Characters unassigned in this Python's Unicode (14.0 on 3.11) but assigned
    in the baked tables: one of each category, every 97th, and U+31350 (issue 11)."""
    table = category_spans()
    starts = [low for low, _ in table["Cn"]]
    found = []
    for cp in range(0x110000):
        if 0xD800 <= cp <= 0xDFFF or unicodedata.category(chr(cp)) != "Cn":
            continue
        index = bisect_right(starts, cp) - 1
        if index < 0 or not table["Cn"][index][0] <= cp <= table["Cn"][index][1]:
            found.append(chr(cp))
    return tuple(dict.fromkeys(["\U00031350", *found[::97]]))


def _connect_patterns() -> list[str]:
    """Every distinct ``pattern`` of the Amazon Connect model."""
    model = botocore.loaders.create_loader().load_service_model("connect", "service-2")
    return sorted({s["pattern"] for s in model["shapes"].values() if "pattern" in s})


CONNECT_PATTERNS = _connect_patterns()

# Connect patterns that are not valid u-mode ECMA-262, with V8's reason.  A model
# update that adds one must be looked at (and listed here).
CONNECT_NOT_U_MODE = {
    r"^[a-zA-Z0-9\_\-:\/$]+$": "Invalid escape",
    r"^[a-zA-Z0-9\_\-:\/]+$": "Invalid escape",
}
