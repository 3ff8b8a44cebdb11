"""Docstrings to tool texts: a title, a description, each parameter's text, the return text.

Parameter and return texts come from ``docstring_parser`` (Google, NumPy or reST).
The description is the docstring itself, verbatim, less the sections whose text
went into the schemas: examples, doctests, notes and code blocks keep their
lines and their indentation, which ``docstring_parser`` would reflow or drop.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import docstring_parser

TITLE_BUDGET = 120

_SCHEMA_SECTIONS = (
    "args|arguments|parameters|params|keyword args|keyword arguments|other parameters"
    "|other params|kwargs"
)
_RETURN_SECTIONS = "returns|return|yields|yield"
_DROPPED_SECTIONS = "raises|raise|exceptions|except|receives|warns|attributes"

_REST_SCHEMA_FIELDS = re.compile(
    r":(param|parameter|arg|argument|key|keyword|type|var|ivar|cvar|vartype)\b"
)
_REST_RETURN_FIELDS = re.compile(r":(returns?|rtype|yields?|ytype)\b")
_REST_DROPPED_FIELDS = re.compile(r":(raises?|except|exception)\b")


@dataclass(frozen=True)
class Docs:
    title: str
    description: str
    """The docstring without the sections that the schemas hold (see ``description``)."""
    parameters: dict[str, str] = field(default_factory=dict)
    returns: str = ""
    with_returns: str = ""
    """The description with the docstring's return section kept (for results without an
    outputSchema, whose only description this is)."""


def read_docs(function: Callable[..., Any], name: str) -> Docs:
    raw = inspect.getdoc(function) or ""
    parameters: dict[str, str] = {}
    returns = ""
    try:
        parsed = docstring_parser.parse(raw)
    except Exception:  # noqa: BLE001, S110 - a docstring that does not parse is still its text
        pass
    else:
        parameters = {
            p.arg_name: " ".join(p.description.split()) for p in parsed.params if p.description
        }
        if parsed.returns is not None and parsed.returns.description:
            returns = " ".join(parsed.returns.description.split())
    description = _without_sections(raw, keep_returns=False)
    with_returns = _without_sections(raw, keep_returns=True)
    return Docs(
        title=_title(description) or name.replace("_", " "),
        description=description,
        parameters=parameters,
        returns=returns,
        with_returns=with_returns,
    )


def _title(description: str) -> str:
    """The first sentence (the lines of the first paragraph up to one that ends a sentence,
    an indented line or a doctest), on one line, at most ``TITLE_BUDGET`` characters."""
    words: list[str] = []
    for line in description.splitlines():
        if not line.strip() or line[0].isspace() or line.startswith(">>>"):
            break
        words.append(line.strip())
        if line.rstrip().endswith((".", "!", "?", ":")):
            break
    title = " ".join(" ".join(words).split())
    if len(title) > TITLE_BUDGET:
        title = title[: TITLE_BUDGET - 1].rstrip() + "…"
    return title


def _without_sections(text: str, keep_returns: bool) -> str:
    """``text`` less its parameter, raises (and unless ``keep_returns``, returns) sections."""
    names = f"{_SCHEMA_SECTIONS}|{_DROPPED_SECTIONS}"
    if not keep_returns:
        names += f"|{_RETURN_SECTIONS}"
    google = re.compile(rf"({names})\s*:\s*", re.IGNORECASE)
    numpy = re.compile(rf"({names})\s*", re.IGNORECASE)
    rest = [_REST_SCHEMA_FIELDS, _REST_DROPPED_FIELDS]
    if not keep_returns:
        rest.append(_REST_RETURN_FIELDS)
    lines = text.splitlines()
    kept: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        if line and not line[0].isspace():
            if _numpy_header(lines, index):
                skip = numpy.fullmatch(line.strip()) is not None
                end = index + 2
                while end < len(lines) and not _numpy_header(lines, end):
                    end += 1
                if skip:
                    index = end
                    continue
                kept.extend(lines[index:end])
                index = end
                continue
            google_match = google.fullmatch(line)
            rest_match = any(pattern.match(line) for pattern in rest)
            if google_match or rest_match:
                end = index + 1
                while end < len(lines) and (not lines[end].strip() or lines[end][0].isspace()):
                    end += 1
                index = end
                continue
        kept.append(line)
        index += 1
    return _tidy(kept)


def _numpy_header(lines: list[str], index: int) -> bool:
    """``lines[index]`` is a NumPy section title: a word line underlined with dashes."""
    if index + 1 >= len(lines):
        return False
    title, rule = lines[index].strip(), lines[index + 1].strip()
    return bool(title) and len(rule) >= 3 and set(rule) == {"-"} and not lines[index][0].isspace()


def _tidy(lines: list[str]) -> str:
    out: list[str] = []
    for line in lines:
        line = line.rstrip()
        if not line and (not out or not out[-1]):
            continue
        out.append(line)
    while out and not out[-1]:
        out.pop()
    return "\n".join(out)
