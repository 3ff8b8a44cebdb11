"""What a request's words do not ask to do: a verb it says not to do, a verb nobody should
be able to do, a verb whose permission it asks about, a verb someone is to be let do, the
event of a standing subscription ("whenever someone pushes"); the API's own name, which
says nothing of which operation is meant ("my Stripe balance"); and a question about the
API's way of doing something ("which endpoint creates a repo?"), which asks to do it.

"Lock the account without deleting it" asks to lock, not to delete; "make sure nobody can
push straight to main" asks to protect a branch, not to push; "am I allowed to delete pods
here?" asks what the caller may do, not to delete anything; "let bob push to my repo" asks
to grant bob access, not to push; "ping our endpoint whenever someone deletes a device"
asks for a webhook, not to delete. Such a verb is not what the request asks for (it does
not decide the HTTP method), and it is searched only as a near-synonym; the phrase says
something of its own instead (``MODAL``).

Which clause of a request is its main one is ``mainclause``'s.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .terms import EDGES, stems, unpossessive, words
from .vocabulary import DETERMINERS, INTENTS, STOP_WORDS, TITLE_WORDS, VERBS

# A verb a request says not to do: "without deleting", "don't (want to) merge", "instead
# of capturing", "rather than delete" (not "do not disturb", a status); or one that cannot
# be done, which tells of a problem ("they can't create more pods - how much quota is
# used?", "keeps failing to create VMs").
_NEGATED = re.compile(
    r"\b(?:without|(?:don'?t|do not)(?!\s+disturb\b)|no need to|rather than|instead of"
    r"|(?P<unable>can'?t|cannot"
    r"|can not|couldn'?t|won'?t|will not|unable to|fail(?:s|ed|ing)? to))"
    r"(?:\s+(?:want|need)\s+to)?\s+(?:actually\s+|really\s+|ever\s+|[a-z]+ly\s+)?"
    r"(?P<verb>[A-Za-z]+(?:-[A-Za-z]+)*)",
    re.IGNORECASE,
)
_ASIDE = frozenset(
    {"never", "mind", "actually", "wait", "oh", "sorry", "scratch", "nope", "hold", "hmm"}
    | {"second", "thought", "oops", "whoops", "ah", "no", "ok", "okay"}
)
"""Words a request may open with before it says what not to do after all: "never mind,
don't ...", "actually, do not ...", "oops, don't ..."."""
_INSTEAD = re.compile(
    r"(?:[,;:.!]|\s[-\u2013\u2014]+)\s*(?:but\s+)?(?:just|only|simply|instead)\b"
    r"|\binstead\b(?!\s+of)",
    re.IGNORECASE,
)
"""What a request asks in place of what it says not to do: "don't refund it - just
release the hold", "don't cancel the subscription, only detach the schedule"."""

QUOTED = re.compile(r"(?<!\w)'([^']+)'(?!\w)|\"([^\"]+)\"|“([^”]+)”|‘([^’]+)’")
"""Quoted text: a value (a title, a message, a name), not words of the request."""

