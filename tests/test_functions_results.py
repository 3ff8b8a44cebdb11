"""Results no tool can send are error results with a clear message, never internal errors.

A functions server generated from ``cases/functions/result_tools.py`` is driven by the
official SDK client over stdio and streamable HTTP.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

import anyio
import pytest
from mcp import Client, StdioServerParameters, types
from mcpgen.functions.generate import generate_functions_server
from mcpgen.pipeline import write_tree

from .server_support import ROOT, assert_valid_tools_list, http_server

CASE = ROOT / "tests" / "cases" / "functions"
MODULE_FILE = CASE / "result_tools.py"


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, list[str]]:
    root = tmp_path_factory.mktemp("results")
    contents, built, diagnostics = generate_functions_server(str(MODULE_FILE))
    write_tree(root, contents)
    return root, built.package, [f"{d.location}: {d.code}: {d.message}" for d in diagnostics]


def _env(root: Path) -> dict[str, str]:
    return {"PYTHONPATH": os.pathsep.join([str(root), str(CASE)])}


def test_return_annotations_that_cannot_be_output_schemas_are_warned_about(
    project: tuple[Path, str, list[str]],
) -> None:
    root, package, diagnostics = project
    assert diagnostics == [
        (
            "check: W-FUNC-RETURN: Invalid in the return type Union[result_tools.Invalid, "
            "Literal[True]] is an exception; the outputSchema is of Literal[True], and results of "
            "that type are error results"
        ),
        (
            "tokens: W-FUNC-RETURN: return type Iterator[str] is an iterator, which no tool result "
            "can be (return a list instead); there is no outputSchema, and results of that type are "
            "error results"
        ),
        (
            "agen: W-FUNC-RETURN: return type AsyncIterator[str] is an iterator, which no tool result "
            "can be (return a list instead); there is no outputSchema, and results of that type are "
            "error results"
        ),
        (
            "opaque: W-FUNC-RETURN: return type Opaque has no JSON schema; there is no outputSchema, "
            "and results of that type are error results"
        ),
        (
            "callback: W-FUNC-RETURN: Callable[[], int] in the return type int | Callable[[], int] "
            "has no JSON schema; the outputSchema is of int, and results of that type are error "
            "results"
        ),
    ]
    spec = json.loads((root / package / "spec.json").read_text(encoding="utf-8"))
    outputs = {t["name"]: t.get("outputSchema") for t in spec["tools"]}
    assert outputs["check"] == {
        "type": "object",
        "properties": {"result": {"const": True, "type": "boolean"}},
        "required": ["result"],
    }
    assert outputs["tokens"] is None and outputs["opaque"] is None
    assert outputs["callback"]["properties"]["result"] == {"type": "integer"}


ERRORS: list[tuple[str, dict[str, Any], str]] = [
    (
        "check",
        {"value": 3},
        "check returned an exception instead of a result: Invalid: 3 is odd",
    ),
    (
        "untyped_check",
        {"value": 5},
        "untyped_check returned an exception instead of a result: Invalid: 5 is odd",
    ),
    (
        "tokens",
        {"text": "a b"},
        (
            "tokens returned an iterator (generator), which is no value a tool can send; the "
            "function must return the items themselves, such as a list"
        ),
    ),
    (
        "mapped",
        {"text": "a b"},
        (
            "mapped returned an iterator (map), which is no value a tool can send; the "
            "function must return the items themselves, such as a list"
        ),
    ),
    (
        "agen",
        {"text": "a b"},
        (
            "agen returned an iterator (async_generator), which is no value a tool can send; the "
            "function must return the items themselves, such as a list"
        ),
    ),
    (
        "opaque",
        {"value": 1},
        (
            "opaque returned a Opaque, which cannot be serialised to JSON: Unable to serialize "
            "unknown type: <class 'result_tools.Opaque'>"
        ),
    ),
    (
        "sneaky",
        {"value": 1},
        (
            "sneaky returned a dict, which cannot be serialised to JSON: Unable to serialize "
            "unknown type: <class 'result_tools.Opaque'>"
        ),
    ),
    (
        "callback",
        {"value": -1},
        (
            "callback returned a function, which cannot be serialised to JSON: Unable to serialize "
            "unknown type: <class 'function'>"
        ),
    ),
    ("not_bytes", {"value": 1}, "not_bytes returned a str where bytes were declared"),
]

SUCCESSES: list[tuple[str, dict[str, Any], str, Any]] = [
    ("check", {"value": 2}, "true", {"result": True}),
    ("untyped_check", {"value": 4}, "true", None),
    ("callback", {"value": 7}, "7", {"result": 7}),
    ("talkative", {"value": 1}, "2", {"result": 2}),
    ("wrapped_coroutine", {"value": 2}, "6", None),
]


async def _exercise(client: Client) -> None:
    listed = await client.list_tools()
    assert_valid_tools_list(
        listed.model_dump(mode="json", by_alias=True, exclude_none=True), "2026-07-28"
    )
    for name, arguments, message in ERRORS:
        result = await client.call_tool(name, arguments)
        assert result.is_error, (name, result)
        assert result.content == [types.TextContent(type="text", text=message)], name
    for name, arguments, text, structured in SUCCESSES:
        result = await client.call_tool(name, arguments)
        assert not result.is_error, (name, result.content)
        assert result.content == [types.TextContent(type="text", text=text)], name
        assert result.structured_content == structured, name


def test_stdio(project: tuple[Path, str, list[str]]) -> None:
    root, package, _ = project

    async def run() -> None:
        params = StdioServerParameters(command=sys.executable, args=["-m", package], env=_env(root))
        async with Client(params) as client:
            await _exercise(client)

    anyio.run(run)


def test_http(project: tuple[Path, str, list[str]]) -> None:
    root, package, _ = project
    with http_server(root, package, env={**os.environ, **_env(root)}) as url:

        async def run() -> None:
            async with Client(url) as client:
                await _exercise(client)

        anyio.run(run)


def test_debug_adds_the_traceback_of_what_could_not_be_sent(
    project: tuple[Path, str, list[str]],
) -> None:
    root, package, _ = project

    async def run() -> list[types.CallToolResult]:
        params = StdioServerParameters(
            command=sys.executable, args=["-m", package, "--debug"], env=_env(root)
        )
        async with Client(params) as client:
            return [
                await client.call_tool("opaque", {"value": 1}),
                await client.call_tool("check", {"value": 1}),
            ]

    opaque, check = anyio.run(run)
    text = opaque.content[0].text  # type: ignore[union-attr]
    assert text.startswith("opaque returned a Opaque, which cannot be serialised to JSON")
    assert "\nTraceback (most recent call last):" in text
    assert "PydanticSerializationError" in text
    # A returned exception was never raised: its "traceback" is the exception itself.
    assert check.content[0].text == (  # type: ignore[union-attr]
        "check returned an exception instead of a result: Invalid: 1 is odd\n"
        "result_tools.Invalid: 1 is odd\n"
    )
