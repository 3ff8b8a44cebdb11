"""YAML documents, read as OpenAPI means them (YAML 1.2, as JavaScript's YAML readers
read it): by yaml-rs (a YAML 1.2 parser in Rust) where it reads exactly what PyYAML with
mcpgen's loader reads, else by PyYAML, which also says where an error is.

PyYAML builds every value in Python, which takes seconds on a large document (1.4 s on
GitHub's 10 MB as YAML, against 0.25 s with yaml-rs). mcpgen's loader reads scalars as
yaml-rs does (``_yaml_loader``), so the two differ only where yaml-rs is not used:

- anchors and aliases (and so merge keys), explicit tags, and more than one document:
  PyYAML shares aliased values (and checks how far they expand, and loops) and refuses
  unknown tags;
- keys that are neither strings nor integers (PyYAML keeps a key's text: ``true:`` stays
  "true", ``1.50:`` stays "1.50"), values that JSON has no type for (NaN and infinity
  too), and nesting past the limit (PyYAML's reading says where, and refuses them);
- U+0085, U+2028 and U+2029, which YAML 1.1 (PyYAML) reads as line breaks and YAML 1.2
  as characters, and characters that YAML does not allow (control characters, U+FFFE),
  which PyYAML refuses, naming the line (yaml-rs stops reading at a NUL);
- a tab in a line's indentation (PyYAML refuses it; yaml-rs reads some), and a carriage
  return without a line feed (a line break that the checks here would not see);
- text that does not end with a line break, or whose last line starts a block scalar
  (yaml-rs ends a block scalar at the end of the text with a line break it does not
  have);
- text that yaml-rs refuses (PyYAML says where the error is, or reads it), and a machine
  without yaml-rs.

yaml-rs reads some text that PyYAML refuses (YAML 1.2 allows it): a tab after ``- ``, a
top-level block scalar's lines not indented, ``"\ud83d\ude00"`` (an escaped surrogate pair).
"""

from __future__ import annotations

import codecs
import json
import math
import re
from functools import cache
from typing import TYPE_CHECKING, Any

from ..diagnostics import MCPGenError, long_number_error
from .document import JSON, MAX_DEPTH, Notes, check_values

if TYPE_CHECKING:
    import yaml

_ANCHOR_ALIAS_OR_TAG = re.compile(
    r"(?:^[ \t]*(?:[-?][ \t]+)*|:[ \t]+|(?<=[\"']):|[\[{,][ \t]*)"
    r"(?:&[^\s\[\]{},]+|![^\s\[\]{},]*)(?=\s|$)"
    r"|(?:^[ \t]*(?:[-?][ \t]+)+|:[ \t]+|(?<=[\"']):|[\[{,][ \t]*)"
    r"\*(?!\*)[^\s\[\]{},]+(?=[\s\[\]{},]|$)",
    re.MULTILINE,
)
"""An anchor (``&a``) or a tag (``!!str``, ``!x``) where a value (or key) may start: at a
line's start (after ``- `` or ``? ``), after ``: `` (or ``:`` after a quoted key) or in a
flow collection (after ``[``, ``{`` or ``,``, with or without a space), with a space or the
line's end after it (so neither ``[!NOTE]`` in a description nor ``{&page}`` in a URL
template is one); or an alias (``*a``) in those places but a line's start (``*.o`` is a line
of text more often), with a space, a flow indicator or the line's end after it, and not
``**`` (Markdown's bold). Text inside strings may match too, which only costs the slower
reading. Aliases count as well as anchors: yaml-rs reads an alias inside its own anchor as
null, where PyYAML says the value contains itself."""
_MARKER = re.compile(r"(?:---|\.\.\.)(?=[ \t\r\n]|$)")
_MARKER_LINE = re.compile(r"\n(?:---|\.\.\.)(?=[ \t\r\n]|$)")
"""A document marker at a line's start: after a line feed (a pattern that starts with
one is found far faster than with ``^``), or at the text's start (``_MARKER``)."""
_BEFORE_FIRST = re.compile(r"(?:[ \t]*(?:#[^\n]*|%[^\n]*)?\r?\n)*")
"""Blank lines, comments and directives: what may come before a document's ``---``."""
_TAB_INDENT = re.compile(r"^ *\t", re.MULTILINE)
_LONE_CR = re.compile(r"\r(?!\n)")
_BLOCK_HEADER = re.compile(r"(?:^|[\s:\-?\[{,])[|>][0-9+-]*[ \t]*(?:#[^\n]*)?\s*\Z")
_SCALARS = (str, int, float, bool, type(None))
_PLAIN_BYTES = bytes([0x09, 0x0A, 0x0D, *range(0x20, 0x7F), *range(0x80, 0x100)])
_UNUSUAL = ("\u2028", "\u2029", "\ufeff", "\ufffe", "\uffff")
"""Besides control characters (C0, DEL and C1, U+0085 among them): what PyYAML refuses or
reads otherwise. U+0085 and U+2028/9 are line breaks to it, U+FEFF a byte order mark
(which it drops at the start), U+FFFE and U+FFFF not allowed."""
_UNUSUAL_UTF8 = tuple(mark.encode("utf-8") for mark in _UNUSUAL)


