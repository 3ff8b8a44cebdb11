"""What search knows of how people ask for HTTP operations: stop words, the verbs that
say which method is meant, abbreviations, the kinds of values a request holds (the
near-synonyms of API vocabulary are ``synonyms``, its phrases ``phrases``).

Plain tables, kept apart from the ranking in ``search`` so that either can be read (and
changed) alone.
"""

from __future__ import annotations


def _split(text: str) -> list[str]:
    return text.split()


STOP_WORDS = frozenset(
    _split(
        """a an the of for to in on at by with from into onto as am is are be been being was were it
    its this that these those there here and or but if then than so such can could would should will
    shall may might must do does did done i me my mine we us our you your he she they them their
    his her please want wants wanted need needs needed like just also some any all each every which who
    whom whose what when where why how about via per not no yes up down out over under again
    let lets gonna wanna ok okay hey thanks thank let's i'm i'd i've it's what's that's
    much many now another"""
    )
    # What is left of a contraction once words are split at the apostrophe ("I've", "don't",
    # "we'll"): the verb it joins says what is meant, not the piece.
    + _split("t ve ll re don didn doesn isn aren wasn weren haven hasn hadn wouldn shouldn")
    + _split("couldn")
)
"""Words that say nothing about which operation is meant (though "my" and "all" say
something of its shape, which ``intent`` reads before they are dropped)."""

INTENTS: dict[str, str] = {
    **dict.fromkeys(
        _split(
            "create add make new open start post register insert generate submit build launch "
            "spin setup initiate issue upload send invite attach deploy run trigger dispatch "
            "schedule provision enqueue fork copy duplicate import subscribe follow star put save "
            "ask buy purchase answer reply respond record log reserve hold book tell clone pay "
            "ring dial publish block ban bill invoice append enroll"
        ),
        "create",
    ),
    **dict.fromkeys(
        _split(
            "delete remove destroy erase drop kill wipe purge discard unregister revoke terminate "
            "uninstall unstar unfollow unsubscribe rid trash detach tear yank unpublish nuke scrap "
            "ditch decommission disconnect unlink unhook unlike unsave unfavorite unfavourite "
            "unbookmark unheart unwatch unmute disassociate dissociate strip"
        ),
        "delete",
    ),
    **dict.fromkeys(
        _split(
            "update change edit modify rename set tweak bump alter adjust patch replace configure "
            "toggle move turn switch mark rotate reset assign unassign scale grow shrink "
            "resize limit cap restrict promote demote archive retire lock unlock pause unpause "
            "resume suspend approve reject fix correct amend reword repair postpone reschedule "
            "delay extend reassign flip swap increase decrease raise lower widen narrow tighten "
            "loosen allow permit deny forbid prevent restore recover undelete reinstate upsert "
            "overwrite"
        ),
        "update",
    ),
    **dict.fromkeys(
        _split(
            "get show see view fetch retrieve look read display inspect describe details "
            "info detail status download grab much dump chart plot tail"
        ),
        "read",
    ),
    # What is exported is read out (GET .../export) or made as a file (POST .../exports).
    "export": "export",
    "check": "check",
    **dict.fromkeys(_split("enable activate"), "enable"),
    **dict.fromkeys(_split("disable deactivate"), "disable"),
    **dict.fromkeys(_split("list all every browse enumerate which many"), "list"),
    **dict.fromkeys(_split("search find query lookup filter grep"), "search"),
}
"""Verbs by what they ask to do; the first one in a request decides."""
UNDONE = {"create": "delete", "update": "update", "delete": "update"}
"""What undoing a verb's intent asks for: undoing a create deletes ("unschedule",
"unsubscribe"), undoing an update or a delete is an update ("unarchive"; "undelete":
restore)."""

