"""Discovery mode and bounded schemas: servers for large APIs, driven by the official SDK client.

Discovery servers list a fixed set of tools (search, groups, describe, call read-only, call
the rest) over stdio and streamable HTTP in both protocol eras, and call through to the
recording upstream exactly as the per-operation tools would. A document whose operations share
a very deep request schema generates bounded data files and tool schemas that the SDK client
reads, while arguments are still checked against the whole schema.
"""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import anyio
import pytest
from mcp import Client, types
from mcp.shared.exceptions import MCPError
from mcpgen.openapi.build import ServerOptions, tools_mode
from mcpgen.openapi.generate import generate_server
from mcpgen.pipeline import write_tree
from mcpgen.runtime.discovery import tools as discovery_tools
from mcpgen.runtime.schemas import DEFAULT_BUDGET
from mcpgen.runtime.search import Index

from .server_support import (
    CASES,
    ERAS,
    ROOT,
    assert_valid_tools_list,
    generate,
    http_server,
    import_package,
    in_process,
    needs_semantic,
    stdio_client,
)
from .upstream_app import Reply, Upstream, serve

ENV = {"KITCHEN_SINK_API_KEY_HEADER_API_KEY": "upstream-key"}
ITEM = {"id": "7", "name": "lamp"}
OK_REPLY = {"description": "ok"}
DISCOVERY_TOOLS = [
    "search_operations",
    "list_operation_groups",
    "describe_operation",
    "call_operation",
    "call_write_operation",
]


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    root = tmp_path_factory.mktemp("kitchen-discovery")
    return root, generate(CASES / "kitchen.yaml", root, tools_mode="discovery")


@pytest.fixture(scope="module")
def upstream() -> Iterator[Upstream]:
    app = Upstream()
    app.routes["GET /v1/items/7"] = Reply(200, ITEM)
    app.routes["DELETE /v1/items/7"] = Reply(204, b"", "")
    with serve(app):
        yield app


def _version(era: str) -> str:
    return "2025-11-25" if era == "legacy" else era


def _text(result: types.CallToolResult) -> str:
    block = result.content[0]
    assert isinstance(block, types.TextContent)
    return block.text


