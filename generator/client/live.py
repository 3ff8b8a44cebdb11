"""What a live server lists (tools, resources, resource templates, prompts: every page of
each), with errors a user can act on.

Whatever goes wrong ends within ``timeout`` seconds (plus the SDK's bounded shutdown of a
server process) with one line: the connection refused at a URL, the server process exited
with its code and last stderr line, no MCP response on stdout within the time, or the
reply that was not MCP. A command is run through a tiny Python wrapper that records its
exit code, so an early exit can be told from silence; its stderr goes to a temporary file
whose last line is quoted.
"""

from __future__ import annotations

import logging
import os
import shlex
import shutil
import socket
import sys
import tempfile
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from ..diagnostics import MCPGenError, json_pointer
from .catalog import Catalog

DEFAULT_TIMEOUT = 30.0
"""Seconds to connect and list everything, by default."""
MAX_PAGES = 10_000
METHOD_NOT_FOUND = -32601
CONNECTION_CLOSED = -32000
"""The code of the SDK's own error when the server's stream ends."""

# Runs the server command and records its exit code; stdin, stdout and stderr are inherited,
# so the server talks to the SDK directly. The wrapper keeps stdout open until it has written
# the code, so the SDK sees the end of stdout only after the code is there.
_WRAPPER = """\
import subprocess, sys
try:
    child = subprocess.Popen(sys.argv[2:])
except OSError as exc:
    sys.stderr.write(f"cannot start {sys.argv[2]}: {exc.strerror}\\n")
    code = 127
else:
    code = child.wait()
with open(sys.argv[1], "w") as status:
    status.write(str(code))
sys.exit(1 if code < 0 else code)
"""


class _Records(logging.Handler):
    """Keeps the SDK's log records (they would otherwise print tracebacks on stderr)."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)

    def stdout_text(self) -> str | None:
        """The first stdout line the SDK could not read as JSON-RPC, if any."""
        for record in self.records:
            error = record.exc_info[1] if record.exc_info else None
            errors = getattr(error, "errors", None)
            if callable(errors):
                try:
                    first = errors()[0]
                except (IndexError, TypeError):  # pragma: no cover - defensive
                    continue
                if isinstance(first, dict) and isinstance(first.get("input"), str):
                    return str(first["input"])
        return None


@contextmanager
def _quiet() -> Iterator[_Records]:
    logger = logging.getLogger("mcp")
    handler = _Records()
    propagate = logger.propagate
    logger.addHandler(handler)
    logger.propagate = False
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield handler
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate


def _leaves(exc: BaseException) -> list[BaseException]:
    if isinstance(exc, BaseExceptionGroup):
        return [leaf for inner in exc.exceptions for leaf in _leaves(inner)]
    return [exc]


def _short(text: str, limit: int = 200) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _last_line(path: Path) -> str | None:
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:  # pragma: no cover - the file is ours
        return None
    for line in reversed(lines):
        if line.strip():
            return _short(line)
    return None


def _command(target: str) -> list[str]:
    try:
        words = shlex.split(target)
    except ValueError as exc:
        raise MCPGenError(target, "", f"cannot read the server command: {exc}") from None
    if not words:
        raise MCPGenError(target, "", "empty server command")
    program = words[0]
    found = shutil.which(program)
    if found is None:
        if os.sep in program and Path(program).is_file():
            raise MCPGenError(target, "", f"{program} is not executable")
        raise MCPGenError(target, "", f"command not found: {program}")
    return [found, *words[1:]]


def _unreachable(url: str) -> str:
    """Why nothing answers at ``url``, found with a plain socket."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    port = parts.port or (443 if parts.scheme == "https" else 80)
    try:
        with socket.create_connection((host, port), timeout=5):
            return f"cannot connect to {url}"
    except socket.gaierror as exc:
        return f"cannot resolve host {host!r} of {url}: {exc.strerror}"
    except ConnectionRefusedError:
        return f"connection refused at {url}"
    except OSError as exc:
        return f"cannot connect to {url}: {exc.strerror or exc}"


