"""Benchmark ``mcpgen server --openapi`` on large APIs, in the default tools mode.

Run by hand::

    python benchmarks/large.py [--runs N] [--skip-competitor] [--synthetic-operations N]
        [--skip-directory]

The APIs: GitHub's REST document, the same written as YAML (block style, strings that
YAML 1.2 would read as numbers or booleans quoted), Stripe's, Kubernetes 1.13 (the corpus
of ``tests/corpus.py``, fetched when missing); from APIs.guru's directory
(``benchmarks/directory.py``, fetched when missing; ``--skip-directory`` leaves them out)
Microsoft Graph v1.0 (11,422 operations, 20 MB) and DocuSign's eSignature API (2.8 MB,
whose request schemas are shared by many operations); and a synthetic document of at least
``--synthetic-operations`` operations (default 11,000; 0 leaves it out), built in a
temporary directory from GitHub's: its ``paths`` as they are, and again under ``/v2``,
``/v3``, ... (every operationId suffixed ``-v2``, ``-v3``, ...; components shared)
until there are enough operations that mcpgen generates (deprecated ones are left out).

For each API it prints:

1. generation: wall time and peak RSS of the whole ``mcpgen server`` process (a fresh
   process each run: ``ru_maxrss`` of a child, as ``benchmarks/openapi.py`` measures),
   in the default ``--tools-mode auto``;
2. data files: bytes of every ``*.json`` in the generated package, and their ratio to
   the document's size;
3. ``tools/list`` bytes as the MCP SDK client receives them over stdio, with
   ``--tools-mode operations`` and in the default mode, and the mode ``auto`` chose;
4. cold start: spawning ``python -m <package>`` over stdio until the first
   ``tools/list`` answer, in each mode, beside the bundled petstore's server
   (generated with defaults), and the ratio of the discovery server's to petstore's
   (best of at least 3 starts each, every discovery start right after a petstore one,
   so that a change in the machine's load does not pass for a difference);
5. search latency over stdio: the first ``search_operations`` call right after the first
   ``tools/list`` (the index is built then), the first one ``READING_PAUSE`` seconds
   after it (as a client's model reads the list: the server builds its index meanwhile),
   and a warm one (the best of the later calls, one of them in that paused session: a
   large API's warm-up may still run beside a second search made at once);
6. search quality, for the APIs with a query set in ``benchmarks/queries/``: Recall@1,
   Recall@5 and MRR (reciprocal rank of the first right answer in the top 10, else 0)
   of mcpgen's search (``mcpgen.runtime.search.Index`` over ``search.json``) and of a
   plain BM25 baseline (``bm25s`` over lower-cased ``[a-z0-9]+`` tokens of each tool's
   name, title, description and HTTP path, from ``operations.json``); and whether
   ``search_operations`` over stdio gives the same results as ``Index`` directly.
   Three times: on the query set the method was first tuned with, on ``queries/dev/``
   (written apart from the method and the first set, then also used to tune it; six
   APIs, see ``benchmarks/search_quality.py``), and on ``queries/heldout/``,
   requests written independently (by someone who saw neither the method nor the tuned
   set) and never used to tune it: the held-out figures are the ones to trust;
7. the competitor, openapi-mcp-generator 4.0.1 (installed from npm with the system
   ``npm`` into ``~/.cache/mcpgen-bench``, run with the Node 24 of ``tests/prism.py``):
   its wall time and peak RSS on the same document, measured the same way (each of its
   runs right after one of ours, so that both see the machine alike), and our/their
   ratios (``--skip-competitor`` leaves it out). For information beside the time ratio:
   the same ratio with each tool's start-up taken off (its best time generating the
   bundled petstore, nine operations, measured once before the APIs), i.e. what the
   document itself costs each.

Times are the best of ``--runs`` (default 3, and 1 for Microsoft Graph and the synthetic
document), as is peak RSS. At the end: two summary tables and one JSON line of all figures.

Targets: data files <= 3x the document; default-mode ``tools/list`` < 100 KB; discovery
cold start <= 1.5x petstore's; generation time <= 0.5x the competitor's and peak memory
< 1x its (<= 0.5x on the documents of about 11,000 operations).
"""

from __future__ import annotations

