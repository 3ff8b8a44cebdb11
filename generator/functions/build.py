"""Typed Python functions to tools: import the module, read signatures and docstrings.

The module is imported (its top-level code runs, see ``loading``) to read its
signatures. Schemas come from pydantic through ``pyschema``, the very module the
generated server runs, so the schemas and what the server accepts always agree.
"""

from __future__ import annotations

import inspect
import re
import types
import typing
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from pydantic_core import to_jsonable_python

from ..diagnostics import Diagnostic, MCPGenError
from ..openapi.names import assign_tool_names, project_names
from ..runtime import pyschema
from ..serverproject import tool_json
from .docs import read_docs
from .finite import finite
from .loading import load_module
from .selection import select, unexposed

DESCRIPTION_BUDGET = 1024


@dataclass(frozen=True)
class FunctionTool:
    name: str
    title: str
    description: str
    module: str
    function: str
    is_async: bool
    result: str
    wrap_output: bool
    input_schema: dict[str, Any]
    output_schema: dict[str, Any] | None
    signature: str

    def to_json(self) -> dict[str, Any]:
        data = tool_json(
            self.name, self.title, self.description, self.input_schema, self.output_schema
        )
        data["python"] = {
            "module": self.module,
            "function": self.function,
            "async": self.is_async,
            "result": self.result,
            "wrapOutput": self.wrap_output,
        }
        return data


@dataclass(frozen=True)
class FunctionsProject:
    title: str
    package: str
    distribution: str
    env_prefix: str
    module: str
    source: str
    tools: tuple[FunctionTool, ...]
    skipped: tuple[tuple[str, str], ...]
    module_file: str | None = None
    """The ``.py`` file the module was read from, when the target was a file."""
    module_path: str = ""
    """Where the module is, relative to the directory it must be imported from:
    ``tools.py``, ``pkg/tools.py`` or ``pkg/`` for a package."""
    module_distribution: str | None = None
    """The installed distribution that provides the module, when mcpgen can tell."""

    def spec_json(self) -> dict[str, Any]:
        return {
            "server": {
                "name": self.distribution,
                "title": self.title,
                "version": "0.1.0",
                "description": "",
            },
            "envPrefix": self.env_prefix,
            "python": {
                "module": self.module,
                "file": self.module_file,
                "path": self.module_path,
                "distribution": self.module_distribution,
            },
            "tools": [t.to_json() for t in self.tools],
        }


def build_functions(
    target: str, names: Sequence[str] = (), project_name: str | None = None
) -> tuple[FunctionsProject, list[Diagnostic]]:
    """The tools of ``target`` (imported) and the diagnostics found on the way."""
    loaded = load_module(target)
    module = loaded.module
    diagnostics = list(loaded.diagnostics)
    functions, selected = select(module, names, target)
    diagnostics.extend(selected)
    if not functions:
        raise MCPGenError(target, "", unexposed(module))
    tool_names = assign_tool_names([(a, "call", a) for a, _ in functions])
    tools: list[FunctionTool] = []
    skipped: list[tuple[str, str]] = []
    for (where, function), name in zip(functions, tool_names, strict=True):
        found: list[Diagnostic] = []
        try:
            tools.append(_tool(module.__name__, where, function, name, target, found))
        except Exception as exc:  # noqa: BLE001 - pydantic cannot express this signature
            reason = f"{type(exc).__name__}: {' '.join(str(exc).split())[:300]}"
            skipped.append((where, reason))
            found = [Diagnostic("W-SKIP", target, where, f"function {where} skipped: {reason}")]
        diagnostics.extend(found)
    doc = module.__doc__ if isinstance(module.__doc__, str) else ""
    title = doc.strip().splitlines()[0] if doc.strip() else module.__name__
    distribution, package, prefix = project_names(project_name, module.__name__.replace(".", " "))
    if package == module.__name__.partition(".")[0]:
        raise MCPGenError(
            target,
            "",
            f"the generated package would be named {package!r} like the module it serves, "
            "which it would shadow; choose another --name",
        )
    project = FunctionsProject(
        title=title,
        package=package,
        distribution=distribution,
        env_prefix=prefix,
        module=module.__name__,
        source=target,
        tools=tuple(tools),
        skipped=tuple(skipped),
        module_file=loaded.file,
        module_path=loaded.file or _module_path(module),
        module_distribution=loaded.distribution,
    )
    return project, diagnostics


def _module_path(module: types.ModuleType) -> str:
    path = module.__name__.replace(".", "/")
    return f"{path}/" if "__path__" in vars(module) else f"{path}.py"


