"""JSON Schemas inside a contract: valid, and every reference resolvable inside the contract."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import unquote

from ..client.schemas import SCHEMA_LIST_KEYS, SCHEMA_MAP_KEYS, SCHEMA_VALUE_KEYS
from ..diagnostics import MCPGenError, json_pointer

Pointer = tuple[str | int, ...]

_DEF_PREFIX = "#/$defs/"
# The schema keywords that hold schemas, as the client's schema walk knows them.
_SCHEMA_ONE = SCHEMA_VALUE_KEYS
_SCHEMA_LISTS = SCHEMA_LIST_KEYS
_SCHEMA_MAPS = SCHEMA_MAP_KEYS


def check_schema(schema: Any, defs: dict[str, Any], origin: str, at: Pointer) -> None:
    """A valid JSON Schema (2020-12 unless ``$schema`` says otherwise) whose references
    stay in the contract: ``#/$defs/Name`` names a definition of the schema's own ``$defs``
    or else of the contract's; other fragments are JSON pointers inside the schema."""
    import jsonschema

    if not isinstance(schema, dict):
        return
    cls = jsonschema.validators.validator_for(schema, default=jsonschema.Draft202012Validator)
    error = jsonschema.exceptions.best_match(cls(cls.META_SCHEMA).iter_errors(schema))
    if error is not None:
        where = json_pointer((*at, *error.absolute_path))
        raise MCPGenError(origin, where, f"not a valid JSON Schema: {error.message}")
    own = schema.get("$defs") if at[0] != "$defs" else None
    own_defs = own if isinstance(own, dict) else {}
    for path, node in _subschemas(schema, ()):
        for key in ("$dynamicRef", "$recursiveRef"):
            if key in node:
                raise MCPGenError(
                    origin,
                    json_pointer((*at, *path, key)),
                    f"{key} is not supported; use $ref",
                )
        ref = node.get("$ref")
        if ref is None:
            continue
        where = json_pointer((*at, *path, "$ref"))
        if not isinstance(ref, str) or not ref.startswith("#/") and ref != "#":
            raise MCPGenError(
                origin,
                where,
                f"$ref {ref!r} must be '#/$defs/<Name>' naming a definition of the contract's"
                " $defs, or a JSON pointer inside the same schema (files and URLs are never"
                " read)",
            )
        if ref.startswith(_DEF_PREFIX):
            target = _unescape(ref[len(_DEF_PREFIX) :])
            if target in own_defs or target in defs:
                continue
            raise MCPGenError(
                origin,
                where,
                f"$ref {ref!r} does not resolve: the contract's $defs has no {target!r}",
            )
        if at[0] == "$defs" or not _resolves(schema, ref):
            raise MCPGenError(origin, where, f"$ref {ref!r} does not resolve inside its schema")


def _unescape(part: str) -> str:
    return unquote(part).replace("~1", "/").replace("~0", "~")


def _resolves(root: Any, ref: str) -> bool:
    """Whether the JSON pointer fragment ``ref`` names a schema inside ``root``."""
    node = root
    for raw in ref[2:].split("/") if ref != "#" else []:
        part = _unescape(raw)
        if isinstance(node, dict) and part in node:
            node = node[part]
        elif isinstance(node, list) and part.isdigit() and int(part) < len(node):
            node = node[int(part)]
        else:
            return False
    return isinstance(node, dict | bool)


def _subschemas(node: Any, path: Pointer) -> Iterator[tuple[Pointer, dict[str, Any]]]:
    if not isinstance(node, dict):
        return
    yield path, node
    for key, value in node.items():
        if key in _SCHEMA_ONE and isinstance(value, dict):
            yield from _subschemas(value, (*path, key))
        elif key in _SCHEMA_LISTS and isinstance(value, list):
            for index, item in enumerate(value):
                yield from _subschemas(item, (*path, key, index))
        elif key in _SCHEMA_MAPS and isinstance(value, dict):
            for name, item in value.items():
                yield from _subschemas(item, (*path, key, name))
