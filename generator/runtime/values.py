"""Which words of a request are values, not words of what it asks: hyphenated names of
things ("the node-exporter daemonset"), the labels of fields given a value ("with password
Secret123!"), names of titles, products and places ("I loved Arrival"), and amounts of money
("25 euros")."""

from __future__ import annotations

from collections import Counter
from itertools import pairwise

from .apiwords import ApiWords
from .clauses import bare
from .phrasing import CURRENCIES, HYPHENATED, LABELLING, NUMBER
from .synonyms import SYNONYMS
from .terms import EDGES, stem, words
from .vocabulary import DETERMINERS, INTENTS, STOP_WORDS, VALUE_KINDS


def hyphenated_names(split: list[str], api: ApiWords) -> list[str]:
    """The hyphenated words of a request (split at spaces) that name a thing: after a
    determiner (and a word at most), before a noun of the API, and no phrase of the API
    ("the node-exporter daemonset", "the old feature-flags configmap"; not "the toll-free
    number" where the API says "toll free"). They are values, not words of the request."""
    return [
        token
        for at, token in enumerate(split[1:-1], 1)
        if any(word.lower() in DETERMINERS for word in split[max(at - 2, 0) : at])
        and HYPHENATED.fullmatch(token)
        and stem(split[at + 1].strip(EDGES).lower()) in api.named
        and not api.says(words(token))
    ]


def field_labels(split: list[str], values: set[str]) -> set[str]:
    """The words of a request (split at spaces) that name a field given a value after
    ``LABELLING`` words ("with password Secret123!", "whose email is jane@acme.io",
    "with id 4038..."): they say what the thing has, not which thing it is."""
    out: set[str] = set()
    for at in range(1, len(split) - 1):
        if bare(split[at - 1]) not in LABELLING:
            continue
        then = at + 1
        if bare(split[then]) in ("is", "of", "=", "as") and then + 1 < len(split):
            then += 1
        if split[then] in values or split[then][:1] in "'\"“‘":
            out.update(words(split[at]))
    return out


MONEY = next((kind, names) for kind, _, names in VALUE_KINDS if kind == "money")
"""The kind of value an amount of money is, and what takes it."""


def proper_names(split: list[str], api: ApiWords) -> set[str]:
    """The capitalised words amid a sentence that are no words of the API, nor words
    search knows the meaning of: names of titles, products and places ("I loved Arrival",
    "our energy provider Vattenfall"). None in a request written in title case ("Please
    Remove My Account"), where capitals say nothing."""
    capitalised = [t for t in split if t.strip(EDGES)[:1].isupper() and len(bare(t)) > 1]
    if 2 * len(capitalised) > len(split):
        return set()
    return {
        bare(t)
        for before, t in pairwise(split)
        if not before.rstrip("\"')").endswith((".", "!", "?", ":"))
        and t.strip(EDGES)[1:].islower()
        and t.strip(EDGES)[:1].isupper()
        and bare(t).isalpha()
        and bare(t) not in STOP_WORDS
        and bare(t) not in INTENTS
        and bare(t) not in SYNONYMS
        and stem(bare(t)) not in api.known
    }


def money(split: list[str]) -> set[str]:
    """The words of a request (split at spaces) that make an amount of money with the word
    beside them: the number and its currency ("25 euros", "USD 20")."""
    found: set[str] = set()
    for at, t in enumerate(split[:-1]):
        first, second = t.strip(EDGES), split[at + 1].strip(EDGES)
        if (
            NUMBER.fullmatch(first)
            and second.lower() in CURRENCIES
            or first.lower() in CURRENCIES
            and first.isupper()
            and NUMBER.fullmatch(second)
        ):
            found |= {t, split[at + 1]}
    return found


def said_once(own: list[str], split: list[str], tokens: list[str]) -> list[str]:
    """The request's own words (``own``) without the repeats that only a value naming a
    thing by a scheme of its own adds (``tokens`` with a colon: an ARN, a URN, a URL):
    "tag variant store arn:aws:omics:...:variantStore/cohort" says "variant store" once."""
    named_in = {w for t in tokens if ":" in t for w in words(t)}
    if not named_in:
        return own
    outside = Counter(w for t in split if t not in tokens for w in words(t))
    seen: Counter[str] = Counter()
    kept = []
    for w in own:
        seen[w] += 1
        if w not in named_in or seen[w] <= max(outside[w], 1):
            kept.append(w)
    return kept
