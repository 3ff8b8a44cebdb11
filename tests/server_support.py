"""Helpers for tests of generated servers: generate, import, run over stdio or HTTP."""

from __future__ import annotations

import contextlib
import importlib
import json
import os
import subprocess
import sys
from collections.abc import AsyncIterator, Iterator
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

import jsonschema
import pytest
from mcp import Client, StdioServerParameters
from mcpgen.openapi.build import ServerOptions
from mcpgen.openapi.generate import generate_server
from mcpgen.pipeline import write_tree

from .upstream_app import free_port, wait_for_port

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "tests" / "cases" / "openapi"
ERAS = ("legacy", "2026-07-28")


def _semantic_here() -> bool:
    """Whether this machine is one where generated servers (and the test extras) install
    the hybrid search's model: where ``wordllama`` has wheels."""
    from mcpgen.openapi.generate import SEMANTIC_DEPENDENCIES
    from packaging.requirements import Requirement

    marker = Requirement(SEMANTIC_DEPENDENCIES[0]).marker
    return marker is None or marker.evaluate()


needs_semantic = pytest.mark.skipif(
    not _semantic_here(), reason="wordllama has no wheel for this platform (search is lexical)"
)
"""The client's connect modes: the initialize handshake (2025-11-25) and stateless discover."""


def generate(document: Path | str, out: Path, **options: Any) -> str:
    """Generate a server project into ``out``; returns its package name."""
    contents, project, _ = generate_server(str(document), ServerOptions(**options))
    write_tree(out, contents)
    return project.package


def import_package(root: Path, package: str) -> ModuleType:
    """Import a generated package's server module from ``root``; a package of the same
    name imported earlier from elsewhere (another test's project) is forgotten first."""
    cached = sys.modules.get(package)
    where = getattr(cached, "__file__", None) or ""
    if cached is not None and not Path(where).resolve().is_relative_to(root.resolve()):
        for name in [n for n in sys.modules if n == package or n.startswith(package + ".")]:
            del sys.modules[name]
    if str(root) in sys.path:
        sys.path.remove(str(root))
    sys.path.insert(0, str(root))
    importlib.invalidate_caches()
    return importlib.import_module(f"{package}.server")


def stdio_client(
    root: Path, package: str, *args: str, env: dict[str, str] | None = None, mode: str = "auto"
) -> Client:
    params = StdioServerParameters(
        command=sys.executable,
        args=["-m", package, *args],
        env={"PYTHONPATH": str(root), **(env or {})},
    )
    return Client(params, mode=mode)  # type: ignore[arg-type]


@contextlib.contextmanager
def http_server(
    root: Path, package: str, *args: str, env: dict[str, str] | None = None
) -> Iterator[str]:
    """Run ``python -m package --transport http`` on a free port; yields the MCP URL."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", package, "--transport", "http", "--port", str(port), *args],
        env={**os.environ, "PYTHONPATH": str(root), **(env or {})},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        try:
            wait_for_port(port)
        except RuntimeError:
            process.kill()
            _, err = process.communicate()
            raise RuntimeError(err.decode(errors="replace")) from None
        yield f"http://127.0.0.1:{port}/mcp"
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
        if process.stderr:
            process.stderr.close()


@contextlib.asynccontextmanager
async def in_process(
    server_module: ModuleType, base_url: str, timeout: float = 5.0, mode: str = "auto"
) -> AsyncIterator[Client]:
    backend = importlib.import_module(server_module.__package__ + ".upstream")
    spec = server_module.load_spec()
    upstream = backend.Upstream(spec, base_url, timeout)
    try:
        async with Client(server_module.build_server(spec, upstream), mode=mode) as client:  # type: ignore[arg-type]
            yield client
    finally:
        await upstream.aclose()


@cache
def _mcp_schema(version: str) -> dict[str, Any]:
    path = ROOT / "spec" / "mcp" / version / "schema.json"
    schema: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return schema


def assert_valid_tools_list(result: dict[str, Any], version: str) -> None:
    """``result`` (wire JSON of a tools/list result) validates against the bundled MCP schema."""
    schema = _mcp_schema(version)
    defs = "$defs" if "$defs" in schema else "definitions"
    wrapper = {**schema, "$ref": f"#/{defs}/ListToolsResult"}
    cls = jsonschema.validators.validator_for(schema)
    errors = sorted(cls(wrapper).iter_errors(result), key=lambda e: list(e.path))
    assert not errors, f"{version}: " + "; ".join(e.message[:200] for e in errors[:5])
