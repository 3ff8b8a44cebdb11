"""Load an OpenAPI document: files or URLs, JSON or YAML, and ``$ref``s across files.

Every node is addressed by ``(uri, pointer)``, so a diagnostic can always name
the file and the JSON pointer it came from. ``$ref``s are followed only on
demand, and only where the caller asks (schemas, parameters, responses...),
never inside examples or ``x-`` extensions.

Where a reference may lead is restricted: local files only inside the root
document's directory tree, remote URLs only with ``allow_remote``, except that
a document loaded from a URL may reference files below its own URL directory.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any, NamedTuple
from urllib.parse import unquote, urldefrag, urljoin, urlparse

import yaml

from ..diagnostics import MCPGenError

JSON = Any
_REMOTE_SCHEMES = ("http", "https")
_FETCH_TIMEOUT = 30.0


class RefError(Exception):
    """A ``$ref`` that cannot be followed; carries where it was written."""

    def __init__(self, uri: str, pointer: str, message: str) -> None:
        super().__init__(message)
        self.uri = uri
        self.pointer = pointer
        self.message = message


def _yaml_loader() -> type[yaml.SafeLoader]:
    base: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class Loader(base):  # type: ignore[misc]
        """YAML as OpenAPI means it: keys stay strings (``200:``, ``yes:``), booleans are
        only ``true``/``false`` (YAML 1.2), and dates stay strings."""

        def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[str, Any]:
            self.flatten_mapping(node)
            mapping: dict[str, Any] = {}
            for key_node, value_node in node.value:
                if isinstance(key_node, yaml.ScalarNode):
                    key = key_node.value
                else:
                    key = json.dumps(self.construct_object(key_node, deep=True))
                mapping[key] = self.construct_object(value_node, deep=deep)
            return mapping

    resolvers = {
        first: [(tag, regexp) for tag, regexp in entries if tag not in _DROPPED_TAGS]
        for first, entries in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    Loader.yaml_implicit_resolvers = resolvers
    Loader.add_implicit_resolver(
        "tag:yaml.org,2002:bool",
        _YAML12_BOOL,
        list("tTfF"),
    )
    Loader.add_constructor("tag:yaml.org,2002:map", Loader.construct_mapping)
    return Loader


_DROPPED_TAGS = frozenset({"tag:yaml.org,2002:bool", "tag:yaml.org,2002:timestamp"})
_YAML12_BOOL = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")
_LOADER = _yaml_loader()


def parse_text(raw: bytes, origin: str) -> JSON:
    """JSON or YAML text to a JSON value; errors name the line and column."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise MCPGenError(origin, f"byte {exc.start}", "not UTF-8 text") from None
    stripped = text.lstrip()
    if stripped.startswith(("{", "[")):
        try:
            return json.loads(text)
        except json.JSONDecodeError as exc:
            if origin.endswith(".json"):
                raise MCPGenError(origin, f"{exc.lineno}:{exc.colno}", f"invalid JSON: {exc.msg}")
    try:
        return yaml.load(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f"{mark.line + 1}:{mark.column + 1}" if mark else ""
        raise MCPGenError(origin, where, f"invalid YAML: {exc.problem or exc}") from None
    except (yaml.YAMLError, RecursionError) as exc:
        raise MCPGenError(origin, "", f"invalid YAML: {exc}") from None


def as_list(value: Any) -> list[Any]:
    """``value`` when it is a list, else an empty list (tolerant reading of documents)."""
    return value if isinstance(value, list) else []


def as_dict(value: Any) -> dict[str, Any]:
    """``value`` when it is an object, else an empty one."""
    return value if isinstance(value, dict) else {}


def _is_remote(uri: str) -> bool:
    return urlparse(uri).scheme in _REMOTE_SCHEMES


def display_name(uri: str, root_dir: str) -> str:
    """A machine-independent name for a document: relative to the root's directory."""
    if _is_remote(uri):
        return uri
    path = Path(urlparse(uri).path if uri.startswith("file:") else uri)
    try:
        return str(path.relative_to(root_dir))
    except ValueError:
        return str(path)


class Ref(NamedTuple):
    """Where a node lives (a tuple: millions are made on large documents)."""

    uri: str
    pointer: str


class DocumentSet:
    """The root document and every document its ``$ref``s reach, loaded lazily."""

    def __init__(self, location: str, *, allow_remote: bool = False) -> None:
        self.allow_remote = allow_remote
        if _is_remote(location):
            self.root_uri = location
            self.root_dir = location.rsplit("/", 1)[0] + "/"
            self.origin = location
        else:
            path = Path(location)
            self.root_uri = str(path.resolve())
            self.root_dir = str(path.resolve().parent)
            self.origin = str(location)
        self._docs: dict[str, JSON] = {}
        self._targets: dict[tuple[str, str], Ref] = {}
        self._located: dict[Ref, tuple[JSON, Ref]] = {}
        self.root = self.load(self.root_uri, origin=self.origin)

    def name(self, uri: str) -> str:
        """How diagnostics name a document."""
        if uri == self.root_uri:
            return self.origin
        return display_name(uri, self.root_dir)

    def load(self, uri: str, origin: str | None = None) -> JSON:
        if uri in self._docs:
            return self._docs[uri]
        origin = origin or self.name(uri)
        if _is_remote(uri):
            raw = _fetch(uri, origin)
        else:
            try:
                raw = Path(uri).read_bytes()
            except FileNotFoundError:
                raise MCPGenError(origin, "", "file not found") from None
            except IsADirectoryError:
                raise MCPGenError(origin, "", "is a directory, expected a file") from None
            except OSError as exc:
                raise MCPGenError(origin, "", f"cannot read: {exc.strerror}") from None
        doc = parse_text(raw, origin)
        self._docs[uri] = doc
        return doc

    def target(self, ref: str, base: Ref) -> Ref:
        """Where ``ref`` (written in the document ``base.uri``) points; checks the rules."""
        key = (ref, base.uri)
        known = self._targets.get(key) if isinstance(ref, str) else None
        if known is None:
            known = self._target(ref, base)
            self._targets[key] = known
        return known

    def _target(self, ref: str, base: Ref) -> Ref:
        if not isinstance(ref, str):
            raise RefError(base.uri, base.pointer, "$ref is not a string")
        if ref.startswith("#/"):
            return Ref(base.uri, unquote(ref[1:]))
        address, fragment = urldefrag(ref)
        if not address:
            uri = base.uri
        elif _is_remote(base.uri) or _is_remote(address):
            uri = urljoin(base.uri, address)
            inside = uri.startswith(self.root_dir) and _is_remote(self.root_uri)
            if not (self.allow_remote or inside):
                raise RefError(
                    base.uri,
                    base.pointer,
                    f"$ref {ref!r} reaches a remote URL; pass --allow-remote-refs to follow it",
                )
        else:
            if urlparse(address).scheme not in ("", "file"):
                raise RefError(base.uri, base.pointer, f"$ref {ref!r}: unsupported URI scheme")
            relative = unquote(urlparse(address).path)
            uri = os.path.realpath(os.path.join(os.path.dirname(base.uri), relative))
            if os.path.commonpath([uri, os.path.realpath(self.root_dir)]) != os.path.realpath(
                self.root_dir
            ):
                raise RefError(
                    base.uri,
                    base.pointer,
                    f"$ref {ref!r} leaves the document's directory; refusing to read it",
                )
        pointer = unquote(fragment)
        if pointer and not pointer.startswith("/"):
            raise RefError(
                base.uri, base.pointer, f"$ref {ref!r}: only JSON pointers are supported"
            )
        return Ref(uri, pointer)

    def get(self, at: Ref, *, origin: Ref | None = None) -> JSON:
        """The node at ``at``; a bad file or pointer is a ``RefError`` at ``origin``."""
        return self.locate(at, origin=origin)[0]

    def locate(self, at: Ref, *, origin: Ref | None = None) -> tuple[JSON, Ref]:
        """The node at ``at`` and where it really is (a pointer may pass through a $ref)."""
        known = self._located.get(at)
        if known is None:
            known = self._locate(at, origin or at)
            self._located[at] = known
        return known

    def _locate(self, at: Ref, where: Ref) -> tuple[JSON, Ref]:
        try:
            node = self.load(at.uri)
        except MCPGenError as exc:
            raise RefError(where.uri, where.pointer, exc.diagnostic.message) from None
        uri, walked = at.uri, ""
        for depth, token in enumerate(at.pointer.split("/")[1:]):
            key = token.replace("~1", "/").replace("~0", "~")
            if isinstance(node, dict) and key not in node and "$ref" in node and depth < 64:
                # A pointer that walks through a reference follows it, as most tools do.
                node, landed = self.deref(node, Ref(uri, walked))
                uri, walked = landed.uri, landed.pointer
            if isinstance(node, dict) and key in node:
                node = node[key]
            elif isinstance(node, list) and key.isdigit() and int(key) < len(node):
                node = node[int(key)]
            else:
                raise RefError(
                    where.uri,
                    where.pointer,
                    f"$ref target {self.name(at.uri)}#{at.pointer} does not exist",
                )
            walked += "/" + token
        return node, Ref(uri, walked)

    def deref(self, node: JSON, at: Ref) -> tuple[JSON, Ref]:
        """Follow ``$ref`` chains (parameters, responses, bodies, path items)."""
        seen: set[Ref] = set()
        while isinstance(node, dict) and "$ref" in node:
            target = self.target(node["$ref"], at)
            if target in seen:
                raise RefError(at.uri, at.pointer, "$ref chain loops back on itself")
            seen.add(target)
            node, at = self.locate(target, origin=at)
        return node, at


def child(at: Ref, *keys: str | int) -> Ref:
    """The location of a child node."""
    pointer = at.pointer
    for key in keys:
        text = str(key)
        if "~" in text or "/" in text:
            text = text.replace("~", "~0").replace("/", "~1")
        pointer += "/" + text
    return Ref(at.uri, pointer)


def _fetch(url: str, origin: str) -> bytes:
    import httpx  # only documents given by URL need it

    try:
        response = httpx.get(url, timeout=_FETCH_TIMEOUT, follow_redirects=True)
    except httpx.HTTPError as exc:
        raise MCPGenError(origin, "", f"cannot fetch: {exc}") from None
    if response.status_code >= 400:
        raise MCPGenError(origin, "", f"cannot fetch: HTTP {response.status_code}")
    return response.content
