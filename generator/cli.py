"""The ``mcpgen`` command line: a thin shell over the library API."""

from __future__ import annotations

import os
import shlex
import sys
from collections.abc import Callable, Mapping
from pathlib import Path, PurePosixPath
from typing import Any

import click

from . import __version__, collector, progress
from .diagnostics import MCPGenError, plural
from .models.schema import bundled_versions
from .openapi.build import DESCRIPTION_BUDGET, ServerOptions
from .openapi.ir import DISCOVERY_BYTES, DISCOVERY_TOOLS, Project
from .openapi.operations import Filters
from .pipeline import check_tree, write_tree
from .publish import MANIFEST, Content
from .runtime.schemas import DEFAULT_BUDGET

EXIT_STALE = 1
EXIT_BAD_INPUT = 2


class _OneLineErrors(click.Group):
    """Usage errors (a bad option value, a missing argument) as one line and exit 2, like
    every other error of mcpgen, instead of click's usage block."""

    def main(self, *args: Any, **kwargs: Any) -> Any:
        kwargs["standalone_mode"] = False
        try:
            return super().main(*args, **kwargs)
        except click.ClickException as exc:
            context = getattr(exc, "ctx", None)
            sub = context.command_path.partition(" ")[2] if context is not None else ""
            path = f"mcpgen {sub}" if sub else "mcpgen"
            hint = f" (see `{path} --help`)" if isinstance(exc, click.UsageError) else ""
            click.echo(f"mcpgen: error: {exc.format_message()}{hint}", err=True)
            sys.exit(exc.exit_code)
        except click.Abort:
            click.echo("mcpgen: aborted", err=True)
            sys.exit(130)


def run() -> None:
    """The ``mcpgen`` command: ``main``, then out without tearing the interpreter down. The
    objects of a large API's project (millions) would otherwise be freed one by one on the
    way out, for nothing: over a tenth of a second for an 11,000-operation document. For the
    same reason the collector does not walk them again (``collector.ending``)."""
    collector.ending()
    try:
        main()
        code = 0
    except SystemExit as done:
        if isinstance(done.code, str):
            print(done.code, file=sys.stderr)
        code = done.code if isinstance(done.code, int) else int(done.code is not None)
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


@click.group(cls=_OneLineErrors, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="mcpgen")
def main() -> None:
    """Generate Model Context Protocol code from specifications."""


@main.command(short_help="Typed pydantic models of MCP messages.")
@click.option(
    "--protocol",
    "versions",
    multiple=True,
    metavar="VERSION",
    help=f"Protocol version to generate; repeatable. 'all' (the default) is every bundled one: "
    f"{', '.join(bundled_versions())}.",
)
@click.option(
    # The first name of --protocol, kept working; hidden so that it is not taken for
    # mcpgen's own --version.
    "--version",
    "old_versions",
    multiple=True,
    metavar="VERSION",
    hidden=True,
)
@click.option(
    "--schema",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Generate from this schema.json (e.g. a new draft of the specification); "
    "add --protocol to generate bundled versions beside it.",
)
@click.option(
    "--version-name",
    help="Module name for --schema, e.g. 'draft' (default: the schema's folder or file name).",
)
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("output/mcp_models"),
    show_default=True,
    help="Directory of the generated package.",
)
@click.option(
    "--force", is_flag=True, help="Overwrite generated files even if they were edited by hand."
)
@click.option("--quiet", is_flag=True, help="Print only the summary and errors.")
@click.option(
    "--check", is_flag=True, help="Write nothing; exit 1 with a diff if --out is not current."
)
def models(
    versions: tuple[str, ...],
    old_versions: tuple[str, ...],
    schema: Path | None,
    version_name: str | None,
    out: Path,
    force: bool,
    quiet: bool,
    check: bool,
) -> None:
    """Typed pydantic models of MCP messages, one module per protocol version.

    Each module has every schema definition under its own name, and a method
    registry (REQUESTS, NOTIFICATIONS, parse_message, parse_result). Pick versions
    with --protocol (--version is its older name and still works).
    """
    from .models.generate import generate_models

    def produce() -> Mapping[PurePosixPath, Content]:
        try:
            return generate_models(versions + old_versions, schema, version_name)
        except MCPGenError as exc:
            found = exc.diagnostic
            if found.origin != "--version" or old_versions:
                raise
            # Name the option as the user wrote it.
            raise MCPGenError("--protocol", found.location, found.message, found.code) from None

    with progress.reporting(not quiet):
        _run(produce, lambda: out, check, force)


