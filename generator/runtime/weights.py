"""How much each signal counts in ``search``'s ranking: the weights of its lexical scores,
its priors, and the fusion of the lexical and semantic rankings. Plain numbers, kept apart
from the ranking so that either can be read (and tuned) alone."""

from __future__ import annotations

EXPANSION_WEIGHT = 0.4
GUESS_WEIGHT = 0.3
"""How much the API's words nearest in meaning to a request's word count, where the word is
none of the API's (``Index._guessed``; hybrid search only)."""
GUESS_SIMILARITY = 0.38
"""How near in meaning (cosine of the words' vectors) such a word must be."""
GUESS_COUNT = 3
"""How many such words each of the request's words may bring."""
METHOD_WEIGHT = 0.5
SIBLING_SHARE = 0.65
"""How much of the best score on its path an operation scores at least, where the request
says what it wants done (``Index._shared``): its words find the path, its intent the
method."""
SHAPE_WEIGHT = 0.15
MORE_WEIGHT = 0.5
"""How much the description and argument names count beside name, summary and path."""
VALUE_WEIGHT = 0.3
"""How much words that look like values (``abc123``, ``src/index.js``, ``@jane``) count."""
RESOURCE_WEIGHT = 0.15
NAMED_ITEM_WEIGHT = 0.15
"""How much more an operation on one item counts where the request names that one by its
value ("look up registrant 7788990011"): the item, not the collection it is in."""
COVERAGE_WEIGHT = 0.5
"""How much it counts that an operation has all of the request's words, not just some."""
PHRASE_WEIGHT = 0.3
PHRASE_CAP = 2
"""An operation's score is multiplied by 1 + PHRASE_WEIGHT for each pair of words the request
says one after the other that its description or argument names have side by side too (at
most PHRASE_CAP pairs): "deletion protection" is that setting, not any deletion and any
protection."""
NEAR_COVERAGE = 0.5
"""How much a request's word counts as an operation's when only a near-synonym of it is."""
SPECIFIC_WEIGHT = 0.3
"""An operation's score is divided by 1 + this for each word of its path that the request
does not mention (``Traits.path_terms``): of two operations that match the request alike,
the one about nothing else comes first."""
REPEAT_FACTOR = 0.5
"""Each repeat of an operation (under another API version, or the POST twin of a GET
action) scores this much of the last."""
EXISTING_FACTOR = 0.5
"""How much a POST to the collection of a thing that a request takes to exist counts
("drop a note on task 4411", "add bob to the newsletter list" create no task and no list;
``Reading.existing``)."""
MEMBERS_FACTOR = 0.5
"""How much an operation on the members of a thing counts where a question asks which
such things someone belongs to ("which teams am I in?": the teams, not a team's members;
``Reading.belonging``)."""
COUNT_WEIGHT = 2.0
"""How much more an operation that counts things counts for a question how many
(``Reading.counting``, ``Traits.counts``)."""
KIND_WEIGHT = 0.5
"""How much it counts that an operation takes the kind of value a request holds (a file
path, an email address, a version): ``VALUE_KINDS``."""
BREADTH_WEIGHT = 0.3
"""A request about everything (``BREADTH``) divides an operation's score by 1 + this for
each parameter of its path: the widest collection comes first."""
SCOPE_WEIGHT = 0.15
"""How much more a collection within one parent (a path parameter before it) counts for a
request about things in one ("the deployments in prod"): ``/namespaces/{namespace}/
deployments`` before ``/deployments``."""
EXACT_WEIGHT = 3.0
"""How much more an operation counts when the request names it by its own name or is its
title word for word."""
CLAUSE_WEIGHT = 0.5
"""How much a whole request counts beside its main clause, when a subordinate clause
(``mainclause.SUBORDINATE``) follows it."""
SEMANTIC_METHOD_WEIGHT = 0.2
"""How much nearer in meaning an operation is (in cosine similarity) for each unit of
``METHODS``' fit of its method to what a request asks, from -0.5 (none) to 0.5."""
FUSION_DEPTH = 50
"""How far down each ranking (lexical, semantic) counts in the fused one."""
LEXICAL_LEAD = 0.8
"""The lexical first result leads its ranking clearly where the second scores less than
this share of its score: only then does it come first whatever the fusion says."""
FUSION_K = 1.0
SEMANTIC_SHARE = 0.5
SCORE_WEIGHT = 0.5
"""Reciprocal rank fusion: an operation at rank r (from 0) of a ranking scores
1 / (FUSION_K + r + 1) from it, plus SCORE_WEIGHT times its score there scaled to the
first's (lexical: its share of the first's score; semantic: its closeness, from 0 at rank
FUSION_DEPTH to 1 at the first), all times SEMANTIC_SHARE for the semantic ranking."""
SELF_WEIGHT = 0.15
"""How much more an operation on the calling user's own things (``Traits.own``) counts for a
request about them ("my", "which teams am I on?")."""
META_FACTOR = 0.5
"""How much an operation about the API itself (``Traits.meta``) counts, unless the request asks
about the API, its versions or groups (``phrasing.META_WORDS``)."""
QUESTION_FACTOR = 0.5
"""How much an operation that changes something counts for a question about what is ("what
cards does cus_8 have on file?", ``Reading.asked``): a question reads, whatever its words
match."""
BULK_FACTOR = 0.6
"""How much an operation on many things at once (bulk, batch) counts for a request about one."""
