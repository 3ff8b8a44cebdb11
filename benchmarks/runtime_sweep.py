"""Sweep the generated servers' tools over real APIs, against an upstream that answers badly.

Run by hand::

    python benchmarks/runtime_sweep.py [--only TEXT ...] [--limit N] [--operations N]

For each document of APIs.guru's OpenAPI directory (``benchmarks/directory.py``; largest
first, ``--only`` keeps the ids containing any of the texts, ``--limit`` the N largest),
a discovery-mode server is generated, then started in a fresh process with the official
SDK client in memory. Its upstream is an HTTP server on 127.0.0.1 that answers each
method and path with one of ``RESPONSES``: JSON of every shape (object, array, string,
number, null, truncated), 204, a redirect to another host, 404, 429, 500, HTML, XML,
PNG bytes and latin-1 JSON.

For ``--operations`` operations of each API (evenly spread) it calls
``describe_operation``, ``call_operation`` or ``call_write_operation`` three times (with
the simplest arguments the input schema takes, drawn as ``prism_corpus`` draws them; with
none; with hostile strings: path traversal, NUL, 5,000 characters, a template, an encoded
dot segment, emoji) and ``search_operations`` with the operation's title. Every answer must be a result: a failure is an exception in
the client, a tool that raised ("Error executing tool", a traceback), or a
``describe_operation`` that fails for an operation the server lists.

Prints each failure, then one line per document and a summary.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.prism_corpus import draw
from benchmarks.runs import TIMEOUT

RESPONSES: list[tuple[int, str | None, bytes]] = [
    (200, "application/json", b"{}"),
    (200, "application/json", b"[]"),
    (200, "application/json", b'{"id": 1, "name": "x", "items": [{"a": null}]}'),
    (204, None, b""),
    (404, "application/json", b'{"message": "not found"}'),
    (500, "text/plain", b"boom"),
    (200, "text/html", b"<html>hi</html>"),
    (200, "image/png", b"\x89PNG\r\n\x1a\n" + bytes(range(256))),
    (200, "application/json", b'{"truncated": '),
    (200, "application/json", b'"just a string"'),
    (200, "application/json", b"12345"),
    (200, "application/json", b"null"),
    (429, "application/json", b'{"error": "slow down"}'),
    (302, None, b""),
    (200, "application/xml", b"<a><b>1</b></a>"),
    (200, "application/json; charset=latin-1", '{"n": "caf\u00e9"}'.encode("latin-1")),
]
"""What the upstream answers, one per method and path (by a hash of both)."""
HOSTILE = ["../../etc/passwd", "a/b?c=d#e", "\x00nul", "x" * 5000, "%2e%2e/", "{id}", "é漢😀"]
DRAW_SECONDS = 2.0
"""Seconds to draw one operation's arguments from its input schema (``prism_corpus.draw``)."""
FAILED = ("Traceback", "Error executing tool")
"""Text of a tool result that says the tool raised rather than answered."""


