"""A server written by hand on the SDK's MCPServer with tools, resources, resource templates
and prompts, for the tests of snapshots, contracts and the clients made from them.

Run: ``python catalog_server.py [stdio|http PORT]``.
"""

from __future__ import annotations

import json
import sys

from mcp.server import MCPServer
from pydantic import BaseModel

server = MCPServer(
    "catalog",
    title="Catalog Server",
    version="1.2.0",
    instructions="Read the docs first.\nThen ask.",
)


class Sum(BaseModel):
    total: int
    count: int


@server.tool()
def add(numbers: list[int]) -> Sum:
    """Add numbers."""
    return Sum(total=sum(numbers), count=len(numbers))


@server.tool()
def echo(text: str, loud: bool = False) -> str:
    """Echo text back."""
    return text.upper() if loud else text


@server.resource("docs://readme", name="readme", title="Read me", mime_type="text/plain")
def readme() -> str:
    """The read-me file."""
    return "Welcome to the catalog."


@server.resource("config://settings.json", name="settings", mime_type="application/json")
def settings() -> str:
    """Server settings, as JSON."""
    return json.dumps({"mode": "test", "limit": 3})


@server.resource("weather://{city}/current", name="city_weather", mime_type="text/plain")
def city_weather(city: str) -> str:
    """Current weather of a city."""
    return f"Sunny in {city}"


@server.resource("files://{+path}", name="file")
def file(path: str) -> str:
    """A file under any path."""
    return f"contents of {path}"


@server.prompt(title="Review code")
def review(code: str, language: str = "python") -> str:
    """Ask for a review of some code."""
    return f"Review this {language} code:\n{code}"


@server.prompt()
def greeting() -> str:
    """A greeting without arguments."""
    return "Hello!"


if __name__ == "__main__":
    args = sys.argv[1:]
    if args and args[0] == "http":
        server.run("streamable-http", host="127.0.0.1", port=int(args[1]))
    else:
        server.run()
