"""How well an operation's shape fits what a request asks, beside the words the two share:
its method and whether it acts on one item or many (``prior``), what it acts on, whether it
counts, whose it is, how much of its path the request leaves unsaid. ``search.Index`` scales
each operation's score by its fit (``fit_factor``)."""

from __future__ import annotations

from collections.abc import Set as AbstractSet

from .request import Reading
from .traits import Traits
from .vocabulary import METHODS
from .weights import (
    BREADTH_WEIGHT,
    BULK_FACTOR,
    COUNT_WEIGHT,
    EXACT_WEIGHT,
    EXISTING_FACTOR,
    KIND_WEIGHT,
    MEMBERS_FACTOR,
    META_FACTOR,
    METHOD_WEIGHT,
    NAMED_ITEM_WEIGHT,
    QUESTION_FACTOR,
    RESOURCE_WEIGHT,
    SCOPE_WEIGHT,
    SELF_WEIGHT,
    SHAPE_WEIGHT,
    SPECIFIC_WEIGHT,
)

_READING = frozenset({"read", "list", "search"})


def agrees(wanted: str, does: str) -> bool:
    """Whether a request that wants ``wanted`` asks for what an action's verb does: the
    same, or any of reading, listing and searching for another."""
    return wanted == does or (wanted in _READING and does in _READING)


def prior(method: str, item: bool, wanted: str | None, plural: bool) -> float:
    """How well an operation's method and shape (one ``item`` or a collection) fit what a
    request asks (``wanted``, about one thing or, where ``plural``, several)."""
    if wanted is None:
        return 1.0
    factor = 1.0 + METHOD_WEIGHT * (METHODS[wanted].get(method, 0.0) - 0.5)
    if wanted == "list" or (wanted in ("read", "search", "delete") and plural):
        factor += SHAPE_WEIGHT * (-1.0 if item else 1.0)
    elif wanted in ("read", "update", "delete"):
        factor += SHAPE_WEIGHT * (1.0 if item else -0.5)
    return factor


def fit_factor(
    request: Reading,
    traits: Traits,
    position: int,
    path: str,
    takes: AbstractSet[str],
    asked: AbstractSet[str],
    mentioned: AbstractSet[str],
) -> float:
    """The factor an operation's score is scaled by for ``request``: the operation at
    ``position`` of ``traits``, at ``path``, taking values of the kinds ``takes``;
    ``asked`` are the request's own terms, ``mentioned`` every term it says."""
    method = traits.methods[position]
    factor = prior(method, traits.items[position], request.wanted, request.plural)
    if position in request.exact:
        factor *= EXACT_WEIGHT
    if request.asked and method not in ("GET", "HEAD"):
        factor *= QUESTION_FACTOR
    resource = traits.resources[position]
    if resource & asked and not resource & request.parent:
        factor += RESOURCE_WEIGHT
    if resource & request.named_one and traits.items[position]:
        factor += NAMED_ITEM_WEIGHT
    if request.existing & traits.heads[position] and traits.creates(position):
        factor *= EXISTING_FACTOR
    if request.belonging and traits.on_members_of(position, request.belonging):
        # "which teams am I in?": the teams, not a team's members.
        factor *= MEMBERS_FACTOR
    if request.counting and traits.counts[position]:
        factor += COUNT_WEIGHT
    if request.kinds and request.kinds & takes:
        factor += KIND_WEIGHT
    unasked_terms = traits.path_terms[position] - mentioned
    if unasked_terms and request.wanted is not None:
        does, verb = traits.verbs[position]
        if does is not None and agrees(request.wanted, does):
            unasked_terms = unasked_terms - verb
    unasked = len(unasked_terms)
    if request.broad:
        factor /= 1.0 + BREADTH_WEIGHT * path.count("{")
    elif request.scoped and request.plural and not traits.items[position] and "{" in path:
        factor *= 1.0 + SCOPE_WEIGHT
    if request.mine and traits.own[position]:
        factor += SELF_WEIGHT
    if traits.meta[position] and not request.meta_asked:
        factor *= META_FACTOR
    if traits.bulk[position] and (request.one or request.many):
        factor *= BULK_FACTOR if request.one else 1.0 / BULK_FACTOR
    return factor / (1.0 + SPECIFIC_WEIGHT * unasked)
