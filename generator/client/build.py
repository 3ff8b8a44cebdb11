"""A tool list to the IR of a typed client.

The argument and result models come from datamodel-code-generator (its MCP tools
input makes ``<Tool>Input`` and ``<Tool>Output`` models); each method's keyword
arguments are read back from the ``<Tool>Input`` model it generated, so the
method signature and the model always agree.
"""

from __future__ import annotations

import ast
import keyword
import sys
from dataclasses import dataclass, replace
from typing import Any, TypeVar

from ..diagnostics import Diagnostic, GeneratorBug, json_pointer
from ..naming import docstring, import_order, py_literal, snake_case, type_name
from .catalog import Catalog
from .models import AMBIGUOUS, BUILTIN_TYPES, ModelEntry, generate_models
from .resources import Reader, build_readers
from .tools import SKIP, check_list, usable_tools

# Names the client class defines or its signatures refer to (as class attributes, a method
# named like one would shadow it), the lower-case names models.py may import, keywords,
# and names ruff finds ambiguous.
RESERVED_METHODS = frozenset(
    {
        "call_tool",
        "list_tools",
        "read_resource",
        "get_prompt",
        "stdio",
        "http",
        "close",
        "session",
        "models",
        "types",
        "anyio",
        "partial",
        "date",
        "datetime",
        "time",
        "timedelta",
        *BUILTIN_TYPES,
        *keyword.kwlist,
        "l",
    }
)
# ``self``, and the names a method body uses besides its arguments.
RESERVED_PARAMETERS = frozenset({"self", "models", "result", "partial", *AMBIGUOUS})


@dataclass(frozen=True)
class Param:
    name: str
    """Python name, as the model's field."""
    wire: str
    annotation: str
    required: bool
    default: str | None = None
    """Python source of the schema's default (a plain constant), sent when not given."""

    @property
    def wire_literal(self) -> str:
        return py_literal(self.wire)


@dataclass(frozen=True)
class Method:
    name: str
    tool: str
    tool_literal: str
    input_model: str
    output_model: str | None
    unwrap: bool
    """Results are ``{"result": ...}``: the method returns the inner value."""
    returns: str
    params: tuple[Param, ...]
    doc: str

    @property
    def signature(self) -> str:
        """The parameters after ``self``: keyword-only, required first."""
        if not self.params:
            return ""
        parts = [f"{p.name}: {p.annotation}" for p in self.params if p.required]
        for p in self.params:
            if p.required:
                continue
            if p.default is not None:
                parts.append(f"{p.name}: {p.annotation} = {p.default}")
            else:
                parts.append(f"{p.name}: {_optional(p.annotation)} = None")
        return ", *, " + ", ".join(parts)

    @property
    def call_arguments(self) -> str:
        return "".join(f", {p.name}={p.name}" for p in self.params)


_Named = TypeVar("_Named", Method, Reader)


def _optional(annotation: str) -> str:
    node = ast.parse(annotation, mode="eval").body
    members: list[ast.expr] = []

    def flatten(expr: ast.expr) -> None:
        if isinstance(expr, ast.BinOp) and isinstance(expr.op, ast.BitOr):
            flatten(expr.left)
            flatten(expr.right)
        else:
            members.append(expr)

    flatten(node)
    has_none = any(isinstance(m, ast.Constant) and m.value is None for m in members)
    return annotation if has_none else f"{annotation} | None"


@dataclass(frozen=True)
class ClientIR:
    class_name: str
    server_name: str
    methods: tuple[Method, ...]
    models: str
    imports: tuple[str, ...]
    """Import lines for the names the annotations use, sorted as isort sorts them."""
    tools: tuple[dict[str, Any], ...] = ()
    """The whole tool list as saved in ``tools.json``, tools left out included."""
    diagnostics: tuple[Diagnostic, ...] = ()
    """Warnings: tools left out and why, notes from datamodel-code-generator."""
    readers: tuple[Reader, ...] = ()
    """Methods for the server's resources, resource templates and prompts."""
    catalog: Catalog | None = None
    """Everything the client was made from, as saved in ``tools.json``."""

    @property
    def templated(self) -> bool:
        """Whether a method expands a URI template (the module then defines ``_expand``)."""
        return any(r.kind == "template" for r in self.readers)

    @property
    def read_only(self) -> list[str]:
        """The tools of the methods that are marked ``readOnlyHint``, sorted."""
        marked = {
            tool["name"]
            for tool in self.tools
            if isinstance(tool.get("annotations"), dict)
            and tool["annotations"].get("readOnlyHint") is True
        }
        return sorted(m.tool for m in self.methods if m.tool in marked)

    @property
    def method_count(self) -> int:
        return len(self.methods) + len(self.readers)


