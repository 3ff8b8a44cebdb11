"""Documents: every real layout generates, every hostile one is refused in one line.

Multi-file documents whose references climb to shared components generate by default within
their reference root; nothing outside it, no local file from a URL document, no FIFO and no
other origin is ever read (sentinel files whose text must never reach the output); schema
keywords that carry references never pass through unresolved; boolean and odd schemas are
translated or reported at generation; size and depth bombs are one-line errors.
"""

from __future__ import annotations

import json
import os
import threading
import time
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner
from mcpgen.cli import main
from mcpgen.openapi.build import ServerOptions
from mcpgen.openapi.generate import generate_server

from .upstream_app import Recorded, Reply, Upstream, serve

SENTINEL = "SENTINEL-must-never-be-read-7f3a"
OK = {"200": {"description": "ok"}}


def document(paths: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {"openapi": "3.1.0", "info": {"title": "Docs", "version": "1"}, "paths": paths, **extra}


def one_parameter(schema: Any, operation: str = "a") -> dict[str, Any]:
    return {
        f"/{operation}": {
            "get": {
                "operationId": operation,
                "parameters": [{"name": "q", "in": "query", "schema": schema}],
                "responses": OK,
            }
        }
    }


def write(path: Path, data: Any) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return path


def generated_text(contents: dict[Any, str | bytes]) -> str:
    return "\n".join(t.decode() if isinstance(t, bytes) else t for t in contents.values())


def q_schema(project: Any, tool: str = "a") -> Any:
    return project.catalog.wire(tool)["inputSchema"]["properties"]["q"]


# Layouts that must generate


def test_refs_up_and_across_folders_generate_within_the_package(tmp_path: Path) -> None:
    package = tmp_path / "pkg"
    write(package / "package.json", {"name": "pkg"})
    write(package / "components" / "schemas" / "Id.yaml", "type: string\nmaxLength: 9\n")
    spec = write(
        package / "v2" / "api" / "openapi.json",
        document(one_parameter({"$ref": "../../components/schemas/Id.yaml"})),
    )
    write(tmp_path / "secret.yaml", f"X: {SENTINEL}\n")
    _, project, _ = generate_server(str(spec))
    assert q_schema(project) == {"type": "string", "maxLength": 9}
    # Without a project marker the document's folder is the root; --ref-root widens it.
    os.remove(package / "package.json")
    _, narrow, _ = generate_server(str(spec))
    assert narrow.tools == () and "--ref-root widens it" in narrow.skipped[0][1]
    _, wide, _ = generate_server(str(spec), ServerOptions(ref_root=str(package)))
    assert q_schema(wide) == {"type": "string", "maxLength": 9}


def test_nothing_outside_the_root_is_read(tmp_path: Path) -> None:
    write(tmp_path / "secret.yaml", f"X: {{type: string, description: {SENTINEL}}}\n")
    (tmp_path / "api").mkdir()
    os.symlink(tmp_path / "secret.yaml", tmp_path / "api" / "link.yaml")
    for ref in ("../secret.yaml#/X", "link.yaml#/X"):
        spec = write(tmp_path / "api" / "openapi.json", document(one_parameter({"$ref": ref})))
        contents, project, _ = generate_server(str(spec))
        assert project.tools == ()
        assert SENTINEL not in generated_text(contents)


def test_absolute_and_file_refs_need_the_flag(tmp_path: Path) -> None:
    target = write(tmp_path / "api" / "common.yaml", "X: {type: integer}\n")
    for ref in (f"{target}#/X", f"file://{target}#/X"):
        spec = write(tmp_path / "api" / "openapi.json", document(one_parameter({"$ref": ref})))
        _, refused, _ = generate_server(str(spec))
        assert refused.tools == () and "--allow-file-refs" in refused.skipped[0][1]
        _, allowed, _ = generate_server(str(spec), ServerOptions(allow_file_refs=True))
        assert q_schema(allowed) == {"type": "integer"}


def test_fifos_are_never_opened(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.yaml")
    spec = write(tmp_path / "openapi.json", document(one_parameter({"$ref": "pipe.yaml#/X"})))
    started = time.monotonic()
    _, project, _ = generate_server(str(spec))
    assert time.monotonic() - started < 10
    assert project.tools == () and "not a regular file" in project.skipped[0][1]
    result = CliRunner().invoke(main, ["server", "--openapi", str(tmp_path / "pipe.yaml")])
    assert result.exit_code == 2 and "not a regular file" in result.output


# Documents from URLs


def _static(files: dict[str, Any]) -> Upstream:
    app = Upstream()

    def reply(request: Recorded) -> Reply:
        found = files.get(request.path)
        if found is None:
            return Reply(404, b"missing", "text/plain")
        if isinstance(found, Reply):
            return found
        return Reply(200, json.dumps(found).encode(), "application/json")

    app.routes["*"] = reply
    return app


def test_a_url_document_never_reads_local_files(tmp_path: Path) -> None:
    secret = write(tmp_path / "secret.json", {"X": {"type": "string", "description": SENTINEL}})
    app = _static({"/api/openapi.json": document(one_parameter({"$ref": f"file://{secret}#/X"}))})
    with serve(app) as url:
        for options in (ServerOptions(), ServerOptions(allow_remote_refs=True)):
            contents, project, _ = generate_server(f"{url}/api/openapi.json", options)
            assert project.tools == () and "reads no local files" in project.skipped[0][1]
            assert SENTINEL not in generated_text(contents)


def test_an_empty_url_path_does_not_widen_what_is_allowed() -> None:
    other = _static({"/s.json": {"X": {"type": "string", "description": SENTINEL}}})
    with serve(other) as elsewhere:
        app = _static({"/": document(one_parameter({"$ref": f"{elsewhere}/s.json#/X"}))})
        with serve(app) as url:
            contents, project, _ = generate_server(url)
    assert project.tools == () and "--allow-remote-refs" in project.skipped[0][1]
    assert other.requests == [] and SENTINEL not in generated_text(contents)


def test_a_redirect_to_another_origin_is_not_followed() -> None:
    other = _static({"/x.json": {"X": {"type": "string", "description": SENTINEL}}})
    with serve(other) as elsewhere:
        files: dict[str, Any] = {
            "/api/openapi.json": document(one_parameter({"$ref": "parts/x.json#/X"})),
            "/api/parts/x.json": Reply(302, b"", "", {"Location": f"{elsewhere}/x.json"}),
        }
        with serve(_static(files)) as url:
            contents, project, _ = generate_server(f"{url}/api/openapi.json")
            assert project.tools == () and "redirected to another origin" in project.skipped[0][1]
            assert other.requests == [] and SENTINEL not in generated_text(contents)
            _, allowed, _ = generate_server(
                f"{url}/api/openapi.json", ServerOptions(allow_remote_refs=True)
            )
    assert q_schema(allowed)["description"] == SENTINEL


# Keywords that carry references, and odd schemas


def test_reference_keywords_never_pass_through(tmp_path: Path) -> None:
    write(tmp_path / "local.json", {"X": {"type": "string", "description": SENTINEL}})
    schema = {
        "type": "object",
        "properties": {
            "a": {"$dynamicRef": "local.json#/X"},
            "b": {"$recursiveRef": "#"},
            "c": {"type": "string", "contentSchema": {"$ref": "#/components/schemas/C"}},
            "d": {"type": "object"},
        },
        "dependencies": {"d": {"$ref": "#/components/schemas/C"}, "c": ["d"]},
        "dependentSchemas": {"a": {"$ref": "#/components/schemas/C"}},
    }
    spec = write(
        tmp_path / "openapi.json",
        document(
            one_parameter(schema),
            components={"schemas": {"C": {"type": "integer", "minimum": 3}}},
        ),
    )
    contents, project, diagnostics = generate_server(str(spec))
    codes = [(d.code, d.location) for d in diagnostics]
    assert ("W-SCHEMA-REF", "/paths/~1a/get/parameters/0/schema/properties/a/$dynamicRef") in codes
    assert (
        "W-SCHEMA-REF",
        "/paths/~1a/get/parameters/0/schema/properties/b/$recursiveRef",
    ) in codes
    wire = json.dumps(project.catalog.wire("a"))
    for text in ("$dynamicRef", "$recursiveRef", "local.json", SENTINEL):
        assert text not in wire and text not in generated_text(contents)
    inline = q_schema(project)
    assert inline["properties"]["c"]["contentSchema"] == {"type": "integer", "minimum": 3}
    assert inline["dependencies"]["d"] == {"type": "integer", "minimum": 3}
    assert inline["dependencies"]["c"] == ["d"]
    assert inline["dependentSchemas"]["a"] == {"type": "integer", "minimum": 3}


def test_boolean_and_odd_schemas(tmp_path: Path) -> None:
    schema = {
        "type": "object",
        "properties": {
            "anything": True,
            "nothing": False,
            "list": {"type": "array", "items": True},
            "bad": {"type": "string", "pattern": "([a-z"},
            "odd": {"type": "strnig"},
            # Keywords whose values JSON Schema's validators cannot use (they failed at run
            # time): dropped, each with a warning naming it.
            "sparse": {"type": "string", "allOf": {"3": {"minLength": 1}}},
            "counted": {"type": "string", "maxLength": "10", "minLength": -1},
            "stepped": {"type": "number", "multipleOf": 0, "minimum": "1"},
            "listed": {"type": "string", "enum": "abc", "anyOf": []},
            "mapped": {"type": "object", "properties": ["a"]},
        },
    }
    spec = write(tmp_path / "openapi.json", document(one_parameter(schema)))
    _, project, diagnostics = generate_server(str(spec))
    props = q_schema(project)["properties"]
    assert props["anything"] == {} and props["nothing"] == {"not": {}}
    assert props["list"] == {"type": "array", "items": {}}
    assert props["bad"] == {"type": "string"} and props["odd"] == {}
    assert props["sparse"] == props["counted"] == props["listed"] == {"type": "string"}
    assert props["stepped"] == {"type": "number"} and props["mapped"] == {"type": "object"}
    assert {d.code for d in diagnostics} >= {"W-SCHEMA-PATTERN", "W-SCHEMA-TYPE"}
    dropped = {
        ".".join(d.location.split("/")[-2:]) for d in diagnostics if d.code == "W-SCHEMA-KEYWORD"
    }
    assert dropped == {
        "sparse.allOf",
        "counted.maxLength",
        "counted.minLength",
        "stepped.multipleOf",
        "stepped.minimum",
        "listed.enum",
        "listed.anyOf",
        "mapped.properties",
    }
    # The server's validators take every argument schema (they raised on these before).
    arguments = {"q": {"sparse": "x", "counted": "y" * 20, "stepped": 0.3, "mapped": {}}}
    assert project.catalog.argument_errors("a", arguments) == []


@pytest.mark.parametrize(
    ("ref", "components", "reason"),
    [
        ("#", {}, "is not a schema"),
        ("#/paths", {}, "is not a schema"),
        ("#/info/title", {}, "is not a schema"),
        (
            "#/components/schemas/A",
            {"A": {"$ref": "#/components/schemas/B"}, "B": {"$ref": "#/components/schemas/A"}},
            "loops back on itself",
        ),
    ],
)
def test_references_that_are_not_schemas_skip_the_operation(
    tmp_path: Path, ref: str, components: dict[str, Any], reason: str
) -> None:
    paths = {**one_parameter({"$ref": ref}), **one_parameter({"type": "string"}, "b")}
    spec = write(tmp_path / "openapi.json", document(paths, components={"schemas": components}))
    _, project, _ = generate_server(str(spec))
    assert [t.name for t in project.tools] == ["b"]
    assert reason in project.skipped[0][1]


# Bombs: one line, exit 2, nothing written, quickly


BILLION_LAUGHS = """openapi: 3.1.0
info: {title: lol, version: "1"}
x-a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
x-b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
x-c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
x-d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
x-e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
x-f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
x-g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
x-h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
paths:
  /a:
    get:
      operationId: a
      parameters: [{name: q, in: query, schema: {type: string, enum: *h}}]
      responses: {"200": {description: ok}}
"""


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("lol.yaml", BILLION_LAUGHS, "expands to more than"),
        (
            "loop.yaml",
            "openapi: 3.1.0\ninfo: {title: t, version: '1'}\nx: &a [*a]\npaths: {}\n",
            "contains itself",
        ),
        ("deep.json", "[" * 100_000 + "]" * 100_000, "nested deeper than"),
        ("deep.yaml", "a:" + " [" * 300 + " ]" * 300 + "\n", "nested deeper than"),
        (
            "surrogate.json",
            json.dumps(document(one_parameter({"type": "string", "description": "\ud800"}))),
            "lone surrogate",
        ),
        # NaN and infinity: JSON cannot write them, so no client could read the tools.
        (
            "nan.json",
            json.dumps(document(one_parameter({"type": "number", "default": float("nan")}))),
            "NaN and infinity are no JSON numbers",
        ),
        (
            "inf.yaml",
            yaml.safe_dump(document(one_parameter({"type": "number", "maximum": float("inf")}))),
            "NaN and infinity are no JSON numbers",
        ),
        (
            "anchored-inf.yaml",
            "x: &n -.inf\n"
            + yaml.safe_dump(document(one_parameter({"type": "number", "default": 1}))),
            "NaN and infinity are no JSON numbers",
        ),
    ],
)
def test_bombs_are_one_line_errors(tmp_path: Path, name: str, text: str, message: str) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    out = tmp_path / "out"
    result: list[Any] = []

    def run() -> None:
        result.append(
            CliRunner().invoke(main, ["server", "--openapi", str(path), "--out", str(out)])
        )

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(timeout=60)
    assert result, f"{name}: still running after 60 s"
    outcome = result[0]
    assert outcome.exit_code == 2, outcome.output
    lines = outcome.output.strip().splitlines()
    assert len(lines) == 1 and message in lines[0] and name in lines[0], outcome.output
    assert "Traceback" not in outcome.output
    assert not out.exists()


