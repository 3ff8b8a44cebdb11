"""The HTTP backend: calls the upstream API for a tool and returns an MCP result.

Each tool's ``http`` entry in ``spec.json`` says where every argument goes
(path, query, header, cookie, body) and how it is serialised; ``params``,
``bodies``, ``responses``, ``retry`` and ``auth`` hold the rules. Nothing
from the MCP client's own request (headers, credentials) is forwarded
upstream.
"""

from __future__ import annotations

import argparse
import logging
import os
import re
from collections.abc import Mapping
from typing import Any
from urllib.parse import parse_qsl

import httpx
from mcp import types

from . import hooks, retry
from .auth import Auth
from .bodies import encode_body
from .params import (
    ArgumentError,
    cookie_header,
    fill_path,
    header_value,
    path_value,
    query_pairs,
    query_string,
    scalar,
    split_template,
)
from .responses import to_result
from .results import error_result

logger = logging.getLogger(__name__)

DEFAULT_TIMEOUT = 30.0
MAX_REDIRECTS = 10
SAFE_HEADERS = frozenset(
    {
        "accept",
        "accept-encoding",
        "content-type",
        "content-length",
        "transfer-encoding",
        "host",
        "user-agent",
    }
)
"""What a request keeps when a redirect takes it to another origin."""
_VARIABLE = re.compile(r"\{([^{}]+)\}")


def base_url(spec: Mapping[str, Any], override: str | None = None) -> str:
    """The upstream URL: --base-url, then ``<PREFIX>_BASE_URL``, then the document's server."""
    url = override or os.environ.get(f"{spec['envPrefix']}_BASE_URL") or spec["baseUrl"]
    values = {v["name"]: os.environ.get(v["env"]) or v["default"] for v in spec["variables"]}
    return _VARIABLE.sub(lambda m: values.get(m.group(1), m.group(0)), url)


def add_arguments(parser: argparse.ArgumentParser, spec: Mapping[str, Any]) -> None:
    prefix = spec["envPrefix"]
    parser.add_argument("--base-url", help=f"upstream API URL (default: ${prefix}_BASE_URL)")
    parser.add_argument(
        "--timeout",
        type=float,
        default=float(os.environ.get(f"{prefix}_TIMEOUT") or DEFAULT_TIMEOUT),
        help=f"seconds per upstream request (default: ${prefix}_TIMEOUT or 30)",
    )


def create(spec: Mapping[str, Any], args: argparse.Namespace) -> Upstream:
    """The backend of this server: the upstream HTTP API."""
    return Upstream(spec, base_url(spec, args.base_url), args.timeout)