OPENING_INTENTS: dict[str, str] = {
    "tag": "create",
    "label": "create",
    "draft": "create",
    "carve": "create",
    "bake": "create",
    "onboard": "create",
    "share": "create",
    "pull": "read",
    "empty": "delete",
    "expand": "update",
    "shift": "update",
}
"""Verbs that are nouns as often, read as verbs only where they open the request ("tag
hosted zone Z1 with env=prod"; not "take the 'urgent' tag off")."""

LEFT_NOTES = tuple(
    (verb, thing)
    for verb in ("leave", "drop")
    for thing in ("comment", "note", "message", "review", "feedback", "reply", "line")
)
"""A note left or dropped somewhere ("leave a comment on it", "drop a note on the task")."""

PHRASAL: dict[tuple[str, str], str] = {
    ("set", "up"): "create",
    ("spin", "up"): "create",
    ("sign", "up"): "create",
    ("back", "up"): "create",
    ("kick", "off"): "create",
    ("fire", "off"): "create",
    ("fire", "up"): "create",
    ("take", "out"): "delete",
    ("pull", "out"): "delete",
    ("pull", "off"): "delete",
    ("pull", "back"): "act",
    ("pull", "in"): "act",
    ("pull", "into"): "act",
    ("kick", "out"): "delete",
    ("boot", "out"): "delete",
    ("call", "off"): "act",
    ("throw", "away"): "delete",
    ("throw", "out"): "delete",
    ("clean", "up"): "delete",
    ("clean", "out"): "delete",
    ("tear", "down"): "delete",
    ("get", "rid"): "delete",
    ("get", "onto"): "create",
    ("get", "into"): "create",
    ("take", "off"): "delete",
    ("take", "away"): "delete",
    ("shut", "down"): "act",
    ("empty", "out"): "delete",
    ("turn", "off"): "disable",
    ("turn", "on"): "enable",
    ("switch", "off"): "disable",
    ("switch", "on"): "enable",
    ("roll", "back"): "update",
    ("push", "back"): "update",
    ("move", "back"): "update",
    ("bring", "forward"): "update",
    ("hand", "over"): "update",
    ("point", "at"): "update",
    ("sign", "out"): "act",
    ("log", "out"): "act",
    ("look", "up"): "read",
    ("look", "at"): "read",
    ("pull", "up"): "read",
    ("find", "out"): "read",
    ("dump", "to"): "create",
    ("dump", "into"): "create",
    ("drop", "into"): "create",
    ("drop", "onto"): "create",
    ("drop", "in"): "create",
    ("tell", "about"): "read",
    ("dig", "up"): "search",
    ("loop", "in"): "create",
    ("wake", "up"): "act",
    ("bring", "in"): "create",
    ("bring", "into"): "create",
    ("load", "into"): "create",
    ("carry", "on"): "act",
    ("keep", "eye"): "read",
    ("get", "out"): "act",
    **dict.fromkeys(LEFT_NOTES, "create"),
}
"""Verbs with a particle, which may come a few words later ("kick jane out"): they ask for
something other than the verb alone ("set" changes, "set up" creates)."""
VERBS = frozenset(INTENTS) | frozenset(verb for verb, _ in PHRASAL)
"""The verbs search knows: each intent's, each verb read with a particle."""

APART: dict[tuple[str, str], str] = {
    ("kick", "off"): "delete",
}
"""Verbs with a particle that mean something else with words between them: "kick off the
build" (or "kick it off") starts it (``PHRASAL``), "kick them off the board" removes
them."""

PRONOUNS_OF_THINGS = frozenset({"it", "one", "this", "that"})
"""What stands for a thing between a verb and its particle ("kick it off")."""

