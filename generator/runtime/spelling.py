"""American spelling for search terms: an API and the people who use it may spell a word
either way ("organisation", "authorise", "colour", "licence", "catalogue"), and the
stemmer keeps the two apart (``terms.stem`` reads each word in American spelling)."""

from __future__ import annotations

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

_BRITISH_ENDS = tuple(british for british, _ in _BRITISH_ENDINGS)
_BRITISH_HEADS = tuple(british for british, _ in _BRITISH_STARTS)


def american(word: str) -> str:
    """A word in American spelling, where British spelling differs in a way the stemmer
    keeps ("organisation", "authorise", "colour", "licence", "catalogue"): an API and the
    people who use it may spell either way. Applied to an API's words and a request's
    alike, so that a word that is only British-like ("enterprise") stays itself in effect."""
    # Most words have neither an ending nor a start of the tables: one test each says so.
    if not (word.endswith(_BRITISH_ENDS) or word.startswith(_BRITISH_HEADS)):
        return word
    if len(word) >= 7:
        for british, us in _BRITISH_ENDINGS:
            if word.endswith(british):
                return word[: -len(british)] + us
    for british, us in _BRITISH_STARTS:
        # Not a word that is American already ("fulfill", not "fulfil" and an "l").
        if word.startswith(british) and not (len(us) > len(british) and word.startswith(us)):
            return us + word[len(british) :]
    return word