import argparse
import compileall
import contextlib
import fcntl
import json
import math
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import anyio
import bm25s  # type: ignore[import-untyped, import-not-found, unused-ignore]
import numpy
from mcp import Client, StdioServerParameters
from mcp.client.stdio import stdio_client
from mcpgen.runtime.search import Index  # type: ignore[import-not-found, unused-ignore]

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.directory import document as directory_document
from benchmarks.runs import TIMEOUT, Run, best, measured
from tests.corpus import corpus
from tests.prism import ensure_prism

QUERIES = ROOT / "benchmarks" / "queries"
DEV = QUERIES / "dev"
"""Requests written apart from the method and the first set, and used to tune it too."""
HELDOUT = QUERIES / "heldout"
"""Requests written apart from the search method and never used to tune it."""
PETSTORE = ROOT / "spec" / "openapi" / "petstore.yaml"
CACHE = Path.home() / ".cache" / "mcpgen-bench"
COMPETITOR = "openapi-mcp-generator"
COMPETITOR_VERSION = "4.0.1"
INSTALL_TIMEOUT = 900.0
TOP = 10
"""Results ranked per query: MRR counts the first right answer within these."""
CHECKED_QUERIES = 5
"""Queries sent over MCP to check that the server ranks as ``Index`` does."""
READING_PAUSE = 3.0
"""Seconds between ``tools/list`` and a first search, as a client's model reads the list."""
MAX_COPIES = 100
"""Copies of GitHub's paths the synthetic document may have at most."""
METHODS = frozenset({"get", "put", "post", "delete", "patch", "options", "head", "trace"})
TARGETS = {
    "data_ratio": 3.0,
    "tools_list_default_bytes": 100_000,
    "cold_start_vs_petstore": 1.5,
    "time_vs_competitor": 0.5,
    "memory_vs_competitor": 1.0,
    "memory_vs_competitor_huge": 0.5,
}
_MODE = re.compile(r"tools mode (\w+)")
_TOKEN = re.compile(r"[a-z0-9]+")


@dataclass(frozen=True)
class Query:
    query: str
    answers: frozenset[str]


@dataclass(frozen=True)
class Api:
    key: str
    name: str
    document: Path
    runs: int
    queries: tuple[Query, ...] = ()
    dev: tuple[Query, ...] = ()
    heldout: tuple[Query, ...] = ()
    quality: bool = False
    huge: bool = False
    """An API of about 11,000 operations: its memory target is half the competitor's."""


@dataclass
class Session:
    """One server process over stdio: tools/list, then some ``search_operations`` calls."""

    start_seconds: float
    list_bytes: int
    tools: int
    search_seconds: list[float] = field(default_factory=list)
    results: list[list[str]] = field(default_factory=list)


# --- running things ---------------------------------------------------------------------


def generate(
    document: Path, out: Path, name: str, mode: str, search: str = "hybrid"
) -> tuple[Run, str, str]:
    """One ``mcpgen server`` run into a fresh ``out``: the run, the package, the mode chosen."""
    shutil.rmtree(out, ignore_errors=True)
    command = [sys.executable, "-m", "mcpgen", "server", "--openapi", str(document)]
    command += ["--out", str(out), "--name", name, "--tools-mode", mode, "--search", search]
    command += ["--quiet"]
    run = measured(command, out.with_name(out.name + ".log"))
    if run.code != 0:
        raise RuntimeError(
            f"mcpgen server failed on {document.name} (exit {run.code}): {run.last_error_line()}"
        )
    found = _MODE.search(run.stdout + run.stderr)
    return run, package_of(out), found.group(1) if found else "?"


def package_of(out: Path) -> str:
    """The generated package: the directory of ``out`` that holds ``spec.json``."""
    found = sorted(out.glob("*/spec.json"))
    if len(found) != 1:
        raise RuntimeError(f"expected one package with spec.json in {out}, found {found}")
    return found[0].parent.name


def data_bytes(root: Path, package: str) -> int:
    """Bytes of the generated data files: every ``*.json`` of the package."""
    return sum(path.stat().st_size for path in (root / package).glob("*.json"))