class Upstream:
    """One HTTP client for the API, shared by every tool call."""

    def __init__(self, spec: Mapping[str, Any], base_url: str, timeout: float) -> None:
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.auth = Auth(spec["securitySchemes"], self.base_url)
        # Redirects are followed here, not by httpx: credentials must not follow one to
        # another origin (httpx strips only Authorization).
        options: dict[str, Any] = {"timeout": timeout, "follow_redirects": False}
        cert = self.auth.client_certificate()
        if cert is not None:
            options["cert"] = cert
        options.update(hooks.client_options())
        self.client = httpx.AsyncClient(**options)

    async def aclose(self) -> None:
        await self.client.aclose()

    def ready(self) -> bool:
        """Ready to call the API (``/readyz``): a base URL is configured."""
        return "://" in self.base_url

    def build(self, tool: Mapping[str, Any], arguments: Mapping[str, Any]) -> httpx.Request:
        """The HTTP request for a call of ``tool`` with (checked) ``arguments``."""
        http = tool["http"]
        if not self.base_url or "://" not in self.base_url:
            raise ArgumentError(
                "no upstream base URL is configured; pass --base-url or set the "
                "environment variable named in the README"
            )
        template, query = split_template(http["path"])
        path_values: dict[str, str] = {}
        names: dict[str, str] = {}
        headers: dict[str, str] = {}
        cookies: list[tuple[str, str]] = []
        fields: dict[str, Any] = {}
        field_args: dict[str, Mapping[str, Any]] = {}
        whole_body: Any = None
        has_body = whole_given = False
        for arg in http["args"]:
            if arg["name"] not in arguments:
                continue
            value = arguments[arg["name"]]
            where = arg["in"]
            if where == "path":
                path_values[arg["wire"]] = path_value(value, arg)
                names[arg["wire"]] = arg["name"]
            elif where == "query":
                query.extend(query_pairs(value, arg))
            elif where == "header":
                headers[arg["wire"]] = header_value(value, arg)
            elif where == "cookie":
                cookies.append((arg["wire"], scalar(value)))
            elif where == "field":
                fields[arg["wire"]] = value
                field_args[arg["wire"]] = arg
                has_body = True
            else:
                whole_body, has_body, whole_given = value, True, True
        path = fill_path(template, path_values, names)
        self.auth.apply(http["security"], headers, query, cookies)
        if cookies:
            headers["Cookie"] = cookie_header(cookies)
        if http.get("accept"):
            headers.setdefault("Accept", http["accept"])
        url = self.base_url + path
        if query:
            url += "?" + query_string(query)
        body: Any = {}
        spec = http.get("body")
        if spec is not None and (has_body or spec.get("required")):
            body = encode_body(spec, fields, field_args, whole_body, headers, whole_given)
        return self.client.build_request(http["method"], url, headers=headers, **body)

    async def call(
        self, tool: Mapping[str, Any], arguments: Mapping[str, Any]
    ) -> types.CallToolResult:
        name, http = tool["name"], tool["http"]
        try:
            for attempt in range(2):
                await self.auth.refresh(self.client, http["security"])
                request = await hooks.before_request(name, self.build(tool, arguments))
                response = await retry.send(self.client, request, http["method"])
                response = await self.follow(response)
                if (
                    response.status_code != 401
                    or attempt
                    or not self.auth.invalidate(http["security"])
                ):
                    break
            response = await hooks.after_response(name, response)
        except ArgumentError as exc:
            return error_result(f"Invalid arguments for tool {name!r}: {exc}")
        except httpx.TimeoutException:
            return error_result(
                f"{http['method']} {http['path']} timed out after {self.timeout:g} s"
            )
        except (httpx.HTTPError, httpx.InvalidURL) as exc:
            return error_result(f"{http['method']} {http['path']} failed: {exc}")
        return to_result(tool, response)

    async def follow(self, response: httpx.Response) -> httpx.Response:
        """Follow redirects (at most ``MAX_REDIRECTS``). To another origin than the API's,
        the request carries none of its headers but ``SAFE_HEADERS``, and none of the
        query parameters that carry credentials."""
        for _ in range(MAX_REDIRECTS):
            following = response.next_request
            if following is None:
                return response
            await response.aclose()
            if origin(following.url) != origin(httpx.URL(self.base_url)):
                following = self._without_credentials(following)
            response = await self.client.send(following)
        return response

    def _without_credentials(self, request: httpx.Request) -> httpx.Request:
        for key in list(request.headers):
            if key.lower() not in SAFE_HEADERS:
                del request.headers[key]
        secret = self.auth.query_names()
        if secret and request.url.query:
            pairs = parse_qsl(request.url.query.decode("ascii"), keep_blank_values=True)
            kept = [(k, v) for k, v in pairs if k not in secret]
            request.url = request.url.copy_with(query=query_string(kept).encode("ascii") or None)
        logger.info("redirected to %s; credentials are not sent there", origin(request.url))
        return request


def origin(url: httpx.URL) -> tuple[str, str, int | None]:
    """Scheme, host and port (the default port made explicit)."""
    default = {"http": 80, "https": 443}.get(url.scheme)
    return url.scheme, url.host, url.port or default


Backend = Upstream
