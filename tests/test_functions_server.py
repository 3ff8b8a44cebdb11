"""Servers generated from typed Python functions, driven by the official SDK client."""

from __future__ import annotations

import base64
import importlib
import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import anyio
import pytest
from click.testing import CliRunner
from mcp import Client, types
from mcpgen.cli import main
from mcpgen.functions.generate import generate_functions_server
from mcpgen.pipeline import write_tree
from mcpgen.runtime import pyschema
from pydantic import TypeAdapter

from .server_support import ERAS, ROOT, assert_valid_tools_list, http_server
from .test_models_cli import mypy_strict

CASE = ROOT / "tests" / "cases" / "functions"
MODULE_FILE = CASE / "typed_tools.py"


@pytest.fixture(scope="module")
def tools_module() -> Iterator[ModuleType]:
    sys.path.insert(0, str(CASE))
    try:
        yield importlib.import_module("typed_tools")
    finally:
        sys.path.remove(str(CASE))


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, list[str]]:
    root = tmp_path_factory.mktemp("functions")
    contents, built, diagnostics = generate_functions_server(str(MODULE_FILE))
    write_tree(root, contents)
    return root, built.package, [f"{d.location}: {d.code}: {d.message}" for d in diagnostics]


def _env(root: Path) -> dict[str, str]:
    return {"PYTHONPATH": os.pathsep.join([str(root), str(CASE)])}


def test_diagnostics_for_what_cannot_be_typed(project: tuple[Path, str, list[str]]) -> None:
    _, _, diagnostics = project
    assert diagnostics == [
        "loose: W-FUNC-UNTYPED: parameter 'value' has no annotation; it accepts any JSON value",
        (
            "loose: W-FUNC-UNTYPED: parameter 'scale' has no annotation; it accepts int (from its "
            "default)"
        ),
        "loose: W-FUNC-VARARGS: *args is not exposed; the tool calls without it",
        "loose: W-FUNC-VARARGS: **kwargs is not exposed; the tool calls without it",
    ]


def _without_docstring_text(schema: Any, added: dict[str, str]) -> Any:
    schema = json.loads(json.dumps(schema))
    for key, value in schema.get("properties", {}).items():
        if key in added:
            assert value.pop("description") == added[key]
    return schema


def test_input_schemas_are_what_pydantic_makes_of_the_signatures(
    project: tuple[Path, str, list[str]], tools_module: ModuleType
) -> None:
    root, package, _ = project
    spec = json.loads((root / package / "spec.json").read_text(encoding="utf-8"))
    compatible = pyschema.compatible
    docstring_text = {
        "add": {"a": "The first addend.", "b": "The second addend."},
        "describe": {"text": "Some text.", "ratio": "A ratio."},
        "collections": {"items": "Integers.", "unique": "Distinct strings."},
    }
    checked = 0
    for tool in spec["tools"]:
        function = getattr(tools_module, tool["python"]["function"])
        if tool["name"] in ("greet", "loose"):
            continue  # positional-only and unannotated: pydantic has no object schema for them
        # typing.TypedDict needs the same substitution pydantic asks for before Python 3.12.
        function.__annotations__ = {
            k: compatible(v) for k, v in __import__("typing").get_type_hints(function).items()
        }
        expected = TypeAdapter(function).json_schema()
        assert _without_docstring_text(
            tool["inputSchema"], docstring_text.get(tool["name"], {})
        ) == (expected), tool["name"]
        checked += 1
    assert checked == 11


CALLS: list[tuple[str, dict[str, Any], Any]] = [
    ("add", {"a": 40}, {"result": 42}),
    ("centroid", {"points": [{"x": 0, "y": 0}, {"x": 2, "y": 4}]}, {"x": 1.0, "y": 2.0}),
    # Values sent as their JSON text (models and clients do) are read as those values.
    ("add", {"a": "40"}, {"result": 42}),
    ("centroid", {"points": '[{"x": 0, "y": 0}, {"x": 2, "y": 4}]'}, {"x": 1.0, "y": 2.0}),
    (
        "when",
        {
            "day": "2026-01-02",
            "moment": "2026-01-02T03:04:05Z",
            "clock": "10:11:12",
            "ident": "12345678-1234-5678-1234-567812345678",
            "amount": "1.50",
            "where": "/a/b",
        },
        {
            "result": "2026-01-02|2026-01-02T03:04:05+00:00|10:11:12|"
            "12345678-1234-5678-1234-567812345678|1.50|/a/b"
        },
    ),
    ("area", {"box": {"width": 3, "height": 4}}, {"width": 12, "height": 1, "tags": ["area"]}),
    (
        "greet",
        {
            "person": {
                "name": "Ann",
                "age": 30,
                "address": {"street": "s", "city": "Oslo"},
                "friends": [{"name": "Bo", "age": 3}],
            },
            "greeting": "Hi",
        },
        {"result": "Hi, Ann from Oslo with 1 friends"},
    ),
    ("slow_double", {"value": 21}, {"result": 42}),
    (
        "collections",
        {"items": [3, 1], "mapping": {"a": 1.5}, "pair": [1, "x"], "unique": ["b", "a"]},
        {"items": [1, 3], "mapping": {"a": 1.5}, "pair": [1, "x"], "unique": ["a", "b"]},
    ),
    (
        "describe",
        {"text": "t", "ratio": 0.5, "flag": True, "color": "green", "either": "s"},
        {
            "text": "t",
            "ratio": 0.5,
            "flag": True,
            "nothing": None,
            "maybe": None,
            "either": "s",
            "mode": "fast",
            "color": "green",
        },
    ),
    ("loose", {"value": "ab"}, None),
]


