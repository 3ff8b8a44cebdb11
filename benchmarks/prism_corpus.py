"""Benchmark: do the requests of servers generated from the real-world corpus satisfy the
documents? Prism (``tests/prism.py``), which validates every request against the
document, is the judge.

Run by hand: ``python benchmarks/prism_corpus.py [--only ID ...]
[--directory N [--start K] [--sizes MIN:MAX]] [--jobs N] [--per-document SECONDS]
[--per-tool SECONDS] [--prism-startup SECONDS] [--details DIR]``.

``--directory N`` runs N documents of APIs.guru's directory (``benchmarks/directory.py``)
instead: an even spread, by id, over those of at most ``DIRECTORY_BYTES`` (Prism is slow to
start on large ones), named ``dir:<id>``. They are documents the method was never built on.
``--start K`` begins the spread at the K-th of them, for a sample with none in common;
``--sizes MIN:MAX`` takes documents of MIN to MAX bytes instead (large APIs: ``300000:``).

For each of the corpus documents (``tests/corpus.py``, fetched when missing): generate the
server with ``--tools-mode operations``, start Prism on the document (loopback only), and
call every tool twice through the official SDK client, in process: with a *required-only*
argument set (the simplest instance hypothesis-jsonschema draws from the tool's wire
``inputSchema``, which has only the required properties) and with a *full* one (the same
with every top-level property made required first). String query, header and cookie
parameters are drawn non-empty (Prism reads an empty value as a missing parameter); an
argument set the server's complete schema refuses (the wire schema may be summarised) is
drawn again from the complete schema. A draw gets ``--per-tool`` seconds; a tool whose
schema cannot be drawn in that time (or at all) is skipped and counted. The
outcome of each call is classified as ``tests/test_server_property.py`` does: accepted by
Prism, rejected (by reason), a known Prism limitation (by class; requests that would crash
Prism are not sent), a known mcpgen bug, refused by the server itself as invalid, or an
error. Each document runs in a child process bounded by ``--per-document`` seconds (the
tools not reached by then are counted).

Prints one block per document and the overall acceptance: of the calls whose arguments the
server accepted, the share Prism accepted (2xx), also without the calls that hit a known
Prism limitation. The last line is a JSON object of all the figures.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
import warnings
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.corpus import corpus

PER_DOCUMENT = 1200.0
"""Seconds one document may take: generation, Prism's start, drawing and calling."""
PER_TOOL = 5.0
"""Seconds one argument set may take to draw."""
CALL_TIMEOUT = 30.0
"""Seconds one call may take (Prism builds large mock responses slowly)."""
STARTUP = 300.0
"""Seconds Prism may take to start on a document (GitHub's 13 MB: about 20; Prism 5.16 had
not started on stripe's after 10 minutes)."""
DIRECTORY_BYTES = 300_000
"""Largest directory document ``--directory`` picks."""
SECTIONS = (
    "rejection_reasons",
    "limitations",
    "crash_avoided",
    "known_bugs",
    "prism_crashes",
    "output_mismatches",
    "accepted_notes",
    "invalid_reasons",
    "errors",
    "undrawable",
)
"""Counters of one document, by reason or class."""
KINDS = (
    "accepted",
    "output-mismatch",
    "rejected",
    "limitation",
    "crash-avoided",
    "known-bug",
    "invalid",
    "error",
    "crash",
    "prism-crash",
)
"""Outcomes of a call (tests/test_server_property.py's Outcome.kind)."""


class DrawTimeout(BaseException):
    """Raised by SIGALRM in a draw that takes too long (a BaseException, so that nothing
    on the way catches it)."""


def _alarm(signum: int, frame: object) -> None:
    raise DrawTimeout


