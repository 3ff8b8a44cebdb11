"""How text becomes search terms, for operations and for requests alike.

mcpgen makes each operation's terms at generation time with ``document_terms`` and
``segment_terms`` (the same code as here, so the server's ``search.json`` and its
requests meet), and ``search`` reads requests with the rest:

- terms are words split from camelCase, snake_case and paths, without stop words,
  stemmed (Snowball), so "repositories", "repository" and "repos" meet, and
  "cancelled" finds "cancel"; run-together path words (``clusterrolebindings``) split
  into the API's own words;
- the verb says what a request asks (create/add, remove/delete, change/rename,
  list/show), a verb with its particle before the verb alone ("set up" creates, "set"
  changes), and a question without a verb asks to read;
- a value's kind (a file path, a URL, an email address, a version...) says which
  arguments would take it.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping, Sequence
from functools import cache, lru_cache
from typing import Any

from .synonyms import COMPOUNDS, PHRASES
from .vocabulary import (
    DETERMINERS,
    EQUIVALENTS,
    INTENTS,
    NOT_VERBS,
    PHRASAL,
    QUANTITIES,
    STOP_WORDS,
    VALUE_KINDS,
)

_WORD = re.compile(r"[A-Z]{2,}s(?![a-z])|[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|[0-9]+")
"""Words in text and identifiers: ``PRs`` and ``URLs``, ``getHTTPResponse`` -> get, HTTP,
Response; ``snake_case`` and ``kebab-case`` split on their separators."""
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
_FORMAT_SUFFIX = re.compile(r"(?<=\})\.[A-Za-z0-9]{1,5}$")
EDGES = "\"'`,;:!?()[]{}<>"
_QUESTION_WORDS = frozenset(
    {"is", "are", "was", "were", "do", "does", "did", "has", "have", "had", "can", "could"}
    | {"will", "would", "what", "which", "who", "whose", "where", "when", "how"}
)


@cache
def _by_stem(table: tuple[tuple[str, tuple[str, ...]], ...]) -> dict[str, tuple[str, ...]]:
    """A word table keyed by stem as well, its values stemmed: plurals and tenses meet."""
    out: dict[str, list[str]] = {}
    for word, related in table:
        values = stems(w for phrase in related for w in words(phrase))
        for key in {word, *stems([word])}:
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
    return [_word(word) for word in _WORD.findall(_plain(text))]


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


@lru_cache(maxsize=CACHED_WORDS)
def stem(word: str) -> str:
    """A word's Snowball stem."""
    return str(_stemmer().stemWord(word))


def terms(text: str) -> list[str]:
    """The search terms of ``text``: its words without stop words, stemmed."""
    return list(_terms(text))


@lru_cache(maxsize=65536)
def _terms(text: str) -> tuple[str, ...]:
    # Names, tags and descriptions repeat across an API's operations, and words across
    # all of them: each word as found is made a term once.
    return tuple(filter(None, map(_term, _WORD.findall(_plain(text)))))


@lru_cache(maxsize=CACHED_WORDS)
def _term(found: str) -> str:
    """The search term of one word as ``_WORD`` finds it; empty for a stop word."""
    word = _word(found)
    return "" if word in STOP_WORDS else stem(word)


_LABEL = re.compile(r"(?:GET|PUT|POST|DELETE|PATCH|HEAD|OPTIONS|TRACE) /\S*")
"""An operation's method and path, the title of one that has no summary nor operationId."""


def _flat(text: str) -> str:
    """Text without its HTML tags and entities, on one line."""
    return " ".join(html.unescape(_TAG.sub(" ", text)).split())


def first_sentence(text: str, limit: int = 200) -> str:
    return _first(_flat(text), limit)


def _first(flat: str, limit: int) -> str:
    sentence = _SENTENCE.split(flat, maxsplit=1)[0] if flat else ""
    return sentence if len(sentence) <= limit else sentence[: limit - 1].rstrip() + "…"