async def _exercise(client: Client, era: str) -> None:
    listed = await client.list_tools()
    wire = listed.model_dump(mode="json", by_alias=True, exclude_none=True)
    assert_valid_tools_list(wire, "2025-11-25" if era == "legacy" else era)
    assert len(listed.tools) == 13
    for name, arguments, structured in CALLS:
        result = await client.call_tool(name, arguments)
        assert not result.is_error, (name, result.content)
        assert result.structured_content == structured, name
    loose = await client.call_tool("loose", {"value": "ab"})
    assert loose.content == [types.TextContent(type="text", text="abab")]
    failed = await client.call_tool("fail", {"message": "no luck"})
    assert failed.is_error
    assert failed.content == [types.TextContent(type="text", text="ValueError: no luck")]
    bad = await client.call_tool("greet", {"person": {"name": "Ann", "age": 200}})
    assert bad.is_error
    assert "person/age: 200 is greater than the maximum of 150" in bad.content[0].text  # type: ignore[union-attr]
    nothing = await client.call_tool("nothing", {})
    assert (nothing.is_error, nothing.content) == (False, [])
    pixel = await client.call_tool("pixel", {})
    image = pixel.content[0]
    assert isinstance(image, types.ImageContent) and image.mime_type == "image/png"
    assert base64.b64decode(image.data).startswith(b"\x89PNG")
    blob = await client.call_tool("blob", {})
    resource = blob.content[0]
    assert isinstance(resource, types.EmbeddedResource)
    assert isinstance(resource.resource, types.BlobResourceContents)
    assert base64.b64decode(resource.resource.blob) == b"\x00\x01binary"


@pytest.mark.parametrize("era", ERAS)
def test_stdio(project: tuple[Path, str, list[str]], era: str) -> None:
    root, package, _ = project

    async def run() -> None:
        from mcp import StdioServerParameters

        params = StdioServerParameters(command=sys.executable, args=["-m", package], env=_env(root))
        async with Client(params, mode=era) as client:  # type: ignore[arg-type]
            await _exercise(client, era)

    anyio.run(run)


@pytest.mark.parametrize("era", ERAS)
def test_http(project: tuple[Path, str, list[str]], era: str) -> None:
    root, package, _ = project
    with http_server(root, package, env={**os.environ, **_env(root)}) as url:

        async def run() -> None:
            async with Client(url, mode=era) as client:  # type: ignore[arg-type]
                await _exercise(client, era)

        anyio.run(run)


def test_debug_flag_adds_tracebacks(project: tuple[Path, str, list[str]]) -> None:
    root, package, _ = project

    async def run() -> types.CallToolResult:
        from mcp import StdioServerParameters

        params = StdioServerParameters(
            command=sys.executable, args=["-m", package, "--debug"], env=_env(root)
        )
        async with Client(params) as client:
            return await client.call_tool("fail", {"message": "deep"})

    result = anyio.run(run)
    text = result.content[0].text  # type: ignore[union-attr]
    assert text.startswith("ValueError: deep\nTraceback (most recent call last):")
    assert 'typed_tools.py", line' in text


