"""Load and validate MCP JSON schemas (bundled or the user's own)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import Any

from ..diagnostics import MCPGenError, json_pointer
from ..loader import Source, load_bundled_json, load_json_file

_VERSION = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_VERSION_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")


@dataclass(frozen=True)
class SchemaDocument:
    """A validated MCP schema: its version name, origin, definitions key and body."""

    version: str
    origin: str
    defs_key: str
    document: dict[str, Any]

    @property
    def definitions(self) -> dict[str, Any]:
        defs: dict[str, Any] = self.document[self.defs_key]
        return defs


def bundled_versions() -> list[str]:
    """Protocol versions whose schema ships with mcpgen, oldest first."""
    root = files("mcpgen.spec").joinpath("mcp")
    return sorted(
        entry.name
        for entry in root.iterdir()
        if _VERSION.match(entry.name) and entry.joinpath("schema.json").is_file()
    )


def load_bundled(version: str) -> SchemaDocument:
    known = bundled_versions()
    if version not in known:
        raise MCPGenError(
            "--version", "", f"unknown protocol version {version!r}; known: {', '.join(known)}, all"
        )
    # Bundled schemas are checked against their meta-schema by the test suite;
    # doing it again on every run would cost seconds.
    source = load_bundled_json("mcpgen.spec", f"mcp/{version}/schema.json")
    return validate(source, version, check_meta_schema=False)


def load_user_schema(path: Path, version_name: str | None) -> SchemaDocument:
    """A schema.json the user points at, e.g. a new draft of the specification."""
    if version_name is None:
        # spec/<version>/schema.json is how the specification lays its schemas out.
        named_by_folder = path.stem == "schema" or _VERSION.match(path.parent.name)
        version_name = path.resolve().parent.name if named_by_folder else path.stem
    if not _VERSION_NAME.match(version_name):
        raise MCPGenError(
            "--version-name",
            "",
            f"{version_name!r} is not a usable version name (letters, digits, . _ -)",
        )
    return validate(load_json_file(path), version_name)


def validate(source: Source, version: str, check_meta_schema: bool = True) -> SchemaDocument:
    """Check that the document is a JSON schema with local, resolvable definitions."""
    doc = source.data
    if not isinstance(doc, dict):
        raise MCPGenError(source.origin, "/", "not a JSON schema: the document is not an object")
    if check_meta_schema:
        import jsonschema  # only when a user schema is checked: keeps the CLI quick to start

        validator = jsonschema.validators.validator_for(
            doc, default=jsonschema.Draft202012Validator
        )
        try:
            validator.check_schema(doc)
        except jsonschema.exceptions.SchemaError as exc:
            pointer = json_pointer(list(exc.absolute_path))
            raise MCPGenError(
                source.origin, pointer, f"not a valid JSON schema: {exc.message}"
            ) from None
    defs_key = "$defs" if isinstance(doc.get("$defs"), dict) else "definitions"
    defs = doc.get(defs_key)
    if not isinstance(defs, dict) or not defs:
        raise MCPGenError(
            source.origin,
            "/",
            "not an MCP schema: it has no '$defs' or 'definitions' to generate models from",
        )
    _check_refs(doc, defs_key, source.origin)
    return SchemaDocument(version, source.origin, defs_key, doc)


def _check_refs(doc: dict[str, Any], defs_key: str, origin: str) -> None:
    defs = doc[defs_key]
    prefix = f"#/{defs_key}/"

    def walk(node: Any, path: list[str | int]) -> None:
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str):
                name = ref[len(prefix) :] if ref.startswith(prefix) else None
                if name is None or name not in defs:
                    where = json_pointer(path + ["$ref"])
                    raise MCPGenError(origin, where, f"unsupported or unresolvable $ref {ref!r}")
            for key, value in node.items():
                if key not in ("const", "enum", "default", "examples"):
                    walk(value, path + [key])
        elif isinstance(node, list):
            for index, value in enumerate(node):
                walk(value, path + [index])

    walk(doc, [])
