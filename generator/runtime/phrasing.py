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


ASKED_OF_ME = re.compile(r"\b(?:am|do|did|have|was)\s+i\b|\bcan-i\b", re.IGNORECASE)
"""A question about the caller ("which teams am I on?", "what do I have access to?",
kubectl's "auth can-i delete pods")."""
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
WANTED_GONE = re.compile(
    r"\bmake\s+(?:it|them|this|that|these|those)\s+(?:go\s+away|disappear|vanish)\b"
    r"|\bmake\s+sure\s+[^.;!?]{0,60}?\b(?:is|are)\s+gone\b"
    r"|\b(?:want|wants|wanted|need|needs|(?:would|'d|\u2019d)\s+like)\s+"
    r"(?:(?!\b(?:is|are|was|were|has|have|had)\b)[^.;!?]){1,60}?\bgone\b"
    r"(?!\s+(?:through|out|live|to|by|over|into|off)\b)"
    r"|\bshould(?:n't|n\u2019t|\s+not|\s+no\s+longer)\s+(?:be\s+)?"
    r"(?:kept|exist|be\s+there|be\s+around|be\s+in|be\s+on|be\s+part\s+of|be\s+a\s+member)\b"
    r"|\b(?:don't|don\u2019t|do\s+not|no\s+longer)\s+want\s+(?:to\s+(?:be\s+)?)?"
    r"(?:part\s+of|a\s+member\s+of|in)\b"
    r"|\b(?:should|can|must|has\s+to|have\s+to|needs?\s+to)\s+go"
    r"(?:\s+(?:away|now|too|completely|for\s+good|as\s+well))?\s*(?:[.,;!?)]|$)"
    r"|\b(?:is|are|'s|'re|\u2019s|\u2019re)(?:n't|n\u2019t|\s+not|\s+no\s+longer)\s+needed\b"
    r"|\b(?:don't|don\u2019t|do\s+not|no\s+longer)\s+need\s+(?!to\b)(?:[^\s.,;!?]+\s+){1,4}?"
    r"any\s?more\b"
    r"|\bnever\s+want\s+to\s+see\s+(?:it|them|this|that|these|those|him|her)\s+again\b"
    r"|\b(?:does|do|should)(?:n't|n\u2019t|\s+not)\s+(?:want\s+(?:\S+\s+){1,4}?(?:to\s+)?)?"
    r"(?:show(?:ing)?\s+up|appear(?:ing)?|sitting|exist)\b[^.;!?]{0,60}?\bany\s?more\b",
    re.IGNORECASE,
)
"""A thing that should be no more ("make it go away", "make sure his account is gone",
"it shouldn't be kept", "he shouldn't be in the chat anymore", "I don't want to be part
of it anymore", "dxvif-test0001 can go", not "it should go to the archive"; "... and I need
him gone from Incident Manager", not "... want it gone through"; "the old list isn't needed
anymore", "we don't need +13125550199 anymore", not "we don't need to proxy images
anymore"; "I never want to see it again"; "project 8810 shouldn't show up in LGTM
anymore", "I don't want her number sitting in our address book anymore", not "the new
schemas don't show up in the picker"): a delete, of it or of the membership."""
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
EVERY = re.compile(
    r"\b(?:every|each)\s+(?!one\b|time\b|day\b|week\b|month\b)[a-z]+"
    r"|\ball\s+(?:of\s+)?(?:the|my|our|your|their|its|his|her|these|those)\s+"
    r"(?!way\b|time\b|same\b|rest\s+of\b)[a-z]+",
    re.IGNORECASE,
)
"""Things named one by one ("every subscription tied to customer 42"): things, not one."""
LIST_OF = re.compile(
    r"\b(?:the|our|my|your|their|full|complete|whole|entire)\s+(?:full\s+|complete\s+|whole\s+)?"
    r"list\s+of\s+(?!\d)",
    re.IGNORECASE,
)
"""Things asked for as a list ("pull up the list of people who report to me", "our full
list of contacts"): things, not one; not a list given ("a list of 12 commit IDs")."""
EVERYONE = frozenset({"everyone", "everybody"})
"""People named all at once ("everybody who has a login"): people, not one."""
HTTP_METHODS = frozenset({"GET", "PUT", "POST", "DELETE", "PATCH", "HEAD", "OPTIONS"})
AROUND_PATH = "\"'`,;:!?()[]<>."
"""What may stand around a path in a request (not its braces: ``{couponCode}``)."""
MADE_SO = re.compile(
    r"\bmake\s+(?!an?\b)(?:\S+\s+){0,5}?(?:required|optional|private|public|read-?only"
    r"|visible|hidden|invisible|mandatory|editable|unlisted|searchable"
    r"|(?:the|our|my)\s+(?:live|active|default|primary|current|main))\b"
    r"(?!\s+\w+\s+(?:called|named)\b)",
    re.IGNORECASE,
)
"""Something made so ("make the subtitle field required", "make acme/internal-tools
private", "make version 4 the live one"): it changes; nothing new is made ("make a private
channel" makes one)."""
TURNED_BACK_ON = re.compile(r"\b(?:turn|switch)\s+(?:\S+\s+){0,6}?back\s+on\b", re.IGNORECASE)
"""Something turned or switched back on ("turn campaign 5521 back on"): what was paused
resumes; "back" is no word of what."""
LEFT_ALONE = re.compile(
    r"\bleave\s+(?P<left>(?:(?!\balone\b)[^,;.!?]){1,60}?)\s+alone\b"
    r"|\bwithout\s+touching\s+(?P<untouched>[^,;.!?]{1,60})",
    re.IGNORECASE,
)
"""What a request leaves alone ("leave the status alone", "... without touching the
existing ones"): no word of what it asks, nor of what to do with it."""
_POSSESSOR = re.compile(r"\b[\w-]+(?:'s|s')(?=\s)", re.IGNORECASE)
"""A possessive ("the group's settings"): whose a thing is."""


