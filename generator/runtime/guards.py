"""What the HTTP transport lets through: requests whose ``Host`` (and ``Origin``) name an
allowed host (DNS-rebinding protection), and, when the server has a token, requests that
carry it. Each is an ASGI app wrapped around the MCP endpoint's."""

from __future__ import annotations

import hmac
import re
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from .service import ASGIApp

_AUTHORITY = re.compile(r"^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+)(?::([0-9]{1,5}))?$")


def host_allowed(authority: str, hosts: frozenset[str]) -> bool:
    """``host[:port]`` names an allowed host exactly (``127.0.0.1:80.evil.example`` does not)."""
    match = _AUTHORITY.match(authority)
    return match is not None and match.group(1).lower() in hosts


def origin_allowed(origin: str, hosts: frozenset[str]) -> bool:
    """An ``Origin`` is ``http(s)://host[:port]`` with an allowed host, and nothing else."""
    scheme, _, authority = origin.partition("://")
    return scheme in ("http", "https") and host_allowed(authority, hosts)


def hostname(name: str) -> str:
    """The host part of ``host``, ``host:port`` or an IPv6 address, as a Host header has it."""
    if name.count(":") > 1 and not name.startswith("["):
        return f"[{name.lower()}]"
    match = _AUTHORITY.match(name)
    return (match.group(1) if match else name).lower()


def guard_hosts(app: ASGIApp, hosts: frozenset[str]) -> ASGIApp:
    """DNS-rebinding protection that compares whole hosts: a ``Host`` header must name an
    allowed host (else 421) and an ``Origin``, when sent, an allowed origin (else 403)."""

    async def guarded(
        scope: MutableMapping[str, Any],
        receive: Callable[[], Awaitable[Any]],
        send: Callable[[Any], Awaitable[None]],
    ) -> None:
        if scope["type"] == "http":
            headers = dict(scope.get("headers") or [])
            host = headers.get(b"host", b"").decode("latin-1")
            origin = headers.get(b"origin")
            status = 0
            if not host_allowed(host, hosts):
                status = 421
            elif origin is not None and not origin_allowed(origin.decode("latin-1"), hosts):
                status = 403
            if status:
                await refuse(send, status, b"host not allowed\n")
                return
        await app(scope, receive, send)

    return guarded


def require_token(app: ASGIApp, token: str) -> ASGIApp:
    """Reject HTTP requests without ``Authorization: Bearer <token>`` (constant-time check)."""
    expected = f"Bearer {token}".encode()

    async def guarded(
        scope: MutableMapping[str, Any],
        receive: Callable[[], Awaitable[Any]],
        send: Callable[[Any], Awaitable[None]],
    ) -> None:
        if scope["type"] == "http":
            given = dict(scope.get("headers") or []).get(b"authorization", b"")
            if not hmac.compare_digest(given, expected):
                await refuse(send, 401, b"unauthorized\n", [(b"www-authenticate", b"Bearer")])
                return
        await app(scope, receive, send)

    return guarded


async def refuse(
    send: Callable[[Any], Awaitable[None]],
    status: int,
    body: bytes,
    headers: list[tuple[bytes, bytes]] | None = None,
) -> None:
    """Answer an HTTP request with ``status`` and a line of plain text, as an ASGI app."""
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [(b"content-type", b"text/plain"), *(headers or [])],
        }
    )
    await send({"type": "http.response.body", "body": body})
