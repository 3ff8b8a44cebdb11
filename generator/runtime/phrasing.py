"""The phrases a request may hold that say more than its words (``reading.read``): a
condition on a number or a date, a question who or how many, a standing subscription's
lead, time logged, a thing made so, things named one by one or all at once, and the like.
Regular expressions and small tables, nothing that reads a whole request.
"""

from __future__ import annotations

import re

from .clauses import QUOTED
from .cues import CLOCK, CUES, NEXT_WORKDAY, WEEKDAY
from .phrases import SENDING

META_WORDS = frozenset({"api", "apis", "version", "versions", "group", "groups", "discovery"})
"""Words that ask about the API itself: its versions, its groups."""
MANY = frozenset({"bulk", "many", "multiple", "several", "these", "those", "go", "once"})
"""Words that ask to act on many things at once ("these", "in one go", "at once")."""
TELLING = frozenset({"my", "mine", "him", "her", "he", "she"})
"""Stop words that still say something of what is meant: "my" the calling user, "him" a
user or a member (their near-synonyms, ``SYNONYMS``)."""
SCOPE = re.compile(
    r"\b(?:in|inside|within|under)\s+"
    r"(?!(?:the\s+)?(?:last|past|next|first)\b|\d{4}\b|(?:a|an|any|all|every)\s"
    r"|(?:order|bulk|one|parallel|progress|total|general|detail|full|place|time|case)\b)\S",
    re.IGNORECASE,
)
"""Words that put what is asked for within one thing ("the pods in prod", "cron jobs in
this namespace"), not in a time ("in the last hour"), anywhere ("in any audience") or a
manner ("in bulk", "in progress", "in order to")."""


