"""Typed clients for tool lists nobody here wrote: type-clean on any input, unusable tools
left out with a warning, broken lists refused with one line, references never followed."""

from __future__ import annotations

import http.server
import json
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any, ClassVar

import anyio
import pytest
from click.testing import CliRunner
from mcpgen.cli import main
from mcpgen.client.generate import generate_client
from mcpgen.client.sources import from_file

from .server_support import ROOT
from .test_client import check_packages, load_client

RAW_SERVER = ROOT / "tests" / "cases" / "clients" / "raw_server.py"
BIDI = "\u202e"


def obj(properties: dict[str, Any], required: list[str] | None = None) -> dict[str, Any]:
    schema: dict[str, Any] = {"type": "object", "properties": properties}
    if required is not None:
        schema["required"] = required
    return schema


def tool(name: Any, input_schema: Any = None, **extra: Any) -> dict[str, Any]:
    return {"name": name, "inputSchema": obj({}) if input_schema is None else input_schema, **extra}


# Each tool hits a class of input that once gave a package failing ruff or mypy --strict.
TYPE_HAZARDS = [
    tool("fetch", obj({"url": {"type": "string", "format": "uri"}}, ["url"])),
    tool(
        "formats",
        obj(
            {
                "mail": {"type": "string", "format": "email"},
                "ip": {"type": "string", "format": "ipv6"},
                "where": {"type": "string", "format": "path"},
                "blob": {"type": "string", "format": "byte"},
                "odd": {"type": "string", "format": "no-such-format"},
                "count": {"type": "integer", "format": "bignum"},
            }
        ),
    ),
    tool(
        "pair",
        obj(
            {
                "p": {
                    "type": "array",
                    "prefixItems": [{"type": "integer"}, {"type": "string"}],
                    "minItems": 2,
                    "maxItems": 2,
                    "default": [1, "x"],
                }
            }
        ),
    ),
    tool("modes", obj({"m": {"type": "string", "enum": ["a", "a", "b", "b"], "default": "a"}})),
    tool(
        "shadows",
        obj(
            {
                "list": {"type": "array", "items": {"type": "string"}},
                "dict": {"type": "object"},
                "str": {"type": "string"},
                "date": {"type": "string", "format": "date"},
                "l": {"type": "string"},
                "o": {"type": "object", "properties": {"i": {"type": "object"}}},
            }
        ),
    ),
    tool(
        "selfish",
        obj(
            {
                "self": {"type": "string"},
                "models": {"type": "string"},
                "result": {"type": "integer"},
                "partial": {"type": "string"},
            },
            ["self"],
        ),
    ),
    tool("import"),
    tool("class"),
    tool("async", obj({"from": {"type": "string"}})),
    tool("list"),
    tool("date"),
    tool("call_tool"),
    tool("l"),
    tool(
        f"bidi{BIDI}",
        obj(
            {
                "v": {
                    "type": "string",
                    "description": f"d{BIDI}e \x00 \u2028",
                    "enum": [f"a{BIDI}b", "c"],
                    "default": "c",
                }
            }
        ),
        description=f'evil {BIDI} text\u2066 """; import os',
    ),
    tool(
        "defaults",
        obj(
            {
                "a": {"type": "integer", "default": "x"},
                "b": {"type": "string", "default": 5},
                "c": {"type": "number", "default": True, "maximum": 1e400},
                "d": {"type": "string", "format": "date-time", "default": "now"},
                "e": {"type": "object", "properties": {"x": {"type": "integer"}}, "default": {}},
                "f": {"const": {"k": 1}},
                "g": {"enum": [{"a": 1}, [2]]},
                "h": {"type": "string", "pattern": "^(?!x)\\p{L}+$", "default": '"""'},
            }
        ),
    ),
    tool(
        "refs",
        {
            "type": "object",
            "$defs": {
                "Mode": {"type": "string", "enum": ["x", "y"]},
                "Node": {
                    "$anchor": "node",
                    "type": "object",
                    "properties": {"next": {"$ref": "#node"}, "v": {"type": "integer"}},
                },
            },
            "definitions": {"Mode": {"type": "integer"}},
            "properties": {
                "mode": {"$ref": "#/$defs/Mode"},
                "level": {"$ref": "#/definitions/Mode"},
                "head": {"$ref": "#node"},
                "copy": {"$ref": "#/properties/mode"},
                "tree": {"type": "array", "items": {"$ref": "#"}},
            },
        },
    ),
    tool("nothing", {}),
    tool(""),
    tool("numbered", description=5, title=["not text"]),
]


