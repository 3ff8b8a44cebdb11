"""How faithfully functions become tools: union members left out, parameters that can only
be functions, decorators, doctests in descriptions, NaN and infinite defaults."""

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

from .server_support import ROOT, assert_valid_tools_list

CASE = ROOT / "tests" / "cases" / "functions"
MODULE_FILE = CASE / "fidelity_tools.py"


@pytest.fixture(scope="module")
def generated() -> tuple[dict[Any, str], Any, list[str]]:
    contents, project, diagnostics = generate_functions_server(str(MODULE_FILE))
    return contents, project, [f"{d.location}: {d.code}: {d.message}" for d in diagnostics]


def _tools(generated: tuple[dict[Any, str], Any, list[str]]) -> dict[str, Any]:
    _, project, _ = generated
    return {tool.name: tool for tool in project.tools}


def test_what_is_left_out_is_each_warned_about(
    generated: tuple[dict[Any, str], Any, list[str]],
) -> None:
    _, project, diagnostics = generated
    assert diagnostics == [
        (
            "retry: W-FUNC-NOT-TOOL: retry returns a function it defines (a decorator or a "
            "factory); left out (--select it to expose it anyway)"
        ),
        (
            "traced: W-FUNC-NOT-TOOL: traced returns a function (a decorator or a factory); "
            "left out (--select it to expose it anyway)"
        ),
        (
            "apply: W-FUNC-NOT-TOOL: apply takes a function (parameter 'function'), which no "
            "tool call can send; left out (--select it to expose it anyway)"
        ),
        (
            "convert: W-FUNC-NOT-TOOL: convert takes a class (parameter 'kind'), which no tool "
            "call can send; left out (--select it to expose it anyway)"
        ),
        (
            "make_point: W-FUNC-NOT-TOOL: make_point is the class Point behind a function "
            "wrapper; left out (--select it to expose it anyway)"
        ),
        (
            "pick: W-FUNC-TYPE: parameter 'value': Callable[[int], int] has no JSON schema and "
            "is left out of int | Callable[[int], int]; it accepts int"
        ),
        (
            "pick: W-FUNC-TYPE: parameter 'data': bytearray has no JSON schema and is left out "
            "of str | bytearray; it accepts str"
        ),
        (
            "pick: W-FUNC-TYPE: parameter 'items': Callable[[], int] has no JSON schema and is "
            "left out of list[int | Callable[[], int]] | None; it accepts Optional[list[int]]"
        ),
        (
            "pick: W-FUNC-TYPE: parameter 'note': bytearray has no JSON schema and is left out "
            "of str | bytearray; it accepts str"
        ),
        (
            "hook: W-FUNC-HIDDEN: parameter 'on_done': of Callable[[int], None] | None, only "
            "None has a JSON schema; not exposed, the function's default (None) applies"
        ),
        (
            "hook: W-FUNC-HIDDEN: parameter 'transform': Callable[[int], int] has no JSON "
            "schema; not exposed, the function's default (<built-in function abs>) applies"
        ),
        (
            "scaled: W-FUNC-DEFAULT: inputSchema /properties/factor/default: NaN and infinity "
            "are no JSON numbers; left out (a parameter's default still applies)"
        ),
        (
            "scaled: W-FUNC-DEFAULT: inputSchema /properties/limit/default: NaN and infinity "
            "are no JSON numbers; left out (a parameter's default still applies)"
        ),
        (
            "scaled: W-FUNC-DEFAULT: inputSchema /properties/low/default: NaN and infinity are "
            "no JSON numbers; left out (a parameter's default still applies)"
        ),
        (
            "unresolved: W-FUNC-RETURN: return annotation 'NotDefinedAnywhere' cannot be "
            "resolved; there is no outputSchema"
        ),
    ]
    assert [t.name for t in project.tools] == [
        "pick",
        "hook",
        "scaled",
        "doubled",
        "tripled",
        "quadrupled",
        "unresolved",
    ]


def test_schemas_keep_what_can_be_expressed(
    generated: tuple[dict[Any, str], Any, list[str]],
) -> None:
    tools = _tools(generated)
    assert tools["pick"].input_schema["properties"] == {
        "value": {"title": "Value", "type": "integer"},
        "data": {"default": "x", "title": "Data", "type": "string"},
        "items": {
            "anyOf": [{"items": {"type": "integer"}, "type": "array"}, {"type": "null"}],
            "default": None,
            "title": "Items",
        },
        "note": {"default": "", "description": "A note.", "title": "Note", "type": "string"},
    }
    assert list(tools["hook"].input_schema["properties"]) == ["value"]
    assert tools["scaled"].input_schema["properties"] == {
        name: {"title": name.title(), "type": "number"}
        for name in ("value", "factor", "limit", "low")
    }
    assert tools["scaled"].input_schema["required"] == ["value"]


