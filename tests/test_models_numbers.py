"""Numbers as real clients send them.

- Where upstream's ``schema.json`` says ``integer`` but ``schema.ts`` says any
  number, mcpgen patches the schema (``patches.py``). The list of such fields is
  derived from the two files (``mcpgen.models.tsnumbers``), recorded in
  ``tests/cases/models/integer_fields.json``, and checked both ways here.
- Traffic captured from the official SDK (``tests/cases/models/sdk_capture.py``:
  elicitation results with float, negative and exponent numbers, 2026-07-28
  ``tools/call`` with ``inputResponses``, fractional progress) is accepted and
  round-trips exactly in every version.
- An ``integer`` written ``50.0`` is read as the ``int`` 50 and written back as
  ``50.0``.
"""

from __future__ import annotations

import importlib
import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import jsonschema
import pytest
from mcpgen.models.patches import apply_patches
from mcpgen.models.schema import SchemaDocument, load_bundled
from mcpgen.models.tsnumbers import (
    MEANS_NUMBER,
    TSCompareError,
    compare,
    compare_files,
    main,
    parse_ts,
)
from pydantic import BaseModel, TypeAdapter, ValidationError

from .conftest import ROOT, SPEC, VERSIONS
from .test_models_cli import mypy_strict

CASES = ROOT / "tests" / "cases" / "models"
RECORD = CASES / "integer_fields.json"
WIRE = CASES / "sdk-numbers-stdio-wire.jsonl"
# The TypeScript each bundled schema.json was generated from (not shipped with mcpgen).
SHARED_SPEC = ROOT.parent / "shared" / "spec" / "mcp"


def exact(value: Any) -> str:
    """JSON text: tells 50.0 from 50, which == does not."""
    return json.dumps(value, sort_keys=True)


def wire(value: Any, tp: Any) -> Any:
    return TypeAdapter(tp).dump_python(value, mode="json", by_alias=True, exclude_unset=True)


def recorded() -> dict[str, list[dict[str, str]]]:
    versions: dict[str, list[dict[str, str]]] = json.loads(RECORD.read_text(encoding="utf-8"))[
        "versions"
    ]
    return versions


# -- the patched fields --------------------------------------------------------


@pytest.mark.parametrize("version", VERSIONS)
def test_record_rederived_from_typescript(version: str) -> None:
    schema_ts = SHARED_SPEC / version / "schema.ts"
    if not schema_ts.is_file():
        pytest.skip("the upstream schema.ts files are not beside this checkout")
    fields = compare_files(SPEC / version / "schema.json", schema_ts)
    assert [f.as_json() for f in fields] == recorded()[version]


def test_record_covers_every_bundled_version() -> None:
    assert sorted(recorded()) == list(VERSIONS)
    means_number = {
        v: [f["pointer"] for f in fields if f["kind"] in MEANS_NUMBER]
        for v, fields in recorded().items()
    }
    assert means_number == {
        "2024-11-05": [],
        "2025-03-26": [],
        "2025-06-18": ["/definitions/ElicitResult/properties/content/additionalProperties"],
        "2025-11-25": ["/$defs/ElicitResult/properties/content/additionalProperties/anyOf/1"],
        "2026-07-28": [
            "/$defs/ElicitResult/properties/content/additionalProperties/anyOf/1",
            "/$defs/JSONValue/anyOf/2",
        ],
    }


def _types_at(schema: SchemaDocument) -> Iterator[tuple[str, Any]]:
    def walk(node: Any, pointer: str) -> Iterator[tuple[str, Any]]:
        if isinstance(node, dict):
            if "type" in node:
                yield pointer, node["type"]
            for key, value in node.items():
                if key not in ("const", "enum", "default", "examples"):
                    yield from walk(value, f"{pointer}/{key}")
        elif isinstance(node, list):
            for index, value in enumerate(node):
                yield from walk(value, f"{pointer}/{index}")

    yield from walk(schema.definitions, f"/{schema.defs_key}")


@pytest.mark.parametrize("version", VERSIONS)
def test_patch_changes_exactly_the_recorded_fields(version: str) -> None:
    original = load_bundled(version)
    patched, applied = apply_patches(original)
    before = dict(_types_at(original))
    after = dict(_types_at(patched))
    lost_integer = sorted(
        p
        for p, t in before.items()
        if "integer" in ([t] if isinstance(t, str) else t)
        and "integer" not in ([after[p]] if isinstance(after[p], str) else after[p])
    )
    expected = sorted(f["pointer"] for f in recorded()[version] if f["kind"] in MEANS_NUMBER)
    assert lost_integer == expected
    for pointer in expected:
        assert "number" in after[pointer]
    # Every patched field is listed in the module header.
    assert {p.pointer for p in applied} >= {f"{p}/type" for p in expected}


