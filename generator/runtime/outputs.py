"""The forms of an output schema that a server lists when responses may stray from what
the document says (``--output-schema``, ``--strict-output``): ``lenient`` keeps the
shape and drops what real responses break; ``shallow`` keeps the top-level properties'
types only.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from .schemanodes import map_children
from .schemas import Definitions

_STRICT_KEYWORDS = frozenset(
    {
        "required",
        "enum",
        "const",
        "pattern",
        "format",
        "minLength",
        "maxLength",
        "minimum",
        "maximum",
        "exclusiveMinimum",
        "exclusiveMaximum",
        "multipleOf",
        "minItems",
        "maxItems",
        "uniqueItems",
        "minProperties",
        "maxProperties",
        "dependentRequired",
        "contains",
        "propertyNames",
        "not",
    }
)
"""What real responses break: left out of output schemas unless ``--strict-output``."""


def lenient(schema: Any, top: bool = True) -> Any:
    """An output schema that responses slightly off their documented shape still satisfy:
    every value may be null, no property is required, enums and value constraints are not
    checked, numbers may come as strings, ``oneOf`` is ``anyOf`` and objects stay open.
    The shape (types, properties, items) is kept, so clients still see what to expect."""
    if not isinstance(schema, dict):
        return schema
    out: dict[str, Any] = {}
    for key, value in schema.items():
        if key in _STRICT_KEYWORDS:
            continue
        if key in ("additionalProperties", "unevaluatedProperties") and value is False:
            continue
        if key == "oneOf":
            key = "anyOf"
        out[key] = value
    out = map_children(out, lambda sub: lenient(sub, top=False))
    kind = out.get("type")
    kinds = [kind] if isinstance(kind, str) else kind if isinstance(kind, list) else None
    if kinds is not None:
        widened = list(kinds)
        if {"integer", "number"} & set(widened) and "string" not in widened:
            widened.append("string")
        if not top and "null" not in widened:
            widened.append("null")
        out["type"] = widened[0] if len(widened) == 1 else widened
    return out


def python_patterns(schema: Any) -> Any:
    """An output schema without the patterns Python's ``re`` cannot read (``\\p{L}``, which
    a document's ECMA-262 patterns may use): the official Python SDK client checks results
    with jsonschema, which reads patterns with ``re`` and fails on a schema with one it
    cannot read. (Arguments are checked by the server, as ECMA-262 reads them.)"""
    if not isinstance(schema, dict):
        return schema
    out = dict(schema)
    if isinstance(out.get("pattern"), str) and not _python_reads(out["pattern"]):
        del out["pattern"]
    keyed = out.get("patternProperties")
    if isinstance(keyed, dict) and not all(_python_reads(key) for key in keyed):
        # What such a key matched would fall to additionalProperties: the object stays open.
        del out["patternProperties"]
        out.pop("additionalProperties", None)
        out.pop("unevaluatedProperties", None)
    return map_children(out, python_patterns)


@lru_cache(maxsize=4096)
def _python_reads(pattern: str) -> bool:
    try:
        re.compile(pattern)
    except (re.error, RecursionError, OverflowError):
        return False
    return True


def shallow(schema: Any, defs: Definitions) -> dict[str, Any]:
    """Top-level properties with their types only: small, and lenient by construction."""
    schema, _ = defs.expand(schema)
    out: dict[str, Any] = {"type": "object"}
    if not isinstance(schema, dict):
        return out
    props = schema.get("properties")
    if isinstance(props, dict):
        out["properties"] = {
            key: {"type": value["type"]} if isinstance(value, dict) and "type" in value else {}
            for key, value in props.items()
        }
    if isinstance(schema.get("required"), list):
        out["required"] = schema["required"]
    return out
