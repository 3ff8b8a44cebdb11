"""The bundled petstore server against Prism, which rejects any request that violates the
document (wrong path, query serialisation, body, content type or credentials)."""

from __future__ import annotations

import base64
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import anyio
import pytest
from mcp import types

from .prism import prism_available, run_prism
from .server_support import ROOT, generate, stdio_client

PETSTORE = ROOT / "spec" / "openapi" / "petstore.yaml"

pytestmark = pytest.mark.skipif(prism_available() is not None, reason=str(prism_available()))

CALLS: list[tuple[str, dict[str, Any]]] = [
    ("listPets", {"limit": 5, "tags": ["a", "b c"]}),
    ("createPet", {"name": "Rex", "tag": None, "status": "sold"}),
    ("findPetsByStatus", {"status": ["available", "sold"]}),
    ("getPet", {"petId": 1}),
    ("updatePet", {"petId": 1, "name": "Rex II"}),
    ("deletePet", {"petId": 1}),
    (
        "uploadPhoto",
        {
            "petId": 1,
            "file": {
                "content": base64.b64encode(b"\x89PNG...").decode(),
                "encoding": "base64",
                "filename": "rex.png",
                "contentType": "image/png",
            },
            "caption": "Rex at the beach",
        },
    ),
    ("getInventory", {}),
    ("placeOrder", {"petId": 1, "quantity": 2, "shipDate": "2026-01-01T10:00:00Z"}),
]


@pytest.fixture(scope="module")
def prism() -> Iterator[str]:
    with run_prism(PETSTORE) as url:
        yield url


@pytest.fixture(scope="module")
def petstore(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    root = tmp_path_factory.mktemp("petstore")
    return root, generate(PETSTORE, root)


def _text(result: types.CallToolResult) -> str:
    return " ".join(c.text for c in result.content if isinstance(c, types.TextContent))


def test_every_tool_makes_a_request_prism_accepts(prism: str, petstore: tuple[Path, str]) -> None:
    root, package = petstore
    env = {"PETSTORE_API_KEY": "k-123"}

    async def run() -> list[tuple[str, types.CallToolResult]]:
        async with stdio_client(root, package, "--base-url", prism, env=env) as client:
            tools = {t.name for t in (await client.list_tools()).tools}
            assert tools == {name for name, _ in CALLS}
            return [(name, await client.call_tool(name, args)) for name, args in CALLS]

    for name, result in anyio.run(run):
        assert not result.is_error, f"{name}: {_text(result)}"
        if name in ("getPet", "createPet", "updatePet"):
            assert isinstance(result.structured_content, dict)
            assert {"id", "name"} <= set(result.structured_content)


def test_missing_credentials_are_reported(prism: str, petstore: tuple[Path, str]) -> None:
    root, package = petstore

    async def run() -> types.CallToolResult:
        async with stdio_client(root, package, "--base-url", prism, mode="legacy") as client:
            return await client.call_tool("getPet", {"petId": 1})

    result = anyio.run(run)
    assert result.is_error
    assert _text(result).startswith("HTTP 401")
