"""Typed clients for real third-party MCP servers, every tool called through the client:
``mcp-server-git`` from PyPI on a scratch repository, and
``@modelcontextprotocol/server-filesystem`` from npm (run with the Node 24 that the Prism
tests install) on a scratch folder.

Both are installed on first use into ``~/.cache/mcpgen-tests`` (``$MCPGEN_TEST_CACHE``)
under a lock, marked complete by a stamp file; the tests skip, saying why, when an install
is impossible (no network to the registries, no npm).
"""

from __future__ import annotations

import base64
import fcntl
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import anyio
import pytest
from click.testing import CliRunner
from mcpgen.cli import main

from .prism import cache_root, ensure_prism
from .test_client import load_client
from .test_client_hostile import check_packages

GIT_SERVER = "mcp-server-git==2026.10.19"
FILESYSTEM_SERVER = "@modelcontextprotocol/server-filesystem@2026.8.31"
_STAMP = ".mcpgen-complete"
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)


def _installed(name: str, install: Callable[[Path], None]) -> Path:
    """``cache/name``, installed by ``install`` once (under a lock), or pytest.skip."""
    final = cache_root() / name
    if (final / _STAMP).is_file():
        return final
    final.parent.mkdir(parents=True, exist_ok=True)
    with (final.parent / f"{name}.lock").open("a") as lock:
        fcntl.flock(lock.fileno(), fcntl.LOCK_EX)
        try:
            if not (final / _STAMP).is_file():
                shutil.rmtree(final, ignore_errors=True)  # an interrupted install
                try:
                    install(final)
                except (OSError, subprocess.SubprocessError, RuntimeError) as exc:
                    shutil.rmtree(final, ignore_errors=True)
                    pytest.skip(f"cannot install {name} here: {exc}")
                (final / _STAMP).write_text(name + "\n", encoding="utf-8")
        finally:
            fcntl.flock(lock.fileno(), fcntl.LOCK_UN)
    return final


def _run(command: list[str]) -> None:
    result = subprocess.run(command, capture_output=True, text=True, timeout=600, check=False)
    if result.returncode != 0:
        tail = "\n".join((result.stdout + result.stderr).strip().splitlines()[-5:])
        raise RuntimeError(f"{' '.join(command)} failed: {tail}")


def _install_git(target: Path) -> None:
    _run([sys.executable, "-m", "venv", str(target)])
    _run([str(target / "bin" / "python"), "-m", "pip", "install", "-q", GIT_SERVER])


def _install_filesystem(target: Path) -> None:
    npm = shutil.which("npm")
    if npm is None:
        raise RuntimeError("npm is not on PATH")
    target.mkdir(parents=True)
    _run([npm, "install", "--prefix", str(target), "--no-audit", "--no-fund", FILESYSTEM_SERVER])