ADJECTIVES = frozenset({"open", "new"})
"""Verbs of ``INTENTS`` that are adjectives after ``ATTRIBUTIVE`` words ("any open
chargebacks?", "the new users")."""
ATTRIBUTIVE = frozenset(
    {"any", "the", "my", "our", "your", "their", "its", "some", "no", "these", "those", "each"}
)
"""Words after which ``ADJECTIVES`` are adjectives, not verbs."""
ADJECTIVE_ENDS = (
    "ed", "ing", "ive", "al", "ous", "ful", "less", "able", "ible", "ic", "ent", "ant", "y",
    "ue", "id", "est", "er", "ish", "ary", "ory", "ile", "ar", "or",
)  # fmt: skip
"""Endings of words that are adjectives as often as verbs ("failed", "pending", "active",
"recent", "overdue", "unpaid", "older"), or nouns ("category", "error")."""
OPENING_ADJECTIVES = frozenset(
    {"old", "new", "big", "small", "large", "open", "free", "hot", "top", "last", "next"}
    | {"unread", "paid", "public", "private", "main", "live", "dead", "long", "short", "high"}
    | {"low", "full", "empty", "own", "same", "other", "all", "most", "many", "few", "some"}
    | {"more", "less", "average", "breakdown", "overall"}
)
"""Words that open a request as often as a verb does and are none, though they end like
one: adjectives and quantities ("unread messages", "more pictures like this one"), and
nouns of figures ("average CPU", "breakdown of costs")."""

METHODS: dict[str, dict[str, float]] = {
    "create": {"POST": 1.0, "PUT": 0.6},
    "delete": {"DELETE": 1.0, "POST": 0.2},
    "update": {"PATCH": 1.0, "PUT": 0.9, "POST": 0.5},
    # A feature is turned on and off by changing a setting, or by creating and deleting it.
    "enable": {"PUT": 1.0, "POST": 0.9, "PATCH": 0.9},
    "disable": {"PATCH": 1.0, "DELETE": 0.9, "PUT": 0.8, "POST": 0.6},
    "read": {"GET": 1.0, "HEAD": 0.5},
    "list": {"GET": 1.0},
    "search": {"GET": 1.0, "POST": 0.3},
    "export": {"GET": 1.0, "POST": 1.0},
    "check": {"GET": 1.0, "POST": 0.9},
    # A verb no intent names ("store", "expose", "label"): something is to be done.
    "act": {"POST": 1.0, "PUT": 0.9, "PATCH": 0.9, "DELETE": 0.5},
}

EQUIVALENTS: dict[str, tuple[str, ...]] = {
    "repo": ("repository",),
    "bug": ("issue",),
    "repository": ("repo",),
    "pr": ("pull", "request"),
    "mr": ("merge", "request"),
    "doc": ("document",),
    "document": ("doc",),
    "dir": ("directory",),
    "config": ("configuration",),
    "configuration": ("config",),
    "info": ("information",),
    "temp": ("temporary",),
    "ipv": ("ip",),  # an IPv4 or IPv6 address is an IP address
    "ou": ("organizational", "unit", "orgunit"),  # a directory's OU
    "app": ("application",),
    "application": ("app",),
    "auth": ("authentication", "authorization"),
    "id": ("identifier",),
    "msg": ("message",),
    "img": ("image",),
    "pic": ("picture",),
    "stat": ("statistic",),
    "db": ("database",),
    "k8s": ("kubernetes",),
    "admin": ("administrator",),
    "administrator": ("admin",),
    "ns": ("namespace",),
    "svc": ("service",),
    "pto": ("time", "off"),
    "var": ("variable",),
    "cert": ("certificate",),
    "creds": ("credential",),
    "perms": ("permission",),
    "pkg": ("package",),
    "deps": ("dependency",),
    "gha": ("actions",),  # GitHub Actions
    "sts": ("statefulset",),  # kubectl's short names that are not initials
    "netpol": ("networkpolicy",),
}
"""Abbreviations and their long forms: searched at the full weight of the word given."""

