"""Every document of the real-world corpus generates a server that imports, starts and lists
its tools, valid against the bundled MCP schema of both protocol eras."""

from __future__ import annotations

import json
import re
from pathlib import Path

import anyio
import pytest
from mcpgen.openapi.build import ServerOptions, tools_mode
from mcpgen.openapi.generate import generate_server
from mcpgen.openapi.operations import Filters
from mcpgen.pipeline import write_tree

from .corpus import CORPUS_SOURCE, corpus, manifest_ids
from .server_support import assert_valid_tools_list, import_package, in_process

pytestmark = pytest.mark.skipif(
    not CORPUS_SOURCE.is_dir(), reason="the shared corpus is not beside the project"
)
TOOL_NAME = re.compile(r"^[A-Za-z0-9_-]{1,64}$")


def document_bytes(path: Path, doc_id: str) -> int:
    """The document's size; a multi-file document's folder counts whole."""
    folder = next((p for p in path.parents if p.name == doc_id), None)
    if folder is None:
        return path.stat().st_size
    return sum(f.stat().st_size for f in folder.rglob("*") if f.suffix in (".yaml", ".json"))


@pytest.mark.parametrize("doc_id", manifest_ids())
def test_corpus_document(doc_id: str, tmp_path: Path) -> None:
    document = corpus()[doc_id]
    name = "corpus_" + re.sub(r"\W", "_", doc_id)
    options = ServerOptions(
        name=name, filters=Filters(include_deprecated=True), tools_mode="operations"
    )
    contents, project, diagnostics = generate_server(str(document.path), options)
    # Nothing is lost silently: every operation is a tool or a skip with a reason.
    assert len(project.tools) + len(project.skipped) == document.operations
    skips = [d for d in diagnostics if d.code == "W-SKIP"]
    assert len(skips) == len(project.skipped)
    assert all(TOOL_NAME.match(t.name) for t in project.tools)
    assert len({t.name for t in project.tools}) == len(project.tools)
    write_tree(tmp_path, contents)
    server = import_package(tmp_path, project.package)

    async def listed() -> dict[str, object]:
        async with in_process(server, "http://127.0.0.1:9") as client:
            result = await client.list_tools()
        return result.model_dump(mode="json", by_alias=True, exclude_none=True)

    wire = anyio.run(listed)
    assert [t["name"] for t in wire["tools"]] == [t.name for t in project.tools]  # type: ignore[attr-defined, union-attr]
    assert_valid_tools_list(wire, "2025-11-25")
    assert_valid_tools_list(wire, "2026-07-28")
    data = json.loads(contents[next(p for p in contents if p.name == "operations.json")])
    assert len(data["tools"]) == len(project.tools)
    # Data files are of the order of the document, however much its schemas are shared.
    size = sum(
        len(text if isinstance(text, bytes) else text.encode())
        for p, text in contents.items()
        if p.suffix == ".json"
    )
    assert size <= 3 * document_bytes(document.path, doc_id) + 50_000
    # Every wire schema stays within the budget.
    for tool in wire["tools"]:  # type: ignore[union-attr]
        for key in ("inputSchema", "outputSchema"):
            if key in tool:
                text = json.dumps(tool[key], ensure_ascii=False, separators=(",", ":"))
                assert len(text.encode()) <= project.schema_budget, (tool["name"], key)
    # What auto chooses keeps the default tools/list small for any API.
    mode, _ = tools_mode(project, "auto")
    assert mode == (
        "operations"
        if len(wire["tools"]) <= 40 and len(json.dumps(wire)) <= 100_000
        else "discovery"
    )