_VERB = r"(?:(?:\w+ly|ever|even|still)\s+)?([A-Za-z]+(?:-[A-Za-z]+)*)"
"""The verb of a modal phrase, after an adverb at most ("can accidentally delete")."""
_ABLE = r"(?:be\s+able\s+to|be\s+allowed\s+to|get\s+to)\s+"
# Nobody should be able to do it: "nobody can push", "no one should be able to merge",
# "he shouldn't be able to open", "stop him from (being able to) logging in".
_PROHIBITED = re.compile(
    r"\b(?:nobody|no\s*-?\s*one|noone|none\s+of\s+\w+)\s+(?:else\s+)?"
    rf"(?:(?:can|could|should|may|will|must)\s+(?:{_ABLE})?|is\s+able\s+to\s+|gets?\s+to\s+)"
    rf"{_VERB}"
    rf"|\b(?:shouldn'?t|should\s+not|mustn'?t|must\s+not|won'?t|will\s+not|can'?t)\s+{_ABLE}"
    rf"{_VERB}"
    rf"|\bno\s+longer\s+(?:{_ABLE})?{_VERB}"
    r"|\b(?:stop|prevent|block|keep|bar)\s+(?:[\w.@'-]+\s+){1,3}?from\s+"
    rf"(?:being\s+able\s+to\s+)?{_VERB}",
    re.IGNORECASE,
)
_MAY_DO = (
    r"list|see|read|view|edit|write|push|pull|merge|delete|create|access|manage|approve"
    r"|deploy|publish|execute|impersonate|invoke|modify|change|update|remove|administer"
)
"""What someone may be asked whether they can do ("can user alice list secrets?"): the
verbs of permissions, not of capability ("can the connector reach the server?")."""
# Whether someone may do it: "am I allowed to delete", "whether the bot can create pods",
# "who can see the doc", "does bob have permission to push".
_PERMISSION = re.compile(
    rf"\b(?:allowed|permitted|authori[sz]ed)\s+to\s+{_VERB}"
    r"|\bwhether\s+(?:[\w.@'-]+\s+){1,5}?(?:can|could|may|is\s+able\s+to)\s+"
    + _VERB
    + rf"|\bwho\s+(?:else\s+)?(?:can|could|may|is\s+able\s+to)\s+{_VERB}"
    + rf"|\b(?:permission|rights?)\s+to\s+{_VERB}"
    # kubectl's own question: "kubectl auth can-i delete pods -n prod"
    + rf"|\bcan-i\s+{_VERB}"
    # "can user alice list secrets in finance?", "could the ci bot push to main?"
    + r"|^\W*(?:can|could|may)\s+(?!(?:i|we|you|u|ya|someone|somebody|anyone|anybody|it)\b)"
    + r"(?:[\w.@'/:-]+\s+){1,4}?(?:(?:still|actually|really|even)\s+)?"
    + rf"({_MAY_DO})\b"
    # No verb: "does alice have admin rights on the repo?"
    + r"|^\s*(?:does|do|has|have)\s+(?:[\w.@'-]+\s+){1,3}?(?:have|got)\s+(?:\w+\s+)?"
    + r"(?:access|rights|permissions?)\b(?!\s+to\b)()",
    re.IGNORECASE,
)
_GRANTED = r"(?:push|pull|read|write|edit|view|see|access|manage|merge|deploy|touch|work|use)"
"""What a user is let do: "let bob push", "let the NOC group view and edit devices"."""
# Someone is let do it, or given the access to: "let bob push to my repo", "give carol
# write access to acme/infra", "grant the QA team admin rights".
_GRANT = re.compile(
    r"\blet\s+(?!me\b|us\b)(?:[\w.@'()/-]+\s+){1,5}?(" + _GRANTED + r")\b"
    r"|\b(?:give|grant)\s+(?:[\w.@'()/-]+\s+){1,5}?(?:\w+\s+)?(?:access|rights|permissions?)\b()",
    re.IGNORECASE,
)
# What to do each time something happens: "ping our Slack endpoint whenever someone pushes",
# "notify my server every time a payment succeeds": a standing subscription (a webhook, an
# alert, a rule), not the thing that happens, whose words (up to the clause's end) only
# say which events. Not a time entry, sheet or zone ("list every time entry Sam put in").
_STANDING = re.compile(
    r"\b(?:whenever|(?:every|each|any)\s*time(?![\s-]*(?:entr|sheets?\b|logs?\b|zones?\b|"
    r"slots?\b|off\b|cards?\b|tracking\b|series\b|stamps?\b))|as\s+soon\s+as)\b\s*([^,;.!?]*)",
    re.IGNORECASE,
)
MODAL: dict[str, tuple[str | None, tuple[str, ...]]] = {
    "prohibited": ("update", ("protect", "restrict", "lock", "block", "disable")),
    "permission": (None, ("permission", "access", "allowed", "authorization", "review")),
    "grant": (
        "create",
        (
            "access",
            "collaborator",
            "member",
            "grant",
            "add",
            "invite",
            "binding",
            "permission",
            "iam",
        ),
    ),
    "standing": (
        "create",
        ("webhook", "hook", "subscription", "event", "alert", "rule", "watch"),
    ),
}
"""What a prohibition, a permission question, a grant and a standing subscription ask for:
the intent (``INTENTS``' values; None: no method rather than another) and the words they
search for."""


