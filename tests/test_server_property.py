"""Property test: every argument set a generated server accepts becomes a request that
Prism, validating it against the document, accepts too.

The OpenAPI document is built here, once as 3.0.3 and once as 3.1.0: one operation per
parameter style (path simple, label, matrix; query form with and without explode,
spaceDelimited, pipeDelimited, deepObject; header; cookie) and per body kind (JSON object,
JSON array, form-urlencoded with encodings, multipart), over enums, nested objects, arrays,
nullable values, a oneOf of a scalar and an array, formats and bounds. Each version's server
is generated and Prism started on it once per module; for every tool, hypothesis-jsonschema
draws argument sets from the tool's wire ``inputSchema`` and each call the server accepts
(no "Invalid arguments" error) must get a 2xx from Prism. Exceptions, counted and never
taken for a pass of their own:

* requests that would crash Prism 5.16 (the whole process dies) are recognised from the
  request the server builds and not sent (:data:`PRISM_CRASHES`);
* a rejection every entry of whose ``validation`` list is a known Prism limitation
  (:data:`PRISM_LIMITATIONS`) is not a failure;
* argument sets that hit an open mcpgen bug (:data:`KNOWN_BUGS`, none at present) are left
  out here. The bugs this file and the benchmark found have minimal tests at the end of this
  file: regression tests once fixed, ``xfail`` while open.

``benchmarks/prism_corpus.py`` uses the same classification on the real-world corpus.

Size of the run: ``MCPGEN_PROPERTY_PROFILE=ci`` (the default: 25 examples per tool,
derandomized, no example database, so CI sees the same examples every run) or ``long``
(500 random examples per tool, for a run by hand); ``MCPGEN_PROPERTY_EXAMPLES=N`` sets the
number of examples of either.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import socket
import time
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

import anyio.from_thread
import httpx
import pytest
from mcp import types

from .prism import prism_available, run_prism
from .server_support import generate, import_package, in_process

hypothesis = pytest.importorskip("hypothesis")
hypothesis_jsonschema = pytest.importorskip("hypothesis_jsonschema")

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis_jsonschema import from_schema

pytestmark = pytest.mark.skipif(prism_available() is not None, reason=str(prism_available()))

# --- hypothesis settings ---------------------------------------------------------------

_HEALTH = [HealthCheck.too_slow, HealthCheck.filter_too_much, HealthCheck.data_too_large]
settings.register_profile(
    "mcpgen-ci",
    max_examples=25,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=_HEALTH,
    print_blob=False,
)
settings.register_profile(
    "mcpgen-long", max_examples=500, deadline=None, database=None, suppress_health_check=_HEALTH
)


def profile() -> settings:
    """The settings of this run: ``MCPGEN_PROPERTY_PROFILE`` and ``MCPGEN_PROPERTY_EXAMPLES``."""
    name = os.environ.get("MCPGEN_PROPERTY_PROFILE", "ci")
    chosen = settings.get_profile(f"mcpgen-{name}")
    examples = os.environ.get("MCPGEN_PROPERTY_EXAMPLES")
    return settings(chosen, max_examples=int(examples)) if examples else chosen


#: Formats hypothesis-jsonschema does not know; drawn valid, like those it knows.
CUSTOM_FORMATS: dict[str, st.SearchStrategy[str]] = {"uuid": st.uuids().map(str)}

# --- classification of one call, shared with benchmarks/prism_corpus.py -----------------

PRISM_CRASHES = {
    "path-comma": "a literal ',' in a path segment (simple/label/matrix arrays and objects): "
    "uri-template-lite matches it as a list and Prism's deserialiser throws a TypeError",
    "absent-structured-header": "an optional array or object header left out: Prism's simple "
    "deserialiser calls .split on undefined",
    "delimited-non-array": "a spaceDelimited or pipeDelimited parameter (or form field) whose "
    "schema is not an array, even left out: Prism's deserialiser throws",
    "multipart-filename": "a multipart filename with '=', ';' or ESC (which httpx, as HTML5 "
    "says, leaves as it is): parse-multipart-data JSON.parses the filename and throws",
}
"""Requests that kill Prism 5.16 (the process exits): recognised before sending, not sent."""

PRISM_LIMITATIONS = {
    "empty-query-value": "an empty query value (name=) is read as a missing parameter",
    "allow-empty-value": "allowEmptyValue is ignored",
    "space-delimited": "spaceDelimited values are split on a literal '%20' after decoding",
    "delimiter-in-value": "a value containing its style's delimiter (, | ; = . or space), "
    "percent-encoded as it must be, is split on it after decoding",
    "empty-header-object": "an empty object header (an empty value) is read as {'': undefined}",
    "multipart-structured": "every multipart field is read as a string (arrays/objects)",
    "form-structured": "a form field without an encoding style is read as a string, and a "
    "repeated field keeps its last value",
    "empty-delimited-field": "a spaceDelimited or pipeDelimited form field that is empty or "
    "left out is read as '' (not an array)",
    "no-media-type": "a Swagger 2.0 operation with a body parameter but no consumes (nor a "
    "global one) has no media type for Prism, which refuses any body",
    "empty-form-body": "an empty form or multipart body is read as a missing body",
    "empty-body": "a zero-length body (an empty file or text) is read as a missing body",
    "null-body": 'a JSON body of null, "", 0 or false (the schema allows it) is read as a '
    "missing body",
    "empty-header-value": "an empty header value is read as a missing header",
    "ignored-header-parameter": "a header parameter named Accept, Content-Type or "
    "Authorization, which OpenAPI says to ignore (and mcpgen does), is required",
    "oneof-ambiguous": "a parameter whose oneOf branches the same text satisfies after type "
    "coercion (integer or string): '0' matches more than one",
    "fragment-path": "a path key with a fragment (AWS's '/#X-Amz-Target=...', "
    "'/tags/{arn}#tagKeys') is matched as written, and no request can carry a fragment: the "
    "request matches no path, or the path without the fragment and its media types",
    "query-in-path": "a path key with a query ('/rides?page={page}') is matched as written, "
    "query and all, and no request path has one",
    "bracket-query-name": "a query parameter whose name has brackets ('page[size]'), sent "
    "percent-encoded as it must be, is read as missing",
    "adjacent-path-parameters": "a path segment of two parameters side by side "
    "('/profiles/{id}{extension}') is not split: both are read as missing",
    "mocked-response-header": "the document's response headers are mocked as written: "
    "'Content-Encoding: gzip' over a plain body, its example's Content-Length, a 101 upgrade",
}
"""Rejections that are Prism's (or HTTP's) and not the request's."""

