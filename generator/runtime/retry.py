"""Retries of rate-limited and unavailable upstream responses, within bounds.

429 is retried for every method, 503 only for idempotent ones; the wait is
the response's ``Retry-After`` (seconds or an HTTP date) or a short backoff,
and a wait longer than ``MAX_RETRY_WAIT`` is not waited for.
"""

from __future__ import annotations

import email.utils
import logging
import time

import anyio
import httpx

logger = logging.getLogger(__name__)

MAX_RETRIES = 3
MAX_RETRY_WAIT = 30.0
IDEMPOTENT = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})


def retry_after(header: str | None, attempt: int) -> float:
    """Seconds to wait before retry ``attempt`` (0-based), from ``Retry-After`` if given."""
    if header:
        text = header.strip()
        if text.isdigit():
            return float(text)
        try:
            parsed = email.utils.parsedate_to_datetime(text)
        except (TypeError, ValueError):
            parsed = None
        if parsed is not None:
            return max(0.0, parsed.timestamp() - time.time())
    return float(2**attempt) / 2


def retryable(status: int, method: str) -> bool:
    return status == 429 or (status == 503 and method in IDEMPOTENT)


async def send(client: httpx.AsyncClient, request: httpx.Request, method: str) -> httpx.Response:
    """Send ``request``, retrying 429 (and 503 for idempotent methods) within bounds."""
    for attempt in range(MAX_RETRIES + 1):
        response = await client.send(request)
        if not retryable(response.status_code, method) or attempt == MAX_RETRIES:
            return response
        wait = retry_after(response.headers.get("Retry-After"), attempt)
        if wait > MAX_RETRY_WAIT:
            return response
        await response.aclose()
        logger.info("HTTP %s; retrying in %.1f s", response.status_code, wait)
        await anyio.sleep(wait)
    raise AssertionError("unreachable")
