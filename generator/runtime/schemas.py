"""Tool schemas on the wire, from the shared definitions in ``operations.json``.

``operations.json`` keeps every schema definition of the API once (``$defs``)
and each tool's ``inputSchema``/``outputSchema`` in reference form:
``{"$ref": "#/$defs/Name", ...}``, where keys beside the ``$ref`` are merged
over the definition. What a client sees is made from that here:

1. Inlined: every reference to a definition that is not on a reference cycle
   is replaced by the definition; definitions on a cycle stay references into
   the tool's own ``$defs``. Below the byte budget this is the whole schema.
2. Shared: over the budget, definitions the schema would repeat also go to the
   tool's ``$defs`` and are referenced, so nothing is written twice.
3. Summarised: still over the budget, levels below a depth become their type
   and description, with a note saying where the full shape is; the depth is
   the largest that fits.

Arguments are always validated against the complete schema
(``validation_schema``), never the summary. Definitions are expanded once and
shared between tools, so memory does not grow with how often they are used;
sizes are computed from the shared parts without serialising anything large.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from .schemanodes import (
    MAX_NESTING,
    NESTED,
    PREFIX,
    SCHEMA_LISTS,
    SCHEMA_MAPS,
    SCHEMA_SINGLE,
    map_children,
    nested_deeper,
    ref_name,
    references,
)

_ESCAPED = re.compile(r'["\\\x00-\x1f]')
DEFAULT_BUDGET = 16_000
"""Bytes of compact JSON a tool's inputSchema or outputSchema may take on the wire."""
_SUMMARY_KEYS = ("type", "format", "const", "enum", "default", "nullable")
_MAX_SUMMARY_ENUM = 400
_MAX_SUMMARY_DESCRIPTION = 300
_NESTING = MAX_NESTING - 10
"""How deep a tool's schema may nest: a message's own levels (the tool list, the tool, the
schema's key) come on top, within ``MAX_NESTING``."""
MAX_DEPTH = 8
"""The deepest a summarised schema goes before its budget stops it."""


class Sizes:
    """Bytes of compact UTF-8 JSON, memoised for shared objects."""

    def __init__(self) -> None:
        # Keyed by id(); the value keeps the object alive so that its id is never reused.
        self._known: dict[int, tuple[Any, int]] = {}

    def __call__(self, value: Any) -> int:
        if isinstance(value, dict):
            known = self._known.get(id(value))
            if known is not None:
                return known[1]
            total = 1 + len(value) + sum(_text(k) + 1 + self(v) for k, v in value.items())
            total = max(total, 2)
        elif isinstance(value, list):
            known = self._known.get(id(value))
            if known is not None:
                return known[1]
            total = max(1 + len(value) + sum(self(v) for v in value), 2)
        elif isinstance(value, str):
            return _text(value)
        else:
            return len(json.dumps(value))
        self._known[id(value)] = (value, total)
        return total


@lru_cache(maxsize=1 << 16)
def _text(text: str) -> int:
    """Bytes of a JSON string literal (compact, UTF-8, as ``json.dumps`` writes it)."""
    if _ESCAPED.search(text):
        return len(json.dumps(text, ensure_ascii=False).encode("utf-8"))
    return (len(text) if text.isascii() else len(text.encode("utf-8"))) + 2


_Memo = dict[str, tuple[Any, frozenset[str]]]


