"""``mcpgen client --server``: every page of tools/list, tools that must run as tasks, and
failures that end in time with one line a user can act on."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Any

import anyio
import pytest
from click.testing import CliRunner
from mcpgen.cli import main
from mcpgen.client.generate import generate_client
from mcpgen.client.sources import from_file, from_server
from mcpgen.diagnostics import MCPGenError

from .server_support import ROOT
from .test_client import load_client
from .test_client_hostile import RAW_SERVER, check_packages, obj, tool
from .upstream_app import free_port

CASES = ROOT / "tests" / "cases" / "clients"
PAGING = f"{sys.executable} {CASES / 'paging_server.py'}"
HANDWRITTEN = CASES / "handwritten.py"


def run(*args: str) -> Any:
    return CliRunner().invoke(main, ["client", *args])


def test_every_page_of_tools_list_becomes_a_method(tmp_path: Path) -> None:
    out = tmp_path / "paging_client"
    result = run("--server", PAGING, "--out", str(out))
    assert result.exit_code == 0, result.output
    assert "PagingClient: 8 methods" in result.output
    saved, _ = from_file(out / "tools.json")
    assert [t["name"] for t in saved] == [f"add_{n}" for n in range(7)] + ["shout"]
    # What matters to a caller is kept: title, annotations, icons, _meta.
    assert saved[5] == {
        "name": "add_5",
        "title": "Add 5",
        "description": "Add 5 to a number.",
        "inputSchema": obj({"a": {"type": "integer", "description": "The number."}}, ["a"]),
        "outputSchema": obj({"result": {"type": "integer"}}, ["result"]),
        "annotations": {"readOnlyHint": True},
        "icons": [{"src": "https://example.test/add.png", "mimeType": "image/png"}],
        "_meta": {"example.test/page": 2},
    }
    check_packages(tmp_path, "paging_client")
    package = load_client(tmp_path, "paging_client")

    async def call_all() -> list[Any]:
        async with package.PagingClient.stdio(
            sys.executable, str(CASES / "paging_server.py")
        ) as client:
            sums = [await getattr(client, f"add_{n}")(a=10) for n in range(7)]
            return [*sums, (await client.shout(text="hi"))[0].text]

    assert anyio.run(call_all) == [10, 11, 12, 13, 14, 15, 16, "HI"]


def test_check_sees_every_page(tmp_path: Path) -> None:
    out = tmp_path / "paging_client"
    assert run("--server", PAGING, "--out", str(out)).exit_code == 0
    same = run("--server", f"{PAGING} --page-size 3", "--out", str(out), "--check")
    assert same.exit_code == 0, same.output
    # The added tool is on the last page only.
    changed = run("--server", f"{PAGING} --task", "--out", str(out), "--check")
    assert changed.exit_code == 1
    assert changed.stdout.splitlines()[0] == "added: long_job"


def test_a_pagination_that_never_ends_is_an_error(tmp_path: Path) -> None:
    result = run("--server", f"{PAGING} --loop", "--out", str(tmp_path / "out"))
    assert result.exit_code == 2
    assert result.output.strip().endswith(
        "error E-INPUT: tools/list never ends: the server sent cursor '0' twice"
    )
    assert not (tmp_path / "out").exists()


def test_a_tool_that_must_run_as_a_task_is_left_out(tmp_path: Path) -> None:
    listing = tmp_path / "pages.json"
    pages = [
        [tool("long_job", execution={"taskSupport": "required"}), tool("quick")],
        [
            tool(
                "maybe_task", obj({"n": {"type": "integer"}}), execution={"taskSupport": "optional"}
            )
        ],
    ]
    listing.write_text(json.dumps({"pages": pages}))
    server = f"{sys.executable} {RAW_SERVER} {listing}"
    tools, name = from_server(server)
    assert [t["name"] for t in tools] == ["long_job", "quick", "maybe_task"]
    contents, client = generate_client(tools, name, server, "tasks")
    assert [m.name for m in client.methods] == ["quick", "maybe_task"]
    assert [str(d) for d in client.diagnostics] == [
        (
            f"{server}:/tools/0/execution/taskSupport: warning W-CLIENT-SKIP: tool 'long_job'"
            " left out: the server only runs it as a task (taskSupport 'required'), and the MCP"
            " Python SDK's client cannot make task-augmented calls"
        )
    ]
    from mcpgen.pipeline import write_tree

    write_tree(tmp_path / "tasks_client", contents)
    package = load_client(tmp_path, "tasks_client")

    async def call() -> list[str]:
        async with package.TasksClient.stdio(sys.executable, str(RAW_SERVER), str(listing)) as c:
            return [(await c.quick())[0].text, (await c.maybe_task(n=2))[0].text]

    assert anyio.run(call) == ["{}", '{"n": 2}']


def _fails(target: str, timeout: float) -> tuple[str, float]:
    start = time.monotonic()
    with pytest.raises(MCPGenError) as failure:
        from_server(target, timeout=timeout)
    return str(failure.value), time.monotonic() - start


def test_unreachable_url() -> None:
    url = f"http://127.0.0.1:{free_port()}/mcp"
    message, took = _fails(url, 5)
    assert message == f"{url}: error E-INPUT: connection refused at {url}"
    assert took < 10


def test_a_command_that_exits_at_once() -> None:
    command = f"{sys.executable} -c \"import sys; sys.stderr.write('no config\\n'); sys.exit(3)\""
    message, took = _fails(command, 5)
    assert message == (
        f"{command}: error E-INPUT: the server process exited with code 3; its last stderr line:"
        " no config"
    )
    assert took < 5


def test_a_command_that_is_not_found() -> None:
    message, _ = _fails("no-such-mcp-server-command --flag", 5)
    assert message.endswith("error E-INPUT: command not found: no-such-mcp-server-command")


def test_a_command_that_is_not_an_mcp_stdio_server() -> None:
    # The hand-written server started over HTTP: it listens on a port, says so on stderr,
    # and never answers on stdout.
    command = f"{sys.executable} {HANDWRITTEN} http {free_port()}"
    message, took = _fails(command, 3)
    assert message.startswith(f"{command}: error E-INPUT: no MCP response on stdout within 3 s")
    assert "its last stderr line: " in message and "Uvicorn running on" in message
    assert took < 3 + 10


def test_a_command_that_writes_something_else_on_stdout() -> None:
    command = f"{sys.executable} -c \"import time; print('Hello from a web app', flush=True); time.sleep(60)\""
    message, took = _fails(command, 2)
    assert message == (
        f"{command}: error E-INPUT: no MCP response on stdout within 2 s; it wrote"
        " 'Hello from a web app' on stdout, which is not MCP"
    )
    assert took < 2 + 10


def test_the_cli_reports_a_dead_server_in_one_line(tmp_path: Path) -> None:
    command = f'{sys.executable} -c "import sys; sys.exit(4)"'
    result = run("--server", command, "--out", str(tmp_path / "out"))
    assert result.exit_code == 2
    assert result.output.splitlines() == [
        f"mcpgen: {command}: error E-INPUT: the server process exited with code 4"
    ]
    assert not (tmp_path / "out").exists()
