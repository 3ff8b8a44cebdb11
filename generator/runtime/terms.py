"""How text becomes search terms, for operations and for requests alike.

mcpgen makes each operation's terms at generation time with ``document_terms`` and
``segments.segment_terms`` (the same code as here, so the server's ``search.json`` and its
requests meet), and ``search`` reads requests with the rest:

- terms are words split from camelCase, snake_case and paths, without stop words,
  stemmed (Snowball), so "repositories", "repository" and "repos" meet, and
  "cancelled" finds "cancel"; run-together path words (``clusterrolebindings``) split
  into the API's own words;
- a verb with its particle ("sign it off") and two words that name one thing ("address
  book") have near-synonyms of their own (what a request asks to do is ``asking``'s);
- a value's kind (a file path, a URL, an email address, a version...) says which
  arguments would take it.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping, Sequence
from functools import cache, lru_cache
from itertools import pairwise
from typing import Any

from .cues import CLOCK, WEEKDAY
from .phrases import COMPOUNDS, PHRASES
from .spelling import american
from .vocabulary import APART, INTENTS, PRONOUNS_OF_THINGS, STOP_WORDS, VALUE_KINDS

_WORD = re.compile(
    r"[a-z]+|[A-Z]{2,}s(?![a-z])|[A-Z]+[a-z](?=[0-9])|[A-Z]+(?=[A-Z][a-z])|[A-Z][a-z]+|[A-Z]+|[0-9]+"
)
"""Words in text and identifiers: ``PRs`` and ``URLs``, ``getHTTPResponse`` -> get, HTTP,
Response; ``snake_case`` and ``kebab-case`` split on their separators; ``IPv4`` -> IPv, 4,
as ``ipv4`` is. A lower-case run is tried first: most words are one."""
_TAG = re.compile(r"<[^>]*>")
CACHED_WORDS = 1 << 17
"""Words whose stem and term are kept: bounded, so that a server that searches for years
does not keep every word it was ever asked."""
_SENTENCE = re.compile(r"(?<=[.!?])\s")
PARTICLE_REACH = 3
"""How many words on a verb's particle may come: "kick jane out", "take him out"."""
_KINDS = tuple((kind, re.compile(pattern), names) for kind, pattern, names in VALUE_KINDS)
WORDY_KINDS = frozenset({"", "url"})
"""Kinds of value whose words may say what is meant (``https://example.com/hook``); the
words of a file path, an email address or a version say nothing of the operation."""
EDGES = "\"'`,;:!?()[]{}<>"


@cache
def _by_stem(table: tuple[tuple[str, tuple[str, ...]], ...]) -> dict[str, tuple[str, ...]]:
    """A word table keyed by stem as well, its values stemmed: plurals and tenses meet."""
    out: dict[str, list[str]] = {}
    for word, related in table:
        values = stems(w for phrase in related for w in words(phrase))
        stemmed = stem(word)
        # A thing named by a verb's -ing form (a shop's "listing") by that word only: the
        # verb ("list all users") asks for no such thing.
        keys = {word} if word.endswith("ing") and stemmed in INTENTS else {word, stemmed}
        for key in keys:
            out.setdefault(key, []).extend(v for v in values if v not in out.get(key, []))
    return {key: tuple(values) for key, values in out.items()}


def related(query_words: Sequence[str], table: Mapping[str, tuple[str, ...]]) -> list[str]:
    """Stemmed terms that ``table`` relates to the words of a query."""
    lookup = _by_stem(tuple(table.items()))
    out: list[str] = []
    for word, stem in zip(query_words, stems(query_words), strict=True):
        for term in lookup.get(word, lookup.get(stem, ())):
            if term not in out:
                out.append(term)
    return out


@cache
def _stemmer() -> Any:
    import Stemmer  # type: ignore[import-untyped, import-not-found, unused-ignore]

    # PyStemmer: the Snowball project's own English stemmer, compiled.
    return Stemmer.Stemmer("english")


def words(text: str) -> list[str]:
    """Lower-case words of ``text``: camelCase, snake_case, paths and HTML split apart."""
    return [_word(word) for word in _WORD.findall(joined(_plain(text)))]


def distinct_words(texts: Iterable[str]) -> set[str]:
    """The distinct ``words`` of many texts, read at once (an 11,000-operation API's names
    and summaries in a tenth of the time a text at a time takes)."""
    found = _WORD.findall("\n".join(joined(_plain(text)) for text in set(texts)))
    return {_word(word) for word in set(found)}


