"""black's output kept between runs (``mcpgen.formatcache``): the same text is formatted once,
a warm ``--check`` does not even import black, and a folder that is not the user's alone,
or a cache turned off, is never read or written."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path, PurePosixPath

import pytest
from mcpgen import formatcache
from mcpgen.pipeline import format_python

UNFORMATTED = "x = {  'a':1,\n'b' :[1,2,\n3]}\ndef f( a,b ):\n  return a+b\n"
FORMATTED = 'x = {"a": 1, "b": [1, 2, 3]}\n\n\ndef f(a, b):\n    return a + b\n'
PATH = PurePosixPath("module.py")


def _entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.py"))


def test_text_is_formatted_once_and_then_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "cache"
    monkeypatch.setenv("MCPGEN_FORMAT_CACHE", str(folder))
    assert format_python(UNFORMATTED, PATH) == FORMATTED
    (entry,) = _entries(folder)
    assert entry.read_text() == FORMATTED
    assert folder.stat().st_mode & 0o777 == 0o700
    # What is read is the entry: an entry changed under the same name is what comes back.
    entry.write_text(FORMATTED + "# kept\n")
    assert format_python(UNFORMATTED, PATH) == FORMATTED + "# kept\n"
    # Other text, or the same text formatted verbatim, is another matter.
    assert format_python(UNFORMATTED + "y=1\n", PATH) == FORMATTED + "\n\ny = 1\n"
    assert format_python(FORMATTED, PATH, verbatim=True) == FORMATTED
    assert len(_entries(folder)) == 2


def test_text_that_does_not_parse_is_a_bug_even_when_cached(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MCPGEN_FORMAT_CACHE", str(tmp_path / "cache"))
    broken = "def f(:\n"
    name = formatcache.key(broken)
    assert name is not None
    formatcache.store(name, "x = 1\n")
    with pytest.raises(Exception, match="does not parse"):
        format_python(broken, PATH)


@pytest.mark.parametrize("how", ["shared", "symlink", "file", "off"])
def test_a_folder_not_the_users_alone_or_off_is_not_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    folder = tmp_path / "cache"
    if how == "shared":
        folder.mkdir()
        folder.chmod(0o777)
    elif how == "symlink":
        (tmp_path / "elsewhere").mkdir(mode=0o700)
        folder.symlink_to(tmp_path / "elsewhere")
    elif how == "file":
        folder.write_text("")
    monkeypatch.setenv("MCPGEN_FORMAT_CACHE", "off" if how == "off" else str(folder))
    name = formatcache.key(UNFORMATTED)
    assert name is not None
    assert format_python(UNFORMATTED, PATH) == FORMATTED
    assert formatcache.load(name) is None
    assert not list(tmp_path.rglob("*.py"))


def test_the_least_recently_used_go_beyond_the_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "cache"
    monkeypatch.setenv("MCPGEN_FORMAT_CACHE", str(folder))
    monkeypatch.setattr(formatcache, "LIMIT", 3)
    names = [f"{number:064x}" for number in range(3)]
    for age, name in enumerate(names):
        formatcache.store(name, f"x = {age}\n")
        os.utime(folder / f"{name}.py", (1_000_000 + age, 1_000_000 + age))
    # Reading the oldest makes it the most recent; the next oldest goes when a fourth comes.
    assert formatcache.load(names[0]) == "x = 0\n"
    stale = folder / "left-by-a-killed-run.tmp"
    stale.write_text("x")
    os.utime(stale, (1_000_000, 1_000_000))
    formatcache.store("f" * 64, "x = 3\n")
    assert [p.stem for p in _entries(folder)] == sorted([names[0], names[2], "f" * 64])
    assert not stale.exists()


def test_a_warm_check_does_not_import_black(tmp_path: Path) -> None:
    """``mcpgen models --check`` on a current tree with a warm cache: no formatting at all."""
    env = {**os.environ, "MCPGEN_FORMAT_CACHE": str(tmp_path / "cache")}
    out = tmp_path / "models"
    command = [sys.executable, "-m", "mcpgen", "models", "--protocol", "2025-11-25"]
    made = subprocess.run(
        [*command, "--out", str(out)], env=env, capture_output=True, text=True, check=False
    )
    assert made.returncode == 0, made.stderr
    assert _entries(tmp_path / "cache")
    script = (
        "import sys\n"
        "from mcpgen.cli import main\n"
        "try:\n"
        f"    code = main({[*command[3:], '--out', str(out), '--check']!r})\n"
        "except SystemExit as end:\n"
        "    code = end.code\n"
        "print(code or 0, 'black' in sys.modules)\n"
    )
    checked = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=False
    )
    assert checked.stdout.splitlines()[-1] == "0 False", checked.stdout + checked.stderr
