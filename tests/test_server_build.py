"""From operations to tools: names, arguments, schemas, Swagger 2.0, regeneration."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
from click.testing import CliRunner
from mcpgen.cli import main
from mcpgen.openapi.names import assign_tool_names

from .test_server_input import OK, build, doc, write


def test_tool_names_are_valid_unique_and_stable(tmp_path: Path) -> None:
    paths: dict[str, Any] = {
        "/pets": {"get": {"operationId": "listPets", "responses": OK}, "post": {"responses": OK}},
        "/pets/{id}": {"get": {"operationId": "get pet/by id", "responses": OK}},
        "/x": {"get": {"operationId": "a" * 80, "responses": OK}},
        "/dup1": {"get": {"operationId": "get_pet_by_id", "responses": OK}},
    }
    first = {
        t.path + t.method: t.name for t in build(write(tmp_path, "a.json", doc(paths)))[0].tools
    }
    assert first["/petsGET"] == "listPets"
    assert first["/petsPOST"] == "post_pets"
    assert first["/dup1GET"] == "get_pet_by_id", "the verbatim operationId keeps its name"
    assert first["/pets/{id}GET"].startswith("get_pet_by_id_") and len(first["/pets/{id}GET"]) == 20
    assert first["/xGET"].startswith("a" * 55 + "_") and len(first["/xGET"]) == 64
    # Adding and removing unrelated operations renames nothing.
    changed = dict(paths)
    del changed["/pets"]
    changed["/new"] = {
        "get": {"operationId": "brandNew", "responses": OK},
        "delete": {"responses": OK},
    }
    second = {
        t.path + t.method: t.name for t in build(write(tmp_path, "b.json", doc(changed)))[0].tools
    }
    assert {k: v for k, v in first.items() if k in second} == {
        k: v for k, v in second.items() if k in first
    }


def test_assign_tool_names_never_collides() -> None:
    names = assign_tool_names([("x", "get", "/a"), ("x", "get", "/b"), ("x!", "post", "/c")])
    assert len(set(names)) == 3
    assert all(name.startswith("x_") for name in names)


def test_argument_collisions_follow_the_documented_rule(tmp_path: Path) -> None:
    body = {
        "type": "object",
        "properties": {
            "id": {"type": "string"},
            "q": {"type": "string"},
            "note": {"type": "string"},
        },
    }
    path = write(
        tmp_path,
        "a.json",
        doc(
            {
                "/t/{id}": {
                    "post": {
                        "operationId": "t",
                        "parameters": [
                            {
                                "name": "id",
                                "in": "path",
                                "required": True,
                                "schema": {"type": "integer"},
                            },
                            {"name": "id", "in": "query", "schema": {"type": "integer"}},
                            {"name": "id", "in": "header", "schema": {"type": "string"}},
                            {"name": "q", "in": "cookie", "schema": {"type": "string"}},
                            {"name": "filter[name]", "in": "query", "schema": {"type": "string"}},
                        ],
                        "requestBody": {"content": {"application/json": {"schema": body}}},
                        "responses": OK,
                    }
                }
            }
        ),
    )
    tool = build(path)[0].tools[0]
    assert [(a.name, a.location, a.wire) for a in tool.args] == [
        ("id", "path", "id"),
        ("query_id", "query", "id"),
        ("filter_name", "query", "filter[name]"),
        ("header_id", "header", "id"),
        ("q", "cookie", "q"),
        ("body_id", "field", "id"),
        ("body_q", "field", "q"),
        ("note", "field", "note"),
    ]
    assert list(tool.input_schema["properties"]) == [a.name for a in tool.args]


def test_swagger2_parameters_bodies_and_security(tmp_path: Path) -> None:
    spec = {
        "swagger": "2.0",
        "info": {"title": "Old", "version": "1"},
        "host": "api.example.test",
        "basePath": "/v2",
        "schemes": ["http", "https"],
        "securityDefinitions": {
            "basicAuth": {"type": "basic"},
            "key": {"type": "apiKey", "in": "query", "name": "key"},
            "app": {
                "type": "oauth2",
                "flow": "application",
                "tokenUrl": "https://auth.test/token",
                "scopes": {"a": "A"},
            },
        },
        "security": [{"key": []}],
        "paths": {
            "/things": {
                "post": {
                    "operationId": "upload",
                    "consumes": ["multipart/form-data"],
                    "parameters": [
                        {"name": "file", "in": "formData", "type": "file", "required": True},
                        {
                            "name": "tags",
                            "in": "formData",
                            "type": "array",
                            "items": {"type": "string"},
                            "collectionFormat": "multi",
                        },
                    ],
                    "responses": {
                        "200": {
                            "description": "ok",
                            "schema": {
                                "type": "object",
                                "x-nullable": True,
                                "properties": {"n": {"type": "integer"}},
                            },
                        }
                    },
                },
                "put": {
                    "operationId": "replace",
                    "security": [{"basicAuth": []}, {"app": []}],
                    "parameters": [
                        {
                            "name": "ids",
                            "in": "query",
                            "type": "array",
                            "items": {"type": "integer"},
                            "collectionFormat": "pipes",
                        },
                        {
                            "name": "body",
                            "in": "body",
                            "required": True,
                            "schema": {"type": "array", "items": {"type": "string"}},
                        },
                    ],
                    "responses": {"204": {"description": "done"}},
                },
            }
        },
    }
    project, diagnostics = build(write(tmp_path, "s.json", spec))
    assert diagnostics == []
    assert project.base_url == "https://api.example.test/v2"
    tools = {t.name: t for t in project.tools}
    upload, replace = tools["upload"], tools["replace"]
    assert upload.body is not None and upload.body.kind == "multipart"
    assert [(a.name, a.location, a.file) for a in upload.args] == [
        ("file", "field", True),
        ("tags", "field", False),
    ]
    assert upload.input_schema["required"] == ["file"]
    assert upload.wrap_output, "x-nullable object responses are wrapped"
    assert upload.security == (("key",),)
    assert replace.security == (("basicAuth",), ("app",))
    ids = replace.args[0]
    assert (ids.style, ids.explode) == ("pipeDelimited", False)
    assert replace.args[1].location == "body"
    assert replace.input_schema["required"] == ["body"]
    kinds = {s.key: (s.kind, s.token_url) for s in project.schemes}
    assert kinds == {
        "basicAuth": ("basic", ""),
        "key": ("apiKey", ""),
        "app": ("oauth2", "https://auth.test/token"),
    }


def test_openapi30_nullable_and_exclusive_bounds(tmp_path: Path) -> None:
    schema = {
        "type": "object",
        "properties": {
            "n": {"type": "integer", "nullable": True, "minimum": 1, "exclusiveMinimum": True},
            "e": {"type": "string", "enum": ["a"], "nullable": True},
            "c": {"allOf": [{"type": "object"}], "nullable": True},
        },
    }
    spec = doc(
        {
            "/a": {
                "post": {
                    "operationId": "a",
                    "requestBody": {"content": {"application/json": {"schema": schema}}},
                    "responses": OK,
                }
            }
        }
    )
    spec["openapi"] = "3.0.3"
    project = build(write(tmp_path, "a.json", spec))[0]
    props = project.catalog.wire(project.tools[0].name)["inputSchema"]["properties"]
    assert props["n"] == {"type": ["integer", "null"], "exclusiveMinimum": 1}
    assert props["e"] == {"type": ["string", "null"], "enum": ["a", None]}
    assert props["c"] == {"anyOf": [{"allOf": [{"type": "object"}]}, {"type": "null"}]}


def test_keep_refs_and_output_modes(tmp_path: Path) -> None:
    spec = doc(
        {
            "/a": {
                "get": {
                    "operationId": "a",
                    "responses": {
                        "200": {
                            "description": "ok",
                            "content": {
                                "application/json": {"schema": {"$ref": "#/components/schemas/Big"}}
                            },
                        }
                    },
                }
            }
        },
        components={
            "schemas": {
                "Big": {
                    "type": "object",
                    "properties": {
                        "inner": {"$ref": "#/components/schemas/In"},
                        "n": {"type": "integer"},
                    },
                },
                "In": {"type": "object", "properties": {"x": {"type": "string"}}},
            }
        },
    )
    path = write(tmp_path, "a.json", spec)

    def output(**options: Any) -> Any:
        project = build(path, **{"strict_output": True, **options})[0]
        return project.catalog.wire(project.tools[0].name).get("outputSchema")

    # By default the same shape tolerates nulls and numbers sent as strings.
    assert output(output_schema="full", strict_output=False) == {
        "type": "object",
        "properties": {
            "inner": {
                "type": ["object", "null"],
                "properties": {"x": {"type": ["string", "null"]}},
            },
            "n": {"type": ["integer", "string", "null"]},
        },
    }

    full = output(output_schema="full")
    assert full == {
        "type": "object",
        "properties": {
            "inner": {"type": "object", "properties": {"x": {"type": "string"}}},
            "n": {"type": "integer"},
        },
    }
    kept = output(output_schema="full", keep_refs=True)
    assert kept is not None and kept["$ref"] == "#/$defs/Big"
    assert set(kept["$defs"]) == {"Big", "In"}
    jsonschema.Draft202012Validator(kept).validate({"inner": {"x": "y"}, "n": 1})
    shallow = output(output_schema="shallow")
    assert shallow == {
        "type": "object",
        "properties": {"inner": {"type": "object"}, "n": {"type": "integer"}},
    }
    assert output(output_schema="none") is None


def test_check_regenerate_and_user_hooks(tmp_path: Path) -> None:
    spec = doc({"/a": {"get": {"operationId": "a", "responses": OK}}})
    path = write(tmp_path, "api.json", spec)
    out = tmp_path / "out"
    runner = CliRunner()
    args = ["server", "--openapi", str(path), "--out", str(out), "--name", "demo"]
    first = runner.invoke(main, args)
    assert first.exit_code == 0, first.output
    assert "1 tool, 0 operations skipped, 0 warnings" in first.output
    snapshot = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert runner.invoke(main, [*args, "--check"]).exit_code == 0
    hooks = out / "demo" / "hooks.py"
    hooks.write_text(hooks.read_text() + "\nEDITED = True\n")
    assert runner.invoke(main, [*args, "--check"]).exit_code == 0, "user files are theirs"
    spec["paths"]["/b"] = {"get": {"operationId": "b", "responses": OK}}
    path.write_text(json.dumps(spec))
    stale = runner.invoke(main, [*args, "--check"])
    assert stale.exit_code == 1
    assert '+  {"name":"b"' in stale.output
    assert runner.invoke(main, args).exit_code == 0
    assert "EDITED = True" in hooks.read_text()
    again = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    changed = {p for p in again if again[p] != snapshot.get(p)}
    assert {str(p) for p in changed} == {
        "demo/spec.json",
        "demo/operations.json",
        "README.md",
        ".mcpgen/manifest.json",
        "demo/hooks.py",
    }


def test_verbatim_files_are_black_formatted_code() -> None:
    """Files marked verbatim (runtime modules, static templates) skip black at generation
    time; this keeps that honest."""
    import black
    from black.mode import TargetVersion
    from mcpgen.functions.build import build_functions
    from mcpgen.functions.generate import plan as functions_plan
    from mcpgen.openapi.generate import plan
    from mcpgen.pipeline import _environment

    from .server_support import CASES

    project, _ = build(CASES / "kitchen.yaml", name="a_rather_long_package_name_for_line_lengths")
    functions, _ = build_functions(str(CASES.parent / "functions" / "typed_tools.py"))
    mode = black.Mode(target_versions={TargetVersion.PY311}, line_length=100)
    checked = 0
    for planned in [*plan(project), *functions_plan(functions)]:
        if planned.verbatim:
            text = planned.text
            if text is None:
                text = _environment().get_template(planned.template).render(**planned.context)
            assert black.format_str(text, mode=mode) == text, planned.template
            checked += 1
    assert checked == 47 + 42  # every verbatim file of both kinds: a new one counts here


def test_operations_servers_start_with_the_forms_chosen_at_generation(tmp_path: Path) -> None:
    """A per-operation server's ``operations.json`` says which form each tool's schemas
    took within the budget (``forms``); the server builds that form alone, and lists what
    trying every form would have given."""
    from mcpgen.runtime.catalog import Catalog

    from .server_support import CASES, generate, import_package

    package = generate(CASES / "kitchen.yaml", tmp_path, tools_mode="operations", schema_budget=200)
    data = json.loads((tmp_path / package / "operations.json").read_text("utf-8"))
    forms = data["forms"]
    kinds = {form for found in forms.values() for form in found.values()}
    assert kinds and kinds <= {"shared", "type"} | {f for f in kinds if f.startswith("summ")}
    server = import_package(tmp_path, package)
    spec = server.load_spec(package)
    served = server.load_catalog(spec, package)
    tried = Catalog.from_data({k: v for k, v in data.items() if k != "forms"}, spec["schemas"])
    names = served.names()
    assert [served.wire(n) for n in names] == [tried.wire(n) for n in names]
    assert tried.chosen_forms() == forms
    # The server takes the form it is told: a tool told "type" is listed as a type alone.
    name = next(iter(forms))
    told = Catalog.from_data({**data, "forms": {name: {"input": "type"}}}, spec["schemas"])
    assert told.wire(name)["inputSchema"] == tried.definitions.made(
        tried.by_name[name]["inputSchema"], "type", "shape summarised to fit the tool list"
    )
    # Discovery servers keep no forms: their start-up lists five tools.
    other = generate(CASES / "kitchen.yaml", tmp_path / "d", tools_mode="discovery")
    assert "forms" not in json.loads((tmp_path / "d" / other / "operations.json").read_text())


def test_data_files_are_utf8_json_whatever_their_values() -> None:
    """``data_bytes``: UTF-8 JSON with one long entry's item per line; values orjson cannot
    write (integers past 64 bits, lone surrogates, keys that are not strings) are written by
    json instead, as valid UTF-8; an iterator entry is written as a list."""
    from mcpgen.serverproject import data_bytes

    items = [
        {"name": "café ☕ 😀", "n": 2**70, "x": 1.5},
        {"lone": "\ud800"},
        {"keys": {1: "one"}},
        {"plain": [True, None, -3]},
    ]
    data = {"version": 1, "tools": iter(items), "terms": [], "other": {"é": "\u2028"}}
    raw = data_bytes(data)
    text = raw.decode("utf-8")  # valid UTF-8 throughout
    assert raw == data_bytes(
        {"version": 1, "tools": list(items), "terms": [], "other": {"é": "\u2028"}}
    )
    lines = text.splitlines()
    assert lines[:2] == ["{", ' "version": 1,']
    assert lines[2] == ' "tools": ['
    assert lines[3] == '  {"name":"café ☕ 😀","n":1180591620717411303424,"x":1.5},'
    assert lines[4] == '  {"lone":"\\ud800"},'
    assert lines[5] == '  {"keys":{"1":"one"}},'
    assert lines[6] == '  {"plain":[true,null,-3]}'
    assert ' "terms": [],' in lines
    assert json.loads(text) == {
        "version": 1,
        "tools": [
            {"name": "café ☕ 😀", "n": 2**70, "x": 1.5},
            {"lone": "\ud800"},
            {"keys": {"1": "one"}},
            {"plain": [True, None, -3]},
        ],
        "terms": [],
        "other": {"é": "\u2028"},
    }


def test_a_parameter_many_operations_share_is_written_once(tmp_path: Path) -> None:
    """Its schema goes to operations.json's ``$defs`` once (a small document's data files
    would otherwise repeat its description in every tool), while every tool still shows
    it whole on the wire and checks arguments against it."""
    long = "Which catalog to query. " * 20
    spec = doc(
        {
            f"/things{i}/{{source}}": {
                "get": {
                    "operationId": f"getThings{i}",
                    "parameters": [
                        {"$ref": "#/components/parameters/Source"},
                        {"name": "page", "in": "query", "schema": {"type": "integer"}},
                    ],
                    "responses": OK,
                }
            }
            for i in range(12)
        },
        components={
            "parameters": {
                "Source": {
                    "name": "source",
                    "in": "path",
                    "required": True,
                    "description": long,
                    "schema": {"type": "string", "enum": ["catalog", "world"]},
                }
            }
        },
    )
    path = write(tmp_path, "shared.json", spec)
    project = build(path)[0]
    data = json.dumps(project.operations_json(), default=list)
    assert data.count("Which catalog to query.") == 20, "the description, once"
    wire = project.wire_tools()
    assert len(wire) == 12
    for tool in wire:
        source = tool["inputSchema"]["properties"]["source"]
        assert source["description"] == long.strip()
        assert source["enum"] == ["catalog", "world"]
        assert "$defs" not in tool["inputSchema"]
    errors = project.catalog.argument_errors(project.tools[3].name, {"source": "mars"})
    assert len(errors) == 1 and errors[0].startswith("source: 'mars' is not one of"), errors
    # --keep-refs shows the document's own definitions, no others.
    kept = build(path, keep_refs=True)[0]
    assert json.dumps(kept.operations_json(), default=list).count("Which catalog") == 12 * 20


def test_html_descriptions_become_markdown(tmp_path: Path) -> None:
    """Descriptions written in HTML (AWS's documents, and tags mixed into Markdown) reach the
    tool list as Markdown: paragraphs, list items and code spans, links with their text (and
    their URL with --keep-links), entities as characters; what is not a known HTML tag, and
    code, stay as written; the budget is spent on the text, not the tags."""
    html = (
        '<p>Lists the parts (see <a href="https://example.com/a.html">CreateUpload</a>). Use'
        " <code>max-parts</code> &amp; <i>Region</i>.</p> <p>Kinds:</p> <ul> <li> <p>"
        "<code>a</code> - one</p> </li> <li> <p>two</p> </li> </ul> <note> <p>Careful</p>"
        " </note>"
    )
    markdown = (
        "Lists the parts (see {link}). Use `max-parts` & Region.\n\nKinds:\n\n- `a` - one\n"
        "- two\n\nCareful"
    )
    kept = "Keep <bucket-name> as it is, and 1 < 2 > 0; see [the guide](https://example.com/g)."
    code = "Send <b>this</b>:\n\n```\n<p>as written</p>\n```\n\nand `<br>`."
    param = {"name": "q", "in": "query", "schema": {"type": "string"}}
    operations = {
        "html": {"description": html, "parameters": [{**param, "description": html}]},
        "kept": {"description": kept},
        "code": {"description": code},
    }
    spec = doc(
        {f"/{k}": {"get": {"operationId": k, "responses": OK, **v}} for k, v in operations.items()}
    )
    path = write(tmp_path, "a.json", spec)
    for keep_links, link in (
        (False, "CreateUpload"),
        (True, "[CreateUpload](https://example.com/a.html)"),
    ):
        project = build(path, keep_links=keep_links)[0]
        tools = {t.name: project.catalog.wire(t.name) for t in project.tools}
        assert tools["html"]["description"] == markdown.format(link=link)
        assert tools["html"]["inputSchema"]["properties"]["q"]["description"] == markdown.format(
            link=link
        )
        expected = (
            kept if keep_links else kept.replace("[the guide](https://example.com/g)", "the guide")
        )
        assert tools["kept"]["description"] == expected
        assert (
            tools["code"]["description"]
            == "Send this:\n\n```\n<p>as written</p>\n```\n\nand `<br>`."
        )
    # The budget counts the Markdown, not the tags.
    project = build(path, description_budget=40)[0]
    assert project.catalog.wire("html")["description"] == (
        "Lists the parts (see CreateUpload). Use…"
    )


def test_parameters_whose_names_http_cannot_carry(tmp_path: Path) -> None:
    """A header or cookie name that is not an HTTP token (empty, as in APIs.guru's Notion
    document, or with a space) cannot be sent: an optional one is left out with a warning
    naming it, and an operation that requires one is skipped; the call never fails on it."""
    bad = [
        {"name": "", "in": "header", "schema": {"type": "string"}},
        {"name": "X Api Key", "in": "header", "schema": {"type": "string"}},
        {"name": "a;b", "in": "cookie", "schema": {"type": "string"}},
        {"name": "", "in": "query", "schema": {"type": "string"}},
        {"name": "X-Fine_1", "in": "header", "schema": {"type": "string"}},
    ]
    spec = doc(
        {
            "/a": {"get": {"operationId": "a", "parameters": bad, "responses": OK}},
            "/b": {
                "get": {
                    "operationId": "b",
                    "parameters": [{**bad[0], "required": True}],
                    "responses": OK,
                }
            },
        }
    )
    project, warnings = build(write(tmp_path, "a.json", spec))
    assert [t.name for t in project.tools] == ["a"]
    assert [a.wire for a in project.tools[0].args] == ["X-Fine_1"]
    cannot = "has a name HTTP cannot carry"
    assert sum(f"{cannot}; left out" in w for w in warnings) == 4
    assert any("operation GET /b skipped: header parameter '' " + cannot in w for w in warnings)


def test_accept_says_media_types_without_their_charset(tmp_path: Path) -> None:
    """A response's charset says how its body is written, not what to ask for: Accept lists
    each media type once without it (openSUSE's `application/xml; charset=utf-8` found no
    match in Prism), and keeps the parameters that choose a representation."""
    content = {
        "application/json; charset=utf-8": {"schema": {"type": "object"}},
        "application/xml;Charset=UTF-8": {},
        "application/json": {},
        "application/vnd.x+json; version=2": {},
    }
    response = {"200": {"description": "ok", "content": content}}
    xml_only = {"200": {"description": "ok", "content": {"text/xml; charset=utf-8": {}}}}
    spec = doc(
        {
            "/a": {"get": {"operationId": "a", "responses": response}},
            "/b": {"get": {"operationId": "b", "responses": xml_only}},
        }
    )
    project = build(write(tmp_path, "a.json", spec))[0]
    accept = {t.name: t.accept for t in project.tools}
    assert accept == {
        "a": "application/json, application/xml, application/vnd.x+json; version=2",
        "b": "text/xml",
    }


def test_read_only_beside_a_reference_is_not_asked_for(tmp_path: Path) -> None:
    """A body property the server sets, marked ``readOnly`` beside the ``$ref`` that gives
    its type (as 4% of APIs.guru's documents write ids and timestamps), is not an argument,
    even where the schema lists it as required, as one marked on its own schema is not."""
    thing = {
        "type": "object",
        "required": ["id", "name", "created"],
        "properties": {
            "id": {"$ref": "#/components/schemas/Id", "readOnly": True},
            "created": {"type": "string", "readOnly": True},
            "owner": {"$ref": "#/components/schemas/Id"},
            "name": {"type": "string"},
        },
    }
    body = {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}}
    spec = doc(
        {"/things": {"post": {"operationId": "create", "requestBody": body, "responses": OK}}},
        components={"schemas": {"Id": {"type": "string"}, "Thing": thing}},
    )
    spec["openapi"] = "3.0.3"
    project = build(write(tmp_path, "a.json", spec))[0]
    schema = project.catalog.wire("create")["inputSchema"]
    assert sorted(schema["properties"]) == ["name", "owner"]
    assert schema["required"] == ["name"]


def test_nullable_beside_a_reference_allows_null(tmp_path: Path) -> None:
    """``{"$ref": ..., "nullable": true}`` (OpenAPI 3.0; Swagger's ``x-nullable``) takes
    null as well as what the reference names, its description at the top. Made apart from
    the reference it was an anyOf of the description and null, beside the referenced type,
    which refused null."""
    props = {
        "owner": {"$ref": "#/components/schemas/Id", "nullable": True, "description": "Who."},
        "parent": {"$ref": "#/components/schemas/Id", "x-nullable": True},
        "plain": {"$ref": "#/components/schemas/Id"},
    }
    body = {"type": "object", "properties": props}
    spec = doc(
        {
            "/a": {
                "post": {
                    "operationId": "a",
                    "requestBody": {"content": {"application/json": {"schema": body}}},
                    "responses": OK,
                }
            }
        },
        components={"schemas": {"Id": {"type": "string"}}},
    )
    spec["openapi"] = "3.0.3"
    project = build(write(tmp_path, "a.json", spec))[0]
    wire = project.catalog.wire("a")["inputSchema"]["properties"]
    nullable = {"anyOf": [{"type": "string"}, {"type": "null"}]}
    assert wire["owner"] == {**nullable, "description": "Who."}
    assert wire["parent"] == nullable and wire["plain"] == {"type": "string"}
    assert project.catalog.argument_errors("a", {"owner": None, "parent": None}) == []
    assert project.catalog.argument_errors("a", {"plain": None}) == [
        "plain: None is not of type 'string'"
    ]


def test_required_beside_a_body_reference_is_required(tmp_path: Path) -> None:
    """A body written ``{"$ref": ..., "required": [...]}`` (DigitalOcean's load balancer
    droplets) requires those properties of its spread arguments too."""
    body = {
        "required": True,
        "content": {
            "application/json": {
                "schema": {"$ref": "#/components/schemas/Ids", "required": ["droplet_ids"]}
            }
        },
    }
    ids = {
        "type": "object",
        "properties": {"droplet_ids": {"type": "array", "items": {"type": "integer"}}},
    }
    spec = doc(
        {"/lb": {"post": {"operationId": "add", "requestBody": body, "responses": OK}}},
        components={"schemas": {"Ids": ids}},
    )
    project = build(write(tmp_path, "a.json", spec))[0]
    assert project.catalog.wire("add")["inputSchema"]["required"] == ["droplet_ids"]
    assert project.catalog.argument_errors("add", {}) == ["'droplet_ids' is a required property"]


def test_a_type_beside_a_reference_that_contradicts_it_is_dropped(tmp_path: Path) -> None:
    """``{"$ref": ".../Contact", "type": "string"}`` (Xero's quotes) would leave no value to
    send: the type beside the reference is dropped with a warning naming it, as OpenAPI 3.0
    says to ignore it; a type that agrees (an integer where a number is named) stays."""
    props = {
        "contact": {"$ref": "#/components/schemas/Contact", "type": "string"},
        "count": {"$ref": "#/components/schemas/Amount", "type": "integer"},
    }
    body = {"content": {"application/json": {"schema": {"type": "object", "properties": props}}}}
    schemas = {
        "Contact": {"type": "object", "properties": {"id": {"type": "string"}}},
        "Amount": {"type": "number"},
    }
    spec = doc(
        {"/q": {"post": {"operationId": "q", "requestBody": body, "responses": OK}}},
        components={"schemas": schemas},
    )
    spec["openapi"] = "3.0.3"
    project, warnings = build(write(tmp_path, "a.json", spec))
    (warned,) = [w for w in warnings if "W-SCHEMA-TYPE" in w]
    assert "/components/schemas/" not in warned and "/properties/contact/type" in warned
    assert "type 'string' beside a $ref to a schema of type 'object'" in warned
    assert project.catalog.argument_errors("q", {"contact": {"id": "c1"}, "count": 2}) == []
    assert project.catalog.argument_errors("q", {"count": 2.5}) == [
        "count: 2.5 is not of type 'integer'"
    ]
