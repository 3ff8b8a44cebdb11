"""The MCP server: tools from ``spec.json``, served over stdio or streamable HTTP.

Both protocol eras work: clients that start with ``initialize`` (up to
2025-11-25) and stateless clients that call ``server/discover`` (2026-07-28).
Over HTTP the server keeps no session by default, in either era, so that any
request can reach any replica behind a load balancer; ``--stateful`` keeps
sessions in the process instead (server-to-client requests and GET streams,
at the price of every request of a session having to reach the same process).
Arguments are validated against each tool's ``inputSchema`` before the tool
runs; invalid ones come back as an ``isError`` result naming the argument.
What a tool does is up to the backend module that ``spec.json`` names
(``upstream`` for an HTTP API, ``functions`` for Python functions).
"""

from __future__ import annotations

import argparse
import importlib
import json
import logging
import os
import threading
import time
from collections.abc import Callable, Mapping
from functools import partial
from importlib.resources import files
from typing import Any, Protocol, cast

import anyio
from mcp import types
from mcp.server import Server, ServerRequestContext
from mcp.server.transport_security import TransportSecuritySettings

from .catalog import Catalog
from .discovery import Discovery
from .discovery import tools as discovery_tools
from .guards import guard_hosts, hostname, require_token
from .results import error_result, within_nesting
from .search import Index
from .service import (
    PROBES,
    ASGIApp,
    CallLog,
    configure_logging,
    note_outcome,
    probes,
    serve_http,
    serve_stdio,
    watch_responses,
)
from .unknown import unknown_tool

logger = logging.getLogger(__package__)

BACKENDS = ("upstream", "functions", "contract")


class Runner(Protocol):
    """What a backend creates: it runs tool calls and is closed when the server stops.

    A runner may also have a ``ready() -> bool`` method: ``GET /readyz`` answers 503
    while it returns false (say, no upstream base URL is configured).
    """

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


def load_data(name: str, package: str | None = None) -> dict[str, Any]:
    """A JSON data file of this server's package."""
    text = files(package or __package__ or __name__).joinpath(name).read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def load_catalog(spec: Mapping[str, Any], package: str | None = None) -> Catalog:
    """The operations: in ``spec.json`` itself (functions servers) or ``operations.json``."""
    data = spec if "tools" in spec else load_data("operations.json", package)
    return Catalog.from_data(data, spec.get("schemas"))


def listed_names(spec: Mapping[str, Any], package: str | None = None) -> list[str]:
    """The names of the tools this server lists."""
    if spec.get("backend") == "contract":
        return [tool["name"] for tool in spec["contract"].get("tools", [])]
    if spec.get("toolsMode") == "discovery":
        return [tool["name"] for tool in discovery_tools(spec)]
    return load_catalog(spec, package).names()


def output_check(catalog: Catalog, name: str, result: types.CallToolResult) -> types.CallToolResult:
    """``result``, its structured content mended where it can be (``Catalog.conformed``),
    unless it does not match the outputSchema clients were shown: then an ``isError``
    result that still carries the response as text (a client that validates structured
    content would otherwise fail, and lose the data)."""
    if result.is_error:
        return result
    if result.structured_content is None:
        if catalog.wire(name).get("outputSchema") is None:
            return result
        # A tool with an outputSchema must send structured content (clients refuse it
        # otherwise), even for a response with no JSON: an empty object, if the schema allows.
        result = result.model_copy(update={"structured_content": {}})
    structured, problem = catalog.conformed(name, result.structured_content)
    if problem is None:
        if structured is result.structured_content:
            return result
        return result.model_copy(update={"structured_content": structured})
    logger.warning("%s: response does not match the outputSchema %s", name, problem)
    text = "\n".join(c.text for c in result.content if isinstance(c, types.TextContent))
    return error_result(
        f"The response of {name} does not match its outputSchema {problem}. "
        f"The response was:\n{text}"
    )


