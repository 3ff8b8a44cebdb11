"""What search knows of how people ask for HTTP operations: stop words, the verbs that
say which method is meant, abbreviations and near-synonyms in API vocabulary.

Plain tables, kept apart from the ranking in ``search`` so that either can be read (and
changed) alone.
"""

from __future__ import annotations


def _split(text: str) -> list[str]:
    return text.split()


STOP_WORDS = frozenset(
    _split(
        """a an the of for to in on at by with from into onto as is are be been being was were it its
    this that these those there here and or but if then than so such can could would should will
    shall may might must do does did done i me my mine we us our you your he she they them their
    his her please want wanted need needs needed like just also some any all each every which who
    whom whose what when where why how about via per not no yes up down out over under again
    let lets gonna wanna ok okay hey thanks thank let's i'm i'd i've it's what's that's"""
    )
)
"""Words that say nothing about which operation is meant (though "my" and "all" say
something of its shape, which ``intent`` reads before they are dropped)."""

INTENTS: dict[str, str] = {
    **dict.fromkeys(
        _split(
            "create add make new open start post register insert generate submit build launch "
            "spin setup initiate issue upload send invite attach deploy run trigger dispatch "
            "schedule provision enqueue fork copy duplicate import subscribe follow star put save "
            "ask buy purchase answer reply respond record log reserve hold book tell clone pay"
        ),
        "create",
    ),
    **dict.fromkeys(
        _split(
            "delete remove destroy erase drop kill wipe purge discard unregister revoke terminate "
            "uninstall unstar unfollow unsubscribe rid trash detach tear yank unpublish"
        ),
        "delete",
    ),
    **dict.fromkeys(
        _split(
            "update change edit modify rename set tweak bump alter adjust patch replace configure "
            "toggle move turn switch mark rotate reset assign unassign scale grow shrink "
            "resize limit cap restrict promote demote archive retire lock unlock pause resume "
            "suspend approve reject"
        ),
        "update",
    ),
    **dict.fromkeys(
        _split(
            "get show see view fetch retrieve look check read display inspect describe details "
            "info detail status download grab"
        ),
        "read",
    ),
    **dict.fromkeys(_split("enable activate"), "enable"),
    **dict.fromkeys(_split("disable deactivate"), "disable"),
    **dict.fromkeys(_split("list all every browse enumerate which many"), "list"),
    **dict.fromkeys(_split("search find query lookup filter"), "search"),
}
"""Verbs by what they ask to do; the first one in a request decides."""

PHRASAL: dict[tuple[str, str], str] = {
    ("set", "up"): "create",
    ("spin", "up"): "create",
    ("sign", "up"): "create",
    ("back", "up"): "create",
    ("kick", "off"): "create",
    ("take", "out"): "delete",
    ("kick", "out"): "delete",
    ("throw", "away"): "delete",
    ("throw", "out"): "delete",
    ("clean", "up"): "delete",
    ("tear", "down"): "delete",
    ("get", "rid"): "delete",
    ("take", "off"): "delete",
    ("shut", "down"): "delete",
    ("turn", "off"): "disable",
    ("turn", "on"): "enable",
    ("switch", "off"): "disable",
    ("switch", "on"): "enable",
    ("roll", "back"): "update",
    ("hand", "over"): "update",
    ("look", "up"): "read",
    ("look", "at"): "read",
    ("pull", "up"): "read",
    ("find", "out"): "read",
    ("loop", "in"): "create",
    **{
        (verb, thing): "create"
        for verb in ("leave", "drop")
        for thing in ("comment", "note", "message", "review", "feedback", "reply", "line")
    },
}
"""Verbs with a particle, which may come a few words later ("kick jane out"): they ask for
something other than the verb alone ("set" changes, "set up" creates)."""

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
}

