"""Schemas JSON can write: NaN and infinities (a ``float('nan')`` default) left out."""

from __future__ import annotations

import math
from typing import Any

_SCHEMA_MAPS = frozenset(
    {"properties", "$defs", "definitions", "patternProperties", "dependentSchemas"}
)
_SCHEMA_LISTS = frozenset({"anyOf", "oneOf", "allOf", "prefixItems"})
_SCHEMA_VALUES = frozenset(
    {
        "items",
        "additionalProperties",
        "not",
        "contains",
        "if",
        "then",
        "else",
        "propertyNames",
        "unevaluatedItems",
        "unevaluatedProperties",
    }
)


def finite(schema: Any, pointer: str = "") -> tuple[Any, list[str]]:
    """``schema`` without the keywords whose values hold NaN or infinity (a ``default`` of
    ``float('nan')``), which JSON cannot write; and the JSON pointers of those left out."""
    if not isinstance(schema, dict):
        return schema, []
    out: dict[str, Any] = {}
    removed: list[str] = []
    for key, value in schema.items():
        here = f"{pointer}/{key.replace('~', '~0').replace('/', '~1')}"
        if key in _SCHEMA_MAPS and isinstance(value, dict):
            out[key] = {}
            for name, sub in value.items():
                out[key][name], lost = finite(
                    sub, f"{here}/{name.replace('~', '~0').replace('/', '~1')}"
                )
                removed.extend(lost)
        elif key in _SCHEMA_LISTS and isinstance(value, list):
            out[key] = []
            for index, sub in enumerate(value):
                kept, lost = finite(sub, f"{here}/{index}")
                out[key].append(kept)
                removed.extend(lost)
        elif key in _SCHEMA_VALUES and isinstance(value, dict):
            out[key], lost = finite(value, here)
            removed.extend(lost)
        elif _non_finite(value):
            removed.append(here)
        else:
            out[key] = value
    return out, removed


def _non_finite(value: Any) -> bool:
    if isinstance(value, float):
        return not math.isfinite(value)
    if isinstance(value, dict):
        return any(_non_finite(v) for v in value.values())
    if isinstance(value, (list, tuple)):
        return any(_non_finite(v) for v in value)
    return False
