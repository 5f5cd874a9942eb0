"""Python names for model names: one place for botocore's snake_case and keywords."""

import keyword

from botocore import xform_name

# Names the generated classes define themselves; a member must not shadow them.
_RESERVED_ATTRIBUTES = frozenset({"to_dict", "from_dict", "validate"})


def field_name(member_name: str) -> str:
    """A member's attribute: boto3's snake_case; keywords get a trailing ``_``."""
    name = xform_name(member_name)
    if keyword.iskeyword(name) or name in _RESERVED_ATTRIBUTES:
        return name + "_"
    return name


def method_name(operation_name: str) -> str:
    """The client method of an operation, as boto3 names it."""
    return xform_name(operation_name)


def codec_reference(shape_name: str) -> str:
    """How generated classes name a shape's codec: ``_codecs`` imported as ``_c``."""
    return "_c." + shape_name
