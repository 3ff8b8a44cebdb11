"""Names a server does not have as given: the operation a respelt name stands for
(``Aliases``), else what the server says of it, with the known names nearest to it."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping
from typing import Any

from mcp import types
from mcp.shared.exceptions import MCPError

from .catalog import shown

NEAREST = 3
"""Names an unknown name's error suggests at most."""

MAX_NAME = 200
"""Characters of an unknown name compared with the known names, at most."""


def nearest_names(names: Iterable[str], name: str) -> list[str]:
    """The names most like ``name`` (letter case aside), best first: those of the same
    words in another order ("call_operation_write" for "call_write_operation"), then
    those nearest in spelling."""
    lowered: dict[str, str] = {}
    for known in names:
        lowered.setdefault(known.lower(), known)
    wanted = name.strip()[:MAX_NAME]
    words = _words(wanted)
    same = [known for known in lowered.values() if words and _words(known) == words]
    close = difflib.get_close_matches(wanted.lower(), lowered, NEAREST, 0.6)
    return list(dict.fromkeys([*same, *(lowered[n] for n in close)]))[:NEAREST]


def _words(name: str) -> list[str]:
    """The words of a name (camelCase, snake_case, kebab-case ...), lower case, sorted."""
    return sorted(w.lower() for w in _WORD.findall(name))


_WORD = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|[0-9]+")


def either(names: list[str], last: str = "or") -> str:
    """``'a'``, ``'a' or 'b'``, ``'a', 'b' or 'c'`` (``last`` the word before the last)."""
    shown_names = [shown(name) for name in names]
    if len(shown_names) == 1:
        return shown_names[0]
    return ", ".join(shown_names[:-1]) + f" {last} " + shown_names[-1]


def did_you_mean(near: list[str]) -> str:
    """ "did you mean 'a' or 'b'? " for the names nearest to an unknown one; "" for none."""
    return f"did you mean {either(near)}? " if near else ""


def unknown_tool(name: str, tools: Iterable[str], hint: str = "") -> MCPError:
    """The protocol error of a call of a tool the server does not have (invalid params,
    as the specification asks), naming the tools most like it, or ``hint`` where given
    (what the name is, if not a tool)."""
    tools = sorted(tools)
    near = nearest_names(tools, name)
    if hint:
        more = f"; {hint}"
    elif near:
        more = f"; {did_you_mean(near).rstrip()}"
    elif len(tools) <= NEAREST * 3:
        more = f"; the tools are {either(tools, 'and')}" if tools else "; this server has no tools"
    else:
        more = ""
    return MCPError(
        code=types.INVALID_PARAMS, message=f"Unknown tool: {shown(name, quoted=False)}{more}"
    )


class Aliases:
    """The operations by the other names models give them, each where no other operation
    has it: its name in lower case, its name's letters and digits alone ("post_refunds"
    and "post-refunds" for ``PostRefunds``, keyed apart after ``_COMPACT``), and its method
    and path ("get /repos/{owner}/{repo}", as search shows them)."""

    def __init__(self, tools: Mapping[str, Mapping[str, Any]]) -> None:
        found: dict[str, str | None] = {}
        for name, tool in tools.items():
            http = tool.get("http") or {}
            keys = [name.lower(), _COMPACT + _compact(name.lower())]
            if http.get("method") and http.get("path"):
                keys.append(f"{http['method']} {http['path']}".lower())
            for key in keys:
                found[key] = name if found.get(key, name) == name else None
        self._names = {key: name for key, name in found.items() if name is not None}

    def get(self, given: str) -> str | None:
        """The operation ``given`` names, if one."""
        key = " ".join(given.split()).lower()
        return self._names.get(key) or self._names.get(_COMPACT + _compact(key))


_COMPACT = "\x00"
"""The start of a name's key of its letters and digits alone, apart from other keys."""


def _compact(name: str) -> str:
    return "".join(c for c in name if c.isalnum())