_DELIMITERS = re.compile(r"[,|;=. \[\]]")
_ENTRY = re.compile(
    r'\{(?:"location":\[(?P<location>[^\]]*)\],)?"severity":"(?P<severity>\w+)",'
    r'(?:"code":(?P<code>"[^"]*"|\d+),)?"message":"(?P<message>(?:[^"\\]|\\.)*)"'
)
_DELIMITED = ("spaceDelimited", "pipeDelimited")
_IGNORED_HEADERS = ("accept", "content-type", "authorization")
_REQUIRED = re.compile(r"required property '([^']*)'")


@dataclass
class Outcome:
    """What became of one call: ``kind`` is one of ``OK`` or ``FAILED``."""

    kind: str
    detail: str = ""
    why: str = ""
    entries: list[dict[str, Any]] = field(default_factory=list)
    """Prism's validation entries of a rejection."""

    @property
    def failed(self) -> bool:
        return self.kind in FAILED


OK = ("accepted", "output-mismatch", "invalid", "limitation", "crash-avoided", "known-bug")
"""``output-mismatch``: Prism answered 2xx but the result is an error because its mock body
does not fit the outputSchema, or (``no-structured-content``) the SDK client refused it."""
FAILED = ("rejected", "error", "crash", "prism-crash")
"""``prism-crash``: Prism died on a request not recognised by :func:`prism_crash`."""


def leaves(value: Any) -> Iterator[Any]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield str(key)
            yield from leaves(item)
    elif isinstance(value, list):
        for item in value:
            yield from leaves(item)
    else:
        yield value


def _types(schema: Any) -> set[str]:
    if not isinstance(schema, dict):
        return set()
    kind = schema.get("type")
    found = {kind} if isinstance(kind, str) else set(kind or ())
    for key in ("oneOf", "anyOf", "allOf"):
        for sub in schema.get(key) or ():
            found |= _types(sub)
    return found


def prism_crash(
    tool: Mapping[str, Any],
    schema: Mapping[str, Any],
    arguments: Mapping[str, Any],
    request: httpx.Request,
) -> str | None:
    """The :data:`PRISM_CRASHES` class of a request that would kill Prism, else None."""
    if "," in request.url.raw_path.decode("ascii").split("?", 1)[0]:
        return "path-comma"
    for arg in tool["http"]["args"]:
        if arg.get("file") and arg["name"] in arguments:
            value = arguments[arg["name"]]
            for item in value if isinstance(value, list) else [value]:
                filename = str((item.get("filename") if isinstance(item, dict) else "") or "")
                if re.search(r"[=;\x1b]", filename or arg.get("wire", arg["name"])):
                    return "multipart-filename"
    properties = schema.get("properties") or {}
    for arg in tool["http"]["args"]:
        delimited = arg.get("style") in _DELIMITED and arg["in"] in ("query", "field")
        if delimited and _types(properties.get(arg["name"])) - {"array", "null"}:
            return "delimited-non-array"
        if (
            arg["in"] == "header"
            and arg["name"] not in arguments
            and _types(properties.get(arg["name"])) & {"array", "object"}
        ):
            return "absent-structured-header"
    return None


def validation_entries(text: str) -> list[dict[str, Any]]:
    """The entries of Prism's ``validation`` list in an error result's text."""
    out = []
    for match in _ENTRY.finditer(text):
        found = re.findall(r'"(?:[^"\\]|\\.)*"|\d+', match["location"] or "")
        location = [json.loads(p) for p in found]
        out.append(
            {
                "location": [str(p) for p in location],
                "code": (match["code"] or "").strip('"'),
                "message": json.loads(f'"{match["message"]}"'),
            }
        )
    return out


