"""The method registry: which message, params and result belong to each method.

Read from the schema itself, never from a hand-kept table:
- a request or notification is a definition named ``...Request`` or
  ``...Notification`` whose ``method`` property has a ``const`` value;
- its params are the type of its ``params`` property;
- a request's result is ``<Name>Result`` (``CallToolRequest`` ->
  ``CallToolResult``), else ``EmptyResult``, else ``Result``;
- the direction comes from the unions that collect what each side sends
  (``ClientRequest``/``ClientNotification`` versus ``ServerRequest``,
  ``ServerNotification`` and, since 2026-07-28, ``InputRequest``).
"""

from __future__ import annotations

from typing import Any, Literal

from .. import naming
from .build import ModelBuilder
from .ir import Direction, MethodIR

_FROM_CLIENT = ("ClientRequest", "ClientNotification")
_FROM_SERVER = ("ServerRequest", "ServerNotification", "InputRequest")


def build_registry(builder: ModelBuilder) -> tuple[tuple[MethodIR, ...], tuple[MethodIR, ...]]:
    """Requests and notifications of one schema, sorted by method."""
    defs = builder.defs
    senders = {def_name: _members(builder, def_name) for def_name in _FROM_CLIENT + _FROM_SERVER}
    by_method: dict[str, list[str]] = {}
    for def_name, node in defs.items():
        method = _method_const(builder, node)
        if method is not None and def_name.endswith(("Request", "Notification")):
            by_method.setdefault(method, []).append(def_name)

    requests: list[MethodIR] = []
    notifications: list[MethodIR] = []
    for method in sorted(by_method):
        candidates = by_method[method]
        # A definition that is itself a sender's collection (2026-07-28's
        # ClientNotification) only says who sends the method.
        preferred = [c for c in candidates if c not in senders] or candidates
        def_name = min(preferred)
        kind: Literal["request", "notification"] = (
            "notification" if def_name.endswith("Notification") else "request"
        )
        entry = MethodIR(
            method=method,
            method_literal=naming.py_literal(method),
            kind=kind,
            direction=_direction(candidates, senders),
            message=builder.names[def_name],
            params=_params(builder, def_name),
            result=_result(builder, def_name) if kind == "request" else None,
        )
        (requests if kind == "request" else notifications).append(entry)
    return tuple(requests), tuple(notifications)


def _members(builder: ModelBuilder, def_name: str) -> set[str]:
    node = builder.defs.get(def_name)
    if not isinstance(node, dict):
        return set()
    if "properties" in node:
        return {def_name}
    found: set[str] = set()
    for key in ("anyOf", "oneOf"):
        for member in node.get(key) or []:
            if isinstance(member, dict) and isinstance(member.get("$ref"), str):
                found.add(builder.ref_name(member["$ref"]))
    return found


def _method_const(builder: ModelBuilder, node: Any) -> str | None:
    if not isinstance(node, dict):
        return None
    method = builder.deref((node.get("properties") or {}).get("method"))
    if isinstance(method, dict) and isinstance(method.get("const"), str):
        return str(method["const"])
    return None


def _direction(candidates: list[str], senders: dict[str, set[str]]) -> Direction:
    client = any(c in senders[s] for c in candidates for s in _FROM_CLIENT)
    server = any(c in senders[s] for c in candidates for s in _FROM_SERVER)
    if client and not server:
        return "client_to_server"
    if server and not client:
        return "server_to_client"
    return "both"


def _params(builder: ModelBuilder, def_name: str) -> str | None:
    node = builder.defs[def_name]
    params = (node.get("properties") or {}).get("params")
    if params is None:
        return None
    pointer = f"/{builder.schema.defs_key}/{def_name}/properties/params"
    return builder.class_for(pointer, params)


def _result(builder: ModelBuilder, def_name: str) -> str | None:
    for candidate in (def_name[: -len("Request")] + "Result", "EmptyResult", "Result"):
        if candidate in builder.defs:
            return builder.names[candidate]
    return None
