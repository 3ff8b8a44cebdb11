"""Which of a module's functions become tools.

``--select`` names them; otherwise ``__all__``, else the module's own public
functions (a package's: those of its submodules that it imports too). Without
``--select``, what only looks like a function is left out with a warning: a decorator
or function factory (it takes or returns a function, which no tool call can send or
receive) and a class behind a function wrapper.
"""

from __future__ import annotations

import ast
import collections.abc
import inspect
import textwrap
import types
import typing
from collections.abc import Callable, Sequence
from typing import Any

from ..diagnostics import Diagnostic, MCPGenError
from ..runtime import pyschema


def attribute(module: types.ModuleType, name: str, origin: str) -> Any:
    """``getattr(module, name, None)``; a module ``__getattr__`` that raises something other
    than ``AttributeError`` is bad input."""
    try:
        return getattr(module, name, None)
    except KeyboardInterrupt:
        raise
    except BaseException as exc:  # noqa: BLE001 - the module's own __getattr__ failed
        text = " ".join(str(exc).split())[:200]
        raise MCPGenError(
            origin,
            "",
            f"reading {name!r} from the module raised {type(exc).__name__}: {text} "
            "(its __getattr__ fails)",
        ) from None


def select(
    module: types.ModuleType, names: Sequence[str], origin: str
) -> tuple[list[tuple[str, Callable[..., Any]]], list[Diagnostic]]:
    """The functions to expose, with the names the module has them under: ``names``, else
    ``__all__``, else the module's own public ones (``_own``)."""
    diagnostics: list[Diagnostic] = []
    if names:
        chosen: list[tuple[str, Callable[..., Any]]] = []
        for name in names:
            value = attribute(module, name, origin)
            if not inspect.isfunction(value):
                raise MCPGenError(origin, "", f"--select {name!r}: {not_a_function(value)}")
            chosen.append((name, value))
        return chosen, diagnostics
    exported = attribute(module, "__all__", origin)
    candidates: list[tuple[str, Any]]
    if exported is not None:
        if isinstance(exported, str) or not all(isinstance(n, str) for n in exported):
            raise MCPGenError(origin, "", "__all__ is not a list of names")
        candidates = []
        for name in exported:
            try:
                value = attribute(module, name, origin)
            except MCPGenError as exc:
                diagnostics.append(
                    Diagnostic(
                        "W-FUNC-NOT-FUNCTION",
                        origin,
                        "",
                        f"{name!r} in __all__ cannot be read ({exc.diagnostic.message}); left out",
                    )
                )
                continue
            if inspect.isfunction(value):
                candidates.append((name, value))
            else:
                diagnostics.append(
                    Diagnostic(
                        "W-FUNC-NOT-FUNCTION",
                        origin,
                        "",
                        f"{name!r} in __all__ is not a function; left out",
                    )
                )
    else:
        candidates = [
            (name, value)
            for name, value in vars(module).items()
            if inspect.isfunction(value) and not name.startswith("_") and _own(module, value)
        ]
    chosen = []
    for name, value in candidates:
        reason = not_a_tool(value)
        if reason is None:
            chosen.append((name, value))
        else:
            diagnostics.append(
                Diagnostic(
                    "W-FUNC-NOT-TOOL",
                    origin,
                    name,
                    f"{name} {reason}; left out (--select it to expose it anyway)",
                )
            )
    return chosen, diagnostics


def _own(module: types.ModuleType, function: Callable[..., Any]) -> bool:
    """Whether ``function`` is the module's own: defined in it or, for a package, in one of
    its submodules (a package's API is often written in submodules and imported into its
    ``__init__``: ``slugify.slugify``, ``toml.loads``), not imported from elsewhere."""
    defined = getattr(function, "__module__", None)
    if not isinstance(defined, str):
        return False
    own = module.__name__
    return defined == own or ("__path__" in vars(module) and defined.startswith(own + "."))


def not_a_function(value: Any) -> str:
    """What a name that is no Python function is, and what to do about it."""
    if value is None:
        return "no such function in the module"
    if inspect.isclass(value):
        return "a class, not a function"
    if inspect.isbuiltin(value):
        return (
            "a built-in function (written in C), whose argument types mcpgen cannot read; "
            "expose a typed Python function that calls it"
        )
    if inspect.ismethod(value):
        return (
            "a method of an object, not a function of the module; expose a typed Python "
            "function that calls it"
        )
    return f"not a function but {_article(type(value).__name__)}"