def session(root: Path, package: str, queries: Sequence[str] = (), pause: float = 0.0) -> Session:
    """Start the server over stdio, list its tools, wait ``pause`` seconds, then search for
    each query in turn."""

    async def run() -> Session:
        params = StdioServerParameters(
            command=sys.executable, args=["-m", package], env={"PYTHONPATH": str(root)}
        )
        # The server's log (a line per tool call) goes to a file beside the project, not
        # among the benchmark's lines.
        with anyio.fail_after(TIMEOUT), (root / "server.log").open("a") as log:
            start = time.perf_counter()
            async with Client(stdio_client(params, errlog=log), mode="legacy") as client:
                listed = await client.list_tools()
                seconds = time.perf_counter() - start
                size = len(listed.model_dump_json(by_alias=True, exclude_none=True).encode())
                found = Session(seconds, size, len(listed.tools))
                await anyio.sleep(pause)
                for query in queries:
                    began = time.perf_counter()
                    result = await client.call_tool(
                        "search_operations", {"query": query, "limit": TOP}
                    )
                    found.search_seconds.append(time.perf_counter() - began)
                    if result.is_error or result.structured_content is None:
                        raise RuntimeError(f"search_operations({query!r}) failed: {result}")
                    rows = result.structured_content.get("results", [])
                    found.results.append([str(row["operation"]) for row in rows])
                return found

    return anyio.run(run)


# --- the documents ----------------------------------------------------------------------


def load_queries(name: str, folder: Path = QUERIES) -> tuple[Query, ...]:
    path = folder / f"{name}.json"
    if not path.is_file():
        return ()
    data = json.loads(path.read_text("utf-8"))
    return tuple(Query(q["query"], frozenset(q["answers"])) for q in data["queries"])


def generated_operations(document: dict[str, Any]) -> int:
    """Operations of a document that mcpgen generates by default (not deprecated)."""
    return sum(
        1
        for item in document["paths"].values()
        for method, op in item.items()
        if method in METHODS and isinstance(op, dict) and not op.get("deprecated")
    )


def yaml_document(source: Path, target: Path) -> None:
    """Write a JSON document as YAML, as YAML 1.2 tools write it: block style, and strings
    that YAML 1.2 would read as another type (``"017"``, ``"1e3"``, ``"true"``) quoted."""
    import yaml
    from mcpgen.openapi.yamlread import (  # type: ignore[import-not-found, unused-ignore]
        _YAML12_BOOL,
        _YAML12_FLOAT,
        _YAML12_INT,
    )

    plain_null = {"", "~", "null", "Null", "NULL"}

    class Dumper(yaml.CSafeDumper):  # type: ignore[misc, name-defined, unused-ignore]
        pass

    def string(dumper: Any, text: str) -> Any:
        typed = text in plain_null or any(
            pattern.match(text) for pattern in (_YAML12_BOOL, _YAML12_INT, _YAML12_FLOAT)
        )
        return dumper.represent_scalar("tag:yaml.org,2002:str", text, style="'" if typed else None)

    Dumper.add_representer(str, string)
    document = json.loads(source.read_text("utf-8"))
    with target.open("w", encoding="utf-8") as out:
        yaml.dump(document, out, Dumper=Dumper, sort_keys=False, allow_unicode=True, width=100)


def synthetic_document(source: Path, target: Path, wanted: int) -> tuple[int, int]:
    """Write GitHub's document with its paths copied under ``/v2``, ``/v3``, ... until it
    has at least ``wanted`` operations; return how many it has, and the number of copies
    of the paths (the original included)."""
    document: dict[str, Any] = json.loads(source.read_text("utf-8"))
    original: dict[str, Any] = document["paths"]
    per_copy = generated_operations(document)
    if per_copy == 0:
        raise RuntimeError(f"{source} has no operations")
    copies = max(1, math.ceil(wanted / per_copy))
    if copies > MAX_COPIES:
        raise RuntimeError(f"{wanted} operations need {copies} copies; at most {MAX_COPIES}")
    paths: dict[str, Any] = dict(original)
    for version in range(2, copies + 1):
        for path, item in original.items():
            copied: dict[str, Any] = {}
            for key, value in item.items():
                if key in METHODS and isinstance(value, dict) and "operationId" in value:
                    value = {**value, "operationId": f"{value['operationId']}-v{version}"}
                copied[key] = value
            paths[f"/v{version}{path}"] = copied
    document["paths"] = paths
    target.write_text(json.dumps(document, indent=2, ensure_ascii=False), "utf-8")
    return generated_operations(document), copies


# --- search quality ---------------------------------------------------------------------


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text.lower())