@contextlib.contextmanager
def bounded(seconds: float) -> Iterator[None]:
    """Raise DrawTimeout after ``seconds``, and every 0.2 s after that until the block ends
    (hypothesis may swallow one raised inside a garbage-collection callback)."""
    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds, 0.2)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def draw(schema: dict[str, Any], seconds: float) -> tuple[dict[str, Any] | None, str]:
    """The simplest instance of ``schema``, or None and why not.

    Hypothesis tries the simplest choice sequence first, so ``find`` with only the
    generate phase returns the minimal instance (only required properties, empty strings,
    zeros, ...) at once; shrinking would only spend the time bound. A recursive schema,
    which hypothesis-jsonschema cannot resolve, is drawn from its references inlined
    :data:`REF_DEPTH` deep (any value below). A draw that fails flakily is retried once
    with a random seed. Patterns Python's ``re`` cannot read are left out.
    """
    from hypothesis import HealthCheck, Phase, find, settings
    from hypothesis_jsonschema import from_schema
    from mcpgen.runtime.outputs import python_patterns

    from tests.test_server_property import CUSTOM_FORMATS

    # hypothesis-jsonschema reads patterns with Python's re, which cannot read ECMA-262's
    # \p{L}: such a pattern is left out of the draw (the server may refuse what is drawn).
    schema = python_patterns(schema)

    options = settings(
        database=None,
        derandomize=True,
        max_examples=50,
        deadline=None,
        phases=(Phase.generate,),
        suppress_health_check=list(HealthCheck),
    )
    deadline = time.monotonic() + seconds
    why = ""
    for attempt in range(3):
        left = deadline - time.monotonic()
        if left <= 0:
            return None, why or "timeout"
        try:
            with bounded(left):
                found = find(
                    from_schema(schema, custom_formats=CUSTOM_FORMATS),
                    lambda _: True,
                    settings=options,
                )
        except DrawTimeout:
            return None, "timeout"
        except Exception as exc:  # noqa: BLE001 - any failure to draw is counted by its kind
            why = type(exc).__name__
            if why == "HypothesisRefResolutionError" and attempt == 0:
                try:
                    schema = inline(schema)
                except TooLarge:
                    return None, "too large to inline"
            elif why == "FlakyStrategyDefinition":
                options = settings(options, derandomize=False)
            else:
                return None, why
            continue
        if not isinstance(found, dict):
            return None, "not an object"
        return found, ""
    return None, why


REF_DEPTH = 4
"""How many times a reference is inlined on one path before it becomes any value."""
MAX_INLINED = 200_000
"""Nodes an inlined schema may have: past it (a schema whose references multiply, as
InfluxData's does, grew past 14 GB) the tool is counted as not drawable."""


class TooLarge(Exception):
    """A schema that inlines to more than ``MAX_INLINED`` nodes."""


def inline(schema: dict[str, Any], depth: int = REF_DEPTH) -> dict[str, Any]:
    """``schema`` with its local ``$ref``s replaced by what they point at, each at most
    ``depth`` times on one path (then ``{}``), and without ``$defs``."""
    root = schema

    def resolve(pointer: str) -> Any:
        target: Any = root
        for part in pointer.lstrip("#/").split("/"):
            part = part.replace("~1", "/").replace("~0", "~")
            target = target[int(part)] if isinstance(target, list) else target[part]
        return target

    made = [0]

    def walk(node: Any, seen: tuple[str, ...]) -> Any:
        made[0] += 1
        if made[0] > MAX_INLINED:
            raise TooLarge
        if isinstance(node, list):
            return [walk(item, seen) for item in node]
        if not isinstance(node, dict):
            return node
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#"):
            if seen.count(ref) >= depth:
                return {}
            rest = {k: v for k, v in node.items() if k != "$ref"}
            target = walk(resolve(ref), (*seen, ref))
            return {"allOf": [target, walk(rest, seen)]} if rest else target
        return {k: walk(v, seen) for k, v in node.items() if k not in ("$defs", "definitions")}

    out: dict[str, Any] = walk(schema, ())
    return out