_JOINED = re.compile(r"\b(?:wi-fi|e-mail)\b", re.IGNORECASE)
"""Words also written with a hyphen ("Wi-Fi", "e-mail"), read as one ("wifi", "email"),
as most APIs and the near-synonyms write them."""


def joined(text: str) -> str:
    """``text`` with the words of ``_JOINED`` written as one, in lower case (an API's text
    and a request alike)."""
    if "-" not in text:
        return text
    return _JOINED.sub(lambda found: found.group().replace("-", "").lower(), text)


def _plain(text: str) -> str:
    if "<" in text:
        text = _TAG.sub(" ", text)
    if "&" in text:
        text = html.unescape(text)
    return text


def _word(found: str) -> str:
    # An acronym's plural (PRs, URLs, IDs) is the acronym.
    if found[-1] == "s" and len(found) > 2 and found[:-1].isupper():
        found = found[:-1]
    return found.lower()


def stems(items: Iterable[str]) -> list[str]:
    """Snowball stems of words (each word stemmed once while it is in use: most repeat)."""
    return [stem(word) for word in items]


IRREGULAR_PLURALS = {
    # Plurals the stemmer cuts otherwise than their singulars ("aliases": alias, "alias":
    # alia), that APIs name things with (not "leaves", which are also time off).
    "aliases": "alias",
    "canvases": "canvas",
    "buses": "bus",
    "busses": "bus",
    "lenses": "lens",
    "analyses": "analysis",
    "axes": "axis",
    "crises": "crisis",
    "diagnoses": "diagnosis",
    "hypotheses": "hypothesis",
    "theses": "thesis",
    "indices": "index",
    "matrices": "matrix",
    "vertices": "vertex",
    "appendices": "appendix",
    "criteria": "criterion",
    "schemata": "schema",
    "radii": "radius",
    "shelves": "shelf",
}
"""Plurals whose stems are not their singulars', as those singulars."""


@lru_cache(maxsize=CACHED_WORDS)
def stem(word: str) -> str:
    """A word's Snowball stem, of its American spelling (``american``), a plural the
    stemmer would keep apart from its singular (``IRREGULAR_PLURALS``) as that singular."""
    return str(_stemmer().stemWord(american(IRREGULAR_PLURALS.get(word, word))))


def terms(text: str) -> list[str]:
    """The search terms of ``text``: its words without stop words, stemmed."""
    return list(_terms(text))


@lru_cache(maxsize=65536)
def _terms(text: str) -> tuple[str, ...]:
    # Names, tags and descriptions repeat across an API's operations, and words across
    # all of them: each word as found is made a term once.
    return tuple(filter(None, map(_term, _WORD.findall(joined(_plain(text))))))


@lru_cache(maxsize=CACHED_WORDS)
def _term(found: str) -> str:
    """The search term of one word as ``_WORD`` finds it; empty for a stop word."""
    word = _word(found)
    return "" if word in STOP_WORDS else stem(word)


_LABEL = re.compile(r"(?:GET|PUT|POST|DELETE|PATCH|HEAD|OPTIONS|TRACE) /\S*")
"""An operation's method and path, the title of one that has no summary nor operationId."""
_HTTP_REQUESTS = re.compile(r"\b(?:GET|PUT|POST|DELETE|PATCH|HEAD|OPTIONS|TRACE) requests?\b")
"""Words about the HTTP request itself ("connect POST requests to proxy of Pod"): the
method is the operation's own, and the words say nothing of what it acts on."""


def _without_requests(text: str) -> tuple[str, set[str]]:
    """``text`` without its words about HTTP requests (``_HTTP_REQUESTS``), and the terms of
    the methods they name; looked for only where it has " request": a long description is
    read once, not once a method."""
    if " request" not in text:
        return text, set()
    said = " ".join(found.split()[0] for found in _HTTP_REQUESTS.findall(text))
    return _HTTP_REQUESTS.sub(" ", text), set(terms(said))


def _flat(text: str) -> str:
    """Text without its HTML tags and entities, on one line."""
    return " ".join(_plain(text).split())


def first_sentence(text: str, limit: int = 200) -> str:
    return _first(_flat(text), limit)


def _first(flat: str, limit: int) -> str:
    sentence = _SENTENCE.split(flat, maxsplit=1)[0] if flat else ""
    return sentence if len(sentence) <= limit else sentence[: limit - 1].rstrip() + "…"


