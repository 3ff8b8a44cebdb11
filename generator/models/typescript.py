"""A reader of the TypeScript that MCP's ``schema.ts`` is written in: its interfaces and
type aliases, their members, JSDoc comments and tags (``parse_ts``). Enough of the
language for that file, which ``tsnumbers`` lines up with ``schema.json``; anything else
is a ``TSCompareError`` naming the file and line.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Literal


class TSCompareError(Exception):
    """The TypeScript and the JSON schema do not line up: one line, file and pointer."""


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