def test_patched_fields_listed_in_module_header(models: dict[str, ModuleType]) -> None:
    source = Path(models["2025-06-18"].__file__ or "").read_text(encoding="utf-8")
    assert (
        "# Patched upstream schema at /definitions/ElicitResult/properties/content/"
        "additionalProperties/type: ElicitResult: a JSON primitive value may be any number"
    ) in source


TS = """
/** A value. */
export type Value = string | number | boolean;
export interface Base {
  /** @TJS-type number */
  ratio: number;
  size?: number;
}
export interface Thing extends Omit<Base, "size"> {
  id: string | number;
  data: { [key: string]: Value | string[] };
  odd: number | boolean;
}
"""


def _schema(properties: dict[str, Any]) -> dict[str, Any]:
    return {"$defs": {"Thing": {"type": "object", "properties": properties}}}


def test_comparison_reads_tags_inheritance_and_unions() -> None:
    module = parse_ts(TS, "x.ts")
    schema = _schema(
        {
            "ratio": {"type": "integer"},
            "id": {"type": ["string", "integer"]},
            "data": {"additionalProperties": {"type": ["string", "integer", "boolean"]}},
        }
    )
    fields = compare(schema, module, "x.json")
    assert [(f.pointer, f.kind, f.ts) for f in fields] == [
        ("/$defs/Thing/properties/ratio", "annotated", "Base.ratio: number"),
        ("/$defs/Thing/properties/id", "id", "Thing.id: string | number"),
        (
            "/$defs/Thing/properties/data/additionalProperties",
            "value",
            "Thing.data[key: string]: Value | string[]",
        ),
    ]


@pytest.mark.parametrize(
    ("properties", "message"),
    [
        ({"odd": {"type": "integer"}}, "x.ts: x.json:/$defs/Thing/properties/odd: no rule for"),
        ({"size": {"type": "integer"}}, "TypeScript Thing has no property 'size'"),
        ({"gone": {"type": "integer"}}, "TypeScript Thing has no property 'gone'"),
    ],
)
def test_comparison_refuses_what_it_cannot_classify(
    properties: dict[str, Any], message: str
) -> None:
    with pytest.raises(TSCompareError, match=message.replace("$", r"\$")):
        compare(_schema(properties), parse_ts(TS, "x.ts"), "x.json")


