"""What running as a service adds to the MCP server: start, stop, probes and structured logs.

Over HTTP, one line says where the server listens once its socket is bound; SIGINT
(Ctrl-C) and SIGTERM stop it cleanly with status 0, over stdio as over HTTP, and so
does the end of stdin over stdio.

``GET /healthz`` answers while the process is alive and ``GET /readyz`` once the
configuration is loaded and the backend can serve (a backend whose runner has a
``ready()`` method decides; the HTTP backend needs an upstream base URL). Both
are outside the MCP endpoint, its token check and the Host check, so that load
balancers and orchestrators can ask without a credential.

Logs are JSON objects on stderr, one per line. Each tool call gives one line:
the tool, its outcome, the HTTP status of the upstream call when there was one,
and how long it took. Argument values are logged only with ``--log-arguments``;
credentials, headers and the environment never are.
"""

from __future__ import annotations

import asyncio
import contextlib
import io
import json
import logging
import os
import signal
import socket
import sys
import threading
import time
from collections.abc import (
    AsyncIterator,
    Awaitable,
    Callable,
    Iterator,
    Mapping,
    MutableMapping,
)
from contextvars import ContextVar
from datetime import UTC, datetime
from types import FrameType
from typing import Any

import anyio
from mcp import types
from mcp.server import Server
from mcp.server.stdio import stdio_server

ASGIApp = Callable[
    [MutableMapping[str, Any], Callable[[], Awaitable[Any]], Callable[[Any], Awaitable[None]]],
    Awaitable[None],
]

HEALTH = "/healthz"
READY = "/readyz"
PROBES = (HEALTH, READY)

_MAX_NAME = 128
"""Characters of a tool name in a log line: an unknown name is whatever a client sent."""

_CALL: ContextVar[dict[str, Any] | None] = ContextVar("mcp_tool_call", default=None)
"""What the tool call running in this task learnt about itself (upstream status...)."""

_RECORD_KEYS = frozenset(vars(logging.makeLogRecord({})))


class JsonFormatter(logging.Formatter):
    """One JSON object per record: time, level, logger, message, and the ``extra`` fields."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        for key, value in vars(record).items():
            if key not in _RECORD_KEYS and key not in entry and not key.startswith("_"):
                entry[key] = value
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False, default=str)


def call_logger() -> logging.Logger:
    """The logger of tool-call lines."""
    return logging.getLogger(f"{__package__}.calls")


def lifecycle_logger() -> logging.Logger:
    """The logger of the line that says where the server listens."""
    return logging.getLogger(f"{__package__}.service")


def configure_logging(level: str) -> None:
    """JSON lines on stderr for every logger; tool-call lines and the line that says where
    the server listens whatever ``level`` is."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter())
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(level.upper())
    call_logger().setLevel(logging.INFO)
    lifecycle_logger().setLevel(logging.INFO)


def record_status(status: int) -> None:
    """Note the HTTP status of the upstream response of the tool call under way."""
    call = _CALL.get()
    if call is not None:
        call["status"] = status


def note_outcome(outcome: str) -> None:
    """Say how the tool call under way ended, when its result alone does not tell."""
    call = _CALL.get()
    if call is not None:
        call["outcome"] = outcome


def watch_responses(client: object) -> None:
    """Record the status of every response ``client`` receives (an ``httpx`` client's
    response hook), so that a tool call's log line carries its upstream status."""
    hooks = getattr(client, "event_hooks", None)
    if not isinstance(hooks, dict) or not isinstance(hooks.get("response"), list):
        return

    async def on_response(response: Any) -> None:
        record_status(int(response.status_code))

    hooks["response"].append(on_response)


