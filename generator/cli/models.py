"""``mcpgen models``: typed pydantic models of MCP messages."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path, PurePosixPath

import click

from .. import progress
from ..diagnostics import MCPGenError
from ..models.schema import bundled_versions
from ..publish import Content
from .running import write_or_check


@click.command(short_help="Typed pydantic models of MCP messages.")
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
    from ..models.generate import generate_models

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
        write_or_check(produce, lambda: out, check, force)
