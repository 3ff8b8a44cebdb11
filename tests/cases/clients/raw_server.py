"""A 2025-11-25 MCP server written as plain JSON-RPC over stdio, with no SDK, so that it can
send any tool list at all, hostile ones included.

Run: ``python raw_server.py TOOLS.json``. The file is ``{"tools": [...]}`` (one page) or
``{"pages": [[...], [...]]}``; every JSON value is sent exactly as written. ``tools/call``
answers with the arguments it received, as text and as structured content, so tests can
see exactly what a client sent.
"""

from __future__ import annotations

import json
import sys
from typing import Any


def main() -> None:
    with open(sys.argv[1], encoding="utf-8") as handle:
        listing = json.load(handle)
    pages: list[Any] = listing["pages"] if "pages" in listing else [listing["tools"]]
    for line in sys.stdin:
        if not line.strip():
            continue
        message = json.loads(line)
        if "id" not in message or "method" not in message:
            continue  # a notification or a response
        method, params = message["method"], message.get("params") or {}
        reply: dict[str, Any] = {"jsonrpc": "2.0", "id": message["id"]}
        if method == "initialize":
            reply["result"] = {
                "protocolVersion": "2025-11-25",
                "capabilities": {"tools": {}},
                "serverInfo": {"name": "raw", "version": "1.0"},
            }
        elif method == "ping":
            reply["result"] = {}
        elif method == "tools/list":
            page = int(params.get("cursor") or 0)
            result: dict[str, Any] = {"tools": pages[page]}
            if page + 1 < len(pages):
                result["nextCursor"] = str(page + 1)
            reply["result"] = result
        elif method == "tools/call":
            arguments = params.get("arguments") or {}
            reply["result"] = {
                "content": [{"type": "text", "text": json.dumps(arguments, sort_keys=True)}],
                "structuredContent": {"result": arguments},
            }
        else:
            reply["error"] = {"code": -32601, "message": f"method not found: {method}"}
        sys.stdout.write(json.dumps(reply) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
