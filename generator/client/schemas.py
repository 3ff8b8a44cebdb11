"""A tool's schemas made safe to hand to datamodel-code-generator.

datamodel-code-generator follows every ``$ref`` it meets (local files, URLs) and types
whatever a schema says, even when the result cannot pass ``mypy --strict`` or changes the
values a caller sends. So each schema is first checked against its dialect's
meta-schema, then copied keeping only what typing needs:

- references are resolved inside the tool's own schema, every target moved into ``$defs``
  under a fresh name (so cycles stay cycles); a reference that leaves the schema (a file,
  a URL) or does not resolve is a problem, never followed;
- string formats keep their Python type only when callers naturally hold that type
  (``date``, ``date-time``, ``time``, ``duration``, ``uuid``); URIs, e-mail addresses,
  host names, IP addresses, paths and the rest stay ``str`` and are sent exactly as given;
- ``enum`` loses duplicates and values a ``Literal`` cannot hold, ``const`` likewise;
- ``default`` is kept only when it is a plain value that the schema itself accepts;
- ``pattern``, ``multipleOf`` and ``uniqueItems`` are left to the server: client-side
  regex engines and float arithmetic disagree with the server's, and ``uniqueItems`` would
  type arrays as sets.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from typing import Any
from urllib.parse import unquote

import jsonschema
import jsonschema.exceptions
import jsonschema.validators

from ..diagnostics import json_pointer
from ..naming import pascal_case

Path = tuple[str | int, ...]

SCHEMA_VALUE_KEYS = frozenset(
    {
        "additionalProperties",
        "items",
        "additionalItems",
        "contains",
        "propertyNames",
        "not",
        "if",
        "then",
        "else",
        "unevaluatedItems",
        "unevaluatedProperties",
        "contentSchema",
    }
)
SCHEMA_LIST_KEYS = frozenset({"allOf", "anyOf", "oneOf", "prefixItems", "items"})
SCHEMA_MAP_KEYS = frozenset(
    {"properties", "patternProperties", "$defs", "definitions", "dependentSchemas", "dependencies"}
)
REF_KEYS = ("$ref", "$dynamicRef", "$recursiveRef")

# Formats whose Python type a caller holds anyway; every other format is typed ``str``.
TYPED_FORMATS = {
    "string": frozenset({"date", "date-time", "time", "duration", "uuid"}),
    "integer": frozenset({"int32", "int64"}),
    "number": frozenset({"float", "double"}),
}
_NUMBER_KEYS = ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum")
_COUNT_KEYS = ("minLength", "maxLength", "minItems", "maxItems", "minProperties", "maxProperties")
_SCALARS = (str, int, float, bool, type(None))


class SchemaProblem(Exception):
    """A schema mcpgen cannot type: where (path inside the schema) and why."""

    def __init__(self, path: Path, message: str) -> None:
        super().__init__(message)
        self.path = path
        self.message = message


_DIALECTS: dict[str, type[Any]] = {
    str(cls.META_SCHEMA.get("$id") or cls.META_SCHEMA.get("id")).rstrip("#"): cls
    for cls in (
        jsonschema.Draft3Validator,
        jsonschema.Draft4Validator,
        jsonschema.Draft6Validator,
        jsonschema.Draft7Validator,
        jsonschema.Draft201909Validator,
        jsonschema.Draft202012Validator,
    )
}


def validator_class(schema: dict[str, Any]) -> type[Any]:
    """The schema's dialect (its ``$schema``), JSON Schema 2020-12 as MCP says by default."""
    dialect = schema.get("$schema")
    if isinstance(dialect, str):
        return _DIALECTS.get(dialect.rstrip("#"), jsonschema.Draft202012Validator)
    return jsonschema.Draft202012Validator


def check_meta(schema: dict[str, Any]) -> None:
    """Raise a SchemaProblem at the first place the schema breaks its meta-schema."""
    cls = validator_class(schema)
    error = jsonschema.exceptions.best_match(cls(cls.META_SCHEMA).iter_errors(schema))
    if error is not None:
        raise SchemaProblem(tuple(error.absolute_path), f"not a valid JSON schema: {error.message}")


def subschemas(node: Any, path: Path = ()) -> Iterator[tuple[Path, dict[str, Any]]]:
    """Every object schema inside ``node`` (itself included), only at schema positions:
    never inside ``default``, ``examples``, ``enum``, ``const`` or extension keywords."""
    if not isinstance(node, dict):
        return
    yield path, node
    for key, value in node.items():
        if key in SCHEMA_VALUE_KEYS and isinstance(value, dict):
            yield from subschemas(value, (*path, key))
        elif key in SCHEMA_LIST_KEYS and isinstance(value, list):
            for index, item in enumerate(value):
                yield from subschemas(item, (*path, key, index))
        elif key in SCHEMA_MAP_KEYS and isinstance(value, dict):
            for name, item in value.items():
                yield from subschemas(item, (*path, key, name))


