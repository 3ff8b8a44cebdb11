"""The module behind a functions server: which distribution provides it, how to install it,
and a server that says so in one line when it is missing."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from mcpgen.functions.generate import generate_functions_server
from mcpgen.pipeline import write_tree

GOOD = "def double(x: int) -> int:\n    return 2 * x\n"


@contextmanager
def on_path(*folders: Path) -> Iterator[None]:
    for folder in folders:
        sys.path.insert(0, str(folder))
    try:
        yield
    finally:
        for folder in folders:
            sys.path.remove(str(folder))


def start(root: Path, package: str, *args: str, path: list[Path] | None = None) -> tuple[int, str]:
    """Start the server as a client would, without the module's folder on the path."""
    folders = [str(root), *(str(p) for p in path or [])]
    result = subprocess.run(
        [sys.executable, "-m", package, *args],
        env={**os.environ, "PYTHONPATH": os.pathsep.join(folders)},
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.stdout == ""
    return result.returncode, result.stderr


def dependencies(root: Path) -> list[str]:
    text = (root / "pyproject.toml").read_text(encoding="utf-8")
    block = text.split("dependencies = [", 1)[1].split("]", 1)[0]
    return [line.strip().strip(",").strip('"') for line in block.splitlines() if line.strip()]


def test_a_local_file_that_is_not_on_the_path(tmp_path: Path) -> None:
    source = tmp_path / "src"
    source.mkdir()
    (source / "local_tools.py").write_text(GOOD)
    contents, project, _ = generate_functions_server(str(source / "local_tools.py"))
    out = tmp_path / "out"
    write_tree(out, contents)
    assert dependencies(out) == ["mcp>=2.3", "pydantic>=2.11", "jsonschema>=4.21", "uvicorn>=0.30"]
    code, err = start(out, project.package)
    assert code == 1
    assert err == (
        "local_tools_mcp: error: cannot import module 'local_tools', which this server's tools "
        "come from (No module named 'local_tools'): put the directory that contains "
        "local_tools.py on PYTHONPATH\n"
    )
    readme = (out / "README.md").read_text(encoding="utf-8")
    assert (
        "- Local file: `local_tools` was read from the file `local_tools.py`; put the directory\n"
        "  that contains `local_tools.py` on `PYTHONPATH`"
    ) in readme
    assert "- Installed package: if `local_tools` comes from a package, install it" in readme
    assert 'export PYTHONPATH="<directory containing local_tools.py>' in readme
    # With --debug, the traceback too.
    code, err = start(out, project.package, "--debug")
    assert code == 1 and "Traceback (most recent call last):" in err
    assert err.endswith("on PYTHONPATH\n")
    # And with the folder on the path, the server starts (and waits for a client on stdin,
    # which is empty: it ends at once, cleanly).
    code, err = start(out, project.package, path=[source])
    assert (code, err) == (0, "")


def test_a_module_of_a_package_that_is_not_installed(tmp_path: Path) -> None:
    (tmp_path / "lib" / "toolpkg").mkdir(parents=True)
    (tmp_path / "lib" / "toolpkg" / "__init__.py").write_text("")
    (tmp_path / "lib" / "toolpkg" / "maths.py").write_text(GOOD)
    with on_path(tmp_path / "lib"):
        contents, project, _ = generate_functions_server("toolpkg.maths")
    assert project.module_distribution is None
    write_tree(tmp_path / "out", contents)
    code, err = start(tmp_path / "out", project.package)
    assert code == 1
    assert err == (
        "toolpkg_maths_mcp: error: cannot import module 'toolpkg.maths', which this server's "
        "tools come from (No module named 'toolpkg'): install the package that provides it, or "
        "put the directory that contains toolpkg/maths.py on PYTHONPATH\n"
    )
    readme = (tmp_path / "out" / "README.md").read_text(encoding="utf-8")
    assert "- Installed package: if `toolpkg.maths` comes from a package, install it" in readme
    assert "- Local file: put the directory\n  that contains `toolpkg/maths.py`" in readme
    assert 'export PYTHONPATH="<directory containing toolpkg/maths.py>' in readme


def _fake_distribution(site: Path, name: str, module: str) -> None:
    """An installed distribution as pip leaves one: a module and its dist-info."""
    (site / f"{module}.py").write_text(GOOD)
    info = site / f"{name.replace('-', '_')}-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 1.0\n")
    (info / "top_level.txt").write_text(f"{module}\n")
    (info / "RECORD").write_text(f"{module}.py,,\n{info.name}/METADATA,,\n{info.name}/RECORD,,\n")


