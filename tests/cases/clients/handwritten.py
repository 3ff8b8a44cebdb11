"""A server written by hand on the SDK's MCPServer, for client tests.

Run: ``python handwritten.py [stdio|http PORT] [--v2]``; ``--v2`` adds a tool and changes a
parameter type, to show drift.
"""

from __future__ import annotations

import sys
from typing import Literal

from mcp.server import MCPServer
from pydantic import BaseModel

server = MCPServer("handwritten")
V2 = "--v2" in sys.argv


class Weather(BaseModel):
    city: str
    celsius: float
    sunny: bool


@server.tool()
def weather(city: str, units: Literal["c", "f"] = "c") -> Weather:
    """Today's weather in a city."""
    return Weather(city=city, celsius=21.5 if units == "c" else 70.7, sunny=True)


if V2:

    @server.tool()
    def repeat(text: str, times: str) -> str:
        """Repeat text (times as text, in version 2)."""
        return text * int(times)

    @server.tool()
    def forecast(city: str, days: int) -> list[Weather]:
        """The next days' weather."""
        return [Weather(city=city, celsius=20.0 + i, sunny=i % 2 == 0) for i in range(days)]

else:

    @server.tool()
    def repeat(text: str, times: int = 2) -> str:
        """Repeat text."""
        return text * times


@server.tool()
def notes() -> None:
    """A tool without output schema that returns nothing."""


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if a != "--v2"]
    if args and args[0] == "http":
        server.run("streamable-http", host="127.0.0.1", port=int(args[1]))
    else:
        server.run()
