"""Tool schemas on the wire, from the shared definitions in ``operations.json``.

``operations.json`` keeps every schema definition of the API once (``$defs``)
and each tool's ``inputSchema``/``outputSchema`` in reference form:
``{"$ref": "#/$defs/Name", ...}``, where keys beside the ``$ref`` are merged
over the definition. What a client sees is made from that here:

1. Inlined: every reference to a definition that is not on a reference cycle
   is replaced by the definition; definitions on a cycle stay references into
   the tool's own ``$defs``. Below the byte budget this is the whole schema.
2. Shared: over the budget, definitions the schema would repeat also go to the
   tool's ``$defs`` and are referenced, so nothing is written twice.
3. Summarised: still over the budget, levels below a depth become their type
   and description, with a note saying where the full shape is; the depth is
   the largest that fits.

Arguments are always validated against the complete schema
(``validation_schema``), never the summary. Definitions are expanded once and
shared between tools, so memory does not grow with how often they are used;
sizes are computed from the shared parts without serialising anything large.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from typing import Any

PREFIX = "#/$defs/"
DEFAULT_BUDGET = 16_000
"""Bytes of compact JSON a tool's inputSchema or outputSchema may take on the wire."""

_MAPS = ("properties", "patternProperties", "$defs", "definitions", "dependentSchemas")
_LISTS = ("allOf", "anyOf", "oneOf", "prefixItems")
_ONE = (
    "items",
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
)
_NESTED = frozenset({*_MAPS, *_LISTS, *_ONE, "$ref"})
_SUMMARY_KEYS = ("type", "format", "const", "enum", "default", "nullable")
_MAX_SUMMARY_ENUM = 400
_MAX_SUMMARY_DESCRIPTION = 300


def ref_name(node: Mapping[str, Any]) -> str | None:
    """The definition a schema node refers to, when it is a reference node."""
    ref = node.get("$ref")
    if isinstance(ref, str) and ref.startswith(PREFIX):
        return ref[len(PREFIX) :]
    return None


def children(node: Mapping[str, Any]) -> Iterator[Any]:
    """The sub-schemas of a schema node (not values such as ``default`` or ``enum``)."""
    for key, value in node.items():
        if key in _MAPS and isinstance(value, dict):
            yield from value.values()
        elif key in _LISTS and isinstance(value, list):
            yield from value
        elif key in _ONE:
            yield value


def _map(node: Any, each: Any) -> Any:
    """``node`` with ``each`` applied to every sub-schema (a new dict; values shared)."""
    if not isinstance(node, dict):
        return node
    out: dict[str, Any] = {}
    for key, value in node.items():
        if key in _MAPS and isinstance(value, dict):
            out[key] = {name: each(sub) for name, sub in value.items()}
        elif key in _LISTS and isinstance(value, list):
            out[key] = [each(sub) for sub in value]
        elif key in _ONE:
            out[key] = each(value)
        else:
            out[key] = value
    return out


class Sizes:
    """Bytes of compact UTF-8 JSON, memoised for shared objects."""

    def __init__(self) -> None:
        # Keyed by id(); the value keeps the object alive so that its id is never reused.
        self._known: dict[int, tuple[Any, int]] = {}

    def __call__(self, value: Any) -> int:
        if isinstance(value, dict):
            known = self._known.get(id(value))
            if known is not None:
                return known[1]
            total = 1 + len(value) + sum(_text(k) + 1 + self(v) for k, v in value.items())
            total = max(total, 2)
        elif isinstance(value, list):
            known = self._known.get(id(value))
            if known is not None:
                return known[1]
            total = max(1 + len(value) + sum(self(v) for v in value), 2)
        elif isinstance(value, str):
            return _text(value)
        else:
            return len(json.dumps(value))
        self._known[id(value)] = (value, total)
        return total


def _text(text: str) -> int:
    return len(json.dumps(text, ensure_ascii=False).encode("utf-8"))


