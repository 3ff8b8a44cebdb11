"""Phrases in API vocabulary: two words that name one thing ("my address book" is
contacts), what a way of sending sends, and what a verb with its particle means ("sign
off": approve). Single words' near-synonyms are ``synonyms``'; phrases that name a thing
in a vocabulary of its own ("runs on every node": a DaemonSet) are ``cues``'.

Plain tables, read by ``terms``, ``phrasing``, ``asking`` and ``reading``.
"""

from __future__ import annotations

from .vocabulary import LEFT_NOTES

COMPOUNDS: dict[tuple[str, str], str] = {
    ("address", "book"): "contact",
    ("to", "do"): "task",
    ("file", "types"): "formats",
    ("file", "type"): "format",
    ("auto", "reply"): "autoreply",
    ("box", "set"): "collection",
    ("out", "loud"): "aloud",
    ("far", "along"): "progress",
    ("on", "hand"): "inventory",
    ("cache", "clear"): "invalidation",
    ("cache", "purge"): "invalidation",
    ("cache", "purges"): "invalidations",
    ("about", "text"): "description",
    ("about", "section"): "description",
    ("sales", "tax"): "tax",
    ("controller", "manager"): "controllermanager",
    ("child", "account"): "subaccount",
    ("card", "reader"): "reader",
    ("card", "readers"): "readers",
    ("child", "accounts"): "subaccounts",
    ("shipping", "company"): "carrier",
    ("shipping", "companies"): "carriers",
    ("fulfillment", "center"): "warehouse",
    ("distribution", "center"): "warehouse",
    ("virtual", "machine"): "vm",
    ("virtual", "machines"): "vms",
    # What runs long in the background: an operation (Google's, Azure's long-running ones).
    ("long", "running"): "operation",
    # A time, not a right ("is it running right now?"): "now" is a stop word.
    ("right", "now"): "now",
}
"""Two words that name one thing in API vocabulary: they are that word ("my address book"
is contacts, not books; a to-do is a task)."""

SENDING: dict[str, tuple[str, ...]] = {
    "email": ("mail", "message"),
    "e-mail": ("mail", "message"),
    "mail": ("mail", "message"),
    "text": ("message", "sms"),
    "txt": ("message", "sms"),
    "sms": ("message", "text"),
    "message": ("message",),
    "dm": ("message", "direct"),
    "fax": ("fax",),
}
"""What each way of sending sends, where a request opens with it as its verb ("email
dana@contoso.com that ...", "text +1415... that it shipped"; ``phrasing.SENT_BY``)."""

