"""User errors are one line, exit 2, nothing written, never a traceback, in every command."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from mcpgen.cli import main

from .server_support import ROOT

PETSTORE = str(ROOT / "spec" / "openapi" / "petstore.yaml")
TOOLS = '{"tools": [{"name": "t", "inputSchema": {"type": "object"}}]}'


def run(args: list[str], cwd: Path) -> tuple[int, str]:
    here = Path.cwd()
    os.chdir(cwd)
    try:
        result = CliRunner().invoke(main, args)
    finally:
        os.chdir(here)
    return result.exit_code, result.output


def assert_one_line(code: int, output: str, *needles: str) -> None:
    assert code == 2, output
    assert "Traceback" not in output, output
    errors = [line for line in output.splitlines() if "error" in line]
    assert len(errors) == 1, output
    for needle in needles:
        assert needle in errors[0], output


def commands(tmp_path: Path, out: str) -> dict[str, list[str]]:
    (tmp_path / "tools.json").write_text(TOOLS)
    (tmp_path / "mod.py").write_text("def f(x: int) -> int:\n    return x\n")
    return {
        "models": ["models", "--version", "2025-11-25", "--out", out],
        "server --openapi": ["server", "--openapi", PETSTORE, "--out", out],
        "server --functions": ["server", "--functions", str(tmp_path / "mod.py"), "--out", out],
        "client": ["client", "--tools", str(tmp_path / "tools.json"), "--out", out],
    }


@pytest.mark.parametrize("name", ["models", "server --openapi", "server --functions", "client"])
def test_out_below_a_file(tmp_path: Path, name: str) -> None:
    (tmp_path / "afile").write_text("x")
    code, output = run(commands(tmp_path, "afile/sub")[name], tmp_path)
    assert_one_line(code, output, "afile", "not a directory")
    assert (tmp_path / "afile").read_text() == "x"


@pytest.mark.parametrize("name", ["models", "server --openapi", "server --functions", "client"])
def test_out_that_is_a_file(tmp_path: Path, name: str) -> None:
    (tmp_path / "afile").write_text("x")
    code, output = run(commands(tmp_path, "afile")[name], tmp_path)
    assert_one_line(code, output, "afile")
    assert (tmp_path / "afile").read_text() == "x"


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write anywhere")
@pytest.mark.parametrize("name", ["models", "server --openapi", "server --functions", "client"])
def test_out_not_writable(tmp_path: Path, name: str) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    code, output = run(commands(tmp_path, "locked/out")[name], tmp_path)
    assert_one_line(code, output, "locked", "not writable")


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["server", "--openapi", "."], "is a directory"),
        (["server", "--functions", "."], "is a directory"),
        (["models", "--schema", "."], "is a directory"),
        (["client", "--tools", "."], "is a directory"),
        (["generate", "--config", "."], "is a directory"),
    ],
)
def test_a_directory_where_a_file_is_expected(tmp_path: Path, args: list[str], needle: str) -> None:
    code, output = run(args, tmp_path)
    assert_one_line(code, output, needle)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("content", "needle"),
    [
        (b'[tool.mcpgen]\nx = "\xff"\n', "not UTF-8 text"),
        (b"[tool.mcpgen]\nx = " + b"[" * 5000 + b"]" * 5000 + b"\n", "nested too deeply"),
        (b"[tool.mcpgen\n", "invalid TOML"),
    ],
)
@pytest.mark.parametrize("check", [False, True])
def test_bad_configuration(tmp_path: Path, content: bytes, needle: str, check: bool) -> None:
    (tmp_path / "pyproject.toml").write_bytes(content)
    code, output = run(["generate", *(["--check"] if check else [])], tmp_path)
    assert_one_line(code, output, "pyproject.toml", needle)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pyproject.toml"]


LONG = "9" * 5000
"""An integer of more digits than Python converts to text (4,300 by default)."""


@pytest.mark.parametrize(
    ("name", "text", "where"),
    [
        ("api.json", f'{{"openapi": "3.0.3", "x-n": {LONG}, "paths": {{}}}}', ":1:29:"),
        ("api.yaml", f"openapi: 3.0.3\npaths: {{}}\nx-n: {LONG}\n", ":3:6:"),
        ("flow.yaml", f"openapi: 3.0.3\npaths: {{}}\nx-n: [{LONG}]\n", ":3:7:"),
        ("c.json", f'{{"name": "c", "version": "1", "x-n": {LONG}}}', ":1:38:"),
        ("c.yaml", f"name: c\nversion: '1'\nx-n: {LONG}\n", ":3:6:"),
    ],
)
def test_a_number_too_long_for_python_is_located(
    tmp_path: Path, name: str, text: str, where: str
) -> None:
    """Whatever reads it (an OpenAPI document, JSON or YAML; a contract; a tool list), a
    number of more digits than Python converts to text is a one-line error at its place,
    not a traceback wherever it is first printed."""
    (tmp_path / name).write_text(text)
    if name.startswith("c."):
        runs = [["server", "--contract", name], ["client", "--contract", name]]
        runs += [["client", "--tools", name]] if name.endswith(".json") else []
    else:
        runs = [["server", "--openapi", name]]
    for args in runs:
        code, output = run([*args, "--out", "out"], tmp_path)
        assert_one_line(code, output, f"{name}{where} error E-INPUT: a number of more than")
        assert not (tmp_path / "out").exists()


def test_usage_errors_are_one_line(tmp_path: Path) -> None:
    code, output = run(["server", "--openapi", "a", "--functions", "b"], tmp_path)
    assert_one_line(
        code, output, "exactly one of --openapi and --functions", "mcpgen server --help"
    )
    code, output = run(["nonsense"], tmp_path)
    assert_one_line(code, output, "No such command")


def test_first_generation_says_what_to_do_next(tmp_path: Path) -> None:
    code, output = run(["server", "--openapi", PETSTORE, "--out", "pet"], tmp_path)
    assert code == 0, output
    assert "mcpgen: 9 tools, 0 operations skipped, 0 warnings" in output
    assert "mcpgen: next: cd pet && pip install -e . && petstore-mcp --help" in output
    again_code, again = run(["server", "--openapi", PETSTORE, "--out", "pet"], tmp_path)
    assert again_code == 0 and "mcpgen: pet is up to date" in again
    assert "next:" not in again and "wrote" not in again


_DEPRECATED = {"deprecated": True, "responses": {"200": {"description": "ok"}}}


@pytest.mark.parametrize(
    ("paths", "said", "flag", "made"),
    [
        ({}, ("no operation became a tool", "--allow-empty"), "--allow-empty", "0 tools"),
        # Every operation deprecated (an API being retired): the flag that keeps them.
        (
            {"/things": {"get": _DEPRECATED}},
            ("1 deprecated", "--include-deprecated keeps them"),
            "--include-deprecated",
            "1 tool",
        ),
    ],
)
def test_a_document_with_no_usable_operation_exits_non_zero(
    tmp_path: Path, paths: dict[str, Any], said: tuple[str, ...], flag: str, made: str
) -> None:
    document = {"openapi": "3.1.0", "info": {"title": "E", "version": "1"}, "paths": paths}
    (tmp_path / "doc.json").write_text(json.dumps(document))
    code, output = run(["server", "--openapi", "doc.json", "--out", "e"], tmp_path)
    assert_one_line(code, output, *said)
    assert not (tmp_path / "e").exists()
    code, output = run(["server", "--openapi", "doc.json", "--out", "e", flag], tmp_path)
    assert code == 0 and made in output


def test_the_command_as_a_process_keeps_its_exit_codes_and_output(tmp_path: Path) -> None:
    """``python -m mcpgen`` (as the installed ``mcpgen``) leaves without tearing the
    interpreter down: its exit code and everything it printed must still come out."""

    def mcpgen(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "mcpgen", *args],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )

    done = mcpgen("server", "--openapi", PETSTORE, "--out", str(tmp_path / "out"))
    assert done.returncode == 0, done.stderr
    assert done.stdout.rstrip().endswith("petstore-mcp --help"), done.stdout
    assert (tmp_path / "out" / "petstore_mcp" / "spec.json").is_file()
    missing = mcpgen("server", "--openapi", str(tmp_path / "missing.json"))
    assert_one_line(missing.returncode, missing.stderr, "missing.json")
    usage = mcpgen("server", "--no-such-option")
    assert_one_line(usage.returncode, usage.stderr, "--no-such-option")
    # The hint names mcpgen's command, not the interpreter's arguments ("-m mcpgen").
    assert "(see `mcpgen server --help`)" in usage.stderr, usage.stderr
    stale = mcpgen("server", "--openapi", PETSTORE, "--out", str(tmp_path / "new"), "--check")
    assert stale.returncode == 1, stale.stderr
    version = mcpgen("--version")
    assert version.returncode == 0 and "mcpgen" in version.stdout
