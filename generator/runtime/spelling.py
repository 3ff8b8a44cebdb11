"""American spelling for search terms: an API and the people who use it may spell a word
either way ("organisation", "authorise", "colour", "licence", "catalogue"), and the
stemmer keeps the two apart (``terms.stem`` reads each word in American spelling). And
contractions written without their apostrophe, as chat writes them ("dont", "whats")."""

from __future__ import annotations

import re

_BRITISH_ENDINGS = (
    ("isations", "izations"),
    ("isation", "ization"),
    ("ising", "izing"),
    ("isers", "izers"),
    ("iser", "izer"),
    ("ised", "ized"),
    ("ises", "izes"),
    ("ise", "ize"),
    ("ysing", "yzing"),
    ("ysed", "yzed"),
    ("yses", "yzes"),
    ("yse", "yze"),
)
_BRITISH_STARTS = (
    ("colour", "color"),
    ("behaviour", "behavior"),
    ("favourit", "favorit"),
    ("labour", "labor"),
    ("honour", "honor"),
    ("neighbour", "neighbor"),
    ("flavour", "flavor"),
    ("centre", "center"),
    ("metre", "meter"),
    ("litre", "liter"),
    ("fibre", "fiber"),
    ("licence", "license"),
    ("defence", "defense"),
    ("offence", "offense"),
    ("catalogue", "catalog"),
    ("dialogue", "dialog"),
    ("enrolment", "enrollment"),
    ("instalment", "installment"),
    ("fulfil", "fulfill"),
    ("grey", "gray"),
)

_BRITISH_WORDS = {"programme": "program", "programmes": "programs"}
"""British words spelt otherwise as a whole, not by a start that others share ("programmed"
and "programming" are American too). Not "cheque": its American spelling is a verb
requests say all the time ("check")."""

_BRITISH_ENDS = tuple(british for british, _ in _BRITISH_ENDINGS)
_BRITISH_HEADS = tuple(british for british, _ in _BRITISH_STARTS)


def american(word: str) -> str:
    """A word in American spelling, where British spelling differs in a way the stemmer
    keeps ("organisation", "authorise", "colour", "licence", "catalogue"): an API and the
    people who use it may spell either way. Applied to an API's words and a request's
    alike, so that a word that is only British-like ("enterprise") stays itself in effect."""
    # Most words have neither an ending nor a start of the tables: one test each says so.
    if not (word.endswith(_BRITISH_ENDS) or word.startswith(_BRITISH_HEADS)):
        return _BRITISH_WORDS.get(word, word)
    if len(word) >= 7:
        for british, us in _BRITISH_ENDINGS:
            if word.endswith(british):
                return word[: -len(british)] + us
    for british, us in _BRITISH_STARTS:
        # Not a word that is American already ("fulfill", not "fulfil" and an "l").
        if word.startswith(british) and not (len(us) > len(british) and word.startswith(us)):
            return us + word[len(british) :]
    return word


_UNAPOSTROPHED = {
    **{
        word: word[:-1] + "'s"
        for word in ("whats", "hows", "wheres", "whos", "whens", "thats", "theres", "heres")
    },
    **{
        word: word[:-2] + "n't"
        for word in (
            *("isnt", "arent", "wasnt", "werent", "dont", "doesnt", "didnt", "shouldnt"),
            *("couldnt", "wouldnt", "havent", "hasnt", "hadnt", "mustnt"),
        )
    },
    "cant": "can't",
    "wont": "won't",
    "youre": "you're",
    "theyre": "they're",
    "ive": "I've",
}
"""Contractions written without their apostrophe, as chat often writes them ("whats the
status", "we dont need it anymore", "hows the run going?"); not those that are words of
their own too ("its", "lets", "were", "well", "ill", "id", "im")."""
_UNAPOSTROPHED_WORD = re.compile(
    r"\b(?:" + "|".join(sorted(_UNAPOSTROPHED)) + r")\b", re.IGNORECASE
)


def apostrophes(text: str) -> str:
    """``text`` with the contractions of ``_UNAPOSTROPHED`` written with their apostrophe,
    in the case of their first letter: a request reads alike with it or without."""

    def mended(found: re.Match[str]) -> str:
        word = found.group()
        written = _UNAPOSTROPHED[word.lower()]
        return written[0].upper() + written[1:] if word[0].isupper() else written

    return _UNAPOSTROPHED_WORD.sub(mended, text)