_NOTE = re.compile(
    r"\A\s*(?:<(?!/)[^>]*>\s*)*[*_]{0,2}\s*(?:<(?:b|strong|em|i)>\s*)?"
    r"(?:note|notes|nb|warning|important|caution|attention|disclaimer)"
    r"\s*(?:[:,!\u2013\u2014-]|\*\*|__|</(?:b|strong|em|i)>)"
    r".*?(?:</(?:span|p|div|aside|blockquote)>|<br\s*/?>|\n|\Z)",
    re.IGNORECASE | re.DOTALL,
)
"""A note that opens a description, to the end of its paragraph ("<b>Note:</b> This
method is only available for select partners ...</span>", "**Warning, this operation is
not reversible.**"): what to know before calling an operation, not what it does."""


def summary(title: str, description: str, name: str) -> str:
    """One line that says what an operation does: its title, unless that is only its
    name or its method and path (what a document without summaries leaves), else the
    first sentence of its description after any note that opens it (``_NOTE``)."""
    text = title.strip()
    if text and " " in text and text != name and not _LABEL.fullmatch(text):
        return " ".join(title.split())
    noted = _NOTE.match(description)
    if noted is not None:
        description = description[noted.end() :]
    return first_sentence(description) or title or name


def detail(summary_text: str, description: str, limit: int = 300) -> str:
    """What an operation's description says beyond its summary: its first sentence that
    is not the summary (``""`` when there is none)."""
    flat = _flat(description)
    if summary_text and flat.lower().startswith(summary_text.lower()):
        flat = flat[len(summary_text) :].strip(" .")
    sentence = _first(flat, limit)
    return "" if sentence.lower().strip(". ") == summary_text.lower().strip(". ") else sentence


def path_words(path: str) -> str:
    """The literal segments of a path, without its parameters: ``/repos/{owner}/x``
    -> ``repos x``."""
    return " ".join(seg for seg in path.split("/") if seg and not seg.startswith("{"))


def last_segment(path: str) -> str:
    """A path's last segment as written, parameter or not: ``/users/{id}/`` -> ``{id}``."""
    return path.rstrip("/").rsplit("/", 1)[-1]


def document_terms(
    name: str,
    summary_text: str,
    description: str,
    path: str,
    tags: Sequence[str],
    args: Sequence[str],
    method: str = "",
) -> tuple[list[str], list[str]]:
    """An operation's search terms: the fields that name what it does (name, summary,
    path, tags), and the ones that say more (description, argument names). A link made or
    undone (OData's ``$ref``: ``POST /groups/{id}/members/$ref``) adds or removes the
    thing before it, whatever its summary calls it ("Create new navigation property ref");
    the caller's own record (``/me``, ``/myself``) is the authenticated user, whatever its
    summary says ("Indexes this instance")."""
    # Where the summary says which HTTP requests the operation passes on ("connect GET
    # requests to proxy of Pod"), the method in its name (connectCoreV1GetNamespacedPodProxy)
    # is that one too, no verb of what it does ("get the pods" is not a proxy).
    summary_text, passed = _without_requests(summary_text)
    description, _ = _without_requests(description)
    named = [t for t in terms(name) if t not in passed]
    core = named + terms(summary_text) + terms(path_words(path)) + terms(" ".join(tags))
    linked = _LINKING.get(method) if path.endswith("/$ref") else None
    if linked is not None:
        core += [t for t in terms(linked) if t not in core]
    # An action that undoes another ("UntagResource", "unassignTicket") is about what it
    # undoes: the tag, the assignment.
    core += [t for w in words(name) for t in terms(undone(w)) if t not in core]
    if last_segment(path).lower() in _CALLER:
        # ``/me``, ``/myself``: the calling user ("me" is a stop word).
        core += [t for t in terms(_CALLER_WORDS) if t not in core]
    more = terms(description) + terms(" ".join(args))
    return core, more


def adjacent_pairs(terms_said: Sequence[str]) -> list[str]:
    """Each two terms said one after the other, as ``holds`` looks for them ("a b")."""
    return sorted({f"{a} {b}" for a, b in pairwise(terms_said) if a != b})


def holds(text: str, pair: str) -> bool:
    """Whether ``text`` (terms between single spaces) has ``pair``'s two side by side."""
    at = text.find(pair)
    while at >= 0:
        end = at + len(pair)
        if (at == 0 or text[at - 1] == " ") and (end == len(text) or text[end] == " "):
            return True
        at = text.find(pair, at + 1)
    return False


