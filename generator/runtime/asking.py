"""What a request asks to do: its intent (``INTENTS``' values, or "act"), which says which
HTTP method and path shape search prefers.

- The verb says (create/add, remove/delete, change/rename, list/show), a verb with its
  particle before the verb alone ("set up" creates, "set" changes), and the first verb
  of a request before the others; "please", "can you" and "I need to" only lead up to it.
- A request that opens with a verb no intent names ("store the password as a secret")
  asks to act: a write.
- A question about what is or was reads, whatever verb it holds; a question without a
  verb asks to read; words in plural ask for a list.
- "get me a download link" asks for a new one; "find X and delete it" to delete; adding
  what the API has no resource of to a thing it has changes the thing; "PR 12 looks
  good, sign it off" asks what its last clause does.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .hints import HOW_IT_DID
from .objects import about_things, adds_to_item
from .openings import AUXILIARIES, MODALS, commands, determined, unled, verb_like
from .phrases import PHRASES
from .terms import (
    EDGES,
    PARTICLE_REACH,
    identifier,
    particles,
    read_particles,
    redone,
    stem,
    undone,
    value_like,
    without_identifiers,
    words,
)
from .vocabulary import (
    ADJECTIVES,
    APART,
    ATTRIBUTIVE,
    DETERMINERS,
    INTENTS,
    OPENING_INTENTS,
    PHRASAL,
    UNDONE,
)

_QUESTION_WORDS = frozenset(
    {"is", "are", "was", "were", "do", "does", "did", "has", "have", "had", "can", "could"}
    | {"will", "would", "what", "which", "who", "whose", "where", "when", "how"}
)


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
        for particle, apart in read_particles(query_words, at):
            phrasal = (apart and APART.get((word, particle))) or PHRASAL.get((word, particle))
            if phrasal is not None:
                return phrasal
        if word in ADJECTIVES and at and query_words[at - 1] in ATTRIBUTIVE:
            continue  # "any open chargebacks?", "the new users": an adjective
        if at and query_words[at - 1] in _SUBJECTS and not _asked_of(query_words, at - 1):
            continue  # "we run a fan site and need ...": what they do, told
        if word == "drop" and _drops_one_more(query_words[at + 1 :]):
            return "create"
        # "rerun the migration task", "redeploy my app": what is done again is done.
        found = INTENTS.get(word) or undoing(word, nouns) or INTENTS.get(redone(word))
        if found is None and at == 0:
            found = OPENING_INTENTS.get(word)
        if found is not None:
            return found
    return None


_SUBJECTS = frozenset({"we", "i", "they", "he", "she"})
"""Who a verb after them is told of, not asked of ("Before I edit policy p-a1 I need to
know ...", "we run a fan site and need ..."): what they do, or will do."""


_BEFORE_SUBJECT = AUXILIARIES | MODALS
"""Words a subject follows in a question ("can I delete it?", "should we remove him?")."""


def _asked_of(query_words: Sequence[str], at: int) -> bool:
    """Whether the subject at ``at`` follows an auxiliary or a modal (``_BEFORE_SUBJECT``),
    as in a question, not a statement."""
    return at > 0 and query_words[at - 1] in _BEFORE_SUBJECT


def _drops_one_more(after: Sequence[str]) -> bool:
    """Whether what follows "drop" adds one thing somewhere ("drop a :tada: on release 88",
    "drop an invite in the channel"), not takes one out ("drop a column from the table")."""
    return after[:1] in (["a"], ["an"]) and "from" not in after


def undoing(word: str, nouns: frozenset[str] = frozenset()) -> str | None:
    """The intent of a verb that undoes another ("unschedule", "unpin", "unarchive") that
    ``INTENTS`` does not name: by the intent of what it undoes, or a delete where that is
    one of the API's ``nouns`` ("unpin": the pin goes). Not a participle ("unmerged
    branches", "unused addresses"): that says what a thing is."""
    rest = undone(word)
    if not rest or word in INTENTS:
        return None
    done = INTENTS.get(rest) or OPENING_INTENTS.get(rest)  # "unshare": share undone
    if done is not None:
        return UNDONE.get(done)
    return "delete" if stem(rest) in nouns else None


def asked_for(
    query: str,
    own: Sequence[str] = (),
    nouns: frozenset[str] = frozenset(),
    named: frozenset[str] = frozenset(),
    actions: frozenset[str] = frozenset(),
) -> str | None:
    """What a request asks to do (an ``INTENTS`` value, or "act").

    - A question about what is or was reads (lists, for things), whatever verb it holds
      ("what files have people uploaded?": ``asks_what_is``).
    - A request to be given a new thing creates ("get me a download link":
      ``_gets_a_new_one``); to be given anything else reads ("give me the logs of pod
      web-1").
    - A request that first tells how things are asks in a later clause ("PR 12 looks
      good, sign it off", "campaign 55 has the wrong price - stop it":
      ``_then_commanded``).
    - Else its first verb's intent says; else it lists when it is about things (``own``,
      its words, has a plural); a question ("did the job finish?", "is it healthy")
      reads; a request that opens with some other verb ("store the password as a
      secret", "expose the app") acts (``commands``), before a plural when a
      determiner or a value follows the verb ("request a volume for my postgres pods");
      else None.

    ``nouns`` are the stems of the API's path words, ``named`` the terms of its names,
    summaries, paths and tags."""
    query_words = words(query)
    if asks_what_is(query_words):
        return "list" if about_things(own) else "read"
    if _gets_a_new_one(query_words) or _needs_a_new_one(query_words):
        return "create"
    # "please", "can you", "I need to": the verb comes after them.
    tokens = unled(query.split())
    if [t.strip(EDGES).lower() for t in tokens[:2]] in (["give", "me"], ["give", "us"]):
        # "give me the logs of pod web-1": what the caller is given is read.
        return "list" if about_things(own) else "read"
    commanded = _then_commanded(query, tokens, nouns, named)
    if commanded is not None:
        return commanded
    led = len(tokens) < len(query.split())
    found = intent(words(without_identifiers(query)), nouns)
    if found is not None and _opens_with_verb(tokens, nouns, named):
        found = "act"
    if found in ("read", "search", "list"):
        found = _then_written(query_words) or found
    if found == "create" and nouns and adds_to_item(query.split(), nouns):
        return "update"
    if found == "create" and _opens_one(query_words):
        return "read"
    if found is not None or not query_words:
        return found
    # "mute participants in conference 5": a verb the API's paths end in (not "completed
    # orders", which says what they are).
    first = tokens[0].strip(EDGES).lower() if tokens else ""
    if stem(first) in actions and not first.endswith("ed"):
        return "act"
    commanding = commands(tokens, nouns, named)
    questioned = query.rstrip().endswith("?")
    # A verb after "can you" ("can you store the password as a secret?"), or before a
    # determiner or a value, acts; so does one before the things that reads as no
    # adjective ("mute notifications for the next hour", not "unpaid invoices").
    if commanding and (led or determined(tokens) or (verb_like(first) and not questioned)):
        return "act"
    if about_things(own):
        return "list"
    if questioned or query_words[0] in _QUESTION_WORDS:
        return "read"
    return "act" if commanding else None


_DEFINITE = frozenset({"the", "this", "that", "my", "our", "his", "her", "their", "your"})


def _opens_one(query_words: Sequence[str]) -> bool:
    """Whether the request opens a thing that is there, to look at it: "open the Acme
    account, id 918", "open up the meeting with id 6620" (a definite thing and its
    value), "open invoice 10234" (a thing and its ID), not "open a ticket" or "open an
    account for ..."."""
    if "open" not in query_words:
        return False
    at = query_words.index("open") + 1
    if at < len(query_words) and query_words[at] == "up":
        at += 1
    if at >= len(query_words):
        return False
    if query_words[at] not in _DEFINITE:
        # "open invoice 10234", "open design 7c1e9a2f": a thing by its ID, nothing new.
        return (
            query_words[0] == "open"
            and query_words[at] not in _INDEFINITE
            and query_words[at] not in _OPENED
            and at + 1 < len(query_words)
            and identifier(query_words[at + 1])
        )
    return any(value_like(w) for w in query_words[at + 1 :])


_INDEFINITE = frozenset({"a", "an", "new", "another", "some"})
_OPENED = frozenset({"port", "ports"})
"""What is opened to let traffic in ("open port 443"), not to look at."""


_CLAUSE_BREAK = re.compile(r"[,;:!]\s+|\s+[-\u2013\u2014]+\s+|\.\s+")
_OBJECT_PRONOUNS = frozenset({"it", "them", "this", "that", "these", "those", "her", "him"})
_ON_WITH = frozenset({"now", "then", "so", "and", "just", "also", "please", "pls"})


def _then_commanded(
    query: str, tokens: Sequence[str], nouns: frozenset[str], named: frozenset[str]
) -> str | None:
    """What a request that first tells how things are asks to do, in a later clause ("PR
    12 looks good to me, sign off on it", "droplet 31 is frozen - give it a hard reboot"):
    the intent of the first clause after it that opens with a verb (one an intent
    names, or another verb followed by "it" or "them"). None where the request opens
    with a verb itself."""
    clauses = _CLAUSE_BREAK.split(query)
    if len(clauses) < 2 or _opens_as_command(tokens, nouns, named):
        return None
    told = [t.strip(EDGES).lower().replace("\u2019", "'") for t in clauses[0].split()]
    if not any(t in _TELLING_VERBS or t.endswith(("ed", "n't", "'s", "'re")) for t in told):
        return None
    for clause in clauses[1:]:
        rest = unled(clause.split())
        while rest and rest[0].strip(EDGES).lower() in _ON_WITH:
            rest = rest[1:]
        if not rest:
            continue
        said = words(" ".join(rest))
        if not said:
            continue
        if _opens_as_command(rest, nouns, named):
            return intent(said, nouns) or "act"
    return None


def _opens_as_command(tokens: Sequence[str], nouns: frozenset[str], named: frozenset[str]) -> bool:
    """Whether tokens open with a verb: one an intent names, alone or with its particle,
    or another verb followed by an object pronoun ("give it ...", "kick them ...")."""
    said = [t.strip(EDGES).lower() for t in tokens[: 1 + PARTICLE_REACH]]
    if not said or not said[0].isalpha():
        return False
    first = said[0]
    if first in INTENTS and first not in _NOT_COMMANDING:
        return True
    if any((first, particle) in PHRASAL for particle in particles(said, 0)):
        return True
    return len(said) > 1 and said[1] in _OBJECT_PRONOUNS and commands(tokens, nouns, named)


_NOT_COMMANDING = frozenset({"all", "every", "which", "many", "new", "details", "info", "status"})
"""Words of ``INTENTS`` that open a request without commanding ("all the pods ...")."""

_THEN = frozenset({"and", "then"})
_WRITES = frozenset({"create", "update", "delete", "enable", "disable"})


def _then_written(query_words: Sequence[str]) -> str | None:
    """What a request asks to do after finding something ("find the stale branch and
    delete it", "grab the next free IP and hold it"): the intent of a verb that changes
    things, right after "and" or "then"; what is found is only the way to it."""
    for at, word in enumerate(query_words[1:], start=1):
        if query_words[at - 1] in _THEN and word != "tell":
            found = INTENTS.get(word)
            # A verb with its object after it ("delete it", "delete the old ones"), not a
            # noun ("the back-and-forth and change history").
            after = query_words[at + 1 : at + 2]
            if found in _WRITES and (not after or after[0] in DETERMINERS):
                return found
    return None


def past_intent(word: str) -> str | None:
    """The intent of a verb in the past ("uploaded", "configured", "stopped"); None for any
    other word."""
    if not word.endswith("ed"):
        return None
    for form in (word[:-2], word[:-1], word[:-3]):  # upload-ed, configure-d, stopp-ed
        found = INTENTS.get(form)
        if found is not None:
            return found
    return None


def changed_in_question(query_words: Sequence[str]) -> list[str]:
    """The verbs of change in the past of a question about what happened ("what files have
    people uploaded?", "who deleted the Finance group?", "what changed between v1 and
    v2?"): they say which things are asked about, not what to do. Not in a yes-no question
    ("have I starred it?": the verb is what is asked), nor a verb read with its particle
    ("who am I logged in as?")."""
    if asks_how_far(query_words):
        return [w for w in query_words if _state_intent(w) in _WRITES]
    if not query_words or query_words[0] not in _ASKING or not asks_what_is(query_words):
        return []
    out: list[str] = []
    for at, word in enumerate(query_words):
        if past_intent(word) not in _WRITES:
            continue
        following = particles(query_words, at)
        if not any((word, p) in PHRASAL or (word, p) in PHRASES for p in following):
            out.append(word)
    return out


def asks_how_far(query_words: Sequence[str]) -> bool:
    """Whether a request is a yes-no question about how far something has got ("is the
    endpoint still creating?", "has the export finished yet?"): its verbs of change in
    progress say what state is asked about, not what to do."""
    return (
        bool(query_words)
        and query_words[0] in AUXILIARIES
        and asks_what_is(query_words)
        and not SO_FAR.isdisjoint(query_words)
    )


SO_FAR = frozenset({"still", "yet"})


def _state_intent(word: str) -> str | None:
    """The intent of a verb in progress ("creating", "running"); None for any other word
    (one in the past names the state itself: "is she still subscribed?")."""
    if not word.endswith("ing") or len(word) < 6:
        return None
    stem = word[:-3]
    for form in (stem, stem + "e", stem[:-1]):  # deploy-ing, creat(e)-ing, runn-ing
        found = INTENTS.get(form)
        if found is not None:
            return found
    return None


_GETTING = frozenset({"get", "give", "grab"})
_TELLING_HOW_MANY = frozenset(
    {"list", "summary", "count", "overview", "breakdown", "rundown", "few", "couple", "lot", "look"}
    | {"copy", "report", "view", "peek", "preview", "status", "glimpse"}
)


def _gets_a_new_one(query_words: Sequence[str]) -> bool:
    """Whether a request asks to be given a new thing: "get me a download link", "give me
    a hosted checkout page", "get an API key" (get, give or grab, maybe me or us, then a
    or an), "take a snapshot". Not "get me a list of ...", nor "get the invoice", nor
    "take a look": those read."""
    rest = list(query_words[:4])
    if rest[:1] == ["take"]:
        # "take a snapshot", "take a manual backup": made; "take a look": read.
        return _one_more(rest[1:])
    if not rest or rest[0] not in _GETTING:
        return False
    rest = rest[2:] if rest[1:2] in (["me"], ["us"]) else rest[1:]
    return _one_more(rest, ("a", "an"))


def _one_more(words: Sequence[str], articles: Sequence[str] = ("a", "an", "another")) -> bool:
    """Whether ``words`` open with one more of a thing ("a snapshot", "another column"),
    not with how much of it is told ("a list", "a look", "a few")."""
    return len(words) > 1 and words[0] in articles and words[1] not in _TELLING_HOW_MANY


def _needs_a_new_one(query_words: Sequence[str]) -> bool:
    """Whether a request says that a thing needs one more of something, and asks for no
    verb's intent after it: "our Status field needs a 'Blocked' choice", "the customers table needs
    a new column loyalty_tier" (a thing of its own that needs it: not "I need a list")."""
    if "needs" not in query_words:
        return False
    at = query_words.index("needs") + 1
    if intent(query_words[at:]) is not None:
        return False
    return _one_more(query_words[at:])


_ASKING = frozenset({"what", "which", "who", "whose", "where", "when", "why"})
_TELLING_VERBS = (AUXILIARIES - {"do", "does", "did"}) | frozenset(
    {"looks", "seems", "got", "needs", "keeps", "left", "broke", "ran", "went", "came"}
    | {"sent", "became", "hit", "belongs", "look", "seem", "keep", "belong", "be", "been"}
)
"""Verbs of a clause that tells how things are ("PR 12 looks good", "it broke"): the
auxiliaries but "do", and a few more (``_then_commanded``)."""


def asks_what_is(query_words: Sequence[str]) -> bool:
    """Whether a request is a question about what is or was: it opens with a question
    word or an auxiliary ("what files have people uploaded to task 4411?", "did text
    SM5a3c7d get delivered?", "why does batch-mig keep failing to create VMs?"), and
    its verb says what is asked about, not what to do. Not where a modal comes soon
    ("what can I delete?", "who should I add?"): there the verb says what to do; unless
    a kind of thing comes first ("what storage classes can I provision from?")."""
    if query_words[:1] == ["how"]:
        # "how long did the task take?", "how did the balance move?": what was, not how to
        # do it ("how do I rotate a key?", "how can I add a user?"), nor how well it did
        # ("how did our posts do?": figures, which are often reports made on request).
        return (
            not _HOW_ASKED.isdisjoint(query_words[1:3])
            and MODALS.isdisjoint(query_words[1:4])
            and HOW_IT_DID.search(" ".join(query_words)) is None
        )
    if not query_words or query_words[0] not in _ASKING | AUXILIARIES:
        return False
    if query_words[0] == "do" and query_words[1:2] in (["a"], ["an"]):
        return False  # "do a rolling restart of web": a command, not a question
    modal_at = next((at for at, word in enumerate(query_words[:4]) if word in MODALS), None)
    if modal_at is None:
        return True
    # "what GPU types can I attach?", "which folders can user 61 get into?": a question
    # about things of a kind, whatever may be done with them.
    return query_words[0] in ("what", "which") and modal_at > 1


_HOW_ASKED = AUXILIARIES - {"do"}
"""Auxiliaries after "how" (or "how long", "how often") that ask what is or was."""
_LIGHT_VERBS = frozenset({"let", "help", "try", "go", "keep", "leave", "drop"})
_PHRASAL_VERBS = frozenset(verb for verb, _ in PHRASAL) | frozenset(verb for verb, _ in PHRASES)


def _opens_with_verb(tokens: Sequence[str], nouns: frozenset[str], named: frozenset[str]) -> bool:
    """Whether the request's first word is a verb that names no intent (``commands``), so
    that a later word that names one is not what is asked ("nuke all the droplets": not
    to list them). Not a verb read with a particle ("kick jane out"), nor one that lets
    the next verb say ("let me see the pictures", "leave a comment")."""
    first = tokens[0].strip(EDGES).lower() if tokens else ""
    if first in INTENTS or first in _PHRASAL_VERBS or first in _LIGHT_VERBS:
        return False
    if undoing(first, nouns) is not None:  # "unshare folder 7", "unblock bob@acme.com"
        return False
    return commands(tokens, nouns, named)
