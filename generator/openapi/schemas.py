"""OpenAPI schemas to self-contained JSON Schema (2020-12), as MCP clients read it.

Every ``$ref`` target is converted once and memoised, and becomes
``{"$ref": "#/$defs/Name"}`` (keys beside a ``$ref`` are kept beside it, merged
over the target, or under ``allOf`` where they conflict with it or the target
is recursive). ``definitions()`` is the table of every target used, each
once: the generated project stores it once, and the runtime
(``mcpgen.runtime.schemas``) inlines what a tool's schema uses, keeping
targets on a reference cycle in the tool's own ``$defs``. Cycles are found
with Tarjan's algorithm over the reference graph, explored lazily from the
targets actually used.

OpenAPI dialects are normalised: ``nullable`` (3.0) and ``x-nullable``
(Swagger 2.0) become ``null`` in ``type``/``enum``; boolean
``exclusiveMinimum``/``exclusiveMaximum`` become numbers; Swagger's
``type: file`` becomes a file argument; annotations that only bloat a tool list
(``example``, ``xml``, ``discriminator``, ``externalDocs``, ``x-*``) are dropped.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

from ..graphs import strongly_connected
from ..runtime.schemanodes import PREFIX, SCHEMA_LISTS, SCHEMA_MAPS, SCHEMA_ONE, references
from .document import JSON, DocumentSet, Ref, RefError, child
from .keywords import (
    CHECKED,
    CONVERTED,
    DROPPED,
    KNOWN_FORMATS,
    UNFOLLOWED,
    compiles,
    keyword_problem,
    known_type,
    mentions_null,
)

Warn = Callable[[str, Ref, str], None]

_SCHEMA_MAPS, _SCHEMA_LISTS, _SCHEMA_ONE = (
    frozenset(SCHEMA_MAPS),
    frozenset(SCHEMA_LISTS),
    frozenset(SCHEMA_ONE),
)
_DEF_NAME = re.compile(r"[^A-Za-z0-9_.-]+")

FILE_SCHEMA: dict[str, Any] = {
    "type": "object",
    "description": "A file: its content as text, or base64 when encoding is 'base64'.",
    "properties": {
        "content": {"type": "string"},
        "encoding": {"enum": ["text", "base64"], "default": "text"},
        "filename": {"type": "string"},
        "contentType": {"type": "string"},
    },
    "required": ["content"],
    "additionalProperties": False,
}


class SchemaConverter:
    """Converts schema nodes of one document set; shared by every tool of a project."""

    def __init__(
        self,
        docs: DocumentSet,
        version: str,
        *,
        keep_refs: bool,
        warn: Warn,
        text: Callable[[str], str] = str,
    ) -> None:
        self.docs = docs
        self.legacy = not version.startswith("3.1")
        self.swagger = version.startswith("2.")
        self.keep_refs = keep_refs
        self.text = text
        self.warn = warn
        self._targets: dict[Ref, tuple[JSON, frozenset[Ref]]] = {}
        self._in_progress: set[Ref] = set()
        self._component: dict[Ref, int] = {}
        self._recursive: set[Ref] = set()
        self._edge_cache: dict[Ref, list[Ref]] = {}
        self._names: dict[Ref, str] = {}
        self._by_name: dict[str, Ref] = {}
        self._taken: set[str] = set()
        self._formats_seen: set[str] = set()
        self._used: set[Ref] = set()

    # -- public -----------------------------------------------------------

    def convert(self, node: JSON, at: Ref, needs: set[Ref]) -> JSON:
        """The JSON Schema for ``node`` (found at ``at``); recursive targets go to ``needs``."""
        if isinstance(node, bool):
            if self.legacy:
                self.warn("W-SCHEMA-BOOL", at, "boolean schema before OpenAPI 3.1; translated")
            # MCP clients expect objects where a schema goes: true is {}, false is "not {}".
            return {} if node else {"not": {}}
        if not isinstance(node, dict):
            self.warn("W-SCHEMA-TYPE", at, "schema is not an object; treated as 'any value'")
            return {}
        if "$ref" in node:
            return self._reference(node, at, needs)
        out: dict[str, Any] = {}
        for key, value in node.items():
            if key not in CONVERTED:  # most keywords: looked up once
                if not key.startswith("x-"):
                    out[key] = value
                continue
            if key in DROPPED or key.startswith("x-"):
                continue
            if key in UNFOLLOWED:
                self.warn("W-SCHEMA-REF", child(at, key), f"{key} is not supported; dropped")
                continue
            if key in CHECKED:
                problem = keyword_problem(key, value)
                if problem is not None:
                    self.warn("W-SCHEMA-KEYWORD", child(at, key), f"{key} {problem}; dropped")
                    continue
            if key == "dependencies" and isinstance(value, dict):
                out[key] = {
                    name: (
                        sub
                        if isinstance(sub, list)
                        else self.convert(sub, child(at, key, name), needs)
                    )
                    for name, sub in value.items()
                }
                continue
            if key == "pattern" and not compiles(value):
                self.warn(
                    "W-SCHEMA-PATTERN",
                    child(at, key),
                    "pattern is not a valid regular expression; dropped",
                )
                continue
            if key == "type" and not known_type(value):
                self.warn("W-SCHEMA-TYPE", child(at, key), f"unknown type {value!r}; dropped")
                continue
            if key in _SCHEMA_MAPS and isinstance(value, dict):
                out[key] = {
                    name: self.convert(sub, child(at, key, name), needs)
                    for name, sub in value.items()
                }
            elif key in _SCHEMA_LISTS and isinstance(value, list):
                out[key] = [
                    self.convert(sub, child(at, key, i), needs) for i, sub in enumerate(value)
                ]
            elif key == "items":
                if isinstance(value, list):
                    out["prefixItems"] = [
                        self.convert(sub, child(at, key, i), needs) for i, sub in enumerate(value)
                    ]
                else:
                    out[key] = self.convert(value, child(at, key), needs)
            elif key == "additionalProperties" and isinstance(value, bool):
                out[key] = value  # a boolean here is valid OpenAPI 3.0 and Swagger 2.0
            elif key in _SCHEMA_ONE:
                out[key] = self.convert(value, child(at, key), needs)
            elif key in ("exclusiveMinimum", "exclusiveMaximum") and isinstance(value, bool):
                bound = "minimum" if key == "exclusiveMinimum" else "maximum"
                if value and bound in node:
                    out[key] = node[bound]
            elif key == "required" and not isinstance(value, list):
                self.warn("W-SCHEMA-REQUIRED", child(at, key), "'required' is not a list; ignored")
            elif key == "description" and isinstance(value, str):
                out[key] = self.text(value)
            elif key == "type" and value == "file":
                out.update(FILE_SCHEMA)
            elif key == "format" and isinstance(value, str):
                if value not in KNOWN_FORMATS and value not in self._formats_seen:
                    self._formats_seen.add(value)
                    self.warn("W-SCHEMA-FORMAT", child(at, key), f"unknown format {value!r}; kept")
                out[key] = value
            else:
                if key == "type" and self.legacy and mentions_null(value):
                    self.warn(
                        "W-SCHEMA-NULL", child(at, key), "type 'null' before OpenAPI 3.1; kept"
                    )
                out[key] = value
        for key in ("exclusiveMinimum", "exclusiveMaximum"):
            bound = "minimum" if key == "exclusiveMinimum" else "maximum"
            if isinstance(node.get(key), bool) and node[key] and bound in node:
                out.pop(bound, None)
        if node.get("nullable") is True or node.get("x-nullable") is True:
            return _nullable(out)
        return out

    def definitions(self) -> tuple[dict[str, JSON], frozenset[str], dict[str, RefError]]:
        """Every target a converted schema refers to, by name (sorted), the names of those
        on a reference cycle, and the names of those that cannot be converted (a ``$ref``
        in them that cannot be followed: a missing target, a ``$ref`` that is no string),
        each with its error. Those are left out; what refers to them is broken too
        (``broken_names``)."""
        bodies: dict[str, JSON] = {}
        recursive: set[str] = set()
        broken: dict[str, RefError] = {}
        pending = sorted(self._used, key=self.def_name)
        done: set[Ref] = set()
        while pending:
            target = pending.pop()
            if target in done:
                continue
            done.add(target)
            name = self.def_name(target)
            try:
                body, more = self.target(target)
            except RefError as exc:
                broken[name] = exc
                continue
            bodies[name] = body
            if self._is_recursive(target):
                recursive.add(name)
            pending.extend(sorted((m for m in more if m not in done), key=self.def_name))
        return dict(sorted(bodies.items())), frozenset(recursive), broken

    def effective(self, node: JSON) -> JSON:
        """What a converted node is once references to non-recursive targets are merged
        in (the top level only): for questions such as "has it a type?"."""
        for _ in range(50):
            if not isinstance(node, dict) or "$ref" not in node:
                return node
            ref = node["$ref"]
            target = self._by_name.get(ref[len(PREFIX) :]) if isinstance(ref, str) else None
            if target is None or self.keep_refs or self._is_recursive(target):
                return node
            body = self.target(target)[0]
            extra = {k: v for k, v in node.items() if k != "$ref"}
            node = {**body, **extra} if isinstance(body, dict) else body
        return node

    def resolved_object(self, node: JSON, at: Ref) -> tuple[dict[str, Any], Ref] | None:
        """The schema object behind ``node`` and where it is; None when a ``$ref`` is broken
        or the schema is not an object (for shape questions, which then answer no)."""
        try:
            node, at = self.resolve(node, at)
        except RefError:
            return None
        return (node, at) if isinstance(node, dict) else None

    def resolve(self, node: JSON, at: Ref) -> tuple[JSON, Ref]:
        """Follow ``$ref``s to the schema itself (for shape decisions, not for output)."""
        return self.docs.deref(node, at)

    def target(self, ref: Ref) -> tuple[JSON, frozenset[Ref]]:
        """The converted schema at ``ref`` and the recursive targets it needs (memoised)."""
        cached = self._targets.get(ref)
        if cached is not None:
            return cached
        if ref in self._in_progress:
            # Only reachable if cycle detection missed a cycle; never inline forever.
            return {"$ref": "#/$defs/" + self.def_name(ref)}, frozenset({ref})
        self._in_progress.add(ref)
        try:
            needs: set[Ref] = set()
            node, real = self.docs.locate(ref)
            converted = self.convert(node, real, needs)
        finally:
            self._in_progress.discard(ref)
        result = (converted, frozenset(needs))
        self._targets[ref] = result
        return result

    def def_name(self, ref: Ref) -> str:
        name = self._names.get(ref)
        if name is None:
            last = ref.pointer.rsplit("/", 1)[-1].replace("~1", "/").replace("~0", "~")
            if not last:
                last = ref.uri.rstrip("/").rsplit("/", 1)[-1].split(".")[0]
            base = _DEF_NAME.sub("_", last).strip("_") or "Schema"
            name, counter = base, 2
            while name in self._taken:
                name, counter = f"{base}_{counter}", counter + 1
            self._taken.add(name)
            self._names[ref] = name
            self._by_name[name] = ref
        return name

    # -- references -------------------------------------------------------

    def _reference(self, node: dict[str, Any], at: Ref, needs: set[Ref]) -> JSON:
        target = self.docs.target(node["$ref"], at)
        # A broken reference fails here, at its own location; so do references to something
        # that is not a schema, and chains of references that loop without a schema in them.
        found, real = self.docs.locate(target, origin=at)
        if not isinstance(found, (dict, bool)) or (isinstance(found, dict) and _not_schema(found)):
            raise RefError(at.uri, at.pointer, f"$ref {node['$ref']!r} is not a schema")
        if isinstance(found, dict) and "$ref" in found:
            self.docs.deref(found, real)
        needs.add(target)
        self._used.add(target)
        result: dict[str, Any] = {"$ref": PREFIX + self.def_name(target)}
        siblings = {k: v for k, v in node.items() if k != "$ref"}
        # Null beside a reference ({"$ref": ..., "nullable": true}) widens what it names;
        # made alone, it would be an anyOf of the other keys and null, which the type the
        # reference names then refuses null through.
        nullable = siblings.pop("nullable", None) is True
        nullable = siblings.pop("x-nullable", None) is True or nullable
        merged = self._beside(result, siblings, at, needs, found) if siblings else result
        if not nullable:
            return merged
        shape = dict(merged)
        said = {k: shape.pop(k) for k in _ANNOTATIONS if k in shape}
        return {"anyOf": [shape, {"type": "null"}], **said}

    def _beside(
        self,
        result: dict[str, Any],
        siblings: dict[str, Any],
        at: Ref,
        needs: set[Ref],
        target: JSON,
    ) -> dict[str, Any]:
        """A reference with the keywords written beside it. A ``type`` beside it that no
        value of the referenced schema has (Xero's ``{"$ref": ".../Contact", "type":
        "string"}``) would leave nothing to send: OpenAPI 3.0 says to ignore it, and it is
        dropped with a warning."""
        named = None
        if isinstance(target, dict):
            named = target.get("type") or ("object" if "properties" in target else None)
        if _disjoint(siblings.get("type"), named):
            self.warn(
                "W-SCHEMA-TYPE",
                child(at, "type"),
                f"type {siblings['type']!r} beside a $ref to a schema of type {named!r} "
                "contradicts it; the reference's type is kept",
            )
            siblings = {k: v for k, v in siblings.items() if k != "type"}
            if not siblings:
                return result
        extra = self.convert(siblings, at, needs)
        body = self.effective(result)
        if not isinstance(extra, dict) or not extra or not isinstance(body, dict):
            return result
        if "$ref" in body or "type" in extra and extra.get("type") != body.get("type"):
            return {"allOf": [result], **extra}
        return {**result, **extra}

    def _is_recursive(self, ref: Ref) -> bool:
        if ref not in self._component:
            self._tarjan(ref)
        return ref in self._recursive

    def _edges(self, ref: Ref) -> list[Ref]:
        known = self._edge_cache.get(ref)
        if known is not None:
            return known
        # A target converted already names the targets it refers to: its schema is not
        # walked again. (Sorted: the graph is explored in the same order on every run.)
        converted = self._targets.get(ref)
        found = sorted(converted[1]) if converted is not None else self._find_edges(ref)
        self._edge_cache[ref] = found
        return found

    def _find_edges(self, ref: Ref) -> list[Ref]:
        try:
            node, real = self.docs.locate(ref)
        except RefError:
            return []
        found: list[Ref] = []
        _collect_refs(node, real, self.docs, found)
        return found

    def _tarjan(self, start: Ref) -> None:
        # Components found earlier stay final, so exploring lazily from each new start is exact.
        for component in strongly_connected([start], self._edges, self._component):
            for member in component:
                self._component[member] = len(self._component)
            if len(component) > 1 or component[0] in self._edges(component[0]):
                self._recursive.update(component)


def broken_names(
    definitions: Mapping[str, JSON], broken: Mapping[str, RefError]
) -> dict[str, RefError]:
    """The definitions that cannot be converted and every definition that refers to one
    of them, however indirectly, each with the error of a broken one it reaches."""
    out = dict(broken)
    refers = {name: references(body) for name, body in definitions.items()}
    changed = True
    while changed:
        changed = False
        for name, names in refers.items():
            if name in out:
                continue
            reached = next((n for n in sorted(names) if n in out), None)
            if reached is not None:
                out[name] = out[reached]
                changed = True
    return out


def _collect_refs(node: JSON, at: Ref, docs: DocumentSet, found: list[Ref]) -> None:
    """Targets of the ``$ref``s in schema positions of ``node`` (not in examples or defaults)."""
    if not isinstance(node, dict):
        return
    if "$ref" in node:
        try:
            found.append(docs.target(node["$ref"], at))
        except RefError:
            pass
    for key, value in node.items():
        if key in _SCHEMA_MAPS and isinstance(value, dict):
            for name, sub in value.items():
                _collect_refs(sub, child(at, key, name), docs, found)
        elif (key in _SCHEMA_LISTS or key == "items") and isinstance(value, list):
            for i, sub in enumerate(value):
                _collect_refs(sub, child(at, key, i), docs, found)
        elif key in _SCHEMA_ONE or key == "items":
            _collect_refs(value, child(at, key), docs, found)
        elif key == "dependencies" and isinstance(value, dict):
            for name, sub in value.items():
                _collect_refs(sub, child(at, key, name), docs, found)


_DOCUMENT_KEYS = frozenset(
    {"openapi", "swagger", "paths", "info", "components", "servers", "operationId", "responses"}
)


def _not_schema(node: dict[str, Any]) -> bool:
    """A document, a paths map or an operation, which a ``$ref`` to a schema must not reach."""
    return bool(_DOCUMENT_KEYS & set(node)) or any(
        isinstance(k, str) and k.startswith("/") for k in node
    )


def _disjoint(one: Any, other: Any) -> bool:
    """Whether two ``type`` values, both given, have no JSON type in common (an integer is
    a number)."""

    def kinds(value: Any) -> set[str] | None:
        found = (
            {value} if isinstance(value, str) else set(value) if isinstance(value, list) else None
        )
        if found is not None and "integer" in found:
            found.add("number")
        return found

    first, second = kinds(one), kinds(other)
    if first is None or second is None:
        return False
    return not first & second


_ANNOTATIONS = ("title", "description", "deprecated", "readOnly", "writeOnly", "examples")
"""What a schema says about a value rather than checks: kept at the top of a nullable one."""


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    out = dict(schema)
    kind = out.get("type")
    if "enum" in out and isinstance(out["enum"], list) and None not in out["enum"]:
        out["enum"] = [*out["enum"], None]
    if isinstance(kind, str):
        out["type"] = [kind, "null"] if kind != "null" else kind
        return out
    if isinstance(kind, list):
        if "null" not in kind:
            out["type"] = [*kind, "null"]
        return out
    if "enum" in out:
        return out
    return {"anyOf": [out, {"type": "null"}]}


def is_object_schema(converter: SchemaConverter, node: JSON, at: Ref, depth: int = 0) -> bool:
    """True when every value the schema admits is a JSON object (so it can be an
    MCP ``outputSchema`` or be spread into tool arguments as is)."""
    found = converter.resolved_object(node, at) if depth <= 20 else None
    if found is None:
        return False
    node, at = found
    if node.get("nullable") is True or node.get("x-nullable") is True:
        return False
    kind = node.get("type")
    if kind == "object":
        return True
    if kind is not None:
        return False
    if "properties" in node or "additionalProperties" in node:
        return True
    parts = node.get("allOf")
    if isinstance(parts, list) and parts:
        return any(
            is_object_schema(converter, part, child(at, "allOf", i), depth + 1)
            for i, part in enumerate(parts)
        )
    for key in ("oneOf", "anyOf"):
        options = node.get(key)
        if isinstance(options, list) and options:
            return all(
                is_object_schema(converter, part, child(at, key, i), depth + 1)
                for i, part in enumerate(options)
            )
    return False