def test_deprecated_operations_are_counted_and_listed(tmp_path: Path) -> None:
    paths = {
        "/old": {"get": {"operationId": "old", "deprecated": True, "responses": OK}},
        "/new": {"get": {"operationId": "new", "responses": OK}},
    }
    spec = write(tmp_path / "openapi.json", document(paths))
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["server", "--openapi", str(spec), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "1 tool, 0 operations skipped, 1 warning, 1 deprecated left out" in result.output
    readme = (out / "README.md").read_text()
    assert "| GET /old | skipped: deprecated (`--include-deprecated` keeps it) |" in readme


@pytest.mark.parametrize(
    "text",
    [
        b'{"a": 1, "b": [1.5, -0.0, 1e300, true, null, "\\u00e9\\ud83d\\ude00"]}',
        b'\xef\xbb\xbf  {"bom": 1}',
        b'{"big": 123456789012345678901234567890, "neg": -99999999999999999999}',
        b'{"near": 18446744073709551615, "low": -9223372036854775808}',
        b'{"in a string": "12345678901234567890123"}',
        b'{"a": 1, "a": 2}',
        b"[" * 300 + b"]" * 300,
    ],
)
def test_fast_json_parses_as_json_does(text: bytes) -> None:
    """The orjson fast path gives exactly json's value, or leaves the text to json."""
    from mcpgen.openapi.document import _fast_json, parse_text

    expected = json.loads(text.decode("utf-8-sig"))
    got = parse_text(text, "doc.json")
    assert repr(got) == repr(expected)
    fast = _fast_json(text)
    if fast is not None:
        assert repr(fast[0]) == repr(expected)
        assert all(type(a) is type(b) for a, b in zip(_leaves(fast[0]), _leaves(expected)))


def _leaves(value: Any) -> list[Any]:
    if isinstance(value, dict):
        return [leaf for v in value.values() for leaf in _leaves(v)]
    if isinstance(value, list):
        return [leaf for v in value for leaf in _leaves(v)]
    return [value]


def test_fast_json_leaves_errors_to_json(tmp_path: Path) -> None:
    from mcpgen.openapi.document import _fast_json

    assert _fast_json(b'{"a": "\\ud800"}') is None  # a lone surrogate: json's path reports it
    assert _fast_json(b'{"a": 1,}') is None
    assert _fast_json(b"openapi: 3.1.0") is None
    assert _fast_json(b"\xff{") is None


# Media types


@pytest.mark.parametrize(
    ("offered", "sent"),
    [
        # application/json first, whatever the document's order.
        (
            ["application/*+json", "application/json-patch+json", "text/json", "application/json"],
            "application/json",
        ),
        # JSON Patch (a list of operations) after the types that send the resource's shape.
        (
            ["application/json-patch+json", "application/merge-patch+json"],
            "application/merge-patch+json",
        ),
        (["application/json-patch+json"], "application/json-patch+json"),
        # A range is never a Content-Type: its kind's own type is sent.
        (["application/*+json"], "application/json"),
        (["text/*"], "text/plain"),
        (["*/*"], "application/json"),
    ],
)
def test_a_body_is_sent_in_one_concrete_media_type(
    tmp_path: Path, offered: list[str], sent: str
) -> None:
    schema = {"type": "object", "properties": {"name": {"type": "string"}}}
    content = {media: {"schema": schema} for media in offered}
    paths = {
        "/a": {"post": {"operationId": "a", "requestBody": {"content": content}, "responses": OK}}
    }
    spec = write(tmp_path / "openapi.json", document(paths))
    _, project, _ = generate_server(str(spec))
    (tool,) = project.tools
    assert tool.body is not None and tool.body.media_type == sent


def test_swagger_bodies_choose_their_media_type_alike(tmp_path: Path) -> None:
    """Kubernetes' PATCH operations consume JSON Patch first; the merge patch takes the
    resource's shape, which is what the tool's arguments are."""
    consumes = ["application/json-patch+json", "application/merge-patch+json"]
    body = {"name": "body", "in": "body", "required": True, "schema": {"type": "object"}}
    operation = {"operationId": "a", "consumes": consumes, "parameters": [body], "responses": OK}
    swagger = {
        "swagger": "2.0",
        "info": {"title": "S", "version": "1"},
        "paths": {"/a": {"patch": operation}},
    }
    _, project, _ = generate_server(str(write(tmp_path / "swagger.json", swagger)))
    (tool,) = project.tools
    assert tool.body is not None and tool.body.media_type == "application/merge-patch+json"
