"""The MCP server: tools from ``spec.json``, served over stdio or streamable HTTP.

Both protocol eras work: clients that start with ``initialize`` (up to
2025-11-25) and stateless clients that call ``server/discover`` (2026-07-28).
Arguments are validated against each tool's ``inputSchema`` before the tool
runs; invalid ones come back as an ``isError`` result naming the argument.
What a tool does is up to the backend module that ``spec.json`` names
(``upstream`` for an HTTP API, ``functions`` for Python functions).
"""

from __future__ import annotations

import argparse
import hmac
import importlib
import json
import logging
import os
import sys
from collections.abc import Awaitable, Callable, Mapping, MutableMapping
from importlib.resources import files
from typing import Any, Protocol, cast

import anyio
import jsonschema
from mcp import types
from mcp.server import Server, ServerRequestContext
from mcp.server.stdio import stdio_server
from mcp.server.transport_security import TransportSecuritySettings
from mcp.shared.exceptions import MCPError

from .results import error_result

logger = logging.getLogger(__package__)

BACKENDS = ("upstream", "functions")


class Runner(Protocol):
    """What a backend creates: it runs tool calls and is closed when the server stops."""

    async def call(
        self, tool: Mapping[str, Any], arguments: Mapping[str, Any]
    ) -> types.CallToolResult: ...

    async def aclose(self) -> None: ...


class BackendModule(Protocol):
    """A backend module: its command-line options and how it creates its runner."""

    def add_arguments(self, parser: argparse.ArgumentParser, spec: Mapping[str, Any]) -> None: ...

    def create(self, spec: Mapping[str, Any], args: argparse.Namespace) -> Runner: ...


def load_spec(package: str | None = None) -> dict[str, Any]:
    """``spec.json`` of ``package`` (this server's own package by default)."""
    text = files(package or __package__ or __name__).joinpath("spec.json").read_text("utf-8")
    spec: dict[str, Any] = json.loads(text)
    return spec


def backend_module(spec: Mapping[str, Any]) -> BackendModule:
    """The module named by ``spec["backend"]``, from this package."""
    name = spec["backend"]
    if name not in BACKENDS:
        raise ValueError(f"unknown backend {name!r} in spec.json")
    return cast(BackendModule, importlib.import_module(f".{name}", __package__))


def wire_tool(tool: Mapping[str, Any]) -> types.Tool:
    return types.Tool(
        name=tool["name"],
        title=tool["title"],
        description=tool["description"],
        input_schema=tool["inputSchema"],
        output_schema=tool.get("outputSchema"),
        annotations=(
            types.ToolAnnotations.model_validate(tool["annotations"])
            if "annotations" in tool
            else None
        ),
    )


def _validator_for(schema: Mapping[str, Any]) -> jsonschema.protocols.Validator:
    cls = jsonschema.validators.validator_for(schema, default=jsonschema.Draft202012Validator)
    return cls(schema)


class Tools:
    """The tools of ``spec.json``: their wire form and validators, each built on first use."""

    def __init__(self, spec: Mapping[str, Any]) -> None:
        self.by_name: dict[str, dict[str, Any]] = {tool["name"]: tool for tool in spec["tools"]}
        self._listed: types.ListToolsResult | None = None
        self._validators: dict[str, jsonschema.protocols.Validator] = {}

    def listed(self) -> types.ListToolsResult:
        if self._listed is None:
            self._listed = types.ListToolsResult(
                tools=[wire_tool(tool) for tool in self.by_name.values()]
            )
        return self._listed

    def input_schema(self, name: str) -> dict[str, Any] | None:
        tool = self.by_name.get(name)
        return tool["inputSchema"] if tool is not None else None

    def argument_errors(self, name: str, arguments: Mapping[str, Any]) -> list[str]:
        """What is wrong with ``arguments``, one line per problem, naming the argument."""
        validator = self._validators.get(name)
        if validator is None:
            validator = self._validators[name] = _validator_for(self.by_name[name]["inputSchema"])
        errors = sorted(validator.iter_errors(dict(arguments)), key=lambda e: list(e.path))
        out: list[str] = []
        for error in errors[:10]:
            where = "/".join(str(p) for p in error.absolute_path)
            out.append(f"{where}: {error.message}" if where else error.message)
        return out


def output_check(tool: Mapping[str, Any], result: types.CallToolResult) -> None:
    """Log (do not fail) a structured result that does not match the tool's outputSchema."""
    schema = tool.get("outputSchema")
    if schema is None or result.is_error or result.structured_content is None:
        return
    errors = _validator_for(schema).iter_errors(result.structured_content)
    error = jsonschema.exceptions.best_match(errors)
    if error is not None:
        where = "/".join(str(p) for p in error.absolute_path) or "(root)"
        logger.warning(
            "%s: response does not match the outputSchema at %s: %s",
            tool["name"],
            where,
            error.message,
        )


