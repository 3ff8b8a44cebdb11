"""``generate_server``: an OpenAPI document in, a ready-to-run MCP server project out.

The document's text never reaches Python source: every name, description,
schema and default goes to ``spec.json``, which the generated server loads.
The Python modules are the same for every document except for the package
name, which is an identifier by construction.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from pathlib import PurePosixPath
from typing import Any

from .. import collector, parallel, progress
from ..diagnostics import Diagnostic, MCPGenError
from ..pipeline import PlannedFile, render_plan
from ..publish import Content
from ..runtime import terms
from ..runtime.schemanodes import ref_name
from ..runtime.segments import known_stems, plain_segments, segment_terms, short_segment_names
from ..serverproject import REGRESS, ProjectFiles, client_configs, data_bytes, md_text
from .build import ServerOptions, build_project
from .document import DocumentSet
from .ir import Project, SecurityScheme
from .operations import METHODS


def generate_server(
    document: str, options: ServerOptions | None = None
) -> tuple[dict[PurePosixPath, Content], Project, list[Diagnostic]]:
    """Render the project for ``document`` (a path or URL); touches no disk."""
    options = options or ServerOptions()
    progress.large(_size(document))
    progress.phase(f"loading {document}")
    with collector.paused():
        docs = DocumentSet(
            document,
            allow_remote=options.allow_remote_refs,
            ref_root=options.ref_root,
            allow_file_refs=options.allow_file_refs,
        )
        operations = progress.count(_operations(docs.root), "operation")
        progress.phase(f"converting {operations}")
        try:
            project, diagnostics = build_project(docs, options)
        except RecursionError:
            raise MCPGenError(docs.origin, "", "schemas nested too deeply to convert") from None
        progress.phase(f"converted {operations} to {progress.count(len(project.tools), 'tool')}")
        # The project holds what it needs of the document: the parsed document goes before
        # the files are made, so that a large one is not held beside its output.
        del docs
        return render_plan(plan(project)), project, diagnostics


def _size(document: str) -> int:
    """Bytes of a local document (0 for a URL or what cannot be read: loading says why)."""
    try:
        return 0 if "://" in document else os.stat(document).st_size
    except (OSError, ValueError):
        return 0


def _operations(root: Any) -> int:
    """How many operations the document's paths hold (before filters), for progress."""
    paths = root.get("paths") if isinstance(root, dict) else None
    if not isinstance(paths, dict):
        return 0
    return sum(
        sum(1 for method in item if method in METHODS)
        for item in paths.values()
        if isinstance(item, dict)
    )


def plan(project: Project) -> list[PlannedFile]:
    shared = ProjectFiles(
        package=project.package,
        distribution=project.distribution,
        title=project.title,
        source=project.source,
        backend="upstream",
        dependencies=DEPENDENCIES + search_dependencies(project),
    )
    common = shared.context()
    # Each data file's text is made at once, so that its objects are freed before the next.
    search = SearchJson(project) if project.tools_mode == "discovery" else None
    try:
        data = {"operations.json": data_bytes(project.operations_json())}
        if search is not None:
            data["search.json"] = data_bytes(search.finish())
    finally:
        if search is not None:
            search.cancel()
    return [
        *shared.files(project.spec_json(), data),
        *(shared.runtime(name) for name in RUNTIME),
        shared.runtime("hooks.py", owner="user"),
        PlannedFile(
            PurePosixPath("README.md"),
            "server/README.md.jinja",
            {**common, **readme_context(project)},
            owner="starter",
        ),
    ]


RUNTIME = ("upstream.py", "params.py", "bodies.py", "responses.py", "retry.py", "auth.py")
"""The HTTP backend's modules (besides the user's ``hooks.py``)."""

DEPENDENCIES = (
    "mcp>=2.3",
    "httpx>=0.27",
    "pydantic>=2.11",
    "jsonschema>=4.21",
    "uvicorn>=0.30",
    # httpcore looks for it on every request; without it each import attempt costs ~1 ms.
    "sniffio>=1.3",
    REGRESS,
)
SEARCH_DEPENDENCIES = ("bm25s>=0.2", "PyStemmer>=2.2")
"""What ``search_operations`` ranks with, in discovery mode."""
WHERE_SEMANTIC = (
    "python_version < '3.14' and platform_python_implementation == 'CPython' and "
    "(platform_machine == 'x86_64' or platform_machine == 'AMD64' or platform_machine == 'arm64')"
)
SEMANTIC_DEPENDENCIES = ("wordllama>=0.4,<0.5; " + WHERE_SEMANTIC,)
"""The model of ``--search hybrid`` (its package ships the weights: nothing is downloaded),
where it has wheels: a source build needs a compiler, and should not fail an install.
Elsewhere (Linux on ARM, say) the server searches lexically and logs why."""
SEARCH_REASONS = {
    "hybrid": "words and their meaning; regenerate with `--search lexical` to leave out the "
    "embedding model",
    "lexical": "words alone; regenerate with `--search hybrid` to rank by meaning too",
}