def _type_text(annotation: Any) -> str:
    if typing.get_origin(annotation) is typing.Annotated:
        return _type_text(typing.get_args(annotation)[0])
    if isinstance(annotation, type):
        return annotation.__qualname__
    text = repr(annotation)
    for prefix in ("typing.", "typing_extensions.", "collections.abc."):
        text = text.replace(prefix, "")
    return text


_ADDRESS = re.compile(r" at 0x[0-9a-fA-F]+")


def _value_text(value: Any) -> str:
    """``repr(value)`` without memory addresses, which differ on every run."""
    return _ADDRESS.sub("", repr(value))


def _signature_text(name: str, signature: inspect.Signature, hints: dict[str, Any]) -> str:
    """``add(a: int, b: int = 2) -> int``, with annotations resolved (not strings)."""
    parts: list[str] = []
    for parameter in signature.parameters.values():
        text = parameter.name
        if parameter.kind is parameter.VAR_POSITIONAL:
            text = "*" + text
        elif parameter.kind is parameter.VAR_KEYWORD:
            text = "**" + text
        if parameter.name in hints:
            text += f": {_type_text(hints[parameter.name])}"
        if parameter.default is not parameter.empty:
            default = _value_text(parameter.default)
            text += f" = {default}" if parameter.name in hints else f"={default}"
        parts.append(text)
    result = f" -> {_type_text(hints['return'])}" if "return" in hints else ""
    return f"{name}({', '.join(parts)}){result}"


def _parameter_diagnostics(
    function: Callable[..., Any], hints: dict[str, Any], origin: str, where: str
) -> list[Diagnostic]:
    """What of the parameters cannot be expressed, one warning each."""
    found: list[Diagnostic] = []

    def warn(code: str, message: str) -> None:
        found.append(Diagnostic(code, origin, where, message))

    for parameter in inspect.signature(function).parameters.values():
        label = f"parameter {parameter.name!r}"
        if parameter.kind in (parameter.VAR_POSITIONAL, parameter.VAR_KEYWORD):
            star = "*" if parameter.kind is parameter.VAR_POSITIONAL else "**"
            warn(
                "W-FUNC-VARARGS",
                f"{star}{parameter.name} is not exposed; the tool calls without it",
            )
        elif parameter.name not in hints:
            if pyschema.hidden(function, parameter):
                warn(
                    "W-FUNC-HIDDEN",
                    f"{label} has no annotation and a function as its default; not exposed, "
                    "the function's default applies",
                )
                continue
            fallback = pyschema._fallback(parameter)
            kind = (
                "any JSON value" if fallback is Any else f"{fallback.__name__} (from its default)"
            )
            problem = "has no annotation"
            if parameter.annotation is not parameter.empty:
                problem = f"annotation {parameter.annotation!r} cannot be resolved"
            warn("W-FUNC-UNTYPED", f"{label} {problem}; it accepts {kind}")
        else:
            declared = pyschema.compatible(hints[parameter.name])
            kept, dropped = pyschema.narrowed(declared)
            if kept is declared:
                continue
            if pyschema.hidden(function, parameter):
                what = (
                    f"{_type_text(declared)} has no JSON schema"
                    if kept is Any
                    else f"of {_type_text(declared)}, only None has a JSON schema"
                )
                warn(
                    "W-FUNC-HIDDEN",
                    f"{label}: {what}; not exposed, the function's default "
                    f"({_value_text(parameter.default)}) applies",
                )
            elif kept is Any:
                warn(
                    "W-FUNC-TYPE",
                    f"{label}: {_type_text(declared)} has no JSON schema; it accepts any JSON value",
                )
            else:
                for member in dropped:
                    warn(
                        "W-FUNC-TYPE",
                        f"{label}: {_type_text(member)} has no JSON schema and is left out of "
                        f"{_type_text(declared)}; it accepts {_type_text(kept)}",
                    )
    return found