@main.command(short_help="An MCP server project for an HTTP API, Python functions or a contract.")
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
    "own public functions).",
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
    help="[OpenAPI] Keep the URLs of Markdown links in descriptions (by default a link keeps "
    "its text only).",
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
    from .openapi.generate import generate_server
    from .registry import registry_name as named

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
                from .functions.generate import generate_functions_server

                contents, project, diagnostics = generate_functions_server(origin, select, name)  # type: ignore[assignment]
                unit = "functions"
        warnings = [d for d in diagnostics if d.severity == "warning"]
        if not quiet:
            for diagnostic in diagnostics:
                click.echo(f"mcpgen: {diagnostic}", err=True)
        if strict and warnings:
            raise MCPGenError(origin, "", f"{len(warnings)} warnings and --strict is set")
        deprecated = len(getattr(project, "deprecated", ()))
        from .jobs import counts

        summary.append("mcpgen: " + counts(project, len(warnings), unit, " (--include-deprecated)"))
        if not project.tools and not allow_empty:
            raise MCPGenError(
                origin,
                "",
                f"no {unit[:-1]} became a tool ({plural(len(project.skipped), 'skip')}, "
                f"{deprecated} deprecated); --allow-empty generates the project anyway",
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
        _run(produce, lambda: out or Path("output"), check, force, summary, next_steps)


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
    from .contract import implemented
    from .contract.generate import counts, generate_contract_server
    from .jobs import relative
    from .registry import registry_name as named

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
        _run(
            produce,
            lambda: out or Path("output"),
            check,
            force,
            summary,
            next_steps,
            unimplemented,
        )


def _registry_name(value: str | None) -> str | None:
    from .registry import REGISTRY_NAME

    if value is not None and (not REGISTRY_NAME.match(value) or len(value) > 200):
        raise click.BadParameter(
            f"{value!r} is not a registry name: namespace/name in reverse-DNS form, "
            "such as io.github.<user>/<name>"
        )
    return value


def _run(
    produce: Callable[[], Mapping[PurePosixPath, Content]],
    destination: Callable[[], Path],
    check: bool,
    force: bool,
    summary: list[str] | None = None,
    next_steps: list[str] | None = None,
    unfinished: Callable[[Path], str | None] | None = None,
) -> None:
    """Produce, then compare (``check``) or write; ``next_steps`` (with ``{out}``) are said
    after a project's first generation, ``unfinished(out)`` after a check (information
    only: it does not change the exit status)."""
    try:
        contents = produce()
        out = destination()
        for line in summary or []:
            click.echo(line, err=True)
        if check:
            diff = check_tree(out, contents)
            if diff:
                click.echo(diff, nl=False)
                click.echo(
                    f"mcpgen: {out} is out of date; run the same command without --check", err=True
                )
            else:
                click.echo(f"mcpgen: {out} is up to date ({plural(len(contents), 'file')})")
            note = unfinished(out) if unfinished is not None else None
            if note:
                click.echo(f"mcpgen: {note}", err=True)
            if diff:
                sys.exit(EXIT_STALE)
            return
        first = not (out / MANIFEST).is_file()
        written = write_tree(out, contents, force)
    except MCPGenError as exc:
        click.echo(f"mcpgen: {exc}", err=True)
        sys.exit(EXIT_BAD_INPUT)
    if not written:
        click.echo(f"mcpgen: {out} is up to date")
        return
    click.echo(f"mcpgen: wrote {plural(len(written), 'file')} to {out}")
    if first:
        for line in next_steps or []:
            click.echo(line.replace("{out}", shlex.quote(str(out))))


@main.command(short_help="Run the jobs of the project configuration.")
@click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="The configuration (default: the nearest mcpgen.toml, or pyproject.toml with "
    "[tool.mcpgen], from here upwards).",
)
@click.option("--job", "job_names", multiple=True, metavar="NAME", help="Run only this job.")
@click.option(
    "--force", is_flag=True, help="Overwrite generated files even if they were edited by hand."
)
@click.option("--quiet", is_flag=True, help="Print only summaries and errors.")
@click.option(
    "--check",
    is_flag=True,
    help="Write nothing; exit 1 with a unified diff when any job's output is not current.",
)
def generate(
    config_path: Path | None, job_names: tuple[str, ...], force: bool, quiet: bool, check: bool
) -> None:
    """Run the jobs of the project configuration ([tool.mcpgen] or mcpgen.toml).

    Every job is rendered before anything is written, and all jobs are written
    as one transaction: a failure in any job leaves every output as it was.
    """
    from .config import find_config, load_config
    from .jobs import apply_all, plan_all, relative, render_job, select_jobs, unimplemented

    try:
        with progress.reporting(not quiet):
            config = load_config(config_path or find_config(Path.cwd()))
            rendered = [render_job(job) for job in select_jobs(config, job_names)]
            for item in rendered:
                if not quiet:
                    for diagnostic in item.diagnostics:
                        click.echo(f"mcpgen: {diagnostic}", err=True)
                click.echo(f"mcpgen: job {item.job.name}: {item.summary}", err=True)
            changes = plan_all(rendered)
            if check:
                diff = "".join(c.diff(relative(c.root) + "/") for c in changes)
                if diff:
                    click.echo(diff, nl=False)
                    stale = [r.job.name for r, c in zip(rendered, changes, strict=True) if c.diff()]
                    click.echo(
                        f"mcpgen: out of date: {', '.join(stale)}; run `mcpgen generate`", err=True
                    )
                else:
                    click.echo(f"mcpgen: {plural(len(rendered), 'job')} up to date")
                # Information, not a failure: the exit status is the comparison's.
                for note in filter(None, map(unimplemented, rendered)):
                    click.echo(f"mcpgen: {note}", err=True)
                if diff:
                    sys.exit(EXIT_STALE)
                return
            apply_all(changes, force)
    except MCPGenError as exc:
        click.echo(f"mcpgen: {exc}", err=True)
        sys.exit(EXIT_BAD_INPUT)
    for item, change in zip(rendered, changes, strict=True):
        where = relative(change.root)
        wrote = f"wrote {plural(len(change.writes), 'file')}" if change.writes else "up to date"
        removed = f", removed {len(change.deletes)}" if change.deletes else ""
        click.echo(f"mcpgen: job {item.job.name}: {wrote}{removed} in {where}")
        for path, reason in change.kept:
            if reason != "yours":
                click.echo(f"mcpgen: job {item.job.name}: kept {where}/{path}: {reason}")