class Definitions:
    """The shared definitions of one API and the expansions made from them."""

    def __init__(
        self,
        defs: Mapping[str, Any],
        recursive: frozenset[str] = frozenset(),
        *,
        inline: bool = True,
    ) -> None:
        self.defs = defs
        self.recursive = recursive
        self.inline = inline
        self.size = Sizes()
        self._expanded: dict[str, tuple[Any, frozenset[str]]] = {}
        self._uses: dict[str, dict[str, int]] = {}
        self._expanding: set[str] = set()

    # -- 1. inlined ----------------------------------------------------------

    def expand(
        self, node: Any, keep: frozenset[str] = frozenset(), memo: _Memo | None = None
    ) -> tuple[Any, set[str]]:
        """``node`` with references inlined, except to recursive definitions and ``keep``;
        returns it and the definitions it still refers to. Each definition is expanded once
        per ``keep`` (``memo``), and shared wherever it is used."""
        needs: set[str] = set()
        if memo is None:
            memo = self._expanded if not keep else {}
        return self._expand(node, keep, needs, memo), needs

    def _expand(self, node: Any, keep: frozenset[str], needs: set[str], memo: _Memo) -> Any:
        if not isinstance(node, dict):
            return node
        name = ref_name(node)
        if name is None:
            return map_children(node, lambda sub: self._expand(sub, keep, needs, memo))
        result: Any
        if name not in self.defs:
            result = {"$ref": node["$ref"]}
        elif not self.inline or name in self.recursive or name in keep:
            result = {"$ref": node["$ref"]}
            needs.add(name)
        else:
            result = self._definition(name, keep, needs, memo)
        extra = {k: v for k, v in node.items() if k != "$ref"}
        if extra and isinstance(result, dict):
            result = {**result, **self._expand(extra, keep, needs, memo)}
        return result

    def _definition(self, name: str, keep: frozenset[str], needs: set[str], memo: _Memo) -> Any:
        cached = memo.get(name)
        if cached is None:
            if name in self._expanding:
                # A cycle the generator did not mark: it stays a reference, never inlined.
                needs.add(name)
                return {"$ref": PREFIX + name}
            self._expanding.add(name)
            try:
                more: set[str] = set()
                cached = (self._expand(self.defs[name], keep, more, memo), frozenset(more))
            finally:
                self._expanding.discard(name)
            memo[name] = cached
        needs.update(cached[1])
        return cached[0]

    def with_defs(
        self,
        schema: Any,
        needs: set[str],
        keep: frozenset[str] = frozenset(),
        memo: _Memo | None = None,
    ) -> Any:
        """``schema`` with the ``$defs`` its remaining references need, sorted by name."""
        if not needs or not isinstance(schema, dict):
            return schema
        if memo is None:
            memo = self._expanded if not keep else {}
        bodies: dict[str, Any] = {}
        pending = sorted(needs)
        while pending:
            name = pending.pop()
            if name in bodies:
                continue
            more: set[str] = set()
            if keep or not self.inline:
                # The body itself, not a reference to it (which is what the name's memo holds
                # when the name is kept).
                bodies[name] = self._expand(self.defs[name], keep, more, memo)
            else:
                bodies[name] = self._definition(name, keep, more, memo)
            pending.extend(sorted(m for m in more if m not in bodies))
        return {**schema, "$defs": dict(sorted(bodies.items()))}

    def full(self, schema: Any) -> Any:
        """The whole schema: inlined, recursive definitions in its own ``$defs``."""
        expanded, needs = self.expand(schema)
        return self.with_defs(expanded, needs)

    # -- 2. shared -----------------------------------------------------------

    def shared(self, schema: Any) -> Any:
        """The whole schema with every definition used more than once in its own ``$defs``."""
        counts: dict[str, int] = {}
        for name, count in references(schema).items():
            counts[name] = counts.get(name, 0) + count
        seen: set[str] = set()
        pending = list(counts)
        while pending:
            name = pending.pop()
            if name in seen or name not in self.defs:
                continue
            seen.add(name)
            for inner, count in self._uses_of(name).items():
                counts[inner] = counts.get(inner, 0) + count
                pending.append(inner)
        keep = frozenset(name for name, count in counts.items() if count > 1)
        memo: _Memo = {}
        expanded, needs = self.expand(schema, keep, memo)
        return self.with_defs(expanded, needs, keep, memo)

    def _closure_size(self, schema: Any) -> int:
        """About the least the shared form can take: every definition the schema reaches,
        once, as stored (cheap: stored definitions are measured once)."""
        total = self.size(schema)
        seen: set[str] = set()
        pending = list(references(schema))
        while pending:
            name = pending.pop()
            if name in seen or name not in self.defs:
                continue
            seen.add(name)
            # Inlined where it is used once, a definition saves its reference and its key.
            total += self.size(self.defs[name]) - 2 * _text(name) - 24
            pending.extend(self._uses_of(name))
        return total

    def _uses_of(self, name: str) -> dict[str, int]:
        uses = self._uses.get(name)
        if uses is None:
            uses = self._uses[name] = references(self.defs[name])
        return uses

    # -- 3. summarised ---------------------------------------------------------

    def summarised(
        self,
        schema: Any,
        depth: int,
        note: str,
        descriptions: bool = True,
        limit: int | None = None,
    ) -> Any:
        """The inlined schema down to ``depth`` levels of nesting; deeper schemas become
        their type and description, and ``note`` says where the rest is. Building stops
        (``Overflow``) as soon as it passes ``limit`` bytes, however wide the schema."""
        expanded, _ = self.expand(schema)
        meter = _Meter(self.size, limit)
        return meter.cut(self.resolve(expanded), depth, note, descriptions, self)

    def resolve(self, node: Any) -> Any:
        """A recursive definition's reference replaced by the definition (one level)."""
        seen = 0
        while isinstance(node, dict) and (name := ref_name(node)) in self.defs and seen < 50:
            target = self._definition(str(name), frozenset(), set(), self._expanded)
            extra = {k: v for k, v in node.items() if k != "$ref"}
            node = {**target, **extra} if isinstance(target, dict) else target
            seen += 1
        return node

    # -- choosing -------------------------------------------------------------

    def wire(self, schema: Any, budget: int, note: str) -> Any:
        """What a client is sent: the first of inlined, shared, summarised that fits."""
        return self.fitted(schema, budget, note)[1]

    def fitted(
        self, schema: Any, budget: int, note: str, form: str | None = None
    ) -> tuple[str, Any]:
        """The form ``wire`` chooses (``full``, ``shared``, ``summarised:<depth>``,
        ``summarised:<depth>:bare`` or ``type``) and the schema in it. ``form``, the choice
        made earlier for the same schema and budget, skips the trying: the result is the
        same, at the cost of building one form instead of up to a dozen."""
        if form is not None:
            made = self.made(schema, form, note)
            if made is not None:
                return form, made
        full = self.full(schema)
        # A schema nested deeper than a message may carry is summarised, whatever its size.
        if (budget <= 0 or self.size(full) <= budget) and not nested_deeper(full, _NESTING):
            return "full", full
        if self._closure_size(schema) <= budget:
            shared = self.shared(schema)
            if self.size(shared) <= budget and not nested_deeper(shared, _NESTING):
                return "shared", shared
        best: tuple[str, Any] | None = None
        for depth in range(1, MAX_DEPTH + 1):
            try:
                candidate = self.summarised(schema, depth, note, limit=budget)
            except Overflow:
                break
            if self.size(candidate) > budget:
                break
            best = f"summarised:{depth}", candidate
        if best is not None:
            return best
        for descriptions, depth in ((False, 1), (False, 0)):
            try:
                candidate = self.summarised(schema, depth, note, descriptions, limit=budget)
            except Overflow:
                continue
            if self.size(candidate) <= budget:
                return f"summarised:{depth}:bare", candidate
        return "type", self._top(schema, note)

    def made(self, schema: Any, form: str, note: str) -> Any | None:
        """``schema`` in the named form (see ``fitted``); None for a name it doesn't know."""
        if form == "full":
            return self.full(schema)
        if form == "shared":
            return self.shared(schema)
        if form == "type":
            return self._top(schema, note)
        kind, _, rest = form.partition(":")
        depth, _, bare = rest.partition(":")
        if kind != "summarised" or not depth.isdigit() or bare not in ("", "bare"):
            return None
        return self.summarised(schema, int(depth), note, descriptions=not bare)

    def _top(self, schema: Any, note: str) -> Any:
        # Not even the top level's property names fit: the type alone, and the note.
        top = self.resolve(self.expand(schema)[0])
        return summary(top, note, False) if isinstance(top, dict) else {}

    def validation_schema(self, schema: Any) -> Any:
        """The complete schema, for validating: references resolve into every definition."""
        if not isinstance(schema, dict) or not self.defs:
            return schema
        return {**schema, "$defs": self.defs}


