"""The runtime as generated code names it: every generated module's one import.

Generated modules import ``from . import _runtime as _rt`` and name ``_rt.X``;
the other runtime modules and the tests import from here too. The code lives
in modules of one job each, layered so that each imports only those above it
in this list (standard library only, like all of them; botocore is only for
the client and the errors):

- ``_values``: the violations, the two errors, ``ABSENT``, paths, safe looks
  at a caller's value;
- ``_shape``: ``Shape`` (the generated structures' base) and ``Reader``;
- ``_codec_base``: the ``Codec`` protocol and the scalar codecs' base classes;
- ``_scalars``: strings, enums, numbers, booleans, timestamps;
- ``_documents``: blobs, streams, documents;
- ``_structures``: structures, event streams, unions;
- ``_containers``: lists and maps.

This module only re-exports: the names are the same objects (``_rt.X`` costs
one module attribute lookup, as before), and ``import generated.connect``
loads it (``tests/unit/test_layout.py``), which loads the modules above.
"""

from __future__ import annotations

from ._codec_base import Codec as Codec
from ._containers import List as List
from ._containers import Map as Map
from ._containers import OnePass as OnePass
from ._containers import one_pass as one_pass
from ._documents import JSON_VALUE as JSON_VALUE
from ._documents import Blob as Blob
from ._documents import Document as Document
from ._documents import Json as Json
from ._documents import Readable as Readable
from ._documents import Stream as Stream
from ._documents import is_json as is_json
from ._patterns import Pattern as Pattern
from ._scalars import Boolean as Boolean
from ._scalars import Enum as Enum
from ._scalars import Float as Float
from ._scalars import Integer as Integer
from ._scalars import String as String
from ._scalars import Timestamp as Timestamp
from ._shape import MAX_DEPTH as MAX_DEPTH
from ._shape import SENSITIVE as SENSITIVE
from ._shape import UNKNOWN_MEMBER as UNKNOWN_MEMBER
from ._shape import Reader as Reader
from ._shape import Shape as Shape
from ._shape import describe as describe
from ._shape import draft_class as draft_class
from ._shape import rebuilt as rebuilt
from ._structures import Events as Events
from ._structures import EventStream as EventStream
from ._structures import Structure as Structure
from ._structures import check_union as check_union
from ._structures import check_unknown_member as check_unknown_member
from ._structures import exactly_one as exactly_one
from ._values import ABSENT as ABSENT
from ._values import ONLY_STR as ONLY_STR
from ._values import ResponseValidationError as ResponseValidationError
from ._values import ValidationError as ValidationError
from ._values import Violation as Violation
from ._values import exact as exact
from ._values import join as join
from ._values import key_text as key_text
from ._values import show as show
from ._values import top_level_key as top_level_key

__all__ = [
    "Document",
    "EventStream",
    "Readable",
    "ResponseValidationError",
    "ValidationError",
    "Violation",
]
