"""Typed clients generated for mcpgen's servers and for a hand-written SDK server."""

from __future__ import annotations

import importlib
import os
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
from mcpgen.cli import main

from .server_support import ERAS, ROOT, generate, http_server
from .upstream_app import Reply, Upstream, free_port, serve, wait_for_port

HANDWRITTEN = ROOT / "tests" / "cases" / "clients" / "handwritten.py"
# ruff's default rules and more, at black's line length.
RUFF_RULES = ["--extend-select", "E,F,W,I,UP,B,PLE", "--ignore", "E501", "--line-length", "100"]
FUNCTIONS = ROOT / "tests" / "cases" / "functions" / "typed_tools.py"


def mcpgen(*args: str) -> None:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output


def check_packages(root: Path, *targets: str) -> None:
    """ruff (more rules than its defaults) and mypy --strict, one run each over everything."""
    ruff = shutil.which("ruff") or str(Path(sys.executable).with_name("ruff"))
    command = [ruff, "check", "--no-cache", "--isolated", *RUFF_RULES, *targets]
    linted = subprocess.run(command, capture_output=True, text=True, cwd=root, check=False)
    assert linted.returncode == 0, linted.stdout
    typed = mypy_strict_all(root, *targets)
    assert typed.returncode == 0, typed.stdout


