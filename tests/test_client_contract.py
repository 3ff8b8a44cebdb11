"""Snapshots of a live server's tools, resources, resource templates and prompts in the
contract format, and typed clients made from snapshots and contracts that read resources
and get prompts as well as call tools."""

from __future__ import annotations

import copy
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import anyio
import pytest
import yaml
from click.testing import CliRunner
from mcpgen.cli import main
from mcpgen.client.catalog import Catalog, catalog_text
from mcpgen.client.generate import generate_catalog_client
from mcpgen.client.resources import template_variables
from mcpgen.client.sources import catalog_from_file, from_contract, from_file
from mcpgen.contract.document import load_contract
from mcpgen.diagnostics import MCPGenError
from mcpgen.pipeline import write_tree

from .server_support import ERAS, ROOT
from .test_client import check_packages, load_client, mypy_strict_all
from .upstream_app import free_port, wait_for_port

CASES = ROOT / "tests" / "cases" / "clients"
CATALOG = CASES / "catalog_server.py"
RAW_CATALOG = CASES / "raw_catalog_server.py"
COMMAND = f"{sys.executable} {CATALOG}"
LISTS = ("tools", "resources", "resourceTemplates", "prompts")


def run(*args: str) -> Any:
    return CliRunner().invoke(main, ["client", *args])


def dump(model: Any) -> Any:
    return model.model_dump(mode="json", by_alias=True, exclude_none=True)


async def _live_lists(target: Any) -> dict[str, Any]:
    """What the SDK's own client sees of the server (one page each: MCPServer does not page)."""
    from mcp import Client

    async with Client(target) as client:
        info = client.server_info
        return {
            "name": info.name if info else None,
            "title": info.title if info else None,
            "version": info.version if info else None,
            "instructions": client.instructions,
            "tools": [dump(t) for t in (await client.list_tools()).tools],
            "resources": [dump(r) for r in (await client.list_resources()).resources],
            "resourceTemplates": [
                dump(t) for t in (await client.list_resource_templates()).resource_templates
            ],
            "prompts": [dump(p) for p in (await client.list_prompts()).prompts],
        }


def _stdio_target() -> Any:
    from mcp import StdioServerParameters

    return StdioServerParameters(command=sys.executable, args=[str(CATALOG)])