def nonempty(schema: dict[str, Any], tool: dict[str, Any]) -> dict[str, Any]:
    """``schema`` with the plain string arguments that are query, header or cookie
    parameters at least one character long: Prism reads an empty value as a missing
    parameter, which would hide whatever else the request gets wrong."""
    where = {a["name"] for a in tool["http"]["args"] if a["in"] in ("query", "header", "cookie")}
    properties = dict(schema.get("properties") or {})
    for name in where & set(properties):
        value = properties[name]
        if isinstance(value, dict) and value.get("type") == "string" and "enum" not in value:
            properties[name] = {**value, "minLength": max(1, value.get("minLength", 0))}
    return {**schema, "properties": properties} if properties else schema


def full_schema(schema: dict[str, Any]) -> dict[str, Any]:
    """``schema`` with every top-level property required."""
    return {**schema, "required": sorted(schema.get("properties") or {})}


def reason(outcome: Any) -> str:
    """A rejection's reason without the names and values that vary from call to call."""
    from tests.test_server_property import validation_entries

    status = re.match(r"HTTP (\d{3})", outcome.detail)
    code = status.group(1) if status else "?"
    entries = outcome.entries or validation_entries(outcome.detail)
    if entries:
        first = entries[0]
        where = first["location"][0] if first["location"] else "?"
        message = re.sub(r"'[^']*'|\"[^\"]*\"", "'…'", first["message"])
        message = re.sub(r"\b(?:query|path|header) parameter \S+", r"parameter …", message)
        message = re.sub(r"\bproperty \S+", "property …", message)
        message = re.sub(r"\d+", "N", message)
        return f"{code} {where} {first['code']}: {message}".replace(" : ", ": ")
    kind = re.search(r'"type":"[^"#]*#(\w+)"', outcome.detail)
    return f"{code} {kind.group(1) if kind else outcome.detail.splitlines()[0][:60]}"


