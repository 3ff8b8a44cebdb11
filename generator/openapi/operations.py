"""Operations of a document, in one shape for Swagger 2.0 and OpenAPI 3.x.

``Operation`` holds the raw nodes with their locations; parameters are merged
(path-level, then operation-level by name and location) and Swagger 2.0 body
and form parameters become a request body like OpenAPI 3's.
"""

from __future__ import annotations

import fnmatch
from dataclasses import dataclass, field
from typing import Any

from .document import JSON, DocumentSet, Ref, RefError, as_dict, as_list, child

METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


class Unexpressible(Exception):
    """An operation that cannot become a tool; it is skipped with this reason."""

    def __init__(self, at: Ref, message: str) -> None:
        super().__init__(message)
        self.at = at
        self.message = message


@dataclass(frozen=True)
class Param:
    name: str
    location: str
    node: dict[str, Any]
    at: Ref


@dataclass(frozen=True)
class BodyField:
    name: str
    schema: JSON
    at: Ref
    required: bool
    description: str = ""


@dataclass
class RequestBody:
    """A request body: one media type chosen, with its schema (or form fields)."""

    media_type: str
    schema: JSON
    at: Ref
    required: bool
    description: str = ""
    fields: list[BodyField] | None = None
    """Swagger 2.0 formData parameters, already split into fields."""
    encoding: dict[str, Any] = field(default_factory=dict)
    """OpenAPI 3 ``encoding`` of form fields (style, explode)."""


@dataclass
class Operation:
    method: str
    path: str
    node: dict[str, Any]
    at: Ref
    item_at: Ref
    shared: list[Any] = field(default_factory=list)
    """Path-level parameters, before resolution."""
    params: list[Param] = field(default_factory=list)
    body: RequestBody | None = None

    @property
    def operation_id(self) -> str | None:
        value = self.node.get("operationId")
        return value if isinstance(value, str) and value.strip() else None

    @property
    def label(self) -> str:
        return f"{self.method.upper()} {self.path}"

    @property
    def tags(self) -> tuple[str, ...]:
        tags = self.node.get("tags")
        return tuple(str(t) for t in tags) if isinstance(tags, list) else ()


@dataclass(frozen=True)
class Filters:
    include_tags: tuple[str, ...] = ()
    exclude_tags: tuple[str, ...] = ()
    include_operations: tuple[str, ...] = ()
    exclude_operations: tuple[str, ...] = ()
    paths: tuple[str, ...] = ()
    methods: tuple[str, ...] = ()
    include_deprecated: bool = False

    def reason_to_skip(self, op: Operation, tool_name: str) -> str | None:
        names = [n for n in (op.operation_id, tool_name) if n]

        def matches(patterns: tuple[str, ...]) -> bool:
            return any(fnmatch.fnmatchcase(n, p) for n in names for p in patterns)

        if self.methods and op.method.upper() not in {m.upper() for m in self.methods}:
            return "method not selected"
        if self.paths and not any(fnmatch.fnmatchcase(op.path, p) for p in self.paths):
            return "path not selected"
        if self.include_tags and not set(op.tags) & set(self.include_tags):
            return "tag not selected"
        if self.exclude_tags and set(op.tags) & set(self.exclude_tags):
            return "tag excluded"
        if self.include_operations and not matches(self.include_operations):
            return "operation not selected"
        if self.exclude_operations and matches(self.exclude_operations):
            return "operation excluded"
        if op.node.get("deprecated") is True and not self.include_deprecated:
            return "deprecated (pass --include-deprecated to keep it)"
        return None


def operations(docs: DocumentSet, version: str) -> tuple[list[Operation], list[tuple[Ref, str]]]:
    """Every operation, plus the path items that could not be read (location, reason)."""
    root = docs.root
    root_at = Ref(docs.root_uri, "")
    paths = root.get("paths")
    found: list[Operation] = []
    broken: list[tuple[Ref, str]] = []
    if not isinstance(paths, dict):
        return found, broken
    for path, item in paths.items():
        item_at = child(root_at, "paths", path)
        if path.startswith("x-"):
            continue
        try:
            item, item_at = docs.deref(item, item_at)
        except RefError as exc:
            broken.append((Ref(exc.uri, exc.pointer), f"path item {path!r}: {exc.message}"))
            continue
        if not isinstance(item, dict):
            continue
        shared = as_list(item.get("parameters"))
        for method in METHODS:
            node = item.get(method)
            if not isinstance(node, dict):
                continue
            found.append(
                Operation(method, str(path), node, child(item_at, method), item_at, shared)
            )
    return found, broken


def resolve_parameters(docs: DocumentSet, op: Operation, version: str) -> None:
    """Fill ``op.params`` and ``op.body`` (Swagger body and formData included)."""
    merged: dict[tuple[str, str], Param] = {}
    own = as_list(op.node.get("parameters"))
    sources = [(child(op.item_at, "parameters", i), p) for i, p in enumerate(op.shared)]
    sources += [(child(op.at, "parameters", i), p) for i, p in enumerate(own)]
    for at, raw in sources:
        try:
            node, at = docs.deref(raw, at)
        except RefError as exc:
            raise Unexpressible(Ref(exc.uri, exc.pointer), exc.message) from None
        if not isinstance(node, dict) or not isinstance(node.get("name"), str):
            raise Unexpressible(at, "parameter without a name")
        location = node.get("in")
        if location not in ("path", "query", "header", "cookie", "body", "formData"):
            raise Unexpressible(
                at, f"parameter {node['name']!r} is in {location!r}, not a known place"
            )
        merged[(node["name"], str(location))] = Param(node["name"], str(location), node, at)
    params = list(merged.values())
    op.params = [p for p in params if p.location not in ("body", "formData")]
    if version.startswith("2."):
        op.body = _swagger_body(docs, op, params)
    else:
        op.body = _openapi_body(docs, op)


