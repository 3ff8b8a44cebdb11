"""What one request says, as ``reading.read`` reads it (``Reading``), and how its words
move: added as terms, or set aside from its own words to its near-synonyms.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .terms import stems


@dataclass(frozen=True)
class Reading:
    """What one request says."""

    own: list[str]
    """The request's own words: no stop words, values, quoted text or the API's name;
    abbreviations spelt out; an ID's object ("cus_9": customer)."""
    own_terms: list[str]
    """Their stems and equivalents, what a verb with its particle means in place of the
    verb ("hand it over": transfer), and what a modal phrase asks about ("am I allowed to
    delete pods?": permission)."""
    values: list[str]
    """Stems of the words of values that name things (``WORDY_KINDS``)."""
    near: list[str]
    """Stems of near-synonyms: of the words, of what happened in a question about the
    past, of a verb nobody may do."""
    wanted: str | None
    """What it asks to do: an ``INTENTS`` value, "act", or None."""
    kinds: frozenset[str]
    """Stems of the argument names that would take its values (``value_kinds``)."""
    broad: bool
    """About everything ("anywhere", "across"): the widest collection."""
    scoped: bool
    """About things within one parent ("in prod")."""
    plural: bool
    """About things, not one thing."""
    many: bool
    """About many things at once ("these", "in one go")."""
    mine: bool
    """About the caller's own things ("my", "which teams am I on?")."""
    meta_asked: bool
    """About the API itself."""
    mentioned: frozenset[str]
    """Every term it searches, and the pieces of abbreviations."""
    exact: frozenset[int]
    """Positions of the operations it names by their own name or title."""
    outright: frozenset[int]
    """Positions of the operations it gives outright: at a path it gives
    (``ApiWords.at_path``), or by their title in quotes."""
    parent: frozenset[str]
    """Stems of the words that say only where or whose its thing is ("from tag v1.2")."""
    existing: frozenset[str]
    """Those of them that name a thing it takes to exist (``known_things``: "on task
    4411", "to the newsletter list"), which it does not ask to make."""
    named_one: frozenset[str] = frozenset()
    """The stem of the API's thing a request that opens with a verb that reads or deletes
    names one of by its value right after it (``objects.object_named``: "look up registrant
    7788990011"), unless that says only where: the one item it acts on."""
    asked: bool = False
    """A question about what is, which reads ("what cards does cus_8 have on file?":
    ``asks_what_is``)."""
    counting: bool = False
    """A question how many ("how many members are in the group?"), not how many are left:
    an operation that counts the things answers it."""
    belonging: frozenset[str] = frozenset()
    """Stems of the things a question asks someone belongs to ("which teams am I in?":
    team): the things are listed, not their members (``phrasing.MEMBER_OF``)."""

    @property
    def one(self) -> bool:
        """About one thing."""
        return not self.plural and not self.broad and not self.many


def adding(terms: list[str], found: Iterable[str], having: Sequence[str] = ()) -> None:
    """Adds to ``terms`` the stems of ``found`` that neither it nor ``having`` has yet."""
    terms.extend([t for t in stems(found) if t not in terms and t not in having])


def aside(
    moved: set[str], moved_terms: set[str], own: list[str], own_terms: list[str], near: list[str]
) -> tuple[list[str], list[str], list[str]]:
    """The request's own words and terms without ``moved`` (and ``moved_terms``), which
    join its near-synonyms: words that say something of the thing, not what it is. Unless
    they are all the request says."""
    if not moved_terms or moved_terms == set(own_terms):
        return own, own_terms, near
    return (
        [w for w in own if w not in moved],
        [t for t in own_terms if t not in moved_terms],
        near + [t for t in own_terms if t in moved_terms and t not in near],
    )


def said_aside(
    said: set[str], own: list[str], own_terms: list[str], near: list[str]
) -> tuple[list[str], list[str], list[str]]:
    """``aside`` for the words of a span of the request (``said``), save the terms the
    rest of the request has too."""
    said_terms = set(stems(sorted(said))) - set(stems([w for w in own if w not in said]))
    return aside(said, said_terms, own, own_terms, near)