def test_no_bare_nan_in_any_json_file(generated: tuple[dict[Any, str], Any, list[str]]) -> None:
    contents, _, _ = generated

    def refuse(constant: str) -> None:
        raise AssertionError(f"{constant} is not JSON")

    checked = 0
    for path, text in contents.items():
        if path.suffix == ".json":
            json.loads(text, parse_constant=refuse)
            checked += 1
    assert checked >= 1


def test_doctests_keep_their_indentation(
    generated: tuple[dict[Any, str], Any, list[str]],
) -> None:
    tools = _tools(generated)
    assert tools["doubled"].description == (
        "Double a number.\n\n>>> doubled(2)\n4\n\nExample:\n    >>> for n in range(2):\n"
        "    ...     doubled(n)\n    0\n    2"
    )
    assert tools["tripled"].description == "Triple a number.\n    >>> tripled(1)\n    3"
    # Without an outputSchema, the return section is the only word on results: kept.
    assert tools["quadrupled"].description == (
        "Quadruple a number.\n\nReturns\n-------\nint\n    Four times x.\n\nExamples\n--------\n"
        ">>> quadrupled(1)\n4\n>>> if True:\n...     quadrupled(2)\n8"
    )
    assert tools["doubled"].output_schema["description"] == "Twice x."
    assert tools["tripled"].output_schema["description"] == "Three times x."
    for name in ("doubled", "tripled", "quadrupled"):
        assert tools[name].input_schema["properties"]["x"]["description"] == "The number."


def test_selected_decorators_are_exposed(tmp_path: Path) -> None:
    contents, project, diagnostics = generate_functions_server(
        str(MODULE_FILE), select=["traced", "apply", "make_point"]
    )
    assert [t.name for t in project.tools] == ["traced", "apply", "make_point"]
    assert not [d for d in diagnostics if d.code == "W-FUNC-NOT-TOOL"]
    write_tree(tmp_path, contents)

    async def run() -> list[types.CallToolResult]:
        params = StdioServerParameters(
            command=sys.executable,
            args=["-m", project.package],
            env={"PYTHONPATH": os.pathsep.join([str(tmp_path), str(CASE)])},
        )
        async with Client(params) as client:
            return [
                await client.call_tool("make_point", {"x": 1, "y": 2}),
                await client.call_tool("apply", {"function": "abs", "value": -2}),
            ]

    point, applied = anyio.run(run)
    assert (point.is_error, point.structured_content) == (False, {"x": 1, "y": 2})
    assert applied.is_error
    assert applied.content == [
        types.TextContent(type="text", text="TypeError: 'str' object is not callable")
    ]


CALLS: list[tuple[str, dict[str, Any], str]] = [
    ("pick", {"value": 3}, "3|x|None|"),
    ("pick", {"value": 3, "data": "d", "items": [1, 2], "note": "n"}, "3|d|[1, 2]|n"),
    ("hook", {"value": -3}, "3"),
    ("scaled", {"value": 2.5}, "2.5"),
    ("scaled", {"value": 2, "factor": 3, "limit": 5}, "5.0"),
    ("scaled", {"value": -2, "factor": 3, "low": -1}, "-1.0"),
    ("doubled", {"x": 2}, "4"),
    ("tripled", {"x": 2}, "6"),
    ("quadrupled", {"x": 2}, "8"),
    ("unresolved", {"x": 2}, "2"),
]


def test_every_tool_over_stdio(
    generated: tuple[dict[Any, str], Any, list[str]], tmp_path: Path
) -> None:
    contents, project, _ = generated
    write_tree(tmp_path, contents)

    async def run() -> None:
        params = StdioServerParameters(
            command=sys.executable,
            args=["-m", project.package],
            env={"PYTHONPATH": os.pathsep.join([str(tmp_path), str(CASE)])},
        )
        async with Client(params) as client:
            listed = await client.list_tools()
            assert_valid_tools_list(
                listed.model_dump(mode="json", by_alias=True, exclude_none=True), "2026-07-28"
            )
            for name, arguments, text in CALLS:
                result = await client.call_tool(name, arguments)
                assert not result.is_error, (name, result.content)
                assert result.content == [types.TextContent(type="text", text=text)], name
            # What was left out is refused, never passed on to the function.
            refused: list[tuple[str, dict[str, Any]]] = [
                ("pick", {"value": "abs"}),
                ("pick", {"value": 1, "data": {"bytes": [1]}}),
                ("hook", {"value": 1, "transform": "abs"}),
            ]
            for name, arguments in refused:
                result = await client.call_tool(name, arguments)
                assert result.is_error, (name, arguments)
                assert result.content[0].text.startswith(  # type: ignore[union-attr]
                    f"Invalid arguments for tool {name!r}"
                )

    anyio.run(run)
