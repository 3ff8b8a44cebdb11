"""Every name and literal that reaches generated code is made here.

Names come from specifications written by other people; nothing a specification
says may break or inject code. Identifiers are valid by construction, and text
is emitted only as Python literals that evaluate back to exactly that text.
"""

from __future__ import annotations

import keyword
import math
import re
import unicodedata
from collections.abc import Collection
from typing import Any

# Attributes a pydantic model already has; a field named like one would shadow it.
_MODEL_ATTRIBUTES = frozenset(
    {
        "construct",
        "copy",
        "dict",
        "from_orm",
        "json",
        "parse_file",
        "parse_obj",
        "parse_raw",
        "schema",
        "schema_json",
        "update_forward_refs",
        "validate",
        "model_config",
        "model_fields",
        "model_computed_fields",
        "model_extra",
        "model_fields_set",
        "model_construct",
        "model_copy",
        "model_dump",
        "model_dump_json",
        "model_json_schema",
        "model_parametrized_name",
        "model_post_init",
        "model_rebuild",
        "model_validate",
        "model_validate_json",
        "model_validate_strings",
    }
)

_WORD_BOUNDARY = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
_NOT_WORD = re.compile(r"[^0-9A-Za-z]+")


def _ascii_words(text: str) -> list[str]:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words: list[str] = []
    for chunk in _NOT_WORD.split(folded):
        words.extend(w for w in _WORD_BOUNDARY.split(chunk) if w)
    return words


def snake_case(text: str) -> str:
    """``isError`` -> ``is_error``; ``io.example/clientInfo`` -> ``io_example_client_info``."""
    return "_".join(w.lower() for w in _ascii_words(text))


def pascal_case(text: str) -> str:
    """``params`` -> ``Params``; ``tools/call`` -> ``ToolsCall``; keeps ``JSONRPC`` as is."""
    return "".join(w[:1].upper() + w[1:] for w in _ascii_words(text))


def field_name(property_name: str, taken: set[str]) -> str:
    """A Python attribute name for a JSON property, unique among ``taken``."""
    name = snake_case(property_name) or "field"
    if name[0].isdigit():
        name = "field_" + name
    if keyword.iskeyword(name) or keyword.issoftkeyword(name) or name in _MODEL_ATTRIBUTES:
        name += "_"
    return unique_name(name, taken, "_")


def type_name(text: str, fallback: str, prefix: str | None = None) -> str:
    """A PascalCase name for a generated class: ``fallback`` when ``text`` has no usable
    word, and ``prefix`` (the fallback by default) before a leading digit."""
    name = pascal_case(text) or fallback
    return (prefix or fallback) + name if name[0].isdigit() else name


def argument_name(
    wire: str, taken: set[str], reserved: Collection[str] = (), fallback: str = "value"
) -> str:
    """A keyword-argument name for ``wire``: snake_case, ``fallback_`` before a leading
    digit, ``_`` appended until it is neither reserved nor ``taken``; added to ``taken``."""
    name = snake_case(wire) or fallback
    if name[0].isdigit():
        name = f"{fallback}_{name}"
    while name in reserved or name in taken:
        name += "_"
    taken.add(name)
    return name


def class_name(text: str, taken: set[str]) -> str:
    """A class or alias name, unique among ``taken``.

    Definition names that are already valid identifiers are kept exactly
    (``JSONRPCMessage`` stays ``JSONRPCMessage``) so users import what the
    specification calls it.
    """
    if text.isidentifier() and text.isascii() and not keyword.iskeyword(text) and text[0] != "_":
        name = text[0].upper() + text[1:]
    else:
        name = pascal_case(text) or "Model"
        if name[0].isdigit():
            name = "Model" + name
    return unique_name(name, taken, "")


def unique_name(name: str, taken: set[str], joiner: str) -> str:
    """``name``, else ``name`` + ``joiner`` + 2, 3...: the first not in ``taken``, which
    then holds it."""
    candidate = name
    counter = 2
    while candidate in taken:
        candidate = f"{name}{joiner}{counter}"
        counter += 1
    taken.add(candidate)
    return candidate


def py_literal(value: Any) -> str:
    """Python source for a JSON value, safe for any content."""
    if value is None or isinstance(value, (bool, int)):
        return repr(value)
    if isinstance(value, float):
        if math.isnan(value) or math.isinf(value):
            return f"float({str(value)!r})"
        return repr(value)
    if isinstance(value, str):
        return repr(value)
    if isinstance(value, list):
        return "[" + ", ".join(py_literal(v) for v in value) + "]"
    if isinstance(value, dict):
        items = ", ".join(f"{py_literal(str(k))}: {py_literal(v)}" for k, v in value.items())
        return "{" + items + "}"
    raise TypeError(f"not a JSON value: {type(value).__name__}")


def docstring(text: str) -> str:
    """A triple-quoted docstring literal that evaluates to ``text`` (trimmed).

    Falls back to a plain ``repr`` when the text cannot be written readably
    (stray backslashes, quotes at the end, control characters).
    """
    body = "\n".join(line.rstrip() for line in text.strip().splitlines())
    readable = (
        '"""' not in body
        and "\\" not in body
        and not body.endswith('"')
        and all(ch == "\n" or unicodedata.category(ch)[0] != "C" for ch in body)
    )
    if readable and "\n" in body:
        return f'"""{body}\n"""'
    if readable:
        return f'"""{body}"""'
    return repr(body)


def comment_text(text: str) -> str:
    """Text safe inside a ``#`` comment: one line, escapes visible."""
    return text.encode("unicode_escape").decode("ascii")


def _natural(text: str) -> list[tuple[int, int | str]]:
    return [
        (0, int(part)) if part.isdigit() else (1, part) for part in re.split(r"(\d+)", text) if part
    ]


def export_order(name: str) -> tuple[int, list[tuple[int, int | str]]]:
    """Sort key of ``__all__`` entries and imported names, as ruff and isort order them:
    CONSTANTS, then Classes, then everything else."""
    if name.isupper() and len(name) > 1:
        group = 0
    elif name[:1].isupper():
        group = 1
    else:
        group = 2
    return group, _natural(name)


def import_order(name: str) -> tuple[int, list[tuple[int, int | str]]]:
    """Sort key of names in one ``from x import (...)``: isort's order, case-folded."""
    group, _ = export_order(name)
    return group, _natural(name.lower())
