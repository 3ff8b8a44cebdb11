"""Parameters on the wire: path, query, header and cookie values per OpenAPI
``style`` and ``explode``.

Each function takes an argument's value (already checked against the tool's
``inputSchema``) and its ``http.args`` entry from ``operations.json`` made whole
by :func:`complete`: ``wire`` (the parameter's name in the document), ``style``,
``explode``, ``allowReserved`` and ``contentType`` (a parameter described with
``content``: sent as JSON).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from typing import Any
from urllib.parse import parse_qsl, quote, unquote

_RESERVED = ":/?[]@!$'()*,;"
# What a path template from the document may keep as written: RFC 3986 pchar, "/" and "%".
_PATH_SAFE = "/%:@!$&'()*+,;=-._~"
# Characters a cookie value may carry as they are (RFC 6265 cookie-octet).
_COOKIE_SAFE = "!#$%&'()*+-./:<=>?@[]^_`{|}~"
_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
# RFC 9110 field-value: visible ASCII with inner spaces and tabs, no leading or trailing ones.
_HEADER_TEXT = re.compile(r"(?:[\x21-\x7e](?:[\x20\x09\x21-\x7e]*[\x21-\x7e])?)?")
_DELIMITERS = {"spaceDelimited": " ", "pipeDelimited": "|", "tabDelimited": "\t"}


USUAL_STYLE: dict[str, tuple[str, bool]] = {
    "path": ("simple", False),
    "header": ("simple", False),
    "query": ("form", True),
    "cookie": ("form", True),
}
"""A parameter's ``style`` and ``explode`` where ``operations.json`` gives none."""


def complete(arg: Mapping[str, Any]) -> Mapping[str, Any]:
    """An ``http.args`` entry with what ``operations.json`` leaves out filled in: the wire
    name is the argument's own, and a parameter's style is the usual one for its place."""
    usual = USUAL_STYLE.get(arg["in"])
    if "wire" in arg and (usual is None or "style" in arg):
        return arg
    whole = dict(arg)
    whole.setdefault("wire", arg["name"])
    if usual is not None and "style" not in whole:
        whole["style"], whole["explode"] = usual
    return whole


class ArgumentError(Exception):
    """An argument that cannot be put on the wire."""


def scalar(value: Any) -> str:
    """A primitive value as text: ``true``/``false``, empty for null, JSON for containers."""
    if value is True:
        return "true"
    if value is False:
        return "false"
    if value is None:
        return ""
    if isinstance(value, (dict, list)):
        return json.dumps(value, separators=(",", ":"), ensure_ascii=False)
    return str(value)


def encode(text: str, allow_reserved: bool = False) -> str:
    """Percent-encode everything but unreserved characters (and reserved ones if allowed)."""
    return quote(text, safe=_RESERVED if allow_reserved else "")


def path_value(value: Any, arg: Mapping[str, Any]) -> str:
    """A path parameter, percent-encoded as exactly one segment (``/`` and ``..`` included)."""
    style, explode, name = arg["style"], arg["explode"], arg["wire"]
    if arg.get("contentType"):
        return encode(scalar(value))
    if isinstance(value, list):
        items = [encode(scalar(v)) for v in value]
        if style == "label":
            return "." + ("." if explode else ",").join(items)
        if style == "matrix":
            if explode:
                return "".join(f";{encode(name)}={item}" for item in items)
            return f";{encode(name)}=" + ",".join(items)
        return ",".join(items)
    if isinstance(value, dict):
        pairs = [(encode(str(k)), encode(scalar(v))) for k, v in value.items()]
        if explode:
            joined = ",".join(f"{k}={v}" for k, v in pairs)
        else:
            joined = ",".join(f"{k},{v}" for k, v in pairs)
        if style == "label":
            return "." + (joined.replace(",", ".") if explode else joined)
        if style == "matrix":
            if explode:
                return "".join(f";{k}={v}" for k, v in pairs)
            return f";{encode(name)}=" + joined
        return joined
    text = encode(scalar(value))
    if style == "label":
        return "." + text
    if style == "matrix":
        return f";{encode(name)}={text}"
    return text


def split_template(template: str) -> tuple[str, list[tuple[str, str]]]:
    """A path key's path, and the query it spells out: ``/items?mode=x#archive`` ->
    ``("/items", [("mode", "x")])``. Some documents key several operations on one path this
    way; the fragment is never sent."""
    template = template.split("#", 1)[0]
    path, _, query = template.partition("?")
    return path, parse_qsl(query, keep_blank_values=True)