PHRASES: dict[tuple[str, str], tuple[str, ...]] = {
    ("sign", "off"): ("approve", "approval"),
    ("turn", "down"): ("decline", "reject"),
    ("turned", "down"): ("declined", "decline", "rejected", "reject"),
    ("turn", "on"): ("enable", "activate", "start"),
    ("turn", "off"): ("disable", "deactivate", "stop", "inactive"),
    ("switch", "on"): ("enable", "activate", "start"),
    ("switch", "off"): ("disable", "deactivate", "stop", "inactive"),
    ("take", "down"): ("delete", "remove", "unpublish", "end", "deactivate"),
    ("thumbs", "up"): ("like", "rate", "rating", "upvote", "reaction"),
    ("thumbs", "down"): ("dislike", "rate", "rating", "downvote", "reaction"),
    ("hand", "over"): ("transfer", "ownership"),
    ("handed", "over"): ("transfer", "ownership"),
    ("hands", "over"): ("transfer", "ownership"),
    ("give", "away"): ("transfer", "ownership"),
    ("hook", "up"): ("attach", "connect"),
    ("line", "up"): ("schedule", "scheduled", "queue"),
    ("lined", "up"): ("scheduled", "schedule", "queue"),
    ("dig", "up"): ("search", "find"),
    # Started, not kicked out (``APART``: "kick them off the board" is).
    ("kick", "off"): ("start", "run", "trigger"),
    # Set going, or sent on its way ("fire off an email").
    ("fire", "off"): ("start", "run", "trigger", "send"),
    ("fire", "up"): ("start", "launch", "run"),
    ("go", "back"): ("rollback", "revert", "restore"),
    ("bring", "back"): ("restore", "recover", "undelete"),
    ("roll", "back"): ("rollback", "revert", "restore"),
    # Money handed back: a refund; taken back: a reversal.
    ("give", "back"): ("refund", "return", "release"),
    ("pay", "back"): ("refund", "return"),
    ("pull", "back"): ("reversal", "reverse", "refund"),
    ("take", "back"): ("reversal", "reverse", "refund"),
    ("take", "away"): ("remove", "revoke", "delete"),
    # Taken or pulled off or out of a place: removed from it ("take it off the system").
    ("take", "off"): ("remove", "delete"),
    ("take", "out"): ("remove", "delete"),
    ("pull", "off"): ("remove", "delete", "unpublish"),
    ("pull", "out"): ("remove", "delete"),
    # Someone put out of a place: a member or participant removed.
    ("boot", "out"): ("remove", "kick", "delete", "member", "participant"),
    ("kick", "out"): ("remove", "delete", "member", "participant"),
    ("call", "off"): ("cancel", "abort", "stop"),
    ("sign", "in"): ("login", "session", "authenticate", "auth"),
    ("signed", "in"): ("login", "session", "authenticated", "user"),
    ("log", "in"): ("login", "session", "authenticate"),
    ("logged", "in"): ("login", "session", "authenticated", "user"),
    ("sign", "out"): ("logout", "session", "signout"),
    ("signed", "out"): ("logout", "session"),
    ("log", "out"): ("logout", "session", "signout", "sign"),
    ("logged", "out"): ("logout", "session"),
    ("free", "up"): ("cleanup", "prune", "garbage"),
    ("audit", "trail"): ("change", "changelog", "log", "history"),
    ("clean", "up"): ("cleanup", "prune", "garbage"),
    ("clean", "out"): ("cleanup", "prune", "delete"),
    ("opt", "out"): ("unsubscribe",),
    ("look", "over"): ("review",),
    ("sign", "up"): ("subscription", "register", "signup", "enroll", "opt"),
    ("signed", "up"): ("registrant", "registration", "register", "signup"),
    # Made anew: no spinning.
    ("spin", "up"): ("create", "launch", "provision"),
    # Made, not set to something.
    ("set", "up"): ("setup", "create"),
    ("back", "up"): ("backup", "snapshot"),
    ("roll", "out"): ("rollout", "rolling", "update"),
    ("shut", "down"): ("shutdown", "stop", "power"),
    ("power", "off"): ("shutdown", "stop", "power"),
    ("power", "on"): ("start", "boot", "power"),
    ("address", "book"): ("contact",),
    # Prepaid credit bought: a recharge, a top-up.
    ("top", "up"): ("recharge", "topup", "credit", "balance", "fund"),
    # Someone cut off loses their access; what is sent or handed back is returned.
    ("cut", "off"): ("disable", "revoke", "suspend", "block"),
    ("send", "back"): ("return", "refund"),
    ("hand", "back"): ("return", "refund"),
    # Figures broken down: a breakdown, a summary of them, their statistics.
    ("break", "down"): ("breakdown", "summary", "statistics", "usage", "report"),
    ("watch", "later"): ("watchlist", "queue"),
    # What came back to what was sent: replies, inbound messages.
    **dict.fromkeys(
        [("text", "back"), ("texted", "back"), ("write", "back"), ("wrote", "back")],
        ("inbound", "reply", "incoming", "receive"),
    ),
    # Words written on a thing: a note, a comment, a description.
    ("write", "on"): ("note", "comment", "description"),
    ("jot", "down"): ("note", "comment"),
    # What people say of a thing: its comments, reviews, reactions.
    **dict.fromkeys(
        [("say", "about"), ("saying", "about"), ("said", "about")],
        ("comment", "review", "reaction"),
    ),
    ("who", "on"): ("member", "participant"),
    ("who", "in"): ("member", "participant"),
    ("between", "and"): ("compare", "diff"),
    ("loop", "in"): ("follower", "collaborator", "member", "subscriber"),
    ("run", "inside"): ("exec", "command"),
    ("run", "within"): ("exec", "command"),
    ("wake", "up"): ("start", "resume", "wake"),
    # Brought or loaded into a store from elsewhere: imported.
    **dict.fromkeys([("bring", "in"), ("bring", "into"), ("load", "into")], ("import",)),
    # Dumped somewhere else: exported.
    **dict.fromkeys([("dump", "to"), ("dump", "into")], ("export",)),
    ("carry", "on"): ("resume", "continue"),
    # Out of a place one is in: left.
    ("get", "out"): ("leave", "exit"),
    ("look", "into"): ("investigate", "investigation"),
    # Only some may do what is locked down: a protection, a restriction or a policy.
    ("lock", "down"): ("protect", "protection", "restrict", "restriction", "policy"),
    ("waiting", "on"): ("dependency", "blocker", "link", "relation"),
    ("blocked", "by"): ("dependency", "blocker", "link", "relation"),
    ("depends", "on"): ("dependency", "link", "relation"),
    ("what", "in"): ("content", "contents", "children", "tree", "list"),
    ("what", "inside"): ("content", "contents", "children", "tree", "list"),
    **dict.fromkeys(LEFT_NOTES, ("comment", "note")),
}
"""What a verb with its particle means, which may come a few words later ("sign the PR
off"): what neither word says alone. Searched as a word of the request, in place of the
verb."""
