"""How ``search`` makes one ranking of its two: the lexical one (words) and the semantic
one (meaning), each a list of (score, position) best first. Plain functions of the
rankings and of each operation's path without its API version, apart from the scoring."""

from __future__ import annotations

from collections.abc import Sequence

from .weights import FUSION_DEPTH, FUSION_K, REPEAT_FACTOR, SCORE_WEIGHT, SEMANTIC_SHARE


def fused(
    lexical: list[tuple[float, int]],
    semantic: list[tuple[float, int]],
    unversioned: Sequence[str],
    leads: bool = True,
    given: bool = False,
) -> list[int]:
    """The two rankings as one: reciprocal rank fusion, plus ``SCORE_WEIGHT`` times each
    ranking's own score scaled to its first (where the first leads by far, ranks alone
    cannot say so), the semantic ranking ``SEMANTIC_SHARE`` as much as the lexical in both;
    repeats of an operation under another API version after the first (``varied``). The
    lexical first result comes first where it ``leads`` the lexical ranking clearly and
    the semantic ranking has it in its first ``FUSION_DEPTH`` too (where words match that
    well, it is seldom wrong), or where the request gives it outright (``given``: by its
    path, or its title in quotes); then the rest of the lexical."""
    positions = [position for _, position in lexical]
    if not semantic or not lexical:
        return positions
    best = lexical[0][0] if lexical[0][0] > 0 else 1.0
    scaled = [(score / best, position) for score, position in lexical]
    scores: dict[int, float] = {}
    for share, ranking in ((1.0, scaled), (SEMANTIC_SHARE, semantic)):
        for rank, (score, position) in enumerate(ranking[:FUSION_DEPTH]):
            fit = 1.0 / (FUSION_K + rank + 1) + SCORE_WEIGHT * score
            scores[position] = scores.get(position, 0.0) + share * fit
    ordered = sorted(scores, key=lambda p: -scores[p])
    spread = [p for _, _, p in varied([(scores[p], 0, p) for p in ordered], unversioned)]
    first = positions[0]
    rest = [p for p in positions[FUSION_DEPTH:] if p not in scores]
    if not given and (not leads or first not in (p for _, p in semantic[:FUSION_DEPTH])):
        # Others match about as well, or nothing of its meaning does: the fused ranking
        # decides.
        return [*spread, *rest]
    return [first, *(p for p in spread if p != first), *rest]


def varied(
    ranked: list[tuple[float, int, int]], unversioned: Sequence[str]
) -> list[tuple[float, int, int]]:
    """(score, safety, position) best first, with the same operation under another API
    version (``/v1/x``, ``/v1beta1/x``: the same ``unversioned`` key) after the first of
    its kind, each repeat scoring ``REPEAT_FACTOR`` of the last, so versions don't fill the
    list."""
    if REPEAT_FACTOR >= 1.0:
        return ranked
    seen: dict[str, int] = {}
    out: list[tuple[float, int, int]] = []
    for score, safety, position in ranked:
        key = unversioned[position]
        repeats = seen.get(key, 0)
        seen[key] = repeats + 1
        out.append((score * REPEAT_FACTOR**repeats, safety, position))
    out.sort(key=lambda item: -item[0])
    return out
