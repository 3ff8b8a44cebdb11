"""The client methods for a server's resources, resource templates and prompts.

- a static resource gets ``read_<name>()``, reading its URI;
- a resource template gets ``read_<name>(*, var: str, ...)``, one keyword argument per
  RFC 6570 variable (required, except the ``{?query}`` and ``{&query}`` ones), expanded
  by the client module's own ``_expand`` (percent-encoding as RFC 6570 says);
- a prompt gets ``prompt_<name>(*, arg: str, ...)``, one keyword argument per prompt
  argument (prompt arguments are strings), required when the prompt says so.

Every method reads through the client's generic ``read_resource(uri)`` or
``get_prompt(name, arguments)`` and returns the SDK's ``ReadResourceResult`` or
``GetPromptResult``. Names come from the item's ``name``; URIs, names and descriptions
reach the module only as ``repr`` literals and escaped docstrings. Items that cannot get a
working method (a lone surrogate, a URI template the expansion cannot read, a duplicate
prompt name) are left out with a warning, like tools.
"""

from __future__ import annotations

import keyword
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

from ..diagnostics import Diagnostic, json_pointer
from ..naming import argument_name, docstring, py_literal
from .models import AMBIGUOUS, BUILTIN_TYPES
from .tools import SKIP, surrogate_path

Kind = Literal["resource", "template", "prompt"]

# A parameter named like one of these would break the method (``self`` and the locals
# ``values`` and ``arguments``), not parse (keywords), shadow the ``str`` of its own
# annotation, or be ambiguous to ruff.
RESERVED_ARGUMENTS = frozenset(
    {"self", "values", "arguments", *keyword.kwlist, *BUILTIN_TYPES, *AMBIGUOUS}
)

# RFC 6570: an expression's operator, then comma-separated varspecs.
_EXPRESSION = re.compile(r"\{([^{}]*)\}")
_VARSPEC = re.compile(r"^([A-Za-z0-9_]+(?:\.[A-Za-z0-9_]+)*)(\*|:[1-9][0-9]{0,3})?$")
_OPERATORS = "+#./;?&"
_QUERY_OPERATORS = "?&"


@dataclass(frozen=True)
class Argument:
    name: str
    """Python name of the keyword argument."""
    wire: str
    """The template variable or prompt argument it fills."""
    required: bool

    @property
    def wire_literal(self) -> str:
        return py_literal(self.wire)


@dataclass(frozen=True)
class Reader:
    """A method reading a resource (static or templated) or getting a prompt."""

    kind: Kind
    name: str
    target: str
    """The resource's URI, the URI template, or the prompt's name."""
    params: tuple[Argument, ...]
    doc: str

    @property
    def target_literal(self) -> str:
        return py_literal(self.target)

    @property
    def returns(self) -> str:
        return "types.GetPromptResult" if self.kind == "prompt" else "types.ReadResourceResult"

    @property
    def signature(self) -> str:
        """The parameters after ``self``: keyword-only, required first."""
        if not self.params:
            return ""
        parts = [f"{p.name}: str" for p in self.params if p.required]
        parts += [f"{p.name}: str | None = None" for p in self.params if not p.required]
        return ", *, " + ", ".join(parts)

    @property
    def call_arguments(self) -> str:
        return "".join(f", {p.name}={p.name}" for p in self.params)


def template_variables(template: str) -> list[tuple[str, bool]] | str:
    """Each variable of a URI template once, in order, and whether it is a query one
    (``{?q}``, ``{&q}``); or why the template cannot be expanded."""
    rest = _EXPRESSION.sub("", template)
    if "{" in rest or "}" in rest:
        return "its URI template has unbalanced braces"
    found: dict[str, bool] = {}
    for body in _EXPRESSION.findall(template):
        operator = body[:1] if body[:1] in _OPERATORS else ""
        for spec in body[len(operator) :].split(","):
            match = _VARSPEC.match(spec)
            if match is None:
                return f"its URI template has an expression the client cannot expand: {{{body}}}"
            found.setdefault(match.group(1), bool(operator) and operator in _QUERY_OPERATORS)
    return list(found.items())


