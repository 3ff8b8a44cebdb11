"""What a request means, beside the words it shares with an operation: static word
embeddings (WordLlama, whose package ships its own small model; nothing is downloaded).

Requests are phrased in users' words ("drop a note on the task", "replicate the task"),
and the operation that answers may share none of them with the request ("Create a story",
"Duplicate a task"). An operation's text (summary, method, path, tags, the sentence of its
description that says more, its name's words) and the request are each embedded as the
average of their tokens' vectors, and operations rank by the cosine of the two.
``search.Index`` fuses that ranking with its own, which stays first where it is sure.

The model is optional: without the package, or if it cannot be loaded, search is lexical
only (one warning in the log).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .terms import stems

logger = logging.getLogger(__package__)

CONFIG = "l2_supercat"
DIMENSIONS = 256
_SPLIT = re.compile(r"([a-z0-9])([A-Z])|([A-Z]+)([A-Z][a-z])")
_NOT_WORD = re.compile(r"[^A-Za-z0-9]+")


def name_words(text: str) -> str:
    """A name or path as lower-case words for the model: ``/repos/{owner}/pullRequests`` ->
    ``repos owner pull requests``. Not ``terms.words``, which makes search terms: that one
    also cuts runs of letters and digits apart (``8ae5badf`` -> 8 ae 5 badf), which would
    give the model noise where a name ends in a hash, as Microsoft Graph's do."""
    split = _SPLIT.sub(lambda m: f"{m[1] or m[3]} {m[2] or m[4]}", text)
    return " ".join(_NOT_WORD.sub(" ", split).lower().split())


def operation_text(op: dict[str, Any], detail: str) -> str:
    """What is embedded of an operation."""
    parts = [op["summary"], f"{op['method']} {name_words(op['path'])}."]
    tags = " ".join(name_words(tag) for tag in op["tags"])
    if tags:
        parts.append(tags + ".")
    if detail:
        parts.append(detail)
    parts.append(name_words(op["operation"]))
    return " ".join(part for part in parts if part)


class Embedder:
    """The model, loaded once; ``None`` from ``load`` when it is not available."""

    def __init__(self, model: Any) -> None:
        self._model = model

    @classmethod
    def load(cls) -> Embedder | None:
        try:
            model = _load()
        except Exception as exc:  # noqa: BLE001 - any failure means lexical search only
            logger.warning("search is lexical only: the embedding model is unavailable (%s)", exc)
            return None
        return cls(model)

    def embed(self, texts: Sequence[str]) -> Any:
        """Unit vectors of ``texts`` (a numpy array, one row each)."""
        import numpy  # type: ignore[import-not-found, unused-ignore]

        if not texts:
            return numpy.zeros((0, DIMENSIONS), dtype="float32")
        found = self._model.embed(list(texts), norm=True)
        return numpy.nan_to_num(found.astype("float32"))


class Lexicon:
    """An API's words and their vectors: the words nearest in meaning to a request's word
    that is none of them."""

    def __init__(self, embedder: Embedder, names: Sequence[str]) -> None:
        self.names = [name for name in names if len(name) > 2 and name.isalpha()]
        self.stems = frozenset(stems(self.names))
        self._embedder = embedder
        self._vectors = embedder.embed(self.names)

    def nearest(self, asked: Sequence[str], count: int, least: float) -> list[str]:
        """For each word of ``asked``, up to ``count`` of the API's words whose cosine with
        it is at least ``least``, nearest first."""
        asked = [word for word in asked if len(word) > 2 and word.isalpha()]
        if not asked or not self.names:
            return []
        similarity = self._vectors @ self._embedder.embed(asked).T
        out: list[str] = []
        for column, word in enumerate(asked):
            near = similarity[:, column]
            for row in (-near).argsort()[:count].tolist():
                if near[row] < least:
                    break
                # A word that begins as the asked one does is near in spelling only
                # ("charges" for "chargebacks"): the model averages the pieces of words.
                if self.names[row][:4] != word[:4]:
                    out.append(self.names[row])
        return out


def _load() -> Any:
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    try:
        # The package configures the root logger when imported; the server's stands.
        import wordllama  # type: ignore[import-not-found, import-untyped, unused-ignore]
    finally:
        root.handlers[:] = handlers
        root.setLevel(level)
    for name in ("wordllama", "wordllama.wordllama"):
        logging.getLogger(name).setLevel(max(logging.WARNING, root.getEffectiveLevel()))
    # The wheel holds the weights and the tokenizer under its own folder: read from there,
    # never from a download.
    return wordllama.WordLlama.load(
        CONFIG,
        cache_dir=Path(wordllama.__file__).parent,
        dim=DIMENSIONS,
        disable_download=True,
    )