@main.command(short_help="Write a commented starting configuration.")
@click.option(
    "--file",
    "target",
    type=click.Choice(["pyproject.toml", "mcpgen.toml"]),
    help="Where the configuration goes (default: pyproject.toml when there is one).",
)
@click.option(
    "--schema",
    "print_schema",
    is_flag=True,
    help="Print the JSON schema of the configuration (every key, for editors) and stop.",
)
def init(target: str | None, print_schema: bool) -> None:
    """Write a commented starting configuration: a [tool.mcpgen] section in pyproject.toml,
    or an mcpgen.toml."""
    from .config import load_config, schema_text, shadowed
    from .pipeline import render_template

    if print_schema:
        click.echo(schema_text(), nl=False)
        return
    path = Path(target or ("pyproject.toml" if Path("pyproject.toml").is_file() else "mcpgen.toml"))
    try:
        if path.name == "pyproject.toml":
            existing = path.read_text(encoding="utf-8") if path.is_file() else ""
            if "[tool.mcpgen]" in existing:
                raise MCPGenError(str(path), "", "already has a [tool.mcpgen] section")
            section = render_template(
                "config/config.toml.jinja", prefix="tool.mcpgen", jobs="tool.mcpgen.jobs"
            )
            separator = "\n" if existing and not existing.endswith("\n\n") else ""
            text = existing + ("\n" if existing and not existing.endswith("\n") else "")
            path.write_text(text + separator + section, encoding="utf-8")
        else:
            if path.exists():
                raise MCPGenError(str(path), "", "already exists")
            path.write_text(
                render_template("config/config.toml.jinja", prefix="", jobs="jobs"),
                encoding="utf-8",
            )
        load_config(path)
    except MCPGenError as exc:
        click.echo(f"mcpgen: {exc}", err=True)
        sys.exit(EXIT_BAD_INPUT)
    clash = shadowed(path)
    if clash:
        click.echo(f"mcpgen: warning: {clash}", err=True)
    click.echo(f"mcpgen: wrote a starting configuration to {path}; then run `mcpgen generate`")


