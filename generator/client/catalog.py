"""What a server offers a client: its tools and, when it has them, resources, resource
templates and prompts, with the name, title, version, description, website, icons and
instructions it gives.

Saved in the contract format (``{"name", "title", "version", "description", "websiteUrl",
"instructions", "icons", "tools", "resources", "resourceTemplates", "prompts"}``, empty
fields left out, one item per line),
which ``--tools``, ``--check`` and ``--contract`` all read. The old snapshot format
(``{"serverInfo": {...}, "tools": [...]}``) and a plain list of tools are read too.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from ..diagnostics import MCPGenError, json_pointer, plural
from .tools import check_list

_SURROGATE = re.compile("[\ud800-\udfff]")

LISTS = (
    ("tools", "tools"),
    ("resources", "resources"),
    ("resource_templates", "resourceTemplates"),
    ("prompts", "prompts"),
)
"""Attribute and contract key of each list, in the order a contract file holds them."""
TEXTS = ("name", "title", "version", "description", "websiteUrl", "instructions")
"""The server's texts, by contract key (the attribute of ``websiteUrl`` is ``website_url``)."""
DEF_PREFIX = "#/$defs/"


@dataclass(frozen=True)
class Catalog:
    """A server's lists as MCP objects (wire JSON), and what it says about itself."""

    name: str
    tools: tuple[dict[str, Any], ...]
    resources: tuple[dict[str, Any], ...] = ()
    resource_templates: tuple[dict[str, Any], ...] = ()
    prompts: tuple[dict[str, Any], ...] = ()
    title: str | None = None
    version: str | None = None
    instructions: str | None = None
    description: str | None = None
    website_url: str | None = None
    icons: tuple[dict[str, Any], ...] = ()
    """The server's icons as MCP ``Icon`` objects (wire JSON), in the server's order."""

    def counts(self) -> str:
        """``3 tools, 2 resources, 1 resource template, 2 prompts`` (empty lists left out
        except the tools)."""
        parts = [plural(len(self.tools), "tool")]
        for count, word in (
            (len(self.resources), "resource"),
            (len(self.resource_templates), "resource template"),
            (len(self.prompts), "prompt"),
        ):
            if count:
                parts.append(plural(count, word))
        return ", ".join(parts)


def _objects(value: Any, origin: str, path: tuple[str | int, ...], what: str) -> None:
    if not isinstance(value, list):
        raise MCPGenError(origin, json_pointer(path), f"{what} must be a list")
    for index, item in enumerate(value):
        if not isinstance(item, dict):
            raise MCPGenError(origin, json_pointer((*path, index)), "must be an object")


def _string_field(
    item: dict[str, Any], key: str, origin: str, path: tuple[str | int, ...], what: str
) -> None:
    if not isinstance(item.get(key), str):
        raise MCPGenError(
            origin, json_pointer((*path, key)), f"the {what}'s {key} must be a string"
        )


def check_resources(
    items: Any, origin: str, key: str = "resources", base: tuple[str | int, ...] | None = None
) -> list[dict[str, Any]]:
    """Resources (``key`` ``resources``) or resource templates (``resourceTemplates``) as
    the MCP schema has them: objects with a string ``name`` and ``uri`` (``uriTemplate``)."""
    path = (key,) if base is None else base
    _objects(items, origin, path, key)
    uri_key = "uri" if key == "resources" else "uriTemplate"
    what = "resource" if key == "resources" else "resource template"
    for index, item in enumerate(items):
        _string_field(item, "name", origin, (*path, index), what)
        _string_field(item, uri_key, origin, (*path, index), what)
    return [dict(item) for item in items]


def check_prompts(
    items: Any, origin: str, base: tuple[str | int, ...] = ("prompts",)
) -> list[dict[str, Any]]:
    """Prompts as the MCP schema has them: a string ``name``, ``arguments`` a list of
    objects with a string ``name``."""
    _objects(items, origin, base, "prompts")
    for index, item in enumerate(items):
        _string_field(item, "name", origin, (*base, index), "prompt")
        arguments = item.get("arguments")
        if arguments is None:
            continue
        where = (*base, index, "arguments")
        _objects(arguments, origin, where, "a prompt's arguments")
        for position, argument in enumerate(arguments):
            _string_field(argument, "name", origin, (*where, position), "prompt argument")
    return [dict(item) for item in items]


def check_icons(
    items: Any, origin: str, base: tuple[str | int, ...] = ("icons",)
) -> list[dict[str, Any]]:
    """The server's icons as the MCP schema has them: objects with a string ``src``."""
    _objects(items, origin, base, "icons")
    for index, item in enumerate(items):
        _string_field(item, "src", origin, (*base, index), "icon")
    return [dict(item) for item in items]


def _attribute(key: str) -> str:
    return "website_url" if key == "websiteUrl" else key


