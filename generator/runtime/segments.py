"""An API's paths as search terms: their literal segments, run-together words split into
the API's own (``clusterrolebindings``), short names of one letter spelt out, and whether a
path names one item. ``generate`` makes each operation's ``segments`` with them, and
``apiwords``, ``traits`` and ``search`` read ``search.json``'s back the same way.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping
from itertools import pairwise
from typing import Any

from .terms import last_segment, stem, terms, words
from .vocabulary import STOP_WORDS

_FORMAT_SUFFIX = re.compile(r"(?<=\})\.[A-Za-z0-9]{1,5}$")
"""A format after a path's last parameter (``/users/{id}.json``): no segment of its own."""


def literal_segments(path: str, arguments: Collection[str] = ()) -> list[str]:
    """The literal segments of a path, in order: ``/repos/{owner}/pulls`` -> repos, pulls;
    and the part of a parameter's segment after ``#``, where a document tells operations on
    one URL apart by what they act on (``/{Bucket}#tagging``: tagging, as Amazon's do; of
    ``#analytics&id``, the first name), unless it names one of the operation's required
    ``arguments`` (``/certificates/{id}#newStatus``: a query parameter)."""
    out: list[str] = []
    for seg in path.split("/"):
        if not seg.startswith("{"):
            if seg:
                out.append(seg)
            continue
        marked = seg.find("}#")
        if marked >= 0:
            named = _FRAGMENT_NAME.match(seg, marked + 2)
            if named is not None and named.group() not in arguments:
                out.append(named.group())
    return out


_FRAGMENT_NAME = re.compile(r"[^&=#{}]+")


def known_stems(texts: Iterable[str]) -> frozenset[str]:
    """The stems of the words an API separates itself (camelCase and snake_case names,
    titles): what a run-together word of a path may be made of."""
    return frozenset(t for text in texts for t in terms(text) if len(t) >= 3)


def split_compound(word: str, known: frozenset[str]) -> list[str]:
    """The parts of a run-together word, each a known stem of at least three letters,
    fewest parts first (``clusterrolebindings`` -> cluster, role, bind); ``[]`` when the
    word is known as it is or does not split into known parts."""
    return [stem(part) for part in compound_parts(word, known)]


def compound_parts(word: str, known: frozenset[str]) -> list[str]:
    """``split_compound``'s parts as the word spells them (``filesystems`` -> file,
    systems)."""
    if len(word) < 6 or stem(word) in known or not word.isalpha():
        return []
    best: list[list[str] | None] = [[]] + [None] * len(word)
    for start in range(len(word)):
        sofar = best[start]
        if sofar is None:
            continue
        for end in range(start + 3, len(word) + 1):
            part = word[start:end]
            if stem(part) in known or part in known:
                found = best[end]
                if found is None or len(found) > len(sofar) + 1:
                    best[end] = [*sofar, part]
    parts = best[len(word)]
    return parts if parts is not None and len(parts) > 1 else []


_ID_WORDS = frozenset({"id", "ids", "uid", "uuid", "sid", "name", "key", "number", "no"})
"""Last words of a parameter's name that say how its thing is named, not what it is."""


def short_segment_names(paths: Iterable[str]) -> dict[str, str]:
    """What a literal path segment of one letter stands for, where a parameter that names
    it comes next (``/b/{bucket}/o/{object}``: b is bucket, o object): the stem of the
    parameter's name's last word (``{bucketId}``: bucket), where that is the same everywhere
    the segment is. (Two letters may say something: ``/ip/{address}``.)"""
    found: dict[str, set[str]] = {}
    for path in paths:
        parts = path.split("/")
        for segment, after in pairwise(parts):
            if len(segment) == 1 and segment.isalpha() and _PARAMETER_ONLY.fullmatch(after):
                named = [w for w in words(after[1:-1]) if w not in _ID_WORDS]
                if named:
                    found.setdefault(segment, set()).add(stem(named[-1]))
    return {segment: next(iter(names)) for segment, names in found.items() if len(names) == 1}


_PARAMETER_ONLY = re.compile(r"\{[^{}]+\}")


def segment_terms(
    path: str,
    known: frozenset[str],
    memo: dict[str, str] | None = None,
    arguments: Collection[str] = (),
    short: Mapping[str, str] | None = None,
) -> list[str]:
    """Each literal segment's search terms (``literal_segments``), run-together words split
    into known parts (``/api/v1/persistentvolumes`` -> ``api``, ``v1``, ``persist volum``),
    a segment of one letter as ``short`` reads it (``short_segment_names``).
    ``memo`` keeps each segment's terms for the next path (the same ``known`` and
    ``short`` each time)."""
    out: list[str] = []
    for segment in literal_segments(path, arguments):
        joined = memo.get(segment) if memo is not None else None
        if joined is None and short is not None and segment in short:
            joined = short[segment]
        if joined is None:
            found: list[str] = []
            for word in words(segment):
                if word in STOP_WORDS:
                    continue
                found.extend(split_compound(word, known) or [stem(word)])
            joined = " ".join(found)
            if memo is not None:
                memo[segment] = joined
        out.append(joined)
    return out


def plain_segments(path: str, arguments: Collection[str] = ()) -> list[str]:
    """Each literal segment's search terms, as the path writes them (``segment_terms``
    without splitting run-together words)."""
    return [" ".join(terms(seg)) for seg in literal_segments(path, arguments)]


def operation_segments(op: Mapping[str, Any]) -> list[str]:
    """``literal_segments`` of a ``search.json`` operation's path, its required arguments
    given (a fragment that names one is no segment), as the generator made them."""
    return literal_segments(op["path"], op.get("required") or ())


def plain_operation_segments(op: Mapping[str, Any]) -> list[str]:
    """``plain_segments`` of a ``search.json`` operation (``operation_segments``)."""
    return plain_segments(op["path"], op.get("required") or ())


def is_item_path(path: str) -> bool:
    """The path names one item (it ends with a parameter, perhaps with a format suffix
    such as ``{Sid}.json``), not a collection or action."""
    last = _FORMAT_SUFFIX.sub("", last_segment(path))
    return last.startswith("{") and last.endswith("}")