@main.command(short_help="A typed Python client for the tools, resources and prompts of a server.")
@click.option(
    "--openapi",
    "document",
    metavar="PATH_OR_URL",
    help="The tools of mcpgen's server for this OpenAPI document.",
)
@click.option(
    "--functions",
    "target",
    metavar="MODULE_OR_FILE",
    help="The tools of mcpgen's server for these functions (the module is imported).",
)
@click.option(
    "--server",
    "server_target",
    metavar="CMD_OR_URL",
    help="A live server: an http(s):// URL (streamable HTTP) or a command that starts it over stdio.",
)
@click.option(
    "--tools",
    "tools_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="A saved snapshot (see --snapshot) or tools/list result.",
)
@click.option(
    "--contract",
    "contract_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="A contract file (JSON or YAML): tools, resources, resource templates and prompts.",
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=1),
    default=30.0,
    show_default=True,
    help="--server: seconds to wait for the server to start and list what it offers.",
)
@click.option("--name", help="Client name (default: the server's); the class is <Name>Client.")
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    help="Package directory (default: output/<name>_client).",
)
@click.option(
    "--snapshot",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Save what the source lists (tools, resources, templates, prompts) as a contract file and stop.",
)
@click.option(
    "--force", is_flag=True, help="Overwrite generated files even if they were edited by hand."
)
@click.option(
    "--check",
    is_flag=True,
    help="Write nothing; exit 1 listing tools (resources, prompts) added, removed or changed since --out was generated.",
)
def client(
    document: str | None,
    target: str | None,
    server_target: str | None,
    tools_file: Path | None,
    contract_file: Path | None,
    timeout: float,
    name: str | None,
    out: Path | None,
    snapshot: Path | None,
    force: bool,
    check: bool,
) -> None:
    """A typed Python client: one async method per tool, typed arguments and results; and
    one per resource, resource template and prompt of a server, snapshot or contract."""
    from .client import sources
    from .client.catalog import Catalog, catalog_text
    from .client.generate import TOOLS_FILE, catalog_drift, generate_catalog_client
    from .naming import snake_case

    given = [
        x for x in (document, target, server_target, tools_file, contract_file) if x is not None
    ]
    if len(given) != 1:
        raise click.UsageError(
            "give exactly one of --openapi, --functions, --server, --tools and --contract"
        )
    try:
        if document is not None or target is not None:
            tools, server_name = (
                sources.from_openapi(document)
                if document is not None
                else sources.from_functions(str(target))
            )
            catalog = Catalog(server_name, tuple(tools))
        elif server_target is not None:
            catalog = sources.catalog_from_server(server_target, timeout)
        elif contract_file is not None:
            catalog = sources.from_contract(contract_file)
        else:
            assert tools_file is not None
            catalog = sources.catalog_from_file(tools_file)
        if snapshot is not None:
            snapshot.write_text(catalog_text(catalog), encoding="utf-8")
            click.echo(f"mcpgen: saved {catalog.counts()} to {snapshot}")
            return
        package = snake_case(name or catalog.name) or "server"
        out = out or Path("output") / f"{package}_client"
        if check:
            changes = catalog_drift(sources.catalog_from_file(out / TOOLS_FILE), catalog)
            for line in changes:
                click.echo(line)
            if changes:
                click.echo(f"mcpgen: {out} does not match the server; regenerate it", err=True)
                sys.exit(EXIT_STALE)
            click.echo(f"mcpgen: {out} matches the server's {catalog.counts()}")
            return
        with progress.reporting():
            contents, built = generate_catalog_client(catalog, str(given[0]), name)
            for diagnostic in built.diagnostics:
                click.echo(f"mcpgen: {diagnostic}", err=True)
            written = write_tree(out, contents, force)
    except MCPGenError as exc:
        click.echo(f"mcpgen: {exc}", err=True)
        sys.exit(EXIT_BAD_INPUT)
    click.echo(
        f"mcpgen: {built.class_name}: {plural(built.method_count, 'method')}; "
        f"wrote {plural(len(written), 'file')} to {out}"
    )