class CallLog:
    """Times tool calls and logs one line for each."""

    def __init__(self, arguments: bool = False, logger: logging.Logger | None = None) -> None:
        self.arguments = arguments
        self.logger = logger or call_logger()

    async def run(
        self,
        name: str,
        arguments: Mapping[str, Any] | None,
        call: Callable[[], Awaitable[types.CallToolResult]],
    ) -> types.CallToolResult:
        state: dict[str, Any] = {}
        token = _CALL.set(state)
        start = time.perf_counter()
        outcome = "exception"
        try:
            result = await call()
            outcome = "error" if result.is_error else "ok"
            return result
        except anyio.get_cancelled_exc_class():
            outcome = "cancelled"
            raise
        except Exception as exc:
            state.setdefault("error_type", type(exc).__name__)
            raise
        finally:
            _CALL.reset(token)
            fields: dict[str, Any] = {
                "event": "tool_call",
                "tool": name[:_MAX_NAME],
                "outcome": state.pop("outcome", outcome),
            }
            fields.update(state)
            fields["duration_ms"] = round((time.perf_counter() - start) * 1000, 3)
            if self.arguments:
                fields["arguments"] = dict(arguments or {})
            self.logger.info("tool call", extra=fields)


def probes(app: ASGIApp, ready: Callable[[], bool]) -> ASGIApp:
    """``app`` with ``GET /healthz`` and ``GET /readyz`` answered in front of it."""

    async def probed(
        scope: MutableMapping[str, Any],
        receive: Callable[[], Awaitable[Any]],
        send: Callable[[Any], Awaitable[None]],
    ) -> None:
        path = scope.get("path")
        if scope["type"] != "http" or path not in PROBES:
            await app(scope, receive, send)
            return
        if scope.get("method") not in ("GET", "HEAD"):
            status, body = 405, {"status": "method not allowed"}
        elif path == HEALTH:
            status, body = 200, {"status": "ok"}
        elif ready():
            status, body = 200, {"status": "ready"}
        else:
            status, body = 503, {"status": "not ready"}
        data = json.dumps(body).encode() + b"\n"
        headers = [
            (b"content-type", b"application/json"),
            (b"content-length", str(len(data)).encode()),
            (b"cache-control", b"no-store"),
        ]
        if status == 405:
            headers.append((b"allow", b"GET, HEAD"))
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send(
            {"type": "http.response.body", "body": b"" if scope.get("method") == "HEAD" else data}
        )

    return probed


def listening_url(host: str, port: int, path: str) -> str:
    """The URL of the MCP endpoint at ``host:port`` (an IPv6 address in brackets)."""
    if ":" in host and not host.startswith("["):
        host = f"[{host}]"
    return f"http://{host}:{port}{path}"


def announce(url: str) -> None:
    """The one line that says where the server listens (a JSON log line like the others,
    so that a log collector can still parse every line)."""
    lifecycle_logger().info(f"listening on {url}", extra={"event": "listening", "url": url})


async def serve_http(app: ASGIApp, host: str, port: int, path: str) -> None:
    """Serve ``app`` with uvicorn until SIGINT or SIGTERM; once the socket is bound, say
    where (the bound port: ``--port 0`` picks a free one).

    uvicorn raises the signal again once it has shut down, which would end the process
    with the signal's status (or a ``KeyboardInterrupt``); a stop asked for is a success.
    """
    import uvicorn

    class Announcing(uvicorn.Server):
        async def startup(self, sockets: list[socket.socket] | None = None) -> None:
            await super().startup(sockets=sockets)
            if self.started:
                bound = [s.getsockname()[1] for server in self.servers for s in server.sockets]
                announce(listening_url(host, bound[0] if bound else port, path))

    config = uvicorn.Config(
        app,
        host=host,
        port=port,
        log_config=None,  # uvicorn's records go to the JSON handler like the others
        access_log=False,
        timeout_graceful_shutdown=10,
    )
    with _signals_ignored_after():
        await Announcing(config).serve()


def _ignore(signum: int, frame: FrameType | None) -> None:
    return None


