"""The one place where mcpgen corrects upstream MCP schemas before generating.

Each patch is generic (it recognises a shape, not a version or a name), is
applied to a copy, and is listed in the generated module's header so users can
see that their models deliberately differ from the upstream text.

JSON value primitives
    2026-07-28 defines ``JSONValue`` as ``anyOf [JSONObject, array of JSONValue,
    {"type": ["string", "integer", "boolean"]}]``. A JSON value can also be a
    non-integer number or null; as written, ``{"ratio": 0.5}`` in
    ``structuredContent`` is rejected. Any recursive union that has an array of
    itself and a primitive ``type`` list containing ``integer`` gets ``number``
    and ``null`` added to that list.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

from .schema import SchemaDocument


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
        applied.extend(_json_value_primitives(schema.defs_key, name, defs[name]))
    patched = SchemaDocument(schema.version, schema.origin, schema.defs_key, document)
    return patched, tuple(applied)


def _json_value_primitives(defs_key: str, name: str, node: Any) -> list[AppliedPatch]:
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
        if isinstance(types, list) and "integer" in types:
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
