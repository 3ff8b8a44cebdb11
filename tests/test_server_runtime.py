"""Generated OpenAPI servers against a real HTTP server: exactly what goes over the wire.

The server runs in-process here (the SDK client connects to the generated
``Server`` object directly); the same server runs over stdio and HTTP in
``test_server_transports.py``.
"""

from __future__ import annotations

import base64
import importlib
import json
import logging
import os
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import anyio
import pytest
from mcp import types
from mcp.shared.exceptions import MCPError

from .server_support import CASES, generate, import_package, in_process
from .upstream_app import Reply, Upstream, serve

PREFIX = "KITCHEN_SINK"


@pytest.fixture(scope="module")
def kitchen(tmp_path_factory: pytest.TempPathFactory) -> ModuleType:
    root = tmp_path_factory.mktemp("kitchen")
    package = generate(CASES / "kitchen.yaml", root)
    return import_package(root, package)


@pytest.fixture
def upstream() -> Iterator[Upstream]:
    app = Upstream()
    with serve(app):
        yield app


@pytest.fixture(autouse=True)
def _credentials(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in list(os.environ):
        if name.startswith(PREFIX):
            monkeypatch.delenv(name)
    monkeypatch.setenv(f"{PREFIX}_API_KEY_HEADER_API_KEY", "header-key")


def call(
    kitchen: ModuleType, upstream: Upstream, name: str, arguments: dict[str, Any], **kw: Any
) -> types.CallToolResult:
    async def run() -> types.CallToolResult:
        async with in_process(kitchen, upstream.url + "/v1", **kw) as client:
            return await client.call_tool(name, arguments)

    return anyio.run(run)


def run_with_client(
    kitchen: ModuleType, upstream: Upstream, body: Callable[[Any], Awaitable[Any]]
) -> Any:
    async def run() -> Any:
        async with in_process(kitchen, upstream.url + "/v1") as client:
            return await body(client)

    return anyio.run(run)


def text(result: types.CallToolResult) -> str:
    first = result.content[0]
    assert isinstance(first, types.TextContent)
    return first.text


ITEM = {"id": 7, "name": "lamp", "tags": ["a"]}


def test_path_query_header_cookie_and_api_key(kitchen: ModuleType, upstream: Upstream) -> None:
    upstream.routes["GET /v1/items/a%2F..%2Fb%20c"] = Reply(200, ITEM)
    result = call(
        kitchen,
        upstream,
        "getItem",
        {"id": "a/../b c", "query_id": 5, "X-Trace": "t-1", "pref": "dark mode"},
    )
    assert not result.is_error, text(result)
    seen = upstream.last()
    assert (seen.method, seen.path, seen.query) == ("GET", "/v1/items/a%2F..%2Fb%20c", "id=5")
    assert seen.headers["x-trace"] == "t-1"
    assert seen.headers["cookie"] == "pref=dark%20mode"
    assert seen.headers["x-api-key"] == "header-key"
    assert "authorization" not in seen.headers
    assert seen.headers["accept"].startswith("application/json")
    assert result.structured_content == ITEM
    assert json.loads(text(result)) == ITEM


def test_dot_segments_cannot_escape_the_path(kitchen: ModuleType, upstream: Upstream) -> None:
    upstream.routes["*"] = Reply(200, ITEM)
    refused = call(kitchen, upstream, "getItem", {"id": ".."})
    assert refused.is_error and "path parameter 'id' would make" in text(refused)
    assert upstream.requests == []
    call(kitchen, upstream, "getItem", {"id": "../../admin?x=1#f"})
    assert upstream.last().path == "/v1/items/..%2F..%2Fadmin%3Fx%3D1%23f"
    assert upstream.last().query == ""


def test_query_styles(
    kitchen: ModuleType, upstream: Upstream, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(f"{PREFIX}_API_KEY_QUERY_API_KEY", "q-key")
    monkeypatch.setenv(f"{PREFIX}_API_KEY_COOKIE_API_KEY", "c key")
    upstream.routes["GET /v1/search"] = Reply(200, [ITEM])
    result = call(
        kitchen,
        upstream,
        "search",
        {
            "tags": ["a", "b c"],
            "ids": [1, 2],
            "filter": {"color": "red", "size": 2},
            "sort": ["x", "y"],
            "q": "a b&c=d",
        },
    )
    assert not result.is_error, text(result)
    seen = upstream.last()
    assert seen.query == (
        "tags=a&tags=b%20c&ids=1%2C2&filter%5Bcolor%5D=red&filter%5Bsize%5D=2"
        "&sort=x%7Cy&q=a%20b%26c%3Dd&api_key=q-key"
    )
    assert seen.headers["cookie"] == "session=c%20key"
    assert "x-api-key" not in seen.headers
    # A non-object response is wrapped, as the outputSchema says.
    assert result.structured_content == {"result": [ITEM]}


def test_colliding_names_and_json_body(kitchen: ModuleType, upstream: Upstream) -> None:
    upstream.routes["PUT /v1/items/7"] = Reply(200, ITEM)
    result = call(
        kitchen,
        upstream,
        "replaceItem",
        {"id": "7", "body_id": "ref-1", "name": "lamp", "yes": True},
    )
    assert not result.is_error, text(result)
    seen = upstream.last()
    assert seen.headers["content-type"] == "application/json"
    assert seen.json() == {"id": "ref-1", "name": "lamp", "yes": True}


def test_bearer_then_basic_alternatives(
    kitchen: ModuleType, upstream: Upstream, monkeypatch: pytest.MonkeyPatch
) -> None:
    upstream.routes["DELETE /v1/items/1"] = Reply(204, b"", content_type="")
    monkeypatch.setenv(f"{PREFIX}_BASIC_USERNAME", "ann")
    monkeypatch.setenv(f"{PREFIX}_BASIC_PASSWORD", "s3cret")
    result = call(kitchen, upstream, "deleteItem", {"id": "1"})
    assert not result.is_error
    assert text(result) == "HTTP 204 (no content)"
    assert (
        upstream.last().headers["authorization"]
        == "Basic " + base64.b64encode(b"ann:s3cret").decode()
    )
    monkeypatch.setenv(f"{PREFIX}_BEARER_TOKEN", "tok")
    call(kitchen, upstream, "deleteItem", {"id": "1"})
    assert upstream.last().headers["authorization"] == "Bearer tok"


def test_oauth2_client_credentials_fetched_cached_and_refreshed(
    kitchen: ModuleType, upstream: Upstream, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(f"{PREFIX}_OAUTH_CLIENT_ID", "cid")
    monkeypatch.setenv(f"{PREFIX}_OAUTH_CLIENT_SECRET", "csecret")
    tokens = iter(["tok-1", "tok-2"])
    upstream.routes["POST /oauth/token"] = lambda r: Reply(
        200, {"access_token": next(tokens), "expires_in": 3600, "token_type": "bearer"}
    )
    replies = [
        Reply(201, {"created": 1}),
        Reply(201, {"created": 1}),
        Reply(401, {}),
        Reply(201, {"created": 2}),
    ]
    upstream.routes["POST /v1/items"] = lambda r: replies.pop(0)

    async def body(client: Any) -> list[types.CallToolResult]:
        return [await client.call_tool("createItems", {"body": [{"name": "n"}]}) for _ in range(3)]

    results = run_with_client(kitchen, upstream, body)
    assert [r.is_error for r in results] == [False, False, False]
    log = [(r.method, r.path, r.headers.get("authorization")) for r in upstream.requests]
    basic = "Basic " + base64.b64encode(b"cid:csecret").decode()
    assert log == [
        ("POST", "/oauth/token", basic),
        ("POST", "/v1/items", "Bearer tok-1"),
        ("POST", "/v1/items", "Bearer tok-1"),
        ("POST", "/v1/items", "Bearer tok-1"),
        ("POST", "/oauth/token", basic),
        ("POST", "/v1/items", "Bearer tok-2"),
    ]
    token_request = upstream.requests[0]
    assert token_request.body == b"grant_type=client_credentials&scope=read+write"
    assert upstream.requests[1].json() == [{"name": "n"}]
    assert results[2].structured_content == {"created": 2}


def test_form_urlencoded_with_encoding(kitchen: ModuleType, upstream: Upstream) -> None:
    upstream.routes["POST /v1/forms"] = Reply(200, "thanks", "text/plain")
    result = call(
        kitchen,
        upstream,
        "submitForm",
        {"name": "A&B", "metadata": {"k": "v 1"}, "expand": ["x", "y"]},
    )
    assert not result.is_error
    assert text(result) == "thanks"
    seen = upstream.last()
    assert seen.headers["content-type"] == "application/x-www-form-urlencoded"
    assert seen.body == b"name=A%26B&metadata%5Bk%5D=v%201&expand=x&expand=y"


def test_multipart_upload_with_base64_file(kitchen: ModuleType, upstream: Upstream) -> None:
    upstream.routes["POST /v1/upload/pic"] = Reply(200, {"ok": True})
    raw = bytes(range(256))
    result = call(
        kitchen,
        upstream,
        "upload",
        {
            "name": "pic",
            "file": {
                "content": base64.b64encode(raw).decode(),
                "encoding": "base64",
                "filename": "x.bin",
                "contentType": "application/x-thing",
            },
            "note": "hello",
            "meta": {"k": 1},
        },
    )
    assert not result.is_error, text(result)
    seen = upstream.last()
    assert seen.headers["content-type"].startswith("multipart/form-data; boundary=")
    assert b'name="note"\r\n\r\nhello\r\n' in seen.body
    assert b'name="meta"\r\nContent-Type: application/json\r\n\r\n{"k":1}\r\n' in seen.body
    assert (
        b'name="file"; filename="x.bin"\r\nContent-Type: application/x-thing\r\n\r\n' + raw
        in seen.body
    )


def test_binary_body_and_image_response(kitchen: ModuleType, upstream: Upstream) -> None:
    png = b"\x89PNG\r\n\x1a\n" + b"\x00" * 8
    upstream.routes["PUT /v1/raw"] = Reply(200, png, "image/png")
    result = call(kitchen, upstream, "putRaw", {"body": {"content": "plain text"}})
    seen = upstream.last()
    assert seen.body == b"plain text"
    assert seen.headers["content-type"] == "application/octet-stream"
    image = result.content[0]
    assert isinstance(image, types.ImageContent)
    assert (base64.b64decode(image.data), image.mime_type) == (png, "image/png")


def test_other_binary_becomes_an_embedded_resource(kitchen: ModuleType, upstream: Upstream) -> None:
    upstream.routes["GET /v1/slow"] = Reply(200, b"%PDF-1.7", "application/pdf")
    result = call(kitchen, upstream, "slow", {})
    resource = result.content[0]
    assert isinstance(resource, types.EmbeddedResource)
    assert isinstance(resource.resource, types.BlobResourceContents)
    assert base64.b64decode(resource.resource.blob) == b"%PDF-1.7"
    assert resource.resource.mime_type == "application/pdf"


def test_retries_429_and_503_honouring_retry_after(kitchen: ModuleType, upstream: Upstream) -> None:
    upstream.routes["GET /v1/flaky"] = [
        Reply(429, {}, headers={"Retry-After": "0"}),
        Reply(503, {}, headers={"Retry-After": "0"}),
        Reply(200, {"ok": 1}),
    ]
    result = call(kitchen, upstream, "flaky", {})
    assert not result.is_error
    assert [r.path for r in upstream.requests] == ["/v1/flaky"] * 3
    # A Retry-After beyond the bound is not waited for: the 429 is the answer.
    upstream.requests.clear()
    upstream.routes["GET /v1/flaky"] = Reply(
        429, {"m": "slow down"}, headers={"Retry-After": "3600"}
    )
    result = call(kitchen, upstream, "flaky", {})
    assert result.is_error and text(result).startswith("HTTP 429")
    assert len(upstream.requests) == 1


def test_http_errors_are_error_results_with_problem_summary(
    kitchen: ModuleType, upstream: Upstream
) -> None:
    upstream.routes["GET /v1/items/9"] = Reply(
        404,
        {"title": "Not Found", "detail": "no item 9", "status": 404},
        "application/problem+json",
    )
    result = call(kitchen, upstream, "getItem", {"id": "9"})
    assert result.is_error
    assert text(result).startswith("HTTP 404 Not Found from GET /v1/items/9\nNot Found: no item 9")


def test_timeouts_are_error_results(kitchen: ModuleType, upstream: Upstream) -> None:
    upstream.routes["GET /v1/slow"] = Reply(200, {}, delay=2.0)
    result = call(kitchen, upstream, "slow", {}, timeout=0.3)
    assert result.is_error
    assert text(result) == "GET /slow timed out after 0.3 s"


def test_invalid_arguments_never_reach_the_api(kitchen: ModuleType, upstream: Upstream) -> None:
    result = call(kitchen, upstream, "getItem", {"query_id": "five", "bogus": 1})
    assert result.is_error
    message = text(result)
    assert message.startswith("Invalid arguments for tool 'getItem':")
    assert "'id' is a required property" in message
    assert "query_id: 'five' is not of type 'integer'" in message
    assert "'bogus' was unexpected" in message
    assert upstream.requests == []


def test_unknown_tool_is_a_protocol_error(kitchen: ModuleType, upstream: Upstream) -> None:
    async def body(client: Any) -> list[MCPError]:
        found = []
        for name in ("nope", "n" * 100_000, "getItm"):
            try:
                await client.call_tool(name, {})
            except MCPError as exc:
                found.append(exc)
        return found

    short, long, near = run_with_client(kitchen, upstream, body)
    assert short.error.code == long.error.code == near.error.code == types.INVALID_PARAMS
    assert short.error.message == "Unknown tool: nope"
    # A long name is not said back in full.
    assert long.error.message == "Unknown tool: " + "n" * 100 + "… (100,000 characters)"
    # A misspelt name: the tools nearest to it.
    assert near.error.message.startswith("Unknown tool: getItm; did you mean 'getItem'")


def get_item(
    kitchen: ModuleType, upstream: Upstream, body: Any, mode: str = "legacy"
) -> types.CallToolResult:
    """``getItem`` called through the official SDK client (after listing the tools, whose
    output schemas it then checks results against), the upstream answering ``body``."""
    upstream.routes["GET /v1/items/1"] = Reply(200, body)

    async def run() -> types.CallToolResult:
        async with in_process(kitchen, upstream.url + "/v1", mode=mode) as client:
            await client.list_tools()
            return await client.call_tool("getItem", {"id": "1"})

    return anyio.run(run)


OFF_SCHEMA = [
    {"id": None, "name": "x"},  # null where an integer is declared
    {"name": "x"},  # a required property missing
    {"id": "17", "name": "x"},  # a number as a string
    {"id": 1, "name": "x", "tags": None, "extra": {"a": 1}},  # null array, unknown property
    {"id": 1, "name": "x", "parent": {"id": "2", "name": None}},  # the same, nested
]


@pytest.mark.parametrize("body", OFF_SCHEMA)
@pytest.mark.parametrize("mode", ["legacy", "2026-07-28"])
def test_responses_slightly_off_their_schema_reach_the_client(
    kitchen: ModuleType, upstream: Upstream, body: dict[str, Any], mode: str
) -> None:
    """The official SDK client validates structured content against the outputSchema; the
    output schemas tolerate what real APIs send, so the data arrives."""
    result = get_item(kitchen, upstream, body, mode)
    assert not result.is_error, text(result)
    assert result.structured_content == body


MENDED = [
    # A number where the document says text (a ZIP code, a phone number), and a boolean.
    ({"id": 1, "name": 85014}, {"id": 1, "name": "85014"}),
    (
        {"id": 1, "name": "x", "tags": [7, "a", 0.5]},
        {"id": 1, "name": "x", "tags": ["7", "a", "0.5"]},
    ),
    (
        {"id": 1, "name": "x", "parent": {"id": 2, "name": True}},
        {"id": 1, "name": "x", "parent": {"id": 2, "name": "true"}},
    ),
]


@pytest.mark.parametrize(("body", "sent"), MENDED)
@pytest.mark.parametrize("mode", ["legacy", "2026-07-28"])
def test_numbers_where_the_schema_says_text_arrive_as_text(
    kitchen: ModuleType, upstream: Upstream, body: dict[str, Any], sent: dict[str, Any], mode: str
) -> None:
    """An API that sends a number where its document says a string: the structured content
    has the number's text (the client's check of it against the outputSchema passes), and
    the text content the response as it came."""
    result = get_item(kitchen, upstream, body, mode)
    assert not result.is_error, text(result)
    assert result.structured_content == sent
    assert json.loads(text(result)) == body


def test_nothing_is_mended_where_another_mismatch_remains(
    kitchen: ModuleType, upstream: Upstream
) -> None:
    result = get_item(kitchen, upstream, {"id": {"deep": 1}, "name": 5})
    assert result.is_error and "does not match its outputSchema at id" in text(result)
    assert text(result).endswith('The response was:\n{"id": {"deep": 1}, "name": 5}')


def test_a_response_of_another_shape_is_an_error_that_keeps_the_data(
    kitchen: ModuleType, upstream: Upstream, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING):
        result = get_item(kitchen, upstream, {"id": {"deep": 1}, "name": "x"})
    assert result.is_error
    assert result.structured_content is None
    assert text(result).startswith("The response of getItem does not match its outputSchema at id")
    assert text(result).endswith('The response was:\n{"id": {"deep": 1}, "name": "x"}')
    assert "getItem: response does not match the outputSchema at id" in caplog.text


def test_strict_output_keeps_the_documented_schemas(tmp_path: Path, upstream: Upstream) -> None:
    package = generate(CASES / "kitchen.yaml", tmp_path, name="kitchen-strict", strict_output=True)
    strict = import_package(tmp_path, package)
    upstream.routes["GET /v1/items/1"] = Reply(200, {"id": None, "name": "x"})

    async def run() -> tuple[types.ListToolsResult, types.CallToolResult]:
        async with in_process(strict, upstream.url + "/v1") as client:
            listed = await client.list_tools()
            return listed, await client.call_tool("getItem", {"id": "1"})

    listed, result = anyio.run(run)
    schema = next(t for t in listed.tools if t.name == "getItem").output_schema
    assert schema is not None and schema["$defs"]["Item"]["required"] == ["id", "name"]
    assert result.is_error and "does not match its outputSchema at id" in text(result)
    # Nor is a number mended into text: the schemas are exactly as documented.
    upstream.routes["GET /v1/items/1"] = Reply(200, {"id": 1, "name": 5})
    listed, result = anyio.run(run)
    assert result.is_error and "does not match its outputSchema at name" in text(result)


def test_base_url_from_server_variables(
    kitchen: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    base_url = importlib.import_module(kitchen.__package__ + ".upstream").base_url
    spec = kitchen.load_spec()
    assert base_url(spec) == "https://api.example.test/v1"
    monkeypatch.setenv(f"{PREFIX}_SERVER_STAGE", "v2")
    assert base_url(spec) == "https://api.example.test/v2"
    monkeypatch.setenv(f"{PREFIX}_BASE_URL", "http://localhost:9/x")
    assert base_url(spec) == "http://localhost:9/x"
    assert base_url(spec, "http://flag") == "http://flag"


def test_tools_and_annotations(kitchen: ModuleType, upstream: Upstream) -> None:
    async def body(client: Any) -> types.ListToolsResult:
        result: types.ListToolsResult = await client.list_tools()
        return result

    listed = run_with_client(kitchen, upstream, body)
    tools = {t.name: t for t in listed.tools}
    assert sorted(tools) == sorted(
        [
            "getItem",
            "replaceItem",
            "deleteItem",
            "search",
            "createItems",
            "submitForm",
            "upload",
            "putRaw",
            "flaky",
            "slow",
        ]
    ), "deprecated oldThing is left out by default"
    get, delete = tools["getItem"].annotations, tools["deleteItem"].annotations
    assert get is not None and delete is not None
    assert (get.read_only_hint, get.destructive_hint, get.idempotent_hint) == (True, False, True)
    assert (delete.read_only_hint, delete.destructive_hint) == (False, True)
    assert tools["getItem"].title == "Get one item"
    assert tools["getItem"].input_schema["required"] == ["id"]
