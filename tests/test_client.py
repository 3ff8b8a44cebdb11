"""Typed clients generated for mcpgen's servers and for a hand-written SDK server."""

from __future__ import annotations

import importlib
import os
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
from .test_models_cli import mypy_strict
from .upstream_app import Reply, Upstream, free_port, serve, wait_for_port

HANDWRITTEN = ROOT / "tests" / "cases" / "clients" / "handwritten.py"
FUNCTIONS = ROOT / "tests" / "cases" / "functions" / "typed_tools.py"


def mcpgen(*args: str) -> None:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output


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
    for package in ("hw_client", "typed_client", "pets_client"):
        typed = mypy_strict(clients / package, cwd=clients)
        assert typed.returncode == 0, typed.stdout


async def _use_handwritten(client: Any, models: ModuleType) -> None:
    weather = await client.weather(city="Oslo")
    assert isinstance(weather, models.WeatherOutput)
    assert (weather.city, weather.celsius, weather.sunny) == ("Oslo", 21.5, True)
    fahrenheit = await client.weather(city="Oslo", units=models.Units.f)
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


def test_functions_server_through_its_client(clients: Path, typed_server: tuple[Path, str]) -> None:
    package = load_client(clients, "typed_client")
    models = package.models
    root, server_package = typed_server
    env = {"PYTHONPATH": os.pathsep.join([str(root), str(FUNCTIONS.parent)])}

    async def run() -> None:
        client = package.TypedClient.stdio(sys.executable, "-m", server_package, env=env)
        async with client:
            assert await client.add(a=40) == 42
            point = await client.centroid(
                points=[models.CentroidInputPoint(x=0, y=0), models.CentroidInputPoint(x=2, y=4)]
            )
            assert isinstance(point, models.CentroidOutput) and (point.x, point.y) == (1.0, 2.0)
            person = models.GreetInputPerson(name="Ann", age=30)
            assert await client.greet(person=person) == "Hello, Ann from nowhere with 0 friends"
            box = await client.area(box=models.AreaInputBox(width=3, height=4))
            assert (box.width, box.tags) == (12, ["area"])
            assert await client.slow_double(value=4) == 8
            with pytest.raises(package.ToolError) as failure:
                await client.fail(message="boom")
            assert (failure.value.tool, failure.value.text) == ("fail", "ValueError: boom")
            image = await client.pixel()
            assert image[0].type == "image"
            with pytest.raises(Exception, match="less than or equal to 150"):
                await client.greet(person={"name": "Old", "age": 151})

    anyio.run(run)


def test_openapi_server_through_its_client(clients: Path, tmp_path: Path) -> None:
    package = load_client(clients, "pets_client")
    server_package = generate(ROOT / "spec/openapi/petstore.yaml", tmp_path)
    upstream = Upstream()
    pet = {"id": 1, "name": "Rex", "status": "sold", "tag": None}
    upstream.routes["GET /pets"] = Reply(200, [pet])
    upstream.routes["GET /pets/1"] = Reply(200, pet)
    upstream.routes["POST /pets"] = Reply(201, {**pet, "id": 2})
    upstream.routes["DELETE /pets/1"] = Reply(204, b"", "")
    upstream.routes["GET /store/inventory"] = Reply(200, {"sold": 3})
    with (
        serve(upstream) as url,
        http_server(
            tmp_path, server_package, "--base-url", url, env={"PETSTORE_API_KEY": "k"}
        ) as mcp_url,
    ):

        async def run() -> None:
            async with package.PetstoreClient.http(mcp_url) as client:
                pets = await client.list_pets(limit=5)
                assert [p.name for p in pets] == ["Rex"]
                one = await client.get_pet(pet_id=1)
                assert (one.id, one.name) == (1, "Rex")
                created = await client.create_pet(name="Rex")
                assert created.id == 2
                assert (await client.get_inventory()).root == {"sold": 3}
                deleted = await client.delete_pet(pet_id=1)
                assert deleted[0].text == "HTTP 204 (no content)"

        anyio.run(run)
    assert upstream.requests[0].query == "limit=5"
    assert upstream.requests[2].json() == {"name": "Rex"}


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
    assert mypy_strict(good, cwd=tmp_path, env=env).returncode == 0
    result = mypy_strict(bad, cwd=tmp_path, env=env)
    assert result.returncode == 1
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