def unexposed(module: types.ModuleType) -> str:
    """Why a module without ``__all__`` has no functions of its own to expose, and what to
    do: it may have public functions imported from other modules (``--select`` them), or
    built-in functions or methods of an object (whose types cannot be read)."""
    default = "no public functions to expose (use --select or __all__)"
    if "__all__" in vars(module):
        return default
    builtin = imported = 0
    for name, value in vars(module).items():
        if name.startswith("_"):
            continue
        if inspect.isbuiltin(value) or inspect.ismethod(value):
            builtin += 1
        elif inspect.isfunction(value) and not _own(module, value):
            imported += 1
    if imported:
        return (
            f"no functions of its own to expose; its {imported} public functions are "
            "imported from other modules: name those to expose with --select (or __all__)"
        )
    if builtin:
        return (
            f"no Python functions to expose; its {builtin} public callables are built-in "
            "functions or methods of an object, whose argument types mcpgen cannot read: "
            "expose typed Python functions that call them"
        )
    return default


def _article(noun: str) -> str:
    return f"an {noun}" if noun[:1].lower() in "aeiou" else f"a {noun}"


def not_a_tool(function: Callable[..., Any]) -> str | None:
    """Why ``function`` is no tool of its own, if it is not: it wraps a class, or it is a
    decorator or function factory."""
    try:
        inner = inspect.unwrap(function, stop=inspect.isclass)
    except ValueError:  # a __wrapped__ cycle
        inner = function
    if inspect.isclass(inner):
        return f"is the class {inner.__qualname__} behind a function wrapper"
    hints = pyschema._hints(function)
    if "return" in hints and (kind := _callable_kind(hints["return"])):
        return f"returns {kind} (a decorator or a factory)"
    try:
        signature = inspect.signature(function)
    except (TypeError, ValueError):
        return None
    for parameter in signature.parameters.values():
        if (
            parameter.kind in pyschema.CALLABLE_KINDS
            and parameter.default is parameter.empty
            and parameter.name in hints
            and (kind := _callable_kind(hints[parameter.name]))
        ):
            return f"takes {kind} (parameter {parameter.name!r}), which no tool call can send"
    if _returns_inner_function(function):
        return "returns a function it defines (a decorator or a factory)"
    return None


def _callable_kind(annotation: Any) -> str | None:
    """``"a function"`` for ``Callable[...]``, ``"a class"`` for ``type[...]`` (or a type
    variable bound to one of them), else ``None``."""
    if isinstance(annotation, typing.TypeVar):
        bound = annotation.__bound__
        return None if bound is None else _callable_kind(bound)
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _callable_kind(typing.get_args(annotation)[0])
    if annotation in (collections.abc.Callable, typing.Callable) or (
        origin is collections.abc.Callable
    ):
        return "a function"
    if annotation is type or origin is type:
        return "a class"
    return None


def _returns_inner_function(function: Callable[..., Any]) -> bool:
    """The function's own code returns a function or class it defines (``return wrapper``)."""
    try:
        source = textwrap.dedent(inspect.getsource(function))
        tree = ast.parse(source)
    except Exception:  # noqa: BLE001 - no readable source: nothing to tell from it
        return False
    definition = next(
        (
            node
            for node in tree.body
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
            and node.name == function.__name__
        ),
        None,
    )
    if definition is None:
        return False
    inner: set[str] = set()
    returned: list[ast.expr] = []
    todo: list[ast.AST] = list(definition.body)
    while todo:
        node = todo.pop()
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            inner.add(node.name)
            continue  # its own returns are not the function's
        if isinstance(node, ast.Lambda):
            continue
        if isinstance(node, ast.Return) and node.value is not None:
            returned.append(node.value)
        todo.extend(ast.iter_child_nodes(node))
    return any(
        isinstance(value, ast.Lambda) or (isinstance(value, ast.Name) and value.id in inner)
        for value in returned
    )