TITLE_READ = 12
"""Words of an API's title that may name it: a name comes first, and a title may be long."""
_ENSURE = re.compile(r"\b(?:make\s+(?:sure|certain)|ensure)\b", re.IGNORECASE)
"""Words that say a prohibition follows, and nothing to do themselves ("make" aside)."""


@dataclass(frozen=True)
class Modal:
    """A request with the verbs of its modal phrases taken out: ``query``, what is left;
    ``verbs``, the verbs taken out (the words of the event, for a standing subscription);
    ``kind``, a ``MODAL`` key, or None when it has none; ``lead``, what comes before the
    first modal phrase ("make sure" aside), whose verb, if it has one, is still what is
    asked ("delete the pod so that nobody can see it")."""

    query: str
    verbs: tuple[str, ...] = ()
    kind: str | None = None
    lead: str = ""


def unquoted(query: str) -> str:
    """``query`` with its quoted text blanked out, the same length: where its clauses and
    phrases are looked for."""
    return QUOTED.sub(lambda m: " " * len(m.group()), query)


_WAY = (
    r"(?:endpoint|(?:api|http)\s+(?:call|request|method|endpoint|operation|route)|api|call"
    r"|operation|method|route|tool|function|way)s?"
)
_BEST = (
    r"(?:(?:right|correct|best|easiest|simplest|quickest|fastest|recommended|preferred|proper"
    r"|usual|standard|cleanest|safest)\s+)?"
)
"""What a way to do something may be said to be ("the easiest way to ...")."""
_FOR = (
    r"(?:for\s+(?:me|us|you|one)\s+to|to|for"
    r"|(?:that\s+|which\s+)?(?:lets|allows|enables|helps)\s+(?:me|us|you|one)(?:\s+to)?"
    r"|(?:that|which)\s+(?:can|will|would)|(?:that\s+|where\s+)?(?:i|we|you)\s+(?:can|could)"
    r"(?:\s+use\s+to)?)\s+"
)
"""What comes between a way and what it does ("to", "for me to", "that lets me", "I can")."""
_FRAME = re.compile(
    # "which endpoint creates a repo?", "what's the right API call to list issues",
    # "what endpoint do I use to merge a PR?", "what's the easiest way for me to ..."
    r"^\W*(?:(?:what|which)(?:'s|\u2019s|\s+is|\s+are|\s+would\s+be)?\s+(?:the\s+|an?\s+)?"
    rf"{_BEST}{_WAY}\s+(?:and\s+(?:path|url|endpoint|route|body|parameters)\s+)?"
    # "what call do I make to ...", "which request should we send to ..."
    r"(?:(?:do|should|can|would|could|must)\s+(?:i|we)\s+(?:(?:need|have)\s+to\s+)?"
    r"(?:use|call|make|hit|send|invoke|run|need)\s+)?"
    r"(?:for\s+(?:me|us|you|one)\s+to\s+|(?:to|for|that|which)\s+)?"
    # "which API call lets me merge a PR?", "what endpoint allows you to rename a file?"
    r"(?:(?:lets|let|allows?|enables?|helps?)\s+(?:me|us|you|one)\s+(?:to\s+)?)?"
    # "is there a way to merge a PR?", "is it possible to update a release?", "is there an
    # API that lets me ...?", "is there a way I can ...?"
    rf"|is\s+(?:there|it)\s+(?:an?\s+|any\s+)?{_BEST}(?:{_WAY}|possible)\s+{_FOR}"
    # "what request do I need to send to merge a PR?"
    r"|(?:what|which)\s+(?:api\s+|http\s+)?requests?\s+(?:do|should|can|would|must)\s+(?:i|we)\s+"
    r"(?:need\s+to\s+|have\s+to\s+)?(?:send|make|use|call|hit)\s+(?:to|for)\s+"
    # "what do I call to merge a PR?", "what are the steps to rename a file?"
    r"|what\s+(?:do|should|can|would)\s+(?:i|we)\s+(?:need\s+to\s+|have\s+to\s+)?"
    r"(?:call|use|hit|run|invoke|do)\s+(?:to|for)\s+"
    # "what do I need to merge a PR?": what it takes is what the operation asks for
    r"|what\s+(?:do|would)\s+(?:i|we)\s+need\s+(?:in\s+order\s+)?to\s+"
    r"|what(?:'s|\u2019s|\s+is|\s+are|'re)?\s+the\s+steps?\s+(?:to|for)\s+"
    # "any way to merge a PR?", "anyway to rename a file?" (as it is often typed)
    r"|any\s*way\s+(?:to|for)\s+"
    # "write a script to delete stale branches", "give me a curl command that lists pods"
    r"|(?:write|give|show)\s+(?:me\s+|us\s+)?(?:an?\s+|some\s+)?(?:quick\s+|small\s+|simple\s+)?"
    r"(?:\w+\s+)?(?:script|code|snippet|program|command|example)\s+(?:that\s+|which\s+)?"
    r"(?:(?:calls|uses|hits)\s+(?:the\s+|this\s+|your\s+)?(?:\w+\s+)?api\s+)?(?:to|that|which)\s+"
    # "API call to get a repository", "endpoint for deleting a comment", "I need an API to
    # rename a file"
    r"|(?:(?:(?:i|we)(?:'m|\u2019m|'re|\u2019re|\s+am|\s+are)?\s+)?(?:need|want|looking\s+for)\s+"
    r"|(?:i|we)(?:'d|\u2019d|\s+would)\s+like\s+"
    # "find the operation to merge a PR", "search for an endpoint that lets me ..."
    r"|(?:find|search\s+for|look\s+for|look\s+up|locate|(?:show|give|get|tell)\s+me"
    r"|point\s+me\s+to)\s+)?"
    rf"(?:an?\s+|the\s+|any\s+)?{_BEST}"
    rf"(?:endpoint|api\s+call|api|operation|route|way)s?\s+{_FOR}"
    # "does the API support deleting comments?", "can this API let me merge PRs?"
    r"|(?:does|do|can)\s+(?:the|this|your)\s+api\s+(?:have|support|offer|provide|allow"
    rf"(?:\s+me)?(?:\s+to)?|let\s+me)\s+(?:an?\s+)?(?:{_WAY}\s+(?:to|for)\s+)?"
    # "can the API merge PRs?"
    r"|(?P<able>(?:can|could|will)\s+(?:the|this|your)\s+api\s+(?:be\s+used\s+to\s+)?))",
    re.IGNORECASE,
)
_SIBILANT_ES = ("ches", "shes", "sses", "xes", "zes")
_CONNECTORS = frozenset({"to", "for", "that", "which", "me", "us", "you", "one", "can", "could"})
"""The last words of a frame that a verb follows ("API call to", "endpoint that lets me",
"a way I can"); and "can the API" (``able``)."""


