"""An API's own words, as search reads a request against them: the terms of its names and
descriptions, its path nouns, the kinds of value each operation takes, the abbreviations
of its long names (``pvc``), the short forms its IDs start with (``cus_``), and its
operations' names written as code. ``search.Index`` builds one from ``search.json``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import cached_property
from itertools import pairwise
from typing import Any

from .clauses import QUOTED
from .phrasing import AROUND_PATH, HTTP_METHODS
from .segments import compound_parts, plain_operation_segments
from .synonyms import SYNONYMS
from .terms import CACHED_WORDS, EDGES, stem, stems, terms, words
from .traits import action_words
from .vocabulary import EQUIVALENTS, FILE_NAME, INTENTS

WORDS_KNOWN = frozenset(w for w in (*SYNONYMS, *EQUIVALENTS, *INTENTS) if len(w) >= 4)
"""Words of four letters or more whose meaning search knows ("temp", "spam", "cart"):
words, not the initials of an API's path names (a "temp" password is no
``telecomExpenseManagementPartner``)."""

ACRONYM_MEANINGS = 3
"""Multi-word names an abbreviation may stand for at most (past that it says too little)."""
_TYPED_ID = re.compile(
    r"([A-Za-z]{2,8})_(?=[A-Za-z0-9]*[0-9])[A-Za-z0-9]+|([a-z]{1,8})-(?=[0-9a-f]*[0-9])[0-9a-f]{4,}"
)
"""An ID that starts with a short form of its object's name: ``cus_9N1x`` (Stripe's
kind), ``i-0abc1234`` or ``snap-0aa11bb22`` (Amazon's: hexadecimal after the hyphen)."""
_ISSUE_KEY = re.compile(r"[A-Z][A-Z0-9]{1,9}-[0-9]+")
"""An issue's key as issue trackers write it, its project's key and a number (``PAY-142``,
``WEB-12``): it names an issue in an API that has them."""
_ISSUE = stem("issue")
_ISSUE_PATH = re.compile(r"/issues?/\{", re.IGNORECASE)
_AFTER_PREFIX = re.compile(r"(?=[A-Za-z0-9]*[0-9])[A-Za-z0-9]+")
"""What follows a documented ID prefix (``WK`` of Twilio's ``WK0123...``): letters and
digits, one digit at least."""
_PARAMETER = re.compile(r"\{([^}]*)\}")
# A name written as code: letters in three or more parts joined by ".", "_" or "-", or by
# "/", "_" or "-" (``compute.instances.list``, ``users/list-members``; a "/" and a "." make
# a file path): an operation or resource named as the API's documentation names it, which
# says what is meant as words do.
_CODE_NAME = re.compile(r"[A-Za-z]+(?:[._-][A-Za-z]+){2,}|[A-Za-z]+(?:[/_-][A-Za-z]+){2,}")
_FILE_NAME = re.compile(FILE_NAME)
_NOT_ALNUM = re.compile(r"[^a-z0-9]")
_JOINED_NAME = re.compile(r"[A-Za-z]+(?:[_-][A-Za-z]+)*")


def squashed(name: str) -> str:
    """A name in lower case, letters and digits only: how names written apart meet."""
    return _NOT_ALNUM.sub("", name.lower())


def _path_parts(path: str, named: bool = False) -> list[str]:
    """A path's segments, lower case, each parameter as ``{}`` (unless ``named``):
    ``/V1/carts/{cartId}`` -> v1, carts, {}."""
    parts = [p.lower() for p in path.split("?")[0].strip("/").split("/") if p]
    if named:
        return parts
    return ["{}" if p.startswith("{") and p.endswith("}") else p for p in parts]


def _within(short: str, long: str) -> bool:
    """``short``'s letters appear in ``long`` in order (``acct`` in ``account``)."""
    rest = iter(long)
    return all(letter in rest for letter in short)


_NAMING = frozenset({"name"})
"""Words of an argument's name after the kind of value it takes (``tag_name``)."""


def _heads(name: str) -> list[str]:
    """The stem of the last word of an argument's name: what kind of value it takes
    (``email``, ``ip_address`` an address, ``emailAuthenticationMethod-id`` an id); and of
    a name's word before "name" (``tag_name`` takes a tag)."""
    found = terms(name)
    return found[-2:] if len(found) > 1 and found[-1] in _NAMING else found[-1:]


class ApiWords:
    """What an API's operations are called and take: built from ``search.json``'s
    operations and their literal path segments (each one's terms); ``vocabulary(field)``
    gives the terms of a field group of the search index (``core``: names, summaries,
    paths and tags; ``more``: descriptions and argument names)."""

    def __init__(
        self,
        operations: list[dict[str, Any]],
        segments: list[list[str]],
        vocabulary: Callable[[str], Iterable[str]],
        texts: Sequence[str] = (),
        prefixes: Mapping[str, str] | None = None,
    ) -> None:
        self.operations = operations
        self.segments = segments
        self._vocabulary = vocabulary
        self._texts = texts
        self._apart: dict[str, list[str]] = {}
        """Each request word read so far, with its parts (``apart``)."""
        # Longest first: of "WS" and "WSA", an ID "WSA12" is the latter's.
        self._prefixes = sorted(
            (
                (prefix, stems(words(segment)))
                for prefix, segment in (prefixes or {}).items()
                if isinstance(prefix, str) and isinstance(segment, str) and prefix
            ),
            key=lambda item: -len(item[0]),
        )

    @cached_property
    def named(self) -> frozenset[str]:
        """The terms of the fields that name what operations do (name, summary, path, tags)."""
        return frozenset(self._vocabulary("core"))

    @cached_property
    def known(self) -> frozenset[str]:
        """Every term of the API, descriptions and argument names included."""
        return self.named | frozenset(self._vocabulary("more"))

    def says(self, phrase: Iterable[str]) -> bool:
        """Whether the API's text has these words in a row (their stems): "toll free",
        "read only"."""
        wanted = " ".join(stems(phrase))
        inner = f" {wanted} "
        return any(
            inner in text or text.startswith(wanted + " ") or text.endswith(" " + wanted)
            for text in self._texts
        )

    def apart(self, query_words: Sequence[str], brand: frozenset[str] = frozenset()) -> list[str]:
        """The words of a request, each that runs together words the API writes apart, in
        a row, as those words ("filesystems": file, systems; the API's ``FileSystem``);
        not the API's name (``brand``: the words of its title that name it) run together
        ("codeartifact", "elasticbeanstalk")."""
        out: list[str] = []
        for word in query_words:
            parts = self._apart.get(word)
            if parts is None:
                if len(self._apart) >= CACHED_WORDS:  # a long-running server's, bounded
                    self._apart.clear()
                parts = self._apart[word] = self._parts(word)
            named = word in brand or all(part in brand for part in parts)
            out.extend(parts if parts and not named else (word,))
        return out

    def _parts(self, word: str) -> list[str]:
        """``word``'s parts where the API names things with them in a row and never with
        ``word`` itself (``compound_parts`` splits no word the API has)."""
        parts = compound_parts(word, self.named)
        return parts if parts and self.says(parts) else []

    def is_name(self, token: str) -> bool:
        """A token that names something as code does, not a value: letters in three or
        more parts (``compute.instances.list``, ``users/list-members``), or words of the
        API run together in camelCase or joined by "_" or "-" (``directoryAudits``,
        ``beta_Inv``), or an operation's own name."""
        text = token.strip(EDGES).rstrip(".")
        if _FILE_NAME.fullmatch(text):
            return False
        if _CODE_NAME.fullmatch(text) or squashed(text) in self.operation_names:
            return True
        if not _JOINED_NAME.fullmatch(text) or len(words(text)) < 2:
            return False
        return all(term in self.known for term in stems(words(text)))

    @cached_property
    def _paths(self) -> dict[str, list[tuple[list[str], list[str], int]]]:
        """Each operation's path segments in lower case, each parameter as ``{}`` and by
        its name, by the last of them (``{}`` for a parameter)."""
        found: dict[str, list[tuple[list[str], list[str], int]]] = {}
        for position, op in enumerate(self.operations):
            parts = _path_parts(op["path"])
            if parts:
                raw = _path_parts(op["path"], named=True)
                found.setdefault(parts[-1], []).append((parts, raw, position))
        return found

    def at_path(self, token: str, method: str | None = None) -> list[int]:
        """The operations at a path a request gives: its template (``/repos/{owner}/x``)
        or a path of values (``/repos/octocat/hello-world/issues``); whole, or without its
        first segments (``carts/mine/coupons/{couponCode}`` for ``/V1/carts/...``), or
        with a base path before it (``/api/v3/repos/...``). One segment at least as the
        API writes it, two where the path neither opens with "/" nor has a parameter;
        with ``method``, only that method's. Where several paths answer, those with the
        most segments as written, then the fewest segments. Not a URL's: a URL in a
        request is a value (a webhook's target, a file to fetch)."""
        if "://" in token:
            return []
        given = _path_parts(token)
        if len(given) < (1 if token.startswith("/") else 2):
            return []
        # "acme/api" is an owner and a repository, no path: a path opens with "/", has a
        # parameter, or has two segments of the API's paths as written.
        least = 1 if token.startswith("/") or "{" in token else 2
        named = _path_parts(token, named=True)
        best: list[int] = []
        rank = (0, 0, 0)
        # Paths that end as the given one does, or in a parameter.
        ending = [entry for key in {given[-1], "{}"} for entry in self._paths.get(key, ())]
        for parts, raw, position in ending:
            asked = given[-len(parts) :]  # a base path before the API's own: not compared
            tail = parts[-len(asked) :]
            if not all(p == g or p == "{}" for p, g in zip(tail, asked, strict=True)):
                continue
            if method is not None and self.operations[position]["method"] != method:
                continue
            # Segments written as given first ("mine" before "{cartId}"), then parameters
            # named as given ("{id}" before "{categoryId}"), then the fewest segments.
            alike = (
                sum(p == g for p, g in zip(tail, asked, strict=True)),
                sum(r == g for r, g in zip(raw[-len(asked) :], named[-len(asked) :], strict=True)),
                -len(parts),
            )
            if alike[0] < least:
                continue
            if not best or alike > rank:
                best, rank = [position], alike
            elif alike == rank:
                best.append(position)
        return sorted(best)

    @cached_property
    def operation_names(self) -> dict[str, int]:
        """Operations by their name squashed (lower case, letters and digits only), for
        names of two words or more that no other operation has."""
        found: dict[str, int] = {}
        for position, op in enumerate(self.operations):
            if len(words(op["operation"])) > 1:
                key = squashed(op["operation"])
                found[key] = -1 if key in found else position
        return {key: position for key, position in found.items() if position >= 0}

    @cached_property
    def titles(self) -> dict[str, list[int]]:
        """Operations by their title (summary) squashed, for titles of two words or more:
        a request that is an operation's title word for word (one a model read in a list
        of operations, or in the API's documentation) means that operation."""
        found: dict[str, list[int]] = {}
        for position, op in enumerate(self.operations):
            title = op.get("summary") or ""
            if len(title.split()) > 1:
                found.setdefault(squashed(title), []).append(position)
        return found

    def named_outright(self, query: str) -> tuple[frozenset[int], frozenset[int]]:
        """The operations ``query`` names by their own name or title ("PostChargesCharge",
        "compute_routers_get"), and those it gives outright: at a path it gives ("GET
        /repos/{owner}/{repo}/issues", "carts/mine/...") or by their title in quotes
        ("call 'List repository issues' for octocat/hello-world")."""
        split = query.split()
        names = self.operation_names
        exact = {names[k] for k in [squashed(query), *map(squashed, split)] if k in names}
        exact.update(self.titles.get(squashed(query), ()))
        outright: set[int] = set()
        for at, token in enumerate(split):
            if "/" in token:
                before = split[at - 1].upper() if at else ""
                method = before if before in HTTP_METHODS else None
                outright.update(self.at_path(token.strip(AROUND_PATH), method))
        for span in QUOTED.findall(query):
            outright.update(self.titles.get(squashed("".join(span)), ()))
        return frozenset(exact), frozenset(outright)

    @cached_property
    def path_vocabulary(self) -> frozenset[str]:
        """The terms of every literal path segment: the API's nouns."""
        return frozenset(w for found in self.segments for seg in found for w in seg.split())

    @cached_property
    def action_verbs(self) -> frozenset[str]:
        """Stems of the verbs the API's paths end in: a one-word last segment that follows
        a parameter or ``actions`` in a path only written to, and that opens its title
        ("Mute participants": ``/calls/{id}/actions/mute``; "Hold an order":
        ``/orders/{id}/hold``), and is no noun elsewhere (before another segment, or read).
        A request that opens with one ("mute participants in conference 5") asks to do
        it, not to list what follows."""
        found: set[str] = set()
        nouns: set[str] = set()
        for op in self.operations:
            parts = [p for p in op["path"].split("/") if p]
            for part in parts[:-1]:
                nouns.update(words(part))
            if not parts or parts[-1].startswith("{"):
                continue
            last = words(parts[-1])
            follows = parts[-2] if len(parts) > 1 else ""
            title = words(op.get("summary") or "")[:1]
            if (
                op["method"] in ("POST", "PUT", "PATCH")
                and len(last) == 1
                and (follows.startswith("{") or follows == "actions")
                and stems(title) == stems(last)
            ):
                found.add(last[0])
            else:
                nouns.update(last)
        return frozenset(stems(found - nouns))

    @cached_property
    def takes(self) -> list[frozenset[str]]:
        """For each operation, the kinds of value it takes: of each of its path parameters
        and required arguments, the stem of its name's last word (``_heads``)."""
        return [
            frozenset(
                head
                for name in _PARAMETER.findall(op["path"]) + list(op.get("required") or ())
                for head in _heads(name)
            )
            for op in self.operations
        ]

    @cached_property
    def acronyms(self) -> dict[str, list[list[str]]]:
        """The initials of the API's own multi-word path names, and the names' terms:
        ``persistentvolumeclaims`` -> pvc, ``payment_intents`` -> pi. People abbreviate
        long resource names; which abbreviations an API has follows from its paths."""
        out: dict[str, list[list[str]]] = {}
        for found in self.segments:
            for segment in found:
                parts = segment.split()
                if not 2 <= len(parts) <= 4 or not all(p[0].isalpha() for p in parts):
                    continue
                spelt = out.setdefault("".join(p[0] for p in parts), [])
                if parts not in spelt and len(spelt) < ACRONYM_MEANINGS:
                    spelt.append(parts)
        return out

    @cached_property
    def short_names(self) -> frozenset[str]:
        """The API's path names of three or four letters (a plural without its "s"), and
        those that open a path word run together (``nacrules``: nac): what may be
        initials."""
        candidates = [*self.names, *(parts[0] for parts in self.run_together.values())]
        # An abbreviation's plural ("psks") keeps its "s" through the stemmer.
        candidates += [name[:-1] for name in candidates if name.endswith("s")]
        return frozenset(n for n in candidates if 3 <= len(n) <= 4 and n.isalpha())

    @cached_property
    def run_together(self) -> dict[str, list[str]]:
        """The path words that run several of the API's words together, by their stem, with
        the stems of their parts (``replicaset`` -> replica, set; ``search.json`` splits
        them, ``segments.segment_terms``)."""
        out: dict[str, list[str]] = {}
        for op, found in zip(self.operations, self.segments, strict=True):
            for plain, split in zip(plain_operation_segments(op), found, strict=False):
                if " " not in plain and plain != split and " " in split:
                    out.setdefault(plain, split.split())
        return out

    @cached_property
    def names(self) -> dict[str, int]:
        """The API's path names (the terms of each literal segment), each with the number
        of operations whose path has it; of an action named the remote-procedure way
        (``/#Action=TerminateInstances``), what it acts on (instances)."""
        counts: dict[str, int] = {}
        for op, found in zip(self.operations, self.segments, strict=True):
            named, explicit = action_words(op["path"])
            acted_on = " ".join(stems(named[1:])) if explicit else ""
            for segment in {*found, acted_on} - {""}:
                if segment.replace(" ", "").isalpha():
                    counts[segment] = counts.get(segment, 0) + 1
        return counts

    @cached_property
    def has_issues(self) -> bool:
        """Whether the API has issues, one by one (``/issue/{issueIdOrKey}``,
        ``/issues/{id}``): an issue tracker, whose keys ``typed_id`` reads."""
        return any(_ISSUE_PATH.search(op["path"]) for op in self.operations)

    def typed_id(self, token: str) -> list[str]:
        """The terms of what an ID such as ``cus_9N1x`` or ``pi_3Mtw`` names, where the
        API's IDs start with a short form of their object's name: the start of one of its
        path names (``cus`` -> customers, ``prod`` -> products), its consonants
        (``acct`` -> accounts, ``evt`` -> events) or the initials of a multi-word one
        (``pi`` -> payment_intents). Of several, the name that more of the API's paths
        have than any other; ``[]`` when it is none or unclear. First, what the document's
        ID patterns say (``search.json``'s ``prefixes``: ``WK12`` -> workers); then, in an
        issue tracker (``has_issues``), an issue's key (``PAY-142``) names an issue."""
        token = token.strip(EDGES).rstrip(".")
        for prefix, named in self._prefixes:
            if token.startswith(prefix) and _AFTER_PREFIX.fullmatch(token[len(prefix) :]):
                return list(named)
        if _ISSUE_KEY.fullmatch(token) and self.has_issues:
            return [_ISSUE]
        found = _TYPED_ID.fullmatch(token)
        if not found:
            return []
        prefix = (found.group(1) or found.group(2)).lower()
        scored: list[tuple[int, str]] = []
        for name, count in self.names.items():
            parts = name.split()
            if len(parts) > 1:
                fits = "".join(p[0] for p in parts) == prefix
            else:
                fits = name.startswith(prefix) or (
                    len(prefix) >= 3 and name[0] == prefix[0] and _within(prefix, name)
                )
            if fits:
                scored.append((count, name))
        scored.sort(reverse=True)
        if not scored or (len(scored) > 1 and scored[0][0] == scored[1][0]):
            return []
        return scored[0][1].split()

    def spelt_out(
        self, query_words: list[str], own: list[str], unsaid: frozenset[str] = frozenset()
    ) -> tuple[list[str], set[str]]:
        """The request's own words as the API writes them: two words that the API writes
        as one (``roll back`` -> rollback, ``sign up`` -> signup) joined, and a word that
        is no term of the API but the initials of some of its multi-word path names
        (``pv``, ``pvc``) replaced by those names' words, and the other way round, three
        or four words (none of ``unsaid``) whose initials are a short name of the API
        ("pre-shared key" for ``/psks``). Also the stems of the words joined: a path that
        splits the joined word into them mentions nothing else."""
        out = list(own)
        pieces: set[str] = set()
        for first, second in pairwise(query_words):
            joined = first + second
            if len(joined) >= 5 and stem(joined) in self.named and stem(first) != stem(joined):
                out.append(joined)
                pieces.update(stems([first, second]))
        # Words whose initials are a short name of the API's paths ("pre-shared key" for
        # ``/psks``, "network access control" for ``/nacrules``... ``nac``).
        for size in (3, 4):
            for at in range(len(query_words) - size + 1):
                run = query_words[at : at + size]
                initials = "".join(w[0] for w in run)
                if initials in self.short_names and not unsaid.intersection(run):
                    out.append(initials)
                    pieces.update(stems(run))
        spelt: list[str] = []
        for word in out:
            short = word[:-1] if word.endswith("s") and len(word) > 2 else word
            meanings = self.acronyms.get(word) or self.acronyms.get(short)
            if (
                2 <= len(short) <= 4
                and meanings
                and stem(word) not in self.known
                and word not in WORDS_KNOWN
            ):
                spelt.extend(p for parts in meanings for p in parts if p not in spelt)
            else:
                spelt.append(word)
        return spelt, pieces
