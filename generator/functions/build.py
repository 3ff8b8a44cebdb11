"""Typed Python functions to tools: import the module, read signatures and docstrings.

The module is imported (its top-level code runs) to read its signatures. Schemas
come from pydantic through ``pyschema``, the very module the generated server
runs, rendered from the same template.
"""

from __future__ import annotations

import importlib
import importlib.util
import inspect
import sys
import types
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import docstring_parser

from ..diagnostics import Diagnostic, MCPGenError
from ..openapi.names import assign_tool_names, project_names
from ..runtime import pyschema
from ..serverproject import tool_json

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

    def spec_json(self) -> dict[str, Any]:
        return {
            "server": {
                "name": self.distribution,
                "title": self.title,
                "version": "0.1.0",
                "description": "",
            },
            "envPrefix": self.env_prefix,
            "tools": [t.to_json() for t in self.tools],
        }


def load_module(target: str) -> types.ModuleType:
    """Import ``target``: a ``.py`` file (importable by its stem) or a dotted module name."""
    try:
        if target.endswith(".py"):
            path = Path(target).resolve()
            if not path.is_file():
                raise MCPGenError(target, "", "file not found")
            name = path.stem
            if not name.isidentifier():
                raise MCPGenError(target, "", f"{name!r} is not an importable module name")
            spec = importlib.util.spec_from_file_location(name, path)
            if spec is None or spec.loader is None:
                raise MCPGenError(target, "", "cannot be imported")
            module = importlib.util.module_from_spec(spec)
            sys.modules[name] = module
            spec.loader.exec_module(module)
            return module
        return importlib.import_module(target)
    except MCPGenError:
        raise
    except Exception as exc:  # noqa: BLE001 - importing runs user code: any failure is bad input
        where = _traceback_line(exc, target)
        raise MCPGenError(target, where, f"cannot import: {type(exc).__name__}: {exc}") from None


def _traceback_line(exc: BaseException, target: str) -> str:
    tb = exc.__traceback__
    line = ""
    while tb is not None:
        if tb.tb_frame.f_code.co_filename.endswith(Path(target).name):
            line = str(tb.tb_lineno)
        tb = tb.tb_next
    return line


def select(
    module: types.ModuleType, names: Sequence[str], origin: str
) -> tuple[list[Callable[..., Any]], list[Diagnostic]]:
    """The functions to expose: ``names``, else ``__all__``, else the module's own public ones."""
    diagnostics: list[Diagnostic] = []
    if names:
        chosen: list[Callable[..., Any]] = []
        for name in names:
            value = getattr(module, name, None)
            if not inspect.isfunction(value):
                raise MCPGenError(origin, "", f"--select {name!r}: no such function in the module")
            chosen.append(value)
        return chosen, diagnostics
    exported = getattr(module, "__all__", None)
    if exported is not None:
        chosen = []
        for name in exported:
            value = getattr(module, name, None)
            if inspect.isfunction(value):
                chosen.append(value)
            else:
                diagnostics.append(
                    Diagnostic(
                        "W-FUNC-NOT-FUNCTION",
                        origin,
                        "",
                        f"{name!r} in __all__ is not a function; left out",
                    )
                )
        return chosen, diagnostics
    own: list[Callable[..., Any]] = [
        value
        for name, value in vars(module).items()
        if inspect.isfunction(value)
        and not name.startswith("_")
        and value.__module__ == module.__name__
    ]
    return own, diagnostics


def build_functions(
    target: str, names: Sequence[str] = (), project_name: str | None = None
) -> tuple[FunctionsProject, list[Diagnostic]]:
    module = load_module(target)
    functions, diagnostics = select(module, names, target)
    if not functions:
        raise MCPGenError(target, "", "no public functions to expose (use --select or __all__)")
    runtime = pyschema
    tool_names = assign_tool_names([(f.__name__, "call", f.__name__) for f in functions])
    tools: list[FunctionTool] = []
    skipped: list[tuple[str, str]] = []
    for function, name in zip(functions, tool_names, strict=True):
        where = f"{function.__name__}"
        try:
            tools.append(_tool(runtime, module.__name__, function, name, target, diagnostics))
        except Exception as exc:  # noqa: BLE001 - pydantic cannot express this signature
            reason = f"{type(exc).__name__}: {' '.join(str(exc).split())[:300]}"
            skipped.append((where, reason))
            diagnostics.append(
                Diagnostic("W-SKIP", target, where, f"function {where} skipped: {reason}")
            )
    title = (module.__doc__ or "").strip().splitlines()[0] if module.__doc__ else module.__name__
    distribution, package, prefix = project_names(project_name, module.__name__.replace(".", " "))
    project = FunctionsProject(
        title=title,
        package=package,
        distribution=distribution,
        env_prefix=prefix,
        module=module.__name__,
        source=target,
        tools=tuple(tools),
        skipped=tuple(skipped),
    )
    return project, diagnostics