@pytest.fixture(scope="module")
def hazards(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("hazards")
    listing = root / "hazards.json"
    listing.write_text(json.dumps({"serverInfo": {"name": "hazards"}, "tools": TYPE_HAZARDS}))
    result = CliRunner().invoke(
        main, ["client", "--tools", str(listing), "--out", str(root / "hazards_client")]
    )
    assert result.exit_code == 0, result.output
    return root


def test_hostile_tool_list_gives_a_type_clean_client(hazards: Path) -> None:
    caller = hazards / "caller.py"
    caller.write_text(
        "from hazards_client import HazardsClient, models\n\n\n"
        "async def main(client: HazardsClient) -> None:\n"
        "    await client.fetch(url='http://example.com')\n"
        "    await client.formats(mail='A@B.example', ip='::0001', where='a/./b', blob='aGk=')\n"
        "    await client.pair(p=(1, 'x'))\n"
        "    await client.modes(m='b')\n"
        "    await client.shadows(list_=['a'], str_='s', l_='x')\n"
        "    await client.selfish(self_='me', models_='m', result_=1, partial_='p')\n"
        "    await client.import_()\n"
        "    await client.class_()\n"
        "    await client.async_(from_='x')\n"
        "    await client.list_()\n"
        "    await client.date_()\n"
        "    await client.call_tool_()\n"
        "    await client.l_()\n"
        "    await client.refs(mode='x', level=2, head=models.RefsInputNode(v=1))\n"
        "    await client.nothing()\n"
    )
    check_packages(hazards, "hazards_client", "caller.py")
    package = hazards / "hazards_client"
    for path in package.glob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert BIDI not in text and "\x00" not in text and "\u2028" not in text, path
        compile(text, str(path), "exec")
    assert "import os" not in (package / "client.py").read_text().replace('"""; import os', "")


def test_hostile_tool_list_methods_and_defaults(hazards: Path) -> None:
    package = load_client(hazards, "hazards_client")
    client_class = package.HazardsClient
    names = {name for name in vars(client_class) if not name.startswith("_")}
    expected = {"fetch", "import_", "class_", "async_", "list_", "date_", "call_tool_", "l_"}
    assert expected <= names
    models = package.models
    # Invalid defaults are dropped, valid plain ones kept; nothing a Literal cannot hold.
    defaults = models.DefaultsInput()
    assert (defaults.a, defaults.b, defaults.c, defaults.d, defaults.h) == (
        None,
        None,
        None,
        None,
        '"""',
    )
    assert models.ModesInput().m == "a"
    assert models.BidiInput().v == "c"
    # URIs and the other string formats stay str and are sent exactly as given.
    sent = models.FetchInput.model_validate({"url": "http://example.com"}).model_dump(
        mode="json", by_alias=True, exclude_unset=True
    )
    assert sent == {"url": "http://example.com"}
    given = {"mail": "A@B.example", "ip": "::0001", "where": "a/./b", "blob": "aGk="}
    assert models.FormatsInput.model_validate(given).model_dump(mode="json") | given == (
        models.FormatsInput.model_validate(given).model_dump(mode="json")
    )
    shadows = models.ShadowsInput.model_validate({"list": ["a"], "l": "x", "date": "2026-01-02"})
    assert shadows.model_dump(mode="json", by_alias=True, exclude_unset=True) == {
        "list": ["a"],
        "l": "x",
        "date": "2026-01-02",
    }
    tools = json.loads((hazards / "hazards_client" / "tools.json").read_text())["tools"]
    assert [t["name"] for t in tools] == [t["name"] for t in TYPE_HAZARDS]


def test_arguments_reach_a_live_server_exactly(tmp_path: Path) -> None:
    listing = tmp_path / "listing.json"
    # The SDK refuses these from a live server (as it must): no inputSchema type, a
    # description that is not a string.
    live = [t for t in TYPE_HAZARDS if t["name"] not in ("nothing", "numbered")]
    listing.write_text(json.dumps({"tools": live}))
    server = f"{sys.executable} {RAW_SERVER} {listing}"
    result = CliRunner().invoke(
        main, ["client", "--server", server, "--name", "raw", "--out", str(tmp_path / "raw_client")]
    )
    assert result.exit_code == 0, result.output
    package = load_client(tmp_path, "raw_client")

    async def run() -> list[Any]:
        async with package.RawClient.stdio(sys.executable, str(RAW_SERVER), str(listing)) as c:
            return [
                await c.fetch(url="http://example.com"),
                await c.formats(mail="A@B.example", ip="::0001", where="a/./b"),
                await c.pair(p=(1, "x")),
                await c.selfish(self_="me", result_=3),
                await c.async_(from_="here"),
                await c.shadows(list_=["a"], l_="x"),
            ]

    echoed = [json.loads(content[0].text) for content in anyio.run(run)]
    assert echoed == [
        {"url": "http://example.com"},
        {"mail": "A@B.example", "ip": "::0001", "where": "a/./b"},
        {"p": [1, "x"]},
        {"self": "me", "result": 3},
        {"from": "here"},
        {"list": ["a"], "l": "x"},
    ]


SENTINEL = "SENTINEL_PROPERTY_READ"


class _Counter(http.server.BaseHTTPRequestHandler):
    hits: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        _Counter.hits.append(self.path)
        body = json.dumps(obj({SENTINEL: {"type": "string"}})).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture
def sentinel_url() -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Counter)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    _Counter.hits = []
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/schema.json"
    finally:
        server.shutdown()