def mypy_strict_all(
    cwd: Path, *targets: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """One ``mypy --strict`` run over several files or packages (without a cache it is slow)."""
    command = [sys.executable, "-m", "mypy", "--strict", "--no-incremental"]
    command += ["--cache-dir", os.devnull, *targets]
    return subprocess.run(command, capture_output=True, text=True, cwd=cwd, env=env, check=False)


def load_client(root: Path, package: str) -> ModuleType:
    if str(root) not in sys.path:
        sys.path.insert(0, str(root))
    importlib.invalidate_caches()
    return importlib.import_module(package)


@pytest.fixture(scope="module")
def clients(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("clients")
    mcpgen(
        "client", "--server", f"{sys.executable} {HANDWRITTEN}", "--out", str(root / "hw_client")
    )
    mcpgen(
        "client",
        "--functions",
        str(FUNCTIONS),
        "--name",
        "typed",
        "--out",
        str(root / "typed_client"),
    )
    mcpgen(
        "client",
        "--openapi",
        str(ROOT / "spec/openapi/petstore.yaml"),
        "--out",
        str(root / "pets_client"),
    )
    return root


@pytest.fixture(scope="module")
def handwritten_http() -> Iterator[str]:
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, str(HANDWRITTEN), "http", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for_port(port)
        yield f"http://127.0.0.1:{port}/mcp"
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_generated_clients_pass_ruff_and_mypy(clients: Path) -> None:
    check_packages(clients, "hw_client", "typed_client", "pets_client")


async def _use_handwritten(client: Any, models: ModuleType) -> None:
    weather = await client.weather(city="Oslo")
    assert isinstance(weather, models.WeatherOutput)
    assert (weather.city, weather.celsius, weather.sunny) == ("Oslo", 21.5, True)
    fahrenheit = await client.weather(city="Oslo", units="f")
    assert fahrenheit.celsius == 70.7
    assert await client.repeat(text="ab") == "abab"
    assert await client.repeat(text="ab", times=3) == "ababab"
    assert await client.notes() is None


def test_handwritten_server_over_stdio(clients: Path) -> None:
    package = load_client(clients, "hw_client")

    async def run() -> None:
        async with package.HandwrittenClient.stdio(sys.executable, str(HANDWRITTEN)) as client:
            await _use_handwritten(client, package.models)

    anyio.run(run)


@pytest.mark.parametrize("era", ERAS)
def test_handwritten_server_over_http(clients: Path, handwritten_http: str, era: str) -> None:
    package = load_client(clients, "hw_client")

    async def run() -> str:
        async with package.HandwrittenClient.http(handwritten_http, mode=era) as client:
            await _use_handwritten(client, package.models)
            return str(client.session.session.protocol_version)

    assert anyio.run(run) == ("2025-11-25" if era == "legacy" else era)


def test_sync_facade(clients: Path) -> None:
    package = load_client(clients, "hw_client")
    with package.HandwrittenClientSync.stdio(sys.executable, str(HANDWRITTEN)) as client:
        assert client.repeat(text="x", times=4) == "xxxx"
        assert client.weather(city="Rome").city == "Rome"


@pytest.fixture(scope="module")
def typed_server(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    root = tmp_path_factory.mktemp("typed-server")
    from mcpgen.functions.generate import generate_functions_server
    from mcpgen.pipeline import write_tree

    contents, project, _ = generate_functions_server(str(FUNCTIONS))
    write_tree(root, contents)
    return root, project.package


async def _every_typed_tool(client: Any, package: ModuleType) -> None:
    models = package.models
    assert await client.add(a=40) == 42
    assert await client.add(a=40, b=1) == 41
    described = await client.describe(text="t", ratio=0.5, flag=True, mode="slow")
    assert (described.model_extra or {})["mode"] == "slow"
    listed = await client.collections(items=[2, 1], mapping={"a": 1.0}, pair=(1, "x"), unique=["b"])
    assert (listed.model_extra or {})["items"] == [1, 2]
    when = await client.when(
        day="2026-01-02",
        moment="2026-01-02T03:04:05Z",
        clock="10:11:12",
        ident="12345678-1234-5678-1234-567812345678",
        amount="1.5",
        where="/a",
    )
    assert when.startswith("2026-01-02|2026-01-02T03:04:05+00:00|10:11:12|")
    point = await client.centroid(
        points=[models.CentroidInputPoint(x=0, y=0), models.CentroidInputPoint(x=2, y=4)]
    )
    assert isinstance(point, models.CentroidOutput) and (point.x, point.y) == (1.0, 2.0)
    box = await client.area(box=models.AreaInputBox(width=3, height=4))
    assert (box.width, box.tags) == (12, ["area"])
    person = models.GreetInputPerson(name="Ann", age=30)
    assert await client.greet(person=person) == "Hello, Ann from nowhere with 0 friends"
    assert await client.slow_double(value=4) == 8
    with pytest.raises(package.ToolError) as failure:
        await client.fail(message="boom")
    assert (failure.value.tool, failure.value.text) == ("fail", "ValueError: boom")
    assert await client.nothing() == []
    assert (await client.pixel())[0].type == "image"
    assert (await client.blob())[0].type == "resource"
    assert (await client.loose(value="ab"))[0].text == "abab"
    with pytest.raises(Exception, match="less than or equal to 150"):
        await client.greet(person={"name": "Old", "age": 151})


@pytest.mark.parametrize("transport", ["stdio", "http"])
def test_every_tool_of_a_functions_server_through_its_client(
    clients: Path, typed_server: tuple[Path, str], transport: str
) -> None:
    package = load_client(clients, "typed_client")
    root, server_package = typed_server
    env = {"PYTHONPATH": os.pathsep.join([str(root), str(FUNCTIONS.parent)])}

    async def run(client: Any) -> None:
        async with client:
            await _every_typed_tool(client, package)

    if transport == "stdio":
        anyio.run(run, package.TypedClient.stdio(sys.executable, "-m", server_package, env=env))
    else:
        with http_server(root, server_package, env={**os.environ, **env}) as url:
            anyio.run(run, package.TypedClient.http(url))


PET = {"id": 1, "name": "Rex", "status": "sold", "tag": None}


async def _every_petstore_tool(client: Any) -> None:
    pets = await client.list_pets(limit=5, tags=["a"])
    assert [p.name for p in pets] == ["Rex"]
    assert [p.id for p in await client.find_pets_by_status(status=["sold"])] == [1]
    one = await client.get_pet(pet_id=1)
    assert (one.id, one.name) == (1, "Rex")
    assert (await client.create_pet(name="Rex")).id == 2
    assert (await client.update_pet(pet_id=1, name="Max")).name == "Rex"
    assert (await client.delete_pet(pet_id=1))[0].text == "HTTP 204 (no content)"
    photo = await client.upload_photo(pet_id=1, file={"content": "aGk=", "encoding": "base64"})
    assert str(photo.url) == "https://example.test/p.png"
    assert (await client.get_inventory()).root == {"sold": 3}
    order = await client.place_order(pet_id=1, quantity=2)
    assert order.quantity == 2


@pytest.mark.parametrize(
    ("transport", "mode"),
    [("stdio", "operations"), ("http", "operations"), ("stdio", "discovery")],
)
def test_every_tool_of_an_openapi_server_through_its_client(
    clients: Path, tmp_path: Path, transport: str, mode: str
) -> None:
    """The client made from the document calls each operation's tool, or, on a server in
    discovery mode, the same operation through call_operation / call_write_operation."""
    package = load_client(clients, "pets_client")
    server_package = generate(ROOT / "spec/openapi/petstore.yaml", tmp_path, tools_mode=mode)
    upstream = Upstream()
    upstream.routes["GET /pets"] = Reply(200, [PET])
    upstream.routes["GET /pets/findByStatus"] = Reply(200, [PET])
    upstream.routes["GET /pets/1"] = Reply(200, PET)
    upstream.routes["PUT /pets/1"] = Reply(200, PET)
    upstream.routes["POST /pets"] = Reply(201, {**PET, "id": 2})
    upstream.routes["DELETE /pets/1"] = Reply(204, b"", "")
    upstream.routes["POST /pets/1/photos"] = Reply(200, {"url": "https://example.test/p.png"})
    upstream.routes["GET /store/inventory"] = Reply(200, {"sold": 3})
    upstream.routes["POST /store/orders"] = Reply(200, {"id": 9, "petId": 1, "quantity": 2})
    env = {"PETSTORE_API_KEY": "k", "PYTHONPATH": str(tmp_path)}

    async def run(client: Any) -> None:
        async with client:
            await _every_petstore_tool(client)

    with serve(upstream) as url:
        if transport == "stdio":
            args = ("-m", server_package, "--base-url", url)
            anyio.run(run, package.PetstoreClient.stdio(sys.executable, *args, env=env))
        else:
            with http_server(tmp_path, server_package, "--base-url", url, env=env) as mcp_url:
                anyio.run(run, package.PetstoreClient.http(mcp_url))
    assert upstream.requests[0].query == "limit=5&tags=a"
    assert [r.headers["x-api-key"] for r in upstream.requests] == ["k"] * 9
    assert upstream.requests[3].json() == {"name": "Rex", "status": "available"}


def test_mypy_sees_argument_types(clients: Path, tmp_path: Path) -> None:
    good = tmp_path / "good.py"
    good.write_text(
        "from hw_client import HandwrittenClient\n\n\n"
        "async def main() -> float:\n"
        "    async with HandwrittenClient.stdio('python', 'server.py') as client:\n"
        "        weather = await client.weather(city='Oslo')\n"
        "        text: str = await client.repeat(text='a', times=2)\n"
        "        return weather.celsius + len(text)\n"
    )
    bad = tmp_path / "bad.py"
    bad.write_text(
        "from hw_client import HandwrittenClient\n\n\n"
        "async def main() -> None:\n"
        "    async with HandwrittenClient.stdio('python', 'server.py') as client:\n"
        "        await client.repeat(text='a', times='2')\n"
        "        number: int = await client.repeat(text='a')\n"
    )
    env = {**os.environ, "MYPYPATH": str(clients)}
    # One run for both files: errors in bad.py only.
    result = mypy_strict_all(tmp_path, str(good), str(bad), env=env)
    assert result.returncode == 1
    errors = [line for line in result.stdout.splitlines() if ": error:" in line]
    assert errors and all(line.startswith("bad.py:") for line in errors), result.stdout
    assert 'Argument "times" to "repeat" of "HandwrittenClient" has incompatible type "str"; ' in (
        result.stdout
    )
    assert (
        'Incompatible types in assignment (expression has type "str", variable has type "int")'
        in (result.stdout)
    )


def test_drift_against_a_changed_server(tmp_path: Path) -> None:
    out = tmp_path / "hw"
    v1 = f"{sys.executable} {HANDWRITTEN}"
    runner = CliRunner()
    assert (
        runner.invoke(
            main, ["client", "--server", v1, "--snapshot", str(tmp_path / "t.json")]
        ).exit_code
        == 0
    )
    mcpgen("client", "--tools", str(tmp_path / "t.json"), "--out", str(out))
    same = runner.invoke(main, ["client", "--server", v1, "--out", str(out), "--check"])
    assert same.exit_code == 0, same.output
    changed = runner.invoke(
        main, ["client", "--server", f"{v1} --v2", "--out", str(out), "--check"]
    )
    assert changed.exit_code == 1
    assert changed.stdout.splitlines() == ["added: forecast", "changed input schema: repeat"]