def summary(title: str, description: str, name: str) -> str:
    """One line that says what an operation does: its title, unless that is only its
    name or its method and path (what a document without summaries leaves), else the
    first sentence of its description."""
    text = title.strip()
    if text and " " in text and text != name and not _LABEL.fullmatch(text):
        return " ".join(title.split())
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


def document_terms(
    name: str,
    summary_text: str,
    description: str,
    path: str,
    tags: Sequence[str],
    args: Sequence[str],
) -> tuple[list[str], list[str]]:
    """An operation's search terms: the fields that name what it does (name, summary,
    path, tags), and the ones that say more (description, argument names)."""
    core = terms(name) + terms(summary_text) + terms(path_words(path)) + terms(" ".join(tags))
    more = terms(description) + terms(" ".join(args))
    return core, more


def intent(query_words: Sequence[str], nouns: frozenset[str] = frozenset()) -> str | None:
    """What the request asks to do: its first verb's intent, if it has one (a verb with
    its particle, up to ``PARTICLE_REACH`` words on, before the verb alone). A request
    may open with a verb as a summary does ("Updates a brand logo"), unless that word is
    one of the API's ``nouns`` (stems of its path words: "issues", "runs")."""
    first = query_words[0] if query_words else ""
    if first.endswith("s") and first not in INTENTS and stem(first) not in nouns:
        # "pushes" -> push, "updates" -> update
        found = (first.endswith("es") and INTENTS.get(first[:-2])) or INTENTS.get(first[:-1])
        if found:
            return found
    for at, word in enumerate(query_words):
        for particle in query_words[at + 1 : at + 1 + PARTICLE_REACH]:
            phrasal = PHRASAL.get((word, particle))
            if phrasal is not None:
                return phrasal
        found = INTENTS.get(word)
        if found is not None:
            return found
    return None


def compounded(query_words: Sequence[str]) -> list[str]:
    """The words of a request, two that name one thing (``COMPOUNDS``) as that one."""
    out: list[str] = []
    at = 0
    while at < len(query_words):
        one = (
            COMPOUNDS.get((query_words[at], query_words[at + 1]))
            if at + 1 < len(query_words)
            else None
        )
        out.append(one or query_words[at])
        at += 2 if one else 1
    return out


def phrase_terms(query_words: Sequence[str]) -> tuple[list[str], set[str]]:
    """Stemmed near-synonyms of the request's verbs with their particles (``PHRASES``):
    "sign it off" -> approve, "hand the repo over" -> transfer; and the verbs so read,
    whose own near-synonyms are not meant ("leave a note" is no leaving)."""
    out: list[str] = []
    verbs: set[str] = set()
    for at, word in enumerate(query_words):
        for particle in query_words[at + 1 : at + 1 + PARTICLE_REACH]:
            found = PHRASES.get((word, particle), ())
            if found:
                verbs.add(word)
            for term in stems(found):
                if term not in out:
                    out.append(term)
    return out, verbs


_COMMAND = re.compile(r"`[^`]*\s[^`]*`")
"""Code of more than one word: a command ("run `ls /data` in the container")."""
COMMAND_NAMES = ("command", "cmd", "exec", "script")


def value_kinds(query: str) -> frozenset[str]:
    """The stems of the argument names that would take the values a request holds (a
    file path, a URL, an email address, a version, ...: ``VALUE_KINDS``; a command)."""
    names = [n for token in query.split() for n in value_kind(token)[1]]
    if _COMMAND.search(query):
        names += COMMAND_NAMES
    return frozenset(stems(names))


def value_kind(token: str) -> tuple[str, tuple[str, ...]]:
    """A word's kind of value and the names of arguments that take it; ``("", ())``."""
    token = token.strip(EDGES).rstrip(".")
    for kind, pattern, names in _KINDS:
        if pattern.fullmatch(token):
            return kind, names
    return "", ()