def _limitation(
    tool: Mapping[str, Any], arguments: Mapping[str, Any], entry: Mapping[str, Any]
) -> str | None:
    """The :data:`PRISM_LIMITATIONS` class that explains one validation entry, else None."""
    location, code, message = entry["location"], entry["code"], entry["message"]
    http = tool["http"]
    if message.startswith("No supported content types"):
        return "no-media-type"
    if message == "Body parameter is required":
        return _empty_body(http, arguments)
    if "#" in http["path"] and code in ("NO_PATH_MATCHED_ERROR", "NO_METHOD_MATCHED_ERROR", "415"):
        return "fragment-path"
    if "?" in http["path"] and code in ("NO_PATH_MATCHED_ERROR", "NO_METHOD_MATCHED_ERROR"):
        return "query-in-path"
    if "}{" in http["path"] and location[:1] == ["path"]:
        return "adjacent-path-parameters"
    if not location:
        return None
    where = location[0]
    name = location[1] if len(location) > 1 else None
    if name is None and code == "required":
        found = _REQUIRED.search(entry["message"])
        name = found.group(1) if found else None
    if where in ("query", "path", "header"):
        arg = next(
            (
                a
                for a in http["args"]
                if a["in"] == where
                and name is not None
                and a.get("wire", a["name"]).lower() == name.lower()
            ),
            None,
        )
        if arg is None and where == "header" and str(name).lower() in _IGNORED_HEADERS:
            return "ignored-header-parameter"
        if where == "query" and code == "required" and name is not None and "%5b" in name.lower():
            return "bracket-query-name"
        if arg is None or arg["name"] not in arguments:
            return None
        value = arguments[arg["name"]]
        strings = [v for v in leaves(value) if isinstance(v, str)]
        if where == "query" and value in ([], {}, "", None, [""]):
            return "allow-empty-value" if arg.get("allowEmpty") else "empty-query-value"
        if where == "query" and code == "required" and any(s == "" for s in strings):
            return "empty-query-value"
        if where == "header" and code == "required" and value in ("", [], None):
            return "empty-header-value"
        if code == "oneOf" and not isinstance(value, (list, dict)):
            return "oneof-ambiguous"
        if arg.get("style") == "spaceDelimited" and isinstance(value, list) and len(value) > 1:
            return "space-delimited"
        if where == "header" and value == {}:
            return "empty-header-object"
        if isinstance(value, (list, dict)) and any(_DELIMITERS.search(s) for s in strings):
            return "delimiter-in-value"
        return None
    if where == "body":
        body = http.get("body") or {}
        fields = {a.get("wire", a["name"]): a for a in http["args"] if a["in"] == "field"}
        given = {w: arguments[a["name"]] for w, a in fields.items() if a["name"] in arguments}
        delimited = name in fields and fields[name].get("style") in _DELIMITED
        if delimited and given.get(name, []) == []:
            return "empty-delimited-field"
        if name is not None and name in fields and name not in given:
            return None
        if name is None or name not in given:
            empty = not given and not isinstance(arguments.get("body"), dict | list)
            if body.get("kind") in ("form", "multipart") and empty:
                return "empty-form-body"
            return None
        value = given[name]
        structured = isinstance(value, (list, dict))
        # Files too: a list of one file is read as that file, not as a list.
        one_file = isinstance(value, list) and len(value) == 1
        if (
            body.get("kind") == "multipart"
            and structured
            and (not fields[name].get("file") or one_file)
        ):
            return "multipart-structured"
        if body.get("kind") == "form" and structured:
            if not fields[name].get("style"):
                return "form-structured"
            strings = [v for v in leaves(value) if isinstance(v, str)]
            if any(_DELIMITERS.search(s) for s in strings):
                return "delimiter-in-value"
    return None


def _empty_body(http: Mapping[str, Any], arguments: Mapping[str, Any]) -> str | None:
    """The class of a "Body parameter is required" rejection of a body sent empty."""
    body = http.get("body") or {}
    fields = [a for a in http["args"] if a["in"] == "field" and a["name"] in arguments]
    whole = [
        arguments[a["name"]] for a in http["args"] if a["in"] == "body" and a["name"] in arguments
    ]
    if body.get("kind") in ("form", "multipart") and not fields and not whole:
        return "empty-form-body"
    if body.get("kind") == "json" and len(whole) == 1 and whole[0] in (None, "", 0):
        return "null-body"
    if body.get("kind") in ("binary", "text") and body.get("mediaType") != "*/*" and whole:
        value = whole[0]
        content = value.get("content") if isinstance(value, dict) else value
        if content in ("", None):
            return "empty-body"
    return None


def _text(result: types.CallToolResult) -> str:
    return "\n".join(c.text for c in result.content if isinstance(c, types.TextContent))


_MOCKED_HEADER_SIGNS = (
    "while decompressing data",
    "bad Content-Length",
    "_SWITCH_UPGRADE event",
)


