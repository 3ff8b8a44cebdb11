"""The ``mcpgen`` command line: a thin shell over the library API."""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping
from pathlib import Path, PurePosixPath

import click

from . import __version__
from .diagnostics import MCPGenError
from .models.generate import generate_models
from .models.schema import bundled_versions
from .pipeline import check_tree, write_tree

EXIT_STALE = 1
EXIT_BAD_INPUT = 2


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="mcpgen")
def main() -> None:
    """Generate Model Context Protocol code from specifications."""


@main.command()
@click.option(
    "--version",
    "versions",
    multiple=True,
    metavar="VERSION",
    help=f"Protocol version to generate; repeatable. 'all' (the default) is every bundled one: "
    f"{', '.join(bundled_versions())}.",
)
@click.option(
    "--schema",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Generate from this schema.json (e.g. a new draft of the specification); "
    "add --version to generate bundled versions beside it.",
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
    "--check", is_flag=True, help="Write nothing; exit 1 with a diff if --out is not current."
)
def models(
    versions: tuple[str, ...], schema: Path | None, version_name: str | None, out: Path, check: bool
) -> None:
    """Typed pydantic models of MCP messages, one module per protocol version.

    Each module has every schema definition under its own name, and a method
    registry (REQUESTS, NOTIFICATIONS, parse_message, parse_result).
    """
    _run(lambda: generate_models(versions, schema, version_name), out, check)


def _run(produce: Callable[[], Mapping[PurePosixPath, str]], out: Path, check: bool) -> None:
    try:
        contents = produce()
        if check:
            diff = check_tree(out, contents)
            if diff:
                click.echo(diff, nl=False)
                click.echo(
                    f"mcpgen: {out} is out of date; run the same command without --check", err=True
                )
                sys.exit(EXIT_STALE)
            click.echo(f"mcpgen: {out} is up to date ({len(contents)} files)")
            return
        written = write_tree(out, contents)
    except MCPGenError as exc:
        click.echo(f"mcpgen: {exc}", err=True)
        sys.exit(EXIT_BAD_INPUT)
    click.echo(f"mcpgen: wrote {len(written)} files to {out}")
