"""The first hour with a generated server: it starts and stops like a service, ``--help``
says what every option does and its default, client snippets start the installed command,
and upstream failures say what to do. Generated servers run as real processes here."""

from __future__ import annotations

import json
import os
import queue
import re
import shlex
import signal
import socket
import subprocess
import sys
import threading
import tomllib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

import anyio
import pytest
from mcp import Client, types
from mcpgen.functions.generate import generate_functions_server
from mcpgen.pipeline import write_tree
from mcpgen.serverproject import client_configs

from .server_support import ROOT, generate, import_package, in_process, stdio_client
from .upstream_app import free_port

PETSTORE = ROOT / "spec" / "openapi" / "petstore.yaml"
FUNCTIONS = ROOT / "tests" / "cases" / "functions"
POSIX_SIGNALS = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")


@pytest.fixture(scope="module")
def petstore(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, dict[str, str]]:
    root = tmp_path_factory.mktemp("petstore")
    package = generate(PETSTORE, root)
    return root, package, {"PYTHONPATH": str(root)}


@pytest.fixture(scope="module")
def functions(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, dict[str, str]]:
    root = tmp_path_factory.mktemp("functions")
    contents, project, _ = generate_functions_server(str(FUNCTIONS / "typed_tools.py"))
    write_tree(root, contents)
    return root, project.package, {"PYTHONPATH": os.pathsep.join([str(root), str(FUNCTIONS)])}


@pytest.fixture(params=["petstore", "functions"])
def server(request: pytest.FixtureRequest) -> tuple[Path, str, dict[str, str]]:
    found: tuple[Path, str, dict[str, str]] = request.getfixturevalue(request.param)
    return found


def console_script(root: Path) -> str:
    """The one console script of the project's ``pyproject.toml``."""
    scripts = tomllib.loads((root / "pyproject.toml").read_text("utf-8"))["project"]["scripts"]
    (name,) = scripts
    return str(name)


