"""Request rules of the generated servers' runtime, called directly (no server, no project).

The style tables are the OpenAPI specification's own examples (parameter ``color``
with the values ``"blue"``, ``["blue", "black", "brown"]`` and ``{"R": 100, "G": 200,
"B": 150}``); the rest are the serialisation classes that break in practice:
reserved characters, dot segments, booleans and nulls, nested deepObject values,
header injection, cookies, form and multipart bodies, base64 files.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from typing import Any

import anyio
import pytest
from mcpgen.runtime import bodies, params, retry
from mcpgen.runtime.params import ArgumentError
from mcpgen.runtime.upstream import Upstream

COLORS = ["blue", "black", "brown"]
RGB = {"R": 100, "G": 200, "B": 150}


def arg(style: str, explode: bool, wire: str = "color", **extra: Any) -> dict[str, Any]:
    return {"style": style, "explode": explode, "wire": wire, **extra}


@pytest.mark.parametrize(
    ("style", "explode", "value", "expected"),
    [
        ("simple", False, "blue", "blue"),
        ("simple", True, "blue", "blue"),
        ("simple", False, COLORS, "blue,black,brown"),
        ("simple", True, COLORS, "blue,black,brown"),
        ("simple", False, RGB, "R,100,G,200,B,150"),
        ("simple", True, RGB, "R=100,G=200,B=150"),
        ("label", False, "blue", ".blue"),
        ("label", False, COLORS, ".blue,black,brown"),
        ("label", True, COLORS, ".blue.black.brown"),
        ("label", False, RGB, ".R,100,G,200,B,150"),
        ("label", True, RGB, ".R=100.G=200.B=150"),
        ("matrix", False, "blue", ";color=blue"),
        ("matrix", False, COLORS, ";color=blue,black,brown"),
        ("matrix", True, COLORS, ";color=blue;color=black;color=brown"),
        ("matrix", False, RGB, ";color=R,100,G,200,B,150"),
        ("matrix", True, RGB, ";R=100;G=200;B=150"),
    ],
)
def test_path_styles_match_the_openapi_examples(
    style: str, explode: bool, value: Any, expected: str
) -> None:
    assert params.path_value(value, arg(style, explode)) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("a/b", "a%2Fb"),  # a slash never makes a second segment
        ("a..", "a.."),
        ("a b?c#d", "a%20b%3Fc%23d"),
        ("ü", "%C3%BC"),
        (True, "true"),
        (12.5, "12.5"),
        (["a,b", "c"], "a%2Cb,c"),  # item text is encoded, the separators are not
    ],
)
def test_path_values_stay_one_segment(value: Any, expected: str) -> None:
    assert params.path_value(value, arg("simple", False, "id")) == expected


def test_path_content_parameters_are_json_in_one_segment() -> None:
    spec = {**arg("simple", False, "f"), "contentType": "application/json"}
    assert params.path_value({"a": [1]}, spec) == "%7B%22a%22%3A%5B1%5D%7D"


@pytest.mark.parametrize(
    ("template", "values", "expected"),
    [
        ("/items/{id}", {"id": "7"}, "/items/7"),
        ("/a b/{id}:x", {"id": "7"}, "/a%20b/7:x"),
        ("/files/{name}.{ext}", {"name": "r", "ext": "pdf"}, "/files/r.pdf"),
        ("/~user/%41/{x}", {"x": "1"}, "/~user/%41/1"),
        ("/ü/{x}", {"x": "1"}, "/%C3%BC/1"),
    ],
)
def test_fill_path(template: str, values: Mapping[str, str], expected: str) -> None:
    assert params.fill_path(template, values) == expected


def test_fill_path_names_a_missing_parameter() -> None:
    with pytest.raises(ArgumentError, match="'id'"):
        params.fill_path("/items/{id}", {})


@pytest.mark.parametrize(
    ("style", "value"),
    [
        ("simple", ""),
        ("simple", "."),
        ("simple", ".."),
        ("simple", []),
        ("simple", {}),
        ("simple", [""]),
        ("label", ""),  # "." alone
        ("simple", "%2E%2E"),  # encoded again, so sent as %252E%252E: fine, see below
    ],
)
def test_path_parameters_never_make_empty_or_dot_segments(style: str, value: Any) -> None:
    segment = params.path_value(value, arg(style, False, "id"))
    if segment == "%252E%252E":
        assert params.fill_path("/items/{id}", {"id": segment}) == "/items/%252E%252E"
        return
    with pytest.raises(ArgumentError, match="path parameter 'itemId' would make"):
        params.fill_path("/items/{id}", {"id": segment}, {"id": "itemId"})


def test_dot_segments_are_checked_in_their_own_segment() -> None:
    assert params.fill_path("/files/{name}.{ext}", {"name": "", "ext": "pdf"}) == "/files/.pdf"
    with pytest.raises(ArgumentError, match="'name', 'ext'"):
        params.fill_path("/files/{name}.{ext}", {"name": "", "ext": "."})
    assert params.fill_path("/a/{x}/b", {"x": "..."}) == "/a/.../b"


@pytest.mark.parametrize(
    ("template", "expected"),
    [
        ("/things/{id}#archive", ("/things/{id}", [])),
        ("/items?mode=x&flag", ("/items", [("mode", "x"), ("flag", "")])),
        ("/items?a=1#frag", ("/items", [("a", "1")])),
        ("/plain", ("/plain", [])),
    ],
)
def test_path_keys_with_a_query_or_fragment(
    template: str, expected: tuple[str, list[tuple[str, str]]]
) -> None:
    assert params.split_template(template) == expected


@pytest.mark.parametrize(
    ("style", "explode", "value", "expected"),
    [
        ("form", True, "blue", "color=blue"),
        ("form", False, "blue", "color=blue"),
        ("form", True, COLORS, "color=blue&color=black&color=brown"),
        ("form", False, COLORS, "color=blue%2Cblack%2Cbrown"),
        ("form", True, RGB, "R=100&G=200&B=150"),
        ("form", False, RGB, "color=R%2C100%2CG%2C200%2CB%2C150"),
        ("spaceDelimited", False, COLORS, "color=blue%20black%20brown"),
        ("pipeDelimited", False, COLORS, "color=blue%7Cblack%7Cbrown"),
        ("deepObject", True, RGB, "color%5BR%5D=100&color%5BG%5D=200&color%5BB%5D=150"),
    ],
)
def test_query_styles_match_the_openapi_examples(
    style: str, explode: bool, value: Any, expected: str
) -> None:
    assert params.query_string(params.query_pairs(value, arg(style, explode))) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (True, [("q", "true")]),
        (False, [("q", "false")]),
        (None, [("q", "")]),
        (0, [("q", "0")]),
        ("a&b=c", [("q", "a&b=c")]),
    ],
)
def test_query_scalars(value: Any, expected: list[tuple[str, str]]) -> None:
    assert params.query_pairs(value, arg("form", True, "q")) == expected


@pytest.mark.parametrize(
    ("value", "explode", "expected"),
    [
        ([None], True, []),
        ([None], False, []),
        (["a", None], True, [("q", "a")]),
        ([None, 1, None, 2], False, [("q", "1,2")]),
    ],
)
def test_null_items_are_left_out_of_the_query(
    value: Any, explode: bool, expected: list[tuple[str, str]]
) -> None:
    assert params.query_pairs(value, arg("form", explode, "q")) == expected
    if not expected:  # where the document allows an empty value, that is sent
        assert params.query_pairs(value, arg("form", explode, "q", allowEmpty=True)) == [("q", "")]


def test_query_reserved_text_is_encoded() -> None:
    pairs = params.query_pairs("a&b=c+d #e", arg("form", True, "q"))
    assert params.query_string(pairs) == "q=a%26b%3Dc%2Bd%20%23e"


def test_deep_object_nests_objects_and_arrays() -> None:
    value = {"a": {"b": [1, {"c": True}]}, "d": None}
    assert params.deep_pairs("f", value) == [
        ("f[a][b][0]", "1"),
        ("f[a][b][1][c]", "true"),
        ("f[d]", ""),
    ]


@pytest.mark.parametrize(("value", "explode"), [([], True), ([], False), ({}, True)])
def test_empty_values_are_sent_where_the_document_allows_them(value: Any, explode: bool) -> None:
    assert params.query_pairs(value, arg("form", explode, "q", allowEmpty=True)) == [("q", "")]


def test_query_content_parameters_are_json() -> None:
    spec = {**arg("form", True, "filter"), "contentType": "application/json"}
    assert params.query_pairs({"a": 1}, spec) == [("filter", '{"a":1}')]


@pytest.mark.parametrize(
    ("explode", "value", "expected"),
    [
        (False, "blue", "blue"),
        (False, COLORS, "blue,black,brown"),
        (False, RGB, "R,100,G,200,B,150"),
        (True, RGB, "R=100,G=200,B=150"),
    ],
)
def test_header_simple_style(explode: bool, value: Any, expected: str) -> None:
    assert params.header_value(value, arg("simple", explode, "X-Color")) == expected


@pytest.mark.parametrize("text", ["a\r\nX-Evil: 1", "a\nb", "a\rb"])
def test_header_line_breaks_are_refused(text: str) -> None:
    with pytest.raises(ArgumentError, match="X-Color"):
        params.header_value(text, arg("simple", False, "X-Color"))


def test_cookie_header_encodes_only_what_a_cookie_cannot_carry() -> None:
    header = params.cookie_header([("a", "x y;z"), ("b", "1/2=3")])
    assert header == "a=x%20y%3Bz; b=1/2=3"


# Bodies


def test_json_body_from_fields_and_whole() -> None:
    headers: dict[str, str] = {}
    body = {"kind": "json", "mediaType": "application/merge-patch+json"}
    out = bodies.encode_body(body, {"name": "ü", "n": None}, {}, None, headers)
    assert json.loads(out["content"]) == {"name": "ü", "n": None}
    assert headers == {"Content-Type": "application/merge-patch+json"}
    out = bodies.encode_body(body, {}, {}, [1, 2], {})
    assert out["content"] == b"[1, 2]"


@pytest.mark.parametrize(
    ("encoding", "value", "expected"),
    [
        ({}, COLORS, b"color=blue&color=black&color=brown"),  # form, explode: the defaults
        ({"explode": False}, COLORS, b"color=blue%2Cblack%2Cbrown"),
        ({"style": "pipeDelimited", "explode": False}, COLORS, b"color=blue%7Cblack%7Cbrown"),
        ({}, RGB, b"R=100&G=200&B=150"),
        ({"explode": False}, RGB, b"color=R%2C100%2CG%2C200%2CB%2C150"),
        (
            {"style": "deepObject", "explode": True},
            {"a": {"b": 1}},
            b"color%5Ba%5D%5Bb%5D=1",
        ),
        ({}, "a b&c", b"color=a%20b%26c"),
    ],
)
def test_form_fields_per_their_encoding(
    encoding: dict[str, Any], value: Any, expected: bytes
) -> None:
    headers: dict[str, str] = {}
    body = {"kind": "form", "mediaType": "application/x-www-form-urlencoded"}
    out = bodies.encode_body(body, {"color": value}, {"color": encoding}, None, headers)
    assert out["content"] == expected
    assert headers["Content-Type"] == "application/x-www-form-urlencoded"


def test_multipart_body_files_and_fields() -> None:
    fields = {
        "file": {"content": "aGk=", "encoding": "base64", "filename": "a.bin"},
        "note": "n",
        "meta": {"k": 1},
        "flag": True,
        "tags": ["x", "y"],
    }
    body = {"kind": "multipart", "mediaType": "multipart/form-data"}
    out = bodies.encode_body(body, fields, {"file": {"file": True}}, None, {})
    assert out["files"] == [
        ("file", ("a.bin", b"hi", None)),
        ("note", (None, b"n", None)),
        ("meta", (None, b'{"k":1}', "application/json")),
        ("flag", (None, b"true", None)),
        ("tags", (None, b"x", None)),
        ("tags", (None, b"y", None)),
    ]


@pytest.mark.parametrize(
    ("kind", "media", "content"),
    [
        ("json", "application/json", b"{}"),
        ("form", "application/x-www-form-urlencoded", b""),
    ],
)
def test_a_required_body_is_sent_empty(kind: str, media: str, content: bytes) -> None:
    headers: dict[str, str] = {}
    out = bodies.encode_body({"kind": kind, "mediaType": media}, {}, {}, None, headers, False)
    assert out == {"content": content}
    assert headers["Content-Type"] == media


def test_an_empty_multipart_body_is_still_multipart() -> None:
    headers: dict[str, str] = {}
    body = {"kind": "multipart", "mediaType": "multipart/form-data"}
    out = bodies.encode_body(body, {}, {}, None, headers, False)
    boundary = headers["Content-Type"].removeprefix("multipart/form-data; boundary=")
    assert out == {"content": f"--{boundary}--\r\n".encode()}


def test_binary_body_takes_its_content_type() -> None:
    headers: dict[str, str] = {}
    value = {"content": "AAE=", "encoding": "base64", "contentType": "image/png"}
    body = {"kind": "binary", "mediaType": "application/octet-stream"}
    assert bodies.encode_body(body, {}, {}, value, headers) == {"content": b"\x00\x01"}
    assert headers["Content-Type"] == "image/png"


def test_file_text_and_bad_base64() -> None:
    assert bodies.file_bytes("plain", "f") == ("f", b"plain", None)
    assert bodies.file_bytes({"content": "é"}, "f") == ("f", "é".encode(), None)
    with pytest.raises(ArgumentError, match="f: content is not valid base64"):
        bodies.file_bytes({"content": "***", "encoding": "base64"}, "f")


def test_text_body() -> None:
    headers: dict[str, str] = {}
    body = {"kind": "text", "mediaType": "text/csv"}
    assert bodies.encode_body(body, {}, {}, "a,b\n", headers) == {"content": b"a,b\n"}
    assert headers["Content-Type"] == "text/csv"


# Whole requests, as httpx would send them


SPEC: dict[str, Any] = {
    "securitySchemes": [
        {"key": "key", "kind": "apiKey", "env": {"value": "T_KEY"}, "in": "query", "param": "k"}
    ]
}


@pytest.fixture
def upstream() -> Iterator[Upstream]:
    runner = Upstream(SPEC, "https://api.example.test/v1/", 5.0)
    yield runner
    anyio.run(runner.aclose)


def tool(http: dict[str, Any]) -> dict[str, Any]:
    defaults = {"body": None, "security": [], "accept": "application/json", "wrapOutput": False}
    return {"name": "t", "http": {**defaults, **http}}


def test_request_puts_each_argument_in_its_place(
    upstream: Upstream, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("T_KEY", "s3cret")
    http = {
        "method": "PATCH",
        "path": "/items/{id}",
        "security": [["key"]],
        "args": [
            {"name": "id", "in": "path", "wire": "id", "style": "simple", "explode": False},
            {"name": "q", "in": "query", "wire": "q", "style": "form", "explode": True},
            {"name": "t", "in": "header", "wire": "X-T", "style": "simple", "explode": False},
            {"name": "c", "in": "cookie", "wire": "c", "style": "form", "explode": True},
            {"name": "body_id", "in": "field", "wire": "id"},
        ],
        "body": {"kind": "json", "mediaType": "application/json"},
    }
    http["path"] = "/items/{id}?mode=x#archive"
    arguments = {"id": "a/..", "q": ["x", "y"], "t": "v", "c": "z", "body_id": 3}
    request = upstream.build(tool(http), arguments)
    assert request.method == "PATCH"
    assert request.url.raw_path == b"/v1/items/a%2F..?mode=x&q=x&q=y&k=s3cret"
    assert request.headers["X-T"] == "v"
    assert request.headers["Cookie"] == "c=z"
    assert request.headers["Accept"] == "application/json"
    assert json.loads(request.content) == {"id": 3}


def test_entries_in_short_form_build_the_same_request(upstream: Upstream) -> None:
    """``operations.json`` leaves out a wire name equal to the argument's and a parameter's
    usual style; the request is the one the whole entries make."""
    whole = [
        {"name": "id", "in": "path", "wire": "id", "style": "simple", "explode": False},
        {"name": "q", "in": "query", "wire": "q", "style": "form", "explode": True},
        {"name": "f", "in": "query", "wire": "f", "style": "form", "explode": False},
        {"name": "t", "in": "header", "wire": "t", "style": "simple", "explode": False},
        {"name": "c", "in": "cookie", "wire": "c", "style": "form", "explode": True},
        {"name": "n", "in": "field", "wire": "n"},
    ]
    short = [
        {"name": "id", "in": "path"},
        {"name": "q", "in": "query"},
        {"name": "f", "in": "query", "style": "form", "explode": False},
        {"name": "t", "in": "header"},
        {"name": "c", "in": "cookie"},
        {"name": "n", "in": "field"},
    ]
    arguments = {"id": "a b", "q": ["x", "y"], "f": ["x", "y"], "t": "v", "c": ["1", "2"], "n": 3}
    built = []
    for args in (whole, short):
        http = {"method": "PUT", "path": "/items/{id}", "args": args}
        http["body"] = {"kind": "json", "mediaType": "application/json"}
        request = upstream.build(tool(http), arguments)
        built.append((request.url.raw_path, dict(request.headers), request.content))
    assert built[0] == built[1]
    assert built[1][0] == b"/v1/items/a%20b?q=x&q=y&f=x%2Cy"
    assert json.loads(built[1][2]) == {"n": 3}


def test_an_optional_body_left_out_is_not_sent(upstream: Upstream) -> None:
    http = {
        "method": "POST",
        "path": "/things",
        "args": [{"name": "body", "in": "body", "wire": ""}],
        "body": {"kind": "json", "mediaType": "application/json", "required": False},
    }
    request = upstream.build(tool(http), {})
    assert request.content == b""
    assert "Content-Type" not in request.headers


def test_a_required_body_of_optional_fields_is_sent_empty(upstream: Upstream) -> None:
    http = {
        "method": "POST",
        "path": "/things",
        "args": [{"name": "name", "in": "field", "wire": "name"}],
        "body": {"kind": "json", "mediaType": "application/json", "required": True},
    }
    request = upstream.build(tool(http), {})
    assert (request.content, request.headers["Content-Type"]) == (b"{}", "application/json")


def test_a_dot_segment_never_reaches_the_wire(upstream: Upstream) -> None:
    http = {
        "method": "DELETE",
        "path": "/bookings/{id}",
        "args": [{"name": "id", "in": "path", "wire": "id", "style": "simple", "explode": False}],
    }
    for value in ("", ".", ".."):
        with pytest.raises(ArgumentError, match="path parameter 'id'"):
            upstream.build(tool(http), {"id": value})


def test_request_multipart_as_sent(upstream: Upstream) -> None:
    http = {
        "method": "POST",
        "path": "/up",
        "args": [
            {"name": "file", "in": "field", "wire": "file", "file": True},
            {"name": "note", "in": "field", "wire": "note"},
        ],
        "body": {"kind": "multipart", "mediaType": "multipart/form-data"},
    }
    request = upstream.build(tool(http), {"file": "hello", "note": "n"})
    request.read()
    assert request.headers["Content-Type"].startswith("multipart/form-data; boundary=")
    assert b'name="file"; filename="file"' in request.content
    assert b"hello" in request.content
    assert b'name="note"\r\n\r\nn\r\n' in request.content


def test_request_needs_a_base_url() -> None:
    runner = Upstream(SPEC, "", 5.0)
    try:
        with pytest.raises(ArgumentError, match="no upstream base URL"):
            runner.build(tool({"method": "GET", "path": "/", "args": []}), {})
    finally:
        anyio.run(runner.aclose)


# Retries


@pytest.mark.parametrize(
    ("header", "attempt", "expected"),
    [
        ("3", 0, 3.0),
        (" 0 ", 0, 0.0),
        (None, 0, 0.5),
        (None, 2, 2.0),
        ("not a date", 1, 1.0),
        ("Wed, 21 Oct 2015 07:28:00 GMT", 0, 0.0),  # in the past: retry now
    ],
)
def test_retry_after(header: str | None, attempt: int, expected: float) -> None:
    assert retry.retry_after(header, attempt) == expected


@pytest.mark.parametrize(
    ("status", "method", "expected"),
    [(429, "POST", True), (503, "GET", True), (503, "POST", False), (500, "GET", False)],
)
def test_what_is_retried(status: int, method: str, expected: bool) -> None:
    assert retry.retryable(status, method) is expected


@pytest.mark.parametrize(
    ("value", "explode", "expected"),
    [
        ("z", True, "c=z"),
        (["a", "b"], True, "c=a; c=b"),
        (["a", "b"], False, "c=a,b"),
        ({"r": 1, "g": 2}, True, "r=1; g=2"),
        ({"r": 1, "g": 2}, False, "c=r,1,g,2"),
        ([True, None, "x,y"], False, "c=true,,x%2Cy"),
        ("50%; off", True, "c=50%25%3B%20off"),
    ],
)
def test_cookie_parameters_are_form_style(
    upstream: Upstream, value: Any, explode: bool, expected: str
) -> None:
    http = {
        "method": "GET",
        "path": "/items",
        "args": [{"name": "c", "in": "cookie", "wire": "c", "style": "form", "explode": explode}],
    }
    assert upstream.build(tool(http), {"c": value}).headers["Cookie"] == expected
