"""The intermediate representation of a generated server: frozen, named, JSON-ready.

Everything a template or the generated runtime needs is decided here: tool
names, argument names, where each argument goes on the wire, schemas and
annotations. Names are final; templates never derive names.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Literal

from ..naming import unique_name
from ..runtime.catalog import Catalog
from ..runtime.params import USUAL_STYLE
from ..runtime.schemanodes import PREFIX
from ..runtime.schemas import DEFAULT_BUDGET
from ..serverproject import tool_json

Location = Literal["path", "query", "header", "cookie", "body", "field"]
BodyKind = Literal["json", "form", "multipart", "binary", "text"]
OutputMode = Literal["auto", "full", "shallow", "none"]
ToolsMode = Literal["auto", "operations", "discovery"]
SearchMode = Literal["hybrid", "lexical"]

DISCOVERY_TOOLS = 40
"""``--tools-mode auto`` lists one tool per operation up to this many operations..."""
DISCOVERY_BYTES = 100_000
"""...and this many bytes of ``tools/list``; above either, it serves the discovery tools."""


@dataclass(frozen=True)
class Arg:
    """One tool argument and where it goes in the HTTP request.

    ``location`` is ``field`` for a property of an object body spread into the
    arguments, and ``body`` for an argument that is the whole body.
    """

    name: str
    location: Location
    wire: str
    required: bool
    style: str = ""
    explode: bool = False
    allow_reserved: bool = False
    content_type: str = ""
    file: bool = False
    allow_empty: bool = False
    """A query parameter whose document allows an empty value (``allowEmptyValue``)."""
    constant: tuple[Any, ...] = ()
    """``(value,)`` for a required parameter whose schema allows that one value alone (an
    ``enum`` of one, a ``const``): the argument is optional, and the value is sent when it
    is left out (AWS's ``X-Amz-Target``, ``Action`` and ``Version``; Azure's
    ``api-version``)."""

    def to_json(self) -> dict[str, Any]:
        # What the runtime assumes when left out (``params.complete``) is left out: a wire
        # name equal to the argument's, and a parameter's usual style.
        data: dict[str, Any] = {"name": self.name, "in": self.location}
        if self.wire != self.name:
            data["wire"] = self.wire
        usual = USUAL_STYLE.get(self.location)
        if (usual is not None and (self.style, self.explode) != usual) or (
            usual is None and self.style
        ):
            data["style"] = self.style
            data["explode"] = self.explode
        if self.allow_reserved:
            data["allowReserved"] = True
        if self.content_type:
            data["contentType"] = self.content_type
        if self.file:
            data["file"] = True
        if self.allow_empty:
            data["allowEmpty"] = True
        if self.constant:
            data["constant"] = self.constant[0]
        return data


@dataclass(frozen=True)
class Body:
    media_type: str
    kind: BodyKind
    required: bool

    def to_json(self) -> dict[str, Any]:
        return {"mediaType": self.media_type, "kind": self.kind, "required": self.required}


@dataclass(frozen=True)
class Tool:
    name: str
    title: str
    description: str
    method: str
    path: str
    operation: str
    """Where the operation is: ``METHOD /path`` and its JSON pointer, for messages."""
    args: tuple[Arg, ...]
    body: Body | None
    input_schema: dict[str, Any]
    output_schema: dict[str, Any] | None
    wrap_output: bool
    security: tuple[tuple[str, ...], ...]
    """Alternatives of scheme names; an empty alternative means 'no auth is fine'."""
    tags: tuple[str, ...] = ()
    accept: str = ""

    def to_json(self) -> dict[str, Any]:
        data = tool_json(
            self.name, self.title, self.description, self.input_schema, self.output_schema
        )
        # No annotations: the runtime makes them from the method (``method_annotations``).
        data["tags"] = list(self.tags)
        http: dict[str, Any] = {
            "method": self.method,
            "path": self.path,
            "args": [a.to_json() for a in self.args],
        }
        # Left out when they are what the runtime assumes: no body, no wrapping, no
        # security, no Accept header.
        if self.body:
            http["body"] = self.body.to_json()
        if self.wrap_output:
            http["wrapOutput"] = True
        if self.security:
            http["security"] = [list(alt) for alt in self.security]
        if self.accept:
            http["accept"] = self.accept
        data["http"] = http
        return data


SHARED_ARGUMENT_BYTES = 80
"""An argument schema that several tools share goes to ``$defs`` from this size (a
reference to it is about 30 bytes)."""


def _shared_form(data: dict[str, Any], shared: Mapping[int, tuple[str, Any]]) -> dict[str, Any]:
    """A tool's entry with the argument schemas it shares with other tools as references."""
    properties = data["inputSchema"].get("properties")
    if not shared or not properties or not any(id(s) in shared for s in properties.values()):
        return data
    refs = {
        arg: {"$ref": PREFIX + shared[id(schema)][0]} if id(schema) in shared else schema
        for arg, schema in properties.items()
    }
    return {**data, "inputSchema": {**data["inputSchema"], "properties": refs}}


SchemeKind = Literal["apiKey", "bearer", "basic", "oauth2", "unsupported"]


