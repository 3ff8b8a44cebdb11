"""`mcpgen init` and `mcpgen generate`: a project regenerated as its inputs change."""

from __future__ import annotations

import json
import os
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner, Result
from mcpgen import publish as publish_module
from mcpgen.cli import main

from .server_support import ROOT

PETSTORE = ROOT / "spec" / "openapi" / "petstore.yaml"

CONFIG = """\
[project]
name = "demo"
version = "0"

[tool.mcpgen]
version = 1

[[tool.mcpgen.jobs]]
name = "models"
kind = "models"
versions = ["2025-11-25"]
out = "gen/models"

[[tool.mcpgen.jobs]]
name = "petstore"
kind = "server"
openapi = "api/petstore.yaml"
out = "gen/petstore"
project-name = "petstore"

[[tool.mcpgen.jobs]]
name = "tools"
kind = "server"
functions = "mytools.py"
out = "gen/tools"

[[tool.mcpgen.jobs]]
name = "tools-client"
kind = "client"
functions = "mytools.py"
out = "gen/tools_client"
"""

TOOLS = '''\
"""My tools."""


def add(a: int, b: int) -> int:
    """Add two numbers."""
    return a + b


def shout(text: str) -> str:
    """Upper-case text."""
    return text.upper()
'''


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Path]:
    (tmp_path / "api").mkdir()
    (tmp_path / "api" / "petstore.yaml").write_text(PETSTORE.read_text())
    (tmp_path / "mytools.py").write_text(TOOLS)
    (tmp_path / "pyproject.toml").write_text(CONFIG)
    cwd = Path.cwd()
    os.chdir(tmp_path)
    try:
        yield tmp_path
    finally:
        os.chdir(cwd)