def read(text: str, origin: str, raw: bytes | None = None, notes: Notes | None = None) -> JSON:
    """The value of a YAML document (``raw``: its UTF-8 bytes, if at hand); errors name the
    line and column. A key written twice in one mapping (the last one counts, as YAML
    readers do) goes to ``notes``, located."""
    fast = read_fast(text, MAX_DEPTH, raw)
    return fast[0] if fast is not None else read_yaml(text, origin, notes)


def read_yaml(text: str, origin: str, notes: Notes | None = None) -> JSON:
    """YAML text to a JSON value with PyYAML (and ``_yaml_loader``); errors located; keys
    written twice in one mapping to ``notes``."""
    import yaml

    try:
        loader = _yaml_loader()(text)
        try:
            value = loader.get_single_data()
        finally:
            loader.dispose()
        if notes is not None:
            notes.extend(getattr(loader, "twice", ()))
        return check_values(value, origin)
    except ValueError as exc:  # a number longer than Python reads
        raise long_number_error(text, origin, exc) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f"{mark.line + 1}:{mark.column + 1}" if mark else ""
        raise MCPGenError(origin, where, f"invalid YAML: {exc.problem or exc}") from None
    except (yaml.YAMLError, RecursionError) as exc:
        raise MCPGenError(origin, "", f"invalid YAML: {exc}") from None


def read_fast(text: str, max_depth: int, raw: bytes | None = None) -> tuple[Any] | None:
    """``(value,)`` of a YAML document, or None where PyYAML must read it (see above).
    ``raw``: the text's UTF-8 bytes, if at hand (a byte order mark before them is fine)."""
    if (
        not text.endswith("\n")
        or _BLOCK_HEADER.search(text[text.rstrip().rfind("\n") + 1 :])
        or _unusual_characters(text if raw is None else raw.removeprefix(codecs.BOM_UTF8))
        or ("\t" in text and _TAB_INDENT.search(text))
        or ("\r" in text and _LONE_CR.search(text))
        or _anchors_aliases_or_tags(text)
        or _several_documents(text)
    ):
        return None
    try:
        import yaml_rs  # type: ignore[import-not-found, unused-ignore]
    except ImportError:
        return None
    try:
        value = yaml_rs.loads(
            text,
            parse_datetime=False,
            # A key written twice: PyYAML reads it as yaml-rs would, and says where.
            duplicate_key_policy=yaml_rs.DuplicateKeyPolicy.Error,
        )
    except Exception:  # noqa: BLE001 - whatever it refuses, PyYAML reads and locates
        return None
    return (value,) if _json_shaped(value, max_depth) else None


