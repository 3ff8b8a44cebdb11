"""What the generated models look like to a user: names, aliases, unions,
open objects, strings kept as sent, and the method registry."""

from __future__ import annotations

from types import ModuleType
from typing import Any, get_args

import pytest
from mcpgen.models.schema import load_bundled
from pydantic import BaseModel, TypeAdapter, ValidationError

from .conftest import VERSIONS


@pytest.mark.parametrize("version", VERSIONS)
def test_every_definition_importable_under_its_own_name(
    models: dict[str, ModuleType], version: str
) -> None:
    module = models[version]
    for name in load_bundled(version).definitions:
        assert name in module.__all__
        assert getattr(module, name) is not None


@pytest.mark.parametrize("version", VERSIONS)
def test_no_numbered_or_generic_names(models: dict[str, ModuleType], version: str) -> None:
    module = models[version]
    for name in module.__all__:
        assert not name[-1].isdigit(), name
        assert name not in {"Model", "Params", "Item", "Result1"}


def test_inline_objects_named_from_their_parent(models: dict[str, ModuleType]) -> None:
    old = models["2024-11-05"]
    # In 2024-11-05 the params of tools/call are an inline object.
    assert old.CallToolRequest.model_fields["params"].annotation is old.CallToolRequestParams
    assert issubclass(old.InitializeRequestParams, BaseModel)
    assert old.REQUESTS["tools/call"].params is old.CallToolRequestParams


def test_snake_case_attributes_with_camel_case_aliases(models: dict[str, ModuleType]) -> None:
    m = models["2025-11-25"]
    by_name = m.CallToolResult(content=[], is_error=True, structured_content={"a": 1})
    by_alias = m.CallToolResult.model_validate(
        {"content": [], "isError": True, "structuredContent": {"a": 1}}
    )
    assert by_name == by_alias
    assert by_name.model_dump(mode="json", by_alias=True, exclude_unset=True) == {
        "content": [],
        "isError": True,
        "structuredContent": {"a": 1},
    }
    meta = m.RequestParams.model_validate({"_meta": {"progressToken": 1}})
    assert meta.meta is not None


def test_discriminated_union_names_the_broken_field(models: dict[str, ModuleType]) -> None:
    m = models["2025-11-25"]
    adapter = TypeAdapter(m.ContentBlock)
    assert (
        type(adapter.validate_python({"type": "image", "data": "AA==", "mimeType": "image/png"}))
        is m.ImageContent
    )
    with pytest.raises(ValidationError) as info:
        adapter.validate_python({"type": "image", "data": "AA=="})
    errors = info.value.errors()
    assert len(errors) == 1
    assert errors[0]["loc"] == ("image", "mimeType")
    with pytest.raises(ValidationError) as info:
        adapter.validate_python({"type": "video", "data": "AA=="})
    assert info.value.errors()[0]["type"] == "union_tag_invalid"

    result = {"content": [{"type": "text"}]}
    with pytest.raises(ValidationError) as info:
        m.CallToolResult.model_validate(result)
    assert [e["loc"] for e in info.value.errors()] == [("content", 0, "text", "text")]


def test_method_unions_are_discriminated(models: dict[str, ModuleType]) -> None:
    for version in VERSIONS:
        module = models[version]
        metadata = (
            get_args(module.ClientRequest)[1:]
            if hasattr(module.ClientRequest, "__metadata__")
            else ()
        )
        assert any(getattr(md, "discriminator", None) == "method" for md in metadata), version


def test_open_objects_keep_unknown_keys(models: dict[str, ModuleType]) -> None:
    m = models["2026-07-28"]
    data = {
        "name": "search",
        "inputSchema": {
            "type": "object",
            "properties": {"q": {"type": "string"}},
            "x-vendor": [1, 2],
        },
        "_meta": {"com.example/flag": True, "nested": {"deep": None}},
        "x-unknown-top": {"kept": 1.5},
    }
    tool = m.Tool.model_validate(data)
    assert tool.model_dump(mode="json", by_alias=True, exclude_unset=True) == data


def test_bytes_and_uris_stay_as_sent(models: dict[str, ModuleType]) -> None:
    m = models["2025-11-25"]
    data = {
        "uri": "HTTP://Example.COM/a/../b%7e?x=1#frag",
        "blob": "not base64 at all!",
        "mimeType": "x/y",
    }
    contents = m.BlobResourceContents.model_validate(data)
    assert contents.uri == data["uri"]
    assert contents.blob == data["blob"]
    assert contents.model_dump(mode="json", by_alias=True, exclude_unset=True) == data


