"""Generated servers run as a service: replicas behind round-robin, probes, JSON call logs.

Each server is a real process (``python -m <package> --transport http``) on
127.0.0.1; the official SDK client talks to it, in both protocol eras, through
an HTTP transport that sends each request to the next replica in turn, as a
round-robin load balancer would.
"""

from __future__ import annotations

import contextlib
import itertools
import json
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
from mcpgen.functions.generate import generate_functions_server
from mcpgen.pipeline import write_tree

from .server_support import ERAS, ROOT, generate
from .upstream_app import Reply, Upstream, free_ports, serve, wait_for_port

PETSTORE = ROOT / "spec" / "openapi" / "petstore.yaml"
FUNCTIONS = ROOT / "tests" / "cases" / "functions"
PETS = [{"id": 1, "name": "Rex"}, {"id": 2, "name": "Tom"}]
API_KEY = "sk-upstream-3f9a1c"
MCP_TOKEN = "mcp-token-77b2e0"
MARKER = "Fluffy-5c81d2"

READY_METHOD = '''
    def ready(self) -> bool:
        """Ready to call the API: a base URL is configured."""
        return "://" in self.base_url
'''
"""What the HTTP backend's runner answers ``/readyz`` with; added to a test copy of
``upstream.py`` while the runtime's own does not have it yet."""


class RoundRobin(httpx2.AsyncBaseTransport):
    """Sends each HTTP request to the next replica's port; remembers which got what."""

    def __init__(self, ports: list[int]) -> None:
        self.ports = ports
        self.sent: list[tuple[int, str]] = []
        self.inner = httpx2.AsyncHTTPTransport()

    async def handle_async_request(self, request: httpx2.Request) -> httpx2.Response:
        port = self.ports[len(self.sent) % len(self.ports)]
        self.sent.append((port, request.method))
        request.url = request.url.copy_with(port=port)
        return await self.inner.handle_async_request(request)

    async def aclose(self) -> None:
        await self.inner.aclose()


@contextlib.contextmanager
def replicas(
    root: Path, package: str, count: int, logs: Path, *args: str, env: dict[str, str] | None = None
) -> Iterator[list[int]]:
    """``count`` processes of the server on free loopback ports; stderr goes to
    ``logs/replica-<i>.log``. Yields the ports."""
    ports = free_ports(count)
    logs.mkdir(parents=True, exist_ok=True)
    processes: list[subprocess.Popen[bytes]] = []
    environment = {**os.environ, "PYTHONPATH": str(root), **(env or {})}
    try:
        for index, port in enumerate(ports):
            command = [sys.executable, "-m", package, "--transport", "http", "--port", str(port)]
            with open(logs / f"replica-{index}.log", "wb") as stderr:
                processes.append(
                    subprocess.Popen(
                        [*command, *args], env=environment, stdout=subprocess.DEVNULL, stderr=stderr
                    )
                )
        for index, port in enumerate(ports):
            try:
                wait_for_port(port)
            except RuntimeError:
                raise RuntimeError((logs / f"replica-{index}.log").read_text()) from None
        yield ports
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()


def call_lines(log: Path) -> list[dict[str, Any]]:
    """The tool-call lines of a replica's log; every line must be a JSON object."""
    lines = [json.loads(line) for line in log.read_text().splitlines() if line.strip()]
    assert all(isinstance(line, dict) and "time" in line and "level" in line for line in lines)
    return [line for line in lines if line.get("event") == "tool_call"]


def _messages(error: BaseException) -> str:
    """The messages of an exception and of every exception grouped in it."""
    if isinstance(error, BaseExceptionGroup):
        return "\n".join(_messages(inner) for inner in error.exceptions)
    return str(error)


def _version(era: str) -> str:
    return "2025-11-25" if era == "legacy" else era