def _unusual_characters(text: str | bytes) -> bool:
    """Whether the text has a character of ``_UNUSUAL`` or a control character other than
    tab, line feed and carriage return (searched in its UTF-8 bytes: faster than a pattern
    over the text)."""
    data = text.encode("utf-8") if isinstance(text, str) else text
    if data.translate(None, _PLAIN_BYTES) or any(mark in data for mark in _UNUSUAL_UTF8):
        return True
    # C1 controls (U+0080 to U+009F) are 0xC2 and a byte from 0x80 to 0x9F.
    at = data.find(b"\xc2")
    while 0 <= at < len(data) - 1:
        if 0x80 <= data[at + 1] <= 0x9F:
            return True
        at = data.find(b"\xc2", at + 1)
    return False


def _anchors_aliases_or_tags(text: str) -> bool:
    """Whether an anchor, an alias or a tag may start somewhere: ``_ANCHOR_ALIAS_OR_TAG`` on
    each line with a ``&``, ``*`` or ``!`` (found with ``str.find``, far faster than a
    pattern over the whole text)."""
    checked: set[int] = set()
    for mark in ("&", "*", "!"):
        at = text.find(mark)
        while at >= 0:
            start = text.rfind("\n", 0, at) + 1
            end = text.find("\n", at)
            end = len(text) if end < 0 else end
            if start not in checked:
                checked.add(start)
                if _ANCHOR_ALIAS_OR_TAG.search(text, start, end):
                    return True
            at = text.find(mark, end)
    return False


def _several_documents(text: str) -> bool:
    """Whether the text has a document marker other than one leading ``---``."""
    at_start = _MARKER.match(text)
    markers = [(0, at_start.group())] if at_start else []
    markers += [(m.start() + 1, m.group()[1:]) for m in _MARKER_LINE.finditer(text)]
    if not markers:
        return False
    start, marker = markers[0]
    return len(markers) > 1 or marker != "---" or _BEFORE_FIRST.fullmatch(text, 0, start) is None


_BITS = 4096
"""Integers of this many bits or more (over 1,200 digits) are read by PyYAML, which says
where one is too long for Python to convert to text."""


def _json_shaped(value: Any, max_depth: int) -> bool:
    """Whether ``value`` is made of JSON's types, with string keys (integer keys become
    their decimal text, in place, as PyYAML reads ``200:``), no deeper than ``max_depth``."""
    stack: list[tuple[Any, int]] = [(value, 0)]
    while stack:
        node, depth = stack.pop()
        if depth > max_depth:
            return False
        children: Any
        if type(node) is dict:
            if not all(type(k) is str for k in node):
                if not all(
                    type(k) is str or (type(k) is int and k.bit_length() < _BITS) for k in node
                ):
                    return False
                items = [(k if type(k) is str else str(k), v) for k, v in node.items()]
                node.clear()
                node.update(items)
            children = node.values()
        elif type(node) is list:
            children = node
        else:
            continue
        for child in children:
            kind = type(child)
            if kind is dict or kind is list:
                stack.append((child, depth + 1))
            elif kind not in _SCALARS or (kind is float and not math.isfinite(child)):
                return False
            elif kind is int and child.bit_length() >= _BITS:
                return False  # more digits than Python converts to text: PyYAML says where
    return True


# -- PyYAML, reading YAML 1.2 as yaml-rs does -------------------------------


