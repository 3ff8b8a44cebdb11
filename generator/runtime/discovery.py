"""Discovery mode: a small fixed set of tools in front of a large API.

Instead of one tool per operation, the server lists these, whose names and
shapes are part of mcpgen's documented interface:

- ``search_operations(query, limit=10, tag=None)``: the operations that best
  answer a plain-language request, with what a model needs to choose one
  (method, path, summary, tags, required arguments).
- ``list_operation_groups()``: the API's groups (tags) and how many operations
  each has, for models that prefer to browse first; ``search_operations`` with
  a ``tag`` and an empty query lists a group.
- ``describe_operation(operation, at=None)``: an operation's title,
  description, input and output schemas (within a budget; ``at`` is a JSON
  pointer into the input schema for a part that was summarised) and
  annotations.
- ``call_operation(operation, arguments)``: calls a read-only (GET or HEAD)
  operation; ``call_write_operation`` calls any other. Arguments are checked
  against the operation's complete input schema, and the result is exactly
  what the operation's own tool would return.

An operation is named by its name, by its name in other letter case or with other
separators ("get_pet", "get-pet" for "getPet") where no other operation has it so, or by its
method and path as search shows them ("GET /pets/{petId}"); an unknown name's error
suggests what search finds for it where it is words, else the nearest names.

Read-only tools say so in their annotations, so that clients can keep
approving reads automatically and ask before writes.
"""

from __future__ import annotations

import json
import re
from collections.abc import Awaitable, Callable, Iterable, Mapping
from functools import partial
from typing import Any

import anyio
from mcp import types

from .catalog import Catalog, shown
from .results import error_result
from .search import MAX_QUERY, Index
from .unknown import NEAREST, Aliases, did_you_mean, nearest_names

SEARCH = "search_operations"
GROUPS = "list_operation_groups"
DESCRIBE = "describe_operation"
CALL = "call_operation"
CALL_WRITE = "call_write_operation"
READ_METHODS = frozenset({"GET", "HEAD"})
MAX_LIMIT = 50
DESCRIBE_BUDGET_FACTOR = 4
"""describe_operation shows schemas up to this many times the tool-list budget."""

_RESULT = {
    "type": "object",
    "properties": {
        "operation": {"type": "string", "description": "the name to describe or call"},
        "method": {"type": "string"},
        "path": {"type": "string"},
        "summary": {"type": "string"},
        "tags": {"type": "array", "items": {"type": "string"}},
        "required": {
            "type": "array",
            "items": {"type": "string"},
            "description": "arguments the operation cannot be called without",
        },
    },
    "required": ["operation", "method", "path", "summary", "tags", "required"],
}
_READ = {"readOnlyHint": True, "destructiveHint": False, "idempotentHint": True}
_OPERATION = {"type": "string", "description": "an operation name from search_operations"}
_ARGUMENTS = {
    "type": "object",
    "description": "the operation's arguments, as its inputSchema (describe_operation) says",
    "default": {},
}


_NAMES_AN_API = re.compile(r"\bAPIs?\b", re.IGNORECASE)


def _api_name(title: str) -> str:
    """How the tools name the API: its title, with " API" after it unless the title says
    so itself ("Stripe API", "GitHub v3 REST API")."""
    return title if _NAMES_AN_API.search(title) else f"{title} API"