async def _round_robin(
    ports: list[int], era: str, tool: str, arguments: dict[str, Any], calls: int
) -> tuple[list[Any], RoundRobin, str]:
    transport = RoundRobin(ports)
    async with httpx2.AsyncClient(transport=transport, timeout=30) as http:
        url = f"http://127.0.0.1:{ports[0]}/mcp"
        async with Client(streamable_http_client(url, http_client=http), mode=era) as client:  # type: ignore[arg-type]
            listed = await client.list_tools()
            assert tool in {t.name for t in listed.tools}
            results = [await client.call_tool(tool, arguments) for _ in range(calls)]
            version = str(client.session.protocol_version)
    return results, transport, version


def _assert_spread(transport: RoundRobin, ports: list[int]) -> None:
    sent = [port for port, _ in transport.sent]
    assert set(sent) == set(ports), sent
    assert all(a != b for a, b in itertools.pairwise(sent)), sent


@pytest.fixture(scope="module")
def upstream() -> Iterator[Upstream]:
    app = Upstream()
    app.routes["GET /pets"] = Reply(200, PETS)
    app.routes["POST /pets"] = Reply(201, {"id": 3, "name": MARKER})
    with serve(app):
        yield app


@pytest.fixture(scope="module")
def petstore(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    root = tmp_path_factory.mktemp("petstore-deploy")
    return root, generate(PETSTORE, root)


@pytest.fixture(scope="module")
def three(
    petstore: tuple[Path, str], upstream: Upstream, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[list[int], Path]]:
    root, package = petstore
    logs = tmp_path_factory.mktemp("three-logs")
    with replicas(root, package, 3, logs, "--base-url", upstream.url) as ports:
        yield ports, logs


@pytest.mark.parametrize("era", ERAS)
def test_each_request_on_another_replica(
    three: tuple[list[int], Path], upstream: Upstream, era: str
) -> None:
    """Stateless by default: a session-era client (initialize) and a stateless client
    (server/discover) succeed although no two consecutive requests reach the same replica."""
    ports, logs = three
    before = [len(call_lines(logs / f"replica-{i}.log")) for i in range(3)]
    results, transport, version = anyio.run(_round_robin, ports, era, "listPets", {"limit": 2}, 6)
    assert version == _version(era)
    for result in results:
        assert not result.is_error, result.content
        assert result.structured_content == {"result": PETS}
    _assert_spread(transport, ports)
    after = [len(call_lines(logs / f"replica-{i}.log")) for i in range(3)]
    assert sum(after) - sum(before) == 6
    assert all(a > b for a, b in zip(after, before, strict=True)), (before, after)


def test_stateful_sessions_do_not_survive_round_robin(
    petstore: tuple[Path, str], upstream: Upstream, tmp_path: Path
) -> None:
    """The control: with --stateful, the session-era client fails on another replica."""
    root, package = petstore
    args = ("--base-url", upstream.url, "--stateful")
    with replicas(root, package, 3, tmp_path, *args) as ports, pytest.raises(Exception) as caught:
        anyio.run(_round_robin, ports, "legacy", "listPets", {"limit": 2}, 3)
    assert "Session not found" in _messages(caught.value)


@pytest.fixture(scope="module")
def functions_three(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[list[int], Path]]:
    root = tmp_path_factory.mktemp("functions-deploy")
    contents, project, _ = generate_functions_server(str(FUNCTIONS / "typed_tools.py"))
    write_tree(root / "project", contents)
    env = {"PYTHONPATH": os.pathsep.join([str(root / "project"), str(FUNCTIONS)])}
    with replicas(root / "project", project.package, 3, root / "logs", env=env) as ports:
        yield ports, root / "logs"


@pytest.mark.parametrize("era", ERAS)
def test_functions_server_replicas(functions_three: tuple[list[int], Path], era: str) -> None:
    ports, logs = functions_three
    before = sum(len(call_lines(logs / f"replica-{i}.log")) for i in range(3))
    results, transport, version = anyio.run(_round_robin, ports, era, "add", {"a": 40}, 4)
    assert version == _version(era)
    assert [r.structured_content for r in results] == [{"result": 42}] * 4
    _assert_spread(transport, ports)
    assert httpx.get(f"http://127.0.0.1:{ports[0]}/readyz", timeout=5).status_code == 200
    lines = [line for i in range(3) for line in call_lines(logs / f"replica-{i}.log")]
    assert len(lines) == before + 4
    assert {(line["tool"], line["outcome"]) for line in lines} == {("add", "ok")}
    assert all("status" not in line for line in lines)


def test_probes(three: tuple[list[int], Path]) -> None:
    ports, _ = three
    base = f"http://127.0.0.1:{ports[0]}"
    health = httpx.get(base + "/healthz", timeout=5)
    assert (health.status_code, health.json()) == (200, {"status": "ok"})
    assert health.headers["content-type"] == "application/json"
    ready = httpx.get(base + "/readyz", timeout=5)
    assert (ready.status_code, ready.json()) == (200, {"status": "ready"})
    # Outside the DNS-rebinding check: orchestrators ask by address.
    foreign = httpx.get(base + "/healthz", headers={"Host": "10.1.2.3:8000"}, timeout=5)
    assert foreign.status_code == 200
    assert httpx.get(base + "/mcp", headers={"Host": "evil.example"}, timeout=5).status_code == 421
    assert httpx.post(base + "/healthz", timeout=5).status_code == 405
    assert httpx.head(base + "/readyz", timeout=5).status_code == 200


def test_probes_need_no_token_and_logs_hold_no_secrets(
    petstore: tuple[Path, str], upstream: Upstream, tmp_path: Path
) -> None:
    root, package = petstore
    env = {"PETSTORE_API_KEY": API_KEY, "PETSTORE_MCP_TOKEN": MCP_TOKEN}
    with replicas(root, package, 1, tmp_path, "--base-url", upstream.url, env=env) as ports:
        base = f"http://127.0.0.1:{ports[0]}"
        assert httpx.get(base + "/healthz", timeout=5).status_code == 200
        assert httpx.get(base + "/readyz", timeout=5).status_code == 200
        assert httpx.post(base + "/mcp", json={}, timeout=5).status_code == 401

        async def calls() -> None:
            headers = {"Authorization": f"Bearer {MCP_TOKEN}"}
            async with httpx2.AsyncClient(headers=headers, timeout=30) as http:
                transport = streamable_http_client(base + "/mcp", http_client=http)
                async with Client(transport) as client:
                    assert not (await client.call_tool("listPets", {"limit": 3})).is_error
                    assert (await client.call_tool("getPet", {"petId": 424242})).is_error
                    assert (await client.call_tool("listPets", {"limit": "many"})).is_error
                    assert not (await client.call_tool("createPet", {"name": MARKER})).is_error
                    with pytest.raises(Exception, match="Unknown tool"):
                        await client.call_tool("no_such_tool", {})

        before = len(upstream.requests)
        anyio.run(calls)
        assert upstream.requests[before].headers["x-api-key"] == API_KEY
    text = (tmp_path / "replica-0.log").read_text()
    for secret in (API_KEY, MCP_TOKEN, MARKER, "424242", "many"):
        assert secret not in text
    lines = call_lines(tmp_path / "replica-0.log")
    seen = [(line["tool"], line["outcome"], line.get("status")) for line in lines]
    assert seen == [
        ("listPets", "ok", 200),
        ("getPet", "error", 404),
        ("listPets", "invalid_arguments", None),
        ("createPet", "ok", 201),
        ("no_such_tool", "unknown_tool", None),
    ]
    for line in lines:
        assert line["level"] == "info" and line["message"] == "tool call"
        assert isinstance(line["duration_ms"], float) and 0 <= line["duration_ms"] < 10_000
        assert "arguments" not in line


def test_log_arguments_flag(petstore: tuple[Path, str], upstream: Upstream, tmp_path: Path) -> None:
    root, package = petstore
    env = {"PETSTORE_API_KEY": API_KEY}
    args = ("--base-url", upstream.url, "--log-arguments")
    with replicas(root, package, 1, tmp_path, *args, env=env) as ports:

        async def call() -> None:
            async with Client(f"http://127.0.0.1:{ports[0]}/mcp") as client:
                assert not (await client.call_tool("createPet", {"name": MARKER})).is_error

        anyio.run(call)
    (line,) = call_lines(tmp_path / "replica-0.log")
    assert line["arguments"] == {"name": MARKER}
    assert API_KEY not in (tmp_path / "replica-0.log").read_text()


def test_readyz_waits_for_a_base_url(tmp_path: Path, upstream: Upstream) -> None:
    """A document without servers: not ready until a base URL is given."""
    document = tmp_path / "noserver.yaml"
    document.write_text(
        "openapi: 3.0.3\ninfo: {title: No Server, version: '1'}\n"
        "paths:\n  /pets:\n    get:\n      operationId: listPets\n"
        "      responses: {'200': {description: ok}}\n"
    )
    root = tmp_path / "project"
    package = generate(document, root)
    backend = root / package / "upstream.py"
    text = backend.read_text()
    if "def ready(" not in text:
        marker = "    async def aclose(self) -> None:\n"
        assert marker in text
        backend.write_text(text.replace(marker, READY_METHOD.lstrip("\n") + "\n" + marker, 1))
    with replicas(root, package, 1, tmp_path / "a") as ports:
        ready = httpx.get(f"http://127.0.0.1:{ports[0]}/readyz", timeout=5)
        assert (ready.status_code, ready.json()) == (503, {"status": "not ready"})
        assert httpx.get(f"http://127.0.0.1:{ports[0]}/healthz", timeout=5).status_code == 200
    with replicas(root, package, 1, tmp_path / "b", "--base-url", upstream.url) as ports:
        assert httpx.get(f"http://127.0.0.1:{ports[0]}/readyz", timeout=5).status_code == 200


def test_probe_path_cannot_be_the_mcp_path(petstore: tuple[Path, str]) -> None:
    root, package = petstore
    done = subprocess.run(
        [sys.executable, "-m", package, "--transport", "http", "--path", "/healthz"],
        env={**os.environ, "PYTHONPATH": str(root)},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2
    assert "is the path of a probe" in done.stderr


def test_hosts_behind_a_proxy(petstore: tuple[Path, str], tmp_path: Path) -> None:
    """A proxy passes the name clients used, often without a port: loopback names and
    ``<PREFIX>_ALLOWED_HOSTS`` are accepted with or without one, other names are not."""
    root, package = petstore
    env = {"PETSTORE_ALLOWED_HOSTS": "mcp.example.com, other.example.org"}
    message = {
        "jsonrpc": "2.0",
        "id": 1,
        "method": "initialize",
        "params": {
            "protocolVersion": "2025-11-25",
            "capabilities": {},
            "clientInfo": {"name": "t", "version": "1"},
        },
    }
    accept = {"Accept": "application/json, text/event-stream"}
    with replicas(root, package, 1, tmp_path, env=env) as ports:
        url = f"http://127.0.0.1:{ports[0]}/mcp"

        def status(host: str, origin: str | None = None) -> int:
            headers = {**accept, "Host": host, **({"Origin": origin} if origin else {})}
            return httpx.post(url, json=message, headers=headers, timeout=10).status_code

        for host in ("localhost", "127.0.0.1", "mcp.example.com", "mcp.example.com:443"):
            assert status(host) == 200, host
        assert status("other.example.org", "https://other.example.org") == 200
        assert status("mcp.example.com", "https://evil.example") == 403
        assert status("evil.example") == 421
        assert status("mcp.example.com.evil.example") == 421