def test_generated_code_is_clean(project: tuple[Path, str, list[str]]) -> None:
    root, package, _ = project
    ruff = shutil.which("ruff") or str(Path(sys.executable).with_name("ruff"))
    lint = subprocess.run(
        [ruff, "check", "--no-cache", "--isolated", str(root)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert lint.returncode == 0, lint.stdout
    typed = mypy_strict(root / package, cwd=root)
    assert typed.returncode == 0, typed.stdout
    readme = (root / "README.md").read_text(encoding="utf-8")
    assert "| `add` | add(a: int, b: int = 2) -\\> int | Add two integers. |" in readme


@pytest.mark.parametrize(
    ("target", "calls"),
    [
        (
            "humanize.number",
            [
                ("intcomma", {"value": 1234567}, "1,234,567"),
                ("ordinal", {"value": 3}, "3rd"),
                ("intword", {"value": 1200000}, "1.2 million"),
            ],
        ),
        ("humanize.filesize", [("naturalsize", {"value": 3000000}, "3.0 MB")]),
        (
            "slugify.slugify",
            [
                ("slugify", {"text": "Héllo, Wörld & Friends!"}, "hello-world-friends"),
                ("smart_truncate", {"string": "one two three", "max_length": 7}, "one two"),
            ],
        ),
    ],
)
def test_real_third_party_modules(
    tmp_path: Path, target: str, calls: list[tuple[str, dict[str, Any], str]]
) -> None:
    contents, built, _ = generate_functions_server(target)
    assert built.tools, target
    write_tree(tmp_path, contents)

    async def run() -> list[types.CallToolResult]:
        from mcp import StdioServerParameters

        params = StdioServerParameters(
            command=sys.executable, args=["-m", built.package], env={"PYTHONPATH": str(tmp_path)}
        )
        async with Client(params) as client:
            listed = await client.list_tools()
            assert_valid_tools_list(
                listed.model_dump(mode="json", by_alias=True, exclude_none=True), "2026-07-28"
            )
            return [await client.call_tool(name, args) for name, args, _ in calls]

    for (name, _, expected), result in zip(calls, anyio.run(run), strict=True):
        assert not result.is_error, (name, result.content)
        assert result.content[0].text == expected, name  # type: ignore[union-attr]


def test_bad_targets(tmp_path: Path) -> None:
    runner = CliRunner()
    broken = tmp_path / "broken.py"
    broken.write_text("import os\n\nraise RuntimeError('nope')\n")
    result = runner.invoke(
        main, ["server", "--functions", str(broken), "--out", str(tmp_path / "o")]
    )
    assert result.exit_code == 2
    assert result.output == (
        f"mcpgen: {broken}:3: error E-INPUT: cannot import: RuntimeError: nope\n"
    )
    missing = runner.invoke(main, ["server", "--functions", "no_such_module_here"])
    assert missing.exit_code == 2
    assert "cannot import: ModuleNotFoundError" in missing.output
    unknown = runner.invoke(main, ["server", "--functions", str(MODULE_FILE), "--select", "nope"])
    assert unknown.exit_code == 2
    assert "--select 'nope': no such function in the module" in unknown.output
    both = runner.invoke(main, ["server", "--functions", "x", "--openapi", "y"])
    assert both.exit_code == 2 and "exactly one of --openapi and --functions" in both.output
    assert not (tmp_path / "o").exists()


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["math"], "no Python functions to expose; its {n} public callables are built-in"),
        (["math", "--select", "sqrt"], "--select 'sqrt': a built-in function (written in C)"),
        (["random", "--select", "randint"], "--select 'randint': a method of an object"),
        (
            ["string", "--select", "ascii_letters"],
            "--select 'ascii_letters': not a function but a str",
        ),
        (["json", "--select", "JSONDecoder"], "--select 'JSONDecoder': a class, not a function"),
        (["borrowed.py"], "no functions of its own to expose; its 2 public functions are imported"),
    ],
)
def test_what_is_no_function_says_what_it_is(tmp_path: Path, args: list[str], said: str) -> None:
    """A module whose callables are built-in functions (``math``), methods of an object
    (``random.randint``) or functions imported from elsewhere, and a selected name that is
    no function, say what they are and what to do instead."""
    (tmp_path / "borrowed.py").write_text("from os.path import basename, join\n")
    args = [str(tmp_path / a) if a.endswith(".py") else a for a in args]
    result = CliRunner().invoke(
        main, ["server", "--functions", *args, "--out", str(tmp_path / "o")]
    )
    assert result.exit_code == 2
    # {n}: how many the module has (which depends on the version installed).
    pattern = re.escape(": error E-INPUT: " + said).replace(re.escape("{n}"), "[0-9]+")
    assert re.search(pattern, result.output), result.output
    assert not (tmp_path / "o").exists()


def test_a_packages_api_written_in_its_submodules_is_its_own(tmp_path: Path) -> None:
    """A package without ``__all__`` whose ``__init__`` imports its API from its own
    submodules (as ``slugify`` and ``toml`` do) exposes those functions, and not what it
    imports from elsewhere."""
    package = tmp_path / "textkit"
    package.mkdir()
    (package / "__init__.py").write_text(
        '"""Text tools."""\n\nfrom os.path import basename\n\n'
        "from ._core import shout\nfrom .extra import whisper\n"
    )
    (package / "_core.py").write_text("def shout(text: str) -> str:\n    return text.upper()\n")
    (package / "extra.py").write_text("def whisper(text: str) -> str:\n    return text.lower()\n")
    sys.path.insert(0, str(tmp_path))
    try:
        _, project, _ = generate_functions_server("textkit")
    finally:
        sys.path.remove(str(tmp_path))
        for name in [n for n in sys.modules if n == "textkit" or n.startswith("textkit.")]:
            del sys.modules[name]
    assert [t.name for t in project.tools] == ["shout", "whisper"]


def test_select_and_all(tmp_path: Path) -> None:
    module = tmp_path / "picked.py"
    module.write_text(
        '__all__ = ["one", "Thing"]\n\n\nclass Thing:\n    pass\n\n\n'
        "def one(x: int) -> int:\n    return x\n\n\ndef two(y: str) -> str:\n    return y\n"
    )
    _, chosen, diagnostics = generate_functions_server(str(module))
    assert [t.name for t in chosen.tools] == ["one"]
    assert [d.code for d in diagnostics] == ["W-FUNC-NOT-FUNCTION"]
    _, selected, _ = generate_functions_server(str(module), select=["two"])
    assert [t.name for t in selected.tools] == ["two"]
