"""What a schema, path or parameter looks like: small decisions the tool builder asks about."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .document import Ref, child
from .schemas import SchemaConverter


def placeholders(path: str) -> list[str]:
    out: list[str] = []
    depth_start = -1
    for i, ch in enumerate(path):
        if ch == "{":
            depth_start = i
        elif ch == "}" and depth_start >= 0:
            out.append(path[depth_start + 1 : i])
            depth_start = -1
    return out


def collection_style(node: dict[str, Any], location: str) -> tuple[str, bool]:
    fmt = node.get("collectionFormat", "csv")
    if fmt == "multi":
        return "form", True
    if fmt == "ssv":
        return "spaceDelimited", False
    if fmt == "pipes":
        return "pipeDelimited", False
    if fmt == "tsv":
        return "tabDelimited", False
    return ("form" if location in ("query", "cookie") else "simple"), False


def describe(
    schema: Any,
    description: Any,
    deprecated: bool,
    effective: Callable[[Any], Any] = lambda s: s,
    text: Callable[[str], str] = str,
) -> Any:
    """``schema`` with the parameter's description, as ``text`` writes it (unless the schema
    has its own, once ``effective`` has merged its references in) and ``deprecated``."""
    if not isinstance(schema, dict):
        return schema
    if isinstance(description, str):
        description = text(description)
    extra: dict[str, Any] = {}
    has_own = isinstance(effective(schema), dict) and "description" in effective(schema)
    if isinstance(description, str) and description.strip() and not has_own:
        extra["description"] = description.strip()
    if deprecated:
        extra["deprecated"] = True
    return {**schema, **extra} if extra else schema


def spreadable(node: Any) -> bool:
    if not isinstance(node, dict) or not isinstance(node.get("properties"), dict):
        return False
    if node.get("type") not in (None, "object"):
        return False
    if any(k in node for k in ("allOf", "anyOf", "oneOf", "not", "$ref")):
        return False
    if any(k in node for k in _OBJECT_RULES):
        return False  # a rule about the body as a whole, lost if its fields were spread
    extra = node.get("additionalProperties")
    return extra in (None, False) and node.get("nullable") is not True


_OBJECT_RULES = (
    "minProperties",
    "maxProperties",
    "patternProperties",
    "propertyNames",
    "dependencies",
    "dependentRequired",
    "dependentSchemas",
    "if",
    "unevaluatedProperties",
)
"""Keywords about an object body as a whole: such a body stays one ``body`` argument."""


def is_binary(converter: SchemaConverter, node: Any, at: Ref) -> bool:
    found = converter.resolved_object(node, at)
    if found is None:
        return False
    node, at = found
    if node.get("type") == "array":
        return is_binary(converter, node.get("items"), child(at, "items"))
    return (
        node.get("format") in ("binary", "base64")
        or node.get("type") == "file"
        or (node.get("contentMediaType") is not None and node.get("type") in (None, "string"))
    )


def read_only(converter: SchemaConverter, node: Any, at: Ref) -> bool:
    """Whether a property is the server's to set: ``readOnly`` on its schema, or beside the
    ``$ref`` that names it (``{"$ref": "#/.../Id", "readOnly": true}``: OpenAPI 3.0 says to
    ignore what is beside a ``$ref``, but authors write it so, and mean it)."""
    if isinstance(node, dict) and node.get("readOnly") is True:
        return True
    found = converter.resolved_object(node, at)
    return found is not None and found[0].get("readOnly") is True


def is_array(converter: SchemaConverter, node: Any, at: Ref) -> bool:
    found = converter.resolved_object(node, at)
    return found is not None and found[0].get("type") == "array"


def value_types(converter: SchemaConverter, schema: Any, depth: int = 0) -> set[str]:
    """The JSON types a converted schema allows, as its top says (references to
    non-recursive definitions followed, ``allOf`` parts that name types intersected);
    empty when it names none."""
    node = converter.effective(schema)
    if not isinstance(node, dict) or depth > 8:
        return set()
    kind = node.get("type")
    if isinstance(kind, str):
        return {kind}
    if isinstance(kind, list):
        return {k for k in kind if isinstance(k, str)}
    named = [value_types(converter, part, depth + 1) for part in node.get("allOf") or ()]
    named = [found for found in named if found]
    return set.intersection(*named) if named else set()


def non_empty(converter: SchemaConverter, schema: Any) -> Any:
    """``schema``, refusing an empty array (``minItems: 1``) or an empty object
    (``minProperties: 1``, unless it requires a property already): for a value that
    would vanish from the request when empty (a path segment, a required query parameter
    or form field)."""
    if not isinstance(schema, dict):
        return schema
    kinds = value_types(converter, schema)
    if kinds == {"array"}:
        return {**schema, "minItems": max(1, int(schema.get("minItems") or 0))}
    effective = converter.effective(schema)
    if kinds == {"object"} and not (isinstance(effective, dict) and effective.get("required")):
        return {**schema, "minProperties": max(1, int(schema.get("minProperties") or 0))}
    return schema


def only_value(converter: SchemaConverter, schema: Any, depth: int = 0) -> tuple[Any, ...]:
    """``(value,)`` when a converted schema allows that one value alone (``const``, or an
    ``enum`` of one, here or in an ``allOf`` part), else ``()``. Null is no such value: a
    parameter cannot send it."""
    node = converter.effective(schema)
    if not isinstance(node, dict) or depth > 8:
        return ()
    if "const" in node:
        found: tuple[Any, ...] = (node["const"],)
    elif isinstance(node.get("enum"), list) and len(node["enum"]) == 1:
        found = (node["enum"][0],)
    else:
        parts = node.get("allOf") or ()
        values = [only_value(converter, p, depth + 1) for p in parts if isinstance(p, dict)]
        found = next((v for v in values if v), ())
    return found if found and found[0] is not None else ()
