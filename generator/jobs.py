"""Run the jobs of a configuration: render every job in memory, then compare or publish all
of them together, so that a failure in any job leaves every tree as it was."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from . import progress
from .config import Config, Job
from .diagnostics import Diagnostic, MCPGenError, counts, plural
from .publish import Changes, Content, plan_changes, publish, refuse_edited

if TYPE_CHECKING:
    from .contract.implemented import HandlersModule


@dataclass(frozen=True)
class Rendered:
    job: Job
    contents: Mapping[PurePosixPath, Content]
    diagnostics: tuple[Diagnostic, ...]
    summary: str
    handlers: HandlersModule | None = None
    """A contract server's user module, for ``--check`` to say what it lacks."""


def select_jobs(config: Config, names: Sequence[str]) -> list[Job]:
    if not names:
        return list(config.jobs)
    known = {job.name: job for job in config.jobs}
    unknown = [n for n in names if n not in known]
    if unknown:
        raise MCPGenError(
            str(config.path),
            "",
            f"no job named {unknown[0]!r}; jobs: {', '.join(known)}",
            code="E-CONFIG",
        )
    return [known[n] for n in names]


def render_job(job: Job) -> Rendered:
    """One job's files, in memory."""
    progress.phase(f"job {job.name}: {job.kind}")
    options = job.options
    if job.kind == "models":
        from .models.generate import generate_models

        contents = generate_models(
            tuple(options.get("versions", ())), job.path("schema"), options.get("version-name")
        )
        return Rendered(job, contents, (), f"{len(contents) - 1} files")
    if job.kind == "contract":
        from .contract.generate import counts as contract_counts
        from .contract.generate import generate_contract_server
        from .contract.implemented import handlers_module

        contents, built = generate_contract_server(
            job.file("contract"), options.get("protocol"), options.get("project-name")
        )
        summary = f"{contract_counts(built)} (MCP {built.contract.protocol})"
        return Rendered(job, contents, (), summary, handlers_module(built))
    if job.kind == "client":
        from .client import sources
        from .client.generate import generate_catalog_client, generate_client

        if "contract" in options:
            catalog = sources.from_contract(job.file("contract"))
            contents, client = generate_catalog_client(
                catalog, str(options["contract"]), options.get("client-name")
            )
            return Rendered(
                job,
                contents,
                tuple(client.diagnostics),
                f"{client.class_name}, {plural(client.method_count, 'method')}",
            )
        if "openapi" in options:
            tools, server_name = sources.from_openapi(job.path("openapi") or "")
        elif "functions" in options:
            with _importable_from(job.base):
                tools, server_name = sources.from_functions(_functions_target(job))
        elif "server" in options:
            tools, server_name = sources.from_server(options["server"])
        else:
            tools, server_name = sources.from_file(Path(job.path("tools") or ""))
        source = next(
            str(options[k]) for k in ("openapi", "functions", "server", "tools") if k in options
        )
        contents, client = generate_client(tools, server_name, source, options.get("client-name"))
        return Rendered(
            job,
            contents,
            tuple(client.diagnostics),
            f"{client.class_name}, {plural(len(client.methods), 'method')}",
        )
    if job.kind == "openapi":
        from .openapi.build import DESCRIPTION_BUDGET, ServerOptions
        from .openapi.generate import generate_server
        from .openapi.operations import Filters
        from .runtime.schemas import DEFAULT_BUDGET

        server_options = ServerOptions(
            name=options.get("project-name"),
            output_schema=options.get("output-schema", "auto"),
            tools_mode=options.get("tools-mode", "auto"),
            search=options.get("search", "hybrid"),
            schema_budget=options.get("schema-budget", DEFAULT_BUDGET),
            keep_refs=options.get("keep-refs", False),
            strict_output=options.get("strict-output", False),
            keep_links=options.get("keep-links", False),
            allow_remote_refs=options.get("allow-remote-refs", False),
            ref_root=job.path("ref-root"),
            allow_file_refs=options.get("allow-file-refs", False),
            description_budget=options.get("description-budget", DESCRIPTION_BUDGET),
            filters=Filters(
                include_tags=tuple(options.get("include-tags", ())),
                exclude_tags=tuple(options.get("exclude-tags", ())),
                include_operations=tuple(options.get("include-operations", ())),
                exclude_operations=tuple(options.get("exclude-operations", ())),
                paths=tuple(options.get("paths", ())),
                methods=tuple(options.get("methods", ())),
                include_deprecated=options.get("include-deprecated", False),
            ),
        )
        document = job.path("openapi")
        assert document is not None
        contents, project, diagnostics = generate_server(document, server_options)
        unit = "operations"
    else:
        from .functions.generate import generate_functions_server

        # A module name is imported from the configuration's directory first.
        sys.path.insert(0, str(job.base))
        try:
            contents, project, diagnostics = generate_functions_server(  # type: ignore[assignment]
                _functions_target(job),
                tuple(options.get("select", ())),
                options.get("project-name"),
            )
        finally:
            sys.path.remove(str(job.base))
        unit = "functions"
    warnings = [d for d in diagnostics if d.severity == "warning"]
    if job.strict and warnings:
        first = warnings[0]
        raise MCPGenError(
            first.origin,
            first.location,
            f"job {job.name!r}: {len(warnings)} warnings and strict is set; first: {first.message}",
        )
    summary = counts(project, len(warnings), unit)
    mode = getattr(project, "tools_mode_reason", "")
    if mode:
        summary += f"; tools mode {project.tools_mode}: {mode}"
    return Rendered(job, contents, tuple(diagnostics), summary)


def unimplemented(item: Rendered) -> str | None:
    """What ``generate --check`` says about a contract server's ``handlers.py``: the contract
    methods it does not implement yet (see ``contract.implemented``), or None."""
    if item.handlers is None:
        return None
    from .contract.implemented import report

    shown = f"{relative(item.job.out)}/{item.handlers.path}"
    line = report(item.job.out, item.handlers, shown)
    return f"job {item.job.name}: {line}" if line else None


@contextlib.contextmanager
def _importable_from(directory: Path) -> Iterator[None]:
    """Module names are imported from the configuration's directory first."""
    sys.path.insert(0, str(directory))
    try:
        yield
    finally:
        sys.path.remove(str(directory))


def _functions_target(job: Job) -> str:
    target = str(job.options["functions"])
    return str(job.base / target) if target.endswith(".py") else target


def plan_all(rendered: Sequence[Rendered]) -> list[Changes]:
    return [plan_changes(r.job.out, r.contents) for r in rendered]


def apply_all(changes: Sequence[Changes], force: bool) -> None:
    """Write every job's changes as one transaction."""
    if not force:
        refuse_edited(changes)
    writes = sum(len(c.writes) for c in changes)
    if writes:
        progress.phase(f"writing {progress.count(writes, 'file')}")
    publish(changes)


def relative(path: Path) -> str:
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)
