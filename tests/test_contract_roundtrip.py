"""The contract round trip: a live server is snapshotted into a contract (``mcpgen client
--server ... --snapshot``), a skeleton (``mcpgen server --contract``) and a typed client
(``mcpgen client --contract``) are generated from that contract, and the skeleton lists
what the live server lists.

Four live servers: the functions server of the tests (generated from ``typed_tools.py``),
the hand-written SDK server with resources, templates and prompts (``catalog_server.py``),
one that fills every optional field (``rich_catalog_server.py``) and one with nothing but
a name (``plain_server.py``). The official SDK
client reads both sides in both protocol eras over stdio, and once over HTTP; lists are
compared as the JSON the SDK client returns. One tool of each skeleton is implemented, and
the generated client (``mypy --strict`` clean) calls it.

Tool schemas that carry their own ``$defs`` (pydantic writes them for nested models) reach
the skeleton's ``tools/list`` as written, and a server with no title and an empty version
gets a skeleton that says the same (nothing made up).

Accepted, and asserted as such: a list the live server advertises but leaves empty
(MCPServer always has resources) is not in the snapshot, so the skeleton has no capability
for it; capabilities' ``listChanged`` and ``subscribe`` are not compared (no contract says them).
"""

from __future__ import annotations

import contextlib
import json
import os
import shlex
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import anyio
import pytest
from click.testing import CliRunner
from mcp import Client, StdioServerParameters, types
from mcpgen.cli import main
from mcpgen.contract.build import wire_tools
from mcpgen.contract.document import validate_contract

from .server_support import ERAS, ROOT, http_server
from .test_client import check_packages, load_client
from .upstream_app import free_port, wait_for_port

FUNCTIONS_MODULE = ROOT / "tests" / "cases" / "functions" / "typed_tools.py"
CLIENT_CASES = ROOT / "tests" / "cases" / "clients"
LISTS = ("tools", "resources", "resourceTemplates", "prompts")
IDENTITY = ("name", "title", "version", "instructions")
INFO = ("description", "websiteUrl", "icons")
"""What else of ``serverInfo`` a snapshot keeps (when the server says it)."""
SERVERS = ("functions", "catalog", "rich", "plain")
SCRIPTS = {
    "catalog": CLIENT_CASES / "catalog_server.py",
    "rich": CLIENT_CASES / "rich_catalog_server.py",
    "plain": CLIENT_CASES / "plain_server.py",
}
OFFERS = {
    "functions": {"tools"},
    "catalog": set(LISTS),
    "rich": set(LISTS),
    "plain": {"tools", "prompts"},
}
"""The lists each server has: the others are absent on both sides (no capability)."""
CARRIES = {
    "functions": {"name", "title", "version"},
    "catalog": set(IDENTITY),
    "rich": set(IDENTITY),
    "plain": {"name"},
}
"""What of the server's identity each snapshot holds."""
HTTP_ERA = "2026-07-28"

SCHEMAS_WITH_DEFS = {"functions", "rich"}
"""The servers with tools whose schemas have their own ``$defs``."""


HANDLERS = {
    "functions": '''\
"""One tool implemented: the lists need none."""

from __future__ import annotations

from typing_extensions import override

from .base import {base}


class {impl}({base}):
    @override
    async def add(self, *, a: int, b: int = 2) -> int:
        return a + b
''',
    "catalog": '''\
"""One tool implemented: the lists need none."""

from __future__ import annotations

from typing_extensions import override

from . import models
from .base import {base}


class {impl}({base}):
    @override
    async def add(self, *, numbers: list[int]) -> models.AddOutput:
        return models.AddOutput(total=sum(numbers), count=len(numbers))
''',
    "rich": '''\
"""One tool implemented: the lists need none."""

from __future__ import annotations

from typing_extensions import override

from . import models
from .base import {base}


class {impl}({base}):
    @override
    async def shape(self, *, points: list[models.Point], label: str = "none") -> models.ShapeOutput:
        corners = [point.model_dump() for point in points]
        return models.ShapeOutput.model_validate({{"points": corners, "label": label}})
''',
    "plain": '''\
"""One tool implemented: the lists need none."""

from __future__ import annotations

from typing_extensions import override

from .base import {base}


class {impl}({base}):
    @override
    async def ping(self, *, text: str) -> str:
        return text
''',
}

CALLS: dict[str, tuple[str, dict[str, Any]]] = {
    "functions": ("add", {"a": 40}),
    "catalog": ("add", {"numbers": [1, 2, 3]}),
    "rich": ("shape", {"points": [{"x": 0, "y": 1.5}], "label": "dot"}),
    "plain": ("ping", {"text": "pong"}),
}