DERIVED = (
    ("register", "registration"),
    ("subscribe", "subscription"),
    ("verify", "verification"),
    ("notify", "notification"),
    ("revoke", "revocation"),
    ("invoke", "invocation"),
    ("permit", "permission"),
    ("submit", "submission"),
    ("modify", "modification"),
    ("identify", "identification"),
    ("resolve", "resolution"),
    ("redeem", "redemption"),
    ("create", "creation"),
    ("suspend", "suspension"),
    ("extend", "extension"),
    ("expire", "expiration"),
    ("retain", "retention"),
    ("exclude", "exclusion"),
    ("include", "inclusion"),
    ("compare", "comparison"),
    ("recover", "recovery"),
    ("discover", "discovery"),
    ("inquire", "inquiry"),
    ("transcribe", "transcription"),
    ("consume", "consumption"),
    ("deny", "denial"),
    ("decide", "decision"),
    ("reduce", "reduction"),
    ("repeat", "repetition"),
    ("depart", "departure"),
)
"""Verbs and the nouns made of them whose stems differ ("register", ``registration``):
each is the other at the full weight of the word given, as ``EQUIVALENTS`` are."""
for _verb, _noun in DERIVED:
    EQUIVALENTS.setdefault(_verb, ())
    EQUIVALENTS[_verb] += (_noun,)
    EQUIVALENTS.setdefault(_noun, ())
    EQUIVALENTS[_noun] += (_verb,)
del _verb, _noun

_FILE_PATH = r"(?:~?/|\./)?(?:[\w.-]+/)*[\w-][\w.-]*"
"""A file's path up to the dot before its extension (``~/.ssh/id_ed25519``, ``docs/setup``)."""
_FILE_NAMES = ("path", "file", "filename", "filepath")
"""The argument names that take a file, of whatever type."""
_TYPED_FILES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("key", "pub|key", ("key", "public")),
    ("video", "mp4|mov|avi|mkv|webm|m4v", ("video", "media")),
    ("image", "jpe?g|png|gif|webp|svg|heic|bmp|tiff?", ("image", "photo", "picture", "thumbnail")),
    ("audio", "mp3|wav|flac|m4a|ogg|aac", ("audio", "track", "song", "media")),
    ("subtitles", "srt|vtt", ("caption", "subtitle", "track")),
    ("document", "pdf|docx?|pptx?|xlsx?|odt", ("document", "attachment", "drive")),
    ("certificate", "pem|crt|cer|p12|pfx", ("certificate", "cert", "key")),
    ("yaml", "ya?ml", ("yaml", "config", "configuration")),
)
"""Files whose type says what they are, by their extensions (in any case), and the names
of what takes them beside a file's (``VALUE_KINDS``): an office document is kept in a
drive, too ("older versions of proposal.docx": a drive's item); a YAML file is a
configuration ("export the appveyor.yml", "run the deploy.yml pipeline")."""

FILE_NAME = (
    _FILE_PATH
    + r"\.(?i:"
    + "|".join((*(extensions for _, extensions, _ in _TYPED_FILES), "csv|txt|md|json|zip"))
    + ")"
)
"""A file's name (a pattern) by an extension files of documents, media and data have
(``contract_draft.docx``, ``users_2024.csv``): a file, however many parts its name has,
not a name written as code."""