@pytest.fixture(scope="module")
def catalog_http() -> Iterator[str]:
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, str(CATALOG), "http", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for_port(port)
        yield f"http://127.0.0.1:{port}/mcp"
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(scope="module")
def snapshot(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("snapshot") / "catalog.json"
    result = run("--server", COMMAND, "--snapshot", str(path))
    assert result.exit_code == 0, result.output
    assert result.output.strip() == (
        f"mcpgen: saved 2 tools, 2 resources, 2 resource templates, 2 prompts to {path}"
    )
    return path


def _contract_of(snapshot: Path) -> dict[str, Any]:
    """The snapshot written as a contract by hand would be: YAML, with the output schema of
    ``add`` shared through the top-level ``$defs``."""
    data = json.loads(snapshot.read_text(encoding="utf-8"))
    add = next(t for t in data["tools"] if t["name"] == "add")
    data["$defs"] = {"Sum": add["outputSchema"]}
    add["outputSchema"] = {"$ref": "#/$defs/Sum"}
    return data


@pytest.fixture(scope="module")
def clients(tmp_path_factory: pytest.TempPathFactory, snapshot: Path) -> Path:
    root = tmp_path_factory.mktemp("contract-clients")
    contract = root / "catalog.yaml"
    contract.write_text(yaml.safe_dump(_contract_of(snapshot), allow_unicode=True))
    out = root / "snap_catalog_client"
    result = run("--tools", str(snapshot), "--out", str(out))
    assert result.exit_code == 0, result.output
    assert "CatalogClient: 8 methods" in result.output
    result = run("--contract", str(contract), "--out", str(root / "contract_catalog_client"))
    assert result.exit_code == 0, result.output
    result = run("--server", COMMAND, "--name", "live catalog", "--out", str(root / "live_client"))
    assert result.exit_code == 0, result.output
    assert "LiveCatalogClient: 8 methods" in result.output
    return root


def test_the_snapshot_holds_every_list_of_the_live_server(snapshot: Path) -> None:
    saved = json.loads(snapshot.read_text(encoding="utf-8"))
    live = anyio.run(_live_lists, _stdio_target())
    assert list(saved) == ["name", "title", "version", "instructions", *LISTS]
    for key in LISTS:
        assert saved[key] == live[key], key
    assert (saved["name"], saved["title"], saved["version"]) == (
        "catalog",
        "Catalog Server",
        "1.2.0",
    )
    assert saved["instructions"] == live["instructions"] == "Read the docs first.\nThen ask."
    # One item per line, sorted keys: the same server gives the same bytes.
    lines = snapshot.read_text(encoding="utf-8").splitlines()
    assert lines[4] == '"tools": ['
    assert json.loads(lines[5].rstrip(",")) == saved["tools"][0]
    again = snapshot.with_name("again.json")
    assert run("--server", COMMAND, "--snapshot", str(again)).exit_code == 0
    assert again.read_bytes() == snapshot.read_bytes()
    # It is a valid contract, and --tools reads all of it back.
    contract = load_contract(snapshot)
    assert [p["name"] for p in contract.prompts] == ["review", "greeting"]
    catalog = catalog_from_file(snapshot)
    assert catalog_text(catalog) == snapshot.read_text(encoding="utf-8")


def test_a_snapshot_over_http_is_the_same(
    snapshot: Path, catalog_http: str, tmp_path: Path
) -> None:
    path = tmp_path / "http.json"
    result = run("--server", catalog_http, "--snapshot", str(path))
    assert result.exit_code == 0, result.output
    assert path.read_bytes() == snapshot.read_bytes()


def test_every_page_of_every_list(tmp_path: Path) -> None:
    listing = {
        "tools": [{"name": "t", "inputSchema": {"type": "object"}}],
        "resources": [
            [{"name": "a", "uri": "x://a"}],
            [{"name": "b", "uri": "x://b"}, {"name": "c", "uri": "x://c"}],
        ],
        "resourceTemplates": [[], [{"name": "t", "uriTemplate": "x://t/{id}"}]],
        "prompts": [[{"name": "p1"}], [{"name": "p2", "arguments": [{"name": "q"}]}], []],
    }
    path = tmp_path / "listing.json"
    path.write_text(json.dumps(listing))
    saved = tmp_path / "snap.json"
    result = run("--server", f"{sys.executable} {RAW_CATALOG} {path}", "--snapshot", str(saved))
    assert result.exit_code == 0, result.output
    data = json.loads(saved.read_text(encoding="utf-8"))
    assert data == {
        "name": "raw-catalog",
        "version": "0.1",
        "tools": listing["tools"],
        "resources": [r for page in listing["resources"] for r in page],
        "resourceTemplates": [{"name": "t", "uriTemplate": "x://t/{id}"}],
        "prompts": [{"name": "p1"}, {"name": "p2", "arguments": [{"name": "q"}]}],
    }


def test_lists_the_server_does_not_offer_are_not_asked_for(tmp_path: Path) -> None:
    # The raw server answers resources/list and prompts/list with an error if asked.
    path = tmp_path / "listing.json"
    path.write_text(json.dumps({"tools": [{"name": "t", "inputSchema": {"type": "object"}}]}))
    saved = tmp_path / "snap.json"
    result = run("--server", f"{sys.executable} {RAW_CATALOG} {path}", "--snapshot", str(saved))
    assert result.exit_code == 0, result.output
    assert result.output.strip() == f"mcpgen: saved 1 tool to {saved}"
    assert list(json.loads(saved.read_text())) == ["name", "version", "tools"]


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (
            {"fail": "prompts/list"},
            "cannot list the server's prompts: method not found: prompts/list",
        ),
        (
            {"loop": "resources/list"},
            "resources/list never ends: the server sent cursor '0' twice",
        ),
    ],
)
def test_a_failing_list_is_one_line(tmp_path: Path, extra: dict[str, str], message: str) -> None:
    path = tmp_path / "listing.json"
    listing = {"tools": [], "resources": [[{"name": "a", "uri": "x://a"}]], "prompts": [[]]}
    path.write_text(json.dumps({**listing, **extra}))
    command = f"{sys.executable} {RAW_CATALOG} {path}"
    result = run("--server", command, "--snapshot", str(tmp_path / "s.json"))
    assert result.exit_code == 2
    assert result.output.splitlines() == [f"mcpgen: {command}: error E-INPUT: {message}"]
    assert not (tmp_path / "s.json").exists()