_HOW = re.compile(
    r"^\W*(?:(?:show|tell|teach|remind)\s+(?:me|us)\s*,?\s+|explain\s+"
    # "do you know how to ...?", "I'm not sure how to ...", "wondering how to ...",
    # "trying to figure out how to ..."
    r"|(?:do|does)\s+(?:you|anyone)\s+know\s+|i\s+(?:wonder|don't\s+know|do\s+not\s+know)\s+"
    r"|(?:(?:i'm|i\u2019m|i\s+am|we're|we\u2019re|we\s+are)\s+)?(?:not\s+sure|unsure|wondering)\s+"
    r"|(?:figure|work|find)\s+out\s+"
    # "any idea how to ...?", "got a clue how to ...?"
    r"|(?:(?:do\s+(?:you|u)\s+)?(?:have|got)\s+)?(?:any|an|a|no)\s+(?:idea|clue)s?\s+)?"
    r"how\s+(?:(?:do|can|could|would|should|shall|will|may|must)\s+(?:i|we|you|u|one)\s+"
    r"(?:go\s+about\s+|be\s+able\s+to\s+)?|to\s+)"
    # "I wonder if I can ...?", "do you know whether we could ...?" (not "where do I go to
    # ...?", which asks where)
    r"|^\W*(?:i\s+wonder|(?:i'm\s+|i\u2019m\s+|i\s+am\s+)?wondering|(?:do|does)\s+(?:you|anyone)"
    r"\s+know)\s+(?:if|whether)\s+(?:i|we|you)\s+(?:can|could)\s+"
    # "would it be possible to ...?", "any chance you could ...?", "would you mind ...?"
    r"|^\W*(?:(?:would|will|could)\s+it\s+be\s+possible\s+(?:for\s+(?:you|me|us)\s+)?to"
    r"|any\s+chance\s+(?:you|we|i)\s+(?:could|can)|do\s+you\s+think\s+you\s+(?:could|can)"
    # "can I see my invoices?", "may we rename the project?"
    r"|(?:can|could|may|should|shall)\s+(?:i|we)" r"|(?:would\s+you\s+)?mind(?=\s+\w+ing\b))\s+",
    re.IGNORECASE,
)
"""A question how to do something ("how do I merge a PR?", "show me how to rotate the
key") or whether it can be done ("would it be possible to ...?", "any chance you could
...?"), which asks to do it."""


