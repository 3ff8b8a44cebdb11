"""YAML documents read fast: yaml-rs (a YAML 1.2 parser in Rust) where it reads exactly
what PyYAML with mcpgen's loader reads, and ``None`` (PyYAML then reads it) elsewhere.

PyYAML builds every value in Python, which takes seconds on a large document (1.4 s on
GitHub's 10 MB as YAML, against 0.25 s with yaml-rs). mcpgen's loader reads scalars as
yaml-rs does (``document._yaml_loader``), so the two differ only where yaml-rs is used
here not at all:

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

import math
import re
from typing import Any

_ANCHOR_OR_TAG = re.compile(
    r"(?:^[ \t]*(?:[-?][ \t]+)*|:[ \t]+|[\[{][ \t]*|,[ \t]+)"
    r"(?:&[^\s\[\]{},]+|![^\s\[\]{},]*)(?=\s|$)",
    re.MULTILINE,
)
"""An anchor (``&a``) or a tag (``!!str``, ``!x``) where a value (or key) may start: at a
line's start (after ``- `` or ``? ``), after ``: `` or in a flow collection, with a space or
the line's end after it (so not ``[!NOTE]``). Text inside strings may match too, which only
costs the slower reading. An alias needs an anchor: without one, both readers refuse it."""
_HINT = re.compile(r"&[^\s\[\]{},]|!")
"""Where ``_ANCHOR_OR_TAG`` may match: searched for first, as the full pattern is slow to
try at every place of a long text."""
_MARKER = re.compile(r"^(?:---|\.\.\.)(?=[ \t\r\n]|$)", re.MULTILINE)
_BEFORE_FIRST = re.compile(r"(?:[ \t]*(?:#[^\n]*|%[^\n]*)?\r?\n)*")
"""Blank lines, comments and directives: what may come before a document's ``---``."""
_TAB_INDENT = re.compile(r"^ *\t", re.MULTILINE)
_LONE_CR = re.compile(r"\r(?!\n)")
_BLOCK_HEADER = re.compile(r"(?:^|[\s:\-?\[{,])[|>][0-9+-]*[ \t]*(?:#[^\n]*)?\s*\Z")
_SCALARS = (str, int, float, bool, type(None))
_NOT_PLAIN_TEXT = re.compile(
    "[^\x09\x0a\x0d\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]"
)
"""What PyYAML refuses, and what it reads otherwise: U+0085 and U+2028/9 (line breaks to
it) and U+FEFF (a byte order mark, which it drops at the start)."""


def read(text: str, max_depth: int) -> tuple[Any] | None:
    """``(value,)`` of a YAML document, or None where PyYAML must read it (see above)."""
    if (
        not text.endswith("\n")
        or _BLOCK_HEADER.search(text[text.rstrip().rfind("\n") + 1 :])
        or _NOT_PLAIN_TEXT.search(text)
        or ("\t" in text and _TAB_INDENT.search(text))
        or ("\r" in text and _LONE_CR.search(text))
        or _anchors_or_tags(text)
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
            duplicate_key_policy=yaml_rs.DuplicateKeyPolicy.LastWins,
        )
    except Exception:  # noqa: BLE001 - whatever it refuses, PyYAML reads and locates
        return None
    return (value,) if _json_shaped(value, max_depth) else None


def _anchors_or_tags(text: str) -> bool:
    checked = 0
    for found in _HINT.finditer(text):
        if found.start() < checked:
            continue
        start = text.rfind("\n", 0, found.start()) + 1
        end = text.find("\n", found.end())
        checked = end = len(text) if end < 0 else end
        if _ANCHOR_OR_TAG.search(text, start, end):
            return True
    return False


def _several_documents(text: str) -> bool:
    """Whether the text has a document marker other than one leading ``---``."""
    markers = list(_MARKER.finditer(text))
    if not markers:
        return False
    first = markers[0]
    return (
        len(markers) > 1
        or first.group() != "---"
        or _BEFORE_FIRST.fullmatch(text, 0, first.start()) is None
    )


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
                if not all(type(k) is str or type(k) is int for k in node):
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
    return True
