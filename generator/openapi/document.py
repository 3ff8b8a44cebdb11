"""Load an OpenAPI document: files or URLs, JSON or YAML, and ``$ref``s across files.

Every node is addressed by ``(uri, pointer)``, so a diagnostic can always name
the file and the JSON pointer it came from. ``$ref``s are followed only on
demand, and only where the caller asks (schemas, parameters, responses...),
never inside examples or ``x-`` extensions.

Where a reference may lead is restricted:
- a local document reads local files only below its reference root (``ref_root``:
  by default the nearest folder above it that holds a ``package.json``,
  ``pyproject.toml``, ``setup.py``, ``.git`` or ``.hg``, else its own folder), so
  that multi-file layouts (``../../components/x.yaml``) work; symbolic links are
  resolved first, and only regular files are opened (never FIFOs or devices);
- ``file:`` URLs and absolute paths in a ``$ref`` need ``allow_file_refs`` (and stay
  below the root);
- a document loaded from a URL never reads local files, and reads other URLs only
  below its own URL directory, on its own origin;
- anything else remote needs ``allow_remote``; a redirect to another origin is
  followed only with it.

Documents are checked as they load: a YAML alias that expands to a huge value, a
value that contains itself, nesting deeper than ``MAX_DEPTH`` and lone surrogates
are one-line errors, never a hang, a traceback or unbounded memory.
"""

from __future__ import annotations

import codecs
import json
import math
import os
import re
import stat
from pathlib import Path
from typing import Any, NamedTuple
from urllib.parse import unquote, urldefrag, urljoin, urlparse

from ..diagnostics import MCPGenError, long_number_error

JSON = Any
_REMOTE_SCHEMES = ("http", "https")
_FETCH_TIMEOUT = 30.0
_MAX_REDIRECTS = 10
MAX_DEPTH = 200
"""Deepest nesting of a document's values."""
MAX_EXPANDED = 20_000_000
"""Most values a document may hold once YAML aliases are expanded."""
_SURROGATE = re.compile(r"\\u[dD][89a-fA-F]")
_ROOT_MARKERS = ("package.json", "pyproject.toml", "setup.py", ".git", ".hg")


class RefError(Exception):
    """A ``$ref`` that cannot be followed; carries where it was written."""

    def __init__(self, uri: str, pointer: str, message: str) -> None:
        super().__init__(message)
        self.uri = uri
        self.pointer = pointer
        self.message = message


Notes = list[tuple[str, str]]
"""What a reader noticed and read past, as (line:column, message): a YAML key written twice."""


def parse_text(raw: bytes, origin: str, notes: Notes | None = None) -> JSON:
    """JSON or YAML text to a JSON value; errors name the line and column. ``notes`` gets
    what YAML text has that a reader reads past (a key written twice in one mapping)."""
    fast = _fast_json(raw)
    if fast is not None:
        return fast[0]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise MCPGenError(origin, f"byte {exc.start}", "not UTF-8 text") from None
    stripped = text.lstrip()
    if stripped.startswith(("{", "[")):
        try:
            constants: list[str] = []
            value = json.loads(text, parse_constant=lambda name: _constant(name, constants))
            # JSON has no aliases, and json refuses deeper nesting than recursion allows:
            # only escaped surrogates and NaN or Infinity need the full walk.
            return check_values(value, origin) if constants or _SURROGATE.search(text) else value
        except json.JSONDecodeError as exc:
            if origin.endswith(".json"):
                raise MCPGenError(origin, f"{exc.lineno}:{exc.colno}", f"invalid JSON: {exc.msg}")
        except ValueError as exc:  # a number longer than Python reads
            raise long_number_error(text, origin, exc) from None
        except RecursionError:
            raise MCPGenError(origin, "", f"nested deeper than {MAX_DEPTH} levels") from None
    from . import yamlread  # on first use: most large documents are JSON

    return yamlread.read(text, origin, raw, notes)


def _fast_json(raw: bytes) -> tuple[JSON] | None:
    """The value of a JSON document, parsed by orjson: straight from the bytes (no decoded
    copy of the text, which for a large document with one emoji takes four bytes a
    character) and about twice as fast. None where orjson would not give exactly what
    json gives (integers past 64 bits become floats in orjson) or refuses the text (NaN,
    lone surrogates, deep nesting, bad syntax): json then parses it, errors located."""
    body = memoryview(raw)[len(codecs.BOM_UTF8) :] if raw.startswith(codecs.BOM_UTF8) else raw
    head = bytes(body[:64])
    start = len(head) - len(head.lstrip())
    if start >= len(head) or head[start] not in b"{[":
        return None
    if _long_number(raw):
        return None
    import orjson

    try:
        return (orjson.loads(body),)
    except orjson.JSONDecodeError:
        return None


_DIGITS = bytes(48 if 48 <= i <= 57 else 45 if i == 45 else 32 for i in range(256))
"""Each digit as ``0``, ``-`` as itself, anything else a space: long numbers stand out."""


