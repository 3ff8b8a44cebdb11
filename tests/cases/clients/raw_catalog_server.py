"""A 2025-11-25 MCP server written as plain JSON-RPC over stdio, with no SDK, that pages
its resources, resource templates and prompts as a JSON file says.

Run: ``python raw_catalog_server.py LISTING.json``. The file holds ``tools`` (one page),
and ``resources``, ``resourceTemplates`` and ``prompts`` as lists of pages; the server
advertises the resources capability when either of the first two is there, and the
prompts capability when prompts are. ``"fail": "prompts/list"`` makes that method answer
with a JSON-RPC error; ``"loop": "resources/list"`` makes it send the same cursor forever.
"""

from __future__ import annotations

import json
import sys
from typing import Any

KEYS = {
    "tools/list": "tools",
    "resources/list": "resources",
    "resources/templates/list": "resourceTemplates",
    "prompts/list": "prompts",
}


def main() -> None:
    with open(sys.argv[1], encoding="utf-8") as handle:
        listing = json.load(handle)
    capabilities: dict[str, Any] = {"tools": {}}
    if "resources" in listing or "resourceTemplates" in listing:
        capabilities["resources"] = {}
    if "prompts" in listing:
        capabilities["prompts"] = {}
    for line in sys.stdin:
        if not line.strip():
            continue
        message = json.loads(line)
        if "id" not in message or "method" not in message:
            continue  # a notification or a response
        method, params = message["method"], message.get("params") or {}
        reply: dict[str, Any] = {"jsonrpc": "2.0", "id": message["id"]}
        key = KEYS.get(method)
        if method == "initialize":
            reply["result"] = {
                "protocolVersion": "2025-11-25",
                "capabilities": capabilities,
                "serverInfo": {"name": "raw-catalog", "version": "0.1"},
            }
        elif method == "ping":
            reply["result"] = {}
        elif key is not None and listing.get("fail") != method:
            pages = [listing.get("tools", [])] if key == "tools" else listing.get(key, [[]])
            page = int(params.get("cursor") or 0)
            result: dict[str, Any] = {key: pages[page]}
            if listing.get("loop") == method:
                result["nextCursor"] = "0"
            elif page + 1 < len(pages):
                result["nextCursor"] = str(page + 1)
            reply["result"] = result
        else:
            reply["error"] = {"code": -32601, "message": f"method not found: {method}"}
        sys.stdout.write(json.dumps(reply) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
