"""Validate a tool list before anything is typed from it.

Two kinds of findings, both pointing into the tool list with a JSON pointer:

- a list that breaks the MCP schema itself (a tool that is not an object, a name that is
  not a string, an ``inputSchema`` missing or not an object) is an error: the SDK would
  refuse it from a live server too, and nothing is written;
- a tool mcpgen cannot give a working method (a schema that is not valid JSON Schema, a
  ``$ref`` leaving the tool list, a lone surrogate, a duplicate name, a call that must be
  task-augmented) is skipped with a warning, and the rest of the client is generated.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..diagnostics import Diagnostic, MCPGenError, json_pointer
from .schemas import Path, SchemaProblem, prepare

TOOL_KEYS = (
    "name",
    "title",
    "description",
    "inputSchema",
    "outputSchema",
    "annotations",
    "icons",
    "execution",
    "_meta",
)
"""What ``tools.json`` keeps of each tool: everything that matters to a caller."""

SKIP = "W-CLIENT-SKIP"


def wire(tool: dict[str, Any]) -> dict[str, Any]:
    return {k: tool[k] for k in TOOL_KEYS if k in tool and tool[k] is not None}


def check_list(tools: Any, origin: str, base: Path = ("tools",)) -> list[dict[str, Any]]:
    """The tools as saved in ``tools.json``; MCPGenError where the list breaks the MCP schema."""
    if not isinstance(tools, list):
        raise MCPGenError(origin, json_pointer(base), "not a tools/list result: expected a list")
    for index, tool in enumerate(tools):
        where = (*base, index)
        if not isinstance(tool, dict):
            raise MCPGenError(origin, json_pointer(where), "a tool must be an object")
        name = tool.get("name")
        if not isinstance(name, str):
            raise MCPGenError(
                origin, json_pointer((*where, "name")), "the tool's name must be a string"
            )
        for key in ("inputSchema", "outputSchema"):
            if key == "inputSchema" and key not in tool:
                raise MCPGenError(origin, json_pointer(where), f"tool {name!r} has no inputSchema")
            value = tool.get(key)
            if key in tool and not isinstance(value, dict) and value is not None:
                raise MCPGenError(
                    origin,
                    json_pointer((*where, key)),
                    f"tool {name!r}: {key} must be a JSON object, not {_kind(value)}",
                )
        if tool["inputSchema"] is None:
            raise MCPGenError(
                origin, json_pointer((*where, "inputSchema")), f"tool {name!r} has no inputSchema"
            )
    return [wire(t) for t in tools]


def _kind(value: Any) -> str:
    return {str: "a string", list: "an array", bool: "a boolean"}.get(type(value), "a number")


@dataclass(frozen=True)
class Usable:
    """A tool that gets a method, with the schemas datamodel-code-generator may see."""

    index: int
    tool: dict[str, Any]
    input_schema: dict[str, Any]
    output_schema: dict[str, Any] | None


def surrogate_path(value: Any, path: Path) -> Path | None:
    """Where the first lone surrogate is (it cannot be written as UTF-8), if any."""
    if isinstance(value, str):
        return path if any("\ud800" <= ch <= "\udfff" for ch in value) else None
    if isinstance(value, dict):
        for key, item in value.items():
            found = surrogate_path(key, path) or surrogate_path(item, (*path, key))
            if found is not None:
                return found
    if isinstance(value, list):
        for index, item in enumerate(value):
            found = surrogate_path(item, (*path, index))
            if found is not None:
                return found
    return None


def usable_tools(
    tools: list[dict[str, Any]], origin: str, base: Path = ("tools",)
) -> tuple[list[Usable], list[Diagnostic]]:
    """The tools that get a method, and a warning for each one left out."""
    usable: list[Usable] = []
    diagnostics: list[Diagnostic] = []
    seen: set[str] = set()

    def skip(index: int, path: Path, why: str) -> None:
        name = tools[index]["name"]
        shown = name.encode("utf-8", "backslashreplace").decode("utf-8")
        diagnostics.append(
            Diagnostic(
                SKIP, origin, json_pointer((*base, index, *path)), f"tool {shown!r} left out: {why}"
            )
        )

    for index, tool in enumerate(tools):
        found = surrogate_path(tool, ())
        if found is not None:
            skip(index, found, "it contains a lone surrogate, which is not valid Unicode text")
            continue
        if tool["name"] in seen:
            skip(index, ("name",), "another tool of the list has the same name")
            continue
        seen.add(tool["name"])
        execution = tool.get("execution")
        if isinstance(execution, dict) and execution.get("taskSupport") == "required":
            skip(
                index,
                ("execution", "taskSupport"),
                "the server only runs it as a task (taskSupport 'required'), and the MCP Python"
                " SDK's client cannot make task-augmented calls",
            )
            continue
        root_type = tool["inputSchema"].get("type", "object")
        if root_type != "object":
            skip(index, ("inputSchema", "type"), "its inputSchema is not an object schema")
            continue
        try:
            current = "inputSchema"
            input_schema = prepare(tool["inputSchema"])
            input_schema.setdefault("type", "object")  # ``{}``: a tool without arguments
            current = "outputSchema"
            output = tool.get("outputSchema")
            output_schema = prepare(output) if output is not None else None
        except SchemaProblem as problem:
            skip(index, (current, *problem.path), problem.message)
            continue
        usable.append(Usable(index, tool, input_schema, output_schema))
    return usable, diagnostics