def _type_text(annotation: Any) -> str:
    if isinstance(annotation, type):
        return annotation.__qualname__
    return repr(annotation).replace("typing.", "").replace("typing_extensions.", "")


def _signature_text(
    function: Callable[..., Any], signature: inspect.Signature, hints: dict[str, Any]
) -> str:
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
            text += (
                f" = {parameter.default!r}"
                if parameter.name in hints
                else f"={parameter.default!r}"
            )
        parts.append(text)
    result = f" -> {_type_text(hints['return'])}" if "return" in hints else ""
    return f"{function.__name__}({', '.join(parts)}){result}"


def _tool(
    runtime: types.ModuleType,
    module: str,
    function: Callable[..., Any],
    name: str,
    origin: str,
    diagnostics: list[Diagnostic],
) -> FunctionTool:
    where = function.__name__
    signature = inspect.signature(function)
    hints = runtime._hints(function)
    for parameter in signature.parameters.values():
        if parameter.kind in (parameter.VAR_POSITIONAL, parameter.VAR_KEYWORD):
            star = "*" if parameter.kind is parameter.VAR_POSITIONAL else "**"
            diagnostics.append(
                Diagnostic(
                    "W-FUNC-VARARGS",
                    origin,
                    where,
                    f"{star}{parameter.name} is not exposed; the tool calls without it",
                )
            )
        elif parameter.name in hints and (
            (narrowed := runtime.usable(declared := runtime.compatible(hints[parameter.name])))
            is not declared
        ):
            into = "any JSON value" if narrowed is Any else _type_text(narrowed)
            diagnostics.append(
                Diagnostic(
                    "W-FUNC-TYPE",
                    origin,
                    where,
                    f"parameter {parameter.name!r}: {_type_text(declared)} has no JSON schema; "
                    f"it accepts {into}",
                )
            )
        elif parameter.name not in hints:
            fallback = runtime._fallback(parameter)
            kind = (
                "any JSON value" if fallback is Any else f"{fallback.__name__} (from its default)"
            )
            problem = "has no annotation"
            if parameter.annotation is not parameter.empty:
                problem = f"annotation {parameter.annotation!r} cannot be resolved"
            diagnostics.append(
                Diagnostic(
                    "W-FUNC-UNTYPED",
                    origin,
                    where,
                    f"parameter {parameter.name!r} {problem}; it accepts {kind}",
                )
            )
    docs = docstring_parser.parse(inspect.getdoc(function) or "")
    schema = runtime.input_schema(function)
    described = {p.arg_name: p.description for p in docs.params if p.description}
    properties = schema.get("properties", {})
    for key, value in properties.items():
        if key in described and isinstance(value, dict) and "description" not in value:
            properties[key] = {**value, "description": " ".join(described[key].split())}
    try:
        output, wrap = runtime.output_schema(function)
        result = runtime.result_kind(function)
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
    if output is not None and docs.returns is not None and docs.returns.description:
        output.setdefault("description", " ".join(docs.returns.description.split()))
    parts = [p for p in (docs.short_description, docs.long_description) if p]
    if output is None and docs.returns is not None and docs.returns.description:
        parts.append("Returns: " + docs.returns.description)
    description = "\n\n".join(parts) or function.__name__
    if len(description) > DESCRIPTION_BUDGET:
        description = description[: DESCRIPTION_BUDGET - 1].rstrip() + "…"
    title = (docs.short_description or function.__name__.replace("_", " ")).strip()
    return FunctionTool(
        name=name,
        title=" ".join(title.split())[:120],
        description=description,
        module=module,
        function=function.__name__,
        is_async=inspect.iscoroutinefunction(function),
        result=result,
        wrap_output=wrap,
        input_schema=schema,
        output_schema=output,
        signature=_signature_text(function, signature, hints),
    )