def undone(word: str) -> str:
    """What a verb that undoes another undoes ("untag": tag, "unsubscribe": subscribe); ""
    for any other word, a participle or adjective ("unread", "unresolved") among them."""
    if (
        len(word) < 5
        or not word.startswith("un")
        or word.endswith(("ed", "ing"))
        or word in _NOT_UNDOING
    ):
        return ""
    return word[2:]


def redone(word: str) -> str:
    """What a verb done again does ("rerun": run, "redeploy": deploy); "" for any other
    word that begins with "re", a few of which ``_NOT_REDOING`` knows ("research")."""
    if len(word) < 5 or not word.startswith("re") or word in _NOT_REDOING:
        return ""
    return word[2:]


_NOT_REDOING = frozenset({"research", "return", "review", "retail"})
"""Words that begin with "re" and do no verb again."""
_NOT_UNDOING = frozenset(
    {"unique", "unit", "units", "until", "universal", "universe", "unified", "unicode"}
    | {"union", "unions", "uniform", "unix", "unity", "unread", "unpaid", "unseen", "unsent"}
    | {"unknown", "unlimited", "unless", "unsafe", "unstable", "unused", "unusual", "unwanted"}
)
"""Words that begin with "un" and undo no verb."""


_CALLER = frozenset({"me", "myself", "self", "whoami"})
"""Last path segments that are the calling user's own record."""
_CALLER_WORDS = "authenticated user"

_LINKING = {"POST": "add", "PUT": "add", "DELETE": "remove"}
"""What making (``POST``, ``PUT``) or undoing (``DELETE``) a link to a thing does to it."""


def compounded(query_words: Sequence[str]) -> list[str]:
    """The words of a request, two that name one thing (``COMPOUNDS``) as that one; not
    where the second begins a phrase of its own ("set me to do not disturb")."""
    out: list[str] = []
    at = 0
    while at < len(query_words):
        one = (
            COMPOUNDS.get((query_words[at], query_words[at + 1]))
            if at + 1 < len(query_words) and query_words[at + 2 : at + 3] != ["not"]
            else None
        )
        out.append(one or query_words[at])
        at += 2 if one else 1
    return out


VALUE_LIKE = re.compile(r"[0-9/_.@#:=]|[a-z][A-Z]")
"""A token that looks like a value, not a word: digits, a path, an @handle, camelCase, a
key and its value (``env=prod``)."""


def value_like(token: str) -> bool:
    """Whether a token of a request (split at spaces) looks like a value (``VALUE_LIKE``),
    without the punctuation around it: "branch." ends a sentence, "supplier:" opens a
    list; neither is a value."""
    return VALUE_LIKE.search(token.strip(EDGES).rstrip(".")) is not None


def identifier(token: str) -> bool:
    """Whether a token of a request is a value with digits in it (an ID, a version, an
    amount), not a word nor words written as one ("on/off", "LOG_LEVEL", "#general")."""
    return value_like(token) and any(character.isdigit() for character in token)


def without_identifiers(text: str) -> str:
    """``text`` without its IDs (``identifier``): an ID between a verb and its particle
    ("hand certificate 4d5e6f over", "take user 7c1e-22ab out of the group") is no word of
    the two, however many words its letters and digits split into, and does not count in
    how far on the particle may come."""
    return " ".join(token for token in text.split() if not identifier(token))


def particles(query_words: Sequence[str], at: int) -> Sequence[str]:
    """The words after the verb at ``at`` that may be its particle ("sign it off"): up to
    ``PARTICLE_REACH`` on; for the request's first word, its last word too, however far
    ("switch the rule daily-snapshot back on"), or one of ``_FAR_PARTICLES`` two words
    further on."""
    near = query_words[at + 1 : at + 1 + PARTICLE_REACH]
    if at == 0 and len(query_words) > PARTICLE_REACH + 1 and query_words[-1] in _LAST_PARTICLES:
        return [*near, query_words[-1]]
    if at == 0 and _LAST_PARTICLES.isdisjoint(near):
        # A few words further on, before what the thing is taken off or out of ("take the
        # wontfix label off issue 12"); not "on", which is as often where ("switch the UK
        # sender on VA123 to ...").
        later = query_words[1 + PARTICLE_REACH : 1 + PARTICLE_REACH + 2]
        return [*near, *(w for w in later if w in _FAR_PARTICLES)]
    return near


