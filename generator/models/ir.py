"""The intermediate representation of one generated models module.

Everything a template needs is decided here: identifiers, annotations (as
Python source), and literals (already escaped). Templates only substitute.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

Direction = Literal["client_to_server", "server_to_client", "both"]


@dataclass(frozen=True)
class FieldIR:
    """A model attribute; ``alias_literal`` is set when the wire name differs."""

    name: str
    annotation: str
    required: bool
    alias_literal: str | None
    description_literal: str | None


@dataclass(frozen=True)
class ModelIR:
    """A pydantic model for a JSON object definition."""

    name: str
    doc: str | None
    fields: tuple[FieldIR, ...]
    extra: Literal["allow", "forbid"]
    # The type of additional properties when the schema constrains them.
    extra_annotation: str | None
    kind: Literal["model"] = "model"


@dataclass(frozen=True)
class AliasIR:
    """A named type that is not an object: a union, a primitive, a list, a map."""

    name: str
    doc: str | None
    annotation: str
    # Part of a reference cycle: emitted as ``TypeAliasType`` with a lazy value.
    recursive: bool
    kind: Literal["alias"] = "alias"


Definition = ModelIR | AliasIR


@dataclass(frozen=True)
class MethodIR:
    """One entry of the method registry."""

    method: str
    method_literal: str
    kind: Literal["request", "notification"]
    direction: Direction
    message: str
    params: str | None
    result: str | None


@dataclass(frozen=True)
class ModuleIR:
    """One protocol version: definitions in emission order, plus the registry."""

    version: str
    version_literal: str
    source: str
    patches: tuple[str, ...]
    definitions: tuple[Definition, ...]
    requests: tuple[MethodIR, ...]
    notifications: tuple[MethodIR, ...]
    message_union: str | None
    exports: tuple[str, ...]
    # Imported helper name -> the name it has in this module.
    helpers: Mapping[str, str]
