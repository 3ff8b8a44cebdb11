"""Which clause of a request is its main one (``main_clause``), which says what to do: not
one that says why or when ("... so the firewall rule picks it up", "before I delete
app_api, ..."), one that only tells how things are ("Tom left, so please ..."), which
fields to show, or what a message is to say.
"""

from __future__ import annotations

import re

from .clauses import unquoted

SUBORDINATE = re.compile(
    r"(?<=\S)[\s,;]+(?:so|before|because|since|otherwise|while|after|in order to|but)\s"
    r"|(?<=\S)\s*[,;]\s+(?:it|it's|it’s)\s",
    re.IGNORECASE,
)
"""Where a clause that says why, when or what else begins: "so", "before", "because",
"but" ("detach old-brand.com from the project but keep it in the account"), ...; or, after
a comma, one about the thing acted on ("nuke dpl_old123, it exposes a half-finished
feature")."""
_CONTENT = re.compile(
    r"(?<!\bare )(?<!\bis )(?<!\bkeep )(?<!\bkeeps )(?<!\bwere )(?<![’']s )(?<![’']re )"
    r"\b(?:saying|telling|tell him|tell her|tell them)(?=\s)(?!\s+about\b)",
    re.IGNORECASE,
)
"""The words after which a request says what a message it sends is to say ("leave a note
on ticket 88 saying we swapped the toner", "email dana ... and tell her the figures are
in the shared folder"): that is no part of what is done. Not where something is said by
others ("users keep saying they can't join", "what are people saying about it")."""


_LEADING = re.compile(
    r"^\W*(?:before|after|once|until|as\s+soon\s+as)\b[^,:;?!.]{1,60}[,:;]\s*(?=\S)",
    re.IGNORECASE,
)
"""A clause that says when, before the main one ("before I delete app_api, which apps rely
on it?"): the main clause follows it."""


_FIELDS = re.compile(
    r"^\W*(?:pull|show|tell|give|get|list|look|fetch|display|details?|what|which)\b"
    r"[^—–.?!]*?\S(\s+[—–-]\s+|:\s+)(?=[^.?!—–]*,)",
    re.IGNORECASE,
)
"""A request to show a thing, then after a dash or a colon which of its fields ("pull up
product 3101 - name, description, category", "show me payable 88e1: supplier, line items,
amount due"): the fields are no part of which thing."""


def main_clause_end(query: str) -> int | None:
    """Where the main clause of ``query`` ends (``SUBORDINATE``, ``_CONTENT``,
    ``_FIELDS``), quoted text aside ("say 'so long'"); None where it ends with the request."""
    plain = unquoted(query)
    ends: list[int] = []
    if (subordinate := SUBORDINATE.search(plain)) is not None:
        ends.append(subordinate.start())
    if (said := _CONTENT.search(plain)) is not None:
        ends.append(said.end())
    if (listed := _FIELDS.match(plain)) is not None:
        ends.append(listed.start(1))
    return min(ends, default=None)


_THEN_ASKED = re.compile(
    r"^[^.?!]*?\S[\s,;]+so,?\s+(?=(?:i|we)\s+(?:need|want|must|should|have\s+to)\b"
    r"|(?:i|we)(?:'d|\s+would)\s+like\b|please\b|(?:can|could|would)\s+you\b|go\s+ahead\b"
    r"|let'?s\b)",
    re.IGNORECASE,
)
"""A first sentence that tells how things are, then asks ("we're moving to a new setup, so I
need to ...", "Tom left, so please ..."): what follows "so" is the main clause, where it
is no clause that says why ("... so I can ...", "... so we have a backup")."""


def main_clause(query: str) -> str | None:
    """The main clause of ``query``, after a clause that says when (``_LEADING``: "before I
    delete app_api, which apps rely on it?") or how things are (``_THEN_ASKED``), and up to
    ``main_clause_end``; None when the whole request is one ("add the tag web so the
    firewall rule picks it up": "add the tag web")."""
    plain = unquoted(query)
    leading = _LEADING.match(plain) or _THEN_ASKED.search(plain)
    start = leading.end() if leading is not None else 0
    end = main_clause_end(query[start:])
    if end is None and not start:
        return None
    return query[start:][:end]