def _return_diagnostics(
    function: Callable[..., Any], hints: dict[str, Any], origin: str, where: str
) -> list[Diagnostic]:
    """Why the declared return type does not all become the outputSchema, one warning each."""
    if "return" not in hints:
        written = getattr(function, "__annotations__", {}).get("return")
        if written is None:
            return []
        return [
            Diagnostic(
                "W-FUNC-RETURN",
                origin,
                where,
                f"return annotation {written!r} cannot be resolved; there is no outputSchema",
            )
        ]
    declared = pyschema.compatible(hints["return"])
    kept, dropped = pyschema.result_type(function)
    found: list[Diagnostic] = []
    for member in dropped:
        if member == declared:
            what = f"return type {_type_text(declared)}"
        else:
            what = f"{_type_text(member)} in the return type {_type_text(declared)}"
        if kept is Any:
            outcome = "there is no outputSchema"
        else:
            outcome = f"the outputSchema is of {_type_text(kept)}"
        if pyschema.is_iterator(member):
            why = "is an iterator, which no tool result can be (return a list instead)"
        elif isinstance(member, type) and issubclass(member, BaseException):
            why = "is an exception"
        else:
            why = "has no JSON schema"
        found.append(
            Diagnostic(
                "W-FUNC-RETURN",
                origin,
                where,
                f"{what} {why}; {outcome}, and results of that type are error results",
            )
        )
    return found


def _default_diagnostics(function: Callable[..., Any], origin: str, where: str) -> list[Diagnostic]:
    """Defaults that are no JSON value: left out of the schema (pydantic would only warn)."""
    found: list[Diagnostic] = []
    for parameter in pyschema.parameters(function):
        default = parameter.default
        if default is parameter.empty or pyschema.hidden(function, parameter):
            continue
        try:
            to_jsonable_python(default)
        except Exception:  # noqa: BLE001 - not serialisable: left out of the schema
            found.append(
                Diagnostic(
                    "W-FUNC-DEFAULT",
                    origin,
                    where,
                    f"parameter {parameter.name!r}: its default {_value_text(default)} is no "
                    "JSON value; left out of the inputSchema (the function's default applies)",
                )
            )
    return found


def _schemas(
    function: Callable[..., Any], origin: str, where: str, diagnostics: list[Diagnostic]
) -> tuple[dict[str, Any], dict[str, Any] | None, bool, str]:
    """inputSchema, outputSchema, whether results are wrapped, and how results are sent."""
    with warnings.catch_warnings():
        # Defaults pydantic cannot write are reported by _default_diagnostics instead.
        warnings.simplefilter("ignore")
        schema = pyschema.input_schema(function)
        try:
            output, wrap = pyschema.output_schema(function)
            result = pyschema.result_kind(function)
        except Exception as exc:  # noqa: BLE001 - an unsupported return type loses only the schema
            diagnostics.append(
                Diagnostic(
                    "W-FUNC-RETURN",
                    origin,
                    where,
                    f"return type has no JSON schema ({type(exc).__name__}); results are untyped",
                )
            )
            output, wrap, result = None, False, "any"
    schema, lost = finite(schema)
    for pointer in lost:
        diagnostics.append(
            Diagnostic(
                "W-FUNC-DEFAULT",
                origin,
                where,
                f"inputSchema {pointer}: NaN and infinity are no JSON numbers; left out "
                "(a parameter's default still applies)",
            )
        )
    if output is not None:
        output, lost = finite(output)
        for pointer in lost:
            diagnostics.append(
                Diagnostic(
                    "W-FUNC-DEFAULT",
                    origin,
                    where,
                    f"outputSchema {pointer}: NaN and infinity are no JSON numbers; left out",
                )
            )
    return schema, output, wrap, result


def _tool(
    module: str,
    where: str,
    function: Callable[..., Any],
    name: str,
    origin: str,
    diagnostics: list[Diagnostic],
) -> FunctionTool:
    signature = inspect.signature(function)
    hints = pyschema._hints(function)
    diagnostics.extend(_parameter_diagnostics(function, hints, origin, where))
    diagnostics.extend(_default_diagnostics(function, origin, where))
    diagnostics.extend(_return_diagnostics(function, hints, origin, where))
    docs = read_docs(function, where)
    schema, output, wrap, result = _schemas(function, origin, where, diagnostics)
    properties = schema.get("properties", {})
    for key, value in properties.items():
        text = docs.parameters.get(key)
        if text and isinstance(value, dict) and "description" not in value:
            properties[key] = {**value, "description": text}
    if output is not None and docs.returns:
        output.setdefault("description", docs.returns)
    description = (docs.description if output is not None else docs.with_returns) or where
    if len(description) > DESCRIPTION_BUDGET:
        description = description[: DESCRIPTION_BUDGET - 1].rstrip() + "…"
    return FunctionTool(
        name=name,
        title=docs.title,
        description=description,
        module=module,
        function=where,
        is_async=inspect.iscoroutinefunction(function),
        result=result,
        wrap_output=wrap,
        input_schema=schema,
        output_schema=output,
        signature=_signature_text(where, signature, hints),
    )
