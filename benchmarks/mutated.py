"""Robustness on broken documents: mutate OpenAPI documents at random and generate from each.

Run by hand::

    python benchmarks/mutated.py [--count N] [--seed S] [--mutations M] [--yaml]
                                 [--keep DIR] [DOCUMENT ...]

Each run picks one of the documents (by default the small documents of the corpus,
``tests/corpus.py``, fetched when missing, and the test cases' own), changes one to
``--mutations`` places of it (default 3) and generates a server from the result, in
process, as ``mcpgen server --openapi`` does. A change is one of: a value replaced by
another of any type (``null``, ``0``, ``{}``, ``{"$ref": "#/nope"}``, ``"%00"``, a huge
number...), a key deleted, a key renamed (``$ref``, an empty name, 300 characters, a
keyword), a schema keyword added beside others, or one part of the document copied over
another. ``--yaml`` writes the mutated documents as YAML instead of JSON.

Every outcome but one is fine: a server generated (with warnings or skips), or mcpgen's
one-line error. The failure is anything else, a traceback: the run prints each distinct
one (where it was raised and what), and with ``--keep DIR`` writes the document that
raised it there. The last line is a JSON object of the figures.

Found this way: a broken ``$ref`` inside a shared schema, root containers of the wrong
type, a ``$ref`` with a NUL byte, a 5,000-digit number.
"""

from __future__ import annotations

import argparse
import contextlib
import copy
import hashlib
import io
import json
import random
import shutil
import sys
import tempfile
import time
import traceback
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SMALL = 100_000
"""Corpus documents up to this many bytes are mutated by default (generation takes well
under a second each)."""

VALUES: list[Any] = [
    None,
    0,
    -1,
    1.5,
    "",
    "x",
    "{",
    "#/",
    [],
    {},
    True,
    [None],
    {"$ref": "#/nope"},
    {"$ref": "#"},
    {"$ref": 5},
    {"$ref": "%00.json"},
    {"$ref": "../outside.json"},
    {"type": "wat"},
    {"type": ["string", "null"]},
    {"allOf": []},
    {"oneOf": [{}]},
    {"enum": []},
    {"items": None},
    "../../etc/passwd",
    10**30,
    1e308,
    "\u0000",
]
KEYS = ["", "$ref", "__class__", "a b", "1abc", "x" * 300, "naïve", "in", "type", "def", "{id}"]
KEYWORDS = [
    "nullable",
    "readOnly",
    "required",
    "type",
    "$ref",
    "items",
    "properties",
    "allOf",
    "anyOf",
    "discriminator",
    "format",
    "pattern",
    "default",
    "enum",
    "style",
    "explode",
    "in",
    "name",
    "schema",
    "content",
    "additionalProperties",
]


def places(node: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """Every place in a JSON value, as the keys and indexes that lead to it."""
    yield path
    if isinstance(node, dict):
        for key, value in node.items():
            yield from places(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from places(value, (*path, index))


def at(node: Any, path: tuple[Any, ...]) -> Any:
    for step in path:
        node = node[step]
    return node


def mutate(document: Any, rng: random.Random, most: int) -> Any:
    """A copy of ``document`` changed at one to ``most`` places."""
    document = copy.deepcopy(document)
    for _ in range(rng.randint(1, most)):
        found = [p for p in places(document) if p]
        if not found:
            break
        path = rng.choice(found)
        with contextlib.suppress(KeyError, IndexError, TypeError):
            parent, key = at(document, path[:-1]), path[-1]
            roll = rng.random()
            if roll < 0.5:
                parent[key] = copy.deepcopy(rng.choice(VALUES))
            elif roll < 0.6 and isinstance(parent, dict):
                new = rng.choice(KEYS)
                if new not in parent:
                    parent[new] = parent.pop(key)
            elif roll < 0.7 and isinstance(parent, dict):
                del parent[key]
            elif roll < 0.85 and isinstance(parent, dict):
                parent[rng.choice(KEYWORDS)] = copy.deepcopy(rng.choice(VALUES))
            else:
                parent[key] = copy.deepcopy(at(document, rng.choice(found)))
    return document


def load(path: Path) -> Any:
    text = path.read_text("utf-8")
    if path.suffix in (".yaml", ".yml"):
        import yaml

        return yaml.safe_load(text)
    return json.loads(text)


def default_documents() -> list[Path]:
    from tests.corpus import corpus

    found = sorted((ROOT / "tests" / "cases" / "openapi").glob("*.yaml"))
    found += sorted(d.path for d in corpus().values() if d.path.stat().st_size <= SMALL)
    return found


def generate(document: Any, work: Path, as_yaml: bool) -> str | None:
    """The traceback of generating a server from ``document``, or None where it generated
    or mcpgen refused it in its own words."""
    from mcpgen.cli import main
    from mcpgen.diagnostics import MCPGenError

    if as_yaml:
        import yaml

        path = work / "document.yaml"
        path.write_text(yaml.safe_dump(json.loads(json.dumps(document, default=str))), "utf-8")
    else:
        path = work / "document.json"
        path.write_text(json.dumps(document, default=str), "utf-8")
    out = work / "out"
    shutil.rmtree(out, ignore_errors=True)
    args = ["server", "--openapi", str(path), "--out", str(out), "--quiet"]
    try:
        with contextlib.redirect_stderr(io.StringIO()), contextlib.redirect_stdout(io.StringIO()):
            main(args, standalone_mode=False)
    except (SystemExit, MCPGenError):
        return None
    except Exception:  # noqa: BLE001 - any other exception is what this looks for
        return traceback.format_exc()
    return None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("documents", nargs="*", type=Path)
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--mutations", type=int, default=3)
    parser.add_argument("--yaml", action="store_true")
    parser.add_argument("--keep", type=Path)
    args = parser.parse_args()
    sources = [(p, load(p)) for p in (args.documents or default_documents())]
    rng = random.Random(args.seed)
    failures: dict[tuple[str, str], str] = {}
    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as temporary:
        work = Path(temporary)
        for _ in range(args.count):
            name, document = rng.choice(sources)
            mutated = mutate(document, rng, args.mutations)
            found = generate(mutated, work, args.yaml)
            if found is None:
                continue
            lines = found.strip().splitlines()
            where = [line.strip() for line in lines if line.strip().startswith('File "')][-1]
            key = (where, lines[-1].split(":")[0])
            if key in failures:
                continue
            text = json.dumps(mutated, default=str, sort_keys=True)
            digest = hashlib.sha256(text.encode()).hexdigest()[:12]
            failures[key] = digest
            print(f"FAILED {name.name} ({digest}): {where}: {lines[-1][:200]}", flush=True)
            if args.keep:
                args.keep.mkdir(parents=True, exist_ok=True)
                (args.keep / f"{digest}.json").write_text(text, "utf-8")
    seconds = time.perf_counter() - start
    print(f"{args.count} mutated documents in {seconds:.0f} s: {len(failures)} distinct failures")
    print(json.dumps({"documents": args.count, "failures": len(failures), "seconds": seconds}))


if __name__ == "__main__":
    main()
