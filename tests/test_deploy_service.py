"""``runtime/service.py`` in place: JSON log lines, tool-call lines, probes."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterator
from typing import Any

import anyio
import httpx
import pytest
from mcp import types
from mcpgen.runtime.service import CallLog, JsonFormatter, note_outcome, probes, watch_responses


@pytest.fixture
def captured() -> Iterator[tuple[logging.Logger, io.StringIO]]:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    logger = logging.getLogger("test.deploy.calls")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False
    try:
        yield logger, stream
    finally:
        logger.removeHandler(handler)


def lines(stream: io.StringIO) -> list[dict[str, Any]]:
    return [json.loads(line) for line in stream.getvalue().splitlines()]


def ok(text: str = "fine") -> types.CallToolResult:
    return types.CallToolResult(content=[types.TextContent(type="text", text=text)])


def test_json_formatter(captured: tuple[logging.Logger, io.StringIO]) -> None:
    logger, stream = captured
    logger.warning("odd %s\nline", "value", extra={"tool": "t"})
    try:
        raise ValueError("boom")
    except ValueError:
        logger.exception("failed")
    first, second = lines(stream)
    assert first["message"] == "odd value\nline" and first["tool"] == "t"
    assert first["level"] == "warning" and first["logger"] == "test.deploy.calls"
    assert first["time"].endswith("+00:00")
    assert "ValueError: boom" in second["exception"]


def test_call_lines(captured: tuple[logging.Logger, io.StringIO]) -> None:
    logger, stream = captured
    calls = CallLog(logger=logger)
    secret = {"password": "hunter2"}

    async def run() -> None:
        async def upstream() -> types.CallToolResult:
            client = httpx.AsyncClient(transport=httpx.MockTransport(lambda r: httpx.Response(418)))
            watch_responses(client)
            async with client:
                await client.get("http://upstream.test/x")
            return ok()

        async def invalid() -> types.CallToolResult:
            note_outcome("invalid_arguments")
            return types.CallToolResult(content=[], is_error=True)

        async def broken() -> types.CallToolResult:
            raise RuntimeError("hunter2 leaked in a message")

        await calls.run("up", secret, upstream)
        await calls.run("bad", secret, invalid)
        with pytest.raises(RuntimeError):
            await calls.run("broken", secret, broken)
        with anyio.move_on_after(0.01):
            await calls.run("slow", secret, lambda: anyio.sleep_forever())  # type: ignore[arg-type, return-value]

    anyio.run(run)
    assert "hunter2" not in stream.getvalue()
    found = [(line["tool"], line["outcome"], line.get("status")) for line in lines(stream)]
    assert found == [
        ("up", "ok", 418),
        ("bad", "invalid_arguments", None),
        ("broken", "exception", None),
        ("slow", "cancelled", None),
    ]
    assert lines(stream)[2]["error_type"] == "RuntimeError"
    assert all(line["duration_ms"] >= 0 for line in lines(stream))


def test_call_lines_with_arguments(captured: tuple[logging.Logger, io.StringIO]) -> None:
    logger, stream = captured

    async def run() -> None:
        async def call() -> types.CallToolResult:
            return ok()

        await CallLog(arguments=True, logger=logger).run("t" * 500, {"q": "x"}, call)

    anyio.run(run)
    (line,) = lines(stream)
    assert line["arguments"] == {"q": "x"} and len(line["tool"]) == 128


def test_probes_in_front_of_an_app() -> None:
    state = {"ready": False}

    async def app(scope: Any, receive: Any, send: Any) -> None:
        await send({"type": "http.response.start", "status": 299, "headers": []})
        await send({"type": "http.response.body", "body": b"app"})

    probed = probes(app, lambda: state["ready"])

    async def run() -> list[tuple[int, str]]:
        transport = httpx.ASGITransport(app=probed)
        async with httpx.AsyncClient(transport=transport, base_url="http://x") as client:
            answers = [await client.get(path) for path in ("/healthz", "/readyz", "/mcp")]
            state["ready"] = True
            answers.append(await client.get("/readyz"))
            answers.append(await client.delete("/readyz"))
            answers.append(await client.get("/healthz/extra"))
        return [(a.status_code, a.text) for a in answers]

    assert anyio.run(run) == [
        (200, '{"status": "ok"}\n'),
        (503, '{"status": "not ready"}\n'),
        (299, "app"),
        (200, '{"status": "ready"}\n'),
        (405, '{"status": "method not allowed"}\n'),
        (299, "app"),
    ]
