"""The models accept exactly what the (patched) JSON schema accepts.

For every definition of every version, a minimal valid instance is built from
the schema, plus the upstream examples; then mutated (required field dropped,
const changed, value replaced by one of another JSON type, null inserted) at
every path. Each variant must get the same verdict from the model and from
``jsonschema``.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from types import ModuleType
from typing import Any

import jsonschema
import pytest
from mcpgen.models.patches import apply_patches
from mcpgen.models.schema import SchemaDocument, load_bundled
from pydantic import TypeAdapter, ValidationError

from .conftest import SPEC, VERSIONS

# One value of each JSON type, including the values pydantic's lax mode would coerce,
# and 300.0: an integer to JSON Schema, written as a float.
REPLACEMENTS: list[Any] = ["300", 300, 300.0, 1.5, True, None, [], {}, "true"]


class Minimal:
    """Builds a small instance that satisfies a schema, following $refs."""

    def __init__(self, schema: SchemaDocument) -> None:
        self.defs = schema.definitions
        self.prefix = f"#/{schema.defs_key}/"

    def of(self, node: Any, depth: int = 0) -> Any:
        if depth > 12 or node is True or not isinstance(node, dict) or not node:
            return {}
        if "$ref" in node:
            return self.of(self.defs[node["$ref"][len(self.prefix) :]], depth + 1)
        if "const" in node:
            return node["const"]
        if "enum" in node:
            return node["enum"][0]
        for key in ("anyOf", "oneOf"):
            if key in node:
                return self.of(node[key][0], depth + 1)
        if "allOf" in node:
            merged: dict[str, Any] = {}
            for part in node["allOf"]:
                value = self.of(part, depth + 1)
                if isinstance(value, dict):
                    merged.update(value)
            own = self.of({k: v for k, v in node.items() if k != "allOf"}, depth + 1)
            return {**merged, **own} if isinstance(own, dict) else merged
        kind = node.get("type")
        if isinstance(kind, list):
            kind = kind[0]
        if kind == "string":
            return "x"
        if kind == "integer":
            return max(1, node.get("minimum", 1))
        if kind == "number":
            return node.get("minimum", 0.5) if "maximum" in node else 1.5
        if kind == "boolean":
            return True
        if kind == "null":
            return None
        if kind == "array":
            return []
        properties = node.get("properties", {})
        return {
            p: self.of(properties[p], depth + 1)
            for p in node.get("required", [])
            if p in properties
        }


def mutations(instance: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[str, Any]]:
    """Variants of ``instance`` that each change one thing at one path."""
    if len(path) > 5:
        return
    if isinstance(instance, dict):
        for key in list(instance):
            without = copy.deepcopy(instance)
            del without[key]
            yield f"{path}: drop {key!r}", without
            for replacement in REPLACEMENTS:
                if type(replacement) is not type(instance[key]) or replacement != instance[key]:
                    changed = copy.deepcopy(instance)
                    changed[key] = replacement
                    yield f"{path}: {key!r} = {replacement!r}", changed
            if isinstance(instance[key], str):
                changed = copy.deepcopy(instance)
                changed[key] = instance[key] + "-changed"
                yield f"{path}: {key!r} changed", changed
            if type(instance[key]) is int:
                # The same number written as a float: a const or enum still matches.
                changed = copy.deepcopy(instance)
                changed[key] = float(instance[key])
                yield f"{path}: {key!r} as float", changed
            for label, inner in mutations(instance[key], (*path, key)):
                outer = copy.deepcopy(instance)
                outer[key] = inner
                yield label, outer
    elif isinstance(instance, list):
        for index, item in enumerate(instance[:2]):
            for label, inner in mutations(item, (*path, index)):
                outer = copy.deepcopy(instance)
                outer[index] = inner
                yield label, outer


def exact_json(value: Any) -> str:
    """JSON text that tells 50.0 from 50 (Python's == does not)."""
    return json.dumps(value, sort_keys=True)


def examples_for(version: str) -> dict[str, list[Any]]:
    found: dict[str, list[Any]] = {}
    folder = SPEC / version / "examples"
    if folder.is_dir():
        for path in sorted(folder.rglob("*.json")):
            found.setdefault(path.parent.name, []).append(
                json.loads(path.read_text(encoding="utf-8"))
            )
    return found


@pytest.mark.parametrize("version", VERSIONS)
def test_models_agree_with_jsonschema(models: dict[str, ModuleType], version: str) -> None:
    patched, _ = apply_patches(load_bundled(version))
    document = patched.document
    validator_class = jsonschema.validators.validator_for(document)
    minimal = Minimal(patched)
    examples = examples_for(version)
    module = models[version]
    disagreements: list[str] = []
    checked = 0
    for def_name in patched.definitions:
        root = {**document, "$ref": f"#/{patched.defs_key}/{def_name}"}
        validator = validator_class(root)
        adapter = TypeAdapter(getattr(module, def_name))
        bases = [minimal.of(patched.definitions[def_name]), *examples.get(def_name, [])]
        for base in bases:
            if not validator.is_valid(base):
                continue
            for label, variant in [("as is", base), *mutations(base)]:
                expected = validator.is_valid(variant)
                try:
                    value = adapter.validate_python(variant, by_alias=True, by_name=False)
                    actual = True
                except ValidationError:
                    actual = False
                checked += 1
                if actual != expected:
                    verdict = "accepts" if actual else "rejects"
                    disagreements.append(f"{def_name} {label}: model {verdict}, schema does not")
                elif actual and exact_json(
                    adapter.dump_python(value, mode="json", by_alias=True, exclude_unset=True)
                ) != exact_json(variant):
                    disagreements.append(f"{def_name} {label}: does not round-trip exactly")
    assert checked > 1000
    assert not disagreements, f"{len(disagreements)} of {checked}:\n" + "\n".join(
        disagreements[:40]
    )


def test_json_value_patch(models: dict[str, ModuleType]) -> None:
    """Upstream 2026-07-28 rejects floats and null inside JSON values; the patch admits them."""
    original = load_bundled("2026-07-28")
    patched, applied = apply_patches(original)
    # Two patches meet there: any number (see test_models_numbers.py), and null.
    assert [p.pointer for p in applied if "JSONValue" in p.pointer] == [
        "/$defs/JSONValue/anyOf/2/type"
    ] * 2
    assert patched.definitions["JSONValue"]["anyOf"][2]["type"] == [
        "string",
        "number",
        "boolean",
        "null",
    ]
    value = {"ratio": 0.5, "missing": None, "n": [1, "a", True, {"x": 2.5}]}

    def valid(schema: SchemaDocument) -> bool:
        root = {**schema.document, "$ref": "#/$defs/JSONObject"}
        return bool(jsonschema.validators.validator_for(root)(root).is_valid(value))

    assert not valid(original)
    assert valid(patched)
    adapter = TypeAdapter(models["2026-07-28"].JSONObject)
    assert adapter.dump_python(adapter.validate_python(value), mode="json") == value
    # The original document handed in is never changed.
    assert "number" not in json.dumps(original.definitions["JSONValue"])
