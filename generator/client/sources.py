"""Where a client's tool list comes from: an OpenAPI document or a functions module (the tools
mcpgen's server would expose), a live server's ``tools/list``, or a saved one."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from .live import DEFAULT_TIMEOUT, list_tools
from .tools import check_list, wire

_SURROGATE = re.compile("[\ud800-\udfff]")

_wire = wire


def from_openapi(document: str) -> tuple[list[dict[str, Any]], str]:
    from ..openapi.build import ServerOptions, build_project
    from ..openapi.document import DocumentSet

    # Typed clients use the documented shapes (the server itself tolerates more).
    options = ServerOptions(tools_mode="operations", strict_output=True)
    project, _ = build_project(DocumentSet(document), options)
    return [_wire(t) for t in project.wire_tools()], project.title


def from_functions(target: str) -> tuple[list[dict[str, Any]], str]:
    from ..functions.build import build_functions

    project, _ = build_functions(target)
    return [_wire(t.to_json()) for t in project.tools], project.module


def from_file(path: Path) -> tuple[list[dict[str, Any]], str]:
    """A saved ``tools/list`` result (``{"tools": [...]}``) or a plain list of tools."""
    from ..loader import load_json_file

    data = load_json_file(path).data
    tools = data.get("tools") if isinstance(data, dict) else data
    base: tuple[str, ...] = ("tools",) if isinstance(data, dict) else ()
    checked = check_list(tools, str(path), base)
    info = data.get("serverInfo") if isinstance(data, dict) else None
    name = info.get("name") if isinstance(info, dict) else None
    return checked, name if isinstance(name, str) and name else path.stem


def from_server(target: str, timeout: float = DEFAULT_TIMEOUT) -> tuple[list[dict[str, Any]], str]:
    """``tools/list`` of a live server, every page: an ``http(s)://`` URL, or a command to
    start over stdio. Fails with one line within ``timeout`` seconds (see ``live``)."""
    tools, name = list_tools(target, timeout)
    return check_list(tools, target), name


def snapshot_text(tools: list[dict[str, Any]], name: str) -> str:
    """A saved tool list, one tool per line, as ``--tools`` and ``--check`` read it."""
    lines = [json.dumps(t, ensure_ascii=False, sort_keys=True) for t in tools]
    head = json.dumps({"serverInfo": {"name": name}}, ensure_ascii=False)[:-1]
    text = head + ', "tools": [\n' + ",\n".join(lines) + "\n]}\n"
    # Lone surrogates (only ever inside JSON strings) cannot be written as UTF-8: escape them.
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
