"""Reading OpenAPI documents: YAML as meant, $refs across files and their limits, bad input."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from click.testing import CliRunner
from mcpgen.cli import main
from mcpgen.openapi.build import ServerOptions, build_project
from mcpgen.openapi.document import DocumentSet, parse_text
from mcpgen.openapi.generate import generate_server
from mcpgen.openapi.ir import Project
from mcpgen.openapi.operations import Filters

from .server_support import CASES
from .upstream_app import Recorded, Reply, Upstream, serve


def build(path: Path | str, **options: Any) -> tuple[Project, list[str]]:
    project, diagnostics = build_project(DocumentSet(str(path)), ServerOptions(**options))
    return project, [str(d) for d in diagnostics]


def write(tmp_path: Path, name: str, data: Any) -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    text = data if isinstance(data, str) else json.dumps(data)
    path.write_text(text, encoding="utf-8")
    return path


def doc(paths: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {
        "openapi": "3.1.0",
        "info": {"title": "T", "version": "1"},
        "servers": [{"url": "http://127.0.0.1:9"}],
        "paths": paths,
        **extra,
    }


OK = {"200": {"description": "ok"}}


def test_yaml_keys_and_scalars_stay_strings() -> None:
    data = parse_text(b"200: a\nyes: b\non: c\n1.0: d\nv: yes\nd: 2020-01-01\nt: true\n", "x.yaml")
    assert data == {
        "200": "a",
        "yes": "b",
        "on": "c",
        "1.0": "d",
        "v": "yes",
        "d": "2020-01-01",
        "t": True,
    }


def test_multi_file_refs_pointer_escapes_and_cycles() -> None:
    project, diagnostics = build(CASES / "multi" / "openapi.yaml", strict_output=True)
    assert diagnostics == []
    tools = {t.name: project.catalog.wire(t.name) for t in project.tools}
    assert tools["listPets"]["inputSchema"]["properties"]["after"] == {
        "type": "integer",
        "minimum": 1,
    }
    output = tools["getPet"].get("outputSchema")
    assert output is not None
    # Pet refers to itself: kept once in $defs; everything else is inlined.
    assert output["$ref"] == "#/$defs/Pet"
    pet = output["$defs"]["Pet"]
    assert pet["properties"]["friend"] == {"$ref": "#/$defs/Pet"}
    assert pet["properties"]["owner"]["properties"]["since"] == {"type": "string", "format": "date"}
    validator = jsonschema.Draft202012Validator(output)
    validator.validate({"id": 1, "friend": {"id": 2, "friend": {"id": 3}}})
    with pytest.raises(jsonschema.ValidationError):
        validator.validate({"id": 1, "friend": {"id": 0}})


def test_refs_may_not_leave_the_document_directory(tmp_path: Path) -> None:
    write(tmp_path, "secret.yaml", "X: {type: string}\n")
    schema = {"$ref": "../secret.yaml#/X"}
    path = write(
        tmp_path,
        "api/openapi.json",
        doc(
            {
                "/a": {
                    "get": {
                        "operationId": "a",
                        "parameters": [{"name": "q", "in": "query", "schema": schema}],
                        "responses": OK,
                    }
                },
                "/b": {"get": {"operationId": "b", "responses": OK}},
            }
        ),
    )
    project, diagnostics = build(path)
    assert [t.name for t in project.tools] == ["b"]
    assert project.skipped == (
        (
            "GET /a",
            (
                "$ref '../secret.yaml#/X' leaves the document's folder; refusing to read it "
                "(--ref-root widens it)"
            ),
        ),
    )
    assert diagnostics == [
        (
            f"{path}:/paths/~1a/get/parameters/0/schema: warning W-SKIP: operation GET /a skipped: "
            "$ref '../secret.yaml#/X' leaves the document's folder; refusing to read it "
            "(--ref-root widens it)"
        )
    ]


def test_remote_refs_need_the_flag(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "openapi.json",
        doc(
            {
                "/a": {
                    "get": {
                        "operationId": "a",
                        "parameters": [
                            {
                                "name": "q",
                                "in": "query",
                                "schema": {"$ref": "http://127.0.0.1:9/s.json#/X"},
                            }
                        ],
                        "responses": OK,
                    }
                }
            }
        ),
    )
    project, _ = build(path)
    assert project.tools == ()
    assert "--allow-remote-refs" in project.skipped[0][1]


def test_refs_in_examples_and_extensions_are_never_followed(tmp_path: Path) -> None:
    schema = {
        "type": "object",
        "example": {"$ref": "../../etc/passwd"},
        "x-thing": {"$ref": "http://127.0.0.1:9/x"},
        "properties": {"a": {"type": "string", "default": {"$ref": "nope"}}},
    }
    path = write(
        tmp_path,
        "openapi.json",
        doc(
            {
                "/a": {
                    "post": {
                        "operationId": "a",
                        "requestBody": {"content": {"application/json": {"schema": schema}}},
                        "responses": OK,
                    }
                }
            }
        ),
    )
    project, diagnostics = build(path)
    assert diagnostics == []
    assert project.catalog.wire(project.tools[0].name)["inputSchema"]["properties"]["a"] == {
        "type": "string",
        "default": {"$ref": "nope"},
    }


def test_slightly_invalid_documents_generate_with_warnings(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "openapi.yaml",
        """