def classify(
    tool: Mapping[str, Any],
    arguments: Mapping[str, Any],
    result: types.CallToolResult,
    violations: Callable[[], list[dict[str, Any]]] | None = None,
) -> Outcome:
    """The outcome of a call that was made (see :class:`Outcome`).

    A 4xx whose body has no ``validation`` list is either Prism's own error (its problem
    ``type``: no path matched, unauthorised...) or the document's own 4xx, which Prism
    answers with both when the request is invalid (then ``violations()``, the request sent
    again, gives the ``sl-violations`` header's entries) and when the document has no 2xx
    response to give (then there are none: the request was accepted). A 5xx that is not
    Prism's own is the document's, when it documents no other response.
    """
    text = _text(result)
    if not result.is_error:
        return Outcome("accepted")
    if text.startswith("Invalid arguments"):
        return Outcome("invalid", text[:300])
    if text.startswith(f"The response of {tool['name']} does not match its outputSchema"):
        return Outcome("output-mismatch", text[:300])
    status = re.match(r"HTTP (\d{3})", text)
    prism_type = re.search(r'"type":"https://stoplight.io/prism/errors#(\w+)"', text)
    if status is not None and int(status.group(1)) >= 500 and prism_type is not None:
        # Prism validates first: its own 5xx is a mock response it could not make.
        return Outcome("accepted", text[:300], f"prism-{status.group(1)}-{prism_type.group(1)}")
    if status is None and any(sign in text for sign in _MOCKED_HEADER_SIGNS):
        return Outcome("limitation", text[:600], "mocked-response-header")
    if status is None or not 400 <= int(status.group(1)) < 600:
        return Outcome("error", text[:600])
    if int(status.group(1)) >= 500 and violations is None:
        return Outcome("error", text[:600])  # the document's 5xx, or the request's fault?
    entries = validation_entries(text)
    if not entries and prism_type is None and violations is not None:
        # Prism's check of its own mock response is not about the request.
        entries = [e for e in violations() if e["location"][:1] != ["response"]]
        if not entries:
            return Outcome("accepted", text[:300], "documented-non-2xx")
    if not entries and prism_type is not None:
        detail = re.search(r'"detail":"((?:[^"\\]|\\.)*)"', text)
        message = json.loads(f'"{detail.group(1)}"') if detail else prism_type.group(1)
        entries = [{"location": [], "code": prism_type.group(1), "message": message}]
    if entries:
        classes = [_limitation(tool, arguments, e) for e in entries]
        if all(classes):
            return Outcome("limitation", text[:600], ", ".join(sorted(set(map(str, classes)))))
        unexplained = [e for e, c in zip(entries, classes, strict=True) if not c]
        first = unexplained[0]
        why = f"{status.group(1)} {'.'.join(first['location'])}: {first['message']}"
        return Outcome("rejected", text[:1500], why, entries)
    return Outcome("rejected", text[:1500], text.splitlines()[0][:80])


def header_entries(value: str | None) -> list[dict[str, Any]]:
    """The entries of an ``sl-violations`` header, locations without their ``request``."""
    try:
        found = json.loads(value or "[]")
    except ValueError:
        return []
    out = []
    for entry in found if isinstance(found, list) else []:
        location = [str(p) for p in entry.get("location") or []]
        if location[:1] == ["request"]:
            location = location[1:]
        out.append(
            {
                "location": location,
                "code": str(entry.get("code", "")),
                "message": str(entry.get("message", "")),
            }
        )
    return out


# --- known mcpgen bugs ------------------------------------------------------------------

KNOWN_BUGS: dict[str, str] = {}
"""Open mcpgen bugs that valid argument sets run into, by class: such argument sets are left
out of the property test (and counted), each bug having its own minimal ``xfail`` test below.
None is open: those this file found (non-ASCII and unsendable header values, a
Content-Length header parameter, ...) are fixed and their tests below are regression tests."""


def known_bug(
    tool: Mapping[str, Any], arguments: Mapping[str, Any], request: httpx.Request | None
) -> str | None:
    """The :data:`KNOWN_BUGS` class that a valid argument set runs into, else None."""
    return None


# --- the document -----------------------------------------------------------------------

OPERATIONS = (
    "pathSimple",
    "pathLabel",
    "pathMatrix",
    "queryStyles",
    "headerParams",
    "cookieParams",
    "putThing",
    "postBatch",
    "postForm",
    "postMultipart",
)
VERSIONS = ("3.0.3", "3.1.0")


