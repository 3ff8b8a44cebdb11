"""Credentials for the upstream API, read from environment variables.

For each tool, the first security alternative whose variables are all set is
used: API keys (header, query or cookie), HTTP bearer and basic, OAuth2 client
credentials (the token is fetched, cached and refreshed) or a ready access
token, and client certificates for mutual TLS.
"""

from __future__ import annotations

import base64
import os
import time
from collections.abc import Mapping, Sequence
from typing import Any
from urllib.parse import urljoin

import httpx

EXPIRY_MARGIN = 60.0


class Auth:
    def __init__(self, schemes: Sequence[Mapping[str, Any]], base_url: str) -> None:
        self.schemes = {s["key"]: s for s in schemes}
        self.base_url = base_url
        self._tokens: dict[str, tuple[str, float]] = {}

    def _env(self, scheme: Mapping[str, Any], role: str) -> str | None:
        name = scheme["env"].get(role)
        value = os.environ.get(name) if name else None
        return value or None

    def _configured(self, key: str) -> bool:
        scheme = self.schemes.get(key)
        if scheme is None:
            return False
        kind = scheme["kind"]
        if kind == "apiKey":
            return self._env(scheme, "value") is not None
        if kind == "basic":
            return self._env(scheme, "username") is not None
        if kind == "bearer":
            return self._env(scheme, "token") is not None
        if kind == "oauth2":
            return self._env(scheme, "token") is not None or (
                self._env(scheme, "client_id") is not None
                and self._env(scheme, "client_secret") is not None
            )
        return False

    def choose(self, security: Sequence[Sequence[str]]) -> Sequence[str]:
        """The first alternative that is fully configured; none when nothing is."""
        for alternative in security:
            if all(self._configured(key) for key in alternative):
                return alternative
        return ()

    async def refresh(self, client: httpx.AsyncClient, security: Sequence[Sequence[str]]) -> None:
        """Fetch OAuth2 client-credentials tokens that are missing or about to expire."""
        for key in self.choose(security):
            scheme = self.schemes[key]
            if scheme["kind"] != "oauth2" or self._env(scheme, "token") is not None:
                continue
            cached = self._tokens.get(key)
            if cached is not None and cached[1] - EXPIRY_MARGIN > time.monotonic():
                continue
            data = {"grant_type": "client_credentials"}
            if scheme["scopes"]:
                data["scope"] = " ".join(scheme["scopes"])
            response = await client.post(
                # A relative token URL is relative to the API's server URL.
                urljoin(self.base_url + "/", scheme["tokenUrl"]),
                data=data,
                auth=(
                    self._env(scheme, "client_id") or "",
                    self._env(scheme, "client_secret") or "",
                ),
                headers={"Accept": "application/json"},
            )
            response.raise_for_status()
            payload = response.json()
            lifetime = float(payload.get("expires_in") or 3600)
            self._tokens[key] = (str(payload["access_token"]), time.monotonic() + lifetime)

    def invalidate(self, security: Sequence[Sequence[str]]) -> bool:
        """Forget fetched tokens after a 401; True when there was one to retry with."""
        dropped = False
        for key in self.choose(security):
            if self._tokens.pop(key, None) is not None:
                dropped = True
        return dropped

    def apply(
        self,
        security: Sequence[Sequence[str]],
        headers: dict[str, str],
        query: list[tuple[str, str]],
        cookies: list[tuple[str, str]],
    ) -> None:
        for key in self.choose(security):
            scheme = self.schemes[key]
            kind = scheme["kind"]
            if kind == "apiKey":
                value = self._env(scheme, "value") or ""
                if scheme["in"] == "header":
                    headers[scheme["param"]] = value
                elif scheme["in"] == "query":
                    query.append((scheme["param"], value))
                else:
                    cookies.append((scheme["param"], value))
            elif kind == "basic":
                pair = (
                    f"{self._env(scheme, 'username') or ''}:{self._env(scheme, 'password') or ''}"
                )
                headers["Authorization"] = "Basic " + base64.b64encode(pair.encode()).decode()
            elif kind in ("bearer", "oauth2"):
                token = self._env(scheme, "token") or self._tokens.get(key, ("", 0.0))[0]
                headers["Authorization"] = f"Bearer {token}"

    def query_names(self) -> frozenset[str]:
        """Query parameters that carry credentials (API keys in the query)."""
        return frozenset(
            str(s["param"])
            for s in self.schemes.values()
            if s["kind"] == "apiKey" and s.get("in") == "query"
        )

    def client_certificate(self) -> tuple[str, str] | None:
        """A client certificate and key for mutual TLS, when their variables are set."""
        for scheme in self.schemes.values():
            cert, key = self._env(scheme, "cert"), self._env(scheme, "key")
            if cert and key:
                return cert, key
        return None
