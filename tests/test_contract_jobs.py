"""Contract servers and clients as jobs of the configuration, and what ``--check`` says about
the methods ``handlers.py`` does not implement yet.

A ``contract`` job generates exactly the tree ``mcpgen server --contract`` does; ``--check``
(of ``generate`` and of ``server --contract``) lists the stubs after its comparison without
changing its exit status; the static reading of ``handlers.py`` agrees with the server's
start-up check on a module that mixes implementations, stubs and inherited methods.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner, Result
from mcpgen.cli import main
from mcpgen.contract.generate import generate_contract_server
from mcpgen.contract.implemented import handlers_module, report, unimplemented
from mcpgen.pipeline import write_tree

from .server_support import ROOT

EXAMPLE = ROOT / "spec" / "examples" / "notes.contract.yaml"
METHODS = [
    "add_note",
    "search_notes",
    "delete_note",
    "read_all_notes",
    "read_note",
    "prompt_summarize_notes",
]
HANDLERS = "gen/notes/notes/handlers.py"

CONFIG = """\
[project]
name = "demo"
version = "0"

[tool.mcpgen]
version = 1

[[tool.mcpgen.jobs]]
name = "notes"
kind = "server"
contract = "api/notes.contract.yaml"
protocol = "2025-11-25"
out = "gen/notes"

