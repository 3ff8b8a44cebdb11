"""Response rules of the generated servers' runtime: HTTP responses as MCP results."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from mcp import types
from mcpgen.runtime.responses import MAX_ERROR_BODY, to_result

TOOL: dict[str, Any] = {"name": "t", "http": {"wrapOutput": False}}
WRAPPED: dict[str, Any] = {"name": "t", "http": {"wrapOutput": True}}


def response(status: int, body: bytes = b"", content_type: str | None = None) -> httpx.Response:
    headers = {"content-type": content_type} if content_type else {}
    request = httpx.Request("GET", "https://api.example.test/v1/things?x=1")
    return httpx.Response(status, content=body, headers=headers, request=request)


def only_text(result: types.CallToolResult) -> str:
    (block,) = result.content
    assert isinstance(block, types.TextContent)
    return block.text


def test_json_object_is_structured_and_text() -> None:
    result = to_result(TOOL, response(200, b'{"a": [1, "\xc3\xbc"]}', "application/json"))
    assert not result.is_error
    assert result.structured_content == {"a": [1, "ü"]}
    assert only_text(result) == '{"a": [1, "ü"]}'


@pytest.mark.parametrize(
    ("tool", "body", "structured"),
    [
        (TOOL, b"[1, 2]", {"result": [1, 2]}),
        (TOOL, b"3", {"result": 3}),
        (TOOL, b"null", {"result": None}),
        (WRAPPED, b'{"a": 1}', {"result": {"a": 1}}),
    ],
)
def test_non_objects_and_wrapped_outputs_are_wrapped(
    tool: dict[str, Any], body: bytes, structured: Any
) -> None:
    result = to_result(tool, response(200, body, "application/vnd.api+json; charset=utf-8"))
    assert result.structured_content == structured


def test_json_without_content_type_is_sniffed() -> None:
    assert to_result(TOOL, response(200, b'{"a": 1}')).structured_content == {"a": 1}


def test_invalid_json_is_text() -> None:
    result = to_result(TOOL, response(200, b"{nope", "application/json"))
    assert result.structured_content is None
    assert only_text(result) == "{nope"


def test_empty_body() -> None:
    assert only_text(to_result(TOOL, response(204))) == "HTTP 204 (no content)"


@pytest.mark.parametrize("content_type", ["text/plain", "application/xml", "text/csv"])
def test_text_like_bodies_are_text(content_type: str) -> None:
    assert only_text(to_result(TOOL, response(200, b"a,b", content_type))) == "a,b"


def test_images_audio_and_blobs() -> None:
    image = to_result(TOOL, response(200, b"\x89PNG", "image/png")).content[0]
    assert isinstance(image, types.ImageContent)
    assert (image.mime_type, image.data) == ("image/png", "iVBORw==")
    audio = to_result(TOOL, response(200, b"ID3", "audio/mpeg")).content[0]
    assert isinstance(audio, types.AudioContent) and audio.mime_type == "audio/mpeg"
    blob = to_result(TOOL, response(200, b"\x00", "application/pdf")).content[0]
    assert isinstance(blob, types.EmbeddedResource)
    assert isinstance(blob.resource, types.BlobResourceContents)
    assert str(blob.resource.uri) == "https://api.example.test/v1/things?x=1"
    assert blob.resource.mime_type == "application/pdf"


def test_errors_name_status_request_and_body() -> None:
    result = to_result(TOOL, response(404, b"no such thing", "text/plain"))
    assert result.is_error
    assert only_text(result) == "HTTP 404 Not Found from GET /v1/things\nno such thing"


def test_problem_details_come_first() -> None:
    body = b'{"title": "Out of stock", "detail": "none left", "status": 409}'
    text = only_text(to_result(TOOL, response(409, body, "application/problem+json")))
    assert text.splitlines()[1] == "Out of stock: none left"


def test_long_error_bodies_are_bounded() -> None:
    text = only_text(to_result(TOOL, response(500, b"x" * 10_000, "text/plain")))
    assert len(text) < MAX_ERROR_BODY + 100
    assert text.endswith("... (10000 bytes in all)")