def run_document(
    doc_id: str, budget: float, per_tool: float, startup: float, details: Path | None
) -> dict[str, Any]:
    """Generate, start Prism, draw and call; the figures of one document."""
    from tests.server_support import generate, import_package
    from tests.test_server_property import Harness, credentials

    warnings.simplefilter("ignore")
    started = time.monotonic()
    path = document_path(doc_id)
    figures: dict[str, Any] = {"id": doc_id, "tools": 0, "calls": 0}
    counts: Counter[str] = Counter()
    sections: dict[str, Counter[str]] = {name: Counter() for name in SECTIONS}
    samples: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="prism-corpus-") as tmp:
        out = Path(tmp)
        name = "pc_" + re.sub(r"\W", "_", doc_id)
        package = generate(path, out, tools_mode="operations", name=name)
        server = import_package(out, package)
        spec = server.load_spec()
        os.environ.update(credentials(spec))
        # Loopback only: a redirect to another host (Prism answers with the document's
        # Location) goes to a closed local port instead of the network.
        dead = "http://127.0.0.1:9"
        os.environ.update(HTTP_PROXY=dead, HTTPS_PROXY=dead, ALL_PROXY=dead)
        os.environ["NO_PROXY"] = "127.0.0.1,localhost"
        figures["generate_s"] = round(time.monotonic() - started, 1)
        if not server.load_catalog(spec).names():
            figures["seconds"] = figures["generate_s"]
            return figures  # nothing to call (and Prism refuses a document without operations)
        harness = Harness(server, path, startup_timeout=startup, timeout=CALL_TIMEOUT)
        try:
            figures["prism_start_s"] = round(time.monotonic() - started, 1)
            names = harness.catalog.names()
            figures["tools"] = len(names)
            for index, tool in enumerate(names):
                if time.monotonic() - started > budget:
                    counts["not_reached"] += 2 * (len(names) - index)
                    break
                entry = harness.catalog.by_name[tool]
                schema = nonempty(harness.catalog.wire(tool)["inputSchema"], entry)
                drawable = False
                for variant, full in (("required", False), ("full", True)):
                    arguments, why = draw(full_schema(schema) if full else schema, per_tool)
                    if arguments is not None and harness.catalog.argument_errors(tool, arguments):
                        # The wire schema was summarised to fit the budget, or is looser
                        # than the complete one: draw from the complete schema instead.
                        counts["redrawn_complete"] += 1
                        definitions = harness.catalog.definitions
                        try:
                            complete = nonempty(
                                inline(definitions.validation_schema(entry["inputSchema"])), entry
                            )
                        except TooLarge:
                            arguments, why = None, "too large to inline"
                        else:
                            source = full_schema(complete) if full else complete
                            arguments, why = draw(source, per_tool)
                    if arguments is None:
                        counts["not_drawable"] += 1
                        sections["undrawable"][f"{variant}: {why}"] += 1
                        continue
                    drawable = True
                    outcome = harness.call(tool, arguments)
                    counts["calls"] += 1
                    counts[outcome.kind] += 1
                    if outcome.kind == "limitation":
                        for each in outcome.why.split(", "):
                            sections["limitations"][each] += 1
                    elif outcome.kind == "crash-avoided":
                        sections["crash_avoided"][outcome.why] += 1
                    elif outcome.kind == "known-bug":
                        sections["known_bugs"][outcome.why] += 1
                    elif outcome.kind == "invalid":
                        first = outcome.detail.splitlines()[1:2] or [outcome.detail]
                        key = re.sub(r"'[^']*'|\d+", "…", first[0])[:90]
                        sections["invalid_reasons"][key] += 1
                    elif outcome.kind == "output-mismatch":
                        found = re.search(r"outputSchema (at .*?)\. The response", outcome.detail)
                        key = outcome.why or (found.group(1) if found else outcome.detail[:60])
                        key = re.sub(r"'[^']*'|\d+", "…", key)[:90]
                        sections["output_mismatches"][key] += 1
                    elif outcome.kind == "accepted" and outcome.why:
                        sections["accepted_notes"][outcome.why] += 1
                    elif outcome.kind == "prism-crash":
                        sections["prism_crashes"][f"{tool} ({variant})"] += 1
                    elif outcome.kind in ("error", "crash"):
                        key = outcome.why or outcome.detail.splitlines()[0][:90]
                        sections["errors"][re.sub(r"\d+", "N", key)[:90]] += 1
                    if outcome.kind == "rejected":
                        sections["rejection_reasons"][reason(outcome)] += 1
                    if outcome.kind in (
                        "rejected",
                        "error",
                        "crash",
                        "prism-crash",
                        "invalid",
                        "output-mismatch",
                    ):
                        samples.append(
                            {
                                "tool": tool,
                                "variant": variant,
                                "kind": outcome.kind,
                                "arguments": arguments,
                                "detail": outcome.detail[:1500],
                                "why": outcome.why,
                                "entries": outcome.entries,
                            }
                        )
                if not drawable:
                    counts["tools_not_drawable"] += 1
            figures["prism_restarts"] = harness.starts - 1
        finally:
            harness.close()
    figures.update(counts)
    figures.update({key: dict(value.most_common()) for key, value in sections.items()})
    figures["seconds"] = round(time.monotonic() - started, 1)
    if details is not None:
        details.write_text(json.dumps({"figures": figures, "samples": samples}, indent=1))
    return figures


def document_path(doc_id: str) -> Path:
    """A corpus document by its id, or a directory one by ``dir:<id>``."""
    if doc_id.startswith("dir:"):
        from benchmarks.directory import document

        return document(doc_id[len("dir:") :])
    return corpus()[doc_id].path