def test_an_installed_distribution_becomes_a_dependency(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    _fake_distribution(site, "fake-tools-dist", "faketools")
    with on_path(site):
        contents, project, _ = generate_functions_server("faketools")
    assert project.module_distribution == "fake-tools-dist"
    out = tmp_path / "out"
    write_tree(out, contents)
    assert dependencies(out)[-1] == "fake-tools-dist"
    readme = (out / "README.md").read_text(encoding="utf-8")
    assert (
        "- Installed package: `faketools` comes from the distribution `fake-tools-dist`, a\n"
        "  dependency of this project, so `pip install -e .` installs it (`pip install "
        "fake-tools-dist`\n  on its own)."
    ) in readme
    assert 'export PYTHONPATH="<directory containing faketools.py>' in readme
    code, err = start(out, project.package)
    assert code == 1
    assert err == (
        "faketools_mcp: error: cannot import module 'faketools', which this server's tools come "
        "from (No module named 'faketools'): install it with `pip install fake-tools-dist`\n"
    )
    code, err = start(out, project.package, path=[site])
    assert (code, err) == (0, "")


def test_a_module_of_the_same_name_elsewhere_is_not_the_distribution(tmp_path: Path) -> None:
    """The distribution's files must hold the very module imported."""
    site, elsewhere = tmp_path / "site", tmp_path / "elsewhere"
    site.mkdir()
    elsewhere.mkdir()
    _fake_distribution(site, "shadowed-dist", "twintools")
    (elsewhere / "twintools.py").write_text(GOOD)
    with on_path(site, elsewhere):  # elsewhere comes first
        _, project, _ = generate_functions_server("twintools")
    assert project.module_distribution is None


@pytest.mark.parametrize(
    ("target", "distribution", "location"),
    [
        ("validators", "validators", "validators/"),
        ("slugify.slugify", "python-slugify", "slugify/slugify.py"),
        ("emoji", "emoji", "emoji/"),
        ("humanize.number", "humanize", "humanize/number.py"),
    ],
)
def test_real_distributions(tmp_path: Path, target: str, distribution: str, location: str) -> None:
    contents, project, _ = generate_functions_server(target)
    assert project.module_distribution == distribution
    write_tree(tmp_path, contents)
    assert dependencies(tmp_path)[-1] == distribution
    readme = (tmp_path / "README.md").read_text(encoding="utf-8")
    assert f"`pip install {distribution}`" in readme
    assert f'export PYTHONPATH="<directory containing {location}>' in readme


def test_a_dependency_of_the_module_is_missing(tmp_path: Path) -> None:
    (tmp_path / "deps").mkdir()
    (tmp_path / "deps" / "helper_dep.py").write_text("VALUE = 1\n")
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "needs_helper.py").write_text(f"import helper_dep\n\n\n{GOOD}")
    with on_path(tmp_path / "deps"):
        contents, project, _ = generate_functions_server(str(tmp_path / "src" / "needs_helper.py"))
    write_tree(tmp_path / "out", contents)
    code, err = start(tmp_path / "out", project.package, path=[tmp_path / "src"])
    assert code == 1
    assert err == (
        "needs_helper_mcp: error: cannot import module 'needs_helper': ModuleNotFoundError: No "
        "module named 'helper_dep': install the package that provides 'helper_dep'\n"
    )


def test_a_module_that_fails_or_changed_since_generation(tmp_path: Path) -> None:
    (tmp_path / "src").mkdir()
    module = tmp_path / "src" / "changing.py"
    module.write_text(GOOD)
    contents, project, _ = generate_functions_server(str(module))
    write_tree(tmp_path / "out", contents)
    module.write_text("def triple(x: int) -> int:\n    return 3 * x\n")
    code, err = start(tmp_path / "out", project.package, path=[tmp_path / "src"])
    assert (code, err) == (
        1,
        (
            "changing_mcp: error: module 'changing' has no function 'double' (tool 'double'); "
            "regenerate the server for the installed version of the module\n"
        ),
    )
    module.write_text(f"{GOOD}\nraise RuntimeError('no config\\nfound')\n")
    code, err = start(tmp_path / "out", project.package, path=[tmp_path / "src"])
    assert (code, err) == (
        1,
        "changing_mcp: error: cannot import module 'changing': RuntimeError: no config found\n",
    )