def build_server(
    spec: Mapping[str, Any],
    runner: Runner,
    package: str | None = None,
    calls: CallLog | None = None,
) -> Server[Any]:
    """The MCP server for ``spec``, whose tool calls ``runner`` carries out.

    In discovery mode (``spec["toolsMode"]``) it lists the discovery tools, and the
    operations and their search index are loaded on first use, so start-up does not
    grow with the API. Every tool call is logged by ``calls`` (one line each).
    """
    loaded: dict[str, Any] = {}
    calls = calls or CallLog()
    watch_responses(getattr(runner, "client", None))

    catalog_lock, index_lock = threading.Lock(), threading.Lock()

    def operations() -> Catalog:
        # Calls run in worker threads, and the warm-up in its own: loaded once.
        with catalog_lock:
            if "catalog" not in loaded:
                loaded["catalog"] = load_catalog(spec, package)
        catalog: Catalog = loaded["catalog"]
        return catalog

    def index() -> Index:
        # Searches run in worker threads: the index is made once.
        with index_lock:
            if "index" not in loaded:
                loaded["index"] = Index(load_data("search.json", package))
        found: Index = loaded["index"]
        return found

    discovery: Discovery | None = None
    if spec.get("toolsMode") == "discovery":
        discovery = Discovery(
            spec,
            operations,
            index,
            runner.call,
            lambda name, result: output_check(operations(), name, result),
        )
        listed = Catalog.from_data({"tools": discovery_tools(spec)})
    else:
        listed = operations()
    listing: list[types.ListToolsResult] = []

    async def list_tools(
        ctx: ServerRequestContext[Any], params: types.PaginatedRequestParams | None
    ) -> types.ListToolsResult:
        if not listing:
            listing.append(
                types.ListToolsResult(tools=[wire_tool(listed.wire(n)) for n in listed.names()])
            )
            if discovery is not None:
                # A client that lists tools is about to use them: the index and the
                # operations are made while its model reads the list, not at its first
                # search. After a moment, so that this answer goes out first.
                timer = threading.Timer(WARM_UP_DELAY, warm_up, (index, operations, listed))
                timer.daemon = True  # never keeps a server that is done from exiting
                timer.start()
        return listing[0]

    async def run_tool(params: types.CallToolRequestParams) -> types.CallToolResult:
        tool = listed.by_name.get(params.name)
        if tool is None:
            note_outcome("unknown_tool")
            hint = ""
            if discovery is not None:
                hint = await anyio.to_thread.run_sync(discovery.operation_hint, params.name)
            raise unknown_tool(params.name, listed.by_name, hint)
        # Values sent as their JSON text ("5", '{"a": 1}') are read as those values, and an
        # operation's arguments put beside its name as its arguments.
        mend = partial(discovery.folded, params.name) if discovery is not None else None
        arguments, problems = listed.checked_arguments(params.name, params.arguments or {}, mend)
        if problems:
            note_outcome("invalid_arguments")
            return error_result(
                f"Invalid arguments for tool {params.name!r}:\n" + "\n".join(problems)
            )
        if discovery is not None:
            return await discovery.call(params.name, arguments)
        result = await runner.call(tool, arguments)
        return output_check(listed, params.name, result)

    async def call_tool(
        ctx: ServerRequestContext[Any], params: types.CallToolRequestParams
    ) -> types.CallToolResult:
        return await calls.run(
            params.name, params.arguments, lambda: within_nesting(run_tool(params))
        )

    info = spec["server"]
    return Server(
        info["name"],
        version=info["version"],
        title=info["title"],
        instructions=info["description"] or None,
        on_list_tools=list_tools,
        on_call_tool=call_tool,
        get_tool_input_schema=listed.input_schema,
    )


WARM_UP_DELAY = 0.05
"""Seconds after its first ``tools/list`` answer that a discovery server starts making its
tools' argument validators and search index, and loading its operations (``warm_up``)."""


def warm_up(index: Callable[[], Index], operations: Callable[[], Catalog], listed: Catalog) -> None:
    """Make the argument validators of the ``listed`` tools, the search index and the
    operations (in a thread of its own), so that the first search and the first call do not
    wait for them. A request that comes meanwhile waits for what it needs, never for more."""
    started = time.perf_counter()
    try:
        listed.prepare_validators()
        index().prepare()
        operations()
    except Exception:  # the request that needs them will say what is wrong
        logger.debug("warm-up stopped", exc_info=True)
        return
    logger.info("search index and operations ready in %.2f s", time.perf_counter() - started)


LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")


def command_name(spec: Mapping[str, Any]) -> str:
    """The console script that runs this server (``pyproject.toml``'s ``[project.scripts]``)."""
    return str(spec.get("command") or spec["server"]["name"])


