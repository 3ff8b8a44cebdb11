"""MCP tool results that every backend and the server itself produce."""

from __future__ import annotations

from mcp import types


def error_result(text: str) -> types.CallToolResult:
    """An ``isError`` result whose only content is ``text``."""
    return types.CallToolResult(content=[types.TextContent(type="text", text=text)], is_error=True)


def text_result(text: str) -> types.CallToolResult:
    """A successful result whose only content is ``text``."""
    return types.CallToolResult(content=[types.TextContent(type="text", text=text)])
