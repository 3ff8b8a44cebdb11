"""Load and validate a contract: what an MCP server answers with, written down first.

A contract file (JSON, or YAML for ``.yaml``/``.yml``) is an object with ``tools``,
``resources``, ``resourceTemplates`` and ``prompts`` (each item exactly as the MCP
``*/list`` results carry it), the server's ``name``, ``title``, ``version`` and
``instructions``, what else its ``serverInfo`` says (``description``, ``websiteUrl``,
``icons``: protocol 2025-11-25 and later), and a top-level ``$defs`` that schemas inside it
share through ``{"$ref": "#/$defs/Name"}``.

Every item is checked against the MCP schema's own definition (``Tool``, ``Resource``,
``ResourceTemplate``, ``Prompt``) of the chosen protocol version, and ``description``,
``websiteUrl`` and ``icons`` against that version's ``Implementation`` (a version whose
``Implementation`` lacks one has no such key); then what the MCP schema
cannot say: names and URIs are unique, tool names follow the MCP naming rules, tool
schemas are valid JSON Schema whose ``$ref`` s all resolve in the contract's ``$defs``
(files and URLs are never read), and URI templates have usable variables. Any problem is
one :class:`MCPGenError` naming the file and the JSON pointer of the offending value.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..diagnostics import MCPGenError, json_pointer
from ..loader import parse_json, read_bytes
from .parsing import parse_yaml
from .schemas import check_schema

Pointer = tuple[str | int, ...]

KINDS = (
    ("tools", "Tool", "name"),
    ("resources", "Resource", "uri"),
    ("resourceTemplates", "ResourceTemplate", "uriTemplate"),
    ("prompts", "Prompt", "name"),
)
"""Each list of a contract, the MCP definition its items follow, and the key that must
be unique among them."""

TOP_KEYS = frozenset(
    {
        "$schema",
        "$defs",
        "name",
        "title",
        "version",
        "description",
        "websiteUrl",
        "icons",
        "instructions",
        *(kind for kind, _, _ in KINDS),
    }
)
_TEXT_KEYS = ("name", "title", "version", "description", "instructions")
INFO_KEYS = ("description", "websiteUrl", "icons")
"""Keys of MCP's ``Implementation`` (the ``serverInfo`` object) a contract may carry, checked
against the chosen protocol's definition; older versions have none of them."""

TOOL_NAME = re.compile(r"^[A-Za-z0-9_.-]{1,128}$")
"""MCP tool names (2025-11-25): 1 to 128 of ASCII letters, digits, ``_``, ``-`` and ``.``."""
_TEMPLATE_EXPRESSION = re.compile(r"\{([^{}]*)\}")
_TEMPLATE_VARIABLE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_TEMPLATE_OPERATORS = "+#./;?&"


@dataclass(frozen=True)
class Contract:
    """A validated contract. Items are kept exactly as written (MCP wire JSON)."""

    origin: str
    protocol: str
    name: str | None
    title: str | None
    version: str | None
    instructions: str | None
    tools: tuple[dict[str, Any], ...]
    resources: tuple[dict[str, Any], ...]
    resource_templates: tuple[dict[str, Any], ...]
    prompts: tuple[dict[str, Any], ...]
    defs: dict[str, Any] = field(default_factory=dict)
    description: str | None = None
    website_url: str | None = None
    icons: tuple[dict[str, Any], ...] = ()

    def as_mapping(self) -> dict[str, Any]:
        """The contract as a document again (keys as in a contract file)."""
        out: dict[str, Any] = {}
        for key in _TEXT_KEYS:
            value = getattr(self, key)
            if value is not None:
                out[key] = value
        if self.website_url is not None:
            out["websiteUrl"] = self.website_url
        if self.icons:
            out["icons"] = list(self.icons)
        for key, items in (
            ("tools", self.tools),
            ("resources", self.resources),
            ("resourceTemplates", self.resource_templates),
            ("prompts", self.prompts),
        ):
            if items:
                out[key] = list(items)
        if self.defs:
            out["$defs"] = self.defs
        return out


def contract_text(contract_like: Mapping[str, Any] | Contract) -> str:
    """Deterministic JSON text of a contract (sorted keys, two-space indent, final newline):
    the same contract always gives the same bytes, so snapshots diff cleanly."""
    data = contract_like.as_mapping() if isinstance(contract_like, Contract) else contract_like
    return json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def newest_protocol() -> str:
    from ..models.schema import bundled_versions

    return bundled_versions()[-1]