class Baseline:
    """Plain BM25 over each tool's name, title, description and HTTP path."""

    def __init__(self, tools: Sequence[dict[str, Any]]) -> None:
        self.keys = [f"{t['http']['method']} {t['http']['path']}" for t in tools]
        corpus_tokens = [
            tokens(" ".join([t["name"], t["title"], t["description"], t["http"]["path"]]))
            or ["\x00"]
            for t in tools
        ]
        self.bm25 = bm25s.BM25()
        self.bm25.index(corpus_tokens, show_progress=False)

    def search(self, query: str, limit: int = TOP) -> list[str]:
        wanted = [t for t in tokens(query) if t in self.bm25.vocab_dict]
        if not wanted:
            return []
        scores = numpy.asarray(self.bm25.get_scores(wanted), dtype="float64")
        order = numpy.argsort(-scores, kind="stable")[:limit]
        return [self.keys[int(i)] for i in order if scores[int(i)] > 0]


def rank(found: Sequence[str], answers: frozenset[str]) -> int | None:
    """1-based position of the first right answer among the top results, if any."""
    for position, key in enumerate(found[:TOP], start=1):
        if key in answers:
            return position
    return None


def quality(ranks: Sequence[int | None]) -> dict[str, float]:
    count = max(len(ranks), 1)
    return {
        "recall_at_1": sum(1 for r in ranks if r == 1) / count,
        "recall_at_5": sum(1 for r in ranks if r is not None and r <= 5) / count,
        "mrr": sum(1 / r for r in ranks if r is not None) / count,
    }


@dataclass(frozen=True)
class Ranked:
    """One request's results: mcpgen's (as ``METHOD /path``), and the ranks of the first
    right answer in mcpgen's and in plain BM25's."""

    query: Query
    found: list[str]
    ours: int | None
    theirs: int | None


def ranked(package_dir: Path, queries: Sequence[Query]) -> list[Ranked]:
    """Each request ranked by mcpgen's search over the package's ``search.json`` and by
    plain BM25 over its ``operations.json``."""
    index = Index(json.loads((package_dir / "search.json").read_text("utf-8")))
    tools = json.loads((package_dir / "operations.json").read_text("utf-8"))["tools"]
    baseline = Baseline(tools)
    out = []
    for q in queries:
        found = [f"{r['method']} {r['path']}" for r in index.search(q.query, TOP)]
        out.append(
            Ranked(q, found, rank(found, q.answers), rank(baseline.search(q.query), q.answers))
        )
    return out


def search_quality(package_dir: Path, queries: Sequence[Query]) -> dict[str, dict[str, float]]:
    results = ranked(package_dir, queries)
    return {
        "mcpgen": quality([r.ours for r in results]),
        "bm25": quality([r.theirs for r in results]),
    }


# --- the competitor ---------------------------------------------------------------------


@contextlib.contextmanager
def locked(path: Path) -> Iterator[None]:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a") as handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def competitor_cli() -> Path:
    """openapi-mcp-generator's CLI script, installed with npm into the cache if needed."""
    final = CACHE / f"{COMPETITOR}-{COMPETITOR_VERSION}"
    stamp = final / ".complete"
    with locked(final.with_name(final.name + ".lock")):
        if not stamp.is_file():
            npm = shutil.which("npm")
            if npm is None:
                raise RuntimeError("npm is not on PATH")
            staging = Path(tempfile.mkdtemp(prefix=f".{final.name}.tmp-", dir=CACHE))
            try:
                command = [npm, "install", "--prefix", str(staging), "--no-audit", "--no-fund"]
                command += ["--no-update-notifier", "--engine-strict=false", "--ignore-scripts"]
                command += [f"{COMPETITOR}@{COMPETITOR_VERSION}"]
                done = subprocess.run(
                    command,
                    cwd=staging,
                    capture_output=True,
                    text=True,
                    timeout=INSTALL_TIMEOUT,
                    check=False,
                )
                if done.returncode != 0:
                    tail = "\n".join(done.stderr.strip().splitlines()[-10:])
                    raise RuntimeError(f"npm install {COMPETITOR} failed:\n{tail}")
                (staging / ".complete").write_text(f"{COMPETITOR} {COMPETITOR_VERSION}\n")
                shutil.rmtree(final, ignore_errors=True)
                staging.rename(final)
            finally:
                shutil.rmtree(staging, ignore_errors=True)
    package = final / "node_modules" / COMPETITOR
    manifest = json.loads((package / "package.json").read_text("utf-8"))
    if manifest["version"] != COMPETITOR_VERSION:
        raise RuntimeError(f"{package} is version {manifest['version']}")
    bins = manifest["bin"]
    entry = bins if isinstance(bins, str) else bins[COMPETITOR]
    return (package / entry).resolve()


