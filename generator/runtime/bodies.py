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
from collections.abc import Mapping
from typing import Any

from .params import ArgumentError, deep_pairs, query_string, scalar


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
    """One form field as ``(name, value)`` pairs: objects as ``deepObject``, arrays by
    ``explode`` (repeated, the default) or comma-joined."""
    if isinstance(value, dict) or arg.get("style") == "deepObject":
        return deep_pairs(name, value)
    if isinstance(value, list):
        if arg.get("explode", True):
            return [(name, scalar(v)) for v in value]
        return [(name, ",".join(scalar(v) for v in value))]
    return [(name, scalar(value))]


def encode_body(
    body: Mapping[str, Any],
    fields: Mapping[str, Any],
    field_args: Mapping[str, Mapping[str, Any]],
    whole: Any,
    headers: dict[str, str],
) -> dict[str, Any]:
    """Keyword arguments for ``httpx.AsyncClient.build_request`` that carry the body.

    ``fields`` are the body's top-level fields given one by one, ``whole`` the body
    given as one argument; ``headers`` gets the ``Content-Type`` where httpx does not
    set it itself (multipart, whose boundary it chooses).
    """
    kind, media = body["kind"], body["mediaType"]
    source: Mapping[str, Any] = fields if fields else (whole if isinstance(whole, dict) else {})
    if kind == "json":
        payload = fields if fields else whole
        headers["Content-Type"] = media
        return {"content": json.dumps(payload, ensure_ascii=False).encode("utf-8")}
    if kind == "form":
        pairs: list[tuple[str, str]] = []
        for key, value in source.items():
            pairs.extend(form_pairs(key, value, field_args.get(key, {})))
        headers["Content-Type"] = "application/x-www-form-urlencoded"
        return {"content": query_string(pairs).encode("ascii")}
    if kind == "multipart":
        data: dict[str, Any] = {}
        files: list[tuple[str, tuple[str, bytes, str | None]]] = []
        for key, value in source.items():
            if field_args.get(key, {}).get("file"):
                for item in value if isinstance(value, list) else [value]:
                    files.append((key, file_bytes(item, key)))
            elif isinstance(value, (dict, list)):
                data[key] = json.dumps(value, ensure_ascii=False)
            else:
                data[key] = scalar(value)
        return {"data": data, "files": files or None}
    if kind == "binary":
        _, raw, content_type = file_bytes(whole, "body")
        headers["Content-Type"] = content_type or media
        return {"content": raw}
    headers["Content-Type"] = media
    text = whole if isinstance(whole, str) else scalar(whole)
    return {"content": text.encode("utf-8")}