EQUIVALENTS: dict[str, tuple[str, ...]] = {
    "repo": ("repository",),
    "repository": ("repo",),
    "pr": ("pull", "request"),
    "mr": ("merge", "request"),
    "doc": ("document",),
    "document": ("doc",),
    "dir": ("directory",),
    "config": ("configuration",),
    "configuration": ("config",),
    "info": ("information",),
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
)
"""Verbs and the nouns made of them whose stems differ ("register", ``registration``):
each is the other at the full weight of the word given, as ``EQUIVALENTS`` are."""
for _verb, _noun in DERIVED:
    EQUIVALENTS.setdefault(_verb, ())
    EQUIVALENTS[_verb] += (_noun,)
    EQUIVALENTS.setdefault(_noun, ())
    EQUIVALENTS[_noun] += (_verb,)
del _verb, _noun

SYNONYMS: dict[str, tuple[str, ...]] = {
    # What people call things in API vocabulary.
    "doc": ("file",),
    "document": ("file",),
    "folder": ("directory", "dir", "path"),
    "directory": ("folder",),
    "file": ("content", "blob", "document", "attachment"),
    "user": ("account", "member", "person", "people"),
    "account": ("user", "profile"),
    "people": ("user", "member"),
    "person": ("user", "member"),
    "someone": ("user", "member"),
    "member": ("user", "membership"),
    "org": ("organization",),
    "organization": ("org",),
    "company": ("organization", "account"),
    "team": ("group",),
    "group": ("team",),
    "permission": ("access", "role", "collaborator", "grant"),
    "access": ("permission", "collaborator", "grant", "role"),
    "share": ("permission", "collaborator", "access", "invite"),
    "sharing": ("permission", "collaborator", "access"),
    "role": ("permission", "binding"),
    "log": ("logs", "event", "audit"),
    "logs": ("log",),
    "secret": ("credential", "key", "token"),
    "credential": ("secret", "key", "token"),
    "password": ("secret", "credential"),
    "token": ("key", "credential", "secret"),
    "key": ("token", "secret", "credential"),
    "webhook": ("hook", "event", "endpoint"),
    "hook": ("webhook",),
    "callback": ("webhook", "hook"),
    "bill": ("invoice", "charge"),
    "invoice": ("bill",),
    "payment": ("charge", "pay", "intent"),
    "charge": ("payment",),
    "pay": ("payment", "charge"),
    "money": ("balance", "fund", "amount"),
    "funds": ("balance", "payout", "transfer"),
    "withdraw": ("payout",),
    "client": ("customer",),
    "customer": ("client",),
    "plan": ("price", "subscription", "tier", "product"),
    "price": ("plan", "pricing"),
    "tier": ("plan", "price"),
    "discount": ("coupon", "promotion"),
    "coupon": ("discount", "promotion"),
    "promo": ("promotion", "coupon", "code"),
    "ticket": ("issue",),
    "bug": ("issue",),
    "task": ("issue", "job"),
    "star": ("starred", "starring"),
    "favorite": ("star", "starred"),
    "bookmark": ("star",),
    "copy": ("fork", "clone", "duplicate"),
    "clone": ("fork", "copy", "duplicate"),
    "reuse": ("copy", "duplicate", "template"),
    # What is always done is a default or a rule ("always add bob as a reviewer").
    "always": ("default", "rule"),
    "label": ("tag",),
    "tag": ("label",),
    "version": ("release", "tag"),
    "comment": ("reply", "note", "review"),
    "reply": ("comment",),
    "note": ("comment", "journal"),
    "emoji": ("reaction",),
    "react": ("reaction",),
    "alert": ("notification",),
    "notification": ("alert",),
    "inbox": ("notification",),
    "job": ("run", "task", "workflow"),
    "pipeline": ("workflow", "action", "run", "build", "job"),
    "ci": ("workflow", "action", "check", "run", "pipeline", "build", "job"),
    "build": ("run", "workflow", "check", "pipeline", "job"),
    "deploy": ("deployment", "release"),
    "rollout": ("deployment", "rollback"),
    "email": ("mail", "address", "message"),
    "mail": ("email", "message"),
    "picture": ("image", "avatar", "photo"),
    "photo": ("image", "picture"),
    "image": ("picture", "photo"),
    "avatar": ("image", "picture"),
    "settings": ("config", "configuration", "preference"),
    "config": ("configuration", "setting"),
    "container": ("pod",),
    # Running a command in a container or a machine.
    "shell": ("exec", "terminal", "console", "command"),
    "execute": ("exec", "run", "command"),
    "machine": ("node", "server", "instance"),
    "server": ("node", "instance", "host"),
    "env": ("environment",),
    "environment": ("env",),
    "variable": ("var", "env"),
    "stats": ("statistic", "metric", "usage"),
    "usage": ("statistic", "metric"),
    "history": ("event", "log", "timeline", "activity", "revision", "version"),
    "activity": ("event", "history", "feed"),
    "chat": ("message", "conversation"),
    "message": ("chat", "comment"),
    # Verbs, for the operations that are named by their verb.
    "remove": ("delete",),
    "delete": ("remove",),
    "kill": ("delete", "cancel", "stop", "terminate"),
    "wipe": ("delete",),
    "yank": ("delete", "unpublish"),
    "unpublish": ("delete",),
    "erase": ("delete",),
    "rid": ("delete", "remove"),
    "add": ("create",),
    "make": ("create",),
    "new": ("create",),
    "open": ("create",),
    "start": ("create", "run", "dispatch", "trigger"),
    "trigger": ("dispatch", "run", "create"),
    "rerun": ("rerun", "retry", "run"),
    "retry": ("rerun", "attempt"),
    "edit": ("update",),
    "change": ("update", "commit"),
    "modify": ("update",),
    "rename": ("update", "move", "name"),
    "tweak": ("update",),
    "bump": ("update", "increment"),
    "move": ("rename", "transfer", "update"),
    "show": ("get",),
    "see": ("get", "permission", "access", "visibility"),
    "view": ("get",),
    "fetch": ("get",),
    "retrieve": ("get",),
    "grab": ("get", "download"),
    "check": ("get", "status"),
    "download": ("get", "archive", "content"),
    "stop": ("cancel", "disable", "delete", "suspend"),
    "cancel": ("delete", "stop"),
    "abort": ("cancel",),
    "pause": ("suspend", "disable", "stop"),
    "resume": ("enable", "start"),
    "turn": ("enable", "disable", "start", "stop"),
    "enable": ("activate",),
    "disable": ("deactivate",),
    "undo": ("revert", "cancel", "delete", "reverse", "reversal"),
    "end": ("stop", "cancel", "close", "complete", "finish"),
    "tell": ("message", "send", "notify"),
    "revert": ("rollback", "undo"),
    "approve": ("review", "accept"),
    "accept": ("approve",),
    "reject": ("decline", "deny"),
    "block": ("ban",),
    "unblock": ("unban",),
    "ban": ("block",),
    "kick": ("remove", "delete"),
    "join": ("add", "member"),
    "leave": ("remove", "delete"),
    "send": ("create", "post", "dispatch"),
    "refund": ("refund", "reversal", "return"),
    "merge": ("merge",),
    "upload": ("create", "upload", "asset"),
    "count": ("list",),
    "find": ("search", "list"),
    "lookup": ("search", "get"),
    "look": ("search", "get"),
    "my": ("authenticated", "user", "me"),
    "mine": ("authenticated", "user"),
    "myself": ("authenticated", "user"),
    "who": ("user", "member"),
    # A person spoken of ("take him out of the org") is a user or a member.
    "him": ("user", "member"),
    "her": ("user", "member"),
    "he": ("user", "member"),
    "she": ("user", "member"),
    # Version control and code hosting.
    "branch": ("ref", "reference", "head"),
    # The usual names of a default branch are the request saying "branch".
    "main": ("branch", "default"),
    "master": ("branch", "default"),
    "trunk": ("branch", "default"),
    "close": ("state", "update", "closed"),
    "reopen": ("state", "update", "open"),
    "lock": ("lock", "freeze"),
    "contributor": ("contributor", "collaborator", "author", "committer"),
    "contributed": ("contributor", "commit"),
    "watch": ("subscription", "watcher", "watching"),
    "follow": ("follower", "following"),
    "profile": ("user", "account"),
    "logged": ("authenticated", "user"),
    "login": ("authenticated", "user", "session"),
    "thumbs": ("reaction",),
    "like": ("reaction", "star"),
    "upvote": ("reaction", "vote"),
    "diff": ("compare", "change"),
    "compare": ("diff",),
    "difference": ("compare", "diff"),
    "blame": ("commit", "author"),
    "assignee": ("assign", "assignee"),
    "give": ("assign", "grant", "add"),
    "reviewer": ("review", "request"),
    "runner": ("runner", "agent"),
    "artifact": ("artifact", "output", "build"),
    # Commerce and billing.
    "sell": ("product", "price"),
    "product": ("item", "sku", "goods"),
    "chargeback": ("dispute",),
    "dispute": ("chargeback",),
    "receipt": ("invoice", "charge", "payment"),
    "credit": ("balance", "credit", "note"),
    "debt": ("uncollectible", "dispute"),
    "seat": ("quantity", "item"),
    "quantity": ("seat", "amount"),
    "subscribe": ("subscription", "create"),
    "signup": ("subscription", "register", "create"),
    "renewal": ("upcoming", "subscription", "invoice"),
    "billed": ("invoice", "charge"),
    "charged": ("invoice", "charge", "payment"),
    "card": ("payment", "method", "source"),
    "bank": ("account", "external", "payout"),
    "fee": ("fee", "charge"),
    "tax": ("tax", "vat"),
    "vat": ("tax", "id"),
    "checkout": ("session", "cart", "payment"),
    "cart": ("checkout", "order", "basket"),
    "order": ("purchase", "checkout"),
    "purchase": ("order", "payment", "charge"),
    "trial": ("subscription", "trial"),
    # Infrastructure.
    "scale": ("autoscaler", "resize"),
    "replica": ("scale", "replicaset"),
    "restart": ("rollout", "delete", "redeploy"),
    "reboot": ("restart", "reset"),
    "boot": ("start",),
    "plug": ("attach", "connect", "mount"),
    "unplug": ("detach", "disconnect", "unmount"),
    "connect": ("attach", "link"),
    "disconnect": ("detach", "unlink"),
    "mount": ("attach",),
    "unmount": ("detach",),
    "reinstall": ("rebuild", "reimage", "restore"),
    "reimage": ("rebuild", "reinstall"),
    "rebuild": ("reinstall", "reimage"),
    "expand": ("resize", "extend", "grow"),
    "grow": ("resize", "extend", "expand"),
    "enlarge": ("resize", "extend"),
    "shrink": ("resize",),
    "cap": ("quota", "limit"),
    "nightly": ("schedule", "cron"),
    "night": ("schedule", "cron"),
    "daily": ("schedule", "cron"),
    "route": ("routing", "rule", "ingress"),
    # A virtual machine is an instance or a server in most cloud APIs (a "machine" is more
    # often its type or image there).
    "vm": ("instance", "virtual", "machine", "server"),
    "rollback": ("rollback", "revision", "undo"),
    "quota": ("limit", "resource", "quota"),
    # What is left of an allowance ("how many API calls do I have left?").
    "left": ("remaining", "quota", "limit", "usage", "balance"),
    "remaining": ("quota", "limit", "usage", "balance"),
    # A build's colour is its status.
    "green": ("status", "success", "check", "passing"),
    "red": ("status", "failure", "check", "failing"),
    "limit": ("quota", "range", "rate"),
    "traffic": ("network", "policy", "ingress", "endpoint"),
    "firewall": ("network", "policy", "rule"),
    "ip": ("address", "endpoint"),
    "disk": ("volume", "storage", "persistent"),
    "storage": ("volume", "bucket", "disk"),
    "volume": ("disk", "storage"),
    "healthy": ("status", "health", "condition"),
    # Whether something is over yet ("did the job finish?", "has it gone through?").
    "finish": ("status", "state", "complete"),
    "succeed": ("status", "state", "success"),
    "pending": ("status", "state"),
    "health": ("status", "condition"),
    "schedule": ("cron", "schedule", "job"),
    "cron": ("schedule", "job"),
    "cordon": ("node", "unschedulable"),
    "drain": ("eviction", "node"),
    "expose": ("service", "ingress", "port"),
    "certificate": ("cert", "tls", "csr"),
    "dns": ("domain", "record", "zone"),
    "domain": ("dns", "hostname"),
    "backup": ("snapshot", "export"),
    # Clouds' networks.
    "vpc": ("network",),
    "port": ("firewall", "rule"),
    "static": ("address", "reserved"),
    "snapshot": ("backup",),
    "metrics": ("statistic", "usage", "monitor"),
    # States and events, in everyday words.
    "notify": ("webhook", "hook", "notification", "subscription"),
    "ping": ("hook", "notification"),
    "freeze": ("lock", "disable", "pause"),
    "unfreeze": ("unlock", "enable", "resume"),
    "offline": ("disable", "stop", "suspend"),
    "online": ("enable", "start", "publish"),
    "forward": ("advance",),
    "broke": ("fail", "error"),
    "broken": ("fail", "error"),
    "died": ("fail", "error", "crash"),
    "crash": ("fail", "error"),
    "output": ("log", "result", "artifact"),
    "newest": ("latest", "recent"),
    "recent": ("latest",),
    "upcoming": ("next", "preview"),
    "vulnerable": ("vulnerability", "alert", "advisory", "security"),
    "vulnerability": ("alert", "advisory", "security"),
    "leak": ("secret", "scan", "alert"),
    "ownership": ("transfer", "owner"),
    "rights": ("permission", "role", "access"),
    "allowed": ("permission", "access", "authorization", "review"),
    "permitted": ("permission", "access", "authorization", "review"),
    "promote": ("role", "admin", "permission"),
    "decline": ("reject",),
    "refuse": ("decline", "reject", "deny"),
    "vote": ("reaction",),
    "cost": ("price", "pricing", "billing", "usage"),
    "spent": ("balance", "billing", "usage", "invoice"),
    "owe": ("balance", "invoice"),
    "admin": ("owner", "role", "permission", "administrator"),
    # Data and records.
    "entry": ("item", "record"),
    "entries": ("item", "record"),
    "record": ("item", "entry", "row"),
    "row": ("item", "record"),
    "table": ("collection",),
    "column": ("field", "attribute"),
    "field": ("column", "attribute", "property"),
    "attribute": ("field", "property", "column"),
    # What is not taken yet is available ("the next free IP", "unused VLANs").
    "free": ("available",),
    "unused": ("available",),
    "unallocated": ("available",),
    "spare": ("available",),
    "hold": ("reserve", "reservation"),
    "nic": ("interface", "network"),
    "area": ("region", "zone"),
    "audit": ("activity", "log", "event"),
    # People and messaging.
    "teammate": ("member", "user", "collaborator"),
    "colleague": ("member", "user"),
    "everyone": ("member", "user", "list"),
    "spam": ("block", "report", "abuse"),
    "spammer": ("block", "user"),
    "mention": ("mention", "comment", "notification"),
    "dm": ("message", "conversation", "direct"),
    "text": ("message", "sms"),
    "sms": ("message", "text"),
    "post": ("message", "comment", "create"),
    # Calendars hold events.
    "calendar": ("event",),
    "meeting": ("event", "calendar"),
    "appointment": ("event", "booking", "calendar"),
}
"""Near-synonyms in API vocabulary, searched at a lower weight than the words given."""

