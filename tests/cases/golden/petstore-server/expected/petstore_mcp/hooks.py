"""Your customisations of this server: mcpgen created this file once and never rewrites it.

Use it for authentication the document does not describe, request signing,
extra headers, proxies or certificates, and response rewriting.
"""

from __future__ import annotations

from typing import Any

import httpx


def client_options() -> dict[str, Any]:
    """Extra keyword arguments for the ``httpx.AsyncClient`` (proxy, verify, limits...)."""
    return {}


async def before_request(tool: str, request: httpx.Request) -> httpx.Request:
    """Called before each upstream request of ``tool``; return the request to send."""
    return request


async def after_response(tool: str, response: httpx.Response) -> httpx.Response:
    """Called with each upstream response before it becomes the tool's result."""
    return response