def _pointer_parts(fragment: str) -> list[str]:
    parts = unquote(fragment).split("/")[1:]
    return [p.replace("~1", "/").replace("~0", "~") for p in parts]


def _outside(root: dict[str, Any], ref: str, path: Path) -> None:
    """A SchemaProblem unless ``ref`` stays inside ``root`` (a fragment, or ``root``'s own
    ``$id`` followed by one): files and URLs are never read."""
    base = ref.partition("#")[0]
    own_id = root.get("$id")
    if base and not (isinstance(own_id, str) and base == own_id.partition("#")[0]):
        raise SchemaProblem(
            path, f"$ref {ref!r} points outside the tool's schema; mcpgen does not follow it"
        )


def _locate(root: dict[str, Any], ref: str, anchors: dict[str, Path], path: Path) -> Path:
    """The path inside ``root`` that a reference names, or a SchemaProblem."""
    _outside(root, ref, path)
    fragment = ref.partition("#")[2]
    if fragment and not fragment.startswith("/"):
        if fragment not in anchors:
            raise SchemaProblem(path, f"$ref {ref!r} names no anchor of the tool's schema")
        return anchors[fragment]
    node: Any = root
    target: list[str | int] = []
    step: str | int
    for part in _pointer_parts(fragment) if fragment else []:
        if isinstance(node, dict) and part in node:
            node, step = node[part], part
        elif isinstance(node, list) and part.isdigit() and int(part) < len(node):
            node, step = node[int(part)], int(part)
        else:
            raise SchemaProblem(path, f"$ref {ref!r} does not resolve inside the tool's schema")
        target.append(step)
    if not isinstance(node, dict | bool):
        raise SchemaProblem(path, f"$ref {ref!r} does not point to a schema")
    return tuple(target)


def _at(root: dict[str, Any], path: Path) -> Any:
    node: Any = root
    for part in path:
        node = node[part]
    return node