def search_dependencies(project: Project) -> tuple[str, ...]:
    if project.tools_mode != "discovery":
        return ()
    return SEARCH_DEPENDENCIES + (SEMANTIC_DEPENDENCIES if project.search == "hybrid" else ())


class SearchJson:
    """``search.json`` in the making. On a large API (``BESIDE_AT`` operations) a forked
    copy of the process makes the entries of the later operations (``parallel``) while
    this one goes on with other files, until ``finish`` makes the first ones and takes
    the copy's: they are what this process would make, entry for entry."""

    def __init__(self, project: Project) -> None:
        self.project = project
        tools = project.tools
        # What every entry is made with: the API's own words and each operation's subject.
        self.known = known_stems(text for t in tools for text in (t.name, t.title))
        self.short = short_segment_names(t.path for t in tools)
        self.subjects = subjects(project)
        count = len(tools)
        self.split = count - int(count * BESIDE_SHARE) if count >= BESIDE_AT else count
        self.copy = (
            parallel.beside(lambda: self.entries(self.split, count)) if self.split < count else None
        )

    def finish(self) -> dict[str, Any]:
        count = len(self.project.tools)
        try:
            entries = self.entries(0, self.split)
            later: Any = self.copy.result() if self.copy is not None else None
        finally:
            self.cancel()
        if self.split < count:
            if not _entries_of(later, entries, count - self.split):
                later = self.entries(self.split, count)
            for key, values in entries.items():
                values.extend(later[key])
        prefixes = id_prefixes(self.project)
        return {
            "version": 1,
            "title": self.project.title,
            "semantic": self.project.search == "hybrid",
            **entries,
            **({"prefixes": prefixes} if prefixes else {}),
        }

    def cancel(self) -> None:
        """Stop the copy, if it runs still (its share is then not made)."""
        if self.copy is not None:
            self.copy.cancel()

    def entries(self, start: int, stop: int) -> dict[str, list[Any]]:
        """The entries of the operations from ``start`` to ``stop``, by key of
        ``search.json``."""
        project = self.project
        operations: list[dict[str, Any]] = []
        named: list[str] = []
        more: list[str] = []
        segments: list[list[str] | None] = []
        details: list[str] = []
        memo: dict[str, str] = {}
        for tool, about in zip(project.tools[start:stop], self.subjects[start:stop], strict=True):
            text = terms.summary(tool.title, tool.description, tool.name)
            required = tool.input_schema.get("required") or []
            operations.append(
                {
                    "operation": tool.name,
                    "method": tool.method,
                    "path": tool.path,
                    "summary": text,
                    "tags": list(tool.tags),
                    "required": list(required),
                }
            )
            # Path parameters repeat the resource's name; the others say what can be asked.
            args = [arg.name for arg in tool.args if arg.location != "path"]
            core, extra = terms.document_terms(
                tool.name, text, tool.description, tool.path, tool.tags, args, tool.method
            )
            extra += terms.terms(about)
            # What a path parameter may be says what the operation can do or act on
            # (``/Sessions/{id}/Playing/{command}``: Pause, Stop; ``/Items/{id}/Images/{type}``);
            # what a read's query parameter may be, which of its things it lists ("show my
            # snapshots": ``GET /images?type=snapshot``; "the open PRs": ``state=open``).
            extra += terms.terms(" ".join(_choices(tool, project.definitions)))
            # Run-together path words (``clusterrolebindings``) count by their parts too.
            found = segment_terms(tool.path, self.known, memo, required, self.short)
            core += [t for t in " ".join(found).split() if t not in core]
            # Left out (null) where they are what the server makes of the path itself.
            segments.append(found if found != plain_segments(tool.path, required) else None)
            details.append(terms.detail(text, tool.description))
            named.append(" ".join(core))
            more.append(" ".join(extra))
        return {
            "operations": operations,
            "terms": named,
            "more": more,
            "segments": segments,
            "details": details,
        }


