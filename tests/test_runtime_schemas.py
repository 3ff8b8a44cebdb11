"""Wire schemas from shared definitions (``mcpgen.runtime.schemas``), called directly."""

from __future__ import annotations

import json
from typing import Any

import jsonschema
import pytest
from mcpgen.runtime.catalog import Catalog
from mcpgen.runtime.outputs import shallow
from mcpgen.runtime.schemas import Definitions

DEFS: dict[str, Any] = {
    "Address": {"type": "object", "properties": {"city": {"type": "string"}}},
    "Person": {
        "type": "object",
        "description": "someone",
        "properties": {
            "home": {"$ref": "#/$defs/Address"},
            "work": {"$ref": "#/$defs/Address", "description": "where they work"},
            "friend": {"$ref": "#/$defs/Person"},
        },
    },
    "Alias": {"$ref": "#/$defs/Address"},
}
RECURSIVE = frozenset({"Person"})


def size(value: Any) -> int:
    return len(json.dumps(value, separators=(",", ":"), ensure_ascii=False).encode())


def test_inlines_all_but_recursive_definitions() -> None:
    defs = Definitions(DEFS, RECURSIVE)
    schema = {"type": "object", "properties": {"at": {"$ref": "#/$defs/Alias"}}}
    assert defs.full(schema) == {
        "type": "object",
        "properties": {"at": {"type": "object", "properties": {"city": {"type": "string"}}}},
    }
    person = defs.full({"type": "object", "properties": {"p": {"$ref": "#/$defs/Person"}}})
    assert person["properties"]["p"] == {"$ref": "#/$defs/Person"}
    body = person["$defs"]["Person"]
    assert body["properties"]["home"] == DEFS["Address"]
    assert body["properties"]["work"] == {**DEFS["Address"], "description": "where they work"}
    assert body["properties"]["friend"] == {"$ref": "#/$defs/Person"}


def test_sizes_are_compact_utf8_json() -> None:
    defs = Definitions(DEFS, RECURSIVE)
    for value in (DEFS, {"é": ["ü", 1.5, None, True, {}, []]}, '\u2028"\\'):
        assert defs.size(value) == size(value)


def test_shared_definitions_go_to_defs_once() -> None:
    defs = Definitions(DEFS, RECURSIVE)
    schema = {
        "type": "object",
        "properties": {"a": {"$ref": "#/$defs/Address"}, "b": {"$ref": "#/$defs/Address"}},
    }
    shared = defs.shared(schema)
    assert shared["properties"] == {
        "a": {"$ref": "#/$defs/Address"},
        "b": {"$ref": "#/$defs/Address"},
    }
    assert shared["$defs"] == {"Address": DEFS["Address"]}
    jsonschema.Draft202012Validator(shared).validate({"a": {"city": "x"}})


def _wide(levels: int, fanout: int) -> dict[str, Any]:
    """Definitions whose inlined form has fanout ** levels leaves, all different names."""
    defs: dict[str, Any] = {f"L{levels}": {"type": "string", "description": "a leaf"}}
    for level in range(levels - 1, -1, -1):
        defs[f"L{level}"] = {
            "type": "object",
            "description": f"level {level}",
            "properties": {f"p{k}": {"$ref": f"#/$defs/L{level + 1}"} for k in range(fanout)},
        }
    return defs


def test_over_the_budget_shares_then_summarises() -> None:
    defs = Definitions(_wide(6, 6))
    schema = {"$ref": "#/$defs/L0"}
    assert size(defs.full(schema)) > 100_000
    shared = defs.wire(schema, 2_000, "see elsewhere")
    assert "$defs" in shared and size(shared) <= 2_000
    # Each description is long enough that sharing alone no longer fits.
    long = {k: {**v, "description": v["description"] * 40} for k, v in _wide(6, 6).items()}
    defs = Definitions(long)
    summary = defs.wire(schema, 2_000, "see elsewhere")
    assert size(summary) <= 2_000
    assert "$defs" not in summary
    text = json.dumps(summary)
    assert "see elsewhere" in text
    assert set(summary["properties"]) == {f"p{k}" for k in range(6)}