def document(version: str) -> dict[str, Any]:
    """The document: every parameter style, body kind and schema shape, in ``version``."""
    v31 = version.startswith("3.1")

    def nullable(schema: dict[str, Any]) -> dict[str, Any]:
        if v31:
            return {**schema, "type": [schema["type"], "null"]}
        return {**schema, "nullable": True}

    def below(maximum: float) -> dict[str, Any]:
        if v31:
            return {"exclusiveMaximum": maximum}
        return {"maximum": maximum, "exclusiveMaximum": True}

    def param(name: str, where: str, schema: Any, **extra: Any) -> dict[str, Any]:
        return {"name": name, "in": where, "required": where == "path", "schema": schema, **extra}

    color = {"type": "string", "enum": ["red", "green", "blue"]}
    number = {"type": "integer", "minimum": 0, "maximum": 100}
    some = {"type": "array", "items": number, "maxItems": 4}
    # Prism 5.16 dies on a literal ',' in a path segment, which these styles need for two
    # or more items: one item at most (PRISM_CRASHES["path-comma"]). ``bare`` is left
    # without minItems (test_path_array_schema_says_it_cannot_be_empty).
    bare = {"type": "array", "items": number, "maxItems": 1}
    one = {**bare, "minItems": 1}
    path_some = {**some, "minItems": 1}
    pair = {
        "type": "object",
        "properties": {"a": {"type": "string"}, "b": {"type": "integer"}},
        "additionalProperties": False,
        "minProperties": 1,
    }
    ok = {
        "200": {
            "description": "ok",
            "content": {"application/json": {"schema": {"type": "object"}}},
        }
    }
    address = {
        "type": "object",
        "required": ["city"],
        "properties": {
            "city": {"type": "string", "minLength": 1, "maxLength": 30},
            "zip": {"type": "string", "pattern": "^[0-9]{5}$"},
            "lines": {"type": "array", "items": {"type": "string"}, "maxItems": 3},
        },
        "additionalProperties": False,
    }
    thing = {
        "type": "object",
        "required": ["name", "kind"],
        "properties": {
            "name": {"type": "string", "minLength": 1, "maxLength": 20},
            "kind": color,
            "count": {"type": "integer", "minimum": -5, "maximum": 5},
            "price": {"type": "number", "minimum": 0, **below(1000)},
            "note": nullable({"type": "string", "maxLength": 40}),
            "email": {"type": "string", "format": "email"},
            "born": {"type": "string", "format": "date"},
            "seen": nullable({"type": "string", "format": "date-time"}),
            "tags": {"type": "array", "items": color, "uniqueItems": True},
            "owner": {
                "type": "object",
                "required": ["id"],
                "properties": {"id": {"type": "integer", "minimum": 1}, "address": address},
            },
            "either": {"oneOf": [{"type": "integer"}, {"type": "array", "items": number}]},
            "extra": {"type": "object", "additionalProperties": {"type": "string"}},
            "matrix": {
                "type": "array",
                "items": {"type": "array", "items": {"type": "number"}, "maxItems": 3},
                "maxItems": 3,
            },
        },
    }
    # Prism reads a pipeDelimited field that is empty or left out as '' (not an array):
    # ``piped`` is required and never empty (PRISM_LIMITATIONS["empty-delimited-field"]).
    form_schema = {
        "type": "object",
        "required": ["name", "piped"],
        "properties": {
            "name": {"type": "string"},
            "age": {"type": "integer", "minimum": 0, "maximum": 150},
            "active": {"type": "boolean"},
            "color": color,
            "colors": {"type": "array", "items": color, "maxItems": 3},
            "joined": {"type": "array", "items": number, "maxItems": 3},
            "piped": {"type": "array", "items": number, "minItems": 1, "maxItems": 3},
            "point": {
                "type": "object",
                "properties": {"x": {"type": "integer"}, "y": {"type": "integer"}},
                "additionalProperties": False,
            },
            "filter": {
                "type": "object",
                "properties": {"kind": color, "max": number},
                "additionalProperties": False,
            },
        },
    }
    # Prism reads a form field as a string unless its encoding has a style
    # (PRISM_LIMITATIONS["form-structured"]): every structured field has one.
    form_encoding = {
        "colors": {"style": "form", "explode": True},
        "joined": {"style": "form", "explode": False},
        "piped": {"style": "pipeDelimited", "explode": False},
        "point": {"style": "form", "explode": True},
        "filter": {"style": "deepObject", "explode": True},
    }
    multipart_schema = {
        "type": "object",
        "required": ["file"],
        "properties": {
            "file": {"type": "string", "format": "binary"},
            "caption": {"type": "string", "maxLength": 40},
            "size": {"type": "integer", "minimum": 0},
            "kind": color,
            "public": {"type": "boolean"},
        },
    }
    paths: dict[str, Any] = {
        "/simple/{key}/{list}/{name}": {
            "get": {
                "operationId": "pathSimple",
                "parameters": [
                    param("key", "path", {"type": "integer", "minimum": 1, "maximum": 1000}),
                    param("list", "path", bare),
                    param("name", "path", {"type": "string", "maxLength": 12}),
                ],
                "responses": ok,
            }
        },
        "/label/{color}/{one}/{parts}": {
            "get": {
                "operationId": "pathLabel",
                "parameters": [
                    param("color", "path", color, style="label"),
                    param("one", "path", one, style="label"),
                    param("parts", "path", path_some, style="label", explode=True),
                ],
                "responses": ok,
            }
        },
        "/matrix/{m}/{single}/{many}/{obj}": {
            "get": {
                "operationId": "pathMatrix",
                "parameters": [
                    param("m", "path", {"type": "string", "minLength": 1}, style="matrix"),
                    param("single", "path", one, style="matrix"),
                    param("many", "path", path_some, style="matrix", explode=True),
                    param("obj", "path", pair, style="matrix", explode=True),
                ],
                "responses": ok,
            }
        },
        "/query": {
            "get": {
                "operationId": "queryStyles",
                "parameters": [
                    param(
                        "tags",
                        "query",
                        {"type": "array", "items": {"type": "string"}},
                        required=True,
                    ),
                    param("ids", "query", some, explode=False),
                    param(
                        "spaced",
                        "query",
                        {"type": "array", "items": color, "maxItems": 3},
                        style="spaceDelimited",
                        explode=False,
                    ),
                    param("piped", "query", some, style="pipeDelimited", explode=False),
                    param(
                        "filter",
                        "query",
                        {
                            "type": "object",
                            "properties": {"kind": color, "max": number, "q": {"type": "string"}},
                            "additionalProperties": False,
                        },
                        style="deepObject",
                        explode=True,
                    ),
                    param(
                        "point",
                        "query",
                        {
                            "type": "object",
                            "properties": {"x": {"type": "integer"}, "y": {"type": "integer"}},
                            "additionalProperties": False,
                        },
                        explode=True,
                    ),
                    param(
                        "box",
                        "query",
                        {
                            "type": "object",
                            "properties": {"w": number, "h": number},
                            "additionalProperties": False,
                        },
                        explode=False,
                    ),
                    param("color", "query", color),
                    param("limit", "query", {"type": "integer", "minimum": 1, "maximum": 50}),
                    param("ratio", "query", {"type": "number", "minimum": 0, **below(1)}),
                    param("flag", "query", {"type": "boolean"}),
                    param("since", "query", {"type": "string", "format": "date-time"}),
                    param("day", "query", {"type": "string", "format": "date"}),
                    param("uid", "query", {"type": "string", "format": "uuid"}),
                    param(
                        "either",
                        "query",
                        {"oneOf": [{"type": "string"}, {"type": "array", "items": color}]},
                    ),
                    param("opt", "query", nullable({"type": "string"})),
                ],
                "responses": ok,
            }
        },
        "/headers": {
            "get": {
                "operationId": "headerParams",
                "parameters": [
                    param("X-Request-Id", "header", {"type": "string", "format": "uuid"}),
                    param("X-Count", "header", {"type": "integer", "minimum": 0}),
                    param("X-Color", "header", color),
                    param("X-Note", "header", {"type": "string", "maxLength": 20}),
                    # Array and object headers are required: Prism dies when one is
                    # left out (PRISM_CRASHES["absent-structured-header"]); and an
                    # empty object header is read as {"": undefined}
                    # (PRISM_LIMITATIONS["empty-header-object"]): minProperties 1.
                    param("X-Tags", "header", {"type": "array", "items": color}, required=True),
                    param(
                        "X-Size",
                        "header",
                        {
                            "type": "object",
                            "properties": {"w": number, "h": number},
                            "additionalProperties": False,
                            "minProperties": 1,
                        },
                        required=True,
                        explode=True,
                    ),
                ],
                "responses": ok,
            }
        },
        "/cookies": {
            "get": {
                "operationId": "cookieParams",
                "parameters": [
                    param("session", "cookie", {"type": "string", "minLength": 1}, required=True),
                    param("theme", "cookie", color),
                    param("page", "cookie", {"type": "integer", "minimum": 1}),
                ],
                "responses": ok,
            }
        },
        "/things/{id}": {
            "put": {
                "operationId": "putThing",
                "parameters": [param("id", "path", {"type": "string", "format": "uuid"})],
                "requestBody": {
                    "required": True,
                    "content": {"application/json": {"schema": thing}},
                },
                "responses": ok,
            }
        },
        "/batch": {
            "post": {
                "operationId": "postBatch",
                "requestBody": {
                    "required": True,
                    "content": {
                        "application/json": {
                            "schema": {"type": "array", "items": address, "maxItems": 4}
                        }
                    },
                },
                "responses": ok,
            }
        },
        "/form": {
            "post": {
                "operationId": "postForm",
                "requestBody": {
                    "required": True,
                    "content": {
                        "application/x-www-form-urlencoded": {
                            "schema": form_schema,
                            "encoding": form_encoding,
                        }
                    },
                },
                "responses": ok,
            }
        },
        "/multipart": {
            "post": {
                "operationId": "postMultipart",
                "requestBody": {
                    "required": True,
                    "content": {"multipart/form-data": {"schema": multipart_schema}},
                },
                "responses": ok,
            }
        },
    }
    return {
        "openapi": version,
        "info": {"title": "Property", "version": "1"},
        "servers": [{"url": "http://127.0.0.1:9/api"}],
        "paths": paths,
        "components": {
            "securitySchemes": {"key": {"type": "apiKey", "in": "header", "name": "X-Api-Key"}}
        },
        "security": [{"key": []}],
    }


