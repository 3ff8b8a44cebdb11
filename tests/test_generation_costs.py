"""What keeps generation cheap on large documents without changing what it makes: the
parsed document freed as soon as the build is done with it, the cyclic collector paused
only for the run, and compiled templates kept between runs without ever breaking one."""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from mcpgen.diagnostics import MCPGenError
from mcpgen.openapi.build import ServerOptions, build_project
from mcpgen.openapi.document import DocumentSet
from mcpgen.openapi.generate import generate_server

ROOT = Path(__file__).resolve().parent.parent
PETSTORE = ROOT / "spec" / "openapi" / "petstore.yaml"
KITCHEN = ROOT / "tests" / "cases" / "openapi" / "kitchen.yaml"


@pytest.mark.parametrize("document", [PETSTORE, KITCHEN], ids=["petstore", "kitchen"])
def test_the_parsed_document_goes_with_the_builder_not_with_the_collector(
    document: Path,
) -> None:
    """No reference cycle keeps the document alive after the build: with the collector
    off, as it is during generation, only this test still refers to the parsed root."""
    was = gc.isenabled()
    gc.disable()
    try:
        docs = DocumentSet(str(document))
        root = docs.root
        project, _ = build_project(docs, ServerOptions())
        assert project.tools
        del docs
        # One reference is ``root`` itself, one is getrefcount's argument.
        assert sys.getrefcount(root) == 2, [type(r).__name__ for r in gc.get_referrers(root)]
    finally:
        if was:
            gc.enable()


def test_generation_hands_the_collector_back(tmp_path: Path) -> None:
    assert gc.isenabled()
    contents, _, _ = generate_server(str(PETSTORE))
    assert contents and gc.isenabled()
    bad = tmp_path / "bad.json"
    bad.write_text('{"openapi": "3.0.3", "paths": []}')
    with pytest.raises(MCPGenError):
        generate_server(str(bad))
    assert gc.isenabled()
    gc.disable()
    try:
        generate_server(str(PETSTORE))
        assert not gc.isenabled(), "a collector the caller paused stays paused"
    finally:
        gc.enable()


_FROZEN_AFTER = """
import gc, sys
from mcpgen import collector
from mcpgen.openapi.generate import generate_server
if sys.argv[1] == "ending":
    collector.ending()
before = gc.get_freeze_count()
generate_server(sys.argv[2])
print(before, gc.get_freeze_count(), gc.isenabled())
"""


@pytest.mark.parametrize("process", ["ending", "library"])
def test_a_process_that_ends_does_not_walk_the_project_again(process: str) -> None:
    """The command line (``collector.ending``) freezes what generation made, so that the
    collector, resumed, does not walk it all once more; a library caller's objects are
    never frozen."""
    done = subprocess.run(
        [sys.executable, "-c", _FROZEN_AFTER, process, str(KITCHEN)],
        check=True,
        capture_output=True,
        text=True,
        timeout=120,
    )
    before, after, enabled = done.stdout.split()
    assert before == "0" and enabled == "True"
    if process == "ending":
        assert int(after) > 10_000, "the project's objects were not frozen"
    else:
        assert after == "0"


def _generate(tmp_path: Path, temp: Path, out: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "TMPDIR": str(temp)}
    command = [sys.executable, "-m", "mcpgen", "server", "--openapi", str(PETSTORE)]
    command += ["--out", str(tmp_path / out), "--quiet"]
    return subprocess.run(
        command, check=False, env=env, capture_output=True, text=True, timeout=120
    )


