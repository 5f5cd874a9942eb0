"""Python names for model names, and the one list of names a model may not take.

A model name becomes a field, a class, a module or a client method. Each must be
a valid identifier that hides nothing the generated code needs, so every name
the generated code reserves is listed here, once, with why; the model and
generate layers import these sets instead of keeping their own.

Names are resolved as the AWS SDKs do: a name that is not an identifier is
sanitised (runs of other characters become ``_``), one that is taken gets a
trailing ``_``, and the wire name is kept untouched for botocore.
"""

from __future__ import annotations

import builtins
import keyword
import re

from botocore import xform_name

# --- Reserved names, by where they would clash -----------------------------

# Python's builtins: the generated modules use some (``AttributeError``,
# ``float``, ``object``) and no shape, member local or client method should hide
# any (datazone has a shape ``AttributeError``, frauddetector a ``float``).
BUILTINS = frozenset(dir(builtins))

# Fields a member must not take: the generated classes' own methods, and the
# types and helpers their annotations and class bodies name (DynamoDB's
# AttributeValue has a member ``BOOL``; ``bool: bool | None`` would shadow it;
# appflow has ``Object`` members, and ``data: object`` is in every class).
MEMBER_RESERVED = frozenset(
    {"to_dict", "from_dict", "validate"}
    | {"bool", "bytes", "datetime", "dict", "float", "int", "list", "str"}
    | {"frozenset", "object", "tuple"}
    | {"dataclass", "field"}
)

# What a modeled error inherits (its class attributes and botocore's
# ``ClientError``); Glacier's errors have a member ``code``.
ERROR_MEMBER_RESERVED = frozenset(
    {"code", "http_status", "response", "operation_name", "args", "with_traceback"}
)

# Module-level names the generated modules define or import: a shape (class)
# must not take one, or the module's own code would see the class instead.
MODULE_NAMES = frozenset(
    {
        "Any",
        "ClassVar",
        "Literal",
        "Mapping",
        "Self",
        "TYPE_CHECKING",
        "BOTOCORE_RELEASE",
        "ParameterValidationError",
        "ParameterValidationWarning",
        "BOTOCORE_MINIMUM",
        "BOTOCORE_TESTED",
        "BotocoreModelError",
        "ResponseValidationError",
        "ValidationError",
        "Violation",
        "annotations",
        "dataclass",
        "datetime",
        "disable_validation",
        "enable_validation",
        "field",
        "get_args",
        "importlib",
        "shapes",
        "uuid",
    }
)

# Module names in ``shapes/`` that are not a structure's own module.
SHAPE_MODULES = frozenset({"enums"})

# Locals of a generated ``_from_wire``, ``_read_checked`` and ``_dict_ok``: a
# member's local must not shadow them, nor a builtin such as ``type``, which the
# fast paths call.
METHOD_LOCALS = (
    frozenset({"cls", "data", "path", "reader", "required", "mapping", "datetime"})
    | frozenset({"depth", "draft", "found", "instance", "strict"})
    | BUILTINS
)

# The typed clients' own methods and attributes (templates/client.py.j2 and
# async_client.py.j2): an operation named like one (``FromSession``, ``Close``...)
# would replace it or break it, so its method gets a trailing ``_``; a leading
# ``_`` (the client's private namespace: ``_call``, ``_client``) is dropped.
# The client module's own imports count too: the methods' annotations are
# resolved in the class body, where a method ``shapes`` would hide the module.
CLIENT_ATTRIBUTES = frozenset(
    {"from_session", "botocore_client", "aiobotocore_client", "close", "meta"}
    | {"shapes", "uuid", "botocore", "error_from_client_error"}
    | set(dir(object))
    | BUILTINS
)

# --- Sanitising ------------------------------------------------------------

_NOT_IDENTIFIER = re.compile(r"[^0-9A-Za-z_]+")


def _ascii_identifier(name: str, empty: str) -> str:
    """``name`` with every run of non-ASCII-identifier characters as one ``_``;
    ``empty`` when nothing is left, ``empty`` + ``_`` before a leading digit.

    ASCII only: Python folds other identifiers by NFKC, so two different model
    names could become one Python name without it being visible here.
    """
    cleaned = _NOT_IDENTIFIER.sub("_", name).strip("_")
    if not cleaned:
        return empty
    if cleaned[0].isdigit():
        return f"{empty}_{cleaned}"
    return cleaned


def _snake(name: str, empty: str) -> str:
    """boto3's snake_case; a name that is not an ASCII identifier is sanitised
    first (identifiers are left to ``xform_name`` as they always were)."""
    if not is_identifier(name):
        name = _ascii_identifier(name, empty)
    name = xform_name(name)
    # Two leading underscores would be mangled inside a class body.
    return name.lstrip("_") or empty if name.startswith("__") else name


def field_name(member_name: str, *, error: bool = False) -> str:
    """A member's attribute: boto3's snake_case of the name made an identifier;
    keywords and names the class needs get a trailing ``_``."""
    name = _snake(member_name, "member")
    reserved = name in MEMBER_RESERVED or (error and name in ERROR_MEMBER_RESERVED)
    if keyword.iskeyword(name) or reserved:
        return name + "_"
    return name


def botocore_method(operation_name: str) -> str:
    """The botocore client's method of an operation (boto3's name for it)."""
    return xform_name(operation_name)


def method_name(operation_name: str) -> str:
    """The typed client's method of an operation: boto3's name made a public
    identifier (``_call`` -> ``call``); keywords and the client's own names
    (``from_session`` -> ``from_session_``) get a trailing ``_``."""
    name = _snake(operation_name, "operation").lstrip("_") or "operation"
    if keyword.iskeyword(name) or name in CLIENT_ATTRIBUTES:
        return name + "_"
    return name


def is_identifier(name: str) -> bool:
    """An ASCII Python identifier (so NFKC folding cannot merge two names)."""
    return name.isidentifier() and name.isascii()


def class_name(shape_name: str) -> str:
    """A shape's class: the name made an ASCII identifier (``a b`` -> ``a_b``,
    ``""`` -> ``Shape``, ``1x`` -> ``Shape_1x``). Leading underscores go: two
    would be mangled inside a class body (23 services have ``__string``), one
    would make a name the package keeps private (``_runtime``)."""
    if is_identifier(shape_name):
        return shape_name.lstrip("_") or "Shape"
    return _ascii_identifier(shape_name, "Shape")


def codec_reference(shape_name: str) -> str:
    """How generated classes name a shape's codec: ``_codecs`` imported as ``_c``."""
    return "_c." + shape_name


# The generated module of the structures' ``TypedDict`` forms, named as
# types-boto3 names its own (``types_boto3_connect.type_defs``).
TYPE_DEFS_MODULE = "type_defs"


def type_def_name(class_name: str) -> str:
    """The ``TypedDict`` of a structure's parameter-dict form, as types-boto3 names
    it: the class name (``class_name``'s result) + ``TypeDef``
    (``StartEmailContactRequest`` -> ``StartEmailContactRequestTypeDef``). Unique:
    class names are, and the names live in their own module."""
    return class_name + "TypeDef"
