"""A server written by hand on the SDK's MCPServer with nothing but a name: no title, no
version, no instructions, for the contract round-trip tests.

Run: ``python plain_server.py [stdio|http PORT]``.
"""

from __future__ import annotations

import sys

from mcp.server import MCPServer

server = MCPServer("plain")


@server.tool()
def ping(text: str) -> str:
    """Answer with the text."""
    return text


@server.prompt()
def hello() -> str:
    return "Hello!"


if __name__ == "__main__":
    args = sys.argv[1:]
    if args and args[0] == "http":
        server.run("streamable-http", host="127.0.0.1", port=int(args[1]))
    else:
        server.run()
