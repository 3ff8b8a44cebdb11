"""MCP tool results that every backend and the server itself produce."""

from __future__ import annotations

from collections.abc import Awaitable

from mcp import types

from .schemanodes import MAX_NESTING, nested_deeper


async def within_nesting(call: Awaitable[types.CallToolResult]) -> types.CallToolResult:
    """The result of ``call``, unless its structured content nests deeper than a message
    may (``MAX_NESTING``): then an ``isError`` result that says so, with the text content."""
    result = await call
    if result.structured_content is None or not nested_deeper(result.structured_content):
        return result
    text = "\n".join(c.text for c in result.content if isinstance(c, types.TextContent))
    return error_result(
        f"The result nests deeper than {MAX_NESTING} levels, more than an MCP message can "
        f"carry; it is given as text only:\n{text}"
    )


def error_result(text: str) -> types.CallToolResult:
    """An ``isError`` result whose only content is ``text``."""
    return types.CallToolResult(content=[types.TextContent(type="text", text=text)], is_error=True)


def text_result(text: str) -> types.CallToolResult:
    """A successful result whose only content is ``text``."""
    return types.CallToolResult(content=[types.TextContent(type="text", text=text)])