def _validation(exc: BaseException) -> tuple[str, str] | None:
    errors = getattr(exc, "errors", None)
    if type(exc).__name__ != "ValidationError" or not callable(errors):
        return None
    first = errors()[0]
    location = tuple(p for p in first.get("loc", ()) if isinstance(p, str | int))
    return json_pointer(location), f"the server's reply is not valid MCP: {first.get('msg')}"


def _answered(leaf: BaseException) -> bool:
    """Whether ``leaf`` is an error the server sent (not the SDK's "Connection closed")."""
    if type(leaf).__name__ not in ("MCPError", "McpError"):
        return False
    error = getattr(leaf, "error", None)
    closed = getattr(error, "code", None) == CONNECTION_CLOSED and (
        getattr(error, "message", None) == "Connection closed"
    )
    return not closed


def _describe(leaf: BaseException) -> str:
    name = type(leaf).__name__
    if name == "HTTPStatusError":
        response = getattr(leaf, "response", None)
        status = getattr(response, "status_code", "?")
        return f"HTTP {status} from the server; is this the URL of an MCP endpoint?"
    text = str(leaf) or name
    return _short(text if name in ("MCPError", "McpError") else f"{name}: {text}")


def list_tools(target: str, timeout: float = DEFAULT_TIMEOUT) -> tuple[list[dict[str, Any]], str]:
    """Every tool of a live server (``http(s)://`` URL or a command run over stdio) and the
    server's name. Raises MCPGenError with one line saying what went wrong."""
    catalog = capture(target, timeout)
    return list(catalog.tools), catalog.name