async def _exercise(client: Client, era: str, upstream: Upstream) -> None:
    listed = await client.list_tools()
    assert_valid_tools_list(
        listed.model_dump(mode="json", by_alias=True, exclude_none=True), _version(era)
    )
    assert [t.name for t in listed.tools] == DISCOVERY_TOOLS
    tools = {t.name: t for t in listed.tools}
    for name in ("search_operations", "list_operation_groups", "describe_operation"):
        hints = tools[name].annotations
        assert hints is not None and hints.read_only_hint is True
    read, write = tools["call_operation"].annotations, tools["call_write_operation"].annotations
    assert read is not None and read.read_only_hint is True and read.destructive_hint is False
    assert write is not None and write.read_only_hint is False and write.destructive_hint is True

    found = await client.call_tool("search_operations", {"query": "remove an item", "limit": 3})
    assert not found.is_error
    assert found.structured_content is not None
    results = found.structured_content["results"]
    assert results[0] == {
        "operation": "deleteItem",
        "method": "DELETE",
        "path": "/items/{id}",
        "summary": results[0]["summary"],
        "tags": [],
        "required": ["id"],
    }
    assert "deleteItem: DELETE /items/{id}" in _text(found)
    assert len(results) <= 3
    # A pasted document is no request: refused at once, naming the argument.
    pasted = await client.call_tool("search_operations", {"query": "remove an item " * 200})
    assert pasted.is_error and _text(pasted).count("\n") == 1 and "query:" in _text(pasted)

    described = await client.call_tool("describe_operation", {"operation": "getItem"})
    assert described.structured_content is not None
    info = described.structured_content
    assert (info["method"], info["path"], info["callWith"]) == (
        "GET",
        "/items/{id}",
        "call_operation",
    )
    assert info["inputSchema"]["required"] == ["id"]
    assert info["annotations"]["readOnlyHint"] is True

    before = len(upstream.requests)
    called = await client.call_tool(
        "call_operation", {"operation": "getItem", "arguments": {"id": "7"}}
    )
    assert not called.is_error, called.content
    assert called.structured_content == ITEM
    assert [(r.method, r.path) for r in upstream.requests[before:]] == [("GET", "/v1/items/7")]
    assert upstream.requests[-1].headers["x-api-key"] == "upstream-key"

    invalid = await client.call_tool(
        "call_operation", {"operation": "getItem", "arguments": {"id": 5}}
    )
    assert invalid.is_error
    assert (
        _text(invalid)
        == "Invalid arguments for operation 'getItem':\nid: 5 is not of type 'string'"
    )
    refused = await client.call_tool(
        "call_operation", {"operation": "deleteItem", "arguments": {"id": "7"}}
    )
    assert refused.is_error and "call_write_operation" in _text(refused)
    unknown = await client.call_tool("describe_operation", {"operation": "nope"})
    assert unknown.is_error and "search_operations" in _text(unknown)
    named = await client.call_tool("describe_operation", {"operation": "x" * 100_000})
    assert named.is_error and "(100,000 characters)" in _text(named)
    assert len(_text(named)) < 300
    assert len(upstream.requests) == before + 1, "refused calls never reach the upstream"

    deleted = await client.call_tool(
        "call_write_operation", {"operation": "deleteItem", "arguments": {"id": "7"}}
    )
    assert not deleted.is_error, deleted.content
    assert (upstream.last().method, upstream.last().path) == ("DELETE", "/v1/items/7")
    # Arguments sent as their JSON text (models and clients do) are read as that object.
    texted = await client.call_tool(
        "call_write_operation", {"operation": "deleteItem", "arguments": '{"id": "7"}'}
    )
    assert not texted.is_error, texted.content
    assert len(upstream.requests) == before + 3
    assert (upstream.last().method, upstream.last().path) == ("DELETE", "/v1/items/7")
    # And an operation's arguments put beside its name rather than in "arguments".
    flat = await client.call_tool("call_operation", {"operation": "getItem", "id": "7"})
    assert not flat.is_error and flat.structured_content == ITEM, flat.content
    assert (upstream.last().method, upstream.last().path) == ("GET", "/v1/items/7")
    for none in (None, ""):  # no arguments, as models say so
        also = await client.call_tool(
            "call_operation", {"operation": "getItem", "arguments": none, "id": "7"}
        )
        assert not also.is_error and also.structured_content == ITEM, also.content
        bare = await client.call_tool("call_operation", {"operation": "getItem", "arguments": none})
        assert bare.is_error
        assert (
            _text(bare) == "Invalid arguments for operation 'getItem':\n'id' is a required property"
        )
    mixed = await client.call_tool(
        "call_operation", {"operation": "getItem", "arguments": {"id": "7"}, "id": "8"}
    )
    assert mixed.is_error and "'id' was unexpected" in _text(mixed)

    # Models copy what they were shown: a name in other letter case, or method and path.
    for alias in ("GETITEM", "GET /items/{id}", " get  /items/{id} "):
        described = await client.call_tool("describe_operation", {"operation": alias})
        assert not described.is_error, (alias, described.content)
        assert described.structured_content is not None
        assert described.structured_content["operation"] == "getItem"
    called = await client.call_tool(
        "call_operation", {"operation": "GET /items/{id}", "arguments": {"id": "7"}}
    )
    assert not called.is_error and called.structured_content == ITEM
    assert (upstream.last().method, upstream.last().path) == ("GET", "/v1/items/7")
    near = await client.call_tool("describe_operation", {"operation": "getItm"})
    assert near.is_error and "did you mean 'getItem'" in _text(near)
    # Or respell it (snake_case, kebab-case) ...
    for alias in ("get_item", "get-item", "Get Item"):
        described = await client.call_tool("describe_operation", {"operation": alias})
        assert not described.is_error, (alias, described.content)
        assert described.structured_content is not None
        assert described.structured_content["operation"] == "getItem"
    # ... or give what it does for its name: what search finds for those words.
    worded = await client.call_tool("describe_operation", {"operation": "remove an item"})
    assert worded.is_error and "did you mean 'deleteItem'" in _text(worded), worded.content
    # An operation called as a tool: a protocol error that says how to call it.
    for tool, via in (("getItem", "call_operation"), ("delete_item", "call_write_operation")):
        with pytest.raises(MCPError) as raised:
            await client.call_tool(tool, {"id": "7"})
        assert raised.value.error.code == types.INVALID_PARAMS
        assert f"call it with {via}, its arguments in 'arguments'" in raised.value.error.message
    with pytest.raises(MCPError, match="did you mean 'call_write_operation'"):
        await client.call_tool("call_operation_write", {"operation": "deleteItem"})
    written = await client.call_tool(
        "call_operation", {"operation": "delete /items/{id}", "arguments": {"id": "7"}}
    )
    assert written.is_error and "deleteItem is a DELETE operation" in _text(written)


@pytest.mark.parametrize("era", ERAS)
def test_discovery_over_stdio(project: tuple[Path, str], upstream: Upstream, era: str) -> None:
    root, package = project

    async def run() -> None:
        client = stdio_client(root, package, "--base-url", upstream.url + "/v1", env=ENV, mode=era)
        async with client:
            await _exercise(client, era, upstream)

    anyio.run(run)


@pytest.mark.parametrize("era", ERAS)
def test_discovery_over_http(project: tuple[Path, str], upstream: Upstream, era: str) -> None:
    root, package = project
    with http_server(root, package, "--base-url", upstream.url + "/v1", env=ENV) as url:

        async def run() -> None:
            async with Client(url, mode=era) as client:  # type: ignore[arg-type]
                await _exercise(client, era, upstream)

        anyio.run(run)