_VIA = re.compile(
    r"(?:^\W*|\s+|,\s*)(?:via|using|through)\s+(?:the|this|your|our)\s+(?:rest\s+|http\s+|web\s+)?"
    r"api\b(?:\s*,)?",
    re.IGNORECASE,
)
"""How the caller would have it done, which every request to the API is: "... via the
API", "Using the API, ...": no words of what it asks."""


_WHEN = re.compile(
    r",?\s*\b(?:as\s+soon\s+as\s+(?:possible|you\s+can)|asap|right\s+away|straight\s+away"
    r"|at\s+your\s+earliest\s+convenience|when(?:ever)?\s+you\s+(?:can|get\s+a\s+chance)"
    r"|if\s+(?:possible|you\s+can|that's\s+possible|that\s+is\s+possible))\b",
    re.IGNORECASE,
)
"""When the caller would like it done, which says nothing of what: "... as soon as
possible", "asap", "right away", "when you can", "if possible"."""


def unframed(query: str) -> str:
    """``query`` without the words that ask for the API's way of doing something ("which
    endpoint creates a repo?", "is there a way to merge a PR?", "API call for listing
    issues", "how do I merge a PR?"): the request is to do it ("create a repo"), its verb
    in its plain form."""
    query = _WHEN.sub("", _VIA.sub("", query)).strip()
    how = _HOW.match(query)
    if how is not None:
        asked = query[how.end() :].rstrip().rstrip("?").rstrip()
        first, _, after = asked.partition(" ")
        verb = first.lower()
        # "how would I go about handing it over": its plain form.
        plain = _plain_verb(verb) if verb.endswith("ing") else None
        asked = f"{plain} {after}".rstrip() if plain is not None else asked
        if verb.isalpha() and verb not in STOP_WORDS:
            return asked
    found = _FRAME.match(query)
    if found is None or found.end() == len(query):
        return query
    # The question was the framing's ("which tool should I use to refund it?"): what it
    # frames is a request to do, no question.
    rest = query[found.end() :].rstrip().rstrip("?").rstrip()
    first, _, after = rest.partition(" ")
    word = first.lower()
    frame = words(found.group())
    connected = bool(frame) and (frame[-1] in _CONNECTORS or bool(found.group("able")))
    if word in STOP_WORDS:
        # "what endpoints are there?": no verb follows; in a question, what follows "to"
        # or "for" is what is asked about ("which call is for the pods that failed?"),
        # not in a phrase ("operations for the dev zone").
        questioned = connected and frame[-1] in ("to", "for") and query.rstrip().endswith("?")
        return rest if questioned else query
    plain = _plain_verb(word)
    following = words(after)[:1]
    if following and following[0] in _BEING:
        # "which ways to pay are enabled at checkout?": the ways are what is asked about.
        return query
    if plain is None and word.endswith("s") and following and following[0] in DETERMINERS:
        # A verb no intent names, as a determiner after it says: "merges a PR".
        plain = word[:-2] if word.endswith(_SIBILANT_ES) else word[:-1]
    if plain is not None:
        return f"{plain} {after}".rstrip()
    # Else a verb must follow "to" or "for": "which calls failed?" asks about calls.
    return rest if connected else query


