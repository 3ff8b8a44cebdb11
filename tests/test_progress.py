"""Progress of long generations: phase lines with counts on stderr once a run is slow (here
forced with ``MCPGEN_PROGRESS_AFTER=0``), nothing under ``--quiet`` or for quick runs."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from mcpgen import generate_models, progress
from mcpgen.cli import main

from .conftest import ROOT

PETSTORE = ROOT / "spec" / "openapi" / "petstore.yaml"


def mcpgen(monkeypatch: pytest.MonkeyPatch, after: str, *args: str) -> Result:
    monkeypatch.setenv(progress.AFTER_VARIABLE, after)
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return result


VERBS = ("loading", "converting", "converted", "building", "rendering", "formatting", "writing")


def phases(stderr: str) -> list[str]:
    starts = tuple(f"mcpgen: {verb} " for verb in VERBS)
    return [line for line in stderr.splitlines() if line.startswith(starts)]


@pytest.fixture
def petstore(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copy(PETSTORE, tmp_path / "api.yaml")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_server_phases_with_counts(petstore: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    result = mcpgen(monkeypatch, "0", "server", "--openapi", "api.yaml", "--out", "pet")
    lines = phases(result.stderr)
    assert lines[:3] == [
        "mcpgen: loading api.yaml",
        "mcpgen: converting 9 operations",
        "mcpgen: converted 9 operations to 9 tools",
    ]
    assert lines[3].startswith("mcpgen: rendering ") and lines[3].endswith(" files")
    assert lines[4].startswith("mcpgen: formatting ") and lines[4].endswith(" Python files")
    written = sum(1 for p in (petstore / "pet").rglob("*") if p.is_file())
    assert lines[5:] == [f"mcpgen: writing {written} files"]
    # Progress is stderr only: stdout says what it always said.
    assert result.stdout.splitlines()[0] == f"mcpgen: wrote {written} files to pet"


def test_quiet_and_quick_runs_show_no_progress(
    petstore: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    quiet = mcpgen(monkeypatch, "0", "server", "--openapi", "api.yaml", "--out", "a", "--quiet")
    assert phases(quiet.stderr) == []
    assert "mcpgen: 9 tools, 0 operations skipped, 0 warnings" in quiet.stderr
    quick = mcpgen(monkeypatch, "60", "server", "--openapi", "api.yaml", "--out", "b")
    assert phases(quick.stderr) == []
    never = mcpgen(monkeypatch, "never", "server", "--openapi", "api.yaml", "--out", "c")
    assert phases(never.stderr) == []


def test_models_phases(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = str(tmp_path / "m")
    result = mcpgen(monkeypatch, "0", "models", "--protocol", "2024-11-05", "--out", out)
    assert phases(result.stderr) == [
        "mcpgen: building the models of 1 protocol version",
        "mcpgen: rendering 3 files",
        "mcpgen: formatting 2 Python files",
        "mcpgen: writing 4 files",
    ]
    again = mcpgen(monkeypatch, "0", "models", "--protocol", "2024-11-05", "--out", out, "--quiet")
    assert again.stderr == ""


def test_generate_phases_name_each_job(petstore: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (petstore / "mcpgen.toml").write_text(
        'version = 1\n\n[[jobs]]\nname = "pets"\nkind = "server"\nopenapi = "api.yaml"\n\n'
        '[[jobs]]\nname = "models"\nkind = "models"\nversions = ["2024-11-05"]\n'
    )
    result = mcpgen(monkeypatch, "0", "generate")
    lines = result.stderr.splitlines()
    assert lines[0] == "mcpgen: job pets: openapi"
    assert lines[1].startswith("mcpgen: loading ") and lines[1].endswith("api.yaml")
    assert "mcpgen: job models: models" in lines
    assert lines.index("mcpgen: job models: models") > lines.index("mcpgen: job pets: openapi")
    total = sum(1 for p in (petstore / "output").rglob("*") if p.is_file())
    assert lines[-1] == f"mcpgen: writing {total} files"
    quiet = mcpgen(monkeypatch, "0", "generate", "--quiet")
    assert [line for line in quiet.stderr.splitlines() if ": job " not in line] == []


def test_the_library_prints_nothing(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv(progress.AFTER_VARIABLE, "0")
    generate_models(["2024-11-05"])
    assert capsys.readouterr().err == ""


def test_large_input_shows_phases_from_the_start(capsys: pytest.CaptureFixture[str]) -> None:
    with progress.reporting(after=60):
        progress.phase("before")
        progress.large(progress.LARGE_INPUT - 1)
        progress.phase("small")
        progress.large(progress.LARGE_INPUT)
        progress.phase("loading big.json")
    with progress.reporting(enabled=False):
        progress.large(progress.LARGE_INPUT)
        progress.phase("quiet")
    assert capsys.readouterr().err == "mcpgen: loading big.json\n"


def test_steps_start_showing_once_the_run_is_slow(capsys: pytest.CaptureFixture[str]) -> None:
    with progress.reporting(after=60) as reporter:
        assert reporter is not None
        with progress.steps("formatting 3 Python files", 3) as step:
            step()
            reporter.after = 0  # the run has now taken long enough
            step()
            step()
    assert capsys.readouterr().err == "mcpgen: formatting 3 Python files\n"


def test_a_terminal_gets_a_bar(capsys: pytest.CaptureFixture[str]) -> None:
    reporter = progress.Reporter(after=0, interactive=True)
    steps = progress.Steps(reporter, "formatting 2 Python files", 2)
    steps()
    steps()
    steps.close()
    # click hides the bar itself when stderr is not a terminal, as here, but shows its label.
    assert "mcpgen: formatting 2 Python files" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("value", "seconds"),
    [("", progress.DEFAULT_AFTER), ("0", 0.0), ("1.5", 1.5), ("never", float("inf"))],
)
def test_threshold(monkeypatch: pytest.MonkeyPatch, value: str, seconds: float) -> None:
    monkeypatch.setenv(progress.AFTER_VARIABLE, value)
    assert progress.threshold() == seconds


def test_count() -> None:
    assert progress.count(1, "file") == "1 file"
    assert progress.count(1200, "operation") == "1,200 operations"