def test_null_is_not_an_omitted_field(models: dict[str, ModuleType]) -> None:
    m = models["2025-11-25"]
    with pytest.raises(ValidationError, match="null is not allowed"):
        m.CallToolResult.model_validate({"content": [], "isError": None})
    assert m.CallToolResult.model_validate({"content": []}).is_error is None


def test_lax_coercions_are_rejected(models: dict[str, ModuleType]) -> None:
    m = models["2025-11-25"]
    base: dict[str, Any] = {"jsonrpc": "2.0", "id": 1, "method": "ping"}
    m.PingRequest.model_validate(base)
    for bad in ({**base, "id": True}, {**base, "id": 1.5}, {**base, "jsonrpc": 2.0}):
        with pytest.raises(ValidationError):
            m.PingRequest.model_validate(bad)
    with pytest.raises(ValidationError):
        m.ProgressNotificationParams.model_validate({"progressToken": 1, "progress": "300"})


def test_registry_directions_and_types(models: dict[str, ModuleType]) -> None:
    m = models["2025-11-25"]
    call = m.REQUESTS["tools/call"]
    assert (call.kind, call.direction) == ("request", "client_to_server")
    assert (call.message, call.params, call.result) == (
        m.CallToolRequest,
        m.CallToolRequestParams,
        m.CallToolResult,
    )
    assert m.REQUESTS["sampling/createMessage"].direction == "server_to_client"
    assert m.REQUESTS["ping"].direction == "both"
    assert m.REQUESTS["ping"].result is m.EmptyResult
    assert m.NOTIFICATIONS["notifications/initialized"].direction == "client_to_server"
    assert m.NOTIFICATIONS["notifications/initialized"].params is m.NotificationParams
    assert models["2024-11-05"].REQUESTS["ping"].params is models["2024-11-05"].PingRequestParams
    assert m.result_type("tools/list") is m.ListToolsResult
    with pytest.raises(KeyError, match="not a request method"):
        m.result_type("tools/nope")

    new = models["2026-07-28"]
    assert new.REQUESTS["server/discover"].result is new.DiscoverResult
    assert new.REQUESTS["elicitation/create"].direction == "server_to_client"
    assert new.NOTIFICATIONS["notifications/cancelled"].message is new.CancelledNotification
    for version in VERSIONS:
        module = models[version]
        for info in [*module.REQUESTS.values(), *module.NOTIFICATIONS.values()]:
            assert issubclass(info.message, BaseModel)
            assert info.message.model_fields["method"].annotation is not None
        assert all(info.result is not None for info in module.REQUESTS.values())


def test_parse_helpers(models: dict[str, ModuleType]) -> None:
    m = models["2025-11-25"]
    request = m.parse_message(
        '{"jsonrpc": "2.0", "id": 7, "method": "tools/call", "params": {"name": "x"}}'
    )
    assert isinstance(request, m.CallToolRequest)
    assert request.params.name == "x"
    unknown = m.parse_message({"jsonrpc": "2.0", "id": 7, "method": "vendor/thing"})
    assert isinstance(unknown, m.JSONRPCRequest)
    response = m.parse_message({"jsonrpc": "2.0", "id": 7, "result": {"content": []}})
    assert isinstance(response, m.JSONRPCResultResponse)
    assert isinstance(
        m.parse_result("tools/call", response.result.model_dump(by_alias=True, exclude_unset=True)),
        m.CallToolResult,
    )
    assert isinstance(m.parse_params("tools/call", {"name": "x"}), m.CallToolRequestParams)
    with pytest.raises(ValidationError):
        m.parse_message({"jsonrpc": "2.0", "id": 7, "method": "tools/call", "params": {}})
    with pytest.raises(ValidationError):
        m.parse_message({"jsonrpc": "1.0", "id": 7, "method": "ping"})


@pytest.mark.parametrize("version", VERSIONS)
def test_bundled_schema_is_a_valid_json_schema(version: str) -> None:
    # Bundled schemas skip the meta-schema check at generation time; this is it.
    import jsonschema

    document = load_bundled(version).document
    jsonschema.validators.validator_for(document).check_schema(document)