def test_a_server_without_resource_templates(tmp_path: Path) -> None:
    # Servers with static resources only often answer templates/list "method not found".
    path = tmp_path / "listing.json"
    listing = {"resources": [[{"name": "a", "uri": "x://a"}]], "fail": "resources/templates/list"}
    path.write_text(json.dumps(listing))
    saved = tmp_path / "snap.json"
    result = run("--server", f"{sys.executable} {RAW_CATALOG} {path}", "--snapshot", str(saved))
    assert result.exit_code == 0, result.output
    assert json.loads(saved.read_text())["resources"] == [{"name": "a", "uri": "x://a"}]
    assert "resourceTemplates" not in json.loads(saved.read_text())


def test_old_snapshots_are_still_read(tmp_path: Path) -> None:
    old = tmp_path / "old.json"
    tool = {"name": "t", "inputSchema": {"type": "object"}}
    old.write_text(json.dumps({"serverInfo": {"name": "old", "version": "2"}, "tools": [tool]}))
    assert from_file(old) == ([tool], "old")
    assert catalog_from_file(old) == Catalog("old", (tool,), version="2")
    result = run("--tools", str(old), "--out", str(tmp_path / "old_client"))
    assert result.exit_code == 0, result.output
    saved = json.loads((tmp_path / "old_client" / "tools.json").read_text())
    assert saved == {"name": "old", "version": "2", "tools": [tool]}


def test_generated_clients_pass_ruff_and_mypy(clients: Path) -> None:
    check_packages(clients, "snap_catalog_client", "contract_catalog_client", "live_client")


def test_the_snapshot_and_the_contract_give_the_same_client(clients: Path) -> None:
    snap = clients / "snap_catalog_client"
    contract = clients / "contract_catalog_client"
    for name in ("client.py", "models.py", "__init__.py"):
        # Only the header (the source) differs.
        assert (snap / name).read_text().splitlines()[1:] == (
            (contract / name).read_text().splitlines()[1:]
        ), name
    assert (snap / "client.py").read_text().startswith(
        "# Code generated by mcpgen "
    ) and "DO NOT EDIT." in (snap / "client.py").read_text().splitlines()[0]


async def _expected(target: Any, **options: Any) -> dict[str, Any]:
    """The server's own answers, through the SDK's client."""
    from mcp import Client

    async with Client(target, **options) as client:
        return {
            "readme": dump(await client.read_resource("docs://readme")),
            "settings": dump(await client.read_resource("config://settings.json")),
            "weather": dump(await client.read_resource("weather://New%20York%2F2/current")),
            "file": dump(await client.read_resource("files://a/b%20c.txt")),
            "review": dump(await client.get_prompt("review", {"code": "x = 1"})),
            "review_go": dump(
                await client.get_prompt("review", {"code": "x := 1", "language": "go"})
            ),
            "greeting": dump(await client.get_prompt("greeting", {})),
        }


