"""Generated models against real messages: upstream examples, hand-written
cases and traffic captured from the official SDK. Valid ones must validate and
round-trip exactly; invalid ones must be rejected."""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from pydantic import BaseModel, TypeAdapter, ValidationError

from .conftest import SHARED_MESSAGES, SPEC


def wire(value: Any, tp: Any) -> Any:
    adapter = TypeAdapter(tp)
    return adapter.dump_python(value, mode="json", by_alias=True, exclude_unset=True)


EXAMPLES = sorted((SPEC / "2026-07-28" / "examples").rglob("*.json"))


def test_all_upstream_examples_are_bundled() -> None:
    assert len(EXAMPLES) == 129


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_upstream_example_round_trips(models: dict[str, ModuleType], path: Path) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    tp = getattr(models["2026-07-28"], path.parent.name)
    adapter = TypeAdapter(tp)
    value = adapter.validate_python(data)
    assert wire(value, tp) == data
    # The JSON text survives as well, not just the Python values (1 stays 1, not 1.0).
    assert json.loads(adapter.dump_json(value, by_alias=True, exclude_unset=True)) == data
    assert json.dumps(
        json.loads(adapter.dump_json(value, by_alias=True, exclude_unset=True)), sort_keys=True
    ) == json.dumps(data, sort_keys=True)


def _handwritten() -> list[Any]:
    params = []
    for version in ("2025-11-25", "2026-07-28"):
        path = SHARED_MESSAGES / f"handwritten-{version}.json"
        if not path.is_file():
            continue
        for case in json.loads(path.read_text(encoding="utf-8"))["cases"]:
            params.append(pytest.param(version, case, id=f"{version}-{case['name']}"))
    return params


HANDWRITTEN = _handwritten()


def test_handwritten_cases_present() -> None:
    if not SHARED_MESSAGES.is_dir():
        pytest.skip("shared test messages are not beside this checkout")
    assert len(HANDWRITTEN) == 24 + 12 + 21 + 8


@pytest.mark.parametrize(("version", "case"), HANDWRITTEN)
def test_handwritten_case(
    models: dict[str, ModuleType], version: str, case: dict[str, Any]
) -> None:
    instance = case["instance"]
    if case.get("path"):
        instance = instance[case["path"]]
    tp = getattr(models[version], case["def"])
    adapter = TypeAdapter(tp)
    if case["valid"]:
        assert wire(adapter.validate_python(instance), tp) == instance
    else:
        with pytest.raises(ValidationError):
            adapter.validate_python(instance)


def _wire_lines() -> list[dict[str, Any]]:
    path = SHARED_MESSAGES / "sdk-mcp-2.3.0-stdio-wire.jsonl"
    if not path.is_file():
        return []
    return [
        json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
    ]


def test_captured_sdk_traffic_round_trips(models: dict[str, ModuleType]) -> None:
    lines = _wire_lines()
    if not lines:
        pytest.skip("shared test messages are not beside this checkout")
    assert len(lines) == 19
    version = "2026-07-28"
    pending: dict[Any, str] = {}
    typed_results = 0
    for line in lines:
        msg = line["msg"]
        if msg.get("method") == "initialize":
            version = "2025-11-25"
        module = models[version]
        parsed = module.parse_message(msg)
        assert isinstance(parsed, BaseModel)
        assert wire(parsed, type(parsed)) == msg
        if "method" in msg:
            table = module.REQUESTS if "id" in msg else module.NOTIFICATIONS
            assert type(parsed) is table[msg["method"]].message
            if "id" in msg:
                pending[(line["dir"], msg["id"])] = msg["method"]
        elif "result" in msg:
            method = pending.pop(("c2s" if line["dir"] == "s2c" else "s2c", msg["id"]))
            result = module.parse_result(method, msg["result"])
            assert type(result) is module.result_type(method)
            assert wire(result, type(result)) == msg["result"]
            typed_results += 1
    assert typed_results >= 5
