"""``models.py`` of a client: datamodel-code-generator on the prepared schemas, then polished.

datamodel-code-generator runs on all tools at once; when it fails, each tool is tried on
its own to find the ones it cannot type, which are left out with a warning. Its own
warnings become ours, once each. Its module is then rewritten through ``ast`` so that it
is clean for ``ruff`` and ``mypy --strict`` on any input: names that would shadow a type
the module uses (a field called ``list`` or ``date``) or that ruff calls ambiguous (``l``,
``O``, ``I``) are renamed with the wire name kept as the alias, ``typing.List`` and its
kin become the builtins, and every string literal is written back with ``repr`` (so
control and bidirectional characters are escaped).
"""

from __future__ import annotations

import ast
import builtins
import sys
import warnings
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from typing import Any

from ..diagnostics import GeneratorBug
from ..naming import import_order

AMBIGUOUS = frozenset({"l", "O", "I"})
BUILTIN_TYPES = frozenset(
    name for name in dir(builtins) if isinstance(getattr(builtins, name), type) and name.islower()
)
_TYPING_ALIASES = {
    "List": "list",
    "Dict": "dict",
    "Set": "set",
    "FrozenSet": "frozenset",
    "Tuple": "tuple",
    "Type": "type",
}


@dataclass(frozen=True)
class ModelEntry:
    """One tool as datamodel-code-generator sees it: a class-name stem and two schemas."""

    stem: str
    input_schema: dict[str, Any]
    output_schema: dict[str, Any] | None

    def to_json(self) -> dict[str, Any]:
        tool: dict[str, Any] = {"name": self.stem, "inputSchema": self.input_schema}
        if self.output_schema is not None:
            tool["outputSchema"] = self.output_schema
        return tool


class ModelFailure(Exception):
    """datamodel-code-generator could not type these tools."""


def _run(entries: list[ModelEntry]) -> tuple[str, list[str]]:
    from datamodel_code_generator import InputFileType, LiteralType, generate
    from datamodel_code_generator.enums import DataModelType

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            text = generate(
                {"tools": [e.to_json() for e in entries]},
                input_file_type=InputFileType.MCPTools,
                output_model_type=DataModelType.PydanticV2BaseModel,
                disable_timestamp=True,
                field_constraints=True,
                set_default_enum_member=True,
                snake_case_field=True,
                enum_field_as_literal=LiteralType.All,
            )
        except Exception as exc:  # noqa: BLE001 - any failure is reported per tool
            raise ModelFailure(" ".join(str(exc).split())[:300] or type(exc).__name__) from None
    if not isinstance(text, str):
        raise GeneratorBug("datamodel-code-generator returned no module")
    notes = [
        " ".join(str(w.message).split())
        for w in caught
        if issubclass(w.category, UserWarning)
        and not issubclass(w.category, DeprecationWarning | FutureWarning)
    ]
    return text, list(dict.fromkeys(notes))


def generate_models(entries: list[ModelEntry]) -> tuple[str, dict[int, str], list[str]]:
    """The module, the reason for each entry (by position) it could not type, and warnings."""
    if not entries:
        return "from __future__ import annotations\n", {}, []
    try:
        text, notes = _run(entries)
        return polish(text), {}, notes
    except ModelFailure:
        pass
    failed: dict[int, str] = {}
    for position, entry in enumerate(entries):
        try:
            _run([entry])
        except ModelFailure as failure:
            failed[position] = str(failure)
    rest = [e for i, e in enumerate(entries) if i not in failed]
    if not failed or not rest:
        if not failed:
            raise GeneratorBug("datamodel-code-generator fails on the tools only together")
        return "from __future__ import annotations\n", failed, []
    text, notes = _run(rest)
    return polish(text), failed, notes


def _imported(tree: ast.Module) -> dict[str, str]:
    return {
        alias.asname or alias.name: f"{node.module}.{alias.name}"
        for node in tree.body
        if isinstance(node, ast.ImportFrom)
        for alias in node.names
    }