def consumes(docs: DocumentSet, op: Operation) -> list[str]:
    value = op.node.get("consumes", docs.root.get("consumes"))
    return [str(v) for v in value] if isinstance(value, list) else []


def produces(docs: DocumentSet, op: Operation) -> list[str]:
    value = op.node.get("produces", docs.root.get("produces"))
    return [str(v) for v in value] if isinstance(value, list) else []


def _swagger_body(docs: DocumentSet, op: Operation, params: list[Param]) -> RequestBody | None:
    body = [p for p in params if p.location == "body"]
    form = [p for p in params if p.location == "formData"]
    types = consumes(docs, op)
    if body:
        p = body[0]
        media = choose_media_type(types) or "application/json"
        return RequestBody(
            media,
            p.node.get("schema", {}),
            child(p.at, "schema"),
            p.node.get("required") is True,
            str(p.node.get("description") or ""),
        )
    if form:
        has_file = any(p.node.get("type") == "file" for p in form)
        if (
            has_file
            or "multipart/form-data" in types
            and "application/x-www-form-urlencoded" not in types
        ):
            media = "multipart/form-data"
        else:
            media = "application/x-www-form-urlencoded"
        fields = [
            BodyField(
                p.name,
                _swagger_param_schema(p.node),
                p.at,
                p.node.get("required") is True,
                str(p.node.get("description") or ""),
            )
            for p in form
        ]
        return RequestBody(media, {}, op.at, any(f.required for f in fields), fields=fields)
    return None


_SCHEMA_KEYS = (
    "type",
    "format",
    "items",
    "enum",
    "default",
    "minimum",
    "maximum",
    "exclusiveMinimum",
    "exclusiveMaximum",
    "minLength",
    "maxLength",
    "pattern",
    "minItems",
    "maxItems",
    "uniqueItems",
    "multipleOf",
    "x-nullable",
)


def _swagger_param_schema(node: dict[str, Any]) -> dict[str, Any]:
    return {k: node[k] for k in _SCHEMA_KEYS if k in node}


def swagger_param_schema(node: dict[str, Any]) -> dict[str, Any]:
    """The schema of a Swagger 2.0 non-body parameter (its own keywords)."""
    return _swagger_param_schema(node)


def _openapi_body(docs: DocumentSet, op: Operation) -> RequestBody | None:
    raw = op.node.get("requestBody")
    if raw is None:
        return None
    try:
        node, at = docs.deref(raw, child(op.at, "requestBody"))
    except RefError as exc:
        raise Unexpressible(Ref(exc.uri, exc.pointer), exc.message) from None
    content = node.get("content") if isinstance(node, dict) else None
    if not isinstance(content, dict) or not content:
        return None
    media = choose_media_type(list(content))
    if media is None:
        raise Unexpressible(child(at, "content"), f"no usable media type among {sorted(content)}")
    entry = content[media] if isinstance(content[media], dict) else {}
    return RequestBody(
        media,
        entry.get("schema", {}),
        child(at, "content", media, "schema"),
        node.get("required") is True,
        str(node.get("description") or ""),
        encoding=as_dict(entry.get("encoding")),
    )


def media_kind(media: str) -> str:
    base = media.split(";")[0].strip().lower()
    if base == "application/json" or base.endswith(("+json", "/json")) or "json" in base:
        return "json"
    if base == "application/x-www-form-urlencoded":
        return "form"
    if base.startswith("multipart/"):
        return "multipart"
    if base.startswith("text/") or base.endswith(("+xml", "/xml")):
        return "text"
    return "binary"


CONCRETE_MEDIA = {
    "json": "application/json",
    "form": "application/x-www-form-urlencoded",
    "multipart": "multipart/form-data",
    "text": "text/plain",
    "binary": "application/octet-stream",
}
"""What a body of each kind is sent as where its document gives a range (``application/*+json``,
``*/*``): a ``Content-Type`` names one media type."""


def choose_media_type(types: list[str]) -> str | None:
    """The media type a body is sent in: the first kind of ``json``, ``form``,
    ``multipart``, ``text``, ``binary`` that the document offers; within it
    ``application/json`` first, then the others in the document's order, JSON Patch
    (RFC 6902: a list of operations, not the resource's own shape) and ranges
    (``application/*+json``) last."""
    for want in ("json", "form", "multipart", "text", "binary"):
        found = [t for t in types if media_kind(t) == want]
        if found:
            return min(
                found,
                key=lambda t: (
                    is_range(t),
                    _base(t) == "application/json-patch+json",
                    _base(t) != "application/json",
                ),
            )
    return None


def is_range(media: str) -> bool:
    """Whether a media type is a range (``*/*``, ``application/*+json``), not one type."""
    return "*" in _base(media)


def _base(media: str) -> str:
    return media.split(";")[0].strip().lower()
