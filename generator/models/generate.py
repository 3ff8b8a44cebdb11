"""``mcpgen models``: MCP JSON schemas -> a package of typed pydantic models."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path, PurePosixPath

from .. import __version__, naming, progress
from ..pipeline import PlannedFile, render_plan
from ..publish import Content
from .build import ModelBuilder
from .ir import Definition, ModuleIR
from .patches import apply_patches
from .registry import build_registry
from .schema import SchemaDocument, bundled_versions, load_bundled, load_user_schema

# What a module imports, by import line; names marked optional only when used,
# since ruff rejects unused imports.
_IMPORTS: tuple[tuple[str, tuple[tuple[str, bool], ...]], ...] = (
    ("import json", (("json", False),)),
    ("collections.abc", (("Mapping", False),)),
    ("contextvars", (("ContextVar", False),)),
    ("dataclasses", (("dataclass", False),)),
    (
        "typing",
        (
            ("Annotated", True),
            ("Any", False),
            ("Final", False),
            ("Literal", False),
            ("Never", True),
            ("TypeAlias", False),
            ("overload", False),
        ),
    ),
    (
        "pydantic",
        (
            ("BaseModel", False),
            ("BeforeValidator", False),
            ("ConfigDict", False),
            ("Discriminator", False),
            ("Field", False),
            ("GetCoreSchemaHandler", False),
            ("PlainSerializer", False),
            ("StrictBool", True),
            ("StrictFloat", True),
            ("StrictInt", False),
            ("StrictStr", True),
            ("Tag", True),
            ("TypeAdapter", False),
            ("ValidationError", False),
            ("ValidatorFunctionWrapHandler", False),
            ("WrapValidator", False),
        ),
    ),
    ("pydantic_core", (("CoreSchema", False), ("core_schema", False))),
    ("typing_extensions", (("TypeAliasType", True),)),
)
_THIRD_PARTY = ("pydantic", "pydantic_core", "typing_extensions")

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
        helpers=builder.h,
    )


def _display_origin(origin: str) -> str:
    # Bundled schemas are named by resource; a user's file by its name only, so
    # the output is the same on every machine.
    return origin if origin.startswith("mcpgen:") else PurePosixPath(origin.replace("\\", "/")).name


def _imports(definitions: Iterable[Definition], helpers: Mapping[str, str]) -> list[list[str]]:
    """Import lines in the order ruff's isort wants: standard library, then third party."""
    words: set[str] = set()
    for definition in definitions:
        if definition.kind == "alias":
            words.update(_WORD.findall(definition.annotation))
            words.add(helpers["TypeAliasType" if definition.recursive else "TypeAlias"])
        else:
            for f in definition.fields:
                words.update(_WORD.findall(f.annotation))
            words.update(_WORD.findall(definition.extra_annotation or ""))
    blocks: list[list[str]] = [[], []]
    for module, names in _IMPORTS:
        block = blocks[module in _THIRD_PARTY]
        wanted = [n for n, optional in names if not optional or helpers[n] in words]
        if module.startswith("import "):
            block.extend(
                f"import {n}" if helpers[n] == n else f"import {n} as {helpers[n]}" for n in wanted
            )
            continue
        plain = sorted((n for n in wanted if helpers[n] == n), key=naming.import_order)
        renamed = sorted((n for n in wanted if helpers[n] != n), key=naming.import_order)
        # One statement per renamed import, one for the rest; isort orders the
        # statements of one module by their first name.
        statements = [(n, f"from {module} import {n} as {helpers[n]}") for n in renamed]
        if plain:
            statements.append((plain[0], f"from {module} import {', '.join(plain)}"))
        statements.sort(key=lambda s: naming.import_order(s[0]))
        block.extend(line for _, line in statements)
    return [b for b in blocks if b]


def plan_models(schemas: Sequence[SchemaDocument]) -> list[PlannedFile]:
    """One module per version and an ``__init__`` re-exporting the newest."""
    plan: list[PlannedFile] = []
    modules: list[tuple[str, ModuleIR]] = []
    text = f"building the models of {progress.count(len(schemas), 'protocol version')}"
    with progress.steps(text, len(schemas)) as step:
        modules.extend((module_name(s.version), step.after(build_module(s))) for s in schemas)
    for schema, (name, module) in zip(schemas, modules, strict=True):
        digest = hashlib.sha256(
            json.dumps(schema.document, sort_keys=True, ensure_ascii=False).encode()
        ).hexdigest()
        plan.append(
            PlannedFile(
                PurePosixPath(f"{name}.py"),
                "models/module.py.jinja",
                {
                    "module": module,
                    "imports": _imports(module.definitions, module.helpers),
                    "h": module.helpers,
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
                    [*newest.exports, "PROTOCOL_VERSIONS"],
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
) -> dict[PurePosixPath, Content]:
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
