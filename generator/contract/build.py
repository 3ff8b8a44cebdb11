"""A contract to the IR of a server skeleton: one typed method per tool, resource,
resource template and prompt, and the models their signatures use.

Tool schemas go on the wire with the contract's ``$defs`` resolved as every mcpgen
server resolves them (inlined, recursive definitions in the tool's own ``$defs``); the
models come from those same schemas through the client generator's pipeline
(datamodel-code-generator, then polished), so a method's keyword arguments and the
model the server validates with always agree. All naming happens here.
"""

from __future__ import annotations

import ast
import keyword
from dataclasses import dataclass
from typing import Any

from ..client.build import Method, build_client, method_name
from ..client.catalog import def_refs
from ..diagnostics import MCPGenError
from ..naming import argument_name, docstring, py_literal, snake_case, type_name
from ..openapi.names import project_names
from ..runtime.schemas import Definitions
from .document import Contract, template_parts

# Names the base module imports or its signatures use: a method or argument named like
# one would shadow it in the class body.
_RESERVED_ARGUMENTS = frozenset({"self", "models", "types", "l", "O", "I", *keyword.kwlist})


@dataclass(frozen=True)
class Argument:
    """A keyword argument of a resource-template or prompt method: always text."""

    name: str
    wire: str
    required: bool
    description: str

    @property
    def wire_literal(self) -> str:
        return py_literal(self.wire)

    @property
    def description_literal(self) -> str:
        return py_literal(self.description)


@dataclass(frozen=True)
class TextMethod:
    """A resource, resource template or prompt method: arguments are strings."""

    name: str
    wire: str
    """The resource URI, URI template, or prompt name."""
    arguments: tuple[Argument, ...]
    doc: str
    returns: str = "str | bytes"
    model: str | None = None
    """Prompts: the Pydantic model of the arguments."""

    @property
    def wire_literal(self) -> str:
        return py_literal(self.wire)

    @property
    def model_doc(self) -> str:
        """The docstring of a prompt's arguments model, safe for any prompt name."""
        return docstring(f"Arguments of the prompt {self.wire!r}.")

    @property
    def signature(self) -> str:
        if not self.arguments:
            return ""
        parts = [f"{a.name}: str" for a in self.arguments if a.required]
        parts += [f"{a.name}: str | None = None" for a in self.arguments if not a.required]
        return ", *, " + ", ".join(parts)


@dataclass(frozen=True)
class ContractProject:
    """What a contract server project is made from."""

    contract: Contract
    source: str
    package: str
    distribution: str
    env_prefix: str
    title: str
    base_class: str
    impl_class: str
    models: str
    tools: tuple[Method, ...]
    resources: tuple[TextMethod, ...]
    templates: tuple[TextMethod, ...]
    prompts: tuple[TextMethod, ...]
    wire_tools: tuple[dict[str, Any], ...]
    imports: tuple[str, ...]
    """``from X import Y`` lines the base module's annotations need from models.py's imports."""

    @property
    def all_methods(self) -> tuple[Method | TextMethod, ...]:
        return (*self.tools, *self.resources, *self.templates, *self.prompts)

    @property
    def uses_models(self) -> bool:
        """Whether the signatures refer to ``models`` (the base module imports it)."""
        return any(
            "models." in m.returns or any("models." in p.annotation for p in m.params)
            for m in self.tools
        )

    @property
    def uses_types(self) -> bool:
        """Whether the signatures refer to ``mcp.types``."""
        return bool(self.prompts) or any("types." in m.returns for m in self.tools)

    def spec_json(self) -> dict[str, Any]:
        c = self.contract
        contract: dict[str, Any] = {
            "tools": list(self.wire_tools),
            "resources": list(c.resources),
            "resourceTemplates": list(c.resource_templates),
            "prompts": list(c.prompts),
        }
        bindings: dict[str, Any] = {
            "tools": {
                m.tool: {
                    "method": m.name,
                    "input": m.input_model.removeprefix("models."),
                    "params": {p.wire: p.name for p in m.params},
                    "unwrap": m.unwrap,
                }
                for m in self.tools
            },
            "resources": {m.wire: {"method": m.name, "name": m.wire} for m in self.resources},
            "resourceTemplates": {
                m.wire: {
                    "method": m.name,
                    "name": m.wire,
                    "variables": {a.wire: a.name for a in m.arguments},
                }
                for m in self.templates
            },
            "prompts": {
                m.wire: {
                    "method": m.name,
                    "arguments": {a.wire: a.name for a in m.arguments},
                }
                for m in self.prompts
            },
        }
        server: dict[str, Any] = {
            "name": c.name or self.distribution,
            # ``title`` names the server in its --help; ``listedTitle`` is what it says of
            # itself, which, like ``version``, is the contract's and nothing made up.
            "title": self.title,
            "listedTitle": c.title,
            "version": c.version or "",
            "description": c.description or "",
            "instructions": c.instructions or "",
        }
        if c.website_url is not None:
            server["websiteUrl"] = c.website_url
        if c.icons:
            server["icons"] = list(c.icons)
        return {
            "server": server,
            "envPrefix": self.env_prefix,
            "protocol": c.protocol,
            "implementation": {
                "module": "handlers",
                "class": self.impl_class,
                "baseModule": "base",
                "baseClass": self.base_class,
                "modelsModule": "models",
            },
            "methods": [m.name for m in self.all_methods],
            "bindings": bindings,
            "contract": contract,
        }


