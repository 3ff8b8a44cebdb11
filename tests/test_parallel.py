"""``search.json`` of a large API made by two processes (``mcpgen.parallel``): the same
bytes as one process makes, a copy that fails costs only time, and nothing forks but the
command line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from mcpgen import parallel
from mcpgen.openapi.generate import BESIDE_AT

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux") or parallel.cores() < 2,
    reason="the work is shared only on Linux with two cores",
)

THINGS = ["invoice", "customer", "refund", "webhook", "cluster", "mailbox", "folder", "badge"]


def _document(path: Path, operations: int) -> Path:
    """An API of ``operations`` operations, with words, tags, arguments and choices that
    every part of a search entry is made of."""
    paths: dict[str, Any] = {}
    for number in range(operations):
        thing = THINGS[number % len(THINGS)]
        paths[f"/{thing}s{number}/{{id}}/state"] = {
            "get": {
                "operationId": f"get{thing.title()}State{number}",
                "summary": f"Show the state of a {thing} <b>number</b> {number}",
                "description": f"Reads one {thing}. The GET request returns its &amp; state.",
                "tags": [thing],
                "parameters": [
                    {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}},
                    {
                        "name": "view",
                        "in": "query",
                        "schema": {"type": "string", "enum": ["full", "brief", "archived"]},
                    },
                ],
                "responses": {
                    "200": {
                        "description": "ok",
                        "content": {
                            "application/json": {
                                "schema": {"$ref": f"#/components/schemas/State{number % 7}"}
                            }
                        },
                    }
                },
            }
        }
    schemas = {
        f"State{k}": {"type": "object", "description": f"The state, kind {k}. More words."}
        for k in range(7)
    }
    document = {
        "openapi": "3.0.3",
        "info": {"title": "Many things", "version": "1"},
        "paths": paths,
        "components": {"schemas": schemas},
    }
    path.write_text(json.dumps(document))
    return path


_MADE = """
import json, sys
from mcpgen import parallel
from mcpgen.openapi import generate
from mcpgen.openapi.build import ServerOptions, build_project
from mcpgen.openapi.document import DocumentSet
from mcpgen.serverproject import data_bytes

if sys.argv[2] == "fork":
    parallel.allow()
elif sys.argv[2] in ("failing", "odd"):
    parallel.allow()
    entries = generate.SearchJson.entries
    parent = __import__("os").getpid()

    def failing(self, start, stop):
        if __import__("os").getpid() != parent:
            if sys.argv[2] == "odd":
                return {"operations": [], "terms": None}
            raise RuntimeError("the copy fails")
        return entries(self, start, stop)

    generate.SearchJson.entries = failing
project, _ = build_project(DocumentSet(sys.argv[1]), ServerOptions(tools_mode="discovery"))
search = generate.SearchJson(project)
forked = search.copy is not None
sys.stdout.buffer.write(json.dumps(forked).encode() + b"\\n" + data_bytes(search.finish()))
"""


def _made(document: Path, how: str) -> tuple[bool, bytes]:
    done = subprocess.run(
        [sys.executable, "-c", _MADE, str(document), how],
        check=True,
        capture_output=True,
        timeout=120,
    )
    forked, made = done.stdout.split(b"\n", 1)
    return json.loads(forked), made


def test_a_large_apis_search_json_is_made_by_two_processes_as_by_one(tmp_path: Path) -> None:
    document = _document(tmp_path / "many.json", BESIDE_AT + 37)
    forked, shared = _made(document, "fork")
    alone, made_alone = _made(document, "library")
    assert forked and not alone
    assert shared == made_alone
    search = json.loads(shared)
    assert len(search["operations"]) == BESIDE_AT + 37
    # Entries of both processes' shares, in the document's order.
    assert [op["path"] for op in search["operations"]][-2:] == [
        f"/{THINGS[(BESIDE_AT + n) % len(THINGS)]}s{BESIDE_AT + n}/{{id}}/state" for n in (35, 36)
    ]
    assert all(search["terms"]) and all(search["more"])


@pytest.mark.parametrize("how", ["failing", "odd"])
def test_a_copy_that_fails_costs_time_not_the_result(tmp_path: Path, how: str) -> None:
    """A copy that raises, or that answers with something else than its share of the
    entries, leaves the share to the process."""
    document = _document(tmp_path / "many.json", BESIDE_AT + 5)
    forked, failed = _made(document, how)
    assert forked
    assert failed == _made(document, "library")[1]


def test_a_small_api_and_a_library_caller_do_not_fork(tmp_path: Path) -> None:
    assert not _made(_document(tmp_path / "few.json", BESIDE_AT - 1), "fork")[0]
    assert not parallel.available(), "only the command line allows a fork"
    assert parallel.beside(lambda: 1) is None


_CANCELLED = """
import os, time
from mcpgen import parallel
parallel.allow()
copy = parallel.beside(lambda: time.sleep(60))
assert copy is not None
copy.cancel()
try:
    os.waitpid(copy.pid, os.WNOHANG)
except ChildProcessError:
    print("reaped")
copy = parallel.beside(lambda: {"a": [1, None, "b"]})
print(copy.result(), copy.result())
"""


_THREADED = """
import threading, time
from mcpgen import parallel
parallel.allow()
alone = parallel.available()
stop = threading.Event()
worker = threading.Thread(target=stop.wait)
worker.start()
try:
    print(alone, parallel.available(), parallel.beside(lambda: 1) is None)
finally:
    stop.set()
    worker.join()
"""


def test_no_fork_while_another_thread_runs() -> None:
    """A fork copies one thread, not the locks another may hold: with a second thread
    running, the work stays in the process."""
    done = subprocess.run(
        [sys.executable, "-c", _THREADED], check=True, capture_output=True, text=True, timeout=30
    )
    assert done.stdout.split() == ["True", "False", "True"]


def test_a_cancelled_copy_is_stopped_and_reaped() -> None:
    done = subprocess.run(
        [sys.executable, "-c", _CANCELLED], check=True, capture_output=True, text=True, timeout=30
    )
    assert done.stdout.split("\n")[:2] == ["reaped", "{'a': [1, None, 'b']} None"]


def test_the_command_line_makes_what_a_library_caller_makes(tmp_path: Path) -> None:
    document = _document(tmp_path / "many.json", BESIDE_AT + 1)
    out = tmp_path / "out"
    command = [sys.executable, "-m", "mcpgen", "server", "--openapi", str(document)]
    subprocess.run(
        [*command, "--out", str(out), "--name", "many", "--quiet"],
        check=True,
        capture_output=True,
        timeout=120,
    )
    assert (out / "many" / "search.json").read_bytes() == _made(document, "library")[1]