def build_client(
    tools: list[dict[str, Any]],
    server_name: str,
    name: str | None,
    origin: str = "tools",
    catalog: Catalog | None = None,
) -> ClientIR:
    """The client IR of a tool list: one method per usable tool, a warning for each other;
    with a ``catalog``, also one per resource, resource template and prompt of it.

    Raises MCPGenError when the list itself breaks the MCP schema."""
    checked = check_list(tools, origin)
    usable, diagnostics = usable_tools(checked, origin)
    taken: set[str] = set()
    stems: list[str] = []
    for entry in usable:
        base = type_name(entry.tool["name"], "Tool")
        candidate, counter = base, 2
        while candidate in taken:
            candidate, counter = f"{base}{counter}", counter + 1
        taken.add(candidate)
        stems.append(candidate)
    entries = [
        ModelEntry(stem, u.input_schema, u.output_schema)
        for stem, u in zip(stems, usable, strict=True)
    ]
    models, failed, notes = generate_models(entries)
    for position, reason in sorted(failed.items()):
        entry = usable[position]
        diagnostics.append(
            Diagnostic(
                SKIP,
                origin,
                json_pointer(("tools", entry.index, "inputSchema")),
                f"tool {entry.tool['name']!r} left out: datamodel-code-generator cannot type"
                f" its schemas: {reason}",
            )
        )
    diagnostics += [Diagnostic("W-CLIENT-MODELS", origin, "", note) for note in notes]
    kept = [(u, s) for i, (u, s) in enumerate(zip(usable, stems, strict=True)) if i not in failed]
    tree = ast.parse(models)
    classes = {node.name: node for node in tree.body if isinstance(node, ast.ClassDef)}
    imported = {
        alias.asname or alias.name: (node.module or "", alias.name)
        for node in tree.body
        if isinstance(node, ast.ImportFrom) and node.module != "__future__"
        for alias in node.names
    }
    needed: dict[str, set[str]] = {}

    def qualify(annotation: str) -> str:
        """Model classes as ``models.X``; names models.py imports are imported here too."""

        class Rewrite(ast.NodeTransformer):
            def visit_Name(self, node: ast.Name) -> ast.AST:
                if node.id in classes:
                    return ast.Attribute(ast.Name("models", ast.Load()), node.id, ast.Load())
                if node.id in imported:
                    module, original = imported[node.id]
                    line = original if original == node.id else f"{original} as {node.id}"
                    needed.setdefault(module, set()).add(line)
                return node

        return ast.unparse(Rewrite().visit(ast.parse(annotation, mode="eval")))

    methods: list[Method] = []
    method_names: set[str] = set()
    for entry, base in kept:
        tool = entry.tool
        input_model = f"{base}Input"
        if input_model not in classes:
            raise GeneratorBug(
                f"datamodel-code-generator made no {input_model} for {tool['name']!r}"
            )
        output_model = f"{base}Output" if entry.output_schema is not None else None
        if output_model is not None and output_model not in classes:
            raise GeneratorBug(f"datamodel-code-generator made no {output_model}")
        params = _parameters(
            [
                Param(p.name, p.wire, qualify(p.annotation), p.required, p.default)
                for p in _fields(classes[input_model])
            ]
        )
        unwrap = False
        returns = "list[types.ContentBlock]"
        if output_model is not None and entry.output_schema is not None:
            returns = f"models.{output_model}"
            fields = _fields(classes[output_model])
            if (
                len(fields) == 1
                and fields[0].wire == "result"
                and fields[0].required
                and entry.output_schema.get("required") == ["result"]
            ):
                unwrap, returns = True, qualify(fields[0].annotation)
        method = method_name(tool["name"], method_names)
        methods.append(
            Method(
                name=method,
                tool=tool["name"],
                tool_literal=py_literal(tool["name"]),
                input_model=f"models.{input_model}",
                output_model=f"models.{output_model}" if output_model else None,
                unwrap=unwrap,
                returns=returns,
                params=tuple(params),
                doc=docstring(_doc(tool, params)),
            )
        )
    readers: list[Reader] = []
    if catalog is not None:
        readers, skipped = build_readers(
            catalog.resources,
            catalog.resource_templates,
            catalog.prompts,
            origin,
            method_name,
            method_names,
        )
        diagnostics += skipped
    if any(r.kind == "template" for r in readers):
        needed.setdefault("urllib.parse", set()).add("quote")
    methods = _unshadow(methods, needed, method_names)
    readers = _unshadow(readers, needed, method_names)
    class_name = type_name(name or server_name, "Server")
    if not class_name.endswith("Client"):
        class_name += "Client"
    return ClientIR(
        class_name=class_name,
        server_name=server_name,
        methods=tuple(methods),
        models=models,
        imports=tuple(import_lines(needed, bool(methods or readers))),
        tools=tuple(checked),
        diagnostics=tuple(diagnostics),
        readers=tuple(readers),
        catalog=replace(
            catalog or Catalog(server_name, ()), name=server_name, tools=tuple(checked)
        ),
    )


def method_name(tool: str, taken: set[str]) -> str:
    """A method name for a tool: snake_case, never a keyword, a builtin type, a name the
    client module uses, or one of the client's own attributes; unique among ``taken``."""
    method = snake_case(tool) or "tool"
    if method[0].isdigit():
        method = "tool_" + method
    if method in RESERVED_METHODS:
        method += "_"
    unique, counter = method, 2
    while unique in taken:
        unique, counter = f"{method}_{counter}", counter + 1
    taken.add(unique)
    return unique


