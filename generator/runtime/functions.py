"""Calls the Python functions behind the tools.

Arguments checked against the ``inputSchema`` are converted by pydantic to the
types the function declares (dates, UUIDs, enums, dataclasses, models...).
Synchronous functions run in a worker thread, coroutines are awaited, and an
exception becomes an ``isError`` result with its message (and the traceback
with ``--debug``). So does a result that is no value a tool can send: an
exception object returned instead of raised, an iterator, or anything pydantic
cannot serialise.
"""

from __future__ import annotations

import argparse
import base64
import collections.abc
import contextlib
import importlib
import inspect
import json
import logging
import os
import sys
import traceback
import types as pytypes
from collections.abc import Callable, Iterator, Mapping
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
        "--debug",
        action="store_true",
        help="include tracebacks in the results of failed calls, and in the error when the "
        "tools' module cannot be imported (default: off)",
    )


def create(spec: Mapping[str, Any], args: argparse.Namespace) -> Functions:
    """The backend of this server: the functions named in ``spec.json``.

    A module that cannot be imported ends the server with one line saying which module
    is missing and how to install it (and the traceback with ``--debug``).
    """
    try:
        return Functions(spec, debug=args.debug)
    except StartupError as exc:
        if args.debug and exc.__cause__ is not None:
            traceback.print_exception(exc.__cause__, file=sys.stderr)
        raise SystemExit(f"{__package__}: error: {exc}") from None


class StartupError(Exception):
    """The functions cannot be loaded: the server cannot start."""


def install_hint(module: str, target: Mapping[str, Any]) -> str:
    """How to make ``module`` (the tools' own module) importable, in a few words."""
    distribution = target.get("distribution")
    if distribution:
        return f"install it with `pip install {distribution}`"
    path = target.get("path") or module.replace(".", "/") + ".py"
    where = f"put the directory that contains {path} on PYTHONPATH"
    if target.get("file"):
        return where
    return f"install the package that provides it, or {where}"


@contextlib.contextmanager
def stdout_to_stderr() -> Iterator[None]:
    """Send what is printed to stderr, from Python and to file descriptor 1 alike: over stdio,
    stdout is the protocol stream."""
    sys.stdout.flush()
    try:
        saved = os.dup(1)
        os.dup2(2, 1)
    except OSError:
        saved = -1
    try:
        with contextlib.redirect_stdout(sys.stderr):
            yield
    finally:
        if saved >= 0:
            sys.stdout.flush()
            os.dup2(saved, 1)
            os.close(saved)


def import_module(name: str, target: Mapping[str, Any]) -> pytypes.ModuleType:
    """Import the tools' module; what it prints goes to stderr, never to the stdio wire."""
    try:
        with stdout_to_stderr():
            return importlib.import_module(name)
    except ImportError as exc:
        missing = exc.name or ""
        if isinstance(exc, ModuleNotFoundError) and (
            name == missing or name.startswith(missing + ".")
        ):
            raise StartupError(
                f"cannot import module {name!r}, which this server's tools come from "
                f"({exc}): {install_hint(name, target)}"
            ) from exc
        advice = (
            f": install the package that provides {missing!r}"
            if isinstance(exc, ModuleNotFoundError) and missing
            else ""
        )
        raise StartupError(
            f"cannot import module {name!r}: {type(exc).__name__}: {exc}{advice}"
        ) from exc
    except Exception as exc:  # the module's own code failed at import
        text = " ".join(f"{type(exc).__name__}: {exc}".split())
        raise StartupError(f"cannot import module {name!r}: {text}") from exc


