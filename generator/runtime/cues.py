"""Phrases that name a thing in a vocabulary of its own: "runs on every node" is a
DaemonSet, someone who "left the company" is a member. A request that has one says the
thing's words, not the phrase's.

A plain table, read by ``phrasing``.
"""

from __future__ import annotations

from .vocabulary import PEOPLE

_SOMEONE = r"he|she|they|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|" + "|".join(sorted(PEOPLE))
"""Who a request may ask after: a pronoun, an email address, a first name."""
WEEKDAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
"""A day of the week, in a pattern."""
CLOCK = r"\d{1,2}(?::\d\d)?\s*(?:am|pm)"
"""A time of day by the clock ("9am", "3:30 pm"), in a pattern."""
NEXT_WORKDAY = r"next\s+(?:week|monday|tuesday|wednesday|thursday|friday)"
"""Next week, or a working day of it, in a pattern."""

CUES: tuple[tuple[str, tuple[str, ...]], ...] = (
    # Kubernetes: what runs on every node is a DaemonSet; what runs to completion a Job;
    # what keeps pods up while nodes drain a PodDisruptionBudget; defaults for containers'
    # requests a LimitRange; the pod IPs behind a service its Endpoints.
    (
        r"\b(?:on|to|across)\s+(?:every|each|all(?:\s+(?:the|our))?)\s+(?:nodes?|machines?|hosts?)\b",
        ("daemonset", "daemon"),
    ),
    (r"\bruns?\s+(?:un)?til\s+(?:it(?:'s|\s+is)\s+)?(?:done|finished|complete)\b", ("job",)),
    (r"\b(?:runs?|running)\s+to\s+completion\b", ("job",)),
    (
        (
            r"\bdisruption\s+budgets?\b"
            r"|\b(?:stay|stays|keep\s+\w+)\s+(?:up|running|available)\s+(?:while|during|when)\b"
        ),
        ("poddisruptionbudget", "disruption", "budget"),
    ),
    (
        (
            r"\bdefault\s+(?:cpu|memory|mem)\b"
            r"|\bdefault\s+(?:requests?|limits?)\s+(?:for|of)\s+containers?\b"
        ),
        ("limitrange", "limit", "range"),
    ),
    (r"\bpod\s+ips?\b", ("endpoints", "endpoint")),
    # Servers taken out of a load balancer's rotation are deregistered from it, drained;
    # those put behind it, or back into rotation, registered as its targets.
    (
        r"\bout\s+of\s+(?:the\s+)?rotation\b",
        ("deregister", "remove", "drain", "deactivate", "disable", "target"),
    ),
    # Asking whether a name is taken asks whether it is available, or exists: a check.
    (
        (
            r"(?:^\W*|[.!?,;:]\s*)(?:is|are)\s+(?:\S+\s+){0,6}?(?:already\s+|still\s+)?taken\b"
            r"|\b(?:if|whether)\s+(?:\S+\s+){1,6}?(?:is|are)\s+(?:already\s+|still\s+)?taken\b"
        ),
        ("available", "availability", "check", "exists"),
    ),
    (
        (
            r"\b(?:back\s+)?in(?:to)?\s+(?:the\s+)?rotation\b"
            r"|\bbehind\s+(?:the|our|my|a|an|that|this)\s+(?:load[- ]?balancer|lb|alb|nlb|elb)\b"
        ),
        ("register", "add", "target"),
    ),
    # A thing made read-only, or put away with its history kept, is archived.
    (
        (
            r"\b(?:make|makes|making|set|turn|leave)\s+(?:[\w#.-]+\s+){1,3}?read[- ]only\b"
            r"|\bkeep(?:ing)?\s+(?:its|the|their|all\s+(?:its|the|their))\s+(?:history|conversations?)\b"
        ),
        ("archive", "archived"),
    ),
    # Someone kept in the loop on a thing, or posted on it, watches it: they follow it.
    (
        (
            r"\b(?:keep|kept|keeping|stay|staying)\s+(?:(?:me|us|him|her|them|[\w.@-]+)\s+)?"
            r"(?:in\s+the\s+loop|posted|updated|informed)\s+(?:on|about|of|with)\b"
        ),
        ("watch", "watcher", "follower", "subscribe", "subscription", "notification"),
    ),
    # A risk or an alert cleared is dismissed.
    (
        r"\bclear\s+(?:the\s+|that\s+|this\s+)?(?:risk|alert|warning)s?(?:\s+flags?)?\b",
        ("dismiss", "resolve", "acknowledge"),
    ),
    # Letting someone know something is telling them: a message, a notice, a report.
    (
        r"\blet\s+(?!me\b|us\b)(?:[\w#@'.-]+\s+){1,4}?know\b",
        ("message", "notify", "notification", "announcement", "post", "report"),
    ),
    # A device reset to how it left the factory is wiped: erased.
    (
        (
            r"\bfactory[- ]?reset(?:s|ting)?\b"
            r"|\b(?:back\s+)?to\s+(?:its\s+|their\s+)?factory\s+settings\b"
        ),
        ("wipe", "erase", "factory"),
    ),
    # A membership through nested groups, indirect or more than direct, is transitive.
    (
        (
            r"\bnested(?=\s+(?:groups?|ones|members?|memberships?)\b)|\bindirect(?:ly)?\b"
            r"|\bnot\s+(?:just|only)\s+(?:the\s+)?direct(?=\s+members?\b)"
        ),
        ("transitive",),
    ),
    # Who reports to someone are their direct reports; whom someone reports to, their
    # manager.
    (
        r"\bwho(?:\s+\w+)?\s+reports?\s+(?:directly\s+)?(?:in)?to\s+(?=[\w@])",
        ("directreports", "direct", "reports", "subordinates"),
    ),
    (
        r"\b(?:do|does|did)\s+[\w.@'-]+(?:\s+[\w.@'-]+)?\s+report\s+(?:directly\s+)?(?:in)?to\s*(?:[?.!]|$)",
        ("manager", "supervisor", "boss"),
    ),
    # More things like one: similar ones.
    (
        (
            r"\b(?:more|other)\s+(?:\w+\s+){0,2}?like\s+"
            r"(?:this|that|it|these|image|photo|video|\w+\s+\d)"
            r"|\blookalikes?\b|\bsame\s+look\b"
            r"|\b(?:anything|something|stuff|things)\s+(?:else\s+)?like\s+(?!(?:this|that|it)\b)\w"
        ),
        ("similar", "related", "recommendation"),
    ),
    # Stars given to a thing, or a score out of five or ten: its rating.
    (
        (
            r"\b(?:give|gives|gave|giving)\s+(?:[\w'.-]+\s+){1,5}?(?:[0-5](?:\.5)?|one|two|three|four|five)\s+stars?\b"
            r"|\b(?:[1-5]|one|two|three|four|five)[- ]stars?\s+(?:rating|review)\b"
            r"|\b\d+(?:\.\d)?\s+out\s+of\s+(?:5|10|five|ten)\b"
        ),
        ("rating", "rate", "review"),
    ),
    # Logging in as someone else, to see what they see: impersonating them.
    (
        (
            r"\b(?:log|logs|logged|sign|signs|signed)\s*(?:in|on)\s+as\s+(?!(?:an?\s+|the\s+)?(?:admin|administrator|root|myself|me)\b)"
            r"|\bsee\s+(?:exactly\s+)?what\s+(?:they|he|she)\s+sees?\b"
        ),
        ("impersonate", "impersonation"),
    ),
    # Who starred a thing: those who did, its stargazers.
    (r"\bwho\s+(?:has\s+|have\s+)?starred\b", ("stargazer", "stargazers", "starrer", "starrers")),
    # Someone else's application let in: an OAuth grant, an integration, an installation.
    (
        r"\bthird[- ]party\s+(?:apps?|applications?|integrations?|tools?|services?)\b",
        ("oauth", "authorization", "integration", "connection", "installation", "application"),
    ),
    # Created where missing, else changed: an upsert.
    (
        (
            r"\b(?:create|add|insert)\s+or\s+(?:update|replace)\b"
            r"|\b(?:update|replace)\s+or\s+(?:create|add|insert)\b"
            r"|\b(?:otherwise|else|if\s+not)\s*,?\s+(?:create|add|insert)\b"
        ),
        ("upsert",),
    ),
    # Settings put back as they came: a reset (often a DELETE of the setting).
    (r"\b(?:back\s+to|reset\s+to)\s+(?:the\s+|its\s+)?defaults?\b", ("reset", "default")),
    # No more notifications of something: it is muted, or unsubscribed from.
    (
        r"\bstop\s+(?:notifying|alerting|pinging|emailing)\s+me\b|\bstop\s+getting\s+notifications\b",
        ("mute", "unsubscribe", "notification"),
    ),
    # A copy of all the data held on someone (as a GDPR request asks) is an export.
    (r"\bcopy\s+of\s+(?:all\s+)?(?:the\s+)?data\b", ("export",)),
    # Whether something works is found by testing it ("check the credentials work").
    (
        r"\b(?:whether|if|does|do)\s+(?:\w+\s+){0,5}?(?:actually\s+)?(?:works?|working)\b",
        ("test", "validate", "verify"),
    ),
    # When something will run next is its schedule.
    (
        (
            r"\b(?:run|runs|fire|fires|execute|executes|trigger|triggers)\s+next\b"
            r"|\bnext\s+(?:run|runs|execution|executions|occurrence|occurrences)\b"
        ),
        ("schedule", "next"),
    ),
    (
        (
            r"\b(?:cap|limit|restrict)\s+(?:the\s+|our\s+|a\s+)?"
            r"(?:[\w-]+\s+(?:namespace|ns|project)|(?:namespace|ns|project)\s+[\w-]+)\b"
        ),
        ("resourcequota", "quota"),
    ),
    (r"\bonly\s+(?:allow\s+|let\s+)?traffic\b", ("networkpolicy", "network", "policy")),
    (r"\broute\s+[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}\s+to\b", ("ingress",)),
    (r"\bcluster[-\s]?admin\b", ("clusterrolebinding", "cluster", "role", "binding")),
    # Money: how much there is is a balance; a hold released is cancelled (voided), the
    # money on one taken is captured; money knocked off is a discount or a credit.
    (r"\bhow\s+much\s+(?:money|cash|funds?)\b", ("balance",)),
    # Something logged, as a command (not logging in or out): it is recorded, an entry.
    # The request is read from its verb on, past "please" and the like.
    (
        r"^\W*log\s+(?!(?:in|on|out|into|onto|off)\b)(?:a|an|the|that|this|my|our|[$€£]?\d)",
        ("record", "entry", "create"),
    ),
    (r"\brelease\s+(?:the\s+|that\s+|this\s+)?(?:hold|authori[sz]ation)\b", ("cancel", "void")),
    (r"\btake\s+the\s+(?:money|payment|funds)\b", ("capture",)),
    (r"\bknock\s+(?:[$€£]?[\d.,]+%?\s+)?off\b", ("discount", "credit", "coupon")),
    # A card kept to charge later, not now: a setup (a vaulted, tokenized card).
    (
        r"\bwithout\s+charging\b|\bsave\s+(?:a\s+|the\s+|their\s+|my\s+|\w+'s\s+)?card\s+for\s+later\b",
        ("setup", "vault", "tokenize", "token"),
    ),
    # Customers seeing to their own billing: a customer (billing) portal.
    (
        r"\bself[- ]service\b|\b(?:manage|update|change|cancel)\s+(?:their|his|her)\s+own\b",
        ("portal",),
    ),
    # A payment page the provider hosts: a checkout.
    (r"\bhosted\s+(?:payment|checkout|pay)\s+page\b", ("checkout", "session", "link")),
    # How much tax an order would bear: a tax calculation.
    (r"\bhow\s+much\s+(?:sales\s+)?tax\b", ("calculation", "calculate", "tax")),
    # Told of each change as it comes: a subscription (or a watch, a notification).
    (
        (
            # ("Tell me about X" asks what X is.)
            r"\b(?!tell\s+me\s+about\b)"
            r"(?:(?:notify|email|e-mail|mail|alert|tell|ping|text|message)\s+me"
            r"|(?:want|get|need)\s+(?:an?\s+)?(?:email|e-mail|notification|alert|text|ping))\s+"
            r"(?:when|whenever|if|each\s+time|every\s+time|as\s+soon\s+as|about)\b"
        ),
        ("subscription", "subscribe", "notification", "watch"),
    ),
    # Whether someone is online, free or in a call is their presence; so is not being
    # disturbed.
    (
        (
            rf"^\W*(?:is|are)\s+(?:{_SOMEONE})(?:\s+\([^)]*\))?\s+(?:(?:still|currently)\s+)?"
            r"(?:online|offline|available|away|busy|free|around|in\s+(?:a\s+)?(?:call|meeting))\b"
        ),
        ("presence", "availability", "status"),
    ),
    (
        r"\b(?:do\s+not|don'?t)\s+disturb\b|\bdnd\b",
        ("disturb", "dnd", "presence", "snooze", "status"),
    ),
    # Whether a service is up is its health (a health check, a ping, its status).
    (
        (
            rf"^\W*(?:is|are)\s+(?:the\s+|our\s+|my\s+|your\s+)?(?!(?:{_SOMEONE})\b)[\w.-]+"
            r"(?:\s+(?:server|service|api|site|app|instance|database|db|backend|engine))?"
            r"\s+(?:up|down|alive|reachable|online|offline|responding)\b(?!\s+to\b)"
        ),
        ("health", "healthcheck", "ping", "status", "alive"),
    ),
    # What version a service runs is its own information (its version, build, server info).
    (
        (
            r"\b(?:what|which)\s+(?:\w+\s+)?(?:version|build|release)\s+(?:of\s+[\w.-]+\s+)?"
            r"(?:is|are)\s+(?:the\s+|our\s+|my\s+|this\s+|your\s+)?(?:[\w.-]+\s+)?"
            r"(?:server|service|api|site|instance|install|installation|deployment|backend|it)"
            r"\s+(?:on|running|at)\b"
        ),
        ("version", "serverinfo", "info", "about", "build"),
    ),
    # Who has or hasn't signed something are its signers: its recipients.
    (
        (
            r"\bwho(?:\s+(?:has|have|hasn'?t|haven'?t|did|didn'?t|still|not|yet|already))*"
            r"\s+(?:signed|sign)\b(?!\s+(?:up|in|into|out|on|off)\b)"
        ),
        ("signer", "recipient", "status"),
    ),
    # The caller taken out of or off something leaves it, or stops watching it.
    (
        r"\b(?:take|get|remove|drop)\s+(?:me|us|myself|ourselves)\s+(?:out\s+of|off|from)\b",
        ("leave", "unsubscribe", "unwatch", "watcher", "watchers", "member", "membership"),
    ),
    # How big a thing is, or when it was last changed, is in its metadata.
    (
        (
            r"\bhow\s+(?:big|large)\s+(?:is|are)\b"
            r"|\bwhen\s+(?:was|were)\s+(?:it|they|\S+)\s+last\s+(?:modified|changed|updated|edited)\b"
        ),
        ("metadata", "stat", "info", "properties", "size"),
    ),
    # How many calls the API still takes before it throttles them is its rate limit (not
    # how many calls were made: "how many API calls did we make in May", usage).
    (
        (
            r"\bhow\s+many\s+(?:more\s+)?(?:api\s+)?(?:calls|requests)\s+(?:\w+\s+){0,2}"
            r"(?:can|may|could|am|are)\b"
            r"|\b(?:get|getting|being|be)\s+(?:throttled|rate[-\s]limited)\b"
        ),
        ("rate", "limit", "ratelimit", "remaining", "quota"),
    ),
    # Files attached to a thing are its attachments (not a build or a config attached).
    (
        (
            r"\b(?:files?|documents?|docs|pdfs?|photos?|pictures?|images?|screenshots?|scans?)"
            r"(?:\s+\w+){0,2}\s+attached\s+(?:to|on)\b"
        ),
        ("attachment", "attachments"),
    ),
    # A board's columns are its sections, lists or stages (not a table's columns).
    (
        (
            r"\bcolumns?\b[^.?!]{0,40}\bboard\b|\bboard\b[^.?!]{0,30}\bcolumns?\b"
            r"|\b(?:drag|move|put)\b[^.?!]{0,40}\b(?:into|to)\s+the\s+[^.?!]{1,30}\bcolumn\b"
        ),
        ("section", "sections", "list", "lists", "stage", "lane"),
    ),
    # Ended for good is deleted or terminated, not stopped or paused.
    (
        r"\b(?:for\s+good|permanently|once\s+and\s+for\s+all)\b",
        ("delete", "terminate", "destroy", "permanent"),
    ),
    # Whether a thing can be reached is a check of the connection to it (not where or from
    # where it can be: "reachable at", "from the internet").
    (
        (
            r"^\W*(?:is|are)\b[^.?!]{0,60}?\breachable\b(?!\s+(?:at|from|via|on|by|over)\b)"
            r"|\bcan\s+(?:we|you|it|they|i)\s+(?:still\s+)?(?:reach|connect\s+to)\b"
        ),
        ("connection", "check", "test", "ping", "connectivity"),
    ),
    # Where someone was tagged or named in others' posts: their mentions.
    (
        r"\b(?:tag(?:ged|ging|s)?|mention(?:ed|ing|s)?)\s+(?:me|us|him|her|them)\b",
        ("mention",),
    ),
    # What is on someone's plate is the work given to them: their tasks.
    (r"\bon\s+(?:my|our|his|her|their)\s+plate\b", ("task", "tasks", "todo", "assigned")),
    # What blocks a thing is what it depends on.
    (r"\bwhat(?:'s|\s+is)\s+blocking\b", ("dependency", "dependencies", "blocker", "link")),
    # A thing that cannot start until another is done, or that blocks it, depends on it.
    (
        (
            r"\bcan(?:'t|not|\s+not)\s+(?:start|begin|go|run|proceed|happen)\s+(?:\S+\s+){0,3}?"
            r"(?:until|before)\b|\b(?:has|have|needs?)\s+to\s+wait\s+(?:for|on|until)\b"
            r"|\bas\s+(?:blocking|blocked\s+by)\b"
        ),
        ("dependency", "dependencies", "blocker", "link", "predecessor", "dependent"),
    ),
    # Sent at a later time ("send it to #general tomorrow at 9am"): a scheduled message or
    # send (not "tonight's op", what it is about).
    (
        (
            r"\b(?:send|post|publish|tweet|go(?:es)?\s+out)\b[^.?!]{0,80}?\b(?:tomorrow|tonight"
            rf"|{NEXT_WORKDAY}|on\s+{WEEKDAY}|at\s+{CLOCK})\b(?!'s)"
        ),
        ("schedule", "scheduled", "later"),
    ),
    # Acting for someone else is their delegate's or assistant's doing.
    (
        r"\bon\s+(?:my|our|his|her)\s+behalf\b",
        ("assistant", "delegate", "delegation", "proxy"),
    ),
    # A domain pointed or mapped at an app is its custom domain (a host name, a vhost).
    (
        (
            r"\b(?:point|map)\s+(?:the\s+|my\s+|our\s+)?(?:domain\s+)?"
            r"[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}\s+(?:at|to|on)\b"
        ),
        ("domain", "hostname", "vhost", "host", "alias", "binding"),
    ),
    # Firmware pushed over the air is an OTA update.
    (r"\bover[-\s]the[-\s]air\b", ("ota", "update")),
    # What is marked done is completed.
    (r"\bas\s+(?:done|finished|complete|completed)\b", ("complete", "completed", "finish")),
    # What is deleted by itself after a time expires: a lifecycle rule, a retention policy.
    (
        (
            r"\b(?:deleted|removed|purged|expired?|cleaned\s+(?:up|out))\s+automatically\b"
            r"|\bautomatically\s+(?:delete[sd]?|remove[sd]?|purge[sd]?|expire[sd]?"
            r"|clean(?:s|ed)?\s+(?:out|up))\b"
            r"|\bauto(?:matic)?[-\s]?(?:\w+\s+)?(?:delete|deletion|expire|expiry|expiration"
            r"|clean-?up|purge)\b"
            r"|\bkeep\s+only\s+the\s+(?:last|latest|newest|most\s+recent)\s+\d+"
        ),
        ("lifecycle", "expiration", "retention"),
    ),
    # What is no longer to be taken in or kept ("stop ingesting the health-check logs",
    # "drop debug logs before they get stored") is excluded: an exclusion, a filter; or
    # what collects it is stopped, disabled ("stop collecting shard-level metrics").
    (
        (
            r"\bstop\s+(?:ingesting|collecting|storing|keeping|recording|capturing|indexing)\b"
            r"|\bbefore\s+(?:they|it)\s+(?:get|gets|are|is)\s+(?:stored|ingested|saved|kept"
            r"|indexed)\b"
        ),
        ("exclusion", "exclude", "filter", "ignore", "disable", "stop"),
    ),
    # How long things are kept asks for their retention.
    (
        (
            r"\bhow\s+long\s+(?:are|is|do|does|will|should)\b(?:\W+\w+){0,8}?\W+"
            r"(?:kept|stored|retained|saved|held)\b"
        ),
        ("retention", "expiration", "ttl"),
    ),
    # What names start with: a prefix search, an autocomplete.
    (
        r"\b(?:starts?|starting|begins?|beginning)\s+with\b",
        ("prefix", "autocomplete", "typeahead", "suggest", "names"),
    ),
    # Moved from one time to another: rescheduled.
    (
        r"\bfrom\s+\d{1,2}(?::\d{2})?\s*(?:am|pm)?\s+to\s+\d{1,2}(?::\d{2})?\s*(?:am|pm)\b",
        ("reschedule", "event", "start", "time"),
    ),
    # Sent to be signed: an envelope, an agreement, a signature request.
    (
        (
            r"\bfor\s+(?:(?:her|his|their|your|a|an)\s+)?(?:e-?)?signatures?\b"
            r"|\bto\s+(?:be\s+)?(?:e-?)?sign(?:ed)?\b"
        ),
        ("envelope", "agreement", "request", "signing"),
    ),
    # Who did not come: the absentees, the no-shows.
    (
        (
            r"\b(?:never|didn't|did\s+not|don't|do\s+not)\s+"
            r"(?:show(?:ed)?\s+up|turn(?:ed)?\s+up|attend(?:ed)?)\b|\bno[-\s]shows?\b"
        ),
        ("absentee", "absent", "noshow"),
    ),
    # Moved on a board to a state ("move PAY-142 to Done"): a transition of its status.
    (
        (
            r"\b(?:move|moved|moving|push|drag|set)\s+(?:\S+\s+){1,3}?(?:to|into)\s+"
            r"(?:done|in\s+progress|to\s*do|closed|resolved|in\s+review|review|blocked|backlog)\b"
        ),
        ("transition", "status", "state"),
    ),
    # What never came is missing ("push it the events it never got").
    (
        (
            r"\b(?:never|didn't|did\s+not|hasn't|has\s+not|haven't|have\s+not)\s+"
            r"(?:got|gotten|received|arrived|reached|made\s+it)\b"
        ),
        ("missing", "missed", "undelivered"),
    ),
    # Long-term or cold storage is an archive.
    (r"\b(?:cold|long[-\s]term|cheap(?:er)?)\s+storage\b", ("archive", "glacier", "cold")),
    # What is copied to another region is replicated.
    (r"\bcross[-\s]region\b", ("replication", "replica", "region")),
    # What is kept tabs on, or an eye on, is monitored.
    (r"\bkeep(?:s|ing)?\s+(?:tabs|an\s+eye)\s+on\b", ("monitor", "monitoring", "watch")),
    # What something would cost, before it is bought: a quote, an estimate.
    (
        r"\bwhat\s+would\s+(?:it|that|this|they)\s+cost\b|\bhow\s+much\s+would\b",
        ("quote", "estimate", "price", "pricing"),
    ),
    # A service having issues or timing out: its health, its status.
    (
        r"\b(?:having|has|have)\s+(?:issues|problems|trouble|an?\s+outage)\b|\btiming\s+out\b",
        ("health", "status", "outage"),
    ),
    # Asking whether anything is wrong with a thing, or any problems affect it: what
    # disrupts it, its incidents, its status ("is anything going wrong on route 6 today?").
    (
        (
            r"\b(?:anything|something)\s+(?:going\s+|gone\s+)?wrong\b"
            r"|\bany\s+(?:problems|issues|delays|trouble)\s+(?:on|with|affecting|at|for)\b"
        ),
        ("disruption", "incident", "outage", "status", "health"),
    ),
    # A "+1" is a vote.
    (r"(?<![\w+])\+1(?![\d.])", ("vote", "upvote", "reaction")),
    # Someone who left the company is a user or member of the account, to remove.
    (
        r"\b(?:left|leaving|quit|quits|departed)\s+(?:the\s+|our\s+)?(?:company|firm|org|organization)\b",
        ("member", "user", "teammate"),
    ),
)
"""Phrases that name a thing in a vocabulary of its own (Kubernetes' kinds, payments'
holds and balances, someone who left): a request that has one says the thing's words, not
the phrase's (a regular expression, and the words it stands for)."""