openapi: 3.0.0
info: {title: Sloppy}
paths:
  /a:
    get:
      operationId: a
      parameters:
        - {name: q, in: query, schema: {type: 'null'}}
        - {name: r, in: query, schema: {type: string, format: snowflake}}
        - {name: s, in: query, schema: true}
      responses: {200: {description: ok}}
""",
    )
    project, diagnostics = build(path)
    assert len(project.tools) == 1
    codes = sorted(line.split(": warning ")[1].split(":")[0] for line in diagnostics)
    assert codes == [
        "W-INFO-VERSION",
        "W-SCHEMA-BOOL",
        "W-SCHEMA-FORMAT",
        "W-SCHEMA-NULL",
        "W-SERVER-NONE",
    ]
    assert project.api_version == "0"


def test_broken_refs_inside_shared_schemas_skip_the_operations_that_need_them(
    tmp_path: Path,
) -> None:
    """A ``$ref`` that cannot be followed inside a schema that operations share (a missing
    target, a ``$ref`` that is no string, one that names no file), reached through array
    items, ``oneOf`` or another shared schema, skips every operation that needs it, naming
    the broken ``$ref``, as a broken ``$ref`` of the operation's own does; the others
    generate, and so does a null container."""
    schemas = {
        "Missing": {"type": "object", "properties": {"p": {"$ref": "#/components/schemas/Gone"}}},
        "NotText": {"oneOf": [{"$ref": {"enum": []}}, {"type": "string"}]},
        "NoFile": {"type": "object", "properties": {"f": {"$ref": "%00.json"}}},
        "Via": {"type": "object", "properties": {"m": {"$ref": "#/components/schemas/Missing"}}},
        "Fine": {"type": "object", "properties": {"n": {"type": "string"}}},
    }

    def op(name: str, schema: str) -> dict[str, Any]:
        ref = {"$ref": f"#/components/schemas/{schema}"}
        content = {"application/json": {"schema": {"type": "array", "items": ref}}}
        return {
            "operationId": name,
            "responses": {"200": {"description": "ok", "content": content}},
        }

    document = {
        "openapi": "3.0.3",
        "info": {"title": "Broken", "version": "1"},
        "tags": None,
        "paths": {f"/{name.lower()}": {"get": op(f"get{name}", name)} for name in schemas},
        "components": {"schemas": schemas},
    }
    path = write(tmp_path, "broken.json", json.dumps(document))
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["server", "--openapi", str(path), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    skips = sorted(line for line in result.output.splitlines() if "W-SKIP" in line)
    at = f"mcpgen: {path}:/components/schemas"
    gone = f"$ref target {path}#/components/schemas/Gone does not exist"
    assert skips == [
        f"{at}/Missing/properties/p: warning W-SKIP: operation GET /missing skipped: {gone}",
        f"{at}/Missing/properties/p: warning W-SKIP: operation GET /via skipped: {gone}",
        (
            f"{at}/NoFile/properties/f: warning W-SKIP: operation GET /nofile skipped: $ref "
            "'%00.json': not a valid path"
        ),
        (
            f"{at}/NotText/oneOf/0: warning W-SKIP: operation GET /nottext skipped: $ref is "
            "not a string"
        ),
    ], result.output
    package = next(out.glob("*/operations.json")).parent
    data = json.loads((package / "operations.json").read_text())
    assert [tool["name"] for tool in data["tools"]] == ["getFine"]
    # Nothing of what was skipped is kept.
    assert sorted(data["$defs"]) == ["Fine"]


@pytest.mark.parametrize(
    ("document", "warnings"),
    [
        (
            {"openapi": "3.0.3", "tags": 3.5, "servers": "https://x.test", "security": {}},
            [
                "/servers: warning W-DOC-TYPE: 'servers' is a string, not an array; ignored",
                "/tags: warning W-DOC-TYPE: 'tags' is a number, not an array; ignored",
                "/security: warning W-DOC-TYPE: 'security' is an object, not an array; ignored",
            ],
        ),
        (
            {"swagger": "2.0", "schemes": {"0": "https"}, "host": 7, "consumes": "text/plain"},
            [
                "/schemes: warning W-DOC-TYPE: 'schemes' is an object, not an array; ignored",
                "/consumes: warning W-DOC-TYPE: 'consumes' is a string, not an array; ignored",
                "/host: warning W-DOC-TYPE: 'host' is a number, not a string; ignored",
            ],
        ),
    ],
)
def test_defaults_and_descriptions_of_the_wrong_type_are_ignored(
    tmp_path: Path, document: dict[str, Any], warnings: list[str]
) -> None:
    """The document's containers that give defaults or descriptions (servers, tags,
    security, Swagger's schemes, consumes, host...) are left out with a warning where they
    are of the wrong type: the server still generates."""
    document = {
        **document,
        "info": {"title": "Sloppy", "version": "1"},
        "paths": {
            "/a": {"get": {"operationId": "getA", "responses": {"200": {"description": "ok"}}}}
        },
    }
    path = write(tmp_path, "sloppy.json", json.dumps(document))
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["server", "--openapi", str(path), "--out", str(out)])
    assert result.exit_code == 0, result.output
    found = [line for line in result.output.splitlines() if "W-DOC-TYPE" in line]
    assert found == [f"mcpgen: {path}:{warning}" for warning in warnings]
    assert (out / "sloppy_mcp" / "operations.json").is_file()


def test_a_path_written_twice_in_yaml_is_said(tmp_path: Path) -> None:
    """A YAML document that writes a path twice loses the first one's operations, as every
    YAML reader reads it: mcpgen says where, in the document or one it references."""
    (tmp_path / "shared.yaml").write_text("Pet:\n  type: object\n  title: Pet\n  title: Animal\n")
    path = write(
        tmp_path,
        "twice.yaml",
        "openapi: 3.0.3\ninfo: {title: Twice, version: '1'}\npaths:\n"
        "  /pets:\n    get:\n      operationId: listPets\n"
        "      responses: {'200': {description: ok}}\n"
        "  /pets:\n    post:\n      operationId: addPet\n      responses:\n"
        "        '200':\n          description: ok\n          content:\n"
        "            application/json: {schema: {$ref: 'shared.yaml#/Pet'}}\n",
    )
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["server", "--openapi", str(path), "--out", str(out)])
    assert result.exit_code == 0, result.output
    said = [line for line in result.output.splitlines() if "W-YAML-KEY" in line]
    twice = "is written twice in this mapping"
    assert said == [
        (
            f"mcpgen: {path}:8:3: warning W-YAML-KEY: key '/pets' {twice} (also at line 4); "
            "the last one is used"
        ),
        (
            f"mcpgen: shared.yaml:4:3: warning W-YAML-KEY: key 'title' {twice} (also at line 3); "
            "the last one is used"
        ),
    ], result.output
    assert "1 tool," in result.output


def test_deprecated_and_filters(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "openapi.json",
        doc(
            {
                "/pets": {
                    "get": {"operationId": "listPets", "tags": ["pets"], "responses": OK},
                    "post": {"operationId": "addPet", "tags": ["pets", "write"], "responses": OK},
                },
                "/store": {
                    "get": {
                        "operationId": "inventory",
                        "tags": ["store"],
                        "responses": OK,
                        "deprecated": True,
                    }
                },
            }
        ),
    )

    def names(**filters: Any) -> list[str]:
        return [t.name for t in build(path, filters=Filters(**filters))[0].tools]

    assert names() == ["listPets", "addPet"]
    assert names(include_deprecated=True) == ["listPets", "addPet", "inventory"]
    assert names(include_tags=("pets",)) == ["listPets", "addPet"]
    assert names(exclude_tags=("write",)) == ["listPets"]
    assert names(include_operations=("list*",)) == ["listPets"]
    assert names(exclude_operations=("listPets",)) == ["addPet"]
    assert names(methods=("post",)) == ["addPet"]
    assert names(paths=("/st*",), include_deprecated=True) == ["inventory"]


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        (
            "bad.json",
            '{"openapi": "3.0.0",\n "paths": {,}}',
            "bad.json:2:12: error E-INPUT: invalid JSON",
        ),
        (
            "bad.yaml",
            "openapi: 3.0.0\npaths:\n  - a\n  b: c\n",
            "bad.yaml:4:3: error E-INPUT: invalid YAML",
        ),
        (
            "v.yaml",
            "openapi: 4.0.0\npaths: {}\n",
            "v.yaml:/openapi: error E-INPUT: unsupported document version '4.0.0'",
        ),
        ("n.json", '{"hello": 1}', "n.json:/: error E-INPUT: unsupported document version None"),
        (
            "p.json",
            '{"swagger": "2.0", "paths": []}',
            "p.json:/paths: error E-INPUT: 'paths' is not an object",
        ),
        # The document's own containers are of their type, or absent or null.
        (
            "c.json",
            '{"openapi": "3.0.3", "paths": {}, "components": 0}',
            "c.json:/components: error E-INPUT: 'components' must be an object, not a number",
        ),
        (
            "s.yaml",
            "openapi: 3.1.0\npaths: {}\ncomponents:\n  securitySchemes: [key]\n",
            (
                "s.yaml:/components/securitySchemes: error E-INPUT: 'securitySchemes' must be an "
                "object, not an array"
            ),
        ),
        (
            "d.json",
            '{"swagger": "2.0", "paths": {}, "securityDefinitions": true}',
            (
                "d.json:/securityDefinitions: error E-INPUT: 'securityDefinitions' must be an "
                "object, not a boolean"
            ),
        ),
    ],
)
def test_bad_input_one_line_exit_2_nothing_written(
    tmp_path: Path, name: str, text: str, expected: str
) -> None:
    path = write(tmp_path, name, text)
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["server", "--openapi", str(path), "--out", str(out)])
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1, result.output
    assert lines[0].startswith(f"mcpgen: {tmp_path}/{expected}"), lines[0]
    assert not out.exists()


def test_missing_file(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["server", "--openapi", str(tmp_path / "nope.yaml")])
    assert result.exit_code == 2
    assert result.output == f"mcpgen: {tmp_path}/nope.yaml: error E-INPUT: file not found\n"


def test_strict_turns_warnings_into_errors_and_keeps_the_tree(tmp_path: Path) -> None:
    path = write(
        tmp_path, "openapi.json", doc({"/a": {"get": {"operationId": "a", "responses": OK}}})
    )
    out = tmp_path / "out"
    runner = CliRunner()
    assert runner.invoke(main, ["server", "--openapi", str(path), "--out", str(out)]).exit_code == 0
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    data = yaml.safe_load(path.read_text())
    data["paths"]["/b"] = {
        "get": {
            "operationId": "b",
            "parameters": [{"name": "q", "in": "query", "schema": {"$ref": "#/nowhere"}}],
            "responses": OK,
        }
    }
    path.write_text(json.dumps(data))
    result = runner.invoke(main, ["server", "--openapi", str(path), "--out", str(out), "--strict"])
    assert result.exit_code == 2
    assert "W-SKIP" in result.output and "--strict" in result.output
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before


def _static(root: Path) -> Upstream:
    app = Upstream()

    def reply(request: Recorded) -> Reply:
        target = root / request.path.lstrip("/")
        if not target.is_file():
            return Reply(404, b"missing", "text/plain")
        return Reply(200, target.read_bytes(), "application/yaml")

    app.routes["*"] = reply
    return app


def test_documents_from_urls_with_relative_refs() -> None:
    app = _static(CASES / "multi")
    with serve(app) as url:
        _, project, diagnostics = generate_server(f"{url}/openapi.yaml")
    assert diagnostics == []
    assert [t.name for t in project.tools] == ["getPet", "listPets"]
    assert project.source == f"{url}/openapi.yaml"
    assert "/schemas/common.yaml" in {r.path for r in app.requests}


def test_url_documents_reach_other_origins_only_with_the_flag(tmp_path: Path) -> None:
    other = Upstream()
    other.routes["GET /s.json"] = Reply(200, {"X": {"type": "string", "maxLength": 3}})
    with serve(other) as other_url:
        spec = doc(
            {
                "/a": {
                    "get": {
                        "operationId": "a",
                        "parameters": [
                            {
                                "name": "q",
                                "in": "query",
                                "schema": {"$ref": f"{other_url}/s.json#/X"},
                            }
                        ],
                        "responses": OK,
                    }
                }
            },
            servers=[{"url": "/api"}],
        )
        write(tmp_path, "openapi.json", spec)
        with serve(_static(tmp_path)) as url:
            _, blocked, _ = generate_server(f"{url}/openapi.json")
            _, allowed, _ = generate_server(
                f"{url}/openapi.json", ServerOptions(allow_remote_refs=True)
            )
    assert blocked.tools == () and "--allow-remote-refs" in blocked.skipped[0][1]
    wire = allowed.catalog.wire(allowed.tools[0].name)
    assert wire["inputSchema"]["properties"]["q"] == {"type": "string", "maxLength": 3}
    assert allowed.base_url == f"{url}/api"