COMPOUNDS: dict[tuple[str, str], str] = {
    ("address", "book"): "contact",
    ("to", "do"): "task",
}
"""Two words that name one thing in API vocabulary: they are that word ("my address book"
is contacts, not books; a to-do is a task)."""

PHRASES: dict[tuple[str, str], tuple[str, ...]] = {
    ("sign", "off"): ("approve", "approval"),
    ("turn", "down"): ("decline", "reject"),
    ("hand", "over"): ("transfer", "ownership"),
    ("give", "away"): ("transfer", "ownership"),
    ("hook", "up"): ("attach", "connect"),
    ("go", "back"): ("rollback", "revert", "restore"),
    ("roll", "back"): ("rollback", "revert"),
    ("sign", "in"): ("login", "session"),
    ("signed", "in"): ("login", "session", "authenticated", "user"),
    ("log", "in"): ("login", "session"),
    ("logged", "in"): ("login", "session", "authenticated", "user"),
    ("free", "up"): ("cleanup", "prune", "garbage"),
    ("audit", "trail"): ("change", "changelog", "log", "history"),
    ("clean", "up"): ("cleanup", "prune", "garbage"),
    ("opt", "out"): ("unsubscribe",),
    ("look", "over"): ("review",),
    ("sign", "up"): ("subscription", "register", "signup"),
    ("back", "up"): ("backup", "snapshot"),
    ("roll", "out"): ("rollout", "rolling", "update"),
    ("shut", "down"): ("shutdown", "stop", "power"),
    ("power", "off"): ("shutdown", "stop", "power"),
    ("power", "on"): ("start", "boot", "power"),
    ("address", "book"): ("contact",),
    ("who", "on"): ("member",),
    ("who", "in"): ("member",),
    ("between", "and"): ("compare", "diff"),
    ("loop", "in"): ("follower", "collaborator", "member", "subscriber"),
    ("run", "inside"): ("exec", "command"),
    ("run", "within"): ("exec", "command"),
    ("waiting", "on"): ("dependency", "blocker"),
    ("blocked", "by"): ("dependency", "blocker"),
    ("depends", "on"): ("dependency",),
    **{
        (verb, thing): ("comment", "note")
        for verb in ("leave", "drop")
        for thing in ("comment", "note", "message", "review", "feedback", "reply", "line")
    },
}
"""Near-synonyms of a verb with its particle, which may come a few words later ("sign the
PR off"): what neither word says alone."""

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
    ("sha", r"(?=[0-9a-f]*[a-f])(?=[0-9a-f]*[0-9])[0-9a-f]{7,40}", ("sha", "commit", "ref")),
    (
        "file",
        r"(?:~?/|\./)?(?:[\w.-]+/)*[\w-][\w.-]*\.[a-zA-Z][a-zA-Z0-9]{0,4}",
        ("path", "file", "filename", "filepath"),
    ),
)
"""Values a request may hold, by kind (checked in this order; the first kind that a whole
word has is its kind), and the argument names that take such a value: "show me
src/index.js" asks for an operation with a ``path`` argument."""

TITLE_WORDS = frozenset(
    _split("""api apis rest restful web http https service services platform documentation docs
    official spec specification openapi swagger extension extensions cloud connect server
    interface reference public private v1 v2 v3 version odata namespace management admin
    core""")
)
"""Words API titles are made of beside the API's name ("Box Platform API", "OData Service
for namespace microsoft.graph"): a request's word that is one of these is its own."""

BREADTH = frozenset(
    _split("anywhere everywhere across every entire whole globally overall wide cluster-wide")
)
"""Words that ask about everything, not within one parent: "every pod anywhere in the
cluster" means ``/pods``, not ``/namespaces/{namespace}/pods``."""
