"""Python signatures as pydantic models.

mcpgen runs this same module at generation time to write each tool's schemas,
and the server runs it to check and convert arguments and results, so the
schemas in ``spec.json`` and what the server accepts always agree.
"""

from __future__ import annotations

import ast
import collections.abc
import contextlib
import inspect
import sys
import types
import typing
import warnings
from collections.abc import Callable
from functools import cache
from typing import Annotated, Any

import typing_extensions
from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, create_model
from pydantic.json_schema import JsonSchemaMode

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


_NOTHING: Any = object()
"""What is left of an annotation none of whose parts pydantic can express."""

_UNIONS = (typing.Union, types.UnionType)


def narrowed(annotation: Any, mode: JsonSchemaMode = "validation") -> tuple[Any, tuple[Any, ...]]:
    """The part of ``annotation`` pydantic can express, and the union members left out.

    A union loses the members pydantic cannot express (``str | bytearray`` becomes ``str``,
    ``list[int | Callable[..., int]]`` becomes ``list[int]``); when nothing is left the
    result is ``Any`` and the whole annotation is the member left out.
    """
    kept, dropped = _narrow(annotation, mode)
    if kept is _NOTHING:
        return Any, (annotation,)
    return kept, dropped


def usable(annotation: Any) -> Any:
    """``annotation``, or the part of it pydantic can express (see ``narrowed``)."""
    return narrowed(annotation)[0]


def _narrow(annotation: Any, mode: JsonSchemaMode) -> tuple[Any, tuple[Any, ...]]:
    # pydantic itself leaves some union members out of the schema it writes (``Callable``),
    # so unions are taken apart wherever they are; an unchanged part is the same object.
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    dropped: tuple[Any, ...] = ()
    if origin is Annotated:
        inner, dropped = _narrow(args[0], mode)
        if inner is _NOTHING:
            return _NOTHING, (annotation,)
        rebuilt: Any = (
            annotation if inner is args[0] else Annotated[(inner, *annotation.__metadata__)]
        )
    elif origin in _UNIONS:
        kept: list[Any] = []
        lost: list[Any] = []
        for member in args:
            part, inside = _narrow(member, mode)
            if part is _NOTHING:
                lost.append(member)
            else:
                kept.append(part)
                lost.extend(inside)
        if not kept:
            return _NOTHING, (annotation,)
        unchanged = len(kept) == len(args) and all(a is b for a, b in zip(kept, args))
        rebuilt = annotation if unchanged else typing.Union[tuple(kept)]  # noqa: UP007
        dropped = tuple(lost)
    elif origin in _CONTAINERS and args:
        parts: list[Any] = []
        lost = []
        for arg in args:
            if arg is Ellipsis or isinstance(arg, list):
                parts.append(arg)
                continue
            part, inside = _narrow(arg, mode)
            if part is _NOTHING:
                return _NOTHING, (annotation,)
            parts.append(part)
            lost.extend(inside)
        unchanged = all(a is b for a, b in zip(parts, args))
        rebuilt = annotation if unchanged else _rebuild(annotation, origin, tuple(parts))
        dropped = tuple(lost)
    else:
        rebuilt = annotation
    if rebuilt is _NOTHING or not _has_schema(rebuilt, mode):
        return _NOTHING, (annotation,)
    return rebuilt, dropped


_CONTAINERS = frozenset(
    {
        list,
        set,
        frozenset,
        tuple,
        dict,
        collections.abc.Sequence,
        collections.abc.MutableSequence,
        collections.abc.Set,
        collections.abc.MutableSet,
        collections.abc.Mapping,
        collections.abc.MutableMapping,
        collections.abc.Iterable,
        collections.abc.Collection,
    }
)
"""Generic types whose arguments are narrowed one by one."""


def _rebuild(annotation: Any, origin: Any, args: tuple[Any, ...]) -> Any:
    try:
        return annotation.copy_with(args)
    except AttributeError:
        pass
    try:
        return origin[args]
    except TypeError:
        return _NOTHING


def _has_schema(annotation: Any, mode: JsonSchemaMode = "validation") -> bool:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            TypeAdapter(annotation).json_schema(mode=mode)
    except Exception:  # noqa: BLE001 - pydantic cannot express it
        return False
    return True