def build_server(spec: Mapping[str, Any], runner: Runner) -> Server[Any]:
    """The MCP server for ``spec``, whose tool calls ``runner`` carries out."""
    tools = Tools(spec)

    async def list_tools(
        ctx: ServerRequestContext[Any], params: types.PaginatedRequestParams | None
    ) -> types.ListToolsResult:
        return tools.listed()

    async def call_tool(
        ctx: ServerRequestContext[Any], params: types.CallToolRequestParams
    ) -> types.CallToolResult:
        tool = tools.by_name.get(params.name)
        if tool is None:
            raise MCPError(code=types.INVALID_PARAMS, message=f"Unknown tool: {params.name}")
        arguments = params.arguments or {}
        problems = tools.argument_errors(params.name, arguments)
        if problems:
            return error_result(
                f"Invalid arguments for tool {params.name!r}:\n" + "\n".join(problems)
            )
        result = await runner.call(tool, arguments)
        output_check(tool, result)
        return result

    info = spec["server"]
    return Server(
        info["name"],
        version=info["version"],
        title=info["title"],
        instructions=info["description"] or None,
        on_list_tools=list_tools,
        on_call_tool=call_tool,
        get_tool_input_schema=tools.input_schema,
    )


ASGIApp = Callable[
    [MutableMapping[str, Any], Callable[[], Awaitable[Any]], Callable[[Any], Awaitable[None]]],
    Awaitable[None],
]


def require_token(app: ASGIApp, token: str) -> ASGIApp:
    """Reject HTTP requests without ``Authorization: Bearer <token>`` (constant-time check)."""
    expected = f"Bearer {token}".encode()

    async def guarded(
        scope: MutableMapping[str, Any],
        receive: Callable[[], Awaitable[Any]],
        send: Callable[[Any], Awaitable[None]],
    ) -> None:
        if scope["type"] == "http":
            given = dict(scope.get("headers") or []).get(b"authorization", b"")
            if not hmac.compare_digest(given, expected):
                await send(
                    {
                        "type": "http.response.start",
                        "status": 401,
                        "headers": [
                            (b"content-type", b"text/plain"),
                            (b"www-authenticate", b"Bearer"),
                        ],
                    }
                )
                await send({"type": "http.response.body", "body": b"unauthorized\n"})
                return
        await app(scope, receive, send)

    return guarded


def parse_args(
    spec: Mapping[str, Any], backend: BackendModule, argv: list[str] | None = None
) -> argparse.Namespace:
    prefix = spec["envPrefix"]
    parser = argparse.ArgumentParser(
        prog=__package__,
        description=f"MCP server for {spec['server']['title']} ({len(spec['tools'])} tools).",
    )
    parser.add_argument("--transport", choices=["stdio", "http"], default="stdio")
    parser.add_argument("--host", default="127.0.0.1", help="HTTP: address to listen on")
    parser.add_argument("--port", type=int, default=8000, help="HTTP: port to listen on")
    parser.add_argument("--path", default="/mcp", help="HTTP: path of the MCP endpoint")
    parser.add_argument(
        "--allowed-host",
        action="append",
        default=[],
        help="HTTP: a Host header to accept besides loopback (DNS-rebinding protection)",
    )
    backend.add_arguments(parser, spec)
    parser.add_argument("--log-level", default=os.environ.get(f"{prefix}_LOG_LEVEL", "WARNING"))
    return parser.parse_args(argv)


async def serve(spec: Mapping[str, Any], backend: BackendModule, args: argparse.Namespace) -> None:
    runner = backend.create(spec, args)
    server = build_server(spec, runner)
    try:
        if args.transport == "stdio":
            async with stdio_server() as (read, write):
                await server.run(read, write, server.create_initialization_options())
            return
        import uvicorn

        hosts = ["127.0.0.1:*", "localhost:*", "[::1]:*"]
        hosts += [h if ":" in h else f"{h}:*" for h in [args.host, *args.allowed_host]]
        security = TransportSecuritySettings(
            enable_dns_rebinding_protection=True,
            allowed_hosts=hosts,
            allowed_origins=[f"http://{h}" for h in hosts] + [f"https://{h}" for h in hosts],
        )
        app: ASGIApp = server.streamable_http_app(
            streamable_http_path=args.path, host=args.host, transport_security=security
        )
        token = os.environ.get(f"{spec['envPrefix']}_MCP_TOKEN")
        if token:
            app = require_token(app, token)
        config = uvicorn.Config(app, host=args.host, port=args.port, log_level="warning")
        await uvicorn.Server(config).serve()
    finally:
        await runner.aclose()


def main(argv: list[str] | None = None) -> None:
    spec = load_spec()
    backend = backend_module(spec)
    args = parse_args(spec, backend, argv)
    logging.basicConfig(level=args.log_level.upper(), stream=sys.stderr)
    anyio.run(serve, spec, backend, args)