def mcpgen(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def snapshot(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes()
        for p in sorted((root / "gen").rglob("*"))
        if p.is_file()
    }


def changed(before: dict[str, bytes], after: dict[str, bytes]) -> set[str]:
    return {k for k in before.keys() | after.keys() if before.get(k) != after.get(k)}


def tool_lines(root: Path, job: str, data: str = "operations.json") -> dict[str, str]:
    """Each tool's line of a data file, by tool name (and each definition's, by ``$defs/``)."""
    package = "petstore" if job == "petstore" else "mytools_mcp"
    spec = (root / "gen" / job / package / data).read_text()
    lines: dict[str, str] = {}
    for line in spec.splitlines():
        text = line.strip().rstrip(",")
        if text.startswith('{"name"'):
            lines[json.loads(text)["name"]] = text
        elif line.startswith('  "') and '":{' in text:
            name, _, body = text.partition(":")
            lines["$defs/" + json.loads(name)] = body
    return lines


def test_regeneration_keeps_user_code_and_touches_only_what_changed(project: Path) -> None:
    first = mcpgen("generate")
    assert first.exit_code == 0, first.output
    assert mcpgen("generate", "--check").exit_code == 0
    hooks = project / "gen" / "petstore" / "petstore" / "hooks.py"
    hooks.write_text(hooks.read_text() + "\nMY_SETTING = 1\n")
    readme = project / "gen" / "petstore" / "README.md"
    readme.write_text(readme.read_text() + "\nOur notes.\n")
    check = mcpgen("generate", "--check")
    assert check.exit_code == 0, "edits in user-owned files are not drift"
    before = snapshot(project)
    tools_before = tool_lines(project, "petstore")

    # The vendor ships a new document: one operation added, one removed, one field renamed.
    document = yaml.safe_load((project / "api" / "petstore.yaml").read_text())
    document["paths"]["/store/inventory"]["get"]["operationId"] = "getInventory"
    del document["paths"]["/pets/findByStatus"]
    document["paths"]["/pets/{petId}/vaccinations"] = {
        "get": {
            "operationId": "listVaccinations",
            "parameters": [{"$ref": "#/components/parameters/PetId"}],
            "responses": {"200": {"description": "ok"}},
        }
    }
    props = document["components"]["schemas"]["NewPet"]["properties"]
    props["nickname"] = props.pop("tag")
    (project / "api" / "petstore.yaml").write_text(yaml.safe_dump(document, sort_keys=False))

    stale = mcpgen("generate", "--check")
    assert stale.exit_code == 1
    assert "out of date: petstore" in stale.output
    assert "+++ b/gen/petstore/petstore/operations.json" in stale.output
    assert "README.md" not in stale.output.split("mcpgen: out of date")[0]

    result = mcpgen("generate")
    assert result.exit_code == 0, result.output
    assert "kept gen/petstore/README.md: edited by hand, so it is yours now" in result.output
    after = snapshot(project)
    assert changed(before, after) == {
        "gen/petstore/petstore/operations.json",
        "gen/petstore/.mcpgen/manifest.json",
    }
    assert "MY_SETTING = 1" in hooks.read_text() and "Our notes." in readme.read_text()
    tools_after = tool_lines(project, "petstore")
    assert set(tools_before) - set(tools_after) == {"findPetsByStatus"}
    assert set(tools_after) - set(tools_before) == {"listVaccinations"}
    # Tools refer to shared definitions: only the renamed field's definition changes, and the
    # tools that spread its fields into their arguments; every other line stays as it was.
    for name in ("deletePet", "getInventory", "placeOrder", "uploadPhoto", "getPet", "listPets"):
        assert tools_before[name] == tools_after[name], name
    for name in ("createPet", "updatePet", "$defs/NewPet"):
        assert '"nickname"' in tools_after[name] and '"tag"' not in tools_after[name], name
    assert mcpgen("generate", "--check").exit_code == 0


def test_models_job_gains_a_version(project: Path) -> None:
    assert mcpgen("generate").exit_code == 0
    before = snapshot(project)
    config = (project / "pyproject.toml").read_text()
    (project / "pyproject.toml").write_text(
        config.replace('versions = ["2025-11-25"]', 'versions = ["2025-11-25", "2026-07-28"]')
    )
    assert mcpgen("generate", "--check").exit_code == 1
    assert mcpgen("generate", "--job", "models").exit_code == 0
    assert changed(before, snapshot(project)) == {
        "gen/models/v2026_07_28.py",
        "gen/models/__init__.py",
        "gen/models/.mcpgen/manifest.json",
    }


def test_functions_job_gains_a_parameter(project: Path) -> None:
    assert mcpgen("generate").exit_code == 0
    before = snapshot(project)
    lines_before = tool_lines(project, "tools", "spec.json")
    (project / "mytools.py").write_text(
        TOOLS.replace(
            "def shout(text: str) -> str:", "def shout(text: str, times: int = 1) -> str:"
        )
    )
    stale = mcpgen("generate", "--check")
    assert stale.exit_code == 1 and "out of date: tools, tools-client" in stale.output
    assert mcpgen("generate").exit_code == 0
    assert changed(before, snapshot(project)) == {
        "gen/tools/mytools_mcp/spec.json",
        "gen/tools/README.md",
        "gen/tools/.mcpgen/manifest.json",
        # The client job follows the same functions: its shout() gains the parameter.
        "gen/tools_client/client.py",
        "gen/tools_client/models.py",
        "gen/tools_client/tools.json",
        "gen/tools_client/.mcpgen/manifest.json",
    }
    client = (project / "gen" / "tools_client" / "client.py").read_text()
    assert "async def shout(self, *, text: str, times: int = 1) -> str:" in client
    lines_after = tool_lines(project, "tools", "spec.json")
    assert lines_before["add"] == lines_after["add"]
    assert '"times"' in lines_after["shout"]


def test_hand_edited_generated_files_need_force(project: Path) -> None:
    assert mcpgen("generate").exit_code == 0
    server = project / "gen" / "tools" / "mytools_mcp" / "server.py"
    server.write_text(server.read_text() + "# my tweak\n")
    (project / "mytools.py").write_text(TOOLS + "\n\ndef third(x: int) -> int:\n    return x\n")
    before = snapshot(project)
    refused = mcpgen("generate")
    assert refused.exit_code == 2
    assert f"mcpgen: {server}: error E-EDITED: generated file edited by hand" in refused.output
    assert "--force" in refused.output
    assert snapshot(project) == before, "nothing is written, in any job"
    forced = mcpgen("generate", "--force")
    assert forced.exit_code == 0, forced.output
    assert "# my tweak" not in server.read_text()
    assert mcpgen("generate", "--check").exit_code == 0


def test_a_failing_job_leaves_every_tree_as_it_was(project: Path) -> None:
    assert mcpgen("generate").exit_code == 0
    (project / "mytools.py").write_text(TOOLS + "\n\ndef third(x: int) -> int:\n    return x\n")
    (project / "api" / "petstore.yaml").write_text("openapi: 3.0.0\npaths: [oops\n")
    before = snapshot(project)
    result = mcpgen("generate")
    assert result.exit_code == 2
    assert "petstore.yaml:3:1: error E-INPUT: invalid YAML" in result.output
    assert snapshot(project) == before


def test_a_failure_part_way_through_writing_is_rolled_back(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert mcpgen("generate").exit_code == 0
    (project / "mytools.py").write_text(TOOLS + "\n\ndef third(x: int) -> int:\n    return x\n")
    document = (project / "api" / "petstore.yaml").read_text()
    (project / "api" / "petstore.yaml").write_text(
        document.replace("title: Petstore", "title: Pets")
    )
    config = (project / "pyproject.toml").read_text()
    (project / "pyproject.toml").write_text(config.replace('["2025-11-25"]', '["2026-07-28"]'))
    before = snapshot(project)
    real = os.replace
    calls = {"n": 0}

    def flaky(src: Any, dst: Any) -> None:
        calls["n"] += 1
        if calls["n"] == 9:
            raise OSError("disk full")
        real(src, dst)

    monkeypatch.setattr(publish_module.os, "replace", flaky)
    result = mcpgen("generate")
    assert result.exit_code == 2 and "cannot write: disk full" in result.output
    assert "Traceback" not in result.output
    assert calls["n"] > 9, "the failure came part-way through the swap, then it was undone"
    assert snapshot(project) == before
    assert not list(project.rglob(".mcpgen-staging-*"))
    monkeypatch.setattr(publish_module.os, "replace", real)
    assert mcpgen("generate").exit_code == 0


def test_config_errors_name_the_key(project: Path) -> None:
    def error_for(replace: tuple[str, str]) -> str:
        (project / "pyproject.toml").write_text(CONFIG.replace(*replace))
        result = mcpgen("generate")
        assert result.exit_code == 2, result.output
        assert len(result.output.strip().splitlines()) == 1, result.output
        return result.output.strip()

    where = f"mcpgen: {project / 'pyproject.toml'}:"
    assert error_for(('project-name = "petstore"', 'output-schema = "big"')) == (
        f"{where}tool.mcpgen.jobs[1].output-schema: error E-CONFIG: 'big' is not one of "
        "['auto', 'full', 'shallow', 'none']"
    )
    assert error_for(('out = "gen/tools"', 'outt = "gen/tools"')).startswith(
        f"{where}tool.mcpgen.jobs[2].outt: error E-CONFIG: unknown key; allowed: "
    )
    assert error_for(('openapi = "api/petstore.yaml"', "")) == (
        f"{where}tool.mcpgen.jobs[1]: error E-CONFIG: a server job needs exactly one of "
        "'openapi', 'functions' and 'contract'"
    )
    assert error_for(('name = "tools"', 'name = "models"')) == (
        f"{where}tool.mcpgen.jobs[2].name: error E-CONFIG: job name 'models' is used twice"
    )
    assert error_for(("version = 1", "version = 2")) == (
        f"{where}tool.mcpgen.version: error E-CONFIG: 1 was expected"
    )
    assert error_for(('kind = "models"', 'kind = "model"')).startswith(
        f"{where}tool.mcpgen.jobs[0].kind: error E-CONFIG: 'model' is not one of"
    )
    assert error_for(("[tool.mcpgen]", "[tool.mcpgen")) == (
        f"{where}5:13: error E-CONFIG: invalid TOML: Expected ']' at the end of a table declaration"
    )
    missing = mcpgen("generate", "--job", "nope")
    assert missing.exit_code == 2


def test_init_writes_a_working_configuration(tmp_path: Path) -> None:
    cwd = Path.cwd()
    os.chdir(tmp_path)
    try:
        assert mcpgen("init").exit_code == 0
        assert (tmp_path / "mcpgen.toml").is_file()
        assert mcpgen("init").exit_code == 2, "never overwrites a configuration"
        result = mcpgen("generate", "--job", "models")
        assert result.exit_code == 0, result.output
        assert (tmp_path / "output" / "mcp_models" / "__init__.py").is_file()
        (tmp_path / "sub").mkdir()
        (tmp_path / "sub" / "pyproject.toml").write_text('[project]\nname = "x"\n')
        os.chdir(tmp_path / "sub")
        assert mcpgen("init").exit_code == 0
        text = (tmp_path / "sub" / "pyproject.toml").read_text()
        assert text.startswith('[project]\nname = "x"\n\n# mcpgen:')
        assert "\n[tool.mcpgen]\nversion = 1\n" in text
        assert mcpgen("init").exit_code == 2
    finally:
        os.chdir(cwd)


def test_search_and_tools_mode_come_from_the_configuration(project: Path) -> None:
    config = (project / "pyproject.toml").read_text()
    config = config.replace(
        'project-name = "petstore"\n',
        'project-name = "petstore"\ntools-mode = "discovery"\nsearch = "lexical"\n',
    )
    (project / "pyproject.toml").write_text(config)
    result = mcpgen("generate", "--job", "petstore")
    assert result.exit_code == 0, result.output
    out = project / "gen" / "petstore"
    search = json.loads((out / "petstore" / "search.json").read_text())
    assert search["semantic"] is False
    assert search["title"] == "Petstore"  # its name is no word of a request
    dependencies = (out / "pyproject.toml").read_text()
    assert "bm25s" in dependencies and "wordllama" not in dependencies
    (project / "pyproject.toml").write_text(config.replace('search = "lexical"', 'search = "x"'))
    result = mcpgen("generate", "--job", "petstore")
    assert result.exit_code != 0 and "search" in result.output


def test_pre_commit_hook_runs_generate_check() -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    assert [h["id"] for h in hooks] == ["mcpgen-check"]
    assert hooks[0]["entry"] == "mcpgen generate --check"
    assert hooks[0]["pass_filenames"] is False
    assert textwrap.dedent(hooks[0]["language"]) == "python"


def test_check_output_is_readable(project: Path) -> None:
    """--check lists files that were never generated, leaves manifest hashes out, and names
    hand-edited files that regenerating would refuse to overwrite."""
    never = mcpgen("generate", "--check")
    assert never.exit_code == 1
    assert "new file: gen/petstore/petstore/server.py (" in never.output
    assert "manifest missing: gen/petstore/.mcpgen/manifest.json" in never.output
    assert '"sha256"' not in never.output and "import " not in never.output
    assert mcpgen("generate").exit_code == 0
    server = project / "gen" / "petstore" / "petstore" / "server.py"
    server.write_text(server.read_text() + "\n# mine\n")
    (project / "api" / "petstore.yaml").write_text(
        (project / "api" / "petstore.yaml").read_text().replace("List pets", "List all pets")
    )
    stale = mcpgen("generate", "--check")
    assert stale.exit_code == 1
    assert "manifest out of date: gen/petstore/.mcpgen/manifest.json" in stale.output
    assert '"sha256"' not in stale.output
    assert (
        "edited by hand: gen/petstore/petstore/server.py; regenerating will refuse to overwrite "
        "it without --force"
    ) in stale.output
