"""The operations a server offers: tools as clients see them, and their validators.

A catalog is made from ``spec.json``'s ``tools`` (functions servers) or from
``operations.json`` (OpenAPI servers: ``$defs``, ``recursive`` and ``tools`` in
reference form), with the schema settings of ``spec.json``: ``budget`` (bytes
of each wire schema), ``output`` (``auto``, ``full`` or ``shallow``) and
``inline`` (false for ``--keep-refs``). Wire schemas and validators are built
on first use and kept; ``operations.json``'s ``forms`` says which form (see
``Definitions.fitted``) each tool's schemas took at generation, where not ``full``.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Mapping
from typing import TYPE_CHECKING, Any

from .formats import format_checker
from .outputs import lenient, python_patterns, shallow
from .patterns import ecma as ecma_patterns
from .schemas import DEFAULT_BUDGET, Definitions

if TYPE_CHECKING:
    import jsonschema

NOTE = "shape summarised to fit the tool list"
_READ_ONLY = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})
_IDEMPOTENT = _READ_ONLY | {"PUT", "DELETE"}
_DESTRUCTIVE = frozenset({"PUT", "DELETE"})


def method_annotations(method: str) -> dict[str, bool]:
    """An HTTP operation's tool annotations, from its method: an OpenAPI tool's
    annotations, which ``operations.json`` leaves to the runtime."""
    method = method.upper()
    return {
        "readOnlyHint": method in _READ_ONLY,
        "destructiveHint": method in _DESTRUCTIVE,
        "idempotentHint": method in _IDEMPOTENT,
        "openWorldHint": True,
    }


class Catalog:
    def __init__(
        self,
        tools: list[dict[str, Any]],
        defs: Mapping[str, Any] | None = None,
        recursive: frozenset[str] = frozenset(),
        settings: Mapping[str, Any] | None = None,
        forms: Mapping[str, dict[str, str]] | None = None,
    ) -> None:
        settings = settings or {}
        self.by_name: dict[str, dict[str, Any]] = {tool["name"]: tool for tool in tools}
        self.budget: int = settings.get("budget", DEFAULT_BUDGET)
        self.output: str = settings.get("output", "auto")
        self.lenient: bool = settings.get("lenientOutput", False) is True
        # Patterns as ECMA-262 reads them (a document's), else as Python does (a function's).
        self.ecma: bool = settings.get("patterns") == "ecma"
        inline = settings.get("inline", True) is not False
        self.definitions = Definitions(defs or {}, recursive, inline=inline)
        # Output schemas are made lenient (where they are) and readable by Python's SDK
        # client before they are fitted to the budget.
        self.output_definitions = Definitions(
            _Outputs(defs or {}, self.lenient), recursive, inline=inline
        )
        self._wire: dict[tuple[str, int, str], dict[str, Any]] = {}
        self._chosen: dict[str, dict[str, str]] = {}
        self.forms: dict[str, dict[str, str]] = dict(forms or {})
        # With forms from generation, a tool they leave out took the full form.
        self._usual_form = "full" if forms is not None else None
        self._validators: dict[str, jsonschema.protocols.Validator] = {}
        self._output_validators: dict[str, jsonschema.protocols.Validator] = {}

    @classmethod
    def from_data(
        cls, data: Mapping[str, Any], settings: Mapping[str, Any] | None = None
    ) -> Catalog:
        """A catalog from ``operations.json`` (or ``spec.json`` of a functions server)."""
        return cls(
            data["tools"],
            data.get("$defs"),
            frozenset(data.get("recursive") or ()),
            settings,
            data.get("forms"),
        )

    def names(self) -> list[str]:
        return list(self.by_name)

    def wire(self, name: str, budget: int | None = None, note: str = NOTE) -> dict[str, Any]:
        """The tool ``name`` as ``tools/list`` shows it (MCP wire JSON), schemas within
        ``budget`` bytes each (the catalog's budget by default)."""
        budget = self.budget if budget is None else budget
        key = (name, budget, note)
        cached = self._wire.get(key)
        if cached is not None:
            return cached
        tool = self.by_name[name]
        # The forms chosen at generation hold for the catalog's own budget and note.
        usual = budget == self.budget and note == NOTE
        known = self.forms.get(name, {}) if usual else {}
        chosen: dict[str, str] = {}
        defs = self.definitions
        default = self._usual_form if usual else None
        chosen["input"], schema = defs.fitted(
            tool["inputSchema"], budget, note, known.get("input", default)
        )
        out: dict[str, Any] = {
            "name": tool["name"],
            "title": tool["title"],
            "description": tool["description"],
            "inputSchema": schema,
        }
        output = tool.get("outputSchema")
        if output is not None:
            defs = self.output_definitions
            output = _as_output(output, self.lenient)
            if self.output == "shallow":
                out["outputSchema"] = shallow(output, defs)
            elif self.output == "full":
                full = defs.full(output)
                out["outputSchema"] = full if defs.size(full) <= budget else defs.shared(output)
            else:
                chosen["output"], out["outputSchema"] = defs.fitted(
                    output, budget, note, known.get("output", default)
                )
        if "annotations" in tool:
            out["annotations"] = tool["annotations"]
        elif "http" in tool:
            out["annotations"] = method_annotations(tool["http"]["method"])
        if usual:
            self._chosen[name] = chosen
        self._wire[key] = out
        return out

    def chosen_forms(self) -> dict[str, dict[str, str]]:
        """The forms other than ``full`` that ``wire`` chose for each tool wired so far, at
        the catalog's budget: what ``operations.json`` keeps as ``forms``, so that a server
        starts without trying every form again."""
        out: dict[str, dict[str, str]] = {}
        for name in self.by_name:
            found = {k: v for k, v in self._chosen.get(name, {}).items() if v != "full"}
            if found:
                out[name] = found
        return out

    def wire_size(self, name: str) -> int:
        """Bytes of the tool's wire JSON (compact)."""
        return self.definitions.size(self.wire(name))

    def input_schema(self, name: str) -> dict[str, Any] | None:
        """The tool's wire inputSchema, or None for an unknown tool."""
        return self.wire(name)["inputSchema"] if name in self.by_name else None

    def argument_errors(self, name: str, arguments: Mapping[str, Any]) -> list[str]:
        """What is wrong with ``arguments`` for the complete input schema, one line per
        problem, naming the argument."""
        return problems(self._validator(name), arguments)

    def checked_arguments(
        self,
        name: str,
        arguments: Mapping[str, Any],
        mend: Callable[[Mapping[str, Any]], Mapping[str, Any]] | None = None,
    ) -> tuple[Mapping[str, Any], list[str]]:
        """``checked`` against the complete input schema of the tool ``name``."""
        return checked(self._validator(name), arguments, mend)

    def prepare_validators(self) -> None:
        """Make every tool's argument validator now (and import what they need), not at
        each tool's first call: for a few tools, such as the discovery tools."""
        for name in self.by_name:
            self._validator(name)

    def _validator(self, name: str) -> jsonschema.protocols.Validator:
        validator = self._validators.get(name)
        if validator is None:
            schema = self.definitions.validation_schema(self.by_name[name]["inputSchema"])
            validator = validator_for(schema, formats=True, ecma=self.ecma)
            self._validators[name] = validator
        return validator

    def output_error(self, name: str, structured: Any) -> str | None:
        """Where and how a structured result does not match the outputSchema clients see."""
        return self.conformed(name, structured)[1]

    def conformed(self, name: str, structured: Any) -> tuple[Any, str | None]:
        """``structured`` as it is sent for the outputSchema clients see, and where and how
        it does not match that schema (None where it does). Unless output is strict, a
        number or a boolean where the schema says text is sent as its JSON text: APIs send
        ``85014`` for a ZIP code their document calls a string. That mends without losing
        anything. Any other mismatch is said (the first that mending leaves), and nothing
        is mended."""
        validator = self._output_validators.get(name)
        if validator is None:
            schema = self.wire(name).get("outputSchema")
            if schema is None:
                return structured, None
            validator = self._output_validators[name] = validator_for(schema, ecma=self.ecma)
        errors = list(validator.iter_errors(structured))
        if not errors:
            return structured, None
        if self.lenient:
            mended = structured
            for error in _all_errors(errors):
                if _text_wanted(error):
                    mended = _replaced(mended, list(error.absolute_path), _as_text(error.instance))
            if mended is not structured:
                # What is still wrong once mended is what to say.
                problem = first_problem(validator, mended)
                return (mended, None) if problem is None else (structured, problem)
        return structured, first_problem(validator, structured)


def _as_output(schema: Any, lenient_output: bool, top: bool = True) -> Any:
    """A schema as output schemas use it: lenient (unless output is strict), and without
    patterns Python's SDK client cannot read."""
    return python_patterns(lenient(schema, top=top) if lenient_output else schema)


class _Outputs(Mapping[str, Any]):
    """Definitions as output schemas use them: each made lenient (unless output is strict)
    and without patterns Python cannot read, on first use."""

    def __init__(self, defs: Mapping[str, Any], lenient: bool) -> None:
        self._defs = defs
        self._lenient = lenient
        self._done: dict[str, Any] = {}

    def __getitem__(self, name: str) -> Any:
        if name not in self._done:
            self._done[name] = _as_output(self._defs[name], self._lenient, top=False)
        return self._done[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._defs)

    def __len__(self) -> int:
        return len(self._defs)


def _all_errors(
    errors: list[jsonschema.ValidationError],
) -> Iterator[jsonschema.ValidationError]:
    """Errors and the errors of the branches they tried (``anyOf``: each member's)."""
    for error in errors:
        yield error
        yield from _all_errors(list(error.context or ()))


def _types(error: jsonschema.ValidationError) -> list[Any] | None:
    """The types a ``type`` error wanted, as a list; None for an error of another keyword."""
    kinds = error.validator_value if error.validator == "type" else None
    kinds = [kinds] if isinstance(kinds, str) else kinds
    return kinds if isinstance(kinds, list) else None


def _text_wanted(error: jsonschema.ValidationError) -> bool:
    """A number or a boolean where only text (or null) would do."""
    kinds = _types(error)
    return (
        kinds is not None
        and "string" in kinds
        and not {"number", "integer", "boolean"} & set(kinds)
        and isinstance(error.instance, (int, float))
    )


def _as_text(value: Any) -> str:
    """A number or a boolean as JSON writes it (``85014``, ``0.5``, ``true``)."""
    return json.dumps(value)


def _replaced(value: Any, path: list[Any], new: Any) -> Any:
    """``value`` with what is at ``path`` replaced by ``new``; the containers on the way are
    copied, ``value`` itself is left as it was."""
    if not path:
        return new
    key, rest = path[0], path[1:]
    if isinstance(value, dict) and key in value:
        return {**value, key: _replaced(value[key], rest, new)}
    if isinstance(value, list) and isinstance(key, int) and 0 <= key < len(value):
        copy = list(value)
        copy[key] = _replaced(value[key], rest, new)
        return copy
    return value


UNQUOTED_DEPTH = 8
"""Rounds of ``unquoted``: JSON text found inside JSON text that was read, and so on."""


def unquoted(
    validator: jsonschema.protocols.Validator, arguments: Mapping[str, Any]
) -> Mapping[str, Any]:
    """``arguments`` with each JSON text of an object, an array, a number or a boolean, sent
    where the schema wants that kind of value and no text, read as that value (a copy; the
    arguments themselves are left as they were). Models and clients send the text
    ``'{"limit": 3}'`` for an object, ``"5"`` for an integer; the MCP SDK's own servers read
    ``"5"`` as 5 (pydantic does). Anything else, text that is not JSON or JSON of another
    kind, is left for validation to refuse. And an optional argument given null where its
    schema takes no null is left out, as not given: clients that make every argument
    required for a model (OpenAI's strict mode) send null for those it leaves unset; a
    required one stays null, and is refused. ``arguments`` itself where nothing changes."""
    mended: dict[str, Any] = dict(arguments)
    start = mended
    dropped: list[list[Any]] = []
    for _ in range(UNQUOTED_DEPTH):
        before = mended
        for error in _all_errors(list(validator.iter_errors(mended))):
            path = list(error.absolute_path)
            value = _written_value(error)
            if value is not None:
                mended = _replaced(mended, path, value[0])
            elif _null_unwanted(error) and path and isinstance(path[-1], str):
                parent = _at(mended, path[:-1])
                if isinstance(parent, dict) and path[-1] in parent:
                    kept = {key: v for key, v in parent.items() if key != path[-1]}
                    mended = _replaced(mended, path[:-1], kept)
                    dropped.append(path)
        if mended is before:
            break
    if dropped:
        missing = {
            (tuple(error.absolute_path), name)
            for error in _all_errors(list(validator.iter_errors(mended)))
            if error.validator == "required" and isinstance(error.validator_value, list)
            for name in error.validator_value
        }
        for path in dropped:
            parent = _at(mended, path[:-1])
            if (tuple(path[:-1]), path[-1]) in missing and isinstance(parent, dict):
                mended = _replaced(mended, path[:-1], {**parent, path[-1]: None})
    return arguments if mended is start else mended


def _null_unwanted(error: jsonschema.ValidationError) -> bool:
    """Whether ``error`` is about a null where the schema takes no null."""
    kinds = _types(error)
    return kinds is not None and "null" not in kinds and error.instance is None


def _at(value: Any, path: list[Any]) -> Any:
    """What is at ``path`` in ``value``; None where nothing is."""
    for key in path:
        if isinstance(value, dict):
            value = value.get(key)
        elif isinstance(value, list) and isinstance(key, int) and 0 <= key < len(value):
            value = value[key]
        else:
            return None
    return value


_JSON_KINDS: dict[str, tuple[type, ...]] = {
    "object": (dict,),
    "array": (list,),
    "integer": (int,),
    "number": (int, float),
    "boolean": (bool,),
}


def _written_value(error: jsonschema.ValidationError) -> tuple[Any] | None:
    """The value that the text ``error`` is about writes in JSON, in a one-item tuple, where
    the schema wants a value of that kind and no text; else None."""
    kinds = _types(error)
    text = error.instance
    if kinds is None or "string" in kinds or not isinstance(text, str):
        return None
    try:
        value = json.loads(text, parse_constant=_no_constant)
    except ValueError:  # not JSON (json.JSONDecodeError is a ValueError)
        return None
    for kind in kinds:
        wanted = _JSON_KINDS.get(kind)
        if wanted is None or not isinstance(value, wanted):
            continue
        if kind != "boolean" and isinstance(value, bool):
            continue  # JSON's true is no number
        if kind == "integer" and not isinstance(value, int):
            continue
        return (value,)
    return None


def _no_constant(name: str) -> Any:
    """Python reads ``NaN`` and ``Infinity`` as numbers; JSON has no such values."""
    raise ValueError(name)


def checked(
    validator: jsonschema.protocols.Validator,
    arguments: Mapping[str, Any],
    mend: Callable[[Mapping[str, Any]], Mapping[str, Any]] | None = None,
) -> tuple[Mapping[str, Any], list[str]]:
    """``arguments`` as they are read, and what is wrong with them (``problems``): as sent
    where they are right; else as ``unquoted`` reads them, then ``mend`` (a caller's own
    reading, where it has one)."""
    found = problems(validator, arguments)
    if not found:
        return arguments, found
    arguments = unquoted(validator, arguments)
    if mend is not None:
        arguments = mend(arguments)
    return arguments, problems(validator, arguments)


def problems(validator: jsonschema.protocols.Validator, arguments: Mapping[str, Any]) -> list[str]:
    """What is wrong with ``arguments``, one line per problem (at most ten), naming the
    argument."""
    errors = sorted(validator.iter_errors(dict(arguments)), key=lambda e: list(e.path))
    out: list[str] = []
    for error in errors[:10]:
        where = "/".join(str(p) for p in error.absolute_path)
        out.append(f"{where}: {_message(error)}" if where else _message(error))
    return out


SHOWN_NAME = 100
"""Characters of a name a client sent that an error message says back."""
SHOWN_VALUE = 60
"""Characters of a value that a validation message shows (a long one is cut, its length said)."""
SHOWN_MESSAGE = 300
"""Characters of a validation message at most."""


def shown(text: str, quoted: bool = True, limit: int = SHOWN_NAME) -> str:
    """``text`` for an error message (``repr``'s quotes unless not ``quoted``), its start
    only where it is long: what a client sent is not said back in full."""
    if len(text) <= limit:
        return repr(text) if quoted else text
    start = repr(text[:limit]) if quoted else text[:limit]
    return f"{start}… ({len(text):,} characters)"


def _message(error: jsonschema.ValidationError) -> str:
    """jsonschema's message, with the value it starts with shortened where it is long: a
    megabyte of pasted text is not said back in full."""
    text = error.message
    if len(text) <= SHOWN_MESSAGE:
        return text
    value = error.instance
    said = repr(value)
    if text.startswith(said) and len(said) > SHOWN_VALUE:
        if isinstance(value, str):
            short = shown(value, limit=SHOWN_VALUE)
        else:
            short = said[:SHOWN_VALUE] + "…"
        text = short + text[len(said) :]
    return text if len(text) <= SHOWN_MESSAGE else text[: SHOWN_MESSAGE - 1] + "…"


def first_problem(validator: jsonschema.protocols.Validator, value: Any) -> str | None:
    """Where and how ``value`` most plainly fails the validator's schema, or None."""
    import jsonschema

    error = jsonschema.exceptions.best_match(validator.iter_errors(value))
    if error is None:
        return None
    where = "/".join(str(p) for p in error.absolute_path) or "(root)"
    return f"at {where}: {_message(error)}"


def validator_for(
    schema: Any, formats: bool = False, ecma: bool = False
) -> jsonschema.protocols.Validator:
    """A validator of ``schema``; ``formats``: asserting ``formats.ASSERTED_FORMATS``; ``ecma``:
    patterns as ECMA-262 reads them (``patterns``), for schemas from a JSON document."""
    import jsonschema  # on first use: most of what a generator run imports is not needed

    cls: type[jsonschema.protocols.Validator] = jsonschema.validators.validator_for(
        schema, default=jsonschema.Draft202012Validator
    )
    if ecma:
        cls = ecma_patterns(cls)
    if not formats:
        return cls(schema)
    return cls(schema, format_checker=format_checker())
