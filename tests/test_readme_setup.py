"""The first hour with mcpgen: the README's set-up command works in a fresh virtual
environment and says what to do next, every command's synopsis lists its options, the
command list is readable, and ``mcpgen init`` points at a schema a pip install has."""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import click
from click.testing import CliRunner
from mcpgen.cli import main

from .conftest import ROOT

README = ROOT / "README.md"
# What building a wheel of mcpgen reads (see pyproject.toml).
SOURCES = ("pyproject.toml", "README.md", "generator", "templates", "spec")


def setup_command() -> list[list[str]]:
    """The README's first command (under "Set up"), split at ``&&``."""
    text = README.read_text(encoding="utf-8")
    section = text.split("\n## Set up\n", 1)[1]
    block = re.search(r"```sh\n(.*?)\n```", section, re.DOTALL)
    assert block is not None, "no ```sh block under ## Set up"
    return [shlex.split(part) for part in block.group(1).split("&&")]


def test_the_setup_command_installs_and_generates(tmp_path: Path) -> None:
    """``pip install .`` in a new virtual environment (no system site-packages), then the
    command's mcpgen steps, which end by saying what to do next. Needs the package index
    (or pip's cache): about a minute the first time."""
    steps = setup_command()
    assert steps[0] == ["python3", "-m", "venv", ".venv"]
    assert steps[1] == [".venv/bin/pip", "install", "."]
    runs = steps[2:]
    assert runs and all(step[0] == ".venv/bin/mcpgen" for step in runs), steps

    # A copy of the working tree: building a wheel in place would leave build/ and
    # *.egg-info behind in it, and others may be editing it meanwhile.
    source = tmp_path / "mcpgen"
    source.mkdir()
    for name in SOURCES:
        if (ROOT / name).is_dir():
            ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
            shutil.copytree(ROOT / name, source / name, ignore=ignore)
        else:
            shutil.copy2(ROOT / name, source / name)
    env = {
        k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME")
    }
    subprocess.run(
        [sys.executable, "-m", "venv", str(source / ".venv")], check=True, env=env, timeout=120
    )
    install = subprocess.run(
        [str(source / ".venv/bin/pip"), "install", "--disable-pip-version-check", "."],
        cwd=source,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert install.returncode == 0, install.stdout[-3000:] + install.stderr[-3000:]

    output = ""
    for step in runs:
        result = subprocess.run(
            [str(source / step[0]), *step[1:]],
            cwd=source,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        assert result.returncode == 0, result.stdout + result.stderr
        assert "Traceback" not in result.stderr, result.stderr
        output += result.stdout + result.stderr
    next_step = "mcpgen: next: cd output/petstore-mcp && pip install -e . && petstore-mcp --help"
    assert next_step in output, output
    assert (source / "output" / "mcp_models" / "__init__.py").is_file()


def synopses() -> dict[str, set[str]]:
    """Every option the README's synopsis blocks give each command (``server`` gathers its
    ``--openapi`` and ``--functions`` synopses)."""
    text = README.read_text(encoding="utf-8")
    found: dict[str, set[str]] = {}
    for block in re.findall(r"```\n(mcpgen .*?)\n```", text, re.DOTALL):
        command = ""
        for line in block.splitlines():
            if line.startswith("mcpgen "):
                command = line.split()[1]
            found.setdefault(command, set()).update(re.findall(r"--[a-z][a-z-]*", line))
    return found


def test_every_option_is_in_its_synopsis() -> None:
    found = synopses()
    assert isinstance(main, click.Group)
    for name, command in main.commands.items():
        options = {
            opt
            for param in command.params
            if isinstance(param, click.Option) and not param.hidden
            for opt in param.opts
            if opt.startswith("--") and opt != "--help"
        }
        missing = options - found.get(name, set())
        assert not missing, f"README's synopsis of mcpgen {name} lacks {sorted(missing)}"


def test_command_summaries_are_whole() -> None:
    """``mcpgen --help`` shows each command's summary entire, not cut off with '...'."""
    result = CliRunner().invoke(main, ["--help"])
    listed = " ".join(result.output.split("Commands:\n", 1)[1].split())
    assert "..." not in listed, listed
    assert isinstance(main, click.Group)
    for name, command in main.commands.items():
        summary = command.get_short_help_str(limit=1000)
        assert f"{name} {summary}" in listed, (name, summary)


def test_server_help_says_what_each_option_is_for() -> None:
    output = CliRunner().invoke(main, ["server", "--help"]).output
    flat = " ".join(output.split())
    assert "Options marked [OpenAPI], [functions] or [contract] apply to that source" in flat
    assert "[contract] A contract (JSON or YAML)" in flat
    assert "[functions] Expose only these functions" in output
    assert "[OpenAPI] Only operations with this tag." in output


def test_models_protocol_and_its_old_name(tmp_path: Path) -> None:
    help_text = CliRunner().invoke(main, ["models", "--help"]).output
    assert "--protocol VERSION" in help_text and "--version VERSION" not in help_text
    for option in ("--protocol", "--version"):
        out = tmp_path / option.strip("-")
        result = CliRunner().invoke(main, ["models", option, "2024-11-05", "--out", str(out)])
        assert result.exit_code == 0, result.output
        assert (out / "v2024_11_05.py").is_file()
    bad = CliRunner().invoke(main, ["models", "--protocol", "1999", "--out", str(tmp_path / "x")])
    assert bad.exit_code == 2
    assert bad.stderr.startswith("mcpgen: --protocol: error E-INPUT: unknown protocol version")


def init(cwd: Path, *args: str) -> tuple[int, str, str]:
    here = Path.cwd()
    os.chdir(cwd)
    try:
        result = CliRunner().invoke(main, ["init", *args])
    finally:
        os.chdir(here)
    return result.exit_code, result.stdout, result.stderr


def test_init_warns_about_the_other_configuration_file(tmp_path: Path) -> None:
    (tmp_path / "mcpgen.toml").write_text('version = 1\n\n[[jobs]]\nname = "m"\nkind = "models"\n')
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n')
    code, stdout, stderr = init(tmp_path)
    assert code == 0, stderr
    assert "wrote a starting configuration to pyproject.toml" in stdout
    assert stderr.startswith("mcpgen: warning: mcpgen.toml is here too and `mcpgen generate`")
    assert "is ignored while mcpgen.toml exists" in stderr

    other = tmp_path / "other"
    other.mkdir()
    (other / "pyproject.toml").write_text("[tool.mcpgen]\nversion = 1\n")
    code, _, stderr = init(other, "--file", "mcpgen.toml")
    assert code == 0, stderr
    assert "pyproject.toml already has a [tool.mcpgen] section" in stderr

    plain = tmp_path / "plain"
    plain.mkdir()
    assert init(plain) == (
        0,
        "mcpgen: wrote a starting configuration to mcpgen.toml; then run `mcpgen generate`\n",
        "",
    )


def test_init_points_at_a_schema_every_install_has(tmp_path: Path) -> None:
    code, stdout, _ = init(tmp_path, "--schema")
    assert code == 0 and not list(tmp_path.iterdir())
    schema = json.loads(stdout)
    assert "client" in schema["$defs"]
    assert init(tmp_path)[0] == 0
    text = (tmp_path / "mcpgen.toml").read_text()
    assert "`mcpgen init --schema` prints" in text
    assert "spec/config" not in text, "a path in mcpgen's source tree, not in a pip install"


def test_init_examples_are_valid_when_uncommented(tmp_path: Path) -> None:
    """Every commented job of the starting configuration, uncommented, is a valid job; the
    contract server and client jobs are among them."""
    from mcpgen.config import load_config

    assert init(tmp_path)[0] == 0
    keys = (
        r"(\[\[|name|kind|openapi|functions|contract|protocol|select|out|output-|include-"
        r"|strict|client-|versions|schema|version-)"
    )
    text = re.sub(rf"(?m)^# {keys}", r"\1", (tmp_path / "mcpgen.toml").read_text())
    (tmp_path / "mcpgen.toml").write_text(text)
    jobs = load_config(tmp_path / "mcpgen.toml").jobs
    assert [job.kind for job in jobs] == ["models", "openapi", "functions", "contract", "client"]
