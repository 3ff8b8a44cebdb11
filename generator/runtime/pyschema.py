"""Python signatures as pydantic models.

mcpgen runs this same module at generation time to write each tool's schemas,
and the server runs it to check and convert arguments and results, so the
schemas in ``spec.json`` and what the server accepts always agree.
"""

from __future__ import annotations

import ast
import contextlib
import inspect
import sys
import types
import typing
from collections.abc import Callable
from functools import cache
from typing import Annotated, Any

import typing_extensions
from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, create_model

CALLABLE_KINDS = (
    inspect.Parameter.POSITIONAL_ONLY,
    inspect.Parameter.POSITIONAL_OR_KEYWORD,
    inspect.Parameter.KEYWORD_ONLY,
)
_RESERVED = frozenset(dir(BaseModel))


def compatible(annotation: Any) -> Any:
    """``annotation`` with every ``typing.TypedDict`` rebuilt as a ``typing_extensions``
    one, which pydantic requires before Python 3.12."""
    if sys.version_info >= (3, 12):
        return annotation
    return _compatible(annotation, _REBUILT)


# Rebuilt TypedDicts by id() of the original, which stays alive as the key's value's source:
# the same original always maps to the same rebuilt class.
_REBUILT: dict[int, Any] = {}


def _compatible(annotation: Any, seen: dict[int, Any]) -> Any:
    if id(annotation) in seen:
        return seen[id(annotation)]
    if typing_extensions.is_typeddict(annotation) and type(annotation).__module__ == "typing":
        hints = typing.get_type_hints(annotation, include_extras=True)
        required: frozenset[str] = getattr(annotation, "__required_keys__", frozenset())
        fields: dict[str, Any] = {}
        for key, hint in hints.items():
            hint = _compatible(_strip_required(hint), seen)
            fields[key] = (
                typing_extensions.Required[hint]
                if key in required
                else (typing_extensions.NotRequired[hint])
            )
        rebuilt: Any = typing_extensions.TypedDict(annotation.__name__, fields)  # type: ignore[misc]
        rebuilt.__doc__ = annotation.__doc__
        rebuilt.__module__ = annotation.__module__
        seen[id(annotation)] = rebuilt
        return rebuilt
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin is None or not args:
        return annotation
    if origin is Annotated:
        return Annotated[(_compatible(args[0], seen), *annotation.__metadata__)]
    converted = tuple(_compatible(a, seen) if not isinstance(a, list) else a for a in args)
    if converted == args:
        return annotation
    if origin in (typing.Union, types.UnionType):
        return typing.Union[converted]  # noqa: UP007 - built from a tuple
    try:
        return annotation.copy_with(converted)
    except AttributeError:
        return origin[converted]


def _strip_required(hint: Any) -> Any:
    if typing.get_origin(hint) in (
        typing_extensions.Required,
        typing_extensions.NotRequired,
        getattr(typing, "Required", None),
        getattr(typing, "NotRequired", None),
    ):
        return typing.get_args(hint)[0]
    return hint


def _hints(function: Callable[..., Any]) -> dict[str, Any]:
    """Resolved annotations; names imported only under ``TYPE_CHECKING`` are found too, and
    an annotation that cannot be resolved is left out (the parameter then takes any value)."""
    with contextlib.suppress(Exception):
        return typing.get_type_hints(function, include_extras=True)
    module = sys.modules.get(function.__module__)
    namespace = {**vars(module), **_type_checking_names(function.__module__)} if module else {}
    hints: dict[str, Any] = {}
    for name, annotation in getattr(function, "__annotations__", {}).items():
        try:
            value = eval(annotation, namespace) if isinstance(annotation, str) else annotation
            hints[name] = typing.get_type_hints(_Holder(value), namespace, include_extras=True)["x"]
        except Exception:  # noqa: BLE001, S112 - unresolvable: the parameter takes any value
            continue
    return hints


class _Holder:
    def __init__(self, annotation: Any) -> None:
        self.__annotations__ = {"x": annotation}


@cache
def _type_checking_names(module_name: str) -> dict[str, Any]:
    """Names a module defines only under ``if TYPE_CHECKING:`` (type aliases, imports)."""
    module = sys.modules.get(module_name)
    try:
        tree = ast.parse(inspect.getsource(module))  # type: ignore[arg-type]
    except (OSError, TypeError, SyntaxError):
        return {}
    namespace = dict(vars(module))
    before = set(namespace)
    for node in tree.body:
        test = node.test if isinstance(node, ast.If) else None
        name = test.id if isinstance(test, ast.Name) else getattr(test, "attr", None)
        if name != "TYPE_CHECKING":
            continue
        for statement in node.body:  # type: ignore[attr-defined]
            code = compile(ast.Module([statement], []), module_name, "exec")
            try:
                exec(code, namespace)  # noqa: S102 - the module's own declarations
            except Exception:  # noqa: BLE001, S112 - a types-only import may be missing
                continue
    return {k: v for k, v in namespace.items() if k not in before}


def _fallback(parameter: inspect.Parameter) -> Any:
    default = parameter.default
    if default is not inspect.Parameter.empty and type(default) in (str, int, float, bool):
        return type(default)
    return Any