_BEING = frozenset({"is", "are", "was", "were"})
"""What says a thing is something: after what a framing frames, it makes it the subject of
a question, not a verb of a request."""


def _plain_verb(word: str) -> str | None:
    """The plain form of a verb search knows, from itself or a form of it ("listing",
    "creating", "running"; "lists", "pushes", "copies"); None for any other word."""
    if word.endswith("ing"):
        forms = [word[:-3], word[:-3] + "e", word[:-4]]
    elif word.endswith("s"):
        forms = [word[:-1], word[:-2], word[:-3] + "y"]
    else:  # "which endpoints list pods"
        forms = [word]
    return next((form for form in forms if form in VERBS), None)


# What a request says it does not want, as a clause of its own: "not the actors - who
# wrote it?", "not a customer refund: claw back the transfer", "..., not just the direct
# members", "... but not the admins"; up to where the clause ends. Not "not sure", "not
# yet", "not only ... but also" (which wants both), nor a "not" inside a clause ("invoices
# that are not paid": a state asked for).
_NOT_WANTED = re.compile(
    r"(?:^|(?<=[,;:.!?(])|(?<=\s[-\u2013\u2014])|(?<=\s--)|(?<=[\u2013\u2014])|\bbut)\s*"
    r"(?P<not>\bnot\s+(?:(?P<only>only\s+)|(?:just|even|simply)\s+)?)"
    r"(?!(?:sure|yet|really|quite|very|too|so|now|always|ever|necessarily|exactly|certain"
    r"|that|if|when|because|to|urgent|important|needed|necessary|possible|able|allowed"
    r"|enough|much|working|anymore|again)\b)"
    r"(?P<thing>[^,;:.!?()\u2013\u2014\s][^,;:.!?()\u2013\u2014]*?)"
    r"(?=\s*(?:[,;:.!?()\u2013\u2014]|\s-+\s|$)|\s+(?:but|just|only|instead)\b)",
    re.IGNORECASE,
)


def _wanted_spans(query: str) -> list[re.Match[str]]:
    """``_NOT_WANTED``'s matches in ``query``, but "not only ... but also"."""
    return [
        found
        for found in _NOT_WANTED.finditer(query)
        if not (found.group("only") and re.match(r"\s*,?\s*but\s+also\b", query[found.end() :]))
    ]


def unwanted(query: str) -> set[str]:
    """The words of what ``query`` says, in a clause of its own, that it does not want
    (``_NOT_WANTED``): "not the actors - who were the writers?" asks for the writers."""
    return {w for found in _wanted_spans(query) for w in words(found.group("thing"))}


def unsaid(query: str) -> str:
    """``query`` without what it says not to do ("lock the account without deleting it",
    "hide the drive, I don't want to delete it"): that is no word of it. Unless the request
    opens with it, after an aside at most ("never mind, don't auto-merge PR 77"): then it
    asks to call that off, and the word says what. A verb that cannot be done goes only
    where an intent names it ("can't create more pods", not "won't boot", which says what
    the problem is), and not after "make sure" ("make sure they can't sign in": a
    prohibition)."""

    first = _NEGATED.search(query)
    if first is None:
        return query
    # Only the first of them may open the request.
    opening = (
        first.group().lower().startswith(("don", "do "))
        and all(w in STOP_WORDS or w in _ASIDE for w in words(query[: first.start()]))
        and not _INSTEAD.search(query, first.end())
    )

    def cut(found: re.Match[str]) -> str:
        if opening and found.start() == first.start():
            return found.group()
        if found.group("unable") and (
            found.group("verb").lower() not in INTENTS
            or _ENSURE.search(query[max(found.start() - 40, 0) : found.start()])
        ):
            return found.group()
        return found.group()[: found.start("verb") - found.start()]

    return _NEGATED.sub(cut, query)


