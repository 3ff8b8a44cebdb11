"""Calls the Python functions behind the tools.

Arguments checked against the ``inputSchema`` are converted by pydantic to the
types the function declares (dates, UUIDs, enums, dataclasses, models...).
Synchronous functions run in a worker thread, coroutines are awaited, and an
exception becomes an ``isError`` result with its message (and the traceback
with ``--debug``).
"""

from __future__ import annotations

import argparse
import base64
import importlib
import json
import logging
import traceback
from collections.abc import Callable, Mapping
from functools import partial
from typing import Any

import anyio
from mcp import types
from pydantic import ValidationError

from . import pyschema
from .results import error_result

logger = logging.getLogger(__name__)

_IMAGE_SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
    (b"RIFF", "image/webp"),
)


def add_arguments(parser: argparse.ArgumentParser, spec: Mapping[str, Any]) -> None:
    parser.add_argument(
        "--debug", action="store_true", help="include tracebacks in the results of failed calls"
    )


def create(spec: Mapping[str, Any], args: argparse.Namespace) -> Functions:
    """The backend of this server: the functions named in ``spec.json``."""
    return Functions(spec, debug=args.debug)


class Functions:
    def __init__(self, spec: Mapping[str, Any], debug: bool = False) -> None:
        self.debug = debug
        self.functions: dict[str, Callable[..., Any]] = {}
        for tool in spec["tools"]:
            target = tool["python"]
            module = importlib.import_module(target["module"])
            self.functions[tool["name"]] = getattr(module, target["function"])

    async def aclose(self) -> None:
        return None

    async def call(
        self, tool: Mapping[str, Any], arguments: Mapping[str, Any]
    ) -> types.CallToolResult:
        function = self.functions[tool["name"]]
        try:
            positional, keywords = pyschema.call_arguments(function, dict(arguments))
        except ValidationError as exc:
            problems = [
                f"{'/'.join(str(p) for p in error['loc'])}: {error['msg']}"
                for error in exc.errors()
            ]
            return error_result(
                f"Invalid arguments for tool {tool['name']!r}:\n" + "\n".join(problems)
            )
        try:
            if tool["python"]["async"]:
                result = await function(*positional, **keywords)
            else:
                result = await anyio.to_thread.run_sync(partial(function, *positional, **keywords))
        except Exception as exc:  # noqa: BLE001 - any failure of user code is the tool's error
            text = f"{type(exc).__name__}: {exc}"
            if self.debug:
                text += "\n" + "".join(traceback.format_exception(exc))
            logger.info("%s failed: %s", tool["name"], text)
            return error_result(text)
        return to_result(tool, function, result)


def to_result(
    tool: Mapping[str, Any], function: Callable[..., Any], result: Any
) -> types.CallToolResult:
    kind = tool["python"]["result"]
    if kind == "none" or (result is None and kind != "json"):
        return types.CallToolResult(content=[])
    if kind == "bytes" or isinstance(result, (bytes, bytearray)):
        data = bytes(result)
        encoded = base64.b64encode(data).decode("ascii")
        for signature, mime_type in _IMAGE_SIGNATURES:
            if data.startswith(signature):
                return types.CallToolResult(
                    content=[types.ImageContent(type="image", data=encoded, mime_type=mime_type)]
                )
        resource = types.BlobResourceContents(
            uri=f"mcpgen:result/{tool['name']}", mime_type="application/octet-stream", blob=encoded
        )
        return types.CallToolResult(
            content=[types.EmbeddedResource(type="resource", resource=resource)]
        )
    value = pyschema.return_adapter(function).dump_python(result, mode="json")
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    content: list[types.ContentBlock] = [types.TextContent(type="text", text=text)]
    if kind == "json":
        structured = {"result": value} if tool["python"]["wrapOutput"] else value
        return types.CallToolResult(content=content, structured_content=structured)
    if isinstance(value, dict):
        return types.CallToolResult(content=content, structured_content=value)
    return types.CallToolResult(content=content)


Backend = Functions