def tools(spec: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The discovery tools as ``tools/list`` shows them (wire JSON)."""
    api = _api_name(" ".join(str(spec["server"]["title"]).split()))
    count = spec.get("operationCount", 0)
    return [
        {
            "name": SEARCH,
            "title": "Search operations",
            "description": (
                f"Find the {api} operations (of {count}) that do what you ask, best "
                "first. Describe the task in plain words, e.g. 'cancel a subscription' or "
                "'who can see this document'. Each result has the operation's name, HTTP "
                "method, path, summary, tags and required arguments; pass the name to "
                f"{DESCRIBE} for its full input schema, then to {CALL} (GET and HEAD) or "
                f"{CALL_WRITE} (everything else)."
            ),
            "inputSchema": {
                "type": "object",
                "properties": {
                    "query": {
                        "type": "string",
                        "maxLength": MAX_QUERY,
                        "description": "what you want to do",
                    },
                    "limit": {
                        "type": "integer",
                        "minimum": 1,
                        "maximum": MAX_LIMIT,
                        "default": 10,
                        "description": "how many results at most",
                    },
                    "tag": {
                        "type": "string",
                        "description": f"only operations of this group ({GROUPS} lists them)",
                    },
                },
                "required": ["query"],
                "additionalProperties": False,
            },
            "outputSchema": {
                "type": "object",
                "properties": {"results": {"type": "array", "items": _RESULT}},
                "required": ["results"],
            },
            "annotations": {**_READ, "openWorldHint": False},
        },
        {
            "name": GROUPS,
            "title": "List operation groups",
            "description": (
                f"The groups (tags) of the {api}'s operations, with how many operations "
                f"each has and what it is about. {SEARCH} with a tag and an empty query "
                "lists a group's operations."
            ),
            "inputSchema": {"type": "object", "properties": {}, "additionalProperties": False},
            "outputSchema": {
                "type": "object",
                "properties": {
                    "groups": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "properties": {
                                "tag": {"type": "string"},
                                "operations": {"type": "integer"},
                                "description": {"type": "string"},
                            },
                            "required": ["tag", "operations"],
                        },
                    }
                },
                "required": ["groups"],
            },
            "annotations": {**_READ, "openWorldHint": False},
        },
        {
            "name": DESCRIBE,
            "title": "Describe an operation",
            "description": (
                "An operation's title, description, HTTP method and path, input schema (the "
                "arguments to pass), output schema and annotations. Parts of a large schema "
                "may be summarised; pass a JSON pointer into the input schema as 'at' (e.g. "
                "'/properties/body') for that part in full."
            ),
            "inputSchema": {
                "type": "object",
                "properties": {
                    "operation": _OPERATION,
                    "at": {
                        "type": "string",
                        "description": "a JSON pointer into the input schema, for one part",
                    },
                },
                "required": ["operation"],
                "additionalProperties": False,
            },
            "annotations": {**_READ, "openWorldHint": False},
        },
        {
            "name": CALL,
            "title": "Call a read-only operation",
            "description": (
                f"Call a read-only operation (HTTP GET or HEAD) of the {api} with its "
                f"arguments, as {DESCRIBE} describes them. Changes nothing. Use "
                f"{CALL_WRITE} for other operations."
            ),
            "inputSchema": {
                "type": "object",
                "properties": {"operation": _OPERATION, "arguments": _ARGUMENTS},
                "required": ["operation"],
                "additionalProperties": False,
            },
            "annotations": {**_READ, "openWorldHint": True},
        },
        {
            "name": CALL_WRITE,
            "title": "Call an operation that changes data",
            "description": (
                f"Call an operation of the {api} that may create, change or delete "
                f"data (HTTP POST, PUT, PATCH, DELETE...) with its arguments, as {DESCRIBE} "
                f"describes them. Read-only operations go through {CALL}."
            ),
            "inputSchema": {
                "type": "object",
                "properties": {"operation": _OPERATION, "arguments": _ARGUMENTS},
                "required": ["operation"],
                "additionalProperties": False,
            },
            "annotations": {
                "readOnlyHint": False,
                "destructiveHint": True,
                "idempotentHint": False,
                "openWorldHint": True,
            },
        },
    ]


Runner = Callable[[Mapping[str, Any], Mapping[str, Any]], Awaitable[types.CallToolResult]]


class Discovery:
    """The discovery tools' behaviour over an API's operations, loaded on first use."""

    def __init__(
        self,
        spec: Mapping[str, Any],
        operations: Callable[[], Catalog],
        index: Callable[[], Index],
        run: Runner,
        checked: Callable[[str, types.CallToolResult], types.CallToolResult] = (
            lambda name, result: result
        ),
    ) -> None:
        self.spec = spec
        self._operations = operations
        self._index = index
        self.run = run
        self.checked = checked
        self.tags: Mapping[str, str] = spec.get("tags") or {}
        self._aliases: Aliases | None = None

    def names(self) -> frozenset[str]:
        return frozenset({SEARCH, GROUPS, DESCRIBE, CALL, CALL_WRITE})

    async def call(self, name: str, arguments: Mapping[str, Any]) -> types.CallToolResult:
        if name == SEARCH:
            # Ranking is CPU work, and the first search builds the index (with --search
            # hybrid it embeds every operation: seconds for the largest APIs): in a worker
            # thread, so that the server answers its other requests meanwhile.
            query, limit = str(arguments["query"]), int(arguments.get("limit", 10))
            return await anyio.to_thread.run_sync(
                partial(self.search, query, limit, arguments.get("tag"))
            )
        if name == GROUPS:
            return self.groups()
        if name == DESCRIBE:
            # The first one loads the operations, and an unknown name's error searches.
            return await anyio.to_thread.run_sync(
                partial(self.describe, str(arguments["operation"]), arguments.get("at"))
            )
        return await self.call_operation(
            name, str(arguments["operation"]), arguments.get("arguments") or {}
        )

    def folded(self, name: str, arguments: Mapping[str, Any]) -> Mapping[str, Any]:
        """The arguments of a call of an operation whose own arguments a model put beside
        ``operation`` rather than in ``arguments`` (``{"operation": "getItem", "id": "7"}``,
        as models flatten them): in ``arguments``; ``arguments`` null or empty text, as
        none. Any other arguments as they are."""
        if name not in (CALL, CALL_WRITE) or "operation" not in arguments:
            return arguments
        if arguments.get("arguments") not in (None, ""):
            return arguments
        own = {k: v for k, v in arguments.items() if k not in ("operation", "arguments")}
        return {"operation": arguments["operation"], **({"arguments": own} if own else {})}

    def search(self, query: str, limit: int, tag: str | None) -> types.CallToolResult:
        index = self._index()
        if query.strip():
            found = index.search(query, limit, tag)
        elif tag is not None:
            found = operations_in_group(index.operations, tag, limit)
        else:
            found = []
        results = [
            {
                "operation": op["operation"],
                "method": op["method"],
                "path": op["path"],
                "summary": op["summary"],
                "tags": op["tags"],
                "required": op["required"],
            }
            for op in found
        ]
        if results:
            lines = [
                f"{r['operation']}: {r['method']} {r['path']} - {r['summary']}"
                + (f" (required: {', '.join(r['required'])})" if r["required"] else "")
                for r in results
            ]
            text = "\n".join(lines)
        elif tag is not None and not operations_in_group(index.operations, tag, 1):
            text = _no_group(tag, operation_groups(index.operations))
        else:
            text = "No operation matches; try other words, or list_operation_groups."
        return types.CallToolResult(
            content=[types.TextContent(type="text", text=text)],
            structured_content={"results": results},
        )

    def groups(self) -> types.CallToolResult:
        groups = []
        for tag, count in operation_groups(self._index().operations).items():
            entry: dict[str, Any] = {"tag": tag, "operations": count}
            if self.tags.get(tag):
                entry["description"] = self.tags[tag]
            groups.append(entry)
        text = "\n".join(
            f"{g['tag']} ({g['operations']})"
            + (f": {g['description']}" if "description" in g else "")
            for g in groups
        )
        return types.CallToolResult(
            content=[types.TextContent(type="text", text=text or "No groups.")],
            structured_content={"groups": groups},
        )

    def _find(self, catalog: Catalog, operation: str) -> str | None:
        """The name of the operation ``operation`` names: its name, the same in other
        letter case where only one operation has it so, or its method and path as search
        shows them ("GET /repos/{owner}/{repo}"): models copy what they were shown."""
        if operation in catalog.by_name:
            return operation
        if self._aliases is None:
            self._aliases = Aliases(catalog.by_name)
        return self._aliases.get(operation)

    def operation_hint(self, name: str) -> str:
        """What an unknown tool's name is, where it names an operation (models call the
        operations they found as tools): how to call it; else nothing."""
        catalog = self._operations()
        found = self._find(catalog, name)
        if found is None:
            return ""
        method = (catalog.by_name[found].get("http") or {}).get("method", "")
        via = CALL if method in READ_METHODS else CALL_WRITE
        return (
            f"{shown(found)} is one of the API's operations, not a tool: call it with "
            f"{via}, its arguments in 'arguments'"
        )

    def _unknown(self, catalog: Catalog, operation: str) -> types.CallToolResult:
        """An unknown operation's error, with the operations it most likely means: for
        words ("create a refund": models give an operation's summary for its name), what
        search finds for them; else, or where search finds nothing, the names nearest in
        spelling."""
        near: list[str] = []
        if len(operation.split()) > 1:
            found = self._index().search(operation[:MAX_QUERY], NEAREST)
            near = [op["operation"] for op in found]
        near = near or nearest_names(catalog.by_name, operation)
        return error_result(
            f"Unknown operation {shown(operation)}; {did_you_mean(near)}{SEARCH} finds "
            "operation names."
        )

    def describe(self, operation: str, at: str | None) -> types.CallToolResult:
        catalog = self._operations()
        found = self._find(catalog, operation)
        if found is None:
            return self._unknown(catalog, operation)
        operation = found
        tool = catalog.by_name[operation]
        budget = catalog.budget * DESCRIBE_BUDGET_FACTOR if catalog.budget > 0 else 0
        note = f"summarised; {DESCRIBE} with 'at' set to this schema's JSON pointer shows it"
        http = tool.get("http") or {}
        if at:
            part = part_of(catalog, tool["inputSchema"], at)
            if part is None:
                return error_result(f"{operation}: the input schema has nothing at {shown(at)}")
            data: dict[str, Any] = {
                "operation": operation,
                "at": at,
                "schema": catalog.definitions.wire(part, budget, note),
            }
        else:
            wire = catalog.wire(operation, budget, note)
            data = {
                "operation": operation,
                "title": wire["title"],
                "description": wire["description"],
                "method": http.get("method", ""),
                "path": http.get("path", ""),
                "tags": tool.get("tags", []),
                "callWith": CALL if http.get("method") in READ_METHODS else CALL_WRITE,
                "inputSchema": wire["inputSchema"],
            }
            if "outputSchema" in wire:
                data["outputSchema"] = wire["outputSchema"]
            if "annotations" in wire:
                data["annotations"] = wire["annotations"]
        return types.CallToolResult(
            content=[types.TextContent(type="text", text=json.dumps(data, ensure_ascii=False))],
            structured_content=data,
        )

    async def call_operation(
        self, via: str, operation: str, arguments: Any
    ) -> types.CallToolResult:
        catalog = self._operations()
        found = self._find(catalog, operation)
        if found is None:
            return await anyio.to_thread.run_sync(self._unknown, catalog, operation)
        operation = found
        tool = catalog.by_name[operation]
        if not isinstance(arguments, Mapping):
            return error_result(f"Invalid arguments for operation {operation!r}: not an object")
        method = (tool.get("http") or {}).get("method", "")
        read_only = method in READ_METHODS
        if via == CALL and not read_only:
            return error_result(
                f"{operation} is a {method} operation, which may change data; "
                f"call it with {CALL_WRITE}."
            )
        arguments, problems = catalog.checked_arguments(operation, arguments)
        if problems:
            return error_result(
                f"Invalid arguments for operation {operation!r}:\n" + "\n".join(problems)
            )
        result = await self.run(tool, arguments)
        return self.checked(operation, result)


def part_of(catalog: Catalog, schema: Any, pointer: str) -> Any | None:
    """The sub-schema at a JSON pointer into the complete (inlined) ``schema``."""
    if not pointer.startswith("/"):
        return None
    node = schema
    defs = catalog.definitions
    for raw in pointer[1:].split("/"):
        key = raw.replace("~1", "/").replace("~0", "~")
        node = defs.resolve(node)
        if isinstance(node, dict) and key in node:
            node = node[key]
        elif isinstance(node, list) and key.isdigit() and int(key) < len(node):
            node = node[int(key)]
        else:
            return None
    return node


def operations_in_group(
    operations: list[dict[str, Any]], tag: str, limit: int
) -> list[dict[str, Any]]:
    """The operations of one group (tag), in document order."""
    wanted = tag.lower()
    found = [op for op in operations if wanted in (t.lower() for t in op["tags"])]
    return found[: max(limit, 0)]


def _no_group(tag: str, groups: Iterable[str]) -> str:
    """What search says of a group (tag) the API does not have: the nearest ones."""
    groups = list(groups)
    if not groups:
        return f"No group is named {shown(tag)}: this API's operations have no groups."
    near = nearest_names(groups, tag)
    return f"No group is named {shown(tag)}; {did_you_mean(near)}{GROUPS} lists the groups."


def operation_groups(operations: list[dict[str, Any]]) -> dict[str, int]:
    """Every group (tag) and how many operations it has, in order of first appearance."""
    counts: dict[str, int] = {}
    for op in operations:
        for tag in op["tags"]:
            counts[tag] = counts.get(tag, 0) + 1
    return counts