def modal(query: str, blanked: str | None = None) -> Modal:
    """The verbs of ``query`` that nobody should be able to do, else those whose permission
    it asks about, else those someone is let do, else the words of the event of a standing
    subscription, taken out of it (a prohibition says most of what is asked: it comes
    first). ``blanked`` is ``query`` with the text that is no words of it (quoted values)
    blanked out, the same length: modal phrases are looked for in it."""
    seen = query if blanked is None else blanked
    patterns = (
        ("prohibited", _PROHIBITED),
        ("permission", _PERMISSION),
        ("grant", _GRANT),
        ("standing", _STANDING),
    )
    for kind, pattern in patterns:
        found = list(pattern.finditer(seen))
        if found:
            verbs: list[str] = []
            text = query
            for match in reversed(found):
                # The verb, where the phrase has one (an empty group where it has none).
                group = next(g for g in range(1, pattern.groups + 1) if match.group(g) is not None)
                start, end = match.span(group)
                if start == end:
                    continue
                verbs.insert(0, query[start:end])
                if kind == "standing":
                    # "every time", "as soon as": no words of the request either.
                    start = match.start()
                text = text[:start] + " " * (end - start) + text[end:]
            lead = _ENSURE.sub(" ", query[: found[0].start()])
            return Modal(text, tuple(verbs), kind, lead)
    return Modal(query)


_API_WORDS = frozenset({"api", "apis", "rest", "restful"})
"""Words a title has after an API's name ("App Store Connect API")."""


def api_names(title: str, path_words: frozenset[str]) -> frozenset[str]:
    """The words of an API's title that name it ("stripe" of "Stripe API", "netbox" of
    "NetBox API"), lower case: not words any API's title has (``TITLE_WORDS``), nor its
    paths' (Google Drive's "drive" is also what its operations act on). And its name where
    that is two words or more, joined by spaces ("app store connect" of "App Store Connect
    API"; ``brand_words``): written together in a request, they name the API whatever its
    paths say."""
    found = [bare(word) for word in title.split()[:TITLE_READ]]
    single = {
        word
        for word in found
        if word
        and word not in TITLE_WORDS
        and word not in STOP_WORDS
        and not set(stems(words(word))) & path_words
    }
    # Its name: the title's words before "API" ("App Store Connect API").
    name: list[str] = []
    for word in found:
        if not word.isalnum() or word in _API_WORDS or word in STOP_WORDS:
            break
        name.append(word)
    runs = {" ".join(name)} if len(name) > 1 else set()
    return frozenset(single | runs)


def brand_words(split: list[str], names: frozenset[str]) -> set[str]:
    """The words of a request's tokens (``split``) that name the API (``api_names``): a
    word of its name, or tokens that together are its name ("remove his App Store
    Connect account")."""
    said = [bare(t) for t in split]
    named = {at for at, word in enumerate(said) if word in names}
    for run in (name.split() for name in names if " " in name):
        size = len(run)
        for at in range(len(said) - size + 1):
            if said[at : at + size] == run:
                named.update(range(at, at + size))
    found = {w for at in named for w in words(split[at])}
    # A word said outside the name too ("every app we have in App Store Connect") is a
    # word of the request.
    return found - {w for at, t in enumerate(split) if at not in named for w in words(t)}


def bare(token: str) -> str:
    """A word as written, lower case, without what surrounds it: ``Stripe's,`` -> stripe."""
    return unpossessive(token.strip(EDGES + ".").lower())
