"""How a request opens before its verb, and reading past it: a greeting ("Hey Claude,"),
the words that lead up to the verb ("can you please", "I'm trying to", "I need you to") and
a label ("Quick one:", "Urgent!"). "Hey, can you please give me a checkout page" asks what
"give me a checkout page" does: every reader of a request looks for its verb first. And
whether the word a request opens with is a verb that commands ("store the password as a
secret", ``commands``) or opens a noun phrase ("price of a charging session").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .objects import about_things
from .terms import EDGES, stem, value_like, words
from .vocabulary import (
    ADJECTIVE_ENDS,
    DETERMINERS,
    EQUIVALENTS,
    NOT_VERBS,
    OPENING_ADJECTIVES,
    PROGRAMS,
    QUANTITIES,
    STOP_WORDS,
    VERBS,
)

LEADS = (
    ("please",),
    ("pls",),
    ("plz",),
    ("kindly",),
    ("possibly",),
    ("just",),
    ("also",),
    ("can", "you"),
    ("could", "you"),
    ("would", "you"),
    ("will", "you"),
    ("can", "u"),
    ("could", "u"),
    ("would", "u"),
    ("i", "need", "to"),
    ("we", "need", "to"),
    ("i", "want", "to"),
    ("we", "want", "to"),
    ("i'd", "like", "to"),
    ("we'd", "like", "to"),
    ("i", "would", "like", "to"),
    ("let's",),
    ("go", "ahead", "and"),
    ("it's", "time", "to"),
    ("help", "me"),
    ("now",),
    ("then",),
    ("and", "then"),
    ("be", "able", "to"),
    ("but",),
    ("so",),
    ("mind", "helping", "me"),
    ("do", "me", "a", "favor", "and"),
    ("do", "me", "a", "favour", "and"),
    ("are", "you", "able", "to"),
    ("can", "someone"),
    ("could", "someone"),
    ("can", "somebody"),
    ("can", "anyone"),
)


LONGEST_LEAD = max(len(lead) for lead in LEADS)


def unled(tokens: Sequence[str]) -> list[str]:
    """A request's tokens without the words that lead up to its verb ("please", "can you",
    "I need to", "let's"): "could you please store the password" -> "store the password"."""
    rest = list(tokens)
    changed = True
    while changed and rest:
        changed = False
        lowered = [t.strip(EDGES).lower().replace("\u2019", "'") for t in rest[:LONGEST_LEAD]]
        for lead in LEADS:
            if tuple(lowered[: len(lead)]) == lead and len(rest) > len(lead):
                rest, changed = rest[len(lead) :], True
                break
    return rest


_GREETING = re.compile(
    r"^\W*(?i:hey|hi|hello|yo|ok|okay|alright|so|um|hmm|btw|fyi|oh|by\s+the\s+way)\b"
    r"(?:\s+(?:(?i:there|team|all|folks)\b|[A-Z][\w-]*(?=\s*[,!:])))?\s*[,!.:;\u2014-]*\s+"
    r"|^\W*(?i:perfect|great|thanks|thank\s+you|cool|nice|awesome|got\s+it|excellent|good|"
    r"sounds\s+good|that\s+worked|done)\s*[,!.:;\u2014-]+\s+"
)
"""A greeting, filler or acknowledgement that opens a request, with whom it greets ("Hey
Claude,", "hi team!", "ok so", "Perfect.", "Thanks!")."""


_LABEL = re.compile(
    r"^\W*([A-Za-z][A-Za-z'-]*(?:\s+([A-Za-z][A-Za-z'-]*)){0,2})\s*"
    r"(?::|!|\s[-\u2013\u2014]|\.(?(2)|(?!)))\s+"
)
"""Up to three words, letters only, before a colon, a dash or an exclamation mark that
open a request ("Quick one:", "Urgent -", "Heads up!"; not "withdraw registration q1w2e
-"), or two or three before a full stop ("Quick question."; not "Dr.")."""


_WANTING = re.compile(
    # "the task is to ...", "my goal here is to ..."
    r"^\W*(?:(?:the|my|our)\s+(?:task|goal|aim|plan|job|idea|objective|ask)\s+(?:here\s+)?"
    r"is\s+to\s+"
    # "our client asked us to ...", "my boss wants me to ...": what they ask is asked for.
    r"|(?:the|my|our|a)\s+(?:[\w-]+\s+){1,2}?(?:asked|asks|wants|wanted|told|needs|needed)\s+"
    r"(?:us|me)\s+to\s+"
    # "my script fails when I try to ...": what it tries is asked for.
    r"|(?:the|my|our)\s+(?:[\w-]+\s+){1,2}?(?:fails|failed|errors(?:\s+out)?|breaks|crashes|"
    r"keeps\s+failing|(?:doesn't|does\s+not|isn't|is\s+not)\s+working)\s+when\s+(?:i|we|it)\s+"
    r"(?:try|tries|tried|attempt|attempts)\s+to\s+"
    r"|(?:(?:next|then|now|also|and|so)\s*,?\s+)?"
    r"(?:(?:(?:i|we)(?:'m|\u2019m|'re|\u2019re|\s+am|\s+are)?"
    r"|(?:i|we)(?:'d|\u2019d|\s+would))\s+)?"
    r"(?:(?:really|just|also|still|now|first|kindly)\s+)?"
    r"(?:(?:need|needs|want|wants|have|has|got|like|love|hope|hoping|trying|try|looking|"
    r"wish|going|ought|planning|intending|aiming|about)\s+(?:you\s+|u\s+)?to"
    r"|wanna|gotta|gonna|(?:must|should)(?!\s+(?:i|we)\b)|(?:request|ask)\s+(?:you|u)\s+to"
    r"|appreciate\s+it\s+if\s+you\s+(?:could|can|would)|hopefully\s+you\s+(?:can|could))\s+)"
    # "(I need to) know which numbers are tied to it": the question is what is asked.
    r"|(?:know|find\s+out|figure\s+out|work\s+out|understand|learn|determine)\s+"
    r"(?=(?:which|what|who|whose|where|when|how|whether|if)\b)",
    re.IGNORECASE,
)
"""A wish, a need or a plan that leads up to the verb, with or without who has it ("I'm
trying to", "we'd love to", "need to", "I need you to", "gotta", "I'm planning to", "the
task is to")."""


_SENTENCE_END = re.compile(
    r"(?<=[.!?])(?<!\b[A-Z]\.)(?<!\b(?i:mr|ms|dr|st|jr|sr|vs)\.)(?<!\b(?i:mrs)\.)"
    r"(?<!\b(?i:prof)\.)(?<!\b(?i:e\.g|i\.e|n\.b)\.)\s+"
)
"""Where a sentence ends: not after a title or an abbreviation ("Dr. Kim", "Mr. Okafor",
"e.g. open", "J. Smith")."""
_DASHED_QUESTION = re.compile(
    r"\s+[\u2014\u2013-]+\s+((?:what|which|how|where)\b[^.!?\u2014\u2013]*\?)\s*$", re.IGNORECASE
)
"""A question after a dash that ends a request ("... - what parameters do I need?")."""


def _asks(sentence: str, questions: bool = True, wished: bool = False) -> bool:
    """Whether ``sentence`` asks something: a question (where ``questions``), or a command
    (its verb first, past a greeting and the words that lead up to it; where ``wished``,
    any word that a wish or a need leads up to: "I have to close issue 42")."""
    if questions and sentence.rstrip().endswith("?"):
        return True
    greeted = _GREETING.sub("", sentence, count=1)
    rest = _unwished(greeted)
    if not rest:
        return False
    first = rest[0].strip(EDGES).lower()
    if first in VERBS:
        return True
    if (
        wished
        and _WANTING.match(greeted) is not None
        and first.isalpha()
        and first not in STOP_WORDS
    ):
        # What a wish or a need leads up to is a verb ("I have to close issue 42").
        return first not in NOT_VERBS and first not in QUANTITIES
    # A verb search names no intent for, as the determiner after it shows: "give me a
    # page", "paste this snippet"; not "Dana from legal needs ...", nor "Job 88123 failed".
    following = rest[1].strip(EDGES).lower() if len(rest) > 2 else ""
    return (
        first.isalpha()
        and first not in STOP_WORDS
        and first not in NOT_VERBS
        and first not in QUANTITIES
        and not first.endswith(("ly", "ing", "ed"))  # "including the ...", "based on the ..."
        and following in DETERMINERS
    )


# fmt: off
_HOLLOW = frozenset({
    "endpoint", "endpoints", "api", "call", "calls", "method", "methods", "path", "http",
    "correct", "right", "proper", "best", "handle", "help", "need", "parameters", "params",
    "arguments", "use", "tool", "tools", "operation", "request", "hit",
    "possible", "doable", "work", "start", "take", "care", "sort", "manage", "done", "go",
    "about", "way", "ways", "there", "supposed", "should", "look", "into", "able", "thing",
    "things", "step", "steps", "next", "sure", "ok", "okay", "idea", "ideas",
})
# fmt: on
"""The words of a sentence that asks or says nothing of its own ("Which endpoint should I
call?", "What do I do?", "Can you handle it?", "I need some help."), beside stop words: its
request is in the sentences around it."""


def asked_first(query: str) -> str:
    """``query`` with the sentence that asks something first, where sentences that only
    tell (what the caller is working on, what happened) come before it: "We're migrating
    this week. Delete webhook 7." reads "Delete webhook 7. We're migrating this week." The
    sentences that tell stay, after it: they often name what it is about. A sentence that
    asks or says nothing of its own (``_HOLLOW``) is left out: "I need to rotate the key. Which
    endpoint should I call?" asks what "I need to rotate the key" does."""
    tail = _DASHED_QUESTION.search(query)
    if tail is not None and _hollow(tail.group(1)):
        # "... via the API - what parameters do I need?": a question that asks nothing of
        # its own after a dash.
        query = query[: tail.start()]
    sentences = _sentences(query.strip())
    said = [sentence for sentence in sentences if not _hollow(sentence)]
    if said and len(said) < len(sentences):
        sentences = said
        query = " ".join(said)
    first = next((i for i, sentence in enumerate(sentences) if _asks(sentence)), None)
    if not first:  # the first sentence asks, or none does
        return _command_first(query)
    asked = _command_first(sentences[first])
    return " ".join([asked, *sentences[:first], *sentences[first + 1 :]])


def _sentences(text: str) -> list[str]:
    """The sentences of ``text``: a name in DNS written whole, with its final dot
    ("example.com."), ends none where a word in lower case follows ("what records are in
    example.com. right now?")."""
    sentences: list[str] = []
    for sentence in _SENTENCE_END.split(text):
        if sentences and _WHOLE_NAME.search(sentences[-1]) and sentence[:1].islower():
            sentences[-1] += " " + sentence
        else:
            sentences.append(sentence)
    return sentences


_WHOLE_NAME = re.compile(r"\w\.[a-z]{2,6}\.$")
"""A domain name that ends with its root's dot, as DNS writes it whole ("example.com.")."""


_CONTRACTED = frozenset({"s", "re", "ll", "ve", "d", "m"})
"""What is left of a contraction once its apostrophe splits it ("what's", "I'm")."""


def _only(said: list[str], vocabulary: frozenset[str]) -> bool:
    """Whether every word of ``said`` is a stop word, a contraction's end or in
    ``vocabulary``: what says nothing of what to do."""
    return all(w in STOP_WORDS or w in _CONTRACTED or w in vocabulary for w in said)


def _hollow(sentence: str) -> bool:
    """Whether ``sentence`` asks or says nothing of its own (``_HOLLOW``): "What do I do?",
    "I need some help."."""
    return _only(words(sentence), _HOLLOW)


_CLAUSE_END = re.compile(r",\s+|;\s+|\s[-\u2013\u2014]+\s+")
"""The end of a clause before a command: a comma, a semicolon or a dash between spaces
("Jane changed her phone - update her record"), not a hyphen ("Reyes-Smith")."""
LEADING_WORDS = 12
"""Words of a clause before a command at most (``_command_first``)."""


# fmt: off
_COURTESY = frozenset({
    "whenever", "chance", "moment", "minute", "sec", "second", "time", "spare", "free", "get",
    "have", "find", "bother", "trouble", "pester", "sorry", "quick", "quickly", "real",
    "really", "possible", "convenience", "rush", "hurry",
})
# fmt: on
"""The words of a clause that only asks politely ("When you get a chance,", "Sorry to
bother you,", "Real quick,", "If possible,"), beside stop words: it says nothing of what
to do, and its "get" is no verb of the request."""


def _command_first(sentence: str) -> str:
    """``sentence`` with the command that follows a clause before it first, and that clause
    after it: "Jane changed her phone, update her record" reads "update her record, Jane
    changed her phone", whose verb is "update". A clause that only asks politely
    (``_COURTESY``) or hedges (``_HEDGE``) goes: "When you get a chance, give me a page"
    reads "give me a page"."""
    first = _CLAUSE_END.search(sentence)
    if first is not None and _polite(sentence[: first.start()]):
        sentence = sentence[first.end() :]
    if _asks(sentence, questions=False):
        return sentence
    for comma in _CLAUSE_END.finditer(sentence):
        before, after = sentence[: comma.start()], sentence[comma.end() :]
        if len(before.split()) > LEADING_WORDS:
            break
        if _asks(after, questions=False, wished=True):
            said = after.rstrip()
            end = said[len(said.rstrip(".!")) :]
            return f"{said[: len(said) - len(end)]}, {before.strip()}{end}"
    return sentence


_HEDGE = frozenset(
    {"sure", "unsure", "whether", "know", "possible", "doable", "allowed", "support", "supports",
     "supported", "api", "works", "think", "idea"}
)  # fmt: skip
"""The words of a clause that only hedges ("Not sure if this is possible,", "I'm not sure
whether the API supports this, but"), beside stop words: it says nothing of what to do."""


_UNASKED = _COURTESY | _HEDGE


def _polite(clause: str) -> bool:
    """Whether ``clause`` only asks politely (``_COURTESY``) or hedges (``_HEDGE``)."""
    said = words(clause)
    return bool(said) and _only(said, _UNASKED)


def opening(query: str) -> str:
    """``query`` from its verb on: without a greeting (``_GREETING``) and the words that
    lead up to the verb (``LEADS``, ``_WANTING``), and with a label before its verb ("Quick
    one:", "Canary time -") after it. "Hey, can you please give me a checkout page" asks
    what "give me a checkout page" does; read with them, its verb was no longer its first
    word, and the request lost what it asks to do."""
    query = asked_first(_GREETING.sub("", query, count=1))
    label = _LABEL.match(query)
    # A label names no verb, nor a thing of its own ("Fix a typo:", "add an expense:" say
    # what to do).
    if label is not None and not any(w in VERBS or w in DETERMINERS for w in words(label.group(1))):
        rest = _unwished(query[label.end() :])
        if len(rest) > 1 and rest[0].strip(EDGES).isalpha():
            return " ".join(rest) + f" ({label.group(1)})"
    rest = _unwished(query)
    return " ".join(rest) if len(rest) < len(query.split()) else query


def _unwished(query: str) -> list[str]:
    """The tokens of ``query`` from its verb on (``LEADS``, ``_WANTING``), however many of
    them lead up to it ("could you please ... I need to ...")."""
    tokens = query.split()
    while True:
        rest = unled(tokens)
        text = " ".join(rest)
        wish = _WANTING.match(text)
        if wish is not None and wish.end() < len(text):
            rest = text[wish.end() :].split()
        if len(rest) == len(tokens):
            return rest
        tokens = rest


AUXILIARIES = frozenset({"did", "does", "do", "is", "are", "was", "were", "has", "have", "had"})
MODALS = frozenset({"can", "could", "should", "would", "will", "shall", "may", "might"})
"""The auxiliaries and modals a question opens with, or a subject is followed by."""
_AFTER_SUBJECT = (
    AUXILIARIES
    | MODALS
    | {"left", "here", "there", "just", "only", "wants", "needs", "said", "says", "asked"}
)
_SUBCOMMANDS = frozenset({"get", "create", "delete", "describe", "remove", "add", "fetch"})
"""Verbs that follow a name as a program's commands do ("kubectl get pods") or a manner
("bulk delete"): the name before them is no verb of the request. Not the verbs that are
nouns as often ("dedupe list 4", "install update 7")."""


def commands(tokens: Sequence[str], nouns: frozenset[str], named: frozenset[str]) -> bool:
    """Whether a request opens with a verb, one that no intent names ("store the password
    as a secret", "expose the app on port 80", "label instance api-3 env=prod"): it asks
    to do something, which reading does not. Its first word is a plain word that is
    no stop word, number, preposition or abbreviation of a noun ("pr"). Where it is
    one of the API's nouns (``nouns``: "pods in prod"), a determiner must come next
    ("claim a volume", "tag this release"). Where it is a word of the API's names
    (``named``: "stock level of ...", "version history for ..." open with nouns), two or
    fewer letters (``vm``, ``ip``) or the request's words but one ("vm image"), a
    determiner or a value must come next ("watch this repo", "text +15551234567 ...")."""
    first = tokens[0].strip(EDGES).lower() if tokens else ""
    if not first.isalpha() or first in STOP_WORDS or first in QUANTITIES or first in NOT_VERBS:
        return False
    if first in PROGRAMS:  # "kubectl scale deployment web --replicas=5"
        return False
    if first.endswith("ly") and first not in _VERBS_IN_LY:  # "actually", "quickly"
        return False
    if _noun_like(first):  # "activity feed page 2", not "ship the logs", "silence him"
        return False
    second = tokens[1].strip(EDGES).lower() if len(tokens) > 1 else ""
    if second in _AFTER_SUBJECT:  # "dave left the company", "Jenkins here: ..."
        return False
    if second == "of":  # "price of a charging session", "history of stack 9": a noun
        return False
    if second in _RELATIVE and about_things([first]):
        return False  # "reviews that touched a file", "maps I created": things, described
    third = tokens[2].strip(EDGES).lower() if len(tokens) > 2 else ""
    if second in ("and", "or") and third not in VERBS:  # "emergency and noc people"
        return False
    if second in _SUBCOMMANDS and not about_things([first]):
        # "kubectl get pods", "bulk delete the drafts"; not "have sessions delete themselves"
        return False
    if first in EQUIVALENTS:
        return False
    if stem(first) in nouns:  # "claim a volume", "tag this release": not "pods in prod"
        # "group all the films", "tag every open issue": a quantity follows a verb too.
        return (second in DETERMINERS or second in _SPREAD) and len(tokens) > 2
    if stem(first) not in named and len(first) > 2 and len(tokens) > 2:
        return True
    return determined(tokens)


_VERBS_IN_LY = frozenset({"apply", "reply", "supply", "multiply", "comply", "rely"})
"""Verbs that end as adverbs do ("apply filter 991 to view 77120")."""
_NOUN_ENDS = ("ity", "ness", "ship", "ance", "ence", "ics", "ism")
"""How nouns end, not verbs ("activity", "membership", "attendance", "analytics")."""


def _noun_like(word: str) -> bool:
    """Whether ``word`` ends as a noun does, with four letters or more before the ending
    (not "ship", "silence"), and is no verb search knows."""
    return (
        any(word.endswith(end) and len(word) >= len(end) + 4 for end in _NOUN_ENDS)
        and word not in VERBS
    )


_RELATIVE = frozenset({"that", "which", "who", "whose", "where", "i", "we", "you", "they"})
"""Words that open a clause saying which things are meant, after them ("maps I created")."""


def verb_like(word: str) -> bool:
    """Whether a request's first word, one ``commands`` takes for a verb, reads as one
    rather than as an adjective: none of ``OPENING_ADJECTIVES``, none of adjectives'
    endings (``ADJECTIVE_ENDS``)."""
    return len(word) > 2 and word not in OPENING_ADJECTIVES and not word.endswith(ADJECTIVE_ENDS)


_SPREAD = frozenset({"all", "every", "each", "both"})
"""Quantities that follow a verb as a determiner does ("group all the films")."""


def determined(tokens: Sequence[str]) -> bool:
    """Whether a determiner or a value follows the first word ("request a volume for my
    postgres pod", "route example.com to ..."), or a word and a value ("label video 4040
    with ...")."""
    following = tokens[1] if len(tokens) > 1 else ""
    if following.strip(EDGES).lower() in DETERMINERS or value_like(following):
        return True
    # A noun and its value ("label video 4040 with ...", "reparent category 20").
    return len(tokens) > 2 and following.isalpha() and value_like(tokens[2])
