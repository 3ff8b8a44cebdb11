"""The contract backend: the contract's tools, resources and prompts, answered by your class.

``spec.json`` holds the contract (every tool, resource, resource template and prompt
exactly as clients see it) and, for each of them, the method of the generated base class
that answers it. Your module subclasses that base class; this module:

- lists exactly what the contract says, and advertises only the capabilities it uses;
- says in ``serverInfo`` the contract's name, title, version, description, website and icons;
- validates a tool's arguments against its ``inputSchema`` and turns them into the typed
  input model before your method runs (bad arguments: an ``isError`` result naming them);
- checks what your method returns against the ``outputSchema`` before it is sent (a wrong
  shape: an error in the log and an ``isError`` result, never invalid output);
- answers a method that raises ``NotImplementedError`` with ``not implemented: <name>``;
- logs, at start, the contract methods your class does not implement yet.
"""

from __future__ import annotations

import argparse
import base64
import importlib
import json
import logging
import re
from collections.abc import Mapping
from functools import cache
from typing import Any
from urllib.parse import parse_qs, unquote

from mcp import types
from mcp.server import Server, ServerRequestContext
from mcp.shared.exceptions import MCPError
from pydantic import BaseModel, ValidationError
from pydantic_core import PydanticSerializationError, to_jsonable_python

from .catalog import checked, first_problem, shown, validator_for
from .results import error_result, within_nesting
from .service import CallLog, note_outcome
from .unknown import unknown_tool

logger = logging.getLogger(__package__)

RESOURCE_NOT_FOUND = -32002
"""The JSON-RPC error code MCP gives an unknown resource URI."""


def add_arguments(parser: argparse.ArgumentParser, spec: Mapping[str, Any]) -> None:
    """The contract backend has no options of its own."""


class ContractRunner:
    """Your implementation class, instantiated once, and what it lacks."""

    def __init__(self, spec: Mapping[str, Any], package: str | None = None) -> None:
        self.spec = spec
        self.package = package or __package__ or ""
        self.tools: dict[str, Mapping[str, Any]] = {
            tool["name"]: tool for tool in spec["contract"].get("tools", [])
        }
        where = spec["implementation"]
        module = importlib.import_module(f".{where['module']}", self.package)
        base = importlib.import_module(f".{where['baseModule']}", self.package)
        self.models = importlib.import_module(f".{where['modelsModule']}", self.package)
        self.base_class: type[Any] = getattr(base, where["baseClass"])
        self.impl: Any = getattr(module, where["class"])()

    def missing(self) -> list[str]:
        """Contract methods the implementation leaves to the base class, or whose body is
        only the scaffolded ``raise NotImplementedError``."""
        out: list[str] = []
        for method in self.spec["methods"]:
            found = getattr(type(self.impl), method, None)
            if found is None or found is getattr(self.base_class, method, None) or _stub(found):
                out.append(method)
        return out

    async def call(
        self, tool: Mapping[str, Any], arguments: Mapping[str, Any]
    ) -> types.CallToolResult:
        return await call_tool(self, tool["name"], arguments)

    async def aclose(self) -> None:
        close = getattr(self.impl, "aclose", None)
        if callable(close):
            await close()


def _stub(function: Any) -> bool:
    code = getattr(function, "__code__", None)
    return code is not None and code.co_names == ("NotImplementedError",)


def create(spec: Mapping[str, Any], args: argparse.Namespace) -> ContractRunner:
    runner = ContractRunner(spec)
    missing = runner.missing()
    if missing:
        logger.warning("not implemented yet: %s", ", ".join(missing))
    return runner


def _entry(spec: Mapping[str, Any], kind: str, key: str) -> dict[str, Any] | None:
    entry: dict[str, Any] | None = spec["bindings"][kind].get(key)
    return entry


_VALIDATORS: dict[int, tuple[Mapping[str, Any], Any]] = {}


def _validator(schema: Mapping[str, Any]) -> Any:
    """A validator for ``schema``, made once (schemas live as long as the server)."""
    known = _VALIDATORS.get(id(schema))
    if known is None or known[0] is not schema:
        known = _VALIDATORS[id(schema)] = (schema, validator_for(schema, ecma=True))
    return known[1]


