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
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from ..diagnostics import json_pointer
from .typescript import Declaration, Member, TSCompareError, TSModule, TSType, parse_ts

Kind = Literal["value", "annotated", "count", "id", "const"]
MEANS_NUMBER: frozenset[str] = frozenset({"value", "annotated"})


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