def load_contract(path: Path, protocol: str | None = None) -> Contract:
    """Read and validate the contract at ``path`` against the MCP schema of ``protocol``
    (the newest bundled version when None). Raises MCPGenError on the first problem."""
    origin = str(path)
    raw = read_bytes(path)
    if path.suffix.lower() in (".yaml", ".yml"):
        data = parse_yaml(raw, origin)
    else:
        data = parse_json(raw, origin)
    return validate_contract(data, origin, protocol)


def validate_contract(data: Any, origin: str, protocol: str | None = None) -> Contract:
    """A Contract from an already parsed document (see :func:`load_contract`)."""
    from ..models.schema import bundled_versions, load_bundled

    version = protocol or newest_protocol()
    if version not in bundled_versions():
        known = ", ".join(bundled_versions())
        raise MCPGenError("--protocol", "", f"unknown protocol version {version!r}; known: {known}")
    schema = load_bundled(version)
    if not isinstance(data, dict):
        raise MCPGenError(origin, "/", "a contract must be an object (tools, resources, ...)")
    for key in data:
        if key not in TOP_KEYS:
            known = ", ".join(sorted(TOP_KEYS))
            raise MCPGenError(
                origin,
                json_pointer((key,)),
                f"unknown key {key!r} (a contract has {known})",
            )
    _check_info(data, version, schema.document, schema.defs_key, origin)
    for key in _TEXT_KEYS:
        if key in data and not isinstance(data[key], str):
            raise MCPGenError(origin, json_pointer((key,)), f"{key} must be a string")
    defs = data.get("$defs", {})
    if not isinstance(defs, dict):
        raise MCPGenError(origin, "/$defs", "$defs must be an object of schemas")
    for name, body in defs.items():
        if not isinstance(body, dict | bool):
            raise MCPGenError(
                origin, json_pointer(("$defs", name)), "a definition must be a schema"
            )
        check_schema(body, defs, origin, ("$defs", name))
    lists: dict[str, tuple[dict[str, Any], ...]] = {}
    for kind, definition, unique in KINDS:
        items = data.get(kind, [])
        if not isinstance(items, list):
            raise MCPGenError(origin, json_pointer((kind,)), f"{kind} must be a list")
        _check_items(items, kind, definition, unique, schema.document, schema.defs_key, origin)
        lists[kind] = tuple(items)
    for index, tool in enumerate(lists["tools"]):
        _check_tool(tool, defs, origin, ("tools", index))
    for index, template in enumerate(lists["resourceTemplates"]):
        template_variables(template["uriTemplate"], origin, ("resourceTemplates", index))
    for index, prompt in enumerate(lists["prompts"]):
        _check_prompt(prompt, origin, ("prompts", index))
    return Contract(
        origin=origin,
        protocol=version,
        name=data.get("name"),
        title=data.get("title"),
        version=data.get("version"),
        instructions=data.get("instructions"),
        tools=lists["tools"],
        resources=lists["resources"],
        resource_templates=lists["resourceTemplates"],
        prompts=lists["prompts"],
        defs=defs,
        description=data.get("description"),
        website_url=data.get("websiteUrl"),
        icons=tuple(data.get("icons", ())),
    )


# -- checks ------------------------------------------------------------------------------


def _check_info(
    data: dict[str, Any], version: str, document: dict[str, Any], defs_key: str, origin: str
) -> None:
    """``description``, ``websiteUrl`` and ``icons`` as the protocol's ``Implementation`` has
    them; a key the protocol's ``Implementation`` lacks is unknown."""
    import jsonschema

    properties = document[defs_key].get("Implementation", {}).get("properties", {})
    for key in INFO_KEYS:
        if key not in data:
            continue
        if key not in properties:
            since = _first_version_with(key)
            raise MCPGenError(
                origin,
                json_pointer((key,)),
                f"unknown key {key!r}: MCP {version} (see --protocol) has no server {key}"
                + (f"; {since} and later have it" if since else ""),
            )
        validator = _validator(document, f"#/{defs_key}/Implementation/properties/{key}")
        error = jsonschema.exceptions.best_match(validator.iter_errors(data[key]))
        if error is not None:
            path = tuple(error.absolute_path)
            what = "Icon" if key == "icons" and path else f"Implementation.{key}"
            where = json_pointer((key, *path))
            raise MCPGenError(origin, where, f"not an MCP {what}: {error.message}")