def run_competitor(node: Path, cli: Path, document: Path, out: Path) -> Run:
    shutil.rmtree(out, ignore_errors=True)
    command = [str(node), str(cli), "--input", str(document), "--output", str(out)]
    return measured(command, out.with_name(out.name + ".log"), cwd=out.parent)


# --- one API ----------------------------------------------------------------------------


def ok(good: bool) -> str:
    return "ok" if good else "MISS"


def kb(size: float) -> str:
    return f"{size / 1000:,.1f} KB"


def measure(
    api: Api,
    work: Path,
    petstore: Callable[[], float],
    competitor: tuple[Path, Path] | None,
    startup: tuple[float, float] | None = None,
) -> dict[str, Any]:
    figures: dict[str, Any] = {"document_bytes": api.document.stat().st_size}
    size = figures["document_bytes"]
    base = work / api.key
    base.mkdir()

    # 1-2. Generation in the default mode, and its data files. Each run of ours is followed
    # by one of the competitor's (section 7), so that a change in the machine's speed
    # during the benchmark does not pass for a difference between the two.
    runs: list[Run] = []
    theirs: list[Run] = []
    for i in range(api.runs):
        run, package, chosen = generate(api.document, base / "auto", api.name, "auto")
        runs.append(run)
        line = f"  generate run {i + 1}: {run.seconds:.2f} s, {run.peak_mb:.0f} MB"
        if competitor is not None:
            theirs.append(run_competitor(*competitor, api.document, base / "competitor"))
            line += f" (then {COMPETITOR}: {theirs[-1].seconds:.2f} s)"
        print(line, flush=True)
    gen = best(runs)
    auto_root = base / "auto"
    spec = json.loads((auto_root / package / "spec.json").read_text("utf-8"))
    data = data_bytes(auto_root, package)
    figures.update(
        operations=spec.get("operationCount"),
        auto_mode=chosen,
        generate_s=gen.seconds,
        generate_peak_mb=gen.peak_mb,
        data_bytes=data,
        data_ratio=data / size,
    )
    print(
        f"  operations {spec.get('operationCount')}, document {size / 1e6:.1f} MB; "
        f"auto chose {chosen}"
    )
    print(f"  generate (auto): {gen.seconds:.2f} s, peak {gen.peak_mb:.0f} MB (best of {api.runs})")
    print(
        f"  data files: {data / 1e6:.2f} MB = {data / size:.2f}x the document "
        f"(target <= {TARGETS['data_ratio']:.0f}x: {ok(data / size <= TARGETS['data_ratio'])})"
    )

    # 3-4. tools/list and cold start, operations mode.
    ops_run, ops_package, _ = generate(api.document, base / "operations", api.name, "operations")
    figures["generate_operations_s"] = ops_run.seconds
    ops_sessions = [session(base / "operations", ops_package) for _ in range(api.runs)]
    ops_list = ops_sessions[0].list_bytes
    ops_start = min(s.start_seconds for s in ops_sessions)
    figures.update(tools_list_operations_bytes=ops_list, cold_start_operations_s=ops_start)
    print(
        f"  operations mode: tools/list {ops_sessions[0].tools} tools, {kb(ops_list)}; "
        f"cold start {ops_start:.2f} s"
    )

    # 3-5. Default mode: tools/list, cold start, first and warm search.
    discovery_root, discovery_package = auto_root, package
    if chosen != "discovery":
        generate(api.document, base / "discovery", api.name, "discovery")
        discovery_root = base / "discovery"
        discovery_package = package_of(discovery_root)
    auto_sessions = [session(auto_root, package) for _ in range(api.runs)]
    auto_list = auto_sessions[0].list_bytes
    auto_start = min(s.start_seconds for s in auto_sessions)
    figures.update(tools_list_default_bytes=auto_list, cold_start_default_s=auto_start)
    print(
        f"  default mode ({chosen}): tools/list {auto_sessions[0].tools} tools, {kb(auto_list)} "
        f"(target < {kb(TARGETS['tools_list_default_bytes'])}: "
        f"{ok(auto_list < TARGETS['tools_list_default_bytes'])}); cold start {auto_start:.2f} s"
    )
    texts = [q.query for q in api.queries[:CHECKED_QUERIES]] or [
        "list my repositories",
        "create an issue",
    ]
    # Each discovery start beside a petstore start: the machine's load changes over a run.
    searched: list[Session] = []
    petstore_starts: list[float] = []
    for _ in range(max(api.runs, 3)):
        petstore_starts.append(petstore())
        searched.append(session(discovery_root, discovery_package, texts))
    discovery_start = min(s.start_seconds for s in searched)
    petstore_start = min(petstore_starts)
    first = min(s.search_seconds[0] for s in searched)
    # Warm: a search after the first, in a session whose warm-up is over (a large API's
    # goes on beside the first searches of a session that searches at once).
    read = session(discovery_root, discovery_package, texts[:1] * 2, READING_PAUSE)
    first_after = read.search_seconds[0]
    warm = min(
        min(min(s.search_seconds[1:], default=math.inf) for s in searched), *read.search_seconds[1:]
    )
    ratio = discovery_start / petstore_start
    index = Index(json.loads((discovery_root / discovery_package / "search.json").read_text()))
    direct = [[str(r["operation"]) for r in index.search(text, TOP)] for text in texts]
    matches = all(s.results == direct for s in searched)
    figures.update(
        cold_start_discovery_s=discovery_start,
        cold_start_petstore_s=petstore_start,
        cold_start_vs_petstore=ratio,
        first_search_s=first,
        first_search_after_pause_s=first_after,
        warm_search_s=warm,
        search_over_mcp_matches=matches,
    )
    print(
        f"  discovery cold start {discovery_start:.2f} s = {ratio:.2f}x petstore's "
        f"({petstore_start:.2f} s, measured beside it) "
        f"(target <= {TARGETS['cold_start_vs_petstore']}: "
        f"{ok(ratio <= TARGETS['cold_start_vs_petstore'])})"
    )
    print(
        f"  search over stdio: first call {first:.3f} s ({first_after:.3f} s when "
        f"{READING_PAUSE:g} s after tools/list), warm call {warm:.3f} s"
    )
    print(f"  search over MCP matches: {'yes' if matches else 'no'} ({len(texts)} queries)")

    # 6. Search quality.
    for label, key, queries in (
        ("tuned", "quality", api.queries),
        ("dev", "quality_dev", api.dev),
        ("held-out", "quality_heldout", api.heldout),
    ):
        if not (api.quality and queries):
            continue
        scores = search_quality(discovery_root / discovery_package, queries)
        figures[key] = scores
        for who, got in scores.items():
            print(
                f"  quality {label:8} {who:6} ({len(queries)} queries): "
                f"R@1 {got['recall_at_1']:.3f}, R@5 {got['recall_at_5']:.3f}, "
                f"MRR {got['mrr']:.3f}"
            )

    # 7. The competitor.
    if competitor is not None:
        failed = [r for r in theirs if r.code != 0]
        if failed:
            figures["competitor"] = {"failed": True, "error": failed[0].last_error_line()}
            print(
                f"  {COMPETITOR} {COMPETITOR_VERSION} FAILED (exit {failed[0].code}): "
                f"{failed[0].last_error_line()}"
            )
        else:
            them = best(theirs)
            time_ratio = gen.seconds / them.seconds
            memory_ratio = gen.peak_mb / them.peak_mb
            memory_target = TARGETS[
                "memory_vs_competitor_huge" if api.huge else "memory_vs_competitor"
            ]
            memory_good = (
                memory_ratio <= memory_target if api.huge else memory_ratio < memory_target
            )
            beyond = None
            if startup is not None and them.seconds > startup[1]:
                beyond = (gen.seconds - startup[0]) / (them.seconds - startup[1])
            figures["competitor"] = {
                "failed": False,
                "generate_s": them.seconds,
                "generate_peak_mb": them.peak_mb,
                "time_ratio": time_ratio,
                "time_ratio_beyond_startup": beyond,
                "memory_ratio": memory_ratio,
            }
            print(
                f"  {COMPETITOR} {COMPETITOR_VERSION}: {them.seconds:.2f} s, "
                f"peak {them.peak_mb:.0f} MB (best of {api.runs})"
            )
            print(
                f"  ours/theirs: time {time_ratio:.2f} (target <= "
                f"{TARGETS['time_vs_competitor']}: "
                f"{ok(time_ratio <= TARGETS['time_vs_competitor'])}), memory "
                f"{memory_ratio:.2f} (target {'<=' if api.huge else '<'} {memory_target}: "
                f"{ok(memory_good)})"
            )
            if startup is not None and beyond is not None:
                print(
                    f"  beyond start-up: ours {gen.seconds - startup[0]:.2f} s, theirs "
                    f"{them.seconds - startup[1]:.2f} s, ratio {beyond:.2f} (information)"
                )
    shutil.rmtree(base, ignore_errors=True)
    return figures


