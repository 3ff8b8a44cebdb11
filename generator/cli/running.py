"""What every command that generates a tree does with it: compare it (``--check``) or write
it, and say so in mcpgen's words; the exit statuses."""

from __future__ import annotations

import shlex
import sys
from collections.abc import Callable, Mapping
from pathlib import Path, PurePosixPath

import click

from ..diagnostics import MCPGenError, plural
from ..pipeline import check_tree, write_tree
from ..publish import MANIFEST, Content

EXIT_STALE = 1
EXIT_BAD_INPUT = 2


def write_or_check(
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
