"""Phrasings of a request that call up near-synonyms of what is asked, not of its words
("how did our posts do?": insights, metrics; "bring the box back up": start, resume), as
``reading.read`` reads them (``HINTS``); and a statement of SQL, a value. Regular
expressions and their words, nothing that reads a whole request.
"""

from __future__ import annotations

import re

from .phrasing import IN_ONE, STOP_SENDING

SENT_AGAIN = re.compile(
    r"\b(?:send|email|mail|forward)\b(?:\s+\S+){0,8}?\s+again\b|\bresend\b|\bre-send\b",
    re.IGNORECASE,
)
"""Something sent before, to be sent again ("they never got invoice 15, send it to them
again"): a resend, an email or a notification of the thing, not a new one."""
DONE_AGAIN = re.compile(
    r"\b(?:try|run|push|deliver|process|sync|do|execute|trigger|attempt)\b(?:\s+\S+){0,10}?\s+"
    r"(?:again|once\s+more)\b",
    re.IGNORECASE,
)
"""Something done before, to be done again ("push the pending orders to it again", "run
the failed job again"): a retry, a rerun, a redelivery."""
VALID_ASKED = re.compile(
    r"\b(?:is|are|was|were)\b(?:\s+\S+){0,8}?\s+(?:still\s+|even\s+|actually\s+)?"
    r"(?:an?\s+)?(?:valid|real|correct|good|acceptable|legit|legitimate|genuine|right)\b",
    re.IGNORECASE,
)
"""A question whether something holds ("is notanemail@gmial.con even a real address?",
"is this token still good?"): it asks to validate or verify it."""
MADE_ROLE = re.compile(
    r"\bmake\s+\S+\s+(?:an?|the|our|their)\s+(?:co-?)?(?:admin|administrator|owner|moderator"
    r"|editor|viewer|maintainer|manager|member|collaborator|guest|reviewer)s?\b",
    re.IGNORECASE,
)
"""Someone made something ("make Lee an admin on the Ops board", "make maria a maintainer
of the team"): it is about their role, as a member (which an API may change, or add as an
owner: the intent stays the verb's)."""
WHERE_WENT = re.compile(
    r"\bwhere\s+(?:\S+\s+){0,4}?(?:drove|went|travell?ed|has\s+been|have\s+been|moved)\b",
    re.IGNORECASE,
)
"""A question where something went ("where did truck 17 drive yesterday?", "show me where
tracker 44 went between monday and tuesday"): its trace, the track of its locations."""
WHERE_IS = re.compile(
    r"\bwhere(?:'s|\s+is|\s+are)\s+(?:\S+\s+){0,4}?(?:right\s+now|now|currently|at\s+the\s+moment)\b"
    r"|\b(?:last\s+known|current)\s+(?:location|position|whereabouts)\b",
    re.IGNORECASE,
)
"""A question where something is now ("where is truck-042 right now?", "last known location
of courier-7"): its position, its location."""
SCALED_TO = re.compile(
    r"\bscale\s+(?:\S+\s+){0,5}?(?:(?:up|down|out|in|back)\s+)?(?:to|from)\s+\S*\d",
    re.IGNORECASE,
)
"""A thing scaled to a size ("scale prod-cache up to db.r6g.xlarge", "scale checkout to 6
tasks"): a change of its size or count, an update of it."""
AS_FILE = re.compile(
    r"\b(?:as|in|into|to)\s+(?:an?\s+)?(?:csv|excel|xlsx|spreadsheet|tsv)\b",
    re.IGNORECASE,
)
"""Records wanted as a file ("the products going to Cdiscount as a CSV file", "March's
tasks in an Excel file"): an export, a download."""
AS_IT_WAS = re.compile(
    r"\b(?:as|how)\s+(?:it|they|things)\s+(?:was|were|looked|stood)\s+(?:at|on|before|yesterday|last)\b",
    re.IGNORECASE,
)
"""A thing wanted back as it was at some time ("bring back the db as it was at 14:30"): a
restore to a point in time, an earlier version."""
AT_PRESENT = re.compile(
    r"\b(?:right\s+now|at\s+(?:this|the)\s+moment|currently|at\s+present)\b", re.IGNORECASE
)
"""What is so now ("how many callers are waiting at this moment?"): current, live figures."""
PERIODIC = re.compile(
    r"\b(?:every|each)\s+(?:other\s+|second\s+)?(?:day|week|month|year|quarter|hour|morning|"
    r"evening|night|weekday|weekend|monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?\b"
    r"|\b(?:daily|weekly|fortnightly|monthly|quarterly|yearly|annually|nightly|hourly)\b"
    r"|\b(?:recurring|standing\s+orders?)\b",
    re.IGNORECASE,
)
"""Something done at regular times ("on the 1st of every month", "a $99 monthly pull", a
recurring transfer, a standing order): a schedule, a recurring thing (near: "monthly" may
name a thing too, a monthly quota)."""
IS_IN = re.compile(
    r"^\W*(?:is|are)\s+(?!there\b|it\b|this\b|that\b|the\b|a\b|an\b|any\b)\S+"
    r"(?:\s+[A-Z]\S*)?\s+(?:still\s+|already\s+)?(?:in|on|inside)\s+(?:the\s+)?\S",
    re.IGNORECASE,
)
"""A question whether someone or something is in a group ("is jane@acme.io in
security-alerts@acme.io?", "is Tom on the on-call team?"): a membership."""
USER_DEFINED = re.compile(r"\buser[- ]defined\b", re.IGNORECASE)
"""What users define (a field, an attribute): a custom one."""
WORKS_FOR = re.compile(
    r"\b(?:works?|working)\s+(?:for|at)\s+(?:us|me|our|my|the\s+(?:company|firm|business))\b",
    re.IGNORECASE,
)
"""Who works for a business ("who works for us right now?"): its employees, its staff."""
GOES_LIVE = re.compile(
    r"\b(?:push|put|make|take|set|send)\s+(?:\S+\s+){0,7}?live\b|\bgo(?:es|ing)?\s+live\b",
    re.IGNORECASE,
)
"""Something put live ("push the draft live", "push version 0.3 of the app live", "go
live"): it is published."""
LOOKS_LIKE = re.compile(
    r"\b(?:more|other|others|ones?|anything|something|stuff)\s+(?:\w+\s+)?like\s+"
    r"(?:\w+\s+)?(?:this|that|it|\S*\d)|\blooks?\s+like\s+(?:\w+\s+)?(?:this|that|it|\S*\d)",
    re.IGNORECASE,
)
"""Things like a given one ("more pictures like 8652", "footage that looks like clip 11"):
similar ones."""
HOW_IT_DID = re.compile(
    r"\bhow\s+(?:well\s+|badly\s+)?(?:did|does|do|is|are|was|were)\s+(?:\S+\s+){1,5}?"
    r"(?:do|doing|did|perform|performing|performed)\b"
    r"|\bhow\s+did\s+(?:\S+\s+){1,5}?go\b",
    re.IGNORECASE,
)
"""How something did ("how did our last three posts do?", "how is the campaign
performing?"): its figures, its insights."""
_NOT_LEFT = r"(?!(?:\s+\S+){0,6}?\s+(?:left|remaining|available|free)\b)"
"""Not a question of what is left ("how many API calls do I have left?": a quota)."""
FIGURES_ASKED = re.compile(
    rf"\bhow\s+many\b{_NOT_LEFT}"
    r"|\bin\s+total\b|\btotals?\b|\bbroken\s+down\s+by\b|\bbreakdown\b|\boverall\b",
    re.IGNORECASE,
)
"""Figures asked for ("how many deliveries failed?", "total receipts for the cycle",
"bounces broken down by type"): counts, totals, a summary of them, statistics; not how
many are left ("how many API calls do I have left?": a quota)."""
HOW_MUCH = re.compile(rf"\bhow\s+much\b{_NOT_LEFT}", re.IGNORECASE)
"""How much of something there has been ("how much storage are we using?", "how much did
we spend on travel?"): its usage, its total."""
SHOULD_HAVE = re.compile(
    r"(?<!\bi\s)(?<!\bwe\s)(?<!\byou\s)"
    r"\b(?:should|must|ought\s+to)\s+(?:(?:only|also|never|always|still|all|now|then|each|"
    r"automatically|instead)\s+)*(?:get|see|receive|have|hear|know|show|land|end\s+up)\b",
    re.IGNORECASE,
)
"""What should come to someone or somewhere ("every new client should get the audit
scope", "everyone should see a notice at the top"): a state to set up, not a read. Not what
I, we or you should do ("I think we should get the logs of web-1"): that is to be done."""
WOULD_BE = re.compile(
    r"\b(?:what|which|how|when|where|who)\b[^.!?]{0,60}?\bwould\b(?!\s+(?:you|u|like|love)\b)"
    r"|\bwould\s+(?!(?:you|u|like|love|be\s+(?:great|nice|good|possible|helpful))\b)"
    r"[^.!?]{0,60}\?"
    r"|\bdry[- ]run\b|\bwithout\s+(?:actually\s+)?(?:creating|saving|applying|committing|"
    r"changing|sending|running)\b",
    re.IGNORECASE,
)
"""What would be, asked before it is done ("which images would it expire?", "what exchange
rate would I get?", "would it pass the checks? dry run only"): a preview, an estimate, a
simulation, a test, a calculation."""
KEEP_A_COPY = re.compile(
    r"\b(?:keep|store|save)\s+(?:a\s+)?(?:\w+\s+)?cop(?:y|ies)\s+of\b",
    re.IGNORECASE,
)
"""A copy kept of something ("keep a copy of everything that hits orders-bus"): an
archive, a backup."""
COMING_UP = re.compile(r"\b(?:coming\s+up|due\s+soon)\b", re.IGNORECASE)
"""What is coming up ("what bills and paydays are coming up?"): upcoming events."""
GONE_THROUGH = re.compile(
    r"\b(?:gone|went|come|came)\s+through\s+(?:my|our|the|this|that|your)\b",
    re.IGNORECASE,
)
"""What has gone through an account or a card ("what's gone through my credit card this
week"): its transactions."""
ALREADY_ENDED = re.compile(
    r"\b(?:that|which|who)\s+(?:have|has)\s+(?:already\s+)?(?:finished|ended|closed|expired)\b"
    r"|\b(?:that|which)\s+(?:are|were)\s+(?:already\s+)?(?:finished|over)\b"
    r"|\b(?:finished|ended|concluded)\s+(?!\w*ing\b|(?:this|his|is|was|has|as|us)\b)\w+s\b",
    re.IGNORECASE,
)
"""Things that have already ended ("list offerings that have already finished", "show
finished tournaments"): past ones."""
UNDER_WAY = re.compile(
    r"\b(?:\w+s|that|which|who)\s+(?:are|is)\s+(?:\w+\s+)?(?:happening|going\s+on|under\s*way"
    r"|in\s+progress|taking\s+place)\b|\b(?:ongoing|in-progress)\s+\w+s\b",
    re.IGNORECASE,
)
"""Things under way ("what tournaments are happening at the moment?", "which seasons are
going on?", "ongoing matches"): the running ones, the live ones."""
BACK_UP_AGAIN = re.compile(
    r"\b(?:bring|brought|get|put)\s+(?:\S+\s+){0,4}?back\s+(?:up|online|on)\b", re.IGNORECASE
)
"""A machine brought back up, or back online ("bring the staging box back up"): started
again, resumed (not backed up)."""
IS_UP = re.compile(
    r"\bup\s+and\s+(?:running|responding)\b"
    r"|\b(?:is|are)\s+(?:\S+\s+){0,4}?(?:up|down|alive|reachable|responding|online|offline)"
    r"\s*(?:\?|$)",
    re.IGNORECASE,
)
"""Whether something is up or down ("is the scanner up?", "is the client up and
running?", "is the API service up and responding?", "is the gateway online?"): its
health."""
LEFT_OFF = re.compile(
    r"\b(?:left|leave)\s+off\b|\b(?:save|keep|remember)\s+(?:my|our|the)\s+(?:place|spot)\b"
    r"|\bwhere\s+(?:I|we)\s+(?:was|were|stopped)\b",
    re.IGNORECASE,
)
"""Where someone stopped reading or watching ("where did I leave off?", "save my place"):
their position."""
OVER_TIME = re.compile(
    r"\b(?:per|each)\s+(?:day|week|month|hour)\b"
    r"|\b(?:day|week|month|hour|year)[\s-]+by[\s-]+(?:day|week|month|hour|year)\b"
    r"|\bover\s+time\b|\btime[\s-]?series\b"
    r"|\b(?:daily|hourly|weekly|monthly)\s+(?:\w+\s+)?(?:counts?|totals?|numbers|stats|"
    r"statistics|averages?|volumes?|usage|sends|metrics|breakdown)\b",
    re.IGNORECASE,
)
"""Figures asked for period by period ("session counts per day", "month by month", "daily
bounce totals"): a time series, a history of a metric."""
SQL_DML = re.compile(r"\b(?:SELECT\s.+?\sFROM|UPDATE\s+\S+\s+SET|INSERT\s+INTO|DELETE\s+FROM)\b")
"""SQL that queries or changes data: a query or statement to run."""
SQL_DDL = re.compile(r"\b(?:CREATE|ALTER|DROP)\s+(?:TABLE|INDEX|VIEW)\b")
"""SQL that defines tables: a database's schema, its DDL."""
SQL_TEXT = re.compile(rf"(?:{SQL_DML.pattern}|{SQL_DDL.pattern})\s.*")
"""A statement of SQL (``SQL_DML``, ``SQL_DDL``), written in its capitals, to the end of the
request: a value, as quoted text is ("execute UPDATE Accounts SET Status='closed'": no
update of the API's)."""
HINTS: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = (
    (LEFT_OFF, ("position", "progress", "bookmark")),
    (IS_UP, ("health", "status", "ping", "heartbeat")),
    (BACK_UP_AGAIN, ("start", "boot", "power", "resume", "online")),
    (UNDER_WAY, ("running", "ongoing", "live", "current", "active")),
    (ALREADY_ENDED, ("past", "ended", "completed", "expired")),
    (GONE_THROUGH, ("transaction", "charge", "payment")),
    (COMING_UP, ("upcoming", "event", "schedule", "future")),
    (KEEP_A_COPY, ("archive", "backup", "snapshot")),
    (HOW_IT_DID, ("insight", "metric", "analytics", "statistic", "performance", "report")),
    (
        WOULD_BE,
        ("preview", "estimate", "simulate", "simulation", "test", "calculate", "quote", "predict"),
    ),
    (HOW_MUCH, ("usage", "total", "consumption", "metric")),
    (FIGURES_ASKED, ("stats", "statistics", "total", "summary", "metric", "count", "usage")),
    (LOOKS_LIKE, ("similar",)),
    (GOES_LIVE, ("publish", "release", "deploy")),
    (WORKS_FOR, ("employee", "staff", "worker")),
    (IN_ONE, ("batch", "bulk")),
    (MADE_ROLE, ("role", "member", "membership")),
    (VALID_ASKED, ("validate", "validation", "verify", "verification")),
    (IS_IN, ("member", "membership")),
    (AS_IT_WAS, ("restore", "point", "time", "revert", "version")),
    (WHERE_WENT, ("trace", "track", "history", "route")),
    (WHERE_IS, ("position", "location", "latest")),
    (SCALED_TO, ("update", "modify", "capacity", "count")),
    (AS_FILE, ("export", "download", "csv")),
    (AT_PRESENT, ("current", "realtime", "live")),
    (DONE_AGAIN, ("retry", "rerun", "redeliver", "replay")),
    (SENT_AGAIN, ("resend", "email", "notification")),
    (PERIODIC, ("schedule", "recurring", "recurrence")),
    (OVER_TIME, ("series", "timeseries", "history", "historic")),
    (USER_DEFINED, ("custom",)),
    (STOP_SENDING, ("subscription", "notification", "unsubscribe")),
    (SQL_DML, ("sql", "query", "statement")),
    (SQL_DDL, ("ddl", "schema", "statement")),
)
"""Phrasings of a request and the near-synonyms each calls up (what is asked of it, not
its words): for each pattern found in the request, its words."""