@cache
def _yaml_loader() -> type[yaml.SafeLoader]:
    # Imported on first use: most large documents are JSON.
    import yaml

    base: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class Loader(base):  # type: ignore[misc]
        """YAML as OpenAPI means it (YAML 1.2, as JavaScript's YAML readers and yaml-rs
        read it): booleans are only ``true``/``false``, numbers as ``_YAML12_INT`` and
        ``_YAML12_FLOAT`` say, dates stay strings, and keys stay their text (``yes:``,
        ``1.0:``), integers as their decimal digits (``200:``)."""

        def __init__(self, stream: str) -> None:
            super().__init__(stream)
            self.twice: list[tuple[str, str]] = []
            """Keys written twice in one mapping: (line:column of the second, message)."""

        def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[str, Any]:
            # Keys merged in (``<<: *base``) may be written again: only the mapping's own
            # keys written twice are noted.
            own = {id(k) for k, _ in node.value if k.tag != "tag:yaml.org,2002:merge"}
            self.flatten_mapping(node)
            mapping: dict[str, Any] = {}
            seen: dict[str, yaml.Node] = {}
            for key_node, value_node in node.value:
                if not isinstance(key_node, yaml.ScalarNode):
                    key = json.dumps(self.construct_object(key_node, deep=True))
                elif key_node.tag == _INT_TAG:
                    key = str(_yaml12_int(key_node.value))
                else:
                    key = key_node.value
                if id(key_node) in own:
                    first = seen.get(key)
                    if first is not None:
                        mark = key_node.start_mark
                        line = first.start_mark.line + 1
                        said = f"key {key!r} is written twice in this mapping (also at line "
                        said += f"{line}); the last one is used"
                        self.twice.append((f"{mark.line + 1}:{mark.column + 1}", said))
                    seen[key] = key_node
                mapping[key] = self.construct_object(value_node, deep=deep)
            return mapping

        def construct_yaml_int(self, node: yaml.ScalarNode) -> int:
            return _yaml12_int(self.construct_scalar(node))

        def construct_yaml_float(self, node: yaml.ScalarNode) -> float:
            return _yaml12_float(self.construct_scalar(node))

    resolvers = {
        first: [(tag, regexp) for tag, regexp in entries if tag not in _DROPPED_TAGS]
        for first, entries in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    Loader.yaml_implicit_resolvers = resolvers
    Loader.add_implicit_resolver(_BOOL_TAG, _YAML12_BOOL, list("tTfF"))
    Loader.add_implicit_resolver(_INT_TAG, _YAML12_INT, list("-+0123456789_"))
    Loader.add_implicit_resolver(_FLOAT_TAG, _YAML12_FLOAT, list("-+0123456789_."))
    Loader.add_constructor("tag:yaml.org,2002:map", Loader.construct_mapping)
    Loader.add_constructor(_INT_TAG, Loader.construct_yaml_int)
    Loader.add_constructor(_FLOAT_TAG, Loader.construct_yaml_float)
    return Loader


_BOOL_TAG = "tag:yaml.org,2002:bool"
_INT_TAG = "tag:yaml.org,2002:int"
_FLOAT_TAG = "tag:yaml.org,2002:float"
_DROPPED_TAGS = frozenset({_BOOL_TAG, _INT_TAG, _FLOAT_TAG, "tag:yaml.org,2002:timestamp"})
_YAML12_BOOL = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")
_YAML12_INT = re.compile(
    r"^[-+]?(?:0[xX][0-9a-fA-F_]*[0-9a-fA-F][0-9a-fA-F_]*|0[oO][0-7_]*[0-7][0-7_]*"
    r"|0[bB][01_]*[01][01_]*|[0-9_]*[0-9][0-9_]*)$"
)
"""Integers: decimal (leading zeros too: ``017`` is 17), ``0x``, ``0o`` and ``0b``, with
underscores between digits ignored; no sexagesimal ``12:30``, which stays a string."""
_YAML12_FLOAT = re.compile(
    r"^(?:[-+]?(?:[0-9_]*[0-9][0-9_]*(?:\.[0-9_]*)?|[0-9_]*\.[0-9_]*[0-9][0-9_]*)"
    r"(?:[eE][-+]?[0-9_]*[0-9][0-9_]*)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
)
"""Numbers with a fraction or an exponent (``1e3`` too), and infinities and NaN."""
_BASES = {"x": 16, "o": 8, "b": 2}


def _yaml12_int(text: str) -> int:
    digits = text.replace("_", "")
    sign = -1 if digits.startswith("-") else 1
    digits = digits.lstrip("+-")
    base = _BASES.get(digits[1:2].lower(), 10) if digits.startswith("0") else 10
    return sign * int(digits[2:] if base != 10 else digits, base)


def _yaml12_float(text: str) -> float:
    digits = text.replace("_", "").lower()
    if digits.lstrip("+-") in (".inf", ".nan"):
        return float(digits.replace(".", ""))
    return float(digits)