def test_groups_and_browsing(tmp_path: Path) -> None:
    contents, project, _ = generate_server(
        str(ROOT / "spec" / "openapi" / "petstore.yaml"), ServerOptions(tools_mode="discovery")
    )
    write_tree(tmp_path, contents)
    server = import_package(tmp_path, project.package)
    tags = sorted({tag for tool in project.tools for tag in tool.tags})
    assert tags

    async def run() -> tuple[Any, Any]:
        async with in_process(server, "http://127.0.0.1:9") as client:
            groups = await client.call_tool("list_operation_groups", {})
            browsed = await client.call_tool("search_operations", {"query": "", "tag": tags[0]})
            unknown = await client.call_tool(
                "search_operations", {"query": "pets", "tag": "no such group"}
            )
            assert unknown.structured_content == {"results": []}
            assert unknown.content[0].text == (  # type: ignore[union-attr]
                "No group is named 'no such group'; list_operation_groups lists the groups."
            )
            near = await client.call_tool("search_operations", {"query": "", "tag": tags[0][:-1]})
            assert near.structured_content == {"results": []}
            assert near.content[0].text == (  # type: ignore[union-attr]
                f"No group is named {tags[0][:-1]!r}; did you mean {tags[0]!r}? "
                "list_operation_groups lists the groups."
            )
            # A group that is there, and words that are in none of its operations.
            none = await client.call_tool(
                "search_operations", {"query": "zzyzx qwv", "tag": tags[0].upper()}
            )
            assert none.structured_content == {"results": []}
            assert none.content[0].text.startswith("No operation matches")  # type: ignore[union-attr]
            return groups.structured_content, browsed.structured_content

    groups, browsed = anyio.run(run)
    assert sorted(g["tag"] for g in groups["groups"]) == tags
    in_tag = [t.name for t in project.tools if tags[0] in t.tags]
    assert [r["operation"] for r in browsed["results"]] == in_tag


def test_a_group_asked_of_an_api_without_groups(tmp_path: Path) -> None:
    document = tmp_path / "plain.json"
    document.write_text(json.dumps(_document(3)))
    contents, project, _ = generate_server(str(document), ServerOptions(tools_mode="discovery"))
    write_tree(tmp_path / "out", contents)
    server = import_package(tmp_path / "out", project.package)

    async def run() -> types.CallToolResult:
        async with in_process(server, "http://127.0.0.1:9") as client:
            return await client.call_tool("search_operations", {"query": "things", "tag": "x"})

    result = anyio.run(run)
    assert result.structured_content == {"results": []}
    assert _text(result) == "No group is named 'x': this API's operations have no groups."


def _document(operations: int) -> dict[str, Any]:
    return {
        "openapi": "3.1.0",
        "info": {"title": "Wide", "version": "1"},
        "servers": [{"url": "https://api.example.test"}],
        "paths": {
            f"/things{i}": {
                "get": {
                    "operationId": f"listThings{i}",
                    "responses": {"200": {"description": "ok"}},
                }
            }
            for i in range(operations)
        },
    }


def test_auto_mode_follows_the_documented_rule(tmp_path: Path) -> None:
    small = tmp_path / "small.json"
    small.write_text(json.dumps(_document(40)))
    _, project, _ = generate_server(str(small), ServerOptions())
    assert project.tools_mode == "operations"
    assert project.tools_mode_reason.startswith("40 operations")
    large = tmp_path / "large.json"
    large.write_text(json.dumps(_document(41)))
    _, project, _ = generate_server(str(large), ServerOptions())
    assert project.tools_mode == "discovery"
    assert project.tools_mode_reason == "41 operations is more than 40"
    _, forced, _ = generate_server(str(large), ServerOptions(tools_mode="operations"))
    assert (forced.tools_mode, forced.tools_mode_reason) == (
        "operations",
        "--tools-mode operations",
    )
    # Few operations with a large tool list (each schema within the budget): the bytes decide.
    wide = _document(10)
    for item in wide["paths"].values():
        item["get"]["parameters"] = [
            {"name": f"p{i}", "in": "query", "description": "d" * 120, "schema": {"type": "string"}}
            for i in range(90)
        ]
    (tmp_path / "wide.json").write_text(json.dumps(wide))
    _, project, _ = generate_server(str(tmp_path / "wide.json"), ServerOptions())
    assert project.tools_mode == "discovery"
    assert "bytes" in project.tools_mode_reason
    assert mode_of(project) == "discovery"


def mode_of(project: Any) -> str:
    return tools_mode(project, "auto")[0]


def _deep_document(operations: int, depth: int, fanout: int) -> dict[str, Any]:
    """``operations`` operations that all take one request schema which, inlined, has
    ``fanout ** depth`` leaves: shared in the document, enormous when copied."""
    schemas: dict[str, Any] = {
        f"Level{depth}": {"type": "object", "properties": {"value": {"type": "integer"}}}
    }
    for level in range(depth - 1, -1, -1):
        schemas[f"Level{level}"] = {
            "type": "object",
            "description": f"level {level}",
            "properties": {
                f"child{k}": {"$ref": f"#/components/schemas/Level{level + 1}"}
                for k in range(fanout)
            },
        }
    body = {
        "required": True,
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Level0"}}},
    }
    paths = {
        f"/things/{i}": {
            "post": {
                "operationId": f"updateThing{i}",
                "requestBody": body,
                "responses": {
                    "200": {
                        "description": "ok",
                        "content": {
                            "application/json": {"schema": {"$ref": "#/components/schemas/Level0"}}
                        },
                    }
                },
            }
        }
        for i in range(operations)
    }
    return {
        "openapi": "3.1.0",
        "info": {"title": "Deep", "version": "1"},
        "servers": [{"url": "https://api.example.test"}],
        "paths": paths,
        "components": {"schemas": schemas},
    }


