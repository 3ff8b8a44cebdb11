"""``mcpgen generate`` and ``mcpgen init``: the jobs of the project configuration, and a
starting configuration."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .. import progress
from ..diagnostics import MCPGenError, plural
from .running import EXIT_BAD_INPUT, EXIT_STALE


@click.command(short_help="Run the jobs of the project configuration.")
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
    from ..config import find_config, load_config
    from ..jobs import apply_all, plan_all, relative, render_job, select_jobs, unimplemented

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


@click.command(short_help="Write a commented starting configuration.")
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
    from ..config import load_config, schema_text, shadowed
    from ..pipeline import render_template

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
