"""Request bodies: JSON, form-urlencoded, multipart, binary and text.

A tool's ``http.body`` entry in ``spec.json`` gives the ``kind`` and the
``mediaType`` the document declares. The body is either one argument (the
whole body) or several arguments that are its top-level fields (``in:
"field"``), whose ``http.args`` entries carry the field's ``style``,
``explode`` and ``file`` (a binary field, sent as a file part).
"""

from __future__ import annotations

import base64
import json
import os
from collections.abc import Mapping
from typing import Any

from .params import ArgumentError, query_pairs, query_string, scalar


def file_bytes(value: Any, name: str) -> tuple[str, bytes, str | None]:
    """A file argument as ``(filename, bytes, content type)``.

    A string is sent as UTF-8 text; an object ``{"content", "encoding": "base64"|"text",
    "filename", "contentType"}`` says how to decode its content.
    """
    if isinstance(value, str):
        return name, value.encode("utf-8"), None
    content = value.get("content", "")
    if value.get("encoding") == "base64":
        try:
            data = base64.b64decode(content, validate=True)
        except ValueError:
            raise ArgumentError(f"{name}: content is not valid base64") from None
    else:
        data = str(content).encode("utf-8")
    return str(value.get("filename") or name), data, value.get("contentType")


def form_pairs(name: str, value: Any, arg: Mapping[str, Any]) -> list[tuple[str, str]]:
    """One form field as ``(name, value)`` pairs, per its ``encoding`` (``style``, default
    ``form``; ``explode``, default true), as query parameters are: arrays repeated or
    joined, objects as their own pairs, joined, or ``deepObject``; or, where its encoding
    asks for JSON (``contentType``), one pair whose value is the JSON text."""
    style = arg.get("style") or "form"
    explode = arg.get("explode", style == "form") is True
    wanted = {
        "style": style,
        "explode": explode,
        "wire": name,
        "contentType": arg.get("contentType"),
    }
    return query_pairs(value, wanted)


def multipart_parts(
    fields: Mapping[str, Any], field_args: Mapping[str, Mapping[str, Any]]
) -> list[tuple[str, tuple[str | None, bytes, str | None]]]:
    """Multipart parts: files as files, arrays as one part per item, objects as JSON parts,
    everything else as text."""
    parts: list[tuple[str, tuple[str | None, bytes, str | None]]] = []
    for key, value in fields.items():
        if field_args.get(key, {}).get("file"):
            for item in value if isinstance(value, list) else [value]:
                parts.append((key, file_bytes(item, key)))
        elif isinstance(value, list):
            for item in value:
                parts.append((key, _part(item)))
        else:
            parts.append((key, _part(value)))
    return parts


def _part(value: Any) -> tuple[None, bytes, str | None]:
    if isinstance(value, (dict, list)):
        text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
        return None, text.encode("utf-8"), "application/json"
    return None, scalar(value).encode("utf-8"), None


def encode_body(
    body: Mapping[str, Any],
    fields: Mapping[str, Any],
    field_args: Mapping[str, Mapping[str, Any]],
    whole: Any,
    headers: dict[str, str],
    whole_given: bool = True,
) -> dict[str, Any]:
    """Keyword arguments for ``httpx.AsyncClient.build_request`` that carry the body.

    ``fields`` are the body's top-level fields given one by one, ``whole`` the body
    given as one argument (``whole_given`` false when it was not); ``headers`` gets the
    ``Content-Type``. A required body whose fields were all left out is still sent, empty,
    in the declared media type.
    """
    kind, media = body["kind"], body["mediaType"]
    source: Mapping[str, Any] = fields
    if not fields and whole_given and isinstance(whole, dict):
        source = whole
    if kind == "json":
        payload = whole if whole_given and not fields else dict(fields)
        headers["Content-Type"] = media
        return {"content": json.dumps(payload, ensure_ascii=False).encode("utf-8")}
    if kind == "form":
        pairs: list[tuple[str, str]] = []
        for key, value in source.items():
            pairs.extend(form_pairs(key, value, field_args.get(key, {})))
        headers["Content-Type"] = media
        return {"content": query_string(pairs).encode("ascii")}
    if kind == "multipart":
        parts = multipart_parts(source, field_args)
        if parts:
            # httpx writes the boundary into the Content-Type it sets.
            return {"files": parts}
        boundary = os.urandom(16).hex()
        headers["Content-Type"] = f"{media.split(';')[0]}; boundary={boundary}"
        return {"content": f"--{boundary}--\r\n".encode("ascii")}
    if kind == "binary":
        _, raw, content_type = file_bytes(whole, "body")
        headers["Content-Type"] = content_type or media
        return {"content": raw}
    headers["Content-Type"] = media
    text = whole if isinstance(whole, str) else scalar(whole)
    return {"content": text.encode("utf-8")}