class Functions:
    def __init__(self, spec: Mapping[str, Any], debug: bool = False) -> None:
        self.debug = debug
        self.functions: dict[str, Callable[..., Any]] = {}
        target: Mapping[str, Any] = spec.get("python", {})
        modules: dict[str, pytypes.ModuleType] = {}
        for tool in spec["tools"]:
            name, function = tool["python"]["module"], tool["python"]["function"]
            if name not in modules:
                modules[name] = import_module(name, target)
            try:
                value = getattr(modules[name], function, None)
            except Exception as exc:  # a module __getattr__ that fails
                text = " ".join(f"{type(exc).__name__}: {exc}".split())
                raise StartupError(f"reading {function!r} from module {name!r}: {text}") from exc
            if not callable(value):
                raise StartupError(
                    f"module {name!r} has no function {function!r} (tool {tool['name']!r}); "
                    "regenerate the server for the installed version of the module"
                )
            self.functions[tool["name"]] = value

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
                if inspect.iscoroutine(result):
                    result = await result  # an async function behind a plain wrapper
        except Exception as exc:  # noqa: BLE001 - any failure of user code is the tool's error
            return failure(tool, f"{type(exc).__name__}: {exc}", exc, self.debug)
        return to_result(tool, function, result, debug=self.debug)


def failure(
    tool: Mapping[str, Any], text: str, exc: BaseException | None, debug: bool
) -> types.CallToolResult:
    """An error result: ``text``, and with ``debug`` the traceback of ``exc``."""
    if debug and exc is not None:
        text += "\n" + "".join(traceback.format_exception(exc))
    logger.info("%s failed: %s", tool["name"], text)
    return error_result(text)


def unsendable(result: Any) -> str | None:
    """Why ``result`` is no value a tool can send, if it is not."""
    if isinstance(result, BaseException):
        return f"returned an exception instead of a result: {type(result).__name__}: {result}"
    if isinstance(result, (collections.abc.Iterator, collections.abc.AsyncIterator)):
        kind = type(result).__name__
        return (
            f"returned an iterator ({kind}), which is no value a tool can send; "
            "the function must return the items themselves, such as a list"
        )
    if inspect.isawaitable(result):
        return f"returned an awaitable ({type(result).__name__}) instead of a result"
    return None


def to_result(
    tool: Mapping[str, Any], function: Callable[..., Any], result: Any, debug: bool = False
) -> types.CallToolResult:
    """The tool result for what ``function`` returned: content (and structured content for
    JSON values), or an error result when it is no value a tool can send."""
    problem = unsendable(result)
    if problem is not None:
        if isinstance(result, collections.abc.Generator):
            result.close()
        cause = result if isinstance(result, BaseException) else None
        return failure(tool, f"{tool['name']} {problem}", cause, debug)
    kind = tool["python"]["result"]
    if kind == "none" or (result is None and kind != "json"):
        return types.CallToolResult(content=[])
    if kind == "bytes" or isinstance(result, (bytes, bytearray)):
        if not isinstance(result, (bytes, bytearray, memoryview)):
            text = f"{tool['name']} returned a {type(result).__name__} where bytes were declared"
            return failure(tool, text, None, debug)
        return binary_result(tool, bytes(result))
    try:
        value = json.loads(pyschema.return_adapter(function).dump_json(result, warnings=False))
    except Exception as exc:  # noqa: BLE001 - whatever pydantic cannot serialise
        reason = " ".join(str(exc).split())
        text = (
            f"{tool['name']} returned a {type(result).__name__}, which cannot be serialised "
            f"to JSON: {reason}"
        )
        return failure(tool, text, exc, debug)
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    content: list[types.ContentBlock] = [types.TextContent(type="text", text=text)]
    if kind == "json":
        structured = {"result": value} if tool["python"]["wrapOutput"] else value
        return types.CallToolResult(content=content, structured_content=structured)
    if isinstance(value, dict):
        return types.CallToolResult(content=content, structured_content=value)
    return types.CallToolResult(content=content)


def binary_result(tool: Mapping[str, Any], data: bytes) -> types.CallToolResult:
    """Image content for PNG, JPEG, GIF and WebP data, otherwise an embedded resource."""
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


Backend = Functions