def fill_path(
    template: str, values: Mapping[str, str], names: Mapping[str, str] | None = None
) -> str:
    """The request path: literal text percent-encoded where needed, placeholders filled.

    A segment with a placeholder must come out as a real segment: never empty, ``.`` or
    ``..`` (percent-encoded or not), which would send the request to another resource.
    ``names`` maps placeholders to the argument names used in errors.
    """
    out: list[str] = []
    position = 0
    for match in _PLACEHOLDER.finditer(template):
        out.append(quote(template[position : match.start()], safe=_PATH_SAFE))
        if match.group(1) not in values:
            raise ArgumentError(f"missing path parameter {match.group(1)!r}")
        out.append(values[match.group(1)])
        position = match.end()
    out.append(quote(template[position:], safe=_PATH_SAFE))
    path = "".join(out)
    for pattern, segment in zip(template.split("/"), path.split("/"), strict=False):
        if _PLACEHOLDER.search(pattern) and unquote(segment) in ("", ".", ".."):
            wire = _PLACEHOLDER.findall(pattern)
            arguments = ", ".join(repr((names or {}).get(w, w)) for w in wire)
            raise ArgumentError(
                f"path parameter {arguments} would make the path segment {segment!r}; "
                "give a non-empty value other than '.' and '..'"
            )
    return path


def query_pairs(value: Any, arg: Mapping[str, Any]) -> list[tuple[str, str]]:
    """``(name, value)`` pairs for a query parameter, per OpenAPI style and explode."""
    style, explode, name = arg["style"], arg["explode"], arg["wire"]
    if arg.get("contentType"):
        return [(name, scalar(value))]
    if value in ([], {}) and arg.get("allowEmpty"):
        return [(name, "")]  # allowEmptyValue: sent as an empty value, not left out
    if isinstance(value, list):
        # A query string has no null: null items are left out, as a null form field is.
        items = [scalar(v) for v in value if v is not None]
        if value and not items:
            return [(name, "")] if arg.get("allowEmpty") else []
        if style == "form" and explode:
            return [(name, item) for item in items]
        return [(name, _DELIMITERS.get(style, ",").join(items))]
    if isinstance(value, dict):
        if style == "deepObject":
            return deep_pairs(name, value)
        if explode:
            return [(str(k), scalar(v)) for k, v in value.items()]
        return [(name, ",".join(f"{k},{scalar(v)}" for k, v in value.items()))]
    return [(name, scalar(value))]


def deep_pairs(prefix: str, value: Any) -> list[tuple[str, str]]:
    """``deepObject`` pairs: ``prefix[key][0]=value`` for nested objects and arrays."""
    if isinstance(value, dict):
        out: list[tuple[str, str]] = []
        for key, item in value.items():
            out.extend(deep_pairs(f"{prefix}[{key}]", item))
        return out
    if isinstance(value, list):
        out = []
        for index, item in enumerate(value):
            out.extend(deep_pairs(f"{prefix}[{index}]", item))
        return out
    return [(prefix, scalar(value))]


def query_string(pairs: Sequence[tuple[str, str]]) -> str:
    """``name=value&...`` with both sides percent-encoded (no leading ``?``)."""
    return "&".join(f"{encode(k)}={encode(v)}" for k, v in pairs)


def header_value(value: Any, arg: Mapping[str, Any]) -> str:
    """A header parameter (``simple`` style); text HTTP cannot carry is refused."""
    if arg.get("contentType"):
        text = scalar(value)
    elif isinstance(value, list):
        text = ",".join(scalar(v) for v in value)
    elif isinstance(value, dict):
        pattern = "{k}={v}" if arg["explode"] else "{k},{v}"
        text = ",".join(pattern.format(k=k, v=scalar(v)) for k, v in value.items())
    else:
        text = scalar(value)
    if not _HEADER_TEXT.fullmatch(text):
        raise ArgumentError(
            f"header {arg['wire']!r} can carry only visible ASCII characters and inner "
            f"spaces, not {text!r}"
        )
    return text


def cookie_pairs(value: Any, arg: Mapping[str, Any]) -> list[tuple[str, str]]:
    """``(name, value)`` pairs for a cookie parameter (``form`` style): an array is one
    cookie per item when exploded, else one comma-separated cookie; an object's entries
    are cookies of their own when exploded, else ``key,value,...`` in one cookie."""
    name = arg["wire"]
    if arg.get("contentType"):
        return [(name, _cookie_text(scalar(value)))]
    explode = arg.get("explode", True) is not False
    if isinstance(value, list):
        items = [_cookie_text(scalar(v)) for v in value]
        return [(name, item) for item in items] if explode else [(name, ",".join(items))]
    if isinstance(value, dict):
        pairs = [(_cookie_text(str(k)), _cookie_text(scalar(v))) for k, v in value.items()]
        if explode:
            return pairs
        return [(name, ",".join(f"{k},{v}" for k, v in pairs))]
    return [(name, _cookie_text(scalar(value)))]


def _cookie_text(text: str) -> str:
    # Commas are encoded here, in the values, so that those joining items stay as they are.
    return quote(text, safe=_COOKIE_SAFE.replace("%", ""))


def cookie_header(cookies: Sequence[tuple[str, str]]) -> str:
    """The ``Cookie`` header for ``(name, value)`` pairs, values percent-encoded as needed
    (a ``%`` stays as it is: values from ``cookie_pairs`` come encoded, item by item)."""
    return "; ".join(f"{k}={quote(v, safe=_COOKIE_SAFE + ',')}" for k, v in cookies)