def test_a_large_shared_schema_stays_bounded(tmp_path: Path) -> None:
    # Inlined, each tool's schemas would be about 2 x 8 MB; 300 tools, about 5 GB.
    document = tmp_path / "deep.json"
    document.write_text(json.dumps(_deep_document(300, 7, 6)))
    options = ServerOptions(tools_mode="operations")
    contents, project, _ = generate_server(str(document), options)
    data = sum(
        len(text if isinstance(text, bytes) else text.encode())
        for path, text in contents.items()
        if path.suffix == ".json"
    )
    # Of the order of the document (whose operations here are tiny beside their tools' entries).
    assert data <= 4 * document.stat().st_size
    assert tools_mode(project, "auto")[0] == "discovery"
    write_tree(tmp_path / "out", contents)
    server = import_package(tmp_path / "out", project.package)
    upstream = Upstream()
    upstream.routes["*"] = Reply(200, {"child0": {}})

    async def run() -> tuple[types.ListToolsResult, types.CallToolResult, types.CallToolResult]:
        with serve(upstream):
            async with in_process(server, upstream.url) as client:
                listed = await client.list_tools()
                deep = {"child0": {"child1": {"child2": {"child3": {"child4": {"child5": {}}}}}}}
                deep["child0"]["child1"]["child2"]["child3"]["child4"]["child5"]["child0"] = {
                    "value": "not a number"
                }
                bad = await client.call_tool("updateThing3", deep)
                good = await client.call_tool("updateThing3", {"child0": {"child1": {}}})
                return listed, bad, good

    listed, bad, good = anyio.run(run)
    assert len(listed.tools) == 300
    wire = listed.model_dump(mode="json", by_alias=True, exclude_none=True)

    async def over_stdio() -> int:
        async with stdio_client(tmp_path / "out", project.package) as client:
            return len((await client.list_tools()).tools)

    assert anyio.run(over_stdio) == 300, "the SDK client reads the whole list over stdio"
    assert_valid_tools_list(wire, "2025-11-25")
    for tool in wire["tools"]:
        for key in ("inputSchema", "outputSchema"):
            text = json.dumps(tool[key], separators=(",", ":"), ensure_ascii=False)
            assert len(text.encode()) <= DEFAULT_BUDGET, (tool["name"], key, len(text))
    # Inlining would repeat each level: the levels are shared in the tool's own $defs.
    assert set(wire["tools"][0]["inputSchema"]["$defs"]) == {f"Level{n}" for n in range(1, 8)}
    # The whole schema still checks the arguments, at any depth.
    assert bad.is_error
    assert "child0/child1/child2/child3/child4/child5/child0/value" in _text(bad)
    assert not good.is_error, good.content


def test_discovery_describes_summarised_parts_in_full(tmp_path: Path) -> None:
    document = tmp_path / "deep.json"
    document.write_text(json.dumps(_deep_document(50, 5, 5)))
    contents, project, _ = generate_server(str(document), ServerOptions(name="deep-described"))
    assert project.tools_mode == "discovery"
    write_tree(tmp_path / "out", contents)
    server = import_package(tmp_path / "out", project.package)

    async def run() -> tuple[Any, Any, types.CallToolResult]:
        async with in_process(server, "http://127.0.0.1:9") as client:
            whole = await client.call_tool("describe_operation", {"operation": "updateThing1"})
            at = "/properties/child0/properties/child1"
            part = await client.call_tool(
                "describe_operation", {"operation": "updateThing1", "at": at}
            )
            missing = await client.call_tool(
                "describe_operation", {"operation": "updateThing1", "at": "/properties/nope"}
            )
            return whole.structured_content, part.structured_content, missing

    whole, part, missing = anyio.run(run)
    assert len(json.dumps(whole["inputSchema"])) <= 4 * DEFAULT_BUDGET
    assert part["schema"]["description"] == "level 2"
    assert set(part["schema"]["properties"]) == {f"child{k}" for k in range(5)}
    assert missing.is_error and "nothing at '/properties/nope'" in _text(missing)


TASK_OPERATIONS = [
    # operationId, method, path, summary
    ("getTask", "get", "/tasks/{task_gid}", "Get a task"),
    ("updateTask", "put", "/tasks/{task_gid}", "Update a task"),
    ("deleteTask", "delete", "/tasks/{task_gid}", "Delete a task"),
    ("createTask", "post", "/tasks", "Create a task"),
    ("duplicateTask", "post", "/tasks/{task_gid}/duplicate", "Duplicate a task"),
    ("addTagForTask", "post", "/tasks/{task_gid}/addTag", "Add a tag to a task"),
    ("addFollowersForTask", "post", "/tasks/{task_gid}/addFollowers", "Add followers to a task"),
    ("createStoryForTask", "post", "/tasks/{task_gid}/stories", "Create a story on a task"),
    ("getSubtasksForTask", "get", "/tasks/{task_gid}/subtasks", "Get subtasks from a task"),
    ("setParentForTask", "post", "/tasks/{task_gid}/setParent", "Set the parent of a task"),
    ("addDependencies", "post", "/tasks/{task_gid}/addDependencies", "Set dependencies"),
    ("getAttachments", "get", "/attachments", "Get attachments from an object"),
]