class _Upstream(BaseHTTPRequestHandler):
    def _answer(self) -> None:
        length = int(self.headers.get("content-length") or 0)
        if length:
            self.rfile.read(length)
        digest = hashlib.sha256(f"{self.command} {self.path}".encode()).digest()
        code, kind, body = RESPONSES[int.from_bytes(digest[:4], "big") % len(RESPONSES)]
        self.send_response(code)
        if kind:
            self.send_header("content-type", kind)
        if code == 302:
            self.send_header("location", "http://127.0.0.1:1/elsewhere")
        if code == 429:
            self.send_header("retry-after", "0")
        self.send_header("content-length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_HEAD = do_OPTIONS = _answer

    def log_message(self, format: str, *args: Any) -> None:
        pass


def sweep(project: Path, package: str, operations: int) -> list[str]:
    """Every failure of one generated project's tools (``sweep`` in the module doc)."""
    import anyio
    from mcp import Client

    sys.path.insert(0, str(project))
    server = __import__(f"{package}.server", fromlist=["server"])
    spec = server.load_spec(package)
    backend = server.backend_module(spec)
    upstream = ThreadingHTTPServer(("127.0.0.1", 0), _Upstream)
    threading.Thread(target=upstream.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{upstream.server_port}/base"
    args = server.parse_args(spec, backend, ["--base-url", base, "--timeout", "5"])
    failures: list[str] = []

    def check(what: str, name: str, result: Any) -> None:
        text = " ".join(getattr(c, "text", "") for c in result.content)
        if any(mark in text for mark in FAILED):
            failures.append(f"{what} {name}: {text[:300]!r}")

    async def run() -> None:
        runner = backend.create(spec, args)
        catalog = server.load_catalog(spec, package)
        names = catalog.names()
        try:
            async with Client(server.build_server(spec, runner, package)) as client:
                await client.list_tools()
                for name in names[:: max(1, len(names) // max(operations, 1))]:
                    tool = catalog.by_name[name]
                    try:
                        described = await client.call_tool(
                            "describe_operation", {"operation": name}
                        )
                        check("describe", name, described)
                        if described.is_error:
                            failures.append(f"describe {name}: {described.content[0].text!r}")
                        method = (tool.get("http") or {}).get("method", "")
                        via = (
                            "call_operation"
                            if method in ("GET", "HEAD")
                            else "call_write_operation"
                        )
                        schema = catalog.wire(name)["inputSchema"]
                        drawn, _ = draw(schema, DRAW_SECONDS)
                        hostile = {
                            key: HOSTILE[i % len(HOSTILE)]
                            for i, key in enumerate(schema.get("properties") or {})
                        }
                        for arguments in (drawn or {}, {}, hostile):
                            called = await client.call_tool(
                                via, {"operation": name, "arguments": arguments}
                            )
                            check("call", name, called)
                        query = {"query": tool.get("title") or name, "limit": 5}
                        check("search", name, await client.call_tool("search_operations", query))
                    except Exception as exc:  # noqa: BLE001 - every failure is reported
                        failures.append(f"exception {name}: {type(exc).__name__}: {exc}"[:400])
        finally:
            await runner.aclose()
            upstream.shutdown()

    anyio.run(run)
    return failures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--only", nargs="*", default=[], help="ids containing any of these")
    parser.add_argument("--limit", type=int, default=0, help="the N largest documents only")
    parser.add_argument("--operations", type=int, default=60, help="operations per API at most")
    parser.add_argument("--project", help=argparse.SUPPRESS)  # one project, in a fresh process
    parser.add_argument("--package", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.project:
        print(json.dumps(sweep(Path(args.project), args.package, args.operations)))
        return
    from benchmarks.directory import documents

    chosen = [(i, p) for i, p in documents() if not args.only or any(t in i for t in args.only)]
    chosen = chosen[: args.limit] if args.limit else chosen
    swept = failing = 0
    with tempfile.TemporaryDirectory(prefix="mcpgen-sweep-") as tmp:
        for doc_id, path in chosen:
            out = Path(tmp) / "project"
            command = [sys.executable, "-m", "mcpgen", "server", "--openapi", str(path)]
            command += ["--out", str(out), "--name", "api", "--tools-mode", "discovery"]
            generated = subprocess.run(
                [*command, "--quiet", "--force"], capture_output=True, text=True, check=False
            )
            packages = sorted(out.glob("*/spec.json"))
            if generated.returncode != 0 or not packages:
                print(f"{doc_id:50} not generated: {generated.stderr.strip()[-200:]}", flush=True)
                continue
            package = packages[0].parent.name
            own = [sys.executable, __file__, "--project", str(out), "--package", package]
            run = subprocess.run(
                [*own, "--operations", str(args.operations)],
                capture_output=True,
                text=True,
                check=False,
                timeout=TIMEOUT,
                env={**os.environ, "PYTHONPATH": str(out)},
            )
            lines = run.stdout.strip().splitlines()
            failures = json.loads(lines[-1]) if run.returncode == 0 and lines else None
            if failures is None:
                failures = [f"sweep crashed (exit {run.returncode}): {run.stderr.strip()[-300:]}"]
            swept += 1
            failing += bool(failures)
            for failure in failures:
                print(f"FAIL {doc_id}: {failure}", flush=True)
            print(f"{doc_id:50} {len(failures)} failures", flush=True)
    print(f"\n{swept} APIs swept, {failing} with failures")


if __name__ == "__main__":
    main()
