"""Shared fixtures: the models package generated once per test session."""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from mcpgen import generate_models
from mcpgen.pipeline import write_tree

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "spec" / "mcp"
# Test messages shared beside the project; tests that need them skip without it.
SHARED_MESSAGES = ROOT.parent / "shared" / "spec" / "messages"
VERSIONS = ("2024-11-05", "2025-03-26", "2025-06-18", "2025-11-25", "2026-07-28")
# Progress lines depend on how fast the machine is: off unless a test turns them on.
os.environ.setdefault("MCPGEN_PROGRESS_AFTER", "never")
# Expected outputs of the golden cases, not tests of this suite.
collect_ignore = ["cases/golden"]


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="Rewrite the expected/ outputs of tests/cases/golden from the current generator.",
    )


@pytest.fixture(scope="session")
def models_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("models")
    write_tree(root / "mcp_models", generate_models())
    return root


@pytest.fixture(scope="session")
def models(models_dir: Path) -> Iterator[dict[str, ModuleType]]:
    sys.path.insert(0, str(models_dir))
    try:
        yield {v: importlib.import_module(f"mcp_models.v{v.replace('-', '_')}") for v in VERSIONS}
    finally:
        sys.path.remove(str(models_dir))
