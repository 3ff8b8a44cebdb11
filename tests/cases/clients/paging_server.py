"""A server on the SDK's low-level ``Server`` that lists its tools a few per page.

Run: ``python paging_server.py [--page-size N] [--loop] [--task]``. ``--loop`` sends the
same cursor forever (a broken paginator); ``--task`` adds a tool that declares
``execution.taskSupport: "required"``. Every tool answers: ``add_N`` returns ``a + N`` as
structured content, ``shout`` returns its text upper-cased.
"""

from __future__ import annotations

import sys
from typing import Any

import anyio
import mcp.types as types
from mcp.server import Server, ServerRequestContext
from mcp.server.stdio import stdio_server

PAGE_SIZE = int(sys.argv[sys.argv.index("--page-size") + 1]) if "--page-size" in sys.argv else 2
LOOP = "--loop" in sys.argv
TASK = "--task" in sys.argv
ADDERS = 7


def _tools() -> list[types.Tool]:
    tools = [
        types.Tool(
            name=f"add_{n}",
            title=f"Add {n}",
            description=f"Add {n} to a number.",
            input_schema={
                "type": "object",
                "properties": {"a": {"type": "integer", "description": "The number."}},
                "required": ["a"],
            },
            output_schema={
                "type": "object",
                "properties": {"result": {"type": "integer"}},
                "required": ["result"],
            },
            annotations=types.ToolAnnotations(read_only_hint=True),
            icons=[types.Icon(src="https://example.test/add.png", mime_type="image/png")],
            _meta={"example.test/page": n // PAGE_SIZE},
        )
        for n in range(ADDERS)
    ]
    tools.append(
        types.Tool(
            name="shout",
            input_schema={"type": "object", "properties": {"text": {"type": "string"}}},
        )
    )
    if TASK:
        tools.append(
            types.Tool(
                name="long_job",
                description="Only runs as a task.",
                input_schema={"type": "object"},
                execution=types.ToolExecution(task_support="required"),
            )
        )
    return tools


async def list_tools(
    ctx: ServerRequestContext[Any], params: types.PaginatedRequestParams | None
) -> types.ListToolsResult:
    tools = _tools()
    start = int(params.cursor) if params is not None and params.cursor else 0
    if LOOP:
        return types.ListToolsResult(tools=tools[:PAGE_SIZE], next_cursor="0")
    end = start + PAGE_SIZE
    return types.ListToolsResult(
        tools=tools[start:end], next_cursor=str(end) if end < len(tools) else None
    )


async def call_tool(
    ctx: ServerRequestContext[Any], params: types.CallToolRequestParams
) -> types.CallToolResult:
    arguments = params.arguments or {}
    if params.name.startswith("add_"):
        value = int(arguments["a"]) + int(params.name.removeprefix("add_"))
        return types.CallToolResult(
            content=[types.TextContent(type="text", text=str(value))],
            structured_content={"result": value},
        )
    if params.name == "shout":
        text = str(arguments.get("text", "")).upper()
        return types.CallToolResult(content=[types.TextContent(type="text", text=text)])
    return types.CallToolResult(
        content=[types.TextContent(type="text", text="this tool only runs as a task")],
        is_error=True,
    )


server: Server[Any] = Server(
    "paging", version="1.0", on_list_tools=list_tools, on_call_tool=call_tool
)


async def main() -> None:
    async with stdio_server() as (read, write):
        await server.run(read, write, server.create_initialization_options())


if __name__ == "__main__":
    anyio.run(main)