def _tasks_document() -> dict[str, Any]:
    paths: dict[str, Any] = {}
    for name, method, path, title in TASK_OPERATIONS:
        parameters = [
            {"name": "task_gid", "in": "path", "required": True, "schema": {"type": "string"}}
        ]
        paths.setdefault(path, {})[method] = {
            "operationId": name,
            "summary": title,
            "parameters": parameters if "{task_gid}" in path else [],
            "responses": {"200": {"description": "ok"}},
        }
    return {
        "openapi": "3.1.0",
        "info": {"title": "Tasks", "version": "1"},
        "servers": [{"url": "https://api.example.test"}],
        "paths": paths,
    }


@needs_semantic
@pytest.mark.parametrize("era", ERAS)
def test_hybrid_search_finds_what_a_request_means(tmp_path: Path, era: str) -> None:
    """No word of "replicate task 4411" but "task" is in the operation that duplicates a task,
    and "task" is in every operation: only the meaning ranks it near the top. The model
    comes from the installed package, never from a download (any attempt would go
    nowhere)."""
    document = tmp_path / "tasks.json"
    document.write_text(json.dumps(_tasks_document()))
    found: dict[str, list[str]] = {}
    for search in ("hybrid", "lexical"):
        root = tmp_path / search
        package = generate(document, root, tools_mode="discovery", search=search)
        dependencies = (root / "pyproject.toml").read_text("utf-8")
        assert ("wordllama" in dependencies) == (search == "hybrid")
        data = json.loads((root / package / "search.json").read_text("utf-8"))
        assert data["semantic"] is (search == "hybrid")
        env = {"HF_ENDPOINT": "http://127.0.0.1:9", "HF_HUB_OFFLINE": "0"}

        async def run() -> list[str]:
            async with stdio_client(root, package, env=env, mode=era) as client:  # noqa: B023
                result = await client.call_tool(
                    "search_operations", {"query": "replicate task 4411", "limit": 5}
                )
                assert result.structured_content is not None
                return [r["operation"] for r in result.structured_content["results"]]

        found[search] = anyio.run(run)
    assert "duplicateTask" in found["hybrid"][:3], found
    # Lexical search ranks it lower, after every operation that shares the word "task".
    lexical = found["lexical"]
    assert "duplicateTask" not in lexical[:3], found
    lexical_rank = lexical.index("duplicateTask") if "duplicateTask" in lexical else len(lexical)
    assert lexical_rank > found["hybrid"].index("duplicateTask"), found
    # Where words match, the lexical first result stays first.
    assert found["hybrid"][0] == found["lexical"][0]


def test_the_server_answers_while_a_first_search_builds_its_index(tmp_path: Path) -> None:
    """The first search builds the index (and, for hybrid search, embeds every operation):
    it runs in a worker thread, so a request sent meanwhile is answered first."""
    colours = ["red", "green", "blue", "amber", "violet", "cyan", "olive", "maroon"]
    document = _document(3000)
    for i, item in enumerate(document["paths"].values()):
        item["get"]["summary"] = f"List the {colours[i % 8]} things of group {i}"
        item["get"]["description"] = f"Every {colours[(i + 3) % 8]} thing that group {i} has."
    path = tmp_path / "many.json"
    path.write_text(json.dumps(document))
    package = generate(path, tmp_path / "out", tools_mode="discovery")
    server = import_package(tmp_path / "out", package)

    async def run() -> list[str]:
        done: list[str] = []
        async with in_process(server, "http://127.0.0.1:9", timeout=60) as client:

            async def search() -> None:
                found = await client.call_tool("search_operations", {"query": "red things"})
                assert not found.is_error
                done.append("search")

            async def listing() -> None:
                await anyio.sleep(0.02)  # the search has begun
                listed = await client.list_tools()
                assert len(listed.tools) == len(DISCOVERY_TOOLS)
                done.append("tools/list")

            async with anyio.create_task_group() as group:
                group.start_soon(search)
                group.start_soon(listing)
        return done

    assert anyio.run(run) == ["tools/list", "search"]