def capture(target: str, timeout: float = DEFAULT_TIMEOUT) -> Catalog:
    """What a live server offers: every page of ``tools/list`` and, when the server has the
    capability, of ``resources/list``, ``resources/templates/list`` and ``prompts/list``,
    with its name, title, version, description, website, icons and instructions (from
    ``serverInfo``). Raises MCPGenError with one line."""
    try:
        import anyio
        from mcp import Client, StdioServerParameters
        from mcp.client.stdio import stdio_client
        from mcp.shared.exceptions import MCPError
    except ImportError:
        raise MCPGenError(
            target, "", "--server needs the MCP SDK: pip install 'mcpgen[live]'"
        ) from None
    if timeout <= 0:
        raise MCPGenError(target, "", f"the timeout must be positive, not {timeout:g}")
    is_url = target.startswith(("http://", "https://"))
    command = [] if is_url else _command(target)

    async def fetch(server: Any, stderr_path: Path) -> Catalog:
        """``listing`` within ``timeout``; at the deadline, the server's last stderr line is
        taken before its shutdown can add its own."""
        found: list[Catalog] = []
        async with anyio.create_task_group() as group:

            async def watchdog() -> None:
                await anyio.sleep(timeout)
                at_timeout.append(_last_line(stderr_path))
                group.cancel_scope.cancel()

            group.start_soon(watchdog)
            found.append(await listing(server))
            group.cancel_scope.cancel()
        if not found:
            raise TimeoutError
        return found[0]

    at_timeout: list[str | None] = []
    step = ["tools"]

    async def pages(fetch: Any, key: str, method: str) -> list[dict[str, Any]]:
        """Every item of a paginated list (``tools``, ``resources``, ...)."""
        items: list[dict[str, Any]] = []
        cursor: str | None = None
        seen: set[str] = set()
        for _ in range(MAX_PAGES):
            page = await fetch(cursor=cursor)
            items += [
                item.model_dump(mode="json", by_alias=True, exclude_none=True)
                for item in getattr(page, key)
            ]
            cursor = page.next_cursor
            if cursor is None:
                return items
            if cursor in seen:
                raise MCPGenError(
                    target, "", f"{method} never ends: the server sent cursor {cursor!r} twice"
                )
            seen.add(cursor)
        raise MCPGenError(target, "", f"{method} has more than {MAX_PAGES} pages")

    async def listing(server: Any) -> Catalog:
        async with Client(server) as client:
            tools = await pages(client.list_tools, "tools", "tools/list")
            capabilities = client.server_capabilities
            resources: list[dict[str, Any]] = []
            templates: list[dict[str, Any]] = []
            prompts: list[dict[str, Any]] = []
            if capabilities.resources is not None:
                step[0] = "resources"
                resources = await pages(client.list_resources, "resources", "resources/list")
                step[0] = "resource templates"
                try:
                    templates = await pages(
                        client.list_resource_templates,
                        "resource_templates",
                        "resources/templates/list",
                    )
                except MCPError as exc:
                    # Servers with static resources only often lack the method: no templates.
                    if exc.code != METHOD_NOT_FOUND:
                        raise
            if capabilities.prompts is not None:
                step[0] = "prompts"
                prompts = await pages(client.list_prompts, "prompts", "prompts/list")
            info = client.server_info

            def text(value: Any) -> str | None:
                return value if isinstance(value, str) and value else None

            return Catalog(
                name=text(getattr(info, "name", None)) or "server",
                tools=tuple(tools),
                resources=tuple(resources),
                resource_templates=tuple(templates),
                prompts=tuple(prompts),
                title=text(getattr(info, "title", None)),
                version=text(getattr(info, "version", None)),
                instructions=text(client.instructions),
                description=text(getattr(info, "description", None)),
                website_url=text(getattr(info, "website_url", None)),
                icons=tuple(
                    icon.model_dump(mode="json", by_alias=True, exclude_none=True)
                    for icon in getattr(info, "icons", None) or ()
                ),
            )

    with tempfile.TemporaryDirectory(prefix="mcpgen-server-") as scratch, _quiet() as records:
        status = Path(scratch, "exit-code")
        stderr_path = Path(scratch, "stderr")
        with stderr_path.open("w+", encoding="utf-8") as errlog:
            server: Any = target
            if not is_url:
                params = StdioServerParameters(
                    command=sys.executable,
                    args=["-c", _WRAPPER, str(status), *command],
                    env=dict(os.environ),
                )
                server = stdio_client(params, errlog=errlog)
            try:
                return anyio.run(fetch, server, stderr_path)
            except Exception as exc:  # noqa: BLE001 - every failure becomes one line
                failure = exc
        leaves = _leaves(failure)
        for leaf in leaves:
            if isinstance(leaf, MCPGenError):
                raise leaf from None
        for leaf in leaves:
            invalid = _validation(leaf)
            if invalid is not None:
                raise MCPGenError(target, *invalid) from None
        for leaf in leaves:
            # The server answered with a JSON-RPC error: its exit afterwards is our doing.
            if _answered(leaf):
                raise MCPGenError(
                    target, "", f"cannot list the server's {step[0]}: {_describe(leaf)}"
                ) from None
        stderr_line = None if is_url else (at_timeout or [_last_line(stderr_path)])[0]
        tail = f"; its last stderr line: {stderr_line}" if stderr_line else ""
        text = records.stdout_text()
        wrote = f"; it wrote {_short(text, 80)!r} on stdout, which is not MCP" if text else ""
        if not is_url and status.exists():
            code = status.read_text(encoding="utf-8").strip()
            raise MCPGenError(
                target, "", f"the server process exited with code {code}{wrote}{tail}"
            )
        timed_out = any(isinstance(leaf, TimeoutError) for leaf in leaves)
        if is_url:
            if any(type(leaf).__name__ == "ConnectError" for leaf in leaves):
                raise MCPGenError(target, "", _unreachable(target)) from None
            if timed_out:
                raise MCPGenError(
                    target, "", f"no MCP response from {target} within {timeout:g} s"
                ) from None
        elif timed_out:
            raise MCPGenError(
                target, "", f"no MCP response on stdout within {timeout:g} s{wrote}{tail}"
            ) from None
        raise MCPGenError(
            target, "", f"cannot list the server's {step[0]}: {_describe(leaves[0])}{tail}"
        ) from None
