"""Generated OpenAPI servers as separate processes: stdio and streamable HTTP, both eras.

The official SDK client starts or connects to ``python -m <package>``; the
server calls the recording HTTP server on 127.0.0.1.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import anyio
import httpx
import httpx2
import pytest
from mcp import Client
from mcp.client.streamable_http import streamable_http_client

from .server_support import (
    CASES,
    ERAS,
    assert_valid_tools_list,
    generate,
    http_server,
    stdio_client,
)
from .upstream_app import Reply, Upstream, serve

ENV = {"KITCHEN_SINK_API_KEY_HEADER_API_KEY": "upstream-key"}
ITEM = {"id": 7, "name": "lamp"}


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    root = tmp_path_factory.mktemp("kitchen-proc")
    return root, generate(CASES / "kitchen.yaml", root)


@pytest.fixture(scope="module")
def upstream() -> Iterator[Upstream]:
    app = Upstream()
    app.routes["GET /v1/items/a%2Fb"] = Reply(200, ITEM)
    with serve(app):
        yield app


def _schema_version(era: str) -> str:
    return "2025-11-25" if era == "legacy" else era


async def _exercise(client: Client, era: str, upstream: Upstream) -> None:
    listed = await client.list_tools()
    wire = listed.model_dump(mode="json", by_alias=True, exclude_none=True)
    assert_valid_tools_list(wire, _schema_version(era))
    assert len(listed.tools) == 10
    before = len(upstream.requests)
    result = await client.call_tool("getItem", {"id": "a/b", "query_id": 3})
    assert not result.is_error, result.content
    assert result.structured_content == ITEM
    seen = upstream.requests[before:]
    assert [(r.method, r.path, r.query) for r in seen] == [("GET", "/v1/items/a%2Fb", "id=3")]
    assert seen[0].headers["x-api-key"] == "upstream-key"
    bad = await client.call_tool("getItem", {"id": 5})
    assert bad.is_error
    assert "id: 5 is not of type 'string'" in bad.content[0].text  # type: ignore[union-attr]
    assert len(upstream.requests) == before + 1


@pytest.mark.parametrize("era", ERAS)
def test_stdio(project: tuple[Path, str], upstream: Upstream, era: str) -> None:
    root, package = project

    async def run() -> str:
        client = stdio_client(root, package, "--base-url", upstream.url + "/v1", env=ENV, mode=era)
        async with client:
            await _exercise(client, era, upstream)
            return str(client.session.protocol_version)

    assert anyio.run(run) == _schema_version(era)


@pytest.mark.parametrize("era", ERAS)
def test_http(project: tuple[Path, str], upstream: Upstream, era: str) -> None:
    root, package = project
    with http_server(root, package, "--base-url", upstream.url + "/v1", env=ENV) as url:

        async def run() -> str:
            async with Client(url, mode=era) as client:  # type: ignore[arg-type]
                await _exercise(client, era, upstream)
                return str(client.session.protocol_version)

        assert anyio.run(run) == _schema_version(era)


def test_http_token_and_no_credential_forwarding(
    project: tuple[Path, str], upstream: Upstream
) -> None:
    root, package = project
    env = {**ENV, "KITCHEN_SINK_MCP_TOKEN": "mcp-secret"}
    with http_server(root, package, "--base-url", upstream.url + "/v1", env=env) as url:
        message = {"jsonrpc": "2.0", "id": 1, "method": "ping"}
        anonymous = httpx.post(url, json=message, timeout=10)
        assert anonymous.status_code == 401
        assert anonymous.headers["www-authenticate"] == "Bearer"
        assert anonymous.headers["content-type"] == "text/plain"
        assert anonymous.text == "unauthorized\n"
        wrong = httpx.post(url, json=message, headers={"Authorization": "Bearer nope"}, timeout=10)
        assert wrong.status_code == 401

        async def run() -> None:
            headers = {"Authorization": "Bearer mcp-secret", "Cookie": "mcp=1"}
            async with httpx2.AsyncClient(headers=headers, timeout=30) as http:
                transport = streamable_http_client(url, http_client=http)
                async with Client(transport) as client:
                    before = len(upstream.requests)
                    result = await client.call_tool("getItem", {"id": "a/b"})
                    assert not result.is_error
                    seen = upstream.requests[before]
                    assert "authorization" not in seen.headers
                    assert "cookie" not in seen.headers
                    assert seen.headers["x-api-key"] == "upstream-key"

        anyio.run(run)


def test_http_rejects_foreign_host_headers(project: tuple[Path, str], upstream: Upstream) -> None:
    """DNS-rebinding protection: a request whose Host is not loopback is refused."""
    root, package = project
    with http_server(root, package, "--base-url", upstream.url) as url:
        message: dict[str, Any] = {
            "jsonrpc": "2.0",
            "id": 1,
            "method": "initialize",
            "params": {
                "protocolVersion": "2025-11-25",
                "capabilities": {},
                "clientInfo": {"name": "t", "version": "1"},
            },
        }
        headers = {"Accept": "application/json, text/event-stream"}
        evil = httpx.post(
            url, json=message, headers={**headers, "Host": "evil.example"}, timeout=10
        )
        assert evil.status_code in (403, 421), evil.text
        good = httpx.post(url, json=message, headers=headers, timeout=10)
        assert good.status_code == 200, good.text
        assert "result" in good.text


def test_generated_smoke_test_passes(project: tuple[Path, str]) -> None:
    root, _ = project
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(root / "tests")],
        cwd=root,
        env={**os.environ, "PYTHONPATH": str(root)},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "1 passed" in done.stdout