async def call_tool(
    runner: ContractRunner, name: str, arguments: Mapping[str, Any]
) -> types.CallToolResult:
    """Run the tool ``name``: arguments validated and typed, the result checked."""
    spec = runner.spec
    tool = runner.tools.get(name)
    binding = _entry(spec, "tools", name)
    if tool is None or binding is None:
        note_outcome("unknown_tool")
        raise unknown_tool(name, runner.tools)
    # Values sent as their JSON text ("5", '{"a": 1}') are read as those values.
    arguments, found = checked(_validator(tool["inputSchema"]), arguments)
    if found:
        note_outcome("invalid_arguments")
        return error_result(f"Invalid arguments for tool {name!r}:\n" + "\n".join(found))
    model: type[BaseModel] = getattr(runner.models, binding["input"])
    try:
        parsed = model.model_validate(dict(arguments))
    except ValidationError as exc:
        note_outcome("invalid_arguments")
        lines = [f"{'/'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors()[:10]]
        return error_result(f"Invalid arguments for tool {name!r}:\n" + "\n".join(lines))
    keywords = {
        binding["params"][info.alias or field]: getattr(parsed, field)
        for field, info in type(parsed).model_fields.items()
        if field in parsed.model_fields_set
    }
    try:
        result = await getattr(runner.impl, binding["method"])(**keywords)
    except NotImplementedError:
        note_outcome("not_implemented")
        return error_result(f"not implemented: {name}")
    except Exception as exc:  # a failing handler is the tool's error result, not -32603
        logger.exception("%s: the handler raised %s", name, type(exc).__name__)
        note_outcome("handler_error")
        return error_result(f"The tool {name} failed: {type(exc).__name__}: {_line(exc)}")
    return _tool_result(tool, binding, result)


def _tool_result(
    tool: Mapping[str, Any], binding: Mapping[str, Any], result: Any
) -> types.CallToolResult:
    name = tool["name"]
    schema = tool.get("outputSchema")
    if schema is None:
        if isinstance(result, str):
            return types.CallToolResult(content=[types.TextContent(type="text", text=result)])
        try:
            blocks = [_block(item) for item in result]
        except (TypeError, ValidationError) as exc:
            logger.error("%s: returned %s, not a list of content blocks", name, _kind(result))
            return error_result(f"The tool {name} returned an invalid result: {_line(exc)}")
        return types.CallToolResult(content=blocks)
    try:
        structured = to_jsonable_python(result, by_alias=True, exclude_none=True)
    except (TypeError, ValueError, PydanticSerializationError) as exc:
        logger.error("%s: returned %s, which is not JSON: %s", name, _kind(result), _line(exc))
        return error_result(f"The tool {name} returned a result that is not JSON.")
    if binding.get("unwrap"):
        structured = {"result": structured}
    problem = first_problem(_validator(schema), structured)
    if problem is not None:
        logger.error("%s: result does not match the outputSchema %s", name, problem)
        return error_result(
            f"The tool {name} returned a result that does not match its" f" outputSchema {problem}."
        )
    text = json.dumps(structured, ensure_ascii=False)
    return types.CallToolResult(
        content=[types.TextContent(type="text", text=text)],
        structured_content=structured,
    )


def _block(item: Any) -> types.ContentBlock:
    if isinstance(item, BaseModel):
        item = item.model_dump(mode="json", by_alias=True, exclude_none=True)
    if not isinstance(item, dict):
        raise TypeError(f"{_kind(item)} is not a content block")
    adapter = _content_adapter()
    block: types.ContentBlock = adapter.validate_python(item)
    return block


@cache
def _content_adapter() -> Any:
    from pydantic import TypeAdapter

    return TypeAdapter(types.ContentBlock)


def _kind(value: Any) -> str:
    return "None" if value is None else f"a {type(value).__name__}"


def _line(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:300]


# -- resources -------------------------------------------------------------------------------


def template_pattern(template: str) -> re.Pattern[str]:
    """A regular expression matching the URIs of an RFC 6570 template (levels 1 to 3):
    one named group per path variable; query expressions (``{?a,b}``) match any query.
    """
    out = ["^"]
    position = 0
    for match in re.finditer(r"\{([^{}]*)\}", template):
        out.append(re.escape(template[position : match.start()]))
        position = match.end()
        expression = match.group(1)
        operator = expression[:1] if expression[:1] in "+#./;?&" else ""
        names = [n.split(":", 1)[0].rstrip("*") for n in expression[len(operator) :].split(",")]
        if operator in ("?", "&"):
            out.append(r"(?:[?&][^#]*)?")
            continue
        value = {"+": r"[^?#]*", "#": r".*"}.get(operator, r"[^/?#&,]*")
        prefix = {"#": "#", ".": r"\.", "/": "/", ";": ";"}.get(operator, "")
        groups = ",".join(f"(?P<{n}>{value})" for n in names)
        out.append(f"(?:{prefix}{groups})?" if prefix else groups)
    out.append(re.escape(template[position:]) + "$")
    return re.compile("".join(out))


def template_values(template: str, uri: str) -> dict[str, str] | None:
    """The variables of ``uri`` read by ``template``, or None when it does not match."""
    match = template_pattern(template).match(uri)
    if match is None:
        return None
    values = {k: unquote(v) for k, v in match.groupdict().items() if v is not None}
    query = re.search(r"\{[?&]([^{}]*)\}", template)
    if query and "?" in uri:
        given = parse_qs(uri.split("?", 1)[1].split("#", 1)[0])
        for name in query.group(1).split(","):
            name = name.split(":", 1)[0].rstrip("*")
            if name in given:
                values[name] = given[name][0]
    return values


async def read_resource(runner: ContractRunner, uri: str) -> types.ReadResourceResult:
    """The contents of ``uri``: a static resource, else the first template it matches."""
    spec = runner.spec
    contract = spec["contract"]
    resource = next((r for r in contract.get("resources", []) if r["uri"] == uri), None)
    keywords: dict[str, str] = {}
    if resource is not None:
        binding = spec["bindings"]["resources"][uri]
        mime = resource.get("mimeType")
    else:
        for template in contract.get("resourceTemplates", []):
            values = template_values(template["uriTemplate"], uri)
            if values is not None:
                binding = spec["bindings"]["resourceTemplates"][template["uriTemplate"]]
                keywords = {
                    py: values[wire] for wire, py in binding["variables"].items() if wire in values
                }
                mime = template.get("mimeType")
                break
        else:
            raise MCPError(
                code=RESOURCE_NOT_FOUND, message=f"Resource not found: {shown(uri, quoted=False)}"
            )
    try:
        content = await getattr(runner.impl, binding["method"])(**keywords)
    except NotImplementedError:
        raise MCPError(
            code=types.INTERNAL_ERROR, message=f"not implemented: {binding['name']}"
        ) from None
    if isinstance(content, bytes):
        blob = base64.b64encode(content).decode("ascii")
        item: Any = types.BlobResourceContents(uri=uri, mime_type=mime, blob=blob)
    elif isinstance(content, str):
        item = types.TextResourceContents(uri=uri, mime_type=mime, text=content)
    else:
        logger.error("%s: returned %s, not str or bytes", binding["name"], _kind(content))
        raise MCPError(code=types.INTERNAL_ERROR, message=f"invalid contents for {uri}")
    return types.ReadResourceResult(contents=[item])


# -- prompts ---------------------------------------------------------------------------------


async def get_prompt(
    runner: ContractRunner, name: str, arguments: Mapping[str, str] | None
) -> types.GetPromptResult:
    spec = runner.spec
    prompt = next((p for p in spec["contract"].get("prompts", []) if p["name"] == name), None)
    binding = _entry(spec, "prompts", name)
    if prompt is None or binding is None:
        raise MCPError(
            code=types.INVALID_PARAMS, message=f"Unknown prompt: {shown(name, quoted=False)}"
        )
    given = dict(arguments or {})
    for argument in prompt.get("arguments") or []:
        if argument.get("required") and argument["name"] not in given:
            raise MCPError(
                code=types.INVALID_PARAMS,
                message=f"prompt {name!r}: missing required argument {argument['name']!r}",
            )
    unknown = sorted(set(given) - set(binding["arguments"]))
    if unknown:
        raise MCPError(
            code=types.INVALID_PARAMS,
            message=f"prompt {name!r}: unknown argument {shown(unknown[0])}",
        )
    keywords = {binding["arguments"][wire]: value for wire, value in given.items()}
    try:
        result = await getattr(runner.impl, binding["method"])(**keywords)
    except NotImplementedError:
        raise MCPError(code=types.INTERNAL_ERROR, message=f"not implemented: {name}") from None
    if isinstance(result, str):
        messages = [
            types.PromptMessage(role="user", content=types.TextContent(type="text", text=result))
        ]
    elif isinstance(result, list) and all(isinstance(m, types.PromptMessage) for m in result):
        messages = result
    else:
        logger.error("prompt %s: returned %s, not str or PromptMessages", name, _kind(result))
        raise MCPError(code=types.INTERNAL_ERROR, message=f"invalid result for prompt {name}")
    return types.GetPromptResult(description=prompt.get("description"), messages=messages)


# -- the server ------------------------------------------------------------------------------


def build_server(
    spec: Mapping[str, Any],
    runner: Any,
    package: str | None = None,
    calls: CallLog | None = None,
) -> Server[Any]:
    """The MCP server of the contract: handlers only for what the contract has, so that
    exactly those capabilities are advertised."""
    contract = spec["contract"]
    calls = calls or CallLog()
    handlers: dict[str, Any] = {}
    tools = [types.Tool.model_validate(t) for t in contract.get("tools", [])]
    schemas = {t["name"]: t["inputSchema"] for t in contract.get("tools", [])}
    if tools:

        async def list_tools(
            ctx: ServerRequestContext[Any], params: types.PaginatedRequestParams | None
        ) -> types.ListToolsResult:
            return types.ListToolsResult(tools=tools)

        async def on_call_tool(
            ctx: ServerRequestContext[Any], params: types.CallToolRequestParams
        ) -> types.CallToolResult:
            arguments = params.arguments or {}
            return await calls.run(
                params.name,
                params.arguments,
                lambda: within_nesting(call_tool(runner, params.name, arguments)),
            )

        handlers.update(
            on_list_tools=list_tools,
            on_call_tool=on_call_tool,
            get_tool_input_schema=schemas.get,
        )
    resources = [types.Resource.model_validate(r) for r in contract.get("resources", [])]
    templates = [
        types.ResourceTemplate.model_validate(t) for t in contract.get("resourceTemplates", [])
    ]
    if resources or templates:

        async def list_resources(
            ctx: ServerRequestContext[Any], params: types.PaginatedRequestParams | None
        ) -> types.ListResourcesResult:
            return types.ListResourcesResult(resources=resources)

        async def list_templates(
            ctx: ServerRequestContext[Any], params: types.PaginatedRequestParams | None
        ) -> types.ListResourceTemplatesResult:
            return types.ListResourceTemplatesResult(resource_templates=templates)

        async def on_read_resource(
            ctx: ServerRequestContext[Any], params: types.ReadResourceRequestParams
        ) -> types.ReadResourceResult:
            return await read_resource(runner, str(params.uri))

        handlers.update(
            on_list_resources=list_resources,
            on_list_resource_templates=list_templates,
            on_read_resource=on_read_resource,
        )
    prompts = [types.Prompt.model_validate(p) for p in contract.get("prompts", [])]
    if prompts:

        async def list_prompts(
            ctx: ServerRequestContext[Any], params: types.PaginatedRequestParams | None
        ) -> types.ListPromptsResult:
            return types.ListPromptsResult(prompts=prompts)

        async def on_get_prompt(
            ctx: ServerRequestContext[Any], params: types.GetPromptRequestParams
        ) -> types.GetPromptResult:
            return await get_prompt(runner, params.name, params.arguments)

        handlers.update(on_list_prompts=list_prompts, on_get_prompt=on_get_prompt)
    info = spec["server"]
    icons = [types.Icon.model_validate(icon) for icon in info.get("icons") or []]
    return Server(
        info["name"],
        version=info["version"],
        title=info.get("listedTitle", info["title"]),
        description=info.get("description") or None,
        instructions=info["instructions"] or None,
        website_url=info.get("websiteUrl"),
        icons=icons or None,
        **handlers,
    )