# --- the report -------------------------------------------------------------------------


def table(rows: list[list[str]]) -> None:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for row in rows:
        print("  ".join(cell.rjust(width) for cell, width in zip(row, widths, strict=True)))


def summary(results: dict[str, dict[str, Any]]) -> None:
    def num(value: Any, spec: str) -> str:
        return "-" if value is None else format(value, spec)

    rows = [["api", "ops", "doc MB", "gen s", "peak MB", "data x", "their s", "their MB"]]
    rows[0] += ["time x", "work x", "mem x"]
    for key, f in results.items():
        them = f.get("competitor") or {}
        failed = them.get("failed", False)
        rows.append(
            [
                key,
                num(f["operations"], "d"),
                num(f["document_bytes"] / 1e6, ".1f"),
                num(f["generate_s"], ".2f"),
                num(f["generate_peak_mb"], ".0f"),
                num(f["data_ratio"], ".2f"),
                "failed" if failed else num(them.get("generate_s"), ".2f"),
                "failed" if failed else num(them.get("generate_peak_mb"), ".0f"),
                num(them.get("time_ratio"), ".2f"),
                num(them.get("time_ratio_beyond_startup"), ".2f"),
                num(them.get("memory_ratio"), ".2f"),
            ]
        )
    print()
    table(rows)
    rows = [["api", "mode", "list ops KB", "list KB", "cold ops s", "cold s", "vs pet"]]
    rows[0] += ["1st search s", "after pause", "warm s", "MCP=", "R@1", "R@5", "MRR"]
    rows[0] += ["bm25 R@5"]
    rows[0] += ["dev R@5", "held-out R@5", "bm25 R@5"]
    for key, f in results.items():
        ours = f.get("quality", {}).get("mcpgen", {})
        plain = f.get("quality", {}).get("bm25", {})
        dev = f.get("quality_dev", {}).get("mcpgen", {})
        held = f.get("quality_heldout", {}).get("mcpgen", {})
        held_plain = f.get("quality_heldout", {}).get("bm25", {})
        rows.append(
            [
                key,
                f["auto_mode"],
                num(f["tools_list_operations_bytes"] / 1000, ",.0f"),
                num(f["tools_list_default_bytes"] / 1000, ",.1f"),
                num(f["cold_start_operations_s"], ".2f"),
                num(f["cold_start_default_s"], ".2f"),
                num(f["cold_start_vs_petstore"], ".2f"),
                num(f["first_search_s"], ".3f"),
                num(f["first_search_after_pause_s"], ".3f"),
                num(f["warm_search_s"], ".3f"),
                "yes" if f["search_over_mcp_matches"] else "no",
                num(ours.get("recall_at_1"), ".3f"),
                num(ours.get("recall_at_5"), ".3f"),
                num(ours.get("mrr"), ".3f"),
                num(plain.get("recall_at_5"), ".3f"),
                num(dev.get("recall_at_5"), ".3f"),
                num(held.get("recall_at_5"), ".3f"),
                num(held_plain.get("recall_at_5"), ".3f"),
            ]
        )
    print()
    table(rows)


