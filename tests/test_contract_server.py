"""Contract-first servers (``mcpgen server --contract``): the contract is validated, the
skeleton is typed, and the server answers exactly as the contract says.

The bundled example contract is generated, a user module implementing most of its methods
is written, and the server is driven by the official SDK client over stdio and HTTP in
both protocol eras. ``mypy --strict`` passes on the implemented skeleton and names the
methods a contract change breaks; the user module survives regeneration byte for byte.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import subprocess
import sys
from functools import cache
from pathlib import Path
from typing import Any

import anyio
import jsonschema
import pytest
import yaml
from click.testing import CliRunner
from mcp import Client, types
from mcp.shared.exceptions import MCPError
from mcpgen.cli import main
from mcpgen.contract.build import wire_tools
from mcpgen.contract.document import contract_text, load_contract
from mcpgen.contract.generate import generate_contract_server
from mcpgen.diagnostics import MCPGenError

from .server_support import ERAS, ROOT, http_server, import_package, stdio_client

EXAMPLE = ROOT / "spec" / "examples" / "notes.contract.yaml"
PACKAGE = "notes"
RUFF_RULES = ["--extend-select", "E,F,W,I,UP,B,PLE", "--ignore", "E501", "--line-length", "100"]

HANDLERS = '''\
"""The notes service, implemented (all but delete_note)."""

from __future__ import annotations

import json

from mcp import types
from typing_extensions import override

from . import models
from .base import NotesBase


class NotesHandlers(NotesBase):
    def __init__(self) -> None:
        self.notes = {1: models.Note(id=1, title="first", body="hello world", tags=["a"])}

    @override
    async def add_note(
        self, *, title: str, body: str, tags: list[str] | None = None
    ) -> models.AddNoteOutput:
        if title == "bad":  # a handler returning the wrong shape
            return models.AddNoteOutput.model_construct(note={"id": "seven"})
        note = models.Note(id=len(self.notes) + 1, title=title, body=body, tags=tags or [])
        self.notes[note.id] = note
        return models.AddNoteOutput(note=note)

    @override
    async def search_notes(self, *, query: str, limit: int = 10) -> models.SearchNotesOutput:
        if query == "boom":
            raise KeyError(query)
        found = [n for n in self.notes.values() if query in n.title or query in n.body]
        return models.SearchNotesOutput(notes=found[:limit])

    @override
    async def delete_note(self, *, id: int) -> list[types.ContentBlock]:
        raise NotImplementedError

    @override
    async def read_all_notes(self) -> str | bytes:
        return json.dumps([n.model_dump() for n in self.notes.values()])

    @override
    async def read_note(self, *, id: str) -> str | bytes:
        note = self.notes[int(id)]
        return f"# {note.title}\\n\\n{note.body}\\n"

    @override
    async def prompt_summarize_notes(
        self, *, topic: str, style: str | None = None
    ) -> str | list[types.PromptMessage]:
        return f"Summarize the notes about {topic}" + (f" as {style}." if style else ".")
'''


def _cli(*args: str) -> Any:
    return CliRunner().invoke(main, list(args))


def _write(tmp: Path, name: str, data: Any) -> Path:
    path = tmp / name
    if name.endswith((".yaml", ".yml")):
        path.write_text(data if isinstance(data, str) else yaml.safe_dump(data), "utf-8")
    else:
        path.write_text(data if isinstance(data, str) else json.dumps(data), "utf-8")
    return path


def _example() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(EXAMPLE.read_text("utf-8"))
    return data


# -- loading and validation -------------------------------------------------------------------


def test_example_loads_in_every_bundled_era() -> None:
    for protocol in ("2025-06-18", "2025-11-25", "2026-07-28"):
        contract = load_contract(EXAMPLE, protocol)
        assert contract.protocol == protocol
        assert [t["name"] for t in contract.tools] == ["add_note", "search_notes", "delete_note"]
        assert "Note" in contract.defs
    assert load_contract(EXAMPLE).protocol == "2026-07-28"


def test_contract_text_is_deterministic(tmp_path: Path) -> None:
    contract = load_contract(EXAMPLE)
    text = contract_text(contract)
    assert text == contract_text(json.loads(text))
    again = load_contract(_write(tmp_path, "c.json", text))
    assert contract_text(again) == text


def _broken(change: Any) -> dict[str, Any]:
    data = _example()
    change(data)
    return data


BROKEN = [
    ("yaml", "tools: [\n  {name: x\n", "", "invalid YAML"),
    ("json", '{"tools": [', "1:", "invalid JSON"),
    (
        "yaml",
        _broken(lambda d: d["tools"][0].pop("inputSchema")),
        "/tools/0",
        "'inputSchema' is a required property",
    ),
    (
        "yaml",
        _broken(lambda d: d["tools"][1].update(name="add_note")),
        "/tools/1/name",
        "duplicate name 'add_note'",
    ),
    (
        "yaml",
        _broken(lambda d: d["tools"][0].update(name="add note")),
        "/tools/0/name",
        "not usable",
    ),
    (
        "yaml",
        _broken(
            lambda d: d["tools"][1]["outputSchema"]["properties"]["notes"].update(
                items={"$ref": "#/$defs/Missing"}
            )
        ),
        "/tools/1/outputSchema/properties/notes/items/$ref",
        "no 'Missing'",
    ),
    (
        "yaml",
        _broken(
            lambda d: d["tools"][0]["inputSchema"]["properties"].update(
                title={"$ref": "other.json#/Title"}
            )
        ),
        "/tools/0/inputSchema/properties/title/$ref",
        "never read",
    ),
    (
        "yaml",
        _broken(lambda d: d["resources"].append(dict(d["resources"][0]))),
        "/resources/1/uri",
        "duplicate uri",
    ),
    (
        "yaml",
        _broken(lambda d: d["resources"][0].pop("name")),
        "/resources/0",
        "'name' is a required property",
    ),
    (
        "yaml",
        _broken(lambda d: d["prompts"][0]["arguments"][0].update(name="style")),
        "/prompts/0/arguments/1/name",
        "duplicate argument",
    ),
    ("yaml", _broken(lambda d: d.update(tols=[])), "/tols", "unknown key"),
    (
        "yaml",
        _broken(lambda d: d["tools"][0]["inputSchema"].update(type="array")),
        "/tools/0/inputSchema/type",
        "",
    ),
    (
        "yaml",
        _broken(lambda d: d["resourceTemplates"][0].update(uriTemplate="notes://{id")),
        "/resourceTemplates/0/uriTemplate",
        "braces",
    ),
    ("yaml", _broken(lambda d: d.update(icons=[{}])), "/icons/0", "'src' is a required"),
    ("json", _broken(lambda d: d.update(icons={"src": "x"})), "/icons", "not of type 'array'"),
]


@pytest.mark.parametrize(("kind", "data", "pointer", "message"), BROKEN)
def test_invalid_contracts_are_one_line_errors(
    tmp_path: Path, kind: str, data: Any, pointer: str, message: str
) -> None:
    path = _write(tmp_path, f"bad.{kind}", data)
    with pytest.raises(MCPGenError) as caught:
        load_contract(path)
    text = str(caught.value)
    assert "\n" not in text
    assert text.startswith(f"{path}:{pointer}"), text
    assert message in text
    out = tmp_path / "out"
    result = _cli("server", "--contract", str(path), "--out", str(out))
    assert result.exit_code == 2, result.output
    assert str(path) in result.output
    assert not out.exists()


def test_yaml_errors_name_the_line(tmp_path: Path) -> None:
    path = _write(tmp_path, "bad.yaml", "name: x\ntools:\n  - name: [\n")
    with pytest.raises(MCPGenError) as caught:
        load_contract(path)
    assert str(caught.value).startswith(f"{path}:4:") or str(caught.value).startswith(f"{path}:3:")


def test_yaml_duplicate_keys_and_dates(tmp_path: Path) -> None:
    duplicate = "tools:\n  - name: x\n    inputSchema: {type: object}\n    name: y\n"
    with pytest.raises(MCPGenError, match="duplicate key 'name'") as caught:
        load_contract(_write(tmp_path, "dup.yaml", duplicate))
    assert str(caught.value).startswith(f"{tmp_path / 'dup.yaml'}:4:5")
    dated = "version: 2025-11-25\ntools:\n  - {name: x, inputSchema: {type: object}}\n"
    assert load_contract(_write(tmp_path, "dated.yaml", dated)).version == "2025-11-25"


def test_refs_are_resolved_on_the_wire() -> None:
    contract = load_contract(EXAMPLE)
    tools = {t["name"]: t for t in wire_tools(contract)}
    note = tools["add_note"]["outputSchema"]["properties"]["note"]
    assert note == contract.defs["Note"]
    assert "$ref" not in json.dumps(tools)


def test_schemas_may_keep_their_own_defs(tmp_path: Path) -> None:
    """Schemas as SDKs write them (pydantic puts ``$defs`` inside each tool schema) load."""
    own = {
        "type": "object",
        "properties": {"p": {"$ref": "#/$defs/P"}, "q": {"$ref": "#/properties/p"}},
        "$defs": {"P": {"type": "object", "properties": {"x": {"type": "integer"}}}},
    }
    path = _write(tmp_path, "own.json", {"tools": [{"name": "t", "inputSchema": own}]})
    # Served as written, references and all (they resolve inside it); typed from the
    # resolved form.
    assert wire_tools(load_contract(path))[0]["inputSchema"] == own
    typed = wire_tools(load_contract(path), inline=True)[0]["inputSchema"]
    assert typed["properties"]["p"] == own["$defs"]["P"]  # type: ignore[index]
    # A schema that uses the contract's $defs is resolved to be served.
    mixed = {"type": "object", "properties": {"s": {"$ref": "#/$defs/S"}}}
    shared = {"$defs": {"S": {"type": "string"}}, "tools": [{"name": "t", "inputSchema": mixed}]}
    path = _write(tmp_path, "shared.json", shared)
    assert wire_tools(load_contract(path))[0]["inputSchema"]["properties"]["s"] == {
        "type": "string"
    }
    broken = {**own, "properties": {"q": {"$ref": "#/properties/nothing"}}}
    path = _write(tmp_path, "bad.json", {"tools": [{"name": "t", "inputSchema": broken}]})
    with pytest.raises(MCPGenError, match="does not resolve inside its schema") as caught:
        load_contract(path)
    assert str(caught.value).startswith(f"{path}:/tools/0/inputSchema/properties/q/$ref")


def test_an_empty_contract_loads_but_makes_no_server(tmp_path: Path) -> None:
    path = _write(tmp_path, "empty.json", {"name": "nothing", "tools": []})
    assert load_contract(path).tools == ()
    out = tmp_path / "out"
    result = _cli("server", "--contract", str(path), "--out", str(out))
    assert result.exit_code == 2 and "no tools, resources or prompts" in result.output
    assert not out.exists()


def test_unknown_protocol(tmp_path: Path) -> None:
    with pytest.raises(MCPGenError, match="unknown protocol version"):
        load_contract(EXAMPLE, "1999-01-01")
    out = tmp_path / "out"
    result = _cli(
        "server", "--contract", str(EXAMPLE), "--protocol", "1999-01-01", "--out", str(out)
    )
    assert result.exit_code == 2 and "--protocol" in result.output and not out.exists()
    older = _cli(
        "server", "--contract", str(EXAMPLE), "--protocol", "2025-06-18", "--out", str(out)
    )
    assert older.exit_code == 0, older.output
    assert json.loads((out / PACKAGE / "spec.json").read_text("utf-8"))["protocol"] == "2025-06-18"


# -- the generated project -------------------------------------------------------------------


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("contract")
    result = _cli("server", "--contract", str(EXAMPLE), "--out", str(root))
    assert result.exit_code == 0, result.output
    (root / PACKAGE / "handlers.py").write_text(HANDLERS, "utf-8")
    return root


def _ruff(root: Path, *targets: str) -> subprocess.CompletedProcess[str]:
    ruff = shutil.which("ruff") or str(Path(sys.executable).with_name("ruff"))
    command = [ruff, "check", "--no-cache", "--isolated", *RUFF_RULES, *targets]
    return subprocess.run(command, capture_output=True, text=True, cwd=root, check=False)


def _mypy(root: Path, *targets: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "mypy", "--strict", "--no-incremental"]
    command += ["--cache-dir", os.devnull, *targets]
    return subprocess.run(command, capture_output=True, text=True, cwd=root, check=False)


def test_skeleton_is_generated(tmp_path: Path) -> None:
    files, _ = generate_contract_server(EXAMPLE)
    paths = {str(p) for p in files}
    for name in ("base.py", "models.py", "handlers.py", "contract.py", "server.py", "spec.json"):
        assert f"{PACKAGE}/{name}" in paths
    assert {"pyproject.toml", "README.md", "tests/test_smoke.py", "Dockerfile"} <= paths
    base = files[next(p for p in files if str(p) == f"{PACKAGE}/base.py")]
    assert base.startswith("# Code generated by mcpgen")
    assert "DO NOT EDIT" in base
    handlers = files[next(p for p in files if str(p) == f"{PACKAGE}/handlers.py")]
    assert "DO NOT EDIT" not in handlers
    assert handlers.count("    @override\n") == 6
    assert handlers.count("raise NotImplementedError") == 6
    manifest = json.loads(
        files[next(p for p in files if p.name == "manifest.json" and str(p).startswith(".mcpgen"))]
    )
    owners = {e["path"]: e["owner"] for e in manifest["files"]}
    assert owners[f"{PACKAGE}/handlers.py"] == "user"
    assert owners[f"{PACKAGE}/base.py"] == "generated"


def test_generated_code_passes_ruff_and_mypy(project: Path) -> None:
    linted = _ruff(project, PACKAGE)
    assert linted.returncode == 0, linted.stdout
    typed = _mypy(project, PACKAGE)
    assert typed.returncode == 0, typed.stdout


def test_unimplemented_methods_are_listed_at_start(
    project: Path, caplog: pytest.LogCaptureFixture
) -> None:
    server = import_package(project, PACKAGE)
    backend = __import__(f"{PACKAGE}.contract", fromlist=["create"])
    spec = server.load_spec()
    with caplog.at_level(logging.WARNING):
        runner = backend.create(spec, None)
    assert runner.missing() == ["delete_note"]
    assert "not implemented yet: delete_note" in caplog.text


@cache
def _mcp_schema(version: str) -> dict[str, Any]:
    path = ROOT / "spec" / "mcp" / version / "schema.json"
    schema: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return schema


def _assert_valid(result: Any, definition: str, version: str) -> None:
    schema = _mcp_schema(version)
    wrapper = {**schema, "$ref": f"#/$defs/{definition}"}
    data = result.model_dump(mode="json", by_alias=True, exclude_none=True)
    errors = list(jsonschema.Draft202012Validator(wrapper).iter_errors(data))
    assert not errors, f"{definition} {version}: {errors[0].message}"


def _dump(items: list[Any]) -> list[dict[str, Any]]:
    return [i.model_dump(mode="json", by_alias=True, exclude_none=True) for i in items]


def _text(result: types.CallToolResult) -> str:
    block = result.content[0]
    assert isinstance(block, types.TextContent)
    return block.text


async def _exercise(client: Client, era: str) -> None:
    version = "2025-11-25" if era == "legacy" else era
    contract = load_contract(EXAMPLE)
    if era == "legacy":
        capabilities = client.server_capabilities
    else:  # an explicit modern mode adopts the version without asking: ask
        raw = await client.session.send_discover(era)
        capabilities = types.DiscoverResult.model_validate(raw).capabilities
    assert capabilities.tools is not None and not capabilities.tools.list_changed
    assert capabilities.resources is not None and not capabilities.resources.list_changed
    assert capabilities.prompts is not None and not capabilities.prompts.list_changed
    assert capabilities.completions is None and capabilities.logging is None

    tools = await client.list_tools()
    _assert_valid(tools, "ListToolsResult", version)
    assert _dump(tools.tools) == wire_tools(contract)
    resources = await client.list_resources()
    _assert_valid(resources, "ListResourcesResult", version)
    assert _dump(resources.resources) == list(contract.resources)
    templates = await client.list_resource_templates()
    _assert_valid(templates, "ListResourceTemplatesResult", version)
    assert _dump(templates.resource_templates) == list(contract.resource_templates)
    prompts = await client.list_prompts()
    _assert_valid(prompts, "ListPromptsResult", version)
    assert _dump(prompts.prompts) == list(contract.prompts)

    added = await client.call_tool("add_note", {"title": "groceries", "body": "milk"})
    assert not added.is_error, _text(added)
    assert added.structured_content == {
        "note": {"id": 2, "title": "groceries", "body": "milk", "tags": []}
    }
    found = await client.call_tool("search_notes", {"query": "hello"})
    assert found.structured_content == {
        "notes": [{"id": 1, "title": "first", "body": "hello world", "tags": ["a"]}]
    }
    # A value sent as its JSON text (models and clients do) is read as that value.
    texted = await client.call_tool("search_notes", {"query": "hello", "limit": "5"})
    assert texted.structured_content == found.structured_content, _text(texted)
    invalid = await client.call_tool("search_notes", {"query": "x", "limit": 99})
    assert invalid.is_error and "limit" in _text(invalid)
    invalid = await client.call_tool("search_notes", {"query": "x", "limit": "99"})
    assert invalid.is_error and "limit: 99 is greater than" in _text(invalid)
    missing = await client.call_tool("add_note", {"body": "no title"})
    assert missing.is_error and "title" in _text(missing)
    wrong = await client.call_tool("add_note", {"title": "bad", "body": "x"})
    assert wrong.is_error and "outputSchema" in _text(wrong)
    assert wrong.structured_content is None
    failed = await client.call_tool("search_notes", {"query": "boom"})
    assert failed.is_error and _text(failed) == "The tool search_notes failed: KeyError: 'boom'"
    stub = await client.call_tool("delete_note", {"id": 1})
    assert stub.is_error and _text(stub) == "not implemented: delete_note"

    everything = await client.read_resource("notes://all")
    first = everything.contents[0]
    assert isinstance(first, types.TextResourceContents)
    assert first.mime_type == "application/json"
    assert json.loads(first.text)[0]["title"] == "first"
    one = await client.read_resource("notes://note/1")
    block = one.contents[0]
    assert isinstance(block, types.TextResourceContents)
    assert block.text == "# first\n\nhello world\n" and block.mime_type == "text/markdown"
    with pytest.raises(MCPError, match="not found"):
        await client.read_resource("notes://elsewhere")
    # What the client sent is said back by its start only (a few kilobytes: over HTTP in
    # the stateless era the name is a header too).
    with pytest.raises(MCPError, match=r"^Resource not found: notes://x+… \(5,008 characters\)$"):
        await client.read_resource("notes://" + "x" * 5_000)
    with pytest.raises(MCPError, match=r"^Unknown prompt: p+… \(5,000 characters\)$"):
        await client.get_prompt("p" * 5_000, {})

    prompt = await client.get_prompt("summarize_notes", {"topic": "food", "style": "haiku"})
    content = prompt.messages[0].content
    assert isinstance(content, types.TextContent)
    assert content.text == "Summarize the notes about food as haiku."
    with pytest.raises(MCPError, match="topic"):
        await client.get_prompt("summarize_notes", {})


@pytest.mark.parametrize("era", ERAS)
def test_stdio(project: Path, era: str) -> None:
    async def run() -> None:
        async with stdio_client(project, PACKAGE, mode=era) as client:
            await _exercise(client, era)

    anyio.run(run)


@pytest.mark.parametrize("era", ERAS)
def test_http(project: Path, era: str) -> None:
    with http_server(project, PACKAGE) as url:

        async def run() -> None:
            async with Client(url, mode=era) as client:  # type: ignore[arg-type]
                await _exercise(client, era)

        anyio.run(run)


def test_resource_stub_is_a_jsonrpc_error(tmp_path: Path) -> None:
    root = tmp_path / "stub"
    assert _cli("server", "--contract", str(EXAMPLE), "--out", str(root)).exit_code == 0

    async def run() -> None:
        async with stdio_client(root, PACKAGE, mode="legacy") as client:
            with pytest.raises(MCPError, match="not implemented: notes://all"):
                await client.read_resource("notes://all")
            with pytest.raises(MCPError, match="not implemented: summarize_notes"):
                await client.get_prompt("summarize_notes", {"topic": "x"})

    anyio.run(run)


def test_regeneration_keeps_handlers_and_mypy_names_broken_methods(tmp_path: Path) -> None:
    root = tmp_path / "project"
    assert _cli("server", "--contract", str(EXAMPLE), "--out", str(root)).exit_code == 0
    handlers = root / PACKAGE / "handlers.py"
    handlers.write_text(HANDLERS, "utf-8")
    before = handlers.read_bytes()
    data = _example()
    data["tools"] = [t for t in data["tools"] if t["name"] != "search_notes"]
    data["tools"][0]["inputSchema"]["properties"]["folder"] = {"type": "string"}
    data["tools"][0]["inputSchema"]["required"].append("folder")
    data["tools"].append({"name": "archive_note", "inputSchema": {"type": "object"}})
    changed = _write(tmp_path, "notes.contract.yaml", data)
    result = _cli("server", "--contract", str(changed), "--out", str(root))
    assert result.exit_code == 0, result.output
    assert handlers.read_bytes() == before
    base = (root / PACKAGE / "base.py").read_text("utf-8")
    assert "search_notes" not in base and "folder: str" in base
    typed = _mypy(root, PACKAGE)
    assert typed.returncode != 0
    assert '"search_notes" is marked as an override' in typed.stdout, typed.stdout
    assert 'Signature of "add_note" incompatible' in typed.stdout, typed.stdout
    # The new tool is not implemented: the server says so when it starts.
    code = (
        "import notes.contract as c, notes.server as s; "
        "print(c.ContractRunner(s.load_spec()).missing())"
    )
    missing = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(root)},
        check=True,
    )
    assert missing.stdout.strip() == "['delete_note', 'archive_note']"


def test_generated_smoke_test_passes(project: Path) -> None:
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests"]
    env = {**os.environ, "PYTHONPATH": str(project)}
    result = subprocess.run(
        command, cwd=project, capture_output=True, text=True, env=env, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


# -- edge cases -------------------------------------------------------------------------------

EDGE: dict[str, Any] = {
    "name": "edge-cases",
    "$defs": {
        "Tree": {
            "type": "object",
            "properties": {
                "label": {"type": "string"},
                "children": {"type": "array", "items": {"$ref": "#/$defs/Tree"}},
            },
            "required": ["label"],
        }
    },
    "tools": [
        {"name": "fs.list-dir", "inputSchema": {"type": "object"}},
        {
            "name": "tree",
            "description": "A tree.",
            "inputSchema": {"type": "object", "properties": {"depth": {"type": "integer"}}},
            "outputSchema": {
                "type": "object",
                "properties": {"result": {"$ref": "#/$defs/Tree"}},
                "required": ["result"],
            },
            "_meta": {"example.com/k": 1},
            "icons": [{"src": "https://example.com/i.png"}],
            "execution": {"taskSupport": "optional"},
        },
        {
            "name": "self",
            "inputSchema": {
                "type": "object",
                "properties": {"self": {"type": "string"}, "class": {"type": "string"}},
                "required": ["self"],
            },
        },
    ],
    "resources": [{"uri": "file:///logo.png", "name": "logo", "mimeType": "image/png"}],
    "resourceTemplates": [{"uriTemplate": "files://{+path}{?rev}", "name": "file"}],
    "prompts": [{"name": "hello"}],
}

EDGE_HANDLERS = """\
from __future__ import annotations

