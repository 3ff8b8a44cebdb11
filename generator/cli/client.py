"""``mcpgen client``: a typed Python client for what a server offers."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .. import progress
from ..diagnostics import MCPGenError, plural
from ..pipeline import write_tree
from .running import EXIT_BAD_INPUT, EXIT_STALE


@click.command(short_help="A typed Python client for the tools, resources and prompts of a server.")
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
    from ..client import sources
    from ..client.catalog import Catalog, catalog_text
    from ..client.generate import TOOLS_FILE, catalog_drift, generate_catalog_client
    from ..naming import snake_case

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
