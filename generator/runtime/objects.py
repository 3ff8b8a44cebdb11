"""What a request acts on: what it adds to what ("add user 5 to group 9"), its object and
the context it names only as where or whose that is ("cut a branch from tag v1.2 in
project 42"), and the things it takes to exist ("on task 4411", "to the newsletter
list")."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from .terms import EDGES, value_like, words
from .vocabulary import DETERMINERS, STOP_WORDS

_ADDING = frozenset({"add", "put", "append"})
_ONTO = frozenset({"to", "on", "onto", "into"})


def added_to(tokens: Sequence[str]) -> tuple[list[str], list[str]]:
    """What a request adds and what it adds it to ("add user 5 to group 9": user, group):
    the words between "add", "put" or "append" and "to", "on", "onto" or "into", and up
    to four words after that; ``([], [])`` for a request that adds nothing to anything."""
    span = adding(tokens)
    if span is None:
        return [], []
    at, end = span
    added = [
        w
        for t in tokens[at + 1 : end]
        if not any(c.isdigit() or c in "=:/@" for c in t)
        for w in words(t)
        if w not in STOP_WORDS
    ]
    following = tokens[end + 1 : end + 5]
    target = [w for t in following for w in words(t) if w.isalpha() and w not in STOP_WORDS]
    return added, target


def adding(tokens: Sequence[str]) -> tuple[int, int] | None:
    """Where a request's first "add", "put" or "append" is, and the "to", "on", "onto" or
    "into" within five tokens after it; None if there is no such pair."""
    for at, token in enumerate(tokens):
        if token.strip(EDGES) not in _ADDING:
            continue
        for end in range(at + 1, min(at + 6, len(tokens))):
            if tokens[end].strip(EDGES) in _ONTO:
                return at, end
        return None
    return None


_PREPOSITIONS = frozenset({"from", "of", "for", "in", "inside", "within", "under"}) | _ONTO
CONTEXT_WORDS = 2
"""Tokens after a preposition's next one that still name where or whose a thing is
(``object_and_context``): "in the dev namespace"."""


def object_and_context(tokens: Sequence[str]) -> tuple[list[str], list[str]]:
    """What a request is about and what it names only as where or whose that is: "add
    user 5 to group 9" (``added_to``): user, group; "cut a branch from tag v1.2 in
    project 42": cut, branch; tag, project (the words of up to ``CONTEXT_WORDS`` + 1
    tokens after each preposition, values left out). ``([], [])`` for a request without
    a preposition."""
    added, target = added_to(tokens)
    if added or target:
        return added, target
    plain = [t.strip(EDGES).lower() for t in tokens]
    starts = [at for at, token in enumerate(plain) if token in _PREPOSITIONS]
    if not starts:
        return [], []

    def content(part: Sequence[str]) -> list[str]:
        plain_words = [t for t in part if not value_like(t)]
        return [w for t in plain_words for w in words(t) if w.isalpha() and w not in STOP_WORDS]

    about = content(plain[: starts[0]])
    context = [w for at in starts for w in content(plain[at + 1 : at + 2 + CONTEXT_WORDS])]
    return about, list(dict.fromkeys(context))


DEFINITE = DETERMINERS - {"a", "an", "it", "them", "me", "us", "him"}
"""Words before a thing that the request takes to exist ("to the newsletter list"): the
determiners but the indefinite ones and the pronouns that stand alone."""


def known_things(tokens: Sequence[str]) -> list[str]:
    """The words of a request that name a thing it takes to exist: right before a value
    ("task 4411", "payment pay_7Hk2"), or after a preposition and a definite word, up to
    ``CONTEXT_WORDS`` + 1 words ("to the newsletter list", "in my bucket")."""
    out = [
        w
        for token, following in pairwise(tokens)
        if token.isalpha() and value_like(following)
        for w in words(token)
    ]
    plain = [t.strip(EDGES).lower() for t in tokens]
    for at, token in enumerate(plain[:-1]):
        if token not in _PREPOSITIONS or plain[at + 1] not in DEFINITE:
            continue
        end = at + 3 + CONTEXT_WORDS
        for raw, word in zip(tokens[at + 2 : end], plain[at + 2 : end], strict=True):
            if word in _PREPOSITIONS:
                break
            out += words(word)
            if raw != raw.rstrip(",;:.!?"):
                break
    return out