@dataclass(frozen=True)
class Trip:
    """A live server, its snapshot, and what mcpgen generated from the snapshot."""

    name: str
    live: StdioServerParameters
    live_http: Callable[[], contextlib.AbstractContextManager[str]]
    contract: Path
    skeleton: Path
    package: str
    clients: Path
    client_package: str
    seen: dict[tuple[str, str, str], dict[str, Any]] = field(default_factory=dict, compare=False)
    """What each side showed, by (side, era, transport): every server process starts once."""

    @property
    def skeleton_stdio(self) -> StdioServerParameters:
        return StdioServerParameters(
            command=sys.executable,
            args=["-m", self.package],
            env={"PYTHONPATH": str(self.skeleton)},
        )

    def skeleton_http(self) -> contextlib.AbstractContextManager[str]:
        return http_server(self.skeleton, self.package)


def cli(*args: str) -> str:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return str(result.output)


def dump(model: Any) -> Any:
    return model.model_dump(mode="json", by_alias=True, exclude_none=True)


@contextlib.contextmanager
def _script_http(script: Path) -> Iterator[str]:
    """An SDK server script run as ``python script http PORT``; yields its MCP URL."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, str(script), "http", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for_port(port)
        yield f"http://127.0.0.1:{port}/mcp"
    finally:
        process.terminate()
        process.wait(timeout=10)


def _live_functions(root: Path) -> tuple[StdioServerParameters, Any, str]:
    """The functions server of the tests, generated into ``root``: its stdio parameters,
    HTTP runner and the command line the snapshot starts."""
    output = cli("server", "--functions", str(FUNCTIONS_MODULE), "--out", str(root))
    assert "13 tools" in output
    package = next(root.glob("*/server.py")).parent.name
    path = os.pathsep.join([str(root), str(FUNCTIONS_MODULE.parent)])
    params = StdioServerParameters(
        command=sys.executable, args=["-m", package], env={"PYTHONPATH": path}
    )
    command = shlex.join(["env", f"PYTHONPATH={path}", sys.executable, "-m", package])

    def run_http() -> contextlib.AbstractContextManager[str]:
        return http_server(root, package, env={**os.environ, "PYTHONPATH": path})

    return params, run_http, command


def _live_script(script: Path) -> tuple[StdioServerParameters, Any, str]:
    params = StdioServerParameters(command=sys.executable, args=[str(script)])
    return params, lambda: _script_http(script), shlex.join([sys.executable, str(script)])


def _round_trip(root: Path, name: str) -> Trip:
    root.mkdir(parents=True)
    if name == "functions":
        live, live_http, command = _live_functions(root / "live")
    else:
        live, live_http, command = _live_script(SCRIPTS[name])
    contract = root / "contract.json"
    output = cli("client", "--server", command, "--snapshot", str(contract))
    assert output.startswith("mcpgen: saved "), output
    skeleton = root / "skeleton"
    cli("server", "--contract", str(contract), "--out", str(skeleton))
    handlers = next(skeleton.glob("*/handlers.py"))
    package = handlers.parent.name
    spec = json.loads((handlers.parent / "spec.json").read_text(encoding="utf-8"))
    where = spec["implementation"]
    handlers.write_text(
        HANDLERS[name].format(base=where["baseClass"], impl=where["class"]), encoding="utf-8"
    )
    clients = root.parent / "clients"
    client_package = f"roundtrip_{name}_client"
    cli("client", "--contract", str(contract), "--out", str(clients / client_package))
    return Trip(name, live, live_http, contract, skeleton, package, clients, client_package)


@pytest.fixture(scope="module")
def trips(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Trip]:
    base = tmp_path_factory.mktemp("roundtrip")
    return {name: _round_trip(base / name, name) for name in SERVERS}


# -- what the SDK client sees ------------------------------------------------------------


async def _observe(target: Any, era: str, call: tuple[str, dict[str, Any]]) -> dict[str, Any]:
    """The lists, the identity and one tool call, as the SDK client sees them. A list the
    server has no capability for is None."""
    async with Client(target, mode=era) as client:
        if era == "legacy":
            capabilities = client.server_capabilities
            info = client.server_info
            server_info = dump(info) if info is not None else None
            instructions = client.instructions
        else:  # an explicit modern mode adopts the version without asking: ask
            found = types.DiscoverResult.model_validate(await client.session.send_discover(era))
            capabilities = found.capabilities
            server_info = (found.meta or {}).get(types.SERVER_INFO_META_KEY)
            instructions = found.instructions
        seen: dict[str, Any] = {"serverInfo": server_info, "instructions": instructions}
        seen.update(dict.fromkeys(LISTS))
        if capabilities.tools is not None:
            tools = await client.list_tools()
            assert tools.next_cursor is None
            seen["tools"] = [dump(t) for t in tools.tools]
        if capabilities.resources is not None:
            resources = await client.list_resources()
            templates = await client.list_resource_templates()
            assert resources.next_cursor is None and templates.next_cursor is None
            seen["resources"] = [dump(r) for r in resources.resources]
            seen["resourceTemplates"] = [dump(t) for t in templates.resource_templates]
        if capabilities.prompts is not None:
            prompts = await client.list_prompts()
            assert prompts.next_cursor is None
            seen["prompts"] = [dump(p) for p in prompts.prompts]
        result = await client.call_tool(*call)
        seen["call"] = {"isError": result.is_error, "structuredContent": result.structured_content}
        return seen


def observed(trip: Trip, side: str, era: str, transport: str = "stdio") -> dict[str, Any]:
    """What the live server (``side="live"``) or the skeleton shows, once per combination."""
    key = (side, era, transport)
    if key not in trip.seen:
        call = CALLS[trip.name]
        if transport == "stdio":
            target = trip.live if side == "live" else trip.skeleton_stdio
            trip.seen[key] = anyio.run(_observe, target, era, call)
        else:
            with trip.live_http() if side == "live" else trip.skeleton_http() as url:
                trip.seen[key] = anyio.run(_observe, url, era, call)
    return trip.seen[key]


def identity(seen: dict[str, Any]) -> dict[str, Any]:
    info = seen["serverInfo"] or {}
    return {
        "name": info.get("name"),
        "title": info.get("title"),
        "version": info.get("version"),
        "instructions": seen["instructions"],
    }


def resolved(tools: list[dict[str, Any]] | None) -> list[dict[str, Any]] | None:
    """Tools as mcpgen puts them on the wire (``$ref`` s inlined), for comparing the
    schemas whatever form they were written in."""
    if tools is None:
        return None
    return wire_tools(validate_contract({"tools": tools}, "tools"))


# -- the snapshot --------------------------------------------------------------------------


@pytest.mark.parametrize("server", SERVERS)
def test_the_snapshot_holds_what_the_live_server_lists(trips: dict[str, Trip], server: str) -> None:
    trip = trips[server]
    live = observed(trip, "live", "legacy")
    saved = json.loads(trip.contract.read_text(encoding="utf-8"))
    for key in LISTS:
        assert saved.get(key) == (live[key] or None), key
    # Empty text (the version of ``plain``) is left out.
    assert {k: saved.get(k) for k in IDENTITY} == {k: v or None for k, v in identity(live).items()}
    assert set(IDENTITY) & set(saved) == CARRIES[server]
    assert live["serverInfo"] is not None and live["call"]["isError"] is False
    assert {k: saved[k] for k in INFO if k in saved} == {
        k: v for k, v in live["serverInfo"].items() if k in INFO
    }
    assert bool(set(INFO) & set(saved)) == (server == "rich")


# -- the skeleton's lists against the live server's ---------------------------------------


def _list_cases() -> list[Any]:
    cases = []
    for server in SERVERS:
        for era in ERAS:
            for kind in LISTS:
                cases.append(pytest.param(server, era, kind, id=f"{server}-{era}-{kind}"))
    return cases


@pytest.mark.parametrize(("server", "era", "kind"), _list_cases())
def test_the_skeleton_lists_what_the_live_server_lists(
    trips: dict[str, Trip], server: str, era: str, kind: str
) -> None:
    trip = trips[server]
    live = observed(trip, "live", era)
    skeleton = observed(trip, "skeleton", era)
    if kind in OFFERS[server]:
        assert live[kind], f"{server} has no {kind}: the comparison would prove nothing"
        assert skeleton[kind] == live[kind]
    else:
        _assert_neither_has(live[kind], skeleton[kind])


def _assert_neither_has(live: list[Any] | None, skeleton: list[Any] | None) -> None:
    """MCPServer advertises resources even with none (the list is empty); the snapshot
    leaves empty lists out and the skeleton advertises only what the contract has."""
    assert not live
    assert skeleton is None


@pytest.mark.parametrize("server", SERVERS)
@pytest.mark.parametrize("era", ERAS)
def test_tool_schemas_with_their_own_defs_are_served_as_written(
    trips: dict[str, Trip], server: str, era: str
) -> None:
    """Schemas that carry their own ``$defs`` (as pydantic writes nested models) keep their
    references on the skeleton's wire, as on the live server's; the servers compared above
    include such schemas where expected."""
    trip = trips[server]
    live = observed(trip, "live", era)["tools"]
    skeleton = observed(trip, "skeleton", era)["tools"]
    assert skeleton == live
    has_defs = any(
        "$defs" in t["inputSchema"] or "$defs" in t.get("outputSchema", {}) for t in live
    )
    assert has_defs == (server in SCHEMAS_WITH_DEFS)


@pytest.mark.parametrize("server", SERVERS)
@pytest.mark.parametrize("era", ERAS)
def test_the_skeleton_has_the_live_servers_identity(
    trips: dict[str, Trip], server: str, era: str
) -> None:
    trip = trips[server]
    live = observed(trip, "live", era)
    skeleton = observed(trip, "skeleton", era)
    assert live["serverInfo"] is not None and skeleton["serverInfo"] is not None
    saved = json.loads(trip.contract.read_text(encoding="utf-8"))
    carried = sorted(CARRIES[server])
    expected = {k: saved[k] for k in carried}
    assert {k: identity(live)[k] for k in carried} == expected
    assert {k: identity(skeleton)[k] for k in carried} == expected
    if "instructions" not in carried:
        assert identity(skeleton)["instructions"] is identity(live)["instructions"] is None


@pytest.mark.parametrize("server", SERVERS)
def test_the_skeleton_has_all_of_the_live_servers_info(trips: dict[str, Trip], server: str) -> None:
    trip = trips[server]
    live = observed(trip, "live", "legacy")["serverInfo"]
    assert observed(trip, "skeleton", "legacy")["serverInfo"] == live


@pytest.mark.parametrize("server", SERVERS)
def test_over_http(trips: dict[str, Trip], server: str) -> None:
    trip = trips[server]
    live = observed(trip, "live", HTTP_ERA, "http")
    skeleton = observed(trip, "skeleton", HTTP_ERA, "http")
    for kind in ("resources", "resourceTemplates", "prompts"):
        if kind in OFFERS[server]:
            assert skeleton[kind] == live[kind], kind
        else:
            _assert_neither_has(live[kind], skeleton[kind])
    assert skeleton["tools"] == resolved(live["tools"])
    if server not in SCHEMAS_WITH_DEFS:
        assert skeleton["tools"] == live["tools"]
    carried = sorted(CARRIES[server])
    assert [identity(skeleton)[k] for k in carried] == [identity(live)[k] for k in carried]
    assert skeleton["call"] == live["call"]
    # HTTP and stdio show the same.
    stdio = observed(trip, "live", HTTP_ERA)
    assert {k: live[k] for k in (*LISTS, "serverInfo")} == {
        k: stdio[k] for k in (*LISTS, "serverInfo")
    }


# -- one implemented tool ------------------------------------------------------------------


@pytest.mark.parametrize("server", SERVERS)
@pytest.mark.parametrize("era", ERAS)
def test_the_implemented_tool_answers_as_the_live_one(
    trips: dict[str, Trip], server: str, era: str
) -> None:
    trip = trips[server]
    live = observed(trip, "live", era)["call"]
    assert live["isError"] is False and live["structuredContent"]
    assert observed(trip, "skeleton", era)["call"] == live


def test_generated_clients_pass_ruff_and_mypy(trips: dict[str, Trip]) -> None:
    root = trips["functions"].clients
    check_packages(root, *(trip.client_package for trip in trips.values()))


async def _client_call(trip: Trip, target: StdioServerParameters) -> Any:
    package = load_client(trip.clients, trip.client_package)
    cls: Any = next(
        value
        for name, value in vars(package).items()
        if name.endswith("Client") and isinstance(value, type) and name != "ToolError"
    )
    name, arguments = CALLS[trip.name]
    async with cls.stdio(target.command, *target.args, env=target.env) as client:
        result = await getattr(client, name)(**arguments)
    return result


def test_the_generated_client_calls_the_skeleton(trips: dict[str, Trip]) -> None:
    answers = {
        name: (anyio.run(_client_call, trip, trip.skeleton_stdio), trip)
        for name, trip in trips.items()
    }
    assert answers["functions"][0] == 42
    added = answers["catalog"][0]
    assert type(added).__name__ == "AddOutput" and (added.total, added.count) == (6, 3)
    made = answers["rich"][0]
    assert type(made).__name__ == "ShapeOutput"
    assert made.model_dump() == {"points": [{"x": 0, "y": 1.5}], "label": "dot"}
    assert answers["plain"][0] == "pong"
    # The same call, the same client, on the live server.
    for name, (answer, trip) in answers.items():
        live = anyio.run(_client_call, trip, trip.live)
        assert live == answer, name
