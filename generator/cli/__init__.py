"""The ``mcpgen`` command line: a thin shell over the library API, one module per command."""

from __future__ import annotations

import importlib
import os
import sys
from typing import Any

import click

from .. import __version__, collector, parallel

COMMANDS = {
    "models": "models",
    "server": "server",
    "generate": "config",
    "init": "config",
    "client": "client",
}
"""Each command and the module of this package that defines it (as a function of the
same name). A command's module is imported when the command runs (or help lists it): each
brings in what its generator needs, and a run pays for its own command's alone."""


class _OneLineErrors(click.Group):
    """Usage errors (a bad option value, a missing argument) as one line and exit 2, like
    every other error of mcpgen, instead of click's usage block. Commands are imported when
    they are wanted (``COMMANDS``)."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        module = COMMANDS.get(cmd_name)
        if module is None:
            return None
        found = getattr(importlib.import_module(f"{__name__}.{module}"), cmd_name)
        assert isinstance(found, click.Command)
        return found

    def main(self, *args: Any, **kwargs: Any) -> Any:
        kwargs["standalone_mode"] = False
        try:
            return super().main(*args, **kwargs)
        except click.ClickException as exc:
            path = " ".join(["mcpgen", *_subcommands(getattr(exc, "ctx", None))])
            hint = f" (see `{path} --help`)" if isinstance(exc, click.UsageError) else ""
            click.echo(f"mcpgen: error: {exc.format_message()}{hint}", err=True)
            sys.exit(exc.exit_code)
        except click.Abort:
            click.echo("mcpgen: aborted", err=True)
            sys.exit(130)


def _subcommands(context: click.Context | None) -> list[str]:
    """The names of the subcommands a context is in (``["server"]``), whatever the
    program was called (``mcpgen``, or ``python -m mcpgen``)."""
    names: list[str] = []
    while context is not None and context.parent is not None:
        names.insert(0, context.info_name or "")
        context = context.parent
    return names


def run() -> None:
    """The ``mcpgen`` command: ``main``, then out without tearing the interpreter down. The
    objects of a large API's project (millions) would otherwise be freed one by one on the
    way out, for nothing: over a tenth of a second for an 11,000-operation document. For the
    same reason the collector does not walk them again (``collector.ending``)."""
    collector.ending()
    parallel.allow()
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
