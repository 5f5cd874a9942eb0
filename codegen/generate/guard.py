"""Where the generator may write: never over its own source, part of another
generated package, or the model it reads.

The writer replaces the whole output folder, so an output inside a generated
package (``generated/connect/shapes``) would silently replace part of it, one
inside ``codegen/`` would overwrite the generator, and one holding the model
file would delete the model.
"""

from __future__ import annotations

from pathlib import Path

from codegen.errors import CodegenError
from codegen.generate.writer import looks_generated

_SOURCE = Path(__file__).resolve().parents[1]
# The generator's own source folders: the package and its templates.
SOURCE_FOLDERS = (_SOURCE, _SOURCE.parent / "templates")


def _overlaps(first: Path, second: Path) -> bool:
    return first == second or first in second.parents or second in first.parents


def check_output(output: Path, model: Path | None) -> None:
    """Refuse an output that would replace something it must not."""
    resolved = output.resolve()
    for source in SOURCE_FOLDERS:
        if _overlaps(resolved, source):
            raise CodegenError(
                f"output folder {output} overlaps the generator's source {source}; "
                "refusing to write there"
            )
    for parent in resolved.parents:
        if looks_generated(parent):
            raise CodegenError(
                f"output folder {output} is inside the generated package {parent}; "
                "pass that package's own folder to replace it"
            )
    if resolved.is_dir() and not looks_generated(resolved):
        for child in sorted(resolved.iterdir()):
            if looks_generated(child):
                raise CodegenError(
                    f"output folder {output} holds the generated package {child}; "
                    "pass that package's own folder to replace it"
                )
    if model is not None and _overlaps(resolved, model.resolve()):
        raise CodegenError(
            f"output folder {output} overlaps the model file {model}; "
            "refusing to replace it"
        )
