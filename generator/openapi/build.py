"""Build the IR of a server project from an OpenAPI document: one tool per operation."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import partial
from typing import Any

import orjson

from ..diagnostics import Diagnostic, MCPGenError
from ..runtime.params import USUAL_STYLE
from ..runtime.schemanodes import references
from ..runtime.schemas import DEFAULT_BUDGET
from .containers import check_containers
from .document import DocumentSet, Ref, RefError, child
from .ir import (
    DISCOVERY_BYTES,
    DISCOVERY_TOOLS,
    Arg,
    Body,
    OutputMode,
    Project,
    SearchMode,
    SecurityScheme,
    Tool,
    ToolsMode,
)
from .names import ArgNames, assign_tool_names, project_names
from .operations import (
    CONCRETE_MEDIA,
    Filters,
    Operation,
    Param,
    Unexpressible,
    is_range,
    media_kind,
    operations,
    resolve_parameters,
    swagger_param_schema,
)
from .payloads import Payloads
from .prose import prose
from .schemas import SchemaConverter, broken_names
from .security import base_url, requirements, security_schemes
from .shapes import (
    collection_style,
    describe,
    is_binary,
    non_empty,
    only_value,
    placeholders,
    value_types,
)

DESCRIPTION_BUDGET = 1024
"""Characters of a tool description; longer text is cut and ends with an ellipsis."""


_SERVER_HEADERS = frozenset(
    {"accept", "content-type", "authorization", "content-length", "transfer-encoding", "host"}
)
"""Header parameters the server sets itself (from the body, the credentials and the URL)."""
_PREFIX = {
    "query": "query",
    "header": "header",
    "cookie": "cookie",
    "field": "body",
    "body": "body",
}


@dataclass(frozen=True)
class ServerOptions:
    name: str | None = None
    output_schema: OutputMode = "auto"
    tools_mode: ToolsMode = "auto"
    search: SearchMode = "hybrid"
    schema_budget: int = DEFAULT_BUDGET
    keep_refs: bool = False
    strict_output: bool = False
    keep_links: bool = False
    allow_remote_refs: bool = False
    ref_root: str | None = None
    """Local ``$ref``s stay below this folder (default: see ``document.default_ref_root``)."""
    allow_file_refs: bool = False
    description_budget: int = DESCRIPTION_BUDGET
    filters: Filters = field(default_factory=Filters)


class _Warnings:
    """Collects the warnings found against ``docs``.

    The converter holds it as well as the builder. Were it the builder's own method, the two
    would refer to each other, and the parsed document would outlive the build until the
    cyclic garbage collector ran, rather than go when the builder does."""

    def __init__(self, docs: DocumentSet) -> None:
        self.docs = docs
        self.found: list[Diagnostic] = []

    def __call__(self, code: str, at: Ref, message: str) -> None:
        self.found.append(Diagnostic(code, self.docs.name(at.uri), at.pointer, message))


class _Builder:
    def __init__(self, docs: DocumentSet, options: ServerOptions) -> None:
        self.docs = docs
        self.options = options
        self.warn = _Warnings(docs)
        self.diagnostics = self.warn.found
        root = docs.root
        if not isinstance(root, dict):
            raise MCPGenError(docs.origin, "/", "not an OpenAPI document (expected an object)")
        raw_version = root.get("openapi", root.get("swagger"))
        version = str(raw_version) if raw_version is not None else ""
        if not version.startswith(("2.", "3.0", "3.1")):
            where = "/openapi" if "openapi" in root else "/swagger" if "swagger" in root else "/"
            raise MCPGenError(
                docs.origin,
                where,
                f"unsupported document version {raw_version!r}; expected Swagger 2.0 or OpenAPI 3.0/3.1",
            )
        if not isinstance(root.get("paths", {}), dict):
            raise MCPGenError(docs.origin, "/paths", "'paths' is not an object")
        self.version = version
        check_containers(docs, version, self.warn)
        self.text = partial(prose, keep_links=options.keep_links)
        self.converter = SchemaConverter(
            docs, version, keep_refs=options.keep_refs, warn=self.warn, text=self.text
        )
        # A parameter shared by operations (a path item's, or a referenced one) is the
        # same node at the same place: converted once per argument name and location.
        self._parameters: dict[tuple[int, Ref, str, str], tuple[Arg, Any, frozenset[Ref]]] = {}
        # Documents also repeat a parameter word for word where operations are written out
        # one by one (Kubernetes: 4,697 parameters, 98 unlike): converted once per text.
        self._alike: dict[tuple[str, str, str, bytes | str], tuple[Arg, Any, frozenset[Ref]]] = {}
        self.payloads = Payloads(docs, version, self.converter, self.text, options.output_schema)

    def build(self) -> Project:
        root = self.docs.root
        root_at = Ref(self.docs.root_uri, "")
        info = root.get("info") if isinstance(root.get("info"), dict) else {}
        title = str(info.get("title") or "OpenAPI server")
        api_version = info.get("version")
        if api_version is None:
            self.warn(
                "W-INFO-VERSION", child(root_at, "info"), "info.version is missing; using '0'"
            )
        distribution, package, prefix = project_names(self.options.name, title)
        schemes = security_schemes(self.docs, self.version, prefix, self.warn)
        url, variables = base_url(self.docs, self.version, prefix, self.warn)
        default_security = requirements(root.get("security"), schemes)

        ops, broken = operations(self.docs, self.version)
        for at, reason in broken:
            self.diagnostics.append(
                Diagnostic("W-SKIP", self.docs.name(at.uri), at.pointer, reason)
            )
        names = assign_tool_names([(op.operation_id, op.method, op.path) for op in ops])
        tools: list[Tool] = []
        skipped: list[tuple[str, str]] = []
        deprecated: list[str] = []
        for op, name in zip(ops, names, strict=True):
            left_out = self.options.filters.reason_to_skip(op, name)
            if left_out is not None:
                if left_out.startswith("deprecated"):
                    deprecated.append(op.label)
                continue
            try:
                tools.append(self.tool(op, name, schemes, default_security))
            except (Unexpressible, RefError) as exc:
                at = exc.at if isinstance(exc, Unexpressible) else Ref(exc.uri, exc.pointer)
                self._skip(skipped, op.label, at, exc.message)
        # What the YAML readers read past, in every document read (references included).
        for uri, where, message in self.docs.notes:
            self.diagnostics.append(Diagnostic("W-YAML-KEY", self.docs.name(uri), where, message))
        definitions, recursive, unconverted = self.converter.definitions()
        if unconverted:
            tools, definitions = self._without_broken(tools, definitions, unconverted, skipped)
            recursive = frozenset(recursive & definitions.keys())
        tag_descriptions = {
            str(tag["name"]): self.text(str(tag.get("description") or "")).strip()
            for tag in root.get("tags") or []
            if isinstance(tag, dict) and isinstance(tag.get("name"), str)
        }
        project = Project(
            title=title,
            api_version=str(api_version if api_version is not None else "0"),
            description=str(info.get("description") or ""),
            package=package,
            distribution=distribution,
            env_prefix=prefix,
            source=self.docs.origin,
            base_url=url,
            variables=variables,
            tools=tuple(tools),
            schemes=tuple(schemes[k] for k in sorted(schemes)),
            output_mode=self.options.output_schema,
            skipped=tuple(skipped),
            deprecated=tuple(deprecated),
            definitions=definitions,
            recursive=recursive,
            keep_refs=self.options.keep_refs,
            strict_output=self.options.strict_output,
            schema_budget=self.options.schema_budget,
            tag_descriptions=tag_descriptions,
            search=self.options.search,
        )
        mode, reason = tools_mode(project, self.options.tools_mode)
        return replace(project, tools_mode=mode, tools_mode_reason=reason)

    def _without_broken(
        self,
        tools: list[Tool],
        definitions: dict[str, Any],
        broken: dict[str, RefError],
        skipped: list[tuple[str, str]],
    ) -> tuple[list[Tool], dict[str, Any]]:
        """The tools and definitions left once the operations whose schemas need a
        definition that cannot be converted (a broken ``$ref`` inside a shared schema) are
        skipped, as one with a broken ``$ref`` of its own is; the broken ``$ref`` is named."""
        bad = broken_names(definitions, broken)
        kept: list[Tool] = []
        for tool in tools:
            needed = {*references(tool.input_schema), *references(tool.output_schema or {})}
            reached = next((name for name in sorted(needed) if name in bad), None)
            if reached is None:
                kept.append(tool)
                continue
            exc = bad[reached]
            label = f"{tool.method.upper()} {tool.path}"
            self._skip(skipped, label, Ref(exc.uri, exc.pointer), exc.message)
        return kept, {name: body for name, body in definitions.items() if name not in bad}

    def _skip(self, skipped: list[tuple[str, str]], label: str, at: Ref, reason: str) -> None:
        """Note that the operation ``label`` is skipped, and why, where the cause is."""
        skipped.append((label, reason))
        message = f"operation {label} skipped: {reason}"
        self.diagnostics.append(Diagnostic("W-SKIP", self.docs.name(at.uri), at.pointer, message))

    # -- one operation ------------------------------------------------------

    def tool(
        self,
        op: Operation,
        name: str,
        schemes: dict[str, SecurityScheme],
        default_security: tuple[tuple[str, ...], ...],
    ) -> Tool:
        resolve_parameters(self.docs, op, self.version)
        security_node = op.node.get("security")
        security = (
            requirements(security_node, schemes) if security_node is not None else default_security
        )
        # A parameter that the operation's API key supplies (same place, same name) is the
        # credential: it comes from the environment, and the model is not asked for it.
        supplied = {
            (scheme.location, _wire_key(scheme.location, scheme.param))
            for alternative in security
            for name in alternative
            if (scheme := schemes[name]).kind == "apiKey"
        }
        allocate = ArgNames()
        needs: set[Ref] = set()
        properties: dict[str, Any] = {}
        required: list[str] = []
        args: list[Arg] = []

        def add(arg: Arg, schema: Any) -> None:
            args.append(arg)
            properties[arg.name] = schema
            if arg.required:
                required.append(arg.name)

        declared = {p.name for p in op.params if p.location == "path"}
        for placeholder in placeholders(op.path):
            if placeholder not in declared:
                self.warn(
                    "W-PATH-PARAM",
                    op.at,
                    f"path parameter {placeholder!r} is not declared; added as a required string",
                )
                add(
                    Arg(allocate.claim(placeholder, ""), "path", placeholder, True, "simple"),
                    {"type": "string"},
                )
        order = {"path": 0, "query": 1, "header": 2, "cookie": 3}
        for param in sorted(op.params, key=lambda p: order[p.location]):
            if param.location == "header" and param.name.lower() in _SERVER_HEADERS:
                continue
            if not _sendable(param.location, param.name):
                cannot = f"{param.location} parameter {param.name!r} has a name HTTP cannot carry"
                if param.location == "path" or param.node.get("required") is True:
                    raise Unexpressible(param.at, cannot)
                self.warn("W-PARAM-NAME", param.at, f"{cannot}; left out")
                continue
            if (param.location, _wire_key(param.location, param.name)) in supplied:
                continue
            arg_name = allocate.claim(param.name, _PREFIX.get(param.location, ""))
            key = (id(param.node), param.at, param.location, arg_name)
            known = self._parameters.get(key)
            if known is None:
                known = self._parameters[key] = self._alike_parameter(param, arg_name)
            arg, schema, found_needs = known
            needs.update(found_needs)
            add(arg, schema)

        body = None
        if op.body is not None:
            kind, media = media_kind(op.body.media_type), op.body.media_type
            wildcard = "*" in media.split(";")[0]
            # "*/*" with a structured schema (Kubernetes writes its JSON bodies so) is JSON.
            if (
                kind == "binary"
                and wildcard
                and op.body.schema is not None
                and not is_binary(self.converter, op.body.schema, op.body.at)
            ):
                kind, media = "json", "application/json"
            if is_range(media):
                media = CONCRETE_MEDIA[kind]
            body = Body(media, kind, op.body.required)  # type: ignore[arg-type]
            for arg, schema in self.payloads.body_args(op, kind, allocate, needs):
                add(arg, schema)

        input_schema: dict[str, Any] = {"type": "object", "properties": properties}
        if required:
            input_schema["required"] = required
        input_schema["additionalProperties"] = False
        output_schema, wrap, accept = self.payloads.output(op)

        method = op.method
        return Tool(
            name=name,
            title=self.title(op),
            description=self.description(op),
            method=method.upper(),
            path=op.path,
            operation=f"{op.label} ({op.at.pointer})",
            args=tuple(args),
            body=body,
            input_schema=input_schema,
            output_schema=output_schema,
            wrap_output=wrap,
            security=security,
            tags=op.tags,
            accept=accept,
        )

    def _alike_parameter(self, param: Param, arg_name: str) -> tuple[Arg, Any, frozenset[Ref]]:
        """A parameter's argument, schema and references; those of a parameter written the
        same way in the same document (whose ``$ref``s reach the same places) where one was
        converted without a warning (a warning names the place, so each place has its own)."""
        alike = (param.at.uri, param.location, arg_name, _spelling(param.node))
        known = self._alike.get(alike)
        if known is None:
            warnings = len(self.diagnostics)
            found: set[Ref] = set()
            arg, schema = self.parameter(param.node, param.at, param.location, arg_name, found)
            known = (arg, schema, frozenset(found))
            if len(self.diagnostics) == warnings:
                self._alike[alike] = known
        return known

    def parameter(
        self, node: dict[str, Any], at: Ref, location: str, name: str, needs: set[Ref]
    ) -> tuple[Arg, Any]:
        content_type = ""
        if self.version.startswith("2."):
            schema = self.converter.convert(swagger_param_schema(node), at, needs)
            style, explode = collection_style(node, location)
        else:
            style = str(node.get("style") or USUAL_STYLE[location][0])
            explode = node.get("explode", style == "form") is True
            if "schema" in node:
                schema = self.converter.convert(node["schema"], child(at, "schema"), needs)
            elif isinstance(node.get("content"), dict) and node["content"]:
                content_type = next(iter(node["content"]))
                entry = node["content"][content_type]
                raw = entry.get("schema", {}) if isinstance(entry, dict) else {}
                schema = self.converter.convert(
                    raw, child(at, "content", content_type, "schema"), needs
                )
            else:
                schema = {}
        schema = describe(
            schema,
            node.get("description"),
            node.get("deprecated") is True,
            self.converter.effective,
            self.text,
        )
        required = location == "path" or node.get("required") is True
        allow_empty = node.get("allowEmptyValue") is True
        schema = self._not_empty(schema, location, required, allow_empty)
        constant = only_value(self.converter, schema) if required else ()
        if constant:
            # Nothing to ask the model for: the one value it could give is sent for it.
            required = False
            if isinstance(schema, dict) and "default" not in schema:
                schema = {**schema, "default": constant[0]}
        arg = Arg(
            name,
            location,  # type: ignore[arg-type]
            node["name"],
            required,
            style,
            explode,
            node.get("allowReserved") is True,
            content_type,
            allow_empty=allow_empty and location == "query",
            constant=constant,
        )
        return arg, schema

    def _not_empty(self, schema: Any, location: str, required: bool, allow_empty: bool) -> Any:
        """Values that would vanish from the request are refused by the inputSchema: an empty
        path segment, and an empty array or object for a required query parameter (unless
        the document allows empty values, which are then sent as ``name=``)."""
        if not isinstance(schema, dict):
            return schema
        if location == "path":
            kinds = value_types(self.converter, schema)
            if not kinds or "string" in kinds:
                return {**schema, "minLength": max(1, int(schema.get("minLength") or 0))}
            return non_empty(self.converter, schema)
        if location == "query" and required and not allow_empty:
            return non_empty(self.converter, schema)
        return schema

    def title(self, op: Operation) -> str:
        summary = op.node.get("summary")
        text = str(summary).strip() if isinstance(summary, str) and summary.strip() else ""
        return " ".join((text or op.operation_id or op.label).split())[:120]

    def description(self, op: Operation) -> str:
        parts = [
            str(op.node.get(key)).strip()
            for key in ("summary", "description")
            if isinstance(op.node.get(key), str) and str(op.node.get(key)).strip()
        ]
        if len(parts) == 2 and parts[1].startswith(parts[0]):
            parts = parts[1:]
        text = self.text("\n\n".join(parts)) or op.label
        if op.node.get("deprecated") is True:
            text = "Deprecated. " + text
        budget = self.options.description_budget
        return text if len(text) <= budget else text[: budget - 1].rstrip() + "…"


def tools_mode(project: Project, requested: ToolsMode) -> tuple[ToolsMode, str]:
    """The tools mode and why: ``auto`` lists one tool per operation while the list is small
    enough for common clients, and serves the discovery tools above that."""
    count = len(project.tools)
    if requested != "auto":
        return requested, f"--tools-mode {requested}"
    if count > DISCOVERY_TOOLS:
        return "discovery", f"{count} operations is more than {DISCOVERY_TOOLS}"
    size = sum(project.catalog.wire_size(tool.name) for tool in project.tools) + 20
    if size > DISCOVERY_BYTES:
        return "discovery", f"a {size:,}-byte tools/list is more than {DISCOVERY_BYTES:,} bytes"
    return "operations", f"{count} operations, a {size:,}-byte tools/list"


def build_project(docs: DocumentSet, options: ServerOptions) -> tuple[Project, list[Diagnostic]]:
    """The project IR and every diagnostic found on the way."""
    builder = _Builder(docs, options)
    project = builder.build()
    return project, builder.diagnostics


_TOKEN = re.compile(r"[!#$%&'*+\-.^_`|~0-9A-Za-z]+")
"""An HTTP token (RFC 9110): what a header's or a cookie's name is made of."""


def _spelling(node: Any) -> bytes | str:
    """A parameter's node as text that is the same for nodes written the same way: orjson's
    (five times as fast), or ``repr`` where orjson refuses the node (the two never equal)."""
    try:
        return orjson.dumps(node)
    except orjson.JSONEncodeError:
        return repr(node)


def _sendable(location: str, name: str) -> bool:
    """Whether a parameter's name can be put on the wire in its place."""
    if location in ("header", "cookie"):
        return _TOKEN.fullmatch(name) is not None
    return name != ""


def _wire_key(location: str, name: str) -> str:
    """A parameter's name as its place compares names: headers without case."""
    return name.lower() if location == "header" else name
