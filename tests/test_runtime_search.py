"""Operation search (``mcpgen.runtime.search``) on a small API, called directly."""

from __future__ import annotations

import logging
import sys
from collections.abc import Sequence
from typing import Any

import pytest
from mcpgen.runtime.clauses import modal, unframed
from mcpgen.runtime.discovery import operation_groups, operations_in_group
from mcpgen.runtime.hints import ALREADY_ENDED
from mcpgen.runtime.openings import asked_first, opening
from mcpgen.runtime.phrasing import EVERY, WANTED_GONE
from mcpgen.runtime.reading import read
from mcpgen.runtime.search import MAX_QUERY, Index
from mcpgen.runtime.terms import (
    CACHED_WORDS,
    _term,
    adjacent_pairs,
    document_terms,
    holds,
    particles,
    stem,
    summary,
    terms,
    undone,
    value_kind,
    words,
)
from mcpgen.runtime.traits import method_by_name
from mcpgen.runtime.vocabulary import STOP_WORDS

from .server_support import needs_semantic

NONE: frozenset[str] = frozenset()
"""No words of an API's title (``reading.read``'s ``api_names``)."""

OPERATIONS = [
    # name, method, path, summary, tags, description, args
    ("listRepos", "GET", "/repos", "List repositories", ["repos"], "", []),
    ("createRepo", "POST", "/repos", "Create a repository", ["repos"], "", ["name"]),
    ("getRepo", "GET", "/repos/{repo}", "Get a repository", ["repos"], "", []),
    ("deleteRepo", "DELETE", "/repos/{repo}", "Delete a repository", ["repos"], "", []),
    ("updateRepo", "PATCH", "/repos/{repo}", "Update a repository", ["repos"], "", ["topics"]),
    ("listPulls", "GET", "/repos/{repo}/pulls", "List pull requests", ["pulls"], "", []),
    ("mergePull", "PUT", "/repos/{repo}/merge", "Merge a pull request", ["pulls"], "", []),
    ("listInvoices", "GET", "/v1/invoices", "", ["billing"], "<p>Returns your invoices.</p>", []),
    ("getMe", "GET", "/user", "Get the authenticated user", ["users"], "", []),
    ("listDirectory", "GET", "/fs/{path}", "List a directory", ["files"], "", ["recursive"]),
]


def small_api(semantic: bool = False) -> Index:
    """``OPERATIONS`` as a server's ``search.json`` gives them (ranked by meaning too when
    ``semantic``)."""
    operations: list[dict[str, Any]] = []
    core: list[str] = []
    more: list[str] = []
    for name, method, path, title, tags, description, args in OPERATIONS:
        text = summary(title, description, name)
        operations.append(
            {
                "operation": name,
                "method": method,
                "path": path,
                "summary": text,
                "tags": tags,
                "required": args,
            }
        )
        found = document_terms(name, text, description, path, tags, args)
        core.append(" ".join(found[0]))
        more.append(" ".join(found[1]))
    return Index({"operations": operations, "terms": core, "more": more, "semantic": semantic})


@pytest.fixture(scope="module")
def index() -> Index:
    return small_api()


def top(index: Index, query: str, limit: int = 1, tag: str | None = None) -> list[str]:
    return [op["operation"] for op in index.search(query, limit, tag)]


def test_words_split_identifiers_and_acronym_plurals() -> None:
    assert words("getHTTPResponse snake_case kebab-case") == [
        "get", "http", "response", "snake", "case", "kebab", "case",
    ]  # fmt: skip
    assert words("the open PRs and URLs") == ["the", "open", "pr", "and", "url"]
    assert words("<p>Returns &amp; more</p>") == ["returns", "more"]


def test_terms_are_the_stems_of_the_words_but_stop_words() -> None:
    text = "<b>Lists</b> the open PRs &amp; Issues of a repositoryOwner"
    assert terms(text) == [stem(w) for w in words(text) if w not in STOP_WORDS]
    assert terms(text) == ["list", "open", "pr", "issu", "repositori", "owner"]
    # How much or how many asks a quantity: neither word says of what.
    assert terms("how much money? how many replicas are up?") == ["money", "replica"]
    # What someone wants or needs is what is asked, not the wanting.
    assert terms("the user wants a refund, she needs it") == ["user", "refund"]


def test_am_is_no_word_nor_the_initials_of_the_apis_names() -> None:
    """ "who am I": "am" says nothing of the operation, and is not spelt out as the
    initials of the API's "app manifests"."""
    rows = [
        ("getApp", "GET", "/app", "Get the authenticated app"),
        ("convertManifest", "POST", "/app-manifests/{code}/conversions", "Create an app from a manifest"),
        ("getUser", "GET", "/user", "Get the authenticated user"),
        ("listRepos", "GET", "/user/repos", "List repositories for the authenticated user"),
    ]  # fmt: skip
    assert top(build(rows), "who am I logged in as?") == ["getUser"]


def test_a_long_running_server_keeps_a_bounded_number_of_words() -> None:
    """Each word's stem and term are cached, but not every word a server was ever asked."""
    for index in range(CACHED_WORDS + 100):
        terms("".join(chr(ord("a") + index // 26**place % 26) for place in range(4)))
    assert stem.cache_info().currsize <= CACHED_WORDS
    assert _term.cache_info().currsize <= CACHED_WORDS


def test_prepare_builds_what_the_first_search_would() -> None:
    prepared, fresh = small_api(), small_api()
    prepared.prepare()
    assert set(prepared._bm25) == {"core", "more"}
    assert fresh._bm25 == {}
    for query in ("list my repositories", "merge the pull request", "zzzz"):
        assert prepared.search(query, 5) == fresh.search(query, 5)


@needs_semantic
def test_prepare_embeds_the_operations_for_hybrid_search() -> None:
    index = small_api(True)
    index.prepare()
    assert "_semantic" in vars(index) and index._semantic is not None


def test_summary_prefers_a_real_title() -> None:
    assert summary("List pets", "Lists every pet.", "listPets") == "List pets"
    assert summary("GetInvoices", "<p>Returns your invoices. More.</p>", "GetInvoices") == (
        "Returns your invoices."
    )
    # The title of an operation with neither summary nor operationId is its method and path.
    label = "PUT /admin/groups/{name}"
    assert summary(label, "Updates an existing group.", "put_admin_groups_name") == (
        "Updates an existing group."
    )
    assert summary(label, "", "put_admin_groups_name") == label
    assert summary("PUT the groups in order", "x", "putGroups") == "PUT the groups in order"


def test_a_summary_skips_a_note_that_opens_the_description() -> None:
    """A note before what an operation does says what to know before calling it; the
    summary (what search shows and ranks by) is what it does, or its name."""
    ebay = (
        '<span class="tablenote"><b>Note:</b> This method is only available for select '
        "partners. See <a href='x'>access requests</a>.</span><br />This method retrieves "
        "all of the negative keywords. Results are paged."
    )
    assert summary("getNegativeKeywords", ebay, "getNegativeKeywords") == (
        "This method retrieves all of the negative keywords."
    )
    moved = "**Note:** Variables have moved to a new endpoint. Please use getEnvVars."
    assert summary("listSites", moved, "listSites") == "listSites"
    assert summary("", "Note: use /admin/perms for more\n Lists groups.", "x") == "Lists groups."
    warned = "**Warning, this is not reversible.**\n\n Stops collecting logs for good."
    assert summary("", warned, "blockLogs") == "Stops collecting logs for good."
    # Words that only begin like a note are what the operation does.
    assert summary("", "Notes are returned for the contact.", "x") == (
        "Notes are returned for the contact."
    )
    assert summary("", "Important dates of the event. More.", "x") == (
        "Important dates of the event."
    )


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("remove that repo", "deleteRepo"),  # verb -> method, abbreviation -> long form
        ("make a new repository", "createRepo"),
        ("rename the repository", "updateRepo"),
        ("show me this repository", "getRepo"),
        ("what repositories do we have", "listRepos"),  # a question about things: a list
        ("list the open PRs", "listPulls"),
        ("merge it", "mergePull"),
        ("show my bills", "listInvoices"),  # a synonym found it
        ("who am I logged in as", "getMe"),
        ("what's in the docs folder", "listDirectory"),
    ],
)
def test_plain_requests_find_the_operation(index: Index, query: str, expected: str) -> None:
    assert top(index, query) == [expected]


def test_values_count_less_than_words(index: Index) -> None:
    # "repo-42" and "pulls/7" are values; the request is about deleting a repository.
    assert top(index, "delete repo-42 pulls/7") == ["deleteRepo"]


def test_tag_filter_limit_and_no_match(index: Index) -> None:
    assert top(index, "repository", 10, tag="PULLS") == ["listPulls", "mergePull"]
    assert len(index.search("repository", 2)) == 2
    assert index.search("zzzz qqqq") == []
    assert index.search("repository", 0) == []


def test_groups_and_browsing(index: Index) -> None:
    assert operation_groups(index.operations) == {
        "repos": 5,
        "pulls": 2,
        "billing": 1,
        "users": 1,
        "files": 1,
    }
    found = operations_in_group(index.operations, "Pulls", 10)
    assert [op["operation"] for op in found] == ["listPulls", "mergePull"]


def build(
    rows: Sequence[tuple[str, ...]],
    segments: list[list[str]] | None = None,
    semantic: bool = False,
) -> Index:
    """An index of (name, method, path, summary) rows, or (name, method, path, summary,
    description) rows, nothing else (ranked by meaning too when ``semantic``)."""
    operations: list[dict[str, Any]] = []
    core: list[str] = []
    more: list[str] = []
    for name, method, path, title, *described in rows:
        operations.append(
            {"operation": name, "method": method, "path": path, "summary": title, "tags": []}
        )
        found = document_terms(name, title, "".join(described), path, [], [], method)
        core.append(" ".join(found[0]))
        more.append(" ".join(found[1]))
    data: dict[str, Any] = {
        "operations": operations,
        "terms": core,
        "more": more,
        "semantic": semantic,
    }
    if segments is not None:
        data["segments"] = segments
    return Index(data)


def test_the_operation_about_nothing_else_comes_first() -> None:
    # Both say "delete a repository"; the team's one is also about orgs and teams, which
    # the request does not mention.
    index = build(
        [
            ("removeTeamRepo", "DELETE", "/orgs/{org}/teams/{team}/repos/{repo}", "Delete repo"),
            ("deleteRepo", "DELETE", "/repos/{repo}", "Delete repo"),
            ("getUser", "GET", "/users/{user}", "Get a user"),
            ("listGists", "GET", "/gists", "List gists"),
            ("listEvents", "GET", "/events", "List events"),
            ("getLicense", "GET", "/licenses/{license}", "Get a license"),
            ("listEmojis", "GET", "/emojis", "List emojis"),
        ]
    )
    assert top(index, "delete the test-playground repo") == ["deleteRepo"]
    assert top(index, "remove the repo from the team") == ["removeTeamRepo"]


def test_api_versions_of_one_operation_do_not_fill_the_list() -> None:
    index = build(
        [
            ("readScaleV1", "GET", "/apis/apps/v1/things/{name}/scale", "Read scale of thing"),
            ("readScaleBeta", "GET", "/apis/apps/v1beta2/things/{name}/scale", "Read scale of thing"),
            ("readScaleAlpha", "GET", "/apis/apps/v2alpha1/things/{name}/scale", "Read scale of thing"),
            ("readThing", "GET", "/apis/apps/v1/things/{name}", "Read thing"),
        ]
    )  # fmt: skip
    found = top(index, "read the scale of a thing", 4)
    assert found[0] == "readScaleV1"
    # The plain read matches less, yet comes before the third version of the first.
    assert found.index("readThing") < found.index("readScaleAlpha")


def test_run_together_path_words_split_into_the_apis_own_words() -> None:
    from mcpgen.runtime.segments import known_stems, segment_terms, split_compound

    known = known_stems(["listClusterRoleBinding", "readReplicaSet", "Get a repository"])
    assert split_compound("clusterrolebindings", known) == ["cluster", "role", "bind"]
    assert split_compound("replicasets", known) == ["replica", "set"]
    # Known as they are, too short, or not made of known words: left whole.
    assert split_compound("repositories", known) == []
    assert split_compound("roles", known) == []
    assert split_compound("stargazers", known) == []
    assert segment_terms("/apis/rbac/v1/clusterroles/{name}", known) == [
        "api", "rbac", "v 1", "cluster role",
    ]  # fmt: skip
    # A request that writes one run together mentions its parts: a path made of them has
    # nothing the request did not ask for.
    rows = [
        ("listReplicaSet", "GET", "/apis/apps/v1/replicasets", "list ReplicaSet"),
        ("listDeployment", "GET", "/apis/apps/v1/deployments", "list Deployment"),
    ]
    index = _segmented(rows)
    assert index.words.run_together == {"replicaset": ["replica", "set"]}
    from mcpgen.runtime.reading import read

    mentioned = read("list the replicasets", index.words, frozenset()).mentioned
    assert {"replica", "set"} <= mentioned


def test_split_path_words_tell_a_collection_from_its_events() -> None:
    rows = [
        ("listPaymentLink", "GET", "/api/v1/paymentlinks", "list PaymentLink"),
        ("listPaymentLinkEvent", "GET", "/api/v1/paymentlinkevents", "list PaymentLinkEvent"),
        ("listPayment", "GET", "/api/v1/payments", "list Payment"),
        ("listNode", "GET", "/api/v1/nodes", "list Node"),
        ("listPod", "GET", "/api/v1/pods", "list Pod"),
        ("listSecret", "GET", "/api/v1/secrets", "list Secret"),
    ]
    from mcpgen.runtime.segments import known_stems, segment_terms

    known = known_stems(name for name, *_ in rows)
    segmented = build(rows, [segment_terms(path, known) for _, _, path, _ in rows])
    assert top(segmented, "what payment links are there?", 2) == [
        "listPaymentLink", "listPaymentLinkEvent",
    ]  # fmt: skip


def _segmented(rows: list[tuple[str, str, str, str]]) -> Index:
    from mcpgen.runtime.segments import known_stems, segment_terms

    known = known_stems(name for name, *_ in rows)
    return build(rows, [segment_terms(path, known) for _, _, path, _ in rows])


VOLUMES = [
    ("deleteNamespace", "DELETE", "/api/v1/namespaces/{name}", "delete Namespace"),
    ("deleteNode", "DELETE", "/api/v1/nodes/{name}", "delete Node"),
    ("deletePersistentVolume", "DELETE", "/api/v1/persistentvolumes/{name}", "delete PV"),
    ("listVolumeClaim", "GET", "/api/v1/persistentvolumeclaims", "list claims of volumes"),
    ("listNamespacedPod", "GET", "/api/v1/namespaces/{namespace}/pods", "list namespaced Pod"),
    ("listPod", "GET", "/api/v1/pods", "list Pod"),
    ("readDeployment", "GET", "/apis/apps/v1/deployments/{name}", "read Deployment"),
    ("patchDeployment", "PATCH", "/apis/apps/v1/deployments/{name}", "patch Deployment"),
    ("rollback", "POST", "/apis/apps/v1/deployments/{name}/rollback", "rollback Deployment"),
]
# The summaries say "PV" only where the test needs a term of the API that is also an
# abbreviation; ``deletePersistentVolume``'s is replaced below.


def test_abbreviations_of_the_apis_own_multi_word_names() -> None:
    rows = [r if r[0] != "deletePersistentVolume" else (*r[:3], "delete it") for r in VOLUMES]
    index = _segmented(rows)
    # "pv" is no word of this API: it is the initials of persistentvolumes.
    assert top(index, "delete that released PV") == ["deletePersistentVolume"]
    assert top(index, "list the pvcs") == ["listVolumeClaim"]
    # An abbreviation that is a word of the API means that word, not the long name.
    assert top(_segmented(VOLUMES), "delete PV", 1) == ["deletePersistentVolume"]


def test_a_word_search_knows_is_no_initials() -> None:
    """A "temp" password is temporary: no telecomExpenseManagementPartner, whose initials
    "temp" also is."""
    rows = [
        ("createPartner", "POST", "/deviceManagement/telecomExpenseManagementPartners", "Create partner"),
        ("createUser", "POST", "/users", "Create user"),
        ("createPass", "POST", "/users/{id}/temporaryAccessPassMethods", "Create method"),
    ]  # fmt: skip
    index = _segmented(rows)
    request = read("give Jane a temp password", index.words, NONE)
    assert "telecom" not in request.own and "temporari" in request.own_terms
    assert top(index, "give Jane a temp password") == ["createPass"]


def test_two_words_the_api_writes_as_one() -> None:
    index = _segmented(VOLUMES)
    assert top(index, "roll back my deployment to the last revision") == ["rollback"]


def test_one_word_for_two_the_api_writes_apart() -> None:
    """ "filesystems" is the API's ``FileSystem`` run together: its parts find it, where
    the unknown word alone found whatever its letters were nearest to. Not the API's own
    name run together ("awsbackup"), nor a word the API writes as one itself."""
    target = "/#X-Amz-Target=AWSSimbaAPIService_v20180301."
    index = build(
        [
            (
                "DescribeFileSystems",
                "POST",
                target + "DescribeFileSystems",
                "Describe file systems",
            ),
            ("DeleteFileSystem", "POST", target + "DeleteFileSystem", "Delete a file system"),
            ("DescribeBackups", "POST", target + "DescribeBackups", "Describe backups"),
            ("DeleteBackup", "POST", target + "DeleteBackup", "Delete a backup"),
            ("ListTags", "POST", target + "ListTagsForResource", "List the tags of a resource"),
        ]
    )
    assert top(index, "show my filesystems") == ["DescribeFileSystems"]
    assert top(index, "delete filesystem fs-0123456789abcdef0") == ["DeleteFileSystem"]
    words = index.words
    assert words.apart(["filesystems", "backup"]) == ["file", "systems", "backup"]
    # Parts the API never writes in a row say nothing together: "tagsystem" stays.
    assert words.apart(["tagsystem"]) == ["tagsystem"]
    assert words.apart(["filesystem"], frozenset({"file", "system"})) == ["filesystem"]
    # What it has read is kept, but not every word a long-running server was ever asked.
    words.apart([f"word{index}" for index in range(CACHED_WORDS + 10)])
    assert len(words._apart) <= CACHED_WORDS


CHECKOUT = [
    ("createSession", "POST", "/v1/checkout/sessions", "Create a Checkout Session"),
    ("listSessions", "GET", "/v1/checkout/sessions", "List all Checkout Sessions"),
    ("getSession", "GET", "/v1/checkout/sessions/{session}", "Retrieve a Checkout Session"),
]
"""Checkout sessions: made, listed, read (what an opening of a request must not change)."""
GISTS = [
    ("createGist", "POST", "/gists", "Create a gist"),
    ("getGist", "GET", "/gists/{gist_id}", "Get a gist"),
    ("listGists", "GET", "/gists", "List gists for the authenticated user"),
]
"""Gists: made, read, listed."""


def test_a_greeting_and_what_leads_up_to_the_verb_change_nothing() -> None:
    """ "Hey, can you please give me a checkout page" asks what "give me a checkout page"
    does: read with its opening, the verb was no longer first and the request asked to
    read sessions, not to make one."""
    index = build(CHECKOUT)
    plain = "give me a checkout page for 2 t-shirts"
    assert top(index, plain) == ["createSession"]
    for opened in ("Hey, can you please ", "Hey Claude, could you ", "hi team! I need to "):
        assert top(index, opened + plain) == ["createSession"], opened
    assert opening("Hey Claude, could you please give me a page") == "give me a page"
    assert opening("hey can you give me a page") == "give me a page"
    # Only a capitalised name, before a comma, is whom a greeting greets.
    assert opening("hey there can you list repos") == "list repos"
    assert opening("ok delete it") == "delete it"
    assert opening("Please") == "Please"
    # An acknowledgement before the next request, and what leads up to its verb.
    assert opening("Perfect. Next I'd like you to delete gist 5.") == "delete gist 5."
    assert opening("Thanks! Then I need to delete gist 5") == "delete gist 5"
    assert opening("Great Britain's gists") == "Great Britain's gists"
    # What a wish or a need leads up to, after a clause of context, is the request.
    assert opening("For the audit, I have to close issue 42. What do I do?") == (
        "close issue 42, For the audit."
    )
    # Fillers, someone else's ask, and a question after a dash that asks nothing of its own.
    assert opening("btw can you delete gist 5") == "delete gist 5"
    assert opening("Our client asked us to delete gist 5.") == "delete gist 5."
    assert opening("delete gist 5 via the API - what parameters do I need?") == (
        "delete gist 5 via the API"
    )
    assert opening("list the gists - which ones are secret?") == (
        "list the gists - which ones are secret?"
    )
    # Not where the sentence before already asks.
    said = "Mute the #random channel. I still want to stay in it, just stop the pings."
    assert opening(said) == said


def test_a_wish_or_a_need_before_the_verb_changes_nothing() -> None:
    """ "I'm trying to paste this snippet as a secret gist" asks what "paste this snippet
    as a secret gist" does; read with its lead-up, the request asked to read gists."""
    index = build(GISTS)
    for lead in (
        "I'm trying to ",
        "Need to ",
        "We'd love to ",
        "I'm looking to ",
        "we really need to ",
        "Could you possibly ",
        "It's time to ",
        "just ",
        # Where it comes in a sequence ("OK, now ...", "Then ..."), or as an ability.
        "OK, now ",
        "Then ",
        "I'd like to be able to ",
        # Or as a plan, a task, a hope.
        "I'm planning to ",
        "The task is to ",
        "My goal here is to ",
        "Hopefully you can ",
    ):
        assert top(index, lead + "paste this snippet as a secret gist") == ["createGist"], lead
    assert opening("Could you please, I need to list repos") == "list repos"
    # Not where no verb follows ("I have 3 repos"), nor a plan, which says when.
    assert opening("I have 3 repos to list") == "I have 3 repos to list"
    assert opening("Plan to turn on the flag at 9am") == "Plan to turn on the flag at 9am"
    assert opening("the plan is approved") == "the plan is approved"


def test_a_sentence_that_asks_nothing_of_its_own_is_left_out(index: Index) -> None:
    """ "I'm writing a script that needs to delete a repo. Which endpoint should I call?":
    the question asks nothing of its own, and read first it had left the request no verb.
    Nor does a clause that hedges before "but", "so" or "and then"."""
    plain = top(index, "delete a repo")
    for said in (
        "I'm writing a script that has to delete a repo. Which endpoint should I call?",
        "For the audit, I have to delete a repo. What do I do?",
        "Hi! I need some help. I want to delete a repo.",
        "I'm not sure whether the API supports this, but I'd like to delete a repo.",
        "Not sure if this is possible, but can you delete a repo?",
        "We're migrating to a new setup, so I need to delete a repo.",
        "Do me a favor and delete a repo.",
        "Would you mind helping me delete a repo?",
        "Dear assistant, I kindly request you to delete a repo.",
    ):
        assert top(index, said) == plain, said
    assert asked_first("I need to rotate the key. Which endpoint should I call?") == (
        "I need to rotate the key."
    )
    # A sentence with a word of its own stays: "send" is what is asked.
    assert asked_first("They never got invoice 7. Can you send it to them again?") == (
        "Can you send it to them again? They never got invoice 7."
    )
    assert asked_first("What do I do?") == "What do I do?"
    # A title or an abbreviation ends no sentence.
    for said in (
        "who's on Dr. Kim's schedule tomorrow?",
        "what states can a project be in, e.g. open, closed, on hold?",
        "Assign ticket 7 to J. Smith.",
    ):
        assert asked_first(said) == said, said
    # A domain name written whole, with its final dot, ends no sentence before a word in
    # lower case; a sentence that opens in capitals after it is one of its own.
    said = "what does the A record for api.example.com. point to right now?"
    assert asked_first(said) == said
    assert asked_first("Mail moved for acme.com. Swap the MX records.") == (
        "Swap the MX records. Mail moved for acme.com."
    )
    # "No." is a word of its own, which asks nothing.
    assert asked_first("No. Rename it to edge-2.") == "Rename it to edge-2."
    # A clause that only hedges goes.
    assert opening("Not sure if this is possible, but can you delete repo 5?") == ("delete repo 5?")
    assert opening("I'm not sure the API supports it, but I'd like to delete repo 5.") == (
        "delete repo 5."
    )


def test_a_label_before_the_request_comes_after_it() -> None:
    """ "Quick one: give me a checkout page": the label is read after the request, whose
    verb is then its first word again. Not a label that says what to do ("add an
    expense:"), names a thing of its own ("Fix a typo:") or holds a value."""
    index = build(CHECKOUT)
    for label in ("Quick one: ", "Urgent - ", "Heads up \u2014 ", "Quick question. ", "Urgent! "):
        assert top(index, label + "give me a checkout page for 2 t-shirts") == ["createSession"]
    assert opening("Jenkins here: report that build 311 failed") == (
        "report that build 311 failed (Jenkins here)"
    )
    for kept in (
        "add an expense: 18.50 lunch at Chipotle",
        "Fix a typo: the message IM321 should say hi",
        "withdraw registration q1w2e - the study was retracted",
    ):
        assert opening(kept) == kept
    # A command after a clause comes first, but no label is made of a title.
    assert opening("Dr. Lee is leaving, hand his appointments to resource 57") == (
        "hand his appointments to resource 57, Dr. Lee is leaving"
    )


def test_the_sentence_that_asks_is_read_before_those_that_tell() -> None:
    """ "Context: new team member here. List my checkout sessions" asks to list them: read
    in its order, "new" was what it asked to do. What a request tells before it asks (what
    the caller is working on, what happened) is read after what it asks."""
    index = build(CHECKOUT)
    assert top(index, "Context: new team member here. List my checkout sessions") == [
        "listSessions"
    ]
    assert top(index, "I am working on the Q3 report. give me a checkout page for 2 t-shirts") == [
        "createSession"
    ]
    assert asked_first("We're migrating this week. Delete webhook 7.") == (
        "Delete webhook 7. We're migrating this week."
    )
    assert asked_first("We're migrating this week, delete webhook 7.") == (
        "delete webhook 7, We're migrating this week."
    )
    assert asked_first("Bob left. Is his report done? Thanks.") == "Is his report done? Bob left."
    for kept in (
        "Delete webhook 7. We're migrating this week.",
        "We're migrating this week. Nothing else to do.",
        "Job 88123 went red. Dana from legal has the logs.",
    ):
        assert asked_first(kept) == kept


def test_a_clause_before_a_command_is_read_after_it() -> None:
    """ "When you get a chance, give me a checkout page" asks to make one: its "get" was
    read as what it asks to do. A clause that only asks politely goes; any other clause
    before a command is read after it."""
    index = build(CHECKOUT)
    gists = build(GISTS)
    for polite in (
        "When you get a chance, ",
        "Real quick, ",
        "If you have a moment, ",
        "Sorry to bother you, ",
    ):
        assert top(index, polite + "give me a checkout page for 2 t-shirts") == [
            "createSession"
        ], polite
        assert top(gists, polite + "paste this snippet as a secret gist") == ["createGist"]
    assert opening("When you get a chance, our webhook was down") == "our webhook was down"
    assert opening("Jane changed her phone, update her record") == (
        "update her record, Jane changed her phone"
    )
    # The clause before a command may end with a dash or a semicolon as well.
    assert opening("Jane changed her phone \u2014 update her record") == (
        "update her record, Jane changed her phone"
    )
    assert opening("Jane changed her phone - update her record.") == (
        "update her record, Jane changed her phone."
    )
    assert opening("Not the program itself; just link the coupon to card 7") == (
        "link the coupon to card 7, Not the program itself"
    )
    assert opening("Tom Reyes-Smith moved to sales") == "Tom Reyes-Smith moved to sales"
    # A clause of up to twelve words.
    assert (
        opening("Our worker just processed a batch of ten messages from the queue, delete them all")
        == "delete them all, Our worker just processed a batch of ten messages from the queue"
    )
    # Not before what is no command ("including the ..."), nor what is no polite clause.
    for kept in (
        "I need every photo on project 902, including the ones from receipts",
        "When the job is done, the logs go",
    ):
        assert opening(kept) == kept


def test_a_question_how_to_do_something_asks_to_do_it() -> None:
    """ "How do I paste this snippet as a secret gist?" asks to make one, as "paste this
    snippet as a secret gist" does; read as a question, it asked to read gists."""
    index = build(
        [
            *GISTS,
            ("deleteGist", "DELETE", "/gists/{gist_id}", "Delete a gist"),
            ("transferRepo", "POST", "/repos/{owner}/{repo}/transfer", "Transfer a repository"),
            ("getRepo", "GET", "/repos/{owner}/{repo}", "Get a repository"),
        ]
    )
    assert top(index, "How do I paste this snippet as a secret gist?") == ["createGist"]
    for asked in (
        "Show me how to paste this snippet as a secret gist",
        "Would it be possible to paste this snippet as a secret gist?",
        "Any chance you could paste this snippet as a secret gist?",
        "I need you to paste this snippet as a secret gist",
        "Any idea how to paste this snippet as a secret gist?",
        "My script fails when I try to paste this snippet as a secret gist. What's the call?",
    ):
        assert top(index, asked) == ["createGist"], asked
    assert unframed(opening("Got any idea how to delete gist 5?")) == "delete gist 5"
    assert unframed(opening("any idea why gist 5 is gone?")) == "any idea why gist 5 is gone?"
    assert opening("Our bot keeps failing when it tries to delete gist 5") == "delete gist 5"
    assert unframed(opening("would you mind deleting gist 5?")) == "delete gist 5"
    assert unframed("show me how many pods run") == "show me how many pods run"
    # What a way to do something is, asked about, is no request to do it.
    asked = "which ways to pay are enabled at checkout?"
    assert unframed(asked) == asked
    assert top(index, "How would I go about handing the repo over to acme?") == ["transferRepo"]
    assert unframed("how can we rotate the key") == "rotate the key"
    # Whether one may do it asks to do it; not where no verb follows.
    assert unframed("Can I paste this snippet as a secret gist?") == (
        "paste this snippet as a secret gist"
    )
    assert top(index, "May we delete gist 5?") == ["deleteGist"]
    assert unframed("can I my PR is behind") == "can I my PR is behind"
    assert unframed("How to delete a repo?") == "delete a repo"
    # Not a question how much or how many, nor one whose verb is missing.
    assert unframed("how many pods are running?") == "how many pods are running?"
    assert unframed("how do I my PR is behind") == "how do I my PR is behind"


def test_another_says_nothing_of_which_operation() -> None:
    """ "another" asks for one more: no word of a description that says "another source"."""
    rows = [
        ("macSign", "POST", "/v1/{name}:macSign", "Signs data", "With a key version, for another to verify"),
        ("createVersion", "POST", "/v1/{parent}/versions", "Creates a key version", "A new one"),
        ("listVersions", "GET", "/v1/{parent}/versions", "Lists key versions", "Of a key"),
    ]  # fmt: skip
    index = build(rows)
    assert top(index, "add another version to key k1", 2) == ["createVersion", "listVersions"]


def test_rolled_back_to_a_backup_is_restored() -> None:
    rows = [
        ("restoreSite", "POST", "/sites/{name}/backups/{backupId}/restore", "Restores a site"),
        ("backupSite", "POST", "/sites/{name}/backup", "Creates a backup of a site"),
        ("updateBackupConfig", "PUT", "/sites/{name}/config/backup", "Updates backup settings"),
        ("takeSnapshot", "PUT", "/sites/{name}/snapshots", "Takes a snapshot of a site"),
    ]
    index = build(rows)
    assert top(index, "roll contoso-api back to backup 1038 from last tuesday") == ["restoreSite"]


def test_a_request_about_everything_means_the_widest_collection() -> None:
    index = _segmented(VOLUMES)
    assert top(index, "show every pod running anywhere in the cluster") == ["listPod"]
    assert top(index, "show the pods in namespace dev") == ["listNamespacedPod"]
    rows = [
        ("listAllIssues", "GET", "/{scope}/issues", "List issues"),
        ("listIssues", "GET", "/issues", "List issues"),
        ("getUser", "GET", "/users/{user}", "Get a user"),
        ("listGists", "GET", "/gists", "List gists"),
    ]
    assert top(build(rows), "list the issues") == ["listAllIssues"]  # equal: document order
    assert top(build(rows), "list issues across everything") == ["listIssues"]


def test_values_say_which_kind_of_argument_is_meant() -> None:
    from mcpgen.runtime.terms import value_kinds

    assert value_kinds("show me what's in src/index.js") >= {"path", "file"}
    assert value_kinds("email jane@example.com") >= {"email"}
    assert "file" not in value_kinds("route example.com to the web service")
    assert value_kinds("publish v1.4.0") >= {"version", "tag"}
    assert value_kinds("revert a1b2c3d") >= {"sha"}
    # A UUID is an ID, not words: none of its pieces ("f", "b3fc") is searched.
    assert value_kinds("status of order 8a3c6f3e-2d6f-4c9b-9a1e-3f7e5c2b1d0a") == {"id", "uuid"}
    assert value_kinds("assign it to @maria") >= {"assigne", "usernam"}
    assert value_kinds("no values here, just 42 words") == frozenset()
    assert value_kinds("log 3h30m against it") >= {"durat", "spent", "estim"}
    assert value_kinds("grow the disk to 50GB") == value_kinds("a 10Gi volume") >= {"size"}
    assert value_kinds("events since 2024-05-01") >= {"date", "sinc"}
    # A time said in words is a date or time too; a month's name without a day is not.
    for said in (
        "what's on my calendar next week?",
        "meetings between Monday and Friday",
        "invoices from March 3",
        "push my 3pm meeting to 4pm",
        "failed logins in the last 24 hours",
        "runs from 2 days ago",
    ):
        assert value_kinds(said) >= {"date", "time", "start", "end"}, said
    assert value_kinds("may I see the March madness bracket?") == frozenset()
    rows = [
        ("listEvents", "GET", "/calendar/events", "List events"),
        ("listEventsBetween", "GET", "/calendar/events/{startTime}/{endTime}", "List events"),
    ]
    assert top(build(rows), "list the events on my calendar") == ["listEvents"]
    assert top(build(rows), "events on my calendar between Monday and Friday") == [
        "listEventsBetween"
    ]
    assert value_kinds("give them a $20 credit") >= {"amount"}
    assert value_kinds("call +14155550100") >= {"phone"}
    assert value_kinds("scale out at 70% CPU") >= {"threshold", "percent"}
    assert value_kinds("resize it to 50 GB") == frozenset()  # a number alone is no size
    # A tracker's key is an issue's or a ticket's; a standard's name is no key.
    assert value_kinds("Rename HR-19 to 'Onboarding laptop'") >= {"key", "issu", "ticket"}
    assert value_kinds("protect it with AES-256") == value_kinds("as UTF-8") == frozenset()
    # Alike but for what they take: the request's file path says which is meant.
    rows = [
        ("getFileById", "GET", "/files/{id}", "Get a file"),
        ("getFileByPath", "GET", "/files/{path}", "Get a file"),
        ("getUser", "GET", "/users/{user}", "Get a user"),
        ("listGists", "GET", "/gists", "List gists"),
    ]
    index = build(rows)
    assert top(index, "get the file") == ["getFileById"]  # equal: document order
    assert top(index, "get the file docs/setup.md") == ["getFileByPath"]
    assert top(index, "get the file 42") == ["getFileById"]
    # A path of a URL, not a file: an operation that takes a path or a URL.
    assert value_kinds("hit /healthz through the proxy") >= {"path", "url"}
    assert value_kinds("carve a /28 out of the prefix") == frozenset()  # a size, not a path
    assert value_kinds("deploy acme/api") == frozenset()  # owner/name: no leading slash
    proxies = [
        ("connectGetProxy", "GET", "/services/{name}/proxy", "connect to proxy of Service"),
        (
            "connectGetProxyPath",
            "GET",
            "/services/{name}/proxy/{path}",
            "connect to proxy of Service",
        ),
    ]
    query = "call /healthz on the web service through the proxy"
    assert top(build(proxies), query) == ["connectGetProxyPath"]
    assert top(build(proxies), "proxy of the web service") == ["connectGetProxy"]


PAYMENTS = [
    ("listCustomers", "GET", "/v1/customers", "List all customers"),
    ("updateCustomer", "POST", "/v1/customers/{customer}", "Update a customer"),
    ("listCustomerCards", "GET", "/v1/customers/{customer}/cards", "List cards"),
    ("cancelIntent", "POST", "/v1/payment_intents/{intent}/cancel", "Cancel an intent"),
    ("getIntent", "GET", "/v1/payment_intents/{intent}", "Retrieve an intent"),
    ("listCards", "GET", "/v1/issuing/cards", "List cards"),
    ("cancelSub", "DELETE", "/v1/subscriptions/{id}", "Cancel a subscription"),
    ("getSub", "GET", "/v1/subscriptions/{id}", "Retrieve a subscription"),
    ("submitForm", "POST", "/v1/forms/{id}/submit", "Submit a form"),
    ("getAccount", "GET", "/v1/accounts/{account}", "Retrieve an account"),
    ("listEvents", "GET", "/v1/events", "List all events"),
]


def test_ids_that_start_with_their_objects_name_say_which_object() -> None:
    index = _segmented(PAYMENTS)
    named = {
        t: index.words.typed_id(t) for t in ("cus_9", "pi_3MtwBw", "sub_1x", "acct_7", "evt_1")
    }
    assert named == {
        "cus_9": ["custom"],
        "pi_3MtwBw": ["payment", "intent"],
        "sub_1x": ["subscript"],  # more paths than submit
        "acct_7": ["account"],
        "evt_1": ["event"],
    }
    # Not IDs (no digit), or no one object: nothing.
    assert index.words.typed_id("shipping_rate") == []
    assert index.words.typed_id("zz_12") == []
    assert top(index, "what cards does cus_2 have on file?") == ["listCustomerCards"]
    assert top(index, "cancel pi_555") == ["cancelIntent"]


def _actions(*actions: tuple[str, str]) -> list[tuple[str, str, str, str]]:
    """Rows of an API that names its actions in the path, each sent as a GET and a POST
    (``/#Action=RunInstances``), as Amazon's query APIs do."""
    return [
        (f"{method}{action}", method, f"/#Action={action}", title)
        for action, title in actions
        for method in ("GET", "POST")
    ]


def test_amazon_ids_say_which_object_of_the_actions_named_in_the_path() -> None:
    """``i-0abc1234``, ``snap-0aa11bb22``, ``sg-0f00ba12``: an ID's prefix and
    hexadecimal; the objects are what the path's actions act on (``/#Action=...``)."""
    rows = _actions(
        ("DescribeInstances", "Describes the specified instances"),
        ("AttachVolume", "Attaches an EBS volume to a running or stopped instance"),
        ("DescribeVolumes", "Describes the specified EBS volumes"),
        ("DeleteSnapshot", "Deletes the specified snapshot"),
        ("DescribeSecurityGroups", "Describes the specified security groups"),
        ("DeleteKeyPair", "Deletes the specified key pair"),
    )
    index = _segmented(rows)
    named = {t: index.words.typed_id(t) for t in ("i-0abc1234", "snap-0aa11bb22", "sg-0f00ba12")}
    assert named == {
        "i-0abc1234": ["instanc"],
        "snap-0aa11bb22": ["snapshot"],
        "sg-0f00ba12": ["secur", "group"],
    }
    # A name with a number is no ID: no hexadecimal, or too short.
    assert index.words.typed_id("sg-web1") == []
    assert index.words.typed_id("s-1") == []
    assert top(index, "get rid of snap-0aa11bb22") == ["GETDeleteSnapshot"]


def test_my_means_the_calling_user() -> None:
    rows = [
        ("listRepos", "GET", "/repositories", "List public repositories"),
        ("listOrgRepos", "GET", "/orgs/{org}/repos", "List organization repositories"),
        ("listMyRepos", "GET", "/user/repos", "List repositories for the authenticated user"),
        ("getUser", "GET", "/users/{user}", "Get a user"),
    ]
    index = build(rows)
    assert top(index, "list my repos") == ["listMyRepos"]
    # "my" inside a name is no "my".
    assert top(index, "list repos of my-lib") != ["listMyRepos"]


def test_the_words_of_a_file_path_or_version_are_not_searched() -> None:
    rows = [
        ("getRepoReadme", "GET", "/repos/{repo}/readme", "Get the repo readme"),
        ("getRepoSetup", "GET", "/repos/{repo}/setup", "Get the repo setup"),
        ("getUser", "GET", "/users/{user}", "Get a user"),
        ("listGists", "GET", "/gists", "List gists"),
    ]
    index = build(rows)
    # "setup" is only part of a file's name, "2" of a version: neither says which.
    assert top(index, "get the repo's docs/setup.md") == ["getRepoReadme"]
    assert top(index, "get the repo at v2.setup") == ["getRepoReadme"]
    # A word of its own is a word.
    assert top(index, "get the repo setup") == ["getRepoSetup"]


def test_names_written_as_code_are_words() -> None:
    rows = [
        ("compute.routers.get", "GET", "/projects/{p}/routers/{router}", "compute.routers.get"),
        ("compute.routers.list", "GET", "/projects/{p}/routers", "compute.routers.list"),
        ("compute.disks.get", "GET", "/projects/{p}/disks/{disk}", "compute.disks.get"),
        ("users.listMembers", "GET", "/users/{id}/members", "users.listMembers"),
        ("getReadme", "GET", "/repos/{repo}/readme", "Get the readme"),
    ]
    index = build(rows)
    # An operation named as its documentation names it, alone or in a sentence; a file
    # name or a version is still a value.
    assert top(index, "compute.routers.get") == ["compute.routers.get"]
    assert top(index, "call compute.routers.list for my project") == ["compute.routers.list"]
    assert top(index, "users/list-members") == ["users.listMembers"]
    # A request that is nothing but values is searched for all the same.
    assert top(index, "readme.md") == ["getReadme"]
    assert top(index, "get the repo's docs/setup.md") == ["getReadme"]


def test_an_operation_named_by_its_own_name_comes_first() -> None:
    rows = [
        ("PostCharges", "POST", "/v1/charges", "Create a charge"),
        ("PostChargesCharge", "POST", "/v1/charges/{charge}", "Update a charge"),
        ("GetChargesCharge", "GET", "/v1/charges/{charge}", "Retrieve a charge"),
        ("listLists", "GET", "/lists", "List lists"),
        ("listDirectoryAudits", "GET", "/auditLogs/directoryAudits", "List directoryAudits"),
    ]
    index = build(rows)
    assert top(index, "PostChargesCharge") == ["PostChargesCharge"]
    assert top(index, "call post_charges_charge for ch_1") == ["PostChargesCharge"]
    # camelCase made of the API's own words is a name, not a value such as an ID.
    assert top(index, "List directoryAudits") == ["listDirectoryAudits"]
    assert index.words.is_name("directoryAudits") and index.words.is_name("directory_audits")
    assert not index.words.is_name("aBcXyz") and not index.words.is_name("GitHub")
    # A name of something the request acts on ("my_repo", "acme/api") stays a value.
    assert not index.words.is_name("my_repo") and not index.words.is_name("acme/api")


def test_a_request_that_is_an_operations_title_means_that_operation() -> None:
    # A model searches again for a title it read in a list of operations or in the API's
    # documentation: word for word, that operation comes first, though the words alone
    # (a plural after "get", a verb that means PATCH) point elsewhere.
    rows = [
        ("listShifts", "GET", "/teams/{team}/schedule/shiftRequests", "List shiftRequests"),
        (
            "getShift",
            "GET",
            "/teams/{team}/schedule/shiftRequests/{id}",
            "Get shiftRequests from teams",
        ),
        ("updateDevice", "PATCH", "/devices/{device}", "Update device"),
        ("deleteDevice", "DELETE", "/devices/{device}", "Delete device"),
        (
            "autopilot_ed9d5ea0",
            "POST",
            "/deviceManagement/autopilotIdentities/{id}/microsoft.graph.updateDeviceProperties",
            "Invoke action updateDeviceProperties",
        ),
    ]
    index = _segmented(rows)
    assert top(index, "Get shiftRequests from teams") == ["getShift"]
    assert top(index, "invoke action updateDeviceProperties.") == ["autopilot_ed9d5ea0"]
    # Not a title: the words decide as before.
    assert top(index, "list the shift requests of a team") == ["listShifts"]
    assert top(index, "update a device") == ["updateDevice"]


def test_more_verbs_say_what_is_asked() -> None:
    rows = [
        ("readScale", "GET", "/deployments/{name}/scale", "read scale of Deployment"),
        (
            "patchScale",
            "PATCH",
            "/deployments/{name}/scale",
            "partially update scale of Deployment",
        ),
        ("listRuns", "GET", "/workflows/{id}/runs", "List workflow runs"),
        ("createRun", "POST", "/workflows/{id}/runs", "Create a workflow run"),
        ("getUser", "GET", "/users/{user}", "Get a user"),
    ]
    index = build(rows)
    assert top(index, "scale the web deployment to 5 replicas") == ["patchScale"]
    assert top(index, "trigger a run of the release workflow") == ["createRun"]
    from mcpgen.runtime.asking import intent
    from mcpgen.runtime.terms import words

    # Fixing and putting off change what is, and so do verbs of more and less.
    for query in (
        "fix the typo in my comment",
        "push the deadline back to Oct 14",
        "flip LOG_LEVEL to debug in the config map",
        "increase the quota to 20 CPUs",
        "tighten the firewall rule",
        # Allowing and denying change who may do what.
        "allow 203.0.113.8 to connect to database 88",
        "only permit SSH from the office",
        "deny pushes to main",
    ):
        assert intent(words(query)) == "update", query
    # Disconnecting and unlinking remove the link.
    for query in ("disconnect the bank from our app", "unlink the github account from kwong"):
        assert intent(words(query)) == "delete", query
    # One more of a thing dropped somewhere is added; one dropped from a thing goes.
    assert intent(words("drop a :tada: on release 88")) == "create"
    assert intent(words("drop a card with the build status into the space")) == "create"
    assert intent(words("drop a column from the users table")) == "delete"
    assert intent(words("drop the stale index")) == "delete"
    # So is a thing dropped into or onto another ("just drop this one in", "drop it into
    # my Finance folder").
    assert intent(words("drop report.pdf into my Finance folder")) == "create"
    assert intent(words("just drop this one in and let the app sort it")) == "create"


def test_publishing_blocking_and_billing_create_and_throttling_is_a_rate_limit() -> None:
    rows = [
        ("listReleases", "GET", "/repos/{repo}/releases", "List releases"),
        ("createRelease", "POST", "/repos/{repo}/releases", "Create a release"),
        ("listBlocked", "GET", "/user/blocks", "List users blocked by the authenticated user"),
        ("blockUser", "PUT", "/user/blocks/{username}", "Block a user"),
        ("getRateLimit", "GET", "/rate_limit", "Get rate limit status for the authenticated user"),
        ("getRoot", "GET", "/", "GitHub API Root"),
        ("getTimeStats", "GET", "/insights/api/time-stats", "Get time stats"),
    ]
    index = build(rows)
    assert top(index, "publish the 2.0 release of acme/cli") == ["createRelease"]
    # What is published is a release, whether or not the request says so.
    assert top(index, "publish v2.0.0 of acme/cli with the notes 'Big rewrite'") == [
        "createRelease"
    ]
    assert top(index, "troll123 keeps harassing me in my repos, block them") == ["blockUser"]
    assert top(index, "am I being throttled right now?") == ["getRateLimit"]
    from mcpgen.runtime.asking import intent

    for query in (
        "publish v2.0.0 of acme/cli",
        "block that user",
        "ban troll123",
        "bill Acme Ltd for 10 hours of consulting",
        "invoice Acme for the March retainer",
    ):
        assert intent(words(query)) == "create", query
    # An export is read out (GET .../export), or made as a job and then fetched.
    assert intent(words("export all our contacts to a CSV")) == "export"


def test_a_card_on_file_is_no_file() -> None:
    rows = [
        ("listFiles", "GET", "/v1/files", "Returns a list of the files that your account has"),
        ("getFile", "GET", "/v1/files/{file}", "Retrieves the details of a file"),
        ("createCard", "POST", "/v1/customers/{customer}/cards", "Create a card for a customer"),
        ("listSources", "GET", "/v1/customers/{customer}/sources", "List sources of a customer"),
        ("getFileComments", "GET", "/files/{file}/comments", "List the comments on a file"),
    ]
    index = build(rows)
    files = {"listFiles", "getFile", "getFileComments"}
    for query in (
        "what cards does cus_2 have on file?",
        "which card do we have on file for this customer?",
    ):
        assert not files & set(top(index, query, 3)), query
    # A file named after it is a file.
    assert top(index, "what comments are on file Qw12Er34?") == ["getFileComments"]
    assert top(index, "show the comments on file 'notes.txt'") == ["getFileComments"]


def test_a_workspace_is_an_organization_and_recurring_is_repeating() -> None:
    actions = [
        ("getBoard", "GET", "/boards/{id}", "Get a board"),
        ("boardActions", "GET", "/boards/{id}/actions", "Get the actions on a board"),
        ("updateBoard", "PUT", "/boards/{id}", "Update a board"),
    ]
    # What happened on a thing is its activity: its actions, events or audit log.
    assert top(build(actions), "pull the activity log for the Finance board") == ["boardActions"]
    rows = [
        ("listBoards", "GET", "/members/{id}/boards", "Get boards that a member belongs to"),
        ("orgBoards", "GET", "/organizations/{id}/boards", "Get boards in an organization"),
        ("listInvoices", "GET", "/Invoices", "Retrieves sales invoices"),
        ("listRepeating", "GET", "/RepeatingInvoices", "Retrieves repeating invoices"),
    ]
    index = build(rows)
    assert top(index, "list the boards in our Engineering workspace") == ["orgBoards"]
    assert top(index, "which customers are on recurring invoices?") == ["listRepeating"]


def test_initials_joined_by_an_ampersand_are_one_abbreviation() -> None:
    rows = [
        ("profitAndLoss", "GET", "/Reports/ProfitAndLoss", "Retrieves the profit and loss"),
        ("balanceSheet", "GET", "/Reports/BalanceSheet", "Retrieves the balance sheet"),
        ("listQuotes", "GET", "/Quotes", "Retrieves sales quotes"),
    ]
    index = build(rows)
    assert top(index, "how did we do last quarter? need the P&L") == ["profitAndLoss"]
    assert top(index, "P & L for March") == ["profitAndLoss"]


def test_things_found_by_their_text_are_searched_for() -> None:
    rows = [
        ("listIssues", "GET", "/issues", "List issues assigned to the authenticated user"),
        ("searchIssues", "GET", "/search/issues", "Search issues and pull requests"),
    ]
    index = build(rows)
    assert top(index, "any issues mentioning a memory leak in libfoo?") == ["searchIssues"]
    assert top(index, "issues containing 'ECONNRESET'") == ["searchIssues"]
    assert top(index, "which issues are assigned to me?") == ["listIssues"]


def test_a_field_given_a_value_is_not_the_thing_asked_about() -> None:
    rows = [
        ("searchCustomers", "GET", "/customers/search", "Search customers"),
        ("emailAvailable", "POST", "/customers/isEmailAvailable", "Check if an email is free"),
        ("getMessage", "GET", "/messages/{id}", "Retrieve a message"),
        ("getId", "GET", "/ids/{id}", "Get an ID's details"),
    ]
    index = build(rows)
    assert top(index, "find the customer whose email is jane.doe@example.com") == [
        "searchCustomers"
    ]
    assert top(index, "did my message with id 40385f64-5717 get delivered?") == ["getMessage"]
    # Without a value, the word is the thing asked about.
    assert top(index, "is this email still free for a customer?") == ["emailAvailable"]


def test_everyday_words_for_previews_holds_and_calls() -> None:
    rows = [
        ("preview", "POST", "/billing-preview", "Generate a billing preview"),
        ("listAccounts", "GET", "/accounts/{id}/invoices", "List an account's invoices"),
        ("hold", "POST", "/orders/{id}/hold", "Hold an order"),
        ("getOrder", "GET", "/orders/{id}", "Get an order"),
        ("transfer", "POST", "/calls/{id}/actions/transfer", "Transfer a call"),
        ("speak", "POST", "/calls/{id}/actions/speak", "Speak text"),
        ("hangup", "POST", "/calls/{id}/actions/hangup", "Hang up a call"),
    ]
    index = build(rows)
    assert top(index, "forecast what account 12 will be billed next month") == ["preview"]
    assert top(index, "freeze order 2211 while we check the payment") == ["hold"]
    assert top(index, "forward the caller to our support line") == ["transfer"]
    assert top(index, "say 'please hold' to the caller") == ["speak"]


def test_kick_off_starts_and_kick_someone_off_removes() -> None:
    rows = [
        ("runWorkflow", "POST", "/workflows/{id}/run", "Run a workflow"),
        ("deleteWorkflow", "DELETE", "/workflows/{id}", "Delete a workflow"),
        ("addMember", "POST", "/boards/{id}/members", "Add a member to a board"),
        ("removeMember", "DELETE", "/boards/{id}/members/{member}", "Remove a board member"),
    ]
    index = build(rows)
    assert top(index, "kick off workflow 812") == ["runWorkflow"]
    assert top(index, "the nightly workflow 812 hasn't run, kick it off") == ["runWorkflow"]
    assert top(index, "kick them off the Product board") == ["removeMember"]


def test_a_request_opening_with_a_verb_a_path_ends_in_asks_to_do_it() -> None:
    from mcpgen.runtime.asking import asked_for

    rows = [
        ("mute", "POST", "/conferences/{id}/actions/mute", "Mute conference participants"),
        ("participants", "GET", "/conferences/{id}/participants", "List conference participants"),
        ("complete", "POST", "/orders/{id}/complete", "Complete an order"),
        ("orders", "GET", "/orders", "List orders, by state (open, completed)"),
        ("status", "PUT", "/orders/{id}/status", "Update an order's status"),
        ("orderStatus", "GET", "/orders/{id}/status", "Get an order's status"),
    ]
    index = build(rows)
    # Not "status": read as well as written; not "participants": read.
    assert index.words.action_verbs == frozenset({"mute", "complet"})
    nouns = index.words.path_vocabulary
    actions = index.words.action_verbs
    own = ["mute", "participants", "conference"]
    query = "mute participants in conference 5"
    assert asked_for(query, own, nouns, index.words.named) == "list"
    assert asked_for(query, own, nouns, index.words.named, actions) == "act"
    own = ["completed", "orders", "downtown", "store"]
    query = "completed orders at the Downtown store"
    assert asked_for(query, own, nouns, index.words.named, actions) == "list"


def test_what_is_left_of_a_contraction_is_no_word() -> None:
    from mcpgen.runtime.terms import terms

    assert terms("pull up the videos I've liked") == terms("pull up the videos I liked")
    assert terms("we'll need it, they're late") == terms("we need it, they late")
    assert terms("I don't want pings, mute it") == terms("I do not want pings, mute it")
    assert "won" in terms("which deals have we won?")  # a word, not a contraction


def test_appending_adds_an_item() -> None:
    from mcpgen.runtime.asking import intent

    rows = [
        ("createListItem", "POST", "/lists/{list}/items", "Create a list item"),
        ("getListItem", "GET", "/lists/{list}/items/{index}", "Fetch a list item"),
        ("updateListItem", "POST", "/lists/{list}/items/{index}", "Update a list item"),
        ("createList", "POST", "/lists", "Create a list"),
    ]
    index = build(rows)
    # Its words but "append" name the list: it adds, to something that has items.
    found = top(index, 'append {"msg": "hello"} to chat-history-room-9', 2)
    assert sorted(found) == ["createList", "createListItem"]
    assert intent(words("append three rows to the sheet")) == "create"


def test_image_analysis_in_everyday_words() -> None:
    rows = [
        ("DetectText", "POST", "/#X-Amz-Target=Vision.DetectText", "Detects text in an image"),
        ("DetectLabels", "POST", "/#X-Amz-Target=Vision.DetectLabels", "Detects labels"),
        ("DetectModerationLabels", "POST", "/#X-Amz-Target=Vision.DetectModerationLabels",
         "Detects unsafe content in an image"),
        ("RecognizeCelebrities", "POST", "/#X-Amz-Target=Vision.RecognizeCelebrities",
         "Returns an array of celebrities recognized in the input image"),
        ("DetectFaces", "POST", "/#X-Amz-Target=Vision.DetectFaces", "Detects faces"),
    ]  # fmt: skip
    index = build(rows)
    assert top(index, "grab the words printed on the sign in this photo") == ["DetectText"]
    assert top(index, "is this avatar nsfw?") == ["DetectModerationLabels"]
    assert top(index, "which famous people are in this picture?") == ["RecognizeCelebrities"]


def test_an_analysis_of_what_is_given_reads_as_much_as_a_describe() -> None:
    # Detect, analyse, recognise, classify, compare: the action reads what it is given and
    # changes nothing, so a request about "this paragraph" may be answered by it, not only
    # by the reads of earlier jobs.
    target = "/#X-Amz-Target=Language."
    rows = [
        ("DetectKeyPhrases", "POST", target + "DetectKeyPhrases",
         "Detects the key noun phrases found in the text"),
        ("DescribeKeyPhrasesDetectionJob", "POST", target + "DescribeKeyPhrasesDetectionJob",
         "Gets the properties associated with a key phrases detection job"),
        ("ListKeyPhrasesDetectionJobs", "POST", target + "ListKeyPhrasesDetectionJobs",
         "Get a list of key phrase detection jobs that you have submitted"),
        ("StartKeyPhrasesDetectionJob", "POST", target + "StartKeyPhrasesDetectionJob",
         "Starts an asynchronous key phrase detection job for a collection of documents"),
    ]  # fmt: skip
    index = build(rows)
    assert top(index, "key phrases of this paragraph") == ["DetectKeyPhrases"]
    found = top(index, "what are the main talking points in this transcript? the key phrases")
    assert found == ["DetectKeyPhrases"]
    from mcpgen.runtime.traits import reads_by_name

    assert reads_by_name("POST", target + "ClassifyDocument")
    assert reads_by_name("POST", "/v1/images:analyze")
    assert not reads_by_name("POST", "/resources/extract")  # unpacking an archive acts


def test_a_phone_is_a_device_and_a_raw_message_its_dump() -> None:
    rows = [
        ("listDevices", "GET", "/devices", "Returns all devices of a user"),
        ("addDevice", "POST", "/devices", "Adds a device"),
        ("listUsers", "GET", "/users", "List users"),
        ("getMessage", "GET", "/messages/outbound/{messageid}/details",
         "Outbound message details"),
        ("getMessageDump", "GET", "/messages/outbound/{messageid}/dump", "Outbound message dump"),
        ("listMessages", "GET", "/messages/outbound", "Outbound message search"),
    ]  # fmt: skip
    index = build(rows)
    assert top(index, "which phones does alice have registered?") == ["listDevices"]
    assert top(index, "get me the raw source of message 2a3f6d10-8c1e") == ["getMessageDump"]


def test_figures_period_by_period_are_a_time_series() -> None:
    rows = [
        ("listSegments", "GET", "/segments/list", "Export segment list"),
        ("segmentDetails", "GET", "/segments/details", "Export segment details"),
        ("segmentSeries", "GET", "/segments/data_series", "Export segment analytics"),
    ]
    index = build(rows)
    assert top(index, "segment sizes month by month") == ["segmentSeries"]
    assert top(index, "how big was segment 1a2b each day this month?") == ["segmentSeries"]


def test_a_particle_past_the_object_of_the_first_verb_is_still_its_own() -> None:
    # "take ... off" removes, though the thing taken off is three words long; "on" so far
    # off is as often where ("switch the UK sender on VA123 to ...").
    rows = [
        ("addLabels", "POST", "/issues/{issue_number}/labels", "Add labels to an issue"),
        ("removeLabel", "DELETE", "/issues/{issue_number}/labels/{name}",
         "Remove a label from an issue"),
        ("setLabels", "PUT", "/issues/{issue_number}/labels", "Set labels for an issue"),
        ("createLabel", "POST", "/labels", "Create a label"),
    ]  # fmt: skip
    index = build(rows)
    assert top(index, "take the wontfix label off issue 12") == ["removeLabel"]
    assert top(index, "take the 'Needs review' label off issue 7781") == ["removeLabel"]
    # "pull ... off" as "take ... off": "pull" alone reads.
    tags = build([
        ("getTagTasks", "GET", "/tags/{tag_gid}/tasks", "Get tasks from a tag"),
        ("getTaskTags", "GET", "/tasks/{task_gid}/tags", "Get a task's tags"),
        ("getTag", "GET", "/tags/{tag_gid}", "Get a tag"),
        ("removeTag", "POST", "/tasks/{task_gid}/removeTag", "Remove a tag from a task"),
    ])  # fmt: skip
    assert top(tags, "pull the 'urgent' tag off task 4512") == ["removeTag"]
    assert top(tags, "pull the tasks of tag 7") == ["getTagTasks"]
    assert particles(words("switch the uk sender on va123 to mg456"), 0) == ["the", "uk", "sender"]


def test_having_someone_do_a_thing_is_an_errand_not_a_question() -> None:
    # "Have agent 8 download ..." asks for the download; "have we ...?" asks what is.
    rows = [
        ("getAgent", "GET", "/agents/{agentNum}", "Get an agent's configuration"),
        ("listSessions", "GET", "/agents/{agentNum}/tftp/sessions",
         "List the agent's TFTP sessions"),
        ("startSession", "POST", "/agents/{agentNum}/tftp/sessions",
         "Start a TFTP session to download a file"),
    ]  # fmt: skip
    index = build(rows)
    assert top(index, "Have agent 8 download config.bin from the TFTP server") == ["startSession"]
    assert top(index, "have agent 8 fetch config.bin over TFTP") == ["startSession"]
    assert top(index, "have we any TFTP sessions on agent 8?") == ["listSessions"]
    assert top(index, "have the TFTP sessions on agent 8 finished?") == ["listSessions"]


def test_a_link_to_a_thing_is_its_permalink_or_a_way_to_share_it() -> None:
    rows = [
        ("getPermalink", "GET", "/chat.getPermalink",
         "Retrieve a permalink URL for a specific extant message"),
        ("history", "GET", "/conversations.history",
         "Fetches a conversation's history of messages and events"),
        ("postMessage", "POST", "/chat.postMessage", "Sends a message to a channel"),
        ("addSharedLink", "PUT", "/files/{file_id}#add_shared_link", "Add shared link to file"),
        ("getFile", "GET", "/files/{file_id}", "Get file information"),
    ]  # fmt: skip
    index = build(rows)
    found = top(index, "I need a link to Priya's launch announcement in #product", 2)
    assert "getPermalink" in found


def test_a_network_switch_is_a_device() -> None:
    rows = [
        ("listDevices", "GET", "/dcim/devices/", "List devices"),
        ("listSites", "GET", "/dcim/sites/", "List sites"),
        ("listRacks", "GET", "/dcim/racks/", "List racks"),
    ]
    index = build(rows)
    # The site is where they are: it matches outright, the switches by their near-synonym.
    assert top(index, "list the leaf switches at site fra2", 2) == ["listSites", "listDevices"]
    assert top(index, "which switches are in rack R14?", 2) == ["listRacks", "listDevices"]


def test_what_is_inside_a_thing_is_its_contents() -> None:
    rows = [
        ("getFolderPath", "GET", "/folders/{id}/path", "Get the path of a folder"),
        ("getFolderContents", "GET", "/folders/{id}/contents", "Describe folder contents"),
        ("getFolder", "GET", "/folders/{id}", "Get folder metadata"),
    ]
    index = build(rows)
    assert top(index, "what's inside the Q3 Reports folder? id is 8f2a1c90") == [
        "getFolderContents"
    ]
    # Its contents, items or members, whichever the API calls them.
    from mcpgen.runtime.reading import read

    near = read("what's inside folder 1024?", index.words, frozenset()).near
    assert {"item", "member"} <= set(near)


def test_a_history_is_of_changes() -> None:
    rows = [
        ("listChanges", "GET", "/zones/{zone}/changes", "Enumerates Changes to a zone"),
        ("getZone", "GET", "/zones/{zone}", "Fetches a zone"),
        ("listRecords", "GET", "/zones/{zone}/rrsets", "Enumerates resource record sets"),
    ]
    index = build(rows)
    assert top(index, "show the history of edits made to the example-com zone") == ["listChanges"]
    assert top(index, "zone history") == ["listChanges"]


def test_network_gear_and_where_it_stands() -> None:
    rows = [
        ("listSites", "GET", "/dcim/sites/", "List sites"),
        ("listRegions", "GET", "/dcim/regions/", "List regions"),
        ("listDevices", "GET", "/dcim/devices/", "List devices"),
        ("listRacks", "GET", "/dcim/racks/", "List racks"),
    ]
    index = build(rows)
    assert top(index, "list all our datacenters") == ["listSites"]
    assert top(index, "which routers do we have?") == ["listDevices"]


def test_kubernetes_kinds_in_everyday_words() -> None:
    rows = [
        (
            "createHPA",
            "POST",
            "/namespaces/{namespace}/horizontalpodautoscalers",
            "create a HorizontalPodAutoscaler",
        ),
        ("createDeployment", "POST", "/namespaces/{namespace}/deployments", "create a Deployment"),
        ("componentStatuses", "GET", "/componentstatuses", "list objects of kind ComponentStatus"),
        ("schedulingGroup", "GET", "/apis/scheduling.k8s.io/", "get the scheduling API group"),
        ("deleteNode", "DELETE", "/nodes/{name}", "delete a Node"),
        ("patchNode", "PATCH", "/nodes/{name}", "partially update the specified Node"),
    ]
    index = build(rows)
    assert top(index, "autoscale api between 2 and 10 copies") == ["createHPA"]
    assert top(index, "is the scheduler up?") == ["componentStatuses"]
    assert top(index, "decommission node worker-7") == ["deleteNode"]
    assert top(index, "are the scheduler and controller-manager healthy?") == ["componentStatuses"]


def test_a_namespace_before_an_action_in_a_path_is_no_word_of_it() -> None:
    """OData qualifies actions and functions with a namespace (``microsoft.graph.sendMail``,
    ``microsoft.graph.getUserActivity(period='{period}')``): the action's name says what it
    is; a request does not say "microsoft graph", and the words are not held against it.
    A dotted name of one segment's own (Kubernetes' API groups) is no namespace, nor is a
    single word before the dot (Slack's ``chat.postMessage``)."""
    from mcpgen.runtime.traits import namespaces

    plural = ("users", "groups", "devices", "messages", "sites", "drives", "teams", "chats")
    rows = [
        ("sendMail", "POST", "/users/{id}/microsoft.graph.sendMail", "Send mail"),
        ("outboxSend", "POST", "/users/{id}/outbox/send", "Send mail"),
        ("wipe", "POST", "/devices/{id}/microsoft.graph.wipe", "Wipe a device"),
        ("retire", "POST", "/devices/{id}/microsoft.graph.retire", "Retire a device"),
        ("forward", "POST", "/messages/{id}/microsoft.graph.forward", "Forward a message"),
        ("reply", "POST", "/messages/{id}/microsoft.graph.reply", "Reply to a message"),
        *[(f"list_{name}", "GET", f"/{name}", f"List {name}") for name in plural],
    ]
    index = build(rows)
    assert top(index, "send mail to dana@contoso.com") == ["sendMail"]
    assert {"microsoft", "graph"}.isdisjoint(index.traits.path_terms[0])
    paths = [
        "/me/microsoft.graph.sendMail",
        "/reports/microsoft.graph.getUserActivity(period='{period}')",
        *(f"/devices/{{id}}/microsoft.graph.{name}" for name in ("wipe", "retire", "sync")),
        *(f"/apis/{group}.k8s.io/v1/roles" for group in ("rbac", "storage", "batch")),
        *(f"/apis/rbac.authorization.k8s.io/v{n}/roles" for n in range(1, 7)),
        *(f"/chat.{name}" for name in ("postMessage", "update", "delete", "unfurl", "meMessage")),
    ]
    assert namespaces([{"path": path} for path in paths]) == {"microsoft.graph"}


def test_a_request_that_opens_with_file_files_something_not_a_file() -> None:
    """ "File a bug in MOB", "file an issue against payments-api": the verb, no file; a file
    named elsewhere in a request is still one."""
    rows = [
        ("addAttachment", "POST", "/issue/{key}/attachments", "Add attachment", "Adds files"),
        ("createIssue", "POST", "/issue", "Create issue", "Creates an issue or a sub-task"),
        ("updateIssue", "PUT", "/issue/{key}", "Edit issue"),
        ("uploadFile", "POST", "/files", "Upload a file"),
    ]
    index = build(rows)
    assert top(index, "file a bug in MOB: 'Login button unresponsive'") == ["createIssue"]
    assert top(index, "file an issue against payments-api") == ["createIssue"]
    assert top(index, "upload the file report.pdf") == ["uploadFile"]
    assert top(index, "attach a file to PROJ-7") == ["addAttachment"]


def test_a_thing_made_read_only_with_its_history_kept_is_archived() -> None:
    """ "Make it read-only", "keep its history around": an archive; not a read-only key,
    nor the history itself when that is what is asked for."""
    rows = [
        ("getProject", "GET", "/project/{key}", "Get a project"),
        ("updateProject", "PUT", "/project/{key}", "Update a project"),
        ("archiveProject", "POST", "/project/{key}/archive", "Archive a project"),
        ("getHistory", "GET", "/project/{key}/history", "Get the history of a project"),
        ("createKey", "POST", "/keys", "Create a read-only or read-write key"),
    ]
    index = build(rows)
    assert top(index, "we're done with project LP, make it read-only") == ["archiveProject"]
    assert top(index, "the Apollo project is over; keep its history around") == ["archiveProject"]
    assert top(index, "show the history of project LP") == ["getHistory"]
    assert top(index, "add a read-only key") == ["createKey"]


def test_someone_kept_in_the_loop_on_a_thing_watches_it() -> None:
    """ "Keep me posted on PROJ-7", "kept in the loop on every update to INFRA-500": a
    watcher, not an edit of the issue; "update INFRA-500" still edits it."""
    rows = [
        ("getIssue", "GET", "/issue/{key}", "Get an issue"),
        ("updateIssue", "PUT", "/issue/{key}", "Edit an issue"),
        ("addWatcher", "POST", "/issue/{key}/watchers", "Add a watcher"),
        ("listUpdated", "GET", "/worklog/updated", "Get IDs of updated worklogs"),
    ]
    index = build(rows)
    assert top(index, "keep me posted on PROJ-7") == ["addWatcher"]
    query = "I want to be kept in the loop on every update to INFRA-500"
    assert top(index, query) == ["addWatcher"]
    assert top(index, "update INFRA-500") == ["updateIssue"]


def test_who_reports_to_someone_are_their_direct_reports() -> None:
    """ "Who reports to jane@...?" asks for her direct reports, "who does Tom report to?"
    for his manager: not for reports; "show the report 7" still is one."""
    rows = [
        ("listReports", "GET", "/reports", "List reports"),
        ("getReport", "GET", "/reports/{id}", "Get a report"),
        ("listDirectReports", "GET", "/users/{id}/directReports", "List a user's direct reports"),
        ("getManager", "GET", "/users/{id}/manager", "Get a user's manager"),
        ("listUsers", "GET", "/users", "List users"),
    ]
    index = build(rows)
    assert top(index, "who reports to jane@contoso.com?") == ["listDirectReports"]
    assert top(index, "people who report directly to me") == ["listDirectReports"]
    assert top(index, "who does Tom report to?") == ["getManager"]
    assert top(index, "show the report 7") == ["getReport"]
    assert top(index, "send the report to finance") == ["listReports"]


def test_a_risk_or_an_alert_cleared_is_dismissed() -> None:
    rows = [
        ("dismissRiskyUsers", "POST", "/identityProtection/riskyUsers/dismiss", "Invoke action dismiss"),
        ("createRiskDetection", "POST", "/identityProtection/riskDetections", "Create new navigation property to riskDetections"),
        ("updateRiskDetection", "PATCH", "/identityProtection/riskDetections/{id}", "Update the navigation property riskDetections"),
        ("clearPresence", "POST", "/users/{id}/presence/clearPresence", "Invoke action clearPresence"),
        ("getRiskyUser", "GET", "/identityProtection/riskyUsers/{id}", "Get riskyUser"),
    ]  # fmt: skip
    index = build(rows)
    query = "Clear the risk on Tom's account, it was just him logging in from a hotel"
    assert top(index, query) == ["dismissRiskyUsers"]
    assert top(index, "clear my presence") == ["clearPresence"]


def test_letting_someone_know_something_tells_them() -> None:
    """ "Let my class know the quiz moved" asks to tell them: an announcement, a message;
    "let me know ..." asks to be told, as before."""
    rows = [
        ("createAnnouncement", "POST", "/v1/courses/{courseId}/announcements", "Creates an announcement"),
        ("getCourse", "GET", "/v1/courses/{courseId}", "Returns a course"),
        ("updateCourse", "PATCH", "/v1/courses/{courseId}", "Updates one or more fields in a course"),
        ("createCourseWork", "POST", "/v1/courses/{courseId}/courseWork", "Creates course work, such as a quiz"),
        ("listStudents", "GET", "/v1/courses/{courseId}/students", "Returns a list of students of this course"),
    ]  # fmt: skip
    index = build(rows)
    query = "let my period 2 class know the quiz has moved to Friday"
    assert top(index, query) == ["createAnnouncement"]
    assert top(index, "let me know the students in course 7") == ["listStudents"]


def test_a_device_factory_reset_is_wiped() -> None:
    """A device reset to its factory settings is wiped; its passcode reset is not that,
    nor is a printer's defaults restored."""
    rows = [
        ("wipe", "POST", "/managedDevices/{id}/wipe", "Wipe a managed device"),
        ("resetPasscode", "POST", "/managedDevices/{id}/resetPasscode", "Reset the passcode of a managed device"),
        ("remoteLock", "POST", "/managedDevices/{id}/remoteLock", "Lock a managed device remotely"),
        ("updateDevice", "PATCH", "/managedDevices/{id}", "Update a managed device"),
        ("restoreFactoryDefaults", "POST", "/printers/{id}/restoreFactoryDefaults", "Restore a printer's factory defaults"),
    ]  # fmt: skip
    index = build(rows)
    assert top(index, "factory reset device 4411") == ["wipe"]
    assert top(index, "the phone was stolen, reset it back to factory settings") == ["wipe"]
    assert top(index, "reset the passcode on device 4411") == ["resetPasscode"]
    assert top(index, "restore printer 7 to its factory defaults") == ["restoreFactoryDefaults"]


def test_a_membership_through_nested_groups_is_transitive() -> None:
    """Groups someone is in "through nested groups", "even indirectly", and a group's
    members "not just the direct ones" are the transitive memberships; "nested" elsewhere
    ("OUs nested under ou-1") is not."""
    rows = [
        ("listMemberOf", "GET", "/users/{id}/memberOf", "List a user's group memberships"),
        ("listTransitiveMemberOf", "GET", "/users/{id}/transitiveMemberOf", "List a user's transitive memberships"),
        ("listMembers", "GET", "/groups/{id}/members", "List a group's members"),
        ("listTransitiveMembers", "GET", "/groups/{id}/transitiveMembers", "List a group's transitive members"),
        ("listChildren", "GET", "/units/{id}/children", "List the units nested under a unit"),
    ]  # fmt: skip
    index = build(rows)
    assert top(index, "which groups is ali a member of, including nested ones?") == [
        "listTransitiveMemberOf"
    ]
    assert top(index, "which groups does ali belong to, even indirectly?") == [
        "listTransitiveMemberOf"
    ]
    assert top(index, "which groups is ali a member of?") == ["listMemberOf"]
    assert top(index, "what units are nested under unit 4?") == ["listChildren"]
    index = build([row for row in rows if row[0] != "listTransitiveMemberOf"])
    assert top(index, "everyone in group 7, not just the direct members") == [
        "listTransitiveMembers"
    ]
    assert top(index, "everyone in group 7") == ["listMembers"]


def test_the_list_of_things_asked_for_is_things_not_one() -> None:
    """ "Pull up the list of people who report to me": the collections come before any one
    item; "I have a list of 12 IDs" is a list given, not asked for."""
    from mcpgen.runtime.phrasing import LIST_OF

    rows = [
        ("getPerson", "GET", "/people/{id}", "Get a person"),
        ("listPeople", "GET", "/people", "List people"),
        ("getDirectReport", "GET", "/me/directReports/{id}", "Get a direct report"),
        ("listDirectReports", "GET", "/me/directReports", "List direct reports"),
    ]
    query = "pull up the list of people who report directly to me"
    assert top(build(rows), query, 2) == ["listDirectReports", "listPeople"]
    assert LIST_OF.search("pull our full list of contacts")
    assert not LIST_OF.search("I have a list of 12 commit IDs")


def test_kubernetes_kinds_named_by_what_they_do() -> None:
    """What runs on every node is a DaemonSet, what runs to completion a Job, what keeps
    pods up while nodes drain a PodDisruptionBudget, defaults for containers' requests a
    LimitRange, the pod IPs behind a service its Endpoints, a cap on a namespace a
    ResourceQuota, traffic only let through a NetworkPolicy, a host name routed an
    Ingress, a cluster admin a ClusterRoleBinding: the phrase says the kind."""
    kinds = {
        "DaemonSet": "/apis/apps/v1/namespaces/{namespace}/daemonsets",
        "Job": "/apis/batch/v1/namespaces/{namespace}/jobs",
        "PodDisruptionBudget": "/apis/policy/v1/namespaces/{namespace}/poddisruptionbudgets",
        "LimitRange": "/api/v1/namespaces/{namespace}/limitranges",
        "Endpoints": "/api/v1/namespaces/{namespace}/endpoints",
        "Pod": "/api/v1/namespaces/{namespace}/pods",
        "Node": "/api/v1/nodes",
        "Service": "/api/v1/namespaces/{namespace}/services",
        "ResourceQuota": "/api/v1/namespaces/{namespace}/resourcequotas",
        "NetworkPolicy": "/apis/networking.k8s.io/v1/namespaces/{namespace}/networkpolicies",
        "Ingress": "/apis/networking.k8s.io/v1/namespaces/{namespace}/ingresses",
        "ClusterRoleBinding": "/apis/rbac.authorization.k8s.io/v1/clusterrolebindings",
        "ServiceAccount": "/api/v1/namespaces/{namespace}/serviceaccounts",
        "Namespace": "/api/v1/namespaces",
        "RoleBinding": "/apis/rbac.authorization.k8s.io/v1/namespaces/{namespace}/rolebindings",
    }
    rows = []
    for kind, path in kinds.items():
        rows.append((f"create{kind}", "POST", path, f"create a {kind}"))
        rows.append((f"list{kind}", "GET", path, f"list or watch objects of kind {kind}"))
    index = build(rows)
    assert top(index, "run a log collector on every node") == ["createDaemonSet"]
    assert top(index, "kick off a database migration that runs to completion") == ["createJob"]
    request = "make sure at least 2 zookeeper pods stay up while we drain nodes"
    assert "createPodDisruptionBudget" in top(index, request, 2)  # the pods: a near second
    request = "set default cpu and memory requests for containers in the dev namespace"
    assert top(index, request) == ["createLimitRange"]
    assert top(index, "which pod IPs is the web service sending traffic to?") == ["listEndpoints"]
    request = "cap the team namespace at 20 CPUs and 64Gi of memory"
    assert top(index, request) == ["createResourceQuota"]
    assert top(index, "cap ns team-b at 20 pods and 40 cpu") == ["createResourceQuota"]
    request = "only allow traffic to the db pods from the api pods"
    assert {"network", "polici"} <= set(read(request, index.words, frozenset()).own_terms)
    request = "route shop.example.com to the web service"
    assert "ingress" in read(request, index.words, frozenset()).own_terms
    request = "make the ci service account cluster-admin everywhere"
    assert "clusterrolebind" in read(request, index.words, frozenset()).own_terms
    # Access given is a binding, too.
    request = "give alice read-only access to pods in the dev namespace"
    assert "bind" in read(request, index.words, frozenset()).own_terms


def test_mine_in_a_path_is_the_callers_own() -> None:
    from mcpgen.runtime.traits import own_path

    assert own_path("/V1/carts/mine/coupons/{couponCode}")
    assert not own_path("/V1/carts/{cartId}/coupons/{couponCode}")
    assert not own_path("/V1/mine/{id}")  # one of some "mine"s, not the caller's


def test_a_verb_then_a_noun_and_its_value_asks_to_act() -> None:
    from mcpgen.runtime.asking import asked_for

    rows = [
        ("setTags", "PUT", "/videos/{id}/tags", "Add tags to a video"),
        ("listTags", "GET", "/videos/{id}/tags", "List a video's tags"),
    ]
    words = build(rows).words
    query = "label video 4040 with travel and drone keywords"
    own = ["label", "video", "travel", "drone", "keywords"]
    assert asked_for(query, own, words.path_vocabulary, words.named) == "act"
    # Not a noun and a value that open a request: "videos 4040 and 4041 keywords".
    query = "videos 4040 and 4041 keywords"
    own = ["videos", "keywords"]
    assert asked_for(query, own, words.path_vocabulary, words.named) == "list"


def test_open_after_a_determiner_is_an_adjective() -> None:
    from mcpgen.runtime.asking import intent

    assert intent(["any", "open", "chargebacks"]) is None
    assert intent(["list", "my", "open", "orders"]) == "list"
    assert intent(["show", "the", "new", "users"]) == "read"
    assert intent(["open", "an", "issue"]) == "create"
    assert intent(["please", "open", "a", "ticket"]) == "create"


def test_a_quoted_name_before_its_noun_is_no_note_left() -> None:
    rows = [
        ("deleteRegion", "DELETE", "/regions/{id}", "Delete a region"),
        ("createRegion", "POST", "/regions", "Create a region"),
        ("createComment", "POST", "/regions/{id}/comments", "Comment on a region"),
    ]
    index = build(rows)
    assert top(index, "drop the empty 'Old-HQ' region from the site") == ["deleteRegion"]
    assert top(index, "drop 'please merge' on region 5") == ["createComment"]


def test_a_clause_about_it_after_a_comma_says_why() -> None:
    rows = [
        ("deleteDeployment", "DELETE", "/deployments/{id}", "Delete a deployment"),
        (
            "listDeployments",
            "GET",
            "/deployments",
            "List deployments that expose a feature, finished or half done",
        ),
    ]
    index = build(rows)
    query = "nuke deployment dpl_5, it exposes a half-finished feature"
    assert top(index, query) == ["deleteDeployment"]
    # Where the main clause ends.
    from mcpgen.runtime.mainclause import SUBORDINATE

    query = "detach old-brand.com from the landing project but keep it in the account"
    found = SUBORDINATE.search(query)
    assert found is not None and query[: found.start()].endswith("landing project")
    found = SUBORDINATE.search("trash task 5550001, it's a duplicate")
    assert found is not None and found.start() == len("trash task 5550001")
    assert SUBORDINATE.search("I need the guide, which is a doc, as a PDF") is None


def test_what_a_message_is_to_say_is_no_part_of_what_is_done() -> None:
    rows = [
        ("sendMail", "POST", "/me/sendMail", "Send mail"),
        (
            "sendDraft",
            "POST",
            "/me/folders/{folder}/messages/{message}/send",
            "Send a message from a folder",
        ),
        ("createNote", "POST", "/tickets/{id}/notes", "Add a note to a ticket"),
        ("updateTicket", "PATCH", "/tickets/{id}", "Update a ticket"),
        ("swapPrinter", "POST", "/printers/{id}/swap", "Swap a printer"),
        ("listFigures", "GET", "/reports/{id}/figures", "List the figures of a report"),
    ]
    index = build(rows)
    query = "email dana@contoso.com and tell her the final figures are in the shared folder"
    assert top(index, query) == ["sendMail"]
    assert top(index, "leave a note on ticket 88 saying we swapped the printer") == ["createNote"]
    # Where the main clause ends; not where others say something.
    from mcpgen.runtime.mainclause import main_clause_end

    query = "pop up a note on the bedroom TV saying 'dinner is ready'"
    assert main_clause_end(query) == len("pop up a note on the bedroom TV saying")
    assert main_clause_end("users keep saying they can't join the wifi") is None
    assert main_clause_end("what are people saying about episode 3?") is None


def test_to_stop_being_sent_something_turns_off_what_sends_it() -> None:
    rows = [
        ("listNotifications", "GET", "/notifications", "List notifications"),
        ("getNotification", "GET", "/notifications/{id}", "Get a notification"),
        ("sendNotification", "POST", "/notifications", "Send a notification"),
        ("deleteSubscription", "DELETE", "/repos/{repo}/subscription", "Delete a repository subscription"),
        ("getRepo", "GET", "/repos/{repo}", "Get a repository"),
    ]  # fmt: skip
    index = build(rows)
    for query in (
        "stop sending me notifications about repo acme",
        "stop emailing me about repo acme",
        "stop getting emails about repo acme",
    ):
        assert top(index, query) == ["deleteSubscription"], query


def test_sent_again_is_a_resend() -> None:
    rows = [
        ("createInvoice", "POST", "/invoices", "Creates one or more sales invoices"),
        ("updateInvoice", "POST", "/invoices/{id}", "Updates a specific sales invoice"),
        (
            "emailInvoice",
            "POST",
            "/invoices/{id}/email",
            "Sends a copy of an invoice to its contact",
        ),
        ("getInvoice", "GET", "/invoices/{id}", "Retrieves a specific sales invoice"),
        ("createContact", "POST", "/contacts", "Creates a contact"),
    ]
    index = build(rows)
    query = "they never got invoice 15, send it to them again"
    assert top(index, query) == ["emailInvoice"]
    assert top(index, "send a new invoice to Acme for 10 hours") == ["createInvoice"]


def test_whether_something_holds_asks_to_validate_it() -> None:
    rows = [
        ("validateEmail", "POST", "/validations/email", "Validate an email address"),
        ("verifyToken", "GET", "/oauth/verify", "Verify an OAuth token"),
        ("addContact", "POST", "/contacts", "Add a contact with an email address"),
        ("deleteToken", "DELETE", "/tokens", "Revoke the current token"),
    ]
    index = build(rows)
    query = "is bob@gmial.con even a real email address? we'd add it to signup"
    assert top(index, query) == ["validateEmail"]
    assert top(index, "is this token still good?") == ["verifyToken"]


def test_someone_made_an_admin_is_about_their_role() -> None:
    rows = [
        ("updateMember", "PUT", "/boards/{id}/members/{member}", "Update a board member"),
        ("updateLevel", "PUT", "/boards/{id}/prefs/permissionLevel", "Update the board's level"),
        ("addBoard", "POST", "/boards", "Create a board"),
    ]
    index = build(rows)
    assert top(index, "make Lee an admin on the Ops board") == ["updateMember"]


def test_a_post_titled_delete_is_a_delete() -> None:
    from mcpgen.runtime.traits import Traits

    rows = [
        ("addFollowers", "POST", "/tasks/{id}/addFollowers", "Add followers to a task"),
        ("removeFollowers", "POST", "/tasks/{id}/removeFollowers", "Remove followers from a task"),
        ("search", "POST", "/tasks/search", "Search tasks"),
    ]
    index = build(rows)
    assert isinstance(index.traits, Traits)
    assert index.traits.methods == ["POST", "DELETE", "GET"]
    assert top(index, "add Dana as a follower of task 4411") == ["addFollowers"]
    assert top(index, "remove Dana from task 4411's followers") == ["removeFollowers"]


def test_what_a_new_thing_comes_with_is_not_the_thing() -> None:
    rows = [
        ("createUser", "POST", "/users", "Create a user"),
        ("addPassword", "POST", "/users/{id}/passwordMethods", "Create a password method"),
        ("cloneTask", "POST", "/tasks/{id}/duplicate", "Duplicate a task"),
        ("addAttachment", "POST", "/tasks/{id}/attachments", "Upload an attachment to a task"),
    ]
    index = build(rows)
    query = "create a user for Jane with a temp password she changes at first sign-in"
    assert top(index, query) == ["createUser"]
    assert top(index, "create a password for Jane") == ["addPassword"]


def test_every_thing_is_things() -> None:
    from mcpgen.runtime.reading import read

    rows = [
        ("getMove", "GET", "/balance/history/{id}", "Retrieve a balance transaction"),
        ("listMoves", "GET", "/balance/history", "List balance transactions"),
    ]
    words = build(rows).words
    assert read("show every movement of money in my balance", words, frozenset()).plural
    assert not read("show the movement of money in my balance", words, frozenset()).plural
    assert not read("run it every day", words, frozenset()).plural


def test_an_operation_given_by_its_path_comes_first() -> None:
    rows = [
        ("listRepoIssues", "GET", "/repos/{owner}/{repo}/issues", "List repository issues"),
        ("getIssue", "GET", "/repos/{owner}/{repo}/issues/{number}", "Get an issue in a repo"),
        ("createIssue", "POST", "/repos/{owner}/{repo}/issues", "Create an issue"),
        ("getRepo", "GET", "/repos/{owner}/{repo}", "Get a repository of an owner"),
        ("myCoupon", "PUT", "/V1/carts/mine/coupons/{couponCode}", "Add a coupon"),
        ("cartCoupon", "PUT", "/V1/carts/{cartId}/coupons/{couponCode}", "Add a coupon"),
        ("saveCategory", "PUT", "/V1/categories/{id}", "Save a category"),
        ("getCategory", "GET", "/V1/categories/{categoryId}", "Get a category"),
    ]
    index = build(rows)
    words = index.words
    # Parameters named as given before others: the title "categories/{id}" is the PUT's.
    assert words.at_path("categories/{id}") == [6]
    assert words.at_path("/categories/{x}") == [6, 7]
    assert [index.operations[p]["operation"] for p in words.at_path("/repos/{o}/{r}/issues")] == [
        "listRepoIssues",
        "createIssue",
    ]
    assert words.at_path("/repos/octocat/hello-world/issues", "POST") == [2]
    assert words.at_path("carts/mine/coupons/{couponCode}") == [4]  # "mine" as written
    assert words.at_path("acme/issues") == []  # an owner and a repository
    assert words.at_path("/api/v3/repos/o/r/issues", "GET") == [0]  # a base path before it
    # A URL is a value (a webhook's target), not one of the API's paths.
    assert words.at_path("https://hooks.example.com/repos/o/r/issues") == []
    assert words.at_path("/healthz") == []
    assert top(index, "GET /repos/{owner}/{repo}/issues") == ["listRepoIssues"]
    assert top(index, "call GET /repos/octocat/hello-world/issues") == ["listRepoIssues"]
    assert top(index, "POST /repos/{owner}/{repo}/issues") == ["createIssue"]
    # Or by its title in quotes.
    assert top(index, "call 'Get an issue in a repo' for octocat/hello-world #5") == ["getIssue"]


def test_something_made_so_changes() -> None:
    rows = [
        ("createField", "POST", "/fields/{collection}", "Create Field in Collection"),
        ("updateField", "PATCH", "/fields/{collection}/{id}", "Update a Field"),
        ("createChannel", "POST", "/channels", "Create a channel"),
        ("updateChannel", "PATCH", "/channels/{id}", "Update a channel"),
    ]
    index = build(rows)
    assert top(index, "make the subtitle field on posts required") == ["updateField"]
    assert top(index, "make channel 5 private") == ["updateChannel"]
    assert top(index, "make a private channel called Legal") == ["createChannel"]


def test_many_things_in_one_request_are_a_batch() -> None:
    rows = [
        ("updateDevice", "PATCH", "/devices/{id}", "Partial update a device"),
        ("updateDevices", "PATCH", "/devices", "Bulk partial update devices"),
        ("getBoard", "GET", "/boards/{id}", "Get a board"),
        ("batch", "GET", "/batch", "Make up to 10 GET requests in a batch"),
    ]
    index = build(rows)
    assert top(index, "mark all 30 devices from the old lab as offline in one request") == [
        "updateDevices"
    ]
    query = "fetch board 1 and board 2 in a single request"
    assert "batch" in top(index, query, 2)
    assert top(index, "mark device 30 as offline") == ["updateDevice"]
    asked = read("mark devices 3, 4 and 5 as offline in one go", index.words, frozenset())
    assert "batch" in asked.near and asked.many


def test_british_and_american_spellings_are_one_word() -> None:
    from mcpgen.runtime.terms import american

    assert stem("organisation") == stem("organization")
    assert stem("authorised") == stem("authorized")
    assert stem("colour") == stem("color")
    assert stem("licences") == stem("licenses")
    assert stem("catalogue") == stem("catalog")
    assert american("fulfill") == "fulfill"  # American already: no "l" more
    assert american("raise") == "raise"  # too short to be an -ise verb
    us = build([("getOrg", "GET", "/organization", "Get the organization")])
    assert top(us, "what's our organisation called?") == ["getOrg"]
    uk = build(
        [
            ("getOrg", "GET", "/Organisation", "Retrieves the organisation's details"),
            ("listColours", "GET", "/BrandingThemes", "Retrieves branding colours"),
        ]
    )
    assert top(uk, "what's the org's base currency? show the organization") == ["getOrg"]
    assert top(uk, "which colors do our branding themes use?") == ["listColours"]


def test_punctuation_after_a_word_does_not_make_it_a_value() -> None:
    index = _segmented(PAYMENTS)
    for query in (
        "cancel the subscription",
        "what cards does cus_2 have",
        "Her membership was on hold over the summer. Start billing her again",
    ):
        assert top(index, query, 5) == top(index, query + ".", 5), query
    for query in ("Retry the failed jobs", "Start billing her again", "delete the branch"):
        plain = read(query, index.words, frozenset())
        ended = read(query + ".", index.words, frozenset())
        assert (ended.own, ended.values) == (plain.own, plain.values), query
    listed = read("add a new supplier: Bright Paper Co", index.words, frozenset())
    assert "supplier" in listed.own
    rows = [
        ("createContact", "PUT", "/Contacts", "Creates a contact"),
        ("createAccount", "PUT", "/Accounts", "Creates an account"),
    ]
    query = "add a new contact: Bright Paper Co, hello@brightpaper.com"
    assert top(build(rows), query) == ["createContact"]


def test_locking_something_down_protects_or_restricts_it() -> None:
    rows = [
        ("updatePull", "PATCH", "/repos/{repo}/pulls/{number}", "Update a pull request"),
        ("getBranch", "GET", "/repos/{repo}/branches/{branch}", "Get a branch"),
        ("renameBranch", "POST", "/repos/{repo}/branches/{branch}/rename", "Rename a branch"),
        (
            "protectBranch",
            "PUT",
            "/repos/{repo}/branches/{branch}/protection",
            "Update branch protection",
        ),
        ("createPolicy", "POST", "/podsecuritypolicies", "create a PodSecurityPolicy"),
        ("patchPod", "PATCH", "/namespaces/{namespace}/pods/{name}", "partially update a Pod"),
    ]
    index = build(rows)
    assert top(index, "lock down the main branch") == ["protectBranch"]
    assert top(index, "lock down pods so nobody can run privileged containers") == ["createPolicy"]


def test_a_name_in_code_is_found_in_code() -> None:
    rows = [
        ("getOrg", "GET", "/orgs/{org}", "Get an organization"),
        ("listOrgRepos", "GET", "/orgs/{org}/repos", "List organization repositories"),
        ("searchCode", "GET", "/search/code", "Search code"),
        ("codeAlerts", "GET", "/orgs/{org}/code-scanning/alerts", "List code scanning alerts"),
    ]
    index = build(rows)
    assert top(index, "where in the acme org's code do we call parseLegacyToken?") == ["searchCode"]
    assert top(index, "who calls parseLegacyToken in acme?") == ["searchCode"]
    assert top(index, "where in the acme org do we keep the repos?") == ["listOrgRepos"]


def test_what_takes_a_requests_values_is_what_it_is_about_a_little() -> None:
    rows = [
        ("getCommit", "GET", "/repos/{repo}/commits/{sha}", "Get a commit"),
        (
            "getSource",
            "GET",
            "/repos/{repo}/src/{commit}/{path}",
            "Get the source of a file at a commit",
        ),
        ("compare", "GET", "/repos/{repo}/compare/{basehead}", "Compare two commits"),
        ("getRelease", "GET", "/repos/{repo}/releases/tags/{tag}", "Get a release by tag"),
    ]
    index = build(rows)
    # A file path: an operation on a file.
    assert top(index, "read docs/setup.md as it was at commit abc123") == ["getSource"]
    # A version points at another thing: no release is meant.
    assert "getRelease" not in top(index, "what changed between v1.0 and v1.1", 3)


def test_an_argument_takes_the_kind_of_value_its_name_ends_with() -> None:
    rows = [
        ("getMethod", "GET", "/me/emailMethods/{emailAuthenticationMethod-id}", "Get a method"),
        ("getByEmail", "GET", "/users/{email}", "Get a user"),
        ("getAddress", "GET", "/addresses/{ip_address}", "Get an address"),
        ("getRelease", "GET", "/releases/{tag_name}", "Get a release"),
    ]
    takes = build(rows).words.takes
    # The id of an email method takes an id, not an email address.
    assert takes == [{"id"}, {"email"}, {"address"}, {"tag", "name"}]


def test_a_way_of_sending_as_the_verb_asks_to_send() -> None:
    rows = [
        ("createEmailMethod", "POST", "/me/emailMethods", "Create an email method"),
        ("listEmailMethods", "GET", "/me/emailMethods", "List email methods"),
        ("sendMail", "POST", "/me/sendMail", "Send mail"),
        ("createFaxApp", "POST", "/fax_applications", "Creates a fax application"),
        ("sendFax", "POST", "/faxes", "Send a fax"),
        ("createNumberPool", "POST", "/messages/number_pool", "Send a message using number pool"),
        ("sendMessage", "POST", "/messages", "Send a message"),
    ]
    index = build(rows)
    assert top(index, "email dana.lee@contoso.com that the figures are in") == ["sendMail"]
    assert top(index, "fax the signed contract to +12125550123") == ["sendFax"]
    assert top(index, "text +14155550100 that the order shipped") == ["sendMessage"]
    # The noun, not the verb: nothing is sent.
    assert top(index, "email methods of mine") == ["listEmailMethods"]


def test_whom_something_is_given_is_where_it_goes() -> None:
    rows = [
        ("createBinding", "POST", "/namespaces/{ns}/rolebindings", "create a RoleBinding"),
        ("createAccount", "POST", "/namespaces/{ns}/serviceaccounts", "create a ServiceAccount"),
        ("patchAccount", "PATCH", "/namespaces/{ns}/serviceaccounts/{name}", "update a ServiceAccount"),
        ("getAccount", "GET", "/namespaces/{ns}/serviceaccounts/{name}", "read a ServiceAccount"),
        ("getJobLogs", "GET", "/jobs/{id}/logs", "Download job logs"),
    ]  # fmt: skip
    index = build(rows, [["namespac", "role bind"], ["namespac", "servic account"],
                         ["namespac", "servic account"], ["namespac", "servic account"],
                         ["job", "log"]])  # fmt: skip
    request = "give the ci-bot service account the edit role in the build namespace"
    assert top(index, request) == ["createBinding"]
    assert read(request, index.words, frozenset()).wanted == "create"
    # Given to me: shown.
    assert read("give me the logs of job 5531", index.words, frozenset()).wanted != "create"


def test_a_question_what_happened_asks_for_the_events() -> None:
    rows = [
        ("listEvents", "GET", "/events", "List all events"),
        ("getNamespace", "GET", "/namespaces/{name}", "Read a namespace"),
        ("watchPods", "GET", "/watch/namespaces/{ns}/pods", "Watch pods in a namespace"),
    ]
    index = build(rows)
    assert top(index, "what happened in the staging namespace recently?") == ["listEvents"]
    assert top(index, "show pod changes in the prod namespace as they happen") == ["watchPods"]
    asked = read("something won't schedule, what happened there?", index.words, frozenset())
    assert "event" in asked.near
    watched = read("stream pod changes as they happen", index.words, frozenset())
    assert "event" not in watched.near
    # Failed sign-ins are in the API's record of them too.
    for query in ("show me yesterday's failed logins", "any suspicious sign-ins for bob?"):
        assert {"event", "log", "audit"} <= set(read(query, index.words, frozenset()).near)
    assert "event" not in read("show me the logins of bob", index.words, frozenset()).near
    # Everything that happened to a thing, too.
    told = read("show everything that happened to payroll.csv", index.words, frozenset())
    assert "event" in told.near


def test_everybody_is_people_any_number_of_them() -> None:
    rows = [
        ("listUsers", "GET", "/users", "List users"),
        ("getUser", "GET", "/users/{id}", "Get a user"),
        ("unlockUser", "POST", "/users/{id}/unlock", "Unlock user"),
    ]
    index = build(rows)
    for query in ("show me everybody who has a login", "everyone with an account"):
        assert top(index, query) == ["listUsers"], query


def test_words_whose_initials_are_a_short_name_of_the_api_mean_it() -> None:
    rows = [
        ("createPsk", "POST", "/orgs/{org_id}/psks", "createOrgPsk"),
        ("createToken", "POST", "/orgs/{org_id}/apitokens", "createOrgApiToken"),
        ("optimizeRrm", "POST", "/sites/{site_id}/rrm/optimize", "optimizeSiteRrm"),
        ("getRrm", "GET", "/sites/{site_id}/rrm/current", "getSiteCurrentRrm"),
        ("listSecPolicies", "GET", "/orgs/{org_id}/secpolicies", "listSecPolicies"),
        ("listPorts", "GET", "/sites/{site_id}/stats/ports", "listSitePorts"),
    ]
    index = _segmented(rows)
    assert top(index, "make a pre-shared key for contractor Bob, good for 30 days") == ["createPsk"]
    assert top(index, "re-run radio resource management at the Miami site") == ["optimizeRrm"]
    # Not the words of a value: "switch ex-closet-3" is no "sec".
    request = read("what's plugged into switch ex-closet-3?", index.words, frozenset())
    assert "sec" not in request.own_terms


def test_past_things_are_a_history() -> None:
    rows = [
        ("runJob", "POST", "/sites/{name}/webjobs/{job}/run", "Run a triggered web job"),
        ("jobHistory", "GET", "/sites/{name}/webjobs/{job}/history", "Gets a job's history"),
        ("getJob", "GET", "/sites/{name}/webjobs/{job}", "Gets a web job"),
    ]
    index = build(rows)
    assert "histori" in read("show me its past runs", index.words, frozenset()).near
    assert "histori" not in read("show me its runs", index.words, frozenset()).near


def test_words_of_networks_and_devices_have_near_synonyms() -> None:
    rows = [
        ("createWlan", "POST", "/orgs/{org_id}/wlans", "createOrgWlan"),
        ("ackAll", "POST", "/sites/{site_id}/alarms/ack_all", "ackSiteAllAlarms"),
        ("upgrade", "POST", "/sites/{site_id}/devices/upgrade", "upgradeSiteDevices"),
        ("register", "POST", "/register", "register"),
    ]
    index = build(rows)
    for query, near in (
        ("add a new SSID called Corp-Guest", "wlan"),
        ("a guest wifi for the cafe", "wlan"),
        ("mark the open alarms as acknowledged", "ack"),
        ("push firmware 0.14.29313 to all the APs", "upgrad"),
    ):
        assert near in read(query, index.words, frozenset()).near, query
    assert top(index, "add a new SSID called Corp-Guest for the whole org") == ["createWlan"]


def test_signed_up_for_a_programme_is_opted_in() -> None:
    rows = [
        ("getPrograms", "GET", "/program/get_opted_in_programs", "Get opted-in programs"),
        ("optIn", "POST", "/program/opt_in", "Opt in to program"),
        ("optOut", "POST", "/program/opt_out", "Opt out of program"),
        ("createPolicy", "POST", "/custom_policy/", "Create custom policy"),
    ]
    index = build(rows)
    assert top(index, "sign us up for out-of-stock control") == ["optIn"]


def test_shipping_is_fulfillment() -> None:
    rows = [
        ("listReturn", "GET", "/return_policy", "Get return policies"),
        ("listCustom", "GET", "/custom_policy/", "Get custom policies"),
        ("listRates", "GET", "/rate_table", "Get rate tables"),
        ("listFulfillment", "GET", "/fulfillment_policy", "Get fulfillment policies"),
    ]
    index = build(rows)
    assert top(index, "show me all the shipping policies we have on EBAY_US") == ["listFulfillment"]
    assert top(index, "which shipping profiles are configured?") == ["listFulfillment"]


def test_turning_a_feature_on_or_off_is_also_a_change_of_settings() -> None:
    # With no operation that enables the thing, "turn on X for Y" changes Y's settings:
    # not whatever starts ("Start recording").
    rows = [
        ("updateGlobalSettings", "POST", "/__admin/settings", "Update global settings"),
        ("stopRecording", "POST", "/__admin/recordings/stop", "Stop recording"),
        ("startRecording", "POST", "/__admin/recordings/start", "Start recording"),
        ("resetAll", "POST", "/__admin/reset", "Reset mappings and request journal"),
        ("getAllStubMappings", "GET", "/__admin/mappings", "Get all stub mappings"),
        ("updateBucket", "PATCH", "/b/{bucket}", "Updates a bucket's metadata"),
        ("getBucket", "GET", "/b/{bucket}", "Returns metadata for the specified bucket"),
        ("insertObject", "POST", "/b/{bucket}/o", "Stores a new object and metadata"),
    ]
    index = build(rows)
    assert top(index, "turn on object versioning for the acme-logs bucket") == ["updateBucket"]
    assert "updateGlobalSettings" in top(index, "turn off the server-wide delay we set up", 3)


def test_schools_words_have_near_synonyms() -> None:
    rows = [
        ("getTeacher", "GET", "/teachers/{id}", "Returns a specific teacher"),
        (
            "getSectionsForTeacher",
            "GET",
            "/teachers/{id}/sections",
            "Returns the sections for a teacher",
        ),
        ("getSchoolForTeacher", "GET", "/teachers/{id}/school", "Returns the school for a teacher"),
        (
            "getSectionsForStudent",
            "GET",
            "/students/{id}/sections",
            "Returns the sections for a student",
        ),
        ("getSchoolForStudent", "GET", "/students/{id}/school", "Returns the school for a student"),
        (
            "getContactsForStudent",
            "GET",
            "/students/{id}/contacts",
            "Returns the contacts for a student",
        ),
        ("getStudent", "GET", "/students/{id}", "Returns a specific student"),
    ]
    index = build(rows)
    assert top(index, "list the classes teacher 5a1b2c3d teaches") == ["getSectionsForTeacher"]
    assert top(index, "what classes is this student taking?") == ["getSectionsForStudent"]
    assert top(index, "who are the guardians on file for student 530e5950?") == [
        "getContactsForStudent"
    ]


def test_a_certificates_formats_name_certificates() -> None:
    rows = [
        ("updateCertificate", "PATCH", "/certificates/{name}", "Update a certificate"),
        ("listCertificates", "GET", "/certificates", "List certificates"),
        ("updateSite", "PATCH", "/sites/{name}", "Update a site"),
        ("listSites", "GET", "/sites", "List sites"),
    ]
    index = build(rows)
    for query in ("upload our new wildcard pfx", "swap the PEM on the site", "list the SSL ones"):
        assert "certif" in read(query, index.words, frozenset()).near, query
    assert top(index, "list the SSL ones we have") == ["listCertificates"]


def test_sharing_is_an_access_control_list() -> None:
    rows = [
        ("listAcl", "GET", "/calendars/{calendarId}/acl", "Returns the rules in the access control list"),
        ("deleteAcl", "DELETE", "/calendars/{calendarId}/acl/{ruleId}", "Deletes an access control rule"),
        ("listEvents", "GET", "/calendars/{calendarId}/events", "Returns events on the calendar"),
        ("stopChannel", "POST", "/channels/stop", "Stop watching resources through this channel"),
    ]  # fmt: skip
    index = build(rows)
    for query in ("who is my work calendar shared with?", "stop sharing my calendar with bob"):
        assert "acl" in read(query, index.words, frozenset()).near, query


def test_words_of_mail_and_posts_have_near_synonyms() -> None:
    rows = [
        ("createTweet", "POST", "/2/tweets", "Creation of a Post"),
        ("addBookmark", "POST", "/2/users/{id}/bookmarks", "Add Post to Bookmarks"),
        ("mentions", "GET", "/2/users/{id}/mentions", "User mention timeline by User ID"),
        ("tweetLabels", "GET", "/2/tweets/label/stream", "Posts Label stream"),
    ]
    index = build(rows)
    saved = read("save this tweet so I can read it later", index.words, frozenset())
    assert "bookmark" in saved.near
    # Being tagged in others' posts is being mentioned: their mentions are what is asked.
    tagged = read("who's been tagging me in tweets this week?", index.words, frozenset())
    assert "mention" in tagged.own_terms
    assert top(index, "who's been tagging me in tweets this week?") == ["mentions"]
    # To wipe is also to clear; a logo is a watermark.
    assert "clear" in read("wipe every event off my calendar", index.words, frozenset()).near
    assert "watermark" in read("stick my logo on every video", index.words, frozenset()).near
    # Who is available asks for free and busy times; a rule may be a filter.
    assert "busi" in read("is Anna available on Tuesday?", index.words, frozenset()).near
    assert "filter" in read("delete that rule about LinkedIn", index.words, frozenset()).near
    # A conversation is a thread.
    assert "thread" in read("the whole conversation 17f0a2", index.words, frozenset()).near
    # An auto-reply is a vacation responder; an unsent email a draft.
    for query, near in (
        ("set an auto-reply until the 14th", "vacat"),
        ("the unsent email", "draft"),
    ):
        assert near in read(query, index.words, frozenset()).near, query


def test_to_stop_following_or_sharing_undoes_it() -> None:
    rows = [
        ("follow", "POST", "/2/users/{id}/following", "Follow User"),
        ("unfollow", "DELETE", "/2/users/{id}/following/{target}", "Unfollow User"),
        ("listFollowing", "GET", "/2/users/{id}/following", "Following by User ID"),
    ]
    index = build(rows)
    for query in ("I'm cleaning up my feed, stop following @spammy_deals", "stop sharing it"):
        assert read(query, index.words, frozenset()).wanted == "delete", query
    assert top(index, "I'm cleaning up my feed, stop following @spammy_deals") == ["unfollow"]
    # Following alone is no undoing.
    assert read("list the users I follow", index.words, frozenset()).wanted == "list"


def test_a_question_how_many_looks_for_a_count() -> None:
    rows = [
        ("listUsers", "GET", "/{realm}/users", "Get users"),
        ("countUsers", "GET", "/{realm}/users/count", "Returns the number of users"),
        ("getUser", "GET", "/{realm}/users/{id}", "Get representation of the user"),
    ]
    index = build(rows)
    for query in ("how many people have accounts in the shop realm?", "the number of users"):
        assert "count" in read(query, index.words, frozenset()).own_terms, query
    assert "count" not in read("list the users of the shop realm", index.words, frozenset()).near


def test_what_a_new_thing_can_do_is_not_the_thing() -> None:
    rows = [
        ("createRole", "POST", "/namespaces/{ns}/roles", "create a Role"),
        ("createPod", "POST", "/namespaces/{ns}/pods", "create a Pod"),
        ("readPod", "GET", "/namespaces/{ns}/pods/{name}", "read the specified Pod"),
        ("bindPod", "POST", "/namespaces/{ns}/pods/{name}/binding", "create binding of a Pod"),
    ]
    index = build(rows)
    request = "create a role that can only read pods in the dev namespace"
    assert top(index, request) == ["createRole"]
    assert {"read", "pod"} <= set(read(request, index.words, frozenset()).near)


def test_a_question_who_asks_for_a_list_of_people() -> None:
    rows = [
        ("getReport", "GET", "/reports/{campaign}/abuse-reports/{report}", "Get an abuse report"),
        ("listReports", "GET", "/reports/{campaign}/abuse-reports", "List abuse reports"),
        ("getMember", "GET", "/boards/{board}/members/{member}", "Get a board member"),
        ("listMembers", "GET", "/boards/{board}/members", "List board members"),
    ]
    index = build(rows)
    for request in ("Who reported campaign 42f1c9 as abuse?", "who's on the Marketing board?"):
        asked = read(request, index.words, frozenset())
        assert (asked.wanted, asked.plural) == ("list", True), request
        # People: users and members, whatever the request calls them.
        assert {"user", "peopl"} <= set(asked.near), request
    assert top(index, "Who reported campaign 42f1c9 as abuse?") == ["listReports"]
    assert "peopl" not in read("what is on the Marketing board?", index.words, frozenset()).near


def test_a_new_thing_wanted_is_made() -> None:
    rows = [
        ("listTokens", "GET", "/user/tokens", "List auth tokens"),
        ("createToken", "POST", "/user/tokens", "Create an auth token"),
        ("getToken", "GET", "/user/tokens/{id}", "Get an auth token"),
    ]
    index = build(rows)
    for request in (
        "I need an API token for our CI pipeline that expires in 90 days",
        "we'd like 3 new tokens for the build machines",
        "request a new token for the build machines",
    ):
        assert read(request, index.words, frozenset()).wanted == "create", request
        assert top(index, request) == ["createToken"], request
    assert read("I need the tokens of my account", index.words, frozenset()).wanted != "create"


def test_a_verb_that_undoes_another() -> None:
    from mcpgen.runtime.asking import intent

    nouns = frozenset({"pin", "schedul"})
    assert intent(words("unschedule it so it doesn't go out"), nouns) == "delete"
    assert intent(words("unpin that message"), nouns) == "delete"
    assert intent(words("unarchive the old repo"), nouns) == "update"
    assert intent(words("undelete the file"), nouns) == "update"
    assert intent(words("unknown callers"), nouns) is None
    assert intent(words("unsubscribe me"), nouns) == "delete"  # named as it is
    # A participle says what a thing is.
    assert intent(words("unpinned messages in the channel"), nouns) is None


def test_yank_deletes_and_a_text_is_a_message() -> None:
    rows = [
        ("getVersion", "GET", "/packages/{name}/versions/{id}", "Get a package version"),
        ("deleteVersion", "DELETE", "/packages/{name}/versions/{id}", "Delete a package version"),
        ("createMessage", "POST", "/messages", "Create a message"),
        ("createCall", "POST", "/calls", "Create a call"),
    ]
    index = build(rows)
    assert top(index, "yank version 1.0.3 of the my-lib package") == ["deleteVersion"]
    assert top(index, "text +15551234567 that the order shipped") == ["createMessage"]


def test_quoted_text_is_a_value() -> None:
    rows = [
        ("createIssue", "POST", "/issues", "Create an issue"),
        ("createLoginButton", "POST", "/login-buttons", "Create a login button"),
        ("listButtons", "GET", "/buttons", "List buttons"),
    ]
    index = build(rows)
    # The title's words ("login", "button") say nothing of what is asked; an apostrophe
    # inside a word quotes nothing.
    assert top(index, "open an issue: 'Login button broken'") == ["createIssue"]
    assert top(index, 'open an issue titled "Login button broken"') == ["createIssue"]
    assert top(index, "open an issue titled “Login button broken”") == ["createIssue"]
    assert top(index, "open a login button for the issue's page") == ["createLoginButton"]


def test_a_statement_of_sql_is_a_value_that_asks_to_run_sql_or_change_a_schema() -> None:
    rows = [
        ("executeSql", "POST", "/v1/{session}:executeSql", "Executes an SQL statement"),
        ("getDdl", "GET", "/v1/{database}/ddl", "Returns the schema (DDL) of a database"),
        ("updateDdl", "PATCH", "/v1/{database}/ddl", "Updates the schema (DDL) of a database"),
        ("updateDatabase", "PATCH", "/v1/{database}", "Updates a database"),
        ("listOrders", "GET", "/v1/orders", "Lists orders"),
    ]
    index = build(rows)
    # The statement's words are none of the request's (not an update, not orders).
    query = "execute this update: UPDATE Accounts SET Status='closed' WHERE AccountId=88231"
    assert top(index, query) == ["executeSql"]
    assert top(index, "run SELECT * FROM Orders WHERE CustomerId = 'c-1' on db-2") == ["executeSql"]
    assert top(index, "dump the CREATE TABLE statements for everything in analytics-db") == [
        "getDdl"
    ]
    assert top(index, "apply our migration: ALTER TABLE Customers ADD COLUMN Tier INT64") == [
        "updateDdl"
    ]
    # Written in lower case, the same words are the request's.
    assert top(index, "update the database db-2") == ["updateDatabase"]
    assert top(index, "select the orders from last week") == ["listOrders"]


def test_one_thing_named_by_its_value_is_an_item_not_its_collection() -> None:
    """ "registrant 7788990011": one registrant, whose own operation comes before the one
    that lists them all, though that one says the request's other words too."""
    rows = [
        (
            "listRegistrants",
            "GET",
            "/webinars/{webinarKey}/registrants",
            "Look up registrants",
            "Retrieve registration details for all registrants of a specific webinar",
        ),
        (
            "getRegistrant",
            "GET",
            "/webinars/{webinarKey}/registrants/{registrantKey}",
            "Get registrant",
            "Retrieve registration details for a specific registrant",
        ),
        ("getWebinar", "GET", "/webinars/{webinarKey}", "Get webinar", "A webinar"),
    ]
    index = build(rows)
    query = "look up registrant 7788990011 on webinar 4433221100"
    assert read(query, index.words, frozenset()).named_one == {"registr"}  # not the webinar
    assert top(index, query) == ["getRegistrant"]
    assert top(index, "look up the registrants of webinar 4433221100") == ["listRegistrants"]
    # Only the object of a verb that opens the request: not a question about one, nor the
    # one whose things are asked for.
    for other in ("is registrant 77 approved?", "captions of video 12", "look up video 12"):
        assert not read(other, index.words, frozenset()).named_one, other


def test_a_thing_is_named_by_its_value_after_a_label_too() -> None:
    from mcpgen.runtime.objects import named_by_value, object_named

    nouns = frozenset({"file", "pipelin", "compani"})
    assert named_by_value(["delete", "file", "id", "7733"], nouns) == ["file"]
    assert named_by_value(["callbacks", "for", "company", "id", "77310?"], nouns) == ["company"]
    assert named_by_value(["company", "ideas", "77310"], nouns) == []
    assert object_named(["trash", "file", "no.", "7733"], nouns) == "file"
    assert object_named(["trash", "file", "7733"], nouns) == "file"


def test_a_format_suffix_keeps_an_item_an_item() -> None:
    rows = [
        ("listCalls", "GET", "/Accounts/{AccountSid}/Calls.json", "Fetch calls"),
        ("getCall", "GET", "/Accounts/{AccountSid}/Calls/{Sid}.json", "Fetch a call"),
        ("deleteCall", "DELETE", "/Accounts/{AccountSid}/Calls/{Sid}.json", "Delete a call"),
    ]
    index = build(rows)
    assert top(index, "fetch the call") == ["getCall"]
    assert top(index, "list calls") == ["listCalls"]


def test_a_request_may_open_with_a_verb_as_summaries_do() -> None:
    rows = [
        ("getTab", "GET", "/tabs/{tab}", "Gets custom tab information"),
        ("putTab", "PUT", "/tabs/{tab}", "Updates custom tab information"),
        ("deleteTab", "DELETE", "/tabs/{tab}", "Deletes custom tab information"),
        ("listRuns", "GET", "/workflows/{id}/runs", "List workflow runs"),
        ("createRun", "POST", "/workflows/{id}/runs", "Create a workflow run"),
    ]
    index = build(rows)
    assert top(index, "Updates custom tab information.") == ["putTab"]
    assert top(index, "deletes the custom tab") == ["deleteTab"]
    # A word the API uses as a noun opens a request about those things.
    assert top(index, "runs of the nightly workflow") == ["listRuns"]


def test_records_are_items() -> None:
    rows = [
        ("listCollections", "GET", "/collections", "List collections"),
        ("listItems", "GET", "/items/{collection}", "List items"),
        ("getUser", "GET", "/users/{user}", "Get a user"),
        ("listGists", "GET", "/gists", "List gists"),
    ]
    assert top(build(rows), "show me the latest entries of articles") == ["listItems"]


def test_a_verb_before_things_acts_and_a_kind_of_them_lists() -> None:
    """ "Mute notifications for the next hour": a verb no intent names, then things; "unpaid
    invoices from last month": a kind of them."""
    from mcpgen.runtime.asking import asked_for

    nouns = frozenset({"notif", "invoic", "task", "queue", "rule"})
    own = ["notifications", "hour"]
    assert asked_for("mute notifications for the next hour", own, nouns) == "act"
    own = ["sqs", "queue", "rule"]
    assert asked_for("hook up SQS queue q1 to the payment rule", own, nouns) == "act"
    for query in ("unpaid invoices from last month", "overdue tasks", "recent invoices"):
        assert asked_for(query, query.split()[:2], nouns) == "list", query
    assert asked_for("more invoices like this one", ["invoices"], nouns) == "list"
    assert asked_for("mute notifications?", ["notifications"], nouns) == "list"


def test_a_question_asks_for_what_is() -> None:
    from mcpgen.runtime.asking import asked_for

    assert asked_for("did the migration job finish?", ["migration", "job", "finish"]) == "read"
    assert asked_for("is the api healthy", ["api", "healthy"]) == "read"
    assert asked_for("are there failed jobs?", ["failed", "jobs"]) == "list"
    assert asked_for("can you delete the job?", ["job"]) == "delete"  # the verb says
    # "do a ..." commands ("do a dry run of ..."); "do the pods ...?" asks.
    assert asked_for("do a scale of deployment web to 5", ["deployment"]) == "update"
    assert asked_for("do the pods restart often?", ["pods"]) == "list"
    # A verb in a question about what is or was says what is asked about.
    assert asked_for("what files have people uploaded to task 4411?", ["files"]) == "list"
    assert asked_for("who created this invoice?", ["invoice"]) == "read"
    assert asked_for("did text SM5a3c7d get delivered?", ["text"]) == "read"
    assert asked_for("why does it keep failing to create VMs", ["failing"]) == "read"
    # Unless a modal comes soon: then the verb says what to do.
    assert asked_for("what can I delete here?", []) == "delete"
    assert asked_for("who should I invite to the team?", ["team"]) == "create"
    # Asked to be given a new thing, not one that is.
    assert asked_for("get me a temporary download link", ["link"]) == "create"
    assert asked_for("give me a hosted checkout page", ["page"]) == "create"
    assert asked_for("get an API key", ["api", "key"]) == "create"
    assert asked_for("get me a list of open pull requests", ["pull", "requests"]) == "read"
    assert asked_for("get the invoice", ["invoice"]) == "read"
    assert asked_for("get me a copy of the invoice", ["copy", "invoice"]) == "read"
    # What is found on the way to a change is not what is asked.
    assert asked_for("find the stale branch and delete it", ["branch"]) == "delete"
    assert asked_for("list the pods, then remove the failed ones", ["pods"]) == "delete"
    assert asked_for("show my balance and tell me the fees", ["balance"]) == "read"
    assert asked_for("find the stale branch and delete", ["branch"]) == "delete"
    # A noun after "and" is no verb: "change history" is what is shown.
    assert asked_for("show the comments and change history on task 5", ["comments"]) == "read"
    assert asked_for("the migration job", ["migration", "job"]) is None
    # A verb in -s is no plural: nothing says to list (what it asks to do comes after).
    assert asked_for("PR 12 looks good, sign it off", ["pr", "looks", "good", "sign"]) == "act"
    assert asked_for("") is None


def test_a_request_that_opens_with_a_verb_no_intent_names_asks_to_act() -> None:
    """ "store", "expose", "label" name no intent, but a request that opens with them asks
    for something to be done: a write, not a read. A noun the API has, a number or an
    abbreviated noun opens a request about things; a word of the API's names does unless
    a determiner or a value follows it ("watch this repo", "version history for ...")."""
    from mcpgen.runtime.asking import asked_for
    from mcpgen.runtime.terms import stem

    nouns = frozenset(stem(w) for w in ("secrets", "services", "instances", "stocks"))
    named = nouns | {stem(w) for w in ("watch", "version", "history", "level", "text")}
    for query in (
        "store the database password as a secret",
        "expose the app with a service on port 80",
        "label instance api-3 with env=prod",
        "watch this repo",
        "text +15551234567 that the order shipped",
    ):
        assert asked_for(query, [], nouns, named) == "act", query
    for query in (
        "secret for the database",  # a noun of the API's paths
        "stock level of variation VAR_bgl",
        "version history for logo.png",
        "one worker in pool frontend is acting up",
        "3 more replicas please",
        "the migration job",
        "always the same secret",  # no verb
        "jenkins here: that secret",  # a name, then what it says
    ):
        assert asked_for(query, [], nouns, named) is None, query
    # Words that lead up to the verb ("please", "can you", "I need to") are not it.
    for query in (
        "can you store the database password as a secret?",
        "please expose the app with a service",
        "I need to label instance api-3 with env=prod",
        "could you please quarantine all the droplets",
    ):
        assert asked_for(query, [], nouns, named) == "act", query
    assert asked_for("can you delete the secret?", [], nouns, named) == "delete"
    # The verb that opens the request says, not a word after it that names an intent.
    assert asked_for("quarantine all the droplets", [], nouns, named) == "act"  # not "list"
    assert asked_for("nuke all the droplets", [], nouns, named) == "delete"
    assert asked_for("quarantine every incoming request", [], nouns, named) == "act"
    # Unless the first word is a name, or a verb read with a particle.
    assert asked_for("dave left the company, take him out", [], nouns, named) == "delete"
    assert asked_for("kick jane out of the org", [], nouns, named) == "delete"
    # A program's name before its command ("kubectl get pods"), or a manner ("bulk
    # delete"), is no verb; things that do something themselves are no program.
    assert asked_for("kubectl get secrets -n prod", ["secrets"], nouns, named) == "read"
    assert asked_for("kubectl describe secret db-pass", [], nouns, named) == "read"
    assert asked_for("kubectl delete secret db-pass", [], nouns, named) == "delete"
    # A program people name is none, whatever command comes next.
    assert asked_for("kubectl scale deployment web --replicas=5", [], nouns, named) == "update"
    assert asked_for("bulk delete the old secrets", [], nouns, named) == "delete"
    assert asked_for("sessions delete themselves at expiry", [], nouns, named) == "act"
    rows = [
        ("getSecret", "GET", "/namespaces/{namespace}/secrets/{name}", "Read a secret"),
        ("createSecret", "POST", "/namespaces/{namespace}/secrets", "Create a secret"),
    ]
    assert top(build(rows), "store the database password as a secret") == ["createSecret"]
    assert top(build(rows), "the database password secret") == ["getSecret"]


def test_adding_what_the_api_has_no_resource_of_to_a_thing_changes_the_thing() -> None:
    from mcpgen.runtime.asking import asked_for
    from mcpgen.runtime.terms import stem

    nouns = frozenset(stem(w) for w in ("namespaces", "pods", "labels", "teams", "instances"))
    # No path of labels: the pod changes.
    no_labels = nouns - {stem("labels")}
    assert asked_for("add the label tier=backend to the payments pod", [], no_labels) == "update"
    assert asked_for("add 2 GB of memory to the instance", [], nouns) == "update"
    # Labels are a resource of their own, or a pod is what is added: they are created.
    assert asked_for("add the label tier=backend to the payments pod", [], nouns) == "create"
    assert asked_for("add a pod to the dev namespace", [], nouns) == "create"
    assert asked_for("add a pod", [], nouns) == "create"
    # Added to nothing the API has: nothing says it changes a thing.
    assert asked_for("add a note to the invoice", [], nouns) == "create"
    rows = [
        ("createPod", "POST", "/namespaces/{namespace}/pods", "Create a pod"),
        ("patchPod", "PATCH", "/namespaces/{namespace}/pods/{name}", "Update a pod"),
        ("createBinding", "POST", "/namespaces/{namespace}/pods/{name}/binding", "Bind a pod"),
    ]
    found = top(build(rows), "add the label tier=backend to the payments pod", 2)
    assert "patchPod" in found


def test_whether_something_is_over_yet_is_its_status() -> None:
    rows = [
        ("patchJob", "PATCH", "/jobs/{name}", "Partially update a job"),
        ("replaceJob", "PUT", "/jobs/{name}", "Replace a job"),
        ("deleteJob", "DELETE", "/jobs/{name}", "Delete a job"),
        ("readJobStatus", "GET", "/jobs/{name}/status", "Read status of a job"),
        ("listJobs", "GET", "/jobs", "List jobs"),
    ]
    index = build(rows)
    for request in ("did the migrate job finish?", "has the backup job succeeded yet?"):
        assert top(index, request) == ["readJobStatus"], request


def test_a_calendar_holds_events_and_put_or_save_creates() -> None:
    rows = [
        ("listCalendars", "GET", "/me/calendars", "List calendars"),
        ("getCalendar", "GET", "/me/calendar", "Get calendar"),
        ("updateCalendar", "PATCH", "/me/calendar", "Update calendar"),
        ("createEvent", "POST", "/me/events", "Create event"),
        ("listEvents", "GET", "/me/events", "List events"),
        ("createContact", "POST", "/me/contacts", "Create contact"),
        ("listContacts", "GET", "/me/contacts", "List contacts"),
        ("createBook", "POST", "/books", "Create a book"),
    ]
    index = build(rows)
    # Below what the calendar word finds, but found at all: nothing else names events.
    assert "createEvent" in top(index, "put a 30-minute sync with alex on my calendar", 4)
    assert top(index, "save Priya, priya@fabrikam.com, to my address book") == ["createContact"]


def test_leaving_a_note_creates_a_comment() -> None:
    """ "Leave" alone is to go ("dave left the org": remove him); "leave a note" and "drop a
    comment" create one, and their verb's own near-synonyms are not searched."""
    rows = [
        ("deleteComment", "DELETE", "/issues/{number}/comments/{id}", "Delete a comment"),
        ("createComment", "POST", "/issues/{number}/comments", "Create a comment"),
        ("getIssue", "GET", "/issues/{number}", "Get an issue"),
        ("removeMember", "DELETE", "/orgs/{org}/members/{user}", "Remove a member"),
    ]
    index = build(rows)
    for request in ("leave a note on issue 88 saying I'm on it", "drop a comment on issue 4"):
        assert top(index, request) == ["createComment"], request
    assert top(index, "dave left, remove him from the org") == ["removeMember"]
    # Quoted text left somewhere is a note.
    assert top(index, "leave 'LGTM, ship it' on issue 12") == ["createComment"]


def test_an_operation_on_many_at_once_comes_after_the_one_for_one_thing() -> None:
    rows = [
        ("devices_bulk_partial_update", "PATCH", "/dcim/devices/", "Bulk partial update"),
        ("devices_partial_update", "PATCH", "/dcim/devices/{id}/", "Partial update"),
        ("devices_list", "GET", "/dcim/devices/", "List"),
    ]
    index = build(rows)
    assert top(index, "rename device 301 to web-07") == ["devices_partial_update"]
    assert top(index, "rename all of these devices in one go") == ["devices_bulk_partial_update"]
    # A change named for all of something acts on many ("moveAllCards"); a read named so
    # lists all of them ("listPodForAllNamespaces").
    rows = [
        ("moveAllCards", "POST", "/lists/{idList}/moveAllCards", "Move all cards in a list"),
        ("updateCard", "PUT", "/cards/{idCard}", "Update a card"),
        ("listCards", "GET", "/lists/{idList}/cards", "Get cards in a list"),
    ]
    index = build(rows)
    assert top(index, "move the login bug card to Done") == ["updateCard"]
    assert top(index, "move all the cards of list 5 to Done") == ["moveAllCards"]
    assert not build([("listPodForAllNamespaces", "GET", "/pods", "List")]).traits.bulk[0]


def test_verbs_with_a_particle() -> None:
    from mcpgen.runtime.asking import intent

    assert intent(words("set up a webhook for pushes")) == "create"
    assert intent(words("set the title")) == "update"
    assert intent(words("kick jane out of the org")) == "delete"
    assert intent(words("take him out")) == "delete"
    assert intent(words("get them all onto the list in one request")) == "create"
    # Shut down, a machine is stopped, not deleted.
    assert intent(words("shut down every droplet tagged staging")) == "act"
    # An eye kept on a thing reads it, whatever verb names the thing ("deploy web").
    assert intent(words("keep an eye on deploy web and tell me when it changes")) == "read"
    # Too far from its verb, a particle is another word's.
    assert intent(words("set the limit for every team up north")) == "update"
    # ... unless it ends the request: the particle of the verb that opens it.
    assert intent(words("switch the rule daily-snapshot back on")) == "enable"
    assert intent(words("turn every alert for the staging cluster off")) == "disable"
    assert intent(words("switch the nightly export rule to daily")) == "update"


def test_everyday_words_for_states_and_events() -> None:
    rows = [
        ("createHook", "POST", "/repos/{repo}/hooks", "Create a repository webhook"),
        ("lockDeploy", "POST", "/deploys/{id}/lock", "Lock a deploy"),
        ("getDeploy", "GET", "/deploys/{id}", "Get a deploy"),
        ("listRepos", "GET", "/repos", "List repositories"),
    ]
    index = build(rows)
    assert top(index, "notify my server when someone pushes") == ["createHook"]
    assert top(index, "freeze the current deploy") == ["lockDeploy"]


def test_the_main_clause_says_what_to_do() -> None:
    """What follows "so", "before", "because"... says why or when: the words before it
    count most, and quoted text is no clause."""
    rows = [
        ("setTags", "POST", "/instances/{instance}/setTags", "Sets network tags for an instance"),
        ("insertFirewall", "POST", "/firewalls", "Creates a firewall rule"),
        ("patchFirewall", "PATCH", "/firewalls/{firewall}", "Updates a firewall rule"),
        ("createMessage", "POST", "/messages", "Sends a message"),
        ("listTags", "GET", "/tags", "Lists tags"),
    ]
    index = build(rows)
    request = "add the network tag web to nginx-1 so the firewall rule picks it up"
    assert top(index, request) == ["setTags"]
    # Without the clause's words, the same.
    assert top(index, "add the network tag web to nginx-1") == ["setTags"]
    assert top(index, "send 'update the firewall rule so it works' as a message") == [
        "createMessage"
    ]


def test_what_a_request_says_not_to_do_is_not_searched() -> None:
    rows = [
        ("blockUser", "POST", "/users/{id}/block", "Block a user"),
        ("deleteUser", "DELETE", "/users/{id}", "Delete a user"),
        ("hideDrive", "POST", "/drives/{id}/hide", "Hide a shared drive"),
        ("deleteDrive", "DELETE", "/drives/{id}", "Delete a shared drive"),
    ]
    index = build(rows)
    assert top(index, "block user 1234 without deleting it") == ["blockUser"]
    assert top(index, "hide the shared drive, I don't want to delete it") == ["hideDrive"]
    assert top(index, "delete the shared drive") == ["deleteDrive"]


def test_what_cannot_be_done_tells_of_a_problem() -> None:
    from mcpgen.runtime.clauses import unsaid

    quotas = "/namespaces/{namespace}/resourcequotas"
    rows = [
        ("createPod", "POST", "/namespaces/{namespace}/pods", "create a Pod"),
        ("createQuota", "POST", quotas, "create a ResourceQuota"),
        ("readQuota", "GET", quotas + "/{name}", "read the specified ResourceQuota"),
        ("replaceQuota", "PUT", quotas + "/{name}", "replace the specified ResourceQuota"),
    ]
    query = "team-a says they can't create more pods - how much of their namespace quota is used?"
    found = [name for name in top(build(rows), query, 4) if "Quota" in name]
    assert found[0] == "readQuota"  # not a create: none is asked for
    assert "create" not in unsaid("the job keeps failing to create VMs, show me the errors")
    # A verb no intent names says what the problem is; after "make sure", it is forbidden.
    assert "boot" in unsaid("my linode won't boot after a kernel update")
    assert "sign" in unsaid("make sure they can't sign in anymore")
    assert "delete" in unsaid("make sure the interns can't delete anything")


def test_a_request_that_opens_with_what_not_to_do_calls_it_off() -> None:
    """ "Never mind, don't auto-merge PR 77": nothing else is asked; the word says what to
    call off. Said after what is asked, or after other words, it is still not searched."""
    rows = [
        ("enableAutoMerge", "PUT", "/pulls/{number}/merge", "Enable auto-merge"),
        ("disableAutoMerge", "DELETE", "/pulls/{number}/merge", "Disable auto-merge"),
        ("getPull", "GET", "/pulls/{number}", "Get a pull request"),
        ("closePull", "PATCH", "/pulls/{number}", "Update a pull request"),
        ("hideDrive", "POST", "/drives/{id}/hide", "Hide a shared drive"),
        ("deleteDrive", "DELETE", "/drives/{id}", "Delete a shared drive"),
    ]
    index = build(rows)
    for request in (
        "never mind, don't auto-merge PR 77",
        "actually do not auto-merge pull request 5",
    ):
        assert set(top(index, request, 2)) == {"enableAutoMerge", "disableAutoMerge"}, request
    from mcpgen.runtime.clauses import unsaid

    request = "the shared drive clutters my sidebar but I don't want to delete it"
    assert "delete" not in unsaid(request)
    assert "auto-merge" in unsaid("Never mind: don't auto-merge it")
    assert "delete" in unsaid("oops, don't delete that key after all")


def test_what_to_do_instead_of_what_a_request_opens_against_is_asked() -> None:
    """ "Don't refund it - just release the hold": a request that says what to do in
    place of what it opens against asks that, and the verb it opens against is not
    searched; nor one after an adverb ("don't fully accept it")."""
    from mcpgen.runtime.clauses import unsaid

    rows = [
        ("createRefund", "POST", "/refunds", "Create a refund"),
        ("listRefunds", "GET", "/refunds", "List all refunds"),
        ("cancelIntent", "POST", "/payment_intents/{intent}/cancel", "Cancel a PaymentIntent"),
        ("captureIntent", "POST", "/payment_intents/{intent}/capture", "Capture a payment"),
    ]
    request = "don't refund it, it was never captured - just cancel the payment intent pi_3Ab"
    assert "refund" not in unsaid(request)
    assert top(build(rows), request, 1) == ["cancelIntent"]
    assert "refund" not in unsaid("do not refund it; instead cancel the payment")
    assert "delete" not in unsaid("don't delete the user, only block their sign-in")
    assert "decline" not in unsaid("mark it tentative, don't fully decline it")
    # Nothing in its place: the request calls off what it names.
    assert "refund" in unsaid("never mind, don't refund charge 9")


@pytest.mark.parametrize(
    ("request_text", "kind", "verbs"),
    [
        ("make sure nobody can push straight to main", "prohibited", ("push",)),
        ("no one should be able to merge into release", "prohibited", ("merge",)),
        ("He shouldn't be able to open the folder anymore", "prohibited", ("open",)),
        ("nobody can accidentally delete prod-db-1", "prohibited", ("delete",)),
        ("stop him from being able to log in", "prohibited", ("log",)),
        ("prevent anyone from deleting the bucket", "prohibited", ("deleting",)),
        ("am I allowed to delete pods in this namespace?", "permission", ("delete",)),
        ("check whether the builder service account can create pods", "permission", ("create",)),
        ("who can see the planning doc", "permission", ("see",)),
        ("does bob have permission to push here", "permission", ("push",)),
        ("does alice have admin rights on acme/app?", "permission", ()),
        ("let bob push to my repo", "grant", ("push",)),
        ("let the NOC group view and edit devices", "grant", ("view",)),
        ("give carol write access to acme/infra", "grant", ()),
        ("let me see the pictures", None, ()),
        ("give me a tarball of the repo", None, ()),
        (
            "ping our Slack endpoint whenever someone deletes a device",
            "standing",
            ("someone deletes a device",),
        ),
        ("notify my server every time someone pushes, thanks", "standing", ("someone pushes",)),
        ("can you delete the old pods", None, ()),
        ("delete the pod so that nobody can see it", "prohibited", ("see",)),
        ("post 'nobody can merge today' in the channel", None, ()),
    ],
)
def test_verbs_nobody_may_do_or_whose_permission_is_asked_are_found(
    request_text: str, kind: str | None, verbs: tuple[str, ...]
) -> None:
    from mcpgen.runtime.clauses import unquoted

    found = modal(request_text, unquoted(request_text))
    assert (found.kind, found.verbs) == (kind, verbs)
    assert len(found.query) == len(request_text)
    for verb in verbs:
        assert verb not in found.query.split()


def test_what_to_do_each_time_something_happens_is_a_subscription() -> None:
    rows = [
        ("deleteDevice", "DELETE", "/devices/{id}", "Delete a device"),
        ("listDevices", "GET", "/devices", "List devices"),
        ("createWebhook", "POST", "/webhooks", "Create a webhook"),
        ("listNotifications", "GET", "/notifications", "List notifications"),
    ]
    index = build(rows)
    for request in (
        "ping our Slack endpoint whenever someone deletes a device",
        "notify my server every time a device is deleted",
    ):
        assert top(index, request) == ["createWebhook"], request
    # APIs that call a subscription a watch (Google's): "every time" is no word of it.
    rows = [
        ("watchEvents", "POST", "/calendars/{id}/events/watch", "Watch for changes to events"),
        ("insertEvent", "POST", "/calendars/{id}/events", "Creates an event"),
        ("updateEvent", "PUT", "/calendars/{id}/events/{eventId}", "Updates an event"),
        ("timeStats", "GET", "/insights/time-stats", "Get time statistics"),
    ]
    index = build(rows)
    for request in (
        "ping my webhook whenever something on the team calendar gets added or changed",
        "tell my server every time an event changes",
    ):
        assert top(index, request) == ["watchEvents"], request
    # Getting a call each time something happens is a subscription too.
    request = "I want our Slack bot to get an HTTP call every time an event changes"
    assert read(request, index.words, frozenset()).wanted == "create"
    # A time entry is no time something happens.
    assert modal("list every time entry Sam put in").kind is None


def test_turning_a_feature_on_or_off() -> None:
    """A feature the API turns on and off by creating and deleting it (GitHub Pages, branch
    protection): "turn on" prefers PUT/POST, "turn off" DELETE or PATCH, not GET."""
    from mcpgen.runtime.asking import intent

    assert intent(words("turn off branch protection on develop")) == "disable"
    assert intent(words("switch on pages")) == "enable"
    assert intent(words("take the discount off customer 5")) == "delete"
    rows = [
        ("getProtection", "GET", "/branches/{branch}/protection", "Get branch protection"),
        ("setProtection", "PUT", "/branches/{branch}/protection", "Set branch protection"),
        ("deleteProtection", "DELETE", "/branches/{branch}/protection", "Delete branch protection"),
        ("getPages", "GET", "/repos/{repo}/pages", "Get a GitHub Pages site"),
        ("createPages", "POST", "/repos/{repo}/pages", "Create a GitHub Pages site"),
    ]
    index = build(rows)
    assert top(index, "turn off branch protection on develop") == ["deleteProtection"]
    assert top(index, "turn on GitHub Pages for the docs folder") == ["createPages"]


def test_cloud_networks_words() -> None:
    rows = [
        ("insertNetwork", "POST", "/global/networks", "Creates a network"),
        ("insertFirewall", "POST", "/global/firewalls", "Creates a firewall rule"),
        ("getNetwork", "GET", "/global/networks/{network}", "Returns the specified network"),
        ("insertVpnGateway", "POST", "/vpnGateways", "Creates a VPN gateway"),
    ]
    index = build(rows)
    assert top(index, "create a VPC named prod-vpc in custom subnet mode") == ["insertNetwork"]
    # A port is opened by a firewall rule.
    from mcpgen.runtime.synonyms import SYNONYMS
    from mcpgen.runtime.terms import related

    assert stem("firewall") in related(["port"], SYNONYMS)
    assert "insertFirewall" in top(index, "open port 443 to the internet on the default network", 3)


def test_what_is_not_taken_yet_is_available() -> None:
    rows = [
        ("listIps", "GET", "/ipam/ip-addresses/", "List IP addresses"),
        ("nextIp", "POST", "/ipam/prefixes/{id}/available-ips/", "Create available IPs"),
        ("listReservations", "GET", "/dcim/rack-reservations/", "List rack reservations"),
        ("createReservation", "POST", "/dcim/rack-reservations/", "Create a rack reservation"),
        ("getRack", "GET", "/dcim/racks/{id}/", "Get a rack"),
    ]
    index = build(rows)
    assert "nextIp" in top(index, "grab the next free IP out of prefix 48", 2)
    assert top(index, "hold U10-U14 in rack 5 for Acme") == ["createReservation"]


def test_undoing_a_transfer_is_its_reversal_and_telling_sends_a_message() -> None:
    rows = [
        ("getTransfer", "GET", "/v1/transfers/{transfer}", "Retrieve a transfer"),
        ("listTransfers", "GET", "/v1/transfers", "List transfers"),
        ("createReversal", "POST", "/v1/transfers/{id}/reversals", "Create a transfer reversal"),
        ("listMessages", "GET", "/chats/{chat}/messages", "List messages in a chat"),
        ("sendMessage", "POST", "/chats/{chat}/messages", "Send a message in a chat"),
    ]
    index = build(rows)
    assert top(index, "undo that transfer to the seller") == ["createReversal"]
    assert top(index, "tell Omar in our chat 19:abc that I'm late") == ["sendMessage"]


def test_who_is_on_a_team_and_what_changed_between_two_versions() -> None:
    rows = [
        ("getTeam", "GET", "/orgs/{org}/teams/{team}", "Get a team by name"),
        ("listTeamMembers", "GET", "/orgs/{org}/teams/{team}/members", "List team members"),
        ("compareCommits", "GET", "/repos/{repo}/compare/{basehead}", "Compare two commits"),
        ("listChanges", "GET", "/repos/{repo}/changes", "List changes"),
        ("duplicateTask", "POST", "/tasks/{task}/duplicate", "Duplicate a task"),
        ("getTask", "GET", "/tasks/{task}", "Get a task"),
    ]
    index = build(rows)
    assert top(index, "who's on the design team?") == ["listTeamMembers"]
    assert "compareCommits" in top(index, "what changed between v1.0 and v1.1?", 2)
    assert top(index, "clone task 4411 with its subtasks") == ["duplicateTask"]


def test_code_hosting_words() -> None:
    rows = [
        ("getTree", "GET", "/projects/{id}/repository/tree", "Get the repository tree"),
        ("getArchive", "GET", "/projects/{id}/repository/archive", "Get a repository archive"),
        ("lint", "POST", "/ci/lint", "Check a CI configuration"),
        ("getProject", "GET", "/projects/{id}", "Get a project"),
        ("getJobTrace", "GET", "/projects/{id}/jobs/{job}/trace", "Get a job trace"),
        ("getJob", "GET", "/projects/{id}/jobs/{job}", "Get a job"),
    ]
    index = build(rows)
    assert "getTree" in top(index, "list what's inside the src/ folder of project 42", 2)
    assert top(index, "I need a zip of the code as it was at v2.0") == ["getArchive"]
    assert top(index, "check my .gitlab-ci.yml for syntax errors") == ["lint"]
    assert "getJobTrace" in top(index, "job 5521 went red, show me its output", 2)


def test_my_things_are_the_calling_users_own() -> None:
    rows = [
        ("createUserEvent", "POST", "/users/{user-id}/events", "Create event"),
        ("createMyEvent", "POST", "/me/events", "Create event"),
        ("listUserRepos", "GET", "/users/{username}/repos", "List repositories for a user"),
        ("listMyRepos", "GET", "/user/repos", "List repositories for the authenticated user"),
    ]
    index = build(rows)
    assert top(index, "put a meeting event on my calendar") == ["createMyEvent"]
    assert top(index, "list my repositories") == ["listMyRepos"]
    assert top(index, "list the repositories of user octocat") == ["listUserRepos"]


def test_giving_is_assigning() -> None:
    rows = [
        ("assignLicense", "POST", "/users/{id}/assignLicense", "Invoke action assignLicense"),
        ("getUser", "GET", "/users/{id}", "Get a user"),
        ("deleteLicenseDetails", "DELETE", "/users/{id}/licenseDetails/{d}", "Delete details"),
        ("listLicenses", "GET", "/users/{id}/licenses", "List licenses"),
        ("getLicense", "GET", "/users/{id}/licenses/{license}", "Get a license"),
    ]
    index = build(rows)
    assert top(index, "give lena an E5 license") == ["assignLicense"]


def test_running_a_command_inside_a_container_is_exec() -> None:
    from mcpgen.runtime.terms import stem, value_kinds

    assert stem("command") in value_kinds("run `ls /data` in the redis-0 container")
    assert stem("command") not in value_kinds("call `compute.routers.get`")
    rows = [
        ("createPod", "POST", "/namespaces/{ns}/pods", "Create a pod"),
        ("replacePod", "PUT", "/namespaces/{ns}/pods/{name}", "Replace the specified pod"),
        ("execPod", "POST", "/namespaces/{ns}/pods/{name}/exec", "Connect to exec of a pod"),
    ]
    index = build(rows)
    for request in ("run `ls /data` inside the redis-0 container", "run ls inside my pod"):
        assert top(index, request) == ["execPod"], request


def test_an_operation_about_the_api_itself_comes_after_its_resources() -> None:
    rows = [
        ("getEventsGroup", "GET", "/apis/events.k8s.io/", "Get information of the events group"),
        ("getEventsResources", "GET", "/apis/events.k8s.io/v1beta1/", "Get events resources"),
        ("listEvents", "GET", "/apis/events.k8s.io/v1beta1/events", "List events"),
        ("getRoot", "GET", "/", "Get the API root: links to every resource"),
    ]
    index = build(rows)
    assert top(index, "show me warning events across the whole cluster") == ["listEvents"]
    assert top(index, "which api groups does the cluster serve?")[0] != "listEvents"


def test_letting_someone_do_something_grants_access() -> None:
    rows = [
        ("push", "POST", "/repos/{repo}/git/refs", "Push a reference"),
        ("createRepo", "POST", "/user/repos", "Create a repository for the user"),
        ("listRepos", "GET", "/user/repos", "List repositories for the user"),
        ("addCollaborator", "PUT", "/repos/{repo}/collaborators/{user}", "Add a collaborator"),
        ("getPermission", "GET", "/repos/{repo}/collaborators/{user}/permission", "Get permission"),
    ]
    index = build(rows)
    for request in ("let bob push to my repo", "give carol write access to the infra repo"):
        assert top(index, request) == ["addCollaborator"], request


def test_a_verb_nobody_may_do_or_whose_permission_is_asked_is_not_what_is_asked() -> None:
    """ "Make sure nobody can delete it" asks to protect it; "am I allowed to delete pods?"
    asks what the caller may do: neither asks to delete."""
    rows = [
        ("deleteInstance", "DELETE", "/instances/{id}", "Delete an instance"),
        ("getInstance", "GET", "/instances/{id}", "Get an instance"),
        ("setDeletionProtection", "POST", "/instances/{id}/protection", "Set protection"),
        ("deletePod", "DELETE", "/pods/{name}", "Delete a pod"),
        ("deletePods", "DELETE", "/pods", "Delete a collection of pods"),
        ("listPods", "GET", "/pods", "List pods"),
        ("reviewAccess", "POST", "/accessreviews", "Review access of the current user"),
        ("push", "POST", "/refs/{ref}/push", "Push commits to a branch"),
        ("protectBranch", "PUT", "/branches/{branch}/protection", "Update branch protection"),
    ]
    index = build(rows)
    assert top(index, "make sure nobody can accidentally delete instance 7") == [
        "setDeletionProtection"
    ]
    assert top(index, "delete instance 7") == ["deleteInstance"]
    assert top(index, "am I allowed to delete pods in this namespace?") == ["reviewAccess"]
    assert top(index, "delete the pods in this namespace")[0] != "reviewAccess"
    assert top(index, "nobody should be able to push straight to main") == ["protectBranch"]


def test_a_question_of_what_someone_may_do_checks_it() -> None:
    """ "Does ops-bot have manage rights on it?" reads a grant, it makes none; "who can
    read it?" lists who may."""
    rows = [
        ("getGrant", "GET", "/lists/{list}/grants/{identity}", "Fetch a list grant"),
        ("setGrant", "POST", "/lists/{list}/grants/{identity}", "Update a list grant"),
        ("listGrants", "GET", "/lists/{list}/grants", "Read all grants of a list"),
    ]
    index = build(rows)
    assert (
        read("does ops-bot have manage rights on list L7?", index.words, frozenset()).wanted
        == "check"
    )
    assert (
        read("what is agent_17 allowed to do on list L7?", index.words, frozenset()).wanted
        == "check"
    )
    assert "setGrant" not in top(index, "does ops-bot have manage rights on list L7?", 2)
    assert read("who can read list L7?", index.words, frozenset()).wanted == "list"
    # "Can <someone> <do it>?": whether they may; not "can I ...?", which asks to do it, nor
    # a question of what a thing can do ("can the connector reach the server?").
    for query, wanted in (
        ("can user alice read list L7?", "check"),
        ("could ops-bot actually edit list L7?", "check"),
        ("can I read list L7?", "read"),
    ):
        assert read(query, index.words, frozenset()).wanted == wanted, query
    assert read("can ops-bot reach the server?", index.words, frozenset()).wanted != "check"
    # kubectl's own question is the caller's ("kubectl auth can-i delete pods").
    asked = read("kubectl auth can-i read list L7", index.words, frozenset())
    assert asked.wanted == "check" and asked.mine
    # Who may: the people who have it, not a setting that says who (a workflow's access).
    rows = [
        ("getWorkflowAccess", "GET", "/repos/{owner}/{repo}/actions/permissions/access",
         "Get the level of access for workflows outside of the repository"),
        ("listCollaborators", "GET", "/repos/{owner}/{repo}/collaborators",
         "List repository collaborators"),
        ("getRepo", "GET", "/repos/{owner}/{repo}", "Get a repository"),
        ("listMembers", "GET", "/orgs/{org}/members", "List organization members"),
    ]  # fmt: skip
    found = top(build(rows), "who can see acme/secret-sauce?", 2)
    assert sorted(found) == ["listCollaborators", "listMembers"]


def test_short_names_that_are_no_initials_are_spelt_out() -> None:
    """kubectl's "sts" and "netpol", "gha" for GitHub Actions: not the initials of a name
    of the API (those are read off its names), so a table of them."""
    rows = [
        ("listStatefulSets", "GET", "/namespaces/{ns}/statefulsets", "list StatefulSets"),
        ("listNetworkPolicies", "GET", "/namespaces/{ns}/networkpolicies", "list NetworkPolicies"),
        ("listCertificates", "GET", "/certificates", "List certificates"),
        ("listWorkflows", "GET", "/repos/{repo}/actions/workflows", "List workflows"),
        ("listKeys", "GET", "/keys", "List keys"),
    ]
    index = build(rows)
    assert top(index, "list the sts in prod") == ["listStatefulSets"]
    assert top(index, "show every netpol in prod") == ["listNetworkPolicies"]
    assert top(index, "which GHA workflows does web have?") == ["listWorkflows"]


def test_grep_searches_code() -> None:
    """ "grep the org for TODO": a search of its text, its code."""
    rows = [
        ("searchCode", "GET", "/search/code", "Search code"),
        ("searchIssues", "GET", "/search/issues", "Search issues and pull requests"),
        ("getOrg", "GET", "/orgs/{org}", "Get an organization"),
    ]
    assert "searchCode" in top(build(rows), "grep the whole acme org for TODO", 2)


def test_the_apis_own_name_is_no_word_of_a_request() -> None:
    """ "All my Netlify sites": every operation is Netlify's; the one that says so in its
    summary is no nearer. A title word that is also a path word is the API's noun."""
    from mcpgen.runtime.clauses import api_names

    rows = [
        ("purge", "POST", "/purge", "Purges Netlify's CDN cache of a site"),
        ("listSites", "GET", "/sites", "List sites"),
        ("getSite", "GET", "/sites/{id}", "Get a site"),
        ("listDrives", "GET", "/drives", "List shared drives"),
    ]
    plain = build(rows)
    assert top(plain, "my netlify sites") == ["purge"]  # without the title
    plain._api_names = api_names("Netlify's API documentation", plain.words.path_vocabulary)
    assert top(plain, "my netlify sites") == ["listSites"]
    assert top(plain, "purge netlify's cache") == ["purge"]
    assert top(plain, "Netlify") == ["purge"]  # the request has no other word
    # Nor any other the API has ("projects" is none of its words): the name is then the
    # word that finds something, and what is asked ranks it.
    described = build(
        [
            ("listSites", "GET", "/sites", "List sites", "Every Netlify site of the account"),
            ("getSite", "GET", "/sites/{id}", "Get a site", "One Netlify site"),
            ("deleteSite", "DELETE", "/sites/{id}", "Delete a site", "Deletes a Netlify site"),
        ]
    )
    described._api_names = api_names("Netlify's API", described.words.path_vocabulary)
    assert top(described, "which netlify projects do we have in us-east-1?") == ["listSites"]
    assert top(described, "junk the projects") == []  # no word of the API's, nor its name
    names = plain.words.path_vocabulary
    assert api_names("Google Drive API", names) == {"google", "google drive"}
    assert api_names("OData Service for namespace microsoft.graph", names) == {
        "microsoft.graph",
        "odata service",
    }
    assert api_names("Netlify's API documentation", names) == {"netlify"}
    assert "acme" not in api_names("word " * 1_000_000 + "Acme", names)  # read no further


def test_the_apis_name_of_several_words_is_no_word_of_a_request() -> None:
    """ "remove his App Store Connect account": each word of the name is also one of the
    API's paths ("apps", "appStoreVersions"), but written together they name the API."""
    from mcpgen.runtime.clauses import api_names

    rows = [
        ("deleteUser", "DELETE", "/v1/users/{id}", "Delete a user account"),
        ("deleteVersion", "DELETE", "/v1/appStoreVersions/{id}", "Delete an App Store version"),
        ("deleteLink", "DELETE", "/v1/appStoreConnections/{id}", "Delete an App Store connection"),
        ("listApps", "GET", "/v1/apps", "List apps"),
    ]  # fmt: skip
    index = build(rows)
    assert top(index, "tom left, remove his App Store Connect account") == ["deleteLink"]
    index._api_names = api_names("App Store Connect API", index.words.path_vocabulary)
    assert top(index, "tom left, remove his App Store Connect account") == ["deleteUser"]
    assert top(index, "delete the app store version 2.4") == ["deleteVersion"]
    # A word of the name said outside it too is a word of the request.
    from mcpgen.runtime.clauses import brand_words

    assert top(index, "show me every app we have in App Store Connect") == ["listApps"]
    said = "show me every app we have in App Store Connect"
    assert brand_words(said.split(" "), index._api_names) == {"store", "connect"}
    said = "my App Store Connect account"
    assert brand_words(said.split(" "), index._api_names) == {"app", "store", "connect"}


def test_a_verb_finds_the_noun_made_of_it() -> None:
    """Stems of a verb and its noun may differ ("regist", "registr"): each finds the other."""
    rows = [
        ("createToken", "POST", "/runners/registration-token", "Create a registration token"),
        ("createRunner", "POST", "/runners", "Create a runner"),
        ("listRunners", "GET", "/runners", "List runners"),
        ("getSubscription", "GET", "/subscriptions/{id}", "Get a subscription"),
        ("getCustomer", "GET", "/customers/{id}", "Get a customer"),
    ]
    index = build(rows)
    assert top(index, "token to register a runner") == ["createToken"]
    assert top(index, "is customer 7 still subscribed?") == ["getSubscription"]


def test_a_word_whose_near_synonym_an_operation_has_is_half_covered() -> None:
    """How much of a request an operation has: "plug" is not "attach", but near it."""
    from mcpgen.runtime.weights import NEAR_COVERAGE

    rows = [
        ("attachVolume", "POST", "/volumes/{id}/attach", "Attach a volume"),
        ("getVolume", "GET", "/volumes/{id}", "Get a volume"),
    ]
    coverage = build(rows)._coverage(["plug", "volume"]).tolist()
    assert coverage == [(1 + NEAR_COVERAGE) / 2, 0.5]


def test_phrasal_verbs_and_people_have_near_synonyms() -> None:
    """What a verb with its particle means ("sign off" approves, "hand over" transfers),
    and that "him" or "her" is a user or a member."""
    rows = [
        ("approvePull", "POST", "/pulls/{id}/approve", "Approve a pull request"),
        ("declinePull", "POST", "/pulls/{id}/decline", "Decline a pull request"),
        ("getPull", "GET", "/pulls/{id}", "Get a pull request"),
        ("transferRepo", "POST", "/repos/{repo}/transfer", "Transfer a repository"),
        ("getRepo", "GET", "/repos/{repo}", "Get a repository"),
        ("updateOrg", "PATCH", "/orgs/{org}", "Update an organization"),
        ("removeMember", "DELETE", "/orgs/{org}/members/{user}", "Remove an organization member"),
        ("attachVolume", "POST", "/volumes/{id}/attach", "Attach a volume"),
        ("getVolume", "GET", "/volumes/{id}", "Get a volume"),
        ("listLogins", "GET", "/account/logins", "List logins"),
        ("getAccount", "GET", "/account", "Get the account"),
    ]
    index = build(rows)
    assert top(index, "PR 12 looks good, sign it off") == ["approvePull"]
    assert top(index, "turn down PR 57, we're going another way") == ["declinePull"]
    assert "transferRepo" in top(index, "hand the web repo over to acme", 2)
    assert top(index, "dave left, take him out of the org") == ["removeMember"]
    assert top(index, "plug volume 7 into server 3") == ["attachVolume"]
    assert top(index, "who signed in to the account lately?") == ["listLogins"]


def test_a_verb_read_with_its_particle_means_what_the_two_say() -> None:
    """ "hand it over" transfers: the phrase counts as a word of the request, and the verb
    alone ("hand") is not searched, so raising a hand does not come first."""
    rows = [
        ("transferProject", "POST", "/projects/{id}/transfer", "Transfer a project to another account"),
        ("getProject", "GET", "/projects/{id}", "Get a project"),
        ("updateProject", "PATCH", "/projects/{id}", "Update a project"),
        ("raiseHand", "POST", "/meetings/{id}/hands", "Raise a hand"),
        ("listHands", "GET", "/meetings/{id}/hands", "List raised hands"),
    ]  # fmt: skip
    index = build(rows)
    assert top(index, "hand it over to bob") == ["transferProject"]
    assert top(index, "hand project 5 over") == ["transferProject"]
    from mcpgen.runtime.terms import phrase_terms, words

    # Signed out, logged out: a logout.
    for query in ("kill his sessions so he's signed out everywhere", "log me out"):
        assert "logout" in phrase_terms(words(query))[0], query

    # Dug up: searched for.
    assert "search" in phrase_terms(words("dig up every tweet about the Olympics"))[0]
    from mcpgen.runtime.asking import intent

    assert intent(words("dig up every tweet about the Olympics")) == "search"
    # Spun up: made, not spun.
    assert phrase_terms(words("spin up a new workspace")) == (
        ["creat", "launch", "provis"],
        {"spin"},
    )


def test_a_value_between_a_verb_and_its_particle_does_not_part_them() -> None:
    """ "hand certificate 4d5e6f over": the ID is one thing, however many words its
    letters and digits split into; the particle is as near as in "hand it over"."""
    rows = [
        ("transferCert", "POST", "/certificates/{id}/transfer", "Transfer a certificate"),
        ("getCert", "GET", "/certificates/{id}", "Get a certificate"),
        ("updateCert", "PATCH", "/certificates/{id}", "Update a certificate"),
        ("createRefund", "POST", "/refunds", "Create a refund"),
        ("getPayment", "GET", "/payments/{id}", "Get a payment"),
        ("updatePayment", "PATCH", "/payments/{id}", "Update a payment"),
    ]
    index = build(rows)
    assert top(index, "hand certificate 4d5e6f over to the other team") == ["transferCert"]
    query = "give $150 of payment P-00004511 back to the customer"
    assert top(index, query) == ["createRefund"]


def test_a_word_that_ends_as_a_noun_opens_no_command() -> None:
    """ "security audit results across every site": an agent's query of nouns, whose first
    word ends as a noun does, asks for the results; it runs no audit."""
    rows = [
        ("listAudits", "GET", "/audits", "List audit results"),
        ("runAudit", "POST", "/sites/{id}/audits", "Run an audit on a site"),
        ("listSiteAudits", "GET", "/sites/{id}/audits", "List the audit results of a site"),
        ("getSite", "GET", "/sites/{id}", "Get a site"),
        ("createSite", "POST", "/sites", "Add a site"),
    ]
    index = build(rows)
    for query in (
        "security audit results across every site",
        "performance audit results across every site",
        "compliance audit results for all sites",
    ):
        assert "runAudit" not in top(index, query, 2), query


def test_a_verb_that_ends_as_an_adverb_does_commands() -> None:
    """ "apply filter 991 to profile 77120": "apply" is a verb, not an adverb like "only"."""
    rows = [
        ("createFilter", "POST", "/accounts/{accountId}/filters", "Create a new filter"),
        ("updateFilter", "PUT", "/accounts/{accountId}/filters/{filterId}", "Update a filter"),
        ("getFilter", "GET", "/accounts/{accountId}/filters/{filterId}", "Returns a filter"),
        ("linkFilter", "POST", "/profiles/{profileId}/profileFilterLinks", "Create a filter link"),
        ("listLinks", "GET", "/profiles/{profileId}/profileFilterLinks", "Lists filter links"),
        ("getProfile", "GET", "/profiles/{profileId}", "Gets a view (profile)"),
    ]
    index = build(rows)
    assert top(index, "apply filter 991 to profile 77120") == ["linkFilter"]


def test_a_verb_after_its_subject_tells_and_does_not_command() -> None:
    """ "Before I edit policy p-a1b2 I need to know ...": what the caller will do is told,
    not asked for; what it needs to know is."""
    rows = [
        ("deletePolicy", "DELETE", "/policies/{id}", "Delete a policy"),
        ("updatePolicy", "PUT", "/policies/{id}", "Update a policy"),
        ("getPolicy", "GET", "/policies/{id}", "Get a policy"),
        (
            "listTargets",
            "GET",
            "/policies/{id}/targets",
            "List the accounts a policy is attached to",
        ),
        ("attachPolicy", "POST", "/policies/{id}/targets", "Attach a policy to an account"),
        ("listPolicies", "GET", "/policies", "List policies"),
    ]
    index = build(rows)
    query = "Before I edit policy p-a1b2 I need to know every unit and account it's attached to"
    assert top(index, query) == ["listTargets"]


def test_a_value_between_a_verb_and_its_particle_does_not_hide_what_is_asked() -> None:
    """ "take user 7c1e-22ab out of the group": the ID's letters and digits do not push
    the particle out of reach, so the request removes a member, it does not read users."""
    rows = [
        ("removeMember", "DELETE", "/groups/{group-id}/members/{member-id}", "Remove member"),
        ("addMember", "POST", "/groups/{group-id}/members", "Add member"),
        ("getUser", "GET", "/users/{user-id}", "Get user"),
        ("listUsers", "GET", "/users", "List users"),
        ("listPeople", "GET", "/users/{user-id}/people", "List people relevant to a user"),
        ("updateGroup", "PATCH", "/groups/{group-id}", "Update group"),
    ]
    index = build(rows)
    query = "Please take user 7c1e-22ab out of the Finance Approvers group."
    assert top(index, query) == ["removeMember"]


def test_what_is_taken_off_or_out_of_something_is_removed() -> None:
    index = build(
        [
            ("removeTrack", "DELETE", "/playlists/{id}/tracks", "Remove items from a playlist"),
            ("addTrack", "POST", "/playlists/{id}/tracks", "Add items to a playlist"),
            ("unfollow", "DELETE", "/playlists/{id}/followers", "Unfollow a playlist"),
            ("getPlaylist", "GET", "/playlists/{id}", "Get a playlist"),
            ("deleteDevice", "DELETE", "/devices/{id}", "Delete a device"),
            ("updateDevice", "PUT", "/devices/{id}", "Update a device"),
            ("routeReport", "GET", "/reports/route", "Fetch positions within a time period"),
        ]
    )
    assert top(index, "take 'Hey Ya' off my party playlist") == ["removeTrack"]
    assert top(index, "We sold car 77, take it off the system") == ["deleteDevice"]


def test_an_office_is_a_branch() -> None:
    index = build(
        [
            ("listBranches", "GET", "/branch/branches", "Get all branches"),
            ("getBranch", "GET", "/branch/branches/{id}", "Get a branch"),
            ("listLettings", "GET", "/lettings/advertised", "Get all advertised lettings"),
            ("listTenancies", "GET", "/lettings/tenancies", "Get all tenancies"),
            ("listStaff", "GET", "/staff/staff", "Get all staff"),
        ]
    )
    assert top(index, "Which offices does the agency have?") == ["listBranches"]


def test_everyday_words_for_waking_keeping_and_looking_into() -> None:
    """Woken up is resumed; frozen, suspended; long-term storage is an archive; how long
    things are kept is their retention; a blackout is a block; a clan is a group; what is
    looked into is under investigation; a virtual machine is a VM."""
    rows = [
        ("getEnvironment", "GET", "/environments/{id}", "Get an environment"),
        ("resumeEnvironment", "POST", "/environments/{id}/resume", "Resume an environment"),
        ("connectEnvironment", "POST", "/environments/{id}/connect", "Connect to an environment"),
        ("archiveEnvironment", "POST", "/environments/{id}/archive", "Archive an environment"),
        ("replaceEnvironment", "PUT", "/environments/{id}", "Replace an environment"),
        ("listDates", "GET", "/services/{id}/dates", "List the dates of a service"),
        ("listBlocks", "GET", "/services/{id}/blocks", "List the blocks of a service"),
        ("getPlayer", "GET", "/players/{id}", "Get a player"),
        ("listPlayerGroups", "GET", "/players/{id}/groups", "List the groups of a player"),
        ("markResource", "POST", "/resources/{id}/investigation", "Put a resource under investigation"),
        ("lockResource", "POST", "/resources/{id}/lock", "Lock a resource"),
        ("getRetention", "GET", "/accounts/{id}/retention-settings", "Get retention settings"),
        ("listMessages", "GET", "/accounts/{id}/messages", "List chat messages"),
        ("deleteMessage", "DELETE", "/accounts/{id}/messages/{message}", "Delete a chat message"),
        ("listNodes", "GET", "/infra/nodes", "List the nodes of the infrastructure"),
        ("listVms", "GET", "/entities/vms", "List VMs"),
        ("listMachines", "GET", "/machines", "List machine types"),
        ("scaleGroup", "POST", "/groups/{id}/scale", "Scale a group"),
        ("suspendScaling", "POST", "/groups/{id}/suspend", "Suspend the scaling of a group"),
    ]  # fmt: skip
    index = build(rows)
    assert top(index, "wake up my environment d41e90 so I can connect") == ["resumeEnvironment"]
    assert top(index, "freeze all scaling on group web-asg tonight") == ["suspendScaling"]
    query = "put environment 91bc44 into cheap long-term storage"
    assert top(index, query) == ["archiveEnvironment"]
    assert top(index, "any blackouts on service 301?") == ["listBlocks"]
    assert top(index, "which clans is player 4611 in?") == ["listPlayerGroups"]
    query = "keep resource vm-a1b2 as it is while we look into it"
    assert top(index, query) == ["markResource"]
    query = "how long are chat messages kept before they're deleted?"
    assert top(index, query) == ["getRetention"]
    assert top(index, "give me the list of virtual machines") == ["listVms"]


def test_a_key_and_its_value_are_a_tag_or_a_variable() -> None:
    """ "env=prod" is a value, no words "env" and "prod": a tag or a label (an argument
    named so); "DATABASE_URL=postgres://..." an environment variable."""
    from mcpgen.runtime.terms import value_kinds, value_like

    assert value_like("owner=data-team")
    assert value_kinds("tag it with cost-center=4410") >= {"tag", "label", "metadata"}
    assert value_kinds("tag it with Team=platform") >= {"tag", "label"}
    assert value_kinds("set LOG_LEVEL=debug on app 9") >= {"env", "variabl"}
    rows = [
        ("getZone", "GET", "/zones/{zone}", "Get a hosted zone", []),
        ("updateZone", "PATCH", "/zones/{zone}", "Change a zone's owner and environment", []),
        ("tagResource", "POST", "/resources", "Add tags to a resource", ["resource", "tags"]),
        ("setVariable", "PUT", "/apps/{app}/env/{name}", "Set an environment variable", []),
        ("updateApp", "PATCH", "/apps/{app}", "Update an app's settings", []),
    ]
    operations = [
        {"operation": n, "method": m, "path": p, "summary": t, "tags": [], "required": r}
        for n, m, p, t, r in rows
    ]
    core = [" ".join(document_terms(n, t, "", p, [], r, m)[0]) for n, m, p, t, r in rows]
    index = Index({"operations": operations, "terms": core, "more": [""] * len(rows)})
    assert top(index, "label Z1D6 with env=prod and owner=netops") == ["tagResource"]
    assert top(index, "on app 9 put DATABASE_URL=postgres://db:5432/shop") == ["setVariable"]


def test_a_grant_is_a_permission() -> None:
    rows = [
        ("updatePermissions", "PUT", "/dashboards/{id}/permissions", "Update the permissions of a dashboard"),
        ("createDashboard", "POST", "/dashboards", "Create a dashboard"),
        ("searchDashboards", "POST", "/dashboards/search", "Search the dashboards of a group"),
        ("updateDashboard", "PUT", "/dashboards/{id}", "Update a dashboard"),
        ("getDashboard", "GET", "/dashboards/{id}", "Get a dashboard"),
    ]  # fmt: skip
    index = build(rows)
    query = "let the marketing group view dashboard db-campaigns"
    assert top(index, query) == ["updatePermissions"]


def test_right_now_is_a_time_not_a_right() -> None:
    rows = [
        ("listRights", "GET", "/codespaces/{id}/permissions", "List the access rights to a codespace"),
        ("getState", "GET", "/codespaces/{id}/state", "Get the state of a codespace"),
        ("getCodespace", "GET", "/codespaces/{id}", "Get a codespace"),
    ]  # fmt: skip
    index = build(rows)
    assert top(index, "what state is codespace 3f9c in right now?") == ["getState"]


def test_everyday_words_for_bringing_in_spending_and_waiting() -> None:
    """Brought in is imported; what was spent is a cost; a rescan a retest; a fresh one a
    refreshed one; what waits is pending."""
    rows = [
        ("createApp", "POST", "/apps", "Create a new application"),
        ("importApp", "POST", "/apps/import", "Import an application"),
        ("getLab", "GET", "/labs/{lab}", "Get a lab"),
        ("getCost", "GET", "/labs/{lab}/costs/{name}", "Get the cost of a lab"),
        ("getFinding", "GET", "/findings/{id}", "Get a finding"),
        ("retestFinding", "POST", "/findings/{id}/retest", "Retest a finding"),
        ("scanTarget", "POST", "/targets/{id}/scans", "Scan a target"),
        ("updateFinding", "PATCH", "/findings/{id}", "Update a finding"),
        ("createToken", "POST", "/auth/token", "Obtain a token"),
        ("refreshToken", "POST", "/auth/token/refresh", "Refresh a token"),
        ("listNodes", "GET", "/nodes", "List nodes"),
        ("listPendingNodes", "GET", "/nodes/pending", "List pending nodes"),
    ]
    index = build(rows)
    assert top(index, "a colleague sent me an exported app, bring it in") == ["importApp"]
    assert top(index, "how much has lab TeamLab spent this month?") == ["getCost"]
    assert top(index, "rescan finding 88 to confirm the fix") == ["retestFinding"]
    assert top(index, "my token expires in a minute, get me a fresh one") == ["refreshToken"]
    assert top(index, "which nodes are still waiting to be accepted?") == ["listPendingNodes"]


def test_what_starts_with_carries_on_and_is_on_a_watchlist() -> None:
    """Names that start with something are completed (a prefix search); what carries on
    resumes; a watchlist holds bookmarks."""
    rows = [
        ("listAlbums", "GET", "/albums", "List albums"),
        ("albumNames", "GET", "/albums/names", "Autocomplete album names"),
        ("pauseAgent", "PUT", "/agents/{n}/pause", "Pause an agent"),
        ("resumeAgent", "PUT", "/agents/{n}/resume", "Resume an agent"),
        ("listBookmarks", "GET", "/profile/bookmarks", "List bookmarks"),
        ("deleteBookmark", "DELETE", "/profile/bookmarks/{item}", "Delete a bookmark"),
        ("deleteItem", "DELETE", "/items/{item}", "Delete an item"),
    ]
    index = build(rows)
    query = "album titles starting with 'Miku Symphony' for my search box"
    assert top(index, query) == ["albumNames"]
    assert top(index, "agent 9 was halted, let it carry on") == ["resumeAgent"]
    assert top(index, "take Doctor Who off my watchlist") == ["deleteBookmark"]


def test_who_is_in_a_conversation_asks_for_its_participants() -> None:
    rows = [
        ("getConversation", "GET", "/conversations/{id}", "Get a conversation"),
        ("listConversations", "GET", "/conversations", "List conversations"),
        ("listParticipants", "GET", "/conversations/{id}/participants", "List participants"),
        ("listItems", "GET", "/conversations/{id}/items", "List the items of a conversation"),
    ]
    index = build(rows)
    assert top(index, "who is in conversation 88?") == ["listParticipants"]
    # Who took part in something are its participants, whatever the verb.
    assert "particip" in read("who attended meeting 12?", index.words, frozenset()).near
    rows = [
        ("getMeeting", "GET", "/meetings/{id}", "Get a meeting"),
        ("listMeetings", "GET", "/meetings", "List meetings"),
        ("listParticipants", "GET", "/meetings/{id}/participants", "List participants"),
        ("listRecordings", "GET", "/meetings/{id}/recordings", "List recordings"),
    ]
    index = build(rows)
    assert top(index, "who attended the board meeting that ended this morning?") == [
        "listParticipants"
    ]


def test_an_issue_key_names_an_issue_in_an_issue_tracker() -> None:
    """ "ANDROID-230" is an issue's key where the API has issues (its words "android" and
    "230" are searched for nothing else); a discussion is the comments, a relationship a
    link, and subscribing to something watching it."""
    rows = [
        ("getIssue", "GET", "/issue/{issueIdOrKey}", "Get issue"),
        ("addAttachment", "POST", "/issue/{issueIdOrKey}/attachments", "Add attachment"),
        ("uploadAppLog", "POST", "/apps/{app}/logs", "Upload an Android app's crash log"),
        ("getComments", "GET", "/issue/{issueIdOrKey}/comment", "Get comments"),
        ("getThread", "GET", "/threads/{id}", "Get a thread"),
        ("addWatcher", "POST", "/issue/{issueIdOrKey}/watchers", "Add watcher"),
        ("listUpdates", "GET", "/updates", "List updates"),
        ("getLinkTypes", "GET", "/issueLinkType", "Get issue link types"),
        ("listTicketTypes", "GET", "/tickets/types", "List the types of tickets"),
    ]
    index = build(rows)
    assert top(index, "attach the crash log from last night to ANDROID-230") == ["addAttachment"]
    assert top(index, "subscribe me to updates on DATA-501") == ["addWatcher"]
    assert "getComments" in top(index, "show me the whole discussion on SUP-1204", 2)
    query = "what kinds of relationships can I set between tickets?"
    assert "getLinkTypes" in top(index, query, 2)
    # Where the API has no issues, such a key is no issue's ("INV-0057" is an invoice).
    invoices = build([("getInvoice", "GET", "/invoices/{id}", "Get an invoice")]).words
    assert not invoices.has_issues and invoices.typed_id("INV-0057") == []
    assert index.words.typed_id("ANDROID-230") == ["issu"]


def test_a_bug_is_an_issue_and_from_3pm_to_4pm_a_new_time() -> None:
    rows = [
        ("createProject", "POST", "/projects", "Create a project"),
        ("createIssue", "POST", "/projects/{id}/issues", "Create an issue"),
        ("createLabel", "POST", "/projects/{id}/labels", "Create a label"),
        ("updateEvent", "PATCH", "/me/events/{id}", "Update an event"),
        ("updatePushCertificate", "PATCH", "/push/certificate", "Update the push certificate"),
    ]
    index = build(rows)
    query = "file a bug in project 42: the login button is broken, label it bug"
    assert top(index, query) == ["createIssue"]
    assert top(index, "push my 1:1 with Dana from 3pm to 4pm") == ["updateEvent"]


def test_what_is_sent_to_be_signed_who_signs_signs_up_and_never_shows_up() -> None:
    """Sent for signature: an envelope (an agreement, a signature request); a signer is a
    recipient; who signed up, the registrants; who never showed up, the absentees."""
    rows = [
        ("createEnvelope", "POST", "/envelopes", "Create an envelope"),
        ("addRecipients", "POST", "/envelopes/{id}/recipients", "Add recipients"),
        ("emailEnvelope", "POST", "/envelopes/{id}/email", "Email an envelope's managers"),
        ("updateSignature", "PUT", "/users/{id}/signatures/{sid}", "Update a user's signature"),
        ("getMeeting", "GET", "/meetings/{id}", "Get a meeting"),
        ("listRegistrants", "GET", "/meetings/{id}/registrants", "List registrants"),
        ("listParticipants", "GET", "/webinars/{id}/participants", "List participants"),
        ("listAbsentees", "GET", "/webinars/{id}/absentees", "List absentees"),
    ]  # fmt: skip
    index = build(rows)
    query = "send this NDA PDF to jane.doe@acme.com for her signature right away"
    assert top(index, query) == ["createEnvelope"]
    query = "add my manager bob@contoso.com as a second signer on envelope 55"
    assert top(index, query) == ["addRecipients"]
    assert top(index, "who signed up for meeting 5561?") == ["listRegistrants"]
    query = "which registrants never showed up to webinar 9?"
    assert top(index, query) == ["listAbsentees"]


def test_moved_to_done_is_a_transition_of_its_status() -> None:
    rows = [
        ("movePriorities", "PUT", "/priority/move", "Move priorities"),
        ("editIssue", "PUT", "/issue/{issueIdOrKey}", "Edit issue"),
        ("transitionIssue", "POST", "/issue/{issueIdOrKey}/transitions", "Transition issue"),
    ]
    index = build(rows)
    query = "move PAY-142 to Done, the fix shipped this morning"
    assert top(index, query) == ["transitionIssue"]


def test_an_inbox_is_a_mail_folder() -> None:
    rows = [
        ("getMessageContent", "GET", "/me/messages/{id}/$value", "Get the media content of a message"),
        ("listFolderMessages", "GET", "/me/mailFolders/{id}/messages", "List messages"),
        ("getMailboxUsage", "GET", "/reports/mailboxUsage", "Get mailbox usage"),
        ("listChatMessages", "GET", "/chats/{id}/messages/{msg}/hostedContents", "List hosted contents"),
    ]  # fmt: skip
    index = build(rows)
    assert top(index, "what's new in my inbox this morning?") == ["listFolderMessages"]


def test_what_is_made_inside_a_thing_is_its_child() -> None:
    rows = [
        ("createNode", "POST", "/nodes", "Create a node"),
        ("createChild", "POST", "/nodes/{id}/children", "Create a child node"),
        ("createRegistration", "POST", "/nodes/{id}/registrations", "Register a project"),
    ]
    index = build(rows)
    assert top(index, "create a node called scripts inside node 5") == ["createChild"]


def test_set_up_makes_a_thing_and_sets_nothing() -> None:
    """ "set up an account for Jane": a user is made. "set" alone would be a word of the
    request, and the operations about sets and settings would come first."""
    rows = [
        ("createUser", "POST", "/users", "Create User"),
        ("listUsers", "GET", "/users", "List Users"),
        ("resendWelcome", "POST", "/users/{id}/resend_welcome_email", "Resend user welcome email"),
        ("createFieldSet", "POST", "/form_field_sets", "Create Form Field Set"),
        ("updateSettings", "PATCH", "/settings", "Update account settings"),
    ]  # fmt: skip
    index = build(rows)
    assert top(index, "set up an account for Jane Smith, username jsmith") == ["createUser"]
    assert top(index, "set the account settings to weekly digests") == ["updateSettings"]


def test_time_logged_is_an_entry_of_time_worked() -> None:
    """ "log 1.5 hours against ticket 7733": time worked, entered; not a log, and "1.5"
    before a unit is an amount, no version."""
    rows = [
        ("createTimeEntry", "POST", "/time_entries", "Create a time entry"),
        ("listTimeEntries", "GET", "/time_entries", "List time entries"),
        ("getTicketLog", "GET", "/tickets/{id}/logs", "Get the log of a ticket"),
        ("createTicketNote", "POST", "/tickets/{id}/notes", "Add a note to a ticket"),
        ("listVersions", "GET", "/versions", "List versions"),
    ]  # fmt: skip
    index = build(rows)
    assert top(index, "log 1.5 hours against ticket 7733") == ["createTimeEntry"]
    assert top(index, "log 3h on ticket 12 for the incident review") == ["createTimeEntry"]
    assert top(index, "show me the log of ticket 7733") == ["getTicketLog"]


def test_a_facet_every_kind_of_thing_has_comes_when_named() -> None:
    """An API where each of many kinds of thing has the same facet (``/Contacts/
    entityInformation``, ``/Tickets/entityInformation``): the facet is no answer to a
    request about a contact, unless the request names it."""
    kinds = ["Contacts", "Tickets", "Companies", "Projects", "Tasks", "Contracts", "Invoices"]
    kinds += ["Quotes", "Products", "Services", "Resources", "Roles", "Departments", "Notes"]
    kinds += ["Opportunities", "Expenses", "Holidays", "Countries", "Currencies", "Skills"]
    rows = []
    for kind in kinds:
        rows += [
            (f"{kind}_QueryItem", "GET", f"/V1.0/{kind}/{{id}}", f"Get a {kind[:-1]} by id"),
            (f"{kind}_Info", "GET", f"/V1.0/{kind}/entityInformation", kind),
            (f"{kind}_Query", "GET", f"/V1.0/{kind}/query", f"Query {kind} by their fields"),
        ]
    index = build(rows)
    for query in ("who is the contact with email j.doe@contoso.com?", "contacts"):
        assert top(index, query, 2) == ["Contacts_Query", "Contacts_QueryItem"], query
    assert top(index, "entity information of contacts") == ["Contacts_Info"]


def test_an_action_named_the_remote_procedure_way_does_what_its_verb_says() -> None:
    """``/#Action=CreateDBSnapshot`` creates: a request to make a backup has said its verb
    in its own words ("take a manual backup", "back up"), so "create" is no path word the
    request leaves out. And taking a snapshot or a backup makes one; taking a look reads."""
    from mcpgen.runtime.asking import asked_for

    actions = [
        ("CreateDBSnapshot", "Creates a snapshot of a DB instance."),
        ("RestoreDBInstanceFromDBSnapshot", "Creates a new DB instance from a DB snapshot."),
        ("CreateDBInstance", "Creates a new DB instance."),
        ("ModifyDBSnapshot", "Updates a manual DB snapshot."),
        ("DescribeDBSnapshots", "Returns information about DB snapshots."),
        ("DeleteDBSnapshot", "Deletes a DB snapshot."),
        ("RebootDBInstance", "Reboots a DB instance."),
    ]
    rows = [
        (f"{method}_{action}", method, f"/#Action={action}", title)
        for action, title in actions
        for method in ("GET", "POST")
    ]
    index = build(rows)
    for query in ("take a manual backup of the billing-db instance", "back up billing-db"):
        assert top(index, query) == ["GET_CreateDBSnapshot"], query
    assert asked_for("take a snapshot of the disk") == "create"
    assert asked_for("take another backup") == "create"
    assert asked_for("take a look at the disk") != "create"


def test_a_thing_brought_back_as_it_was_is_restored() -> None:
    """ "bring back the analytics-db instance as it was at 14:30": a restore, to a point
    in time."""
    rows = [
        ("restoreToTime", "POST", "/instances/{id}/restore-to-point-in-time", "Restore an instance to a point in time"),
        ("createInstance", "POST", "/instances", "Create an instance"),
        ("startInstance", "POST", "/instances/{id}/start", "Start an instance"),
        ("deleteInstance", "DELETE", "/instances/{id}", "Delete an instance"),
    ]  # fmt: skip
    index = build(rows)
    request = "bring back the analytics-db instance as it was at 14:30 as a new db"
    assert top(index, request) == ["restoreToTime"]
    assert top(index, "bring it back") == ["restoreToTime"]


def test_everyday_words_for_a_media_library() -> None:
    """A box set is a collection, actors and directors are people, signing in
    authenticates."""
    rows = [
        ("createCollection", "POST", "/Collections", "Creates a new collection"),
        ("addToCollection", "POST", "/Collections/{id}/Items", "Adds items to a collection"),
        ("listPersons", "GET", "/Persons", "Gets all persons"),
        ("listUsers", "GET", "/Users", "Gets a list of users"),
        ("authenticate", "POST", "/Users/AuthenticateByName", "Authenticates a user by name"),
        ("logout", "POST", "/Sessions/Logout", "Reports that a session has ended"),
        ("forgotPin", "POST", "/Users/ForgotPassword/Pin", "Redeems a forgot password pin"),
    ]  # fmt: skip
    index = build(rows)
    assert top(index, "group all the Marvel movies into one box set") == ["createCollection"]
    assert top(index, "list all the actors and directors") == ["listPersons"]
    assert top(index, "sign me in as alice with password hunter2") == ["authenticate"]


def test_everyday_words_for_machines_disks_and_keys() -> None:
    """A data drive unhooked is a volume detached; an image retired is deregistered; a
    .pub file is a public key."""
    actions = [
        ("DetachVolume", "Detaches an EBS volume from an instance."),
        ("AttachVolume", "Attaches an EBS volume to a running or stopped instance."),
        ("ReportInstanceStatus", "Submits feedback about the status of an instance."),
        ("DeregisterImage", "Deregisters the specified AMI."),
        ("DisableFastLaunch", "Discontinue faster launching for a Windows AMI."),
        ("ImportKeyPair", "Imports the public key from an RSA or ED25519 key pair."),
        ("ImportClientVpnClientCertificateRevocationList", "Uploads a client certificate revocation list."),
        ("CreateVpnConnection", "Creates a VPN connection for new instances."),
    ]  # fmt: skip
    rows = [(action, "POST", f"/#Action={action}", title) for action, title in actions]
    index = build(rows)
    assert top(index, "unhook the data drive from the old reporting server") == ["DetachVolume"]
    request = "retire ami-0old1234, nobody should launch from it anymore"
    assert "DeregisterImage" in top(index, request, 2)
    request = "upload my existing ~/.ssh/id_ed25519.pub so I can use it on new instances"
    assert top(index, request) == ["ImportKeyPair"]


def test_a_files_type_says_what_it_is() -> None:
    """A value that is a video, an image, a subtitle or a key file favours the operations
    about such things, and still those that take a file or a path."""
    from mcpgen.runtime.terms import value_kind

    assert value_kind("kitchen_reno_day3.mp4")[0] == "video"
    assert value_kind("~/Pictures/receipt.JPG")[0] == "image"
    assert value_kind("es.srt")[0] == "subtitles"
    assert value_kind("~/.ssh/id_ed25519.pub")[0] == "key"
    assert value_kind("setup.md")[0] == "file"
    for name in ("kitchen_reno_day3.mp4", "receipt.png", "es.srt", "report.pdf"):
        assert {"path", "file"} <= set(value_kind(name)[1]), name
    rows = [
        ("insertVideo", "POST", "/youtube/v3/videos", "Inserts a new resource into this collection"),
        ("setWatermark", "POST", "/youtube/v3/watermarks/set", "Allows upload of watermark image"),
        ("setThumbnail", "POST", "/youtube/v3/thumbnails/set", "As this is not an insert in a strict sense"),
        ("insertCaption", "POST", "/youtube/v3/captions", "Inserts a new resource into this collection"),
    ]  # fmt: skip
    index = build(rows)
    assert "video" in read("upload kitchen_reno_day3.mp4", index.words, frozenset()).near
    assert top(index, "I've got a Spanish es.srt file, put it on my video") == ["insertCaption"]


def test_an_asset_is_a_configuration_item() -> None:
    rows = [
        ("createCI", "POST", "/V1.0/ConfigurationItems", "ConfigurationItems_CreateEntity"),
        ("createProduct", "POST", "/V1.0/Products", "Products_CreateEntity"),
        ("createSerial", "POST", "/V1.0/InventoryItems/{parentId}/SerialNumbers", "Add a serial number"),
    ]  # fmt: skip
    index = build(rows)
    request = "register a new Dell laptop as an installed asset for Brightwater"
    assert top(index, request) == ["createCI"]


def test_someone_who_left_the_company_is_a_member_to_remove() -> None:
    rows = [
        ("deleteTeammate", "DELETE", "/teammates/{username}", "Delete teammate"),
        ("getAccount", "GET", "/user/account", "Get a user's account information"),
        ("deleteGroup", "DELETE", "/asm/groups/{group_id}", "Delete a suppression group"),
        ("getCompany", "GET", "/companies/{id}", "Get a company"),
    ]
    index = build(rows)
    request = "jsmith left the company, remove him from our account"
    assert top(index, request) == ["deleteTeammate"]


def test_everyday_words_for_money_held_taken_and_knocked_off() -> None:
    rows = [
        ("getBalance", "GET", "/v1/balance", "Retrieve balance"),
        ("getCashBalance", "GET", "/v1/customers/{customer}/cash_balance", "Retrieve a cash balance"),
        ("cancelIntent", "POST", "/v1/payment_intents/{intent}/cancel", "Cancel a PaymentIntent"),
        ("captureIntent", "POST", "/v1/payment_intents/{intent}/capture", "Capture a PaymentIntent"),
        ("confirmIntent", "POST", "/v1/payment_intents/{intent}/confirm", "Confirm a PaymentIntent"),
        ("createCreditNote", "POST", "/v1/credit_notes", "Issue a credit note to adjust an invoice"),
        ("deleteInvoice", "DELETE", "/v1/invoices/{invoice}", "Delete a draft invoice"),
        ("createCharge", "POST", "/v1/charges", "Create a charge"),
    ]  # fmt: skip
    index = build(rows)
    assert top(index, "how much money do I actually have right now?") == ["getBalance"]
    assert top(index, "release the hold on their card (pi_3Kz)") == ["cancelIntent"]
    assert top(index, "pi_3Kz looks good, go ahead and take the money") == ["captureIntent"]
    assert top(index, "knock $15 off that invoice") == ["createCreditNote"]


def test_pto_is_time_off() -> None:
    rows = [
        ("createTimeOff", "POST", "/Resources/{parentId}/TimeOffRequests", "Create a time off request"),
        ("updateResource", "PUT", "/Resources", "Update a resource"),
        ("createAttachment", "POST", "/Resources/{parentId}/Attachments", "Add an attachment"),
    ]  # fmt: skip
    index = build(rows)
    assert top(index, "submit PTO for resource 29682885, Dec 23 through Dec 27") == [
        "createTimeOff"
    ]


def test_a_thing_the_request_takes_to_exist_is_not_made_anew() -> None:
    """The request acts within a thing it names as one that exists ("on payment
    pay_7Hk2", "to the newsletter list"), so creating another such thing is not what it
    asks; creating one named by its value still is."""
    rows = [
        ("createTask", "POST", "/tasks", "Create a task"),
        ("getTask", "GET", "/tasks/{task}", "Get a task"),
        ("updateTask", "PUT", "/tasks/{task}", "Update a task"),
        ("createStory", "POST", "/tasks/{task}/stories", "Create a story on a task"),
        ("createPayment", "POST", "/payments", "Create a payment"),
        ("capturePayment", "POST", "/payments/{id}/capture", "Capture a payment"),
        ("createVolume", "POST", "/volumes", "Create a volume"),
        ("createSnapshot", "POST", "/volumes/{id}/snapshots", "Snapshot a volume"),
    ]
    index = build(rows)
    assert top(index, "take the money on payment pay_7Hk2") == ["capturePayment"]
    assert "createTask" not in top(index, "drop a note on task 4411 saying we're blocked", 2)
    assert top(index, "create volume data-1") == ["createVolume"]
    assert top(index, "add a task") == ["createTask"]
    # So is one named after a definite word: "to the newsletter list", "the payments pod".
    rows = [
        ("createList", "POST", "/lists", "Create a list"),
        ("getList", "GET", "/lists/{list_id}", "Get a list"),
        ("addMember", "POST", "/lists/{list_id}/members", "Add a member to a list"),
        ("createPod", "POST", "/pods", "Create a pod"),
        ("patchPod", "PATCH", "/pods/{name}", "Partially update a pod"),
    ]
    index = build(rows)
    assert top(index, "add sarah@lee.io to the newsletter list") == ["addMember"]
    assert top(index, "add the label tier=backend to the payments pod") == ["patchPod"]
    assert top(index, "create a list") == ["createList"]
    assert top(index, "create a pod in the dev namespace") == ["createPod"]


def test_what_a_task_waits_on_and_who_is_looped_in() -> None:
    rows = [
        ("getTask", "GET", "/tasks/{task}", "Get a task"),
        ("updateTask", "PUT", "/tasks/{task}", "Update a task"),
        ("getDependencies", "GET", "/tasks/{task}/dependencies", "Get dependencies of a task"),
        ("addFollowers", "POST", "/tasks/{task}/addFollowers", "Add followers to a task"),
        ("listRevisions", "GET", "/files/{file}/revisions", "List a file's revisions"),
        ("getFile", "GET", "/files/{file}", "Get a file"),
    ]
    index = build(rows)
    assert "getDependencies" in top(index, "what is task 88 waiting on?", 2)
    assert top(index, "loop Dana in on task 4411") == ["addFollowers"]
    assert top(index, "version history for logo.png") == ["listRevisions"]


def test_what_is_left_of_an_allowance_and_the_colour_of_a_build() -> None:
    rows = [
        ("getRateLimit", "GET", "/rate_limit", "Get rate limit status for the user"),
        ("getUser", "GET", "/user", "Get the authenticated user"),
        ("getCombinedStatus", "GET", "/commits/{ref}/status", "Get the combined status"),
        ("getCommit", "GET", "/commits/{ref}", "Get a commit"),
    ]
    index = build(rows)
    assert top(index, "how many API calls do I have left?") == ["getRateLimit"]
    assert "getCombinedStatus" in top(index, "is CI green on this commit?", 2)


def test_a_vm_is_an_instance_and_power_verbs_start_and_stop_it() -> None:
    zone = "/projects/{project}/zones/{zone}"
    rows = [
        ("insertInstance", "POST", f"{zone}/instances", "Creates an instance resource"),
        ("startInstance", "POST", f"{zone}/instances/{{instance}}/start", "Starts an instance"),
        ("resetInstance", "POST", f"{zone}/instances/{{instance}}/reset", "Resets an instance"),
        (
            "insertImage",
            "POST",
            "/projects/{project}/global/machineImages",
            "Creates a machine image",
        ),
        (
            "getImage",
            "GET",
            "/projects/{project}/global/machineImages/{image}",
            "Gets a machine image",
        ),
        ("getType", "GET", f"{zone}/machineTypes/{{type}}", "Gets a machine type"),
    ]
    index = build(rows)
    assert top(index, "turn the vm back on") == ["startInstance"]
    assert top(index, "reboot vm web-2") == ["resetInstance"]
    rows.append(("rebootInstance", "POST", "/#Action=RebootInstances", "Requests a reboot"))
    assert top(build(rows), "the web server is hung, bounce it") == ["rebootInstance"]
    assert top(index, "spin up a new vm") == ["insertInstance"]
    # A virtual machine's image is still its image.
    assert top(index, "vm image") == ["getImage"]


@needs_semantic
def test_hybrid_search_keeps_the_lexical_first_and_finds_nothing_for_nothing() -> None:
    lexical, hybrid = small_api(False), small_api(True)
    assert lexical._semantic is None  # never loaded for a lexical index
    assert hybrid._semantic is not None, "the model ships with its package: it must load"
    for query in ("delete the repo", "merge this PR", "my invoices", "list a directory"):
        assert top(hybrid, query) == top(lexical, query)
    # Meaning ranks what words cannot: only "changes" is a word of the API (update), but
    # what is asked is a merge.
    query = "integrate the proposed changes"
    meaning = [hybrid.operations[p]["operation"] for _, p in hybrid._nearness(query, None)]
    assert meaning[0] == "mergePull"
    assert "mergePull" in top(hybrid, query, 2)
    assert "mergePull" not in top(lexical, query, 2)
    # A request none of whose words (nor their near-synonyms) the API has finds nothing,
    # however near some operation's meaning is ("junk" is no word of this API).
    assert hybrid.search("zzzz qqqq") == []
    assert hybrid.search("junk the project") == []
    assert [op["operation"] for op in hybrid.search("repository", 10, tag="pulls")] == [
        "listPulls",
        "mergePull",
    ]


@needs_semantic
def test_a_word_the_api_lacks_searches_the_apis_words_nearest_in_meaning() -> None:
    """ "eliminate" and "obtain" are no words of this API, nor near-synonyms it knows:
    hybrid search also searches the API's words nearest to them (delete, get)."""
    lexical, hybrid = small_api(False), small_api(True)
    assert hybrid._guessed(["eliminate", "obtain"], set()) == ["delet", "get"]
    assert top(hybrid, "eliminate the repository") == ["deleteRepo"]
    assert top(lexical, "eliminate the repository") != ["deleteRepo"]
    # "obtain" names no intent: the request asks to act, yet "get" brings the read near.
    assert "getRepo" in top(hybrid, "obtain the repository", 3)
    assert "getRepo" not in top(lexical, "obtain the repository", 3)
    # A word the API has brings nothing more; neither do words near in spelling only
    # ("invoices" for "invoiced"), nor words near in nothing ("zzzz").
    assert hybrid._guessed(["repository", "repositories", "zzzz"], set()) == []
    assert "invoices" not in hybrid._lexicon.nearest(["invoiced"], 5, 0.0)  # type: ignore[union-attr]
    assert lexical._guessed(["eliminate"], set()) == []  # lexical search: no model, no guess


def test_hybrid_search_without_its_model_is_lexical(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setitem(sys.modules, "wordllama", None)  # as if it were not installed
    hybrid, lexical = small_api(True), small_api(False)
    with caplog.at_level(logging.WARNING):
        assert top(hybrid, "remove a repository", 5) == top(lexical, "remove a repository", 5)
        hybrid.search("list pull requests")
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1 and "lexical only" in warnings[0]


def test_a_request_is_read_up_to_its_first_max_query_characters(index: Index) -> None:
    """A pasted document holds the index no longer than a long sentence does: what comes
    after the first ``MAX_QUERY`` characters is not read, and no word is cut in two."""
    filler = "show " * (MAX_QUERY // 5)
    assert len(filler) == MAX_QUERY
    quiet = index.search(filler)
    assert index.search(filler + "delete the pet " * 10_000) == quiet
    # "remove" crosses the limit: cut anywhere in it, it would still read as "remov(e)".
    head = "show " * (MAX_QUERY // 5 - 1)
    assert index.search(head + "remove") == index.search(head) != index.search("remove")


def test_what_is_in_a_thing_asks_for_its_contents() -> None:
    from mcpgen.runtime.terms import phrase_terms, words

    assert {"content", "children", "tree"} <= set(phrase_terms(words("what's in my folder"))[0])
    assert "tree" in phrase_terms(words("what files are inside remote:docs?"))[0]
    assert phrase_terms(words("what is the time"))[0] == []
    rows = [
        ("getFolder", "GET", "/folders/{id}", "Get a folder"),
        ("listChildren", "GET", "/folders/{id}/children", "List a folder's children"),
    ]
    assert top(build(rows), "what's in folder 7?") == ["listChildren"]


def test_things_in_one_parent_are_its_collection_not_everyones() -> None:
    rows = [
        ("listAllDeployments", "GET", "/deployments", "list deployments"),
        ("listDeployments", "GET", "/namespaces/{namespace}/deployments", "list deployments"),
        ("getDeployment", "GET", "/namespaces/{namespace}/deployments/{name}", "read deployment"),
    ]
    index = build(rows)
    assert top(index, "what deployments are in prod?") == ["listDeployments"]
    assert top(index, "list the deployments in this namespace") == ["listDeployments"]
    assert top(index, "list deployments anywhere") == ["listAllDeployments"]
    # Not a parent: a time, a manner.
    assert top(index, "deployments made in the last hour") == ["listAllDeployments"]
    assert top(index, "deployments in progress") == ["listAllDeployments"]


def test_a_verb_of_change_in_a_question_about_what_happened_is_no_request_to_change() -> None:
    from mcpgen.runtime.asking import changed_in_question

    assert changed_in_question(words("what files have people uploaded to task 4411?")) == [
        "uploaded"
    ]
    assert changed_in_question(words("who deleted the Finance group?")) == ["deleted"]
    assert changed_in_question(words("have I starred this repo?")) == []  # what is asked
    assert changed_in_question(words("who am I logged in as?")) == []  # a verb and particle
    assert changed_in_question(words("upload the file")) == []  # no question
    rows = [
        ("uploadAttachment", "POST", "/attachments", "Upload an attachment"),
        ("listAttachments", "GET", "/tasks/{task}/attachments", "Get attachments from a task"),
    ]
    assert top(build(rows), "what files have people uploaded to task 4411?") == ["listAttachments"]


def test_the_distinct_words_of_many_texts_are_those_of_each() -> None:
    from mcpgen.runtime.terms import distinct_words

    texts = [
        "List PRs for a user",
        "GET /repos/{owner}/pullRequests",
        "a <b>bold</b> &amp; tag",
        "x <",
    ]
    assert distinct_words(texts) == {w for text in texts for w in words(text)}
    # A "<" in one text and a ">" in the next make no tag across them.
    assert {"kept", "here"} <= distinct_words(["a < b", "kept here", "c > d"])


def test_a_post_whose_action_reads_is_a_read() -> None:
    from mcpgen.runtime.traits import reads_by_name

    assert reads_by_name("POST", "/v2/customers/search")
    assert reads_by_name("POST", "/v2/orders/batch-retrieve")
    assert reads_by_name("POST", "/me/microsoft.graph.getSchedule")
    assert reads_by_name("POST", "/zones/{zone}/backendServices/{name}/getHealth")
    assert not reads_by_name("GET", "/v2/customers/search")  # a GET reads anyway
    assert not reads_by_name("POST", "/v2/customers")
    assert not reads_by_name("POST", "/v1/tax/calculations")
    assert not reads_by_name("POST", "/searches/{id}")
    rows = [
        ("createCustomer", "POST", "/v2/customers", "Create a customer"),
        ("searchCustomers", "POST", "/v2/customers/search", "Search customers"),
        ("listCustomerGroups", "GET", "/v2/customers/groups", "List customer groups"),
    ]
    index = build(rows)
    assert top(index, "which customers have the phone 415-555-0199?") == ["searchCustomers"]
    assert top(index, "add a customer named Ada") == ["createCustomer"]


def test_an_action_named_in_the_path_says_what_the_operation_does() -> None:
    """Remote-procedure APIs name the action in the path and send every one as a GET or a
    POST (``GET /#Action=TerminateInstances``, ``POST /item/remove``): the action's verb
    says which intent it answers, not the method."""
    from mcpgen.runtime.traits import action_words, method_by_name

    assert action_words("/#Action=RunInstances") == (["run", "instances"], True)
    assert action_words("/v1/{name}:cancel") == (["cancel"], True)
    assert action_words("/me/microsoft.graph.getSchedule") == (["get", "schedule"], False)
    assert action_words("/pets/{id}") == ([], False)
    assert method_by_name("GET", "/#Action=TerminateInstances") == "DELETE"
    assert method_by_name("GET", "/#Action=RunInstances") == "POST"
    assert method_by_name("GET", "/#Action=ModifyVolume") == "PATCH"
    assert method_by_name("GET", "/#Action=RebootInstances") == "POST"  # no intent: acts
    assert method_by_name("GET", "/#Action=DescribeInstances") == "GET"
    assert method_by_name("POST", "/item/remove") == "DELETE"
    assert method_by_name("POST", "/#Action=TerminateInstances") == "DELETE"
    assert method_by_name("POST", "/#Action=AssignPrivateIpAddresses") == "PATCH"
    assert method_by_name("POST", "/#Action=DescribeInstances") == "GET"
    assert method_by_name("POST", "/accounts/{id}/resume") == "POST"
    # A path that names no action the remote-procedure way keeps its method.
    assert method_by_name("GET", "/namespaces/{namespace}/pods/{name}/log") == "GET"
    assert method_by_name("POST", "/v1/customers") == "POST"
    rows = _actions(
        ("DescribeInstances", "Describes the specified instances"),
        ("RunInstances", "Launches the specified number of instances"),
        ("TerminateInstances", "Shuts down the specified instances"),
        ("RebootInstances", "Requests a reboot of the specified instances"),
    )
    index = build(rows)
    assert top(index, "delete the instances i-0abc and i-0def") == ["GETTerminateInstances"]
    assert top(index, "describe instance i-0abc") == ["GETDescribeInstances"]
    # The GET and POST of one action are one answer: the next is another action.
    assert top(index, "delete the instances i-0abc and i-0def", 2)[1] != "POSTTerminateInstances"


def test_what_an_action_at_the_end_of_a_path_acts_on_is_the_segment_before() -> None:
    """``/item/remove``, ``/customers/search``: the last segment is the verb, what it acts on
    comes before it; a part of one item (``/deployments/{name}/status``) is what it is."""
    rows = [
        ("removeItem", "POST", "/item/remove", "Remove an Item"),
        ("getBalance", "POST", "/accounts/balance/get", "Retrieve real-time balance data"),
        ("searchCustomers", "POST", "/v2/customers/search", "Search customers"),
        ("readStatus", "GET", "/deployments/{name}/status", "read status of a Deployment"),
        ("listCustomers", "GET", "/v2/customers", "List customers"),
    ]
    resources = [sorted(r) for r in _segmented(rows).traits.resources]
    assert resources == [["item"], ["balanc"], ["custom"], ["status"], ["custom"]]


def test_the_verb_that_opens_an_action_segment_is_not_what_it_acts_on() -> None:
    """``/pipelines/{name}/createRun`` makes a run, ``/tasks/{gid}/addProject`` adds a
    project: "create" and "add" say what it does, and a request that says them does not
    ask for that thing."""
    rows = [
        ("createRun", "POST", "/pipelines/{pipelineName}/createRun", "Creates a run"),
        ("addProject", "POST", "/tasks/{task_gid}/addProject", "Add a project to a task"),
        ("listAuthKeys", "POST", "/runtimes/{name}/listAuthKeys", "Retrieves the keys"),
        ("getHealth", "POST", "/services/{name}/getHealth", "Gets the health"),
        ("startCluster", "POST", "/clusters/{name}:start", "Starts a cluster"),
    ]
    resources = [sorted(r) for r in _segmented(rows).traits.resources]
    assert resources == [["run"], ["project"], ["auth", "key"], ["health"], ["cluster"]]
    # An action named the remote-procedure way acts on what its name says after the verb,
    # not on the header and service before it.
    rows = [
        ("StartReplicationTask", "POST", "/#X-Amz-Target=DMSv20160101.StartReplicationTask",
         "Starts a replication task"),
        ("DescribeInstances", "GET", "/#Action=DescribeInstances", "Describes instances"),
    ]  # fmt: skip
    resources = [sorted(r) for r in _segmented(rows).traits.resources]
    assert resources == [["replic", "task"], ["instanc"]]


def test_a_noun_of_the_api_followed_by_a_determiner_is_a_verb() -> None:
    from mcpgen.runtime.asking import asked_for

    nouns = frozenset({"claim", "volum", "pod", "tag", "releas"})
    assert asked_for("claim a 10Gi volume for the database", [], nouns, nouns) == "act"
    assert asked_for("tag this release as stable", [], nouns, nouns) == "act"
    assert asked_for("pods in prod", ["pods", "prod"], nouns, nouns) == "list"
    # A verb, then a determiner or a value: a write, whatever plural follows.
    assert asked_for("request a volume for my postgres pod", ["postgres"], nouns) == "act"
    assert asked_for("postgres pods", ["postgres", "pods"], nouns) == "list"
    # A preposition is no verb.
    assert asked_for("across the account, how much quota is used?", ["quota"]) != "act"


def test_what_a_thing_is_added_to_is_not_what_is_asked_for() -> None:
    from mcpgen.runtime.objects import added_to

    def read(request: str) -> tuple[list[str], list[str]]:
        return added_to(request.split())

    assert read("add user 5 to group 9") == (["user"], ["group"])
    assert read("put a heart on the comment") == (["heart"], ["comment"])
    assert read("create a group") == ([], [])
    rows = [
        ("createCollection", "POST", "/collections", "Create a collection"),
        ("createField", "POST", "/fields/{collection}", "Create a field in a collection"),
    ]
    query = "add an integer 'rating' column to the reviews collection"
    assert top(build(rows), query) == ["createField"]
    # A thing the API has a near-synonym of is added: a heart is a reaction, no change.
    rows = [
        ("updateComment", "PATCH", "/comments/{id}", "Update a comment"),
        ("createReaction", "POST", "/comments/{id}/reactions", "Create a reaction"),
    ]
    assert top(build(rows), "put a heart on comment 7") == ["createReaction"]


def test_where_or_whose_a_thing_is_is_not_what_is_asked_for() -> None:
    from mcpgen.runtime.objects import object_and_context

    def read(request: str) -> tuple[list[str], list[str]]:
        return object_and_context(request.split())

    assert read("cut a branch from tag v1.2.0 in project 42") == (
        ["cut", "branch"],
        ["tag", "project"],
    )
    assert read("list the pods in the dev namespace") == (["list", "pods"], ["dev", "namespace"])
    # The words after a preposition count from past its determiners.
    assert read("remove the old instances from the payments target group") == (
        ["remove", "old", "instances"],
        ["payments", "target", "group"],
    )
    assert read("add user 5 to group 9") == (["user"], ["group"])  # what is added, to what
    assert read("delete the stale branches") == ([], [])
    rows = [
        ("createTag", "POST", "/tags", "Create a tag from a branch"),
        ("createBranch", "POST", "/branches", "Create a branch from a tag"),
    ]
    assert top(build(rows), "cut a branch from tag v1.2.0") == ["createBranch"]


def test_a_request_that_first_tells_how_things_are_asks_in_a_later_clause() -> None:
    from mcpgen.runtime.asking import asked_for

    nouns = frozenset({"pull", "review", "droplet", "campaign", "send"})
    assert asked_for("PR 12 looks good to me, approve it", ["pr", "good"], nouns) == "update"
    assert asked_for("campaign 55 has the wrong price - stop it!", ["price"], nouns) == "act"
    assert asked_for("droplet 31 is frozen; give it a hard reboot", [], nouns) == "act"
    # Things that seem, look or keep so tell as a thing that seems does.
    query = "old replicasets seem to be piling up in staging, list them"
    assert asked_for(query, ["old", "replicasets", "piling", "staging"], nouns) == "list"
    # Not where the request opens with its verb, nor where the first clause tells nothing.
    assert asked_for("delete task 5, it is a duplicate", ["task"], nouns) == "delete"
    assert asked_for("in project 42, list the open issues", ["issues"], nouns) == "list"
    assert asked_for("the droplets in nyc1, all of them", ["droplets"], nouns) == "list"
    # "clean out" deletes.
    assert asked_for("clean out all the pods in the ci namespace", ["pods"], nouns) == "delete"


def test_a_hyphenated_name_before_a_noun_of_the_api_is_a_value() -> None:
    """ "the node-exporter daemonset": a name, not words of the request, unless the API
    says its words in a row ("the toll-free number")."""
    rows = [
        ("patchNode", "PATCH", "/nodes/{name}", "Partially update the specified Node"),
        ("readNode", "GET", "/nodes/{name}", "Read the specified Node"),
        ("patchDaemonSet", "PATCH", "/daemonsets/{name}", "Partially update a DaemonSet"),
        ("listTollFree", "GET", "/numbers/toll-free", "List toll free numbers"),
        ("listLocal", "GET", "/numbers/local", "List local numbers"),
        ("buyNumber", "POST", "/numbers", "Buy a number"),
    ]
    index = build(rows)
    assert top(index, "update the image of the node-exporter daemonset") == ["patchDaemonSet"]
    assert top(index, "list the toll-free numbers") == ["listTollFree"]
    assert "node" not in read("update the node-exporter daemonset", index.words, NONE).own
    # A word between the determiner and the name: "the old feature-flags daemonset".
    assert "flags" not in read("drop the old feature-flags daemonset", index.words, NONE).own
    assert {"toll", "free"} <= set(read("buy the toll-free number", index.words, NONE).own)
    # Not after a determiner, or not before a noun of the API: the request's own words.
    assert "node" in read("update node-exporter", index.words, NONE).own


def test_words_about_the_http_request_itself_are_no_terms() -> None:
    """ "connect POST requests to proxy of Pod": the method is the operation's, and a
    request for a volume is no request to a pod's proxy."""
    core, more = document_terms(
        "connectPostPodProxy", "connect POST requests to proxy of Pod",
        "Connect GET requests to the pod's proxy.", "/pods/{name}/proxy", [], [],
    )  # fmt: skip
    assert "request" not in core + more
    rows = [
        ("connectPostPodProxy", "POST", "/pods/{name}/proxy",
         "connect POST requests to proxy of Pod"),
        ("createClaim", "POST", "/persistentvolumeclaims",
         "create a volume claim: a request for storage"),
    ]  # fmt: skip
    assert top(build(rows), "request a 10Gi volume for my postgres pod") == ["createClaim"]
    # Nor is the method in the name of an operation that passes such requests on: "get
    # the pods" lists them, and does not open a pod's port-forward.
    rows = [
        ("connectCoreV1GetNamespacedPodPortforward", "GET", "/namespaces/{ns}/pods/{name}/portforward",
         "connect GET requests to portforward of Pod"),
        ("listCoreV1NamespacedPod", "GET", "/namespaces/{ns}/pods", "list or watch objects of kind Pod"),
    ]  # fmt: skip
    assert top(build(rows), "get the pods") == ["listCoreV1NamespacedPod"]
    core, _ = document_terms("getPet", "Get a pet", "", "/pets/{id}", [], [])
    assert "get" in core  # a name's verb where no requests are spoken of


def test_a_question_about_what_i_am_or_have_is_about_my_own_things() -> None:
    rows = [
        ("listRepoTeams", "GET", "/repos/{repo}/teams", "List teams"),
        ("listUserTeams", "GET", "/user/teams", "List teams"),
        ("getTeam", "GET", "/teams/{id}", "Get a team"),
    ]
    index = build(rows)
    assert top(index, "which teams am I on?") == ["listUserTeams"]
    assert top(index, "which teams do I have?") == ["listUserTeams"]
    assert top(index, "which teams is the repo on?") == ["listRepoTeams"]


def test_a_persons_name_is_no_word_and_the_one_acted_on_is_a_member() -> None:
    rows = [
        ("deleteOrg", "DELETE", "/orgs/{org}", "Delete an organization"),
        (
            "removeMember",
            "DELETE",
            "/orgs/{org}/members/{username}",
            "Remove a member from an organization",
        ),
        ("getOrg", "GET", "/orgs/{org}", "Get an organization"),
        ("createCustomer", "POST", "/customers", "Create a customer"),
        ("createUser", "POST", "/users", "Create a user"),
    ]
    index = build(rows)
    assert top(index, "kick bob out of the acme organization") == ["removeMember"]
    assert top(index, "delete the acme organization") == ["deleteOrg"]
    # A name that follows the noun saying who it is: that noun says it.
    assert top(index, "add a customer: Jane Doe, born March 3") == ["createCustomer"]
    assert "user" in read("kick bob out", index.words, NONE).near
    assert "user" not in read("add a customer: Jane Doe", index.words, NONE).near


def test_deleting_things_is_deleting_the_collection() -> None:
    rows = [
        ("deletePod", "DELETE", "/namespaces/{namespace}/pods/{name}", "delete a Pod"),
        ("deletePods", "DELETE", "/namespaces/{namespace}/pods", "delete collection of Pod"),
        ("listPods", "GET", "/namespaces/{namespace}/pods", "list or watch objects of kind Pod"),
    ]
    index = build(rows)
    assert top(index, "clean out all the pods in the ci namespace") == ["deletePods"]
    assert top(index, "delete pod web-1 in the ci namespace") == ["deletePod"]


def test_a_path_segment_that_opens_with_self_or_my_is_the_callers_own() -> None:
    rows = [
        ("listOrders", "GET", "/orders", "List orders"),
        ("listMyOrders", "GET", "/myOrders", "List orders"),
        ("createReview", "POST", "/subjectaccessreviews", "create a review of access"),
        ("createSelfReview", "POST", "/selfsubjectaccessreviews", "create a review of access"),
    ]
    segments = [["order"], ["order"], ["subject access review"], ["self subject access review"]]
    index = build(rows, segments)
    assert top(index, "which orders do I have?") == ["listMyOrders"]
    assert top(index, "list all orders") == ["listOrders"]
    assert top(index, "am I allowed to delete pods?") == ["createSelfReview"]


@pytest.mark.parametrize(
    ("framed", "plain"),
    [
        ("which endpoint creates a repository?", "create a repository"),
        ("what is the endpoint to create a repository", "create a repository"),
        ("what's the API for creating a repository", "create a repository"),
        ("is there a way to merge a pull request?", "merge a pull request"),
        ("which operation merges a pull request", "merge a pull request"),
        ("which endpoints list pull requests", "list pull requests"),
        ("API call to delete a repo", "delete a repo"),
        ("is it possible to update a repository?", "update a repository"),
        ("does the API support listing pull requests?", "list pull requests"),
        ("what endpoint do I use to get the authenticated user?", "get the authenticated user"),
        ("which API call lets me merge a pull request?", "merge a pull request"),
        ("what call do I make to delete a repo?", "delete a repo"),
        ("which API request should we send to merge a pull request", "merge a pull request"),
        ("what endpoint do I need to hit to create a repository?", "create a repository"),
        ("what method do I have to call to delete a repo", "delete a repo"),
        ("what endpoint allows you to delete a repo", "delete a repo"),
        ("I need an API to create a repository", "create a repository"),
        ("we're looking for an endpoint to list pull requests", "list pull requests"),
        ("API to delete a repo", "delete a repo"),
        ("find the operation to merge a pull request", "merge a pull request"),
        ("search for an endpoint that lets me delete a repo", "delete a repo"),
        ("look up the API call which can create a repository", "create a repository"),
        ("any way to merge a pull request?", "merge a pull request"),
        ("Do you know how to delete a repo?", "delete a repo"),
        ("I'm not sure how to create a repository", "create a repository"),
        ("wondering how to merge a pull request", "merge a pull request"),
        ("Trying to figure out how to delete a repo", "delete a repo"),
        ("I wonder if I can merge a pull request?", "merge a pull request"),
        ("Should I delete a repo?", "delete a repo"),
        ("What are the steps to create a repository?", "create a repository"),
        ("What do I call to merge a pull request?", "merge a pull request"),
        ("Looking for a way to delete a repo", "delete a repo"),
        ("What's the easiest way to delete a repo?", "delete a repo"),
        ("what's the recommended way for me to merge a pull request", "merge a pull request"),
        ("Is there an API that lets me create a repository?", "create a repository"),
        ("is there a way I can delete a repo?", "delete a repo"),
        ("Are you able to merge a pull request?", "merge a pull request?"),
        ("Can someone delete a repo?", "delete a repo?"),
        ("I'd appreciate it if you could create a repository", "create a repository"),
        ("Can the API merge a pull request?", "merge a pull request"),
        ("Tell me the endpoint to delete a repo", "delete a repo"),
        ("Get me the API call to create a repository", "create a repository"),
        ("I'd like the endpoint to delete a repo", "delete a repo"),
        ("What do I need to create a repository?", "create a repository"),
        ("can u merge a pull request?", "merge a pull request?"),
        ("Which API method do I use to delete a repo?", "delete a repo"),
        ("What's the correct HTTP method and path to delete a repo?", "delete a repo"),
        ("Is there a tool you can use to create a repository?", "create a repository"),
        ("What request do I need to send to merge a pull request?", "merge a pull request"),
        ("Is there any way you can delete a repo?", "delete a repo"),
        ("Can you show me some code to create a repository?", "create a repository"),
        ("Remind me, how do you merge a pull request?", "merge a pull request"),
        ("Which tool should I use to merge a pull request?", "merge a pull request"),
        # What follows "to" or "for" in such a question is what it asks about.
        (
            "What's the API call for the pull requests that need a review?",
            "the pull requests that need a review",
        ),
        ("Which tool should I use to the repo I just forked?", "the repo I just forked"),
        # When the caller would like it done: no words of what.
        ("delete a repo as soon as possible", "delete a repo"),
        ("create a repository asap, if possible", "create a repository"),
        ("When you can, merge a pull request", "merge a pull request"),
        ("plz delete a repo", "delete a repo"),
        ("i need u to create a repository", "create a repository"),
        ("Anyway to delete a repo?", "delete a repo"),
        ("write a script to delete a repo", "delete a repo"),
        ("Write Python code that calls the API to create a repository", "create a repository"),
        ("give me a curl command that lists pull requests", "list pull requests"),
        # How the caller would have it done: through the API, as every request is.
        ("delete a repo via the API", "delete a repo"),
        ("Using the REST API, merge a pull request", "merge a pull request"),
        # No frame, or nothing after it that asks: as it is.
        ("what endpoints are there?", "what endpoints are there?"),
        ("which teams am I on?", "which teams am I on?"),
        ("request to join group 9", "request to join group 9"),
        ("which calls failed yesterday?", "which calls failed yesterday?"),
        ("what API keys do I have?", "what API keys do I have?"),
        ("operations for the dev zone", "operations for the dev zone"),
        ("API keys to rotate", "API keys to rotate"),
        ("which requests for review are open?", "which requests for review are open?"),
        ("write a function to resize images", "write a function to resize images"),
        # Where to go asks where: a page, a link.
        ("where do I go to upgrade our plan?", "where do I go to upgrade our plan?"),
        ("get me the repos", "get me the repos"),
        ("I'd like the report for May", "I'd like the report for May"),
        ("add the operation to the API", "add the operation to the API"),
    ],
)
def test_a_question_about_the_apis_way_of_doing_something_asks_to_do_it(
    framed: str, plain: str, index: Index
) -> None:
    """A model looking for an operation may ask which endpoint does it: the request is
    to do it, and "endpoint", "API", "call" are no words of it."""
    assert unframed(opening(framed)) == plain
    if framed != plain:
        assert top(index, framed, 3) == top(index, plain, 3)
        assert index.search(framed, 1)[0]["method"] != "GET" or plain.startswith(
            ("get", "list", "the")
        )


def test_what_a_program_printed_is_its_log() -> None:
    rows = [
        ("deletePod", "DELETE", "/namespaces/{namespace}/pods/{name}", "delete a Pod"),
        ("readPodLog", "GET", "/namespaces/{namespace}/pods/{name}/log", "read log of a Pod"),
        ("readPod", "GET", "/namespaces/{namespace}/pods/{name}", "read the specified Pod"),
    ]
    index = build(rows)
    assert top(index, "web-5d8f keeps restarting, what did it print?") == ["readPodLog"]


def test_a_condition_on_a_number_asks_to_search() -> None:
    rows = [
        ("listCharges", "GET", "/v1/charges", "List all charges"),
        ("searchCharges", "GET", "/v1/charges/search", "Search charges"),
        ("getCharge", "GET", "/v1/charges/{charge}", "Retrieve a charge"),
    ]
    index = build(rows)
    assert top(index, "pull up every charge over $1000 from last week") == ["searchCharges"]
    assert top(index, "pull up every charge from last week") == ["listCharges"]
    # Or a date.
    assert top(index, "which charges were made before June 30?") == ["searchCharges"]
    assert top(index, "charges created after 2024-06-01") == ["searchCharges"]
    assert top(index, "back up the charges before I migrate") != ["searchCharges"]


def test_have_in_a_question_with_do_is_no_word_of_what_is_meant() -> None:
    """ "which webhooks do we have configured?": the endpoint's description that says
    what a webhook "must have" is no better for it."""
    rows = [
        ("createWebhook", "POST", "/webhooks", "Create a webhook: it must have a URL"),
        ("listWebhooks", "GET", "/webhooks", "List webhooks"),
    ]
    index = build(rows)
    assert top(index, "which webhooks do we have?") == ["listWebhooks"]
    assert "have" not in read("which webhooks does the repo have?", index.words, NONE).own
    assert "have" in read("we have a webhook to create", index.words, NONE).own


def test_money_given_back_is_a_refund_and_taken_back_a_reversal() -> None:
    rows = [
        ("createCharge", "POST", "/v1/charges", "Create a charge"),
        ("createRefund", "POST", "/v1/refunds", "Create a refund"),
        ("createTransfer", "POST", "/v1/transfers", "Create a transfer"),
        ("createReversal", "POST", "/v1/transfers/{id}/reversals", "Create a transfer reversal"),
    ]
    index = build(rows)
    assert top(index, "give back half of what they paid") == ["createRefund"]
    assert "createReversal" in top(index, "we paid the vendor by mistake, pull the money back", 2)


def test_odata_markers_say_how_the_segment_before_is_acted_on() -> None:
    """OData's ``$ref`` (a link to the thing) and ``$value`` (its raw content) are no thing
    an operation acts on: ``POST /groups/{id}/members/$ref`` adds a member, and "ref" is no
    word of its path a request would have to say (as ``$count``, a read's verb, is not)."""
    rows = [
        ("addMember", "POST", "/groups/{group-id}/members/$ref", "Create ref to members"),
        ("photo", "GET", "/users/{user-id}/photo/$value", "Get media content for photo"),
        ("countMembers", "GET", "/groups/{group-id}/members/$count", "Get the number"),
        *[(f"list{kind}", "GET", f"/{kind}", f"List {kind}") for kind in KINDS],
    ]
    traits = _segmented(rows).traits
    assert [sorted(r) for r in traits.resources[:3]] == [["member"], ["photo"], ["member"]]
    assert [sorted(p) for p in traits.path_terms[:2]] == [["group", "member"], ["photo", "user"]]


KINDS = ("sites", "drives", "teams", "chats", "devices", "contacts", "events", "plans")


def test_a_number_with_a_currency_is_money_and_sent_it_is_a_payment() -> None:
    """ "25 euros" and "USD 20" are money as "€25" is: what takes an amount is meant, and
    the currency is no word of the request. Money sent, wired or paid is a payment."""
    rows = [
        ("createPayment", "POST", "/accounts/{id}/payment", "Create a new Payment"),
        ("createBatch", "POST", "/accounts/{id}/payment-batch", "Create a batch by sending"),
        ("listEuroRates", "GET", "/euro-rates", "List euro exchange rates"),
        ("createNote", "POST", "/notes", "Create a note"),
    ]  # fmt: skip
    index = build(rows)
    for query in ("send 25 euros to Jan for the pizza", "wire USD 20 to Sam", "send €25 to Jan"):
        reading = read(query, index.words, frozenset())
        assert "amount" in reading.kinds
        assert "euro" not in reading.own_terms and "usd" not in reading.own_terms
        found = top(index, query, 2)
        assert "createPayment" in found and "listEuroRates" not in found


def test_a_person_by_title_and_name_is_someone_and_booking_makes_an_appointment() -> None:
    """ "Mrs. Alvarez" and "Dr. Patel" are people, whatever their names: no words of the
    request; a doctor's title says a doctor is meant. To book is to make an appointment,
    and a visit is one."""
    rows = [
        ("createAppointment", "POST", "/appointments", "Create appointment"),
        ("updateAppointment", "PATCH", "/appointments/{id}", "Update appointment"),
        ("listDoctors", "GET", "/doctors", "List doctors"),
        ("createPatient", "POST", "/patients", "Create patient"),
        ("listRooms", "GET", "/rooms", "List exam rooms"),
    ]  # fmt: skip
    index = build(rows)
    query = "book Mrs. Alvarez with Dr. Patel next Tuesday at 10am"
    reading = read(query, index.words, frozenset())
    assert not {"mrs", "alvarez", "dr", "patel"} & set(reading.own_terms)
    assert "doctor" in reading.near
    assert top(index, query) == ["createAppointment"]
    assert top(index, "move visit 88213 to 3pm on Thursday") == ["updateAppointment"]
    assert top(index, "which doctors are there?") == ["listDoctors"]


def test_something_got_done_asks_for_the_verb_after_get() -> None:
    """ "get him set up", "get the server restarted": what is asked is the verb after
    "get", which asks to read nothing there; "get user 12" still reads."""
    rows = [
        ("createUser", "POST", "/users", "Create user"),
        ("getUser", "GET", "/users/{id}", "Get user"),
        ("listUsers", "GET", "/users", "List users"),
        ("restartServer", "POST", "/servers/{id}/restart", "Restart server"),
        ("getServer", "GET", "/servers/{id}", "Get server"),
    ]  # fmt: skip
    index = build(rows)
    assert top(index, "new hire Sam Ortiz starts Monday, please get him set up") == ["createUser"]
    assert top(index, "get the server restarted, it is stuck") == ["restartServer"]
    assert top(index, "get user 12") == ["getUser"]


def test_to_erase_a_device_may_be_to_wipe_it() -> None:
    rows = [
        ("wipeDevice", "POST", "/devices/{id}/wipe", "Wipe a managed device"),
        ("lockDevice", "POST", "/devices/{id}/lock", "Lock a managed device"),
        ("getDevice", "GET", "/devices/{id}", "Get a managed device"),
        ("listApps", "GET", "/devices/{id}/apps", "List the apps of a device"),
    ]  # fmt: skip
    index = build(rows)
    assert top(index, "an iPad was stolen, erase it remotely") == ["wipeDevice"]


def test_thumbs_up_or_down_rates() -> None:
    rows = [
        ("rateVideo", "PUT", "/videos/{id}/rate", "Like or dislike a video"),
        ("getVideo", "GET", "/videos/{id}", "Get a video"),
        ("listVideos", "GET", "/videos", "List videos"),
        ("updateVideo", "PUT", "/videos/{id}", "Update a video"),
    ]  # fmt: skip
    index = build(rows)
    assert top(index, "thumbs up video 77") == ["rateVideo"]
    assert top(index, "give video 12 a thumbs down") == ["rateVideo"]


def test_to_flag_reports_and_to_take_down_deletes() -> None:
    rows = [
        ("reportAbuse", "POST", "/abuses", "Report an abuse"),
        ("deleteVideo", "DELETE", "/videos/{id}", "Delete a video"),
        ("getVideo", "GET", "/videos/{id}", "Get a video"),
        ("listMyVideos", "GET", "/users/me/videos", "List my videos"),
        ("updateVideo", "PUT", "/videos/{id}", "Update a video"),
    ]  # fmt: skip
    index = build(rows)
    near = read("flag this video, it's a stolen copy of my work", index.words, NONE).near
    assert {"report", "abus"} <= set(near)
    assert top(index, "permanently take down my old intro video") == ["deleteVideo"]


def test_something_done_at_regular_times_is_scheduled() -> None:
    rows = [
        ("createPayment", "POST", "/payments", "Create a payment"),
        ("createSchedule", "POST", "/schedule-payments", "Create a recurring payment"),
        ("listPayments", "GET", "/payments", "List payments"),
    ]  # fmt: skip
    index = build(rows)
    query = "pay my landlord €950 rent on the 1st of every month"
    assert top(index, query) == ["createSchedule"]
    assert top(index, "pay my landlord €950 rent") == ["createPayment"]


def test_an_action_named_after_its_service_is_the_actions_own() -> None:
    """AWS's JSON APIs name each action after the service (``X-Amz-Target=SageMaker.
    DescribeEndpoint``): the verb is the action's, not the service's."""
    from mcpgen.runtime.traits import action_words, method_by_name

    path = "/#X-Amz-Target=SageMaker.DescribeEndpoint"
    assert action_words(path) == (["describe", "endpoint"], True)
    assert method_by_name("POST", path) == "GET"
    assert method_by_name("POST", "/#X-Amz-Target=SageMaker.DeleteEndpoint") == "DELETE"


def test_a_question_about_how_far_something_got_reads_it() -> None:
    from mcpgen.runtime.asking import changed_in_question

    said = words("is the endpoint InService yet or still creating?")
    assert changed_in_question(said) == ["creating"]
    assert changed_in_question(words("has the export finished yet?")) == []  # no change
    assert changed_in_question(words("is she still subscribed?")) == []  # the state itself
    assert changed_in_question(words("is the endpoint creating?")) == []  # not how far
    rows = [
        ("CreateEndpoint", "POST", "/#X-Amz-Target=SageMaker.CreateEndpoint", "Creates an endpoint"),
        ("DeleteEndpoint", "POST", "/#X-Amz-Target=SageMaker.DeleteEndpoint", "Deletes an endpoint, if it is still there"),
        ("DescribeEndpoint", "POST", "/#X-Amz-Target=SageMaker.DescribeEndpoint", "Returns the description of an endpoint"),
        ("ListEndpoints", "POST", "/#X-Amz-Target=SageMaker.ListEndpoints", "Lists endpoints"),
    ]  # fmt: skip
    index = build(rows)
    request = read("is the fraud endpoint InService yet or still creating?", index.words, NONE)
    assert not {"creat", "still", "yet"} & {*request.own_terms, *request.near}
    # Read, not made nor deleted.
    found = top(index, "is the fraud endpoint InService yet or still creating?", 2)
    assert set(found) == {"DescribeEndpoint", "ListEndpoints"}


def test_similar_things_are_related_and_what_is_suggested_recommended() -> None:
    rows = [
        ("getRelated", "GET", "/movies/{id}/related", "Get related movies"),
        ("getMovie", "GET", "/movies/{id}", "Get a movie"),
        ("hideRecommendation", "DELETE", "/recommendations/movies/{id}", "Hide a movie recommendation"),
        ("deleteList", "DELETE", "/lists/{id}", "Delete a list"),
        ("listComments", "GET", "/movies/{id}/comments", "Get all comments for a movie"),
    ]  # fmt: skip
    index = build(rows)
    assert top(index, "anything similar to movie 12?") == ["getRelated"]
    assert top(index, "stop suggesting movie 12 to me") == ["hideRecommendation"]
    assert top(index, "what are people saying about movie 12?") == ["listComments"]


def test_trash_second_factors_top_ups_and_replies() -> None:
    rows = [
        ("listDeleted", "GET", "/nodes/{id}/deleted_nodes", "List deleted nodes of a room"),
        ("listNodes", "GET", "/nodes", "List nodes"),
        ("enableTotp", "POST", "/account/mfa/totp", "Enable TOTP MFA"),
        ("getAccount", "GET", "/account", "Get the account"),
        ("listPackages", "GET", "/recharge/packages", "Get the recharge packages"),
        ("listInbound", "GET", "/sms/inbound", "Get all inbound SMS"),
        ("sendSms", "POST", "/sms/send", "Send an SMS"),
        ("subscribe", "POST", "/subscriptions/nodes/{id}", "Subscribe to node notifications"),
        ("emailNode", "POST", "/nodes/{id}/email", "Send a node by email"),
        ("removeDuplicates", "PUT", "/lists/{id}/remove-duplicates", "Remove duplicate contacts"),
        ("getList", "GET", "/lists/{id}", "Get a contact list"),
    ]  # fmt: skip
    index = build(rows)
    assert top(index, "what's sitting in room 4's recycle bin?") == ["listDeleted"]
    assert top(index, "here's the code from my authenticator app, finish two-factor setup") == [
        "enableTotp"
    ]
    assert top(index, "which top-up bundles can I buy?") == ["listPackages"]
    assert top(index, "show me what customers texted back") == ["listInbound"]
    assert top(index, "email me when something changes in folder 9") == ["subscribe"]
    assert top(index, "I want an email every time someone touches folder 9") == ["subscribe"]
    assert top(index, "dedupe list 4") == ["removeDuplicates"]


def test_a_first_names_surname_is_a_name_and_someone_added_may_be_a_contact() -> None:
    rows = [
        ("addContact", "POST", "/lists/{list_id}/contacts", "Create a new contact"),
        ("receipt", "POST", "/fax/receipts", "Add a test delivery receipt"),
        ("updateList", "PUT", "/lists/{list_id}", "Update a specific contact list"),
        ("createList", "POST", "/lists", "Create a new contact list"),
    ]  # fmt: skip
    index = build(rows)
    request = read("add Maria Lopez to my newsletter list 4821", index.words, NONE)
    assert "lopez" not in request.own and "contact" in request.near
    assert top(index, "add Maria Lopez to my newsletter list 4821") == ["addContact"]


def test_price_rates_picture_messages_deadlines_and_reading_out_loud() -> None:
    rows = [
        ("getPricing", "GET", "/pricing/{country}", "Get the country's pricing"),
        ("listNumbers", "GET", "/numbers", "Get all your dedicated numbers"),
        ("sendMms", "POST", "/mms/send", "Send MMS"),
        ("sendSms", "POST", "/sms/send", "Send SMS"),
        ("sendVoice", "POST", "/voice/send", "Send voice message"),
        ("readSms", "PUT", "/sms/inbound-read", "Mark inbound SMS as read"),
        ("updateShare", "PUT", "/shares/{id}/expiration", "Update the expiration date of a share"),
        ("renameShare", "PUT", "/shares/{id}/name", "Rename a share"),
        ("emailShare", "POST", "/shares/{id}/email", "Send a share link by email"),
    ]  # fmt: skip
    index = build(rows)
    assert top(index, "what are your rates in the UK?") == ["getPricing"]
    assert top(index, "send a picture to 0400 000 000 as a multimedia message") == ["sendMms"]
    assert top(index, "send my clients the reminder, spoken out loud") == ["sendVoice"]
    assert top(index, "push the deadline on share 55 to June 30") == ["updateShare"]


def test_how_far_along_is_progress_and_what_is_logged_is_history() -> None:
    rows = [
        ("getProgress", "GET", "/shows/{id}/progress/watched", "Get show watched progress"),
        ("getSeasons", "GET", "/shows/{id}/seasons", "Get all seasons for a show"),
        ("getShow", "GET", "/shows/{id}", "Get a single show"),
        ("addHistory", "POST", "/sync/history", "Add items to watched history"),
        ("stopScrobble", "POST", "/scrobble/stop", "Stop or finish watching in a media center"),
    ]  # fmt: skip
    index = build(rows)
    assert top(index, "how far along am I in show 12? which episodes have I completed?") == [
        "getProgress"
    ]
    assert top(index, "just finished movie 9 on the flight, log it as watched") == ["addHistory"]


def test_what_happens_automatically_is_a_default() -> None:
    rows = [
        ("setDefaultExpiry", "PUT", "/rooms/{id}/default-expiration", "Set the default expiration of a room's files"),
        ("expireFiles", "POST", "/rooms/{id}/files/expire", "Expire a room's files now"),
        ("listRooms", "GET", "/rooms", "List rooms"),
    ]  # fmt: skip
    query = "files in room 4 should expire automatically after 90 days"
    assert top(build(rows), query) == ["setDefaultExpiry"]


def test_a_capitalised_word_the_api_lacks_is_a_name() -> None:
    rows = [
        ("getRelated", "GET", "/movies/{id}/related", "Get related movies"),
        ("getMovie", "GET", "/movies/{id}", "Get a movie"),
        ("listArrivals", "GET", "/flights/arrivals", "List the arrivals of a day"),
    ]  # fmt: skip
    index = build(rows)
    request = read("Show me the Movie I loved most, Spirited Away", index.words, NONE)
    assert "movie" in request.own  # a word of the API, capitalised or not
    assert not {"spirited", "away"} & set(request.own)
    # "Arrival" is a word of this API: it is read as one, not as a title.
    assert "arrival" in read("Ask about Arrival times", index.words, NONE).own
    # Nor is a word search knows the meaning of, nor any word of a request in title case.
    assert "remove" in read("Then Remove movie 12", index.words, NONE).own
    assert "loved" in read("The Movie I Loved Most", index.words, NONE).own


def test_a_plus_one_is_a_vote() -> None:
    rows = [
        ("voteIssue", "PUT", "/issues/{id}/vote", "Vote for an issue"),
        ("getIssue", "GET", "/issues/{id}", "Get an issue"),
        ("updateIssue", "PUT", "/issues/{id}", "Update an issue"),
    ]  # fmt: skip
    index = build(rows)
    assert top(index, "+1 issue #88, I want this fixed too") == ["voteIssue"]
    assert "vote" not in read("add 1+1 to issue 88", index.words, NONE).own_terms


def test_being_told_each_time_something_happens_is_a_subscription() -> None:
    rows = [
        ("subscribe", "POST", "/subscriptions/nodes/{id}", "Subscribe to node notifications"),
        ("emailNode", "POST", "/nodes/{id}/email", "Send a node by email"),
        ("listNodes", "GET", "/nodes", "List nodes"),
    ]  # fmt: skip
    index = build(rows)
    assert top(index, "email me whenever something changes in folder 9") == ["subscribe"]
    assert top(index, "email me when something changes in folder 9") == ["subscribe"]
    assert top(index, "I want an email every time someone touches folder 9") == ["subscribe"]
    assert top(index, "email folder 9 to me") == ["emailNode"]


def test_a_standing_order_is_scheduled() -> None:
    rows = [
        ("listSchedules", "GET", "/user/{id}/schedule", "List scheduled payments"),
        ("listAccounts", "GET", "/user/{id}/accounts", "List accounts"),
        ("listPayments", "GET", "/user/{id}/payments", "List payments"),
        ("listCards", "GET", "/user/{id}/cards", "List cards"),
    ]  # fmt: skip
    index = build(rows)
    assert top(index, "what standing orders do I have?") == ["listSchedules"]


def test_words_written_on_a_thing_are_a_note() -> None:
    rows = [
        ("addNote", "POST", "/payments/{id}/note-text", "Create a note text for a payment"),
        ("updateSchedule", "PUT", "/schedule-payments/{id}", "Update a scheduled payment"),
        ("getPayment", "GET", "/payments/{id}", "Get a payment"),
    ]  # fmt: skip
    query = "write 'dinner with client Acme' on payment 5521 so I remember what it was"
    assert top(build(rows), query) == ["addNote"]


def test_a_bookmark_saves_for_later() -> None:
    rows = [
        ("addWatchLater", "PUT", "/me/watchlater/{video_id}", "Add a video to the user's Watch Later queue"),
        ("getVideo", "GET", "/videos/{video_id}", "Get a specific video"),
        ("likeVideo", "PUT", "/me/likes/{video_id}", "Like a video"),
    ]  # fmt: skip
    assert top(build(rows), "bookmark video 67890 so I can watch it tonight") == ["addWatchLater"]


def test_a_sku_is_a_product_and_the_shelf_its_stock() -> None:
    rows = [
        ("updateProduct", "PUT", "/products/{sku}", "Update a product"),
        ("getStock", "GET", "/stockItems/{sku}", "Get the stock of an item"),
        ("updatePrice", "POST", "/tier-prices", "Add or update tier prices"),
        ("assignCategory", "POST", "/categories/{id}/products", "Assign a product to a category"),
        ("listCategories", "GET", "/categories", "List categories"),
    ]  # fmt: skip
    index = build(rows)
    assert top(index, "put SKU 24-MB01 into category 5") == ["assignCategory"]
    assert top(index, "how many WS12-M-Blue do we still have on the shelf?") == ["getStock"]


def test_toots_boosts_queued_posts_tokens_and_alerts() -> None:
    rows = [
        ("reblog", "POST", "/statuses/{id}/reblog", "Reshare a status"),
        ("getStatus", "GET", "/statuses/{id}", "View a single status"),
        ("deleteStatus", "DELETE", "/statuses/{id}", "Delete a status"),
        ("follow", "POST", "/accounts/{id}/follow", "Follow the given account"),
        ("listFollowers", "GET", "/accounts/{id}/followers", "Followers of an account"),
        ("listScheduled", "GET", "/scheduled_statuses", "View scheduled statuses"),
        ("listLists", "GET", "/lists", "View your lists"),
        ("deleteList", "DELETE", "/lists/{id}", "Delete a list"),
        ("listAuthorizations", "GET", "/authorizations", "List all authorizations"),
        ("listUsers", "GET", "/users", "List all users"),
        ("createCheck", "POST", "/checks", "Add a check"),
        ("setup", "POST", "/setup", "Set up initial user, org and bucket"),
        ("listNotifications", "GET", "/notifications", "Get all notifications"),
    ]  # fmt: skip
    index = build(rows)
    assert top(index, "boost toot 1234 to my followers") == ["reblog"]
    assert top(index, "delete toot 12") == ["deleteStatus"]
    assert "status" in read("delete toot 12", index.words, NONE).near
    assert top(index, "What posts do I have lined up to go out later?") == ["listScheduled"]
    assert top(index, "which posts are queued?") == ["listScheduled"]
    assert top(index, "show me every API token we have") == ["listAuthorizations"]
    assert top(index, "Set up an alert that goes critical when CPU usage is above 90%") == [
        "createCheck"
    ]


def test_a_rescan_refreshes() -> None:
    rows = [
        ("refresh", "POST", "/Library/Refresh", "Starts a library scan"),
        ("recommend", "GET", "/Movies/Recommendations", "Gets movie recommendations"),
        ("collections", "POST", "/Collections", "Creates a new collection"),
    ]  # fmt: skip
    index = build(rows)
    assert top(index, "rescan the media on the NAS") == ["refresh"]


def test_which_things_someone_is_a_member_of_lists_the_things() -> None:
    rows = [
        ("listGroups", "GET", "/groups", "Retrieve all groups of a domain or of a user"),
        ("getGroup", "GET", "/groups/{groupKey}", "Retrieve a group's properties"),
        ("listMembers", "GET", "/groups/{groupKey}/members", "List all members in a group"),
        ("getMember", "GET", "/groups/{groupKey}/members/{memberKey}", "Retrieve a group member"),
        ("addMember", "POST", "/groups/{groupKey}/members", "Add a user to a group"),
    ]  # fmt: skip
    index = build(rows)
    assert top(index, "Which groups is priya@acme.io a member of?") == ["listGroups"]
    assert top(index, "which groups is Tom part of?") == ["listGroups"]
    assert top(index, "who are the members of group 7?") == ["listMembers"]
    rows = [
        ("listMemberships", "GET", "/users/{id}/list_memberships", "Get a user's list memberships"),
        ("listMembers", "GET", "/lists/{id}/members", "Returns a list of members of a list"),
        ("ownedLists", "GET", "/users/{id}/owned_lists", "Get a user's owned lists"),
        ("addMember", "POST", "/lists/{id}/members", "Add a list member"),
    ]  # fmt: skip
    index = build(rows)
    assert top(index, "which lists has @paulg been put on by other people?") == ["listMemberships"]


def test_which_things_someone_is_in_or_belongs_to_lists_the_things_not_their_members() -> None:
    rows = [
        ("getBoardsMemberships", "GET", "/boards/{idBoard}/memberships", "Get memberships of a board"),
        ("getBoardsMembers", "GET", "/boards/{idBoard}/members", "Get the members of a board"),
        ("getBoard", "GET", "/boards/{idBoard}", "Get a board"),
        ("getMembersBoards", "GET", "/members/{idMember}/boards", "Get boards of a member"),
        ("getMember", "GET", "/members/{idMember}", "Get a member"),
        ("getMembersCards", "GET", "/members/{idMember}/cards", "Get cards of a member"),
        ("getTeams", "GET", "/teams", "List teams"),
        ("getTeamMembers", "GET", "/teams/{team-id}/members", "List members of a team"),
        ("joinedTeams", "GET", "/me/joinedTeams", "Get the teams that the user is a direct member of"),
        ("getUser", "GET", "/users/{user-id}", "Get a user"),
    ]  # fmt: skip
    index = build(rows)
    assert top(index, "which boards is carol a member of?") == ["getMembersBoards"]
    assert top(index, "which boards am I on?") == ["getMembersBoards"]
    assert top(index, "which boards does carol belong to?") == ["getMembersBoards"]
    assert top(index, "who are the members of board 7?") == ["getBoardsMembers"]
    assert top(index, "which teams am I in?") == ["joinedTeams"]
    assert top(index, "which teams does bob belong to?") == ["joinedTeams"]


def test_an_odata_link_made_adds_and_one_undone_removes() -> None:
    rows = [
        ("groups.CreateRefMembers", "POST", "/groups/{group-id}/members/$ref", "Create new navigation property ref to members for groups"),
        ("groups.DeleteRefMembers", "DELETE", "/groups/{group-id}/members/{directoryObject-id}/$ref", "Delete ref of navigation property members for groups"),
        ("createGroup", "POST", "/groups", "Create group"),
        ("listMembers", "GET", "/groups/{group-id}/members", "Get members from groups"),
        ("deleteGroup", "DELETE", "/groups/{group-id}", "Delete group"),
    ]  # fmt: skip
    assert "add" in document_terms(*rows[0][::3], "", rows[0][2], [], [], "POST")[0]
    index = build(rows)
    assert top(index, "add user 5f1c to group 02bd") == ["groups.CreateRefMembers"]
    assert top(index, "remove member 77 from group 02bd") == ["groups.DeleteRefMembers"]


@needs_semantic
def test_meaning_ranks_an_operation_that_does_what_is_asked_nearer() -> None:
    """Meaning alone cannot tell adding a member from reading or counting members: the
    semantic ranking puts the operations whose method does what is asked a little nearer."""
    rows = [
        ("groups.members.GetCount", "GET", "/groups/{group-id}/members/$count", "Get the number of the resource"),
        ("groups.ListMembers", "GET", "/groups/{group-id}/members", "Get members from groups"),
        ("groups.GetMembers", "GET", "/groups/{group-id}/members/{id}", "Get members from groups"),
        ("groups.CreateRefMembers", "POST", "/groups/{group-id}/members/$ref", "Create new navigation property ref to members for groups"),
        ("groups.DeleteGroup", "DELETE", "/groups/{group-id}", "Delete entity from groups"),
    ]  # fmt: skip
    index = build(rows, semantic=True)
    query = "put user 5f1c in group 02bd"
    request = read(query, index.words, NONE)
    assert request.wanted in ("create", "act")
    meaning = [index.operations[p]["operation"] for _, p in index._nearness(query, None, request)]
    assert meaning[0] == "groups.CreateRefMembers"


def test_when_something_runs_next_is_its_schedule() -> None:
    rows = [
        ("listRuns", "GET", "/windows/{id}/executions", "List past runs of a window"),
        ("getWindow", "GET", "/windows/{id}", "Get a maintenance window"),
        ("getSchedule", "GET", "/windows/{id}/schedule", "Get the upcoming schedule of a window"),
    ]  # fmt: skip
    index = build(rows)
    assert top(index, "When is mw-0c50858d going to run next?") == ["getSchedule"]
    assert top(index, "when's the next run of window 4?") == ["getSchedule"]


def test_whether_someone_is_in_a_group_asks_for_a_membership() -> None:
    rows = [
        ("getGroup", "GET", "/groups/{groupKey}", "Retrieve a group's properties"),
        ("updateGroup", "PUT", "/groups/{groupKey}", "Update a group's properties"),
        ("hasMember", "GET", "/groups/{groupKey}/hasMember/{memberKey}", "Check whether the given user is a member of the group"),
    ]  # fmt: skip
    index = build(rows)
    request = "Is jane@acme.io in security-alerts@acme.io, even indirectly through another group?"
    assert top(index, request) == ["hasMember"]
    assert "member" in read("is Tom on the on-call team?", index.words, NONE).near


def test_undoing_a_mark_of_favour_removes_it() -> None:
    """ "Unlike", "unfavorite", "unwatch": the mark goes (a delete), under the API's own
    word for it ("saved tracks", "starred", "subscription")."""
    rows = [
        ("getSavedTracks", "GET", "/me/tracks", "Get User's Saved Tracks"),
        ("saveTracks", "PUT", "/me/tracks", "Save Tracks for Current User"),
        ("removeSavedTracks", "DELETE", "/me/tracks", "Remove User's Saved Tracks"),
        ("getTracks", "GET", "/tracks", "Get Several Tracks"),
        ("star", "PUT", "/user/starred/{repo}", "Star a repository"),
        ("unstar", "DELETE", "/user/starred/{repo}", "Unstar a repository"),
        ("listStarred", "GET", "/user/starred", "List repositories starred by the user"),
        ("getSubscription", "GET", "/repos/{repo}/subscription", "Get a repository subscription"),
        ("deleteSubscription", "DELETE", "/repos/{repo}/subscription", "Delete a subscription"),
    ]
    index = build(rows)
    assert top(index, "unlike these two tracks") == ["removeSavedTracks"]
    assert top(index, "unfavorite the octo/hello repo") == ["unstar"]
    assert top(index, "unwatch octo/hello, too many emails") == ["deleteSubscription"]


def test_a_protocols_version_is_part_of_its_name() -> None:
    """ "IPv4" is split as "ipv4" is (not I, Pv, 4), read as words (not as a value), and an
    IPv4 address is an IP address."""
    assert words("IPv4") == words("ipv4") == ["ipv", "4"]
    rows = [
        ("createServer", "POST", "/servers", "Create a Server"),
        ("listServers", "GET", "/servers", "Get all Servers"),
        ("createPrimaryIp", "POST", "/primary_ips", "Create a Primary IP"),
        ("listPrimaryIps", "GET", "/primary_ips", "Get all Primary IPs"),
        ("createVolume", "POST", "/volumes", "Create a Volume"),
        ("createNetwork", "POST", "/networks", "Create a public Network"),
    ]
    index = build(rows)
    assert top(index, "reserve a public IPv4") == ["createPrimaryIp"]
    assert top(index, "I need a new IPv6 for the mail server") == ["createPrimaryIp"]
    assert top(index, "which IPv4s do I have?") == ["listPrimaryIps"]


def test_whether_a_service_is_up_is_its_health() -> None:
    rows = [
        ("getHealth", "GET", "/healthcheck", "Get health check status"),
        ("listServices", "GET", "/services", "List services"),
        ("getService", "GET", "/services/{id}", "Get a service"),
        ("listServers", "GET", "/servers", "List servers"),
        ("updateService", "PATCH", "/services/{id}", "Update a service"),
    ]
    index = build(rows)
    assert top(index, "is the Acme.io service up?") == ["getHealth"]
    assert top(index, "are the servers down?") == ["getHealth"]
    assert top(index, "which services are there?") == ["listServices"]


def test_what_was_listened_to_was_played() -> None:
    rows = [
        ("getRecentlyPlayed", "GET", "/me/player/recently-played", "Get Recently Played Tracks"),
        ("getQueue", "GET", "/me/player/queue", "Get the User's Queue"),
        ("getTrack", "GET", "/tracks/{id}", "Get Track"),
        ("getEpisodes", "GET", "/episodes", "Get Several Episodes"),
        ("getArtists", "GET", "/artists", "Get Several Artists"),
    ]
    index = build(rows)
    assert top(index, "what did I listen to this morning?") == ["getRecentlyPlayed"]
    assert top(index, "songs I listened to yesterday") == ["getRecentlyPlayed"]


def test_a_noun_of_the_api_before_all_or_every_is_a_verb() -> None:
    from mcpgen.runtime.asking import asked_for

    rows = [
        ("listGroups", "GET", "/groups", "List groups"),
        ("createGroup", "POST", "/groups", "Create a group of items"),
        ("listMovies", "GET", "/movies", "List movies"),
    ]
    index = build(rows)
    nouns, named = index.words.path_vocabulary, index.words.named
    query = "group all the Marvel movies together into one set"
    assert asked_for(query, ["group", "marvel", "movies", "set"], nouns, named) == "act"
    query = "group every movie of 1999 into one set"
    assert asked_for(query, ["group", "movie", "set"], nouns, named) == "act"
    # A noun with something else after it is no verb.
    query = "groups with movies in them"
    assert asked_for(query, ["groups", "movies"], nouns, named) == "list"


def test_who_did_something_is_in_the_record_of_what_was_done() -> None:
    rows = [
        ("listAuditEvents", "GET", "/audit_log", "List audit log events"),
        ("listGroups", "GET", "/groups", "List groups"),
        ("deleteGroup", "DELETE", "/groups/{id}", "Delete a group"),
        ("listMembers", "GET", "/groups/{id}/members", "List the members of a group"),
        ("getFlag", "GET", "/flags/{key}", "Get a feature flag"),
        ("updateFlag", "PATCH", "/flags/{key}", "Update a feature flag"),
    ]
    index = build(rows)
    assert top(index, "who deleted the Finance group last week?") == ["listAuditEvents"]
    assert top(index, "who changed the pricing flag yesterday?") == ["listAuditEvents"]
    assert top(index, "who is in the Finance group?") == ["listMembers"]


def test_what_was_deleted_is_restored_by_undeleting_it() -> None:
    rows = [
        ("listUsers", "GET", "/users", "Retrieves a paginated list of users"),
        ("deleteUser", "DELETE", "/users/{userKey}", "Deletes a user"),
        ("undeleteUser", "POST", "/users/{userKey}/undelete", "Undeletes a deleted user"),
        ("getUser", "GET", "/users/{userKey}", "Retrieves a user"),
        ("listDevices", "GET", "/devices", "Retrieves a list of devices"),
    ]
    index = build(rows)
    query = "we accidentally deleted jdoe@acme.io last week, can you restore the account?"
    assert top(index, query) == ["undeleteUser"]
    assert top(index, "recover the user bob@acme.io") == ["undeleteUser"]


def test_an_ou_is_an_organizational_unit() -> None:
    rows = [
        ("listOrgUnits", "GET", "/customer/{id}/orgunits", "Retrieves a list of all orgunits"),
        ("listOrgRoles", "GET", "/customer/{id}/roles", "Retrieves a paginated list of roles"),
        ("listUsers", "GET", "/users", "Retrieves a paginated list of users"),
        ("listGroups", "GET", "/groups", "Retrieves all groups"),
        ("listDomains", "GET", "/customer/{id}/domains", "Lists the domains of the customer"),
    ]
    index = build(rows)
    assert top(index, "What OUs do we have set up? Show me the whole tree") == ["listOrgUnits"]


def test_what_is_taken_away_is_removed() -> None:
    rows = [
        ("listRoomUsers", "GET", "/rooms/{id}/users", "Get room users"),
        ("addRoomUsers", "PUT", "/rooms/{id}/users", "Add or change room users"),
        ("removeRoomUsers", "DELETE", "/rooms/{id}/users", "Revoke room users"),
        ("getRoom", "GET", "/rooms/{id}", "Get room"),
    ]
    index = build(rows)
    assert top(index, "take away Kevin's access to the Board room") == ["removeRoomUsers"]
    assert top(index, "room 7: take her access away") == ["removeRoomUsers"]


def test_an_adjective_opening_a_request_is_no_verb() -> None:
    from mcpgen.runtime.asking import asked_for

    rows = [
        ("getValue", "GET", "/attributes/{id}/value", "Get the attribute's value"),
        ("setValue", "PUT", "/attributes/{id}/value", "Set the attribute's value"),
        ("listAttributes", "GET", "/elements/{id}/attributes", "Get an element's attributes"),
    ]
    index = build(rows)
    nouns, named = index.words.path_vocabulary, index.words.named
    own = ["latest", "values", "attributes", "element"]
    query = "latest values of all attributes on element Pump-101"
    assert asked_for(query, own, nouns, named) == "list"
    query = "newest invoices of customer acme-corp"
    assert asked_for(query, ["newest", "invoices", "customer"], nouns, named) == "list"


def test_over_the_air_is_ota_and_a_hostname_an_endpoint() -> None:
    rows = [
        ("createOTAUpdate", "POST", "/otaUpdates/{id}", "Creates an AWS IoT OTAUpdate"),
        ("listThingGroups", "GET", "/thing-groups", "List the thing groups"),
        ("getThingGroup", "GET", "/thing-groups/{name}", "Describe a thing group"),
        ("describeEndpoint", "GET", "/endpoint", "Returns a unique endpoint for your account"),
        ("listThings", "GET", "/things", "Lists your things"),
    ]
    index = build(rows)
    query = "push the new firmware over the air to every device in the trackers group"
    assert top(index, query) == ["createOTAUpdate"]
    query = "what hostname should my devices use to connect over MQTT?"
    assert top(index, query) == ["describeEndpoint"]


def test_a_domain_pointed_at_an_app_is_its_custom_domain() -> None:
    rows = [
        ("listApps", "GET", "/applications", "List applications"),
        ("updateApp", "PUT", "/applications/{appId}", "Edit an application"),
        ("addVhost", "PUT", "/applications/{appId}/vhosts/{domain}", "Add a domain name"),
        ("startApp", "POST", "/applications/{appId}/instances", "Redeploy an application"),
    ]
    index = build(rows)
    assert top(index, "point www.shop-example.fr at my application app_12") == ["addVhost"]
    assert top(index, "map shop.acme.com to the checkout app") == ["addVhost"]


def test_marked_done_is_completed_and_called_off_is_cancelled() -> None:
    rows = [
        ("updateJob", "PATCH", "/jobs/{id}", "Update a job"),
        ("replaceJob", "PUT", "/jobs/{id}", "Replace a job"),
        ("completeJob", "POST", "/jobs/{id}/complete", "jobs_complete"),
        ("cancelJob", "POST", "/jobs/{id}/cancel", "jobs_cancel"),
        ("callCustomer", "POST", "/customers/{id}/calls", "Call a customer"),
        ("createJob", "POST", "/jobs", "Create a job"),
    ]
    index = build(rows)
    assert top(index, "mark job 88 as done") == ["completeJob"]
    assert top(index, "set job 12 as finished") == ["completeJob"]
    assert top(index, "the customer changed their mind about job 7, call it off") == ["cancelJob"]


def test_booted_out_is_removed_and_switched_off_is_inactive() -> None:
    rows = [
        ("listMembers", "GET", "/fleets/{id}/members", "Get fleet members"),
        ("inviteMember", "POST", "/fleets/{id}/members", "Create fleet invitation"),
        ("kickMember", "DELETE", "/fleets/{id}/members/{member}", "Kick fleet member"),
        ("updateFleet", "PUT", "/fleets/{id}", "Update fleet"),
        ("updateHook", "PATCH", "/webhooks/{id}", "Update a webhook"),
        ("deleteHook", "DELETE", "/webhooks/{id}", "Delete a webhook"),
        ("hookInactive", "POST", "/webhooks/{id}/inactive", "webhooks_inactive"),
        ("hookActive", "POST", "/webhooks/{id}/active", "webhooks_active"),
    ]
    index = build(rows)
    assert top(index, "boot pilot 777 out of fleet 10") == ["kickMember"]
    assert top(index, "switch off webhook 7 for now but keep it") == ["hookInactive"]


def test_everyday_words_for_results_reviews_checks_and_shifts() -> None:
    rows = [
        ("getRun", "GET", "/optimizations/{id}", "Get an optimization"),
        ("getResults", "GET", "/optimizations/{id}/results", "Get optimization results"),
        ("listReviews", "GET", "/reviews", "reviews_list"),
        ("listCustomers", "GET", "/customers", "customers_list"),
        ("validateDb", "POST", "/databases/{id}/validate", "Validate database backups"),
        ("getDb", "GET", "/databases/{id}", "Get a database"),
        ("onDuty", "GET", "/users/{id}/on_duty", "users_on_duty"),
        ("getUser", "GET", "/users/{id}", "Get a user"),
        ("render", "POST", "/templates/{id}/render", "Render a template"),
        ("updateTemplate", "PATCH", "/templates/{id}", "Update a template"),
    ]
    index = build(rows)
    assert top(index, "what was the outcome of optimization 5?") == ["getResults"]
    assert top(index, "show me all the feedback we got") == ["listReviews"]
    assert top(index, "verify database 9") == ["validateDb"]
    assert top(index, "is Kevin on shift right now?") == ["onDuty"]
    assert top(index, "preview template 14 with sample data") == ["render"]


def test_somebody_did_it_and_by_which_user_ask_for_the_record() -> None:
    rows = [
        ("getLockout", "GET", "/user/lockout", "Get the user lockout settings"),
        ("updateCluster", "PATCH", "/cluster/{id}", "Update the cluster settings"),
        ("configHistory", "GET", "/config/history", "List the configuration updates"),
        ("getCluster", "GET", "/cluster/{id}", "Get the cluster"),
        ("restoreForm", "POST", "/forms/{id}/restore", "Restore a deleted form"),
        ("formHistory", "GET", "/forms/{id}/history", "Get the history of a form"),
    ]
    index = build(rows)
    query = "somebody changed the cluster settings yesterday, what was modified and by which user?"
    assert top(index, query) == ["configHistory"]
    # That somebody did something says nothing alone.
    from mcpgen.runtime.reading import read

    request = read("someone deleted form 12, bring it back", index.words, frozenset())
    assert "histori" not in request.own_terms
    assert top(index, "someone deleted form 12, bring it back") == ["restoreForm"]


def test_what_should_be_so_by_default_changes_a_default() -> None:
    from mcpgen.runtime.reading import read

    rows = [
        ("getDefaults", "GET", "/databases/defaults", "Get the default database settings"),
        ("setDefaults", "PATCH", "/databases/defaults", "Update the default database settings"),
        ("createDb", "POST", "/databases", "Create a database"),
    ]
    index = build(rows)
    query = "new databases should get log backups every 15 minutes by default"
    assert read(query, index.words, frozenset()).wanted == "update"
    query = "from now on new databases must be encrypted"
    assert read(query, index.words, frozenset()).wanted == "update"
    query = "what should new databases get by default?"
    assert read(query, index.words, frozenset()).wanted != "update"


def test_everyday_words_for_offers_defaults_extremes_and_allowed_origins() -> None:
    rows = [
        ("deleteOffer", "DELETE", "/offers/{id}", "Delete offer"),
        ("deleteContact", "DELETE", "/contacts/{id}", "Delete contact"),
        ("deactivateTypes", "POST", "/entry_types/bulkDeactivate", "Deactivate entry types"),
        ("updateType", "PUT", "/entry_types/{id}", "Edit entry type"),
        ("addDefaults", "POST", "/statuses/add_default", "Add default statuses"),
        ("addStatus", "POST", "/statuses", "Add status"),
        ("highestExpense", "GET", "/expenses/highest_amount", "Get expense with highest amount"),
        ("listExpenses", "GET", "/expenses", "List expenses"),
        ("addOrigin", "POST", "/credentials/{id}/allowedOrigins", "Create allowed origin"),
        ("getCredential", "GET", "/credentials/{id}", "Get credential"),
        ("usage", "GET", "/system/df", "Get data usage information"),
        ("ping", "GET", "/_ping", "Ping"),
        ("info", "GET", "/info", "Get system information"),
    ]
    index = build(rows)
    assert top(index, "throw away quote 612") == ["deleteOffer"]
    assert top(index, "hide entry types 4 and 7 so nobody can pick them") == ["deactivateTypes"]
    assert top(index, "add the standard statuses") == ["addDefaults"]
    assert top(index, "what's our single biggest expense?") == ["highestExpense"]
    assert top(index, "whitelist https://shop.example.com on credential 5") == ["addOrigin"]
    assert top(index, "how much disk space is used?") == ["usage"]
    assert top(index, "quick health check of the daemon") == ["ping"]


def test_what_expires_by_itself_and_what_is_copied_across_regions() -> None:
    rows = [
        ("putLifecycle", "PUT", "/{Bucket}#lifecycle", "PutBucketLifecycleConfiguration"),
        ("putReplication", "PUT", "/{Bucket}#replication", "PutBucketReplication"),
        ("copyObject", "PUT", "/{Bucket}/{Key}#x-amz-copy-source", "CopyObject"),
        ("deleteObjects", "POST", "/{Bucket}#delete", "DeleteObjects"),
        ("putBucket", "PUT", "/{Bucket}", "CreateBucket"),
    ]
    index = build(rows)
    query = "make files in tmp/ get deleted automatically after 7 days"
    assert top(index, query) == ["putLifecycle"]
    query = "set up cross-region copying of the bucket to us-west-2"
    assert top(index, query) == ["putReplication"]


def test_whos_been_changing_it_and_whats_happening() -> None:
    rows = [
        ("changelog", "GET", "/offers/{id}/history", "Get offer history"),
        ("updateOffer", "PUT", "/offers/{id}", "Edit offer"),
        ("listUsers", "GET", "/users", "Get users"),
        ("events", "GET", "/events", "Monitor events"),
        ("createNetwork", "POST", "/networks/create", "Create a network"),
        ("listNetworks", "GET", "/networks", "List networks"),
        ("copyFlow", "POST", "/flows/{id}/copy", "Copy authentication flow"),
        ("createFlow", "POST", "/flows", "Create a new authentication flow"),
    ]
    index = build(rows)
    assert top(index, "who's been changing offer 640?") == ["changelog"]
    assert top(index, "show me everything that is happening") == ["events"]
    assert top(index, "duplicate the browser flow as browser-otp") == ["copyFlow"]


def test_a_format_after_a_collection_is_how_it_comes_not_what_it_is() -> None:
    rows = [
        ("listContainers", "GET", "/containers/json", "List containers"),
        ("top", "GET", "/containers/{id}/top", "List processes running inside a container"),
        ("changes", "GET", "/containers/{id}/changes", "Get changes on a container's filesystem"),
        ("logs", "GET", "/containers/{id}/logs", "Get container logs"),
        ("stats", "GET", "/containers/{id}/stats", "Get container stats based on resource usage"),
        ("createContainer", "POST", "/containers/create", "Create a container"),
        ("listNetworks", "GET", "/networks", "List networks"),
        ("listVolumes", "GET", "/volumes", "List volumes"),
        ("listNodes", "GET", "/nodes", "List nodes"),
        ("listSecrets", "GET", "/secrets", "List secrets"),
        ("version", "GET", "/version", "Get version"),
    ]
    index = build(rows)
    assert top(index, "show me every container") == ["listContainers"]


def test_a_post_named_delete_deletes_and_multiple_things_are_a_batch() -> None:
    rows = [
        (
            "DeleteObjects",
            "POST",
            "/{Bucket}#delete",
            "This action enables you to delete multiple objects from a bucket",
        ),
        ("DeleteObject", "DELETE", "/{Bucket}/{Key}", "Removes an object from a bucket"),
        ("DeleteBucketWebsite", "DELETE", "/{Bucket}#website", "Removes the website config"),
        ("PutObject", "PUT", "/{Bucket}/{Key}", "Adds an object to a bucket"),
        ("GetObject", "GET", "/{Bucket}/{Key}", "Retrieves objects from Amazon S3"),
        ("ListObjects", "GET", "/{Bucket}", "Returns some or all of the objects in a bucket"),
    ]
    index = build(rows)
    traits = index.traits
    assert traits.methods[0] == "DELETE"
    assert traits.bulk[0] and not traits.bulk[1]
    query = "delete these 800 objects from scratch-bucket in one go"
    assert top(index, query) == ["DeleteObjects"]


def test_what_a_fragment_after_a_parameter_names_is_a_segment_unless_an_argument() -> None:
    from mcpgen.runtime.segments import literal_segments

    assert literal_segments("/{Bucket}#tagging") == ["tagging"]
    assert literal_segments("/{Bucket}#analytics&id") == ["analytics"]
    assert literal_segments("/{Bucket}/{Key}#uploadId", ["Bucket", "Key", "uploadId"]) == []
    assert literal_segments("/certificates/{id}#newStatus", ["id", "newStatus"]) == ["certificates"]
    assert literal_segments("/#Action=RunInstances") == ["#Action=RunInstances"]
    rows = [
        ("DeleteBucketPolicy", "DELETE", "/{Bucket}#policy", "DeleteBucketPolicy"),
        ("DeleteObjectTagging", "DELETE", "/{Bucket}/{Key}#tagging", "DeleteObjectTagging"),
        ("DeleteBucket", "DELETE", "/{Bucket}", "DeleteBucket"),
        ("ListObjects", "GET", "/{Bucket}", "ListObjects"),
        ("GetBucketLogging", "GET", "/{Bucket}#logging", "GetBucketLogging"),
        ("PutBucketLogging", "PUT", "/{Bucket}#logging", "PutBucketLogging"),
        ("PutBucketAcl", "PUT", "/{Bucket}#acl", "PutBucketAcl"),
        ("GetObject", "GET", "/{Bucket}/{Key}", "GetObject"),
        ("GetBucketLifecycle", "GET", "/{Bucket}#lifecycle", "GetBucketLifecycle"),
        ("GetBucketMetrics", "GET", "/{Bucket}#metrics", "GetBucketMetricsConfiguration"),
        ("GetBucketPolicy", "GET", "/{Bucket}#policy", "GetBucketPolicy"),
        ("GetBucketTagging", "GET", "/{Bucket}#tagging", "GetBucketTagging"),
    ]
    index = build(rows)
    # The bucket itself, not one of the things under it.
    assert top(index, "delete the bucket old-assets") == ["DeleteBucket"]


def test_everyday_words_for_aggregates_invocations_alerts_and_traces() -> None:
    rows = [
        ("callCount", "GET", "/entity/call/count", "COUNT for call"),
        ("callAggregate", "GET", "/entity/call/aggregate", "AGGREGATE for call"),
        ("listCalls", "GET", "/entity/call/list", "LIST for call"),
        ("invoke", "POST", "/functions/{name}/invocations", "Invoke"),
        ("updateCode", "PUT", "/functions/{name}/code", "UpdateFunctionCode"),
        ("createFunction", "POST", "/functions", "CreateFunction"),
        ("deviceEvents", "GET", "/events/{trackingId}", "Gets events of a device"),
        ("getShipment", "GET", "/shipments/{id}", "Gets a shipment"),
        ("traces", "GET", "/traces/{trackingId}", "Gets device traces"),
        ("getLocation", "GET", "/locations/{id}", "Gets a location"),
        ("registrations", "GET", "/notifications/registrations", "Gets notification channels"),
    ]
    index = build(rows)
    assert top(index, "average number of calls per rep this week") == ["callAggregate"]
    assert top(index, 'run invoice-generator with payload {"a": 1}') == ["invoke"]
    assert "deviceEvents" in top(index, "list every alert that fired since yesterday", 3)
    query = "show me where tracker 4411 drove between monday and tuesday"
    assert top(index, query) == ["traces"]


def test_a_site_is_a_location() -> None:
    rows = [
        ("listLocations", "GET", "/locations", "List locations"),
        ("listServers", "GET", "/servers", "List servers"),
        ("createServer", "POST", "/servers", "Create a server"),
        ("listImages", "GET", "/images", "List images"),
    ]
    index = build(rows)
    assert top(index, "which sites can I deploy into?") == ["listLocations"]


def test_automatic_is_auto_and_an_allowlisted_domain_an_approved_origin() -> None:
    rows = [
        ("startImport", "POST", "/catalogs/{id}/importations/start", "Start import"),
        ("startAutoImport", "POST", "/catalogs/{id}/autoImport/start", "Start auto import"),
        ("approveOrigin", "PUT", "/instance/{id}/approved-origin", "AssociateApprovedOrigin"),
        ("createInstance", "PUT", "/instance", "CreateInstance"),
    ]
    index = build(rows)
    assert top(index, "start the automatic import") == ["startAutoImport"]
    assert top(index, "allowlist https://support.acme.com") == ["approveOrigin"]


def test_records_wanted_as_a_spreadsheet_are_an_export() -> None:
    rows = [
        ("taskDocuments", "GET", "/tasks/{id}/documents", "tasks_documents_list"),
        ("taskExports", "GET", "/task_exports", "task_exports_list"),
        ("listTasks", "GET", "/tasks", "tasks_list"),
    ]
    index = build(rows)
    assert top(index, "give me the tasks in a spreadsheet") == ["taskExports"]


def test_what_goes_along_with_the_thing_is_not_the_thing() -> None:
    rows = [
        ("deleteService", "DELETE", "/Services/{Sid}", "Remove a conversation service"),
        ("deleteUser", "DELETE", "/Users/{Sid}", "Remove a conversation user"),
        ("deleteConversation", "DELETE", "/Conversations/{Sid}", "Remove a conversation"),
        ("deleteVolume", "DELETE", "/volumes/{name}", "Remove a volume"),
        ("deleteContainer", "DELETE", "/containers/{id}", "Remove a container"),
    ]
    index = build(rows)
    from mcpgen.runtime.reading import read

    query = "tear down the staging service, including all its conversations and users"
    assert top(index, query) == ["deleteService"]
    assert "user" not in read(query, index.words, frozenset()).own_terms
    query = "force-remove the container old-worker along with its anonymous volumes"
    assert top(index, query) == ["deleteContainer"]


def test_what_is_so_now_asks_for_current_figures() -> None:
    rows = [
        ("currentMetrics", "POST", "/metrics/current/{InstanceId}", "GetCurrentMetricData"),
        ("historicalMetrics", "POST", "/metrics/historical/{InstanceId}", "GetMetricData"),
        ("getQueue", "GET", "/queues/{InstanceId}/{QueueId}", "DescribeQueue"),
    ]
    index = build(rows)
    query = "compute the queue metrics at this moment"  # a verb that acts: a read GETs
    assert top(index, query) == ["currentMetrics"]


def test_a_verb_finds_the_noun_made_of_it_whose_stem_differs() -> None:
    rows = [
        ("exclusions", "PUT", "/catalogs/{id}/exclusionFilters", "Save exclusion filters"),
        ("products", "GET", "/catalogs/{id}/products", "Get products"),
        ("consumption", "GET", "/apps/{id}/consumption", "Get the app's consumption"),
        ("getApp", "GET", "/apps/{id}", "Get an app"),
    ]
    index = build(rows)
    assert top(index, "exclude out-of-stock items") == ["exclusions"]
    assert top(index, "how much did app 9 consume in January?") == ["consumption"]


def test_how_much_asks_to_read() -> None:
    from mcpgen.runtime.asking import intent

    assert intent(["how", "much", "did", "the", "build", "cost"]) == "read"
    rows = [
        ("build", "POST", "/build", "Build an image"),
        ("prune", "POST", "/build/prune", "Delete builder cache"),
        ("usage", "GET", "/system/df", "Get data usage of images, volumes and build cache"),
    ]
    index = build(rows)
    assert top(index, "how much build cache do we have?") == ["usage"]


def test_what_is_done_again_is_a_retry() -> None:
    rows = [
        ("retry", "POST", "/subscriptions/{id}/retry", "Retry failed pushes"),
        ("listOrders", "GET", "/orders", "List orders"),
        ("pushOrders", "POST", "/orders/push", "Push orders"),
        ("getStatus", "GET", "/orders/status", "Order status"),
    ]
    index = build(rows)
    query = "subscription 7's endpoint was down, push the pending orders to it again"
    assert top(index, query) == ["retry"]


def test_who_is_kicked_out_is_a_member_or_participant() -> None:
    rows = [
        ("deleteMessage", "DELETE", "/Conversations/{cid}/Messages/{sid}", "Delete a message"),
        ("deleteParticipant", "DELETE", "/Conversations/{cid}/Participants/{sid}", "Remove"),
        ("deleteConversation", "DELETE", "/Conversations/{sid}", "Delete a conversation"),
    ]
    index = build(rows)
    assert top(index, "kick MB666 out of chat CH13, they're spamming") == ["deleteParticipant"]


def test_tabs_kept_a_cost_foreseen_a_service_in_trouble_and_file_types() -> None:
    rows = [
        ("monitored", "GET", "/companies/monitoring/list", "List monitored companies"),
        ("changeTypes", "GET", "/companies/monitoring/changeTypes", "List change types"),
        ("searchCompanies", "GET", "/companies/search", "Search companies"),
        ("quoteLanguages", "POST", "/projects/{id}/languages/quote", "Quote new languages"),
        ("addLanguages", "POST", "/projects/{id}/languages", "Add languages to a project"),
        ("health", "GET", "/system/health", "System health"),
        ("lookup", "GET", "/registers/lookup", "Look up a register"),
        ("formats", "GET", "/formats", "Supported formats"),
        ("documents", "POST", "/documents", "Send a document for translation"),
    ]
    index = build(rows)
    assert top(index, "which companies am I keeping tabs on?") == ["monitored"]
    assert "quoteLanguages" in top(index, "what would it cost to add Korean?", 2)
    assert top(index, "are the registries having issues today?") == ["health"]
    assert top(index, "which file types can I send you?") == ["formats"]


def test_words_of_payouts_inboxes_prints_ads_offers_and_stock() -> None:
    rows = [
        ("disbursements", "GET", "/orderreports/disbursements", "Retrieve disbursements"),
        ("returns", "GET", "/orderreturns", "Lists order returns"),
        ("conversations", "GET", "/my/conversations", "Retrieve a list of conversations"),
        ("follows", "GET", "/my/follows", "Your follows"),
        ("vacation", "DELETE", "/shop/vacation", "Disable vacation mode"),
        ("listings", "POST", "/listings", "Create a listing"),
        ("print", "GET", "/invoices/{nbr}/print", "Get a printable invoice"),
        ("invoice", "PUT", "/invoices/{nbr}", "Update an invoice"),
        ("reports", "POST", "/reports/search", "Retrieves merchant performance reports"),
        ("products", "GET", "/products", "Lists products"),
        ("negotiations", "GET", "/my/negotiations/buying", "Get negotiations as a buyer"),
        ("end", "PUT", "/my/listings/{slug}/state/end", "End a listing"),
        ("removeFromSale", "DELETE", "/sales/{id}/listings", "Remove listings from a sale"),
        ("summary", "GET", "/inventorysummary/{item}", "Get inventory summary"),
        ("warehouses", "GET", "/warehouse", "Get warehouses"),
        ("payments", "POST", "/customerPayment", "Create a customer payment"),
        ("customers", "POST", "/customer", "Create a customer"),
    ]
    index = build(rows)
    assert top(index, "which payouts came in during March?") == ["disbursements"]
    assert top(index, "pull up my inbox") == ["conversations"]
    assert top(index, "back from holiday, make my shop available again") == ["vacation"]
    assert top(index, "I need a PDF of invoice 100234") == ["print"]
    assert top(index, "clicks and impressions for the last 30 days") == ["reports"]
    assert top(index, "what offers have I made that are still open?") == ["negotiations"]
    assert top(index, "sold it locally, take the listing down") == ["end"]
    assert top(index, "how many BOLT-M8 do we have on hand?") == ["summary"]
    assert top(index, "customer 10023 paid 15,000 NOK, record it") == ["payments"]


def test_servers_firewalls_audiences_titles_sign_outs_and_addresses_given_back() -> None:
    rows = [
        ("createSnapshot", "POST", "/snapshots", "Creates a snapshot"),
        ("createInstances", "POST", "/instances", "Creates instances"),
        ("putPorts", "PUT", "/instances/{name}/publicPorts", "Opens public ports"),
        ("getPortStates", "GET", "/instances/{name}/portStates", "Returns port states"),
        ("landingPages", "POST", "/landingPages", "Inserts a landing page"),
        ("remarketing", "POST", "/remarketingLists", "Inserts a new remarketing list"),
        ("setChatPhoto", "POST", "/setChatPhoto", "Change the photo of a chat"),
        ("setChatTitle", "POST", "/setChatTitle", "Change the title of a chat"),
        ("globalSignOut", "POST", "/users/{name}/globalSignOut", "Signs out a user everywhere"),
        ("listDevices", "GET", "/users/{name}/devices", "Lists a user's devices"),
        ("initiateAuth", "POST", "/initiateAuth", "Initiates the authentication flow"),
        ("forgotPassword", "POST", "/forgotPassword", "Sends a code to reset a password"),
        ("attachIp", "POST", "/staticIps/{name}/attach", "Attaches a static IP"),
        ("releaseIp", "POST", "/staticIps/{name}/release", "Releases a static IP"),
    ]
    index = build(rows)
    assert top(index, "spin up a VPS for the blog") == ["createInstances"]
    assert top(index, "firewall on node-3: only 22 and 443 from now on") == ["putPorts"]
    assert top(index, "build an audience of recent buyers") == ["remarketing"]
    assert top(index, "rename the group chat to 'Marketing'") == ["setChatTitle"]
    assert top(index, "log kim out of every device") == ["globalSignOut"]
    assert top(index, "sign the user in with her password") == ["initiateAuth"]
    assert top(index, "I don't need static IP old-ip any more, give it back") == ["releaseIp"]


def test_a_question_whether_a_thing_is_in_a_state_asks_for_its_state() -> None:
    rows = [
        ("stopInstance", "POST", "/instances/{name}/stop", "Stops an instance"),
        ("startInstance", "POST", "/instances/{name}/start", "Starts an instance"),
        ("getState", "GET", "/instances/{name}/state", "Returns the state of an instance"),
        ("pauseQueue", "POST", "/queues/{name}/pause", "Pauses a queue"),
        ("getQueue", "GET", "/queues/{name}", "Returns a queue"),
        ("queueStatus", "GET", "/queues/{name}/status", "Returns the status of a queue"),
    ]
    index = build(rows)
    assert top(index, "is web-1 currently running or stopped?") == ["getState"]
    assert top(index, "are the billing queues paused?") == ["queueStatus"]


def test_about_text_reposts_sales_tax_and_timesheets() -> None:
    rows = [
        ("setChatTitle", "POST", "/setChatTitle", "Change the title of a chat"),
        ("setChatDescription", "POST", "/setChatDescription", "Change the description"),
        ("sendMessage", "POST", "/sendMessage", "Send a text message"),
        ("copyMessage", "POST", "/copyMessage", "Copy a message"),
        ("posSale", "POST", "/pos/{id}/sale", "Submit a sale from a point of sale"),
        ("accountTax", "PUT", "/accounttax/{id}", "Update an account's tax settings"),
        ("employee", "POST", "/employee", "Create an employee"),
        ("timeCard", "POST", "/timeCard", "Create a time card"),
    ]
    index = build(rows)
    assert top(index, "update the 'about' text shown on my channel") == ["setChatDescription"]
    assert top(index, "repost it") == ["copyMessage"]
    assert top(index, "charge 7.25% sales tax in California") == ["accountTax"]
    assert top(index, "log a timesheet for employee 42") == ["timeCard"]


def test_collaborators_nested_things_barcodes_senders_and_activity() -> None:
    rows = [
        ("users", "GET", "/users/", "List all users"),
        ("contributors", "GET", "/nodes/{node_id}/contributors/", "List all contributors"),
        ("node", "GET", "/nodes/{node_id}/", "Retrieve a node"),
        ("children", "GET", "/nodes/{node_id}/children/", "List all children"),
        ("category", "GET", "/category/{id}", "Get a category"),
        ("skuByEan", "GET", "/sku/stockkeepingunitbyean/{ean}", "Get SKU by EAN"),
        ("suppressed", "GET", "/suppression/addresses", "List suppressed addresses"),
        ("identities", "GET", "/identities", "List email identities"),
        ("logs", "GET", "/nodes/{node_id}/logs/", "List all logs"),
        ("actions", "GET", "/actions/", "List all actions"),
    ]
    index = build(rows)
    assert top(index, "who are the collaborators on node abc12?") == ["contributors"]
    assert top(index, "what is nested under project h3k8p?") == ["children"]
    assert top(index, "which item has barcode 7891234567890?") == ["skuByEan"]
    assert top(index, "which senders have I set up?") == ["identities"]
    assert top(index, "the activity of node j8k9l") == ["logs"]


def test_cache_purges_and_sick_leave() -> None:
    rows = [
        ("cachePolicies", "GET", "/cache-policy", "List cache policies"),
        ("cachePolicy", "DELETE", "/cache-policy/{Id}", "Delete a cache policy"),
        ("invalidations", "GET", "/distribution/{id}/invalidation", "List invalidations"),
        ("invalidate", "POST", "/distribution/{id}/invalidation", "Create an invalidation"),
        ("invalidation", "GET", "/distribution/{id}/invalidation/{Id}", "Get an invalidation"),
        ("leave", "POST", "/employments/{id}/leave", "Add leave"),
        ("absences", "POST", "/employees/{id}/absences", "Add an absence"),
        ("employee", "GET", "/employees/{id}", "Get an employee"),
    ]
    index = build(rows)
    assert "invalidate" in top(index, "purge /index.html from the CDN", 3)
    assert top(index, "has cache clear I2J0 on E2QW finished yet?") == ["invalidation"]
    assert top(index, "the history of cache purges on distribution E1A2") == ["invalidations"]
    assert top(index, "employee 5521 called in sick this morning") == ["absences"]


def test_a_simulation_is_a_projection_and_a_region_a_location() -> None:
    rows = [
        ("studies", "GET", "/v1/{parent}/studies", "Lists all the studies"),
        (
            "locations",
            "GET",
            "/v1/{name}/locations",
            "Lists information about the supported locations",
        ),
        ("wages", "GET", "/employments/{id}/wages", "Get the wages of an employment"),
        ("projection", "POST", "/employments/{id}/wageprojection", "Calculate a wage projection"),
    ]
    index = build(rows)
    assert top(index, "which regions can I use it in?") == ["locations"]
    assert top(index, "simulate how her salary develops over five years") == ["projection"]


def test_watching_parties_android_push_shards_and_dumps() -> None:
    rows = [
        ("getCase", "GET", "/case/{caseId}", "Get a case"),
        ("caseTracks", "GET", "/caseTracks", "List case tracks"),
        ("untrack", "DELETE", "/caseTrack/{caseId}", "Remove a case track"),
        ("parties", "GET", "/case/{caseId}/parties", "Get the parties of a case"),
        ("pushTemplate", "DELETE", "/templates/{name}/push", "Delete a push template"),
        ("gcm", "DELETE", "/apps/{id}/channels/gcm", "Delete the GCM channel"),
        ("replicas", "POST", "/replicas/increase", "Increase the replica count"),
        ("nodeGroups", "POST", "/nodegroups/increase", "Increase the node groups"),
        ("updateEndpoints", "PUT", "/apps/{id}/endpoints", "Update endpoints"),
        ("exportJob", "POST", "/apps/{id}/jobs/export", "Create an export job"),
    ]
    index = build(rows)
    assert top(index, "which cases do I have on watch?") == ["caseTracks"]
    assert "untrack" in top(index, "we settled, stop monitoring case ZC4N", 2)
    assert top(index, "list the plaintiffs and defendants in case HZ9W") == ["parties"]
    assert "gcm" in top(index, "disable Firebase / Android push for this app", 2)
    assert top(index, "add two more shards") == ["nodeGroups"]
    assert top(index, "dump everything in app 7 to S3 for the data team") == ["exportJob"]


def test_a_word_said_beside_a_value_shops_languages_aliases_and_declines() -> None:
    rows = [
        ("webhook", "POST", "/api/transport-webhook", "Creates a TransportWebhook resource"),
        ("discord", "POST", "/api/transport-discord", "Creates a TransportDiscord resource"),
        ("email", "POST", "/api/transport-email", "Creates a TransportEmail resource"),
        ("product", "PUT", "/products/{id}.json", "Modify an existing Product"),
        ("page", "PUT", "/pages/{id}.json", "Update a Page"),
        ("customers", "GET", "/customers.json", "Retrieve all Customers"),
        ("orders", "GET", "/orders.json", "Retrieve all Orders"),
        ("locales", "GET", "/api/rest/v1/locales", "Get a list of locales"),
        ("channels", "GET", "/api/rest/v1/channels", "Get a list of channels"),
        ("tags", "GET", "/tags", "Get the tags on the site"),
        ("tagSynonyms", "GET", "/tags/synonyms", "Get all the tag synonyms on the site"),
        ("answers", "GET", "/answers/{ids}", "Get answers identified by a set of ids"),
        ("comments", "GET", "/comments/{ids}", "Get comments identified by a set of ids"),
        ("declined", "GET", "/declined_transactions", "List Declined Transactions"),
        ("cards", "GET", "/cards", "List Cards"),
    ]
    index = build(rows)
    # "Discord" is said as a word, not only in the URL's host.
    assert top(index, "send alerts to our Discord server at https://discord.com/api/x/9") == [
        "discord"
    ]
    assert top(index, "lower the price of listing 5567 to 19990") == ["product"]
    assert top(index, "how many shoppers have signed up?") == ["customers"]
    assert top(index, "what languages does our PIM support") == ["locales"]
    assert top(index, "which tags are aliases for other tags?") == ["tagSynonyms"]
    assert top(index, "pull up replies 4421 and 4478") == ["answers"]
    assert top(index, "which payments got turned down this week?") == ["declined"]


def test_third_party_apps_creators_what_is_made_public_and_a_sandbox() -> None:
    rows = [
        ("oauthConnections", "GET", "/oauth_connections", "List OAuth Connections"),
        ("exports", "GET", "/exports", "List Exports"),
        ("documents", "GET", "/documents", "List Documents"),
        ("authors", "PUT", "/articles/{article_id}/authors", "Replace the article's authors"),
        ("article", "PUT", "/articles/{article_id}", "Update an article"),
        ("publish", "POST", "/articles/{article_id}/publish", "Publish an article"),
        ("authorize", "POST", "/simulations/card_authorizations", "Simulate an authorization"),
        ("card", "GET", "/cards/{card_id}", "Retrieve a Card"),
    ]
    index = build(rows)
    assert top(index, "which third-party apps have access to our data?") == ["oauthConnections"]
    assert top(index, "set the creators of article 70 to Maria and Chen") == ["authors"]
    assert top(index, "make my draft article 61200 publicly available") == ["publish"]
    assert top(index, "sandbox: pretend someone swiped card_8h2 for $4.50") == ["authorize"]


def test_payables_printable_copies_logos_and_probes() -> None:
    rows = [
        ("agedDebtor", "GET", "/reports/agedDebtor", "Aged debtors report"),
        ("agedCreditor", "GET", "/reports/agedCreditor", "Aged creditors report"),
        ("invoice", "GET", "/invoices/{invoiceId}", "Get invoice"),
        ("invoicePdf", "GET", "/invoices/{invoiceId}/pdf", "Get invoice as PDF"),
        ("mediaObject", "POST", "/api/media-object", "Creates a MediaObject resource"),
        ("userAccount", "PUT", "/api/user-account/{id}", "Replaces the UserAccount resource"),
        ("pings", "GET", "/api/ping", "Retrieves the collection of Ping resources"),
        ("monitors", "GET", "/api/monitor", "Retrieves the collection of Monitor resources"),
    ]
    index = build(rows)
    assert top(index, "run the aged payables report") == ["agedCreditor"]
    assert top(index, "a printable copy of invoice INV-1043") == ["invoicePdf"]
    assert top(index, "upload our company logo png") == ["mediaObject"]
    assert top(index, "list all the raw response-time probe results") == ["pings"]


def test_an_upsert_updates_a_choice_is_an_option_and_unapproved_edits_a_draft() -> None:
    rows = [
        ("listProducts", "GET", "/products", "Get a list of products"),
        ("createProduct", "POST", "/products", "Create a new product"),
        ("patchProducts", "PATCH", "/products", "Update several products"),
        ("attribute", "PATCH", "/attributes/{code}", "Update an attribute"),
        ("option", "PATCH", "/attributes/{attribute}/options/{code}", "Update an option"),
        ("model", "GET", "/product-models/{code}", "Get a product model"),
        ("draft", "GET", "/product-models/{code}/draft", "Get a product model draft"),
        ("taxonomy", "GET", "/categories", "Get a list of categories"),
        ("channels", "GET", "/channels", "Get a list of channels"),
    ]
    index = build(rows)
    assert top(index, "upsert these 200 products in one request") == ["patchProducts"]
    assert top(index, "relabel the xl choice of the size attribute") == ["option"]
    assert top(index, "what unapproved edits are there on model jacket-alpine?") == ["draft"]
    assert top(index, "the whole classification tree") == ["taxonomy"]


def test_a_currency_named_without_an_amount_is_the_currency() -> None:
    rows = [
        ("currencies", "GET", "/currencies", "Get a list of currencies"),
        ("currency", "GET", "/currencies/{code}", "Get a currency"),
        ("channels", "GET", "/channels", "Get a list of channels"),
        ("transfer", "POST", "/transfers", "Create a transfer"),
    ]
    index = build(rows)
    assert top(index, "is EUR activated?") == ["currency"]
    assert top(index, "which ones can I invoice in, euros or dollars?") == ["currencies"]
    # With an amount it is money: what is done with it is what is asked.
    assert top(index, "move 500 EUR to account 9") == ["transfer"]


def test_achievements_threads_mutes_snoozes_sequences_and_demos() -> None:
    rows = [
        ("badges", "POST", "/admin/badges.json", "Create badge"),
        ("posts", "POST", "/posts.json", "Creates a new topic, a new post, or a private message"),
        ("userBadges", "GET", "/user-badges/{username}.json", "List badges for a user"),
        ("topicStatus", "PUT", "/t/{id}/status.json", "Update the status of a topic"),
        ("post", "PUT", "/posts/{id}.json", "Update a single post"),
        ("ignores", "GET", "/org/{orgId}/project/{projectId}/ignores", "List all ignores"),
        ("ignore", "POST", "/org/{orgId}/project/{projectId}/ignore/{issueId}", "Ignore an issue"),
        ("project", "PUT", "/org/{orgId}/project/{projectId}", "Update a project"),
        ("issues", "GET", "/org/{orgId}/project/{projectId}/issues", "List all issues"),
        ("memberships", "POST", "/v2/cadence_memberships.json", "Create a cadence membership"),
        ("people", "POST", "/v2/people.json", "Create a person"),
        ("meetings", "GET", "/v2/meetings.json", "List meetings"),
        ("users", "GET", "/v2/users.json", "List users"),
    ]
    index = build(rows)
    assert top(index, "add an achievement 'Helpful Helper'") == ["badges"]
    assert top(index, "what achievements has jsmith earned?") == ["userBadges"]
    assert top(index, "close thread 640 so nobody can reply anymore") == ["topicStatus"]
    assert top(index, "snooze SNYK-JS-LODASH-5677 in project p-42 for 30 days") == ["ignore"]
    assert top(index, "enroll prospect 5521 in sequence 301") == ["memberships"]
    assert top(index, "which demos did my reps book this month?") == ["meetings"]


def test_signing_out_pointing_at_failures_thumbnails_and_shipping_words() -> None:
    rows = [
        ("sessions", "GET", "/account/sessions", "List sessions"),
        ("endSessions", "DELETE", "/account/sessions", "Delete sessions"),
        ("webhook", "POST", "/environment/webhooks", "Create a webhook"),
        ("setWebhook", "PUT", "/environment/webhooks/{webhook_id}", "Update a webhook"),
        ("errors", "GET", "/data/v1/errors", "List errors"),
        ("restrictions", "GET", "/video/v1/playback-restrictions", "List playback restrictions"),
        ("file", "GET", "/storage/files/{fileId}", "Get file"),
        ("preview", "GET", "/storage/files/{fileId}/preview", "Get file preview"),
        ("validate", "POST", "/v1/addresses/validate", "Validate an address"),
        ("shipments", "GET", "/v1/shipments/{shipment_id}", "Get shipment by ID"),
        ("carriers", "GET", "/v1/carriers", "List carriers"),
        ("settings", "GET", "/v1/account/settings", "List account settings"),
        ("warehouses", "POST", "/v1/warehouses", "Create warehouse"),
        ("tags", "POST", "/v1/tags/{tag_name}", "Create a new tag"),
        ("streams", "PATCH", "/video/v1/live-streams/{id}", "Update a live stream"),
        ("simulcast", "POST", "/video/v1/live-streams/{id}/simulcast-targets", "Create a target"),
    ]
    index = build(rows)
    assert top(index, "sign me out on every device") == ["endSessions"]
    assert top(index, "point callback 4417 at https://new.acme.com/events") == ["setWebhook"]
    assert top(index, "which failures have viewers hit this week?") == ["errors"]
    assert top(index, "a 150px thumbnail of image img_332") == ["preview"]
    assert top(index, "is 1600 Amphitheatre Pkwy actually deliverable?") == ["validate"]
    assert top(index, "which shipping companies are hooked up to my account?") == ["carriers"]
    assert top(index, "register our new fulfillment center in Reno") == ["warehouses"]
    assert top(index, "restream my show to YouTube and Twitch") == ["simulcast"]


def test_whether_something_works_is_found_by_testing_it() -> None:
    rows = [
        ("connections", "GET", "/connections", "List connections"),
        ("connection", "PATCH", "/connections/{connection_id}", "Update a connection"),
        ("testConnection", "POST", "/connections/test", "Test a connection"),
        ("health", "GET", "/health", "Get instance status"),
    ]
    index = build(rows)
    assert top(index, "check whether these Snowflake credentials actually work") == [
        "testConnection"
    ]


def test_mass_operations_user_defined_fields_and_what_is_created_where_missing() -> None:
    rows = [
        ("people", "POST", "/v2/people.json", "Create a person"),
        ("person", "PUT", "/v2/people/{id}.json", "Update a person"),
        ("upserts", "POST", "/v2/person_upserts.json", "Upsert a person"),
        ("bulkJobs", "POST", "/v2/bulk_jobs", "Create a bulk job"),
        ("fields", "POST", "/v2/custom_fields.json", "Create a custom field"),
    ]
    index = build(rows)
    assert top(index, "if raj@contoso.com exists refresh the title, otherwise create him") == [
        "upserts"
    ]
    assert top(index, "create or update the contact raj@contoso.com") == ["upserts"]
    assert "bulkJobs" in top(index, "a mass update of thousands of records", 2)
    assert top(index, "list the user-defined attributes") == ["fields"]


def test_engines_up_defaults_child_accounts_silence_guests_and_copies_of_data() -> None:
    rows = [
        ("health", "GET", "/health", "Health"),
        ("search", "POST", "/indexes/{uid}/search", "Search an index"),
        ("distinct", "GET", "/indexes/{uid}/settings/distinct-attribute", "Get distinct attribute"),
        ("documents", "GET", "/indexes/{uid}/documents", "Get documents"),
        ("resetRules", "DELETE", "/indexes/{uid}/settings/ranking-rules", "Reset ranking rules"),
        ("rules", "GET", "/indexes/{uid}/settings/ranking-rules", "Get ranking rules"),
        ("subaccount", "POST", "/subaccounts/add.json", "Add a new subaccount"),
        ("pool", "POST", "/ips/create-pool.json", "Create a dedicated IP pool"),
        ("mute", "POST", "/moderation/mute", "Mute a user"),
        ("members", "GET", "/members", "Query members"),
        ("guest", "POST", "/guest", "Create a guest"),
        ("connect", "GET", "/connect", "Open a websocket connection"),
        ("export", "GET", "/users/{user_id}/export", "Export a user"),
        ("deactivate", "POST", "/users/{user_id}/deactivate", "Deactivate a user"),
    ]
    index = build(rows)
    assert top(index, "is the search engine up and responding?") == ["health"]
    assert top(index, "deduplicate hits by work_id") == ["distinct"]
    assert top(index, "put the ranking rules for books back to the default") == ["resetRules"]
    assert top(index, "create a child account for client Globex") == ["subaccount"]
    assert top(index, "silence bob for me") == ["mute"]
    assert top(index, "let an anonymous visitor chat") == ["guest"]
    assert top(index, "give me a copy of all the data we hold on u-778") == ["export"]


def test_a_cve_is_a_vulnerability_and_visualizations_connectors_and_mobile_numbers() -> None:
    rows = [
        ("vulnerabilities", "GET", "/query/vulnerabilities", "List vulnerabilities by id"),
        ("subscriptions", "POST", "/subscriptions", "Add a subscription"),
        ("version", "GET", "/version", "Service versions"),
        ("savedQueries", "GET", "/saved_query/", "Get a list of saved queries"),
        ("charts", "GET", "/chart/", "Get a list of charts"),
        ("integrations", "GET", "/apis/{api}/integrations", "Get the API's integrations"),
        ("apis", "GET", "/apis/{api}", "Get an API"),
        ("phones", "GET", "/user/{user}/contact-methods/phones", "Get a user's phone numbers"),
        ("teams", "GET", "/user/{user}/teams", "Get a user's teams"),
    ]
    index = build(rows)
    assert top(index, "show CVE-2022-0778") == ["vulnerabilities"]
    assert top(index, "show me visualization 301") == ["charts"]
    assert top(index, "open the sales viz") == ["charts"]
    assert top(index, "which connectors are set up for the payments api?") == ["integrations"]
    assert top(index, "what's ecarter's mobile?") == ["phones"]


def test_payment_words_setups_portals_hosted_pages_tax_readers_and_fraud() -> None:
    rows = [
        ("setupIntents", "POST", "/v1/setup_intents", "Create a SetupIntent"),
        ("paymentIntents", "POST", "/v1/payment_intents", "Create a PaymentIntent"),
        ("cards", "POST", "/v1/customers/{customer}/cards", "Create a card"),
        ("portal", "POST", "/v1/billing_portal/sessions", "Create a portal session"),
        ("checkout", "POST", "/v1/checkout/sessions", "Create a Checkout Session"),
        (
            "invoiceSend",
            "POST",
            "/v1/invoices/{invoice}/send",
            "Send an invoice for manual payment",
        ),
        ("taxCodes", "GET", "/v1/tax_codes", "List all tax codes"),
        ("taxCalculations", "POST", "/v1/tax/calculations", "Create a Tax Calculation"),
        ("reader", "POST", "/v1/terminal/readers/{reader}/process", "Hand-off a PaymentIntent"),
        ("issuingCards", "GET", "/v1/issuing/cards", "List all cards"),
        ("verification", "POST", "/v1/identity/verification_sessions", "Create a session"),
        ("warnings", "GET", "/v1/radar/early_fraud_warnings", "List all early fraud warnings"),
        ("accountReject", "POST", "/v1/accounts/{account}/reject", "Reject an account"),
        ("quotes", "POST", "/v1/quotes", "Create a quote"),
    ]
    index = build(rows)
    assert top(index, "save the card for later") == ["setupIntents"]
    assert top(index, "let customers update their own billing details") == ["portal"]
    assert top(index, "start a hosted payment page for the 2 tickets in the cart") == ["checkout"]
    assert top(index, "how much sales tax on a $200 order to Austin?") == ["taxCalculations"]
    assert top(index, "have the card reader at the counter collect $12.50") == ["reader"]
    assert top(index, "check her selfie against her ID") == ["verification"]
    assert top(index, "stolen card warnings") == ["warnings"]
    assert top(index, "draft a proposal for Acme: 10 seats at $99") == ["quotes"]
    assert top(index, "a fraudster is using our platform") == ["warnings"]


def test_who_starred_is_the_stargazers_and_tell_me_about_reads() -> None:
    rows = [
        ("userRepos", "GET", "/user/repos", "List repositories for the authenticated user"),
        ("starred", "GET", "/user/starred", "List repositories starred by the authenticated user"),
        ("stargazers", "GET", "/repos/{owner}/{repo}/stargazers", "List stargazers"),
        ("following", "GET", "/user/following", "List the people the authenticated user follows"),
        ("followers", "GET", "/user/followers", "List followers of the authenticated user"),
        ("subscription", "PUT", "/repos/{owner}/{repo}/subscription", "Set a subscription"),
        ("advisory", "GET", "/advisories/{ghsa_id}", "Get a global security advisory"),
    ]
    index = build(rows)
    assert top(index, "who starred my repo") == ["stargazers"]
    assert top(index, "tell me about GHSA-jfh8-c2jp-5v3q") == ["advisory"]


def test_footage_music_curated_sets_robocalls_rented_numbers_and_more_like_this() -> None:
    rows = [
        ("images", "GET", "/v2/images/search", "Search for images"),
        ("videos", "GET", "/v2/videos/search", "Search for videos"),
        ("audio", "GET", "/v2/audio/search", "Search for tracks"),
        ("collections", "GET", "/v2/images/collections", "List image collections"),
        ("featured", "GET", "/v2/images/collections/featured", "List featured collections"),
        ("similar", "GET", "/v2/images/{id}/similar", "List similar images"),
        ("image", "GET", "/v2/images/{id}", "Get details about images"),
        ("calls", "POST", "/calls", "Send calls"),
        ("stopBroadcast", "POST", "/calls/broadcasts/{id}/stop", "Stop voice broadcast"),
        ("leases", "GET", "/numbers/leases", "Find number leases"),
        ("numbers", "GET", "/numbers/regions", "Find number regions"),
    ]
    index = build(rows)
    assert top(index, "drone footage of a city at night") == ["videos"]
    assert top(index, "upbeat music for a podcast intro") == ["audio"]
    assert top(index, "show the curated photo sets") == ["featured"]
    assert top(index, "more pictures like image 1809471") == ["similar"]
    assert top(index, "halt the robocall campaign 7781") == ["stopBroadcast"]
    assert top(index, "which numbers am I renting?") == ["leases"]


def test_a_suppression_list_is_of_rejected_or_blocked_addresses() -> None:
    rows = [
        ("whitelists", "POST", "/whitelists/list.json", "Retrieves your email allowlist"),
        ("rejects", "POST", "/rejects/list.json", "Retrieves your email rejection denylist"),
        ("messages", "POST", "/messages/search.json", "Search recently sent messages"),
    ]
    index = build(rows)
    assert top(index, "show me the suppression list") == ["rejects"]


def test_a_hash_and_a_name_is_a_channel_and_getting_out_of_one_leaves_it() -> None:
    rows = [
        ("muteUser", "POST", "/moderation/mute", "Mute a user"),
        ("muteChannel", "POST", "/moderation/mute/channel", "Mute a channel"),
        ("leave", "POST", "/conversations.leave", "Leaves a conversation"),
        ("reactions", "GET", "/reactions.get", "Gets reactions for an item"),
        ("presence", "GET", "/users.getPresence", "Gets user presence information"),
    ]
    index = build(rows)
    assert top(index, "mute #random for a week") == ["muteChannel"]
    assert top(index, "mute @random for a week") == ["muteUser"]
    assert top(index, "I want to get out of #watercooler, too noisy") == ["leave"]


def test_things_named_one_by_one_are_acted_on_at_once() -> None:
    rows = [
        ("ack", "POST", "/alerts/{alertId}/acknowledge", "Acknowledge an alert"),
        ("ackMany", "POST", "/alerts/acknowledgeMultiple", "Acknowledge multiple alerts"),
        ("close", "POST", "/alerts/{alertId}/close", "Close an alert"),
        ("closeMany", "POST", "/alerts/closeMultiple", "Close multiple alerts"),
    ]
    index = build(rows)
    assert top(index, "acknowledge alerts a-101, a-102 and a-109 for me") == ["ackMany"]
    assert top(index, "close alerts a-201 and a-202, they're resolved") == ["closeMany"]
    # One alert, or numbers that are no names of things alike ("March 3, 2024").
    assert top(index, "acknowledge alert a-101") == ["ack"]
    assert top(index, "close the alert raised on March 3, 2024") == ["close"]


def test_lately_is_recent_and_what_it_should_be_instead_corrects_it() -> None:
    rows = [
        ("badges", "GET", "/badges/{ids}", "Get the badges identified by ids"),
        ("recipients", "GET", "/badges/{ids}/recipients", "Get the recent recipients of badges"),
        ("entries", "GET", "/time_entries", "List time entries"),
        ("entry", "GET", "/time_entries/{id}", "Get a time entry"),
        ("updateEntry", "PUT", "/time_entries/{id}", "Update a time entry"),
        ("deleteEntry", "DELETE", "/time_entries/{id}", "Delete a time entry"),
    ]
    index = build(rows)
    assert top(index, "who's been awarded badge 1306 lately") == ["recipients"]
    assert top(index, "time entry 30021 is wrong, it should be 2 hours") == ["updateEntry"]
    assert top(index, "time entry 30021: it should be 2 hours, not 5") == ["updateEntry"]
    # What should be so, asked, is no correction.
    assert top(index, "which time entries should be 5 hours, which should be 2?") == ["entries"]


def test_a_listing_is_a_product_and_listing_things_asks_for_none() -> None:
    from mcpgen.runtime.synonyms import SYNONYMS
    from mcpgen.runtime.terms import related

    assert related(["listing"], SYNONYMS) == ["product", "item"]
    assert related(["list"], SYNONYMS) == []
    assert related(["listed"], SYNONYMS) == []


def test_whether_someone_is_online_or_not_to_be_disturbed_is_their_presence() -> None:
    rows = [
        ("presence", "GET", "/users/{user-id}/presence", "Get presence"),
        ("setPresence", "POST", "/me/presence/setPresence", "Invoke action setPresence"),
        ("health", "GET", "/health", "Check the service's health"),
        ("call", "GET", "/communications/calls/{call-id}", "Get call"),
        ("settings", "PATCH", "/me/settings", "Update settings"),
        ("task", "PATCH", "/me/todo/lists/{list-id}/tasks/{task-id}", "Update a to do task"),
    ]
    index = build(rows)
    assert top(index, "is Carlos online right now or in a call?") == ["presence"]
    assert top(index, "is priya@contoso.com available or stuck in a meeting?") == ["presence"]
    assert top(index, "Set me to Do Not Disturb for the next 2 hours") == ["setPresence"]
    # A service's being online is its health.
    assert top(index, "is the billing service online?") == ["health"]


def test_what_the_caller_is_given_is_read() -> None:
    rows = [
        ("getStats", "GET", "/stats/summary", "Get the account's statistics summary"),
        ("resetStats", "POST", "/stats/summary/reset", "Reset the statistics summary"),
        ("getReport", "GET", "/reports/{id}", "Get a report"),
        ("runReport", "POST", "/reports/{id}/run", "Run a report"),
        ("createLink", "POST", "/downloads", "Create a download link"),
    ]
    index = build(rows)
    assert top(index, "give me the statistics summary for last month") == ["getStats"]
    assert top(index, "Give me report 33 as a CSV") == ["getReport"]
    # A new thing given is made.
    assert top(index, "give me a download link for report 33") == ["createLink"]


def test_what_things_may_be_done_with_and_an_account_of_things_read() -> None:
    from mcpgen.runtime.asking import asked_for

    # The kind of thing asked after comes before what may be done with it.
    assert asked_for("what storage classes can I provision from?", ["storage", "classes"]) == "list"
    assert asked_for("which folders can user 61 get into?", ["folders", "user"]) == "list"
    # What may be done, asked alone, is the verb's.
    assert asked_for("what can I delete?", ["delete"]) == "delete"
    rows = [
        ("listPromotions", "GET", "/promotions", "List promotions"),
        ("createPromotion", "POST", "/promotions", "Create a promotion"),
        ("listClasses", "GET", "/storageclasses", "List storage classes"),
        ("createClass", "POST", "/storageclasses", "Create a storage class"),
    ]
    index = build(rows)
    assert top(index, "what storage classes can I provision from?") == ["listClasses"]
    assert top(index, "I need a rundown of all my running and ended promotions") == [
        "listPromotions"
    ]
    assert top(index, "I need a new promotion for Black Friday") == ["createPromotion"]


def test_what_is_dumped_is_read_and_what_is_dumped_somewhere_exported() -> None:
    rows = [
        ("listRecords", "GET", "/domains/{domain}/records", "List DNS records"),
        ("createRecord", "POST", "/domains/{domain}/records", "Create a DNS record"),
        ("getSnapshot", "GET", "/snapshots/{id}", "Describe a snapshot"),
        ("exportSnapshot", "POST", "/snapshots/{id}/export", "Start an export task"),
    ]
    index = build(rows)
    assert top(index, "dump every DNS record we have for acme.com") == ["listRecords"]
    assert top(index, "dump snapshot snap-0612") == ["getSnapshot"]
    assert top(index, "dump snapshot snap-0612 to the S3 bucket lake") == ["exportSnapshot"]


def test_the_callers_own_record_is_the_authenticated_user_whatever_its_title() -> None:
    rows = [
        ("getMe", "GET", "/me", "Indexes this instance"),
        ("grocery", "GET", "/grocerylist", "Get the user's grocery list"),
        ("note", "GET", "/recipe/{id}/note/{noteId}", "Get a given note, with authentication"),
        ("profile", "PUT", "/me/profile", "Puts me"),
    ]
    index = build(rows)
    assert top(index, "who am I logged in as?") == ["getMe"]
    assert top(index, "show my grocery list") == ["grocery"]


def test_a_boss_is_a_manager_and_a_seat_a_license() -> None:
    rows = [
        ("getUser", "GET", "/users/{user-id}", "Get a user"),
        ("listReports", "GET", "/users/{user-id}/directReports", "List directReports"),
        ("getManager", "GET", "/users/{user-id}/manager", "Get manager from users"),
        ("assignRole", "POST", "/users/{user-id}/assignRole", "Invoke action assignRole"),
        ("assignLicense", "POST", "/users/{user-id}/assignLicense", "Invoke action assignLicense"),
    ]
    index = build(rows)
    assert top(index, "Who is Maria Lopez's boss?") == ["getManager"]
    assert top(index, "who does user 4411's supervisor happen to be?") == ["getManager"]
    assert top(index, "Give sam.ortiz@contoso.com a Microsoft 365 E3 seat") == ["assignLicense"]


def test_killing_tokens_or_sessions_revokes_them() -> None:
    rows = [
        ("refreshSession", "POST", "/workbook/refreshSession", "Invoke action refreshSession"),
        ("deleteToken", "DELETE", "/tokens/{id}", "Delete a token"),
        (
            "revokeSessions",
            "POST",
            "/users/{id}/revokeSignInSessions",
            "Invoke action revokeSignIn",
        ),
        ("stopJob", "POST", "/jobs/{id}/stop", "Stop a job"),
    ]
    index = build(rows)
    assert top(index, "kill his tokens", 3) == ["deleteToken", "stopJob", "revokeSessions"]
    # Killing a job still stops it.
    assert top(index, "kill job 42") == ["stopJob"]


def test_office_documents_live_in_a_drive_and_decks_are_documents() -> None:
    rows = [
        ("agreementVersions", "GET", "/agreements/{id}/versions", "List versions"),
        ("policyVersions", "GET", "/policies/{id}/versions", "List policy versions"),
        ("itemVersions", "GET", "/drives/{drive}/items/{item}/versions", "List versions"),
        ("sheets", "GET", "/sheets/{id}/revisions", "List revisions of a sheet"),
        (
            "presentations",
            "GET",
            "/presentations/{id}/revisions",
            "List revisions of a presentation",
        ),
    ]
    index = build(rows)
    assert top(index, "show me older versions of proposal.docx") == ["itemVersions"]
    assert top(index, "show me older versions of the policy") == ["policyVersions"]
    assert top(index, "Who edited the pricing deck, and when? Show its earlier revisions") == [
        "presentations"
    ]


def test_emails_are_the_messages_an_email_is_also_an_address() -> None:
    rows = [
        ("sendAs", "GET", "/users/{id}/settings/sendAs", "List the send-as addresses"),
        ("listMessages", "GET", "/users/{id}/messages", "List messages"),
        ("getMessage", "GET", "/users/{id}/messages/{messageId}", "Get a message"),
    ]
    index = build(rows)
    assert top(index, "find emails from dave@contoso.com with attachments from last month") == [
        "listMessages"
    ]
    # One email is still an address.
    assert top(index, "which email addresses can I send as?") == ["sendAs"]


def test_who_moved_or_bumped_something_asks_for_its_changelog() -> None:
    rows = [
        ("getPriority", "GET", "/priority/{id}", "Get priority"),
        ("updatePriority", "PUT", "/priority/{id}", "Update priority"),
        ("getIssue", "GET", "/issue/{issueIdOrKey}", "Get issue"),
        ("changelog", "GET", "/issue/{issueIdOrKey}/changelog", "Get changelogs"),
        ("auditRecords", "GET", "/auditing/record", "Get audit records"),
    ]
    index = build(rows)
    assert top(index, "who bumped the priority on DATA-310 and when?") == ["changelog"]
    assert top(index, "who moved DATA-311 back to To Do?") == ["changelog"]
    # The audit log is still the audit log.
    assert top(index, "pull the audit log for last week") == ["auditRecords"]


def test_what_blocks_or_is_depended_on_is_a_link_between_the_two() -> None:
    rows = [
        ("editIssue", "PUT", "/issue/{issueIdOrKey}", "Edit issue"),
        ("addComment", "POST", "/issue/{issueIdOrKey}/comment", "Add comment"),
        ("linkIssues", "POST", "/issueLink", "Create issue link"),
        ("transition", "POST", "/issue/{issueIdOrKey}/transitions", "Transition issue"),
    ]
    index = build(rows)
    assert top(index, "mark BACK-101 as blocked by BACK-99") == ["linkIssues"]
    assert top(index, "BACK-7 depends on BACK-3, record that") == ["linkIssues"]
    # Saying so in a comment is still a comment.
    assert top(index, "add a comment on BACK-101 saying we are blocked by the vendor") == [
        "addComment"
    ]


def test_what_version_a_server_runs_is_its_own_information() -> None:
    rows = [
        ("listReleases", "GET", "/repos/{owner}/{repo}/releases", "List releases"),
        ("getRelease", "GET", "/repos/{owner}/{repo}/releases/{id}", "Get a release"),
        ("getVersion", "GET", "/version", "Returns the version of the application"),
        ("searchRepos", "GET", "/repos/search", "Search repos"),
    ]
    index = build(rows)
    assert top(index, "what release of gitea is this server on?") == ["getVersion"]
    assert top(index, "which build is our site running?") == ["getVersion"]
    # The releases of a thing are still its releases.
    assert top(index, "list the releases of acme/web") == ["listReleases"]


def test_who_has_or_has_not_signed_asks_for_the_signers() -> None:
    rows = [
        ("getEnvelope", "GET", "/envelopes/{envelopeId}", "Gets the status of an envelope"),
        ("listRecipients", "GET", "/envelopes/{envelopeId}/recipients", "Gets the recipients"),
        ("groupUsers", "GET", "/signing_groups/{id}/users", "Gets the members of a signing group"),
        ("signups", "GET", "/signups", "List the users who signed up"),
    ]
    index = build(rows)
    assert top(index, "who hasn't signed envelope 55b2 yet") == ["listRecipients"]
    assert top(index, "Who still hasn't signed envelope 4f1c?") == ["listRecipients"]
    # Who signed up is still who signed up.
    assert top(index, "who signed up this week?") == ["signups"]


def test_what_is_handed_over_is_transferred_and_acting_on_my_behalf_delegated() -> None:
    rows = [
        ("createEnvelope", "POST", "/envelopes", "Creates an envelope"),
        ("addUsers", "POST", "/users", "Adds users to the account"),
        ("transferRules", "POST", "/envelopes/transfer_rules", "Add envelope transfer rules"),
    ]
    index = build(rows)
    assert top(index, "Tom is leaving; his envelopes should get handed over to Lisa") == [
        "transferRules"
    ]
    rows = [
        ("createMeeting", "POST", "/users/{userId}/meetings", "Create a meeting"),
        ("listSchedulers", "GET", "/users/{userId}/schedulers", "List schedulers"),
        ("addAssistants", "POST", "/users/{userId}/assistants", "Add assistants"),
        ("listMeetings", "GET", "/users/{userId}/meetings", "List meetings"),
    ]
    index = build(rows)
    assert top(index, "let Priya schedule meetings on my behalf") == ["addAssistants"]
    assert top(index, "set up a meeting with Priya for tomorrow at 3pm") == ["createMeeting"]


def test_what_is_added_to_a_collection_or_by_name_is_made_not_changed() -> None:
    rows = [
        ("listContacts", "GET", "/me/contacts", "List contacts"),
        ("createContact", "POST", "/me/contacts", "Create contact"),
        ("updateContact", "PATCH", "/me/contacts/{contact-id}", "Update contact"),
        ("getContact", "GET", "/me/contacts/{contact-id}", "Get contact"),
        ("listLocales", "GET", "/locales", "List locales"),
        ("updateScope", "PATCH", "/scopes/{code}", "Update a scope"),
        ("createScope", "POST", "/scopes", "Create a scope"),
    ]
    index = build(rows)
    # Added to a plural: an entry of the collection is made.
    assert top(index, "add my dentist to my contacts") == ["createContact"]
    assert top(index, "add the plumber to my contacts, email bob@pipes.io") == ["createContact"]
    # A list that one thing has is still that thing's, changed.
    assert top(index, "Add de_DE to the locales of the ecommerce scope") == ["updateScope"]
    rows = [
        ("createGroup", "POST", "/groups", "Create group"),
        ("updateGroup", "PATCH", "/groups/{group-id}", "Update group"),
        ("addMember", "POST", "/groups/{group-id}/members/$ref", "Add member"),
        ("listMembers", "GET", "/groups/{group-id}/members", "List members"),
        ("patchPod", "PATCH", "/namespaces/{namespace}/pods/{name}", "Partially update a Pod"),
        ("createPod", "POST", "/namespaces/{namespace}/pods", "Create a Pod"),
    ]
    index = build(rows)
    # Someone named, put into a thing, is added to it: no change to the thing.
    assert top(index, "put Kevin into the Marketing-EMEA group") == ["addMember"]
    # A label added to a thing still changes it.
    assert top(index, "add the label tier=web to the payments pod") == ["patchPod"]


def test_what_is_pushed_to_a_later_time_is_rescheduled() -> None:
    rows = [
        ("listEvents", "GET", "/me/events", "List events"),
        ("createEvent", "POST", "/me/events", "Create event"),
        ("updateEvent", "PATCH", "/me/events/{event-id}", "Update event"),
        ("deleteEvent", "DELETE", "/me/events/{event-id}", "Delete event"),
        ("forwardEvent", "POST", "/me/events/{event-id}/forward", "Forward event"),
    ]
    index = build(rows)
    assert top(index, "push the standup to tomorrow") == ["updateEvent"]
    # Sent on to someone is still forwarded.
    assert top(index, "forward the standup to Raj") == ["forwardEvent"]


def test_the_caller_taken_off_something_leaves_or_stops_watching_it() -> None:
    rows = [
        ("getSpace", "GET", "/spaces/{id}", "Get a space"),
        ("leaveSpace", "POST", "/spaces/{id}/leave", "Leave a space"),
        ("deleteSpace", "DELETE", "/spaces/{id}", "Delete a space"),
        ("removeMember", "DELETE", "/spaces/{id}/members/{userId}", "Remove a member"),
        ("addWatcher", "POST", "/issue/{issueIdOrKey}/watchers", "Add watcher"),
        ("removeWatcher", "DELETE", "/issue/{issueIdOrKey}/watchers", "Delete watcher"),
        ("deleteIssue", "DELETE", "/issue/{issueIdOrKey}", "Delete issue"),
    ]
    index = build(rows)
    assert top(index, "I keep getting emails about INFRA-900, take me off the list") == [
        "removeWatcher"
    ]
    assert "leaveSpace" in top(index, "take me out of space 42", 2)
    # Someone else taken out is still a member removed.
    assert top(index, "remove user 7 from space 42") == ["removeMember"]


def test_how_big_a_file_is_is_its_metadata_and_calls_left_the_rate_limit() -> None:
    rows = [
        ("getMetadata", "GET", "/file_actions/metadata/{path}", "Show file metadata"),
        ("download", "GET", "/files/{path}", "Download file"),
        ("upload", "POST", "/files/{path}", "Upload file"),
        ("rateLimit", "GET", "/rate_limit", "Get rate limit status for the authenticated user"),
        ("apiUsage", "GET", "/usage/api", "Get API usage"),
        ("listCalls", "GET", "/calls", "List calls"),
    ]
    index = build(rows)
    assert top(index, "how big is /data/export.csv and when was it last modified?") == [
        "getMetadata"
    ]
    assert top(index, "download /data/export.csv") == ["download"]
    assert top(index, "how many more API calls can I make before I get throttled?") == ["rateLimit"]
    # Calls made, or a phone's calls, are no rate limit.
    assert top(index, "How many calls in blast 5532 were answered?") == ["listCalls"]


def test_files_attached_to_a_thing_are_its_attachments() -> None:
    rows = [
        ("listFiles", "GET", "/agreements/{agreement-id}/files", "Get files from agreements"),
        ("getFile", "GET", "/agreements/{agreement-id}/file", "Get agreementFile"),
        ("getMessage", "GET", "/me/messages/{message-id}", "Get message"),
        ("listAttachments", "GET", "/me/messages/{message-id}/attachments", "List attachments"),
        ("listTargets", "GET", "/scaling-groups/{name}/target-groups", "List target groups"),
    ]
    index = build(rows)
    assert top(index, "what files came attached to email 7781?") == ["listAttachments"]
    # What else is attached to a thing is still what it is.
    assert top(index, "which target groups are attached to scaling group web-asg?") == [
        "listTargets"
    ]


def test_a_boards_columns_are_its_sections_and_my_plate_my_tasks() -> None:
    rows = [
        ("listSections", "GET", "/projects/{project_gid}/sections", "Get sections"),
        ("createSection", "POST", "/projects/{project_gid}/sections", "Create a section"),
        ("addTaskToSection", "POST", "/sections/{section_gid}/addTask", "Add task to section"),
        ("listFields", "GET", "/projects/{project_gid}/custom_field_settings", "Get custom fields"),
        ("addField", "POST", "/projects/{project_gid}/addCustomFieldSetting", "Add a custom field"),
        ("getTask", "GET", "/tasks/{task_gid}", "Get a task"),
        ("listDependencies", "GET", "/tasks/{task_gid}/dependencies", "Get dependencies"),
        ("listTags", "GET", "/tasks/{task_gid}/tags", "Get a task's tags"),
        ("myTasks", "GET", "/user_task_lists/{user_task_list_gid}/tasks", "Get tasks"),
        ("favorites", "GET", "/users/{user_gid}/favorites", "Get a user's favorites"),
        ("listIssues", "GET", "/issues", "Get the current user's issues"),
    ]
    index = build(rows)
    assert top(index, "what columns does the Support Queue board have?") == ["listSections"]
    assert top(index, "add a Blocked column to our sprint board") == ["createSection"]
    # A column of a table is still a field.
    assert top(index, "add a Priority column to the spreadsheet view of the project") == [
        "addField"
    ]
    assert top(index, "what's blocking task 4410?") == ["listDependencies"]
    assert top(index, "what's on my plate this week?") == ["myTasks"]
    rows = [
        ("listTodos", "GET", "/v3/todos", "Get a todo list"),
        ("listIssues", "GET", "/v3/issues", "Get currently authenticated user's issues"),
        ("listUsers", "GET", "/v3/users", "Get the list of users"),
        ("listKeys", "GET", "/v3/user/keys", "Get the current user's SSH keys"),
    ]
    # A to-do is a task, and a task a to-do.
    assert "listTodos" in top(build(rows), "what's on my to-do list?", 3)


def test_what_is_sent_at_a_later_time_is_scheduled() -> None:
    rows = [
        ("postMessage", "POST", "/chat.postMessage", "Sends a message to a channel."),
        ("scheduleMessage", "POST", "/chat.scheduleMessage", "Schedules a message."),
        ("listScheduled", "GET", "/chat.scheduledMessages.list", "Lists scheduled messages."),
        ("addReminder", "POST", "/reminders.add", "Creates a reminder."),
    ]
    index = build(rows)
    query = "Send a message to #general tomorrow at 9am reminding everyone about the all-hands."
    assert top(index, query) == ["scheduleMessage"]
    # Sent now, or about tonight, is sent now.
    assert top(index, "send 'build is green' to #eng") == ["postMessage"]
    assert top(index, "send a message to #ops about tonight's outage") == ["postMessage"]


def test_a_file_named_in_parts_is_a_file_not_a_name_written_as_code() -> None:
    rows = [
        ("updateContract", "PATCH", "/contracts/{contract-id}", "Update a contract"),
        ("getContract", "GET", "/contracts/{contract-id}", "Get a contract"),
        ("updateItem", "PATCH", "/drives/{drive-id}/items/{item-id}", "Update a file in a drive"),
    ]
    index = build(rows)
    # Its name's words are the user's own, however many parts it has: not the API's.
    assert top(index, "rename contract_draft.docx to contract_final.docx") == ["updateItem"]
    # A name written as code is still the API's words.
    assert top(index, "call contracts.get.contract for 42") == ["getContract"]


def test_what_is_done_or_sent_again_is_retried_however_far_apart() -> None:
    rows = [
        ("updateEnvelope", "PUT", "/envelopes/{envelopeId}", "Send or modify an envelope."),
        (
            "retryEnvelope",
            "PUT",
            "/connect/envelopes/{envelopeId}/retry_queue",
            "Republishes Connect information for the specified envelope.",
        ),
        (
            "publishHistorical",
            "POST",
            "/connect/envelopes/publish/historical",
            "Submits a batch of historical envelopes for republish to a webhook.",
        ),
    ]
    index = build(rows)
    query = "push the completed event for envelope 3e4f to our webhook again"
    assert top(index, query) == ["retryEnvelope"]


def test_what_goes_out_at_a_later_time_is_scheduled() -> None:
    rows = [
        ("getEnvelope", "GET", "/envelopes/{envelopeId}", "Gets the status of an envelope."),
        ("getWorkflow", "GET", "/envelopes/{envelopeId}/workflow", "Gets an envelope's workflow."),
        (
            "scheduleSending",
            "PUT",
            "/envelopes/{envelopeId}/workflow/scheduledSending",
            "Updates the scheduled sending rules for an envelope's workflow.",
        ),
    ]
    index = build(rows)
    assert top(index, "have the board consent envelope go out Monday at 9am") == ["scheduleSending"]


def test_what_failed_asks_for_failures_and_metadata_may_be_custom_fields() -> None:
    rows = [
        ("listFailures", "GET", "/connect/failures", "Gets the Connect failure log information."),
        (
            "getNotification",
            "GET",
            "/envelopes/{envelopeId}/notification",
            "Gets envelope notification information.",
        ),
        (
            "listStatus",
            "PUT",
            "/envelopes/status",
            "Gets envelope statuses for a set of envelopes.",
        ),
        ("updateEnvelope", "PUT", "/envelopes/{envelopeId}", "Send or modify an envelope."),
        (
            "addCustomFields",
            "POST",
            "/envelopes/{envelopeId}/custom_fields",
            "Updates envelope custom fields for an envelope.",
        ),
    ]
    index = build(rows)
    assert top(index, "what failed to reach our webhook last night?") == ["listFailures"]
    assert top(index, "which updates failed to go out?")[:1] == ["listFailures"]
    query = "stamp purchase order number PO-5521 as metadata on envelope d2e8"
    assert top(index, query) == ["addCustomFields"]


def test_a_release_may_be_a_version() -> None:
    rows = [
        ("createUser", "POST", "/user", "Create user."),
        ("createIssue", "POST", "/issue", "Creates an issue."),
        ("createRole", "POST", "/role", "Creates a project role."),
        ("createVersion", "POST", "/version", "Create a version."),
    ]
    index = build(rows)
    assert top(index, "create release 2.4.0 in MOB due June 30") == ["createVersion"]


def test_what_is_ended_for_good_is_terminated() -> None:
    rows = [
        (
            "compose",
            "POST",
            "/#Action=ComposeEnvironments",
            "Create or update a group of environments.",
        ),
        ("rebuild", "POST", "/#Action=RebuildEnvironment", "Deletes and recreates an environment."),
        ("create", "POST", "/#Action=CreateEnvironment", "Launches an environment."),
        ("terminate", "POST", "/#Action=TerminateEnvironment", "Terminates an environment."),
        (
            "restart",
            "POST",
            "/#Action=RestartAppServer",
            "Restarts the app server of an environment.",
        ),
    ]
    index = build(rows)
    assert top(index, "shut down demo-env for good, we don't need it anymore") == ["terminate"]


def test_whether_a_thing_is_reachable_checks_the_connection_to_it() -> None:
    rows = [
        ("search", "POST", "/v1/destinations/search", "Search destinations"),
        ("get", "POST", "/v1/destinations/get", "Get configured destination"),
        (
            "check",
            "POST",
            "/v1/destinations/check_connection",
            "Check connection to the destination",
        ),
        ("list", "POST", "/v1/destinations/list", "List configured destinations"),
    ]
    index = build(rows)
    assert top(index, "Is my Redshift destination reachable right now?") == ["check"]
    # Where it can be reached from is no check.
    assert top(index, "which destinations are reachable from the office network?") != ["check"]


def test_what_is_set_up_in_a_question_is_listed_not_made() -> None:
    rows = [
        ("listStores", "GET", "/merchants/{merchantId}/stores", "Get a list of stores"),
        ("createStore", "POST", "/merchants/{merchantId}/stores", "Create a store"),
        ("getMerchant", "GET", "/merchants/{merchantId}", "Get a merchant account"),
    ]
    index = build(rows)
    assert top(index, "which stores are set up under merchant 4411?") == ["listStores"]
    assert top(index, "What stores do we have set up for merchant 4411?")[:1] == ["listStores"]
    # Asked to set one up, it is made.
    assert top(index, "set up a new store under merchant 4411") == ["createStore"]


def test_the_details_of_a_thing_are_one_thing_not_many() -> None:
    rows = [
        ("listCompanies", "GET", "/companies", "Get a list of company accounts"),
        ("getCompany", "GET", "/companies/{companyId}", "Get a company account"),
        ("getUser", "GET", "/companies/{companyId}/users/{userId}", "Get a user"),
        ("listUsers", "GET", "/companies/{companyId}/users", "Get a list of users"),
    ]
    index = build(rows)
    assert top(index, "Pull up the details of company account ACME_Group") == ["getCompany"]
    # What is in its status or its access is no plural either.
    assert top(index, "what is the status of company account ACME_Group?") == ["getCompany"]
    assert top(index, "list the company accounts") == ["listCompanies"]


def test_what_is_left_of_a_possessive_or_contraction_is_no_word() -> None:
    rows = [
        ("addWatcher", "POST", "/issue/{key}/watchers", "Adds a user to an issue's watcher list."),
        ("getWatchers", "GET", "/issue/{key}/watchers", "Returns the watchers of an issue."),
        (
            "removeWatcher",
            "DELETE",
            "/issue/{key}/watchers",
            "Removes a user from an issue's list.",
        ),
    ]
    index = build(rows)
    assert top(index, "who's watching OPS-5?")[:1] == ["getWatchers"]
    assert top(index, "who's watching ticket OPS-5?")[:1] == ["getWatchers"]


def test_a_question_about_what_is_reads_whatever_its_words_match() -> None:
    rows = [
        (
            "upgradeCluster",
            "POST",
            "/v2/kubernetes/clusters/{cluster_id}/upgrade",
            "Upgrade a Kubernetes cluster to a newer version",
        ),
        (
            "availableUpgrades",
            "GET",
            "/v2/kubernetes/clusters/{cluster_id}/upgrades",
            "List the versions a cluster can be upgraded to",
        ),
        ("getCluster", "GET", "/v2/kubernetes/clusters/{cluster_id}", "Retrieve a cluster"),
    ]
    index = build(rows)
    query = "which newer k8s versions can cluster prod-k8s move to?"
    assert top(index, query)[:1] == ["availableUpgrades"]
    query = "what newer versions can cluster prod-k8s upgrade to?"
    assert top(index, query)[:1] == ["availableUpgrades"]
    # Asked to do it, it is done.
    assert top(index, "upgrade cluster prod-k8s to the newest version")[:1] == ["upgradeCluster"]


def test_tag_or_label_opening_a_request_is_a_verb_of_making() -> None:
    rows = [
        ("listTags", "GET", "/tags/{type}/{id}", "Lists tags for one hosted zone."),
        (
            "changeTags",
            "POST",
            "/tags/{type}/{id}",
            "Adds, edits, or deletes tags for a hosted zone.",
        ),
        ("getZone", "GET", "/hostedzone/{Id}", "Gets information about a specified hosted zone."),
    ]
    index = build(rows)
    ranked = top(index, "tag hosted zone Z1D633PJN98FT9 with env=prod and owner=netops", 3)
    assert ranked.index("changeTags") < ranked.index("listTags")
    # Elsewhere it is the thing ("list the tags on hosted zone Z1").
    assert top(index, "list the tags on hosted zone Z1D633PJN98FT9")[:1] == ["listTags"]


def test_a_clause_that_says_when_before_the_main_one_counts_less() -> None:
    rows = [
        ("deleteApp", "DELETE", "/self/applications/{appId}", "Delete an application"),
        (
            "dependents",
            "GET",
            "/self/applications/{appId}/dependents",
            "Get the applications linked to an application",
        ),
        ("getApp", "GET", "/self/applications/{appId}", "Get an application"),
    ]
    index = build(rows)
    query = "before I delete app_api, which applications are linked to it?"
    assert top(index, query)[:1] == ["dependents"]
    assert top(index, "delete app_api")[:1] == ["deleteApp"]


def test_a_clause_that_tells_how_things_are_before_so_counts_less() -> None:
    """ "We've been migrating ... to a new setup, so please ...": what follows "so" is asked,
    and the clause before it tells why; "... so I can ..." still says why after the
    request, and so does "so" in a later sentence."""
    from mcpgen.runtime.mainclause import main_clause

    rows = [
        ("startMigration", "POST", "/migrations", "Start a migration of services"),
        ("listMigrations", "GET", "/migrations", "List migrations"),
        ("createSetup", "POST", "/setups", "Create a new setup"),
        ("listPods", "GET", "/pods", "List pods"),
        ("deletePod", "DELETE", "/pods/{name}", "Delete a pod"),
    ]
    index = build(rows)
    told = "We have been migrating all of our old services over to a brand new setup this week"
    assert top(index, f"{told}, so please list the pods") == ["listPods"]
    assert top(index, f"{told}, so I need to delete pod web-1") == ["deletePod"]
    assert main_clause("Tom left, so please delete his account") == "please delete his account"
    assert main_clause("delete it so I can start over") == "delete it"
    assert main_clause("save the flow to a file so we have a backup") == "save the flow to a file"
    assert (
        main_clause("add EUR? We sell in Europe, so we need euros") == "add EUR? We sell in Europe"
    )


def test_the_fields_to_show_after_a_dash_are_not_which_thing() -> None:
    rows = [
        ("getProduct", "GET", "/catalog/product/{productId}", "Get a product"),
        ("getCategory", "GET", "/catalog/category/{categoryId}", "Get a category"),
        ("getBrand", "GET", "/catalog/brand/{brandId}", "Get a brand by its name"),
        ("createProduct", "POST", "/catalog/product", "Create a product"),
    ]
    index = build(rows)
    query = "pull up product 310118 - name, description, category, brand"
    assert top(index, query)[:1] == ["getProduct"]
    assert top(index, "show brand 77")[:1] == ["getBrand"]
    # Or after a colon.
    query = "show me the details of product 310118: category, brand and description"
    assert top(index, query)[:1] == ["getProduct"]


def test_people_may_be_contacts_tries_attempts_and_redirects_forwards() -> None:
    rows = [
        ("listUsers", "GET", "/crm/users", "List users"),
        ("listContacts", "GET", "/crm/contacts", "List contacts"),
        ("listOpportunities", "GET", "/crm/opportunities", "List opportunities"),
        ("createLead", "POST", "/crm/leads", "Create lead"),
        ("listAttempts", "GET", "/msg/{msg_id}/attempt", "List attempts by message"),
        ("getMessage", "GET", "/msg/{msg_id}", "Get a message"),
        ("getForward", "GET", "/domains/forwards/{fqdn}", "Retrieve the forwarding information"),
        ("getDomain", "GET", "/domains/{domain}", "Retrieve details for the domain"),
    ]
    index = build(rows)
    assert "listContacts" in top(index, "who are the people we have on file?", 2)
    assert top(index, "what deals do we have?")[:1] == ["listOpportunities"]
    assert top(index, "save this prospect: Aisha Bello, aisha@greenleaf.io")[:1] == ["createLead"]
    assert top(index, "show me every try for message msg_abc")[:1] == ["listAttempts"]
    assert top(index, "where does go.mycompany.com redirect to?")[:1] == ["getForward"]


def test_opening_a_thing_named_by_its_value_looks_at_it() -> None:
    rows = [
        ("createMeeting", "POST", "/crm/activities", "Create activity"),
        ("getMeeting", "GET", "/crm/activities/{id}", "Get activity"),
        ("listMeetings", "GET", "/crm/activities", "List activities"),
    ]
    index = build(rows)
    assert top(index, "open up the activity with id 6620")[:1] == ["getMeeting"]
    assert top(index, "open the activity 6620")[:1] == ["getMeeting"]
    # A new one is made.
    assert top(index, "open a new activity for the Acme call")[:1] == ["createMeeting"]
    # A thing and its ID, with no determiner: there already.
    assert top(index, "open activity 6620")[:1] == ["getMeeting"]
    assert top(index, "open activity 7f3a21 and show me its notes")[:1] == ["getMeeting"]
    from mcpgen.runtime.asking import asked_for

    assert asked_for("open port 443 on firewall fw-web", ["port", "firewall"]) != "read"


def test_what_a_thing_named_by_its_value_has_is_that_thing() -> None:
    rows = [
        ("listUsers", "GET", "/users", "Get all users"),
        ("getUser", "GET", "/users/{id}", "Get user"),
        ("listShares", "GET", "/shares", "Get all shares"),
        ("getShare", "GET", "/shares/{id}", "Get share"),
    ]
    index = build(rows)
    assert top(index, "what permissions does user 77 have?")[:1] == ["getUser"]
    assert top(index, "which recipients is share 552 sent to?")[:1] == ["getShare"]
    # Things not named by a value are many.
    assert top(index, "what permissions do users have?")[:1] == ["listUsers"]


def test_what_never_came_is_missing_and_similar_names_are_suggestions() -> None:
    rows = [
        (
            "replayMissing",
            "POST",
            "/app/{app_id}/endpoint/{endpoint_id}/replay-missing",
            "Replay missing webhooks",
        ),
        ("createEventType", "POST", "/event-type", "Create event type"),
        ("updateEndpoint", "PUT", "/app/{app_id}/endpoint/{endpoint_id}", "Update endpoint"),
        ("suggest", "GET", "/domains/suggest", "Suggest alternate domain names"),
        ("register", "POST", "/domains/register", "Register a domain"),
        ("purchase", "POST", "/domains/purchase", "Purchase and register the domain"),
    ]
    index = build(rows)
    query = "endpoint ep_31 was off for two days; push it the events it never got"
    assert top(index, query)[:1] == ["replayMissing"]
    query = "sunnycrate.com is gone, give me some similar names I could register instead"
    assert "suggest" in top(index, query, 2)


def test_expenses_are_purchases_estimates_quotes_and_a_refresh_a_synchronisation() -> None:
    rows = [
        ("listQuotes", "GET", "/quotes", "List quotes"),
        ("listPurchases", "GET", "/purchases", "List purchases"),
        ("createPurchase", "POST", "/purchases", "Create a purchase"),
        ("listReceipts", "GET", "/cashReceipts", "List cash receipts"),
        ("listPayments", "GET", "/cashPayments", "List cash payments"),
        ("syncBanks", "POST", "/banks/synchronize", "Synchronize bank transactions"),
        ("connectBank", "GET", "/banks/connect", "Connect a bank"),
        ("listBanks", "GET", "/banks", "List banks"),
        ("getMe", "GET", "/me", "Get my account"),
    ]
    index = build(rows)
    assert "listPurchases" in top(index, "show my expenses from March", 2)
    assert top(index, "which estimates are still open?") == ["listQuotes"]
    # Money lodged at the bank is received.
    assert top(index, "list the lodgements we got last week") == ["listReceipts"]
    assert top(index, "refresh my bank feed") == ["syncBanks"]


def test_what_is_marked_as_something_changes_its_status() -> None:
    rows = [
        ("updateInvoice", "POST", "/invoices/{id}", "Update an invoice"),
        (
            "updateInvoiceStatus",
            "POST",
            "/invoices/{id}/updatestatus",
            "Update the status of an invoice",
        ),
        ("getInvoice", "GET", "/invoices/{id}", "Get an invoice"),
        ("sendInvoice", "POST", "/invoices/{id}/send", "Send an invoice by email"),
        ("listQuotes", "GET", "/quotes", "List quotes"),
        ("updateQuote", "POST", "/quotes/{id}", "Update a quote"),
        ("listPurchases", "GET", "/purchases", "List purchases"),
        ("createPurchase", "POST", "/purchases", "Create a purchase"),
        ("listBanks", "GET", "/banks", "List banks"),
        ("getMe", "GET", "/me", "Get my account"),
    ]
    index = build(rows)
    assert "updateInvoiceStatus" in top(index, "mark invoice 31 as paid", 2)
    assert "updateInvoiceStatus" in top(
        index, "the client turned it down, mark invoice 8 as refused", 2
    )


def test_a_name_in_capitals_is_an_environment_variables_or_a_secrets() -> None:
    rows = [
        ("createEnv", "POST", "/projects/{id}/env", "Create environment variables"),
        ("addDomain", "POST", "/projects/{id}/domains", "Add a domain to a project"),
        ("createProject", "POST", "/projects", "Create a project"),
        ("updateProject", "PATCH", "/projects/{id}", "Update a project"),
        ("connectBank", "GET", "/banks/connect", "Connect a bank"),
        ("createPurchase", "POST", "/purchases", "Create a purchase"),
    ]
    index = build(rows)
    query = "set DATABASE_URL on api-server to the new connection string"
    assert "createEnv" in top(index, query, 2)


def test_plurals_the_stemmer_cuts_otherwise_meet_their_singulars() -> None:
    for singular, plural in (("alias", "aliases"), ("index", "indices"), ("canvas", "canvases")):
        assert stem(singular) == stem(plural), plural
    rows = [
        ("listAliases", "GET", "/v4/aliases", "List aliases"),
        ("listDeployments", "GET", "/v6/deployments", "List deployments"),
        ("getDeployment", "GET", "/v13/deployments/{idOrUrl}", "Get a deployment"),
        ("listIndices", "GET", "/_cat/indices", "List indices"),
    ]
    index = build(rows)
    assert top(index, "show me every alias we've got") == ["listAliases"]
    assert top(index, "what is in index logs-2024?") == ["listIndices"]


def test_one_action_on_a_queues_path_and_on_the_root_is_one_operation() -> None:
    """Amazon SQS takes each action in two forms, ``GET /{AccountNumber}/{QueueName}/#Action=X``
    and ``POST /#Action=X``: the second of the pair comes after the other operations."""
    rows = []
    for action, title in (
        ("SendMessage", "Delivers a message to the specified queue."),
        ("PurgeQueue", "Deletes available messages in a queue."),
        ("DeleteQueue", "Deletes the queue specified by the QueueUrl."),
    ):
        path = f"/{{AccountNumber}}/{{QueueName}}/#Action={action}"
        rows += [(f"GET_{action}", "GET", path, title)]
        rows += [(f"POST_{action}", "POST", f"/#Action={action}", title)]
    index = build(rows)
    assert set(top(index, "empty the staging queue", 2)) & {"GET_PurgeQueue", "POST_PurgeQueue"}


def test_grepping_searches_and_tailing_reads() -> None:
    rows = [
        (action, "POST", f"/#X-Amz-Target=Logs_20140328.{action}", title)
        for action, title in (
            ("CreateLogGroup", "Creates a log group with the specified name."),
            ("CreateLogStream", "Creates a log stream for the specified log group."),
            ("FilterLogEvents", "Lists log events from the specified log group."),
            ("PutLogEvents", "Uploads a batch of log events to the specified log stream."),
        )
    ]
    index = build(rows)
    assert top(index, "grep the payment-service logs for 'timeout'") == ["FilterLogEvents"]
    from mcpgen.runtime.asking import intent

    assert intent(words("grep the logs for errors")) == "search"
    assert intent(words("tail the nginx logs")) == "read"


def test_letting_someone_do_something_is_a_permission() -> None:
    rows = [
        ("SendMessage", "GET", "/#Action=SendMessage", "Delivers a message to the queue."),
        ("AddPermission", "GET", "/#Action=AddPermission", "Adds a permission to a queue."),
        ("ListQueues", "GET", "/#Action=ListQueues", "Returns a list of your queues."),
        ("CreateQueue", "GET", "/#Action=CreateQueue", "Creates a new queue."),
        ("DeleteMessage", "GET", "/#Action=DeleteMessage", "Deletes a message from the queue."),
        ("ReceiveMessage", "GET", "/#Action=ReceiveMessage", "Retrieves messages from the queue."),
    ]
    index = build(rows)
    query = "let account 210987654321 send messages to my queue"
    assert "AddPermission" in top(index, query, 3)
    assert top(index, "let me send a message to the orders queue") == ["SendMessage"]


def test_suppliers_are_providers() -> None:
    rows = [
        ("listProviders", "GET", "/spaces/{spaceId}/providers", "Returns the providers"),
        ("listCustomers", "GET", "/spaces/{spaceId}/customers", "Returns the customers"),
        ("getSession", "GET", "/session", "Returns member id of user logged"),
        ("getProfile", "GET", "/profile", "Returns status of member"),
    ]
    index = build(rows)
    assert top(index, "Who are our suppliers?") == ["listProviders"]


def test_banks_are_institutions() -> None:
    rows = [
        ("listInstitutions", "GET", "/users/{id}/institutions", "Lists institutions"),
        ("createInstitution", "POST", "/users/{id}/institutions", "Create an institution"),
        ("listAccounts", "GET", "/users/{id}/accounts", "Lists accounts"),
        ("createAccount", "POST", "/users/{id}/accounts", "Create an account"),
        ("listTransactions", "GET", "/accounts/{id}/transactions", "Lists transactions"),
    ]
    index = build(rows)
    assert top(index, "Which banks have I added?") == ["listInstitutions"]


def test_liabilities_are_on_the_balance_sheet_and_an_accrual_is_a_journal_entry() -> None:
    rows = [
        ("getBalanceSheet", "GET", "/accounting/balance-sheet", "Get BalanceSheet"),
        ("getProfitAndLoss", "GET", "/accounting/profit-and-loss", "Get Profit and Loss"),
        ("addJournalEntry", "POST", "/accounting/journal-entries", "Create Journal Entry"),
        ("addCreditNote", "POST", "/accounting/credit-notes", "Create Credit Note"),
        ("addPayment", "POST", "/accounting/payments", "Create Payment"),
        ("addSupplier", "POST", "/accounting/suppliers", "Create Supplier"),
    ]
    index = build(rows)
    assert top(index, "what are our assets and liabilities at the end of June?") == [
        "getBalanceSheet"
    ]
    assert top(index, "post the month-end accrual for rent") == ["addJournalEntry"]


def test_merging_is_combining() -> None:
    rows = [
        ("combine", "POST", "/containers/{id}:combine", "Combines containers."),
        ("createTag", "POST", "/containers/{id}/tags", "Creates a tag."),
        ("createContainer", "POST", "/containers", "Creates a container."),
        ("updateContainer", "PUT", "/containers/{id}", "Updates a container."),
    ]
    index = build(rows)
    assert top(index, "merge the old container into the new one") == ["combine"]


def test_words_also_written_with_a_hyphen_are_one_word() -> None:
    rows = [
        ("listWireless", "GET", "/org/wireless", "Get all wireless LANs"),
        ("getWireless", "GET", "/org/wireless/{id}", "Get wireless LAN details"),
        ("listAgents", "GET", "/org/agents", "Get all agents"),
        ("listSites", "GET", "/org/sites", "Get all sites"),
    ]
    index = build(rows)
    assert top(index, "Which Wi-Fi networks have we picked up?") == ["listWireless"]


def test_who_works_for_a_business_is_its_employees() -> None:
    rows = [
        ("listEmployees", "GET", "/spaces/{spaceId}/employees", "Returns the employees"),
        ("listCustomers", "GET", "/spaces/{spaceId}/customers", "Returns the customers"),
        ("getSession", "GET", "/session", "Returns member id of user logged"),
        ("getProfile", "GET", "/profile", "Returns status of member"),
        ("currentVersion", "GET", "/documents/{id}/versions/current", "Current version"),
    ]
    index = build(rows)
    assert top(index, "Who works for us right now?") == ["listEmployees"]


def test_a_yaml_file_is_a_configuration() -> None:
    rows = [
        (
            "getYaml",
            "GET",
            "/projects/{account}/{slug}/settings/yaml",
            "Get project settings in YAML",
        ),
        ("putYaml", "PUT", "/projects/{account}/{slug}/settings/yaml", "Update settings in YAML"),
        ("addRole", "POST", "/roles", "Add role"),
        ("addProject", "POST", "/projects", "Add project"),
        ("getBuild", "GET", "/projects/{account}/{slug}", "Get project last build"),
    ]
    index = build(rows)
    assert set(top(index, "export the appveyor.yml for docs-site", 2)) == {"getYaml", "putYaml"}


def test_a_staged_rollout_is_a_phased_release() -> None:
    rows = [
        ("createPhased", "POST", "/v1/appStoreVersionPhasedReleases", ""),
        ("deletePhased", "DELETE", "/v1/appStoreVersionPhasedReleases/{id}", ""),
        ("updatePhased", "PATCH", "/v1/appStoreVersionPhasedReleases/{id}", ""),
        ("updateVersion", "PATCH", "/v1/appStoreVersions/{id}", ""),
        ("listBuilds", "GET", "/v1/builds", ""),
        ("updateBuild", "PATCH", "/v1/builds/{id}", ""),
    ]
    index = build(rows)
    assert top(index, "pause the staged rollout of 4.2 for now") == ["updatePhased"]


def test_following_an_issue_is_watching_it() -> None:
    rows = [
        ("getWatchers", "GET", "/rest/api/3/issue/{key}/watchers", "Get issue watchers"),
        ("addWatcher", "POST", "/rest/api/3/issue/{key}/watchers", "Add watcher"),
        ("getIssue", "GET", "/rest/api/3/issue/{key}", "Get issue"),
        ("getIssueType", "GET", "/rest/api/3/issuetype", "Get all issue types for user"),
        ("getVotes", "GET", "/rest/api/3/issue/{key}/votes", "Get votes"),
    ]
    index = build(rows)
    assert top(index, "who's following HR-17?") == ["getWatchers"]


def test_what_people_voted_on_is_a_poll() -> None:
    rows = [
        (
            "listPolls",
            "GET",
            "/past_meetings/{meetingId}/polls",
            "List past meeting's poll results",
        ),
        ("getMetrics", "GET", "/metrics/meetings/{meetingId}", "Get meeting details"),
        ("getMeeting", "GET", "/meetings/{meetingId}", "Get a meeting"),
        ("listParticipants", "GET", "/past_meetings/{meetingId}/participants", "Participants"),
    ]
    index = build(rows)
    assert top(index, "what did people vote in last week's all hands, meeting 90210?") == [
        "listPolls"
    ]


def test_archives_may_be_backups() -> None:
    rows = [
        ("listBackups", "GET", "/admin/backups.json", "List backups"),
        ("createBackup", "POST", "/admin/backups.json", "Create backup"),
        ("getSite", "GET", "/site.json", "Get site info"),
        ("getAbout", "GET", "/about.json", "Get about info"),
        ("listCategories", "GET", "/categories.json", "Retrieves a list of categories"),
    ]
    index = build(rows)
    assert top(index, "which archives do we have on the server right now?") == ["listBackups"]


def test_a_possessive_after_a_value_leaves_its_kind() -> None:
    rows = [
        ("getUser", "GET", "/users/{userEmail}", "Get a user"),
        ("updateUser", "PATCH", "/users/{userEmail}", "Update a user"),
        ("getProgress", "GET", "/users/{userEmail}/progress", "Get a user's progress"),
        ("createUser", "POST", "/users", "Create a user"),
        ("listOfferings", "GET", "/users/{userEmail}/offerings", "Get a user's offerings"),
        ("listBadges", "GET", "/users/{userEmail}/badges", "Get a user's badges"),
    ]
    index = build(rows)
    assert value_kind("anna.smith@school.edu's")[0] == "email"
    assert top(index, "pull up anna.smith@school.edu's profile") == ["getUser"]


def test_what_is_pushed_live_is_published() -> None:
    rows = [
        ("publish", "POST", "/rule-set-versions/{id}/publish", "Publish a rule set version"),
        ("listVersions", "GET", "/rule-set-versions", "Retrieves the versions"),
        ("getVersion", "GET", "/rule-set-versions/{id}", "Retrieves a version"),
        ("createChange", "POST", "/rule-changes", "Creates a rule change"),
        ("listRules", "GET", "/rules", "Retrieves the rules"),
    ]
    index = build(rows)
    assert top(index, "push the draft live") == ["publish"]
    query = "push the current draft version live so they start working"
    assert top(index, query) == ["publish"]
    # The thing pushed may take more words than the verb and "live" do.
    assert top(index, "push the one we drafted on Monday live") == ["publish"]


def test_more_things_like_a_given_one_are_similar_ones() -> None:
    rows = [
        ("similarImages", "GET", "/v3/images/{id}/similar", "Search for similar images"),
        ("similarVideos", "GET", "/v3/videos/{id}/similar", "Search for similar videos"),
        ("getImage", "GET", "/v3/images/{id}", "Get metadata for a single image"),
        ("getVideo", "GET", "/v3/videos/{id}", "Get metadata for a single video"),
        ("searchImages", "GET", "/v3/search/images", "Search for images"),
        ("searchVideos", "GET", "/v3/search/videos", "Search for videos"),
        ("purchased", "GET", "/v3/purchased-assets", "Get purchased assets"),
    ]
    index = build(rows)
    assert top(index, "more pictures like 865229378") == ["similarImages"]
    assert top(index, "find footage that looks like clip 1136510211") == ["similarVideos"]


def test_a_question_how_many_is_answered_by_what_counts_the_things() -> None:
    """OData's ``$count`` and a path that ends in ``count`` count the things before them;
    a question how many asks for them, how many are left does not."""
    rows = [
        ("listMembers", "GET", "/groups/{group-id}/members", "List group members"),
        ("countMembers", "GET", "/groups/{group-id}/members/$count", "Get the number of the resource"),
        ("getGroup", "GET", "/groups/{group-id}", "Get a group"),
        ("listOwners", "GET", "/groups/{group-id}/owners", "List group owners"),
        ("countOwners", "GET", "/groups/{group-id}/owners/$count", "Get the number of the resource"),
        ("listUsers", "GET", "/users", "List users"),
        ("countUsers", "GET", "/users/count.json", "Returns the number of users"),
        ("rateLimit", "GET", "/rate_limit", "Get rate limit status"),
    ]  # fmt: skip
    index = build(rows)
    counts = [
        name for (name, *_), counting in zip(rows, index.traits.counts, strict=True) if counting
    ]
    assert counts == ["countMembers", "countOwners", "countUsers"]
    assert read("how many members are in group 7?", index.words, frozenset()).counting
    assert not read("how many API calls do I have left?", index.words, frozenset()).counting
    assert not read("list the members of group 7", index.words, frozenset()).counting
    assert top(index, "how many members are in the Engineering group?") == ["countMembers"]
    assert top(index, "list the members of the Engineering group") == ["listMembers"]
    assert top(index, "how many owners does group 7 have?") == ["countOwners"]


def test_a_thing_that_waits_for_or_blocks_another_depends_on_it() -> None:
    rows = [
        ("createIssueLink", "POST", "/rest/api/3/issueLink", "Create issue link"),
        ("editIssue", "PUT", "/rest/api/3/issue/{issueIdOrKey}", "Edit issue"),
        ("getIssue", "GET", "/rest/api/3/issue/{issueIdOrKey}", "Get issue"),
        ("addDependencies", "POST", "/tasks/{task_gid}/addDependencies", "Set dependencies for a task"),
        ("updateTask", "PUT", "/tasks/{task_gid}", "Update a task"),
        ("createSubtask", "POST", "/tasks/{task_gid}/subtasks", "Create a subtask"),
    ]  # fmt: skip
    index = build(rows)
    assert top(index, "Mark WEB-12 as blocking WEB-15") == ["createIssueLink"]
    assert top(index, "task 88 has to wait for task 77") == ["addDependencies"]
    assert top(index, "mark WEB-12 as done") == ["editIssue"]


def test_what_would_be_is_previewed_or_estimated() -> None:
    """A question what would be ("what would they pay?") asks for a preview, an estimate
    or a test before anything is done; a request to do it is as before."""
    rows = [
        ("previewOrder", "POST", "/orders/preview", "Preview an order"),
        ("createOrder", "POST", "/orders", "Create an order"),
        ("getOrder", "GET", "/orders/{id}", "Get an order"),
        ("listOrders", "GET", "/orders", "List orders"),
    ]
    index = build(rows)
    assert top(index, "if Globex ordered the annual plan, what would they pay?") == ["previewOrder"]
    assert top(index, "order 12 seats of the annual plan for Globex") == ["createOrder"]


def test_what_is_received_is_inbound_and_what_goes_out_outbound() -> None:
    rows = [
        ("inboundDomains", "POST", "/inbound/domains.json", "List the domains that have been configured for inbound delivery"),
        ("listDomains", "POST", "/senders/domains.json", "Returns the sender domains that have been added to this account"),
        ("sendMessage", "POST", "/messages/send.json", "Send a new transactional message"),
        ("listOutbound", "GET", "/messages/outbound", "Search outbound messages"),
        ("listInbound", "GET", "/messages/inbound", "Search inbound messages"),
    ]  # fmt: skip
    index = build(rows)
    assert top(index, "emails we received yesterday") == ["listInbound"]
    assert top(index, "search the outgoing messages from yesterday") == ["listOutbound"]


def test_figures_asked_for_are_counts_totals_and_statistics() -> None:
    """ "How many ...", totals and breakdowns ask for figures: an API's statistics come
    before the thing itself; how many are left is a quota, as before."""
    rows = [
        ("listAttempts", "GET", "/endpoints/{id}/attempts", "List the attempts made to an endpoint"),
        ("endpointStats", "GET", "/endpoints/{id}/stats", "Get basic statistics for the endpoint"),
        ("getEndpoint", "GET", "/endpoints/{id}", "Get an endpoint"),
        ("listEndpoints", "GET", "/endpoints", "List endpoints"),
        ("updateEndpoint", "PATCH", "/endpoints/{id}", "Update an endpoint"),
        ("rateLimit", "GET", "/rate_limit", "Get rate limit status for the authenticated user"),
    ]  # fmt: skip
    index = build(rows)
    assert top(index, "how many deliveries to endpoint ep_8 failed this week?") == ["endpointStats"]
    assert top(index, "how many deliveries did endpoint ep_8 get in total?") == ["endpointStats"]
    assert top(index, "endpoint ep_8's deliveries broken down by status") == ["endpointStats"]
    assert top(index, "show endpoint ep_8") == ["getEndpoint"]
    assert top(index, "how many API calls do I have left?") == ["rateLimit"]


def test_anything_like_a_named_thing_is_a_similar_one() -> None:
    rows = [
        ("similarMovies", "GET", "/Movies/{itemId}/Similar", "Gets similar items"),
        ("getMovie", "GET", "/Movies/{itemId}", "Gets a movie"),
        ("getYear", "GET", "/Years/{year}", "Gets a year"),
        ("getGenre", "GET", "/Genres/{genreName}", "Gets a genre by name"),
        ("getStudio", "GET", "/Studios/{name}", "Gets a studio by name"),
        ("getPerson", "GET", "/Persons/{name}", "Get person by name"),
    ]
    index = build(rows)
    assert top(index, "got anything like Interstellar?") == ["similarMovies"]
    assert top(index, "is there anything like that genre?") != ["similarMovies"]


def test_stars_or_a_score_out_of_five_given_to_a_thing_rate_it() -> None:
    rows = [
        ("updateRating", "POST", "/Users/{userId}/Items/{itemId}/Rating", "Updates a user's rating for an item"),
        ("addToCollection", "POST", "/Collections/{collectionId}/Items", "Adds items to a collection"),
        ("addToPlaylist", "POST", "/Playlists/{playlistId}/Items", "Adds items to a playlist"),
        ("getItem", "GET", "/Users/{userId}/Items/{itemId}", "Gets an item"),
        ("starRepo", "PUT", "/user/starred/{owner}/{repo}", "Star a repository"),
    ]  # fmt: skip
    index = build(rows)
    assert top(index, "give Blade Runner 5 stars") == ["updateRating"]
    assert top(index, "give Line of Duty (item 702) a 9 out of 10") == ["updateRating"]
    assert top(index, "star the repo octo/cat") == ["starRepo"]


def test_logging_in_as_someone_to_see_what_they_see_impersonates_them() -> None:
    rows = [
        ("impersonate", "POST", "/{realm}/users/{id}/impersonation", "Impersonate the user"),
        ("userSessions", "GET", "/{realm}/users/{id}/sessions", "Get sessions associated with the user"),
        ("logoutAll", "POST", "/{realm}/logout-all", "Removes all user sessions"),
        ("deleteSession", "DELETE", "/{realm}/sessions/{session}", "Remove a specific user session"),
        ("login", "POST", "/{realm}/login", "Log in with a user's credentials"),
    ]  # fmt: skip
    index = build(rows)
    assert top(index, "log in as customer 77 so I can see exactly what they see") == ["impersonate"]
    assert top(index, "log in as jdoe to check his view") == ["impersonate"]
    assert top(index, "log in as admin with password hunter2") == ["login"]


def test_what_is_pulled_out_of_something_is_removed_from_it() -> None:
    rows = [
        ("addArticle", "POST", "/collections/{id}/articles", "Add collection articles"),
        ("removeArticle", "DELETE", "/collections/{id}/articles/{article}", "Delete article"),
        ("listArticles", "GET", "/collections/{id}/articles", "List collection articles"),
        ("getArticle", "GET", "/articles/{article}", "View article details"),
        ("updateCollection", "PUT", "/collections/{id}", "Update collection"),
    ]
    index = build(rows)
    query = "pull article 1002 out of my collection 5566 but keep the article itself"
    assert top(index, query) == ["removeArticle"]


def test_how_something_did_asks_for_its_figures() -> None:
    rows = [
        (
            "postInsights",
            "POST",
            "/v4/{name}/localPosts:reportInsights",
            "Returns insights for a set of local posts associated with a single listing.",
        ),
        (
            "locationInsights",
            "POST",
            "/v4/{name}/locations:reportInsights",
            "Returns a report containing insights on one or more metrics by location.",
        ),
        (
            "listPosts",
            "GET",
            "/v4/{parent}/localPosts",
            "Returns a list of local posts associated with a location.",
        ),
        ("getPost", "GET", "/v4/{name}/localPosts/{post}", "Gets the specified local post"),
        (
            "createPost",
            "POST",
            "/v4/{parent}/localPosts",
            "Creates a new local post associated with the specified location",
        ),
        ("deletePost", "DELETE", "/v4/{name}/localPosts/{post}", "Deletes a local post."),
        ("listReviews", "GET", "/v4/{parent}/reviews", "Returns the list of reviews"),
        (
            "listLocations",
            "GET",
            "/v4/{parent}/locations",
            "Lists the locations for the specified account.",
        ),
        (
            "listMedia",
            "GET",
            "/v4/{parent}/media",
            "Returns a list of media items associated with a location.",
        ),
        (
            "listQuestions",
            "GET",
            "/v4/{parent}/questions",
            "Returns the paginated list of questions",
        ),
    ]
    index = build(rows)
    assert "postInsights" in top(index, "How did our last three posts do?", 2)
    assert "postInsights" in top(index, "how are my posts doing?", 2)
    assert "postInsights" in top(index, "how did post 4455 go last week?", 2)


def test_a_total_is_a_sum() -> None:
    rows = [
        ("sumInvoices", "GET", "/spaces/{spaceId}/folders/{id}/sum-invoices", "Returns sum"),
        ("listInvoices", "GET", "/spaces/{spaceId}/folders/{id}/invoices", "Returns invoices"),
        ("getFolder", "GET", "/spaces/{spaceId}/folders/{id}", "Returns a folder"),
        ("listFolders", "GET", "/spaces/{spaceId}/folders", "Returns folders"),
    ]
    index = build(rows)
    query = "How much have we billed Café du Port in total so far? Their folder is 733."
    assert top(index, query) == ["sumInvoices"]


def test_a_copy_kept_of_something_is_an_archive() -> None:
    rows = [
        (action, "POST", f"/#X-Amz-Target=AWSEvents.{action}", title)
        for action, title in (
            ("CreateArchive", "Creates an archive of events with the specified settings."),
            ("CreateEventBus", "Creates a new event bus within your account."),
            ("StartReplay", "Starts the specified replay."),
            ("PutEvents", "Sends custom events to Amazon EventBridge."),
            ("PutRule", "Creates or updates the specified rule."),
            ("DescribeArchive", "Retrieves details about an archive."),
            ("ListArchives", "Lists your archives."),
            ("DeleteArchive", "Deletes the specified archive."),
            ("ListReplays", "Lists your replays."),
            ("DescribeEventBus", "Displays details about an event bus."),
        )
    ]
    index = build(rows)
    query = "keep a copy of everything that hits orders-bus for 90 days so we can replay it later"
    assert "CreateArchive" in top(index, query, 2)


def test_what_is_coming_up_is_upcoming() -> None:
    rows = [
        ("listEvents", "GET", "/users/{id}/events", "Lists events belonging to a user"),
        ("listCategories", "GET", "/users/{id}/categories", "Lists categories"),
        ("createCategory", "POST", "/users/{id}/categories", "Create a category"),
        ("budgetSummary", "GET", "/users/{id}/budget_summary", "Get the user's budget summary"),
        ("listBills", "GET", "/users/{id}/bills", "Lists bills"),
    ]
    index = build(rows)
    query = "What paydays are coming up between now and December?"
    assert top(index, query) == ["listEvents"]


def test_what_has_gone_through_a_card_is_its_transactions() -> None:
    rows = [
        ("accountTransactions", "GET", "/accounts/{id}/transactions", "Lists transactions"),
        ("getAccount", "GET", "/accounts/{id}", "Get an account"),
        ("updateUser", "PUT", "/users/{id}", "Updates a user"),
        ("getMe", "GET", "/me", "Get the authorised user"),
        ("listAccounts", "GET", "/users/{id}/accounts", "List accounts in a user"),
        ("getInstitution", "GET", "/institutions/{id}", "Get an institution"),
    ]
    index = build(rows)
    query = "Show me what's gone through my credit card this week"
    assert "accountTransactions" in top(index, query, 2)


def test_things_that_have_already_ended_are_past_ones() -> None:
    rows = [
        ("pastOfferings", "GET", "/offerings/past", "Find past offerings"),
        ("futureOfferings", "GET", "/offerings/future", "Find future offerings"),
        ("currentOfferings", "GET", "/offerings/current", "Find current offerings"),
        ("getOffering", "GET", "/offerings/{offeringId}", "Find offering by ID"),
        ("permissions", "GET", "/courses/{contentId}/permissions", "Find course permissions"),
        ("endpoints", "GET", "/", "List supported endpoints URLs"),
    ]
    index = build(rows)
    assert top(index, "list offerings that have already finished") == ["pastOfferings"]


def test_words_written_with_a_hyphen_are_one_word_in_an_apis_text_too() -> None:
    assert terms("Send the invoice by e-mail over Wi-Fi") == terms(
        "Send the invoice by email over wifi"
    )


def test_subtitles_are_captions() -> None:
    rows = [
        ("listCaptions", "GET", "/videos/{videoId}/captions", "List a video's captions"),
        ("getCaption", "GET", "/videos/{videoId}/captions/{language}", "Retrieve a caption"),
        ("getVideo", "GET", "/videos/{videoId}", "Retrieve a video object"),
        ("listChapters", "GET", "/videos/{videoId}/chapters", "List video chapters"),
    ]
    index = build(rows)
    found = top(index, "which subtitle languages does video vi4kX9 have?", 2)
    assert set(found) == {"listCaptions", "getCaption"}


def test_charges_may_be_transactions() -> None:
    rows = [
        ("getTransaction", "GET", "/profiles/{profile}/transactions/{name}", "Gets a transaction"),
        ("listTransactions", "GET", "/profiles/{profile}/transactions", "Lists the transactions"),
        ("listMethods", "GET", "/profiles/{profile}/paymentMethods", "Lists payment methods"),
        ("getInvoice", "GET", "/profiles/{profile}/invoices/{name}", "Gets an invoice"),
        ("getProfile", "GET", "/profiles/{profile}", "Gets a billing profile"),
    ]
    index = build(rows)
    assert top(index, "Look up charge txn-5521 on PROF-22") == ["getTransaction"]
    assert top(index, "list charges on billing profile PROF-22 for last month") == [
        "listTransactions"
    ]


def test_an_action_that_undoes_another_removes() -> None:
    assert [undone(w) for w in ("untag", "unsubscribe", "unread", "unresolved", "unit")] == [
        "tag",
        "subscribe",
        "",
        "",
        "",
    ]
    assert method_by_name("POST", "/#X-Amz-Target=Deploy.UntagResource") == "DELETE"
    assert method_by_name("POST", "/#X-Amz-Target=Deploy.UndeleteKey") == "PATCH"
    # "units" undoes nothing: a POST to them adds one.
    assert method_by_name("POST", "/unitclasses/{webId}/units") == "POST"
    rows = [
        (
            "UntagResource",
            "POST",
            "/#X-Amz-Target=Deploy.UntagResource",
            "Disassociates a resource",
        ),
        ("TagResource", "POST", "/#X-Amz-Target=Deploy.TagResource", "Associates a resource"),
        ("DeleteApp", "POST", "/#X-Amz-Target=Deploy.DeleteApplication", "Deletes an application"),
        ("GetApp", "POST", "/#X-Amz-Target=Deploy.GetApplication", "Gets an application"),
        ("ListApps", "POST", "/#X-Amz-Target=Deploy.ListApplications", "Lists the applications"),
    ]
    index = build(rows)
    assert "UntagResource" in top(index, "remove the temporary tag from analytics-dev", 2)


def test_whether_something_is_up_asks_for_its_health() -> None:
    rows = [
        ("checkHealth", "GET", "/health", "Check-Health"),
        ("getStats", "GET", "/stats/app", "Get-App-Stats"),
        ("sendMessage", "POST", "/messages", "Send-Message"),
        ("getSettings", "GET", "/settings/application", "Get-Application-Settings"),
        ("getClient", "GET", "/settings/client", "Get the client's settings"),
        ("listRunning", "GET", "/jobs/running", "List the running jobs"),
        ("getServer", "GET", "/servers/{id}", "Get a server"),
    ]
    index = build(rows)
    assert top(index, "is the virus scanner up?") == ["checkHealth"]
    assert "checkHealth" in top(index, "is the whatsapp client up and running?", 2)
    assert "checkHealth" in top(index, "is the app stats service up and responding?", 2)
    assert "checkHealth" in top(index, "Is the smart-me API server up and responding?", 2)


def test_what_is_fixed_is_resolved_or_remediated() -> None:
    rows = [
        ("resolveIncidents", "PATCH", "/incidents/resolve", "Resolve incidents"),
        ("ackIncidents", "PATCH", "/incidents/acknowledge", "Acknowledge incidents"),
        ("listIncidents", "GET", "/incidents", "List the incidents"),
        ("getUser", "GET", "/users/{user}", "Get a user"),
    ]
    index = build(rows)
    assert top(index, "Mark every incident that paged user mlopez as fixed") == ["resolveIncidents"]


def test_what_is_exempt_is_an_exception() -> None:
    rows = [
        ("listExceptions", "GET", "/remediation/exceptions", "Describe remediation exceptions"),
        ("listResources", "GET", "/resources", "List discovered resources"),
        ("listRules", "GET", "/rules", "Describe config rules"),
    ]
    index = build(rows)
    assert top(index, "which buckets are exempt?") == ["listExceptions"]


def test_where_someone_left_off_is_their_position() -> None:
    rows = [
        ("getPosition", "GET", "/mylibrary/readingpositions/{volumeId}", "Retrieves my reading position"),
        ("setPosition", "POST", "/mylibrary/readingpositions/{volumeId}/setPosition", "Sets my reading position"),
        ("getVolume", "GET", "/volumes/{volumeId}", "Gets volume information"),
        ("listVolumes", "GET", "/volumes", "Performs a book search"),
    ]  # fmt: skip
    index = build(rows)
    assert top(index, "where did I leave off in Kd3vDwAAQBAJ?") == ["getPosition"]
    assert top(index, "save my place at page 212 of The Hobbit") == ["setPosition"]


def test_an_action_that_reads_one_thing_is_an_item() -> None:
    rows = [
        ("ListDeployments", "POST", "/#X-Amz-Target=Deploy.ListDeployments", "Lists the deployments"),
        ("GetDeployment", "POST", "/#X-Amz-Target=Deploy.GetDeployment", "Gets information about a deployment"),
        ("ListConfigs", "POST", "/#X-Amz-Target=Deploy.ListDeploymentConfigs", "Lists the deployment configurations"),
        ("StopDeployment", "POST", "/#X-Amz-Target=Deploy.StopDeployment", "Stops a deployment"),
    ]  # fmt: skip
    index = build(rows)
    assert index.traits.items == [False, True, False, False]
    assert top(index, "what's the status of deployment d-7XQ2KJ9AB?") == ["GetDeployment"]


def test_logs_are_log_entries() -> None:
    rows = [
        ("logging.projects.locations.operations.get", "GET", "/v2/{name}", "Gets the latest state of a long-running operation"),
        ("logging.entries.list", "POST", "/v2/entries:list", "Lists log entries"),
        ("logging.projects.sinks.list", "GET", "/v2/{parent}/sinks", "Lists sinks"),
        ("logging.projects.metrics.list", "GET", "/v2/{parent}/metrics", "Lists logs-based metrics"),
    ]  # fmt: skip
    index = build(rows)
    assert top(index, "show me the error logs") == ["logging.entries.list"]
    assert top(index, "error logs of the checkout service in project shop-prod") == [
        "logging.entries.list"
    ]


def test_what_is_under_way_is_running() -> None:
    rows = [
        ("get_tournaments", "GET", "/tournaments", "List tournaments"),
        ("get_tournaments_running", "GET", "/tournaments/running", "Get running tournaments"),
        ("get_tournaments_past", "GET", "/tournaments/past", "Get past tournaments"),
        ("get_tournaments_upcoming", "GET", "/tournaments/upcoming", "Get upcoming tournaments"),
        ("get_tournament", "GET", "/tournaments/{id}", "Get a tournament"),
        ("get_tournament_matches", "GET", "/tournaments/{id}/matches", "List matches of a tournament"),
    ]  # fmt: skip
    index = build(rows)
    running = ["get_tournaments_running"]
    assert top(index, "what tournaments are happening at the moment?") == running
    assert top(index, "which tournaments are going on?") == running
    assert top(index, "ongoing tournaments") == running
    # Finished ones are past ones; not a meeting "that ended this morning".
    assert top(index, "show finished tournaments from last month") == ["get_tournaments_past"]
    assert not ALREADY_ENDED.search("who attended the meeting that ended this morning?")


def test_a_menu_is_items() -> None:
    rows = [
        ("itemsAll", "GET", "/pos/items", "List Items"),
        ("itemsOne", "GET", "/pos/items/{id}", "Get Item"),
        ("itemsAdd", "POST", "/pos/items", "Create Item"),
        ("locationsAll", "GET", "/pos/locations", "List Locations"),
        ("ordersAll", "GET", "/pos/orders", "List Orders"),
    ]  # fmt: skip
    index = build(rows)
    assert top(index, "put oat milk cold brew on the menu") == ["itemsAdd"]
    assert "itemsAll" in top(index, "what's on the menu?", 2)


def test_other_ways_to_say_delete_find_the_operation_named_by_its_verb() -> None:
    rows = [
        ("GetInstance", "POST", "/#X-Amz-Target=Lightsail.GetInstance", "Returns information about a virtual private server (instance)"),
        ("DeleteInstance", "POST", "/#X-Amz-Target=Lightsail.DeleteInstance", "Deletes an instance"),
        ("StopInstance", "POST", "/#X-Amz-Target=Lightsail.StopInstance", "Stops an instance"),
        ("CreateInstances", "POST", "/#X-Amz-Target=Lightsail.CreateInstances", "Creates instances"),
    ]  # fmt: skip
    index = build(rows)
    assert top(index, "nuke the test box, nobody uses it") == ["DeleteInstance"]
    assert top(index, "destroy the staging box") == ["DeleteInstance"]


def test_out_of_rotation_is_deregistered_and_behind_the_load_balancer_registered() -> None:
    rows = [
        ("RegisterTargets", "POST", "/#Action=RegisterTargets", "Registers the specified targets with the specified target group"),
        ("DeregisterTargets", "POST", "/#Action=DeregisterTargets", "Deregisters the specified targets from the specified target group"),
        ("CreateLoadBalancer", "POST", "/#Action=CreateLoadBalancer", "Creates an Application Load Balancer"),
        ("DeleteLoadBalancer", "POST", "/#Action=DeleteLoadBalancer", "Deletes the specified load balancer"),
        ("CreateListener", "POST", "/#Action=CreateListener", "Creates a listener for the specified load balancer"),
        ("DescribeTargetHealth", "POST", "/#Action=DescribeTargetHealth", "Describes the health of the specified targets"),
    ]  # fmt: skip
    index = build(rows)
    assert top(index, "take i-0abc123def4567890 out of rotation, I need to patch it") == [
        "DeregisterTargets"
    ]
    assert top(index, "we added two EC2 boxes, put them behind the load balancer") == [
        "RegisterTargets"
    ]
    assert top(index, "put web-3 back into rotation") == ["RegisterTargets"]


def test_donations_are_contributions() -> None:
    rows = [
        ("listContributions", "GET", "/contributions", "List contributions received by a campaign"),
        ("listExpenditures", "GET", "/expenditures", "List expenditures"),
        ("listCandidates", "GET", "/candidates", "List candidates"),
        ("getCandidate", "GET", "/candidates/{id}", "Get a candidate"),
    ]  # fmt: skip
    index = build(rows)
    assert top(index, "every donation over 1000 dollars from Austin") == ["listContributions"]
    assert top(index, "list our donors") == ["listContributions"]


def test_automatic_expiry_is_a_lifecycle_policy() -> None:
    rows = [
        ("PutLifecyclePolicy", "POST", "/#X-Amz-Target=ECR.PutLifecyclePolicy", "Creates or updates the lifecycle policy for the specified repository"),
        ("DeleteLifecyclePolicy", "POST", "/#X-Amz-Target=ECR.DeleteLifecyclePolicy", "Deletes the lifecycle policy associated with the specified repository"),
        ("BatchDeleteImage", "POST", "/#X-Amz-Target=ECR.BatchDeleteImage", "Deletes a list of specified images within a repository"),
        ("DeleteRepository", "POST", "/#X-Amz-Target=ECR.DeleteRepository", "Deletes a repository"),
        ("ListImages", "POST", "/#X-Amz-Target=ECR.ListImages", "Lists all the image IDs for the specified repository"),
    ]  # fmt: skip
    index = build(rows)
    # Both are the policy; turning a thing off also calls up a change of its settings, which
    # "Creates or updates" is.
    assert set(top(index, "turn off automatic image expiry on the analytics repo", 2)) == {
        "DeleteLifecyclePolicy",
        "PutLifecyclePolicy",
    }


def test_what_is_no_longer_to_be_ingested_is_excluded() -> None:
    rows = [
        ("logging.exclusions.create", "POST", "/v2/{parent}/exclusions", "Creates a new exclusion in the _Default sink"),
        ("logging.sinks.create", "POST", "/v2/{parent}/sinks", "Creates a sink that exports specified log entries to a destination"),
        ("logging.logs.delete", "DELETE", "/v2/{logName}", "Deletes all the log entries in a log"),
        ("logging.entries.list", "POST", "/v2/entries:list", "Lists log entries"),
        ("logging.buckets.create", "POST", "/v2/{parent}/buckets", "Creates a log bucket"),
    ]  # fmt: skip
    index = build(rows)
    assert top(index, "stop ingesting the noisy health-check logs, we pay too much for them") == [
        "logging.exclusions.create"
    ]
    assert "logging.exclusions.create" in top(
        index, "drop debug logs from the dev project before they get stored", 3
    )


def test_a_leaderboard_is_the_standings() -> None:
    rows = [
        ("getTournament", "GET", "/tournaments/{id}", "Get a tournament"),
        ("getStandings", "GET", "/tournaments/{id}/standings", "Get standings for a tournament"),
        ("getTeams", "GET", "/tournaments/{id}/teams", "List teams for a tournament"),
        ("getMatches", "GET", "/tournaments/{id}/matches", "List matches for a tournament"),
        ("getRankings", "GET", "/districts/{key}/rankings", "Get district rankings"),
    ]  # fmt: skip
    index = build(rows)
    assert top(index, "what's the current leaderboard for tournament 12345?") == ["getStandings"]
    assert top(index, "district standings for fim") == ["getRankings"]


def test_a_machine_brought_back_up_is_started_not_backed_up() -> None:
    rows = [
        ("StartInstances", "POST", "/#Action=StartInstances", "Starts an Amazon EBS-backed instance that you've previously stopped"),
        ("StopInstances", "POST", "/#Action=StopInstances", "Stops an Amazon EBS-backed instance"),
        ("CreateSnapshot", "POST", "/#Action=CreateSnapshot", "Creates a snapshot of an EBS volume, a backup"),
        ("DescribeInstances", "POST", "/#Action=DescribeInstances", "Describes the specified instances"),
        ("RebootInstances", "POST", "/#Action=RebootInstances", "Requests a reboot of the specified instances"),
    ]  # fmt: skip
    index = build(rows)
    assert top(index, "bring instance i-0abc back up") == ["StartInstances"]
    assert top(index, "back up the orders database") == ["CreateSnapshot"]


def ranking(positions: list[int]) -> list[tuple[float, int]]:
    """Positions as a ranking of (score, position), each scoring a little less."""
    return [(1.0 - 0.01 * rank, position) for rank, position in enumerate(positions)]


def test_the_lexical_first_stays_first_only_where_its_meaning_is_near_too() -> None:
    index = small_api(False)
    # The semantic ranking has it: the lexical first result stays first.
    assert index._fused(ranking([0, 1, 2]), ranking([1, 2, 0, 3]))[0] == 0
    # It has nothing of it: the fused ranking decides (1 is second by words, first by
    # meaning; 2 third by words, second by meaning; 0 is in one ranking only).
    assert index._fused(ranking([0, 1, 2]), ranking([1, 2, 3])) == [1, 2, 0, 3]
    # Or where it leads the lexical ranking by little: first by words, sixth by meaning,
    # it comes after the second by words that is first by meaning.
    semantic = ranking([1, 2, 3, 4, 5, 0])
    assert index._fused(ranking([0, 1, 2]), semantic)[0] == 0
    assert index._fused(ranking([0, 1, 2]), semantic, leads=False)[:2] == [1, 0]
    # An operation the request gives outright (by its path, or its title in quotes) stays
    # first whatever the meaning says.
    assert index._fused(ranking([0, 1, 2]), ranking([1, 2, 3]), leads=False, given=True)[0] == 0


def test_fusion_counts_by_how_much_each_ranking_leads_not_only_its_order() -> None:
    index = small_api(False)
    # The same two orders: 0 first by words, 1 first by meaning, 0 far behind there.
    semantic = [(1.0, 1), (0.0, 0)]
    # Words put 0 barely before 1: meaning decides.
    assert index._fused([(1.0, 0), (0.95, 1)], semantic, leads=False)[0] == 1
    # Words put 0 far before 1: words decide.
    assert index._fused([(1.0, 0), (0.3, 1)], semantic, leads=False)[0] == 0


def test_what_is_exported_is_read_out_or_made_as_a_file() -> None:
    rows = [
        ("listContacts", "GET", "/contacts", "List contacts"),
        ("createContact", "POST", "/contacts", "Create a contact"),
        ("getContact", "GET", "/contacts/{id}", "Get a contact"),
    ]  # fmt: skip
    index = build(rows)
    assert top(index, "export all our contacts for the accountant") == ["listContacts"]
    rows += [("createExport", "POST", "/contacts/exports", "Start an export of contacts as CSV")]
    assert top(build(rows), "export all our contacts as a CSV file") == ["createExport"]


def test_what_is_checked_may_be_read_or_validated() -> None:
    from mcpgen.runtime.traits import method_by_name

    rows = [
        ("getWorkflow", "GET", "/workflows/{name}", "Gets a workflow"),
        ("validateWorkflow", "POST", "/workflows/{name}/validate", "Validates the workflow definition"),
        ("listWorkflows", "GET", "/workflows", "Lists workflows"),
        ("CheckDNSAvailability", "POST", "/#Action=CheckDNSAvailability", "Checks if the specified CNAME is available"),
    ]  # fmt: skip
    index = build(rows)
    assert top(index, "check whether my workflow definition is valid before I deploy it") == [
        "validateWorkflow"
    ]
    assert top(index, "check if myshop.example.com is available") == ["CheckDNSAvailability"]
    # An action named the remote-procedure way for checking reads.
    assert method_by_name("POST", "/#Action=CheckDNSAvailability") == "GET"


@needs_semantic
def test_an_operation_given_by_its_path_comes_first_in_hybrid_search_too() -> None:
    hybrid = small_api(True)
    assert top(hybrid, "GET /repos/{repo}/pulls") == ["listPulls"]
    assert top(hybrid, "call PUT /repos/{repo}/merge on acme/api") == ["mergePull"]


def test_verbs_that_are_nouns_as_often_ask_only_where_they_open_the_request() -> None:
    from mcpgen.runtime.asking import intent

    assert intent(words("carve out a /24 in vpc-0prod")) == "create"
    assert intent(words("draft a proposal for Acme")) == "create"
    assert intent(words("bake an image from web-1")) == "create"
    assert intent(words("expand volume 7724 to 500 GB")) == "update"
    assert intent(words("shift the dentist appointment to my personal calendar")) == "update"
    assert intent(words("the draft of article 5 is approved")) is None
    assert intent(words("share filter 10044 with the whole marketing group")) == "create"
    assert intent(words("the folders shared with me")) is None
    assert intent(words("empty the staging queue")) == "delete"
    assert intent(words("pull the call log for conversation t-9")) == "read"
    assert intent(words("pull the money back")) == "act"
    assert intent(words("pull in the latest commits")) == "act"
    assert intent(words("empty out the scratch folder but keep the folder itself")) == "delete"


def test_undoing_a_verb_that_opens_a_request_is_what_is_asked() -> None:
    """ "Unshare folder 3e3f": share undone, a delete; not some other verb that no intent
    names (which would make it an act)."""
    from mcpgen.runtime.asking import asked_for

    nouns = frozenset({"folder", "permiss", "resourc"})
    assert asked_for("unshare folder 3e3f from everybody", ["folder"], nouns) == "delete"
    assert asked_for("unblock lisa@customer.com", [], nouns) == "delete"


def test_what_is_fired_off_is_started_or_sent() -> None:
    rows = [
        ("startExecution", "POST", "/#X-Amz-Target=Flows.StartExecution",
         "Starts an execution of a workflow"),
        ("sendTaskHeartbeat", "POST", "/#X-Amz-Target=Flows.SendTaskHeartbeat",
         "Sends a heartbeat for a task of a workflow"),
        ("stopExecution", "POST", "/#X-Amz-Target=Flows.StopExecution", "Stops an execution"),
        ("createWorkflow", "POST", "/#X-Amz-Target=Flows.CreateWorkflow", "Creates a workflow"),
        ("deleteWorkflow", "POST", "/#X-Amz-Target=Flows.DeleteWorkflow", "Deletes a workflow"),
        ("sendMessage", "POST", "/messages", "Send a message"),
    ]  # fmt: skip
    index = build(rows)
    # Set going: not a new workflow, nor a workflow fired (removed).
    assert top(index, "fire off the image-resize workflow") == ["startExecution"]
    assert top(index, "fire up the image-resize workflow in the background") == ["startExecution"]
    assert top(index, "fire the resize workflow off") == ["startExecution"]
    assert top(index, "fire off a message to the on-call channel") == ["sendMessage"]


def test_words_said_together_count_most_where_they_stand_together() -> None:
    # The same words, side by side in one description and apart in the other.
    rows = [
        ("getVolumeSettings", "GET", "/volumes/{id}/settings", "Get volume settings",
         "Whether the volume has protection from deletion."),
        ("getSnapshotSettings", "GET", "/snapshots/{id}/settings", "Get snapshot settings",
         "Whether the snapshot has deletion protection."),
    ]  # fmt: skip
    index = build(rows)
    assert top(index, "is deletion protection on?") == ["getSnapshotSettings"]
    assert top(index, "which ones have deletion protection") == ["getSnapshotSettings"]
    assert top(index, "is it protected from deletion?") == ["getVolumeSettings"]


def test_what_is_triggered_is_run_not_made() -> None:
    rows = [
        ("startExecution", "POST", "/#X-Amz-Target=Flows.StartExecution",
         "Starts an execution of a state machine"),
        ("createAlias", "POST", "/#X-Amz-Target=Flows.CreateStateMachineAlias",
         "Creates an alias of a state machine"),
        ("createStateMachine", "POST", "/#X-Amz-Target=Flows.CreateStateMachine",
         "Creates a state machine"),
        ("deleteStateMachine", "POST", "/#X-Amz-Target=Flows.DeleteStateMachine",
         "Deletes a state machine"),
    ]  # fmt: skip
    index = build(rows)
    assert top(index, "trigger the invoice state machine") == ["startExecution"]
    assert top(index, "trigger a run of the nightly state machine") == ["startExecution"]


def test_functions_and_stored_procedures_are_routines() -> None:
    rows = [
        ("listRoutines", "GET", "/datasets/{datasetId}/routines", "List routines in a dataset"),
        ("deleteRoutine", "DELETE", "/datasets/{datasetId}/routines/{routineId}",
         "Delete a routine"),
        ("deleteDataset", "DELETE", "/datasets/{datasetId}", "Delete a dataset"),
        ("listTables", "GET", "/datasets/{datasetId}/tables", "List tables in a dataset"),
        ("startSync", "POST", "/sources/{sourceId}/sync-jobs", "Start a sync job of a source"),
        ("updateSource", "PUT", "/sources/{sourceId}", "Update a data source"),
    ]  # fmt: skip
    index = build(rows)
    assert top(index, "remove the stored procedure etl.sp_backfill_legacy") == ["deleteRoutine"]
    assert top(index, "list the stored procedures and UDFs in the utils dataset") == [
        "listRoutines"
    ]
    # Crawled: synced.
    assert top(index, "crawl the confluence source") == ["startSync"]
    assert top(index, "crawl the wiki source again") == ["startSync"]


def test_access_let_or_granted_is_an_iam_policy_set() -> None:
    rows = [
        ("setFolderIamPolicy", "PUT", "/buckets/{bucket}/folders/{folder}/iam",
         "Updates an IAM policy for the specified folder"),
        ("getFolderIamPolicy", "GET", "/buckets/{bucket}/folders/{folder}/iam",
         "Returns an IAM policy for the specified folder"),
        ("createFolder", "POST", "/buckets/{bucket}/folders", "Creates a new folder"),
        ("getFolder", "GET", "/buckets/{bucket}/folders/{folder}",
         "Returns metadata of the specified folder"),
    ]  # fmt: skip
    index = build(rows)
    assert top(index, "let contractor@ext.com read the team-b folder") == ["setFolderIamPolicy"]
    # The access given is what is asked for, not who gets it, however far on the folder
    # it is on comes.
    request = read("grant the etl service account read access on the reports folder",
                   index.words, NONE)  # fmt: skip
    assert "access" in request.own


def test_an_apis_endpoints_are_its_operations_or_routes() -> None:
    rows = [
        ("listApis", "GET", "/service/{serviceName}/apis", "Lists all APIs of the service"),
        ("getApi", "GET", "/service/{serviceName}/apis/{apiId}", "Gets the details of the API"),
        ("listOperations", "GET", "/service/{serviceName}/apis/{apiId}/operations",
         "Lists the operations of the API"),
        ("deleteOperation", "DELETE", "/service/{serviceName}/apis/{apiId}/operations/{operationId}",
         "Deletes an operation of the API"),
        ("createRoute", "POST", "/v2/apis/{apiId}/routes", "Creates a route for an API"),
    ]  # fmt: skip
    index = build(rows)
    assert top(index, "what endpoints does customers-api expose?") == ["listOperations"]
    assert top(index, "remove the deprecated DELETE /users endpoint from the users api") == [
        "deleteOperation"
    ]


def test_what_runs_long_is_an_operation() -> None:
    rows = [
        ("listOperations", "GET", "/v1/{name}/operations",
         "Lists operations that match the specified filter in the request"),
        ("getOperation", "GET", "/v1/{name}", "Gets the latest state of an operation"),
        ("listDatasets", "GET", "/v1/{parent}/datasets", "Lists the datasets of a project"),
        ("runPipeline", "POST", "/v1/{parent}/pipelines:run", "Runs a pipeline job"),
    ]  # fmt: skip
    index = build(rows)
    assert top(index, "list the long-running jobs") == ["listOperations"]


def test_whether_a_thing_is_still_doing_something_is_its_status() -> None:
    rows = [
        ("getTrailStatus", "POST", "/#X-Amz-Target=Trails.GetTrailStatus",
         "Returns a JSON-formatted list of information about the specified trail"),
        ("startLogging", "POST", "/#X-Amz-Target=Trails.StartLogging",
         "Starts the recording of API calls and log file delivery for a trail"),
        ("stopLogging", "POST", "/#X-Amz-Target=Trails.StopLogging",
         "Suspends the recording of API calls and log file delivery for a trail"),
        ("lookupEvents", "POST", "/#X-Amz-Target=Trails.LookupEvents",
         "Looks up management events captured by the service"),
    ]  # fmt: skip
    index = build(rows)
    assert top(index, "is the audit trail still logging?") == ["getTrailStatus"]
    assert top(index, "is org-trail currently logging?") == ["getTrailStatus"]


def test_what_is_no_longer_collected_is_excluded_or_disabled() -> None:
    rows = [
        ("EnableEnhancedMonitoring", "POST", "/#X-Amz-Target=Streams.EnableEnhancedMonitoring",
         "Enables enhanced shard-level metrics of a stream"),
        ("DisableEnhancedMonitoring", "POST", "/#X-Amz-Target=Streams.DisableEnhancedMonitoring",
         "Disables enhanced monitoring of a stream"),
        ("ListShards", "POST", "/#X-Amz-Target=Streams.ListShards", "Lists the shards in a stream"),
        ("CreateExclusion", "POST", "/exclusions", "Creates a log exclusion filter"),
    ]  # fmt: skip
    index = build(rows)
    assert top(index, "stop recording metrics for the orders stream") == [
        "DisableEnhancedMonitoring"
    ]
    assert top(index, "stop ingesting the health-check logs") == ["CreateExclusion"]


def test_an_overview_is_a_summary() -> None:
    rows = [
        ("DescribeStream", "POST", "/#X-Amz-Target=Streams.DescribeStream",
         "Describes the specified stream and its shards"),
        ("DescribeStreamSummary", "POST", "/#X-Amz-Target=Streams.DescribeStreamSummary",
         "Provides a summarized description of the specified stream"),
        ("ListStreams", "POST", "/#X-Amz-Target=Streams.ListStreams", "Lists your streams"),
        ("RegisterConsumer", "POST", "/#X-Amz-Target=Streams.RegisterStreamConsumer",
         "Registers a consumer with a stream"),
    ]  # fmt: skip
    index = build(rows)
    assert top(index, "give me a quick overview of the payments stream") == [
        "DescribeStreamSummary"
    ]


def test_a_verb_done_again_is_that_verb() -> None:
    rows = [
        ("activateBounce", "PUT", "/bounces/{bounceid}/activate", "Activate a bounce"),
        ("getBounce", "GET", "/bounces/{bounceid}", "Get a single bounce"),
        ("getBounces", "GET", "/bounces", "Get bounces"),
        ("searchStores", "GET", "/stores:search", "Search stores"),
        ("listStores", "GET", "/datasets/{dataset}/stores", "List the stores of a dataset"),
    ]  # fmt: skip
    index = build(rows)
    assert top(index, "reactivate bounce 692560173 so we can email them again") == [
        "activateBounce"
    ]
    # Research is no search done again.
    assert (
        "search"
        not in read("which stores are in the research dataset?", index.words, NONE).own_terms
    )


def test_a_verb_done_again_asks_what_the_verb_asks() -> None:
    from mcpgen.runtime.asking import intent

    assert intent(words("rerun the migration task")) == "create"
    assert intent(words("reassign issue 5 to bob")) == "update"
    rows = [
        ("DescribeTask", "POST", "/#X-Amz-Target=DataSync.DescribeTask", "Provides information about a task"),
        ("DescribeTaskExecution", "POST", "/#X-Amz-Target=DataSync.DescribeTaskExecution", "Provides information about an execution of your task"),
        ("ListTasks", "POST", "/#X-Amz-Target=DataSync.ListTasks", "Returns a list of the tasks you created"),
        ("StartTaskExecution", "POST", "/#X-Amz-Target=DataSync.StartTaskExecution", "Starts a task"),
        ("CreateTask", "POST", "/#X-Amz-Target=DataSync.CreateTask", "Configures a task"),
    ]  # fmt: skip
    index = build(rows)
    query = "we fixed the permissions on the share, can you rerun the migration task?"
    assert "StartTaskExecution" in top(index, query, 2)


def test_where_a_thing_is_now_is_its_position() -> None:
    rows = [
        ("getPositions", "GET", "/positions", "Fetches a list of Positions"),
        ("getUsers", "GET", "/users", "Fetch a list of Users"),
        ("getDevices", "GET", "/devices", "Fetch a list of Devices"),
        ("getReports", "GET", "/reports/trips", "Fetch a list of Trips"),
    ]
    index = build(rows)
    assert top(index, "where are my vehicles right now?") == ["getPositions"]
    assert top(index, "last known location of courier-7") == ["getPositions"]


def test_an_operation_on_any_one_item_serves_the_collections_in_a_parent() -> None:
    # Google's documents have one GET /v1/{name} for every kind of item, described as one
    # kind ("Gets details of a single Target"): it reads a rollout too.
    rows = [
        ("targets.get", "GET", "/v1/{name}", "Gets details of a single Target."),
        ("targets.patch", "PATCH", "/v1/{name}", "Updates the parameters of a single Target."),
        ("targets.delete", "DELETE", "/v1/{name}", "Deletes a single Target."),
        ("rollouts.list", "GET", "/v1/{parent}/rollouts", "Lists Rollouts in a given Release."),
        ("rollouts.create", "POST", "/v1/{parent}/rollouts", "Creates a new Rollout in a given Release."),
        ("releases.list", "GET", "/v1/{parent}/releases", "Lists Releases in a given pipeline."),
        ("targets.list", "GET", "/v1/{parent}/targets", "Lists Targets in a given location."),
    ]  # fmt: skip
    index = build(rows)
    assert index.traits.any_item[0] == [3, 4, 5, 6]
    assert index.traits.any_item[3] == []
    assert top(index, "what's the status of rollout rel-042-to-prod-0001?") == ["targets.get"]
    assert top(index, "delete rollout rel-042-to-prod-0001") == ["targets.delete"]
    # Not for the collection, nor for one item not named by its value.
    assert top(index, "list the rollouts of release r-17") == ["rollouts.list"]


def test_a_thing_scaled_to_a_size_is_updated() -> None:
    rows = [
        ("ServiceUpdate", "POST", "/services/{id}/update", "Update a service"),
        ("ServiceDelete", "DELETE", "/services/{id}", "Delete a service"),
        ("ServiceInspect", "GET", "/services/{id}", "Inspect a service"),
        ("ServiceList", "GET", "/services", "List services"),
        ("ServiceCreate", "POST", "/services/create", "Create a service"),
        ("TaskList", "GET", "/tasks", "List tasks"),
    ]
    index = build(rows)
    assert top(index, "scale the web service up to 6 replicas") == ["ServiceUpdate"]


def test_pairs_are_held_side_by_side_and_whole() -> None:
    assert adjacent_pairs(["delet", "protect", "protect", "on"]) == ["delet protect", "protect on"]
    assert holds("set delet protect cluster", "delet protect")
    assert holds("delet protect", "delet protect")
    # Not apart, not the other way round, not inside longer terms.
    assert not holds("protect against delet", "delet protect")
    assert not holds("undelet protect", "delet protect")
    assert not holds("delet protection", "delet protect")
    assert holds("undelet protection delet protect", "delet protect")


def test_a_thing_that_needs_one_more_of_something_has_it_made() -> None:
    from mcpgen.runtime.asking import asked_for

    own = ["status", "field", "choice"]
    assert asked_for("our Status field (6060) needs a 'Blocked' choice", own) == "create"
    assert asked_for("the customers table needs a new column", ["customers", "column"]) == "create"
    # Not where a verb after it says what to do, nor where it needs a look.
    assert asked_for("the team needs a new lead, remove jo from it", ["team"]) == "delete"
    assert asked_for("the report needs a look", ["report"]) != "create"
    rows = [
        ("getField", "GET", "/custom_fields/{id}", "Get a custom field"),
        ("updateField", "PUT", "/custom_fields/{id}", "Update a custom field"),
        ("createEnumOption", "POST", "/custom_fields/{id}/enum_options", "Create an enum option"),
    ]
    query = "our Status field (6060) needs a 'Blocked' option"
    assert top(build(rows), query) == ["createEnumOption"]


def test_the_words_find_the_path_and_the_intent_its_method() -> None:
    rows = [
        ("templates.list", "GET", "/v2/{parent}/templates", "Lists all templates of a workspace"),
        ("templates.create", "POST", "/v2/{parent}/templates", "Creates a custom template"),
        ("templates.get", "GET", "/v2/{path}", "Gets a template"),
        ("clients.list", "GET", "/v2/{parent}/clients", "Lists all clients of a workspace"),
        ("clients.create", "POST", "/v2/{parent}/clients", "Creates a custom client"),
    ]
    index = build(rows)
    # The create's summary has "custom", the list's does not: the request lists.
    assert top(index, "what custom templates do we have?") == ["templates.list"]
    assert top(index, "add a custom template") == ["templates.create"]
    # Where the request says nothing of what to do, the words alone decide.
    assert top(index, "custom template") == ["templates.create"]


def test_what_is_disassociated_is_taken_away() -> None:
    from mcpgen.runtime.traits import method_by_name

    target = "/#X-Amz-Target=AWSWAF_20190729."
    assert method_by_name("POST", target + "DisassociateWebACL") == "DELETE"
    assert method_by_name("POST", target + "AssociateWebACL") == "POST"
    rows = [
        ("DisassociateWebACL", "POST", target + "DisassociateWebACL",
         ("Disassociates the specified regional application resource from any existing web "
          "ACL association")),
        ("AssociateWebACL", "POST", target + "AssociateWebACL",
         "Associates a web ACL with a regional application resource"),
    ]  # fmt: skip
    index = build(rows)
    assert top(index, "attach web ACL prod-acl to our load balancer") == ["AssociateWebACL"]
    assert top(index, "disassociate the web ACL from our load balancer") == ["DisassociateWebACL"]
    from mcpgen.runtime.asking import asked_for

    assert asked_for("disassociate the web ACL from our load balancer", ["web", "acl"]) == "delete"


def test_what_is_overwritten_is_updated() -> None:
    from mcpgen.runtime.asking import asked_for

    query = "overwrite the whole configuration of check 77 with this JSON body"
    assert asked_for(query, ["configuration", "check"]) == "update"
    rows = [
        ("createCheck", "POST", "/checks", "Create a check"),
        ("replaceCheck", "PUT", "/checks/{id}", "Replace a check's configuration"),
        ("getCheck", "GET", "/checks/{id}", "Get a check"),
    ]
    assert top(build(rows), "overwrite the configuration of check 77") == ["replaceCheck"]


def test_how_much_there_has_been_is_a_usage_or_a_total() -> None:
    """ "How much storage is it using?" asks for a usage or a total, not for the thing;
    how much is left is a quota, as before."""
    rows = [
        ("getAccount", "GET", "/accounts/{name}", "Get a database account"),
        ("listAccounts", "GET", "/accounts", "List database accounts"),
        ("accountUsages", "GET", "/accounts/{name}/usages", "List the usages of a database account"),
        ("updateAccount", "PATCH", "/accounts/{name}", "Update a database account"),
        ("accountKeys", "GET", "/accounts/{name}/keys", "List the keys of a database account"),
        ("rateLimit", "GET", "/rate_limit", "Get rate limit status for the authenticated user"),
    ]  # fmt: skip
    index = build(rows)
    assert top(index, "how much storage is database account orders-db using right now?") == [
        "accountUsages"
    ]
    assert top(index, "show database account orders-db") == ["getAccount"]
    assert top(index, "how much of my rate limit is left?") == ["rateLimit"]


def test_coupons_are_offers_and_rewards_are_loyalty() -> None:
    rows = [
        ("insertOfferClass", "POST", "/walletobjects/v1/offerClass", "Inserts an offer class with the given ID and properties."),
        ("insertLoyaltyClass", "POST", "/walletobjects/v1/loyaltyClass", "Inserts a loyalty class with the given ID and properties."),
        ("insertTransitClass", "POST", "/walletobjects/v1/transitClass", "Inserts a transit class with the given ID and properties."),
        ("insertGiftCardClass", "POST", "/walletobjects/v1/giftCardClass", "Inserts a gift card class with the given ID and properties."),
        ("insertCampaign", "POST", "/campaigns", "Create a campaign"),
    ]  # fmt: skip
    index = build(rows)
    assert "insertOfferClass" in top(index, "set up a new voucher", 2)
    assert top(index, "create a coupon class for the summer sale") == ["insertOfferClass"]
    assert top(index, "create a class for our rewards programme") == ["insertLoyaltyClass"]


def test_something_logged_is_recorded() -> None:
    """ "Log a $500 check we received" records it (an entry is made), not logs, events or
    sessions; logging in is as before."""
    rows = [
        ("recordPayment", "POST", "/payments", "Record a payment"),
        ("listPayments", "GET", "/payments", "List payments"),
        ("getLogs", "GET", "/logs", "Get the logs of an account"),
        ("listEvents", "GET", "/events", "List audit log events"),
        ("logout", "POST", "/logout", "Log the user out"),
        ("login", "POST", "/login", "Log the user in"),
    ]
    index = build(rows)
    assert top(index, "Log a $500 check we received yesterday from account 1010") == [
        "recordPayment"
    ]
    assert top(index, "log in as the admin") == ["login"]


def test_someone_cut_off_loses_access_and_what_is_sent_back_is_returned() -> None:
    rows = [
        ("disableUser", "POST", "/users/{id}/disable", "Disable a user so they can no longer sign in"),
        ("getUser", "GET", "/users/{id}", "Get a user"),
        ("updateUser", "PATCH", "/users/{id}", "Update a user"),
        ("listFiles", "GET", "/users/{id}/files", "List a user's files"),
        ("returnPayment", "POST", "/payments/{id}/return", "Return a payment to the payer"),
        ("getPayment", "GET", "/payments/{id}", "Get a payment"),
        ("sendPayment", "POST", "/payments", "Send a payment"),
    ]  # fmt: skip
    index = build(rows)
    assert top(index, "Tom left yesterday, cut off user 77 but keep his files") == ["disableUser"]
    assert top(index, "send payment 88 back to the payer") == ["returnPayment"]


def test_all_the_things_are_things() -> None:
    """ "all the people", "all my data": things, whatever the word's plural looks like;
    "all the rest of", "all the way" say nothing of how many."""
    index = build(
        [
            ("listPeople", "GET", "/people", "Lists people"),
            ("getPerson", "GET", "/people/{id}", "Returns a person"),
            ("getRestApis", "GET", "/restapis", "Gets the REST APIs"),
            ("getRestApi", "GET", "/restapis/{restapi_id}", "Gets the REST API"),
        ]
    )
    assert top(index, "show me all the people in our app") == ["listPeople"]
    assert top(index, "show me all my REST APIs") == ["getRestApis"]
    assert top(index, "show me the person registered as u-778") == ["getPerson"]
    assert EVERY.search("set it up all the way for the person") is None
    assert EVERY.search("show all the rest of the person") is None


def test_how_it_went_is_asked_and_how_to_do_it_is_not() -> None:
    """ "how long did the task take?", "how did the balance move?": a question of what was,
    whatever its verb; "how do I rotate a key?": how to do what the verb says."""
    from mcpgen.runtime.asking import asked_for

    assert asked_for("how long did the load_to_bq task take in run 5?") == "read"
    assert asked_for("How did account 901's balance move between two syncs?") == "read"
    assert asked_for("how often does the mirror poll repo infra?") == "read"
    assert asked_for("how do I rotate a key?") == "update"
    assert asked_for("how can I add a user?") == "create"
    rows = [
        ("triggerRun", "POST", "/dags/{dag_id}/dagRuns", "Trigger a new DAG run"),
        (
            "getTaskInstance",
            "GET",
            "/dags/{dag_id}/dagRuns/{dag_run_id}/taskInstances/{task_id}",
            "Get a task instance",
            "Its state, start and end dates, duration and the worker that ran it.",
        ),
    ]
    index = build(rows)
    query = "how long did the load task take in run 7 and which worker ran it?"
    assert top(index, query) == ["getTaskInstance"]


def test_what_should_come_to_someone_is_a_state_to_set_up() -> None:
    """ "every new client should get the audit scope", "everyone should see a notice": a
    state to set up, not a read of it; a question of what should be is still a read."""
    rows = [
        ("listScopes", "GET", "/{realm}/default-client-scopes", "Get realm default client scopes"),
        (
            "addDefaultScope",
            "PUT",
            "/{realm}/default-client-scopes/{scopeId}",
            "Add a realm default client scope",
        ),
        ("listClients", "GET", "/{realm}/clients", "Get clients belonging to the realm"),
    ]
    index = build(rows)
    query = "every client created from now on should get the audit scope automatically"
    assert read(query, index.words, frozenset()).wanted == "act"
    assert "addDefaultScope" in top(index, query, 2)
    assert read("everyone should see a notice at the top", index.words, frozenset()).wanted == "act"
    for question in ("which client scopes should a new client get?", "should I see the scope?"):
        assert read(question, index.words, frozenset()).wanted != "act", question
    # What I, we or you should do is to be done.
    suggested = "I think we should get the client scopes of the realm."
    assert read(suggested, index.words, frozenset()).wanted != "act"


def test_what_is_broken_down_is_a_summary_of_figures() -> None:
    rows = [
        (
            "holdingSummary",
            "GET",
            "/derived/holdingSummary",
            "Get holding summary",
            "The summary of the user's holdings by asset class.",
        ),
        ("assetClasses", "GET", "/holdings/assetClassificationList", "Get asset class list"),
        ("listInvestments", "GET", "/investments", "Get investments"),
    ]
    index = build(rows)
    assert top(index, "break down my investments by asset class") == ["holdingSummary"]
    assert top(index, "list my investments") == ["listInvestments"]


def test_what_is_said_not_to_be_wanted_is_not_the_thing() -> None:
    from mcpgen.runtime.clauses import unwanted

    index = build(
        [
            ("listCast", "GET", "/shows/{show}/cast", "The actors of a show"),
            ("listCrew", "GET", "/shows/{show}/crew", "The writers and directors of a show"),
            ("getRefund", "GET", "/refunds/{id}", "A refund"),
            ("getTransferReversal", "GET", "/transfers/{id}/reversal", "A transfer reversal"),
        ]
    )
    assert top(index, "Not the actors - who were the writers on 'Succession'?") == ["listCrew"]
    assert top(index, "the writers of the show, not the actors") == ["listCrew"]
    assert top(index, "not a refund: the reversal of transfer tr_1") == ["getTransferReversal"]
    assert unwanted("not just the direct members; every person in the group") == {
        "the", "direct", "members",
    }  # fmt: skip
    # Not a thing: a state asked for, a doubt, and "not only ... but also", which wants both.
    assert unwanted("invoices that are not paid") == set()
    assert unwanted("Not sure which plan - list the plans") == set()
    assert unwanted("not only the owners but also the admins") == set()


def test_a_word_said_again_inside_a_named_value_is_said_once() -> None:
    index = build(
        [
            ("CreateVariantStore", "POST", "/variantStore", "Creates a variant store."),
            ("TagResource", "POST", "/tags/{resourceArn}", "Tags a resource."),
        ]
    )
    arn = "arn:aws:omics:us-east-1:111122223333:variantStore/cohort"
    # The store's kind, said before its ARN, is not said twice by the ARN's own words.
    own = read(f"Tag variant store {arn} with project=cardio", index.words, frozenset()).own
    assert own.count("variant") == own.count("store") == 1
    # Words said twice outside values are said twice.
    own = read("copy the store's store settings", index.words, frozenset()).own
    assert own.count("store") == 2


def test_a_word_before_of_opens_a_noun_phrase_not_a_command() -> None:
    rows = [
        ("getSessionCost", "GET", "/sessions/{id}/cost", "Get the cost of a charging session"),
        ("chargeVehicle", "POST", "/vehicles/{id}/charge", "Start charging a vehicle"),
        ("updateStation", "PATCH", "/stations/{id}", "Update a charge station"),
    ]
    index = build(rows)
    assert read("price of a charging session", index.words, frozenset()).wanted != "act"
    assert top(index, "price of a charging session") == ["getSessionCost"]
    # A verb still commands ("price the session at 5 EUR").
    assert read("price the session at 5 EUR", index.words, frozenset()).wanted == "act"


def test_a_word_joined_to_a_noun_opens_a_noun_phrase_not_a_command() -> None:
    index = build(
        [
            ("listContacts", "GET", "/contacts", "List contacts"),
            ("createContact", "POST", "/contacts", "Create a contact"),
            ("updateContact", "PUT", "/contacts/{id}", "Update a contact"),
        ]
    )
    assert read("emergency and noc people on file", index.words, frozenset()).wanted != "act"
    assert top(index, "emergency and noc people on file") == ["listContacts"]
    # Two verbs joined still command ("verify and archive the contact").
    assert top(index, "verify and archive the contact") == ["updateContact"]


def test_artwork_is_images_and_mileage_is_an_odometer() -> None:
    index = build(
        [
            ("getImages", "GET", "/images/{imdbId}", "Get the images of a movie"),
            ("getTrailers", "GET", "/trailers/{imdbId}", "Get the trailers of a movie"),
            ("getOdometer", "GET", "/vehicles/{id}/odometer", "Get a vehicle's odometer"),
            ("getBattery", "GET", "/vehicles/{id}/battery", "Get a vehicle's battery"),
            ("getValues", "GET", "/devices/{id}/values", "Latest values of a device"),
            ("getDevice", "GET", "/devices/{id}", "Get a device"),
            ("getAliases", "GET", "/aliases/{imdbId}", "Known aliases of a movie"),
        ]
    )
    assert top(index, "posters and backdrops for tt0468569") == ["getImages"]
    assert top(index, "search artwork by title") == ["getImages"]
    assert top(index, "ev mileage reading") == ["getOdometer"]
    assert top(index, "most recent measurements of one device") == ["getValues"]
    assert top(index, "aka of tt0903747") == ["getAliases"]


def test_what_is_loaded_into_a_thing_is_imported() -> None:
    index = build(
        [
            ("getList", "GET", "/lists/{id}", "Get a list"),
            ("updateList", "PATCH", "/lists/{id}", "Update a list"),
            ("addMember", "POST", "/lists/{id}/members", "Add a member to a list"),
            ("importMembers", "POST", "/lists/{id}/import", "Import into a list"),
        ]
    )
    assert top(index, "load the spreadsheet into list 5120") == ["importMembers"]
    assert top(index, "load the spreadsheet into list 5120 as members") == ["importMembers"]
    assert top(index, "bring the old CSV into list 5120") == ["importMembers"]


def test_e_g_and_etc_are_no_file_names() -> None:
    index = build(
        [
            ("listCategories", "GET", "/expense-categories", "List expense categories"),
            ("getFile", "GET", "/files/{path}", "Download a file"),
        ]
    )
    for query in (
        "which expense categories can I pick from, e.g. mileage or per diem?",
        "expense categories (travel, meals etc.)",
        "which categories are there, i.e. the expense ones",
    ):
        reading = read(query, index.words, frozenset())
        assert "file" not in reading.near and "file" not in reading.kinds, query
        assert top(index, query) == ["listCategories"], query


def test_a_post_named_list_or_describe_reads() -> None:
    """APIs that take every list's filters in a body POST their lists (``POST /stores``,
    ``ListStores``): a request for what there is asks for that as much as for a GET."""
    index = build(
        [
            ("ListSequenceStores", "POST", "/sequencestores", "Retrieves a list of stores."),
            ("CreateSequenceStore", "POST", "/sequencestore", "Creates a sequence store."),
            ("GetSequenceStore", "GET", "/sequencestore/{id}", "Gets a sequence store."),
            ("DescribeJobs", "POST", "/jobs", "Describes import jobs."),
            ("StartJob", "POST", "/job", "Starts an import job."),
            ("GetJob", "GET", "/job/{id}", "Gets an import job."),
        ]
    )
    assert top(index, "What sequence stores do we have?") == ["ListSequenceStores"]
    assert top(index, "which import jobs are there?") == ["DescribeJobs"]


def test_typeahead_manufacturer_stadium_nudge_and_unregister() -> None:
    index = build(
        [
            ("searchListings", "GET", "/search/rv/active", "Search RV listings"),
            ("autoComplete", "GET", "/search/rv/auto-complete", "API for auto-completion"),
            ("getListing", "GET", "/listing/rv/{id}", "Get an RV listing"),
            ("oemSearch", "GET", "/search/car/incentive/oem", "Search OEM incentives"),
            ("getVenues", "GET", "/venues", "Venue details"),
            ("getTeams", "GET", "/teams", "Team details and locations"),
            ("remindIncompleteReviewers", "POST", "/reviews/{id}/remind", "Remind reviewers"),
            ("getTransitions", "GET", "/reviews/{id}/transitions", "Get a review's transitions"),
        ]
    )
    assert top(index, "rv typeahead suggestions for the model field") == ["autoComplete"]
    assert top(index, "manufacturer lease deals on a 2024 Honda Accord") == ["oemSearch"]
    assert top(index, "every stadium with its capacity") == ["getVenues"]
    query = "people are dragging their feet on CR-77, I want them nudged by email"
    assert top(index, query) == ["remindIncompleteReviewers"]
    index = build(
        [
            ("DeleteDevice", "DELETE", "/wireless-devices/{Id}", "Deletes a wireless device."),
            ("GetDevice", "GET", "/wireless-devices/{Id}", "Gets a wireless device."),
            (
                "DeregisterDevice",
                "PATCH",
                "/wireless-devices/{Id}/deregister",
                "Deregister a wireless device from AWS IoT Wireless.",
            ),
            ("ListDevices", "GET", "/wireless-devices", "Lists the wireless devices."),
        ]
    )
    # Unregistering is a delete, so the DELETE comes first; the deregistering PATCH, which
    # shares no word with the request but a near-synonym, comes next (without it: the GET).
    assert top(index, "unregister device wd-12 from IoT Wireless", 2)[1] == "DeregisterDevice"


def test_what_is_stripped_off_is_removed() -> None:
    index = build(
        [
            ("TagResource", "POST", "/tags/{arn}", "Adds tags to a resource."),
            ("UntagResource", "DELETE", "/tags/{arn}", "Removes tags from a resource."),
            ("ListTags", "GET", "/tags/{arn}", "Lists the tags of a resource."),
        ]
    )
    query = "Strip the env and owner tags off arn:aws:frauddetector:us-east-1:1234:outcome/review"
    assert top(index, query) == ["UntagResource"]
    assert top(index, "strip the cost-center tag off my snapshot") == ["UntagResource"]


def test_halting_stops_and_enrolling_makes_a_member() -> None:
    index = build(
        [
            ("CreateJob", "POST", "/jobs", "Creates a scoring job."),
            ("CancelJob", "POST", "/jobs/{id}/cancel", "Cancels a scoring job."),
            ("GetJob", "GET", "/jobs/{id}", "Gets a scoring job."),
            ("getCourse", "GET", "/courses/{id}", "Get a course"),
            ("updateCourse", "PATCH", "/courses/{id}", "Update a course"),
            ("listMembers", "GET", "/courses/{id}/members", "List the members of a course"),
            ("addMember", "POST", "/courses/{id}/members", "Add a member to a course"),
        ]
    )
    assert top(index, "the scoring job score-0412 picked the wrong file; halt it") == ["CancelJob"]
    assert top(index, "enroll sam.lee@school.org in course 8841") == ["addMember"]


def test_making_a_thing_the_live_or_default_one_changes_it() -> None:
    index = build(
        [
            ("createVersion", "POST", "/templates/{id}/versions", "Create a template version"),
            ("updateVersion", "PATCH", "/templates/{id}/versions/{v}", "Edit a template version"),
            ("getVersion", "GET", "/templates/{id}/versions/{v}", "Get a template version"),
        ]
    )
    for query in (
        "make version 3 the live one of the welcome template",
        "make version 2 the default for the welcome template",
        "make the older version 5521 the current one again",
    ):
        assert top(index, query) == ["updateVersion"], query


def test_what_is_turned_back_on_resumes() -> None:
    index = build(
        [
            ("pauseCampaign", "POST", "/ad_campaign/{id}/pause", "Pause a campaign"),
            ("resumeCampaign", "POST", "/ad_campaign/{id}/resume", "Resume a campaign"),
            ("updateCampaign", "POST", "/ad_campaign/{id}/update", "Update a campaign"),
            ("endCampaign", "POST", "/ad_campaign/{id}/end", "End a campaign"),
        ]
    )
    reading = read("turn campaign 5521 back on", index.words, frozenset())
    assert "back" not in reading.own and "resum" in reading.near
    assert top(index, "turn campaign 5521 back on") == ["resumeCampaign"]


def test_attach_unlink_compute_podcast_popular_and_halt() -> None:
    index = build(
        [
            ("AssociateLenses", "PATCH", "/workloads/{Id}/associateLenses", "Associate lenses."),
            ("DisassociateLenses", "PATCH", "/workloads/{Id}/disassociateLenses", "Disassociate."),
            ("UpgradeLens", "PUT", "/workloads/{Id}/lensReviews/{Lens}/upgrade", "Upgrade a lens."),
            ("GetLensReview", "GET", "/workloads/{Id}/lensReviews/{Lens}", "Get a lens review."),
            ("UpdateLensReview", "PATCH", "/workloads/{Id}/lensReviews/{Lens}", "Update review."),
            ("DeleteWorkload", "DELETE", "/workloads/{Id}", "Delete a workload."),
        ]
    )
    assert top(index, "attach the serverless lens to workload 1a2b") == ["AssociateLenses"]
    assert top(index, "unlink the IoT lens from workload 3c4d") == ["DisassociateLenses"]
    index = build(
        [
            ("getArtist", "GET", "/artists/{id}", "Get Artist"),
            ("getTopTracks", "GET", "/artists/{id}/top-tracks", "Get Artist's Top Tracks"),
            ("getAlbumTracks", "GET", "/albums/{id}/tracks", "Get Album Tracks"),
            ("getSavedTracks", "GET", "/me/tracks", "Get User's Saved Tracks"),
            ("getSavedShows", "GET", "/me/shows", "Get User's Saved Shows"),
            ("getSavedEpisodes", "GET", "/me/episodes", "Get User's Saved Episodes"),
            ("getRecent", "GET", "/me/player/recently-played", "Get Recently Played Tracks"),
            ("pause", "PUT", "/me/player/pause", "Pause Playback"),
            ("saveTracks", "PUT", "/me/tracks", "Save Tracks for Current User"),
            ("removeTracks", "DELETE", "/me/tracks", "Remove User's Saved Tracks"),
        ]
    )
    assert top(index, "What are Radiohead's most popular songs in Germany?") == ["getTopTracks"]
    assert top(index, "Which podcasts have I subscribed to?") == ["getSavedShows"]
    assert top(index, "Halt the music on the living room speaker.") == ["pause"]
    index = build(
        [
            ("ListAttributes", "GET", "/domains/{Domain}/calculated-attributes",
             "Lists the calculated attribute definitions."),
            ("GetProfileAttributes", "GET",
             "/domains/{Domain}/profile/{Id}/calculated-attributes",
             "Retrieve a profile's calculated attributes."),
            ("ListTags", "GET", "/tags/{Arn}", "Lists the tags of a resource, with their values."),
        ]
    )  # fmt: skip
    # The definitions of what is calculated, not the tags with their values, come next.
    query = "the computed values for profile 77d3e0 in domain retail-prod"
    assert top(index, query, 2) == ["GetProfileAttributes", "ListAttributes"]


def test_a_post_named_for_deleting_makes_nothing_new() -> None:
    # A POST that deletes (by its name) is no create: a request naming the profile it
    # deletes does not weigh it down as one that would make another profile.
    index = build(
        [
            ("DeleteProfile", "POST", "/domains/{Domain}/profiles/delete",
             "Deletes the standard customer profile and all data pertaining to the profile."),
            ("DeleteProfileKey", "POST", "/domains/{Domain}/profiles/keys/delete",
             "Removes a searchable key from a customer profile."),
            ("DeleteDomain", "DELETE", "/domains/{Domain}",
             "Deletes a specific domain and all of its customer data."),
            ("CreateProfile", "POST", "/domains/{Domain}/profiles", "Creates a standard profile."),
            ("GetDomain", "GET", "/domains/{Domain}", "Returns information about a domain."),
        ]
    )  # fmt: skip
    query = "wipe everything we hold on profile 3e8c1f in domain retail-prod"
    assert top(index, query) == ["DeleteProfile"]


def test_what_is_left_alone_is_not_wanted() -> None:
    index = build(
        [
            ("UpdateDetectorVersionStatus", "POST", "/#X-Amz-Target=Svc.UpdateDetectorVersionStatus",
             "Updates the detector version's status."),
            ("UpdateDetectorVersionMetadata", "POST",
             "/#X-Amz-Target=Svc.UpdateDetectorVersionMetadata",
             "Updates the detector version's description."),
            ("GetDetectorVersion", "POST", "/#X-Amz-Target=Svc.GetDetectorVersion",
             "Gets a particular detector version."),
        ]
    )  # fmt: skip
    # "status" asks to read nothing, and is not the thing changed.
    query = "Leave the status alone, I only want to reword the description on version 2 of fd-1."
    assert top(index, query) == ["UpdateDetectorVersionMetadata"]


def test_a_command_is_an_action() -> None:
    index = build(
        [
            ("getDevice", "GET", "/api/Devices/{id}", "Gets a device by its ID."),
            (
                "getDeviceConfig",
                "GET",
                "/api/Devices/{id}/config",
                "Gets a device's configuration.",
            ),
            ("getDeviceValues", "GET", "/api/Devices/{id}/values", "Gets the values of a device."),
            ("getActions", "GET", "/api/Actions/{id}", "Gets the actions of a device."),
            ("postAction", "POST", "/api/Actions", "Runs an action on a device."),
        ]
    )
    assert top(index, "list the commands of device 3fa85f64") == ["getActions"]


def test_what_should_be_no_more_is_deleted() -> None:
    index = build(
        [
            ("createDocument", "POST", "/v1/SupportingDocuments", "Create a Supporting Document."),
            ("updateDocument", "POST", "/v1/SupportingDocuments/{Sid}",
             "Update a Supporting Document."),
            ("getDocument", "GET", "/v1/SupportingDocuments/{Sid}", "Fetch a Supporting Document."),
            ("deleteDocument", "DELETE", "/v1/SupportingDocuments/{Sid}",
             "Delete a Supporting Document."),
            ("createUser", "POST", "/ssousers", "Create an SSO user."),
            ("updateUser", "PUT", "/ssousers/{id}", "Update an SSO user."),
            ("deleteUser", "DELETE", "/ssousers/{id}", "Delete an SSO user."),
        ]
    )  # fmt: skip
    for query, wanted in (
        ("the supporting document RD12 we uploaded shouldn't be kept at all", "deleteDocument"),
        (("the supporting document RD12 we made by mistake is cluttering the console; make it "
          "go away"), "deleteDocument"),
        ("Tom left the agency; make sure his sso user (id 14) is gone.", "deleteUser"),
        ("the old test sso user isn't needed anymore, user 14 can go", "deleteUser"),
        ("supporting document RD12 should go.", "deleteDocument"),
        ("Tom left the agency and we want his sso user (id 14) gone.", "deleteUser"),
    ):  # fmt: skip
        assert top(index, query) == [wanted], query
    # What is said to be gone already, or to go somewhere, is no delete asked for.
    for said in (
        "I want the report, the old one is gone",
        "I want to know whether it has gone through",
        "it should go to the archive",
    ):
        assert WANTED_GONE.search(said) is None, said


def test_what_the_caller_wants_to_know_is_a_question() -> None:
    index = build(
        [
            ("createAssignment", "POST", "/v1/CustomerProfiles/{Sid}/ChannelEndpointAssignments",
             "Create a new Assigned Item."),
            ("listAssignments", "GET", "/v1/CustomerProfiles/{Sid}/ChannelEndpointAssignments",
             "Retrieve a list of all Assigned Items for an account."),
            ("updateProfile", "POST", "/v1/CustomerProfiles/{Sid}", "Updates a Customer-Profile."),
            ("getProfile", "GET", "/v1/CustomerProfiles/{Sid}", "Fetch a Customer-Profile."),
        ]
    )  # fmt: skip
    query = "I want to know which items are assigned to customer profile BU3344"
    assert top(index, query) == ["listAssignments"]


def test_things_described_by_a_clause_after_them_are_no_command() -> None:
    index = build(
        [
            ("createReview", "POST", "/reviews", "Create a review"),
            ("searchReviews", "GET", "/search/reviews", "Search reviews by the files they touch"),
            ("getReview", "GET", "/reviews/{id}", "Get a review"),
            ("addFile", "POST", "/reviews/{id}/files", "Add a file to a review"),
        ]
    )
    # "reviews" opens no command "reviews that ...": the reviews that touched it are asked.
    assert top(index, "reviews that touched a given source file") == ["searchReviews"]


def test_a_word_after_a_hash_is_a_tag_too() -> None:
    rows = [
        ("tag", "GET", "/tags/{tag-name}", "Get information about a tag object"),
        ("tagMedia", "GET", "/tags/{tag-name}/media/recent", "Get a list of recently tagged media"),
        ("comments", "GET", "/media/{media-id}/comments", "Get a list of recent comments"),
        ("comment", "POST", "/media/{media-id}/comments", "Create a comment on a media object"),
        ("user", "GET", "/users/{user-id}", "Get basic information about a user"),
    ]
    index = build(rows)
    query = "We launched #BrewFest2024 this morning. Show me the newest posts people made with it."
    assert top(index, query) == ["tagMedia"]
    assert top(index, "tell me about #vanlife") == ["tag"]


def test_what_is_not_needed_any_more_is_deleted() -> None:
    rows = [
        ("lists", "POST", "/#X-Amz-Target=Sms.DescribeOptOutLists", "Describes opt-out lists"),
        ("createList", "POST", "/#X-Amz-Target=Sms.CreateOptOutList", "Creates an opt-out list"),
        ("deleteList", "POST", "/#X-Amz-Target=Sms.DeleteOptOutList", "Deletes an opt-out list"),
        ("tags", "POST", "/#X-Amz-Target=Sms.ListTagsForResource", "List tags of a resource"),
        ("jobs", "GET", "/jobs", "Get importer jobs"),
        ("job", "GET", "/jobs/{id}", "Get importer job"),
        ("deleteJob", "DELETE", "/jobs/{id}", "Delete importer job"),
        ("import", "POST", "/import", "Import a repository"),
    ]
    index = build(rows)
    assert top(index, "the opt-out list winter-optouts isn't needed anymore") == ["deleteList"]
    assert top(index, "we don't need opt-out list winter-optouts anymore") == ["deleteList"]
    query = "the legacy-soap importer is pointless now, I never want to see it again"
    assert top(index, query) == ["deleteJob"]
    # Not needing to do something says nothing of it.
    assert top(index, "we don't need to import the legacy-soap job anymore") != ["deleteJob"]


def test_what_should_not_show_up_any_more_is_deleted() -> None:
    rows = [
        ("contacts", "GET", "/contacts", "List contacts"),
        ("addContact", "POST", "/contacts", "Create a contact"),
        ("contact", "GET", "/contacts/{contactId}", "Get a contact"),
        ("updateContact", "PUT", "/contacts/{contactId}", "Update a contact"),
        ("deleteContact", "DELETE", "/contacts/{contactId}", "Delete a contact"),
        ("message", "POST", "/sms/send", "Send an SMS"),
    ]
    index = build(rows)
    query = "contact 4410 shouldn't appear in our address book anymore"
    assert top(index, query) == ["deleteContact"]
    # What does not show up now is no delete.
    assert top(index, "the new contact I made doesn't show up in the list") == ["contacts"]


def test_comments_may_be_an_apis_responses() -> None:
    rows = [
        ("responses", "GET", "/article/{article_id}/responses", "Get article's responses"),
        ("fans", "GET", "/article/{article_id}/fans", "Get article's fans"),
        ("content", "GET", "/article/{article_id}/content", "Get article's content"),
        ("followers", "GET", "/user/{user_id}/followers", "Get user's followers"),
        ("article", "GET", "/article/{article_id}", "Get article info"),
    ]
    index = build(rows)
    assert top(index, "Pull the comments people left on article 0b9d8e7f6a5c") == ["responses"]
    assert top(index, "what comments did my article get?") == ["responses"]


def test_a_writer_is_an_author_and_a_photographer_a_person() -> None:
    rows = [
        ("author", "GET", "/authors/{id}", "Get an author"),
        ("books", "GET", "/books", "List books"),
        ("publisher", "GET", "/publishers/{id}", "Get a publisher"),
        ("photo", "GET", "/photos/{id}", "Get a photo"),
        ("person", "GET", "/people/{id}", "Get info about a person"),
    ]
    index = build(rows)
    assert top(index, "details on the writer with id 7") == ["author"]
    assert "person" in top(index, "who is the photographer behind account 9479?", 2)


def test_contractions_read_alike_without_their_apostrophe() -> None:
    rows = [
        ("snapshots", "GET", "/snapshots", "List snapshots"),
        ("createSnapshot", "POST", "/snapshots", "Create a snapshot"),
        ("snapshot", "GET", "/snapshots/{id}", "Get a snapshot"),
        ("deleteSnapshot", "DELETE", "/snapshots/{id}", "Delete a snapshot"),
        ("connections", "GET", "/connections", "List connections"),
        ("connection", "GET", "/connections/{id}", "Get a connection"),
    ]
    index = build(rows)
    assert top(index, "snapshot snap-1 isnt needed anymore") == ["deleteSnapshot"]
    assert top(index, "we dont need snapshot snap-1 anymore") == ["deleteSnapshot"]
    query = "Whats the status of connection con-88213, and is it running as a bundle?"
    assert top(index, query) == ["connection"]


def test_apostrophes_mend_only_contractions_that_are_no_words() -> None:
    from mcpgen.runtime.spelling import apostrophes

    assert apostrophes("Whats up? we dont need it, hows it going") == (
        "What's up? we don't need it, how's it going"
    )
    # Words of their own stay: "its", "lets", "were", "id", "im".
    assert (
        apostrophes("its id lets it in, we were there, im")
        == "its id lets it in, we were there, im"
    )


def test_overseas_and_abroad_are_international() -> None:
    rows = [
        ("domestic", "POST", "/domestic-payments", "Create Domestic Payments"),
        ("international", "POST", "/international-payments", "Create International Payments"),
        ("getInternational", "GET", "/international-payments/{id}", "Get International Payments"),
        ("getDomestic", "GET", "/domestic-payments/{id}", "Get Domestic Payments"),
        ("scheduled", "POST", "/domestic-scheduled-payments", "Create Scheduled Payments"),
    ]
    index = build(rows)
    assert top(index, "pay 300 EUR to a supplier abroad") == ["international"]
    assert top(index, "send the overseas payment to our Tokyo office") == ["international"]


def test_a_programme_is_a_program() -> None:
    rows = [
        ("programs", "GET", "/programs", "List TV programs"),
        ("program", "GET", "/programs/{id}", "Get a program"),
        ("channels", "GET", "/channels", "List channels"),
        ("schedule", "GET", "/schedule", "Get the schedule of a channel"),
    ]
    index = build(rows)
    assert top(index, "which programmes are on?") == ["programs"]
    # The start it shares with American words that are no British spelling stays.
    assert {stem(w) for w in ("programme", "programmes", "programming", "programmed")} == {
        "program"
    }


def test_a_warning_is_a_message() -> None:
    rows = [
        ("job", "GET", "/jobs/{jobId}", "Get a job"),
        ("messages", "GET", "/jobs/{jobId}/messages", "Request the job status messages"),
        ("metrics", "GET", "/jobs/{jobId}/metrics", "Request the job metrics"),
        ("jobs", "GET", "/jobs", "List jobs"),
    ]
    index = build(rows)
    assert top(index, "any warnings on job 42?") == ["messages"]


def test_asking_whether_a_name_is_taken_checks_its_availability() -> None:
    endpoint = "/profiles/{profileName}/endpoints/{endpointName}"
    rows = [
        ("endpoint", "GET", endpoint, "Gets an existing CDN endpoint with the specified name"),
        ("delete", "DELETE", endpoint, "Deletes an existing CDN endpoint with the specified name"),
        ("create", "PUT", endpoint, "Creates a new CDN endpoint with the specified name"),
        ("check", "POST", "/checkNameAvailability", "Check the availability of a resource name"),
        ("operations", "GET", "/operations", "Lists all of the available CDN REST API operations"),
    ]
    index = build(rows)
    assert "check" in top(index, "is cdn endpoint name web-7 taken?", 2)
    assert "check" in top(index, "I'd like to know if the endpoint name web-7 is already taken", 2)
    # A name said to be taken is no question of it.
    assert top(index, "endpoint web-7 is taken. create web-8 instead") == ["create"]


def test_anything_wrong_or_any_problems_ask_for_disruptions() -> None:
    rows = [
        ("disruptions", "GET", "/v3/disruptions", "View all disruptions"),
        ("routeDisruptions", "GET", "/v3/disruptions/route/{route_id}", "View route disruptions"),
        ("routes", "GET", "/v3/routes", "View routes"),
        ("route", "GET", "/v3/routes/{route_id}", "View route name and number"),
        ("stops", "GET", "/v3/stops/route/{route_id}", "View all stops on a route"),
    ]
    index = build(rows)
    assert top(index, "any problems on route 6 this morning?") == ["routeDisruptions"]
    query = "I catch route 6 every morning. Is anything going wrong on it today?"
    assert "routeDisruptions" in top(index, query, 2)


def test_past_and_history_are_historical() -> None:
    rows = [
        ("players", "GET", "/Players", "Player Details - by Active"),
        ("byTeam", "GET", "/PlayersByTeam/{teamid}", "Player Details - by Team"),
        ("historical", "GET", "/HistoricalMembershipsByTeam/{teamid}", "Historical Memberships"),
        ("memberships", "GET", "/MembershipsByTeam/{teamid}", "Memberships by Team"),
    ]
    index = build(rows)
    assert top(index, "show the past members of team 509") == ["historical"]
    assert top(index, "team 509 membership history") == ["historical"]


def test_a_timer_is_a_schedule() -> None:
    rows = [
        ("jobs", "GET", "/jobs", "List jobs"),
        ("startJob", "POST", "/jobs/{name}/startJobRun", "Start a job run"),
        ("deleteJob", "DELETE", "/jobs/{name}", "Delete a job"),
        ("schedules", "GET", "/schedules", "List schedules"),
        ("deleteSchedule", "DELETE", "/schedules/{name}", "Delete a schedule"),
    ]
    index = build(rows)
    assert top(index, "delete the weekend-batch timer") == ["deleteSchedule"]
    assert top(index, "which timers do we have?") == ["schedules"]


def test_a_genre_is_a_category() -> None:
    rows = [
        ("categories", "GET", "/categories", "List categories"),
        ("follows", "GET", "/my/music/follows", "Get my music follows"),
        ("programmes", "GET", "/radio/programmes", "List radio programmes"),
        ("plays", "GET", "/my/radio/plays", "Get my plays"),
    ]
    index = build(rows)
    assert top(index, "what genres can I browse?") == ["categories"]


def test_a_blurb_or_a_summary_is_a_synopsis() -> None:
    rows = [
        ("member", "GET", "/api/Members/{id}", "Return member by ID"),
        ("synopsis", "GET", "/api/Members/{id}/Synopsis", "Return synopsis for member"),
        ("contact", "GET", "/api/Members/{id}/Contact", "Return contact details for member"),
        ("history", "GET", "/api/Members/History", "Return members with their historical names"),
    ]
    index = build(rows)
    assert top(index, "a one paragraph blurb about member 1396") == ["synopsis"]
    assert top(index, "short summary of member 1396") == ["synopsis"]


def test_what_is_starred_is_a_favorite() -> None:
    rows = [
        ("favourite", "GET", "/filter/favourite", "Get favourite filters"),
        ("mine", "GET", "/filter/my", "Get my filters"),
        ("filter", "GET", "/filter/{id}", "Get filter"),
        ("search", "GET", "/filter/search", "Search for filters"),
    ]
    index = build(rows)
    assert top(index, "list my starred filters") == ["favourite"]


def test_a_path_ending_in_the_callers_own_record_is_the_authenticated_user() -> None:
    for path in ("/me", "/myself", "/self", "/whoami"):
        core, _ = document_terms("getCaller", "Get it", "", path, [], [], "GET")
        assert {"authent", "user"} <= set(core), path
