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


def number_constraints(node: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, arg in (
        ("minimum", "ge"),
        ("maximum", "le"),
        ("exclusiveMinimum", "gt"),
        ("exclusiveMaximum", "lt"),
        ("multipleOf", "multiple_of"),
    ):
        value = node.get(key)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            out[arg] = value
    return out


def string_constraints(node: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, arg in (
        ("minLength", "min_length"),
        ("maxLength", "max_length"),
        ("pattern", "pattern"),
    ):
        if key in node:
            out[arg] = node[key]
    return out


def array_constraints(node: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, arg in (("minItems", "min_length"), ("maxItems", "max_length")):
        if key in node:
            out[arg] = node[key]
    return out


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
