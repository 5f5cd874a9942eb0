"""Python names for model names: one place for botocore's snake_case and keywords."""

import keyword

from botocore import xform_name

# Names a member must not take: the generated classes' own methods, and the
# types and helpers their annotations and class bodies name (DynamoDB's
# AttributeValue has a member ``BOOL``; ``bool: bool | None`` would shadow it;
# appflow has ``Object`` members, and ``data: object`` is in every class).
_RESERVED_ATTRIBUTES = frozenset(
    {"to_dict", "from_dict", "validate"}
    | {"bool", "bytes", "datetime", "dict", "float", "int", "list", "str"}
    | {"frozenset", "object", "tuple"}
    | {"dataclass", "field"}
)

# What a modeled error inherits (its class attributes and botocore's
# ``ClientError``); Glacier's errors have a member ``code``.
_ERROR_ATTRIBUTES = frozenset(
    {"code", "http_status", "response", "operation_name", "args", "with_traceback"}
)


def field_name(member_name: str, *, error: bool = False) -> str:
    """A member's attribute: boto3's snake_case; keywords and names the class
    needs get a trailing ``_``."""
    name = xform_name(member_name)
    reserved = name in _RESERVED_ATTRIBUTES or (error and name in _ERROR_ATTRIBUTES)
    if keyword.iskeyword(name) or reserved:
        return name + "_"
    return name


def method_name(operation_name: str) -> str:
    """The client method of an operation, as boto3 names it."""
    return xform_name(operation_name)


def codec_reference(shape_name: str) -> str:
    """How generated classes name a shape's codec: ``_codecs`` imported as ``_c``."""
    return "_c." + shape_name
