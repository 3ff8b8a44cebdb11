"""What a request says, as search reads it against one API (``read``): its own words and
their terms, the words that are values, the near-synonyms to search as well, what it
asks to do (``asking``), and the shape of what it is about (one thing or many, the
caller's own, everywhere or within one parent, the API itself). ``search.Index`` scores
operations with it; nothing here looks at an operation.
"""

from __future__ import annotations

from itertools import pairwise

from .apiwords import ApiWords
from .asking import (
    SO_FAR,
    asked_for,
    asks_how_far,
    asks_what_is,
    changed_in_question,
    intent,
)
from .clauses import MODAL, QUOTED, bare, brand_words, modal, unquoted, unwanted
from .hints import BACK_UP_AGAIN, FIGURES_ASKED, HINTS, SHOULD_HAVE, SQL_TEXT
from .objects import (
    about_things,
    known_things,
    named_by_value,
    named_many,
    object_and_context,
    object_named,
    things_asked,
)
from .phrases import PHRASES, SENDING
from .phrasing import (
    ASKED_OF_ME,
    BY_DEFAULT,
    CAUSATIVE,
    COMPARED,
    CORRECTED,
    CUE_PATTERNS,
    DOERS,
    EVERY,
    EVERYONE,
    FAILED_SIGN_INS,
    GIVEN_TO,
    GOT_DONE,
    HAVE_ASKED,
    HOW_MANY,
    IDENTIFIER,
    IN_ONE,
    INCLUDING,
    INITIALS,
    LEFT_QUOTE,
    LET_DO,
    LIST_OF,
    MADE_SO,
    MANY,
    MARKED_AS,
    MEMBER_OF,
    MENTIONING,
    META_WORDS,
    NEED_NEW,
    ON_FILE,
    PAYING,
    REFS,
    RESCHEDULED,
    SCOPE,
    SENT_BY,
    STATE_ASKED,
    STATES,
    STOP_DOING,
    STOP_SENDING,
    TELLING,
    TIME_SPENT,
    TIME_WORKED,
    TITLED,
    TURNED_BACK_ON,
    UNITS,
    WANTED_GONE,
    WHAT_HAPPENED,
    WHO,
    WHO_DID,
    WITH_SPAN,
    WRITTEN_SHORT,
    let_alone,
)
from .request import Reading, adding, aside, said_aside
from .synonyms import SYNONYMS
from .terms import (
    EDGES,
    WORDY_KINDS,
    compounded,
    phrase_terms,
    redone,
    related,
    stem,
    stems,
    value_kind,
    value_kinds,
    value_like,
    without_identifiers,
    words,
)
from .values import (
    MONEY,
    field_labels,
    hyphenated_names,
    money,
    proper_names,
    said_once,
)
from .vocabulary import (
    BREADTH,
    EQUIVALENTS,
    INTENTS,
    NUMBERED_WORDS,
    PEOPLE,
    STOP_WORDS,
)


def _asked_instead(query: str, wanted: str | None, sending: bool, asks_who: bool) -> str | None:
    """What a request asks to do where its shape says more than its verb: a message sent
    (``SENT_BY``) or a new thing wanted (``NEED_NEW``) is made; to stop following or
    sharing (``STOP_DOING``) undoes it, and so does saying a thing should be no more
    (``WANTED_GONE``); to stop being sent something (``STOP_SENDING``) turns off what
    sends it; a question who asks for a list."""
    if wanted in (None, "act") and STOP_DOING.search(query):
        return "delete"
    if WANTED_GONE.search(query):
        return "delete"
    if wanted in (None, "act", "read", "list") and STOP_SENDING.search(query):
        return "disable"
    if sending and wanted not in ("create", "act"):
        return "create"
    if NEED_NEW.search(query) and wanted in (None, "list", "read", "act"):
        return "create"
    if BY_DEFAULT.search(query) and wanted in (None, "create", "read", "act"):
        return "update"
    if CORRECTED.search(query) and wanted in (None, "list", "read"):
        return "update"
    if RESCHEDULED.search(query) and wanted in (None, "act", "create"):
        return "update"
    if asks_who and wanted in (None, "read"):
        return "list"
    return wanted