class _Copier:
    """Builds the typed copy of one schema: see the module docstring."""

    def __init__(self, root: dict[str, Any]) -> None:
        self.root = root
        self.anchors: dict[str, Path] = {}
        for path, node in subschemas(root):
            for key in ("$anchor", "$dynamicAnchor"):
                if isinstance(node.get(key), str):
                    self.anchors.setdefault(node[key], path)
        self.names: dict[Path, str] = {}
        self.stack: list[Path] = []
        self.taken: set[str] = set()
        self.defs: dict[str, Any] = {}

    def _name(self, path: Path, hint: str) -> str:
        if path not in self.names:
            base = pascal_case(hint) or "Schema"
            name, counter = base, 2
            while name in self.taken:
                name, counter = f"{base}{counter}", counter + 1
            self.taken.add(name)
            self.names[path] = name
        return self.names[path]

    def build(self) -> dict[str, Any]:
        top = self.copy(self.root, ())
        if not isinstance(top, dict):  # a root that is only a $ref to a boolean schema
            top = {"allOf": [top]}
        pending = list(self.names.items())
        while pending:
            path, name = pending.pop(0)
            if name not in self.defs:
                self.defs[name] = True  # placeholder: a cycle comes back here
                self.stack.append(path)
                self.defs[name] = self.copy(_at(self.root, path), path)
                self.stack.pop()
                pending.extend((p, n) for p, n in self.names.items() if n not in self.defs)
        if self.defs:
            top["$defs"] = dict(sorted(self.defs.items()))
        return top

    def ref(self, ref: str, path: Path) -> Any:
        """What a reference becomes: object schemas (named models) and references on a
        cycle point into ``$defs``; anything else is copied in place, so an argument typed
        by a referenced ``enum`` or ``string`` is a plain ``Literal`` or ``str``."""
        target = _locate(self.root, ref, self.anchors, path)
        node = _at(self.root, target)
        object_like = isinstance(node, dict) and (
            node.get("type") == "object" or "properties" in node
        )
        if object_like or target in self.stack:
            hint = str(target[-1]) if target else "Root"
            return {"$ref": f"#/$defs/{self._name(target, hint)}"}
        self.stack.append(target)
        try:
            return self.copy(node, target)
        finally:
            self.stack.pop()

    def copy(self, node: Any, path: Path) -> Any:
        if isinstance(node, bool):
            return node
        if not isinstance(node, dict):
            raise SchemaProblem(path, "not a schema")
        refs = [key for key in REF_KEYS if key in node]
        if refs:
            value = node[refs[0]]
            if not isinstance(value, str):
                raise SchemaProblem((*path, refs[0]), "$ref is not a string")
            resolved = self.ref(value, (*path, refs[0]))
            rest = self.copy({k: v for k, v in node.items() if k not in REF_KEYS}, path)
            if not rest:
                return resolved
            if isinstance(resolved, dict) and set(rest) <= {"description", "default"}:
                return {**resolved, **rest}
            return {"allOf": [resolved], **rest}
        out: dict[str, Any] = {}
        kind = node.get("type")
        if isinstance(kind, str) or (
            isinstance(kind, list) and kind and all(isinstance(k, str) for k in kind)
        ):
            out["type"] = kind
        for key in ("description",):
            if isinstance(node.get(key), str):
                out[key] = node[key]
        if node.get("nullable") is True:
            out["nullable"] = True
        self._numbers(node, out)
        for key in _COUNT_KEYS:
            value = node.get(key)
            if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
                out[key] = value
        self._format(node, out)
        self._values(node, out)
        for key in ("properties",):
            children = node.get(key)
            if isinstance(children, dict):
                out[key] = {
                    name: self.copy(child, (*path, key, name)) for name, child in children.items()
                }
        required = node.get("required")
        if isinstance(required, list):
            out["required"] = list(dict.fromkeys(r for r in required if isinstance(r, str)))
        for key in ("additionalProperties",):
            if key in node:
                out[key] = self.copy(node[key], (*path, key))
        items = node.get("items")
        if isinstance(items, list):
            # Drafts before 2020-12 write a tuple as an ``items`` list.
            if items:
                out["prefixItems"] = [
                    self.copy(item, (*path, "items", i)) for i, item in enumerate(items)
                ]
            if "additionalItems" in node:
                out["items"] = self.copy(node["additionalItems"], (*path, "additionalItems"))
        elif "items" in node:
            out["items"] = self.copy(items, (*path, "items"))
        for key in ("prefixItems", "allOf", "anyOf", "oneOf"):
            members = node.get(key)
            if isinstance(members, list) and members:
                out[key] = [self.copy(m, (*path, key, i)) for i, m in enumerate(members)]
        return out

    @staticmethod
    def _numbers(node: dict[str, Any], out: dict[str, Any]) -> None:
        for key in _NUMBER_KEYS:
            value = node.get(key)
            if (
                isinstance(value, int | float)
                and not isinstance(value, bool)
                and math.isfinite(value)
            ):
                out[key] = value
        # Draft 4: a boolean exclusiveMinimum makes minimum exclusive.
        for flag, bound in (("exclusiveMinimum", "minimum"), ("exclusiveMaximum", "maximum")):
            if node.get(flag) is True and bound in out:
                out[flag] = out.pop(bound)

    @staticmethod
    def _format(node: dict[str, Any], out: dict[str, Any]) -> None:
        form, kind = node.get("format"), node.get("type")
        if isinstance(form, str) and isinstance(kind, str) and form in TYPED_FORMATS.get(kind, ()):
            out["format"] = form

    @staticmethod
    def _values(node: dict[str, Any], out: dict[str, Any]) -> None:
        enum = node.get("enum")
        if isinstance(enum, list) and enum and all(isinstance(v, _SCALARS) for v in enum):
            unique: dict[tuple[str, str], Any] = {}
            for value in enum:
                unique.setdefault((type(value).__name__, repr(value)), value)
            out["enum"] = list(unique.values())
        if "const" in node and isinstance(node["const"], _SCALARS):
            out["const"] = node["const"]
        default = node.get("default")
        finite = not isinstance(default, float) or math.isfinite(default)
        if isinstance(default, _SCALARS) and default is not None and finite:
            out["default"] = default


def _drop_bad_defaults(schema: dict[str, Any]) -> None:
    """Keep each ``default`` only where the copied schema itself accepts it."""
    validator = jsonschema.Draft202012Validator(schema)
    for _, node in subschemas(schema):
        if "default" not in node:
            continue
        default = node.pop("default")
        if "format" not in node and validator.evolve(schema=node).is_valid(default):
            node["default"] = default


def prepare(schema: dict[str, Any]) -> dict[str, Any]:
    """The copy of ``schema`` that datamodel-code-generator may see, or a SchemaProblem.

    The copy refers to nothing outside itself, so no file or URL can be read."""
    check_meta(schema)
    for path, node in subschemas(schema):
        for key in REF_KEYS:
            if isinstance(node.get(key), str):
                _outside(schema, node[key], (*path, key))
        if path and isinstance(node.get("$id"), str):
            raise SchemaProblem(
                (*path, "$id"), "$id inside a tool's schema is not supported (references move)"
            )
    copy = _Copier(schema).build()
    try:
        _drop_bad_defaults(copy)
    except jsonschema.exceptions.RefResolutionError as exc:  # pragma: no cover - refs are local
        raise SchemaProblem((), f"unresolvable reference: {exc}") from None
    return copy


def pointer(prefix: Path, path: Path) -> str:
    return json_pointer((*prefix, *path))
