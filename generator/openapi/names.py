"""Names of tools, arguments, packages and environment variables.

Tool names satisfy the strictest clients (``^[A-Za-z0-9_-]{1,64}$``) and are
stable: a tool's name depends only on its own operation, except when two
operations would share a name, and then only those two are affected.

Rules (documented in the README):
- The name is the ``operationId``, or ``<method>_<path>`` without one; every run
  of other characters becomes ``_`` (``GET /pets/{id}`` -> ``get_pets_id``).
- A name longer than 64 characters keeps its first 55 and ends with ``_`` and 8
  hex digits of a hash of the full name.
- When several operations get the same name, one whose ``operationId`` is exactly
  that name keeps it; the others end with ``_`` and 6 hex digits of a hash of
  ``METHOD /path``.
- Argument names satisfy ``^[A-Za-z0-9_.-]{1,64}$``. Path parameters keep their
  names; a query, header, cookie or body argument whose name is taken gets a
  ``query_``, ``header_``, ``cookie_`` or ``body_`` prefix (then ``_2``, ``_3``...).
"""

from __future__ import annotations

import functools
import hashlib
import keyword
import re
import sys
from collections import defaultdict

from ..naming import snake_case

MAX_TOOL_NAME = 64
_TOOL_CHARS = re.compile(r"[^A-Za-z0-9_-]+")
_ARG_CHARS = re.compile(r"[^A-Za-z0-9_.-]+")
_RESERVED_PACKAGES = frozenset(
    {"mcp", "mcp_types", "httpx", "httpx2", "pydantic", "jsonschema", "anyio", "starlette"}
)


def _digest(text: str, size: int) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:size]


def _fit(name: str, original: str) -> str:
    if len(name) <= MAX_TOOL_NAME:
        return name
    return name[:55].rstrip("_-") + "_" + _digest(original, 8)


def candidate_tool_name(operation_id: str | None, method: str, path: str) -> tuple[str, bool]:
    """The name an operation asks for, and whether it is its operationId verbatim."""
    original = operation_id if operation_id else f"{method.lower()}_{path}"
    name = _TOOL_CHARS.sub("_", original).strip("_") or method.lower()
    if not operation_id:
        name = re.sub(r"_+", "_", name)
    verbatim = bool(operation_id) and name == operation_id and len(name) <= MAX_TOOL_NAME
    return _fit(name, original), verbatim


def assign_tool_names(requests: list[tuple[str | None, str, str]]) -> list[str]:
    """Unique names for ``(operationId, method, path)`` triples, in the same order."""
    candidates = [candidate_tool_name(*r) for r in requests]
    groups: dict[str, list[int]] = defaultdict(list)
    for i, (name, _) in enumerate(candidates):
        groups[name].append(i)
    names = [name for name, _ in candidates]
    for name, members in groups.items():
        if len(members) == 1:
            continue
        keepers = [i for i in members if candidates[i][1]]
        keeper = keepers[0] if len(keepers) == 1 else None
        for i in members:
            if i == keeper:
                continue
            _, method, path = requests[i]
            suffix = "_" + _digest(f"{method.upper()} {path}", 6)
            names[i] = name[: MAX_TOOL_NAME - len(suffix)] + suffix
    # Hash suffixes are unique in practice; make certain anyway, deterministically.
    seen: set[str] = set()
    for i, name in enumerate(names):
        counter = 2
        unique = name
        while unique in seen:
            tail = f"_{counter}"
            unique = name[: MAX_TOOL_NAME - len(tail)] + tail
            counter += 1
        seen.add(unique)
        names[i] = unique
    return names


@functools.lru_cache(maxsize=1 << 16)
def arg_name(wire: str) -> str:
    # Cached (bounded): the same wire names come back in every operation of a document.
    return (_ARG_CHARS.sub("_", wire).strip("_") or "arg")[:MAX_TOOL_NAME]


class ArgNames:
    """Allocates argument names inside one tool, by the documented priority."""

    def __init__(self) -> None:
        self.taken: set[str] = set()

    def claim(self, wire: str, prefix: str) -> str:
        base = arg_name(wire)
        if base not in self.taken:
            self.taken.add(base)
            return base
        name = arg_name(f"{prefix}_{wire}") if prefix else base
        unique, counter = name, 2
        while unique in self.taken:
            tail = f"_{counter}"
            unique = name[: MAX_TOOL_NAME - len(tail)] + tail
            counter += 1
        self.taken.add(unique)
        return unique


def project_names(name: str | None, title: str) -> tuple[str, str, str]:
    """(distribution, package, environment prefix) for ``--name`` or the API title."""
    words = snake_case(name) if name else snake_case(title)
    if not name:
        words = f"{words}_mcp" if words else "openapi_mcp"
    package = words or "openapi_mcp"
    if package[0].isdigit():
        package = "api_" + package
    if (
        keyword.iskeyword(package)
        or package in _RESERVED_PACKAGES
        or package in sys.stdlib_module_names
    ):
        package += "_server"
    stem = re.sub(r"(_mcp|_server)+$", "", package) or package
    return package.replace("_", "-"), package, stem.upper()


def env_name(*parts: str) -> str:
    return "_".join(p for p in (snake_case(part).upper() for part in parts) if p)