def _tree(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def test_compiled_templates_are_kept_and_a_broken_cache_only_costs_time(tmp_path: Path) -> None:
    temp = tmp_path / "tmp"
    temp.mkdir()
    first = _generate(tmp_path, temp, "first")
    assert first.returncode == 0, first.stderr
    caches = list(temp.glob("_jinja2-cache-*/*.cache"))
    assert caches, "templates were compiled but not kept"
    folder = caches[0].parent
    assert folder.stat().st_mode & 0o777 == 0o700
    # Truncated, garbage and empty files in place of the compiled templates.
    for number, cache in enumerate(caches):
        cache.write_bytes([b"", b"j2\x00garbage", cache.read_bytes()[:40]][number % 3])
    second = _generate(tmp_path, temp, "second")
    assert second.returncode == 0, second.stderr
    assert "Traceback" not in second.stderr
    assert _tree(tmp_path / "second") == _tree(tmp_path / "first")


def test_no_usable_cache_folder_only_costs_time(tmp_path: Path) -> None:
    """A temporary folder that cannot hold the cache (here a file stands where it should
    be) means compiling each time, nothing worse."""
    temp = tmp_path / "tmp"
    temp.mkdir()
    (temp / f"_jinja2-cache-{os.getuid()}").write_text("not a folder")
    done = _generate(tmp_path, temp, "out")
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert (tmp_path / "out" / "pyproject.toml").is_file()


def test_a_shared_parameter_is_converted_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A path item's parameters (and referenced ones) are the same node for each of its
    operations: converted once, with the same result and the same warnings as before."""

    shared = {"name": "q", "in": "query", "schema": {"type": "string", "pattern": "("}}
    document = {
        "openapi": "3.1.0",
        "info": {"title": "T", "version": "1"},
        "paths": {
            "/a/{id}": {
                "parameters": [
                    {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}},
                    shared,
                ],
                **{
                    method: {
                        "operationId": f"{method}A",
                        "responses": {"200": {"description": "ok"}},
                    }
                    for method in ("get", "put", "delete")
                },
            },
            "/b": {
                "get": {
                    "operationId": "getB",
                    "parameters": [{"$ref": "#/components/parameters/Q"}],
                    "responses": {"200": {"description": "ok"}},
                },
                "post": {
                    "operationId": "postB",
                    "parameters": [{"$ref": "#/components/parameters/Q"}],
                    "responses": {"200": {"description": "ok"}},
                },
            },
        },
        "components": {
            "parameters": {"Q": {"name": "q", "in": "query", "schema": {"type": "integer"}}}
        },
    }
    project, diagnostics, calls = _built_counting_parameters(tmp_path, monkeypatch, document)
    assert sorted(calls) == ["id", "q", "q"]  # /a's two once each, /b's referenced q once
    tools = {t.name: t for t in project.tools}
    assert len(tools) == 5
    for name in ("getA", "putA", "deleteA"):
        assert tools[name].input_schema["properties"]["q"] == {"type": "string"}
        assert tools[name].input_schema["properties"]["id"]["minLength"] == 1
    assert tools["getB"].input_schema["properties"]["q"] == {"type": "integer"}
    assert tools["postB"].input_schema == tools["getB"].input_schema
    patterns = [d for d in diagnostics if d.code == "W-SCHEMA-PATTERN"]
    assert (
        len(patterns) == 1
        and patterns[0].location == "/paths/~1a~1{id}/parameters/1/schema/pattern"
    )


def test_a_parameter_written_alike_in_many_places_is_converted_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Parameters repeated word for word (as Kubernetes writes every operation's ``pretty``)
    are converted once, to the same argument and schema; one whose conversion warns is
    converted at each place, so that each place has its warning."""

    pretty = {"name": "pretty", "in": "query", "type": "string", "description": "Pretty."}
    broken = {"name": "q", "in": "query", "type": "string", "pattern": "("}
    paths = {
        f"/things{i}": {
            "get": {
                "operationId": f"get{i}",
                "parameters": [dict(pretty), dict(broken)],
                "responses": {"200": {"description": "ok"}},
            }
        }
        for i in range(3)
    }
    document = {"swagger": "2.0", "info": {"title": "T", "version": "1"}, "paths": paths}
    project, diagnostics, calls = _built_counting_parameters(tmp_path, monkeypatch, document)
    assert sorted(calls) == ["pretty", "q", "q", "q"]
    schemas = [tool.input_schema["properties"]["pretty"] for tool in project.tools]
    assert schemas == [{"type": "string", "description": "Pretty."}] * 3
    patterns = sorted(d.location for d in diagnostics if d.code == "W-SCHEMA-PATTERN")
    assert patterns == [f"/paths/~1things{i}/get/parameters/1/pattern" for i in range(3)]


def _built_counting_parameters(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, document: dict[str, Any]
) -> tuple[Any, list[Any], list[str]]:
    """The project built from ``document``, its warnings, and the name of each parameter
    the builder converted, in turn."""
    from mcpgen.openapi import build

    path = tmp_path / "openapi.json"
    path.write_text(json.dumps(document))
    calls: list[str] = []
    original = build._Builder.parameter

    def counted(self: Any, node: dict[str, Any], *args: Any) -> Any:
        calls.append(node["name"])
        return original(self, node, *args)

    monkeypatch.setattr(build._Builder, "parameter", counted)
    project, diagnostics = build_project(DocumentSet(str(path)), ServerOptions())
    return project, diagnostics, calls
