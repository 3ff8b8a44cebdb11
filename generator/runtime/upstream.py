"""The HTTP backend: calls the upstream API for a tool and returns an MCP result.

Each tool's ``http`` entry in ``spec.json`` says where every argument goes
(path, query, header, cookie, body) and how it is serialised; ``params``,
``bodies``, ``responses``, ``retry`` and ``auth`` hold the rules. Nothing
from the MCP client's own request (headers, credentials) is forwarded
upstream. A request that fails says what a user can do about it: the method
and URL it tried, a short reason (name not resolved, connection refused, TLS
error...) and the environment variable that sets the base URL.
"""

from __future__ import annotations

import argparse
import logging
import os
import re
import socket
import ssl
from collections.abc import Iterator, Mapping
from typing import Any
from urllib.parse import parse_qsl

import httpx
from mcp import types

from . import hooks, retry
from .auth import Auth
from .bodies import encode_body
from .params import (
    ArgumentError,
    complete,
    cookie_header,
    cookie_pairs,
    fill_path,
    header_value,
    path_value,
    query_pairs,
    query_string,
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
_TEXT_BODIES = frozenset({"form", "multipart"})
"""Body kinds whose fields are text, which has no null."""


def base_url(spec: Mapping[str, Any], override: str | None = None) -> str:
    """The upstream URL: --base-url, then ``<PREFIX>_BASE_URL``, then the document's server."""
    url = override or os.environ.get(base_url_env(spec)) or spec["baseUrl"]
    values = {v["name"]: os.environ.get(v["env"]) or v["default"] for v in spec["variables"]}
    return _VARIABLE.sub(lambda m: values.get(m.group(1), m.group(0)), url)


def base_url_env(spec: Mapping[str, Any]) -> str:
    """The environment variable that sets the upstream URL."""
    return f"{spec['envPrefix']}_BASE_URL"


def document_url(spec: Mapping[str, Any]) -> str:
    """The API document's server URL, its variables at their defaults."""
    values = {v["name"]: v["default"] for v in spec["variables"]}
    return _VARIABLE.sub(lambda m: values.get(m.group(1), m.group(0)), spec["baseUrl"])


def add_arguments(parser: argparse.ArgumentParser, spec: Mapping[str, Any]) -> None:
    prefix = spec["envPrefix"]
    document = document_url(spec).replace("%", "%%")  # argparse %-formats help
    fallback = f", else {document}" if document else "; the API document names none"
    parser.add_argument(
        "--base-url",
        metavar="URL",
        help=f"the API's absolute http(s) URL; paths of operations are appended to it "
        f"(default: ${base_url_env(spec)} if set{fallback})",
    )
    parser.add_argument(
        "--timeout",
        type=float,
        default=os.environ.get(f"{prefix}_TIMEOUT") or f"{DEFAULT_TIMEOUT:g}",
        metavar="SECONDS",
        help=f"seconds per upstream request (default: %(default)s; ${prefix}_TIMEOUT sets it)",
    )


def create(spec: Mapping[str, Any], args: argparse.Namespace) -> Upstream:
    """The backend of this server: the upstream HTTP API. An unusable base URL is said at
    start (and by every tool call, and ``/readyz`` answers 503)."""
    upstream = Upstream(spec, base_url(spec, args.base_url), args.timeout)
    if upstream.problem is not None:
        logger.warning(upstream.base_url_error())
    return upstream


def url_problem(url: str) -> str | None:
    """Why ``url`` cannot be the base URL of the API, if it cannot."""
    if not url:
        return "no upstream base URL is configured"
    shown = without_userinfo(url)
    unfilled = _VARIABLE.search(url)
    if unfilled:
        return f"the upstream base URL {shown!r} has an unfilled variable {unfilled.group(0)}"
    scheme, separator, _ = url.partition("://")
    if not separator or not re.fullmatch(r"[A-Za-z][A-Za-z0-9+.-]*", scheme):
        return (
            f"the upstream base URL {shown!r} is not absolute: it must start with http:// or "
            "https://"
        )
    if scheme.lower() not in ("http", "https"):
        return f"the upstream base URL {shown!r} has the scheme {scheme}: only http and https work"
    try:
        parsed = httpx.URL(url)
    except httpx.InvalidURL as exc:
        return f"the upstream base URL {shown!r} is not a valid URL ({exc})"
    if not parsed.host:
        return f"the upstream base URL {shown!r} has no host"
    return None


def without_userinfo(url: str) -> str:
    """``url`` without a ``user:password@`` part, which must not reach a tool result."""
    return re.sub(r"(?<=://)[^/@?#]*@", "", url, count=1)


def shown_url(url: httpx.URL) -> str:
    """Scheme, host, port and path of ``url``: no credentials, no query (it may hold an
    API key)."""
    return f"{url.scheme}://{url.netloc.decode('ascii', 'replace')}{url.path}"


_UNRESOLVED = (
    "name or service not known",
    "nodename nor servname",
    "getaddrinfo failed",
    "temporary failure in name resolution",
    "no address associated with hostname",
    "name does not resolve",
)


def _causes(exc: BaseException) -> Iterator[BaseException]:
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        current = current.__cause__ or current.__context__


def error_reason(exc: Exception, timeout: float) -> str:
    """A short reason for a failed request: name not resolved, connection refused, TLS
    error, timed out..."""
    if isinstance(exc, httpx.ConnectTimeout):
        return f"connection timed out after {timeout:g} s"
    if isinstance(exc, httpx.TimeoutException):
        return f"timed out after {timeout:g} s"
    if isinstance(exc, httpx.TooManyRedirects):
        return f"more than {MAX_REDIRECTS} redirects"
    if isinstance(exc, httpx.UnsupportedProtocol):
        return "unsupported URL scheme: only http and https work"
    causes = list(_causes(exc))
    for cause in causes:
        if isinstance(cause, ssl.SSLCertVerificationError):
            return f"TLS error: certificate not trusted ({cause.verify_message or cause.reason})"
        if isinstance(cause, ssl.SSLError):
            return f"TLS error ({cause.reason or cause.strerror or cause})"
        if isinstance(cause, socket.gaierror):
            return "name not resolved"
        if isinstance(cause, ConnectionRefusedError):
            return "connection refused"
        if isinstance(cause, ConnectionResetError):
            return "connection reset by the server"
    text = " ".join(" ".join(str(c) for c in causes).split())
    lowered = text.lower()
    if any(phrase in lowered for phrase in _UNRESOLVED):
        return "name not resolved"
    if "refused" in lowered:
        return "connection refused"
    if "ssl" in lowered or "certificate" in lowered:
        return f"TLS error ({_clip(str(exc))})"
    if "unreachable" in lowered or "no route to host" in lowered:
        return "network unreachable"
    detail = _clip(str(exc)) or type(exc).__name__
    if isinstance(exc, httpx.ConnectError):
        return f"cannot connect ({detail})"
    if isinstance(exc, httpx.RemoteProtocolError):
        return f"the server broke the HTTP exchange ({detail})"
    if isinstance(exc, httpx.NetworkError):
        return f"connection lost ({detail})"
    return detail


def _clip(text: str, limit: int = 200) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


class Upstream:
    """One HTTP client for the API, shared by every tool call."""

    def __init__(self, spec: Mapping[str, Any], base_url: str, timeout: float) -> None:
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        # Every spec.json has an envPrefix; a hand-made spec (in a test) may not.
        self.env = base_url_env({"envPrefix": spec.get("envPrefix", "API")})
        self.problem = url_problem(self.base_url)
        """Why the base URL cannot be used, if it cannot."""
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
        """Ready to call the API (``/readyz``): a usable base URL is configured."""
        return self.problem is None

    def base_url_error(self) -> str:
        """What is wrong with the base URL and how to set it."""
        return (
            f"{self.problem}; set {self.env} to the API's URL, such as "
            "https://api.example.com/v1 (or pass --base-url)"
        )

    def build(self, tool: Mapping[str, Any], arguments: Mapping[str, Any]) -> httpx.Request:
        """The HTTP request for a call of ``tool`` with (checked) ``arguments``."""
        http = tool["http"]
        if self.problem is not None:
            raise ArgumentError(self.base_url_error())
        template, query = split_template(http["path"])
        path_values: dict[str, str] = {}
        names: dict[str, str] = {}
        headers: dict[str, str] = {}
        cookies: list[tuple[str, str]] = []
        fields: dict[str, Any] = {}
        field_args: dict[str, Mapping[str, Any]] = {}
        whole_body: Any = None
        has_body = whole_given = False
        kind = (http.get("body") or {}).get("kind")
        required = (tool.get("inputSchema") or {}).get("required", ())
        for given in http["args"]:
            if given["name"] in arguments:
                value = arguments[given["name"]]
            elif "constant" in given:
                # The one value the document allows, sent for an argument left out.
                value = given["constant"]
            else:
                continue
            arg = complete(given)
            where = arg["in"]
            if where == "path":
                path_values[arg["wire"]] = path_value(value, arg)
                names[arg["wire"]] = arg["name"]
            elif where == "query":
                pairs = query_pairs(value, arg)
                if not pairs and value and arg["name"] in required:
                    raise ArgumentError(
                        f"query parameter {arg['name']!r} would be left out: "
                        "give at least one value that is not null"
                    )
                query.extend(pairs)
            elif where == "header":
                headers[arg["wire"]] = header_value(value, arg)
            elif where == "cookie":
                cookies.extend(cookie_pairs(value, arg))
            elif where == "field":
                if value is None and kind in _TEXT_BODIES and arg["name"] not in required:
                    continue  # a form cannot say null: the field is left out, not sent empty
                fields[arg["wire"]] = value
                field_args[arg["wire"]] = arg
                has_body = True
            else:
                whole_body, has_body, whole_given = value, True, True
        path = fill_path(template, path_values, names)
        self.auth.apply(http.get("security", ()), headers, query, cookies)
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
        if self.problem is not None:
            return error_result(self.base_url_error())
        try:
            for attempt in range(2):
                await self.auth.refresh(self.client, http.get("security", ()))
                request = await hooks.before_request(name, self.build(tool, arguments))
                response = await retry.send(self.client, request, http["method"])
                response = await self.follow(response)
                if (
                    response.status_code != 401
                    or attempt
                    or not self.auth.invalidate(http.get("security", ()))
                ):
                    break
            response = await hooks.after_response(name, response)
        except ArgumentError as exc:
            return error_result(f"Invalid arguments for tool {name!r}: {exc}")
        except (httpx.ReadTimeout, httpx.WriteTimeout, httpx.PoolTimeout):
            # The API was reached: its address is right, it was slow.
            return error_result(
                f"{http['method']} {http['path']} timed out after {self.timeout:g} s"
            )
        except httpx.HTTPError as exc:
            return error_result(self.failure(exc, http))
        except httpx.InvalidURL as exc:
            where = f"{http['method']} {without_userinfo(self.base_url)}{http['path']}"
            return error_result(f"{where}: not a valid URL ({exc})")
        return to_result(tool, response)

    def failure(self, exc: httpx.HTTPError, http: Mapping[str, Any]) -> str:
        """``METHOD URL: reason``, and for a failed connection to the API the environment
        variable that sets its URL."""
        try:
            request: httpx.Request | None = exc.request
        except RuntimeError:  # raised before a request existed
            request = None
        if request is None:
            where = f"{http['method']} {without_userinfo(self.base_url)}{http['path']}"
        else:
            where = f"{request.method} {shown_url(request.url)}"
        text = f"{where}: {error_reason(exc, self.timeout)}"
        connecting = isinstance(exc, (httpx.ConnectError, httpx.ConnectTimeout))
        if connecting and (
            request is None or origin(request.url) == origin(httpx.URL(self.base_url))
        ):
            text += f"; set {self.env}"
        return text

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