def test_references_never_leave_the_tool_list(tmp_path: Path, sentinel_url: str) -> None:
    sentinel = tmp_path / "sentinel.json"
    sentinel.write_text(json.dumps(obj({SENTINEL: {"type": "string"}})))
    refs = {
        "absolute": str(sentinel),
        "relative": "sentinel.json",
        "relative_pointer": "sentinel.json#/properties",
        "file_url": sentinel.as_uri(),
        "http_url": sentinel_url,
    }
    tools = [tool(name, obj({"a": {"$ref": ref}})) for name, ref in refs.items()]
    tools.append(tool("in_defs", {"type": "object", "$defs": {"X": {"$ref": sentinel_url}}}))
    tools.append(tool("in_output", obj({}), outputSchema=obj({"b": {"$ref": str(sentinel)}})))
    tools.append(tool("dangling", obj({"a": {"$ref": "#/$defs/Missing"}})))
    tools.append(tool("fine", obj({"a": {"type": "string"}})))
    listing = tmp_path / "tools.json"
    listing.write_text(json.dumps({"tools": tools}))
    contents, client = generate_client(*from_file(listing), str(listing), "refs")
    assert [m.name for m in client.methods] == ["fine"]
    assert not _Counter.hits
    assert not any(SENTINEL in text for path, text in contents.items() if path.suffix == ".py")
    lines = [str(d) for d in client.diagnostics]
    outside = "points outside the tool's schema; mcpgen does not follow it"
    assert lines == [
        f"{listing}:/tools/{i}/inputSchema/properties/a/$ref: warning W-CLIENT-SKIP: tool"
        f" {name!r} left out: $ref {ref!r} {outside}"
        for i, (name, ref) in enumerate(refs.items())
    ] + [
        (
            f"{listing}:/tools/5/inputSchema/$defs/X/$ref: warning W-CLIENT-SKIP: tool"
            f" 'in_defs' left out: $ref {sentinel_url!r} {outside}"
        ),
        (
            f"{listing}:/tools/6/outputSchema/properties/b/$ref: warning W-CLIENT-SKIP: tool"
            f" 'in_output' left out: $ref {str(sentinel)!r} {outside}"
        ),
        (
            f"{listing}:/tools/7/inputSchema/properties/a/$ref: warning W-CLIENT-SKIP: tool"
            " 'dangling' left out: $ref '#/$defs/Missing' does not resolve inside the tool's"
            " schema"
        ),
    ]


