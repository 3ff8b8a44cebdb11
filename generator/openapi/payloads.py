"""What an operation sends and gets back, as tool arguments and an output schema: its
request body's fields (or the whole body as one argument), and the JSON schema of its
first successful response with the ``Accept`` header that asks for it."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from .document import DocumentSet, Ref, RefError, as_dict, child
from .ir import Arg, OutputMode
from .names import ArgNames
from .operations import Operation, Unexpressible, media_kind, produces
from .schemas import FILE_SCHEMA, SchemaConverter, is_object_schema
from .shapes import describe, is_array, is_binary, non_empty, read_only, spreadable

_CHARSET = re.compile(r"\s*;\s*charset\s*=\s*(?:\"[^\"]*\"|[^;]*)", re.IGNORECASE)


def accept_header(media_types: list[str]) -> str:
    """The ``Accept`` header for the media types of an operation's responses, each once and
    without its ``charset``: a charset says how a body is written, not what to send, and
    servers that compare the parameters of ``Accept`` (Prism, for one) find no match for
    ``application/xml; charset=utf-8``. Other parameters (``version=2``) stay."""
    return ", ".join(dict.fromkeys(_CHARSET.sub("", media).strip() for media in media_types))


class Payloads:
    """Bodies and responses of one document's operations (a body property shared by
    several operations is converted once)."""

    def __init__(
        self,
        docs: DocumentSet,
        version: str,
        converter: SchemaConverter,
        text: Callable[[str], str],
        output_mode: OutputMode,
    ) -> None:
        # Nothing here refers back to the builder: a cycle would keep the parsed document
        # alive until the collector runs, and the collector is paused while generating.
        self.docs = docs
        self.version = version
        self.converter = converter
        self.text = text
        self.output_mode = output_mode
        self._fields: dict[tuple[int, Ref, str], tuple[Any, bool, frozenset[Ref]] | None] = {}

    def body_args(
        self, op: Operation, kind: str, allocate: ArgNames, needs: set[Ref]
    ) -> list[tuple[Arg, Any]]:
        body = op.body
        assert body is not None
        out: list[tuple[Arg, Any]] = []
        if body.fields is not None:  # Swagger 2.0 formData
            for f in body.fields:
                schema = self.converter.convert(f.schema, f.at, needs)
                is_file = f.schema.get("type") == "file"
                schema = describe(schema, f.description, False, self.converter.effective, self.text)
                arg = Arg(allocate.claim(f.name, "body"), "field", f.name, f.required, file=is_file)
                out.append((arg, non_empty(self.converter, schema) if f.required else schema))
            return out
        if kind in ("binary",):
            arg = Arg(allocate.claim("body", "body"), "body", "", body.required, file=True)
            return [(arg, describe(dict(FILE_SCHEMA), body.description, False, text=self.text))]
        if kind == "text":
            schema = {"type": "string"}
            arg = Arg(allocate.claim("body", "body"), "body", "", body.required)
            return [
                (
                    arg,
                    describe(schema, body.description, False, self.converter.effective, self.text),
                )
            ]
        resolved, resolved_at = self.converter.resolve(body.schema, body.at)
        if spreadable(resolved):
            props = resolved.get("properties") or {}
            wanted = resolved.get("required") if isinstance(resolved.get("required"), list) else []
            # Required names beside the body's $ref (DigitalOcean's droplet_ids): the
            # converter keeps what is written beside a reference, so the spread body does.
            written = as_dict(body.schema)
            beside = written.get("required") if "$ref" in written else None
            if isinstance(beside, list):
                wanted = [*wanted, *(n for n in beside if n not in wanted)]
            # A required name the document gives no property for is still required: an
            # argument of any type, so that the body the document asks for can be sent.
            undocumented = [n for n in wanted if isinstance(n, str) and n not in props]
            props = {**props, **{n: {} for n in undocumented}}
            for field_name, sub in props.items():
                sub_at = child(resolved_at, "properties", field_name)
                field = self._field(sub, sub_at, kind)
                if field is None:
                    continue  # response-only: a client never sends it
                field_schema, is_file, field_needs = field
                needs.update(field_needs)
                encoding = as_dict(body.encoding.get(field_name))
                style = str(encoding.get("style") or "") if kind == "form" else ""
                arg = Arg(
                    allocate.claim(field_name, "body"),
                    "field",
                    field_name,
                    field_name in wanted,
                    style=style,
                    explode=encoding.get("explode", style in ("", "form")) is True,
                    content_type=_json_field(encoding) if kind == "form" else "",
                    file=is_file,
                )
                if kind in ("form", "multipart") and arg.required:
                    # An empty one would put nothing in the body: the field would be missing.
                    field_schema = non_empty(self.converter, field_schema)
                out.append((arg, field_schema))
            return out
        schema = self.converter.convert(body.schema, body.at, needs)
        arg = Arg(allocate.claim("body", "body"), "body", "", body.required)
        return [
            (arg, describe(schema, body.description, False, self.converter.effective, self.text))
        ]

    def _field(self, sub: Any, at: Ref, kind: str) -> tuple[Any, bool, frozenset[Ref]] | None:
        """A body property's schema as an argument, whether it is a file, and what it
        refers to; None for a read-only one. Made once for each property of each body
        schema (operations that take the same body share its properties)."""
        key = (id(sub), at, kind)
        if key in self._fields:
            return self._fields[key]
        found: tuple[Any, bool, frozenset[Ref]] | None = None
        if not read_only(self.converter, sub, at):
            is_file = kind == "multipart" and is_binary(self.converter, sub, at)
            needs: set[Ref] = set()
            schema: Any
            if is_file:
                schema = dict(FILE_SCHEMA)
                if is_array(self.converter, sub, at):
                    schema = {"type": "array", "items": FILE_SCHEMA}
            else:
                schema = self.converter.convert(sub, at, needs)
            found = (schema, is_file, frozenset(needs))
        self._fields[key] = found
        return found

    def output(self, op: Operation) -> tuple[dict[str, Any] | None, bool, str]:
        responses = op.node.get("responses")
        if not isinstance(responses, dict):
            return None, False, ""
        codes = sorted(k for k in responses if k.startswith("2"))
        if not codes and "default" in responses:
            codes = ["default"]
        accept_types: list[str] = []
        for code in codes:
            try:
                node, at = self.docs.deref(responses[code], child(op.at, "responses", code))
            except RefError as exc:
                raise Unexpressible(Ref(exc.uri, exc.pointer), exc.message) from None
            if not isinstance(node, dict):
                continue
            if self.version.startswith("2."):
                if "schema" not in node:
                    continue
                media_types = produces(self.docs, op) or ["application/json"]
                json_media = next((m for m in media_types if media_kind(m) == "json"), None)
                schema_node, schema_at = node["schema"], child(at, "schema")
                accept_types.extend(media_types)
            else:
                content = node.get("content")
                if not isinstance(content, dict):
                    continue
                accept_types.extend(content)
                json_media = next((m for m in content if media_kind(m) == "json"), None)
                if json_media is None or not isinstance(content[json_media], dict):
                    continue
                schema_node = content[json_media].get("schema")
                schema_at = child(at, "content", json_media, "schema")
                if schema_node is None:
                    continue
            if json_media is None:
                continue
            accept = accept_header([json_media, *accept_types])
            return self._output_schema(schema_node, schema_at) + (accept,)
        return None, False, accept_header(accept_types)

    def _output_schema(self, node: Any, at: Ref) -> tuple[dict[str, Any] | None, bool]:
        mode = self.output_mode
        wrap = not is_object_schema(self.converter, node, at)
        if mode == "none":
            return None, wrap
        needs: set[Ref] = set()
        converted = self.converter.convert(node, at, needs)
        if wrap:
            schema: dict[str, Any] = {
                "type": "object",
                "properties": {"result": converted},
                "required": ["result"],
            }
        else:
            schema = dict(converted) if isinstance(converted, dict) else {}
            schema["type"] = "object"
        # How much of it a client sees (--output-schema, the budget) is the runtime's choice.
        return schema, wrap


def _json_field(encoding: dict[str, Any]) -> str:
    """A form field's media type where its ``encoding`` asks for JSON text (``contentType:
    application/json`` and no ``style``, ``explode`` or ``allowReserved``, as OpenAPI 3.1.1
    reads it): the value is sent as its JSON text (``json={"meta":...}``), not as pairs."""
    media = encoding.get("contentType")
    if not isinstance(media, str) or media_kind(media) != "json":
        return ""
    return "" if any(k in encoding for k in ("style", "explode", "allowReserved")) else media
