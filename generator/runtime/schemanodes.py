"""Where a JSON Schema holds schemas (the keywords that take one, a map or a list of
them) and walking them: the definitions a schema refers to, its sub-schemas, how deep it
nests."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any

PREFIX = "#/$defs/"

SCHEMA_MAPS = ("properties", "patternProperties", "$defs", "definitions", "dependentSchemas")
"""Keywords whose value maps names to sub-schemas."""
SCHEMA_LISTS = ("allOf", "anyOf", "oneOf", "prefixItems")
"""Keywords whose value is a list of sub-schemas."""
SCHEMA_ONE = (
    "additionalProperties",
    "not",
    "if",
    "then",
    "else",
    "contains",
    "propertyNames",
    "unevaluatedItems",
    "unevaluatedProperties",
    "additionalItems",
    "contentSchema",
)
"""Keywords whose value is one sub-schema (besides ``items``, which may also be a list)."""
SCHEMA_SINGLE = ("items", *SCHEMA_ONE)
"""Keywords whose value is one sub-schema, ``items`` among them (in 2020-12 ``items`` is
one schema; its older form, a list, is ``prefixItems``)."""
NESTED = frozenset({*SCHEMA_MAPS, *SCHEMA_LISTS, *SCHEMA_SINGLE, "$ref"})
"""Keywords whose value holds schemas, and ``$ref``."""
MAX_NESTING = 200
"""The deepest JSON (arrays and objects within each other) a server sends inside a message:
the SDK's serializer refuses a message nested deeper than about 250 levels, as an internal
error that loses the whole answer (a tool list, a result)."""


def nested_deeper(value: Any, limit: int = MAX_NESTING) -> bool:
    """Whether ``value`` has arrays or objects nested more than ``limit`` deep."""
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        children: Iterable[Any]
        if isinstance(item, dict):
            children = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue
        if depth > limit:
            return True
        stack.extend((child, depth + 1) for child in children if isinstance(child, (dict, list)))
    return False


def ref_name(node: Mapping[str, Any]) -> str | None:
    """The definition a schema node refers to, when it is a reference node."""
    ref = node.get("$ref")
    if isinstance(ref, str) and ref.startswith(PREFIX):
        return ref[len(PREFIX) :]
    return None


def references(node: Any) -> dict[str, int]:
    """The definitions a schema refers to (``#/$defs/<name>``, in schema positions, not in
    values such as ``default``), each with how many times."""
    counts: dict[str, int] = {}
    stack = [node]
    while stack:
        item = stack.pop()
        if not isinstance(item, dict):
            continue
        name = ref_name(item)
        if name is not None:
            counts[name] = counts.get(name, 0) + 1
        stack.extend(children(item))
        if name is not None:
            # Keys merged beside a reference are schema keywords too.
            stack.extend(v for k, v in item.items() if k != "$ref" and k in NESTED)
    return counts


def children(node: Mapping[str, Any]) -> Iterator[Any]:
    """The sub-schemas of a schema node (not values such as ``default`` or ``enum``)."""
    for key, value in node.items():
        if key in SCHEMA_MAPS and isinstance(value, dict):
            yield from value.values()
        elif key == "dependencies" and isinstance(value, dict):
            yield from (sub for sub in value.values() if isinstance(sub, dict))
        elif key in SCHEMA_LISTS and isinstance(value, list):
            yield from value
        elif key in SCHEMA_SINGLE:
            yield value


def map_children(node: Any, each: Any) -> Any:
    """``node`` with ``each`` applied to every sub-schema (a new dict; values shared)."""
    if not isinstance(node, dict):
        return node
    out: dict[str, Any] = {}
    for key, value in node.items():
        if key in SCHEMA_MAPS and isinstance(value, dict):
            out[key] = {name: each(sub) for name, sub in value.items()}
        elif key == "dependencies" and isinstance(value, dict):
            out[key] = {
                name: each(sub) if isinstance(sub, dict) else sub for name, sub in value.items()
            }
        elif key in SCHEMA_LISTS and isinstance(value, list):
            out[key] = [each(sub) for sub in value]
        elif key in SCHEMA_SINGLE:
            out[key] = each(value)
        else:
            out[key] = value
    return out
