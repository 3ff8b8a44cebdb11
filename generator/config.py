"""The project configuration: ``[tool.mcpgen]`` in pyproject.toml, or an ``mcpgen.toml``.

Checked against ``mcpgen.spec/config/mcpgen.schema.json`` (shipped in the package;
``mcpgen init --schema`` prints it for editors); every error names the file and the key
(``tool.mcpgen.jobs[1].out``).
"""

from __future__ import annotations

import json
import re
import tomllib
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import Any, NoReturn

from .diagnostics import MCPGenError

CONFIG_FILES = ("mcpgen.toml", "pyproject.toml")
_SERVER_SOURCES = ("openapi", "functions", "contract")
_CLIENT_SOURCES = ("openapi", "functions", "server", "tools", "contract")
_TOML_POSITION = re.compile(r"\(at line (\d+), column (\d+)\)")


@dataclass(frozen=True)
class Job:
    name: str
    kind: str
    """``models``, ``client``, or the source of a server: ``openapi``, ``functions`` or
    ``contract``."""
    out: Path
    strict: bool
    options: dict[str, Any]
    base: Path
    """The directory of the configuration file; relative paths start there."""
    origin: str = ""
    """The configuration file, for messages about the job's keys."""
    key: str = ""
    """Where the job sits in it: ``tool.mcpgen.jobs[2]``."""

    def file(self, key: str) -> Path:
        """The file an option names, which has to exist (a contract); MCPGenError naming the
        configuration and the key when it does not."""
        path = Path(self.path(key) or "")
        if not path.is_file():
            problem = "is a directory" if path.is_dir() else "no such file"
            raise MCPGenError(self.origin, f"{self.key}.{key}", f"{problem}: {path}", "E-CONFIG")
        return path

    def path(self, key: str) -> str | None:
        """An option naming a file, resolved against the configuration's directory."""
        value = self.options.get(key)
        if value is None:
            return None
        if re.match(r"^https?://", value):
            return str(value)
        return str(self.base / value)


@dataclass(frozen=True)
class Config:
    path: Path
    prefix: str
    """Where the configuration sits in its file: ``tool.mcpgen`` or nothing."""
    jobs: tuple[Job, ...]


def schema_text() -> str:
    """The configuration's JSON schema, as shipped in the package."""
    return files("mcpgen.spec").joinpath("config/mcpgen.schema.json").read_text(encoding="utf-8")


def schema() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(schema_text())
    return data


def shadowed(target: Path) -> str | None:
    """Why a configuration written to ``target`` would clash with the other configuration
    file beside it, or None. ``mcpgen.toml`` is read first (``CONFIG_FILES``)."""
    if target.name == "pyproject.toml":
        other = target.with_name("mcpgen.toml")
        if other.is_file():
            return (
                f"{other} is here too and `mcpgen generate` reads it first: the [tool.mcpgen] "
                f"section of {target} is ignored while {other.name} exists"
            )
    else:
        other = target.with_name("pyproject.toml")
        if other.is_file() and _has_section(other):
            return (
                f"{other} already has a [tool.mcpgen] section; `mcpgen generate` reads "
                f"{target.name} first, so that section is ignored from now on"
            )
    return None


def find_config(start: Path) -> Path:
    """The nearest ``mcpgen.toml``, or ``pyproject.toml`` with ``[tool.mcpgen]``, upwards."""
    for directory in [start, *start.parents]:
        for name in CONFIG_FILES:
            candidate = directory / name
            if candidate.is_file() and (name == "mcpgen.toml" or _has_section(candidate)):
                return candidate
    raise MCPGenError(
        str(start / "pyproject.toml"),
        "",
        "no [tool.mcpgen] section or mcpgen.toml found here or above; run `mcpgen init`",
        code="E-CONFIG",
    )


def _has_section(path: Path) -> bool:
    try:
        raw = path.read_bytes()
    except OSError:
        return False
    text = raw.decode("utf-8", errors="replace")
    try:
        data = tomllib.loads(text)
    except (tomllib.TOMLDecodeError, RecursionError):
        return "tool.mcpgen" in text  # let loading report what is wrong
    return isinstance(data.get("tool"), dict) and "mcpgen" in data["tool"]