def asked_for(
    query: str,
    own: Sequence[str] = (),
    nouns: frozenset[str] = frozenset(),
    named: frozenset[str] = frozenset(),
) -> str | None:
    """What a request asks to do (an ``INTENTS`` value, or "act").

    - A question about what is or was reads (lists, for things), whatever verb it holds
      ("what files have people uploaded?": ``_asks_what_is``).
    - A request to be given a new thing creates ("get me a download link":
      ``_gets_a_new_one``).
    - Else its first verb's intent says; else it lists when it is about things (``own``,
      its words, has a plural); a question ("did the job finish?", "is it healthy")
      reads; a request that opens with some other verb ("store the password as a
      secret", "expose the app") acts (``_commands``); else None.

    ``nouns`` are the stems of the API's path words, ``named`` the terms of its names,
    summaries, paths and tags."""
    query_words = words(query)
    if _asks_what_is(query_words):
        return "list" if about_things(own) else "read"
    if _gets_a_new_one(query_words):
        return "create"
    # "please", "can you", "I need to": the verb comes after them.
    tokens = _unled(query.split())
    led = len(tokens) < len(query.split())
    found = intent(query_words, nouns)
    if found is not None and _opens_with_verb(tokens, nouns, named):
        found = "act"
    if found in ("read", "search", "list"):
        found = _then_written(query_words) or found
    if found == "create" and nouns and _adds_to_item(query.lower().split(), nouns):
        return "update"
    if found is not None or not query_words:
        return found
    if led and _commands(tokens, nouns, named):  # "can you store the password as a secret?"
        return "act"
    if about_things(own):
        return "list"
    if query.rstrip().endswith("?") or query_words[0] in _QUESTION_WORDS:
        return "read"
    return "act" if _commands(tokens, nouns, named) else None


_THEN = frozenset({"and", "then"})
_WRITES = frozenset({"create", "update", "delete", "enable", "disable"})


def _then_written(query_words: Sequence[str]) -> str | None:
    """What a request asks to do after finding something ("find the stale branch and
    delete it", "grab the next free IP and hold it"): the intent of a verb that changes
    things, right after "and" or "then"; what is found is only the way to it."""
    for at, word in enumerate(query_words[1:], start=1):
        if query_words[at - 1] in _THEN and word != "tell":
            found = INTENTS.get(word)
            if found in _WRITES:
                return found
    return None


_GETTING = frozenset({"get", "give", "grab"})
_TELLING_HOW_MANY = frozenset(
    {"list", "summary", "count", "overview", "breakdown", "rundown", "few", "couple", "lot", "look"}
)


def _gets_a_new_one(query_words: Sequence[str]) -> bool:
    """Whether a request asks to be given a new thing: "get me a download link", "give me
    a hosted checkout page", "get an API key" (get, give or grab, maybe me or us, then a
    or an). Not "get me a list of ...", nor "get the invoice": those read."""
    rest = list(query_words[:4])
    if not rest or rest[0] not in _GETTING:
        return False
    rest = rest[2:] if rest[1:2] in (["me"], ["us"]) else rest[1:]
    return len(rest) > 1 and rest[0] in ("a", "an") and rest[1] not in _TELLING_HOW_MANY


_ASKING = frozenset({"what", "which", "who", "whose", "where", "when", "why"})
_AUXILIARY = frozenset({"did", "does", "do", "is", "are", "was", "were", "has", "have", "had"})
_MODAL = frozenset({"can", "could", "should", "would", "will", "shall", "may", "might"})


def _asks_what_is(query_words: Sequence[str]) -> bool:
    """Whether a request is a question about what is or was: it opens with a question
    word or an auxiliary ("what files have people uploaded to task 4411?", "did text
    SM5a3c7d get delivered?", "why does batch-mig keep failing to create VMs?"), and
    its verb says what is asked about, not what to do. Not where a modal comes soon
    ("what can I delete?", "who should I add?"): there the verb says what to do."""
    if not query_words or query_words[0] not in _ASKING | _AUXILIARY:
        return False
    return not any(word in _MODAL for word in query_words[:4])