def _long_number(raw: bytes, chunk: int = 1 << 20) -> bool:
    """Whether ``raw`` has a run of 20 digits, or a minus sign and 19 (anywhere, strings
    included: such a text only takes the slower parser)."""
    for at in range(0, len(raw), chunk):
        piece = raw[max(at - 20, 0) : at + chunk].translate(_DIGITS)
        if b"0" * 20 in piece or b"-" + b"0" * 19 in piece:
            return True
    return False


def _constant(name: str, found: list[str]) -> float:
    """json's reading of ``NaN`` and ``Infinity``, noted (``check_values`` refuses them)."""
    found.append(name)
    return float(name)


def check_values(value: JSON, origin: str) -> JSON:
    """``value`` when it is a sane document; else a one-line error: nesting deeper than
    ``MAX_DEPTH``, more than ``MAX_EXPANDED`` values once shared (aliased) parts are
    counted where they are used, a value that contains itself, a lone surrogate, or NaN or
    infinity (which JSON cannot write: a generated server would send them to clients as
    text no JSON reader takes)."""
    counts: dict[int, int] = {}
    # Iterative post-order walk; containers are counted once, by identity.
    stack: list[tuple[Any, int, str, bool]] = [(value, 0, "", False)]
    open_ids: set[int] = set()
    while stack:
        node, depth, pointer, done = stack.pop()
        if isinstance(node, str):
            _check_text(node, origin, pointer)
            continue
        if isinstance(node, float) and not math.isfinite(node):
            raise MCPGenError(origin, pointer or "/", "NaN and infinity are no JSON numbers")
        if not isinstance(node, (dict, list)):
            continue
        key = id(node)
        if done:
            open_ids.discard(key)
            items = node.values() if isinstance(node, dict) else node
            total = 1 + sum(
                counts.get(id(v), 1) if isinstance(v, (dict, list)) else 1 for v in items
            )
            counts[key] = total
            if total > MAX_EXPANDED:
                raise MCPGenError(
                    origin,
                    pointer or "/",
                    f"expands to more than {MAX_EXPANDED:,} values (YAML aliases?)",
                )
            continue
        if key in open_ids:
            raise MCPGenError(origin, pointer or "/", "a value contains itself (a YAML alias loop)")
        if key in counts:
            continue
        if depth > MAX_DEPTH:
            raise MCPGenError(origin, pointer or "/", f"nested deeper than {MAX_DEPTH} levels")
        open_ids.add(key)
        stack.append((node, depth, pointer, True))
        if isinstance(node, dict):
            for k, v in node.items():
                _check_text(k, origin, pointer)
                escaped = k.replace("~", "~0").replace("/", "~1") if isinstance(k, str) else k
                stack.append((v, depth + 1, f"{pointer}/{escaped}", False))
        else:
            for i, v in enumerate(node):
                stack.append((v, depth + 1, f"{pointer}/{i}", False))
    return value


def _check_text(text: Any, origin: str, pointer: str) -> None:
    if isinstance(text, str) and not text.isascii():
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            raise MCPGenError(
                origin, pointer or "/", "contains a lone surrogate (not valid Unicode)"
            ) from None


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


def default_ref_root(document: Path) -> Path:
    """The nearest folder above ``document`` that holds a project marker (``package.json``,
    ``pyproject.toml``, ``setup.py``, ``.git``, ``.hg``), else the document's folder."""
    folder = document.parent
    for candidate in (folder, *folder.parents):
        if any((candidate / marker).exists() for marker in _ROOT_MARKERS):
            return candidate
    return folder


def _url_directory(url: str) -> str:
    """``scheme://host[:port]/dir/`` of a URL (``scheme://host/`` for an empty path)."""
    parts = urlparse(url)
    directory = parts.path.rsplit("/", 1)[0] if "/" in parts.path else ""
    return f"{parts.scheme}://{parts.netloc}{directory}/"


def _same_origin(a: str, b: str) -> bool:
    pa, pb = urlparse(a), urlparse(b)
    return (pa.scheme, pa.hostname, pa.port) == (pb.scheme, pb.hostname, pb.port)