@contextmanager
def running(
    package: str, env: dict[str, str], *args: str, stdin: int | None = subprocess.DEVNULL
) -> Iterator[subprocess.Popen[bytes]]:
    process = subprocess.Popen(
        [sys.executable, "-m", package, *args],
        env={**os.environ, **env},
        stdin=stdin,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        yield process
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()


def lines_of(stream: IO[bytes]) -> queue.Queue[bytes]:
    """The lines of ``stream`` as a thread reads them (``b""`` at the end), so that a test
    can wait for one with a timeout."""
    found: queue.Queue[bytes] = queue.Queue()

    def read() -> None:
        for line in iter(stream.readline, b""):
            found.put(line)
        found.put(b"")

    threading.Thread(target=read, daemon=True).start()
    return found


def stopped(process: subprocess.Popen[bytes], errors: queue.Queue[bytes]) -> tuple[int, str]:
    """Exit status and the rest of stderr once ``process`` has ended."""
    status = process.wait(timeout=20)
    rest = []
    while (line := errors.get(timeout=10)) != b"":
        rest.append(line.decode())
    return status, "".join(rest)


# Start and stop


@POSIX_SIGNALS
@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_http_says_where_it_listens_and_stops_cleanly(
    server: tuple[Path, str, dict[str, str]], signum: int
) -> None:
    _, package, env = server
    with running(package, env, "--transport", "http", "--port", "0") as process:
        assert process.stderr is not None
        errors = lines_of(process.stderr)
        first = errors.get(timeout=30)
        line = json.loads(first)
        match = re.fullmatch(r"listening on http://127\.0\.0\.1:(\d+)/mcp", line["message"])
        assert match, first
        port = int(match.group(1))
        assert port != 0 and line["url"] == f"http://127.0.0.1:{port}/mcp"

        async def tools() -> list[str]:
            async with Client(line["url"]) as client:
                return [tool.name for tool in (await client.list_tools()).tools]

        assert anyio.run(tools)  # the bound port is the one announced
        process.send_signal(signum)
        status, rest = stopped(process, errors)
    assert status == 0, rest
    assert "Traceback" not in rest
    assert rest == "", "nothing but the listening line: " + rest


def test_http_announces_ipv6_hosts_in_brackets(petstore: tuple[Path, str, dict[str, str]]) -> None:
    if not socket.has_ipv6:
        pytest.skip("no IPv6")
    try:
        with socket.socket(socket.AF_INET6) as probe:
            probe.bind(("::1", 0))
    except OSError:
        pytest.skip("no IPv6 loopback")
    _, package, env = petstore
    with running(package, env, "--transport", "http", "--host", "::1", "--port", "0") as process:
        assert process.stderr is not None
        line = json.loads(lines_of(process.stderr).get(timeout=30))
        process.terminate()
        process.wait(timeout=20)
    assert re.fullmatch(r"listening on http://\[::1\]:[1-9][0-9]*/mcp", line["message"])


INITIALIZE = {
    "jsonrpc": "2.0",
    "id": 1,
    "method": "initialize",
    "params": {
        "protocolVersion": "2025-11-25",
        "capabilities": {},
        "clientInfo": {"name": "lifecycle-test", "version": "0"},
    },
}


@pytest.mark.parametrize("stop", ["SIGINT", "SIGTERM", "EOF"])
def test_stdio_stops_cleanly(server: tuple[Path, str, dict[str, str]], stop: str) -> None:
    if stop != "EOF" and sys.platform == "win32":
        pytest.skip("POSIX signals")
    _, package, env = server
    with running(package, env, stdin=subprocess.PIPE) as process:
        assert process.stdin is not None and process.stdout is not None
        assert process.stderr is not None
        errors = lines_of(process.stderr)
        answers = lines_of(process.stdout)
        process.stdin.write(json.dumps(INITIALIZE).encode() + b"\n")
        process.stdin.flush()
        answer = json.loads(answers.get(timeout=30))  # serving: now stop it
        assert answer["id"] == 1 and "result" in answer
        if stop == "EOF":
            process.stdin.close()
        else:
            # The client keeps stdin open: the server must not wait for its next line.
            process.send_signal(getattr(signal, stop))
        status, rest = stopped(process, errors)
        if stop != "EOF":
            process.stdin.close()
    assert status == 0, rest
    assert "Traceback" not in rest
    assert rest == ""


def test_stdio_serves_tool_calls(functions: tuple[Path, str, dict[str, str]]) -> None:
    """Reading stdin in chunks splits and joins lines right: calls, one after another."""
    root, package, env = functions

    async def body() -> None:
        async with stdio_client(root, package, env=env) as client:
            for value in range(3):
                result = await client.call_tool("add", {"a": value, "b": 40})
                assert result.structured_content == {"result": value + 40}

    anyio.run(body)


# --help


def option_help(text: str) -> dict[str, str]:
    """Each option of ``--help`` output with its help text, on one line."""
    blocks: dict[str, str] = {}
    current = ""
    for line in text.split("options:", 1)[1].splitlines():
        found = re.match(r"^  (-[-\w]+)", line)
        if found:
            current = found.group(1)
            blocks[current] = line
        elif current:
            blocks[current] += " " + line.strip()
    return {name: " ".join(block.split()) for name, block in blocks.items()}


def test_help_names_the_command_and_every_default(
    server: tuple[Path, str, dict[str, str]],
) -> None:
    root, package, env = server
    done = subprocess.run(
        [sys.executable, "-m", package, "--help"],
        check=False,
        env={**os.environ, **env, "COLUMNS": "100"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    script = console_script(root)
    assert done.stdout.startswith(f"usage: {script} ")
    spec = json.loads((root / package / "spec.json").read_text("utf-8"))
    assert spec["command"] == script and spec["server"]["name"]  # the older keys stay
    options = option_help(done.stdout)
    assert "--transport" in options and "--log-level" in options and "--port" in options
    for name, text in options.items():
        if name != "-h":
            assert "(default: " in text, text
    assert "(default: stdio)" in options["--transport"]
    assert "(default: 8000)" in options["--port"]
    assert "(default: 127.0.0.1)" in options["--host"]
    assert "(default: /mcp)" in options["--path"]
    assert "(default: WARNING;" in options["--log-level"]
    if package.startswith("petstore"):
        assert "$PETSTORE_BASE_URL if set, else https://petstore.example.com/v1" in (
            options["--base-url"]
        )
        assert "(default: 30; $PETSTORE_TIMEOUT sets it)" in options["--timeout"]
    else:
        assert "(default: off)" in options["--debug"]


# Client configuration snippets


def test_client_snippets_start_the_console_script(server: tuple[Path, str, dict[str, str]]) -> None:
    root, package, _ = server
    script = console_script(root)
    readme = (root / "README.md").read_text("utf-8")
    blocks = re.findall(r"```json\n(.*?)\n```", readme, re.DOTALL)
    claude, vscode = (json.loads(block) for block in blocks[:2])
    for entry in (claude["mcpServers"][script], vscode["servers"][script]):
        assert entry["command"] == script and entry["args"] == []
    assert f"which {script}" in readme and f"where {script}" in readme
    assert f'"args": ["-m", "{package}"]' in readme
    (command,) = re.findall(r"^claude mcp add .*$", readme, re.MULTILINE)
    words = shlex.split(command)
    assert words[:4] == ["claude", "mcp", "add", script]  # the name before any --env
    assert words[-2:] == ["--", script]
    pairs = words[4:-2]
    assert pairs[::2] == ["--env"] * (len(pairs) // 2)
    assert {p.split("=", 1)[0]: p.split("=", 1)[1] for p in pairs[1::2]} == (
        claude["mcpServers"][script]["env"]
    )
    for escape in ("&gt;", "&lt;", "&amp;", "&#"):
        assert escape not in readme


def test_claude_code_command_quotes_values() -> None:
    configs = client_configs("my-api-mcp", "my_api_mcp", {"MY_API_KEY": "<key with spaces>"})
    assert configs["claude_code_command"] == (
        "claude mcp add my-api-mcp --env 'MY_API_KEY=<key with spaces>' -- my-api-mcp"
    )


# Upstream errors a user can act on


def text_of(result: types.CallToolResult) -> str:
    return "\n".join(c.text for c in result.content if isinstance(c, types.TextContent))


def test_connection_refused_names_the_url_and_the_variable(
    petstore: tuple[Path, str, dict[str, str]],
) -> None:
    root, package, env = petstore
    port = free_port()  # nothing listens there

    async def body() -> types.CallToolResult:
        url = f"http://127.0.0.1:{port}/v1"
        async with stdio_client(root, package, env={**env, "PETSTORE_BASE_URL": url}) as client:
            return await client.call_tool("listPets", {"limit": 3})

    result = anyio.run(body)
    assert result.is_error
    assert text_of(result) == (
        f"GET http://127.0.0.1:{port}/v1/pets: connection refused; set PETSTORE_BASE_URL"
    )


def call_with_base_url(root: Path, package: str, url: str) -> types.CallToolResult:
    module = import_package(root, package)

    async def body() -> types.CallToolResult:
        async with in_process(module, url, timeout=10) as client:
            return await client.call_tool("listPets", {})

    result: types.CallToolResult = anyio.run(body)
    return result


@pytest.fixture
def not_tls() -> Iterator[int]:
    """A port that answers a TLS handshake with plain HTTP."""
    listener = socket.create_server(("127.0.0.1", 0))
    port: int = listener.getsockname()[1]

    def answer() -> None:
        while True:
            try:
                connection, _ = listener.accept()
            except OSError:
                return
            with connection:
                connection.recv(4096)
                connection.sendall(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n")

    threading.Thread(target=answer, daemon=True).start()
    try:
        yield port
    finally:
        listener.close()


def test_tls_and_name_errors_are_short(
    petstore: tuple[Path, str, dict[str, str]], not_tls: int
) -> None:
    root, package, _ = petstore
    tls = call_with_base_url(root, package, f"https://127.0.0.1:{not_tls}/v1")
    assert tls.is_error
    assert text_of(tls).startswith(f"GET https://127.0.0.1:{not_tls}/v1/pets: TLS error")
    assert text_of(tls).endswith("; set PETSTORE_BASE_URL")


def test_a_name_that_does_not_resolve_is_said_so() -> None:
    """What the resolver raises, as httpx wraps it (no lookup here: tests reach only
    127.0.0.1)."""
    import socket

    import httpx
    from mcpgen.runtime.upstream import error_reason

    try:
        try:
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        except socket.gaierror as cause:
            raise httpx.ConnectError("[Errno -2] Name or service not known") from cause
    except httpx.ConnectError as exc:
        assert error_reason(exc, 5.0) == "name not resolved"
    assert error_reason(httpx.ConnectError("Name or service not known"), 5.0) == (
        "name not resolved"
    )


@pytest.mark.parametrize(
    ("url", "problem"),
    [
        ("petstore.example.com/v1", "is not absolute: it must start with http:// or https://"),
        ("/v1", "is not absolute"),
        ("ftp://petstore.example.com", "has the scheme ftp: only http and https work"),
        ("https:///v1", "has no host"),
        ("https://{region}.example.com", "has an unfilled variable {region}"),
    ],
)
def test_unusable_base_url_says_so(
    petstore: tuple[Path, str, dict[str, str]], url: str, problem: str
) -> None:
    root, package, _ = petstore
    result = call_with_base_url(root, package, url)
    assert result.is_error
    message = text_of(result)
    assert message.startswith(f"the upstream base URL {url!r} {problem}"), message
    assert "set PETSTORE_BASE_URL" in message
    assert "Invalid arguments" not in message


def test_bad_base_url_variable_is_said_at_start_and_on_each_call(
    petstore: tuple[Path, str, dict[str, str]],
) -> None:
    root, package, env = petstore
    bad = {**env, "PETSTORE_BASE_URL": "petstore.example.com/v1"}

    async def body() -> types.CallToolResult:
        async with stdio_client(root, package, env=bad) as client:
            return await client.call_tool("listPets", {})

    result = anyio.run(body)
    assert result.is_error
    assert text_of(result) == (
        "the upstream base URL 'petstore.example.com/v1' is not absolute: it must start with "
        "http:// or https://; set PETSTORE_BASE_URL to the API's URL, such as "
        "https://api.example.com/v1 (or pass --base-url)"
    )
    with running(package, bad, stdin=subprocess.PIPE) as process:
        _, err = process.communicate(timeout=30)  # stdin ends at once
    (line,) = [json.loads(text) for text in err.decode().splitlines()]
    assert line["level"] == "warning" and "PETSTORE_BASE_URL" in line["message"]


def test_base_url_credentials_stay_out_of_messages(
    petstore: tuple[Path, str, dict[str, str]],
) -> None:
    root, package, _ = petstore
    result = call_with_base_url(root, package, "ftp://user:secret@example.com")
    assert "secret" not in text_of(result)
