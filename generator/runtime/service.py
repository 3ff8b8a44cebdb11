"""What running as a service adds to the MCP server: probes and structured logs.

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

import json
import logging
import sys
import time
from collections.abc import Awaitable, Callable, Mapping, MutableMapping
from contextvars import ContextVar
from datetime import UTC, datetime
from typing import Any

import anyio
from mcp import types

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


def configure_logging(level: str) -> None:
    """JSON lines on stderr for every logger; tool-call lines whatever ``level`` is."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter())
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(level.upper())
    call_logger().setLevel(logging.INFO)


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