@contextlib.contextmanager
def _signals_ignored_after() -> Iterator[None]:
    """What uvicorn restores, then raises again, after a SIGINT or SIGTERM: nothing."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    handled = (signal.SIGINT, signal.SIGTERM)
    previous = {sig: signal.signal(sig, _ignore) for sig in handled}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


async def stop_on_signals(scope: anyio.CancelScope) -> None:
    """Cancel ``scope`` at SIGINT or SIGTERM. Where the event loop cannot watch signals
    (Windows), Ctrl-C arrives as ``KeyboardInterrupt`` instead, which ``main`` handles."""
    try:
        with anyio.open_signal_receiver(signal.SIGINT, signal.SIGTERM) as signals:
            async for _ in signals:
                scope.cancel()
                return
    except NotImplementedError:
        await anyio.sleep_forever()


async def serve_stdio(server: Server[Any]) -> None:
    """Serve over stdin and stdout until stdin ends, SIGINT or SIGTERM."""
    async with anyio.create_task_group() as group:
        group.start_soon(stop_on_signals, group.cancel_scope)
        async with stdio_streams() as (read, write):
            await server.run(read, write, server.create_initialization_options())
        group.cancel_scope.cancel()


@contextlib.asynccontextmanager
async def stdio_streams() -> AsyncIterator[Any]:
    """The SDK's stdio transport, with stdin read by ``StdinLines``; meanwhile file
    descriptor 0 is the null device, as the SDK would make it, so that what the tools run
    reads nothing of the protocol stream."""
    try:
        fd = sys.stdin.fileno()
        wire = os.dup(fd)
    except (AttributeError, OSError, ValueError):  # no real stdin: the SDK's own reading
        async with stdio_server() as streams:
            yield streams
        return
    diverted = False
    if fd == 0:
        with contextlib.suppress(OSError):
            null = os.open(os.devnull, os.O_RDONLY)
            try:
                os.dup2(null, 0)
                diverted = True
            finally:
                os.close(null)
    try:
        async with stdio_server(stdin=StdinLines(wire)) as streams:
            yield streams
    finally:
        if diverted:
            with contextlib.suppress(OSError):
                os.dup2(wire, 0)
        # ``wire`` stays open: a reading thread may still be blocked on it.


class StdinLines(anyio.AsyncFile[str]):
    """The lines of a file descriptor, each chunk read by a daemon thread.

    The SDK reads stdin in a worker thread that cannot be abandoned: at SIGINT or SIGTERM
    the server would wait for the client's next line to stop, and the interpreter for the
    thread to exit. A daemon thread blocked in ``os.read`` holds up neither. Only
    ``readline`` (and iteration) read the descriptor; the wrapped file is a placeholder.
    """

    def __init__(self, fd: int) -> None:
        super().__init__(io.StringIO())
        self.fd = fd
        self.pending = bytearray()
        self.ended = False

    async def readline(self) -> str:
        searched = 0
        while True:
            end = self.pending.find(b"\n", searched)
            if end >= 0 or self.ended:
                break
            searched = len(self.pending)
            chunk = await read_chunk(self.fd)
            if chunk:
                self.pending += chunk
            else:
                self.ended = True
        size = end + 1 if end >= 0 else len(self.pending)
        line = bytes(self.pending[:size])
        del self.pending[:size]
        return line.decode("utf-8", errors="replace")


async def read_chunk(fd: int, size: int = 1 << 16) -> bytes:
    """``os.read(fd, size)`` in a daemon thread; ``b""`` at the end or on a read error."""
    loop = asyncio.get_running_loop()
    done: asyncio.Future[bytes] = loop.create_future()

    def settle(data: bytes) -> None:
        if not done.done():
            done.set_result(data)

    def read() -> None:
        try:
            data = os.read(fd, size)
        except OSError:
            data = b""
        with contextlib.suppress(RuntimeError):  # the event loop is closed: nobody waits
            loop.call_soon_threadsafe(settle, data)

    threading.Thread(target=read, name="stdin reader", daemon=True).start()
    return await done
