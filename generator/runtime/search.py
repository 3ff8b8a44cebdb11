"""Which operation does a plain-language request mean? Search over an API's operations.

The server reads each operation's terms from ``search.json`` (made at generation time
with ``terms``, the same code that reads requests here), ranks with BM25 (the
``bm25s`` library), and then applies what is known about HTTP APIs:

- requests are phrased in users' words, not the document's: each word also searches
  for its common near-synonyms in API vocabulary ("folder" for "directory", "bill" for
  "invoice", "kill" for "delete", "sign off" for "approve", "him" for "member"), at a
  lower weight than the words themselves; with hybrid search, a word that is none of the
  API's also searches the API's words nearest to it in meaning ("erase" for "delete");
- the verb says which method is meant (create/add -> POST, remove/delete -> DELETE,
  change/rename -> PATCH/PUT, list/show -> GET; a request that opens with another verb,
  "store the password as a secret", asks for a write) and "list all" means a collection
  while "this" means one item; "my" means the calling user; "anywhere" or "across"
  means the widest collection (fewest path parameters), "in prod" one within a parent;
- words said one after the other count more where an operation's description or
  arguments have them side by side too ("deletion protection" is one setting, not any
  deletion and any protection);
- of two operations that match alike, the one whose path mentions nothing else comes
  first, and the same operation under another API version comes after the first;
- the API's own long names are abbreviated by their initials ("pvc" for
  ``persistentvolumeclaims``) and two words may be one ("roll back", ``rollback``);
- a value's kind (a file path, a URL, an email address, a version) says which
  arguments the operation takes, and an ID such as ``cus_9`` which object is meant;
  quoted text is a value (a title, a message), not words of the request;
- the main clause says what to do: what follows "so", "before", "because"... says why
  or when, and counts less; what it says not to do ("without deleting it") is not searched,
  unless that is all it says ("never mind, don't auto-merge it": call that off), nor is
  a verb nobody should be able to do ("make sure nobody can push to main": protect) or
  whose permission is asked about ("am I allowed to delete pods?": access) (``clauses``);
- the API's own name ("my Stripe balance", "all my Netlify sites") says nothing of which
  operation is meant;
- an operation named as its documentation names it (``PostChargesCharge``,
  ``compute.routers.get``, ``List directoryAudits``) is searched by those words, and an
  operation's own name, or its title word for word, puts it first.

How a request is read (its words, values, near-synonyms, intent and the shape of what it
is about) is ``reading``; this module scores the operations with it.

Where ``search.json`` asks for it (``--search hybrid``), the operations are also ranked by
meaning (``semantic``: a request may share no word with the operation that answers it) and
the two rankings fused, the lexical first result kept first where it leads clearly.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Mapping
from functools import cached_property
from typing import Any

from .apiwords import ApiWords
from .clauses import api_names, unframed, unsaid
from .fit import fit_factor
from .fusion import fused, varied
from .mainclause import main_clause
from .openings import opening
from .reading import read
from .request import Reading
from .segments import plain_operation_segments
from .semantic import Embedder, Lexicon, operation_text
from .spelling import apostrophes
from .synonyms import SYNONYMS
from .terms import adjacent_pairs, distinct_words, holds, joined, related, stems
from .traits import SELF_TERMS, Traits
from .vocabulary import EQUIVALENTS, METHODS, STOP_WORDS
from .weights import (
    CLAUSE_WEIGHT,
    COVERAGE_WEIGHT,
    EXPANSION_WEIGHT,
    FUSION_DEPTH,
    GUESS_COUNT,
    GUESS_SIMILARITY,
    GUESS_WEIGHT,
    LEXICAL_LEAD,
    MORE_WEIGHT,
    NEAR_COVERAGE,
    PHRASE_CAP,
    PHRASE_WEIGHT,
    SEMANTIC_METHOD_WEIGHT,
    SIBLING_SHARE,
    VALUE_WEIGHT,
)

MAX_QUERY = 2000
"""Characters of a request that are read: a search request is a sentence or two. A longer
one (a pasted document) is cut at a word boundary, so that no request holds the index for
long (a megabyte took 14 s on GitHub's 1,186 operations)."""
_SAFETY = {"GET": 0, "HEAD": 1, "POST": 2, "PUT": 2, "PATCH": 2, "DELETE": 4}


def _bounded(query: str) -> str:
    """The first ``MAX_QUERY`` characters of ``query``, without a word cut in two."""
    if len(query) <= MAX_QUERY:
        return query
    if query[MAX_QUERY - 1].isspace() or query[MAX_QUERY].isspace():  # between two words
        return query[:MAX_QUERY]
    # Else the word the limit falls in goes, when a word comes before it.
    start = query[:MAX_QUERY].rsplit(None, 1)
    return start[0] if len(start) > 1 else query[:MAX_QUERY]


def _scaled(scores: Any) -> Any:
    best = float(scores.max()) if len(scores) else 0.0
    return scores / best if best > 0 else scores


class Index:
    """The operations of ``search.json`` and BM25 rankings of them, built on first search."""

    def __init__(self, data: Mapping[str, Any]) -> None:
        self.operations: list[dict[str, Any]] = data["operations"]
        self._fields: dict[str, list[str]] = {"core": data["terms"], "more": data["more"]}
        self._bm25: dict[str, Any] = {}
        # Each literal path segment's terms, where search.json has them (run-together words
        # split into parts), else as the path says.
        stored: list[list[str] | None] = data.get("segments") or [None] * len(self.operations)
        segments = [
            found if found is not None else plain_operation_segments(op)
            for op, found in zip(self.operations, stored, strict=True)
        ]
        self.words = ApiWords(
            self.operations,
            segments,
            lambda field: self._model(field).vocab_dict,
            [*data["terms"], *data["more"]],
            prefixes if isinstance(prefixes := data.get("prefixes"), dict) else None,
        )
        details: list[str] = data.get("details") or []
        self._details = (details + [""] * len(self.operations))[: len(self.operations)]
        self._semantic_wanted = bool(data.get("semantic"))
        self._fits: dict[str, Any] = {}
        self._title = str(data.get("title") or "")
        self._lock = threading.Lock()
        self.traits = Traits(self.operations, segments, data["terms"])

    def _model(self, field: str) -> Any:
        """The BM25 model of one field group, built on first use."""
        if field not in self._bm25:
            import bm25s  # type: ignore[import-untyped, import-not-found, unused-ignore]

            # bm25s sets its own logger to DEBUG; it says only what the server's level allows.
            logging.getLogger("bm25s").setLevel(logging.getLogger().getEffectiveLevel())

            bm25 = bm25s.BM25()
            corpus = [text.split() or ["\x00"] for text in self._fields[field]]
            bm25.index(corpus, show_progress=False)
            self._bm25[field] = bm25
        return self._bm25[field]

    def _scores(self, field: str, query_terms: list[str]) -> Any:
        """BM25 scores of every operation for one field group (a numpy array)."""
        import numpy  # type: ignore[import-not-found, unused-ignore]  # bm25s's dependency

        if not query_terms:
            return numpy.zeros(len(self.operations))
        return self._model(field).get_scores(query_terms).astype("float64")

    @cached_property
    def _semantic(self) -> tuple[Embedder, Any] | None:
        """The embedding model and every operation's vector, made on first search."""
        embedder = Embedder.load() if self._semantic_wanted else None
        if embedder is None:
            return None
        texts = [
            operation_text(op, d) for op, d in zip(self.operations, self._details, strict=True)
        ]
        return embedder, embedder.embed(texts)

    @cached_property
    def _lexicon(self) -> Lexicon | None:
        """The API's own words (of summaries, paths, names and tags) and their vectors."""
        semantic = self._semantic
        if semantic is None:
            return None
        found = distinct_words(
            text
            for op in self.operations
            for text in (op["summary"], op["path"], op["operation"], *op["tags"])
        )
        return Lexicon(semantic[0], sorted(found - STOP_WORDS))

    def _guessed(self, own: list[str], known: set[str]) -> list[str]:
        """Stems of the API's words nearest in meaning to those of the request's words that
        are none of the API's ("erase" -> delete, "folder" -> directory)."""
        lexicon = self._lexicon
        if lexicon is None:
            return []
        unknown = [w for w in own if stems([w])[0] not in lexicon.stems]
        out: list[str] = []
        for name in lexicon.nearest(unknown, GUESS_COUNT, GUESS_SIMILARITY):
            term = stems([name])[0]
            if term not in known and term not in out:
                out.append(term)
        return out

    def _nearness(
        self, query: str, tag: str | None, request: Reading | None = None
    ) -> list[tuple[float, int]]:
        """The first ``FUSION_DEPTH`` operations by how near their text's meaning is to the
        request's, as (closeness, position), best first; an operation whose method does what
        the request asks (``METHODS``) a little nearer (``SEMANTIC_METHOD_WEIGHT``): meaning
        alone cannot tell "add a member" from "count the members". Closeness is scaled from
        0 (the last of them) to 1 (the first)."""
        semantic = self._semantic
        if semantic is None:
            return []
        embedder, vectors = semantic
        similarity = vectors @ embedder.embed([query])[0]
        if request is not None and request.wanted is not None:
            similarity = similarity + self._method_fit(request.wanted)
        order: list[int] = (-similarity).argsort(kind="stable").tolist()
        if tag is not None:
            order = [p for p in order if self._tagged(p, tag)]
        order = order[:FUSION_DEPTH]
        if not order:
            return []
        high, low = float(similarity[order[0]]), float(similarity[order[-1]])
        span = high - low if high > low else 1.0
        return [((float(similarity[p]) - low) / span, p) for p in order]

    def _method_fit(self, wanted: str) -> Any:
        """What each operation's method adds to its nearness for a request that wants
        ``wanted`` (made once per intent: there are few)."""
        known = self._fits.get(wanted)
        if known is not None:
            return known
        import numpy  # type: ignore[import-not-found, unused-ignore]

        fit = METHODS[wanted]
        found = numpy.array([fit.get(m, 0.0) for m in self.traits.methods], dtype="float32")
        self._fits[wanted] = made = SEMANTIC_METHOD_WEIGHT * (found - 0.5)
        return made

    def _tagged(self, position: int, tag: str) -> bool:
        """Whether the operation has ``tag`` (in lower case: ``search`` lowers it once)."""
        return tag in (t.lower() for t in self.operations[position]["tags"])

    def _coverage(self, own: list[str]) -> Any:
        """For each operation, the share of the request's words it has (a word counts when
        its stem, or a long form of it, is among the operation's terms; ``NEAR_COVERAGE``
        as much when only a near-synonym of it is: "plug" of "attach")."""
        import numpy  # type: ignore[import-not-found, unused-ignore]  # bm25s's dependency

        total: Any = 0.0
        counts: dict[str, int] = {}
        for word in own:  # a word said twice counts twice, and is looked up once
            counts[word] = counts.get(word, 0) + 1
        for word, times in counts.items():
            alternatives = stems([word]) + related([word], EQUIVALENTS)
            found = self._scores("core", alternatives) + self._scores("more", alternatives)
            near = related([word], SYNONYMS)
            if near:
                nearly = self._scores("core", near) + self._scores("more", near)
                total = total + times * numpy.maximum(found > 0, NEAR_COVERAGE * (nearly > 0))
            else:
                total = total + times * (found > 0)
        return total / len(own)

    def _phrases(self, own: list[str], scores: Any) -> Any:
        """For each operation with a score, how many pairs of words the request says one
        after the other its description and argument names have side by side (``holds``),
        at most ``PHRASE_CAP`` (its name and summary match the words well enough alone)."""
        import numpy  # type: ignore[import-not-found, unused-ignore]  # bm25s's dependency

        found = numpy.zeros(len(self.operations))
        more = self._fields["more"]
        for pair in adjacent_pairs(stems(own)):
            first, second = pair.split()
            both = (scores > 0) & (self._scores("more", [first]) > 0)
            both &= self._scores("more", [second]) > 0
            for position in numpy.flatnonzero(both).tolist():
                found[position] += holds(more[position], pair)
        return numpy.minimum(found, PHRASE_CAP)

    def _both(self, query_terms: list[str]) -> Any:
        scores = self._scores("core", query_terms)
        return _scaled(scores + MORE_WEIGHT * self._scores("more", query_terms))

    def prepare(self) -> None:
        """Build now what the first search would: the BM25 models, what the lexical ranking
        knows of the API, and (for hybrid search) every operation's vector."""
        with self._lock:
            for field in self._fields:
                self._model(field)
            self._lexical("operation")
            self._nearness("operation", None)

    def search(self, query: str, limit: int = 10, tag: str | None = None) -> list[dict[str, Any]]:
        """The operations that best answer ``query``, best first (none when no word of the
        request, nor a near-synonym of one, is the API's): the lexical ranking fused with
        the semantic one. One search at a time (servers search in worker threads): the
        first builds what the others use."""
        query = unsaid(unframed(opening(joined(apostrophes(_bounded(query))))))
        tag = tag.lower() if tag is not None else None
        with self._lock:
            request = read(query, self.words, self._api_names)
            ranked = self._lexical(query, tag, request)
            if not ranked and self._api_names:
                # The API's name is no word of a request, but where no other word finds
                # anything ("which amplify projects do we have?"), it is the one it has.
                request = read(query, self.words, frozenset())
                ranked = self._lexical(query, tag, request)
            # The lexical first leads clearly (``LEXICAL_LEAD``), or is given outright.
            given = bool(ranked) and ranked[0][1] in request.outright
            leads = len(ranked) < 2 or ranked[1][0] < LEXICAL_LEAD * ranked[0][0]
            order = self._fused(
                ranked, self._nearness(query, tag, request) if ranked else [], leads, given
            )
        return [self.operations[position] for position in order[: max(limit, 0)]]

    def _lexical(
        self, query: str, tag: str | None = None, request: Reading | None = None
    ) -> list[tuple[float, int]]:
        """``_words_ranked`` for ``query``; for a request with a clause that is not its
        main one (``main_clause``: why or when, which fields to show, what a message is to
        say), its main clause counts most and the whole request ``CLAUSE_WEIGHT`` as much:
        the main clause says what to do."""
        whole = self._words_ranked(query, tag, request)
        clause = main_clause(query)
        if clause is None or not whole:
            return whole
        main = self._words_ranked(clause, tag)
        if not main:
            return whole
        scores: dict[int, float] = {}
        for weight, ranked in ((1.0, main), (CLAUSE_WEIGHT, whole)):
            best = ranked[0][0]
            for score, position in ranked:
                scores[position] = scores.get(position, 0.0) + weight * score / best
        return sorted(((v, p) for p, v in scores.items()), key=lambda item: -item[0])

    def _words_ranked(
        self, query: str, tag: str | None = None, request: Reading | None = None
    ) -> list[tuple[float, int]]:
        """Operations that share words with ``query`` (or near-synonyms of its words), as
        (score, position), best first.

        The request's own words (abbreviations spelt out), the words that look like
        values, and the near-synonyms of its words are scored apart, each scaled to its
        best operation, so that values and synonyms can help find an operation but never
        outweigh the words given.
        """
        if request is None:
            request = read(query, self.words, self._api_names)
        own, own_terms, near = request.own, request.own_terms, request.near
        scores = self._both(own_terms)
        if len(own) > 1:
            scores = scores * (1.0 - COVERAGE_WEIGHT + COVERAGE_WEIGHT * self._coverage(own))
            scores = scores * (1.0 + PHRASE_WEIGHT * self._phrases(own, scores))
        if request.values:
            scores = scores + VALUE_WEIGHT * self._both(request.values)
        if near:
            scores = scores + EXPANSION_WEIGHT * self._both(near)
        guessed = self._guessed(own, set(own_terms) | set(near))
        if guessed:
            scores = scores + GUESS_WEIGHT * self._both(guessed)
        if request.wanted is not None:
            scores = self._shared(scores, request.wanted)
        # One item named by its value ("the status of rollout rel-042"): the operation on
        # any one item is on it as much as its collection is.
        named = bool(request.values or request.named_one)
        if named and request.one and request.wanted in ("read", "update", "delete"):
            for position, served in self._any_item:
                scores[position] = max(scores[position], max(scores[c] for c in served))
        asked = set(own_terms)
        # A request about the caller's own things mentions them ("am I allowed": ``self``).
        mentioned = request.mentioned | SELF_TERMS if request.mine else request.mentioned
        ranked: list[tuple[float, int, int]] = []
        traits = self.traits
        takes = self.words.takes
        for position, score in enumerate(scores.tolist()):
            if score <= 0 and position not in request.outright:
                continue
            op = self.operations[position]
            if tag is not None and not self._tagged(position, tag):
                continue
            factor = fit_factor(
                request, traits, position, op["path"], takes[position], asked, mentioned
            )
            ranked.append((score * factor, _SAFETY.get(op["method"], 3), position))
        if request.outright and ranked:
            # The operations the request gives outright (by path, or title in quotes) come
            # before all others.
            top = max(score for score, _, _ in ranked)
            ranked = [
                (score + 2 * top if position in request.outright else score, safety, position)
                for score, safety, position in ranked
            ]
        # Equal scores: the operation that changes least first, then document order.
        ranked.sort()
        ranked.sort(key=lambda item: -item[0])
        return [(score, position) for score, _, position in varied(ranked, self.traits.unversioned)]

    def _fused(
        self,
        lexical: list[tuple[float, int]],
        semantic: list[tuple[float, int]],
        leads: bool = True,
        given: bool = False,
    ) -> list[int]:
        """``fusion.fused`` over this API's operations."""
        return fused(lexical, semantic, self.traits.unversioned, leads, given)

    def _shared(self, scores: Any, wanted: str) -> Any:
        """``scores`` where each operation whose method does what the request wants
        (``wanted``) scores at least ``SIBLING_SHARE`` of the best operation on its path:
        the words of one method's summary ("Create a custom template") and of another's
        ("List all templates of a workspace") tell the path, and which method the request
        wants is for its intent to say ("what custom templates do we have?": the list)."""
        import numpy  # type: ignore[import-not-found, unused-ignore]  # bm25s's dependency

        order, starts, sizes = self.traits.siblings
        if not len(order):
            return scores
        grouped = scores[order]
        best = numpy.repeat(numpy.maximum.reduceat(grouped, starts), sizes)
        fits = self._method_fit(wanted)[order] > 0
        shared = scores.copy()
        shared[order] = numpy.maximum(grouped, SIBLING_SHARE * best * fits)
        return shared

    @cached_property
    def _any_item(self) -> list[tuple[int, list[int]]]:
        """The operations on any one item, with the collections they serve."""
        return [(p, served) for p, served in enumerate(self.traits.any_item) if served]

    @cached_property
    def _api_names(self) -> frozenset[str]:
        """The words of the API's title that name it (``api_names``), found on first search."""
        return api_names(self._title, self.words.path_vocabulary)