# --- harness ----------------------------------------------------------------------------

DUMMY_ROLES = ("value", "token", "username", "password")
"""Credential roles set to dummy values; never ``client_id``/``client_secret`` (those
would make the server fetch OAuth tokens from the network)."""


def credentials(spec: Mapping[str, Any]) -> dict[str, str]:
    """Dummy values for the environment variables of every scheme that needs no fetching."""
    out = {}
    for scheme in spec["securitySchemes"]:
        for role, name in (scheme.get("env") or {}).items():
            if role in DUMMY_ROLES and name:
                out[name] = f"dummy-{role}"
    return out


@dataclass
class Harness:
    """A generated server connected in-process to Prism, called from synchronous code."""

    server: ModuleType
    document: Path
    startup_timeout: float = 60.0
    timeout: float = 5.0
    stack: contextlib.ExitStack = field(default_factory=contextlib.ExitStack)
    stats: dict[str, Counter[str]] = field(default_factory=dict)
    starts: int = field(default=0, init=False)

    def __post_init__(self) -> None:
        self.spec = self.server.load_spec()
        self.catalog = self.server.load_catalog(self.spec)
        upstream = __import__(self.server.__package__ + ".upstream", fromlist=["Upstream"])
        self.builder = upstream.Upstream(self.spec, "http://127.0.0.1:9", 5.0)
        self.portal = self.stack.enter_context(anyio.from_thread.start_blocking_portal())
        try:
            self._start()
        except BaseException:
            self.stack.close()  # else the portal's thread keeps the process alive
            raise

    def _start(self) -> None:
        self.prism_stack = contextlib.ExitStack()
        url = self.prism_stack.enter_context(
            run_prism(self.document, startup_timeout=self.startup_timeout)
        )
        self.url = url
        self.builder.base_url = url
        self.starts += 1
        self.client = self.prism_stack.enter_context(
            self.portal.wrap_async_context_manager(in_process(self.server, url, self.timeout))
        )

    def alive(self) -> bool:
        """Whether Prism still accepts connections."""
        address = httpx.URL(self.url)
        try:
            socket.create_connection((address.host, address.port or 80), timeout=2).close()
        except OSError:
            return False
        return True

    def died(self) -> bool:
        """Whether Prism has stopped accepting connections within a second."""
        for _ in range(5):
            if not self.alive():
                return True
            time.sleep(0.2)
        return False

    def resend(self, request: httpx.Request | None) -> httpx.Response | None:
        """``request`` sent to Prism again, directly (no redirect followed)."""
        if request is None:
            return None
        again = httpx.Request(
            request.method, request.url, headers=request.headers, content=request.read()
        )
        try:
            with httpx.Client(trust_env=False, timeout=self.timeout) as client:
                return client.send(again)
        except httpx.HTTPError:
            return None

    def violations(self, request: httpx.Request | None) -> list[dict[str, Any]]:
        """The ``sl-violations`` Prism reports when ``request`` is sent to it again."""
        response = self.resend(request)
        return header_entries(response.headers.get("sl-violations") if response else None)

    def restart(self) -> None:
        with contextlib.suppress(Exception):
            self.prism_stack.close()
        self._start()

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.prism_stack.close()
        self.stack.close()
        with contextlib.suppress(Exception):
            self.portal.call(self.builder.aclose)

    def call(self, name: str, arguments: dict[str, Any]) -> Outcome:
        tool = self.catalog.by_name[name]
        counts = self.stats.setdefault(name, Counter())
        outcome = self._call(tool, arguments)
        counts[f"{outcome.kind}:{outcome.why}" if outcome.kind in OK[3:] else outcome.kind] += 1
        return outcome

    def _call(self, tool: Mapping[str, Any], arguments: dict[str, Any]) -> Outcome:
        name = tool["name"]
        if not self.catalog.argument_errors(name, arguments):
            try:
                request = self.builder.build(tool, arguments)
            except Exception:  # noqa: BLE001 - the server reports it as it does any call
                request = None
            bug = known_bug(tool, arguments, request)
            if bug is not None:
                return Outcome("known-bug", why=bug)
            if request is not None:
                schema = self.catalog.wire(name)["inputSchema"]
                crash = prism_crash(tool, schema, arguments, request)
                if crash is not None:
                    return Outcome("crash-avoided", why=crash)
        else:
            request = None
        try:
            result = self.portal.call(self.client.call_tool, name, arguments)
        except Exception as exc:  # noqa: BLE001 - a JSON-RPC error: the server failed
            if "did not return structured content" in str(exc):
                return Outcome("output-mismatch", repr(exc)[:600], "no-structured-content")
            return Outcome("crash", repr(exc)[:600], type(exc).__name__)
        outcome = classify(tool, arguments, result, lambda: self.violations(request))
        if outcome.kind == "error":
            if self.died():
                self.restart()  # Prism died: the next call gets a fresh one
                return Outcome("prism-crash", outcome.detail, "prism-died")
            direct = self.resend(request)
            if direct is not None and direct.is_redirect:
                # Prism answered with the document's redirect, to a host off loopback.
                return Outcome("accepted", outcome.detail, "redirect-not-followed")
        return outcome