def _parameters(params: list[Param]) -> list[Param]:
    """The method's keyword arguments: model fields, renamed where they would clash with
    ``self`` or a name the method body uses."""
    taken = {p.name for p in params}
    out: list[Param] = []
    for param in params:
        name = param.name
        if name in RESERVED_PARAMETERS:
            name += "_"
            while name in taken or name in RESERVED_PARAMETERS:
                name += "_"
            taken.add(name)
        out.append(replace(param, name=name))
    return out


def _unshadow(methods: list[_Named], needed: dict[str, set[str]], taken: set[str]) -> list[_Named]:
    """Methods live in the class namespace, where signature annotations are resolved: a
    method named like a name an annotation uses (say models.py imports ``date`` as
    ``date_aliased``) would break every later signature, so it is renamed."""
    used = {name.split(" as ")[-1] for names in needed.values() for name in names}
    out: list[_Named] = []
    for method in methods:
        if method.name in used:
            name = method.name + "_"
            while name in taken or name in used:
                name += "_"
            taken.add(name)
            method = replace(method, name=name)
        out.append(method)
    return out


_FIXED = {
    "collections.abc": {"Mapping"},
    "contextlib": {"AbstractContextManager"},
    "functools": {"partial"},
    "types": {"TracebackType"},
    "typing": {"Any", "Self", "TypeVar"},
    "mcp": {"Client", "MCPError", "StdioServerParameters", "types"},
    "pydantic": {"BaseModel"},
}


def import_lines(extra: dict[str, set[str]], methods: bool = True) -> list[str]:
    """The client module's imports, merged and ordered as ruff's isort rules want them:
    standard library, then third party, one ``from`` line per module, names case-sensitively
    sorted (constants, classes, then functions)."""
    modules: dict[str, set[str]] = {k: set(v) for k, v in _FIXED.items()}
    if not methods:  # only the methods of the synchronous client use it
        del modules["functools"]
    for module, names in extra.items():
        modules.setdefault(module, set()).update(names)
    sections: dict[bool, list[str]] = {True: [], False: []}
    plain = {False: ["import anyio.from_thread"]}
    for module in sorted(modules):
        listed = ", ".join(sorted(modules[module], key=import_order))
        stdlib = module.split(".")[0] in sys.stdlib_module_names
        sections[stdlib].append(f"from {module} import {listed}")
    return [*sections[True], "", *plain[False], *sections[False]]


def _fields(node: ast.ClassDef) -> list[Param]:
    params: list[Param] = []
    for statement in node.body:
        if not isinstance(statement, ast.AnnAssign) or not isinstance(statement.target, ast.Name):
            continue
        name = statement.target.id
        if name == "model_config":
            continue
        wire, required = name, statement.value is None
        value = statement.value
        default: ast.expr | None = value
        if isinstance(value, ast.Call) and getattr(value.func, "id", "") == "Field":
            default = value.args[0] if value.args else None
            for keyword in value.keywords:
                if keyword.arg == "default":
                    default = keyword.value
                if keyword.arg == "alias" and isinstance(keyword.value, ast.Constant):
                    wire = str(keyword.value.value)
            required = default is None and not any(
                k.arg == "default_factory" for k in value.keywords
            )
        if isinstance(default, ast.Constant) and default.value is Ellipsis:
            required, default = True, None
        annotation = ast.unparse(statement.annotation)
        constant = (
            ast.unparse(default)
            if isinstance(default, ast.Constant)
            and isinstance(default.value, (str, int, float, bool))
            else None
        )
        if not required and annotation.endswith(" | None"):
            annotation = annotation[: -len(" | None")]
        if constant is not None and not _admits(annotation, default):
            constant = None
        params.append(Param(name, wire, annotation, required, constant))
    return params


def _admits(annotation: str, default: ast.expr | None) -> bool:
    """Whether a constant default fits the annotation as mypy sees it (``2`` for ``int``)."""
    if not isinstance(default, ast.Constant):
        return False
    kinds = {bool: "bool", int: "int", float: "float", str: "str"}
    kind = kinds.get(type(default.value))
    words = set(annotation.replace("|", " ").replace("[", " ").replace("]", " ").split())
    if annotation.startswith("Literal["):
        return repr(default.value) in annotation or f'"{default.value!s}"' in annotation
    return kind in words or (kind == "int" and "float" in words)


def _doc(tool: dict[str, Any], params: list[Param]) -> str:
    texts = (tool.get("description"), tool.get("title"), tool["name"])
    text = next((t.strip() for t in texts if isinstance(t, str) and t.strip()), "")
    text = text or f"Call the tool {tool['name']!r}."
    properties = tool.get("inputSchema", {}).get("properties", {})
    if not isinstance(properties, dict):
        properties = {}
    lines = []
    for param in params:
        described = properties.get(param.wire, {})
        description = described.get("description") if isinstance(described, dict) else None
        if description:
            lines.append(f"    {param.name}: {' '.join(str(description).split())}")
    if lines:
        text += "\n\nArgs:\n" + "\n".join(lines)
    return text
