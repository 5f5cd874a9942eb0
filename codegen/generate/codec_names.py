"""The names of the codecs in ``_codecs.py``: snake_case, so ``_c.email_address_info``
(a codec) cannot be mistaken for ``shapes.EmailAddressInfo`` (its class)."""

from __future__ import annotations

import keyword
from collections.abc import Iterable

from botocore import xform_name

from codegen.model.naming import BUILTINS

# What ``_codecs.py`` itself names (its imports and the builtins its annotations
# use: a shape called ``List`` must not make ``list`` a codec there).
_TAKEN = frozenset({"annotations", "datetime", "get_args", "shapes"}) | BUILTINS


def codec_names(shape_names: Iterable[str]) -> dict[str, str]:
    """Shape name -> codec name, unique in the module (``ARN`` and ``Arn`` are
    both ``arn`` in snake_case: the later one in sorted order gets ``arn_``)."""
    names: dict[str, str] = {}
    used: set[str] = set()
    for shape_name in sorted(shape_names):
        name = xform_name(shape_name).lower()
        if keyword.iskeyword(name) or name in _TAKEN:
            name += "_"
        while name in used:
            name += "_"
        used.add(name)
        names[shape_name] = name
    return names