def polish(text: str) -> str:
    """The module rewritten clean for ruff and mypy; see the module docstring."""
    tree = ast.parse(text)
    imported = _imported(tree)
    classes = {node.name for node in tree.body if isinstance(node, ast.ClassDef)}
    renamed_classes: dict[str, str] = {}
    for name in sorted(classes & AMBIGUOUS):
        new, counter = f"{name}Model", 2
        while new in classes or new in imported:
            new, counter = f"{name}Model{counter}", counter + 1
        classes.add(new)
        renamed_classes[name] = new
    typing_aliases = {
        local: _TYPING_ALIASES[target.split(".")[-1]]
        for local, target in imported.items()
        if target.startswith("typing.") and target.split(".")[-1] in _TYPING_ALIASES
    }
    # A field named like a type the module refers to would shadow it in later annotations.
    shadowing = AMBIGUOUS | BUILTIN_TYPES | set(imported) | classes | set(renamed_classes.values())

    class Names(ast.NodeTransformer):
        def visit_Name(self, node: ast.Name) -> ast.AST:
            if node.id in renamed_classes:
                node.id = renamed_classes[node.id]
            elif node.id in typing_aliases:
                node.id = typing_aliases[node.id]
            return node

        def visit_ClassDef(self, node: ast.ClassDef) -> ast.AST:
            node.name = renamed_classes.get(node.name, node.name)
            self.generic_visit(node)
            _rename_fields(node, shadowing)
            return node

    tree = Names().visit(tree)
    tree.body = [
        node
        for node in tree.body
        if not (
            isinstance(node, ast.ImportFrom)
            and node.module == "typing"
            and all(a.name in _TYPING_ALIASES for a in node.names)
        )
    ]
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and node.module == "typing":
            node.names = [a for a in node.names if a.name not in _TYPING_ALIASES]
    uses_field = any(
        isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id == "Field"
        for n in ast.walk(tree)
    )
    if uses_field and "Field" not in imported:
        for node in tree.body:
            if isinstance(node, ast.ImportFrom) and node.module == "pydantic":
                node.names.append(ast.alias("Field"))
                node.names.sort(key=lambda a: import_order(a.asname or a.name))
                break
    return _unparse(ast.fix_missing_locations(tree))


def _unparse(tree: ast.Module) -> str:
    """The module's source, imports grouped as isort groups them."""
    groups: dict[int, list[str]] = {0: [], 1: [], 2: []}
    body: list[ast.stmt] = []
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and not body:
            module = node.module or ""
            if module == "__future__":
                group = 0
            else:
                group = 1 if module.split(".")[0] in sys.stdlib_module_names else 2
            groups[group].append(ast.unparse(node))
        else:
            body.append(node)
    blocks = ["\n".join(sorted(lines)) for lines in groups.values() if lines]
    rest = ast.unparse(ast.Module(body=body, type_ignores=[]))
    return "\n\n".join([*blocks, rest]) + "\n"


def _rename_fields(node: ast.ClassDef, shadowing: AbstractSet[str]) -> None:
    taken = {
        s.target.id
        for s in node.body
        if isinstance(s, ast.AnnAssign) and isinstance(s.target, ast.Name)
    }
    for statement in node.body:
        if not isinstance(statement, ast.AnnAssign) or not isinstance(statement.target, ast.Name):
            continue
        name = statement.target.id
        if name not in shadowing or name == "model_config":
            continue
        new = name + "_"
        while new in taken or new in shadowing:
            new += "_"
        taken.add(new)
        statement.target.id = new
        value = statement.value
        alias = ast.keyword("alias", ast.Constant(name))
        if isinstance(value, ast.Call) and getattr(value.func, "id", "") == "Field":
            if not any(k.arg == "alias" for k in value.keywords):
                value.keywords.append(alias)
        else:
            args = [value] if value is not None else []
            statement.value = ast.Call(ast.Name("Field", ast.Load()), args, [alias])