@pytest.mark.parametrize("mode", ["discovery", "operations"])
def test_a_discovery_server_makes_its_index_once_its_tools_are_listed(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, mode: str
) -> None:
    """A client that lists the tools is about to search: a discovery server makes its
    tools' argument validators and search index and loads its operations meanwhile (and
    says so once ready), so that the first search need not wait for them. A per-operation
    server has no index to make."""
    package = generate(CASES / "kitchen.yaml", tmp_path / "out", tools_mode=mode)
    server = import_package(tmp_path / "out", package)
    ready = "search index and operations ready"
    catalog = sys.modules[f"{package}.catalog"]

    def made_late(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("a validator made at the first call, not while warming up")

    async def run() -> bool:
        async with in_process(server, "http://127.0.0.1:9", timeout=60) as client:
            listed = await client.list_tools()
            assert listed.tools
            for _ in range(600):
                if ready in caplog.text:
                    with pytest.MonkeyPatch.context() as patch:
                        patch.setattr(catalog, "validator_for", made_late)
                        found = await client.call_tool("search_operations", {"query": "pet"})
                    assert not found.is_error, found
                    return True
                await anyio.sleep(0.05 if mode == "discovery" else 0.002)
            return False

    with caplog.at_level(logging.INFO):
        assert anyio.run(run) is (mode == "discovery"), caplog.text
        assert caplog.text.count(ready) == (mode == "discovery")


def test_search_json_keeps_only_the_path_terms_the_server_cannot_make(tmp_path: Path) -> None:
    """A path segment of run-together words (``clusterrolebindings``) is stored split into
    the API's words; a path as plain as its words is left to the server (null)."""
    document = _document(0)
    document["paths"] = {
        "/apis/clusterrolebindings": {
            "get": {"operationId": "listClusterRoleBindings", "responses": {"200": OK_REPLY}}
        },
        "/repos/{id}": {"get": {"operationId": "getRepo", "responses": {"200": OK_REPLY}}},
    }
    path = tmp_path / "segments.json"
    path.write_text(json.dumps(document))
    package = generate(path, tmp_path / "out", tools_mode="discovery")
    data = json.loads((tmp_path / "out" / package / "search.json").read_text("utf-8"))
    assert data["segments"] == [["api", "cluster role bind"], None]
    index = Index(data)
    assert index.words.segments == [["api", "cluster role bind"], ["repo"]]
    assert [op["operation"] for op in index.search("cluster role bindings", 1)] == [
        "listClusterRoleBindings"
    ]


def test_search_json_reads_what_a_fragment_after_a_parameter_names(tmp_path: Path) -> None:
    """``/{Bucket}#objectlock`` (Amazon's way of telling operations on one URL apart) acts
    on the bucket's object lock, split as other path words are; a fragment that names a
    required argument (``#newStatus``) is a query parameter, no path word."""
    document = _document(0)
    param = {"in": "path", "name": "id", "required": True, "schema": {"type": "string"}}
    status = {"in": "query", "name": "newStatus", "required": True, "schema": {"type": "string"}}
    document["paths"] = {
        "/{id}#objectlock": {
            "get": {
                "operationId": "getObjectLock",
                "parameters": [param],
                "responses": {"200": OK_REPLY},
            }
        },
        "/certs/{id}#newStatus": {
            "put": {
                "operationId": "updateCertificate",
                "parameters": [param, status],
                "responses": {"200": OK_REPLY},
            }
        },
    }
    path = tmp_path / "fragments.json"
    path.write_text(json.dumps(document))
    package = generate(path, tmp_path / "out", tools_mode="discovery")
    data = json.loads((tmp_path / "out" / package / "search.json").read_text("utf-8"))
    assert data["segments"] == [["object lock"], None]
    assert Index(data).words.segments == [["object lock"], ["cert"]]


def test_what_an_operation_answers_with_says_what_it_is_about(tmp_path: Path) -> None:
    """ "Create a NetworkPolicy" says nothing of traffic; the schema it answers with does
    ("NetworkPolicy describes what network traffic is allowed..."): its description's first
    sentence is searched with the operation's description. A schema most operations answer
    with (a status, an error) says nothing of which, and is not."""

    def reply(name: str) -> dict[str, Any]:
        schema = {"$ref": f"#/components/schemas/{name}"}
        return {"200": {"description": "ok", "content": {"application/json": {"schema": schema}}}}

    document = _document(0)
    document["components"] = {
        "schemas": {
            "NetworkPolicy": {
                "type": "object",
                "description": "NetworkPolicy describes what network traffic is allowed for a "
                "set of Pods. It is namespaced.",
            },
            "Pod": {"type": "object", "description": "Pod is a collection of containers."},
            "Ingress": {
                "type": "object",
                "description": "Ingress routes outside requests to pods.",
            },
            "Status": {"type": "object", "description": "Status says whether traffic went."},
        }
    }
    paths: dict[str, Any] = {
        "/networkpolicies": {
            "post": {"operationId": "createNetworkPolicy", "responses": reply("NetworkPolicy")}
        },
        "/pods": {"post": {"operationId": "createPod", "responses": reply("Pod")}},
        "/ingresses/{name}": {
            "parameters": [{"name": "name", "in": "path", "required": True, "schema": {}}],
            "get": {
                "operationId": "readIngress",
                "summary": "Read an ingress",
                "responses": reply("Ingress"),
            },
            "delete": {
                "operationId": "deleteIngress",
                "summary": "Delete an ingress",
                "responses": reply("Status"),
            },
        },
    }
    for i in range(3):  # most operations answer with a Status
        paths[f"/things{i}"] = {"delete": {"operationId": f"deleteThing{i}"}}
        paths[f"/things{i}"]["delete"]["responses"] = reply("Status")
    document["paths"] = paths
    path = tmp_path / "subjects.json"
    path.write_text(json.dumps(document))
    package = generate(path, tmp_path / "out", tools_mode="discovery")
    data = json.loads((tmp_path / "out" / package / "search.json").read_text("utf-8"))
    more = dict(zip((op["operation"] for op in data["operations"]), data["more"], strict=True))
    assert "traffic" in more["createNetworkPolicy"].split()
    assert "namespac" not in more["createNetworkPolicy"].split()  # the first sentence only
    assert "traffic" not in more["deleteThing0"].split()
    # A delete answers with a status, but is about its path's thing as its read is.
    assert "rout" in more["deleteIngress"].split()
    index = Index(data)
    found = [op["operation"] for op in index.search("decide what traffic gets in", 1)]
    assert found == ["createNetworkPolicy"]


def test_what_a_path_parameter_may_be_says_what_an_operation_does(tmp_path: Path) -> None:
    """``POST /sessions/{id}/playing/{command}`` with Pause, Stop or Seek: the allowed
    values of a path parameter (a few, text) are searched with the operation's description;
    a long list of them is data, and is not."""
    document = _document(0)
    document["components"] = {
        "schemas": {
            "Command": {
                "type": "string",
                "enum": ["Pause", "Unpause", "Stop", "Seek", "overlong" * 8],
            },
            "Command2": {"$ref": "#/components/schemas/Command"},
            "Code": {"type": "string", "enum": [f"x{i}" for i in range(41)]},
        }
    }

    def at(name: str, schema: dict[str, Any]) -> dict[str, Any]:
        return {"name": name, "in": "path", "required": True, "schema": schema}

    document["paths"] = {
        "/sessions/{id}/playing/{command}": {
            "post": {
                "operationId": "sendCommand",
                "parameters": [
                    at("id", {"type": "string"}),
                    at("command", {"$ref": "#/components/schemas/Command2"}),
                ],
                "responses": {"200": OK_REPLY},
            }
        },
        "/codes/{code}": {
            "get": {
                "operationId": "readCode",
                "parameters": [at("code", {"$ref": "#/components/schemas/Code"})],
                "responses": {"200": OK_REPLY},
            }
        },
        "/sessions": {"get": {"operationId": "listSessions", "responses": {"200": OK_REPLY}}},
    }
    path = tmp_path / "choices.json"
    path.write_text(json.dumps(document))
    package = generate(path, tmp_path / "out", tools_mode="discovery")
    data = json.loads((tmp_path / "out" / package / "search.json").read_text("utf-8"))
    more = dict(zip((op["operation"] for op in data["operations"]), data["more"], strict=True))
    assert {"paus", "unpaus", "stop", "seek"} <= set(more["sendCommand"].split())
    assert "overlong" not in more["sendCommand"]  # too long to name an action
    assert "x1" not in more["readCode"].split()
    found = [op["operation"] for op in Index(data).search("pause the session", 1)]
    assert found == ["sendCommand"]


def test_what_a_read_may_list_says_what_it_lists(tmp_path: Path) -> None:
    """``GET /images?type=snapshot``: the allowed values of a read's query parameters say
    which of its things it lists ("show me all my snapshots"); a write's query parameters
    say how it writes, and are not searched."""
    document = _document(0)

    def query(name: str, values: list[str]) -> dict[str, Any]:
        return {"name": name, "in": "query", "schema": {"type": "string", "enum": values}}

    document["paths"] = {
        "/images": {
            "get": {
                "operationId": "listImages",
                "summary": "Get all Images",
                "parameters": [query("type", ["system", "snapshot", "backup"])],
                "responses": {"200": OK_REPLY},
            },
            "post": {
                "operationId": "createImage",
                "summary": "Create an Image",
                "parameters": [query("mode", ["overwrite", "merge"])],
                "responses": {"200": OK_REPLY},
            },
        },
        "/images/{id}": {
            "delete": {
                "operationId": "deleteImage",
                "summary": "Delete an Image",
                "description": "Deletes an image; a snapshot or a backup goes for good.",
                "parameters": [
                    {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}
                ],
                "responses": {"200": OK_REPLY},
            }
        },
    }
    path = tmp_path / "reads.json"
    path.write_text(json.dumps(document))
    package = generate(path, tmp_path / "out", tools_mode="discovery")
    data = json.loads((tmp_path / "out" / package / "search.json").read_text("utf-8"))
    more = dict(zip((op["operation"] for op in data["operations"]), data["more"], strict=True))
    assert {"system", "snapshot", "backup"} <= set(more["listImages"].split())
    assert "overwrit" not in more["createImage"].split()
    found = [op["operation"] for op in Index(data).search("show me all my snapshots", 1)]
    assert found == ["listImages"]


@pytest.mark.parametrize(
    ("title", "named"),
    [
        ("Stripe API", "the Stripe API"),
        ("GitHub v3 REST API", "the GitHub v3 REST API"),
        ("Cloud APIs", "the Cloud APIs"),
        ("Swagger Petstore", "the Swagger Petstore API"),
        ("Rapid Transit", "the Rapid Transit API"),
    ],
)
def test_discovery_tools_name_the_api_once(title: str, named: str) -> None:
    listed = discovery_tools({"server": {"title": title}, "operationCount": 3})
    descriptions = {tool["name"]: tool["description"] for tool in listed}
    assert f"Find {named} operations" in descriptions["search_operations"]
    assert f"of {named}'s operations" in descriptions["list_operation_groups"]
    assert f"of {named} with its" in descriptions["call_operation"]
    assert f"of {named} that may" in descriptions["call_write_operation"]
    assert all("API API" not in text for text in descriptions.values())


def test_search_json_reads_a_one_letter_segment_by_the_parameter_after_it(
    tmp_path: Path,
) -> None:
    """``/b/{bucket}/o/{object}`` (Google Cloud Storage's paths): b is the bucket, o the
    object, wherever they are, as the parameters after them say."""
    document = _document(0)

    def parameter(name: str) -> dict[str, Any]:
        return {"in": "path", "name": name, "required": True, "schema": {"type": "string"}}

    def operation(name: str, *names: str) -> dict[str, Any]:
        return {
            "operationId": name,
            "parameters": [parameter(n) for n in names],
            "responses": {"200": OK_REPLY},
        }

    document["paths"] = {
        "/b/{bucket}": {"get": operation("storage.buckets.get", "bucket")},
        "/b/{bucket}/o": {"post": operation("storage.objects.insert", "bucket")},
        "/b/{bucket}/o/{object}": {"get": operation("storage.objects.get", "bucket", "object")},
        "/b/{bucket}/acl": {"get": operation("storage.bucketAccessControls.list", "bucket")},
    }
    path = tmp_path / "letters.json"
    path.write_text(json.dumps(document))
    package = generate(path, tmp_path / "out", tools_mode="discovery")
    data = json.loads((tmp_path / "out" / package / "search.json").read_text("utf-8"))
    assert data["segments"] == [
        ["bucket"],
        ["bucket", "object"],
        ["bucket", "object"],
        ["bucket", "acl"],
    ]
    # What each operation acts on: the bucket, its objects, an object.
    assert Index(data).traits.resources[:3] == [{"bucket"}, {"object"}, {"object"}]


def test_search_json_keeps_what_the_documented_id_patterns_start_with(tmp_path: Path) -> None:
    """A path parameter whose ``pattern`` starts with letters (Twilio's
    ``^WK[0-9a-fA-F]{32}$``) says what IDs of the thing before it look like: a request that
    gives one ("set agent WK12 to offline") names that thing; so do alternatives
    (``^(SM|MM)...``). A start two kinds of thing share says nothing, and a document
    without such patterns has no ``prefixes``."""

    def sid(name: str, prefix: str) -> dict[str, Any]:
        schema = {"type": "string", "pattern": f"^{prefix}[0-9a-fA-F]{{32}}$"}
        return {"in": "path", "name": name, "required": True, "schema": schema}

    def op(name: str, *params: dict[str, Any]) -> dict[str, Any]:
        return {"operationId": name, "parameters": list(params), "responses": {"200": OK_REPLY}}

    space = sid("WorkspaceSid", "WS")
    document = _document(0)
    document["paths"] = {
        "/Workspaces/{WorkspaceSid}/Workers/{Sid}": {
            "post": op("updateWorker", space, sid("Sid", "WK"))
        },
        "/Workspaces/{WorkspaceSid}/Workflows/{Sid}": {
            "post": op("updateWorkflow", space, sid("Sid", "WW"))
        },
        "/Workspaces/{WorkspaceSid}/Tasks/{Sid}": {
            "post": op("updateTask", space, sid("Sid", "WT"))
        },
        "/Workspaces/{WorkspaceSid}/Queues/{Sid}": {"get": op("getQueue", space, sid("Sid", "QU"))},
        "/Workspaces/{WorkspaceSid}/Lists/{Sid}": {"get": op("getList", space, sid("Sid", "QU"))},
        "/Messages/{Sid}": {"get": op("getMessage", sid("Sid", "(SM|MM)"))},
    }
    path = tmp_path / "sids.json"
    path.write_text(json.dumps(document))
    package = generate(path, tmp_path / "out", tools_mode="discovery")
    data = json.loads((tmp_path / "out" / package / "search.json").read_text("utf-8"))
    assert data["prefixes"] == {
        "MM": "Messages",
        "SM": "Messages",
        "WK": "Workers",
        "WS": "Workspaces",
        "WT": "Tasks",
        "WW": "Workflows",
    }
    index = Index(data)
    assert index.words.typed_id("WK12") == ["worker"]
    assert index.words.typed_id("WKX") == []  # no digit: no ID
    assert [op["operation"] for op in index.search("set WK12 to Offline", 1)] == ["updateWorker"]
    assert [op["operation"] for op in index.search("cancel WT900, they hung up", 1)] == [
        "updateTask"
    ]
    # Without ID patterns, no prefixes.
    plain = tmp_path / "plain.json"
    plain.write_text(json.dumps(_document(2)))
    package = generate(plain, tmp_path / "plain", tools_mode="discovery")
    data = json.loads((tmp_path / "plain" / package / "search.json").read_text("utf-8"))
    assert "prefixes" not in data
