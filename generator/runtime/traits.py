"""What kind of operation each one of an API is, as search weighs it beside the words it
shares with a request: the caller's own, about the API itself, on many things at once, a
read that POSTs, one item or a collection, a create; what it acts on, and the words of its
path that say what else it is about. ``search.Index`` builds one ``Traits`` from
``search.json``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from functools import cached_property, lru_cache
from typing import Any

from .segments import is_item_path, operation_segments
from .terms import last_segment, terms, undone, words
from .vocabulary import INTENTS, UNDONE

_TITLED = {
    **dict.fromkeys(("delete", "deletes", "remove", "removes"), "DELETE"),
    **dict.fromkeys(("list", "lists", "describe", "describes"), "GET"),
}
"""What a POST is whose title or name opens with one of these verbs (``Traits.methods``):
"Delete a contact" in an API without DELETE; ``ListStores`` in one that takes a list's
filters in a body."""

COMMON_PATH_SHARE = 0.3
"""Words on more of the paths than this share (``api``, ``v1``, a vendor's main resource)
say nothing of which operation is meant: they are no ``path_terms``."""
FACET_PARENTS = 20
"""Kinds of thing a facet comes after at least (``Traits.path_terms``)."""
_SELF = frozenset({"me", "my", "mine", "self", "myself", "current", "currentuser", "user"})
"""Path segments about the calling user's own things (``own_path``)."""
SELF_TERMS = frozenset(terms(" ".join(sorted(_SELF - {"user"}))))
"""Their search terms ("me" and "my" are stop words), "user" aside, which is also anyone's
(``/users/{id}``): path words that a request about the caller's own things mentions."""
_API_LEVEL = re.compile(
    r"^(?:/apis?)?/*$|^(?:/[^/{}]*)*/(?:v[0-9]+(?:(?:alpha|beta)[0-9]*)?"
    r"|[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:io|com|org|net|dev))/*$"
)
_BULK = frozenset({"bulk", "batch"})
_OPENING_VERBS = frozenset(
    terms(
        "create get list update delete add remove set query search fetch retrieve describe "
        "generate regenerate start stop cancel enable disable upsert"
    )
)
"""The terms of verbs that open a path segment named as an action (``createRun``,
``listAuthKeys``, ``getStatus``): what the operation does, not what it acts on."""
_READ_ACTIONS = frozenset(
    {"search", "query", "lookup", "list", "find", "get", "fetch", "retrieve", "read", "count"}
    | {"describe"}
    | {"detect", "analyze", "analyse", "recognize", "classify", "compare", "contains"}
)
"""Words an action's name starts with when the action reads (``/customers/search``,
``/orders/batch-retrieve``, ``/me/microsoft.graph.getSchedule``), or reads what it is given
and changes nothing (``DetectKeyPhrases``, ``ClassifyDocument``, ``CompareFaces``): a
question about "this paragraph" is answered by reading it. Not "extract", which unpacks an
archive as often."""


def own_path(path: str) -> bool:
    """Whether a path is about the calling user's own things: a literal segment names
    them (``/me/events``, ``/user/repos``), not a parameter after it (``/user/{id}``)."""
    parts = [part for part in path.split("/") if part]
    return any(
        part.lower() in _SELF and (at + 1 == len(parts) or not parts[at + 1].startswith("{"))
        for at, part in enumerate(parts)
    )


def api_level(path: str) -> bool:
    """Whether a path is about the API itself, not a resource of it: the root (``/``,
    ``/api/``), an API version (``/api/v1/``) or an API group named as a domain
    (``/apis/events.k8s.io/``)."""
    return _API_LEVEL.search(path) is not None


def action_words(path: str) -> tuple[list[str], bool]:
    """The words of the action a path's last segment names, and whether it names one the
    way remote-procedure APIs do: after ``=`` (``/#Action=RunInstances``) or ``:``
    (``/v1/{name}:cancel``). Else the segment's words after its last dot (``microsoft.
    graph.getSchedule``), bulk and batch aside; none where the segment is a parameter."""
    named, explicit = _action(path)
    return list(named), explicit


@lru_cache(maxsize=1 << 15)
def _action(path: str) -> tuple[tuple[str, ...], bool]:
    """``action_words``, read once per path: ``Traits`` and ``ApiWords`` each ask of every
    operation."""
    last = last_segment(path)
    for mark in "=:":
        if mark in last:
            # A service's name before the action's (``X-Amz-Target=SageMaker.DescribeEndpoint``)
            # is no part of it.
            name = last.rsplit(mark, 1)[-1].rsplit(".", 1)[-1]
            return (() if "{" in name else tuple(w for w in words(name) if w not in _BULK)), True
    if "{" in last:
        return (), False
    return tuple(w for w in words(last.rsplit(".", 1)[-1]) if w not in _BULK), False


def reads_by_name(method: str, path: str) -> bool:
    """Whether a POST operation reads, as its action's name says (``POST /customers/search``,
    ``POST /orders/batch-retrieve``, ``POST /#Action=DescribeInstances``): an API whose
    reads take a body POSTs them."""
    if method != "POST":
        return False
    named, _ = _action(path)
    return bool(named) and named[0] in _READ_ACTIONS


def _verb_last(path: str) -> bool:
    """Whether a path's last segment is a verb alone after a literal segment, as
    remote-procedure APIs end their paths with the action (``/item/remove``,
    ``/accounts/balance/get``); not a part of one item (``/deployments/{name}/status``)."""
    parts = [part for part in path.split("/") if part]
    if len(parts) < 2 or parts[-2].startswith("{"):
        return False
    named, explicit = _action(path)
    return not explicit and len(named) == 1 and (named[0] in INTENTS or named[0] in _READ_ACTIONS)


def action_intent(word: str) -> str | None:
    """What an action's verb asks for (``INTENTS``); for a verb that undoes another
    ("UntagResource", "UnsubscribeFromTopic", "UnpublishApp"), the undoing of what that one
    asks for, or a delete where it is no verb of ``INTENTS`` (the tag goes)."""
    found = INTENTS.get(word)
    rest = undone(word) if found is None else ""
    if not rest:
        return found
    done = INTENTS.get(rest)
    return UNDONE.get(done, "delete") if done else "delete"


def _names_one(path: str) -> bool:
    """Whether an action named the remote-procedure way reads one thing, as an item path
    does: a read of a thing named in the singular (``/#X-Amz-Target=...GetDeployment``;
    not ``ListDeployments``, nor ``DescribeInstances``)."""
    named, explicit = _action(path)
    if not explicit or len(named) < 2 or INTENTS.get(named[0]) != "read":
        return False
    last = named[-1]
    return not last.endswith("s") or last.endswith(("ss", "us", "is"))


_NAMED_METHODS = {"create": "POST", "delete": "DELETE", "update": "PATCH"}
"""The method an action's verb stands for, where the API's own method does not say."""


def method_by_name(method: str, path: str) -> str:
    """The method a request's intent weighs an operation as, where its action's name says
    more than its HTTP method (``action_words``): a GET or POST that names its action the
    remote-procedure way (``GET /#Action=TerminateInstances``) is the action's method, a
    POST for a verb that names no intent (reboot, associate); else a POST that removes
    (``POST /item/remove``, ``POST /users/{id}/microsoft.graph.removePassword``) is a
    DELETE. (A POST that changes stays a POST: "start billing her again" is as much a
    create as the resume it asks for.)"""
    named, explicit = _action(path)
    intent = action_intent(named[0]) if named else None
    if explicit and named and method in ("GET", "POST"):
        if intent in ("read", "list", "search", "check"):
            return "GET"
        return _NAMED_METHODS.get(intent or "", "POST")
    if method == "POST":
        return "DELETE" if intent == "delete" else method
    return method


_ALL_OF = re.compile(r"[a-z]All[A-Z]|(?:^|[_.-])all[_.-]")
"""A name that says a change acts on all of something ("moveAllCards", "mark_all_read"): a
word "all" between others (a stop word, so no term of its name). A read named so lists all
("listPodForAllNamespaces")."""
_BULK_TERMS = _BULK | {"multipl"}
"""Terms that say an operation acts on many things at once ("multiple": its stem)."""


def bulk(core_terms: Iterable[str], op: Mapping[str, Any]) -> bool:
    """Whether an operation (``op``, with its name's and summary's ``core_terms``) acts on
    many things at once: they say so ("bulk update", "batch", "delete multiple objects"),
    or the name of a change says all (``_ALL_OF``)."""
    return not _BULK_TERMS.isdisjoint(core_terms) or (
        op["method"] not in ("GET", "HEAD") and _ALL_OF.search(op["operation"]) is not None
    )


_SELF_FIRST = (["self"], ["my"], ["me"])
"""First words of a path segment about the caller's own things (``selfsubjectaccessreviews``,
``myOrders``)."""


def _action_path(path: str) -> str:
    """An action's path as its action alone (``/{AccountNumber}/{QueueName}/#Action=X``:
    ``#Action=X``), where the API takes one action in two forms, on the queue's path and
    on the root."""
    at = path.find("#Action=")
    return path[at:] if at >= 0 else path


_VERSION = re.compile(r"/v[0-9]+(?:(?:alpha|beta)[0-9]*)?(?=/|$)")


_MEMBERS = frozenset({"member", "membership"})
"""What the members of a thing are called."""
_COUNTING = frozenset({"$count", "count"})
"""A path's last segment that counts the things before it."""
_MARKERS = frozenset({"$ref", "$value"})
"""OData's path segments for a link to the thing before them and for its raw content."""
_FORMATS = frozenset({"json", "xml", "yaml"})
"""A path's last segment that names the format the thing before it comes in
(``/containers/json``: the containers)."""


def _acted_on(path: str, segment: str) -> str:
    """The terms of what an operation acts on, given its path and the terms of the path
    segment that names it: that segment less the verb that opens it (``createRun``: a
    run); for an action named the remote-procedure way, its name's words after its verb
    (``#X-Amz-Target=DMS.StartReplicationTask``: a replication task), not the header or
    service before them."""
    named, explicit = _action(path)
    if explicit and len(named) > 1 and "=" in last_segment(path):
        after = " ".join(terms(" ".join(named[1:])))
        if after:
            return after
    verb, _, rest = segment.partition(" ")
    return rest if rest and verb in _OPENING_VERBS else segment


NAMESPACE_NAMES = 5
"""Names a dotted prefix of path segments comes before at least, to be a namespace
(``microsoft.graph.sendMail``, ``microsoft.graph.wipe``: ``microsoft.graph``)."""
_NAMESPACE = re.compile(r"[a-z][a-z0-9]*(?:\.[a-z][a-z0-9]*)+")
"""A namespace as OData writes one: lower-case names, two or more, dotted (not Slack's
``chat`` of ``chat.postMessage``, which is the thing acted on)."""
_CALL = re.compile(r"\(.*$")
"""A function's arguments after its name in a path segment (``getReport(period='{p}')``)."""


def namespaces(operations: Iterable[Mapping[str, Any]]) -> frozenset[str]:
    """The dotted prefixes of literal path segments that ``NAMESPACE_NAMES`` names or more
    come after: a namespace the API qualifies its actions and functions with (OData's
    ``microsoft.graph``), not a name of its own (``rbac.authorization.k8s.io``)."""
    return _namespaces(operation_segments(op) for op in operations)


def _namespaces(literals: Iterable[Sequence[str]]) -> frozenset[str]:
    """``namespaces`` of operations' literal path segments (``operation_segments``)."""
    named: dict[str, set[str]] = {}
    for literal in literals:
        for seg in literal:
            prefix, name = _qualified(seg)
            if _NAMESPACE.fullmatch(prefix) and name[:1].isalpha():
                named.setdefault(prefix, set()).add(name)
    return frozenset(p for p, names in named.items() if len(names) >= NAMESPACE_NAMES)


def _qualified(segment: str) -> tuple[str, str]:
    """A path segment's dotted prefix and name, without a function's arguments
    (``microsoft.graph.getReport(period='{p}')``: microsoft.graph, getReport); "" and the
    segment where it has no dot."""
    prefix, _, name = _CALL.sub("", segment).rpartition(".")
    return prefix, name


def _acting_segments(
    literal: list[str], found: list[str], spaces: frozenset[str] = frozenset()
) -> list[str]:
    """The terms of an operation's literal path segments (``literal``, ``found`` their
    terms) but OData's ``_MARKERS`` and a last segment of ``_FORMATS`` after another; of a
    segment qualified by one of the API's namespaces (``spaces``), its name's alone
    (``sendMail``)."""
    if len(literal) != len(found):
        return found
    if spaces:
        found = [
            _unqualified(seg, spaces) or terms_of
            for seg, terms_of in zip(literal, found, strict=True)
        ]
    if len(literal) > 1 and literal[-1].lower() in _FORMATS:
        literal, found = literal[:-1], found[:-1]
    if _MARKERS.isdisjoint(literal):
        return found
    return [terms_of for seg, terms_of in zip(literal, found, strict=True) if seg not in _MARKERS]


def _unqualified(segment: str, spaces: frozenset[str]) -> str:
    """The terms of a segment's name without its namespace (``microsoft.graph.sendMail``:
    send mail), where one of ``spaces`` qualifies it; else ""."""
    prefix, name = _qualified(segment)
    return " ".join(terms(name)) if prefix in spaces else ""


_ANY_ITEM = re.compile(r"(/v\d[\w.]*)/\{[^}/]+\}")
"""A path that is an API version and one parameter: an operation on any one named item
(Google's ``/v1/{name}``)."""
_IN_A_PARENT = re.compile(r"(/v\d[\w.]*)/\{[^}/]+\}/[A-Za-z][\w-]*[^Ss\W]s")
"""A path that is an API version, a parameter and a plural: a collection in a parent
(``/v1/{parent}/rollouts``; not ``/v1/{database}/ddl``, a part of one item)."""


class Traits:
    """What each of ``operations`` is, by position: from their paths, their literal path
    segments' terms (``segments``) and their names' and summaries' terms (``core``)."""

    def __init__(
        self, operations: list[dict[str, Any]], segments: list[list[str]], core: Sequence[str]
    ) -> None:
        self.operations = operations
        self.segments = segments
        self._core = core
        # OData's ``$ref`` and ``$value`` say how the thing before them is acted on (a link
        # to it, its raw content), not what is: ``POST /groups/{id}/members/$ref`` adds a
        # member; a format after it, how it comes (``GET /containers/json`` lists them).
        literals = [operation_segments(op) for op in operations]
        spaces = _namespaces(literals)
        acting = [
            _acting_segments(literal, found, spaces)
            for literal, found in zip(literals, segments, strict=True)
        ]
        # What an operation acts on: its path's last literal segment, or the one before
        # where that one is the action's verb (``/item/remove``, ``/customers/search``).
        acted_on = [
            found[-2] if len(found) > 1 and _verb_last(op["path"]) else found[-1] if found else ""
            for op, found in zip(operations, acting, strict=True)
        ]
        acted_on = [
            _acted_on(op["path"], seg) for op, seg in zip(operations, acted_on, strict=True)
        ]
        self.resources: list[frozenset[str]] = [frozenset(seg.split()) for seg in acted_on]
        # What it is, of those words: the last ("rack reservations": reservations).
        self.heads: list[frozenset[str]] = [frozenset(seg.split()[-1:]) for seg in acted_on]
        paths = [frozenset(" ".join(found).split()) for found in acting]
        counts: dict[str, int] = {}
        for words_of_path in paths:
            for word in words_of_path:
                counts[word] = counts.get(word, 0) + 1
        common = {w for w, n in counts.items() if n > COMMON_PATH_SHARE * len(paths)}
        # What an operation acts on, where that is a facet every kind of thing has: its words
        # are common, and it comes after ``FACET_PARENTS`` kinds of thing or more
        # (``/Contacts/entityInformation``, ``/Tickets/entityInformation``).
        parents: dict[str, set[str]] = {}
        for seg, found in zip(acted_on, acting, strict=True):
            if len(found) > 1 and seg == found[-1]:
                parents.setdefault(seg, set()).add(found[-2])
        facets = {seg for seg, kinds in parents.items() if len(kinds) >= FACET_PARENTS}
        self.path_terms: list[frozenset[str]] = [
            found - common | (resource if seg in facets and resource <= common else frozenset())
            for found, seg, resource in zip(paths, acted_on, self.resources, strict=True)
        ]
        """The terms of each operation's path but the common ones, and the facet it acts on
        (common as its words are): what it is about, which a request names if it wants it."""

    @cached_property
    def own(self) -> list[bool]:
        """Whether each operation is about the calling user's own things (``own_path``), or
        a literal segment of its path says so in its first word (``selfsubjectaccessreviews``,
        ``myOrders``)."""
        return [
            own_path(op["path"])
            or any(seg.split()[:1] in _SELF_FIRST for seg in found)
            or any(words(seg)[:1] in _SELF_FIRST for seg in operation_segments(op))
            for op, found in zip(self.operations, self.segments, strict=True)
        ]

    @cached_property
    def meta(self) -> list[bool]:
        """Whether each operation is about the API itself (``api_level``)."""
        return [api_level(op["path"]) for op in self.operations]

    @cached_property
    def siblings(self) -> tuple[Any, Any, Any]:
        """The operations that share their path with others, path by path: their positions,
        where each path's begin among them, and how many each path has (numpy arrays, for
        ``search.Index._shared``)."""
        import numpy  # type: ignore[import-not-found, unused-ignore]  # bm25s's dependency

        by_path: dict[str, list[int]] = {}
        for position, op in enumerate(self.operations):
            by_path.setdefault(op["path"], []).append(position)
        groups = [group for group in by_path.values() if len(group) > 1]
        sizes = [len(group) for group in groups]
        starts = numpy.cumsum([0, *sizes[:-1]]) if groups else numpy.zeros(0, dtype=int)
        order = numpy.array([p for group in groups for p in group], dtype=int)
        return order, starts, numpy.array(sizes, dtype=int)

    @cached_property
    def any_item(self) -> list[list[int]]:
        """For an operation on any one item of the API (``_ANY_ITEM``: Google's
        ``GET /v1/{name}``, which reads a rollout, a release or an operation alike, though
        its document describes one kind), the collections of the same version whose items
        it serves (``/v1/{parent}/rollouts``); none for any other. A request about one of
        their items means it as much as their words mean them."""
        collections: dict[str, list[int]] = {}
        for position, op in enumerate(self.operations):
            found = _IN_A_PARENT.fullmatch(op["path"])
            if found is not None:
                collections.setdefault(found.group(1), []).append(position)
        out: list[list[int]] = []
        for op in self.operations:
            found = _ANY_ITEM.fullmatch(op["path"])
            out.append(collections.get(found.group(1), []) if found is not None else [])
        return out

    @cached_property
    def bulk(self) -> list[bool]:
        """Whether each operation acts on many things at once (``bulk``)."""
        return [
            bulk(core.split(), op) for core, op in zip(self._core, self.operations, strict=True)
        ]

    def on_members_of(self, position: int, things: frozenset[str]) -> bool:
        """Whether an operation acts on the members of one of ``things`` (stems), which
        its path names before them (``GET /boards/{id}/memberships`` for boards), not on
        those things (``GET /members/{id}/boards``)."""
        return (
            bool(self.heads[position] & _MEMBERS)
            and not things & self.resources[position]
            and not things.isdisjoint(" ".join(self.segments[position][:-1]).split())
        )

    @cached_property
    def counts(self) -> list[bool]:
        """Whether each operation counts the things its path names before its last segment
        (OData's ``GET /groups/{id}/members/$count``, ``GET /users/count``,
        ``GET /products/count.json``)."""
        return [
            op["method"] == "GET" and last_segment(op["path"]).split(".")[0].lower() in _COUNTING
            for op in self.operations
        ]

    @cached_property
    def reads(self) -> list[bool]:
        """Whether each operation is a read that POSTs (``reads_by_name``): what a request
        to read asks for as much as a GET."""
        return [reads_by_name(op["method"], op["path"]) for op in self.operations]

    @cached_property
    def methods(self) -> list[str]:
        """Each operation's method as a request's intent weighs it: a read that POSTs
        (``reads``) is a GET; a POST whose title or name opens with "Delete" or "Remove"
        ("Delete a contact", in an API without DELETE; ``DeleteObjects``) is a DELETE, one
        that opens with "List" or "Describe" (``ListSequenceStores``) a GET; else
        as its action's name says (``method_by_name``)."""
        out: list[str] = []
        for op, read in zip(self.operations, self.reads, strict=True):
            method = op["method"]
            if read:
                method = "GET"
            elif method == "POST":
                first = words(op.get("summary") or "")[:1] + words(op["operation"])[:1]
                method = _TITLED.get(first[0], _TITLED.get(first[-1], method)) if first else method
            if method == op["method"]:
                method = method_by_name(method, op["path"])
            out.append(method)
        return out

    @cached_property
    def verbs(self) -> list[tuple[str | None, frozenset[str]]]:
        """What the verb of an action named the remote-procedure way does
        (``/#Action=CreateDBSnapshot``: ``create``) and the verb's terms; else
        ``(None, {})``. A request asking for the same has said the verb, in its own words
        ("take a manual backup")."""
        out: list[tuple[str | None, frozenset[str]]] = []
        for op in self.operations:
            named, explicit = _action(op["path"])
            intent = action_intent(named[0]) if named and explicit else None
            out.append((intent, frozenset(terms(named[0])) if intent else frozenset()))
        return out

    @cached_property
    def items(self) -> list[bool]:
        """Whether each operation's path names one item (``/pets/{id}``), not a collection;
        or its action reads one (``_names_one``)."""
        return [is_item_path(op["path"]) or _names_one(op["path"]) for op in self.operations]

    def creates(self, position: int) -> bool:
        """Whether an operation makes a new thing: a POST to a collection, as ``methods``
        weighs it (not a read that POSTs, nor ``POST /profiles/delete``, ``DeleteProfile``)."""
        return self.methods[position] == "POST" and not self.items[position]

    @cached_property
    def unversioned(self) -> list[str]:
        """Each operation's method (``methods``) and path without its API version: what
        search counts repeats of. The GET and the POST of one action (``GET`` and ``POST
        /#Action=RunInstances``) are one, too, on whatever path each takes it
        (``_action_path``)."""
        return [
            method + " " + _action_path(_VERSION.sub("/", op["path"]))
            for op, method in zip(self.operations, self.methods, strict=True)
        ]