def test_comparison_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "spec" / "v1"
    folder.mkdir(parents=True)
    (folder / "schema.ts").write_text(TS)
    (folder / "schema.json").write_text(json.dumps(_schema({"id": {"type": "integer"}})))
    record = tmp_path / "record.json"
    assert main([str(tmp_path / "spec"), "--write", str(record)]) == 0
    assert main([str(tmp_path / "spec"), "--check", str(record)]) == 0
    (folder / "schema.json").write_text(json.dumps(_schema({"odd": {"type": "integer"}})))
    assert main([str(tmp_path / "spec"), "--check", str(record)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "/$defs/Thing/properties/odd: no rule" in err


# -- traffic captured from the official SDK ------------------------------------


def _wire_lines() -> list[dict[str, Any]]:
    return [
        json.loads(line) for line in WIRE.read_text(encoding="utf-8").splitlines() if line.strip()
    ]


def _target(module: ModuleType, msg: dict[str, Any], method: str | None) -> tuple[str, Any]:
    """The definition a captured message (or its result) is checked against."""
    if "method" in msg:
        table = module.REQUESTS if "id" in msg else module.NOTIFICATIONS
        return table[msg["method"]].message.__name__, msg
    result = msg["result"]
    if result.get("resultType") == "input_required":
        return "InputRequiredResult", result
    assert method is not None
    return module.result_type(method).__name__, result


@pytest.mark.parametrize("version", VERSIONS)
def test_sdk_traffic_round_trips_exactly(models: dict[str, ModuleType], version: str) -> None:
    module = models[version]
    lines = [line for line in _wire_lines() if line["version"] == version]
    pending: dict[tuple[str, Any], str] = {}
    seen: set[str] = set()
    for line in lines:
        msg = line["msg"]
        parsed = module.parse_message(msg)
        assert isinstance(parsed, BaseModel)
        assert exact(wire(parsed, type(parsed))) == exact(msg)
        assert exact(json.loads(parsed.model_dump_json(exclude_unset=True))) == exact(msg)
        method = None
        if "method" in msg and "id" in msg:
            pending[(line["dir"], msg["id"])] = msg["method"]
        elif "result" in msg:
            method = pending.pop(("c2s" if line["dir"] == "s2c" else "s2c", msg["id"]))
        name, instance = _target(module, msg, method)
        value = TypeAdapter(getattr(module, name)).validate_python(instance)
        assert exact(wire(value, type(value))) == exact(instance)
        seen.add(name)
        if name == "ElicitResult":
            assert exact(value.content) == exact(msg["result"]["content"])
            assert value.content["budget"] == 50.0 and type(value.content["budget"]) is float
            assert value.content["nights"] == 3 and type(value.content["nights"]) is int
        if name == "ProgressNotification":
            assert isinstance(value.params.progress, (int, float))
    expected = {"ProgressNotification", "CallToolRequest", "CallToolResult"}
    if version >= "2025-06-18":
        expected |= (
            {"ElicitRequest", "ElicitResult"} if version < "2026" else {"InputRequiredResult"}
        )
    assert expected <= seen, expected - seen


def test_sdk_traffic_covers_every_affected_message() -> None:
    text = WIRE.read_text(encoding="utf-8")
    lines = _wire_lines()
    assert {line["version"] for line in lines} == set(VERSIONS)
    # The numbers as the SDK wrote them: a float, a negative, exponents.
    assert text.count('"budget":50.0,"delta":-12.75,"tolerance":1.5e-7,"ceiling":2.5e+21') == 3
    progress = [line for line in lines if line["msg"].get("method") == "notifications/progress"]
    assert {line["version"] for line in progress} == set(VERSIONS)
    assert any(line["msg"]["params"]["progress"] == 0.25 for line in progress)
    retried = [
        line
        for line in lines
        if line["msg"].get("method") == "tools/call" and "inputResponses" in line["msg"]["params"]
    ]
    assert [line["version"] for line in retried] == ["2026-07-28"]


@pytest.mark.parametrize("version", VERSIONS)
def test_sdk_traffic_needs_the_patch(models: dict[str, ModuleType], version: str) -> None:
    """jsonschema on the patched schema accepts every captured message; on the
    upstream text it rejects exactly the ones carrying form content with a float."""
    module = models[version]
    original = load_bundled(version)
    patched, _ = apply_patches(original)
    rejected_upstream: list[str] = []
    pending: dict[tuple[str, Any], str] = {}
    for line in (line for line in _wire_lines() if line["version"] == version):
        msg = line["msg"]
        method = None
        if "method" in msg and "id" in msg:
            pending[(line["dir"], msg["id"])] = msg["method"]
        elif "result" in msg:
            method = pending.pop(("c2s" if line["dir"] == "s2c" else "s2c", msg["id"]))
        name, instance = _target(module, msg, method)
        for schema in (patched, original):
            root = {**schema.document, "$ref": f"#/{schema.defs_key}/{name}"}
            valid = jsonschema.validators.validator_for(root)(root).is_valid(instance)
            if schema is patched:
                assert valid, (name, instance)
            elif not valid:
                rejected_upstream.append(name)
    expected = {
        "2025-06-18": ["ElicitResult"],
        "2025-11-25": ["ElicitResult"],
        "2026-07-28": ["CallToolRequest"],
    }
    assert rejected_upstream == expected.get(version, [])


@pytest.mark.parametrize("version", ["2025-06-18", "2025-11-25", "2026-07-28"])
def test_elicitation_numbers_in_every_version(models: dict[str, ModuleType], version: str) -> None:
    adapter = TypeAdapter(models[version].ElicitResult)
    for number in (50.0, -3, -0.5, 1e-7, 2.5e21, 0, 1.0e300):
        data = {"action": "accept", "content": {"n": number}}
        assert exact(wire(adapter.validate_python(data), models[version].ElicitResult)) == exact(
            data
        )
    for bad in (None, {"x": 1}, [1]):
        with pytest.raises(ValidationError):
            adapter.validate_python({"action": "accept", "content": {"n": bad}})


def test_json_values_keep_their_numbers(models: dict[str, ModuleType]) -> None:
    m = models["2026-07-28"]
    data = {"content": [], "resultType": "complete", "structuredContent": {"a": 50.0, "b": 50}}
    result = m.CallToolResult.model_validate(data)
    assert exact(result.model_dump(mode="json", exclude_unset=True)) == exact(data)


# -- integers written as floats ------------------------------------------------


@pytest.mark.parametrize("version", VERSIONS)
def test_integer_written_as_float(models: dict[str, ModuleType], version: str) -> None:
    m = models[version]
    for sent in (50.0, 50, -7.0, 0.0, -0.0, 1e20):
        data = {"jsonrpc": "2.0", "id": sent, "method": "vendor/x"}
        request = m.JSONRPCRequest.model_validate(data)
        assert request.id == sent and isinstance(request.id, int)
        assert exact(request.model_dump(mode="json", exclude_unset=True)) == exact(data)
        assert exact(request.model_dump(exclude_unset=True)) == exact(data)
        assert json.loads(request.model_dump_json(exclude_unset=True)) == data
        assert exact(json.loads(request.model_dump_json(exclude_unset=True))) == exact(data)
        parsed = m.parse_message(json.dumps(data))
        assert exact(wire(parsed, type(parsed))) == exact(data)
    for bad in (50.5, True, None, float("inf"), float("nan")):
        with pytest.raises(ValidationError):
            m.JSONRPCRequest.model_validate({"jsonrpc": "2.0", "id": bad, "method": "x"})


def test_integer_const_written_as_float(models: dict[str, ModuleType]) -> None:
    m = models["2026-07-28"]
    data = {"code": -32602.0, "message": "bad"}
    error = m.InvalidParamsError.model_validate(data)
    assert error.code == -32602
    assert exact(error.model_dump(mode="json", exclude_unset=True)) == exact(data)
    for bad in (-32602.5, -32601.0, True):
        with pytest.raises(ValidationError):
            m.InvalidParamsError.model_validate({**data, "code": bad})


def test_integer_bounds_apply_to_floats(tmp_path: Path) -> None:
    from mcpgen import generate_models
    from mcpgen.pipeline import write_tree

    schema = tmp_path / "schema.json"
    schema.write_text(
        json.dumps(
            {
                "$defs": {
                    "Page": {
                        "type": "object",
                        "properties": {
                            "size": {"type": "integer", "minimum": 0, "maximum": 10},
                            "either": {"type": ["integer", "number"]},
                        },
                    }
                }
            }
        )
    )
    write_tree(tmp_path / "bounds_pkg", generate_models(schema=schema, version_name="bounds"))
    sys.path.insert(0, str(tmp_path))
    try:
        page = importlib.import_module("bounds_pkg.v_bounds").Page
    finally:
        sys.path.remove(str(tmp_path))
    for size in (0.0, 10.0, 3):
        value = page.model_validate({"size": size})
        assert exact(value.model_dump(mode="json", exclude_unset=True)) == exact({"size": size})
    for bad in (-1.0, 11.0, 2.5):
        with pytest.raises(ValidationError):
            page.model_validate({"size": bad})
    for either in (2.5, 2.0, 2):
        value = page.model_validate({"either": either})
        assert exact(value.model_dump(mode="json", exclude_unset=True)) == exact({"either": either})


def test_integer_fields_are_int_for_mypy(models_dir: Path, tmp_path: Path) -> None:
    script = tmp_path / "use_numbers.py"
    script.write_text(
        "from mcp_models.v2025_11_25 import CreateMessageRequestParams, ElicitResult, PingRequest\n"
        "ping = PingRequest.model_validate({'jsonrpc': '2.0', 'id': 1.0, 'method': 'ping'})\n"
        "reveal_type(ping.id)\n"
        "params = CreateMessageRequestParams.model_validate({'messages': [], 'maxTokens': 9.0})\n"
        "tokens: int = params.max_tokens\n"
        "reveal_type(ElicitResult(action='accept').content)\n"
    )
    result = mypy_strict(script, env={**os.environ, "MYPYPATH": str(models_dir)})
    assert 'Revealed type is "str | int"' in result.stdout
    assert 'Revealed type is "dict[str, list[str] | str | int | float | bool] | None"' in (
        result.stdout
    )
    assert result.stdout.count("error:") == 0, result.stdout


# -- unions told apart by their keys -------------------------------------------


def _errors(tp: Any, data: Any) -> list[tuple[Any, ...]]:
    with pytest.raises(ValidationError) as info:
        TypeAdapter(tp).validate_python(data)
    return [e["loc"] for e in info.value.errors()]


@pytest.mark.parametrize("version", VERSIONS)
def test_jsonrpc_message_reports_one_member(models: dict[str, ModuleType], version: str) -> None:
    m = models[version]
    result_member = "JSONRPCResultResponse" if version >= "2025-11-25" else "JSONRPCResponse"
    result: dict[str, Any] = {"resultType": "complete"} if version >= "2026" else {}
    error_member = "JSONRPCErrorResponse" if version >= "2025-11-25" else "JSONRPCError"
    message = m.JSONRPCMessage
    assert _errors(message, {"jsonrpc": "2.0", "id": 1, "method": 7}) == [
        ("JSONRPCRequest", "method")
    ]
    assert _errors(message, {"jsonrpc": "1.0", "method": "x"}) == [
        ("JSONRPCNotification", "jsonrpc")
    ]
    assert _errors(message, {"jsonrpc": "2.0", "id": 1, "result": 5}) == [(result_member, "result")]
    assert _errors(
        message, {"jsonrpc": "2.0", "id": 1, "error": {"code": "x", "message": "m"}}
    ) == [(error_member, "error", "code")]
    # No member's required keys all present: the closest member's error only.
    assert _errors(message, {"id": 1, "method": "x"}) == [("JSONRPCRequest", "jsonrpc")]
    assert len(_errors(message, "not a message")) == 1
    # Valid messages come back as the member their keys name.
    adapter = TypeAdapter(message)
    for data, member in [
        ({"jsonrpc": "2.0", "id": 1, "method": "x"}, "JSONRPCRequest"),
        ({"jsonrpc": "2.0", "method": "x"}, "JSONRPCNotification"),
        ({"jsonrpc": "2.0", "id": 1, "result": result}, result_member),
        ({"jsonrpc": "2.0", "id": 1, "error": {"code": 1, "message": "m"}}, error_member),
    ]:
        value = adapter.validate_python(data)
        assert type(value).__name__ == member
        assert adapter.validate_python(value) is value
        assert exact(wire(value, message)) == exact(data)
    # The schema's anyOf accepts a request with a broken id as a notification
    # (JSONRPCNotification allows unknown keys); so do the models.
    odd = adapter.validate_python({"jsonrpc": "2.0", "id": True, "method": "x"})
    assert type(odd).__name__ == "JSONRPCNotification"


@pytest.mark.parametrize("version", ["2025-11-25", "2026-07-28"])
def test_jsonrpc_response_reports_one_member(models: dict[str, ModuleType], version: str) -> None:
    m = models[version]
    assert _errors(m.JSONRPCResponse, {"jsonrpc": "2.0", "id": 1, "result": []}) == [
        ("JSONRPCResultResponse", "result")
    ]
    assert _errors(m.JSONRPCResponse, {"jsonrpc": "2.0", "error": {"message": "m"}}) == [
        ("JSONRPCErrorResponse", "error", "code")
    ]


def test_input_response_reports_one_member(models: dict[str, ModuleType]) -> None:
    m = models["2026-07-28"]
    assert _errors(m.InputResponse, {"action": "maybe"}) == [("ElicitResult", "action")]
    assert _errors(m.InputResponse, {"roots": "x"}) == [("ListRootsResult", "roots")]
    assert _errors(m.InputResponse, {"model": "x", "role": "assistant"}) == [
        ("CreateMessageResult", "content")
    ]
    request = {
        "jsonrpc": "2.0",
        "id": 1,
        "method": "tools/call",
        "params": {
            "_meta": {
                "io.modelcontextprotocol/protocolVersion": "2026-07-28",
                "io.modelcontextprotocol/clientCapabilities": {},
            },
            "name": "x",
            "inputResponses": {"a": {"action": "accept", "content": {"budget": "x", "n": {}}}},
        },
    }
    errors = _errors(m.CallToolRequest, request)
    assert {e[:5] for e in errors} == {("params", "inputResponses", "a", "ElicitResult", "content")}


def test_batches_pick_their_member_by_the_first_item(models: dict[str, ModuleType]) -> None:
    m = models["2025-03-26"]
    adapter = TypeAdapter(m.JSONRPCMessage)
    batch = [{"jsonrpc": "2.0", "id": 1, "result": {}}, {"jsonrpc": "2.0", "id": 2, "result": {}}]
    assert exact(wire(adapter.validate_python(batch), m.JSONRPCMessage)) == exact(batch)
    bad = [*batch, {"jsonrpc": "2.0", "id": 3, "result": "x"}]
    assert _errors(m.JSONRPCMessage, bad) == [("[6]", 2, "JSONRPCResponse", "result")]
