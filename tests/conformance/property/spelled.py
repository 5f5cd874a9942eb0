"""Read values compared type for type: the one pass against the two passes.

``==`` takes ``1`` for ``1.0``, a tuple for a list, NaN for nothing; the
property tests compare what each path read with every type spelt out.
"""

from __future__ import annotations

import dataclasses
import math


def typed(value: object) -> object:
    """``value`` with every type spelt out, so that ``1`` and ``1.0``, a list
    and a tuple, or a ``str`` and a subclass of it never compare equal (and
    NaN equals NaN). Works for any generated package's classes: a shape is a
    dataclass, a modeled error lists its typed ``_fields``."""
    fields = getattr(value, "_fields", None)
    if isinstance(value, BaseException) and fields is not None:
        names = [name for name, _ in fields]
        return (type(value), tuple((n, typed(getattr(value, n))) for n in names))
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        names = [item.name for item in dataclasses.fields(value)]
        return (type(value), tuple((n, typed(getattr(value, n))) for n in names))
    if isinstance(value, list | tuple):
        return (type(value), tuple(typed(item) for item in value))
    if isinstance(value, dict):
        return (type(value), tuple((typed(k), typed(v)) for k, v in value.items()))
    if isinstance(value, float) and math.isnan(value):
        return (float, "nan")
    return (type(value), value)