class Definitions:
    """The shared definitions of one API and the expansions made from them."""

    def __init__(
        self,
        defs: Mapping[str, Any],
        recursive: frozenset[str] = frozenset(),
        *,
        inline: bool = True,
    ) -> None:
        self.defs = defs
        self.recursive = recursive
        self.inline = inline
        self.size = Sizes()
        self._expanded: dict[str, tuple[Any, frozenset[str]]] = {}
        self._uses: dict[str, dict[str, int]] = {}

    # -- 1. inlined ----------------------------------------------------------

    def expand(self, node: Any, keep: frozenset[str] = frozenset()) -> tuple[Any, set[str]]:
        """``node`` with references inlined, except to recursive definitions and ``keep``;
        returns it and the definitions it still refers to."""
        needs: set[str] = set()
        return self._expand(node, keep, needs), needs

    def _expand(self, node: Any, keep: frozenset[str], needs: set[str]) -> Any:
        if not isinstance(node, dict):
            return node
        name = ref_name(node)
        if name is None:
            return _map(node, lambda sub: self._expand(sub, keep, needs))
        result: Any
        if name not in self.defs:
            result = {"$ref": node["$ref"]}
        elif not self.inline or name in self.recursive or name in keep:
            result = {"$ref": node["$ref"]}
            needs.add(name)
        else:
            result = self._definition(name, keep, needs)
        extra = {k: v for k, v in node.items() if k != "$ref"}
        if extra and isinstance(result, dict):
            result = {**result, **self._expand(extra, keep, needs)}
        return result

    def _definition(self, name: str, keep: frozenset[str], needs: set[str]) -> Any:
        if keep:
            return self._expand(self.defs[name], keep, needs)
        cached = self._expanded.get(name)
        if cached is None:
            more: set[str] = set()
            # Inlining never recurses forever: recursive definitions stay references.
            cached = (self._expand(self.defs[name], keep, more), frozenset(more))
            self._expanded[name] = cached
        needs.update(cached[1])
        return cached[0]

    def with_defs(self, schema: Any, needs: set[str], keep: frozenset[str] = frozenset()) -> Any:
        """``schema`` with the ``$defs`` its remaining references need, sorted by name."""
        if not needs or not isinstance(schema, dict):
            return schema
        bodies: dict[str, Any] = {}
        pending = sorted(needs)
        while pending:
            name = pending.pop()
            if name in bodies:
                continue
            more: set[str] = set()
            bodies[name] = (
                self._expand(self.defs[name], keep, more)
                if keep or not self.inline
                else self._definition(name, keep, more)
            )
            pending.extend(sorted(m for m in more if m not in bodies))
        return {**schema, "$defs": dict(sorted(bodies.items()))}

    def full(self, schema: Any) -> Any:
        """The whole schema: inlined, recursive definitions in its own ``$defs``."""
        expanded, needs = self.expand(schema)
        return self.with_defs(expanded, needs)

    # -- 2. shared -----------------------------------------------------------

    def shared(self, schema: Any) -> Any:
        """The whole schema with every definition used more than once in its own ``$defs``."""
        counts: dict[str, int] = {}
        for name, count in self._references(schema).items():
            counts[name] = counts.get(name, 0) + count
        seen: set[str] = set()
        pending = list(counts)
        while pending:
            name = pending.pop()
            if name in seen or name not in self.defs:
                continue
            seen.add(name)
            for inner, count in self._uses_of(name).items():
                counts[inner] = counts.get(inner, 0) + count
                pending.append(inner)
        keep = frozenset(name for name, count in counts.items() if count > 1)
        expanded, needs = self.expand(schema, keep)
        return self.with_defs(expanded, needs, keep)

    def _uses_of(self, name: str) -> dict[str, int]:
        uses = self._uses.get(name)
        if uses is None:
            uses = self._uses[name] = self._references(self.defs[name])
        return uses

    def _references(self, node: Any) -> dict[str, int]:
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
                stack.extend(v for k, v in item.items() if k != "$ref" and k in _NESTED)
        return counts

    # -- 3. summarised ---------------------------------------------------------

    def summarised(self, schema: Any, depth: int, note: str, descriptions: bool = True) -> Any:
        """The inlined schema down to ``depth`` levels of nesting; deeper schemas become
        their type and description, and ``note`` says where the rest is."""
        expanded, _ = self.expand(schema)
        return _cut(self.resolve(expanded), depth, note, descriptions, self)

    def resolve(self, node: Any) -> Any:
        """A recursive definition's reference replaced by the definition (one level)."""
        seen = 0
        while isinstance(node, dict) and (name := ref_name(node)) in self.defs and seen < 50:
            target = self._definition(str(name), frozenset(), set())
            extra = {k: v for k, v in node.items() if k != "$ref"}
            node = {**target, **extra} if isinstance(target, dict) else target
            seen += 1
        return node

    # -- choosing -------------------------------------------------------------

    def wire(self, schema: Any, budget: int, note: str) -> Any:
        """What a client is sent: the first of inlined, shared, summarised that fits."""
        full = self.full(schema)
        if budget <= 0 or self.size(full) <= budget:
            return full
        shared = self.shared(schema)
        if self.size(shared) <= budget:
            return shared
        for depth in range(6, 0, -1):
            summary = self.summarised(schema, depth, note)
            if self.size(summary) <= budget:
                return summary
        summary = self.summarised(schema, 1, note, descriptions=False)
        if self.size(summary) <= budget:
            return summary
        return self.summarised(schema, 0, note, descriptions=False)

    def validation_schema(self, schema: Any) -> Any:
        """The complete schema, for validating: references resolve into every definition."""
        if not isinstance(schema, dict) or not self.defs:
            return schema
        return {**schema, "$defs": self.defs}


def _cut(node: Any, depth: int, note: str, descriptions: bool, defs: Definitions) -> Any:
    if not isinstance(node, dict):
        return node
    node = defs.resolve(node)
    if not isinstance(node, dict):
        return node
    if depth > 0:
        return _map(node, lambda sub: _cut(sub, depth - 1, note, descriptions, defs))
    return summary(node, note, descriptions)


def summary(node: Mapping[str, Any], note: str, descriptions: bool = True) -> dict[str, Any]:
    """A schema as its type, format, small enum, default and description, plus ``note``
    when it had a nested shape."""
    out: dict[str, Any] = {}
    for key in _SUMMARY_KEYS:
        if key in node and (key != "enum" or len(json.dumps(node[key])) <= _MAX_SUMMARY_ENUM):
            out[key] = node[key]
    if "type" not in out:
        for key in ("anyOf", "oneOf", "allOf"):
            types = {
                part.get("type")
                for part in node.get(key) or []
                if isinstance(part, dict) and isinstance(part.get("type"), str)
            }
            if types:
                out["type"] = sorted(t for t in types if t)
                break
    nested = any(key in node for key in _NESTED)
    text = node.get("description") if descriptions else None
    if isinstance(text, str) and text:
        if len(text) > _MAX_SUMMARY_DESCRIPTION:
            text = text[: _MAX_SUMMARY_DESCRIPTION - 1].rstrip() + "…"
        out["description"] = f"{text} ({note})" if nested and note else text
    elif nested and note:
        out["description"] = note
    return out


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