def _arguments(wires: list[tuple[str, bool]]) -> tuple[Argument, ...]:
    taken: set[str] = set()
    out: list[Argument] = []
    for wire, required in wires:
        name = argument_name(wire, taken, RESERVED_ARGUMENTS)
        out.append(Argument(name, wire, required))
    # Required first, as the signature lists them; the call passes them by name anyway.
    return tuple(sorted(out, key=lambda a: not a.required))


def _first_text(item: dict[str, Any], fallback: str) -> str:
    texts = (item.get("description"), item.get("title"))
    return next((t.strip() for t in texts if isinstance(t, str) and t.strip()), fallback)


def _args_doc(text: str, lines: list[str]) -> str:
    return text + "\n\nArgs:\n" + "\n".join(lines) if lines else text


def build_readers(
    resources: tuple[dict[str, Any], ...],
    templates: tuple[dict[str, Any], ...],
    prompts: tuple[dict[str, Any], ...],
    origin: str,
    method_name: Callable[[str, set[str]], str],
    taken: set[str],
) -> tuple[list[Reader], list[Diagnostic]]:
    """The methods, named by ``method_name(text, taken)`` after the tools' own, and a
    warning for each item left out."""
    readers: list[Reader] = []
    diagnostics: list[Diagnostic] = []

    def skip(key: str, index: int, path: tuple[str | int, ...], what: str, why: str) -> None:
        items = {"resources": resources, "resourceTemplates": templates, "prompts": prompts}
        name = str(items[key][index]["name"])
        shown = name.encode("utf-8", "backslashreplace").decode("utf-8")
        diagnostics.append(
            Diagnostic(
                SKIP, origin, json_pointer((key, index, *path)), f"{what} {shown!r} left out: {why}"
            )
        )

    lone = "it contains a lone surrogate, which is not valid Unicode text"
    for index, item in enumerate(resources):
        found = surrogate_path(item, ())
        if found is not None:
            skip("resources", index, found, "resource", lone)
            continue
        uri = item["uri"]
        readers.append(
            Reader(
                "resource",
                method_name(f"read {item['name']}", taken),
                uri,
                (),
                docstring(_first_text(item, f"Read the resource {uri!r}.")),
            )
        )
    for index, item in enumerate(templates):
        found = surrogate_path(item, ())
        if found is not None:
            skip("resourceTemplates", index, found, "resource template", lone)
            continue
        uri_template = item["uriTemplate"]
        variables = template_variables(uri_template)
        if isinstance(variables, str):
            skip("resourceTemplates", index, ("uriTemplate",), "resource template", variables)
            continue
        text = _first_text(item, f"Read a resource of the template {uri_template!r}.")
        readers.append(
            Reader(
                "template",
                method_name(f"read {item['name']}", taken),
                uri_template,
                _arguments([(name, not query) for name, query in variables]),
                docstring(text),
            )
        )
    seen: set[str] = set()
    for index, item in enumerate(prompts):
        found = surrogate_path(item, ())
        if found is not None:
            skip("prompts", index, found, "prompt", lone)
            continue
        if item["name"] in seen:
            skip("prompts", index, ("name",), "prompt", "another prompt has the same name")
            continue
        seen.add(item["name"])
        arguments = [a for a in item.get("arguments") or [] if isinstance(a, dict)]
        wires = list({a["name"]: a.get("required") is True for a in arguments}.items())
        params = _arguments(wires)
        described = {
            a["name"]: " ".join(str(a["description"]).split())
            for a in arguments
            if isinstance(a.get("description"), str) and a["description"].strip()
        }
        lines = [f"    {p.name}: {described[p.wire]}" for p in params if p.wire in described]
        text = _first_text(item, f"Get the prompt {item['name']!r}.")
        readers.append(
            Reader(
                "prompt",
                method_name(f"prompt {item['name']}", taken),
                item["name"],
                params,
                docstring(_args_doc(text, lines)),
            )
        )
    return readers, diagnostics
