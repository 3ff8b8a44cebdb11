"""Benchmark ``mcpgen server --openapi`` on GitHub's REST document (1,223 operations, 13 MB).

Run by hand: ``python benchmarks/openapi.py [DOCUMENT]``. Prints, best of N runs:
- generation wall time and peak memory of the whole ``mcpgen server`` command
  (a fresh process each run: imports, load, build, render, write);
- cold start of the generated server: spawning ``python -m <package>`` over
  stdio until the first ``tools/list`` response, and the SDK's own import time
  for scale;
- ``tools/list`` bytes on the wire for each ``--output-schema`` mode, as the MCP
  SDK client receives them over stdio, and the bytes of the generated data files
  (``spec.json`` + ``operations.json``).

Every run passes ``--tools-mode operations``: this measures the one-tool-per-operation
list (``benchmarks/large.py`` measures the default mode, discovery on large APIs).

Targets: generation no slower than openapi-mcp-generator 4.0.1 (about 0.6 s and
174 MB on the same document), cold start under 1 s, tool list under 2 MB with
output schemas on. The corpus is fetched by ``tests/corpus.py`` when missing.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import anyio
from mcp import Client, StdioServerParameters
from mcp.types import ListToolsResult

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.corpus import corpus

MODES = ("auto", "full", "shallow", "none")
TIMEOUT = 600.0
"""Seconds any one subprocess (generation, a server's start) may take."""


def generate(document: Path, out: Path, mode: str) -> tuple[float, float, str]:
    """Wall seconds, peak RSS in MB, and the package name of one ``mcpgen server`` run."""
    command = [sys.executable, "-m", "mcpgen", "server", "--openapi", str(document)]
    command += ["--out", str(out), "--output-schema", mode, "--name", "github"]
    command += ["--tools-mode", "operations", "--quiet"]
    probe = (
        "import resource, subprocess, sys, time; t = time.perf_counter(); "
        "subprocess.run(sys.argv[1:], check=True, capture_output=True); "
        "print(time.perf_counter() - t, "
        "resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe, *command],
        check=True,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
    )
    seconds, peak = (float(x) for x in done.stdout.split())
    return seconds, peak, package_of(out)


def package_of(out: Path) -> str:
    """The generated package: the directory of ``out`` that holds ``spec.json``."""
    found = sorted(out.glob("*/spec.json"))
    if len(found) != 1:
        raise RuntimeError(f"expected one package with spec.json in {out}, found {found}")
    return found[0].parent.name


def first_list(root: Path, package: str) -> tuple[float, ListToolsResult]:
    """Seconds from spawning the server to its first tools/list answer, and that answer."""

    async def run() -> tuple[float, ListToolsResult]:
        params = StdioServerParameters(
            command=sys.executable, args=["-m", package], env={"PYTHONPATH": str(root)}
        )
        start = time.perf_counter()
        with anyio.fail_after(TIMEOUT):
            async with Client(params, mode="legacy") as client:
                listed = await client.list_tools()
                return time.perf_counter() - start, listed

    return anyio.run(run)


def cold_start(root: Path, package: str) -> tuple[float, int]:
    """Seconds from spawning the server to its first tools/list answer, and the tool count."""
    seconds, listed = first_list(root, package)
    return seconds, len(listed.tools)


def sdk_import_seconds() -> float:
    probe = (
        "import time; t = time.perf_counter(); import mcp.server; print(time.perf_counter() - t)"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], check=True, capture_output=True, text=True, timeout=TIMEOUT
    )
    return float(done.stdout)


def tool_list_bytes(root: Path, package: str) -> int:
    """Bytes of the tools/list result the SDK client received over stdio (compact JSON)."""
    _, listed = first_list(root, package)
    return len(listed.model_dump_json(by_alias=True, exclude_none=True).encode())


def data_bytes(root: Path, package: str) -> int:
    """Bytes of the generated data files: spec.json and operations.json."""
    return sum((root / package / name).stat().st_size for name in ("spec.json", "operations.json"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("document", nargs="?", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    document = args.document or corpus()["github-rest"].path
    size = document.stat().st_size
    print(f"document: {document.name} ({size / 1e6:.1f} MB)")
    with tempfile.TemporaryDirectory() as tmp:
        for mode in MODES:
            out = Path(tmp) / mode
            runs = [
                generate(document, out, mode) for _ in range(args.runs if mode == "auto" else 1)
            ]
            seconds = min(r[0] for r in runs)
            peak = max(r[1] for r in runs)
            package = runs[0][2]
            listed = tool_list_bytes(out, package)
            data = data_bytes(out, package)
            label = f"--output-schema {mode}"
            print(
                f"{label:24} generate {seconds:5.2f} s, peak {peak:4.0f} MB; "
                f"tools/list {listed / 1e6:5.2f} MB ({listed / 2**20:.2f} MiB); "
                f"data files {data / 1e6:.2f} MB"
            )
        out = Path(tmp) / "auto"
        starts = [cold_start(out, package_of(out)) for _ in range(args.runs)]
        sdk = min(sdk_import_seconds() for _ in range(args.runs))
        print(
            f"cold start to first tools/list ({starts[0][1]} tools, stdio): "
            f"{min(s[0] for s in starts):.2f} s (import of mcp.server alone: {sdk:.2f} s)"
        )
    print(json.dumps({"targets": {"generate_s": 0.6, "cold_start_s": 1.0, "tools_list_mb": 2.0}}))


if __name__ == "__main__":
    main()
