"""Model fuzzer: structural mutations of the tiny and feature models.

Property: a run either exits 0 with a package that imports (every module) and
passes ``mypy --strict``, or exits 2 with exactly one stderr line starting
``codegen: error:`` and nothing written; never a traceback. The mutations
(``model_mutations.py``) delete, rename and retarget shapes and members, give
traits wrong types, NaN and strings for numbers, make lists and maps contain
themselves, and use hostile names and docs, including operations named like
the client's own methods. Examples are drawn under the ``ci`` profile (bounded,
derandomized) and judged together, so one import process and one mypy run
cover every package.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from hypothesis import strategies as st

from tests.conformance import model_mutations as mutations
from tests.conformance.property.profiles import collect

STEP = st.tuples(
    st.sampled_from(sorted(mutations.MUTATIONS)),
    st.integers(min_value=0, max_value=500),
    st.integers(min_value=0, max_value=500),
)
MUTATED = st.tuples(
    st.sampled_from(sorted(mutations.BASES)), st.lists(STEP, min_size=1, max_size=3)
)


def test_a_mutated_model_is_a_typed_package_or_one_error_line(tmp_path: Path) -> None:
    drawn = collect(MUTATED, 40)
    assert len(drawn) >= 30
    counts: Counter[str] = Counter()
    bad: dict[str, str] = {}
    written: list[str] = []
    for index, (base, steps) in enumerate(drawn):
        package = f"m{index:03d}"
        outcome = mutations.generate(mutations.mutate(base, steps), tmp_path, package)
        counts[outcome.kind] += 1
        if outcome.kind == "exit0":
            written.append(package)
        elif outcome.kind != "exit2":
            bad[f"{base} {steps}"] = f"{outcome.kind}: {outcome.stderr}"
    assert bad == {}
    assert mutations.import_failures(tmp_path, written) == {}
    assert mutations.mypy_failures(tmp_path, written) == {}
    # Both outcomes are reached, so the property is not vacuous.
    assert counts["exit0"] > 0 and counts["exit2"] > 0, counts
    print(
        f"model fuzzer: {len(drawn)} models, {counts['exit0']} exit 0 "
        f"(imported, mypy --strict clean), {counts['exit2']} exit 2 (one line)"
    )