def parameters(function: Callable[..., Any]) -> list[inspect.Parameter]:
    """The parameters a tool can pass (not ``*args`` or ``**kwargs``)."""
    return [p for p in inspect.signature(function).parameters.values() if p.kind in CALLABLE_KINDS]


def usable(annotation: Any) -> Any:
    """``annotation``, or the part of it pydantic can express: a union loses the members it
    cannot (``str | bytearray`` becomes ``str``); anything else becomes ``Any``."""
    if _has_schema(annotation):
        return annotation
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        kept = tuple(a for a in typing.get_args(annotation) if _has_schema(a))
        if kept:
            return typing.Union[kept] if len(kept) > 1 else kept[0]  # noqa: UP007 - from a tuple
    return Any


def _has_schema(annotation: Any) -> bool:
    try:
        TypeAdapter(annotation).json_schema()
    except Exception:  # noqa: BLE001 - pydantic cannot express it
        return False
    return True


def annotation_of(function: Callable[..., Any], parameter: inspect.Parameter) -> Any:
    """The type a parameter's argument is validated as."""
    hints = _hints(function)
    return usable(compatible(hints.get(parameter.name, _fallback(parameter))))


@cache
def arguments_model(function: Callable[..., Any]) -> type[BaseModel]:
    """A model of ``function``'s arguments: the same schema as ``TypeAdapter(function)``."""
    fields: dict[str, Any] = {}
    for index, parameter in enumerate(parameters(function)):
        annotation = annotation_of(function, parameter)
        default = ... if parameter.default is inspect.Parameter.empty else parameter.default
        if parameter.name.startswith("_") or parameter.name in _RESERVED:
            title = parameter.name.replace("_", " ").strip().title() or parameter.name
            fields[f"arg_{index}"] = (
                annotation,
                Field(default, alias=parameter.name, title=title),
            )
        else:
            fields[parameter.name] = (annotation, default)
    model: type[BaseModel] = create_model(
        f"{function.__name__}_arguments",
        __config__=ConfigDict(populate_by_name=False),
        **fields,
    )
    return model


def input_schema(function: Callable[..., Any]) -> dict[str, Any]:
    """The arguments' JSON schema, as ``TypeAdapter(function).json_schema()`` gives it.

    Unknown arguments are refused by ``additionalProperties`` here, not by the model's
    config, which pydantic would pass on to nested dataclasses and TypedDicts.
    """
    schema = arguments_model(function).model_json_schema()
    schema.pop("title", None)
    return {"additionalProperties": False, **schema}


def call_arguments(
    function: Callable[..., Any], arguments: dict[str, Any]
) -> tuple[list[Any], dict[str, Any]]:
    """Validated, converted positional and keyword arguments for ``function``."""
    model = arguments_model(function)
    values = model.model_validate(arguments)
    positional: list[Any] = []
    keywords: dict[str, Any] = {}
    for parameter, field in zip(parameters(function), model.model_fields, strict=True):
        value = getattr(values, field)
        raw = arguments.get(parameter.name)
        if type(raw) is int and type(value) is float and value == raw:
            value = raw  # an int is a float for Python's type checkers; keep what was sent
        if parameter.kind is inspect.Parameter.POSITIONAL_ONLY:
            positional.append(value)
        else:
            keywords[parameter.name] = value
    return positional, keywords


def return_annotation(function: Callable[..., Any]) -> Any:
    """The declared return type, or ``inspect.Signature.empty``."""
    hints = _hints(function)
    if "return" in hints:
        return compatible(hints["return"])
    return inspect.Signature.empty


def result_kind(function: Callable[..., Any]) -> str:
    """How a result becomes content: ``none``, ``bytes``, ``json`` (typed) or ``any``."""
    annotation = return_annotation(function)
    if annotation is None or annotation is type(None):
        return "none"
    if annotation in (bytes, bytearray):
        return "bytes"
    if annotation is inspect.Signature.empty or annotation is Any:
        return "any"
    return "json"


@cache
def return_adapter(function: Callable[..., Any]) -> TypeAdapter[Any]:
    annotation = return_annotation(function)
    if annotation is inspect.Signature.empty:
        annotation = Any
    return TypeAdapter(annotation)


def output_schema(function: Callable[..., Any]) -> tuple[dict[str, Any] | None, bool]:
    """The outputSchema, and whether results are wrapped as ``{"result": ...}``."""
    if result_kind(function) != "json":
        return None, False
    schema = return_adapter(function).json_schema(mode="serialization")
    target = schema
    if "$ref" in schema and set(schema) <= {"$ref", "$defs"}:
        name = schema["$ref"].rsplit("/", 1)[-1]
        target = schema.get("$defs", {}).get(name, {})
    if target.get("type") == "object":
        return {"type": "object", **schema}, False
    defs = schema.pop("$defs", None)
    wrapped: dict[str, Any] = {
        "type": "object",
        "properties": {"result": schema},
        "required": ["result"],
    }
    if defs:
        wrapped["$defs"] = defs
    return wrapped, True
