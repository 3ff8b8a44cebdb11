"""What a schema document says, read without building anything: where a ``$ref`` leads,
whether a node is an object model (``properties``, or ``allOf`` parts that all are), the
properties and required names of one once its ``allOf`` parts are merged, a union's
members (named unions among them expanded), the property whose ``const`` tells them
apart, and whether a definition admits null. ``ModelBuilder`` asks these as it names
and types the definitions."""

from __future__ import annotations

from typing import Any

from .. import naming
from ..diagnostics import json_pointer
from .schema import SchemaDocument

# Preferred discriminator properties when several would do.
_TAG_PREFERENCE = ("type", "method", "kind", "mode")


class SchemaShapes:
    """Questions about the definitions of one schema document."""

    def __init__(self, schema: SchemaDocument) -> None:
        self.schema = schema
        self.defs: dict[str, Any] = schema.definitions
        self.ref_prefix = f"#/{schema.defs_key}/"

    def ref_name(self, ref: str) -> str:
        return ref[len(self.ref_prefix) :]

    def deref(self, node: Any) -> Any:
        seen: set[str] = set()
        while (
            isinstance(node, dict)
            and isinstance(node.get("$ref"), str)
            and node["$ref"] not in seen
        ):
            seen.add(node["$ref"])
            node = self.defs[self.ref_name(node["$ref"])]
        return node

    def _is_object_model(self, node: Any) -> bool:
        if not isinstance(node, dict):
            return False
        if "properties" in node:
            return True
        parts = node.get("allOf")
        return (
            isinstance(parts, list)
            and bool(parts)
            and all(self._is_object_model(self.deref(p)) for p in parts)
        )

    def _merge_all_of(self, node: dict[str, Any], pointer: str = "") -> dict[str, Any]:
        """Properties, required names and additionalProperties of ``node`` and its allOf parts."""
        properties: dict[str, Any] = {}
        pointers: dict[str, str] = {}
        required: list[str] = []
        additional: Any = node.get("additionalProperties", True)
        for part_pointer, part in self._all_of_parts(node, pointer):
            for prop, sub in (part.get("properties") or {}).items():
                properties[prop] = sub
                pointers[prop] = part_pointer + "/properties/" + json_pointer([prop])[1:]
            required.extend(r for r in part.get("required", []) if r not in required)
            if part is not node and part.get("additionalProperties") is False:
                additional = False
        return {
            "properties": properties,
            "pointers": pointers,
            "required": required,
            "additionalProperties": additional,
        }

    def _all_of_parts(self, node: dict[str, Any], pointer: str) -> list[tuple[str, dict[str, Any]]]:
        parts: list[tuple[str, dict[str, Any]]] = []
        for index, part in enumerate(node.get("allOf") or []):
            target_pointer = pointer + f"/allOf/{index}"
            if isinstance(part, dict) and "$ref" in part:
                ref_name = self.ref_name(part["$ref"])
                target_pointer = f"/{self.schema.defs_key}/{ref_name}"
            parts.extend(self._all_of_parts(self.deref(part), target_pointer))
        parts.append((pointer, node))
        return parts

    def _union_members(self, node: Any) -> list[Any] | None:
        if isinstance(node, dict) and "properties" not in node:
            for key in ("anyOf", "oneOf"):
                if isinstance(node.get(key), list):
                    members: list[Any] = node[key]
                    return members
        return None

    def _flatten(self, members: list[Any], pointer: str) -> list[tuple[str, Any]]:
        """Union members, with members that are themselves named unions expanded."""
        flat: list[tuple[str, Any]] = []
        for index, member in enumerate(members):
            target = self.deref(member)
            inner = self._union_members(target)
            if inner is not None and "$ref" in member:
                ref_pointer = f"/{self.schema.defs_key}/{self.ref_name(member['$ref'])}"
                key = "anyOf" if "anyOf" in target else "oneOf"
                flat.extend(self._flatten(inner, f"{ref_pointer}/{key}"))
            else:
                flat.append((f"{pointer}/{index}", member))
        return flat

    def _discriminator(self, members: list[Any]) -> str | None:
        """A required property whose const value tells every member apart, if any."""
        flat = [m for _, m in self._flatten(members, "")]
        if len(flat) < 2:
            return None
        signatures = [self._tags(m) for m in flat]
        if not all(signatures):
            return None
        common = set(signatures[0]).intersection(*signatures[1:])
        candidates = [
            prop
            for prop in common
            if len({repr(sig[prop]) for sig in signatures}) == len(signatures)
            and all(isinstance(sig[prop], str) for sig in signatures)
        ]
        if not candidates:
            return None
        return min(candidates, key=lambda p: (p not in _TAG_PREFERENCE, _rank(p), p))

    def _tags(self, member: Any) -> dict[str, Any]:
        """Required properties with a const value of an object member."""
        node = self.deref(member)
        if not self._is_object_model(node):
            return {}
        merged = self._merge_all_of(node)
        tags: dict[str, Any] = {}
        for prop, sub in merged["properties"].items():
            sub = self.deref(sub)
            if (
                prop in merged["required"]
                and isinstance(sub, dict)
                and "const" in sub
                and naming.field_name(prop, set()) == prop
            ):
                tags[prop] = sub["const"]
        return tags

    def _keys_literal(self, node: dict[str, Any]) -> str:
        """``((required keys), (optional keys))`` of an object model, as Python source."""
        merged = self._merge_all_of(node)
        required = sorted(merged["required"])
        optional = sorted(p for p in merged["properties"] if p not in required)
        return f"({_tuple_literal(required)}, {_tuple_literal(optional)})"

    def _admits_null(self, ref: str, seen: frozenset[str] = frozenset()) -> bool:
        if ref in seen:
            return False
        node = self.defs[self.ref_name(ref)]
        if not isinstance(node, dict) or node == {}:
            return True
        if "$ref" in node:
            return self._admits_null(node["$ref"], seen | {ref})
        kind = node.get("type")
        if kind == "null" or (isinstance(kind, list) and "null" in kind):
            return True
        members = self._union_members(node) or []
        return any(
            m is True
            or m == {}
            or (
                isinstance(m, dict) and ("$ref" in m and self._admits_null(m["$ref"], seen | {ref}))
            )
            or (
                isinstance(m, dict) and (m.get("type") == "null" or "null" in (m.get("type") or []))
            )
            for m in members
        )


def _tuple_literal(values: list[str]) -> str:
    if not values:
        return "()"
    if len(values) == 1:
        return f"({naming.py_literal(values[0])},)"
    return "(" + ", ".join(naming.py_literal(v) for v in values) + ")"


def _rank(prop: str) -> int:
    return _TAG_PREFERENCE.index(prop) if prop in _TAG_PREFERENCE else len(_TAG_PREFERENCE)
