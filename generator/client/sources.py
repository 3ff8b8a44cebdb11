"""Where a client's tool list comes from: an OpenAPI document or a functions module (the tools
mcpgen's server would expose), a live server's lists, a saved snapshot of them, or a
contract; the last three may also bring resources, resource templates and prompts."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from .catalog import (
    Catalog,
    catalog_text,
    check_icons,
    check_prompts,
    check_resources,
    read_catalog,
    with_defs,
)
from .live import DEFAULT_TIMEOUT, capture
from .tools import check_list, wire

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
    """A saved snapshot's tools (see ``catalog_from_file``) and the server's name."""
    catalog = catalog_from_file(path)
    return list(catalog.tools), catalog.name


def catalog_from_file(path: Path) -> Catalog:
    """A saved snapshot: the contract format ``--snapshot`` writes, the older
    ``{"serverInfo": ..., "tools": [...]}``, or a plain list of tools."""
    from ..loader import load_json_file

    return read_catalog(load_json_file(path).data, str(path), path.stem)


def from_contract(path: Path) -> Catalog:
    """A contract file (JSON or YAML), validated by ``mcpgen.contract``; its tools are made
    self-contained (the contract's shared ``$defs`` copied into the schemas using them)."""
    from ..contract.document import load_contract

    contract = load_contract(path)
    origin = str(path)
    tools = check_list([with_defs(t, contract.defs) for t in contract.tools], origin)
    return Catalog(
        name=contract.name or path.stem,
        tools=tuple(tools),
        resources=tuple(check_resources(list(contract.resources), origin)),
        resource_templates=tuple(
            check_resources(list(contract.resource_templates), origin, "resourceTemplates")
        ),
        prompts=tuple(check_prompts(list(contract.prompts), origin)),
        title=contract.title,
        version=contract.version,
        instructions=contract.instructions,
        description=contract.description,
        website_url=contract.website_url,
        icons=tuple(contract.icons),
    )


def from_server(target: str, timeout: float = DEFAULT_TIMEOUT) -> tuple[list[dict[str, Any]], str]:
    """``tools/list`` of a live server, every page: an ``http(s)://`` URL, or a command to
    start over stdio. Fails with one line within ``timeout`` seconds (see ``live``)."""
    catalog = catalog_from_server(target, timeout)
    return list(catalog.tools), catalog.name


def catalog_from_server(target: str, timeout: float = DEFAULT_TIMEOUT) -> Catalog:
    """Everything a live server lists (see ``live.capture``), checked as a snapshot is."""
    catalog = capture(target, timeout)
    return replace(
        catalog,
        tools=tuple(check_list(list(catalog.tools), target)),
        resources=tuple(check_resources(list(catalog.resources), target)),
        resource_templates=tuple(
            check_resources(list(catalog.resource_templates), target, "resourceTemplates")
        ),
        prompts=tuple(check_prompts(list(catalog.prompts), target)),
        icons=tuple(check_icons(list(catalog.icons), target)),
    )


def snapshot_text(tools: list[dict[str, Any]], name: str) -> str:
    """A saved tool list in the contract format, one tool per line, as ``--tools`` and
    ``--check`` read it (see ``catalog.catalog_text`` for the other lists)."""
    return catalog_text(Catalog(name, tuple(tools)))
