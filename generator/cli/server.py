"""``mcpgen server``: an MCP server project for an HTTP API (``--openapi``), Python
functions (``--functions``) or a contract (``--contract``)."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path, PurePosixPath

import click

from .. import progress
from ..diagnostics import MCPGenError, counts, plural
from ..openapi.build import DESCRIPTION_BUDGET, ServerOptions
from ..openapi.ir import DISCOVERY_BYTES, DISCOVERY_TOOLS, Project
from ..openapi.operations import Filters
from ..publish import Content
from ..runtime.schemas import DEFAULT_BUDGET
from .running import write_or_check


@click.command(short_help="An MCP server project for an HTTP API, Python functions or a contract.")
@click.option(
    "--openapi",
    "document",
    metavar="PATH_OR_URL",
    help="[OpenAPI] OpenAPI 3.0/3.1 or Swagger 2.0 document, JSON or YAML, a file or an http(s) URL.",
)
@click.option(
    "--functions",
    "target",
    metavar="MODULE_OR_FILE",
    help="[functions] A module (pkg.module) or .py file of typed functions; it is imported to "
    "read them.",
)
@click.option(
    "--contract",
    type=click.Path(dir_okay=False, path_type=Path),
    metavar="FILE",
    help="[contract] A contract (JSON or YAML) of tools, resources, resource templates and "
    "prompts: a typed server skeleton whose methods you fill in.",
)
@click.option(
    "--protocol",
    "contract_protocol",
    metavar="VERSION",
    help="[contract] The MCP version the contract is checked against (default: the newest "
    "bundled).",
)
@click.option(
    "--select",
    multiple=True,
    metavar="NAME",
    help="[functions] Expose only these functions (default: __all__, else the module's "
    "own public functions, a package's submodules' included).",
)
@click.option("--name", help="Project name (default: the API title or module name + '-mcp').")
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    help="Project directory (default: output/<name>).",
)
@click.option(
    "--tools-mode",
    type=click.Choice(["auto", "operations", "discovery"]),
    default="auto",
    show_default=True,
    help="[OpenAPI] One tool per operation ('operations'), or a fixed set of tools that "
    "search, describe and call the operations ('discovery'); 'auto' is operations up to "
    f"{DISCOVERY_TOOLS} operations and a {DISCOVERY_BYTES // 1000} KB tools/list, discovery "
    "above.",
)
@click.option(
    "--search",
    type=click.Choice(["hybrid", "lexical"]),
    default="hybrid",
    show_default=True,
    help="[OpenAPI] How a discovery server's search_operations ranks: by the words a request "
    "shares with each operation, fused with what they mean ('hybrid': a small word-embedding "
    "model that its package ships, no download), or by the words alone ('lexical': fewer "
    "dependencies).",
)
@click.option(
    "--schema-budget",
    type=click.IntRange(min=0),
    default=DEFAULT_BUDGET,
    show_default=True,
    metavar="BYTES",
    help="[OpenAPI] Most bytes of each tool's inputSchema and outputSchema on the wire; "
    "larger schemas share repeated definitions in $defs, then summarise deep levels "
    "(arguments are still validated against the whole schema). 0: no limit.",
)
@click.option(
    "--output-schema",
    type=click.Choice(["auto", "full", "shallow", "none"]),
    default="auto",
    show_default=True,
    help="[OpenAPI] outputSchema of each tool: within the schema budget ('auto'), complete with shared "
    "definitions in $defs ('full'), top-level properties and their types ('shallow'), or none.",
)
@click.option(
    "--strict-output",
    is_flag=True,
    help="[OpenAPI] Output schemas exactly as documented. By default they tolerate what real "
    "APIs send (nulls, missing properties, unlisted enum values, numbers as strings).",
)
@click.option(
    "--keep-refs",
    is_flag=True,
    help="[OpenAPI] Keep $defs/$ref in tool schemas instead of inlining (recursive schemas "
    "always use $defs).",
)
@click.option(
    "--keep-links",
    is_flag=True,
    help="[OpenAPI] Keep the URLs of links in descriptions (by default a link, Markdown or "
    "HTML, keeps its text only).",
)
@click.option("--allow-remote-refs", is_flag=True, help="[OpenAPI] Follow $refs to http(s) URLs.")
@click.option(
    "--ref-root",
    type=click.Path(file_okay=False, path_type=Path),
    help="[OpenAPI] Local $refs may read files below this folder only (default: the nearest "
    "folder above the document with package.json, pyproject.toml, setup.py, .git or .hg, "
    "else the document's folder).",
)
@click.option(
    "--allow-file-refs",
    is_flag=True,
    help="[OpenAPI] Follow $refs that are absolute paths or file: URLs (still below the "
    "reference root).",
)
@click.option(
    "--include-tag", multiple=True, metavar="TAG", help="[OpenAPI] Only operations with this tag."
)
@click.option(
    "--exclude-tag",
    multiple=True,
    metavar="TAG",
    help="[OpenAPI] Leave out operations with this tag.",
)
@click.option(
    "--include-operation",
    multiple=True,
    metavar="GLOB",
    help="[OpenAPI] Only operations whose operationId or tool name matches.",
)
@click.option(
    "--exclude-operation",
    multiple=True,
    metavar="GLOB",
    help="[OpenAPI] Leave out matching operations.",
)
@click.option(
    "--path",
    "paths",
    multiple=True,
    metavar="GLOB",
    help="[OpenAPI] Only paths matching, e.g. '/pets*'.",
)
@click.option(
    "--method",
    "methods",
    multiple=True,
    metavar="METHOD",
    help="[OpenAPI] Only these HTTP methods.",
)
@click.option("--include-deprecated", is_flag=True, help="[OpenAPI] Keep deprecated operations.")
@click.option(
    "--allow-empty",
    is_flag=True,
    help="Generate even when no operation or function becomes a tool (else exit 2).",
)
@click.option(
    "--description-budget",
    type=click.IntRange(min=40),
    default=DESCRIPTION_BUDGET,
    show_default=True,
    help="[OpenAPI] Maximum characters of a tool description.",
)
@click.option(
    "--registry-name",
    metavar="NAME",
    callback=lambda _ctx, _param, value: _registry_name(value),
    help="Name of the server in its server.json for the MCP Registry, in reverse-DNS form "
    "(io.github.<user>/<name>, com.example/<name>); default: a placeholder to replace.",
)
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
@click.option("--quiet", is_flag=True, help="Print only the summary and errors.")
@click.option(
    "--force", is_flag=True, help="Overwrite generated files even if they were edited by hand."
)
@click.option(
    "--check", is_flag=True, help="Write nothing; exit 1 with a diff if --out is not current."
)
def server(
    document: str | None,
    target: str | None,
    contract: Path | None,
    contract_protocol: str | None,
    select: tuple[str, ...],
    name: str | None,
    out: Path | None,
    tools_mode: str,
    search: str,
    schema_budget: int,
    output_schema: str,
    strict_output: bool,
    keep_refs: bool,
    keep_links: bool,
    allow_remote_refs: bool,
    ref_root: Path | None,
    allow_file_refs: bool,
    include_tag: tuple[str, ...],
    exclude_tag: tuple[str, ...],
    include_operation: tuple[str, ...],
    exclude_operation: tuple[str, ...],
    paths: tuple[str, ...],
    methods: tuple[str, ...],
    include_deprecated: bool,
    allow_empty: bool,
    description_budget: int,
    registry_name: str | None,
    strict: bool,
    quiet: bool,
    force: bool,
    check: bool,
) -> None:
    """An MCP server project: an HTTP API's operations (--openapi) or Python functions
    (--functions) as tools, or the typed skeleton of a contract (--contract).

    Operations or functions that cannot be expressed are skipped with a reason;
    everything else generates, with warnings for defects that do not stop it.
    Options marked [OpenAPI], [functions] or [contract] apply to that source
    only; --allow-empty and --strict to --openapi and --functions; the others to
    all three.
    """
    if sum(given is not None for given in (document, target, contract)) != 1:
        raise click.UsageError("give exactly one of --openapi and --functions (or --contract)")
    if contract is not None:
        _contract_server(contract, contract_protocol, name, out, registry_name, quiet, check, force)
        return
    options = ServerOptions(
        name=name,
        output_schema=output_schema,  # type: ignore[arg-type]
        tools_mode=tools_mode,  # type: ignore[arg-type]
        search=search,  # type: ignore[arg-type]
        schema_budget=schema_budget,
        strict_output=strict_output,
        keep_refs=keep_refs,
        keep_links=keep_links,
        allow_remote_refs=allow_remote_refs,
        ref_root=str(ref_root) if ref_root is not None else None,
        allow_file_refs=allow_file_refs,
        description_budget=description_budget,
        filters=Filters(
            include_tags=include_tag,
            exclude_tags=exclude_tag,
            include_operations=include_operation,
            exclude_operations=exclude_operation,
            paths=paths,
            methods=methods,
            include_deprecated=include_deprecated,
        ),
    )
    from ..openapi.generate import generate_server
    from ..registry import registry_name as named

    summary: list[str] = []
    next_steps: list[str] = []
    origin = document or target or ""

    def produce() -> Mapping[PurePosixPath, Content]:
        contents: Mapping[PurePosixPath, Content]
        with named(registry_name):
            if document is not None:
                contents, project, diagnostics = generate_server(document, options)
                unit = "operations"
            else:
                from ..functions.generate import generate_functions_server

                contents, project, diagnostics = generate_functions_server(origin, select, name)  # type: ignore[assignment]
                unit = "functions"
        warnings = [d for d in diagnostics if d.severity == "warning"]
        if not quiet:
            for diagnostic in diagnostics:
                click.echo(f"mcpgen: {diagnostic}", err=True)
        if strict and warnings:
            raise MCPGenError(origin, "", f"{len(warnings)} warnings and --strict is set")
        deprecated = len(getattr(project, "deprecated", ()))
        summary.append("mcpgen: " + counts(project, len(warnings), unit, " (--include-deprecated)"))
        if not project.tools and not allow_empty:
            # Every operation deprecated (APIs being retired): keeping them is the way on.
            keep = "--include-deprecated keeps them, " if deprecated else ""
            raise MCPGenError(
                origin,
                "",
                f"no {unit[:-1]} became a tool ({plural(len(project.skipped), 'skip')}, "
                f"{deprecated} deprecated); {keep}--allow-empty generates the project anyway",
            )
        next_steps.append(
            f"mcpgen: next: cd {{out}} && pip install -e . && {project.distribution} --help"
        )
        summary.extend(f"mcpgen: skipped {op}: {reason}" for op, reason in project.skipped)
        if isinstance(project, Project):
            summary.append(f"mcpgen: tools mode {project.tools_mode}: {project.tools_mode_reason}")
        nonlocal out
        if out is None:
            out = Path("output") / project.distribution
        return contents

    with progress.reporting(not quiet):
        write_or_check(produce, lambda: out or Path("output"), check, force, summary, next_steps)


def _contract_server(
    path: Path,
    protocol: str | None,
    name: str | None,
    out: Path | None,
    registry: str | None,
    quiet: bool,
    check: bool,
    force: bool,
) -> None:
    """``mcpgen server --contract``: the skeleton of a contract-first server."""
    from ..contract import implemented
    from ..contract.generate import counts, generate_contract_server
    from ..jobs import relative
    from ..registry import registry_name as named

    summary: list[str] = []
    next_steps: list[str] = []
    handlers: list[implemented.HandlersModule] = []

    def produce() -> Mapping[PurePosixPath, Content]:
        nonlocal out
        with named(registry):
            contents, project = generate_contract_server(path, protocol, name)
        summary.append(f"mcpgen: {counts(project)} from {path} (MCP {project.contract.protocol})")
        handlers.append(implemented.handlers_module(project))
        next_steps.append(
            f"mcpgen: next: fill in {{out}}/{project.package}/handlers.py, then cd {{out}} && "
            f"pip install -e . && {project.distribution} --help"
        )
        if out is None:
            out = Path("output") / project.distribution
        return contents

    def unimplemented(root: Path) -> str | None:
        module = handlers[0]
        return implemented.report(root, module, f"{relative(root)}/{module.path}")

    with progress.reporting(not quiet):
        write_or_check(
            produce,
            lambda: out or Path("output"),
            check,
            force,
            summary,
            next_steps,
            unimplemented,
        )


def _registry_name(value: str | None) -> str | None:
    from ..registry import REGISTRY_NAME

    if value is not None and (not REGISTRY_NAME.match(value) or len(value) > 200):
        raise click.BadParameter(
            f"{value!r} is not a registry name: namespace/name in reverse-DNS form, "
            "such as io.github.<user>/<name>"
        )
    return value