def load_config(path: Path) -> Config:
    origin = str(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise MCPGenError(origin, "", "file not found", code="E-CONFIG") from None
    except IsADirectoryError:
        raise MCPGenError(origin, "", "is a directory, expected a file", code="E-CONFIG") from None
    except OSError as exc:
        raise MCPGenError(origin, "", f"cannot read: {exc.strerror}", code="E-CONFIG") from None
    except UnicodeDecodeError as exc:
        raise MCPGenError(origin, f"byte {exc.start}", "not UTF-8 text", code="E-CONFIG") from None
    except RecursionError:
        raise MCPGenError(origin, "", "nested too deeply", code="E-CONFIG") from None
    except tomllib.TOMLDecodeError as exc:
        match = _TOML_POSITION.search(str(exc))
        where = f"{match.group(1)}:{match.group(2)}" if match else ""
        message = _TOML_POSITION.sub("", str(exc)).strip()
        raise MCPGenError(origin, where, f"invalid TOML: {message}", code="E-CONFIG") from None
    prefix = ""
    if path.name != "mcpgen.toml":
        tool = data.get("tool")
        if not isinstance(tool, dict) or "mcpgen" not in tool:
            raise MCPGenError(origin, "", "no [tool.mcpgen] section", code="E-CONFIG")
        data, prefix = tool["mcpgen"], "tool.mcpgen"
    _validate(data, origin, prefix)
    base = path.resolve().parent
    jobs: list[Job] = []
    outs: dict[Path, str] = {}
    for index, raw in enumerate(data["jobs"]):
        if raw["kind"] in ("models", "client"):
            kind = raw["kind"]
        else:
            kind = next(k for k in _SERVER_SOURCES if k in raw)
        out = base / raw.get("out", f"output/{raw['name']}")
        where = _key(prefix, ["jobs", index, "out"])
        if raw["name"] in {j.name for j in jobs}:
            raise MCPGenError(
                origin,
                _key(prefix, ["jobs", index, "name"]),
                f"job name {raw['name']!r} is used twice",
                code="E-CONFIG",
            )
        if out in outs:
            raise MCPGenError(
                origin,
                where,
                f"job {raw['name']!r} writes to the same directory as job {outs[out]!r}",
                code="E-CONFIG",
            )
        outs[out] = raw["name"]
        options = {k: v for k, v in raw.items() if k not in ("name", "kind", "out", "strict")}
        strict = bool(raw.get("strict", False))
        key = _key(prefix, ["jobs", index])
        jobs.append(Job(raw["name"], kind, out, strict, options, base, origin, key))
    return Config(path, prefix, tuple(jobs))


def _key(prefix: str, parts: list[str | int]) -> str:
    text = prefix
    for part in parts:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += ("." if text else "") + part
    return text or "(top level)"


def _validate(data: Any, origin: str, prefix: str) -> None:
    import jsonschema  # only when a configuration is read

    full = schema()
    defs = full["$defs"]

    def fail(parts: list[str | int], message: str) -> NoReturn:
        raise MCPGenError(origin, _key(prefix, parts), message, code="E-CONFIG")

    def check(value: Any, subschema: dict[str, Any], parts: list[str | int]) -> None:
        validator = jsonschema.Draft202012Validator({**subschema, "$defs": defs})
        error = jsonschema.exceptions.best_match(validator.iter_errors(value))
        if error is not None:
            where = parts + list(error.absolute_path)
            if error.validator == "additionalProperties" and isinstance(error.instance, dict):
                allowed = set(error.schema.get("properties", {}))
                extra = sorted(k for k in error.instance if k not in allowed)
                fail(where + extra[:1], "unknown key; allowed: " + ", ".join(sorted(allowed)))
            fail(where, error.message)

    top = {k: v for k, v in full.items() if k not in ("$defs", "$schema", "$id", "title")}
    top["properties"] = {**top["properties"], "jobs": {"type": "array", "minItems": 1}}
    check(data, top, [])
    for index, job in enumerate(data["jobs"]):
        common = {k: v for k, v in defs["job"].items() if k != "oneOf"}
        check(job, common, ["jobs", index])
        if job["kind"] in ("models", "client"):
            branch = job["kind"]
            sources = [k for k in _CLIENT_SOURCES if k in job]
            if branch == "client" and len(sources) != 1:
                fail(
                    ["jobs", index], f"a client job needs exactly one of {_names(_CLIENT_SOURCES)}"
                )
        else:
            sources = [k for k in _SERVER_SOURCES if k in job]
            if len(sources) != 1:
                fail(
                    ["jobs", index], f"a server job needs exactly one of {_names(_SERVER_SOURCES)}"
                )
            branch = sources[0]
        check(job, {"$ref": f"#/$defs/{branch}"}, ["jobs", index])
        if branch == "contract" and "protocol" in job:
            from .models.schema import bundled_versions

            if job["protocol"] not in bundled_versions():
                fail(
                    ["jobs", index, "protocol"],
                    f"unknown protocol version {job['protocol']!r}; known: "
                    + ", ".join(bundled_versions()),
                )


def _names(keys: tuple[str, ...]) -> str:
    """``'a', 'b' and 'c'``."""
    quoted = [f"'{k}'" for k in keys]
    return ", ".join(quoted[:-1]) + " and " + quoted[-1]