VALUE_KINDS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("email", r"[^@\s/]+@[^@\s/]+\.[a-z]{2,}", ("email", "address")),
    ("url", r"[a-z][a-z0-9+.-]*://\S+", ("url", "uri", "link", "endpoint", "callback")),
    ("ip", r"\d{1,3}(?:\.\d{1,3}){3}(?:/\d{1,2})?", ("ip", "address", "cidr")),
    ("version", r"v?\d+\.\d+(?:\.\d+)?(?:[-+][\w.]+)?", ("version", "tag", "release", "ref")),
    (
        "domain",
        r"(?:[a-z0-9-]+\.)+(?:com|org|net|io|dev|app|ai|co|cloud|edu|gov|info|biz|tech|site)",
        ("domain", "host", "hostname"),
    ),
    ("handle", r"@[\w-]+", ("username", "user", "login", "assignee", "member", "handle")),
    ("channel", r"#[A-Za-z][\w-]*", ("channel", "conversation", "room", "hashtag", "tag")),
    ("uuid", r"[0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12}", ("id", "uuid")),
    ("sha", r"(?=[0-9a-f]*[a-f])(?=[0-9a-f]*[0-9])[0-9a-f]{7,40}", ("sha", "commit", "ref")),
    ("cve", r"(?i:cve)-\d{4}-\d{4,}", ("cve", "vulnerability", "vuln", "advisory")),
    ("ghsa", r"(?i:ghsa)(?:-[0-9a-z]{4}){3}", ("ghsa", "advisory", "vulnerability")),
    # A tracker's key ("HR-19", "PLAT-55"); not a standard's name ("AES-256", "UTF-8").
    (
        "key",
        r"(?!(?:AES|SHA|UTF|ISO|RFC|RSA|TLS|SSL|HTTP|COVID)-)[A-Z][A-Z0-9]{1,9}-[1-9]\d*",
        ("key", "issue", "ticket"),
    ),
    (
        "duration",
        r"(?:\d+(?:\.\d+)?(?:ms|s|sec|secs|m|min|mins|h|hr|hrs|d|w))+",
        ("duration", "spent", "estimate", "timeout", "ttl", "interval", "period", "expiry"),
    ),
    (
        "size",
        r"\d+(?:\.\d+)?(?:[kmgtp]ib?|[kmgtp]b|[KMGTP]i?B?)",
        ("size", "capacity", "storage", "memory", "disk", "quota"),
    ),
    (
        "date",
        r"\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?",
        ("date", "since", "until", "before", "after", "start", "end", "time", "timestamp", "due"),
    ),
    ("money", r"[$€£]\d[\d,]*(?:\.\d+)?", ("amount", "price", "cost", "total", "balance")),
    ("phone", r"\+\d{7,15}", ("phone", "number", "to", "from", "caller")),
    (
        "percent",
        r"\d+(?:\.\d+)?%",
        ("percent", "percentage", "threshold", "target", "utilization", "ratio"),
    ),
    *(
        (kind, _FILE_PATH + r"\.(?i:" + extensions + ")", (*names, *_FILE_NAMES))
        for kind, extensions, names in _TYPED_FILES
    ),
    ("file", _FILE_PATH + r"\.[a-zA-Z][a-zA-Z0-9]{0,4}", _FILE_NAMES),
    ("route", r"/[a-z][\w.-]*(?:/[\w.*-]+)*/?", ("path", "url", "uri", "route", "endpoint")),
    ("variable", r"[A-Z][A-Z0-9_]*=[^\s=]+", ("env", "environment", "variables", "variable")),
    # A name in capitals with an underscore is an environment variable's or a secret's
    # ("DATABASE_URL", "NPM_TOKEN"); not "environment", which is also where code is deployed.
    (
        "constant",
        r"[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+",
        ("env", "variables", "variable", "secret", "secrets"),
    ),
    ("pair", r"[A-Za-z][\w.-]*=[^\s=]+", ("tags", "tag", "labels", "label", "metadata")),
)
"""Values a request may hold, by kind (checked in this order; the first kind that a whole
word has is its kind), and the argument names that take such a value: "show me
src/index.js" asks for an operation with a ``path`` argument, "log 3h30m" one with a
``duration``, "grow it to 50GB" one with a ``size``, "call /healthz through the proxy" one
with a ``path`` or ``url`` (a route: a leading "/" and a letter, so no "/28" and no
"owner/repo"), "tag it with env=prod" one with tags or labels (a key and its value), "set
LOG_LEVEL=debug" one with environment variables (a key in capitals), "rotate DATABASE_URL"
one with environment variables or secrets (a name in capitals), "post in #general" one
with a channel (a hash and a name: no "#42")."""