def _entries_of(found: Any, like: Mapping[str, list[Any]], count: int) -> bool:
    """Whether the copy's result is ``count`` entries under each key of ``like``: anything
    else (a copy that failed or answered otherwise) is made again here."""
    return isinstance(found, dict) and all(
        isinstance(found.get(key), list) and len(found[key]) == count for key in like
    )


BESIDE_AT = 400
"""Operations from which ``search.json`` is made by two processes: below, the fork would
cost more than it saves."""
BESIDE_SHARE = 0.6
"""The copy's share of the entries: this process makes ``operations.json`` meanwhile."""


MAX_CHOICES = 40
"""A path parameter with more allowed values than this lists data, not what is done."""
MAX_CHOICE = 60
"""Characters of an allowed value at most: a longer one is no name of an action or a kind."""


_FILTERED = frozenset({"GET", "HEAD"})
"""Methods whose query parameters choose what is read: their allowed values name it."""


def _followed(schema: Any, definitions: Mapping[str, Any]) -> Any:
    """``schema``, or what its ``$ref`` names (a ``$ref`` to a ``$ref`` too, no deeper)."""
    for _ in range(3):
        name = ref_name(schema) if isinstance(schema, dict) else None
        if name is None:
            break
        schema = definitions.get(name)
    return schema


def _choices(tool: Any, definitions: Mapping[str, Any]) -> list[str]:
    """The allowed values (``enum``) that are text (of at most ``MAX_CHOICE`` characters)
    of a tool's path parameters, and of its query parameters if it reads (``_FILTERED``),
    where there are at most ``MAX_CHOICES`` of them."""
    properties = tool.input_schema.get("properties") or {}
    places = ("path", "query") if tool.method in _FILTERED else ("path",)
    out: list[str] = []
    for arg in tool.args:
        if arg.location not in places:
            continue
        schema = _followed(properties.get(arg.name), definitions)
        choices = schema.get("enum") if isinstance(schema, dict) else None
        if isinstance(choices, list) and len(choices) <= MAX_CHOICES:
            out.extend(c for c in choices if isinstance(c, str) and len(c) <= MAX_CHOICE)
    return out


_ID_PREFIX = re.compile(r"\^(?:([A-Za-z]{2,4})|\(((?:[A-Za-z]{2,4}\|)+[A-Za-z]{2,4})\))(?=[\[(\\])")
"""The literal start of a documented ID pattern (Twilio's ``^WK[0-9a-fA-F]{32}$``), or
its alternatives (``^(SM|MM)[0-9a-fA-F]{32}$``)."""


def id_prefixes(project: Project) -> dict[str, str]:
    """What the IDs of each kind of thing start with, where the document says so: the
    literal start of a path parameter's ``pattern`` and the path segment it follows
    (``/Workers/{Sid}`` with ``^WK[0-9a-fA-F]{32}$``: ``WK`` -> ``Workers``). A request
    that gives such an ID ("set agent WK12 to offline") names its kind of thing. A start
    that two kinds share is left out."""
    found: dict[str, str | None] = {}
    for tool in project.tools:
        properties = tool.input_schema.get("properties") or {}
        segments = tool.path.split("/")
        for arg in tool.args:
            if arg.location != "path":
                continue
            schema = _followed(properties.get(arg.name), project.definitions)
            pattern = schema.get("pattern") if isinstance(schema, dict) else None
            start = _ID_PREFIX.match(pattern) if isinstance(pattern, str) else None
            placeholder = "{" + arg.wire + "}"
            at = segments.index(placeholder) if placeholder in segments else 0
            segment = segments[at - 1] if at > 0 else ""
            if start is None or not segment or "{" in segment:
                continue
            for prefix in (start.group(1) or start.group(2)).split("|"):
                if found.setdefault(prefix, segment) != segment:
                    found[prefix] = None
    return {prefix: segment for prefix, segment in sorted(found.items()) if segment}


SUBJECT_SHARE = 0.02
"""An output schema that more operations than this share of them (and more than two)
answer with says nothing of which it is (Kubernetes' ``Status``, a generic error)."""


