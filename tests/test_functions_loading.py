"""What a module does when mcpgen imports it: each surprise is one line, exit 2, nothing
written (or a warning when generation can go on)."""

from __future__ import annotations

import contextlib
import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner
from mcpgen.cli import main
from mcpgen.diagnostics import MCPGenError
from mcpgen.functions.generate import generate_functions_server

GOOD = "def double(x: int) -> int:\n    return 2 * x\n"


@dataclass
class Run:
    returncode: int
    stdout: str
    stderr: str


def mcpgen(*args: str, cwd: Path, path: Path | None = None) -> Run:
    """The command line, run in this process from ``cwd`` (``path``: on ``sys.path``)."""
    if path is not None:
        sys.path.insert(0, str(path))
    try:
        with contextlib.chdir(cwd):
            result = CliRunner().invoke(main, list(args))
    finally:
        if path is not None:
            sys.path.remove(str(path))
    return Run(result.exit_code, result.stdout, result.stderr)


def mcpgen_process(*args: str, cwd: Path) -> Run:
    """The real command line in its own process: file descriptor 1 as a user's terminal."""
    result = subprocess.run(
        [str(Path(sys.executable).with_name("mcpgen")), *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    return Run(result.returncode, result.stdout, result.stderr)


def _one_error(result: Run, out: Path) -> str:
    assert result.returncode == 2, result.stderr
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert not out.exists()
    return lines[0]


@pytest.mark.parametrize(
    ("code", "shown"),
    [
        ("sys.exit(0)", "SystemExit(0)"),
        ("sys.exit(3)", "SystemExit(3)"),
        ("sys.exit()", "SystemExit(None)"),
        ("sys.exit('bye')", "SystemExit('bye')"),
        ("raise SystemExit", "SystemExit(None)"),
    ],
)
def test_system_exit_at_import_is_an_error(tmp_path: Path, code: str, shown: str) -> None:
    (tmp_path / "quits.py").write_text(f"import sys\n\n{GOOD}\n{code}\n")
    line = _one_error(
        mcpgen("server", "--functions", "quits.py", "--out", "o", cwd=tmp_path), tmp_path / "o"
    )
    assert line == (
        f"mcpgen: quits.py:6: error E-INPUT: exits when imported ({shown}); mcpgen imports the "
        "module to read its functions, and so does the generated server"
    )


def test_other_base_exceptions_at_import_are_errors(tmp_path: Path) -> None:
    (tmp_path / "odd.py").write_text(
        f"{GOOD}\n\nclass Stop(BaseException):\n    pass\n\n\nraise Stop('halt')\n"
    )
    line = _one_error(
        mcpgen("server", "--functions", "odd.py", "--out", "o", cwd=tmp_path), tmp_path / "o"
    )
    assert line == "mcpgen: odd.py:9: error E-INPUT: cannot import: Stop: halt"


def test_output_printed_at_import_is_captured_and_reported(tmp_path: Path) -> None:
    (tmp_path / "noisy.py").write_text(
        "import os\nimport sys\n\nprint('hello from noisy')\nprint('second line', flush=True)\n"
        "os.write(1, b'straight to fd 1\\n')\nsys.stdout.write('via sys.stdout\\n')\n\n"
        f"{GOOD}"
    )
    result = mcpgen_process("server", "--functions", "noisy.py", "--out", "o", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    # mcpgen's own output only: every line its own.
    assert re.match(r"mcpgen: wrote \d+ files to o\n", result.stdout), result.stdout
    assert all(line.startswith("mcpgen: ") for line in result.stdout.splitlines())
    assert "hello" not in result.stdout and "fd 1" not in result.stdout
    assert (
        "mcpgen: noisy.py: warning W-FUNC-IMPORT-OUTPUT: the module printed to stdout when "
        'imported ("hello from noisy" and 3 more lines); mcpgen captured it, and the generated '
        "server sends it to stderr"
    ) in result.stderr.splitlines()
    check = mcpgen_process(
        "server", "--functions", "noisy.py", "--out", "o", "--check", cwd=tmp_path
    )
    assert check.returncode == 0, check.stderr
    assert check.stdout.startswith("mcpgen: o is up to date"), check.stdout
    strict = mcpgen("server", "--functions", "noisy.py", "--out", "o2", "--strict", cwd=tmp_path)
    assert strict.returncode == 2 and not (tmp_path / "o2").exists()

    # The generated server imports the module too: what it prints, from Python or to file
    # descriptor 1, must not reach the protocol stream. The first line a stdio client reads
    # is the answer to its first request.
    server = subprocess.Popen(
        [sys.executable, "-m", "noisy_mcp"],
        env={**os.environ, "PYTHONPATH": os.pathsep.join([str(tmp_path / "o"), str(tmp_path)])},
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    initialize = {
        "jsonrpc": "2.0",
        "id": 1,
        "method": "initialize",
        "params": {
            "protocolVersion": "2025-11-25",
            "capabilities": {},
            "clientInfo": {"name": "test", "version": "1"},
        },
    }
    try:
        out, err = server.communicate(json.dumps(initialize).encode() + b"\n", timeout=30)
    finally:
        server.kill()
    first = out.decode().splitlines()[0]
    assert json.loads(first)["id"] == 1, out
    assert b"hello from noisy" in err and b"straight to fd 1" in err


@pytest.mark.parametrize("name", ["json", "typing", "os", "sys", "anyio", "pydantic"])
def test_a_file_named_like_a_module_the_server_needs_is_refused(tmp_path: Path, name: str) -> None:
    (tmp_path / f"{name}.py").write_text(GOOD)
    line = _one_error(
        mcpgen("server", "--functions", f"{name}.py", "--out", "o", cwd=tmp_path), tmp_path / "o"
    )
    if name in ("anyio", "pydantic"):
        assert line == (
            f"mcpgen: {name}.py: error E-INPUT: is named like the module {name!r} that the "
            f"generated server itself imports, which {name}.py would shadow; rename the file"
        )
    else:
        assert line == (
            f"mcpgen: {name}.py: error E-INPUT: is named like the standard-library module "
            f"{name!r}: the generated server imports the module by name, and {name}.py would "
            "shadow the standard library's (or be shadowed by it); rename the file"
        )


def test_a_package_shadowing_the_standard_library_is_refused(tmp_path: Path) -> None:
    (tmp_path / "json").mkdir()
    (tmp_path / "json" / "__init__.py").write_text(GOOD)
    sys.path.insert(0, str(tmp_path))
    try:
        with pytest.raises(MCPGenError) as raised:
            generate_functions_server("json")
    finally:
        sys.path.remove(str(tmp_path))
    assert str(raised.value) == (
        f"json: error E-INPUT: {tmp_path / 'json' / '__init__.py'} is named like the "
        "standard-library module 'json', which it shadows: the generated server could not "
        "work; rename it"
    )


def test_the_standard_library_itself_is_a_fine_target(tmp_path: Path) -> None:
    _, project, _ = generate_functions_server("textwrap", select=["dedent", "shorten"])
    assert [t.name for t in project.tools] == ["dedent", "shorten"]
    assert project.module_distribution is None


def test_a_module_whose_getattr_raises(tmp_path: Path) -> None:
    (tmp_path / "lazy.py").write_text(
        f"{GOOD}\n\ndef __getattr__(name):\n    raise RuntimeError(f'lazy import of {{name}} failed')\n"
    )
    line = _one_error(
        mcpgen("server", "--functions", "lazy.py", "--out", "o", cwd=tmp_path), tmp_path / "o"
    )
    assert line == (
        "mcpgen: lazy.py: error E-INPUT: reading '__all__' from the module raised RuntimeError: "
        "lazy import of __all__ failed (its __getattr__ fails)"
    )
    selected = mcpgen(
        "server", "--functions", "lazy.py", "--select", "missing", "--out", "o", cwd=tmp_path
    )
    assert _one_error(selected, tmp_path / "o") == (
        "mcpgen: lazy.py: error E-INPUT: reading 'missing' from the module raised RuntimeError: "
        "lazy import of missing failed (its __getattr__ fails)"
    )
    # With --select of a real function, __getattr__ is never asked.
    fine = mcpgen(
        "server", "--functions", "lazy.py", "--select", "double", "--out", "o", cwd=tmp_path
    )
    assert fine.returncode == 0, fine.stderr
    # Nor for a module given by name.
    (tmp_path / "lib").mkdir()
    (tmp_path / "lib" / "lazy_by_name.py").write_text((tmp_path / "lazy.py").read_text())
    named = mcpgen(
        "server",
        "--functions",
        "lazy_by_name",
        "--select",
        "double",
        "--out",
        "o2",
        cwd=tmp_path,
        path=tmp_path / "lib",
    )
    assert named.returncode == 0, named.stderr


def test_names_in_all_that_cannot_be_read_are_left_out(tmp_path: Path) -> None:
    (tmp_path / "partial.py").write_text(
        f"__all__ = ['double', 'optional_thing']\n\n{GOOD}\n\ndef __getattr__(name):\n"
        "    raise ImportError('optional_thing needs an extra')\n"
    )
    _, project, diagnostics = generate_functions_server(str(tmp_path / "partial.py"))
    assert [t.name for t in project.tools] == ["double"]
    assert [str(d) for d in diagnostics] == [
        (
            f"{tmp_path / 'partial.py'}: warning W-FUNC-NOT-FUNCTION: 'optional_thing' in __all__ "
            "cannot be read (reading 'optional_thing' from the module raised ImportError: "
            "optional_thing needs an extra (its __getattr__ fails)); left out"
        )
    ]


def test_a_bad_all_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "badall.py").write_text(f"__all__ = 'double'\n\n{GOOD}")
    line = _one_error(
        mcpgen("server", "--functions", "badall.py", "--out", "o", cwd=tmp_path), tmp_path / "o"
    )
    assert line == "mcpgen: badall.py: error E-INPUT: __all__ is not a list of names"


def test_directories_as_targets(tmp_path: Path) -> None:
    package = tmp_path / "mypkg"
    package.mkdir()
    (package / "__init__.py").write_text(GOOD)
    (tmp_path / "plain").mkdir()
    (tmp_path / "odd.py").mkdir()
    cases = {
        "mypkg": (
            f"mcpgen: mypkg: error E-INPUT: is a directory: give the package by its module name "
            f"(mypkg, with {tmp_path.resolve()} on PYTHONPATH) or one of its .py files"
        ),
        "./mypkg": (
            f"mcpgen: ./mypkg: error E-INPUT: is a directory: give the package by its module "
            f"name (mypkg, with {tmp_path.resolve()} on PYTHONPATH) or one of its .py files"
        ),
        "plain/": (
            "mcpgen: plain/: error E-INPUT: is a directory: give a module name (pkg.module) or "
            "a .py file"
        ),
        "odd.py": (
            "mcpgen: odd.py: error E-INPUT: is a directory: give a module name (pkg.module) or "
            "a .py file"
        ),
        "mypkg/__init__.py": (
            "mcpgen: mypkg/__init__.py: error E-INPUT: is a package's __init__.py: give the "
            "package by its module name instead"
        ),
        "notes.txt": "mcpgen: notes.txt: error E-INPUT: not a .py file or a module name (pkg.module)",
    }
    (tmp_path / "notes.txt").write_text("hi")
    for target, expected in cases.items():
        line = _one_error(
            mcpgen("server", "--functions", target, "--out", "o", cwd=tmp_path), tmp_path / "o"
        )
        assert line == expected, target
    # The package's name works once its parent is on the path.
    named = mcpgen(
        "server",
        "--functions",
        "mypkg",
        "--out",
        "o",
        cwd=tmp_path,
        path=tmp_path,
    )
    assert named.returncode == 0, named.stderr


def test_a_package_named_like_the_module_it_serves_is_refused(tmp_path: Path) -> None:
    (tmp_path / "tools.py").write_text(GOOD)
    line = _one_error(
        mcpgen("server", "--functions", "tools.py", "--name", "tools", "--out", "o", cwd=tmp_path),
        tmp_path / "o",
    )
    assert line == (
        "mcpgen: tools.py: error E-INPUT: the generated package would be named 'tools' like the "
        "module it serves, which it would shadow; choose another --name"
    )


def test_two_files_with_the_same_name_one_after_the_other(tmp_path: Path) -> None:
    for index, body in enumerate([GOOD, GOOD.replace("double", "triple").replace("2 *", "3 *")]):
        folder = tmp_path / str(index)
        folder.mkdir()
        (folder / "samename.py").write_text(body)
        _, project, _ = generate_functions_server(str(folder / "samename.py"))
        assert [t.name for t in project.tools] == [["double"], ["triple"]][index]


def test_a_file_named_like_a_module_mcpgen_has_imported_is_refused(tmp_path: Path) -> None:
    (tmp_path / "yaml.py").write_text(GOOD)
    line = _one_error(
        mcpgen("server", "--functions", "yaml.py", "--out", "o", cwd=tmp_path), tmp_path / "o"
    )
    assert line.startswith(
        "mcpgen: yaml.py: error E-INPUT: is named like the module 'yaml' that mcpgen itself has "
        "imported ("
    )
