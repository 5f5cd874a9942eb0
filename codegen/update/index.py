"""``VERSION=latest``: the newest botocore release the package index has.

One query through pip (``pip index versions botocore``), so whatever index,
mirror or ``--find-links`` folder pip is configured with is the one asked.
"""

from __future__ import annotations

import re
import subprocess
import sys

from codegen.errors import CodegenError

_LATEST = re.compile(r"^botocore \((?P<version>[^)\s]+)\)$", re.MULTILINE)


def latest_release() -> str:
    """The newest botocore on the index; ``CodegenError`` when there is none."""
    command = [
        sys.executable, "-m", "pip", "index", "versions", "botocore",
        "--disable-pip-version-check",
    ]  # fmt: skip
    try:
        result = subprocess.run(
            command, capture_output=True, text=True, timeout=600, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        raise CodegenError(
            f"cannot ask the package index for botocore: {error}"
        ) from None
    match = _LATEST.search(result.stdout) if result.returncode == 0 else None
    if match is None:
        raise CodegenError(
            "cannot find the latest botocore release: pip found none on the "
            "package index (offline?)"
        )
    return match["version"]