def let_alone(query: str) -> tuple[str, list[str]]:
    """``query`` with what it leaves alone (``LEFT_ALONE``) said as not wanted: "leave the
    status alone, reword the description" reads ", not the status, reword ..."; and the
    clauses that say so. Whose a thing is stays what the request is about ("leave the rest
    of the group's settings alone": not the rest of the settings)."""

    said: list[str] = []

    def unwanted(found: re.Match[str]) -> str:
        thing = _POSSESSOR.sub("", found.group("left") or found.group("untouched"))
        said.append(f", not {thing},")
        return said[-1]

    return LEFT_ALONE.sub(unwanted, query), said


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
    r"\b(?:which|what)\s+((?:[\w-]+\s+){1,3}?)(?:is|are|am|was|were|has|have|do|does|did)\s+"
    r"\S+(?:\s+\S+){0,3}?\s+((?:(?:a|an)\s+)?(?:member|part)\s+of"
    r"|(?:been\s+)?(?:put|added)\s+(?:on|to|in)(?=\s*(?:[?.,!]|$|by\b))"
    r"|(?:(?<=\bi\s)|(?<=\bwe\s)|(?<=\byou\s)|(?<=\bthey\s)|(?<=\bhe\s)|(?<=\bshe\s))"
    r"(?:in|on)(?=\s*(?:[?.!]|$))|belong\s+to)",
    re.IGNORECASE,
)
"""A question which things someone belongs to ("which groups is priya@acme.io a member of?",
"which maintenance windows is i-0abc123 part of?", "which lists has @paulg been put on?",
"which teams am I in?", "which groups does carol belong to?"): the things (group 1) are
listed, not their members or parts, nor what was put or added (group 2)."""
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
WRITTEN_SHORT = re.compile(r"(?<![\w.])(?:e\.\s?g|i\.\s?e|etc|n\.\s?b)\.(?!\w)", re.IGNORECASE)
"""Abbreviations of writing ("e.g.", "i.e.", "etc."): no value, nor a word of the request."""
HYPHENATED = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)+")
ON_FILE = re.compile(
    r"\bon\s+file\b(?!\s+\S*\d)(?!\s+[A-Z'\"])"
    r"|^\W*(?i:file)\s+(?=(?i:a|an|another|the|this|that|these|those|it|them|my|our)\s)"
)
""""On file", kept for later use ("the card on file", "which cards do we have on file?"):
no file is meant, unless one is named after it ("the comment on file Qw12Er34"); nor where
a request opens with the verb ("file a bug in MOB", "file this email under Receipts")."""
