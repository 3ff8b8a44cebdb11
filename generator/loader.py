"""Load: bytes plus where they came from, parsed as JSON (or YAML) with located errors."""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import Any

from .diagnostics import MCPGenError, long_number_error


@dataclass(frozen=True)
class Source:
    """A loaded input document and a short, machine-independent name for it."""

    origin: str
    data: Any


def read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise MCPGenError(str(path), "", "file not found") from None
    except IsADirectoryError:
        raise MCPGenError(str(path), "", "is a directory, expected a file") from None
    except OSError as exc:
        raise MCPGenError(str(path), "", f"cannot read: {exc.strerror}") from None


def parse_json(raw: bytes, origin: str) -> Any:
    """Parse JSON; a syntax error names the line and column."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise MCPGenError(origin, f"byte {exc.start}", "not UTF-8 text") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise MCPGenError(origin, f"{exc.lineno}:{exc.colno}", f"invalid JSON: {exc.msg}") from None
    except ValueError as exc:  # a number longer than Python reads
        raise long_number_error(text, origin, exc) from None


def load_json_file(path: Path) -> Source:
    return Source(str(path), parse_json(read_bytes(path), str(path)))


def load_bundled_json(package: str, relative: str) -> Source:
    """A JSON document shipped inside mcpgen, named ``mcpgen:<relative>`` in messages."""
    resource = files(package).joinpath(relative)
    return Source(f"mcpgen:{relative}", parse_json(resource.read_bytes(), f"mcpgen:{relative}"))