_LAST_PARTICLES = frozenset({"on", "off", "back", "up", "down", "out", "away", "over"})
"""Particles that end a request as its first verb's ("turn the nightly export back on";
not "in": "what groups is she in?")."""
_FAR_PARTICLES = frozenset({"off", "out", "back", "away"})
"""Particles that may come a word or two past ``PARTICLE_REACH`` from the request's first
verb, where none came sooner ("take the 'Needs review' label off card 7781")."""


def read_particles(query_words: Sequence[str], at: int) -> list[tuple[str, bool]]:
    """``particles``, each with whether its verb and it mean what ``APART`` says: some
    words other than a thing's pronoun come between them ("kick them off", not "kick
    off", nor "kick it off")."""
    return [
        (particle, not PRONOUNS_OF_THINGS.issuperset(query_words[at + 1 : at + 1 + step]))
        for step, particle in enumerate(particles(query_words, at))
    ]


def phrase_terms(query_words: Sequence[str]) -> tuple[list[str], set[str]]:
    """Stemmed meanings of the request's verbs with their particles (``PHRASES``):
    "sign it off" -> approve, "hand the repo over" -> transfer; and the verbs so read,
    whose own near-synonyms are not meant ("leave a note" is no leaving)."""
    out: list[str] = []
    verbs: set[str] = set()
    for at, word in enumerate(query_words):
        for particle, apart in read_particles(query_words, at):
            if apart and (word, particle) in APART:
                continue
            if (word, particle) in _REMOVING and _OBJECT_CALLER.intersection(
                query_words[at + 1 : at + 2]
            ):
                continue  # "take me off the list": the caller leaves it (``cues``)
            found = PHRASES.get((word, particle), ())
            if found:
                verbs.add(word)
            for term in stems(found):
                if term not in out:
                    out.append(term)
    return out, verbs


_REMOVING = frozenset({("take", "off"), ("take", "out"), ("pull", "off"), ("pull", "out")})
"""A verb with its particle that removes a thing from where it is, but the caller."""
_OBJECT_CALLER = frozenset({"me", "us", "myself", "ourselves"})
"""The caller as the object of a verb: "take me off the list" (``cues``: it leaves)."""


_COMMAND = re.compile(r"`[^`]*\s[^`]*`")
"""Code of more than one word: a command ("run `ls /data` in the container")."""
COMMAND_NAMES = ("command", "cmd", "exec", "script")
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_SPAN = r"(?:minute|hour|day|night|week|weekend|month|quarter|year|morning|afternoon|evening)"
_TIME_SAID = re.compile(
    rf"\b(?:today|tomorrow|yesterday|tonight|{WEEKDAY}"
    rf"|(?:last|next|past|this|coming|previous|prior)\s+(?:\d+\s+|few\s+|couple\s+of\s+)?{_SPAN}s?"
    rf"|\d+\s+{_SPAN}s?\s+ago"
    rf"|{_MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}"
    rf"|{CLOCK}\b)",
    re.IGNORECASE,
)
"""A time said in words ("next week", "between Monday and Friday", "March 3", "3pm", "in
the last 24 hours"): a date or time, as ``2024-03-03`` is."""
DATE_NAMES = next(names for kind, _, names in VALUE_KINDS if kind == "date")


def value_kinds(
    query: str, found: Iterable[tuple[str, tuple[str, ...]]] | None = None
) -> frozenset[str]:
    """The stems of the argument names that would take the values a request holds (a
    file path, a URL, an email address, a version, ...: ``VALUE_KINDS``; a command).
    ``found``: the ``value_kind`` of each of its words, where the caller has them."""
    if found is None:
        found = (value_kind(token) for token in query.split())
    names = [n for _, kind_names in found for n in kind_names]
    if _COMMAND.search(query):
        names += COMMAND_NAMES
    if _TIME_SAID.search(query):
        names += DATE_NAMES
    return frozenset(stems(names))


def unpossessive(word: str) -> str:
    """``word`` without a possessive's "'s" (``Stripe's`` -> Stripe)."""
    return word[:-2] if word.endswith(("'s", "\u2019s")) else word


def value_kind(token: str) -> tuple[str, tuple[str, ...]]:
    """A word's kind of value and the names of arguments that take it; ``("", ())``."""
    # Without a possessive: "anna@school.edu's profile".
    token = unpossessive(token.strip(EDGES).rstrip("."))
    for kind, pattern, names in _KINDS:
        if pattern.fullmatch(token):
            return kind, names
    return "", ()
