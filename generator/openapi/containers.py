"""The containers of an OpenAPI document's root are of the type its version says: what
references point into is an error otherwise, what gives only defaults is left out."""

from __future__ import annotations

from typing import Any

from ..diagnostics import MCPGenError, json_pointer
from .document import DocumentSet, Ref
from .schemas import Warn

_OBJECTS_3 = ("components", "webhooks")
_COMPONENTS = (
    "schemas",
    "responses",
    "parameters",
    "examples",
    "requestBodies",
    "headers",
    "securitySchemes",
    "links",
    "callbacks",
    "pathItems",
)
_OBJECTS_2 = ("definitions", "parameters", "responses", "securityDefinitions")
_LISTS_3 = ("servers", "tags", "security")
_LISTS_2 = ("schemes", "consumes", "produces", "security", "tags")
_TEXTS_2 = ("host", "basePath")
_KINDS: dict[type, str] = {dict: "an object", list: "an array", str: "a string"}


def check_containers(docs: DocumentSet, version: str, warn: Warn) -> None:
    """The document's own containers are of the type its OpenAPI version says, or absent or
    null. Those that references point into (``components`` and its maps, Swagger's
    ``definitions``...) make a one-line error naming them, not a failure further on; those
    that only give defaults or descriptions (``servers``, ``tags``, ``security``, Swagger's
    ``schemes``, ``consumes``, ``host``...) are left out with a warning, as if absent."""
    root: dict[str, Any] = docs.root
    needed: list[tuple[str, ...]]
    optional: list[tuple[str, type]]
    if version.startswith("2."):
        needed = [(key,) for key in _OBJECTS_2]
        optional = [(key, list) for key in _LISTS_2] + [(key, str) for key in _TEXTS_2]
    else:
        needed = [(key,) for key in _OBJECTS_3] + [("components", key) for key in _COMPONENTS]
        optional = [(key, list) for key in _LISTS_3]
    for path in needed:
        node: Any = root
        for key in path:
            node = node.get(key) if isinstance(node, dict) else None
        if node is not None and not isinstance(node, dict):
            message = f"{path[-1]!r} must be an object, not {_kind_of(node)}"
            raise MCPGenError(docs.origin, json_pointer(path), message)
    for key, kind in optional:
        node = root.get(key)
        if node is not None and not isinstance(node, kind):
            at = Ref(docs.root_uri, json_pointer((key,)))
            warn("W-DOC-TYPE", at, f"{key!r} is {_kind_of(node)}, not {_KINDS[kind]}; ignored")
            del root[key]


def _kind_of(node: Any) -> str:
    return _KINDS.get(type(node)) or ("a boolean" if isinstance(node, bool) else "a number")
