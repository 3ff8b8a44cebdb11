"""A server written by hand on the SDK's MCPServer that fills every optional field a list
item or the server's identity can carry (titles, annotations, icons, ``_meta``, nested
models whose schemas use ``$defs``, website URL), for the contract round-trip tests.

Run: ``python rich_catalog_server.py [stdio|http PORT]``.
"""

from __future__ import annotations

import json
import sys

from mcp.server import MCPServer
from mcp.types import Annotations, Icon, ToolAnnotations
from pydantic import BaseModel, Field

ICONS = [Icon(src="https://example.com/icon.png", mime_type="image/png", sizes=["48x48"])]

server = MCPServer(
    "rich-catalog",
    title="Rich Catalog",
    description="Every optional field the lists can carry.",
    website_url="https://example.com/rich",
    icons=ICONS,
    version="3.0.1",
    instructions="Shapes are polygons.",
)


class Point(BaseModel):
    x: float
    y: float


class Shape(BaseModel):
    """A polygon."""

    points: list[Point]
    label: str | None = None


@server.tool(
    title="Make a shape",
    annotations=ToolAnnotations(title="Shape maker", read_only_hint=True, idempotent_hint=True),
    icons=ICONS,
    meta={"example.com/tier": "gold"},
)
def shape(points: list[Point], label: str = Field("none", description="A label.")) -> Shape:
    """Build a shape from its corners."""
    return Shape(points=points, label=label)


@server.resource(
    "docs://guide",
    name="guide",
    title="Guide",
    description="The guide.",
    mime_type="text/markdown",
    icons=ICONS,
    annotations=Annotations(audience=["user"], priority=0.5),
    meta={"example.com/k": 1},
)
def guide() -> str:
    return "# Guide"


@server.resource(
    "items://{kind}/{id}",
    name="item",
    title="An item",
    description="One item of a kind.",
    mime_type="application/json",
    annotations=Annotations(audience=["assistant"]),
)
def item(kind: str, id: str) -> str:
    return json.dumps({"kind": kind, "id": id})


@server.prompt(title="Plan", icons=ICONS)
def plan(goal: str, steps: str = "3") -> str:
    """Plan how to reach a goal."""
    return f"Plan {goal} in {steps} steps."


if __name__ == "__main__":
    args = sys.argv[1:]
    if args and args[0] == "http":
        server.run("streamable-http", host="127.0.0.1", port=int(args[1]))
    else:
        server.run()