class DocumentSet:
    """The root document and every document its ``$ref``s reach, loaded lazily."""

    def __init__(
        self,
        location: str,
        *,
        allow_remote: bool = False,
        ref_root: str | None = None,
        allow_file_refs: bool = False,
    ) -> None:
        self.allow_remote = allow_remote
        self.allow_file_refs = allow_file_refs
        if _is_remote(location):
            self.root_uri = location
            self.root_dir = _url_directory(location)
            self.ref_root = ""
            self.origin = location
        else:
            path = Path(location)
            self.root_uri = str(path.resolve())
            self.root_dir = str(path.resolve().parent)
            root = Path(ref_root) if ref_root else default_ref_root(path.resolve())
            self.ref_root = os.path.realpath(root)
            self.origin = str(location)
        self._docs: dict[str, JSON] = {}
        self.notes: list[tuple[str, str, str]] = []
        """What the readers noticed, as (document uri, line:column, message)."""
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
            raw = _fetch(uri, origin, self.allow_remote)
        else:
            raw = _read_file(uri, origin)
        notes: Notes = []
        doc = parse_text(raw, origin, notes)
        self.notes.extend((uri, where, message) for where, message in notes)
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
        if ref.startswith("#/") or ref == "#":
            return Ref(base.uri, unquote(ref[1:]))
        address, fragment = urldefrag(ref)
        if not address:
            uri = base.uri
        elif _is_remote(base.uri):
            # A document from a URL reads URLs only, never local files.
            uri = urljoin(base.uri, address)
            if not _is_remote(uri):
                raise RefError(
                    base.uri, base.pointer, f"$ref {ref!r}: a remote document reads no local files"
                )
            inside = uri.startswith(self.root_dir) and _same_origin(uri, self.root_dir)
            if not (self.allow_remote or inside):
                raise RefError(
                    base.uri,
                    base.pointer,
                    f"$ref {ref!r} reaches a URL outside the document's own directory; "
                    "pass --allow-remote-refs to follow it",
                )
        elif _is_remote(address):
            if not self.allow_remote:
                raise RefError(
                    base.uri,
                    base.pointer,
                    f"$ref {ref!r} reaches a remote URL; pass --allow-remote-refs to follow it",
                )
            uri = address
        else:
            scheme = urlparse(address).scheme
            if scheme not in ("", "file"):
                raise RefError(base.uri, base.pointer, f"$ref {ref!r}: unsupported URI scheme")
            relative = unquote(urlparse(address).path)
            if "\x00" in relative:
                raise RefError(base.uri, base.pointer, f"$ref {ref!r}: not a valid path")
            if (scheme == "file" or os.path.isabs(relative)) and not self.allow_file_refs:
                raise RefError(
                    base.uri,
                    base.pointer,
                    f"$ref {ref!r} is an absolute path or file: URL; pass --allow-file-refs "
                    "to follow it",
                )
            uri = os.path.realpath(os.path.join(os.path.dirname(base.uri), relative))
            if os.path.commonpath([uri, self.ref_root]) != self.ref_root:
                raise RefError(
                    base.uri,
                    base.pointer,
                    f"$ref {ref!r} leaves {self._root_name()}; refusing to read it "
                    "(--ref-root widens it)",
                )
        pointer = unquote(fragment)
        if pointer and not pointer.startswith("/"):
            raise RefError(
                base.uri, base.pointer, f"$ref {ref!r}: only JSON pointers are supported"
            )
        return Ref(uri, pointer)

    def _root_name(self) -> str:
        relative = os.path.relpath(self.ref_root, os.path.realpath(self.root_dir))
        if relative == ".":
            return "the document's folder"
        return f"the reference root ({relative} from the document)"

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
            message = f"$ref target {self.name(at.uri)}: {exc.diagnostic.message}"
            raise RefError(where.uri, where.pointer, message) from None
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
    pointer = at[1]
    for key in keys:
        text = key if type(key) is str else str(key)
        if "~" in text or "/" in text:
            text = text.replace("~", "~0").replace("/", "~1")
        pointer += "/" + text
    # Made as a tuple, without the named tuple's Python-level ``__new__``: schemas make
    # hundreds of thousands of locations.
    return _new_ref(Ref, (at[0], pointer))


_new_ref = tuple.__new__


def _read_file(path: str, origin: str) -> bytes:
    """A regular file's bytes (never a FIFO, a device or a directory)."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise MCPGenError(origin, "", "file not found") from None
    except OSError as exc:
        raise MCPGenError(origin, "", f"cannot read: {exc.strerror}") from None
    if stat.S_ISDIR(info.st_mode):
        raise MCPGenError(origin, "", "is a directory, expected a file")
    if not stat.S_ISREG(info.st_mode):
        raise MCPGenError(origin, "", "is not a regular file; refusing to read it")
    try:
        with open(path, "rb", opener=_no_block) as handle:
            return handle.read()
    except OSError as exc:
        raise MCPGenError(origin, "", f"cannot read: {exc.strerror}") from None


def _no_block(path: str, flags: int) -> int:
    # Even if the file was swapped for a FIFO after the check, opening does not hang.
    return os.open(path, flags | getattr(os, "O_NONBLOCK", 0))


def _fetch(url: str, origin: str, allow_other_origins: bool = False) -> bytes:
    """A URL's bytes; a redirect to another origin is followed only when allowed."""
    import httpx  # only documents given by URL need it

    current = url
    try:
        with httpx.Client(timeout=_FETCH_TIMEOUT, follow_redirects=False) as client:
            for _ in range(_MAX_REDIRECTS + 1):
                response = client.get(current)
                following = response.next_request
                if following is None:
                    break
                target = str(following.url)
                if not (allow_other_origins or _same_origin(target, url)):
                    raise MCPGenError(
                        origin,
                        "",
                        f"redirected to another origin ({target}); pass --allow-remote-refs "
                        "to follow it",
                    )
                current = target
            else:
                raise MCPGenError(origin, "", "too many redirects")
    except httpx.HTTPError as exc:
        raise MCPGenError(origin, "", f"cannot fetch: {exc}") from None
    if response.status_code >= 400:
        raise MCPGenError(origin, "", f"cannot fetch: HTTP {response.status_code}")
    return response.content
