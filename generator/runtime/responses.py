"""Upstream HTTP responses as MCP tool results.

2xx JSON becomes structured content (wrapped in ``{"result": ...}`` where the
tool's ``outputSchema`` is not an object) with the same JSON as text; images
and audio become image and audio content; text-like types become text; any
other body becomes an embedded blob resource. 4xx and 5xx become ``isError``
results that carry the status, the request and (bounded) the body, with the
title and detail of an RFC 9457 problem first.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Mapping
from typing import Any

import httpx
from mcp import types

from .results import error_result, text_result

MAX_ERROR_BODY = 4000


def error_summary(response: httpx.Response) -> str:
    """The body of an error response, problem title and detail first, bounded in length."""
    content_type = response.headers.get("content-type", "")
    text = response.text
    if "json" in content_type:
        try:
            data = response.json()
        except (ValueError, RecursionError):  # not JSON, or nested past what Python reads
            data = None
        if isinstance(data, dict) and "problem" in content_type:
            parts = [str(data[k]) for k in ("title", "detail") if data.get(k)]
            if parts:
                text = ": ".join(parts) + "\n" + text
    if len(text) > MAX_ERROR_BODY:
        text = text[:MAX_ERROR_BODY] + f"... ({len(response.content)} bytes in all)"
    return text


def to_result(tool: Mapping[str, Any], response: httpx.Response) -> types.CallToolResult:
    """2xx JSON -> structured content and text; images, audio, text, other binary; errors."""
    request = response.request
    where = f"{request.method} {request.url.path}"
    if response.status_code >= 400:
        reason = response.reason_phrase or ""
        body = error_summary(response)
        return error_result(f"HTTP {response.status_code} {reason} from {where}\n{body}".rstrip())
    content_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
    if not response.content:
        return text_result(f"HTTP {response.status_code} (no content)")
    if "json" in content_type or (not content_type and response.content[:1] in (b"{", b"[")):
        try:
            data = response.json()
        except (ValueError, RecursionError):  # not JSON, or nested past what Python reads
            return text_result(response.text)
        structured = (
            {"result": data}
            if tool["http"].get("wrapOutput") or not isinstance(data, dict)
            else data
        )
        text = json.dumps(data, ensure_ascii=False)
        return types.CallToolResult(
            content=[types.TextContent(type="text", text=text)], structured_content=structured
        )
    encoded = base64.b64encode(response.content).decode("ascii")
    if content_type.startswith("image/"):
        return types.CallToolResult(
            content=[types.ImageContent(type="image", data=encoded, mime_type=content_type)]
        )
    if content_type.startswith("audio/"):
        return types.CallToolResult(
            content=[types.AudioContent(type="audio", data=encoded, mime_type=content_type)]
        )
    if content_type.startswith("text/") or content_type.endswith(("xml", "yaml", "csv")):
        return text_result(response.text)
    resource = types.BlobResourceContents(
        uri=str(request.url), mime_type=content_type or "application/octet-stream", blob=encoded
    )
    return types.CallToolResult(
        content=[types.EmbeddedResource(type="resource", resource=resource)]
    )
