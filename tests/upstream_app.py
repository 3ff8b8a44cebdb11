"""A real HTTP server on 127.0.0.1 that records every request and answers from a script.

Generated servers call it as their upstream API, so tests can assert the exact
method, raw path, raw query string, headers and body that went over the wire.
"""

from __future__ import annotations

import contextlib
import json
import socket
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import uvicorn


@dataclass
class Recorded:
    method: str
    path: str
    """The raw path as sent, percent-encoding intact."""
    query: str
    headers: dict[str, str]
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)


@dataclass
class Reply:
    status: int = 200
    body: bytes | str | Any = b""
    content_type: str = "application/json"
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0

    def encoded(self) -> bytes:
        if isinstance(self.body, bytes):
            return self.body
        if isinstance(self.body, str):
            return self.body.encode("utf-8")
        return json.dumps(self.body).encode("utf-8")


Responder = Callable[[Recorded], Reply]


class Upstream:
    """The recording app; ``routes`` maps ``"METHOD /raw/path"`` (or a callable) to replies."""

    def __init__(self) -> None:
        self.requests: list[Recorded] = []
        self.routes: dict[str, Reply | list[Reply] | Responder] = {}
        self.url = ""

    def last(self) -> Recorded:
        return self.requests[-1]

    def reply_for(self, request: Recorded) -> Reply:
        key = f"{request.method} {request.path}"
        route = self.routes.get(key, self.routes.get("*"))
        if route is None:
            return Reply(404, {"title": "no route", "detail": key}, "application/problem+json")
        if isinstance(route, list):
            return route.pop(0) if len(route) > 1 else route[0]
        if isinstance(route, Reply):
            return route
        return route(request)

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            return
        body = b""
        while True:
            message = await receive()
            body += message.get("body", b"")
            if not message.get("more_body"):
                break
        raw_path = scope.get("raw_path") or scope["path"].encode()
        request = Recorded(
            scope["method"],
            raw_path.decode("latin-1"),
            scope["query_string"].decode("latin-1"),
            {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]},
            body,
        )
        self.requests.append(request)
        reply = self.reply_for(request)
        if reply.delay:
            import anyio

            await anyio.sleep(reply.delay)
        headers = [(b"content-type", reply.content_type.encode())] if reply.content_type else []
        headers += [(k.encode(), v.encode()) for k, v in reply.headers.items()]
        await send({"type": "http.response.start", "status": reply.status, "headers": headers})
        await send({"type": "http.response.body", "body": reply.encoded()})


def free_port() -> int:
    return free_ports(1)[0]


def free_ports(count: int) -> list[int]:
    """``count`` distinct free loopback ports: each socket stays bound until all are
    chosen, so that the system cannot hand out one port twice."""
    with contextlib.ExitStack() as stack:
        ports: list[int] = []
        for _ in range(count):
            sock = stack.enter_context(socket.socket())
            sock.bind(("127.0.0.1", 0))
            ports.append(sock.getsockname()[1])
        return ports


@contextlib.contextmanager
def serve(app: Upstream) -> Iterator[str]:
    """Run ``app`` with uvicorn in a thread on a free loopback port; yields its URL."""
    port = free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="off")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if time.monotonic() > deadline:
            raise RuntimeError("upstream test server did not start")
        time.sleep(0.01)
    app.url = f"http://127.0.0.1:{port}"
    try:
        yield app.url
    finally:
        server.should_exit = True
        thread.join(timeout=5)


def wait_for_port(port: int, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.2):
            return
        time.sleep(0.05)
    raise RuntimeError(f"nothing listens on 127.0.0.1:{port}")