class Overflow(Exception):
    """A summary grew past its limit while it was being built."""


class _Meter:
    """Builds a summarised schema, adding up its size as it goes."""

    def __init__(self, size: Sizes, limit: int | None) -> None:
        self.size = size
        self.limit = limit
        self.total = 0

    def _add(self, amount: int) -> None:
        self.total += amount
        if self.limit is not None and self.total > self.limit:
            raise Overflow

    def cut(self, node: Any, depth: int, note: str, descriptions: bool, defs: Definitions) -> Any:
        if not isinstance(node, dict):
            self._add(self.size(node))
            return node
        node = defs.resolve(node)
        if not isinstance(node, dict):
            self._add(self.size(node))
            return node
        if depth <= 0:
            out = summary(node, note, descriptions)
            self._add(self.size(out))
            return out
        self._add(2)
        result: dict[str, Any] = {}
        for key, value in node.items():
            self._add(_text(key) + 2)
            if key in SCHEMA_MAPS and isinstance(value, dict):
                self._add(2)
                inner: dict[str, Any] = {}
                for name, sub in value.items():
                    self._add(_text(name) + 2)
                    inner[name] = self.cut(sub, depth - 1, note, descriptions, defs)
                result[key] = inner
            elif key in SCHEMA_LISTS and isinstance(value, list):
                self._add(2)
                result[key] = [self.cut(sub, depth - 1, note, descriptions, defs) for sub in value]
            elif key in SCHEMA_SINGLE:
                result[key] = self.cut(value, depth - 1, note, descriptions, defs)
            else:
                self._add(self.size(value))
                result[key] = value
        return result


def summary(node: Mapping[str, Any], note: str, descriptions: bool = True) -> dict[str, Any]:
    """A schema as its type, format, small enum, default and description, plus ``note``
    when it had a nested shape."""
    out: dict[str, Any] = {}
    for key in _SUMMARY_KEYS:
        if key in node and (key != "enum" or len(json.dumps(node[key])) <= _MAX_SUMMARY_ENUM):
            out[key] = node[key]
    if "type" not in out:
        for key in ("anyOf", "oneOf", "allOf"):
            types = {
                part.get("type")
                for part in node.get(key) or []
                if isinstance(part, dict) and isinstance(part.get("type"), str)
            }
            if types:
                out["type"] = sorted(t for t in types if t)
                break
    nested = any(key in node for key in NESTED)
    text = node.get("description") if descriptions else None
    if isinstance(text, str) and text:
        if len(text) > _MAX_SUMMARY_DESCRIPTION:
            text = text[: _MAX_SUMMARY_DESCRIPTION - 1].rstrip() + "…"
        out["description"] = f"{text} ({note})" if nested and note else text
    elif nested and note:
        out["description"] = note
    return out