def test_the_budget_never_changes_what_is_valid() -> None:
    long = {k: {**v, "description": "x" * 400} for k, v in _wide(5, 5).items()}
    catalog = Catalog(
        [{"name": "t", "title": "t", "description": "", "inputSchema": {"$ref": "#/$defs/L0"}}],
        long,
        settings={"budget": 1_000},
    )
    assert size(catalog.wire("t")["inputSchema"]) <= 1_000
    deep = {"p0": {"p1": {"p2": {"p3": {"p4": 5}}}}}
    assert catalog.argument_errors("t", deep) == ["p0/p1/p2/p3/p4: 5 is not of type 'string'"]
    assert catalog.argument_errors("t", {"p0": {"p1": {}}}) == []


def test_shallow_keeps_top_level_types() -> None:
    defs = Definitions(DEFS, RECURSIVE)
    schema = {
        "type": "object",
        "properties": {"at": {"$ref": "#/$defs/Alias"}, "who": {"$ref": "#/$defs/Person"}},
    }
    assert shallow(schema, defs) == {
        "type": "object",
        "properties": {"at": {"type": "object"}, "who": {}},
    }
    # A recursive definition at the top stays a reference, so it shows no properties.
    assert shallow({"$ref": "#/$defs/Person", "type": "object"}, defs) == {"type": "object"}


def test_values_that_look_like_references_are_data() -> None:
    defs = Definitions(DEFS, RECURSIVE)
    schema = {"type": "object", "default": {"$ref": "#/$defs/Address"}, "enum": [{"$ref": "x"}]}
    assert defs.full(schema) == schema


def test_keep_refs_keeps_every_definition() -> None:
    defs = Definitions(DEFS, RECURSIVE, inline=False)
    full = defs.full({"$ref": "#/$defs/Alias"})
    assert full["$ref"] == "#/$defs/Alias"
    assert set(full["$defs"]) == {"Alias", "Address"}


def test_arguments_must_have_the_formats_every_install_checks() -> None:
    """Formats an upstream holds arguments to are asserted ('x' is no uuid, 'yesterday' no
    date-time), each by the standard library or by jsonschema without optional packages, so
    that a server behaves the same wherever it is installed; the rest stay annotations."""
    from mcpgen.runtime.formats import ASSERTED_FORMATS

    strings = ["uuid", "date", "email", "ipv4", "ipv6", "date-time", "time", "uri", "url"]
    strings += ["byte", "duration", "hostname", "uri-reference"]
    properties: dict[str, Any] = {f: {"type": "string", "format": f} for f in strings}
    properties |= {f: {"type": "integer", "format": f} for f in ("int32", "int64")}
    tool = {"name": "t", "title": "", "description": "", "inputSchema": {"properties": properties}}
    catalog = Catalog([tool])
    assert set(ASSERTED_FORMATS) == set(strings[:11]) | {"int32", "int64"}
    for some in (strings[:6], strings[6:]):  # a message says ten problems at most
        bad: dict[str, Any] = {f: "x y" for f in some}
        assert catalog.argument_errors("t", bad) == [
            f"{f}: 'x y' is not a '{f}'" for f in sorted(set(some) & set(ASSERTED_FORMATS))
        ]
    bad = {"int32": 2**31, "int64": -(2**63) - 1}
    assert catalog.argument_errors("t", bad) == [f"{f}: {v} is not a '{f}'" for f, v in bad.items()]
    good = {
        "uuid": "123e4567-e89b-12d3-a456-426614174000",
        "date": "2026-12-01",
        "email": "a@example.com",
        "ipv4": "127.0.0.1",
        "ipv6": "::1",
        "date-time": "2026-12-01t10:00:00.123456789z",
        "time": "10:00:00+02:00",
        "uri": "urn:isbn:0451450523",
        "url": "https://example.com/a?b=c#d",
        "byte": "aGk=",
        "duration": "P1Y2M3DT4H5M6.5S",
        "int32": -(2**31),
        "int64": 2**63 - 1,
    }
    assert catalog.argument_errors("t", good) == []
    # Lenient where APIs are: what some reading of the format takes is not refused.
    lenient = [
        ("date-time", "2026-12-01"),
        ("date-time", "2026-12-01 10:00"),
        ("date-time", "2016-12-31T23:59:60Z"),  # a leap second
        ("time", "23:59:60+00:00"),
        ("byte", "aGk"),
        ("duration", "PT15M"),
        ("duration", "P2W"),
        ("duration", "-P1D"),
        ("byte", "-_-_"),
        ("byte", ""),
        ("uri", "mailto:a@example.com"),
    ]
    for name, value in lenient:
        assert catalog.argument_errors("t", {name: value}) == [], (name, value)
    refused = [
        ("date-time", "2026-13-01T00:00:00Z"),
        ("date-time", "yesterday"),
        ("time", "25:00"),
        ("byte", "aGk==="),
        ("byte", "aGk=="),
        ("duration", "P"),
        ("duration", "PT"),
        ("duration", "15 minutes"),
        ("duration", "P1H"),
        ("byte", "a"),
        ("uri", "example.com"),
        ("url", "/relative/path"),
        ("url", "https://example.com/a b"),
        ("int32", 2**31),
    ]
    for name, value in refused:
        assert catalog.argument_errors("t", {name: value}) == [
            f"{name}: {value!r} is not a '{name}'"
        ], (name, value)
    # Other types pass a format check: the type keyword says what is wrong with them.
    assert catalog.argument_errors("t", {"int32": 1.5}) == ["int32: 1.5 is not of type 'integer'"]
    # Results are not held to formats: what the upstream sends reaches the client.
    assert catalog.output_error("t", {}) is None