def subjects(project: Project) -> list[str]:
    """For each tool, the first sentence of the description of what it answers with (its
    output schema's, or its definition's; an array's items'), where few tools answer
    with it: "NetworkPolicy describes what network traffic is allowed for a set of Pods"
    says what ``create a NetworkPolicy`` is about, in words a request may use. A delete,
    which answers with nothing or a status, takes that of another operation on its path."""
    found = [_subject(tool.output_schema, project.definitions) for tool in project.tools]
    counts: dict[str, int] = {}
    for key, _ in filter(None, found):
        counts[key] = counts.get(key, 0) + 1
    most = max(2, SUBJECT_SHARE * len(found))
    out = [
        terms.first_sentence(text, 300) if key and counts[key] <= most else ""
        for key, text in (item or ("", "") for item in found)
    ]
    # A delete answers with nothing or a status, but is about its path's thing as much as
    # the read on that path that answers with it.
    by_path: dict[str, str] = {}
    for tool, text in zip(project.tools, out, strict=True):
        if text:
            by_path.setdefault(tool.path, text)
    return [
        text or (by_path.get(tool.path, "") if tool.method == "DELETE" else "")
        for tool, text in zip(project.tools, out, strict=True)
    ]


def _subject(schema: Any, definitions: Mapping[str, Any]) -> tuple[str, str] | None:
    """(its name, description) of the shared schema an output schema stands for. A schema
    of its own to one operation says what it is in the operation's description, if
    anywhere."""
    for _ in range(4):  # a $ref to a $ref, an array of them: no deeper
        if not isinstance(schema, dict):
            return None
        name = ref_name(schema)
        if name is not None:
            target = definitions.get(name)
            text = target.get("description") if isinstance(target, dict) else None
            if isinstance(text, str) and text.strip():
                return name, text
            schema = target
        elif schema.get("type") == "array":
            schema = schema.get("items")
        else:
            return None
    return None


_ROLES = {
    "token": "access token, sent as `Authorization: Bearer`",
    "username": "HTTP basic user name",
    "password": "HTTP basic password",
    "client_id": "OAuth2 client id (client credentials flow)",
    "client_secret": "OAuth2 client secret",
    "cert": "client certificate file (PEM)",
    "key": "client private key file (PEM)",
}


def _role_text(scheme: SecurityScheme, role: str) -> str:
    if role == "value":
        return f"API key, sent in {scheme.location} `{md_text(scheme.param)}`"
    return _ROLES.get(role, role)


def readme_context(project: Project) -> dict[str, Any]:
    prefix = project.env_prefix
    url = project.base_url
    for variable in project.variables:
        url = url.replace("{" + variable.name + "}", variable.default)
    default = md_text(url) if url else "none: it must be set"
    env_rows = [
        (project.base_url_env, f"upstream base URL (default: {default})"),
        (f"{prefix}_TIMEOUT", "seconds per upstream request (default 30)"),
        (f"{prefix}_MCP_TOKEN", "if set, HTTP clients must send `Authorization: Bearer <token>`"),
        (f"{prefix}_LOG_LEVEL", "logging level on stderr (default WARNING)"),
    ]
    for variable in project.variables:
        env_rows.append(
            (
                variable.env,
                (
                    f"server variable `{md_text(variable.name)}` "
                    f"(default `{md_text(variable.default)}`)"
                ),
            )
        )
    credentials: dict[str, str] = {}
    for scheme in project.schemes:
        for index, (role, name) in enumerate(scheme.env.items()):
            text = f"`{md_text(scheme.key)}`: {_role_text(scheme, role)}"
            if scheme.note and index == 0:
                text += f". {md_text(scheme.note)}"
            env_rows.append((name, text))
        if scheme.env:
            first = next(iter(scheme.env.values()))
            credentials.setdefault(first, f"<{_role_text(scheme, next(iter(scheme.env)))}>")
    env_example = {
        project.base_url_env: url or "https://api.example.com",
        **dict(list(credentials.items())[:2]),
    }
    tool_rows = [
        (t.name, md_text(f"{t.method} {t.path}", 120), md_text(t.title, 120)) for t in project.tools
    ]
    return {
        "command": project.distribution,
        "title": md_text(project.title, 120),
        "source": md_text(project.source, 200),
        "tool_count": len(project.tools),
        "discovery": project.tools_mode == "discovery",
        "search": project.search,
        "search_reason": SEARCH_REASONS[project.search],
        "mode": project.tools_mode,
        "mode_reason": md_text(project.tools_mode_reason),
        "budget": (
            f"{project.schema_budget:,} bytes each" if project.schema_budget else "no byte limit"
        ),
        "env_rows": env_rows,
        **client_configs(project.distribution, project.package, env_example),
        "tool_rows": tool_rows,
        "skipped_rows": [(md_text(op), md_text(reason)) for op, reason in project.skipped]
        + [
            (md_text(op), "skipped: deprecated (`--include-deprecated` keeps it)")
            for op in project.deprecated
        ],
    }