@dataclass(frozen=True)
class SecurityScheme:
    key: str
    """The scheme's name in the document."""
    kind: SchemeKind
    env: dict[str, str]
    """Role (``value``, ``token``, ``username``...) -> environment variable."""
    location: str = ""
    param: str = ""
    token_url: str = ""
    scopes: tuple[str, ...] = ()
    description: str = ""
    note: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "kind": self.kind,
            "env": self.env,
            "in": self.location,
            "param": self.param,
            "tokenUrl": self.token_url,
            "scopes": list(self.scopes),
        }


@dataclass(frozen=True)
class ServerVariable:
    name: str
    env: str
    default: str
    enum: tuple[str, ...] = ()


@dataclass(frozen=True)
class Project:
    title: str
    api_version: str
    description: str
    package: str
    distribution: str
    env_prefix: str
    source: str
    base_url: str
    variables: tuple[ServerVariable, ...]
    tools: tuple[Tool, ...]
    schemes: tuple[SecurityScheme, ...]
    output_mode: OutputMode
    skipped: tuple[tuple[str, str], ...] = field(default=())
    """Operations left out, and why."""
    deprecated: tuple[str, ...] = ()
    """Deprecated operations left out (``METHOD /path``); ``--include-deprecated`` keeps them."""
    definitions: Mapping[str, Any] = field(default_factory=dict)
    """Every schema the tools refer to (``#/$defs/Name``), once."""
    recursive: frozenset[str] = frozenset()
    """Definitions on a reference cycle: never inlined."""
    keep_refs: bool = False
    strict_output: bool = False
    """Output schemas exactly as documented (else lenient: see ``runtime.schemas.lenient``)."""
    schema_budget: int = DEFAULT_BUDGET
    tools_mode: ToolsMode = "operations"
    """What the server lists: one tool per operation, or the discovery tools."""
    tools_mode_reason: str = ""
    search: SearchMode = "hybrid"
    """How a discovery server's ``search_operations`` ranks: by the words a request shares
    with an operation, fused with their meaning (``hybrid``), or by the words alone."""
    tag_descriptions: Mapping[str, str] = field(default_factory=dict)

    @property
    def base_url_env(self) -> str:
        return f"{self.env_prefix}_BASE_URL"

    def schema_settings(self) -> dict[str, Any]:
        return {
            "budget": self.schema_budget,
            "output": "auto" if self.output_mode == "none" else self.output_mode,
            "inline": not self.keep_refs,
            "lenientOutput": not self.strict_output,
            "patterns": "ecma",
        }

    @cached_property
    def catalog(self) -> Catalog:
        """The tools as the generated server shows them (the same runtime code)."""
        return Catalog.from_data(self._operations(), self.schema_settings())

    def wire_tools(self) -> list[dict[str, Any]]:
        """Every operation's tool as a per-operation server lists it."""
        return [self.catalog.wire(tool.name) for tool in self.tools]

    def operations_json(self) -> dict[str, Any]:
        """``operations.json``: the tools in reference form and the definitions, once; for
        a per-operation server, also the form each tool's schemas take within the budget
        (``forms``), so that its start-up builds each once instead of trying them all.
        Each tool's entry is made as the file is written (``tools`` is an iterator), so
        that the entries of a large API are not all held at once."""
        data = self._operations(lazy=True)
        if self.tools_mode == "operations":
            self.wire_tools()
            data["forms"] = self.catalog.chosen_forms()
        return data

    def _operations(self, lazy: bool = False) -> dict[str, Any]:
        shared = self._shared_arguments
        tools = (_shared_form(t.to_json(), shared) for t in self.tools)
        definitions = {**self.definitions, **{name: schema for name, schema in shared.values()}}
        return {
            "$defs": dict(sorted(definitions.items())),
            "recursive": sorted(self.recursive),
            "tools": tools if lazy else list(tools),
        }

    @cached_property
    def _shared_arguments(self) -> dict[int, tuple[str, Any]]:
        """Argument schemas that several tools take (one parameter that several operations
        share: the same schema object), each to be written once, in ``$defs``, by ``id``.
        Their descriptions would otherwise be repeated in every tool, and a small
        document's data files be several times its size. On the wire they are inlined as
        any definition is (not with ``--keep-refs``, which shows the document's own)."""
        if self.keep_refs:
            return {}
        seen: dict[int, tuple[str, Any, int]] = {}
        for tool in self.tools:
            for arg, schema in (tool.input_schema.get("properties") or {}).items():
                name, _, count = seen.get(id(schema), (arg, schema, 0))
                seen[id(schema)] = (name, schema, count + 1)
        taken = set(self.definitions)
        return {
            key: (unique_name(f"argument.{arg}", taken, "."), schema)
            for key, (arg, schema, count) in seen.items()
            if count >= 2 and len(json.dumps(schema)) >= SHARED_ARGUMENT_BYTES
        }

    def spec_json(self) -> dict[str, Any]:
        """The data file the generated server loads: all text from the document is here,
        none of it in Python source."""
        return {
            "server": {
                "name": self.distribution,
                "title": self.title,
                "version": self.api_version,
                "description": self.description,
            },
            "envPrefix": self.env_prefix,
            "baseUrl": self.base_url,
            "variables": [
                {"name": v.name, "env": v.env, "default": v.default, "enum": list(v.enum)}
                for v in self.variables
            ],
            "securitySchemes": [s.to_json() for s in self.schemes],
            "toolsMode": self.tools_mode,
            "tags": dict(self.tag_descriptions),
            "schemas": self.schema_settings(),
            "operationCount": len(self.tools),
        }
