"""Benchmark ``mcpgen models`` against plain datamodel-code-generator.

Run by hand: ``python benchmarks/models.py``. Prints wall seconds (best of N
runs, libraries already imported) for generating every bundled version with
mcpgen and with datamodel-code-generator's library on the same schemas, their
ratio (target <= 1.5x), and the time to import one generated version module in
a fresh interpreter (target < 0.3 s).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from datamodel_code_generator import DataModelType, InputFileType, generate
from mcpgen import generate_models
from mcpgen.models.schema import bundled_versions
from mcpgen.pipeline import write_tree

SPEC = Path(__file__).resolve().parent.parent / "spec" / "mcp"


def best_of(runs: int, job: object) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        job()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return min(times)


def datamodel_codegen_all(out: Path) -> None:
    for version in bundled_versions():
        generate(
            SPEC / version / "schema.json",
            input_file_type=InputFileType.JsonSchema,
            output=out / f"{version.replace('-', '_')}.py",
            output_model_type=DataModelType.PydanticV2BaseModel,
            disable_timestamp=True,
        )


def import_seconds(package_root: Path, module: str) -> tuple[float, float]:
    probe = (
        "import time; t0 = time.perf_counter(); import pydantic; t1 = time.perf_counter(); "
        f"import {module}; t2 = time.perf_counter(); print(t2 - t1, t2 - t0)"
    )
    best = (float("inf"), float("inf"))
    for _ in range(5):
        out = subprocess.run(
            [sys.executable, "-c", probe],
            cwd=package_root,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.split()
        best = min(best, (float(out[0]), float(out[1])))
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    versions = bundled_versions()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        mcpgen_s = best_of(args.runs, lambda: write_tree(root / "mcp_models", generate_models()))
        dmcg_s = best_of(args.runs, lambda: datamodel_codegen_all(root / "dmcg"))
        module_s, total_s = import_seconds(root, "mcp_models.v2026_07_28")
    print(f"versions:                         {len(versions)} ({versions[0]} .. {versions[-1]})")
    print(f"mcpgen models (all versions):     {mcpgen_s:.2f} s")
    print(f"datamodel-codegen (same schemas): {dmcg_s:.2f} s")
    print(f"ratio mcpgen / datamodel-codegen: {mcpgen_s / dmcg_s:.2f}x (target <= 1.5x)")
    print(f"import v2026_07_28 (pydantic already imported): {module_s:.3f} s (target < 0.3 s)")
    print(f"import v2026_07_28 including pydantic:          {total_s:.3f} s")


if __name__ == "__main__":
    main()
