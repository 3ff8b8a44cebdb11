"""The one place where mcpgen corrects upstream MCP schemas before generating.

Each patch is generic (it recognises a shape, not a version or a name), is
applied to a copy, and is listed in the generated module's header so users can
see that their models deliberately differ from the upstream text.

JSON primitive values are any number
    Upstream generates ``schema.json`` from ``schema.ts`` with
    ``--defaultNumberType integer``, and marks the fields that may be
    fractional with ``@TJS-type number``. A ``number`` that is one member of a
    union such as ``string | number | boolean`` cannot carry that tag, so it
    became ``integer``: ``{"budget": 50.0}`` in an elicitation result's form
    content is rejected, and with it every 2026-07-28 ``tools/call`` that
    carries that result in ``inputResponses``. Any ``type`` list holding
    ``string``, ``integer`` and ``boolean`` (a JSON primitive value) says
    ``number`` instead of ``integer``. Patched, per version:

    - 2025-06-18 ``ElicitResult/properties/content/additionalProperties``
    - 2025-11-25, 2026-07-28
      ``ElicitResult/properties/content/additionalProperties/anyOf/1``
    - 2026-07-28 ``JSONValue/anyOf/2``

    ``mcpgen.models.tsnumbers`` derives this list by comparing each
    ``schema.json`` with its ``schema.ts``; it is recorded in
    ``tests/cases/models/integer_fields.json``, and the tests check that this
    patch changes exactly the recorded fields (and re-derive the record when
    the ``schema.ts`` files are at hand). Every other ``integer`` is one in the
    TypeScript too (counts, sizes, milliseconds, error codes, JSON-RPC ids).

JSON value null
    2026-07-28 defines ``JSONValue`` as ``anyOf [JSONObject, array of JSONValue,
    {"type": ["string", "integer", "boolean"]}]``. A JSON value can also be
    null (``schema.ts``: ``string | number | boolean | null | ...``); as
    written, ``{"missing": null}`` in ``structuredContent`` is rejected. Any
    recursive union that has an array of itself and a primitive ``type`` list
    gets ``null`` (and ``number``, if it still lacks it) added to that list.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ..diagnostics import json_pointer
from .schema import SchemaDocument

_JSON_PRIMITIVES = frozenset({"string", "integer", "boolean"})


@dataclass(frozen=True)
class AppliedPatch:
    pointer: str
    summary: str


def apply_patches(schema: SchemaDocument) -> tuple[SchemaDocument, tuple[AppliedPatch, ...]]:
    """A patched copy of ``schema`` and what was changed."""
    document = copy.deepcopy(schema.document)
    defs = document[schema.defs_key]
    applied: list[AppliedPatch] = []
    for name in sorted(defs):
        applied.extend(_json_primitive_numbers(schema.defs_key, name, defs[name]))
        applied.extend(_json_value_null(schema.defs_key, name, defs[name]))
    patched = SchemaDocument(schema.version, schema.origin, schema.defs_key, document)
    return patched, tuple(applied)


def _nodes(node: Any, path: tuple[str | int, ...]) -> Iterator[tuple[tuple[str | int, ...], Any]]:
    """Every schema object below ``node`` (values of const/enum/default/examples left out)."""
    if isinstance(node, dict):
        yield path, node
        for key, value in node.items():
            if key not in ("const", "enum", "default", "examples"):
                yield from _nodes(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _nodes(value, (*path, index))


def _json_primitive_numbers(defs_key: str, name: str, node: Any) -> list[AppliedPatch]:
    found: list[AppliedPatch] = []
    for path, sub in _nodes(node, (defs_key, name)):
        types = sub.get("type")
        if isinstance(types, list) and _JSON_PRIMITIVES <= set(types):
            # integer is a subset of number: replaced, not added beside it.
            sub["type"] = list(dict.fromkeys("number" if t == "integer" else t for t in types))
            found.append(
                AppliedPatch(
                    json_pointer([*path, "type"]),
                    f"{name}: a JSON primitive value may be any number, not only an integer",
                )
            )
    return found


def _json_value_null(defs_key: str, name: str, node: Any) -> list[AppliedPatch]:
    if not isinstance(node, dict) or not isinstance(node.get("anyOf"), list):
        return []
    self_ref = f"#/{defs_key}/{name}"
    members = node["anyOf"]
    recursive = any(
        isinstance(m, dict)
        and m.get("type") == "array"
        and (m.get("items") or {}).get("$ref") == self_ref
        for m in members
    )
    if not recursive:
        return []
    found: list[AppliedPatch] = []
    for index, member in enumerate(members):
        types = member.get("type") if isinstance(member, dict) else None
        if isinstance(types, list) and ({"integer", "number"} & set(types)):
            missing = [t for t in ("number", "null") if t not in types]
            if missing:
                member["type"] = types + missing
                found.append(
                    AppliedPatch(
                        f"/{defs_key}/{name}/anyOf/{index}/type",
                        f"{name}: JSON values may also be {' and '.join(missing)}",
                    )
                )
    return found
