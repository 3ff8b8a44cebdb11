"""What a request acts on: what it adds to what ("add user 5 to group 9") and whether that
changes the thing or makes an entry in it, its object and the context it names only as
where or whose that is ("cut a branch from tag v1.2 in project 42"), the things it takes
to exist ("on task 4411", "to the newsletter list"), and whether it is about things (a
plural, several named one by one) or one thing named by its value ("user 77")."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from .phrasing import DIGITS, ENUMERATED, NAMED_APART
from .synonyms import SYNONYMS
from .terms import EDGES, identifier, related, stem, stems, value_like, words
from .vocabulary import DETERMINERS, STOP_WORDS

_ADDING = frozenset({"add", "put", "append"})
_ONTO = frozenset({"to", "on", "onto", "into"})


def added_to(tokens: Sequence[str]) -> tuple[list[str], list[str]]:
    """What a request adds and what it adds it to ("add user 5 to group 9": user, group):
    the words between "add", "put" or "append" and "to", "on", "onto" or "into", and up
    to four words after that; ``([], [])`` for a request that adds nothing to anything."""
    span = adding(tokens)
    return ([], []) if span is None else _added_and_target(tokens, span)


def _added_and_target(tokens: Sequence[str], span: tuple[int, int]) -> tuple[list[str], list[str]]:
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


def adds_to_item(tokens: Sequence[str], nouns: frozenset[str]) -> bool:
    """Whether a request (split at spaces) adds something the API has no resource of to a
    thing it has ("add the label tier=web to the payments pod", "add 2 GB of memory to the
    VM"): that changes the thing, it creates nothing. Not where what is added is named,
    written with capitals: someone or something added as a member or an entry ("put Kevin
    into the admins group", "add Korean and Thai to project 812"); nor where it is added to
    a collection, a plural ("add my dentist to my contacts"): an entry is made in it. A list
    that one thing has is still the thing's ("add de_DE to the locales of the ecommerce
    scope")."""
    lowered = [t.lower() for t in tokens]
    span = adding(lowered)
    if span is None:
        return False
    added, target = _added_and_target(lowered, span)
    names = {t.strip(EDGES).lower() for t in tokens[1:] if t[:1].isupper()}
    return (
        bool(added)
        and not any(stem(w) in nouns for w in added)
        and not any(t in nouns for t in related(added, SYNONYMS))  # a heart: a reaction
        and any(stem(w) in nouns for w in target)
        and not all(w in names for w in added)
        and not _into_many(lowered[span[1] + 1 : span[1] + 6], nouns)
    )


def _into_many(following: Sequence[str], nouns: frozenset[str]) -> bool:
    """Whether the words after "to" (``adds_to_item``) name a collection, a plural, and not
    a list of one thing's ("the locales of the ecommerce scope")."""
    run: list[str] = []
    after = ""
    for token in following:
        after = token
        word = token.strip(EDGES)
        if word in STOP_WORDS and not run:
            if token != word:
                break
            continue
        if not word.isalpha() or stem(word) not in nouns:
            break
        run.append(word)
        if token != word:  # punctuation ends the noun: "to my contacts, with ..."
            break
    return bool(run) and about_things(run[-1:]) and after not in ("of", "for")


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

    def after(at: int) -> int:
        """Where the words after a preposition start: past its determiners ("from the
        payments target group": payments)."""
        at += 1
        while at < len(plain) and plain[at] in DETERMINERS:
            at += 1
        return at

    about = content(plain[: starts[0]])
    context = [
        w for begin in map(after, starts) for w in content(plain[begin : begin + 1 + CONTEXT_WORDS])
    ]
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


_VERBS_IN_S = frozenset(
    {"looks", "seems", "needs", "wants", "goes", "gets", "does", "keeps", "says"}
    | {"belongs", "happens", "means", "exists"}
)
"""Words in -s that are verbs, not plurals ("it looks good")."""


_SINGULAR_IN_S = frozenset(
    {"details", "news", "series", "species", "alias", "canvas", "bias", "atlas", "kudos"}
    | {"oops", "whoops"}
)
"""Words in -s that are no plural of a thing ("the details of company X": one company)."""


def about_things(own: Sequence[str]) -> bool:
    """Whether a request's words have a plural ("repos", "pods"): it is about things. Not
    a word in -ss, -us or -is ("access", "status", "analysis"), nor ``_SINGULAR_IN_S``."""
    return any(
        w.endswith("s")
        and len(w) > 3
        and not w.endswith(("ss", "us", "is"))
        and w not in _VERBS_IN_S
        and w not in _SINGULAR_IN_S
        for w in own
    )


_VALUE_LABELS = frozenset({"id", "#", "number", "no", "no.", "key"})
"""Words between a thing and its value that say what the value is ("file id 7733")."""


def _valued(tokens: Sequence[str], at: int) -> bool:
    """Whether the token after ``at`` is a value, or a label and then one ("id 7733")."""
    following = tokens[at + 1 : at + 3]
    if following and identifier(following[0]):
        return True
    label = following[0].strip(EDGES).lower() if following else ""
    return len(following) > 1 and label in _VALUE_LABELS and identifier(following[1])


def _named_at(tokens: Sequence[str], at: int, nouns: frozenset[str]) -> str | None:
    """The word at ``at``, lower case, where it is one of the API's ``nouns``, said of one
    thing and followed by that thing's value (``_valued``); else None."""
    word = tokens[at].strip(EDGES).lower()
    if stem(word) in nouns and not about_things([word]) and _valued(tokens, at):
        return word
    return None


def named_by_value(tokens: Sequence[str], nouns: frozenset[str]) -> list[str]:
    """The API's things a request (split at spaces) names one of by its value: "user" of
    "what permissions does user 77 have?" and of "user id 77" (``nouns``: the API's)."""
    return [word for at in range(len(tokens) - 1) if (word := _named_at(tokens, at, nouns))]


_BEFORE_OBJECT = DETERMINERS | {"up", "out", "down", "off", "me", "us"}
"""Words between a verb and its object: a determiner, a particle ("look up", "pull up")."""


def object_named(tokens: Sequence[str], nouns: frozenset[str]) -> str | None:
    """The stem of the API's thing that a request opening with a verb (split at spaces)
    acts on, where it names one of them by its value right after the verb ("look up
    registrant 7788990011", "cancel the appointment 5521"); else None (a question, or
    "captions of video 12": the video only says whose)."""
    if not tokens or tokens[0].strip(EDGES).lower() in STOP_WORDS:  # "is", "what", "do"
        return None
    for at in range(1, min(len(tokens) - 1, 4)):
        named = _named_at(tokens, at, nouns)
        if named is not None:
            return stem(named)
        if tokens[at].strip(EDGES).lower() not in _BEFORE_OBJECT:
            return None
    return None


def things_asked(own: list[str], named: list[str], nouns: frozenset[str]) -> list[str]:
    """The request's words (``own``), or where it names one of the API's things by its
    value (``named_by_value``) and its plurals are no things of the API ("what permissions
    does user 77 have?": its permissions, a field of the user), that thing alone."""
    plurals = [w for w in own if about_things([w])]
    if not named or any(t in nouns for t in stems(plurals) + related(plurals, SYNONYMS)):
        return own
    return named


def named_many(query: str) -> bool:
    """Whether a request names several things of one shape one by one (``ENUMERATED``)."""
    for found in ENUMERATED.finditer(query):
        names = NAMED_APART.split(found.group())
        shapes = {DIGITS.sub("0", name.lower()) for name in names}
        if len(shapes) == 1 and (len(names) > 2 or "," not in found.group()):
            return True
    return False