@pytest.fixture(scope="module", params=VERSIONS)
def harness(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Harness]:
    version = request.param
    root = tmp_path_factory.mktemp(f"property-{version}")
    path = root / "openapi.json"
    path.write_text(json.dumps(document(version), indent=1), encoding="utf-8")
    package = generate(path, root / "out", name=f"property-v{version.replace('.', '')}")
    server = import_package(root / "out", package)
    with pytest.MonkeyPatch.context() as patch:
        for name, value in credentials(server.load_spec()).items():
            patch.setenv(name, value)
        running = Harness(server, path)
        try:
            yield running
        finally:
            running.close()
            for name, counts in running.stats.items():
                print(f"\n{version} {name}: {dict(sorted(counts.items()))}", end="")


def test_document_has_one_tool_per_operation(harness: Harness) -> None:
    assert harness.catalog.names() == list(OPERATIONS)


@pytest.mark.parametrize("name", OPERATIONS)
def test_accepted_arguments_make_requests_prism_accepts(harness: Harness, name: str) -> None:
    schema = harness.catalog.wire(name)["inputSchema"]

    @profile()
    @given(from_schema(schema, custom_formats=CUSTOM_FORMATS))
    def check(arguments: dict[str, Any]) -> None:
        outcome = harness.call(name, arguments)
        assert not outcome.failed, (
            f"{name}: the server accepted these arguments but the call ended {outcome.kind} "
            f"({outcome.why}):\n{outcome.detail}"
        )

    check()
    counts = harness.stats.get(name, Counter())
    # Not vacuous: some drawn argument sets went all the way to Prism and back.
    assert counts["accepted"] >= 1, dict(counts)


# --- mcpgen bugs this file found: regression tests, and the open ones as xfail --------


def _single(harness: Harness, name: str, arguments: dict[str, Any]) -> Outcome:
    tool = harness.catalog.by_name[name]
    try:
        result = harness.portal.call(harness.client.call_tool, name, arguments)
    except Exception as exc:  # noqa: BLE001 - a JSON-RPC error: the server failed
        return Outcome("crash", repr(exc), type(exc).__name__)
    return classify(tool, arguments, result)


def test_non_ascii_header_value_is_an_error_result_or_sent(harness: Harness) -> None:
    outcome = _single(harness, "headerParams", {"X-Note": "é", "X-Tags": [], "X-Size": {"w": 1}})
    assert outcome.kind in ("accepted", "invalid"), outcome


@pytest.mark.parametrize("note", [" ", "a\x01b"], ids=["space", "control"])
def test_unsendable_header_value_is_refused(harness: Harness, note: str) -> None:
    outcome = _single(harness, "headerParams", {"X-Note": note, "X-Tags": [], "X-Size": {"w": 1}})
    assert outcome.kind in ("accepted", "invalid"), outcome


def test_format_is_checked_before_the_request(harness: Harness) -> None:
    outcome = _single(harness, "queryStyles", {"tags": ["a"], "uid": "x"})
    assert outcome.kind == "invalid", outcome


def test_path_array_schema_says_it_cannot_be_empty(harness: Harness) -> None:
    schema = harness.catalog.wire("pathSimple")["inputSchema"]["properties"]["list"]
    assert _single(harness, "pathSimple", {"key": 1, "list": [], "name": "a"}).kind == "invalid"
    assert schema.get("minItems", 0) >= 1, schema