def annotation_of(function: Callable[..., Any], parameter: inspect.Parameter) -> Any:
    """The type a parameter's argument is validated as."""
    hints = _hints(function)
    return usable(compatible(hints.get(parameter.name, _fallback(parameter))))


def parameters(function: Callable[..., Any]) -> list[inspect.Parameter]:
    """The parameters a tool can pass (not ``*args`` or ``**kwargs``)."""
    return [p for p in inspect.signature(function).parameters.values() if p.kind in CALLABLE_KINDS]


def hidden(function: Callable[..., Any], parameter: inspect.Parameter) -> bool:
    """Whether a parameter is left out of the tool: it has a default, and no value a client
    could send would be of its type (a ``Callable``, say, or a union of such types and
    ``None``), so the function always runs with its default."""
    if parameter.default is inspect.Parameter.empty:
        return False
    hints = _hints(function)
    if parameter.name not in hints:
        return callable(parameter.default)
    declared = compatible(hints[parameter.name])
    kept = usable(declared)
    return kept is not declared and (kept is Any or kept is type(None))


@cache
def _fields(function: Callable[..., Any]) -> tuple[tuple[inspect.Parameter, str | None], ...]:
    """Each parameter with the name of its field in the arguments model (``None``: hidden)."""
    fields: list[tuple[inspect.Parameter, str | None]] = []
    for index, parameter in enumerate(parameters(function)):
        if hidden(function, parameter):
            fields.append((parameter, None))
        elif parameter.name.startswith("_") or parameter.name in _RESERVED:
            fields.append((parameter, f"arg_{index}"))
        else:
            fields.append((parameter, parameter.name))
    return tuple(fields)


@cache
def arguments_model(function: Callable[..., Any]) -> type[BaseModel]:
    """A model of ``function``'s arguments: the same schema as ``TypeAdapter(function)``."""
    fields: dict[str, Any] = {}
    for parameter, field in _fields(function):
        if field is None:
            continue
        annotation = annotation_of(function, parameter)
        default = ... if parameter.default is inspect.Parameter.empty else parameter.default
        if field != parameter.name:
            title = parameter.name.replace("_", " ").strip().title() or parameter.name
            fields[field] = (annotation, Field(default, alias=parameter.name, title=title))
        else:
            fields[field] = (annotation, default)
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
    values = arguments_model(function).model_validate(arguments)
    positional: list[Any] = []
    keywords: dict[str, Any] = {}
    for parameter, field in _fields(function):
        if field is None:
            if parameter.kind is inspect.Parameter.POSITIONAL_ONLY:
                positional.append(parameter.default)
            continue
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


def is_iterator(annotation: Any) -> bool:
    """Whether values of ``annotation`` are iterators (generators included), which are
    consumed by reading them and so are no result a tool can send."""
    origin = typing.get_origin(annotation) or annotation
    return isinstance(origin, type) and issubclass(
        origin, (collections.abc.Iterator, collections.abc.AsyncIterator)
    )


@cache
def result_type(function: Callable[..., Any]) -> tuple[Any, tuple[Any, ...]]:
    """The type results are serialised as, and the parts of the declared return type left
    out of it (an exception type, an iterator, a ``Callable``...): results of those types
    become error results."""
    annotation = return_annotation(function)
    if annotation is inspect.Signature.empty or annotation is Any:
        return Any, ()
    if is_iterator(annotation):
        return Any, (annotation,)
    return narrowed(annotation, "serialization")


def result_kind(function: Callable[..., Any]) -> str:
    """How a result becomes content: ``none``, ``bytes``, ``json`` (typed) or ``any``."""
    annotation = return_annotation(function)
    if annotation is None or annotation is type(None):
        return "none"
    if annotation in (bytes, bytearray):
        return "bytes"
    if result_type(function)[0] is Any:
        return "any"
    return "json"


@cache
def return_adapter(function: Callable[..., Any]) -> TypeAdapter[Any]:
    """Serialises ``function``'s results (as ``Any`` when its return type has no schema)."""
    if result_kind(function) != "json":
        return TypeAdapter(Any)
    return TypeAdapter(result_type(function)[0])


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