def installed_like() -> None:
    """Compile mcpgen's modules, as pip does when it installs a package: where bytecode may
    not be written (PYTHONDONTWRITEBYTECODE), an editable checkout would otherwise compile
    them anew on every run, which no installed mcpgen does."""
    import mcpgen

    for folder in mcpgen.__path__:
        compileall.compile_dir(folder, quiet=1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--runs",
        type=int,
        help="best of N runs (default: 3, and 1 for Microsoft Graph and the synthetic document)",
    )
    parser.add_argument("--skip-competitor", action="store_true")
    parser.add_argument(
        "--skip-directory", action="store_true", help="leave out Microsoft Graph and DocuSign"
    )
    parser.add_argument(
        "--synthetic-operations",
        type=int,
        default=11_000,
        help="operations of the synthetic document (at least; 0: leave it out)",
    )
    args = parser.parse_args()
    if args.runs is not None and args.runs < 1:
        parser.error("--runs must be at least 1")
    documents = corpus()
    runs = args.runs or 3
    apis = [
        Api(
            key,
            key,
            documents[doc].path,
            runs,
            load_queries(key),
            load_queries(key, DEV),
            load_queries(key, HELDOUT),
            quality=True,
        )
        for key, doc in (
            ("github", "github-rest"),
            ("stripe", "stripe"),
            ("kubernetes", "kubernetes-1.13"),
        )
    ]
    competitor: tuple[Path, Path] | None = None
    if not args.skip_competitor:
        cli = competitor_cli()
        node = Path(ensure_prism()[0])
        competitor = (node, cli)
        print(f"competitor: {COMPETITOR} {COMPETITOR_VERSION} ({cli}), node {node}")
    installed_like()
    results: dict[str, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory(prefix="mcpgen-large-") as tmp:
        work = Path(tmp)
        as_yaml = work / "github-rest.yaml"
        yaml_document(documents["github-rest"].path, as_yaml)
        print(f"GitHub's document as YAML: {as_yaml.stat().st_size / 1e6:.1f} MB")
        apis.insert(1, Api("github-yaml", "github-yaml", as_yaml, runs))
        if not args.skip_directory:
            apis.append(Api("docusign", "docusign", directory_document("docusign.net"), runs))
            graph = directory_document("microsoft.com/graph")
            apis.append(Api("graph", "graph", graph, args.runs or 1, huge=True))
        if args.synthetic_operations > 0:
            synthetic = work / "synthetic.json"
            count, copies = synthetic_document(
                documents["github-rest"].path, synthetic, args.synthetic_operations
            )
            print(
                f"synthetic document: {count:,} operations, "
                f"{synthetic.stat().st_size / 1e6:.1f} MB (GitHub's paths, and again under "
                f"/v2 to /v{copies})"
            )
            queries = load_queries("github")
            runs_synthetic = args.runs or 1
            apis.append(
                Api(
                    f"synthetic-{count}",
                    "synthetic",
                    synthetic,
                    runs_synthetic,
                    queries,
                    huge=True,
                )
            )

        _, petstore_package, petstore_mode = generate(
            PETSTORE, work / "petstore", "petstore", "auto"
        )
        petstore_sessions = [session(work / "petstore", petstore_package) for _ in range(runs)]
        petstore_start = min(s.start_seconds for s in petstore_sessions)
        print(
            f"petstore ({petstore_mode}, {petstore_sessions[0].tools} tools): "
            f"cold start {petstore_start:.2f} s"
        )

        def petstore() -> float:
            return session(work / "petstore", petstore_package).start_seconds

        startup: tuple[float, float] | None = None
        if competitor is not None:
            ours = best(
                [generate(PETSTORE, work / "startup", "petstore", "auto")[0] for _ in range(5)]
            )
            tries = [
                run_competitor(*competitor, PETSTORE, work / "startup-theirs") for _ in range(5)
            ]
            if all(run.code == 0 for run in tries):
                theirs = best(tries)
                startup = (ours.seconds, theirs.seconds)
                print(
                    f"start-up (generating petstore, best of 5): ours {ours.seconds:.2f} s, "
                    f"{COMPETITOR} {theirs.seconds:.2f} s"
                )

        for api in apis:
            print(f"\n{api.key}: {api.document.name}", flush=True)
            results[api.key] = measure(api, work, petstore, competitor, startup)
    summary(results)
    print(
        json.dumps(
            {
                "petstore_cold_start_s": petstore_start,
                "startup_s": startup,
                "apis": results,
                "targets": TARGETS,
                "competitor": (
                    None if args.skip_competitor else f"{COMPETITOR}@{COMPETITOR_VERSION}"
                ),
            }
        )
    )


if __name__ == "__main__":
    main()
