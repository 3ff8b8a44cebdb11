"""What the schema converter makes of each keyword's value: the keywords it drops (examples
and other annotations that only bloat a tool list), the types and formats it knows, and
the values JSON Schema's validators cannot use (``allOf`` written as an object,
``maxLength: "10"``), which it drops with a warning."""

from __future__ import annotations

from typing import Any

from ..runtime.patterns import matcher
from ..runtime.schemanodes import SCHEMA_LISTS, SCHEMA_MAPS, SCHEMA_ONE

DROPPED = frozenset(
    {
        "example",
        "examples",
        "xml",
        "discriminator",
        "externalDocs",
        "nullable",
        "x-nullable",
        "$id",
        "$schema",
        "$comment",
        "$anchor",
        "$dynamicAnchor",
        "$recursiveAnchor",
    }
)
UNFOLLOWED = frozenset({"$dynamicRef", "$recursiveRef"})
"""References by anchor: dropped with a warning (they would reach past the document)."""
JSON_TYPES = frozenset({"string", "number", "integer", "boolean", "object", "array", "null"})
KNOWN_FORMATS = frozenset(
    {
        "int32",
        "int64",
        "float",
        "double",
        "byte",
        "binary",
        "date",
        "date-time",
        "time",
        "duration",
        "password",
        "email",
        "idn-email",
        "hostname",
        "idn-hostname",
        "ipv4",
        "ipv6",
        "uri",
        "uri-reference",
        "iri",
        "iri-reference",
        "uri-template",
        "uuid",
        "json-pointer",
        "relative-json-pointer",
        "regex",
        "url",
        "decimal",
        "int8",
        "int16",
        "uint8",
        "uint32",
        "uint64",
        "char",
        "string",
        "textarea",
        "html",
    }
)
_COUNTS = frozenset(
    {
        "maxLength",
        "minLength",
        "maxItems",
        "minItems",
        "maxProperties",
        "minProperties",
        "maxContains",
        "minContains",
    }
)
_BOUNDS = frozenset({"minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf"})
CHECKED = frozenset({*SCHEMA_LISTS, *SCHEMA_MAPS, *_COUNTS, *_BOUNDS, "enum", "dependentRequired"})
"""Keywords whose values ``keyword_problem`` checks (looked up first: most keys are not)."""
CONVERTED = frozenset(
    {*DROPPED, *UNFOLLOWED, *CHECKED, *SCHEMA_ONE, "dependencies", "pattern", "type", "items"}
    | {"exclusiveMinimum", "exclusiveMaximum", "required", "description", "format"}
)
"""The keywords schema conversion does more with than copy (besides ``x-`` extensions,
which it drops): any other is copied as it is."""


def keyword_problem(key: str, value: Any) -> str | None:
    """What is wrong with a keyword's value for JSON Schema (whose validators would fail on
    it at run time: ``allOf`` written as an object, ``maxLength: "10"``), else None."""
    if key in SCHEMA_LISTS:
        return None if isinstance(value, list) and value else "is not a non-empty list"
    if key in SCHEMA_MAPS:
        return None if isinstance(value, dict) else "is not an object"
    if key in _COUNTS:
        whole = isinstance(value, int) or (isinstance(value, float) and value.is_integer())
        ok = whole and not isinstance(value, bool) and value >= 0
        return None if ok else "is not a non-negative integer"
    if key in _BOUNDS and not isinstance(value, bool):  # booleans: 3.0's exclusive bounds
        number = isinstance(value, (int, float))
        return None if number and (key != "multipleOf" or value > 0) else "is not a number"
    if key == "enum":
        return None if isinstance(value, list) else "is not a list"
    if key == "dependentRequired":
        ok = isinstance(value, dict) and all(isinstance(v, list) for v in value.values())
        return None if ok else "is not an object of lists"
    return None


def compiles(pattern: Any) -> bool:
    """True for a pattern the server's validator can use: one that ECMA-262 reads (regress,
    which generated servers check patterns with: AWS's ``[\\p{L}\\p{N}_.:/=+\\-@]*``, which
    Python's ``re`` refuses) or that Python's ``re`` reads (where regress cannot be loaded,
    the server's validator): what ``runtime.patterns.matcher`` can run."""
    return isinstance(pattern, str) and matcher(pattern) is not None


def known_type(value: Any) -> bool:
    if isinstance(value, str):
        return value in JSON_TYPES or value == "file"
    return isinstance(value, list) and all(isinstance(v, str) and v in JSON_TYPES for v in value)


def mentions_null(value: Any) -> bool:
    return value == "null" or (isinstance(value, list) and "null" in value)
