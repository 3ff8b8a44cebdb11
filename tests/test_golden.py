"""Golden outputs: each case of ``tests/cases/golden`` generated into a temporary directory
must equal its ``expected/`` tree byte for byte (the same files, the same contents).

A case is ``<name>/args`` (the command line, without ``--out``), ``<name>/input/`` (the
files the command reads, copied into its working directory; optional) and
``<name>/expected/``. After an intended change of the output, refresh every case with
``pytest tests/test_golden.py --update-golden`` and review the diff. Generated files name
mcpgen's version in their headers, so a release changes every case.

A module of ``mcpgen.runtime`` that a project carries as it is (its header, then the
module's text) stands in ``expected/`` as its header and a line that says so: it is
reviewed where it is written, and a change to it does not churn every case.
"""

from __future__ import annotations

import difflib
import shlex
import shutil
from importlib.resources import files
from pathlib import Path

import pytest
from click.testing import CliRunner
from mcpgen.cli import main
from mcpgen.serverproject import runtime_source

from .conftest import ROOT

CASES = ROOT / "tests" / "cases" / "golden"
NAMES = sorted(p.name for p in CASES.iterdir() if (p / "args").is_file())
LIMIT = 1_000_000
"""Bytes of every expected/ tree together: golden files are read by people, in reviews."""


def tree(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and "__pycache__" not in p.parts
    }


RUNTIME = files("mcpgen.runtime")
VERBATIM = "# (golden: the rest of this file is mcpgen/runtime/{name} as it is)\n"


def condensed(files: dict[str, bytes]) -> dict[str, bytes]:
    """``files`` with each verbatim copy of a runtime module as its stand-in."""
    out = dict(files)
    for relative, content in files.items():
        name = relative.rsplit("/", 1)[-1]
        if not name.endswith(".py") or not RUNTIME.joinpath(name).is_file():
            continue
        header, _, rest = content.decode("utf-8", "replace").partition("\n")
        if header.startswith("#") and rest == runtime_source(name):
            out[relative] = (header + "\n" + VERBATIM.format(name=name)).encode("utf-8")
    return out


def generate(case: Path, work: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, bytes]:
    if (case / "input").is_dir():
        shutil.copytree(case / "input", work)
    else:
        work.mkdir()
    args = shlex.split((case / "args").read_text(encoding="utf-8"))
    monkeypatch.chdir(work)
    result = CliRunner().invoke(main, [*args, "--out", "out"])
    assert result.exit_code == 0, result.output
    return condensed(tree(work / "out"))


def difference(expected: dict[str, bytes], actual: dict[str, bytes]) -> str:
    """What differs, for a person: files missing or extra, and a unified diff of each changed
    file (its first 200 lines)."""
    lines: list[str] = []
    for name in sorted(expected.keys() - actual.keys()):
        lines.append(f"missing from the output: {name}")
    for name in sorted(actual.keys() - expected.keys()):
        lines.append(f"not expected: {name}")
    for name in sorted(expected.keys() & actual.keys()):
        if expected[name] == actual[name]:
            continue
        diff = list(
            difflib.unified_diff(
                expected[name].decode("utf-8", "replace").splitlines(keepends=True),
                actual[name].decode("utf-8", "replace").splitlines(keepends=True),
                f"expected/{name}",
                f"generated/{name}",
            )
        )
        lines.append("".join(diff[:200]).rstrip("\n") + ("\n[...]" if len(diff) > 200 else ""))
    return "\n".join(lines)


@pytest.mark.parametrize("name", NAMES)
def test_golden(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest
) -> None:
    case = CASES / name
    actual = generate(case, tmp_path / "work", monkeypatch)
    expected_dir = case / "expected"
    if request.config.getoption("--update-golden"):
        shutil.rmtree(expected_dir, ignore_errors=True)
        for relative, content in actual.items():
            target = expected_dir / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)
        return
    assert expected_dir.is_dir(), f"{expected_dir} is missing: run pytest --update-golden"
    found = difference(tree(expected_dir), actual)
    assert not found, (
        f"golden case {name} differs (if intended: pytest tests/test_golden.py "
        f"--update-golden):\n{found}"
    )


def test_outputs_are_machine_independent() -> None:
    """No absolute path of the machine that generated them, and small enough to review."""
    total = 0
    for name in NAMES:
        for relative, content in tree(CASES / name / "expected").items():
            total += len(content)
            text = content.decode("utf-8", "replace")
            for marker in (str(ROOT), "/tmp/", "/home/", "\\Users\\"):
                assert marker not in text, f"{name}/expected/{relative} holds {marker!r}"
    assert total < LIMIT, f"golden outputs are {total:,} bytes; keep them under {LIMIT:,}"


def test_the_petstore_case_is_the_bundled_example() -> None:
    bundled = ROOT / "spec" / "openapi" / "petstore.yaml"
    copy = CASES / "petstore-server" / "input" / "petstore.yaml"
    assert copy.read_bytes() == bundled.read_bytes(), f"copy {bundled} to {copy}"