from mcp import types
from typing_extensions import override

from . import models
from .base import EdgeCasesBase


class EdgeCasesHandlers(EdgeCasesBase):
    @override
    async def fs_list_dir(self) -> list[types.ContentBlock]:
        return [types.TextContent(type="text", text="a b")]

    @override
    async def tree(self, *, depth: int | None = None) -> models.Result:
        leaf = models.TreeOutputTree(label="leaf")
        return models.Result(label="root", children=[leaf] * (depth or 0))

    @override
    async def self(self, *, self_: str, class_: str | None = None) -> list[types.ContentBlock]:
        return [types.TextContent(type="text", text=f"{self_}/{class_}")]

    @override
    async def read_logo(self) -> str | bytes:
        return b"\\x89PNG"

    @override
    async def read_file(self, *, path: str, rev: str | None = None) -> str | bytes:
        return f"{path}@{rev}"

    @override
    async def prompt_hello(self) -> str | list[types.PromptMessage]:
        text = types.TextContent(type="text", text="hi")
        return [types.PromptMessage(role="assistant", content=text)]
"""


def _in_process(root: Path, package: str) -> Any:
    server = import_package(root, package)
    backend = __import__(f"{package}.contract", fromlist=["create"])
    spec = server.load_spec()
    return backend.build_server(spec, backend.create(spec, None))


def test_edge_cases(tmp_path: Path) -> None:
    path = _write(tmp_path, "edge.contract.json", EDGE)
    root = tmp_path / "edge"
    result = _cli("server", "--contract", str(path), "--out", str(root))
    assert result.exit_code == 0, result.output
    (root / "edge_cases" / "handlers.py").write_text(EDGE_HANDLERS, "utf-8")
    linted = _ruff(root, "edge_cases")
    assert linted.returncode == 0, linted.stdout
    typed = _mypy(root, "edge_cases")
    assert typed.returncode == 0, typed.stdout
    contract = load_contract(path)

    async def run() -> None:
        async with Client(_in_process(root, "edge_cases"), mode="legacy") as client:
            listed = await client.list_tools()
            assert _dump(listed.tools) == wire_tools(contract)
            tree = await client.call_tool("tree", {"depth": 2})
            assert tree.structured_content == {
                "result": {"label": "root", "children": [{"label": "leaf"}, {"label": "leaf"}]}
            }
            named = await client.call_tool("self", {"self": "a", "class": "b"})
            assert _text(named) == "a/b"
            assert _text(await client.call_tool("fs.list-dir", {})) == "a b"
            logo = (await client.read_resource("file:///logo.png")).contents[0]
            assert isinstance(logo, types.BlobResourceContents)
            assert logo.blob == "iVBORw==" and logo.mime_type == "image/png"
            for uri, text in (
                ("files://docs/a.txt?rev=3", "docs/a.txt@3"),
                ("files://x", "x@None"),
            ):
                found = (await client.read_resource(uri)).contents[0]
                assert isinstance(found, types.TextResourceContents) and found.text == text
            hello = await client.get_prompt("hello")
            assert hello.messages[0].role == "assistant"

    anyio.run(run)


def test_only_tools_advertises_only_tools(tmp_path: Path) -> None:
    data = {"tools": [{"name": "ping-me", "inputSchema": {"type": "object"}}], "name": "solo"}
    path = _write(tmp_path, "solo.json", data)
    root = tmp_path / "solo"
    assert _cli("server", "--contract", str(path), "--out", str(root)).exit_code == 0
    # The scaffold as written (no models to import) is clean too.
    linted = _ruff(root, "solo")
    assert linted.returncode == 0, linted.stdout

    async def run() -> None:
        async with Client(_in_process(root, "solo"), mode="legacy") as client:
            capabilities = client.server_capabilities
            assert capabilities.tools is not None
            assert capabilities.resources is None and capabilities.prompts is None
            result = await client.call_tool("ping-me", {})
            assert result.is_error and _text(result) == "not implemented: ping-me"

    anyio.run(run)


def test_check_mode_ignores_the_users_module(tmp_path: Path) -> None:
    root = tmp_path / "checked"
    assert _cli("server", "--contract", str(EXAMPLE), "--out", str(root)).exit_code == 0
    (root / PACKAGE / "handlers.py").write_text(HANDLERS, "utf-8")
    again = _cli("server", "--contract", str(EXAMPLE), "--out", str(root), "--check")
    assert again.exit_code == 0, again.output


def test_wrong_shape_is_logged_and_never_sent(
    project: Path, caplog: pytest.LogCaptureFixture
) -> None:
    async def run() -> types.CallToolResult:
        async with Client(_in_process(project, PACKAGE), mode="legacy") as client:
            return await client.call_tool("add_note", {"title": "bad", "body": "x"})

    with caplog.at_level(logging.ERROR):
        result = anyio.run(run)
    assert result.is_error and result.structured_content is None
    assert "add_note: result does not match the outputSchema at note" in caplog.text


BRANDED: dict[str, Any] = {
    "name": "branded",
    "title": "Branded",
    "version": "2.0.0",
    "description": "A server that says who it is.",
    "websiteUrl": "https://example.com/branded",
    "icons": [
        {"src": "https://example.com/logo.png", "mimeType": "image/png", "sizes": ["48x48"]},
        {"src": "https://example.com/logo.svg", "sizes": ["any"], "theme": "dark"},
    ],
    "tools": [{"name": "ping", "inputSchema": {"type": "object"}}],
}
INFO = ("description", "websiteUrl", "icons")


@pytest.mark.parametrize(
    ("change", "pointer", "message"),
    [
        ({"icons": [{}]}, "/icons/0", "not an MCP Icon: 'src' is a required property"),
        ({"icons": "logo.png"}, "/icons", "'logo.png' is not of type 'array'"),
        ({"icons": [{"src": 7}]}, "/icons/0/src", "7 is not of type 'string'"),
        ({"icons": [{"src": "a.png", "theme": "blue"}]}, "/icons/0/theme", "'blue' is not one"),
        ({"websiteUrl": ["https://x"]}, "/websiteUrl", "is not of type 'string'"),
        ({"description": 3}, "/description", "3 is not of type 'string'"),
    ],
)
def test_bad_server_info_is_a_one_line_error(
    tmp_path: Path, change: dict[str, Any], pointer: str, message: str
) -> None:
    path = _write(tmp_path, "bad.yaml", {**BRANDED, **change})
    with pytest.raises(MCPGenError) as caught:
        load_contract(path)
    text = str(caught.value)
    assert "\n" not in text and text.startswith(f"{path}:{pointer}:"), text
    assert message in text


def test_server_info_is_served(tmp_path: Path) -> None:
    """``description``, ``websiteUrl`` and ``icons`` (MCP 2025-11-25 and later) load, reach
    spec.json and are what the SDK client sees in ``serverInfo``; older protocols have no
    such keys."""
    path = _write(tmp_path, "branded.json", BRANDED)
    for protocol in ("2025-11-25", "2026-07-28"):
        contract = load_contract(path, protocol)
        assert contract.description == BRANDED["description"]
        assert contract.website_url == BRANDED["websiteUrl"]
        assert list(contract.icons) == BRANDED["icons"]
    text = contract_text(load_contract(path))
    assert {k: json.loads(text)[k] for k in INFO} == {k: BRANDED[k] for k in INFO}
    assert contract_text(load_contract(_write(tmp_path, "again.json", text))) == text
    for protocol in ("2024-11-05", "2025-06-18"):
        for key in INFO:
            only = {"tools": BRANDED["tools"], key: BRANDED[key]}
            older = _write(tmp_path, f"{key}.json", only)
            with pytest.raises(MCPGenError) as caught:
                load_contract(older, protocol)
            text = str(caught.value)
            assert "\n" not in text and text.startswith(f"{older}:/{key}:"), text
            assert f"unknown key {key!r}" in text and "2025-11-25" in text
    refused = _cli(
        "server", "--contract", str(path), "--protocol", "2025-06-18", "--out", str(tmp_path / "x")
    )
    assert refused.exit_code == 2 and f"{path}:/description" in refused.output
    assert not (tmp_path / "x").exists()

    root = tmp_path / "out"
    result = _cli("server", "--contract", str(path), "--out", str(root))
    assert result.exit_code == 0, result.output
    spec = json.loads((root / "branded" / "spec.json").read_text("utf-8"))
    assert {k: spec["server"][k] for k in INFO} == {k: BRANDED[k] for k in INFO}
    expected = {k: BRANDED[k] for k in ("name", "title", "version", *INFO)}

    async def run() -> None:
        server = _in_process(root, "branded")
        async with Client(server, mode="legacy") as client:
            info = client.server_info
            assert info is not None
            assert info.model_dump(mode="json", by_alias=True, exclude_none=True) == expected
        async with Client(_in_process(root, "branded"), mode="2026-07-28") as client:
            found = types.DiscoverResult.model_validate(
                await client.session.send_discover("2026-07-28")
            )
            assert (found.meta or {}).get(types.SERVER_INFO_META_KEY) == expected

    anyio.run(run)


HOSTILE_TEXT = "\"\"\"); __import__('os').system('touch PWNED') #\\\n'''\u202e"
HOSTILE = {
    "name": 'evil""" + __import__("os").system("touch PWNED") + """',
    "title": "T'''\\ \"\"\"",
    "instructions": HOSTILE_TEXT,
    "tools": [
        {
            "name": "a",
            "title": HOSTILE_TEXT,
            "description": HOSTILE_TEXT,
            "inputSchema": {
                "type": "object",
                "properties": {
                    'q"uote': {"type": "string", "description": HOSTILE_TEXT, "default": '"""'},
                    "class": {"type": "integer"},
                    "1st": {"type": "string"},
                },
                "required": ['q"uote'],
            },
        },
        {
            "name": "b.c-d",
            "inputSchema": {"type": "object"},
            "outputSchema": {"type": "object", "properties": {"r\\n": {"type": "string"}}},
        },
    ],
    "resources": [{"uri": 'file:///x\'""".txt', "name": 'r"""\\', "description": HOSTILE_TEXT}],
    "resourceTemplates": [{"uriTemplate": "t://{ab}/{class}", "name": 'tmpl\'"""'}],
    "prompts": [
        {
            "name": 'p"""',
            "description": HOSTILE_TEXT,
            "arguments": [
                {"name": "x-y", "required": True, "description": HOSTILE_TEXT},
                {"name": "def"},
            ],
        }
    ],
}


def test_hostile_text_stays_text(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Names, titles and descriptions that try to close a string or a docstring become
    code that passes ruff and mypy, runs nothing, and lists the contract as written."""
    monkeypatch.chdir(tmp_path)
    path = _write(tmp_path, "hostile.contract.json", HOSTILE)
    root = tmp_path / "hostile"
    result = _cli("server", "--contract", str(path), "--out", str(root))
    assert result.exit_code == 0, result.output
    package = next(p.name for p in root.iterdir() if (p / "base.py").is_file())
    assert _ruff(root, package).returncode == 0
    typed = _mypy(root, package)
    assert typed.returncode == 0, typed.stdout
    contract = load_contract(path)

    async def run() -> None:
        async with Client(_in_process(root, package), mode="legacy") as client:
            assert client.instructions == HOSTILE_TEXT
            assert _dump((await client.list_tools()).tools) == wire_tools(contract)
            prompts = (await client.list_prompts()).prompts
            assert [p.name for p in prompts] == ['p"""']

    anyio.run(run)
    assert not (tmp_path / "PWNED").exists() and not (root / "PWNED").exists()