def test_validation_messages_do_not_say_long_values_back() -> None:
    """A megabyte of pasted text, or a large object of the wrong type, is named by its start
    and length, not said back in full; short values are shown as jsonschema shows them."""
    properties = {"q": {"type": "string", "maxLength": 10}, "n": {"type": "array"}}
    tool = {"name": "t", "title": "", "description": "", "inputSchema": {"properties": properties}}
    catalog = Catalog([tool])
    (long_text,) = catalog.argument_errors("t", {"q": "x" * 1_000_000})
    assert long_text == f"q: {'x' * 60!r}… (1,000,000 characters) is too long"
    (big,) = catalog.argument_errors("t", {"n": {str(i): i for i in range(100_000)}})
    assert big.startswith("n: {'0': 0, '1': 1,") and big.endswith("is not of type 'array'")
    assert len(big) < 150
    assert catalog.argument_errors("t", {"q": "x" * 11}) == [f"q: {'x' * 11!r} is too long"]


@pytest.mark.parametrize("lenient", [False, True])
def test_output_schemas_hold_only_patterns_python_reads(lenient: bool) -> None:
    """A document's ECMA-262 patterns (``\\p{L}``) check arguments, but the official Python
    SDK client checks results with jsonschema, which reads patterns with ``re``: an output
    schema leaves out the patterns ``re`` cannot read, in its definitions too, and so stays
    a schema that client can use."""
    letters = r"^[\p{L}\p{N} ]+$"
    defs = {
        "Tag": {"type": "object", "properties": {"key": {"type": "string", "pattern": letters}}}
    }
    output = {
        "type": "object",
        "properties": {
            "name": {"type": "string", "pattern": letters},
            "code": {"type": "string", "pattern": "^[a-z]+$"},
            "tag": {"$ref": "#/$defs/Tag"},
            "extra": {
                "type": "object",
                "patternProperties": {r"^\p{Lu}": {"type": "string"}},
                "additionalProperties": False,
            },
        },
    }
    tool = {
        "name": "t",
        "title": "",
        "description": "",
        "inputSchema": {
            "type": "object",
            "properties": {"name": {"type": "string", "pattern": letters}},
        },
        "outputSchema": output,
    }
    settings = {"patterns": "ecma", "output": "full", "lenientOutput": lenient}
    catalog = Catalog([tool], defs, settings=settings)
    wire = catalog.wire("t")
    schema = wire["outputSchema"]
    text = json.dumps(schema)
    assert "\\\\p{" not in text
    assert ("^[a-z]+$" in text) is not lenient  # lenient output checks no pattern at all
    validator = jsonschema.validators.validator_for(schema)
    validator.check_schema(schema)  # what the SDK client does, with its format checks
    assert validator(schema).is_valid(
        {"name": "Zoë 1", "code": "ab", "tag": {"key": "Ü"}, "extra": {"Ab": "x"}}
    )
    # Arguments are still held to the pattern, as ECMA-262 reads it.
    assert wire["inputSchema"]["properties"]["name"]["pattern"] == letters
    assert catalog.argument_errors("t", {"name": "Zoë 1"}) == []
    assert catalog.argument_errors("t", {"name": "a\tb"}) == [
        f"name: 'a\\tb' does not match {letters!r}"
    ]
