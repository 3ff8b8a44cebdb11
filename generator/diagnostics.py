"""Diagnostics are data: where (file and line or JSON pointer), what, and how bad."""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from typing import Any, Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Diagnostic:
    """One finding about an input, printed by the CLI as a single line."""

    code: str
    origin: str
    location: str
    message: str
    severity: Severity = "warning"

    def __str__(self) -> str:
        where = f"{self.origin}:{self.location}" if self.location else self.origin
        return f"{where}: {self.severity} {self.code}: {self.message}"


class MCPGenError(Exception):
    """Bad input: reported as one line, exit code 2, nothing written."""

    def __init__(self, origin: str, location: str, message: str, code: str = "E-INPUT") -> None:
        self.diagnostic = Diagnostic(code, origin, location, _one_line(message), "error")
        super().__init__(str(self.diagnostic))


class GeneratorBug(Exception):
    """Generated text that does not parse or format: a bug in mcpgen, never in the input."""


def json_pointer(parts: tuple[str | int, ...] | list[str | int]) -> str:
    """RFC 6901 pointer for a path of keys and indexes."""
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in parts) or "/"


def _one_line(text: str) -> str:
    return " ".join(text.split())


def plural(count: int, word: str, many: str | None = None) -> str:
    """``1 tool``, ``2 tools``: a count with its noun agreeing."""
    return f"{count} {word if count == 1 else many or word + 's'}"


def counts(project: Any, warnings: int, unit: str, hint: str = "") -> str:
    """What a server job produced: ``9 tools, 1 operation skipped, 0 warnings[, N deprecated
    left out]``; ``unit`` is ``operations`` or ``functions``."""
    deprecated = len(getattr(project, "deprecated", ()))
    return (
        f"{plural(len(project.tools), 'tool')}, {plural(len(project.skipped), unit[:-1])} "
        f"skipped, {plural(warnings, 'warning')}"
        + (f", {deprecated} deprecated left out{hint}" if deprecated else "")
    )


def long_number_error(text: str, origin: str, exc: ValueError) -> MCPGenError:
    """The error for a document with an integer of more digits than Python converts
    (``sys.get_int_max_str_digits()``, 4,300 by default), located at the first one; any
    other ``exc`` as it says."""
    limit = sys.get_int_max_str_digits()
    found = re.search(f"[0-9]{{{limit + 1},}}", text) if limit else None
    if found is None:
        return MCPGenError(origin, "", f"unreadable value: {exc}")
    line = text.count("\n", 0, found.start()) + 1
    column = found.start() - text.rfind("\n", 0, found.start())
    return MCPGenError(origin, f"{line}:{column}", f"a number of more than {limit:,} digits")