def _text(data: Mapping[str, Any], key: str) -> str | None:
    value = data.get(key)
    return value if isinstance(value, str) and value else None


def def_refs(node: Any) -> Iterator[str]:
    """The names that the ``#/$defs/<name>`` references inside ``node`` point at."""
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith(DEF_PREFIX):
            yield ref[len(DEF_PREFIX) :]
        for value in node.values():
            yield from def_refs(value)
    elif isinstance(node, list):
        for value in node:
            yield from def_refs(value)


def with_defs(tool: dict[str, Any], defs: Mapping[str, Any]) -> dict[str, Any]:
    """A contract's tool made self-contained: the contract-level ``$defs`` its schemas refer
    to (directly or through each other) copied into each schema's own ``$defs``, where a
    ``#/$defs/Name`` reference inside that schema finds them."""
    if not defs:
        return tool
    out = dict(tool)
    for key in ("inputSchema", "outputSchema"):
        schema = tool.get(key)
        if not isinstance(schema, dict):
            continue
        # A schema that only points at a definition is that definition (so the tool's
        # output model is the object itself, not a wrapper around it).
        seen: set[str] = set()
        while set(schema) == {"$ref"} and isinstance(schema["$ref"], str):
            name = schema["$ref"][len(DEF_PREFIX) :]
            if not schema["$ref"].startswith(DEF_PREFIX) or name not in defs or name in seen:
                break
            seen.add(name)
            if not isinstance(defs[name], dict):
                break
            schema = defs[name]
            out[key] = schema
        own = schema.get("$defs")
        own = own if isinstance(own, dict) else {}
        needed: dict[str, Any] = {}
        pending = [name for name in def_refs(schema) if name not in own]
        while pending:
            name = pending.pop()
            if name in needed or name in own or name not in defs:
                continue
            needed[name] = defs[name]
            pending += list(def_refs(defs[name]))
        if needed:
            out[key] = {**schema, "$defs": {**dict(sorted(needed.items())), **own}}
    return out


def read_catalog(data: Any, origin: str, fallback_name: str) -> Catalog:
    """A saved snapshot (contract format or the old ``serverInfo`` one) or a plain list of
    tools. Raises MCPGenError where a list breaks the MCP schema."""
    if not isinstance(data, dict):
        return Catalog(fallback_name, tuple(check_list(data, origin, ())))
    # A contract may have no tools; a file with none of the lists is no snapshot at all.
    listed = any(key in data for _, key in LISTS[1:])
    tools = check_list(data.get("tools", [] if listed else None), origin, ("tools",))
    defs = data.get("$defs")
    if isinstance(defs, dict):
        tools = [with_defs(tool, defs) for tool in tools]
    info = data.get("serverInfo")
    info = info if isinstance(info, dict) else {}
    texts = {key: _text(data, key) or _text(info, key) for key in TEXTS}
    texts["instructions"] = _text(data, "instructions")
    if "icons" in data:
        icons = check_icons(data["icons"], origin)
    elif "icons" in info:
        icons = check_icons(info["icons"], origin, ("serverInfo", "icons"))
    else:
        icons = []
    lists: dict[str, tuple[dict[str, Any], ...]] = {}
    for attribute, key in LISTS[1:]:
        items = data.get(key)
        if items is None:
            lists[attribute] = ()
        elif key == "prompts":
            lists[attribute] = tuple(check_prompts(items, origin))
        else:
            lists[attribute] = tuple(check_resources(items, origin, key))
    return Catalog(
        name=texts["name"] or fallback_name,
        tools=tuple(tools),
        title=texts["title"],
        version=texts["version"],
        instructions=texts["instructions"],
        description=texts["description"],
        website_url=texts["websiteUrl"],
        icons=tuple(icons),
        **lists,
    )


def catalog_text(catalog: Catalog) -> str:
    """The contract-format file: texts first, then the icons and each non-empty list, one
    item per line with sorted keys, so the same server always gives the same bytes."""
    parts: list[str] = []
    for key in TEXTS:
        value = getattr(catalog, _attribute(key))
        if value:
            parts.append(f"{json.dumps(key)}: {json.dumps(value, ensure_ascii=False)}")
    for attribute, key in (("icons", "icons"), *LISTS):
        items: tuple[dict[str, Any], ...] = getattr(catalog, attribute)
        if not items and key != "tools":
            continue
        lines = [json.dumps(item, ensure_ascii=False, sort_keys=True) for item in items]
        body = "\n" + ",\n".join(lines) + "\n" if lines else ""
        parts.append(f"{json.dumps(key)}: [{body}]")
    text = "{" + ",\n".join(parts) + "}\n"
    # Lone surrogates (only ever inside JSON strings) cannot be written as UTF-8: escape them.
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
