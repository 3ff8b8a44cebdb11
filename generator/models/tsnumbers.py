"""Which ``integer`` in an upstream MCP ``schema.json`` means any number.

Upstream generates each ``schema.json`` from its ``schema.ts`` with
``typescript-json-schema --defaultNumberType integer``: every TypeScript
``number`` becomes ``integer`` unless its declaration says ``@TJS-type number``
(``progress``, ``temperature``, ``priority``... do). That tag applies to a
whole declaration, so a ``number`` that is one member of a union of JSON
values (``string | number | boolean``) cannot carry it and always comes out
as ``integer``, although the value is whatever a user or tool sent: the
defect behind 2026-07-28's ``JSONValue`` and the form content of
``ElicitResult`` (2025-06-18 on).

This module lines the two files up: for every node of ``schema.json`` whose
``type`` says ``integer`` it finds the TypeScript declaration the node was
generated from and classifies it:

``value``
    ``number`` beside ``string`` and ``boolean`` in a union: a JSON value.
    Any number is valid; the JSON should say ``number``.
``annotated``
    the declaration carries ``@TJS-type number``, yet the JSON says
    ``integer``. The JSON should say ``number``.
``count``
    a lone ``number`` (or ``number | null``) without ``@TJS-type number``:
    sizes, token counts, milliseconds, error codes. Upstream marks the
    fractional fields of the same file, so ``integer`` is what it meant.
``id``
    ``string | number``: JSON-RPC ids and progress tokens, whose numbers
    "SHOULD NOT contain fractional parts" (JSON-RPC 2.0) and which both
    official SDKs type as integers.
``const``
    ``typeof SOME_CODE``: a fixed error code.

Anything else is reported as an error, so a new shape gets a human decision.

``generator/models/patches.py`` corrects the ``value`` nodes by their shape
in ``schema.json`` (a ``type`` list of ``string``, ``integer``, ``boolean``).
The table this module derives is recorded in
``tests/cases/models/integer_fields.json``; the tests re-derive it when the
``schema.ts`` files are at hand, and check that the patch changes exactly the
recorded ``value``/``annotated`` nodes, so a new one (there is no
``annotated`` node today) fails until a patch covers it.

Run ``python -m mcpgen.models.tsnumbers SPEC_DIR`` to print the table,
``--write FILE`` to record it, ``--check FILE`` to compare.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from ..diagnostics import json_pointer

Kind = Literal["value", "annotated", "count", "id", "const"]
MEANS_NUMBER: frozenset[str] = frozenset({"value", "annotated"})


class TSCompareError(Exception):
    """The TypeScript and the JSON schema do not line up: one line, file and pointer."""


@dataclass(frozen=True)
class IntegerField:
    """One ``integer`` of ``schema.json`` and what ``schema.ts`` says about it."""

    pointer: str
    ts: str
    kind: Kind

    @property
    def means_number(self) -> bool:
        return self.kind in MEANS_NUMBER

    def as_json(self) -> dict[str, str]:
        return {"pointer": self.pointer, "ts": self.ts, "kind": self.kind}


# -- TypeScript types ----------------------------------------------------------


@dataclass(frozen=True)
class TSType:
    """A parsed TypeScript type: ``kind`` is prim, literal, ref, typeof, object,
    array, union or intersection."""

    kind: str
    name: str = ""
    args: tuple[TSType, ...] = ()
    members: tuple[Member, ...] = ()
    index: TSType | None = None
    text: str = ""


@dataclass(frozen=True)
class Member:
    name: str
    type: TSType
    optional: bool
    doc: str


@dataclass
class Declaration:
    name: str
    kind: Literal["interface", "type"]
    type: TSType
    extends: tuple[TSType, ...] = ()
    doc: str = ""


@dataclass
class TSModule:
    path: str
    declarations: dict[str, Declaration] = field(default_factory=dict)


_TOKEN = re.compile(
    r"""
    (?P<doc>/\*\*.*?\*/)
  | (?P<comment>/\*.*?\*/|//[^\n]*)
  | (?P<space>\s+)
  | (?P<string>"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')
  | (?P<number>-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)
  | (?P<word>[A-Za-z_$][A-Za-z0-9_$]*)
  | (?P<punct>=>|\.\.\.|[{}()\[\]<>;:,?|&=.*+-])
    """,
    re.DOTALL | re.VERBOSE,
)
_PRIMITIVES = frozenset(
    {"string", "number", "boolean", "null", "undefined", "unknown", "any", "object", "never"}
)


def _tokens(text: str, origin: str) -> list[tuple[str, str]]:
    """(kind, text) tokens; a JSDoc comment is kept as a ``doc`` token."""
    found: list[tuple[str, str]] = []
    position = 0
    while position < len(text):
        match = _TOKEN.match(text, position)
        if match is None:
            line = text.count("\n", 0, position) + 1
            raise TSCompareError(f"{origin}:{line}: unexpected character {text[position]!r}")
        kind = match.lastgroup or ""
        if kind not in ("space", "comment"):
            found.append((kind, match.group()))
        position = match.end()
    return found


class _Parser:
    def __init__(self, text: str, origin: str) -> None:
        self.origin = origin
        self.tokens = _tokens(text, origin)
        self.pos = 0

    # -- token helpers

    def peek(self, offset: int = 0) -> str:
        index = self.pos + offset
        return self.tokens[index][1] if index < len(self.tokens) else ""

    def take(self, expected: str | None = None) -> str:
        if self.pos >= len(self.tokens):
            raise TSCompareError(f"{self.origin}: unexpected end of file")
        text = self.tokens[self.pos][1]
        if expected is not None and text != expected:
            raise TSCompareError(f"{self.origin}: expected {expected!r}, found {text!r}")
        self.pos += 1
        return text

    def doc(self) -> str:
        """The JSDoc just before the next token (the last of several)."""
        text = ""
        while self.pos < len(self.tokens) and self.tokens[self.pos][0] == "doc":
            text = self.tokens[self.pos][1]
            self.pos += 1
        return text

    # -- declarations

    def module(self) -> TSModule:
        module = TSModule(self.origin)
        while self.pos < len(self.tokens):
            doc = self.doc()
            if self.pos >= len(self.tokens):
                break
            if self.peek() == "export":
                self.take()
            word = self.peek()
            if word == "interface":
                declaration = self.interface(doc)
            elif word == "type" and self.tokens[self.pos + 1][0] == "word":
                declaration = self.alias(doc)
            else:
                self.skip_statement()
                continue
            module.declarations[declaration.name] = declaration
        return module

    def skip_statement(self) -> None:
        depth = 0
        while self.pos < len(self.tokens):
            text = self.take()
            if text in "{([":
                depth += 1
            elif text in "})]":
                depth -= 1
                if depth == 0 and text == "}" and self.peek() != ";":
                    return
            elif text == ";" and depth == 0:
                return

    def type_parameters(self) -> None:
        if self.peek() == "<":
            depth = 0
            while True:
                text = self.take()
                depth += {"<": 1, ">": -1}.get(text, 0)
                if depth == 0:
                    return

    def interface(self, doc: str) -> Declaration:
        self.take("interface")
        name = self.take()
        self.type_parameters()
        extends: list[TSType] = []
        if self.peek() == "extends":
            self.take()
            extends.append(self.postfix())
            while self.peek() == ",":
                self.take()
                extends.append(self.postfix())
        body = self.object_type()
        return Declaration(name, "interface", body, tuple(extends), doc)

    def alias(self, doc: str) -> Declaration:
        self.take("type")
        name = self.take()
        self.type_parameters()
        self.take("=")
        body = self.type()
        if self.peek() == ";":
            self.take()
        return Declaration(name, "type", body, (), doc)

    # -- types

    def type(self) -> TSType:
        start = self.pos
        if self.peek() == "|":
            self.take()
        parts = [self.intersection()]
        while self.peek() == "|":
            self.take()
            parts.append(self.intersection())
        if len(parts) == 1:
            return parts[0]
        return TSType("union", args=tuple(parts), text=self.text(start))

    def intersection(self) -> TSType:
        start = self.pos
        parts = [self.postfix()]
        while self.peek() == "&":
            self.take()
            parts.append(self.postfix())
        if len(parts) == 1:
            return parts[0]
        return TSType("intersection", args=tuple(parts), text=self.text(start))

    def postfix(self) -> TSType:
        start = self.pos
        result = self.primary()
        while self.peek() == "[" and self.peek(1) == "]":
            self.take()
            self.take()
            result = TSType("array", args=(result,), text=self.text(start))
        return result

    def primary(self) -> TSType:
        start = self.pos
        self.doc()
        kind, text = self.tokens[self.pos]
        if text == "(":
            self.take()
            inner = self.type()
            self.take(")")
            return inner
        if text == "{":
            return self.object_type()
        if kind in ("string", "number"):
            self.take()
            return TSType("literal", name=text, text=text)
        if text == "typeof":
            self.take()
            name = self.take()
            return TSType("typeof", name=name, text=self.text(start))
        if kind != "word":
            raise TSCompareError(f"{self.origin}: unexpected {text!r} in a type")
        self.take()
        while self.peek() == ".":
            self.take()
            text += "." + self.take()
        if text in _PRIMITIVES:
            return TSType("prim", name=text, text=text)
        if text in ("true", "false"):
            return TSType("literal", name=text, text=text)
        args: list[TSType] = []
        if self.peek() == "<":
            self.take()
            args.append(self.type())
            while self.peek() == ",":
                self.take()
                args.append(self.type())
            self.take(">")
        if text == "Array" and len(args) == 1:
            return TSType("array", args=(args[0],), text=self.text(start))
        return TSType("ref", name=text, args=tuple(args), text=self.text(start))

    def object_type(self) -> TSType:
        start = self.pos
        self.take("{")
        members: list[Member] = []
        index: TSType | None = None
        while self.peek() != "}":
            doc = self.doc()
            if self.peek() == "}":
                break
            if self.peek() == "[":
                self.take()
                self.take()
                self.take(":")
                self.type()
                self.take("]")
                self.take(":")
                index = self.type()
            else:
                name = self.take()
                if name[0] in "\"'":
                    name = json.loads(name) if name[0] == '"' else name[1:-1]
                optional = self.peek() == "?"
                if optional:
                    self.take()
                self.take(":")
                members.append(Member(name, self.type(), optional, doc))
            if self.peek() in (";", ","):
                self.take()
        self.take("}")
        return TSType("object", members=tuple(members), index=index, text=self.text(start))

    def text(self, start: int) -> str:
        """Source-like text of tokens ``start`` up to here (JSDoc left out)."""
        words = [t for k, t in self.tokens[start : self.pos] if k != "doc"]
        out = ""
        for word in words:
            if out and not (
                word in ",;:?)]>" or out[-1] in "(<[" or (word in "[<" and out[-1].isalnum())
            ):
                out += " "
            out += word
        return out


def parse_ts(text: str, origin: str = "schema.ts") -> TSModule:
    """The interfaces and type aliases of a TypeScript schema."""
    return _Parser(text, origin).module()


# -- lining the two files up ---------------------------------------------------


@dataclass(frozen=True)
class _At:
    """Where the walk stands in the TypeScript: a type, and the member it came from."""

    type: TSType
    label: str
    doc: str = ""


class _Resolver:
    def __init__(self, module: TSModule) -> None:
        self.module = module

    def declaration(self, name: str, where: str) -> Declaration:
        found = self.module.declarations.get(name)
        if found is None:
            raise TSCompareError(f"{self.module.path}: {where}: no TypeScript declaration {name!r}")
        return found

    def resolve(self, t: TSType, where: str) -> TSType:
        """Follow type aliases (not interfaces) to the type they name."""
        seen: set[str] = set()
        while t.kind == "ref" and t.name not in seen:
            seen.add(t.name)
            if t.name in ("Record",) and len(t.args) == 2:
                return TSType("object", index=t.args[1], text=t.text)
            if t.name in ("Omit", "Pick", "Partial", "Required") and t.args:
                return t
            declaration = self.declaration(t.name, where)
            if declaration.kind == "interface":
                return t
            t = declaration.type
        return t

    def member(self, t: TSType, name: str, where: str) -> tuple[str, Member] | None:
        """The declaration of property ``name`` of ``t``, inherited ones included."""
        t = self.resolve(t, where)
        if t.kind == "object":
            for m in t.members:
                if m.name == name:
                    return "", m
            return None
        if t.kind == "intersection":
            found = None
            for part in t.args:
                found = self.member(part, name, where) or found
            return found
        if t.kind == "ref" and t.name in ("Omit", "Pick", "Partial", "Required"):
            if t.name == "Omit" and name in _string_literals(t.args[1:]):
                return None
            return self.member(t.args[0], name, where)
        if t.kind == "ref":
            declaration = self.declaration(t.name, where)
            for m in declaration.type.members:
                if m.name == name:
                    return declaration.name, m
            for parent in reversed(declaration.extends):
                found = self.member(parent, name, where)
                if found is not None:
                    return found[0] or declaration.name, found[1]
        return None

    def step(self, at: _At, key: str, pointer: str) -> _At:
        t = self.resolve(at.type, pointer)
        if key == "additionalProperties" and t.kind == "object" and t.index is not None:
            return _At(t.index, f"{at.label}[key: string]", at.doc)
        if key == "items" and t.kind == "array":
            return _At(t.args[0], f"{at.label}[]", at.doc)
        raise TSCompareError(
            f"{self.module.path}: {pointer}: TypeScript {t.text or t.name!r} has no {key!r}"
        )


def _string_literals(types: Sequence[TSType]) -> set[str]:
    found: set[str] = set()
    for t in types:
        if t.kind == "literal" and t.name[:1] in "\"'":
            found.add(t.name[1:-1])
        elif t.kind == "union":
            found |= _string_literals(t.args)
    return found


def _integer_nodes(node: Any, path: tuple[str | int, ...] = ()) -> Iterator[tuple[str | int, ...]]:
    if isinstance(node, dict):
        kind = node.get("type")
        if kind == "integer" or (isinstance(kind, list) and "integer" in kind):
            yield path
        for key, value in node.items():
            if key not in ("const", "enum", "default", "examples"):
                yield from _integer_nodes(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _integer_nodes(value, (*path, index))


def compare(
    schema: dict[str, Any], module: TSModule, origin: str = "schema.json"
) -> list[IntegerField]:
    """Every ``integer`` node of ``schema`` with its TypeScript declaration and kind."""
    defs_key = "$defs" if isinstance(schema.get("$defs"), dict) else "definitions"
    resolver = _Resolver(module)
    found: list[IntegerField] = []
    for path in _integer_nodes(schema.get(defs_key, {}), (defs_key,)):
        pointer = json_pointer(list(path))
        name = str(path[1])
        declaration = resolver.declaration(name, f"{origin}:{pointer}")
        at = _At(TSType("ref", name=name, text=name), name, declaration.doc)
        if declaration.kind == "type":
            at = _At(declaration.type, name, declaration.doc)
        rest = list(path[2:])
        while rest:
            key = str(rest.pop(0))
            where = f"{origin}:{pointer}"
            if key == "properties":
                prop = str(rest.pop(0))
                member = resolver.member(at.type, prop, where)
                if member is None:
                    raise TSCompareError(
                        f"{module.path}: {where}: TypeScript {at.label} has no property {prop!r}"
                    )
                owner, m = member
                label = f"{owner}.{m.name}" if owner else f"{at.label}.{m.name}"
                at = _At(m.type, label, m.doc)
            elif key in ("anyOf", "oneOf"):
                rest.pop(0)
                # The members of a JSON anyOf do not line up with the TS union
                # one to one (primitives are merged into one type list): stay
                # on the union, which the classification reads as a whole.
                if rest:
                    raise TSCompareError(f"{module.path}: {where}: cannot follow into {key}")
            elif key == "allOf":
                index = int(rest.pop(0))
                t = resolver.resolve(at.type, where)
                if t.kind != "intersection" or index >= len(t.args):
                    raise TSCompareError(
                        f"{module.path}: {where}: TypeScript {at.label} is not an intersection"
                    )
                at = _At(t.args[index], at.label, at.doc)
            else:
                at = resolver.step(at, key, where)
        found.append(
            IntegerField(pointer, f"{at.label}: {_text(at.type)}", _classify(resolver, at, where))
        )
    return found


def _text(t: TSType) -> str:
    return t.text or t.name


def _classify(resolver: _Resolver, at: _At, where: str) -> Kind:
    tag = re.search(r"@TJS-type\s+(\S+)", at.doc)
    if tag is not None and tag.group(1) == "number":
        return "annotated"
    parts = [
        p
        for p in _union_members(resolver, at.type, where)
        if not (p.kind == "prim" and p.name in ("null", "undefined"))
    ]
    if parts and all(p.kind == "typeof" for p in parts):
        return "const"
    names = {p.name for p in parts if p.kind == "prim"}
    if "number" in names:
        if {"string", "boolean"} <= names:
            return "value"
        if tag is None and len(parts) == 1:
            return "count"
        if tag is None and {p.name for p in parts} == {"string", "number"}:
            return "id"
    raise TSCompareError(
        f"{resolver.module.path}: {where}: no rule for TypeScript {at.label}: {_text(at.type)}"
    )


def _union_members(resolver: _Resolver, t: TSType, where: str) -> list[TSType]:
    """The members of a union, aliases of unions followed (``Value | string[]``)."""
    t = resolver.resolve(t, where)
    if t.kind != "union":
        return [t]
    return [m for part in t.args for m in _union_members(resolver, part, where)]


def compare_files(schema_json: Path, schema_ts: Path) -> list[IntegerField]:
    try:
        schema = json.loads(schema_json.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise TSCompareError(f"{schema_json}:{exc.lineno}:{exc.colno}: invalid JSON") from None
    module = parse_ts(schema_ts.read_text(encoding="utf-8"), str(schema_ts))
    return compare(schema, module, str(schema_json))


def derive(spec_dir: Path) -> dict[str, list[IntegerField]]:
    """Every version folder of ``spec_dir`` that has both files."""
    return {
        folder.name: compare_files(folder / "schema.json", folder / "schema.ts")
        for folder in sorted(spec_dir.iterdir())
        if (folder / "schema.json").is_file() and (folder / "schema.ts").is_file()
    }


def as_record(table: dict[str, list[IntegerField]]) -> dict[str, Any]:
    return {
        "about": (
            "Every `integer` of each upstream schema.json, with the schema.ts declaration it "
            "was generated from. kind value/annotated: upstream meant any number (mcpgen "
            "patches these); count/id/const: integer as meant. Written by "
            "`python -m mcpgen.models.tsnumbers SPEC_DIR --write FILE`."
        ),
        "versions": {v: [f.as_json() for f in fields] for v, fields in table.items()},
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m mcpgen.models.tsnumbers", description=__doc__)
    parser.add_argument("spec_dir", type=Path, help="folder of <version>/schema.json + schema.ts")
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--write", type=Path, metavar="FILE", help="record the table as JSON")
    group.add_argument("--check", type=Path, metavar="FILE", help="exit 1 if FILE differs")
    args = parser.parse_args(argv)
    try:
        table = derive(args.spec_dir)
    except (TSCompareError, OSError) as exc:
        print(f"tsnumbers: {exc}", file=sys.stderr)
        return 2
    record = as_record(table)
    text = json.dumps(record, indent=1, ensure_ascii=False) + "\n"
    if args.write:
        args.write.write_text(text, encoding="utf-8")
    elif args.check:
        if args.check.read_text(encoding="utf-8") != text:
            print(f"tsnumbers: {args.check}: out of date", file=sys.stderr)
            return 1
    else:
        for version, fields in table.items():
            for f in fields:
                verdict = "number " if f.means_number else "integer"
                print(f"{version}  {verdict}  {f.kind:<9}  {f.pointer}  {f.ts}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