def parse_args(
    spec: Mapping[str, Any], backend: BackendModule, argv: list[str] | None = None
) -> argparse.Namespace:
    """The command line; every option's help says its default (and the environment
    variable that sets it, if one does)."""
    prefix = spec["envPrefix"]
    title = " ".join(spec["server"]["title"].split()).rstrip(".")
    parser = argparse.ArgumentParser(
        prog=command_name(spec),
        description=f"MCP server for {title}. By default it serves one client over stdin and "
        "stdout, the way desktop MCP clients start it; --transport http serves streamable "
        "HTTP instead.",
    )
    parser.add_argument(
        "--transport",
        choices=["stdio", "http"],
        default="stdio",
        help="stdio: serve the client that started this process, over stdin and stdout; "
        "http: serve streamable HTTP at --host, --port and --path (default: %(default)s)",
    )
    parser.add_argument(
        "--host", default="127.0.0.1", help="HTTP: address to listen on (default: %(default)s)"
    )
    parser.add_argument(
        "--port",
        type=int,
        default=8000,
        help="HTTP: port to listen on; 0 picks a free one (default: %(default)s)",
    )
    parser.add_argument(
        "--path", default="/mcp", help="HTTP: path of the MCP endpoint (default: %(default)s)"
    )
    parser.add_argument(
        "--allowed-host",
        action="append",
        default=[],
        metavar="HOST",
        help="HTTP: a Host header to accept besides loopback (DNS-rebinding protection); "
        f"repeatable, and ${prefix}_ALLOWED_HOSTS adds a comma-separated list "
        "(default: loopback names only)",
    )
    parser.add_argument(
        "--stateful",
        action="store_true",
        default=os.environ.get(f"{prefix}_STATEFUL", "").lower() in ("1", "true", "yes"),
        help="HTTP: keep 2025-11-25 sessions in this process (server-to-client requests, "
        "GET streams); every request of a session must then reach this process. By default "
        "no session is kept and any replica can answer any request "
        f"(default: off; ${prefix}_STATEFUL=1 turns it on)",
    )
    backend.add_arguments(parser, spec)
    level = os.environ.get(f"{prefix}_LOG_LEVEL") or "WARNING"
    parser.add_argument(
        "--log-level",
        type=str.upper,
        choices=LOG_LEVELS,
        default=level.upper(),
        metavar="LEVEL",
        help=f"least level of the JSON log lines on stderr: {', '.join(LOG_LEVELS)}; tool "
        f"calls are logged whatever it is (default: %(default)s; ${prefix}_LOG_LEVEL sets it)",
    )
    parser.add_argument(
        "--log-arguments",
        action="store_true",
        help="put argument values in the log line of each tool call; they may hold personal "
        "data or secrets (default: off)",
    )
    args = parser.parse_args(argv)
    extra = os.environ.get(f"{prefix}_ALLOWED_HOSTS", "")
    args.allowed_host = [*args.allowed_host, *(h.strip() for h in extra.split(",") if h.strip())]
    if args.path in PROBES:
        parser.error(f"--path {args.path} is the path of a probe")
    if args.log_level not in LOG_LEVELS:
        parser.error(
            f"${prefix}_LOG_LEVEL={level}: not a log level (use one of {', '.join(LOG_LEVELS)})"
        )
    return args


def readiness(runner: Runner) -> Callable[[], bool]:
    """Whether the server can serve: the runner's ``ready()`` when it has one."""
    check = getattr(runner, "ready", None)
    if not callable(check):
        return lambda: True
    return lambda: bool(check())


async def serve(spec: Mapping[str, Any], backend: BackendModule, args: argparse.Namespace) -> None:
    runner = backend.create(spec, args)
    # A backend that serves more than tools (contract: resources, prompts) builds its own.
    build = getattr(backend, "build_server", build_server)
    server = build(spec, runner, calls=CallLog(arguments=args.log_arguments))
    try:
        if args.transport == "stdio":
            await serve_stdio(server)
            return
        names = {"127.0.0.1", "localhost", "[::1]", args.host, *args.allowed_host}
        allowed = sorted({hostname(n) for n in names})
        # The SDK matches ``host`` or ``host:<port>`` exactly; both forms are allowed, for a
        # proxy in front sends the client's Host, often without a port (``mcp.example.com``).
        # guard_hosts (below) has compared whole hosts already.
        hosts = [form for host in allowed for form in (host, f"{host}:*")]
        security = TransportSecuritySettings(
            enable_dns_rebinding_protection=True,
            allowed_hosts=hosts,
            allowed_origins=[f"{scheme}://{h}" for scheme in ("http", "https") for h in hosts],
        )
        app: ASGIApp = server.streamable_http_app(
            streamable_http_path=args.path,
            host=args.host,
            transport_security=security,
            stateless_http=not args.stateful,
        )
        token = os.environ.get(f"{spec['envPrefix']}_MCP_TOKEN")
        if token:
            app = require_token(app, token)
        app = guard_hosts(app, frozenset(allowed))
        # Probes stay outside the token and Host checks: orchestrators ask by address.
        app = probes(app, readiness(runner))
        await serve_http(app, args.host, args.port, args.path)
    finally:
        await runner.aclose()


def main(argv: list[str] | None = None) -> None:
    """Run the server: ``--help`` lists the options."""
    spec = load_spec()
    backend = backend_module(spec)
    args = parse_args(spec, backend, argv)
    configure_logging(args.log_level)
    try:
        anyio.run(serve, spec, backend, args)
    except KeyboardInterrupt:
        # Ctrl-C where the event loop cannot watch signals (Windows), or before it runs:
        # a stop asked for, not a failure.
        pass