ASKED_OF_ME = re.compile(r"\b(?:am|do|did|have|was)\s+i\b", re.IGNORECASE)
"""A question about the caller ("which teams am I on?", "what do I have access to?")."""
COMPARED = re.compile(
    r"\b(?:over|under|above|below|(?:more|less|fewer|greater|bigger|smaller)\s+than|at\s+least"
    r"|at\s+most)\s+[$€£]?[0-9]"
    r"|\b(?:before|after|since|until|(?:earlier|later|older|newer)\s+than)\s+(?:(?:jan|feb|mar|apr"
    r"|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}\b)",
    re.IGNORECASE,
)
"""A condition on a number or a date ("over $1000", "more than 1000 stars", "end before
June 30"): the request asks to search or filter (near-synonyms), not for the whole
list."""
MENTIONING = re.compile(
    r"\b(?:mentions?|mentioning|mentioned|contain(?:s|ing)?|matching)\b", re.IGNORECASE
)
"""Things found by their text ("cards that mention 'invoice'", "issues mentioning a memory
leak"): the request asks to search, as for a condition on a number."""
IN_ONE = re.compile(
    r"\bin\s+(?:a\s+)?(?:single|one)\s+(?:request|call|api\s+call|batch|shot|go|pass)\b",
    re.IGNORECASE,
)
"""Many things asked for in one request ("fetch board 1, list 2 and card 3 in a single
request"): a batch."""
_NAMED = r"[a-z_#-]*\d[\w-]*"
DIGITS = re.compile(r"\d+")
"""A run of digits: names alike but for their numbers are of one shape."""
NAMED_APART = re.compile(r",?\s+(?:and|&)\s+|,\s+", re.IGNORECASE)
"""What parts things named one by one: a comma, an "and"."""
ENUMERATED = re.compile(
    rf"(?<!between\s)\b{_NAMED}(?:(?:,\s+|,?\s+(?:and|&)\s+){_NAMED}\b)+", re.IGNORECASE
)
"""Things named one by one ("alerts a-101, a-102 and a-109", "links 101 and 102"): many at
once where the names are alike (``reading``), not two numbers apart by a comma ("June 3,
2024") nor a range ("between 10 and 20")."""
IDENTIFIER = re.compile(r"[a-z]{3,}(?:[A-Z][a-z0-9]+)+[A-Z]*")
"""A name in code ("useEffect", "parseLegacyToken") that is none of the API's: what is
asked is found in code ("where do we call parseLegacyToken?")."""
REFS = frozenset({"version", "phone"})
"""Kinds of value that mostly point at another thing or a party: a version ("what changed
between v1.0 and v1.1", "a zip of the code as it was at v2.0"), a phone number ("text
+15551234567 that the order shipped"). The names of what takes them (a tag, a number,
"to") say nothing of what is asked."""
LEFT_QUOTE = re.compile(
    rf"(?:{QUOTED.pattern})(?=\s+(?:on|in|to|under|for|at|onto|into)\b|\s*[,.!?;:]|\s*$)"
)
"""Quoted text that is what is left somewhere ("leave 'LGTM' on MR 12"): not a name before
its noun ("drop the empty 'Old-HQ' area")."""
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
SENT_BY = re.compile(
    r"^\W*(?:(?:please|pls|can\s+you|could\s+you)\s+)?("
    + "|".join(map(re.escape, SENDING))
    + r")\s+(?=[^\s@]+@|\+?\d|(?:me|him|her|them|us|everyone|everybody|the|a|an|my|our|"
    r"this|that|these|those|all|every|each)\b)",
    re.IGNORECASE,
)
"""A request that opens with a way of sending as its verb, then whom or what ("email
dana@contoso.com the figures", "text +14155550100 that it shipped", "email the invoice
to the customer"): it asks to send (``SENDING``: a message, by that way)."""
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
GIVEN_TO = re.compile(
    r"^\W*(?:please\s+)?(?:give|grant|award)\s+(?!(?:me|us)\b)"
    r"((?:the|our|my|this|that|user|group)\s+(?:(?!\b(?:access|rights?|permissions?)\b)"
    r"[^,.;:!?])*?|\S+)\s+(?:the|an?)\s+\S",
    re.IGNORECASE,
)
"""Whom something is given, before what is given ("give the ci-bot service account the
edit role", "grant bob the admin role"): where it goes, not the thing asked for. Access
given is no recipient ("grant the bot read access on the store": not "the store")."""
WHAT_HAPPENED = re.compile(
    r"\b(?:what|everything|anything|all)(?:'s|\u2019s|\s+that|\s+has|\s+have|\s+that\s+has)?"
    r"\s+(?:happened|(?:is\s+|are\s+)?happening|been\s+happening|been\s+going\s+on|went\s+on|"
    r"went\s+wrong)\b",
    re.IGNORECASE,
)
"""A question what happened ("what happened on my account in the last hour?", "show
everything that happened to payroll.csv"): the API's record of it, its events, activity
or log ("as they happen" asks to watch, not this)."""
WHERE_WENT = re.compile(
    r"\bwhere\s+(?:\S+\s+){0,4}?(?:drove|went|travell?ed|has\s+been|have\s+been|moved)\b",
    re.IGNORECASE,
)
"""A question where something went ("where did truck 17 drive yesterday?", "show me where
tracker 44 went between monday and tuesday"): its trace, the track of its locations."""
AS_FILE = re.compile(
    r"\b(?:as|in|into|to)\s+(?:an?\s+)?(?:csv|excel|xlsx|spreadsheet|tsv)\b",
    re.IGNORECASE,
)
"""Records wanted as a file ("the products going to Cdiscount as a CSV file", "March's
tasks in an Excel file"): an export, a download."""
_DONE_TO = (
    r"(?:deleted|removed|changed|modified|created|updated|edited|renamed|disabled|enabled|"
    r"revoked|touched|did|bumped|raised|lowered|moved|closed|reopened|reassigned|archived|"
    r"overwrote|overwritten|reverted|transitioned|cancell?ed|locked|unlocked|wiped)\b"
)
WHO_DID = re.compile(
    r"\bwho(?:'s|\u2019s|\s+has|\s+is)?\s+been\s+(?:changing|editing|modifying|deleting|removing|"
    r"updating|touching)\b|"
    rf"\bwho\s+(?:\w+\s+)?{_DONE_TO}"
    r"|\bby\s+(?:whom|which\s+(?:user|person|admin|account))\b",
    re.IGNORECASE,
)
"""A question who did something ("who deleted the Finance group?", "who last edited the
roadmap doc?", "somebody changed the settings: what, and by which user?"): the API's
record of what was done, as ``WHAT_HAPPENED`` asks, not its people. (That somebody did
something says nothing alone: "someone deleted the form, bring it back".)"""
DOERS = frozenset({"somebody", "someone", "user", "person", "admin", "account"})
"""Words that name who did it, in a request that asks (``WHO_DID``): no words of the
request."""
FAILED_SIGN_INS = re.compile(
    r"\b(?:failed|unsuccessful|suspicious|weird)\s+(?:log\s*-?\s*ins?|logins?|"
    r"sign\s*-?\s*ins?|signins?|login\s+attempts?|sign-in\s+attempts?)\b",
    re.IGNORECASE,
)
"""Failed or suspicious sign-ins: what the API's record of them holds (its events, log,
audit or activity), as much as the sign-ins themselves."""
NEED_NEW = re.compile(
    r"(?:\b(?:i|we)\s*(?:'d|\u2019d|\s+would|\s+will)?\s+(?:need|want|like)|"
    r"^\W*(?:please\s+)?(?:request|order))\s+(?:a|an|another|some|new|fresh|\d[\d,]*)\s"
    r"(?!(?:full\s+|quick\s+|complete\s+)?(?:list|summary|overview|breakdown|rundown|report"
    r"|inventory|audit|history|copy|look|view|status|idea)\b)",
    re.IGNORECASE,
)
"""A new thing wanted or asked for ("I need an API token for our CI pipeline", "request a
10Gi disk for the postgres pod", "order 5 SIM cards", "we need 100 unique
single-use codes", "I'd like a fresh address"): made, not listed or read. Not an account
of things ("I need a summary of ...", "an inventory of all the VMs"): that reads."""
BY_DEFAULT = re.compile(
    r"(?:\b(?:should|must|ought\s+to)\b[^?]*\b(?:by\s+default|from\s+now\s+on)\b"
    r"|\b(?:by\s+default|from\s+now\s+on)\b[^?]*\b(?:should|must|ought\s+to)\b)(?![^?]*\?)",
    re.IGNORECASE,
)
"""What things should have or do by default, or from now on ("new SQL databases should get
log backups every 15 minutes by default"): a setting changed, not a thing made."""
CORRECTED = re.compile(
    r"\b(?:it|that|this|which|but)\s+should\s+(?:only\s+|really\s+|actually\s+)?"
    r"(?:be|say|read|have\s+been)\b(?!\s+able\b)(?![^?]*\?)",
    re.IGNORECASE,
)
"""What something should be instead, said of a thing named before ("fix the amount on
expense 3301, it should be 65", "I logged 5 hours on API-19, it should only be 2h"): a
correction, an update."""
RESCHEDULED = re.compile(
    r"\b(?:push|pushed|pushing|bump|bumped|shift|shifted|move|moved|postpone|postponed)\b"
    r"(?:\s+(?!to\b|until\b|till\b)\S+){1,6}?\s+(?:back\s+)?(?:to|until|till)\s+"
    rf"(?:{CLOCK}\b|\d{{1,2}}:\d\d\b|noon\b|midnight\b|tomorrow\b"
    rf"|tonight\b|later\b|next\s+month\b|{NEXT_WORKDAY}\b|{WEEKDAY}\b"
    r"|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b"
    r"|\d{4}-\d{2}-\d{2}\b)",
    re.IGNORECASE,
)
"""Something pushed or moved to a later time ("push my 3pm meeting to 4pm", "push the
deadline on upload link 55 until June 30"): rescheduled, an update."""
TIME_SPENT = re.compile(
    r"\b(?:log|logged|logging|record|track|book|add|put|enter|submit)\s+(?:me\s+)?"
    r"(?:[0-9]+(?:[.,][0-9]+)?\s*(?:h|hrs?|hours?|m|mins?|minutes?)|an?\s+hour|half\s+an\s+hour)\b",
    re.IGNORECASE,
)
"""Time spent on something, logged ("log 1.5 hours against ticket 7733", "log 3h on OPS-12"):
an entry of time worked (a worklog, a time entry, a timesheet), not a log."""
UNITS = frozenset(
    {"h", "hr", "hrs", "hour", "hours", "m", "min", "mins", "minute", "minutes", "day", "days"}
    | {"week", "weeks", "month", "months", "year", "years", "seconds", "secs", "gb", "mb"}
    | {"tb", "gib", "mib", "tib", "kb", "percent", "%", "seats", "users", "licenses", "times"}
)
"""Units a number may be followed by ("1.5 hours", "2.5 GB"): it is an amount, no version."""
TITLED = re.compile(r"\b((?i:mr|mrs|ms|miss|mx|dr|prof))\.?\s+([A-Z][\w'’-]*)")
"""A person by title and name ("Mrs. Alvarez", "Dr. Patel"): the name is someone's, and
a doctor's title says a doctor is meant."""
CURRENCIES = frozenset(
    {"euro", "euros", "eur", "dollar", "dollars", "usd", "buck", "bucks", "pound", "pounds"}
    | {"gbp", "quid", "yen", "jpy", "franc", "francs", "chf", "peso", "pesos", "mxn", "cad"}
    | {"aud", "rupee", "rupees", "inr", "kronor", "krona", "kroner", "sek", "nok", "dkk"}
    | {"zloty", "pln", "yuan", "cny", "rmb", "won", "krw", "brl", "cents", "cent"}
)
"""Currencies a number may come with ("25 euros", "500 EUR", "USD 20"): it is money."""
PAYING = frozenset({"send", "wire", "pay", "transfer", "move", "tip", "reimburse", "lend"})
"""Verbs that, with an amount of money, pay it: "send 25 euros to Jan" is a payment."""
NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
TIME_WORKED = ("time", "entry", "worklog", "timesheet", "spent", "timelog")
"""What logged time is (``TIME_SPENT``): words of the request, as a phrase's are."""
AS_IT_WAS = re.compile(
    r"\b(?:as|how)\s+(?:it|they|things)\s+(?:was|were|looked|stood)\s+(?:at|on|before|yesterday|last)\b",
    re.IGNORECASE,
)
"""A thing wanted back as it was at some time ("bring back the db as it was at 14:30"): a
restore to a point in time, an earlier version."""
CUE_PATTERNS = tuple((re.compile(pattern, re.IGNORECASE), meant) for pattern, meant in CUES)
HOW_MANY = re.compile(r"\bhow\s+many\b|\bnumber\s+of\b", re.IGNORECASE)
"""A question of how many ("how many people have accounts?"): what counts them says."""
STOP_DOING = re.compile(
    r"\bstop\s+(?:following|sharing|watching|subscribing|starring|muting|blocking)\b",
    re.IGNORECASE,
)
"""To stop following, sharing, watching... undoes what was done (unfollow, unshare): a
delete of the follow, the share, the subscription."""
STOP_SENDING = re.compile(
    r"\bstop\s+(?:sending|emailing|e-mailing|notifying|pinging|messaging|texting|alerting"
    r"|getting|receiving|forwarding|suggesting|recommending)\b",
    re.IGNORECASE,
)
"""To stop being sent something ("stop emailing me every time someone comments", "stop
sending events to endpoint 9981") turns off what sends it: a subscription, a setting."""
WHO = re.compile(r"\W*who\b", re.IGNORECASE)
"""A question who ("who can see the planning doc?", "who's on the Marketing board?"): it
asks for the people, any number of them: a list, not one item."""
WITH_SPAN = re.compile(
    r"\bwith\s+([^,.;:!?]*)|\b(?:that|which|who)\s+((?:can|could|will|would|may|only|lets|"
    r"allows)\b[^,.;:!?]*)",
    re.IGNORECASE,
)
"""What something comes with, or what it can do, to the end of its clause ("... with a
temp password she has to change", "a role that can only read pods")."""
INCLUDING = re.compile(r"\b(?:including|along\s+with)\s+([^,.;:!?]*)", re.IGNORECASE)
"""What goes along with the thing acted on, to the end of its clause ("delete the staging
service, including all its conversations and users"): not the thing itself."""
AT_PRESENT = re.compile(
    r"\b(?:right\s+now|at\s+(?:this|the)\s+moment|currently|at\s+present)\b", re.IGNORECASE
)
"""What is so now ("how many callers are waiting at this moment?"): current, live figures."""
STATES = frozenset(
    {"running", "stopped", "online", "offline", "enabled", "disabled", "active", "inactive"}
    | {"paused", "started"}
)
STATE_ASKED = re.compile(
    r"^\W*(?:is|are|was|were)\s+(?:\S+\s+){1,5}?(?:(?:currently|still|now|actually)\s+)?"
    rf"(?:{'|'.join(sorted(STATES))})\b"
    r"|^\W*(?:is|are)\s+(?:\S+\s+){1,5}?(?:currently|still|actually)\s+\w+ing\b",
    re.IGNORECASE,
)
"""A question whether a thing is in one of ``STATES`` ("is web-1 currently running or
stopped?", "are the queues paused?"), or still or indeed doing something ("is the trail
actually logging?"): its state, its status; the state's word says what is asked about,
not what to do."""
LET_DO = re.compile(
    r"\blet\s+(?!me\b|us\b|it\b|them\b|that\b|this\b)\S+(?:\s+\S+){0,2}?\s+(?:be\s+)?"
    r"(?:send|see|read|view|access|use|edit|write|publish|pick(?:ed)?|select(?:ed)?|manage"
    r"|administer|join|deploy|push|pull|invoke|call|download|upload|comment|approve|merge)\b",
    re.IGNORECASE,
)
"""Someone let do something ("let account 2109 send messages to my queue"): a permission."""
MARKED_AS = re.compile(
    r"\bmark(?:ed|s|ing)?\s+(?:\S+\s+){0,4}?as\s+(?!done\b|finished\b|completed?\b)\w",
    re.IGNORECASE,
)
"""A thing marked as something ("mark invoice 4411 as sent"): its state, its status."""
EVERY = re.compile(r"\b(?:every|each)\s+(?!one\b|time\b|day\b|week\b|month\b)[a-z]+", re.IGNORECASE)
"""Things named one by one ("every subscription tied to customer 42"): things, not one."""
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
EVERYONE = frozenset({"everyone", "everybody"})
"""People named all at once ("everybody who has a login"): people, not one."""
HTTP_METHODS = frozenset({"GET", "PUT", "POST", "DELETE", "PATCH", "HEAD", "OPTIONS"})
AROUND_PATH = "\"'`,;:!?()[]<>."
"""What may stand around a path in a request (not its braces: ``{couponCode}``)."""
MADE_SO = re.compile(
    r"\bmake\s+(?!an?\b)(?:\S+\s+){0,5}?(?:required|optional|private|public|read-?only"
    r"|visible|hidden|invisible|mandatory|editable|unlisted|searchable)\b"
    r"(?!\s+\w+\s+(?:called|named)\b)",
    re.IGNORECASE,
)
"""Something made so ("make the subtitle field required", "make acme/internal-tools
private"): it changes; nothing new is made ("make a private channel" makes one)."""
GOT_DONE = re.compile(
    r"\bget\s+(?:him|her|them|it|me|us|everyone|everybody|"
    r"(?:the|this|that|these|those|my|our|his|her|their)\s+[\w-]+)\s+(?:set\s+up|\w+ed)\b",
    re.IGNORECASE,
)
"""Something got done ("get him set up", "get the server restarted"): the verb after it is
what is asked, and "get" asks to read nothing."""
HAVE_ASKED = re.compile(r"\b(?:do|does|did)\b(?:\s+\S+){1,4}?\s+have\b", re.IGNORECASE)
"""A question whose verb is "have" ("which cards does cus_8 have?", "do I have enough
quota?"): "have" says nothing of which operation is meant."""
MEMBER_OF = re.compile(
    r"\b(?:which|what)\s+(?:[\w-]+\s+){1,3}?(?:is|are|am|was|were|has|have)\s+\S+"
    r"(?:\s+\S+){0,3}?\s+((?:(?:a|an)\s+)?(?:member|part)\s+of"
    r"|(?:been\s+)?(?:put|added)\s+(?:on|to|in)(?=\s*(?:[?.,!]|$|by\b)))",
    re.IGNORECASE,
)
"""A question which things someone belongs to ("which groups is priya@acme.io a member of?",
"which maintenance windows is i-0abc123 part of?", "which lists has @paulg been put on?"):
the things are listed, not their members or parts, nor what was put or added."""
IS_IN = re.compile(
    r"^\W*(?:is|are)\s+(?!there\b|it\b|this\b|that\b|the\b|a\b|an\b|any\b)\S+"
    r"(?:\s+[A-Z]\S*)?\s+(?:still\s+|already\s+)?(?:in|on|inside)\s+(?:the\s+)?\S",
    re.IGNORECASE,
)
"""A question whether someone or something is in a group ("is jane@acme.io in
security-alerts@acme.io?", "is Tom on the on-call team?"): a membership."""
LABELLING = frozenset({"with", "whose", "where", "having"})
"""Words before a field's name and its value ("a user with password Secret123!", "the
customer whose email is jane@acme.io"): the field is of the thing asked about, not it."""
CAUSATIVE = re.compile(
    r"^\W*(?:please\s+)?have\s+(?!(?:you|we|i|they|he|she|it|u|ya|y'all|people|anyone|"
    r"anybody|someone|somebody|any|all)\b)(?!.*\bbeen\b)(?!.*\?)",
    re.IGNORECASE,
)
"""A request that has someone or something do a thing ("have the card reader collect
$12.50", "have Jenna call the pharmacy"): an errand, no question whether things have been
("have the invoices been paid?", "have we shipped it?")."""
INITIALS = re.compile(r"(?<![\w&])([A-Za-z])\s?&\s?([A-Za-z])(?![\w&])")
"""Initials joined by an ampersand ("P&L", "R & D"): one abbreviation."""
HYPHENATED = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)+")
ON_FILE = re.compile(r"\bon\s+file\b(?!\s+\S*\d)(?!\s+[A-Z'\"])")
""""On file", kept for later use ("the card on file", "which cards do we have on file?"):
no file is meant, unless one is named after it ("the comment on file Qw12Er34")."""
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
    r"\bup\s+and\s+running\b"
    r"|\b(?:is|are)\s+(?:\S+\s+){0,4}?(?:up|down|alive|reachable)\s*(?:\?|$)",
    re.IGNORECASE,
)
"""Whether something is up or down ("is the scanner up?", "is the client up and
running?"): its health."""
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
SQL_TEXT = re.compile(
    r"\b(?:SELECT\s.+?\sFROM|UPDATE\s+\S+\s+SET|INSERT\s+INTO|DELETE\s+FROM"
    r"|(?:CREATE|ALTER|DROP)\s+(?:TABLE|INDEX|VIEW))\s.*"
)
"""A statement of SQL, written in its capitals, to the end of the request: a value, as
quoted text is ("execute UPDATE Accounts SET Status='closed'": no update of the API's)."""
SQL_DML = re.compile(r"\b(?:SELECT\s.+?\sFROM|UPDATE\s+\S+\s+SET|INSERT\s+INTO|DELETE\s+FROM)\b")
"""SQL that queries or changes data: a query or statement to run."""
SQL_DDL = re.compile(r"\b(?:CREATE|ALTER|DROP)\s+(?:TABLE|INDEX|VIEW)\b")
"""SQL that defines tables: a database's schema, its DDL."""
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
    (LOOKS_LIKE, ("similar",)),
    (GOES_LIVE, ("publish", "release", "deploy")),
    (WORKS_FOR, ("employee", "staff", "worker")),
    (IN_ONE, ("batch", "bulk")),
    (MADE_ROLE, ("role", "member", "membership")),
    (VALID_ASKED, ("validate", "validation", "verify", "verification")),
    (IS_IN, ("member", "membership")),
    (AS_IT_WAS, ("restore", "point", "time", "revert", "version")),
    (WHERE_WENT, ("trace", "track", "history", "route")),
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