TITLE_WORDS = frozenset(
    _split("""api apis rest restful web http https service services platform documentation docs
    official spec specification openapi swagger extension extensions cloud connect server
    interface reference public private v1 v2 v3 version odata namespace management admin
    core""")
)
"""Words API titles are made of beside the API's name ("Box Platform API", "OData Service
for namespace microsoft.graph"): a request's word that is one of these is its own."""

DETERMINERS = frozenset(
    _split("the a an this that these those my our your his her their its it them me us him")
)
"""Words that come after a verb, not after a noun: "watch this repo" (``openings.commands``)."""

QUANTITIES = frozenset(
    _split("one two three four five six seven eight nine ten both first last next all")
)
"""Words that open a request about things, not a command: "one worker in pool ..."."""

NOT_VERBS = frozenset(
    _split("""always never only also before after once when whenever while since until unless
        someone somebody everyone everybody anyone anybody nobody noone hey hi hello ok okay
        now then maybe perhaps quick urgent asap fyi btw oh sorry anyway yesterday today
        tomorrow currently recently across above against along among around behind below
        beneath beside between beyond during except inside near outside past through
        throughout till toward towards underneath upon within without besides despite
        unlike regarding concerning although though because whether latest newest oldest
        biggest largest smallest highest lowest fastest slowest cheapest busiest longest
        shortest nearest recent current active pending unread overdue expired upcoming
        previous""")
)
"""Words that may open a request and are no verb: it does not command with them (an
adjective opens a noun phrase: "latest values of ...", "pending invites")."""

PROGRAMS = frozenset(
    _split("""kubectl kubeadm helm oc gh glab git aws az gcloud gsutil bq docker podman
    terraform doctl flyctl heroku wrangler npm pip curl wget""")
)
"""Command-line programs people name before the command they would type ("kubectl
describe node worker-1", "npm packages owned by acme"): no verb of the request."""

PEOPLE = frozenset(
    _split("""aaron adam alan albert alex alexander alice alicia amanda amy ana andrea andrew
    angela anna anne anthony ashley barbara ben benjamin beth betty bob bobby brad brandon
    brenda brian bruce carl carlos carol caroline catherine charles charlie chris christina
    christine christopher cindy claire craig dan dana daniel danielle dave david debbie
    deborah dennis diana diane donald donna doug douglas dylan eddie edward elena elizabeth
    ellen emily emma eric erin ethan evan fred gary george greg gregory hannah harry
    heather helen henry ian jacob james jamie jane janet jason jeff jeffrey jen jenny
    jennifer jeremy jerry jessica jim jimmy joe joel john johnny jon jonathan jose joseph
    josh joshua joyce juan judy julia julie justin karen kate katherine kathy keith kelly
    ken kevin kim kyle larry laura lauren linda lisa liz lucy luis luke maria marie martha
    mary matt matthew megan melissa michael michelle mike nancy nathan nicole noah
    olivia pam pamela patricia patrick paul peter phil priya rachel raj ralph randy rebecca
    richard roger ron ryan sam samantha sandra sara sarah scott sean sharon shirley sophia
    stephanie stephen steve steven susan tim timothy tina todd tom tony tyler victoria
    vincent walter wayne william zach""")
)
"""Common first names (none of them an English word too: no "mark", "bill", "frank"): a
word of a request that is one names a person, a user or a member of something."""

NUMBERED_WORDS = frozenset(_split("ipv4 ipv6 oauth2 http2 http3 x509 2fa"))
"""Names of protocols and standards with their version in them, which are words, not
values ("reserve a public IPv4", "the OAuth2 apps"): a request's token that is one is read
as its words are."""

BREADTH = frozenset(
    _split("anywhere everywhere across every entire whole globally overall wide cluster-wide")
)
"""Words that ask about everything, not within one parent: "every pod anywhere in the
cluster" means ``/pods``, not ``/namespaces/{namespace}/pods``."""
