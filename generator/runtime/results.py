"""MCP tool results that every backend and the server itself produce."""

from __future__ import annotations

from mcp import types

SHOWN_NAME = 100
"""Characters of a name a client sent that an error message says back."""


def shown(name: str, quoted: bool = True) -> str:
    """``name`` for an error message (``repr``'s quotes unless not ``quoted``), its start
    only where it is long: what a client sent is not said back in full."""
    if len(name) <= SHOWN_NAME:
        return repr(name) if quoted else name
    start = repr(name[:SHOWN_NAME]) if quoted else name[:SHOWN_NAME]
    return f"{start}… ({len(name):,} characters)"


def error_result(text: str) -> types.CallToolResult:
    """An ``isError`` result whose only content is ``text``."""
    return types.CallToolResult(content=[types.TextContent(type="text", text=text)], is_error=True)


def text_result(text: str) -> types.CallToolResult:
    """A successful result whose only content is ``text``."""
    return types.CallToolResult(content=[types.TextContent(type="text", text=text)])
