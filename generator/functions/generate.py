"""``generate_functions_server``: a module of typed functions in, an MCP server project out."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import PurePosixPath
from typing import Any

from ..diagnostics import Diagnostic
from ..pipeline import PlannedFile, render_plan
from ..publish import Content
from ..serverproject import ProjectFiles, client_configs, md_text
from .build import FunctionsProject, build_functions

DEPENDENCIES = ("mcp>=2.3", "pydantic>=2.11", "jsonschema>=4.21", "uvicorn>=0.30")


def generate_functions_server(
    target: str, select: Sequence[str] = (), name: str | None = None
) -> tuple[dict[PurePosixPath, Content], FunctionsProject, list[Diagnostic]]:
    """Render the project for ``target`` (a module name or ``.py`` file, which is imported)."""
    project, diagnostics = build_functions(target, select, name)
    return render_plan(plan(project)), project, diagnostics


def dependencies(project: FunctionsProject) -> tuple[str, ...]:
    """The server's own dependencies, and the distribution that provides the functions'
    module when mcpgen could tell which one that is."""
    provider = project.module_distribution
    own = {_canonical(re.split(r"[<>=!~;\[ ]", d, maxsplit=1)[0]) for d in DEPENDENCIES}
    if provider is None or _canonical(provider) in own:
        return DEPENDENCIES
    return (*DEPENDENCIES, provider)


def _canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def plan(project: FunctionsProject) -> list[PlannedFile]:
    shared = ProjectFiles(
        package=project.package,
        distribution=project.distribution,
        title=project.title,
        source=(
            PurePosixPath(project.source).name if project.source.endswith(".py") else project.source
        ),
        backend="functions",
        dependencies=dependencies(project),
    )
    common = shared.context()
    return [
        *shared.files(project.spec_json()),
        shared.runtime("functions.py"),
        shared.runtime("pyschema.py"),
        PlannedFile(
            PurePosixPath("README.md"),
            "server/README-functions.md.jinja",
            {**common, **readme_context(project)},
            owner="starter",
        ),
    ]


def readme_context(project: FunctionsProject) -> dict[str, Any]:
    return {
        "module_file": md_text(project.module_file, 200) if project.module_file else "",
        "module_distribution": project.module_distribution or "",
        "command": project.distribution,
        "title": md_text(project.title, 120),
        "source": md_text(PurePosixPath(project.source).name, 200),
        "module": project.module,
        "module_path": md_text(project.module_path, 200),
        "prefix": project.env_prefix,
        "tool_count": len(project.tools),
        **client_configs(project.distribution, project.package, {"PYTHONPATH": "<directory>"}),
        "tool_rows": [
            (t.name, md_text(t.signature, 160), md_text(t.title, 120)) for t in project.tools
        ],
        "skipped_rows": [(md_text(f), md_text(reason)) for f, reason in project.skipped],
    }
