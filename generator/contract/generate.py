"""``generate_contract_server``: a contract in, a typed MCP server skeleton out.

The project has the shape of every mcpgen server (``serverproject``); what is its own:
``models.py`` and ``base.py`` (generated, rewritten on every run), ``handlers.py`` (the
user's: created once, never rewritten) and the ``contract`` runtime backend.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path, PurePosixPath
from typing import Any

from ..diagnostics import plural
from ..naming import comment_text, import_order
from ..pipeline import PlannedFile, render_plan
from ..publish import Content
from ..serverproject import REGRESS, ProjectFiles, client_configs, md_text
from .build import ContractProject, build_contract
from .document import load_contract

DEPENDENCIES = (
    "mcp>=2.3",
    "pydantic>=2.11",
    "jsonschema>=4.21",
    "uvicorn>=0.30",
    # typing.override is Python 3.12; the projects run on 3.11 too.
    "typing-extensions>=4.4",
    REGRESS,
)


def generate_contract_server(
    contract_path: Path, protocol: str | None = None, name: str | None = None
) -> tuple[dict[PurePosixPath, Content], ContractProject]:
    """A contract-first server project for the contract (JSON or YAML) at ``contract_path``,
    rendered in memory: ``(files, project)``, files mapping each path inside the project to
    its text, and the project's IR.

    The contract is validated against the MCP schema of ``protocol`` (default: the newest
    bundled version); ``name`` sets the project name (default: the contract's ``name``).
    Touches no disk: write the files with ``mcpgen.pipeline.write_tree(out, files)``, which
    creates the user's ``handlers.py`` once and never rewrites it. Raises MCPGenError, with
    the file and JSON pointer, for a contract that is invalid or that mcpgen cannot type.
    """
    contract = load_contract(contract_path, protocol)
    project = build_contract(contract, name)
    return render_plan(plan(project)), project


def counts(project: ContractProject) -> str:
    """``3 tools, 1 resource, 1 resource template, 1 prompt``."""
    c = project.contract
    return ", ".join(
        plural(n, word)
        for n, word in (
            (len(c.tools), "tool"),
            (len(c.resources), "resource"),
            (len(c.resource_templates), "resource template"),
            (len(c.prompts), "prompt"),
        )
    )


def plan(project: ContractProject) -> list[PlannedFile]:
    shared = ProjectFiles(
        package=project.package,
        distribution=project.distribution,
        title=project.title,
        source=PurePosixPath(project.source).name,
        backend="contract",
        dependencies=DEPENDENCIES,
    )
    common = shared.context()
    pkg = PurePosixPath(project.package)
    context = {**common, **code_context(project)}
    return [
        *shared.files(project.spec_json()),
        shared.runtime("contract.py"),
        PlannedFile(
            pkg / "models.py",
            "contract/models.py.jinja",
            {"header": common["header"], "models": project.models},
        ),
        PlannedFile(pkg / "base.py", "contract/base.py.jinja", context),
        PlannedFile(
            pkg / "handlers.py",
            "contract/handlers.py.jinja",
            {**context, "imports": handlers_imports(project)},
            owner="user",
        ),
        PlannedFile(
            PurePosixPath("README.md"),
            "contract/README.md.jinja",
            {**common, **readme_context(project)},
            owner="starter",
        ),
    ]


def code_context(project: ContractProject) -> dict[str, Any]:
    return {
        "title_text": comment_text(project.title).replace('"', "'"),
        "base_class": project.base_class,
        "impl_class": project.impl_class,
        "methods": project.all_methods,
        "prompts": project.prompts,
        "uses_models": project.uses_models,
        "imports": base_imports(project),
    }


def _lines(modules: dict[str, set[str]]) -> list[str]:
    """``from`` lines grouped as ruff's isort rules want them: standard library, a blank
    line, third party; names sorted case-sensitively."""
    sections: dict[bool, list[str]] = {True: [], False: []}
    for module in sorted(modules):
        names = ", ".join(sorted(modules[module], key=import_order))
        sections[module.split(".")[0] in sys.stdlib_module_names].append(
            f"from {module} import {names}"
        )
    if sections[True] and sections[False]:
        return [*sections[True], "", *sections[False]]
    return [*sections[True], *sections[False]]


def _extra(project: ContractProject) -> dict[str, set[str]]:
    modules: dict[str, set[str]] = {}
    for line in project.imports:
        tree = ast.parse(line).body[0]
        assert isinstance(tree, ast.ImportFrom)
        modules.setdefault(tree.module or "", set()).update(
            a.name if a.asname is None else f"{a.name} as {a.asname}" for a in tree.names
        )
    if project.uses_types:
        modules.setdefault("mcp", set()).add("types")
    return modules


def base_imports(project: ContractProject) -> list[str]:
    modules = _extra(project)
    if project.prompts:
        modules.setdefault("pydantic", set()).update({"BaseModel", "ConfigDict"})
    if any(prompt.arguments for prompt in project.prompts):
        modules["pydantic"].add("Field")
    return _lines(modules)


def handlers_imports(project: ContractProject) -> list[str]:
    modules = _extra(project)
    if project.all_methods:
        modules.setdefault("typing_extensions", set()).add("override")
    return _lines(modules)


def readme_context(project: ContractProject) -> dict[str, Any]:
    c = project.contract
    counts = [
        plural(len(c.tools), "tool"),
        plural(len(c.resources), "resource"),
        plural(len(c.resource_templates), "resource template"),
        plural(len(c.prompts), "prompt"),
    ]
    rows = [
        *(("tool", md_text(m.tool, 120), m.name) for m in project.tools),
        *(("resource", md_text(m.wire, 120), m.name) for m in project.resources),
        *(("resource template", md_text(m.wire, 120), m.name) for m in project.templates),
        *(("prompt", md_text(m.wire, 120), m.name) for m in project.prompts),
    ]
    return {
        "title": md_text(project.title, 120),
        "source": md_text(PurePosixPath(project.source).name, 200),
        "summary": ", ".join(counts),
        "package": project.package,
        "command": project.distribution,
        "prefix": project.env_prefix,
        "base_class": project.base_class,
        "impl_class": project.impl_class,
        "rows": rows,
        **client_configs(project.distribution, project.package, {}),
    }
