"""JSON Schema keywords -> pieces of Python: constraints, descriptions, union parts."""

from __future__ import annotations

from typing import Any

from .. import naming


def split_top_level(code: str) -> list[str]:
    """``A | list[B | C]`` -> ``["A", "list[B | C]"]``."""
    parts: list[str] = []
    depth = 0
    start = 0
    quote: str | None = None
    for i, ch in enumerate(code):
        if quote:
            if ch == quote and code[i - 1] != "\\":
                quote = None
        elif ch in "'\"":
            quote = ch
        elif ch in "[(":
            depth += 1
        elif ch in "])":
            depth -= 1
        elif ch == "|" and depth == 0:
            parts.append(code[start:i].strip())
            start = i + 1
    parts.append(code[start:].strip())
    return parts


# JSON Schema keyword -> pydantic ``Field`` argument, per kind of value.
_NUMBER = {
    "minimum": "ge",
    "maximum": "le",
    "exclusiveMinimum": "gt",
    "exclusiveMaximum": "lt",
    "multipleOf": "multiple_of",
}
_STRING = {"minLength": "min_length", "maxLength": "max_length", "pattern": "pattern"}
_ARRAY = {"minItems": "min_length", "maxItems": "max_length"}


def _constraints(
    node: dict[str, Any], keywords: dict[str, str], types: tuple[type, ...] = (int, float)
) -> dict[str, Any]:
    # Only values of the right JSON type; a bool is not a number here.
    return {
        arg: node[key]
        for key, arg in keywords.items()
        if isinstance(node.get(key), types) and not isinstance(node.get(key), bool)
    }


def number_constraints(node: dict[str, Any]) -> dict[str, Any]:
    return _constraints(node, _NUMBER)


def string_constraints(node: dict[str, Any]) -> dict[str, Any]:
    return _constraints(node, _STRING, (int, str))


def array_constraints(node: dict[str, Any]) -> dict[str, Any]:
    return _constraints(node, _ARRAY)


def description(node: Any) -> str | None:
    if (
        isinstance(node, dict)
        and isinstance(node.get("description"), str)
        and node["description"].strip()
    ):
        return naming.docstring(node["description"])
    return None


def literal_description(node: Any) -> str | None:
    if (
        isinstance(node, dict)
        and isinstance(node.get("description"), str)
        and node["description"].strip()
    ):
        return naming.py_literal(node["description"].strip())
    return None