UNUSABLE = [
    (
        tool("bad_bound", obj({"a": {"type": "integer", "exclusiveMinimum": "x"}})),
        "/inputSchema/properties/a/exclusiveMinimum",
        "not a valid JSON schema: 'x' is not of type 'number'",
    ),
    (
        tool("bad_type", obj({"a": {"type": "int"}})),
        "/inputSchema/properties/a/type",
        "not a valid JSON schema",
    ),
    (
        tool("scalar_input", {"type": "string"}),
        "/inputSchema/type",
        "its inputSchema is not an object schema",
    ),
    (
        tool("surrogate", obj({"a": {"type": "string", "description": "x\ud800y"}})),
        "/inputSchema/properties/a/description",
        "it contains a lone surrogate",
    ),
    (
        tool("needs_task", execution={"taskSupport": "required"}),
        "/execution/taskSupport",
        (
            "the server only runs it as a task (taskSupport 'required'), and the MCP Python"
            " SDK's client cannot make task-augmented calls"
        ),
    ),
    (
        tool("good"),
        "/name",
        "another tool of the list has the same name",
    ),
]


def test_unusable_tools_are_left_out_with_a_warning(tmp_path: Path) -> None:
    tools = [tool("good", obj({"a": {"type": "integer"}}), title="Good", icons=[{"src": "x"}])]
    tools += [case for case, _, _ in UNUSABLE]
    tools.append(tool("optional_task", execution={"taskSupport": "optional"}, _meta={"k": 1}))
    listing = tmp_path / "tools.json"
    listing.write_text(json.dumps({"tools": tools}), encoding="utf-8")
    result = CliRunner().invoke(
        main, ["client", "--tools", str(listing), "--name", "mixed", "--out", str(tmp_path / "out")]
    )
    assert result.exit_code == 0, result.output
    assert "MixedClient: 2 methods" in result.output
    _, client = generate_client(*from_file(listing), str(listing), "mixed")
    assert [m.name for m in client.methods] == ["good", "optional_task"]
    assert len(client.diagnostics) == len(UNUSABLE)
    for index, (diagnostic, (case, pointer, message)) in enumerate(
        zip(client.diagnostics, UNUSABLE, strict=True), start=1
    ):
        assert diagnostic.location == f"/tools/{index}{pointer}"
        assert diagnostic.code == "W-CLIENT-SKIP"
        assert diagnostic.message.startswith(f"tool {case['name']!r} left out: ")
        assert message in diagnostic.message
    # tools.json keeps every tool (so --check sees no drift) and what callers need of each.
    saved, _ = from_file(tmp_path / "out" / "tools.json")
    assert saved == tools
    same = CliRunner().invoke(
        main, ["client", "--tools", str(listing), "--out", str(tmp_path / "out"), "--check"]
    )
    assert same.exit_code == 0, same.output
    check_packages(tmp_path, "out")


BROKEN = [
    ({"tools": "nope"}, "/tools", "not a tools/list result: expected a list"),
    ({"tools": [tool("a"), 5]}, "/tools/1", "a tool must be an object"),
    ({"tools": [tool(7)]}, "/tools/0/name", "the tool's name must be a string"),
    ({"tools": [{"name": "a"}]}, "/tools/0", "tool 'a' has no inputSchema"),
    (
        {"tools": [tool("a", "object")]},
        "/tools/0/inputSchema",
        "tool 'a': inputSchema must be a JSON object, not a string",
    ),
    (
        {"tools": [tool("a", outputSchema=[1])]},
        "/tools/0/outputSchema",
        "tool 'a': outputSchema must be a JSON object, not an array",
    ),
    ([tool("a"), tool(None)], "/1/name", "the tool's name must be a string"),
]


@pytest.mark.parametrize(("listing", "pointer", "message"), BROKEN)
def test_broken_tool_lists_are_one_line_errors(
    tmp_path: Path, listing: Any, pointer: str, message: str
) -> None:
    path = tmp_path / "tools.json"
    path.write_text(json.dumps(listing))
    out = tmp_path / "out"
    result = subprocess.run(
        [sys.executable, "-m", "mcpgen", "client", "--tools", str(path), "--out", str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert result.stderr.splitlines() == [f"mcpgen: {path}:{pointer}: error E-INPUT: {message}"]
    assert not out.exists()


def test_generation_prints_no_third_party_warnings(tmp_path: Path) -> None:
    path = tmp_path / "tools.json"
    path.write_text(json.dumps({"tools": TYPE_HAZARDS + [u[0] for u in UNUSABLE[:3]]}))
    result = subprocess.run(
        [sys.executable, "-W", "default", "-m", "mcpgen", "client", "--tools", str(path)]
        + ["--out", str(tmp_path / "out")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert all(line.startswith("mcpgen: ") for line in result.stderr.splitlines()), result.stderr
