"""Build IR: an MCP JSON schema becomes the definitions of one models module.

All naming happens here, once:
- a definition keeps its own name (``CallToolResult``), unions and aliases too;
- an inline object is named from where it stands: parent + property
  (``CallToolRequest`` + ``params`` -> ``CallToolRequestParams``), array items
  add ``Item``, map values add ``Value``, union members their tag value;
- properties become snake_case attributes; the wire name is kept as an alias.

Types are strict (``StrictStr``, ``StrictInt``, ...) so the models accept what
the schema accepts and nothing more: ``true`` is not an id, ``"300"`` is not an
integer, ``null`` is not an omitted optional field. An integer may be written
``50.0`` (JSON Schema counts it as an integer): it is read as the ``int`` 50
and written back as ``50.0`` (``_Integer`` in the module template).

Unions are discriminated where the schema allows it: by a required property
with a distinct ``const`` per member (``type``, ``method``), else, when every
member is an object with its own set of required properties (or an array), by
which keys the value has (``_ByKeys``: JSON-RPC messages, ``InputResponse``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from .. import naming
from ..graphs import strongly_connected
from . import keywords
from .ir import AliasIR, Definition, FieldIR, ModelIR
from .schema import SchemaDocument
from .shapes import SchemaShapes

# Names the generated module defines itself; a definition with one of these
# names gets a suffix.
RESERVED = frozenset(
    {
        "MethodInfo",
        "NOTIFICATIONS",
        "PROTOCOL_VERSION",
        "REQUESTS",
        "annotations",
        "parse_message",
        "parse_params",
        "parse_result",
        "result_type",
    }
)

# Names the generated module imports. A definition may be called the same
# (2024-11-05 has ``Annotated``): the definition keeps its name and the import
# is renamed ``_Annotated`` instead.
HELPERS = (
    "Annotated",
    "Any",
    "BaseModel",
    "BeforeValidator",
    "ConfigDict",
    "ContextVar",
    "CoreSchema",
    "Discriminator",
    "Field",
    "GetCoreSchemaHandler",
    "Final",
    "Literal",
    "Mapping",
    "Never",
    "PlainSerializer",
    "StrictBool",
    "StrictFloat",
    "StrictInt",
    "StrictStr",
    "Tag",
    "TypeAdapter",
    "TypeAlias",
    "TypeAliasType",
    "ValidationError",
    "ValidatorFunctionWrapHandler",
    "WrapValidator",
    "core_schema",
    "dataclass",
    "json",
    "overload",
)


@dataclass(frozen=True)
class _Type:
    """A Python type expression, the definitions it names, and whether it admits null."""

    code: str
    deps: frozenset[str] = frozenset()
    nullable: bool = False


class ModelBuilder(SchemaShapes):
    """Turns one schema document into ordered definitions (see ``build``)."""

    def __init__(self, schema: SchemaDocument) -> None:
        super().__init__(schema)
        self.taken: set[str] = set(RESERVED)
        self.names: dict[str, str] = {d: naming.class_name(d, self.taken) for d in self.defs}
        used = set(self.names.values())
        self.h: dict[str, str] = {n: f"_{n}" if n in used else n for n in HELPERS}
        self.any = _Type(self.h["Any"], nullable=True)
        self.built: dict[str, Definition] = {}
        self.deps: dict[str, frozenset[str]] = {}
        # JSON pointer of an inline object -> the class hoisted from it.
        self.hoisted: dict[str, str] = {}

    # -- entry point -------------------------------------------------------

    def build(self) -> list[Definition]:
        """Every definition (hoisted ones included) in dependency order."""
        for def_name, node in self.defs.items():
            pointer = f"/{self.schema.defs_key}/{def_name}"
            self._build_definition(self.names[def_name], node, pointer)
        return self._ordered()

    def class_for(self, pointer: str, node: Any) -> str | None:
        """The class name a schema node at ``pointer`` became (refs followed)."""
        if isinstance(node, dict) and isinstance(node.get("$ref"), str):
            return self.names[self.ref_name(node["$ref"])]
        return self.hoisted.get(pointer)

    # -- definitions -------------------------------------------------------

    def _build_definition(self, name: str, node: Any, pointer: str) -> None:
        doc = keywords.description(node)
        if self._is_object_model(node):
            self._build_model(name, node, pointer)
            return
        expr = self._expr(node, name, pointer, top_level=True)
        self.built[name] = AliasIR(name, doc, expr.code, recursive=False)
        self.deps[name] = expr.deps

    def _build_model(self, name: str, node: dict[str, Any], pointer: str) -> None:
        merged = self._merge_all_of(node, pointer)
        required = set(merged["required"])
        taken: set[str] = set()
        fields: list[FieldIR] = []
        deps: set[str] = set()
        for prop, sub in merged["properties"].items():
            attr = naming.field_name(prop, taken)
            sub_pointer = merged["pointers"][prop]
            expr = self._expr(sub, name + naming.pascal_case(prop), sub_pointer)
            deps |= expr.deps
            is_required = prop in required
            annotation = expr.code
            if not is_required and not expr.nullable:
                # Optional but not nullable: omitted is fine, an explicit null is not.
                annotation = f"{self.h['Annotated']}[{expr.code} | None, _not_null]"
            fields.append(
                FieldIR(
                    name=attr,
                    annotation=annotation,
                    required=is_required,
                    alias_literal=None if attr == prop else naming.py_literal(prop),
                    description_literal=keywords.literal_description(sub),
                )
            )
        extra: Literal["allow", "forbid"] = "allow"
        extra_annotation = None
        additional = merged["additionalProperties"]
        if additional is False:
            extra = "forbid"
        elif isinstance(additional, dict) and additional:
            expr = self._expr(additional, name + "Value", pointer + "/additionalProperties")
            if expr.code != self.h["Any"]:
                extra_annotation = expr.code
                deps |= expr.deps
        self.built[name] = ModelIR(
            name, keywords.description(node), tuple(fields), extra, extra_annotation
        )
        self.deps[name] = frozenset(deps)

    # -- type expressions --------------------------------------------------

    def _expr(self, node: Any, hint: str, pointer: str, top_level: bool = False) -> _Type:
        if node is True or node == {} or node is None:
            return self.any
        if node is False:
            return _Type(self.h["Never"])
        if not isinstance(node, dict):
            return self.any
        if "$ref" in node:
            target = self.names[self.ref_name(node["$ref"])]
            return _Type(target, frozenset({target}), self._admits_null(node["$ref"]))
        if "const" in node:
            return self._literal([node["const"]])
        if isinstance(node.get("enum"), list):
            return self._literal(node["enum"])
        if not top_level and self._is_object_model(node):
            return self._hoist(node, hint, pointer)
        for key in ("anyOf", "oneOf"):
            if isinstance(node.get(key), list):
                return self._union(node[key], hint, pointer + "/" + key)
        if isinstance(node.get("allOf"), list) and len(node["allOf"]) == 1:
            return self._expr(node["allOf"][0], hint, pointer + "/allOf/0")
        kind = node.get("type")
        if isinstance(kind, list):
            if "number" in kind:
                # Every integer is a number: one member, not two that overlap.
                kind = [k for k in kind if k != "integer"]
            members = [self._expr({**node, "type": k}, hint, pointer) for k in kind]
            return self._join(members)
        return self._typed(kind, node, hint, pointer)

    def _typed(self, kind: Any, node: dict[str, Any], hint: str, pointer: str) -> _Type:
        if kind == "string":
            return _Type(self._constrained("StrictStr", keywords.string_constraints(node)))
        if kind == "integer":
            # ``_Integer`` (module template): a strict int that also reads 50.0.
            return _Type(
                self._constrained("_Integer", keywords.number_constraints(node), helper=False)
            )
        if kind == "number":
            constraints = keywords.number_constraints(node)
            return _Type(
                f"{self._constrained('StrictInt', constraints)}"
                f" | {self._constrained('StrictFloat', constraints)}"
            )
        if kind == "boolean":
            return _Type(self.h["StrictBool"])
        if kind == "null":
            return _Type("None", nullable=True)
        if kind == "array":
            items = self._expr(node.get("items", True), hint + "Item", pointer + "/items")
            code = self._constrained(
                f"list[{items.code}]", keywords.array_constraints(node), helper=False
            )
            return _Type(code, items.deps)
        if kind == "object" or "additionalProperties" in node:
            additional = node.get("additionalProperties", True)
            value = self._expr(additional, hint + "Value", pointer + "/additionalProperties")
            return _Type(f"dict[str, {value.code}]", value.deps)
        return self.any

    def _hoist(self, node: dict[str, Any], hint: str, pointer: str) -> _Type:
        name = naming.class_name(hint, self.taken)
        self.hoisted[pointer] = name
        self._build_model(name, node, pointer)
        return _Type(name, frozenset({name}))

    def _union(self, members: list[Any], hint: str, pointer: str) -> _Type:
        tag = self._discriminator(members)
        if tag is not None:
            flat = self._flatten(members, pointer)
            exprs = [
                self._expr(m, hint + naming.pascal_case(str(self._tags(m)[tag])), p)
                for p, m in flat
            ]
            joined = self._join(exprs)
            tag_literal = naming.py_literal(tag)
            code = f"{self.h['Annotated']}[{joined.code}, {self.h['Field']}(discriminator={tag_literal})]"
            return _Type(code, joined.deps, joined.nullable)
        keyed = self._by_keys(members, hint, pointer)
        if keyed is not None:
            return keyed
        exprs = []
        for index, member in enumerate(members):
            tags = self._tags(member)
            suffix = (
                naming.pascal_case(str(next(iter(tags.values()))))
                if tags
                else f"Variant{index + 1}"
            )
            exprs.append(self._expr(member, hint + suffix, f"{pointer}/{index}"))
        return self._join(exprs)

    # -- unions ------------------------------------------------------------

    def _by_keys(self, members: list[Any], hint: str, pointer: str) -> _Type | None:
        """A union told apart by which keys a value has, if its members allow it.

        Every member must be an object model or an array, and no two object
        members may require the same set of properties. The generated
        ``_ByKeys`` picks the member whose required keys are all present (the
        one requiring most; an array by its first item), so an invalid message
        gets that member's errors only; it then tries the other members whose
        required keys are present, so the union accepts exactly what ``anyOf``
        accepts.
        """
        flat = self._flatten(members, pointer)
        if len(flat) < 2:
            return None
        required_sets: list[frozenset[str]] = []
        for _, member in flat:
            node = self.deref(member)
            if self._is_object_model(node):
                required_sets.append(frozenset(self._merge_all_of(node)["required"]))
            elif not (isinstance(node, dict) and node.get("type") == "array" and "items" in node):
                return None
        if not required_sets or len(set(required_sets)) != len(required_sets):
            return None
        parts: list[str] = []
        objects: list[str] = []
        arrays: list[str] = []
        deps: set[str] = set()
        for index, (member_pointer, member) in enumerate(flat):
            expr = self._expr(member, f"{hint}Variant{index + 1}", member_pointer)
            deps |= expr.deps
            node = self.deref(member)
            if self._is_object_model(node):
                tag = expr.code
                objects.append(f"{naming.py_literal(tag)}: {self._keys_literal(node)}")
            else:
                tag = f"[{index + 1}]"
                items_pointer = (
                    f"/{self.schema.defs_key}/{self.ref_name(member['$ref'])}"
                    if "$ref" in member
                    else member_pointer
                ) + "/items"
                arrays.append(
                    f"{naming.py_literal(tag)}: {self._item_keys(node['items'], items_pointer)}"
                )
            parts.append(
                f"{self.h['Annotated']}[{expr.code}, {self.h['Tag']}({naming.py_literal(tag)})]"
            )
        spec = "{" + ", ".join(objects) + "}"
        if arrays:
            spec += ", arrays={" + ", ".join(arrays) + "}"
        code = f"{self.h['Annotated']}[{' | '.join(parts)}, _ByKeys({spec})]"
        return _Type(code, frozenset(deps))

    def _item_keys(self, items: Any, pointer: str) -> str:
        """``{class: keys}`` of the object models an array's items can be."""
        found: list[str] = []
        inner = self._union_members(self.deref(items))
        if inner is not None:
            key = "anyOf" if "anyOf" in self.deref(items) else "oneOf"
            base = (
                f"/{self.schema.defs_key}/{self.ref_name(items['$ref'])}"
                if isinstance(items, dict) and "$ref" in items
                else pointer
            )
            candidates = self._flatten(inner, f"{base}/{key}")
        else:
            candidates = [(pointer, items)]
        for item_pointer, item in candidates:
            node = self.deref(item)
            name = self.class_for(item_pointer, item)
            if name is not None and self._is_object_model(node):
                found.append(f"{naming.py_literal(name)}: {self._keys_literal(node)}")
        return "{" + ", ".join(found) + "}"

        # -- type helpers ----------------------------------------------------

    def _join(self, members: list[_Type]) -> _Type:
        codes: list[str] = []
        deps: set[str] = set()
        nullable = False
        for member in members:
            deps |= member.deps
            nullable = nullable or member.nullable
            if member.code == self.h["Any"]:
                return _Type(
                    self.h["Any"], frozenset(deps | {d for m in members for d in m.deps}), True
                )
            for part in keywords.split_top_level(member.code):
                if part not in codes:
                    codes.append(part)
        if "None" in codes:
            codes.remove("None")
            codes.append("None")
        return _Type(" | ".join(codes), frozenset(deps), nullable)

    def _literal(self, values: list[Any]) -> _Type:
        nullable = None in values
        plain = [v for v in values if v is not None]
        if not plain:
            return _Type("None", nullable=True)
        if not all(isinstance(v, (str, int, bool)) and not isinstance(v, float) for v in plain):
            return self.any
        code = f"{self.h['Literal']}[" + ", ".join(naming.py_literal(v) for v in plain) + "]"
        if all(isinstance(v, bool) for v in plain):
            code = f"{self.h['Annotated']}[{code}, _only_bool]"
        elif any(isinstance(v, int) and not isinstance(v, bool) for v in plain):
            # An integer const may be written -32602.0, and is written back so.
            code = f"{self.h['Annotated']}[{code}, _not_bool, _int_from_float, _int_as_sent]"
        if nullable:
            code += " | None"
        return _Type(code, nullable=nullable)

    def _constrained(self, base: str, constraints: dict[str, Any], helper: bool = True) -> str:
        if helper:
            base = self.h[base]
        if not constraints:
            return base
        args = ", ".join(f"{k}={naming.py_literal(v)}" for k, v in constraints.items())
        return f"{self.h['Annotated']}[{base}, {self.h['Field']}({args})]"

    # -- ordering ----------------------------------------------------------

    def _ordered(self) -> list[Definition]:
        """Dependencies first (strongly connected components); aliases on a cycle become lazy."""
        order = [
            sorted(component)
            for component in strongly_connected(self.built, lambda name: sorted(self.deps[name]))
        ]
        result: list[Definition] = []
        for component in order:
            cyclic = len(component) > 1 or component[0] in self.deps[component[0]]
            for name in component:
                definition = self.built[name]
                if cyclic and isinstance(definition, AliasIR):
                    definition = AliasIR(
                        definition.name, definition.doc, definition.annotation, True
                    )
                result.append(definition)
        return result