_MAKING = frozenset(stems(["create"]))
"""The term of making, which a verb with its particle may mean ("set up")."""
_BACKED_UP = frozenset(stems(PHRASES[("back", "up")]))
"""What "back up" means alone (a backup), which a machine brought back up is not."""
LEFT_OF = frozenset({"s", "d", "m"})
"""What is left of a possessive or a contraction once words are split at the apostrophe
("the issue's watchers", "who's", "I'd", "I'm"): no word of the request, which would
match every possessive of the API's texts."""


def _again(word: str, api: ApiWords) -> str:
    """The verb of ``word`` where it is that verb done again (``redone``) and the API has
    no term of it: a verb search knows (``INTENTS``) or the API acts by, and has; not a
    word search knows alone ("remove", "restore"). Else ""."""
    verb = redone(word)
    if (
        verb
        and word not in INTENTS
        and word not in SYNONYMS
        and stem(word) not in api.known
        and (verb in INTENTS or stem(verb) in api.action_verbs)
        and stem(verb) in api.known
    ):
        return verb
    return ""


def read(query: str, api: ApiWords, api_names: frozenset[str]) -> Reading:
    """How search reads ``query`` against an API's words (``api``; ``api_names``: the words
    of its title that name it)."""
    # Initials joined by "&" are one abbreviation ("P&L": pl, profit and loss).
    query = INITIALS.sub(r"\1\2", query)
    # "e.g." and "etc." are no file names ("what roles can a contact be given, e.g. noc").
    query = WRITTEN_SHORT.sub(",", query)
    # What is left alone is not wanted ("leave the status alone, reword the description").
    query, left_alone = let_alone(query)
    # "have the reader collect $12.50": who is to do it, and what; no auxiliary's question.
    errand = CAUSATIVE.match(query)
    query = query[errand.end() :] if errand else query
    # Quoted text is a value (a title, a message, a name): its words are not the request's.
    quoted = {w for span in QUOTED.findall(query) for part in span for w in words(part)}
    statement = SQL_TEXT.search(query)
    if statement is not None:  # And so is a statement of SQL.
        quoted |= set(words(statement.group()))
    # A verb nobody should be able to do, or whose permission is asked about, is not.
    said = modal(query, unquoted(query))
    # A standing subscription's clause is blanked out of what is read; the phrases that
    # name a thing may take it in ("email me whenever ...").
    whole = query if said.kind == "standing" else said.query
    query = said.query
    query_words = compounded(words(query))
    split = query.split()
    tokens = [
        t
        for t in split
        if value_like(t) and not api.is_name(t) and bare(t).lower() not in NUMBERED_WORDS
    ]
    token_words = {w for t in tokens for w in words(t)}
    # A word said outside a value too ("our Discord server: https://discord.com/...") is
    # a word of the request.
    value_words = token_words - {w for t in set(split) - set(tokens) for w in words(t)}
    named = {t: api.typed_id(t) for t in tokens}
    # Each word's kind of value, and the names of what takes it (``VALUE_KINDS``).
    kind_of = {t: value_kind(t) for t in split}
    for at, t in enumerate(split[:-1]):
        if kind_of[t][0] == "version" and split[at + 1].strip(EDGES).lower() in UNITS:
            kind_of[t] = ("", ())
    # A number with a currency ("25 euros", "USD 20") is money, as "€25" is; the currency
    # is no word of the request.
    currencies = money(split)
    for t in currencies:
        kind_of[t] = MONEY
    searched = {
        w for t in tokens if kind_of[t][0] in WORDY_KINDS and not named[t] for w in words(t)
    }
    hyphenated = {w for t in hyphenated_names(split, api) for w in words(t)}
    value_words |= hyphenated
    searched |= hyphenated
    # The API's own name ("my Stripe balance") says nothing of which operation is meant:
    # it is no word of the request (unless the request has no other).
    brand = brand_words(split, api_names)
    # A person's name ("kick bob off the project") is no word of the request: it says
    # that the thing acted on is someone, a user or a member.
    people = {bare(t) for t in split if bare(t) in PEOPLE} - quoted
    # A known first name's surname ("Maria Lopez") is the name too.
    people |= {
        bare(after)
        for t, after in pairwise(split)
        if bare(t) in people and after[:1].isupper() and bare(after).isalpha()
    }
    titled = [(title.lower(), name) for title, name in TITLED.findall(query)]
    people |= {w for title, name in titled for w in (title, *words(name))}
    # The one acted on, right after the verb ("kick bob off", "invite sam"): a user.
    someone = len(split) > 1 and bare(split[1]) in people
    value_words |= quoted | brand | people | {w for t in currencies for w in words(t)}
    value_words |= proper_names(split, api)
    own = [
        w for w in query_words if w not in STOP_WORDS and w not in value_words and w not in LEFT_OF
    ]
    own = said_once(api.apart(own, api_names), split, tokens)
    labels = field_labels(split, set(tokens))
    own = [w for w in own if w not in labels]
    if ON_FILE.search(query):
        own = [w for w in own if w != "file"]
    if HAVE_ASKED.search(query):
        own = [w for w in own if w != "have"]
    member_of = MEMBER_OF.search(query)
    if member_of is not None:
        relation = set(words(member_of.group(2)))
        own = [w for w in own if w not in relation]
    if GOT_DONE.search(query):
        own = [w for w in own if w != "get"]
    spent = TIME_SPENT.search(query)
    if spent is not None:
        verb = spent.group().split()[0].lower()
        own = [w for w in own if w != verb]
    did = set(words(" ".join(found.group() for found in WHO_DID.finditer(query))))
    if did:
        # Who did it ("by which user?", the somebody of "somebody changed it") is not
        # what is asked about.
        doer = did & DOERS | {"somebody", "someone"} & set(query_words)
        own = [w for w in own if w not in doer]
    if not own and not any(named.values()):
        # Nothing but values ("billing.invoices.get", "setup.md"): they are the request.
        own = [w for w in query_words if w not in STOP_WORDS]
    # An ID names its object: "cus_9" is the request saying "customer".
    own += [term for t in tokens for term in named[t] if term not in own]
    # Initials are read off words of the request, not of values ("switch ex-closet-3").
    own, pieces = api.spelt_out(query_words, own, STOP_WORDS | token_words | quoted)
    # A word the API's paths write run together ("replicasets") mentions its parts.
    pieces |= {part for term in stems(own) for part in api.run_together.get(term, ())}
    # A question about what happened: its verbs of change say which things, not what
    # to do ("what files have people uploaded?", "who deleted the group?").
    changed = set(changed_in_question(query_words))
    # And the verbs of a question who did it ("who's been changing quote 640?").
    changed |= did - DOERS - STOP_WORDS
    states = STATE_ASKED.search(query) is not None
    if states:
        changed |= STATES.intersection(query_words)
    happened = [w for w in own if w in changed]
    if happened and len(happened) < len(own):
        own = [w for w in own if w not in happened]
    else:
        happened = []
    if asks_how_far(query_words):
        # "is the endpoint still creating?": the verb is the state asked about, no near
        # word of what is done; "still" and "yet" ask how far it has got, of anything.
        happened = []
        own = [w for w in own if w not in SO_FAR]
    own_terms = stems(own)
    own_terms += [t for t in related(own, EQUIVALENTS) if t not in own_terms]
    # A verb done again that is no word of the API's ("rerun", "redeploy", "resync") is
    # that verb, done: what the API does is what it does again.
    adding(own_terms, [verb for w in own if (verb := _again(w, api))])
    values = [t for t in stems(sorted(searched - STOP_WORDS)) if t not in own_terms]
    # "my" (a word of its own, not part of a name such as my-lib): the calling user.
    telling = [w for w in query.lower().split() if w.strip(EDGES) in TELLING]
    # A verb read with its particle ("hand the repo over", "leave a note") means what the
    # two say together, as much as a word given: not the verb alone, nor its near-synonyms.
    # Quoted text left or dropped somewhere is a note ("leave 'LGTM' on MR 12").
    noted = LEFT_QUOTE.sub(" note ", query)
    for clause in left_alone:
        # What is left alone says nothing of what to do ("leave the status alone, ...").
        noted = noted.replace(clause, ",")
    # "get him set up": the verb after says what is asked.
    noted = GOT_DONE.sub(lambda done: done.group()[3:], noted)
    phrased, with_particle = phrase_terms(compounded(words(without_identifiers(noted))))
    particle_verbs = set(stems(with_particle))
    own_terms = [t for t in own_terms if t not in particle_verbs]
    questioned = asks_what_is(query_words)
    if questioned:
        # A question about what is ("which shops are set up under it?"): a verb with its
        # particle that means making ("set up") asks to make nothing.
        phrased = [t for t in phrased if t not in _MAKING]
    if BACK_UP_AGAIN.search(query):
        # "bring the box back up": started again, not backed up.
        phrased = [t for t in phrased if t not in _BACKED_UP]
    own_terms += [t for t in phrased if t not in own_terms]
    hinted = (
        ["search", "filter", "query"] if COMPARED.search(query) or MENTIONING.search(query) else []
    )
    hinted += [w for pattern, meant in HINTS if pattern.search(query) for w in meant]
    asks_who = WHO.match(query) is not None
    who_did = bool(did)
    if member_of is not None:
        hinted += ["user", "member", "membership", "joined"]
    if asks_who and not who_did:
        hinted += ["user", "member", "people", "participant"]
    if who_did:
        # Its record: a history, an audit log, an issue's changelog ("who bumped it?").
        adding(own_terms, ["history", "audit", "log", "changelog"])
    if HOW_MANY.search(query):
        adding(own_terms, ["count"])
    if spent is not None:
        adding(own_terms, TIME_WORKED)
    cued: set[str] = set()
    cued_terms: set[str] = set()
    for cue, meant in CUE_PATTERNS:
        found_cue = cue.search(whole)
        if found_cue is not None:
            # The phrase says the thing's words ("on every node": a DaemonSet), not its own.
            cue_words = words(found_cue.group())
            cued.update(cue_words)
            cued_terms.update(stems(cue_words))
            own_terms = [t for t in own_terms if t not in cued_terms]
            adding(own_terms, meant)
    if WHAT_HAPPENED.search(query) or FAILED_SIGN_INS.search(query) or who_did:
        hinted += ["event", "activity", "log", "history", "audit"]
    if states or MARKED_AS.search(query):
        hinted += ["state", "status"]
    if LET_DO.search(query):
        hinted += ["permission", "allow", "allowed", "access", "grant"]
    sent_by = SENT_BY.search(query)
    if sent_by is not None:
        adding(own_terms, ["send"])
        hinted += list(SENDING[sent_by.group(1).lower()])
    if any(title == "dr" for title, _ in titled):
        hinted += ["doctor", "physician", "provider"]
    if any(IDENTIFIER.fullmatch(t.strip(EDGES)) for t in tokens):
        hinted += ["code", "search"]
    if not PAYING.isdisjoint(query_words) and any(kind_of[t] == MONEY for t in split):
        hinted += ["payment", "transfer"]
    base = own + happened + telling + ["someone"] * someone
    alone = [w for w in base if w not in with_particle] if base else query_words
    near = [t for t in related(alone, SYNONYMS) if t not in own_terms]
    adding(near, happened + hinted, own_terms)
    adding(near, sorted(labels), own_terms)
    # What takes the values it holds is what it is about, a little ("read docs/setup.md":
    # a file; "invite new-hire@acme.io": an email address).
    kinded = [n for t in split for kind, names in [kind_of[t]] if kind not in REFS for n in names]
    adding(near, kinded, own_terms)
    if said.kind is not None:
        adding(own_terms, MODAL[said.kind][1])
        if said.kind == "permission" and asks_who:
            # "who can see acme/web?": the people who may, its collaborators and members.
            adding(own_terms, ["collaborator", "member"])
        taken = [w for w in words(" ".join(said.verbs)) if w not in STOP_WORDS]
        adding(near, taken, own_terms)
    broad = any(w in BREADTH and w not in cued for w in query_words)
    nouns = api.path_vocabulary
    one_named = named_by_value(split, nouns)
    if said.kind is None:
        asked = things_asked(own, one_named, nouns)
        wanted = asked_for(noted, asked, nouns, api.named, api.action_verbs)
        if wanted == "create" and MADE_SO.search(query):
            # "make" says nothing of which thing: no word of the request, nor "create".
            wanted = "update"
            made = set(stems(["make", *SYNONYMS["make"]]))
            own = [w for w in own if w != "make"]
            own_terms = [t for t in own_terms if t not in made]
            near = [t for t in near if t not in made]
    else:
        wanted = intent(words(said.lead), nouns) or MODAL[said.kind][0]
        if wanted is None and said.kind == "permission" and not asks_who:
            # "is she allowed to merge?", "does ops-bot have manage rights on it?": a
            # check (who may, a list of them).
            wanted = "check"
        if said.kind == "standing" and wanted in ("read", "list", "search"):
            # "I want our bot to get an HTTP call every time ...": each time, a subscription.
            wanted = MODAL[said.kind][0]
    wanted = _asked_instead(query, wanted, sent_by is not None, asks_who)
    listed = LIST_OF.search(query) is not None
    if listed and wanted == "read":
        wanted = "list"  # "pull up the list of people who ...": the people
    if errand is not None and wanted in (None, "read", "list"):
        wanted = "act"
    if (
        wanted in (None, "read", "list", "search")
        and not questioned
        and not query.rstrip().endswith("?")
        and SHOULD_HAVE.search(query) is not None
    ):
        wanted = "act"
    along = {w for span in INCLUDING.findall(query) for w in words(span)}
    if along:
        # What goes along with the thing is not the thing ("including all its users").
        own, own_terms, near = said_aside(along, own, own_terms, near)
    unwanted_words = unwanted(query)
    if unwanted_words:
        # What the request says it does not want is not the thing ("not the actors - who
        # wrote it?"), but it often names its kind ("not the project's sell orders, the
        # workgroup's"): a near-synonym.
        own, own_terms, near = said_aside(unwanted_words, own, own_terms, near)
    if wanted == "create":
        # What a new thing comes with says what it has, not what it is ("create an account
        # for Jane with a temp password she changes at first sign-in").
        given = {w for spans in WITH_SPAN.findall(query) for span in spans for w in words(span)}
        own, own_terms, near = said_aside(given, own, own_terms, near)
    given_to = GIVEN_TO.search(unquoted(query))
    if given_to is not None:
        # Giving someone something makes a grant (a binding, a license, a membership): who
        # gets it says where it goes, a little ("give the ci-bot service account the edit
        # role": not the service account, nor an edit).
        recipient = {w for w in words(given_to.group(1)) if w not in STOP_WORDS}
        own, own_terms, near = aside(recipient, set(stems(sorted(recipient))), own, own_terms, near)
        wanted = "create"
    if wanted == "enable" and TURNED_BACK_ON.search(query):
        # "turn the recommender back on": what was paused resumes, or starts again.
        own = [w for w in own if w != "back"]
        own_terms = [t for t in own_terms if t != "back"]
        adding(near, ["resume", "reactivate", "restart"], own_terms)
    if wanted in ("enable", "disable"):
        # What is turned on or off is often a setting of a thing ("turn on object versioning
        # for the acme-logs bucket"): a change of it. Not "setting", whose stem is a verb's.
        adding(near, ["update", "configuration", "modify", "attribute", "preference"], own_terms)
    exact, outright = api.named_outright(query)
    # "look up registrant 7788990011": one item of the thing the opening verb acts on.
    acted_on = object_named(split, nouns) if wanted in ("read", "delete") else None
    # "add user 5 to group 9", "cut a branch from tag v1.2": where or whose a thing is
    # is not the thing asked for.
    about, context = object_and_context(split)
    parent = set(stems(context)) | set(related(context, EQUIVALENTS))
    parent -= set(stems(about)) | set(related(about, SYNONYMS))
    return Reading(
        asked=wanted in ("read", "list") and questioned,
        own=own,
        own_terms=own_terms,
        values=values,
        near=near,
        wanted=wanted,
        kinds=value_kinds(query, (kind_of[t] for t in split)),
        broad=broad,
        # "in prod", "in this namespace": a collection within one parent.
        scoped=not broad and bool(SCOPE.search(unquoted(query))),
        plural=about_things(things_asked(own, one_named, nouns))
        or EVERY.search(unquoted(query)) is not None
        or listed
        or asks_who
        or not EVERYONE.isdisjoint(query_words),
        # About one thing: an operation on many at once is not the first choice.
        many=bool(MANY.intersection(query_words))
        or IN_ONE.search(query) is not None
        or named_many(query),
        # "my": the calling user's own paths (/me/..., /user/...) before anyone's.
        mine=any(w.strip(EDGES) in ("my", "mine") for w in telling)
        or ASKED_OF_ME.search(query) is not None,
        meta_asked=bool(META_WORDS.intersection(query_words)),
        mentioned=frozenset(own_terms) | frozenset(near) | frozenset(values) | pieces,
        exact=exact,
        outright=outright,
        parent=frozenset(parent),
        existing=frozenset(parent.intersection(stems(known_things(split)))),
        named_one=frozenset({acted_on} - parent if acted_on is not None else ()),
        counting=HOW_MANY.search(query) is not None and FIGURES_ASKED.search(query) is not None,
        belonging=frozenset(stems(words(member_of.group(1)))) if member_of else frozenset(),
    )