def _generate(root: Path, name: str, server: list[str]) -> Any:
    command = " ".join(server)
    out = root / f"{name}_client"
    result = CliRunner().invoke(
        main, ["client", "--server", command, "--name", name, "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    check_packages(root, out.name)
    return load_client(root, out.name)


def _text(content: list[Any]) -> str:
    return "\n".join(block.text for block in content)


@pytest.fixture(scope="module")
def git_server() -> list[str]:
    venv = _installed(f"pypi-{GIT_SERVER.replace('==', '-')}", _install_git)
    return [str(venv / "bin" / "python"), "-m", "mcp_server_git"]


@pytest.fixture
def scratch_repo(tmp_path: Path) -> Iterator[Path]:
    repo = tmp_path / "repo"
    repo.mkdir()
    git = ["git", "-C", str(repo)]
    subprocess.run([*git, "init", "-q", "-b", "main"], check=True)
    subprocess.run([*git, "config", "user.email", "t@example.test"], check=True)
    subprocess.run([*git, "config", "user.name", "Tester"], check=True)
    (repo / "a.txt").write_text("one\n")
    subprocess.run([*git, "add", "a.txt"], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "first"], check=True)
    yield repo


def test_every_tool_of_mcp_server_git(
    git_server: list[str], scratch_repo: Path, tmp_path: Path
) -> None:
    server = [*git_server, "--repository", str(scratch_repo)]
    package = _generate(tmp_path, "git", server)
    repo = str(scratch_repo)

    async def run() -> dict[str, str]:
        seen: dict[str, str] = {}
        async with package.GitClient.stdio(server[0], *server[1:]) as git:
            seen["status"] = _text(await git.git_status(repo_path=repo))
            (scratch_repo / "a.txt").write_text("one\ntwo\n")
            seen["unstaged"] = _text(await git.git_diff_unstaged(repo_path=repo, context_lines=1))
            seen["add"] = _text(await git.git_add(repo_path=repo, files=["a.txt"]))
            seen["staged"] = _text(await git.git_diff_staged(repo_path=repo))
            seen["reset"] = _text(await git.git_reset(repo_path=repo))
            await git.git_add(repo_path=repo, files=["a.txt"])
            seen["commit"] = _text(await git.git_commit(repo_path=repo, message="second"))
            seen["log"] = _text(await git.git_log(repo_path=repo, max_count=5))
            seen["create"] = _text(
                await git.git_create_branch(repo_path=repo, branch_name="feature")
            )
            seen["checkout"] = _text(await git.git_checkout(repo_path=repo, branch_name="feature"))
            seen["branch"] = _text(await git.git_branch(repo_path=repo, branch_type="local"))
            seen["diff"] = _text(await git.git_diff(repo_path=repo, target="HEAD~1"))
            seen["show"] = _text(await git.git_show(repo_path=repo, revision="HEAD"))
            with pytest.raises(package.ToolError):
                await git.git_checkout(repo_path=repo, branch_name="no-such-branch")
        return seen

    seen = anyio.run(run)
    assert "On branch main" in seen["status"]
    assert "+two" in seen["unstaged"] and "+two" in seen["staged"]
    assert "staged" in seen["add"] and "reset" in seen["reset"].lower()
    assert "committed" in seen["commit"].lower()
    assert "second" in seen["log"] and "first" in seen["log"]
    assert "feature" in seen["create"] and "feature" in seen["checkout"]
    assert "feature" in seen["branch"] and "main" in seen["branch"]
    assert "+two" in seen["diff"] and "second" in seen["show"]


@pytest.fixture(scope="module")
def filesystem_server() -> list[str]:
    try:
        node = ensure_prism()[0]
    except RuntimeError as exc:
        pytest.skip(f"no Node 24 here: {exc}")
    name = "npm-" + FILESYSTEM_SERVER.replace("@modelcontextprotocol/", "").replace("@", "-")
    prefix = _installed(name, _install_filesystem)
    script = prefix / "node_modules" / "@modelcontextprotocol" / "server-filesystem" / "dist"
    return [node, str(script / "index.js")]


def test_every_tool_of_server_filesystem(filesystem_server: list[str], tmp_path: Path) -> None:
    folder = (tmp_path / "files").resolve()
    folder.mkdir()
    (folder / "notes.txt").write_text("alpha\nbeta\ngamma\n")
    (folder / "pixel.png").write_bytes(PNG)
    server = [*filesystem_server, str(folder)]
    package = _generate(tmp_path, "files", server)
    models = package.models

    async def run() -> dict[str, Any]:
        seen: dict[str, Any] = {}
        async with package.FilesClient.stdio(server[0], *server[1:]) as fs:
            at = str(folder)
            seen["allowed"] = (await fs.list_allowed_directories()).content
            seen["read"] = (await fs.read_file(path=f"{at}/notes.txt", head=1)).content
            seen["text"] = (await fs.read_text_file(path=f"{at}/notes.txt", tail=2)).content
            seen["media"] = (await fs.read_media_file(path=f"{at}/pixel.png")).content
            seen["write"] = (await fs.write_file(path=f"{at}/new.txt", content="x\n")).content
            edit = models.Edit(oldText="beta", newText="BETA")
            seen["edit"] = (await fs.edit_file(path=f"{at}/notes.txt", edits=[edit])).content
            seen["multiple"] = (
                await fs.read_multiple_files(paths=[f"{at}/notes.txt", f"{at}/new.txt"])
            ).content
            seen["mkdir"] = (await fs.create_directory(path=f"{at}/sub")).content
            seen["move"] = (
                await fs.move_file(source=f"{at}/new.txt", destination=f"{at}/sub/moved.txt")
            ).content
            seen["list"] = (await fs.list_directory(path=at)).content
            seen["sizes"] = (await fs.list_directory_with_sizes(path=at, sort_by="size")).content
            seen["tree"] = (await fs.directory_tree(path=at, exclude_patterns=["*.png"])).content
            seen["search"] = (await fs.search_files(path=at, pattern="**/*.txt")).content
            seen["info"] = (await fs.get_file_info(path=f"{at}/notes.txt")).content
            with pytest.raises(package.ToolError):
                await fs.read_text_file(path="/etc/hostname")
        return seen

    seen = anyio.run(run)
    assert str(folder) in seen["allowed"]
    assert seen["read"].strip() == "alpha" and seen["text"].strip().endswith("gamma")
    assert seen["media"][0].type_ == "image" and base64.b64decode(seen["media"][0].data) == PNG
    assert "new.txt" in seen["write"] and "BETA" in seen["edit"]
    assert "alpha" in seen["multiple"] and "x" in seen["multiple"]
    assert "sub" in seen["mkdir"] and "moved.txt" in seen["move"]
    assert "[DIR] sub" in seen["list"] and "notes.txt" in seen["sizes"]
    assert "moved.txt" in seen["tree"] and "pixel.png" not in seen["tree"]
    assert "moved.txt" in seen["search"] and "notes.txt" in seen["search"]
    assert "size" in seen["info"]
    assert (folder / "notes.txt").read_text() == "alpha\nBETA\ngamma\n"
    assert (folder / "sub" / "moved.txt").read_text() == "x\n"