def wire_tools(contract: Contract, inline: bool = False) -> list[dict[str, Any]]:
    """The contract's tools as clients see them, every key kept: a schema whose references
    all point into its own ``$defs`` as written; one that uses the contract's ``$defs``
    with those references resolved as every mcpgen server resolves them (inlined; recursive
    definitions in the schema's own ``$defs``). ``inline`` resolves every schema so, for the
    typed models."""
    shared = Definitions(contract.defs)
    out = []
    for tool in contract.tools:
        wire = dict(tool)
        for key in ("inputSchema", "outputSchema"):
            schema = tool.get(key)
            if not isinstance(schema, dict):
                continue
            own = schema.get("$defs")
            own = own if isinstance(own, dict) else {}
            if not inline and _refers_within(schema, own):
                continue
            # A schema's own $defs come first, as JSON Schema resolves them.
            definitions = Definitions({**contract.defs, **own}) if own else shared
            wire[key] = definitions.full(schema)
        out.append(wire)
    return out


def _refers_within(schema: Any, own: dict[str, Any]) -> bool:
    """Whether every ``#/$defs/`` reference in ``schema`` names one of its own definitions,
    none of the contract's (the loader has refused references that leave the contract)."""
    return all(name.split("/")[0] in own for name in def_refs(schema))


def build_contract(contract: Contract, name: str | None = None) -> ContractProject:
    """The IR of the skeleton for ``contract``; MCPGenError for a tool mcpgen cannot type."""
    if not (
        contract.tools or contract.resources or contract.resource_templates or contract.prompts
    ):
        raise MCPGenError(contract.origin, "/", "the contract has no tools, resources or prompts")
    title = contract.title or contract.name or "Contract"
    distribution, package, prefix = project_names(name or contract.name, title)
    tools = wire_tools(contract)
    client = build_client(
        wire_tools(contract, inline=True), contract.name or distribution, name, contract.origin
    )
    for diagnostic in client.diagnostics:
        if diagnostic.code.startswith("W-CLIENT-SKIP"):
            raise MCPGenError(contract.origin, diagnostic.location, diagnostic.message)
    stem = type_name(name or contract.name or title, "Contract", "Server")
    taken = {m.name for m in client.methods}
    resources = tuple(
        TextMethod(
            method_name("read_" + _word(r["name"]), taken),
            r["uri"],
            (),
            docstring(_describe(r, f"Contents of the resource {r['uri']}.")),
        )
        for r in contract.resources
    )
    templates = []
    for index, template in enumerate(contract.resource_templates):
        variables = template_parts(
            template["uriTemplate"], contract.origin, ("resourceTemplates", index)
        )
        arguments = _arguments([(v, required, "") for v, required in variables])
        templates.append(
            TextMethod(
                method_name("read_" + _word(template["name"]), taken),
                template["uriTemplate"],
                arguments,
                docstring(_describe(template, f"Contents of {template['uriTemplate']}.")),
            )
        )
    prompts = []
    model_names: set[str] = set(_classes(client.models))
    for prompt in contract.prompts:
        arguments = _arguments(
            [
                (a["name"], bool(a.get("required")), a.get("description") or "")
                for a in prompt.get("arguments") or []
            ]
        )
        model = type_name(prompt["name"], "Prompt") + "PromptArguments"
        while model in model_names:
            model += "_"
        model_names.add(model)
        prompts.append(
            TextMethod(
                method_name("prompt_" + _word(prompt["name"]), taken),
                prompt["name"],
                arguments,
                docstring(_describe(prompt, f"The prompt {prompt['name']!r}.")),
                "str | list[types.PromptMessage]",
                model,
            )
        )
    return ContractProject(
        contract=contract,
        source=contract.origin,
        package=package,
        distribution=distribution,
        env_prefix=prefix,
        title=title,
        base_class=f"{stem}Base",
        impl_class=f"{stem}Handlers",
        models=client.models,
        tools=client.methods,
        resources=resources,
        templates=tuple(templates),
        prompts=tuple(prompts),
        wire_tools=tuple(tools),
        imports=tuple(_annotation_imports(client.models, client.methods)),
    )


def _word(text: str) -> str:
    return snake_case(text) or "item"


def _describe(item: dict[str, Any], fallback: str) -> str:
    for key in ("description", "title"):
        text = item.get(key)
        if isinstance(text, str) and text.strip():
            return text.strip()
    return fallback


def _arguments(specs: list[tuple[str, bool, str]]) -> tuple[Argument, ...]:
    taken: set[str] = set()
    out = []
    for wire, required, description in specs:
        name = argument_name(wire, taken, _RESERVED_ARGUMENTS, "arg")
        out.append(Argument(name, wire, required, " ".join(description.split())))
    return tuple(out)


def _classes(models: str) -> list[str]:
    return [n.name for n in ast.parse(models).body if isinstance(n, ast.ClassDef)]


def _annotation_imports(models: str, methods: tuple[Method, ...]) -> list[str]:
    """Import lines for the names (besides ``models.X``) the signatures use, taken from
    what models.py imports."""
    tree = ast.parse(models)
    imported = {
        alias.asname or alias.name: (node.module or "", alias.name)
        for node in tree.body
        if isinstance(node, ast.ImportFrom) and node.module != "__future__"
        for alias in node.names
    }
    used: set[str] = set()
    for method in methods:
        for text in (method.returns, *(p.annotation for p in method.params)):
            used |= {
                n.id for n in ast.walk(ast.parse(text, mode="eval")) if isinstance(n, ast.Name)
            }
    lines: dict[str, list[str]] = {}
    for local in sorted(used & set(imported)):
        module, original = imported[local]
        lines.setdefault(module, []).append(
            original if original == local else f"{original} as {local}"
        )
    return [f"from {module} import {', '.join(sorted(names))}" for module, names in lines.items()]