_AFTER_SUBJECT = (
    _AUXILIARY
    | _MODAL
    | {"left", "here", "there", "just", "only", "wants", "needs", "said", "says", "asked"}
)
_LIGHT_VERBS = frozenset({"let", "help", "try", "go", "keep", "leave", "drop"})
_PHRASAL_VERBS = frozenset(verb for verb, _ in PHRASAL) | frozenset(verb for verb, _ in PHRASES)


def _opens_with_verb(tokens: Sequence[str], nouns: frozenset[str], named: frozenset[str]) -> bool:
    """Whether the request's first word is a verb that names no intent (``_commands``), so
    that a later word that names one is not what is asked ("nuke all the droplets": not
    to list them). Not a verb read with a particle ("kick jane out"), nor one that lets
    the next verb say ("let me see the pictures", "leave a comment")."""
    first = tokens[0].strip(EDGES).lower() if tokens else ""
    if first in INTENTS or first in _PHRASAL_VERBS or first in _LIGHT_VERBS:
        return False
    return _commands(tokens, nouns, named)


_VALUE_LIKE = re.compile(r"[0-9/_.@#:]|[a-z][A-Z]")


_LEADS = (
    ("please",),
    ("pls",),
    ("kindly",),
    ("can", "you"),
    ("could", "you"),
    ("would", "you"),
    ("will", "you"),
    ("i", "need", "to"),
    ("we", "need", "to"),
    ("i", "want", "to"),
    ("we", "want", "to"),
    ("i'd", "like", "to"),
    ("we'd", "like", "to"),
    ("i", "would", "like", "to"),
    ("let's",),
    ("go", "ahead", "and"),
    ("help", "me"),
)


def _unled(tokens: Sequence[str]) -> list[str]:
    """A request's tokens without the words that lead up to its verb ("please", "can you",
    "I need to", "let's"): "could you please store the password" -> "store the password"."""
    rest = list(tokens)
    changed = True
    while changed and rest:
        changed = False
        lowered = [t.strip(EDGES).lower().replace("\u2019", "'") for t in rest[:4]]
        for lead in _LEADS:
            if tuple(lowered[: len(lead)]) == lead and len(rest) > len(lead):
                rest, changed = rest[len(lead) :], True
                break
    return rest


def _commands(tokens: Sequence[str], nouns: frozenset[str], named: frozenset[str]) -> bool:
    """Whether a request opens with a verb, one that no intent names ("store the password
    as a secret", "expose the app on port 80", "label instance api-3 env=prod"): it asks
    to do something, which reading does not. Its first word is a plain word that is
    none of the API's nouns (``nouns``), no stop word, number or abbreviation of a noun
    ("pr"). Where it is a word of the API's names (``named``: "stock level of ...",
    "version history for ..." open with nouns), two or fewer letters (``vm``, ``ip``)
    or the request's words but one ("vm image"), a determiner or a value must come next
    ("watch this repo", "text +15551234567 ...")."""
    first = tokens[0].strip(EDGES).lower() if tokens else ""
    if not first.isalpha() or first in STOP_WORDS or first in QUANTITIES or first in NOT_VERBS:
        return False
    if first.endswith("ly"):  # "actually", "quickly"
        return False
    second = tokens[1].strip(EDGES).lower() if len(tokens) > 1 else ""
    if second in _AFTER_SUBJECT:  # "dave left the company", "Jenkins here: ..."
        return False
    if first in EQUIVALENTS or stem(first) in nouns:
        return False
    if stem(first) not in named and len(first) > 2 and len(tokens) > 2:
        return True
    following = tokens[1] if len(tokens) > 1 else ""
    return following.strip(EDGES).lower() in DETERMINERS or bool(_VALUE_LIKE.search(following))


_ADDING = frozenset({"add", "put", "append"})
_ONTO = frozenset({"to", "on", "onto", "into"})


