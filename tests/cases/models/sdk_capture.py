"""Capture wire traffic between the official MCP Python SDK's client and server.

Writes ``sdk-numbers-stdio-wire.jsonl`` beside this file: one JSON object a line,
``{"version", "dir": "c2s"|"s2c", "msg"}``, where ``msg`` is the text one side wrote
to the stdio pipe, verbatim (a relay process between the two records it). For each protocol
version the SDK client calls two tools of an SDK ``MCPServer``:

- ``crunch`` reports fractional progress (0.25 of 1.0, then 0.5, 1.5e-05, ...);
- ``plan_trip`` (from 2025-06-18, the first version with elicitation) asks for a
  form whose answers the client fills with a float, a negative number and
  numbers the SDK writes with an exponent. Up to 2025-11-25 the server sends
  ``elicitation/create`` and the client answers with an ``ElicitResult``; in
  2026-07-28 the tool returns an ``InputRequiredResult`` and the client retries
  ``tools/call`` carrying the result in ``inputResponses``.

Handshake versions other than the SDK's newest are reached by setting the
version the SDK client offers (``mcp.client.session.LATEST_HANDSHAKE_VERSION``);
the server accepts any version it knows.

Run by hand (needs the ``mcp`` package, ``pip install -e ".[test]"``):
``python tests/cases/models/sdk_capture.py``. The tests read the recorded file.
"""

# No `from __future__ import annotations`: the SDK reads the tools' annotations at runtime.
import importlib.metadata
import json
import subprocess
import sys
import threading
from pathlib import Path
from typing import Annotated, Any

HERE = Path(__file__).resolve().parent
OUT = HERE / "sdk-numbers-stdio-wire.jsonl"
VERSIONS = ("2024-11-05", "2025-03-26", "2025-06-18", "2025-11-25", "2026-07-28")
ELICITATION_FROM = "2025-06-18"

# What the client's user "typed" into the form: Python floats, which the SDK's
# pydantic writes as 50.0, -12.75, 1.5e-07 and 2.5e+21 (JSON exponent numbers).
ANSWERS: dict[str, Any] = {
    "budget": 50.0,
    "delta": -12.75,
    "tolerance": 1.5e-07,
    "ceiling": 2.5e21,
    "nights": 3,
    "offset": -4,
    "city": "Oslo",
    "flexible": True,
}


def server() -> None:
    from mcp.server.mcpserver import Context, Elicit, MCPServer, Resolve
    from pydantic import BaseModel

    class Trip(BaseModel):
        budget: float
        delta: float
        tolerance: float
        ceiling: float
        nights: int
        offset: int
        city: str
        flexible: bool

    def ask_trip() -> Elicit[Trip]:
        return Elicit("Plan your trip", Trip)

    app = MCPServer("numbers")

    @app.tool()
    async def crunch(ctx: Context) -> str:
        """Report fractional progress."""
        await ctx.report_progress(0.25, 1.0, "a quarter")
        await ctx.report_progress(0.5, 1.0)
        await ctx.report_progress(1.5e-05)
        await ctx.report_progress(2.5, 2.5, "done")
        return "crunched"

    @app.tool()
    async def plan_trip(trip: Annotated[Trip, Resolve(ask_trip)]) -> str:
        """Ask the user for trip numbers."""
        return f"{trip.city}: {trip.budget} over {trip.nights} nights"

    app.run("stdio")


def relay(out: Path, version: str, command: list[str]) -> None:
    """Run ``command``; pass stdin/stdout through, appending each line to ``out``."""
    child = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    assert child.stdin is not None and child.stdout is not None
    lock = threading.Lock()

    def record(direction: str, line: bytes) -> None:
        text = line.decode("utf-8").strip()
        json.loads(text)  # one JSON value a line, as stdio framing requires
        with lock, out.open("a", encoding="utf-8") as log:
            # The message's text goes in verbatim, as the SDK wrote it.
            log.write(f'{{"version": "{version}", "dir": "{direction}", "msg": {text}}}\n')

    def upstream() -> None:
        assert child.stdin is not None
        for line in sys.stdin.buffer:
            if line.strip():
                record("c2s", line)
            child.stdin.write(line)
            child.stdin.flush()
        child.stdin.close()

    threading.Thread(target=upstream, daemon=True).start()
    for line in child.stdout:
        if line.strip():
            record("s2c", line)
        sys.stdout.buffer.write(line)
        sys.stdout.buffer.flush()
    child.wait()


async def client(version: str) -> None:
    import mcp.client.session
    import mcp_types as types
    from mcp import Client, StdioServerParameters

    async def answer(context: Any, params: Any) -> types.ElicitResult:
        return types.ElicitResult(action="accept", content=ANSWERS)

    async def on_progress(progress: float, total: float | None, message: str | None) -> None:
        pass

    modern = version == "2026-07-28"
    if not modern:
        mcp.client.session.LATEST_HANDSHAKE_VERSION = version  # type: ignore[misc]
    me = str(Path(__file__).resolve())
    params = StdioServerParameters(
        command=sys.executable,
        args=[me, "relay", str(OUT), version, "--", sys.executable, me, "server"],
    )
    async with Client(
        params,
        mode="auto" if modern else "legacy",
        elicitation_callback=answer,
        cache=None,
    ) as session:
        assert session.protocol_version == version, session.protocol_version
        await session.call_tool("crunch", {}, progress_callback=on_progress)
        if version >= ELICITATION_FROM:
            result = await session.call_tool("plan_trip", {})
            assert not result.is_error, result


def main() -> None:
    import anyio

    OUT.write_text("", encoding="utf-8")
    for version in VERSIONS:
        anyio.run(client, version)
    lines = OUT.read_text(encoding="utf-8").splitlines()
    print(f"{OUT.name}: {len(lines)} lines, mcp {importlib.metadata.version('mcp')}")


if __name__ == "__main__":
    if sys.argv[1:2] == ["server"]:
        server()
    elif sys.argv[1:2] == ["relay"]:
        separator = sys.argv.index("--")
        relay(Path(sys.argv[2]), sys.argv[3], sys.argv[separator + 1 :])
    else:
        main()