async def _drive(client: Any, package: Any) -> dict[str, Any]:
    total = await client.add(numbers=[1, 2, 3])
    assert isinstance(total, package.models.AddOutput)
    assert (total.total, total.count) == (6, 3)
    assert await client.echo(text="hi", loud=True) == "HI"
    got = {
        "readme": dump(await client.read_readme()),
        "settings": dump(await client.read_settings()),
        "weather": dump(await client.read_city_weather(city="New York/2")),
        "file": dump(await client.read_file(path="a/b c.txt")),
        "review": dump(await client.prompt_review(code="x = 1")),
        "review_go": dump(await client.prompt_review(code="x := 1", language="go")),
        "greeting": dump(await client.prompt_greeting()),
    }
    assert got["weather"]["contents"][0]["text"] == "Sunny in New York/2"
    assert got["file"]["contents"][0]["text"] == "contents of a/b c.txt"
    assert json.loads(got["settings"]["contents"][0]["text"]) == {"mode": "test", "limit": 3}
    assert got["review_go"]["messages"][0]["content"]["text"] == "Review this go code:\nx := 1"
    generic = await client.read_resource("docs://readme")
    assert dump(generic) == got["readme"]
    return got


@pytest.mark.parametrize("package_name", ["snap_catalog_client", "contract_catalog_client"])
def test_the_client_drives_the_server_over_stdio(clients: Path, package_name: str) -> None:
    package = load_client(clients, package_name)
    expected = anyio.run(_expected, _stdio_target())

    async def drive() -> dict[str, Any]:
        async with package.CatalogClient.stdio(sys.executable, str(CATALOG)) as client:
            return await _drive(client, package)

    assert anyio.run(drive) == expected


@pytest.mark.parametrize("era", ERAS)
def test_the_client_drives_the_server_over_http(clients: Path, catalog_http: str, era: str) -> None:
    package = load_client(clients, "contract_catalog_client")
    expected = anyio.run(lambda: _expected(catalog_http, mode=era))

    async def drive() -> tuple[dict[str, Any], str]:
        async with package.CatalogClient.http(catalog_http, mode=era) as client:
            got = await _drive(client, package)
            return got, str(client.session.session.protocol_version)

    got, version = anyio.run(drive)
    assert version == ("2025-11-25" if era == "legacy" else era)
    assert got == expected


def test_the_sync_client(clients: Path) -> None:
    package = load_client(clients, "live_client")
    with package.LiveCatalogClientSync.stdio(sys.executable, str(CATALOG)) as client:
        assert client.read_city_weather(city="Oslo").contents[0].text == "Sunny in Oslo"
        assert client.prompt_greeting().messages[0].content.text == "Hello!"
        assert client.read_resource("docs://readme").contents[0].text == ("Welcome to the catalog.")
        assert client.get_prompt("review", {"code": "c", "language": None}).messages
        assert client.echo(text="x") == "x"


def test_check_sees_resources_and_prompts_change(clients: Path, tmp_path: Path) -> None:
    out = clients / "snap_catalog_client"
    same = run("--server", COMMAND, "--out", str(out), "--check")
    assert same.exit_code == 0, same.output
    assert "matches the server's 2 tools, 2 resources, 2 resource templates, 2 prompts" in (
        same.output
    )
    data = json.loads((out / "tools.json").read_text())
    data["resources"] = data["resources"][:1]
    data["prompts"][0]["arguments"] = data["prompts"][0]["arguments"][:1]
    data["resourceTemplates"].append({"name": "more", "uriTemplate": "more://{x}"})
    changed_file = tmp_path / "changed.json"
    changed_file.write_text(json.dumps(data))
    changed = run("--tools", str(changed_file), "--out", str(out), "--check")
    assert changed.exit_code == 1
    assert changed.stdout.splitlines() == [
        "removed resource: config://settings.json",
        "added resource template: more://{x}",
        "changed prompt arguments: review",
    ]


# -- names and text nobody here wrote ----------------------------------------------------