def directory_sample(
    count: int, start: int = 0, sizes: tuple[int, int] = (0, DIRECTORY_BYTES)
) -> list[str]:
    """``count`` directory documents of ``sizes`` bytes (at least, at most), evenly spread by
    id, from the ``start``-th on: starts 0 to step - 1 give samples with no document in
    common."""
    from benchmarks.directory import documents

    low, high = sizes
    chosen = sorted(i for i, path in documents() if low <= path.stat().st_size <= high)
    step = max(1, len(chosen) // max(count, 1))
    return ["dir:" + i for i in chosen[start % step :: step][:count]]


def child(args: argparse.Namespace, output: Path, details: Path | None) -> None:
    # SIGTERM from the parent unwinds normally, so that Prism is stopped.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    figures = run_document(
        args.child, args.per_document, args.per_tool, args.prism_startup, details
    )
    output.write_text(json.dumps(figures), encoding="utf-8")


def spawn(doc_id: str, args: argparse.Namespace) -> dict[str, Any]:
    """Run one document in a child process, bounded in time."""
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as handle:
        output = Path(handle.name)
    command = [sys.executable, __file__, "--child", doc_id, "--output", str(output)]
    command += ["--per-document", str(args.per_document), "--per-tool", str(args.per_tool)]
    command += ["--prism-startup", str(args.prism_startup)]
    if args.details:
        Path(args.details).mkdir(parents=True, exist_ok=True)
        file_name = re.sub(r"[^\w.-]", "_", doc_id) + ".json"
        command += ["--details", str(Path(args.details) / file_name)]
    started = time.monotonic()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        # The child stops itself at the budget; this bounds a child that hangs anyway.
        _, stderr = process.communicate(timeout=args.per_document + args.prism_startup + 120)
    except subprocess.TimeoutExpired:
        process.terminate()
        try:
            _, stderr = process.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            _, stderr = process.communicate()
    try:
        figures: dict[str, Any] = json.loads(output.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        tail = stderr.decode(errors="replace").strip().splitlines()[-3:]
        figures = {"id": doc_id, "failed": " | ".join(tail) or f"exit {process.returncode}"}
        figures["seconds"] = round(time.monotonic() - started, 1)
    finally:
        output.unlink(missing_ok=True)
    return figures


def accepted(figures: dict[str, Any]) -> int:
    return int(figures.get("accepted", 0)) + int(figures.get("output-mismatch", 0))


def valid(figures: dict[str, Any]) -> int:
    """Calls whose arguments the server accepted (sent, or held back as a known case)."""
    return int(figures.get("calls", 0)) - int(figures.get("invalid", 0))


def limited(figures: dict[str, Any]) -> int:
    """Calls that hit a known Prism limitation, or crashed Prism."""
    return sum(int(figures.get(k, 0)) for k in ("limitation", "crash-avoided", "prism-crash"))


def percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "-"


def top(counter: dict[str, int], limit: int) -> str:
    items = sorted(counter.items(), key=lambda kv: -kv[1])[:limit]
    return "; ".join(f"{count}× {key}" for key, count in items)


def report(figures: dict[str, Any]) -> None:
    if "failed" in figures:
        print(f"{figures['id']:<20} FAILED after {figures['seconds']} s: {figures['failed']}")
        return
    get = figures.get
    print(
        f"{figures['id']:<20} tools {figures['tools']:>4}  calls {figures['calls']:>4}  "
        f"accepted {accepted(figures):>4} ({percent(accepted(figures), valid(figures))} of "
        f"{valid(figures)} valid)  rejected {get('rejected', 0)}  limitations "
        f"{get('limitation', 0)}  crash-avoided {get('crash-avoided', 0)}  known-bug "
        f"{get('known-bug', 0)}  Prism crashes {get('prism-crash', 0)}  invalid "
        f"{get('invalid', 0)}  errors "
        f"{get('error', 0) + get('crash', 0)}  not drawable {get('not_drawable', 0)}  "
        f"not reached {get('not_reached', 0)}  [{figures['seconds']} s, "
        f"{get('prism_restarts', 0)} Prism restarts]"
    )
    for key, label, limit in (
        ("rejection_reasons", "rejected", 4),
        ("limitations", "Prism limitations", 6),
        ("crash_avoided", "not sent (would crash Prism)", 3),
        ("known_bugs", "known mcpgen bugs", 3),
        ("prism_crashes", "crashed Prism (not recognised beforehand)", 3),
        ("invalid_reasons", "refused by the server", 3),
        ("errors", "errors", 3),
        ("undrawable", "not drawable", 3),
    ):
        if get(key):
            print(f"    {label}: {top(figures[key], limit)}")
    if get("output_mismatches"):
        print(f"    2xx that became an error result: {top(figures['output_mismatches'], 3)}")
    if get("accepted_notes"):
        print(f"    accepted, of which: {top(figures['accepted_notes'], 3)}")


def _sizes(text: str) -> tuple[int, int]:
    low, _, high = text.partition(":")
    return int(low or 0), int(high or 1 << 40)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*", help="corpus ids (default: all)")
    parser.add_argument(
        "--directory",
        type=int,
        metavar="N",
        help="N documents of APIs.guru's directory instead of the corpus",
    )
    parser.add_argument(
        "--start",
        type=int,
        default=0,
        metavar="K",
        help="with --directory: begin the spread at the K-th document (another sample)",
    )
    parser.add_argument(
        "--sizes",
        default=f"0:{DIRECTORY_BYTES}",
        metavar="MIN:MAX",
        help=f"with --directory: documents of MIN to MAX bytes (default 0:{DIRECTORY_BYTES})",
    )
    parser.add_argument("--jobs", type=int, default=1, help="documents at a time (default 1)")
    parser.add_argument("--per-document", type=float, default=PER_DOCUMENT)
    parser.add_argument("--per-tool", type=float, default=PER_TOOL)
    parser.add_argument("--prism-startup", type=float, default=STARTUP)
    parser.add_argument("--details", help="folder for one JSON file per document: samples")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--output", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        details = Path(args.details) if args.details else None
        child(args, Path(args.output), details)
        return
    ids = args.only or (
        directory_sample(args.directory, args.start, _sizes(args.sizes))
        if args.directory
        else list(corpus())
    )
    started = time.monotonic()
    results: list[dict[str, Any]] = []
    with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        for figures in pool.map(lambda doc_id: spawn(doc_id, args), ids):
            report(figures)
            results.append(figures)
    done = [f for f in results if "failed" not in f]
    total_valid = sum(valid(f) for f in done)
    total_accepted = sum(accepted(f) for f in done)
    total_limited = sum(limited(f) for f in done)
    summary = {
        "documents": len(results),
        "failed_documents": [f["id"] for f in results if "failed" in f],
        "tools": sum(f["tools"] for f in done),
        "calls": sum(f["calls"] for f in done),
        "valid_calls": total_valid,
        "accepted_by_prism": total_accepted,
        "acceptance_percent": round(100 * total_accepted / total_valid, 2) if total_valid else None,
        "prism_limited": total_limited,
        "acceptance_percent_without_prism_limitations": (
            round(100 * total_accepted / (total_valid - total_limited), 2)
            if total_valid > total_limited
            else None
        ),
        "seconds": round(time.monotonic() - started, 1),
    }
    for key in (*KINDS, "not_drawable", "tools_not_drawable", "not_reached"):
        summary[key] = sum(int(f.get(key, 0)) for f in done)
    print(
        f"\noverall: {total_accepted} of {total_valid} calls with arguments the server "
        f"accepted were accepted by Prism ({summary['acceptance_percent']}%); "
        f"{summary['acceptance_percent_without_prism_limitations']}% without the "
        f"{total_limited} that hit a known Prism limitation; {summary['calls']} calls over "
        f"{summary['tools']} tools of {len(done)} documents in {summary['seconds']} s"
    )
    print(json.dumps({"summary": summary, "documents": results}, ensure_ascii=False))


if __name__ == "__main__":
    main()