# --- mcpgen bugs found by benchmarks/prism_corpus.py on the corpus -----------------------

CORPUS_BUGS = {
    "openapi": "3.0.3",
    "info": {"title": "Corpus bugs", "version": "1"},
    "paths": {
        # rclone-rc: 200 without content, 202 with JSON (an async job).
        "/job": {
            "post": {
                "operationId": "startJob",
                "responses": {
                    "200": {"description": "done, no body"},
                    "202": {
                        "description": "accepted",
                        "content": {
                            "application/json": {
                                "schema": {
                                    "type": "object",
                                    "properties": {"jobid": {"type": "integer"}},
                                }
                            }
                        },
                    },
                },
            }
        },
        # figma PUT /v2/webhooks/{webhook_id}: team_id required but not in properties.
        "/hook": {
            "put": {
                "operationId": "putHook",
                "requestBody": {
                    "required": True,
                    "content": {
                        "application/json": {
                            "schema": {
                                "type": "object",
                                "required": ["team_id", "endpoint"],
                                "properties": {"endpoint": {"type": "string"}},
                            }
                        }
                    },
                },
                "responses": {"200": {"description": "ok"}},
            }
        },
        # figma POST /v1/files/{file_key}/variables: minProperties 1 on the body.
        "/vars": {
            "post": {
                "operationId": "postVars",
                "requestBody": {
                    "required": True,
                    "content": {
                        "application/json": {
                            "schema": {
                                "type": "object",
                                "minProperties": 1,
                                "properties": {"a": {"type": "string"}, "b": {"type": "string"}},
                            }
                        }
                    },
                },
                "responses": {"200": {"description": "ok"}},
            }
        },
        # kubernetes-1.13 (Swagger 2.0 consumes: ["*/*"]) on every create and replace.
        "/things": {
            "post": {
                "operationId": "createThing",
                "requestBody": {
                    "required": True,
                    "content": {
                        "*/*": {
                            "schema": {
                                "type": "object",
                                "required": ["name"],
                                "properties": {"name": {"type": "string"}},
                            }
                        }
                    },
                },
                "responses": {"200": {"description": "ok"}},
            }
        },
        # mojaloop-fspiop-v2: Content-Length declared as a header parameter.
        "/framed": {
            "post": {
                "operationId": "postFramed",
                "parameters": [
                    {"name": "Content-Length", "in": "header", "schema": {"type": "integer"}}
                ],
                "requestBody": {
                    "content": {
                        "application/json": {
                            "schema": {"type": "object", "properties": {"a": {"type": "string"}}}
                        }
                    }
                },
                "responses": {"200": {"description": "ok"}},
            }
        },
    },
}


@pytest.fixture(scope="module")
def corpus_bugs(tmp_path_factory: pytest.TempPathFactory) -> ModuleType:
    root = tmp_path_factory.mktemp("corpus-bugs")
    path = root / "openapi.json"
    path.write_text(json.dumps(CORPUS_BUGS), encoding="utf-8")
    return import_package(root / "out", generate(path, root / "out"))


def _call_upstream(server: ModuleType, reply: Any, name: str, arguments: dict[str, Any]) -> Any:
    """Call ``name`` against a local upstream that answers ``reply``; the result, or the
    exception the SDK client raised."""
    from .upstream_app import Upstream, serve

    app = Upstream()
    app.routes["*"] = reply

    async def run() -> Any:
        async with in_process(server, url) as client:
            try:
                return await client.call_tool(name, arguments)
            except Exception as exc:  # noqa: BLE001 - the failure is the finding
                return exc

    with serve(app) as url:
        return anyio.run(run)


def test_empty_2xx_of_a_tool_with_an_output_schema(corpus_bugs: ModuleType) -> None:
    from .upstream_app import Reply

    result = _call_upstream(corpus_bugs, Reply(200, b"", content_type=""), "startJob", {})
    assert isinstance(result, types.CallToolResult), result


def test_body_required_name_without_a_property_stays_required(corpus_bugs: ModuleType) -> None:
    catalog = corpus_bugs.load_catalog(corpus_bugs.load_spec())
    schema = catalog.wire("putHook")["inputSchema"]
    assert "team_id" in schema.get("required", []), schema
    assert not catalog.argument_errors("putHook", {"team_id": "t1", "endpoint": "https://x"})


def test_body_min_properties_is_kept(corpus_bugs: ModuleType) -> None:
    # A body with a rule about the whole object (minProperties 1) stays one argument.
    catalog = corpus_bugs.load_catalog(corpus_bugs.load_spec())
    assert catalog.argument_errors("postVars", {}), catalog.wire("postVars")["inputSchema"]
    assert catalog.argument_errors("postVars", {"body": {}})
    assert not catalog.argument_errors("postVars", {"body": {"a": "x"}})


def test_any_media_type_body_with_an_object_schema(corpus_bugs: ModuleType) -> None:
    catalog = corpus_bugs.load_catalog(corpus_bugs.load_spec())
    schema = catalog.wire("createThing")["inputSchema"]
    body = schema["properties"].get("body", {}).get("properties", {})
    assert "name" in schema["properties"] or ("name" in body and "content" not in body), schema


def test_content_length_header_parameter(corpus_bugs: ModuleType) -> None:
    from .upstream_app import Reply

    result = _call_upstream(
        corpus_bugs, Reply(200, {"ok": True}), "postFramed", {"Content-Length": 0, "a": "x"}
    )
    assert isinstance(result, types.CallToolResult), result