EVIL = '"""; import os; open("PWNED", "w").write("x") #'
HOSTILE = {
    "name": 'evil """ server\n\\',
    "title": "'''",
    "instructions": EVIL,
    "tools": [
        {
            "name": "read_resource",
            "description": EVIL,
            "inputSchema": {"type": "object", "properties": {"p": {"$ref": "#/$defs/Point"}}},
        }
    ],
    "$defs": {"Point": {"type": "object", "properties": {"x": {"type": "number"}}}},
    "resources": [
        {"name": EVIL, "uri": 'docs://a"b\'\'\'c\\d\n"""', "description": '"""\n' + EVIL},
        {"name": "class", "uri": "docs://class", "description": "ünïcödé \u202e\u0000 end\\"},
        {"name": "class", "uri": "docs://class2", "title": 'ends with a quote"'},
        {"name": "日本語", "uri": "docs://jp", "description": "\\N{BULLET} \\x00 {0} %s"},
    ],
    "resourceTemplates": [
        {
            "name": "tmpl\nnewline",
            "uriTemplate": "t://{self}/{class}/{+x_y}{?values,arguments,str,l,str_}",
            "description": EVIL + "\r\n\t",
        },
        {"name": "odd", "uriTemplate": "t://{a:3}{#frag}{/seg*}{;m}{.ext}{&more}"},
    ],
    "prompts": [
        {
            "name": 'p"""\'',
            "description": "'''\"\"\"",
            "arguments": [
                {"name": "self", "required": True, "description": 'x"""y\n' + EVIL},
                {"name": "def", "required": False},
                {"name": "a-b", "required": True},
                {"name": "a_b"},
                {"name": "2nd"},
            ],
        },
        {"name": "get_prompt"},
    ],
}


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Any]:
    root = tmp_path_factory.mktemp("hostile-contract")
    contract = root / "hostile.json"
    contract.write_text(json.dumps(HOSTILE, ensure_ascii=False), encoding="utf-8")
    out = root / "hostile_contract_client"
    result = run("--contract", str(contract), "--out", str(out))
    assert result.exit_code == 0, result.output
    return root, load_client(root, "hostile_contract_client")


def test_hostile_contracts_give_clean_code(hostile: tuple[Path, Any]) -> None:
    root, _ = hostile
    check_packages(root, "hostile_contract_client")
    assert not (root / "PWNED").exists() and not Path("PWNED").exists()


def test_hostile_text_comes_back_exactly(hostile: tuple[Path, Any]) -> None:
    _, package = hostile
    cls = package.EvilServerClient
    names = [n for n in vars(cls) if n == "read" or n.startswith(("read_", "prompt_"))]
    assert names == [
        "read_resource",
        "read_resource_",
        "read_import_os_open_pwned_w_write_x",
        "read_class",
        "read_class_2",
        "read",
        "read_tmpl_newline",
        "read_odd",
        "prompt_p",
        "prompt_get_prompt",
    ]
    assert cls.read_resource_.__doc__ == EVIL  # the tool, renamed
    assert cls.read_import_os_open_pwned_w_write_x.__doc__ == '"""\n' + EVIL
    assert cls.read_class.__doc__ == "ünïcödé \u202e\u0000 end\\"
    assert cls.read_class_2.__doc__ == 'ends with a quote"'
    assert cls.read.__doc__ == "\\N{BULLET} \\x00 {0} %s"

    sent: list[tuple[str, Any]] = []

    async def read_resource(uri: str) -> str:
        sent.append(("read", uri))
        return uri

    async def get_prompt(name: str, arguments: Any = None) -> str:
        sent.append(("prompt", (name, arguments)))
        return name

    client = cls.__new__(cls)
    client.read_resource = read_resource
    client.get_prompt = get_prompt

    async def calls() -> None:
        await client.read_import_os_open_pwned_w_write_x()
        await client.read_class()
        await client.read_tmpl_newline(self_="a b", class_="c/d", x_y="e/f g", str__="s")
        await client.read_odd(a="abcdef", frag="f/g", seg="s", m="", ext="txt", more="1")
        await client.prompt_p(self_="1", a_b="2", def_="3", a_b_="4", value_2nd="5")
        await client.prompt_get_prompt()

    anyio.run(calls)
    assert sent == [
        ("read", 'docs://a"b\'\'\'c\\d\n"""'),
        ("read", "docs://class"),
        ("read", "t://a%20b/c%2Fd/e/f%20g?str_=s"),
        ("read", "t://abc#f/g/s;m.txt&more=1"),
        (
            "prompt",
            ('p"""\'', {"self": "1", "a-b": "2", "def": "3", "a_b": "4", "2nd": "5"}),
        ),
        ("prompt", ("get_prompt", {})),
    ]


