"""Where a client's tool list comes from: an OpenAPI document or a functions module (the tools
mcpgen's server would expose), a live server's ``tools/list``, or a saved one."""

from __future__ import annotations

import json
import shlex
from pathlib import Path
from typing import Any

from ..diagnostics import MCPGenError

TOOL_KEYS = ("name", "title", "description", "inputSchema", "outputSchema", "annotations")


def _wire(tool: dict[str, Any]) -> dict[str, Any]:
    return {k: tool[k] for k in TOOL_KEYS if k in tool and tool[k] is not None}


def from_openapi(document: str) -> tuple[list[dict[str, Any]], str]:
    from ..openapi.build import ServerOptions, build_project
    from ..openapi.document import DocumentSet

    # Typed clients use the documented shapes (the server itself tolerates more).
    options = ServerOptions(tools_mode="operations", strict_output=True)
    project, _ = build_project(DocumentSet(document), options)
    return [_wire(t) for t in project.wire_tools()], project.title


def from_functions(target: str) -> tuple[list[dict[str, Any]], str]:
    from ..functions.build import build_functions

    project, _ = build_functions(target)
    return [_wire(t.to_json()) for t in project.tools], project.module


def from_file(path: Path) -> tuple[list[dict[str, Any]], str]:
    """A saved ``tools/list`` result (``{"tools": [...]}``) or a plain list of tools."""
    from ..loader import load_json_file

    data = load_json_file(path).data
    tools = data.get("tools") if isinstance(data, dict) else data
    if not isinstance(tools, list) or not all(isinstance(t, dict) and "name" in t for t in tools):
        raise MCPGenError(str(path), "/tools", "not a tools/list result: expected a list of tools")
    name = (
        data.get("serverInfo", {}).get("name", path.stem) if isinstance(data, dict) else path.stem
    )
    return [_wire(t) for t in tools], str(name)


def from_server(target: str, timeout: float = 60.0) -> tuple[list[dict[str, Any]], str]:
    """``tools/list`` of a live server: an ``http(s)://`` URL, or a command to start over stdio."""
    try:
        import anyio
        from mcp import Client, StdioServerParameters
    except ImportError:
        raise MCPGenError(
            target, "", "--server needs the MCP SDK: pip install 'mcpgen[live]'"
        ) from None
    if target.startswith(("http://", "https://")):
        server: Any = target
    else:
        words = shlex.split(target)
        if not words:
            raise MCPGenError(target, "", "empty server command")
        server = StdioServerParameters(command=words[0], args=words[1:])

    async def fetch() -> tuple[list[dict[str, Any]], str]:
        with anyio.fail_after(timeout):
            async with Client(server) as client:
                listed = await client.list_tools()
                tools = [
                    t.model_dump(mode="json", by_alias=True, exclude_none=True)
                    for t in listed.tools
                ]
                info = getattr(client, "server_info", None)
                name = getattr(info, "name", None) or "server"
                return tools, str(name)

    try:
        tools, name = anyio.run(fetch)
    except MCPGenError:
        raise
    except Exception as exc:  # noqa: BLE001 - any failure to reach the server is bad input
        raise MCPGenError(target, "", f"cannot list the server's tools: {exc}") from None
    return [_wire(t) for t in tools], name


def snapshot_text(tools: list[dict[str, Any]], name: str) -> str:
    """A saved tool list, one tool per line, as ``--tools`` and ``--check`` read it."""
    lines = [json.dumps(t, ensure_ascii=False, sort_keys=True) for t in tools]
    head = json.dumps({"serverInfo": {"name": name}}, ensure_ascii=False)[:-1]
    return head + ', "tools": [\n' + ",\n".join(lines) + "\n]}\n"