def _validator(document: dict[str, Any], pointer: str) -> Any:
    """A validator for the part of the MCP schema ``document`` at ``pointer``."""
    import jsonschema

    cls = jsonschema.validators.validator_for(document, default=jsonschema.Draft202012Validator)
    return cls({**document, "$ref": pointer})


def _first_version_with(key: str) -> str | None:
    """The oldest bundled protocol version whose ``Implementation`` has ``key``."""
    from ..models.schema import bundled_versions, load_bundled

    for version in bundled_versions():
        schema = load_bundled(version)
        if key in schema.definitions.get("Implementation", {}).get("properties", {}):
            return version
    return None


def _check_items(
    items: list[Any],
    kind: str,
    definition: str,
    unique: str,
    document: dict[str, Any],
    defs_key: str,
    origin: str,
) -> None:
    import jsonschema

    validator = _validator(document, f"#/{defs_key}/{definition}")
    seen: dict[Any, int] = {}
    for index, item in enumerate(items):
        error = jsonschema.exceptions.best_match(validator.iter_errors(item))
        if error is not None:
            where = json_pointer((kind, index, *error.absolute_path))
            raise MCPGenError(origin, where, f"not an MCP {definition}: {error.message}")
        key = item[unique]
        if key in seen:
            raise MCPGenError(
                origin,
                json_pointer((kind, index, unique)),
                f"duplicate {unique} {key!r} (also {json_pointer((kind, seen[key]))})",
            )
        seen[key] = index


def _check_tool(tool: dict[str, Any], defs: dict[str, Any], origin: str, at: Pointer) -> None:
    name = tool["name"]
    if not TOOL_NAME.match(name):
        raise MCPGenError(
            origin,
            json_pointer((*at, "name")),
            f"tool name {name!r} is not usable: MCP tool names are 1 to 128 ASCII letters,"
            " digits, '_', '-' or '.'",
        )
    for key in ("inputSchema", "outputSchema"):
        schema = tool.get(key)
        if schema is None:
            continue
        if schema.get("type", "object") != "object":
            raise MCPGenError(
                origin,
                json_pointer((*at, key, "type")),
                f"{key} must be an object schema",
            )
        check_schema(schema, defs, origin, (*at, key))


def _check_prompt(prompt: dict[str, Any], origin: str, at: Pointer) -> None:
    if not prompt["name"].strip():
        raise MCPGenError(origin, json_pointer((*at, "name")), "a prompt name must not be empty")
    seen: set[str] = set()
    for index, argument in enumerate(prompt.get("arguments") or []):
        name = argument["name"]
        if not name or name in seen:
            why = "empty" if not name else f"duplicate argument name {name!r}"
            raise MCPGenError(origin, json_pointer((*at, "arguments", index, "name")), why)
        seen.add(name)


def template_variables(template: str, origin: str = "", at: Pointer = ()) -> list[str]:
    """The variable names of an RFC 6570 URI template, in order, each once."""
    return [name for name, _ in template_parts(template, origin, at)]


def template_parts(template: str, origin: str = "", at: Pointer = ()) -> list[tuple[str, bool]]:
    """Each variable of an RFC 6570 URI template, in order, once, and whether a URI
    always has it: simple and ``+`` expressions do; the others (``{?q}``, ``{#f}``,
    ``{/p}`` ...) may be left out."""
    names: list[str] = []
    required: dict[str, bool] = {}
    rest = _TEMPLATE_EXPRESSION.sub("", template)
    if "{" in rest or "}" in rest:
        raise MCPGenError(
            origin,
            json_pointer((*at, "uriTemplate")),
            f"unbalanced braces in {template!r}",
        )
    for expression in _TEMPLATE_EXPRESSION.findall(template):
        body = expression[1:] if expression[:1] in _TEMPLATE_OPERATORS else expression
        for spec in body.split(","):
            name = spec.split(":", 1)[0].rstrip("*")
            if not _TEMPLATE_VARIABLE.match(name):
                raise MCPGenError(
                    origin,
                    json_pointer((*at, "uriTemplate")),
                    f"URI template variable {name!r} is not usable (letters, digits, '_')",
                )
            if name not in names:
                names.append(name)
            always = body is expression or expression[0] == "+"
            required[name] = required.get(name, False) or always
    return [(name, required[name]) for name in names]