def test_a_skipped_item_is_a_warning(tmp_path: Path) -> None:
    catalog = Catalog(
        "skips",
        (),
        resources=({"name": "bad\ud800", "uri": "x://a"},),
        resource_templates=({"name": "t", "uriTemplate": "x://{a b}"},),
        prompts=({"name": "p"}, {"name": "p"}),
    )
    contents, client = generate_catalog_client(catalog, "skips.json")
    assert [r.name for r in client.readers] == ["prompt_p"]
    assert [str(d) for d in client.diagnostics] == [
        (
            "skips.json:/resources/0/name: warning W-CLIENT-SKIP: resource 'bad\\\\ud800' left"
            " out: it contains a lone surrogate, which is not valid Unicode text"
        ),
        (
            "skips.json:/resourceTemplates/0/uriTemplate: warning W-CLIENT-SKIP: resource"
            " template 't' left out: its URI template has an expression the client cannot"
            " expand: {a b}"
        ),
        (
            "skips.json:/prompts/1/name: warning W-CLIENT-SKIP: prompt 'p' left out: another"
            " prompt has the same name"
        ),
    ]
    write_tree(tmp_path / "skips_client", contents)
    check_packages(tmp_path, "skips_client")


def test_template_variables() -> None:
    assert template_variables("x://{a}/{+b}{?c,d}{&a}") == [
        ("a", False),
        ("b", False),
        ("c", True),
        ("d", True),
    ]
    assert template_variables("x://{a") == "its URI template has unbalanced braces"


def test_a_bad_contract_is_one_line(tmp_path: Path) -> None:
    bad = copy.deepcopy(HOSTILE)
    bad["tools"][0]["inputSchema"]["properties"]["p"]["$ref"] = "#/$defs/Nope"
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(bad))
    with pytest.raises(MCPGenError):
        from_contract(path)
    result = run("--contract", str(path), "--out", str(tmp_path / "out"))
    assert result.exit_code == 2
    assert len(result.output.splitlines()) == 1
    assert "does not resolve" in result.output
    assert not (tmp_path / "out").exists()


def test_mypy_sees_resource_and_prompt_arguments(clients: Path, tmp_path: Path) -> None:
    good = tmp_path / "good.py"
    good.write_text(
        "from mcp import types\n"
        "from snap_catalog_client import CatalogClient\n\n\n"
        "async def main() -> types.GetPromptResult:\n"
        "    async with CatalogClient.stdio('python', 'server.py') as client:\n"
        "        read: types.ReadResourceResult = await client.read_city_weather(city='Oslo')\n"
        "        await client.read_file(path='a/b')\n"
        "        print(read.contents)\n"
        "        return await client.prompt_review(code='x', language=None)\n"
    )
    bad = tmp_path / "bad.py"
    bad.write_text(
        "from snap_catalog_client import CatalogClient\n\n\n"
        "async def main() -> None:\n"
        "    async with CatalogClient.stdio('python', 'server.py') as client:\n"
        "        await client.read_city_weather()\n"
        "        await client.prompt_review(code=1)\n"
        "        await client.read_readme(uri='x')\n"
    )
    env = {**os.environ, "MYPYPATH": str(clients)}
    result = mypy_strict_all(tmp_path, str(good), str(bad), env=env)
    errors = [line for line in result.stdout.splitlines() if ": error:" in line]
    assert len(errors) == 3 and all(line.startswith("bad.py:") for line in errors), result.stdout
    assert 'Missing named argument "city" for "read_city_weather"' in result.stdout
    assert 'Argument "code" to "prompt_review" of "CatalogClient" has incompatible type' in (
        result.stdout
    )
    assert 'Unexpected keyword argument "uri" for "read_readme"' in result.stdout
