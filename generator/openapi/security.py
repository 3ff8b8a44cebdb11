"""Security schemes and servers: what the generated server reads from the environment."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urljoin

from .document import DocumentSet, Ref, RefError, as_dict, as_list, child
from .ir import SecurityScheme, ServerVariable
from .names import env_name
from .schemas import Warn

_VARIABLE = re.compile(r"\{([^{}]+)\}")


def security_schemes(
    docs: DocumentSet, version: str, prefix: str, warn: Warn
) -> dict[str, SecurityScheme]:
    root = docs.root
    root_at = Ref(docs.root_uri, "")
    if version.startswith("2."):
        raw, at = root.get("securityDefinitions") or {}, child(root_at, "securityDefinitions")
    else:
        components = root.get("components") or {}
        raw, at = (
            components.get("securitySchemes") or {},
            child(root_at, "components", "securitySchemes"),
        )
    schemes: dict[str, SecurityScheme] = {}
    if not isinstance(raw, dict):
        return schemes
    for key, node in raw.items():
        where = child(at, key)
        try:
            node, where = docs.deref(node, where)
        except RefError as exc:
            warn("W-SECURITY-REF", where, f"security scheme {key!r}: {exc.message}")
            continue
        if isinstance(node, dict):
            schemes[key] = _scheme(key, node, prefix, where, warn)
    return schemes


def _scheme(key: str, node: dict[str, Any], prefix: str, at: Ref, warn: Warn) -> SecurityScheme:
    kind = node.get("type")
    description = str(node.get("description") or "")

    def env(role: str) -> str:
        stem = env_name(prefix, key)
        return stem if stem.endswith("_" + role) else f"{stem}_{role}"

    if kind == "apiKey" and node.get("in") in ("header", "query", "cookie"):
        return SecurityScheme(
            key,
            "apiKey",
            {"value": env("API_KEY")},
            location=str(node["in"]),
            param=str(node.get("name") or ""),
            description=description,
        )
    scheme = str(node.get("scheme") or "").lower()
    if kind == "basic" or (kind == "http" and scheme == "basic"):
        return SecurityScheme(
            key,
            "basic",
            {"username": env("USERNAME"), "password": env("PASSWORD")},
            description=description,
        )
    if kind == "http" and scheme == "bearer":
        return SecurityScheme(key, "bearer", {"token": env("TOKEN")}, description=description)
    if kind == "openIdConnect":
        return SecurityScheme(
            key,
            "bearer",
            {"token": env("TOKEN")},
            description=description,
            note="OpenID Connect: set an access token obtained elsewhere.",
        )
    if kind == "oauth2":
        flows = as_dict(node.get("flows"))
        flow: Any = flows.get("clientCredentials")
        if flow is None and node.get("flow") == "application":
            flow = node
        roles = {"token": env("TOKEN")}
        if isinstance(flow, dict) and isinstance(flow.get("tokenUrl"), str):
            scopes = as_dict(flow.get("scopes"))
            roles.update({"client_id": env("CLIENT_ID"), "client_secret": env("CLIENT_SECRET")})
            return SecurityScheme(
                key,
                "oauth2",
                roles,
                token_url=flow["tokenUrl"],
                scopes=tuple(sorted(scopes)),
                description=description,
                note="OAuth2 client credentials: the token is fetched, cached and refreshed; "
                "or set an access token directly.",
            )
        return SecurityScheme(
            key,
            "bearer",
            roles,
            description=description,
            note="OAuth2 without a client-credentials flow: set an access token obtained elsewhere.",
        )
    if kind == "mutualTLS":
        return SecurityScheme(
            key,
            "unsupported",
            {"cert": env("CERT_FILE"), "key": env("KEY_FILE")},
            description=description,
            note="mutual TLS: client certificate and key files.",
        )
    warn(
        "W-SECURITY-KIND",
        at,
        f"security scheme {key!r} of type {kind!r} {scheme} is not supported; "
        "calls go out without it (customise hooks.py)",
    )
    return SecurityScheme(key, "unsupported", {}, description=description)


def requirements(node: Any, known: dict[str, SecurityScheme]) -> tuple[tuple[str, ...], ...]:
    """Security requirement alternatives, as tuples of known scheme names."""
    if not isinstance(node, list):
        return ()
    out: list[tuple[str, ...]] = []
    for alternative in node:
        if isinstance(alternative, dict):
            out.append(tuple(k for k in alternative if k in known))
    return tuple(out)


def base_url(
    docs: DocumentSet, version: str, prefix: str, warn: Warn
) -> tuple[str, tuple[ServerVariable, ...]]:
    """The upstream URL (possibly with ``{variables}``) and its variables."""
    root = docs.root
    root_at = Ref(docs.root_uri, "")
    if version.startswith("2."):
        host = root.get("host")
        base_path = root.get("basePath") or ""
        schemes = root.get("schemes") or []
        scheme = "https" if "https" in schemes or not schemes else str(schemes[0])
        url = f"{scheme}://{host}{base_path}" if isinstance(host, str) and host else str(base_path)
        variables: tuple[ServerVariable, ...] = ()
    else:
        servers = root.get("servers")
        first = servers[0] if isinstance(servers, list) and servers else {}
        url = str(first.get("url") or "") if isinstance(first, dict) else ""
        raw = first.get("variables") if isinstance(first, dict) else None
        found: list[ServerVariable] = []
        for name in _VARIABLE.findall(url):
            spec = raw.get(name) if isinstance(raw, dict) else None
            if not isinstance(spec, dict) or "default" not in spec:
                warn(
                    "W-SERVER-VARIABLE",
                    child(root_at, "servers", 0),
                    f"server variable {name!r} has no default; set it in the environment",
                )
                spec = {"default": ""}
            enum = as_list(spec.get("enum"))
            found.append(
                ServerVariable(
                    name,
                    env_name(prefix, "SERVER", name),
                    str(spec["default"]),
                    tuple(str(e) for e in enum),
                )
            )
        variables = tuple(found)
    if url and "://" not in url and url.startswith(("/", ".")) and docs.root_uri.startswith("http"):
        url = urljoin(docs.root_uri, url)
    if not url or "://" not in url:
        warn(
            "W-SERVER-NONE",
            root_at,
            "the document names no absolute server URL; "
            f"set {prefix}_BASE_URL or pass --base-url when running the server",
        )
    return url, variables