def _adds_to_item(tokens: Sequence[str], nouns: frozenset[str]) -> bool:
    """Whether a request adds something the API has no resource of to a thing it has ("add
    the label tier=web to the payments pod", "add 2 GB of memory to the VM"): that changes
    the thing, it creates nothing."""
    for at, token in enumerate(tokens):
        if token.strip(EDGES) not in _ADDING:
            continue
        for end in range(at + 1, min(at + 6, len(tokens))):
            if tokens[end].strip(EDGES) not in _ONTO:
                continue
            added = [
                w
                for t in tokens[at + 1 : end]
                if not any(c.isdigit() or c in "=:/@" for c in t)
                for w in words(t)
                if w not in STOP_WORDS
            ]
            target = [w for t in tokens[end + 1 : end + 5] for w in words(t)]
            return (
                bool(added)
                and not any(stem(w) in nouns for w in added)
                and any(stem(w) in nouns for w in target)
            )
        return False
    return False


_VERBS_IN_S = frozenset(
    {"looks", "seems", "needs", "wants", "goes", "gets", "does", "keeps", "says"}
    | {"belongs", "happens", "means", "exists"}
)
"""Words in -s that are verbs, not plurals ("it looks good")."""


def about_things(own: Sequence[str]) -> bool:
    """Whether a request's words have a plural ("repos", "pods"): it is about things."""
    return any(w.endswith("s") and len(w) > 3 and w not in _VERBS_IN_S for w in own)


def literal_segments(path: str) -> list[str]:
    """The literal segments of a path, in order: ``/repos/{owner}/pulls`` -> repos, pulls."""
    return [seg for seg in path.split("/") if seg and not seg.startswith("{")]


def known_stems(texts: Iterable[str]) -> frozenset[str]:
    """The stems of the words an API separates itself (camelCase and snake_case names,
    titles): what a run-together word of a path may be made of."""
    return frozenset(t for text in texts for t in terms(text) if len(t) >= 3)


def split_compound(word: str, known: frozenset[str]) -> list[str]:
    """The parts of a run-together word, each a known stem of at least three letters,
    fewest parts first (``clusterrolebindings`` -> cluster, role, bind); ``[]`` when the
    word is known as it is or does not split into known parts."""
    if len(word) < 6 or stem(word) in known or not word.isalpha():
        return []
    best: list[list[str] | None] = [[]] + [None] * len(word)
    for start in range(len(word)):
        sofar = best[start]
        if sofar is None:
            continue
        for end in range(start + 3, len(word) + 1):
            part = stem(word[start:end])
            if part in known or word[start:end] in known:
                found = best[end]
                if found is None or len(found) > len(sofar) + 1:
                    best[end] = [*sofar, part]
    parts = best[len(word)]
    return parts if parts is not None and len(parts) > 1 else []


def segment_terms(
    path: str, known: frozenset[str], memo: dict[str, str] | None = None
) -> list[str]:
    """Each literal segment's search terms, run-together words split into known parts
    (``/api/v1/persistentvolumes`` -> ``api``, ``v1``, ``persist volum``). ``memo`` keeps
    each segment's terms for the next path (the same ``known`` each time)."""
    out: list[str] = []
    for segment in literal_segments(path):
        joined = memo.get(segment) if memo is not None else None
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


def plain_segments(path: str) -> list[str]:
    """Each literal segment's search terms, as the path writes them (``segment_terms``
    without splitting run-together words)."""
    return [" ".join(terms(seg)) for seg in literal_segments(path)]


def resource(path: str) -> str:
    """The last literal segment of a path: what its operations act on."""
    literal = [seg for seg in path.split("/") if seg and not seg.startswith("{")]
    return literal[-1] if literal else ""


def is_item_path(path: str) -> bool:
    """The path names one item (it ends with a parameter, perhaps with a format suffix
    such as ``{Sid}.json``), not a collection or action."""
    last = _FORMAT_SUFFIX.sub("", path.rstrip("/").rsplit("/", 1)[-1])
    return last.startswith("{") and last.endswith("}")