[[tool.mcpgen.jobs]]
name = "notes-client"
kind = "client"
contract = "api/notes.contract.yaml"
out = "gen/notes_client"
"""

ADD_NOTE = '''\
    async def add_note(
        self, *, title: str, body: str, tags: list[str] | None = None
    ) -> models.AddNoteOutput:
        """Saved in memory."""
        note = models.Note(id=1, title=title, body=body, tags=tags or [])
        return models.AddNoteOutput(note=note)
'''


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Path]:
    (tmp_path / "api").mkdir()
    shutil.copy(EXAMPLE, tmp_path / "api" / "notes.contract.yaml")
    (tmp_path / "pyproject.toml").write_text(CONFIG)
    cwd = Path.cwd()
    os.chdir(tmp_path)
    try:
        yield tmp_path
    finally:
        os.chdir(cwd)


def mcpgen(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def tree(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()
    }


def not_implemented(result: Result) -> list[str]:
    return [line for line in result.stderr.splitlines() if "not implemented yet" in line]


# -- the jobs --------------------------------------------------------------------------------


def test_a_contract_job_generates_what_the_command_does(project: Path) -> None:
    result = mcpgen("generate")
    assert result.exit_code == 0, result.output
    assert (
        "mcpgen: job notes: 3 tools, 1 resource, 1 resource template, 1 prompt (MCP 2025-11-25)"
    ) in result.stderr
    command = mcpgen(
        "server",
        "--contract",
        "api/notes.contract.yaml",
        "--protocol",
        "2025-11-25",
        "--out",
        "by-command",
    )
    assert command.exit_code == 0, command.output
    generated = tree(project / "gen" / "notes")
    assert generated == tree(project / "by-command")
    assert "notes/handlers.py" in generated and "notes/base.py" in generated
    spec = json.loads(generated["notes/spec.json"])
    assert spec["protocol"] == "2025-11-25"


def test_a_client_job_from_a_contract_is_the_commands_client(project: Path) -> None:
    assert mcpgen("generate", "--job", "notes-client").exit_code == 0
    command = mcpgen("client", "--contract", "api/notes.contract.yaml", "--out", "by-command")
    assert command.exit_code == 0, command.output
    generated = tree(project / "gen" / "notes_client")
    assert generated == tree(project / "by-command")
    assert "async def read_note(" in generated["client.py"].decode()


def test_check_lists_the_methods_still_to_write(project: Path) -> None:
    never = mcpgen("generate", "--check")
    assert never.exit_code == 1 and not_implemented(never) == [], never.output

    assert mcpgen("generate").exit_code == 0
    fresh = mcpgen("generate", "--check")
    assert fresh.exit_code == 0, fresh.output
    assert "mcpgen: 2 jobs up to date" in fresh.stdout
    assert not_implemented(fresh) == [
        f"mcpgen: job notes: not implemented yet in {HANDLERS}: {', '.join(METHODS)} (6 of 6)"
    ]

    # One method implemented: the list shrinks, and regenerating leaves handlers.py alone.
    handlers = project / HANDLERS
    text = handlers.read_text()
    start = text.index("    async def add_note(")
    end = text.index("    @override", start)
    handlers.write_text(text[:start] + ADD_NOTE + "\n" + text[end:])
    assert mcpgen("generate").exit_code == 0
    assert "Saved in memory." in handlers.read_text()
    one = mcpgen("generate", "--check")
    assert one.exit_code == 0, one.output
    assert not_implemented(one) == [
        f"mcpgen: job notes: not implemented yet in {HANDLERS}: {', '.join(METHODS[1:])} (5 of 6)"
    ]

    # The command's own --check says the same, without the job's name.
    command = mcpgen(
        "server",
        "--contract",
        "api/notes.contract.yaml",
        "--protocol",
        "2025-11-25",
        "--out",
        "gen/notes",
        "--check",
    )
    assert command.exit_code == 0, command.output
    assert "mcpgen: gen/notes is up to date" in command.stdout
    assert not_implemented(command) == [
        f"mcpgen: not implemented yet in {HANDLERS}: {', '.join(METHODS[1:])} (5 of 6)"
    ]

    # Every method implemented: nothing more to say.
    implemented = handlers.read_text().replace(
        "        raise NotImplementedError\n", "        return NotImplemented  # mine\n"
    )
    handlers.write_text(implemented)
    done = mcpgen("generate", "--check")
    assert done.exit_code == 0 and not_implemented(done) == [], done.output


def test_a_stale_tree_still_exits_1_and_names_the_new_method(project: Path) -> None:
    assert mcpgen("generate").exit_code == 0
    contract = project / "api" / "notes.contract.yaml"
    data = yaml.safe_load(contract.read_text())
    data["tools"].append({"name": "archive_note", "inputSchema": {"type": "object"}})
    contract.write_text(yaml.safe_dump(data))
    stale = mcpgen("generate", "--check")
    assert stale.exit_code == 1
    assert "+    async def archive_note(self) -> list[types.ContentBlock]:" in stale.stdout
    assert "mcpgen: out of date: notes, notes-client" in stale.stderr
    [line] = not_implemented(stale)
    assert "delete_note, archive_note, read_all_notes" in line and line.endswith("(7 of 7)"), line


def test_config_errors_are_one_line_and_write_nothing(project: Path) -> None:
    config = project / "pyproject.toml"
    where = f"mcpgen: {config}:tool.mcpgen.jobs"

    def error_for(old: str, new: str) -> str:
        config.write_text(CONFIG.replace(old, new, 1))
        result = mcpgen("generate")
        assert result.exit_code == 2, result.output
        assert len(result.output.strip().splitlines()) == 1, result.output
        assert not (project / "gen").exists()
        return result.output.strip()

    both = 'contract = "api/notes.contract.yaml"\nopenapi = "api/petstore.yaml"'
    assert error_for('contract = "api/notes.contract.yaml"', both) == (
        f"{where}[0]: error E-CONFIG: a server job needs exactly one of 'openapi', 'functions' "
        "and 'contract'"
    )
    missing = f"error E-CONFIG: no such file: {project / 'api' / 'missing.yaml'}"
    assert error_for("api/notes.contract.yaml", "api/missing.yaml") == (
        f"{where}[0].contract: {missing}"
    )
    client = 'contract = "api/notes.contract.yaml"\nout = "gen/notes_client"'
    assert error_for(client, client.replace("notes.contract", "missing")) == (
        f"{where}[1].contract: {missing}"
    )
    assert error_for('protocol = "2025-11-25"', 'protocol = "1999-01-01"').startswith(
        f"{where}[0].protocol: error E-CONFIG: unknown protocol version '1999-01-01'; known: "
    )
    assert error_for('protocol = "2025-11-25"', 'select = ["add_note"]').startswith(
        f"{where}[0].select: error E-CONFIG: unknown key; allowed: contract, kind, name, out, "
        "project-name, protocol, strict"
    )
    client_both = 'contract = "api/notes.contract.yaml"\ntools = "tools.json"\nout = "gen/notes_c'
    assert error_for('contract = "api/notes.contract.yaml"\nout = "gen/notes_c', client_both) == (
        f"{where}[1]: error E-CONFIG: a client job needs exactly one of 'openapi', 'functions', "
        "'server', 'tools' and 'contract'"
    )
    # A contract the MCP schema refuses: the contract's file and JSON pointer.
    (project / "api" / "notes.contract.yaml").write_text("tools:\n  - name: 3\n")
    config.write_text(CONFIG)
    broken = mcpgen("generate", "--check")
    assert broken.exit_code == 2 and len(broken.output.strip().splitlines()) == 1
    assert broken.output.startswith(f"mcpgen: {project / 'api' / 'notes.contract.yaml'}:")


def test_the_library_exports_generate_contract_server() -> None:
    import mcpgen
    import mcpgen.contract.generate

    assert "generate_contract_server" in mcpgen.__all__
    assert mcpgen.generate_contract_server is mcpgen.contract.generate.generate_contract_server
    assert mcpgen.generate_contract_server.__doc__
    files, project = mcpgen.generate_contract_server(EXAMPLE, name="notes")
    assert project.impl_class == "NotesHandlers"
    assert any(str(path) == "notes/handlers.py" for path in files)
    code = (
        "import sys, mcpgen; print('mcpgen.contract.generate' in sys.modules); "
        "mcpgen.generate_contract_server; print('mcpgen.contract.generate' in sys.modules)"
    )
    lazy = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert lazy.stdout.split() == ["False", "True"]


# -- the static reading of handlers.py -------------------------------------------------------

MIXED_CONTRACT = {
    "name": "mixed",
    "tools": [
        {"name": name, "inputSchema": {"type": "object"}}
        for name in (
            "written",
            "bare_stub",
            "called_stub",
            "docstring_only",
            "passes",
            "inherited",
            "from_mixin",
            "stub_in_mixin",
            "raises_other",
            "raises_sometimes",
        )
    ],
}

MIXED_HANDLERS = '''\
"""A module mid-way: implementations, stubs, and methods left to the base class."""

from __future__ import annotations

from mcp import types
from typing_extensions import override

from .base import MixedBase

Blocks = list[types.ContentBlock]


class Reading:
    async def from_mixin(self) -> Blocks:
        return [types.TextContent(type="text", text="mixin")]

    async def stub_in_mixin(self) -> Blocks:
        """Later."""
        raise NotImplementedError


class MixedHandlers(Reading, MixedBase):
    ready = False

    @override
    async def written(self) -> Blocks:
        return [types.TextContent(type="text", text="done")]

    @override
    async def bare_stub(self) -> Blocks:
        raise NotImplementedError

    @override
    async def called_stub(self) -> Blocks:
        """Soon."""
        raise NotImplementedError("called_stub")

    @override
    async def docstring_only(self) -> Blocks:
        """Nothing to do."""

    @override
    async def passes(self) -> Blocks:
        pass

    @override
    async def raises_other(self) -> Blocks:
        raise ValueError("no")

    @override
    async def raises_sometimes(self) -> Blocks:
        if not self.ready:
            raise NotImplementedError
        return []
'''

MIXED_MISSING = ["bare_stub", "called_stub", "inherited", "stub_in_mixin"]


def test_the_static_reading_agrees_with_the_servers_start_up_check(tmp_path: Path) -> None:
    document = tmp_path / "mixed.contract.json"
    document.write_text(json.dumps(MIXED_CONTRACT))
    files, project = generate_contract_server(document)
    root = tmp_path / "project"
    write_tree(root, files)
    module = handlers_module(project)
    (root / module.path).write_text(MIXED_HANDLERS)

    static = unimplemented(MIXED_HANDLERS, module)
    assert static == MIXED_MISSING
    code = (
        "import mixed.contract as c, mixed.server as s; "
        "print(c.ContractRunner(s.load_spec()).missing())"
    )
    runtime = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(root)},
        check=False,
    )
    assert runtime.returncode == 0, runtime.stderr
    assert runtime.stdout.strip() == repr(MIXED_MISSING)
    assert report(root, module, "h.py") == (
        f"not implemented yet in h.py: {', '.join(MIXED_MISSING)} (4 of 10)"
    )


def test_what_cannot_be_told_is_said(tmp_path: Path) -> None:
    _, project = generate_contract_server(EXAMPLE)
    module = handlers_module(project)
    assert report(tmp_path, module, "h.py") is None, "no handlers.py yet: nothing to say"
    path = tmp_path / module.path
    path.parent.mkdir(parents=True)
    for source, reason in (
        ("class NotesHandlers(:\n", "it does not parse (line 1)"),
        ("class Other:\n    pass\n", "it has no class NotesHandlers"),
        (b"\xff\xfe", "it is not UTF-8 text"),
    ):
        if isinstance(source, bytes):
            path.write_bytes(source)
        else:
            path.write_text(source)
        assert report(tmp_path, module, "h.py") == (
            f"cannot tell which contract methods h.py implements: {reason}"
        )
    # A base class from elsewhere may implement anything; the generated one implements
    # nothing; the later of two definitions counts, as in Python.
    path.write_text(
        "from elsewhere import Mixin\n\nclass NotesHandlers(Mixin, NotesBase):\n    pass\n"
    )
    assert report(tmp_path, module, "h.py") is None
    path.write_text("class NotesHandlers(NotesBase, Mixin):\n    pass\n")
    assert unimplemented(path.read_text(), module) == METHODS
    redefined = textwrap.dedent(
        """\
        class NotesHandlers(NotesBase):
            async def add_note(self):
                return 1

            async def add_note(self):
                raise NotImplementedError

            delete_note: object = staticmethod(print)
        """
    )
    assert unimplemented(redefined, module) == [m for m in METHODS if m != "delete_note"]
