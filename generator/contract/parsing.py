"""Parse a contract written in YAML as the JSON data it stands for, with located errors."""

from __future__ import annotations

import math
from typing import Any

import yaml

from ..diagnostics import MCPGenError, json_pointer, long_number_error

Pointer = tuple[str | int, ...]


def parse_yaml(raw: bytes, origin: str) -> Any:
    """Parse YAML as JSON data: strings stay strings (no dates), keys must be strings,
    and a syntax error names its line and column."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise MCPGenError(origin, f"byte {exc.start}", "not UTF-8 text") from None
    try:
        data = yaml.load(text, Loader=_JsonLoader)  # a SafeLoader subclass
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f"{mark.line + 1}:{mark.column + 1}" if mark is not None else ""
        raise MCPGenError(origin, where, f"invalid YAML: {exc.problem or exc}") from None
    except yaml.YAMLError as exc:
        raise MCPGenError(origin, "", f"invalid YAML: {exc}") from None
    except ValueError as exc:  # a number longer than Python reads
        raise long_number_error(text, origin, exc) from None
    bad = _not_json(data, ())
    if bad is not None:
        raise MCPGenError(origin, json_pointer(bad[0]), bad[1])
    return data


class _JsonLoader(yaml.SafeLoader):
    """SafeLoader without timestamps (``version: 2025-11-25`` stays a string) and without
    duplicate keys (the second would silently replace the first)."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if isinstance(key, str) and key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"duplicate key {key!r}", key_node.start_mark
                )
            if isinstance(key, str):
                seen.add(key)
        mapping: dict[Any, Any] = super().construct_mapping(node, deep=deep)
        return mapping


_JsonLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _not_json(value: Any, path: Pointer) -> tuple[Pointer, str] | None:
    if isinstance(value, dict):
        for key, item in value.items():
            if not isinstance(key, str):
                return path, f"key {key!r} is not a string"
            found = _not_json(item, (*path, key))
            if found is not None:
                return found
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found = _not_json(item, (*path, index))
            if found is not None:
                return found
    elif isinstance(value, float) and not math.isfinite(value):
        return path, "not a JSON number"
    elif not isinstance(value, str | int | float | bool | type(None)):
        return path, f"{type(value).__name__} values are not JSON"
    return None
