"""Every argument set the inputSchema accepts becomes a request the document accepts.

One operation per class of request that real documents get wrong (``cases/openapi/
requests.yaml``), driven by the official SDK client against the recording upstream (what
exactly goes over the wire) and against Prism (whether the document accepts it); and the
upstream-security rules: credentials never follow a redirect to another origin, and the
HTTP transport compares whole hosts and origins.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import anyio
import httpx
import pytest
from mcp import types

from .prism import prism_available, run_prism
from .server_support import CASES, generate, http_server, import_package, in_process, stdio_client
from .upstream_app import Recorded, Reply, Upstream, serve

DOCUMENT = CASES / "requests.yaml"
CREDENTIALS = {
    "REQUEST_CLASSES_BEARER_TOKEN": "bearer-secret",
    "REQUEST_CLASSES_KEY_API_KEY": "header-secret",
    "REQUEST_CLASSES_QUERY_KEY_API_KEY": "qk",
}


@pytest.fixture(autouse=True)
def _credentials(monkeypatch: pytest.MonkeyPatch) -> None:
    for name, value in CREDENTIALS.items():
        monkeypatch.setenv(name, value)


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    root = tmp_path_factory.mktemp("requests")
    return root, generate(DOCUMENT, root)


@pytest.fixture(scope="module")
def server(project: tuple[Path, str]) -> ModuleType:
    return import_package(*project)


@pytest.fixture
def upstream() -> Iterator[Upstream]:
    app = Upstream()
    app.routes["*"] = Reply(200, {"ok": True})
    with serve(app):
        yield app


def call(server: ModuleType, upstream: Upstream, name: str, arguments: dict[str, Any]) -> Any:
    async def run() -> types.CallToolResult:
        async with in_process(server, upstream.url + "/v1") as client:
            return await client.call_tool(name, arguments)

    return anyio.run(run)


def listed(server: ModuleType, upstream: Upstream, name: str) -> types.Tool:
    """The tool ``name`` as the server lists it."""

    async def run() -> types.ListToolsResult:
        async with in_process(server, upstream.url + "/v1") as client:
            return await client.list_tools()

    return next(t for t in anyio.run(run).tools if t.name == name)


def text(result: types.CallToolResult) -> str:
    return " ".join(c.text for c in result.content if isinstance(c, types.TextContent))


def sent(upstream: Upstream, before: int) -> list[Recorded]:
    return upstream.requests[before:]


@pytest.mark.parametrize(
    ("name", "arguments", "message"),
    [
        ("deleteBooking", {"id": ""}, "id: '' should be non-empty"),
        ("deleteBooking", {"id": "."}, "path parameter 'id' would make the path segment '.'"),
        ("deleteBooking", {"id": ".."}, "path parameter 'id' would make the path segment '..'"),
        ("labelled", {"tags": []}, "tags: [] should be non-empty"),
        ("labelled", {"tags": [""]}, "path parameter 'tags' would make the path segment '.'"),
        ("rawPath", {"anything": ""}, "anything: '' should be non-empty"),
        ("rawPath", {"anything": ".."}, "path parameter 'anything' would make"),
        ("search", {"ids": [], "where": {"city": "x"}}, "ids: [] should be non-empty"),
        ("search", {"ids": [1], "where": {}}, "where: {} should be non-empty"),
    ],
)
def test_calls_that_would_reach_another_resource_are_refused(
    server: ModuleType, upstream: Upstream, name: str, arguments: dict[str, Any], message: str
) -> None:
    result = call(server, upstream, name, arguments)
    assert result.is_error
    assert message in text(result)
    assert upstream.requests == [], "nothing was sent"


def test_path_parameters_that_are_fine(server: ModuleType, upstream: Upstream) -> None:
    for value, path in (
        ("a..b", "/v1/bookings/a..b"),
        ("...", "/v1/bookings/..."),
        ("%2E", "/v1/bookings/%252E"),
    ):
        assert not call(server, upstream, "deleteBooking", {"id": value}).is_error
        assert upstream.last().path == path


def test_required_bodies_are_sent_even_when_empty(server: ModuleType, upstream: Upstream) -> None:
    assert not call(server, upstream, "createNote", {}).is_error
    note = upstream.last()
    assert (note.method, note.path, note.body) == ("POST", "/v1/notes", b"{}")
    assert note.headers["content-type"] == "application/json"
    assert not call(server, upstream, "submitForm", {}).is_error
    form = upstream.last()
    assert (form.body, form.headers["content-type"]) == (b"", "application/x-www-form-urlencoded")
    assert not call(server, upstream, "upload", {}).is_error
    empty = upstream.last()
    assert empty.headers["content-type"].startswith("multipart/form-data; boundary=")
    boundary = empty.headers["content-type"].split("boundary=")[1]
    assert empty.body == f"--{boundary}--\r\n".encode()


def test_form_fields_follow_their_encoding(server: ModuleType, upstream: Upstream) -> None:
    arguments = {
        "name": "a b",
        "colors": ["red", "green"],
        "point": {"x": 1, "y": 2},
        "filter": {"kind": "k"},
    }
    assert not call(server, upstream, "submitForm", arguments).is_error
    assert upstream.last().body == b"name=a%20b&colors=red%2Cgreen&x=1&y=2&filter%5Bkind%5D=k"
    # A field whose encoding is JSON (contentType, no style) is its JSON text, {} too.
    for message, sent in [({"text": "hi"}, b"%7B%22text%22%3A%22hi%22%7D"), ({}, b"%7B%7D")]:
        assert not call(server, upstream, "submitForm", {"message": message}).is_error
        assert upstream.last().body == b"message=" + sent


def test_multipart_stays_multipart_without_a_file(server: ModuleType, upstream: Upstream) -> None:
    arguments = {"note": "n", "tags": ["a", "b"], "meta": {"size": 3}}
    assert not call(server, upstream, "upload", arguments).is_error
    request = upstream.last()
    assert request.headers["content-type"].startswith("multipart/form-data; boundary=")
    body = request.body.decode()
    assert body.count('name="tags"') == 2
    assert 'name="meta"\r\nContent-Type: application/json\r\n\r\n{"size":3}' in body


def test_query_values_per_the_member_they_match(server: ModuleType, upstream: Upstream) -> None:
    base = {"ids": [1, 2], "where": {"city": "Oslo"}}
    assert not call(server, upstream, "search", {**base, "either": "a"}).is_error
    assert upstream.last().query == "ids=1&ids=2&city=Oslo&either=a&api_key=qk"
    assert not call(server, upstream, "search", {**base, "either": ["a", "b"]}).is_error
    assert upstream.last().query == "ids=1&ids=2&city=Oslo&either=a&either=b&api_key=qk"


def test_values_sent_as_their_json_text_are_read_as_those_values(
    server: ModuleType, upstream: Upstream
) -> None:
    # Models and clients send an object, an array, a number or a boolean as its JSON text.
    where = '{"city": "Oslo"}'
    assert not call(server, upstream, "search", {"ids": "[1, 2]", "where": where}).is_error
    assert upstream.last().query == "ids=1&ids=2&city=Oslo&api_key=qk"
    assert not call(server, upstream, "search", {"ids": ["1", " 2 "], "where": where}).is_error
    assert upstream.last().query == "ids=1&ids=2&city=Oslo&api_key=qk"
    assert not call(server, upstream, "archiveThing", {"id": "5"}).is_error
    assert upstream.last().path == "/v1/things/5"
    assert not call(server, upstream, "createNote", {"title": "7", "pinned": "true"}).is_error
    assert upstream.last().json() == {"title": "7", "pinned": True}
    # Text stays text where the schema takes text (a member of oneOf is a string).
    assert not call(
        server, upstream, "search", {"ids": [1], "where": where, "either": '["a"]'}
    ).is_error
    assert upstream.last().query == "ids=1&city=Oslo&either=%5B%22a%22%5D&api_key=qk"
    before = len(upstream.requests)
    for name, arguments, message in (
        ("search", {"ids": "1, 2", "where": where}, "ids: '1, 2' is not of type 'array'"),
        ("search", {"ids": "[1.5]", "where": where}, "ids/0: 1.5 is not of type 'integer'"),
        ("search", {"ids": [1], "where": "[1]"}, "where: '[1]' is not of type 'object'"),
        ("archiveThing", {"id": "NaN"}, "id: 'NaN' is not of type 'integer'"),
        ("archiveThing", {"id": "true"}, "id: 'true' is not of type 'integer'"),
        ("createNote", {"pinned": "1"}, "pinned: '1' is not of type 'boolean'"),
    ):
        result = call(server, upstream, name, arguments)
        assert result.is_error and message in text(result), (arguments, text(result))
    assert sent(upstream, before) == [], "nothing was sent"


def test_optional_arguments_given_null_are_left_out(server: ModuleType, upstream: Upstream) -> None:
    """Clients that make every argument required for a model (OpenAI's strict mode) send null
    for those it leaves unset: an optional argument whose schema takes no null is then not
    given. A required one given null is refused, as before."""
    assert not call(server, upstream, "compactItems", {"page": None}).is_error
    assert upstream.last().query == "mode=compact&api_key=qk"
    assert not call(server, upstream, "createNote", {"title": None, "pinned": True}).is_error
    assert upstream.last().json() == {"pinned": True}
    where = {"city": "Oslo"}
    assert not call(server, upstream, "search", {"ids": [1], "where": where, "sort": None}).is_error
    assert upstream.last().query == "ids=1&city=Oslo&api_key=qk"
    before = len(upstream.requests)
    refused = call(server, upstream, "search", {"ids": None, "where": where})
    assert refused.is_error and "ids: None is not of type 'array'" in text(refused)
    assert sent(upstream, before) == []


def test_empty_values_are_sent_where_the_document_allows_them(
    server: ModuleType, upstream: Upstream
) -> None:
    assert not call(server, upstream, "filters", {"flags": []}).is_error
    assert upstream.last().query == "flags=&api_key=qk"


def test_path_keys_with_a_fragment_or_a_query(server: ModuleType, upstream: Upstream) -> None:
    assert not call(server, upstream, "archiveThing", {"id": 5}).is_error
    assert (upstream.last().method, upstream.last().path) == ("POST", "/v1/things/5")
    assert not call(server, upstream, "compactItems", {"page": 2}).is_error
    request = upstream.last()
    assert (request.path, request.query) == ("/v1/items", "mode=compact&page=2&api_key=qk")
    assert request.headers["authorization"] == "Bearer bearer-secret"


def test_patterns_are_read_as_the_document_means_them(
    server: ModuleType, upstream: Upstream
) -> None:
    """A document's patterns are ECMA-262's: ``\\w`` and ``\\d`` are ASCII there, not in
    Python, and an upstream refuses a resource group named "Œ" that Python's ``\\w`` takes;
    and in Unicode mode, as JSON Schema reads them, where ``\\p{L}`` is a letter (AWS's
    tags), which Python's ``re`` cannot read: the pattern is kept and checked."""
    before = len(upstream.requests)
    for arguments, named in (
        ({"groupName": "Œuvres"}, "groupName"),
        ({"groupName": "rg-1", "code": "٣٣٣"}, "code"),
        ({"groupName": "rg-1", "label": "a\tb"}, "label"),
    ):
        refused = call(server, upstream, "getGroup", arguments)
        assert refused.is_error and f"{named}: " in text(refused), text(refused)
    assert len(upstream.requests) == before
    assert not call(server, upstream, "getGroup", {"groupName": "rg_1.(a)", "code": "123"}).is_error
    assert upstream.last().path == "/v1/groups/rg_1.%28a%29"
    assert not call(server, upstream, "getGroup", {"groupName": "g", "label": "Café 1"}).is_error
    assert upstream.last().query.startswith("label=Caf%C3%A9%201")


def test_patterns_without_regress_use_ascii_classes(monkeypatch: pytest.MonkeyPatch) -> None:
    """Where regress has no wheel, Python's ``re`` with ASCII classes stands in."""
    from mcpgen.runtime import patterns

    monkeypatch.setitem(sys.modules, "regress", None)  # import regress fails
    patterns.matcher.cache_clear()
    try:
        digits = patterns.matcher(r"^\d+$")
        assert digits is not None and digits("123") and not digits("٣")
        assert patterns.matcher("[") is None
    finally:
        patterns.matcher.cache_clear()


def test_parameters_that_the_credentials_supply_are_not_arguments(
    server: ModuleType, upstream: Upstream
) -> None:
    """A document that declares its API key as a parameter too: the key comes from the
    environment, once, and the model is never asked for it."""

    tool = listed(server, upstream, "keyed")
    assert set(tool.input_schema["properties"]) == {"q"}
    assert "required" not in tool.input_schema
    assert not call(server, upstream, "keyed", {"q": "x"}).is_error
    request = upstream.last()
    assert request.query == "q=x&api_key=qk"
    assert request.headers["x-api-key"] == "header-secret"


def test_required_form_fields_cannot_vanish(server: ModuleType, upstream: Upstream) -> None:
    """An empty array puts nothing in a form body: a required field that is one would be
    missing, so the inputSchema refuses it, as it does a required query parameter's."""
    before = len(upstream.requests)
    empty = call(server, upstream, "invite", {"emails": []})
    assert empty.is_error and "emails: [] should be non-empty" in text(empty)
    assert len(upstream.requests) == before
    assert not call(server, upstream, "invite", {"emails": ["a@x.org"]}).is_error
    assert upstream.last().body == b"emails=a%40x.org"
    # A required array of files, the same.
    none = call(server, upstream, "attach", {"files": []})
    assert none.is_error and "files: [] should be non-empty" in text(none)
    assert not call(server, upstream, "attach", {"files": [{"content": "hi"}]}).is_error
    assert b'name="files"' in upstream.last().body


def test_form_fields_left_null_are_left_out(server: ModuleType, upstream: Upstream) -> None:
    """Form and multipart fields are text, which has no null: an optional field given null
    is left out (the API's default), not sent empty, which its enum or type refuses."""
    given = {"emails": ["a@x.org"], "digest": None}
    assert not call(server, upstream, "invite", given).is_error
    assert upstream.last().body == b"emails=a%40x.org"
    assert not call(server, upstream, "invite", {**given, "digest": "daily"}).is_error
    assert upstream.last().body == b"emails=a%40x.org&digest=daily"
    assert not call(server, upstream, "upload", {"note": "n", "kind": None}).is_error
    assert b'name="kind"' not in upstream.last().body and b'name="note"' in upstream.last().body


def test_null_query_items_are_left_out(server: ModuleType, upstream: Upstream) -> None:
    """A query string has no null: null items of an array are left out, and a required
    parameter they would leave with nothing is refused, naming it, rather than sent as
    ``tags=``, which APIs read as missing (Prism did, on RiteKit's and WikiPathways')."""
    before = len(upstream.requests)
    refused = call(server, upstream, "hashtags", {"tags": [None]})
    assert refused.is_error and "query parameter 'tags' would be left out" in text(refused)
    assert len(upstream.requests) == before
    given = {"tags": ["a", None, 2], "also": [None]}
    assert not call(server, upstream, "hashtags", given).is_error
    assert upstream.last().query == "tags=a%2C2&api_key=qk"


def test_constants_are_sent_for_arguments_left_out(server: ModuleType, upstream: Upstream) -> None:
    """A required parameter that allows one value alone (AWS's ``Action``, ``Version`` and
    ``X-Amz-Target``, Azure's ``api-version``) is optional, and that value is sent for it."""

    tool = listed(server, upstream, "runAction")
    assert tool.input_schema["required"] == ["count"]
    properties = tool.input_schema["properties"]
    assert properties["Action"]["default"] == "RunInstances"
    assert properties["X-Target"]["default"] == "Compute_2016.RunInstances"
    assert properties["scope"]["default"] == "global"
    assert "default" not in properties["dryRun"]  # optional: sent only when given

    assert not call(server, upstream, "runAction", {"count": 2}).is_error
    request = upstream.last()
    assert (request.method, request.path) == ("POST", "/v1/regions/global/actions")
    assert request.query == "Action=RunInstances&Version=2016-11-15&count=2&api_key=qk"
    assert request.headers["x-target"] == "Compute_2016.RunInstances"

    given = {"count": 1, "Version": "2016-11-15", "dryRun": True}
    assert not call(server, upstream, "runAction", given).is_error
    assert (
        upstream.last().query
        == "Action=RunInstances&Version=2016-11-15&dryRun=true&count=1&api_key=qk"
    )

    before = len(upstream.requests)
    wrong = call(server, upstream, "runAction", {"count": 1, "Action": "StopInstances"})
    assert wrong.is_error and "Action" in text(wrong)
    assert len(upstream.requests) == before


PRISM_CALLS: list[tuple[str, dict[str, Any]]] = [
    ("deleteBooking", {"id": "b-1"}),
    # (labelled is left out: Prism drops the connection on a label-style path segment.)
    ("createNote", {}),
    ("createNote", {"title": "t", "pinned": True}),
    # (an empty form body, which Prism takes for a missing one, is checked above.)
    ("submitForm", {"name": "a b", "colors": ["r", "g"], "filter": {"kind": "k"}}),
    ("upload", {}),
    # (Prism reads every multipart field as a string, so arrays and objects there are
    # checked against the recording upstream only.)
    ("upload", {"note": "n"}),
    ("search", {"ids": [1, 2], "where": {"city": "Oslo"}, "sort": ["x"], "either": ["a"]}),
    ("search", {"ids": [1], "where": {"city": "Oslo"}, "either": "a"}),
    # (Prism takes ``flags=`` for a missing parameter, allowEmptyValue or not.)
    ("filters", {"flags": ["x"]}),
    ("runAction", {"count": 3}),
    ("upload", {"file": {"content": "x"}, "note": "n", "kind": None}),
    ("keyed", {"q": "x"}),
    ("getGroup", {"groupName": "rg_1.(a)", "code": "123", "label": "Café @ 1"}),
]


@pytest.mark.skipif(prism_available() is not None, reason=str(prism_available()))
def test_prism_accepts_every_request_class(project: tuple[Path, str]) -> None:
    root, package = project
    with run_prism(DOCUMENT) as url:

        async def run() -> list[tuple[str, types.CallToolResult]]:
            client = stdio_client(root, package, "--base-url", url, env=CREDENTIALS)
            async with client:
                return [(name, await client.call_tool(name, args)) for name, args in PRISM_CALLS]

        results = anyio.run(run)
    for name, result in results:
        assert not result.is_error, f"{name}: {text(result)}"


# Upstream security


def test_credentials_never_follow_a_redirect_to_another_origin(server: ModuleType) -> None:
    elsewhere = Upstream()
    elsewhere.routes["*"] = Reply(200, {"moved": True})
    api = Upstream()
    with serve(elsewhere), serve(api):
        api.routes["POST /v1/notes"] = Reply(
            307, b"", "", {"Location": elsewhere.url + "/landing?x=1&api_key=qk"}
        )
        api.routes["DELETE /v1/bookings/same"] = Reply(
            307, b"", "", {"Location": api.url + "/v1/bookings/moved"}
        )
        api.routes["DELETE /v1/bookings/moved"] = Reply(204, b"", "")
        result = call(server, api, "createNote", {"title": "t"})
        assert not result.is_error, text(result)
        assert result.structured_content == {"moved": True}
        landed = elsewhere.last()
        assert (landed.method, landed.path, landed.query) == ("POST", "/landing", "x=1")
        assert landed.body == b'{"title": "t"}'
        assert not {"authorization", "cookie", "x-api-key"} & set(landed.headers)
        assert api.last().headers["x-api-key"] == "header-secret"
        # A redirect within the API's own origin is followed as it is.
        assert not call(server, api, "deleteBooking", {"id": "same"}).is_error
        same, moved = api.requests[-2:]
        assert (same.path, moved.path) == ("/v1/bookings/same", "/v1/bookings/moved")
        assert moved.headers["authorization"] == "Bearer bearer-secret"


def test_hosts_and_origins_are_compared_whole(project: tuple[Path, str]) -> None:
    root, package = project
    with http_server(root, package) as url:
        port = httpx.URL(url).port
        message = {"jsonrpc": "2.0", "id": 1, "method": "ping"}
        headers = {"Accept": "application/json, text/event-stream"}

        def post(**extra: str) -> int:
            return httpx.post(
                url, json=message, headers={**headers, **extra}, timeout=10
            ).status_code

        assert post(Origin=f"http://127.0.0.1:{port}.evil.example") == 403
        assert post(Origin="http://evil.example") == 403
        assert post(Host=f"127.0.0.1:{port}.evil.example") == 421
        assert post(Origin=f"http://localhost:{port}") not in (403, 421)
        assert post() not in (403, 421)
