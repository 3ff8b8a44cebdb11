"""``mcpgen models``: MCP JSON schemas -> a package of typed pydantic models."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Sequence
from pathlib import Path, PurePosixPath

from .. import __version__, naming
from ..pipeline import PlannedFile, render_plan
from .build import ModelBuilder
from .ir import Definition, ModuleIR
from .patches import apply_patches
from .registry import build_registry
from .schema import SchemaDocument, bundled_versions, load_bundled, load_user_schema

# Names a module may need beside what it always imports; the optional ones
# are imported only when used, since ruff rejects unused imports.
_ALWAYS = {
    "typing": ("Any", "Final", "Literal", "overload"),
    "pydantic": ("BaseModel", "BeforeValidator", "ConfigDict", "Field", "TypeAdapter"),
}
_OPTIONAL_IMPORTS = {
    "typing": ("Annotated", "Never", "TypeAlias"),
    "pydantic": ("StrictBool", "StrictFloat", "StrictInt", "StrictStr"),
    "typing_extensions": ("TypeAliasType",),
}
_REGISTRY_NAMES = (
    "MethodInfo",
    "NOTIFICATIONS",
    "PROTOCOL_VERSION",
    "REQUESTS",
    "parse_message",
    "parse_params",
    "parse_result",
    "result_type",
)
_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def resolve_versions(requested: Sequence[str]) -> list[str]:
    """``all`` (or nothing) means every bundled version."""
    known = bundled_versions()
    if not requested or "all" in requested:
        return known
    return sorted(dict.fromkeys(requested))


def module_name(version: str) -> str:
    """``2025-11-25`` -> ``v2025_11_25``; ``draft`` -> ``v_draft``."""
    body = re.sub(r"[^0-9A-Za-z]+", "_", version).strip("_").lower() or "schema"
    return f"v{body}" if body[0].isdigit() else f"v_{body}"


def build_module(schema: SchemaDocument) -> ModuleIR:
    """Schema -> IR for one version (patched, named, ordered, with its registry)."""
    patched, patches = apply_patches(schema)
    builder = ModelBuilder(patched)
    definitions = builder.build()
    requests, notifications = build_registry(builder)
    names = [d.name for d in definitions]
    message_union = builder.names.get("JSONRPCMessage")
    return ModuleIR(
        version=schema.version,
        version_literal=naming.py_literal(schema.version),
        source=naming.comment_text(_display_origin(schema.origin)),
        patches=tuple(naming.comment_text(f"{p.pointer}: {p.summary}") for p in patches),
        definitions=tuple(definitions),
        requests=requests,
        notifications=notifications,
        message_union=message_union,
        exports=tuple(sorted([*names, *_REGISTRY_NAMES], key=naming.export_order)),
    )


def _display_origin(origin: str) -> str:
    # Bundled schemas are named by resource; a user's file by its name only, so
    # the output is the same on every machine.
    return origin if origin.startswith("mcpgen:") else PurePosixPath(origin.replace("\\", "/")).name


def _imports(definitions: Iterable[Definition]) -> list[str]:
    words: set[str] = set()
    for definition in definitions:
        texts = [definition.annotation] if definition.kind == "alias" else [f.annotation for f in definition.fields]
        if definition.kind == "alias":
            words.add("TypeAliasType" if definition.recursive else "TypeAlias")
        elif definition.extra_annotation:
            texts.append(definition.extra_annotation)
        for text in texts:
            words.update(_WORD.findall(text))
    lines = []
    for module, optional in _OPTIONAL_IMPORTS.items():
        names = list(_ALWAYS.get(module, ())) + [n for n in optional if n in words]
        if names:
            lines.append(f"from {module} import {', '.join(sorted(names, key=naming.import_order))}")
    return lines


def plan_models(schemas: Sequence[SchemaDocument]) -> list[PlannedFile]:
    """One module per version and an ``__init__`` re-exporting the newest."""
    plan: list[PlannedFile] = []
    modules: list[tuple[str, ModuleIR]] = []
    for schema in schemas:
        module = build_module(schema)
        name = module_name(schema.version)
        digest = hashlib.sha256(
            json.dumps(schema.document, sort_keys=True, ensure_ascii=False).encode()
        ).hexdigest()
        modules.append((name, module))
        plan.append(
            PlannedFile(
                PurePosixPath(f"{name}.py"),
                "models/module.py.jinja",
                {
                    "module": module,
                    "imports": _imports(module.definitions),
                    "generator_version": __version__,
                    "schema_sha256": digest,
                },
            )
        )
    newest_name, newest = modules[-1]
    plan.append(
        PlannedFile(
            PurePosixPath("__init__.py"),
            "models/init.py.jinja",
            {
                "generator_version": __version__,
                "modules": modules,
                "imported": sorted(newest.exports, key=naming.import_order),
                "newest_name": newest_name,
                "newest": newest,
                "exports": sorted(
                    [*newest.exports, "PROTOCOL_VERSIONS", *(n for n, _ in modules)],
                    key=naming.export_order,
                ),
            },
        )
    )
    plan.append(PlannedFile(PurePosixPath("py.typed"), "models/py.typed.jinja"))
    return plan




def generate_models(
    versions: Sequence[str] = (),
    schema: str | Path | None = None,
    version_name: str | None = None,
) -> dict[PurePosixPath, str]:
    """Generate the models package and return ``{relative path: content}``.

    ``versions`` picks bundled protocol versions (empty or ``"all"``: every
    one); ``schema`` adds a user's own ``schema.json`` (named ``version_name``,
    or after its folder or file). Nothing is written to disk. Raises
    ``MCPGenError`` for bad input.
    """
    schemas: list[SchemaDocument] = []
    if schema is None or versions:
        schemas.extend(load_bundled(v) for v in resolve_versions(versions))
    if schema is not None:
        user = load_user_schema(Path(schema), version_name)
        schemas = [s for s in schemas if s.version != user.version] + [user]
    schemas.sort(key=lambda s: (not re.match(r"^\d{4}-\d{2}-\d{2}$", s.version), s.version))
    return render_plan(plan_models(schemas))
