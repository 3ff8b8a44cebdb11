"""How a generated server project is listed and installed by others: ``server.json`` for
the MCP Registry, an MCP Bundle ``manifest.json``, and the environment variables that both
name (the upstream's base URL, its credentials, timeouts).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from . import __version__

if TYPE_CHECKING:
    from .serverproject import ProjectFiles

PROJECT_VERSION = "0.1.0"
"""The version of a generated project (``pyproject.toml``, ``server.json``, ``manifest.json``)."""
SERVER_SCHEMA = "https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json"
MCPB_VERSION = "0.4"
"""The MCP Bundle manifest version: the first with the ``uv`` server type, which installs
the dependencies of ``pyproject.toml`` on the user's machine (pydantic cannot be bundled
portably)."""
REGISTRY_PLACEHOLDER = "io.github.REPLACE-ME"
REGISTRY_NAME = re.compile(r"^[a-zA-Z0-9.-]+/[a-zA-Z0-9._-]+$")
"""What the MCP Registry accepts as a server name (``server.schema.json``)."""

_REGISTRY_NAME: ContextVar[str | None] = ContextVar("registry_name", default=None)


def registered_name(distribution: str) -> str:
    """A project's name in ``server.json``: the one ``registry_name`` set, or a placeholder
    (under ``REGISTRY_PLACEHOLDER``) for the user to replace."""
    server = re.sub(r"[^A-Za-z0-9._-]", "-", distribution)
    return _REGISTRY_NAME.get() or f"{REGISTRY_PLACEHOLDER}/{server}"


def placeholder() -> bool:
    """Whether projects planned now get the placeholder name."""
    return _REGISTRY_NAME.get() is None


@contextmanager
def registry_name(name: str | None) -> Iterator[None]:
    """Server projects planned in this block are named ``name`` in ``server.json`` (else
    a placeholder the README explains). ``mcpgen server --registry-name`` sets it."""
    token = _REGISTRY_NAME.set(name)
    try:
        yield
    finally:
        _REGISTRY_NAME.reset(token)


@dataclass(frozen=True)
class EnvVar:
    """An environment variable a user configures the server with."""

    name: str
    description: str
    secret: bool = False
    required: bool = False
    default: str = ""
    format: str = "string"
    """``string``, ``number`` or ``filepath``."""

    def registry(self) -> dict[str, Any]:
        """As ``server.json`` lists it."""
        entry: dict[str, Any] = {
            "name": self.name,
            "description": self.description,
            "isRequired": self.required,
            "isSecret": self.secret,
            "format": self.format,
        }
        if self.default:
            entry["default"] = self.default
        return entry

    def bundle(self) -> dict[str, Any]:
        """As a ``user_config`` entry of an MCP Bundle manifest."""
        kind = {"number": "number", "filepath": "file"}.get(self.format, "string")
        entry: dict[str, Any] = {
            "type": kind,
            "title": self.name,
            "description": self.description,
            "required": self.required,
        }
        if self.secret:
            entry["sensitive"] = True
        if self.default:
            entry["default"] = float(self.default) if kind == "number" else self.default
        return entry


_ROLES = {
    "value": "API key",
    "token": "Access token (sent as Authorization: Bearer)",
    "username": "HTTP basic user name",
    "password": "HTTP basic password",
    "client_id": "OAuth2 client id (client credentials flow)",
    "client_secret": "OAuth2 client secret",
    "cert": "Client certificate file (PEM)",
    "key": "Client private key file (PEM)",
}
_SECRET_ROLES = frozenset({"value", "token", "password", "client_secret"})
_ENV_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def environment(spec: Mapping[str, Any]) -> list[EnvVar]:
    """What a user configures a server with: for the HTTP backend, the upstream base URL,
    its server variables, every security scheme's credentials (secret) and the timeout."""
    if spec.get("backend") != "upstream":
        return []
    prefix = spec["envPrefix"]
    url = spec["baseUrl"]
    for variable in spec["variables"]:
        url = url.replace("{" + variable["name"] + "}", variable["default"])
    found = [EnvVar(f"{prefix}_BASE_URL", "Base URL of the API", required=not url, default=url)]
    found += [
        EnvVar(v["env"], f"Server variable {v['name']} of the base URL", default=v["default"])
        for v in spec["variables"]
    ]
    for scheme in spec["securitySchemes"]:
        for role, name in scheme["env"].items():
            found.append(
                EnvVar(
                    name,
                    f"{_ROLES.get(role, role)} for the security scheme {scheme['key']}",
                    secret=role in _SECRET_ROLES,
                    format="filepath" if role in ("cert", "key") else "string",
                )
            )
    found.append(
        EnvVar(f"{prefix}_TIMEOUT", "Seconds per API request", default="30", format="number")
    )
    unique: dict[str, EnvVar] = {}
    for variable in found:
        if _ENV_NAME.match(variable.name):
            unique.setdefault(variable.name, variable)
    return list(unique.values())


def _clip(text: str, limit: int) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def server_json(project: ProjectFiles, env: Sequence[EnvVar]) -> dict[str, Any]:
    """``server.json`` for the MCP Registry: the PyPI distribution, run over stdio."""
    title = _clip(project.title, 100) or project.distribution
    package: dict[str, Any] = {
        "registryType": "pypi",
        "registryBaseUrl": "https://pypi.org",
        "identifier": project.distribution,
        "version": PROJECT_VERSION,
        "runtimeHint": "uvx",
        "transport": {"type": "stdio"},
    }
    if env:
        package["environmentVariables"] = [v.registry() for v in env]
    return {
        "$schema": SERVER_SCHEMA,
        "name": project.registry_name(),
        "title": title,
        "description": _clip(f"MCP server for {title}", 100),
        "version": PROJECT_VERSION,
        "packages": [package],
        "_meta": {
            "io.modelcontextprotocol.registry/publisher-provided": {
                "tool": "mcpgen",
                "version": __version__,
            }
        },
    }


def bundle_manifest(project: ProjectFiles, env: Sequence[EnvVar]) -> dict[str, Any]:
    """An MCP Bundle ``manifest.json``: the console script run by ``uv`` from this project,
    each environment variable a user setting (credentials sensitive)."""
    title = _clip(project.title, 100) or project.distribution
    config: dict[str, Any] = {"command": "uv"}
    config["args"] = ["run", "--directory", "${__dirname}", project.distribution]
    if env:
        config["env"] = {v.name: "${user_config." + v.name.lower() + "}" for v in env}
    manifest: dict[str, Any] = {
        "manifest_version": MCPB_VERSION,
        "name": project.distribution,
        "display_name": title,
        "version": PROJECT_VERSION,
        "description": _clip(f"MCP server for {title} (generated by mcpgen)", 200),
        "author": {"name": "REPLACE-ME"},
        "server": {
            "type": "uv",
            "entry_point": f"{project.package}/__main__.py",
            "mcp_config": config,
        },
        # Tools come from the server at run time, so the manifest need not change with
        # them (once edited, it is the user's and no longer refreshed).
        "tools_generated": True,
        "compatibility": {
            "platforms": ["darwin", "linux", "win32"],
            "runtimes": {"python": ">=3.11"},
        },
    }
    if env:
        manifest["user_config"] = {v.name.lower(): v.bundle() for v in env}
    return manifest
