"""The formats an argument must have before its call is made.

An upstream refuses ``x`` for a ``uuid`` or ``yesterday`` for a ``date-time``, so arguments
are checked for these formats and the model is told which argument is wrong. Each check
is the standard library's, and lenient where APIs are: a value is refused only when no
reading of the format takes it (``2026-12-01`` passes as a ``date-time``, unpadded and
URL-safe base64 as ``byte``), so that no call an upstream would take is refused. Every
install checks the same: nothing depends on which optional packages are present.
Results are not held to formats: what an upstream sends reaches the client.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime, time
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import jsonschema

LIBRARY_FORMATS = ("date", "email", "ipv4", "ipv6", "uuid")
"""Formats jsonschema checks without optional packages."""

INTEGER_RANGES = {"int32": 32, "int64": 64}
"""Integer formats, by their bits: a value outside the signed range is refused."""

_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:\S")
_BASE64 = re.compile(r"[A-Za-z0-9+/_\-]*")
_LEAP = re.compile(r"((?:^|[Tt ])\d\d:\d\d):60(?=\D|$)")
"""A leap second (``23:59:60``), which RFC 3339 allows and Python's reader does not."""
_NUMBER = r"\d+(?:[.,]\d+)?"
_DURATION = re.compile(
    rf"-?P(?=\d|T\d)(?:{_NUMBER}Y)?(?:{_NUMBER}M)?(?:{_NUMBER}W)?(?:{_NUMBER}D)?"
    rf"(?:T(?=\d)(?:{_NUMBER}H)?(?:{_NUMBER}M)?(?:{_NUMBER}S)?)?",
    re.IGNORECASE,
)


def _date_time(value: Any) -> bool:
    return not isinstance(value, str) or _iso(datetime.fromisoformat, value)


def _time(value: Any) -> bool:
    return not isinstance(value, str) or _iso(time.fromisoformat, value)


def _iso(parse: Callable[[str], object], value: str) -> bool:
    # RFC 3339 allows a lower-case t and z and a leap second; Python's ISO 8601 reader
    # takes the rest.
    try:
        parse(_LEAP.sub(r"\1:59", value).upper())
    except ValueError:
        return False
    return True


def _uri(value: Any) -> bool:
    """An absolute URI: a scheme, then something. Relative references are ``uri-reference``."""
    return not isinstance(value, str) or (
        _SCHEME.match(value) is not None and not any(c.isspace() for c in value)
    )


def _duration(value: Any) -> bool:
    """ISO 8601's ``P1DT2H30M``, weeks and fractions allowed, and XML Schema's sign."""
    return not isinstance(value, str) or _DURATION.fullmatch(value) is not None


def _byte(value: Any) -> bool:
    """Base64, padded or not, in either alphabet (RFC 4648 sections 4 and 5)."""
    if not isinstance(value, str):
        return True
    data = value.rstrip("=")
    padding = len(value) - len(data)
    if padding > 2 or not _BASE64.fullmatch(data) or len(data) % 4 == 1:
        return False
    return padding == 0 or len(value) % 4 == 0


def _integer(bits: int) -> Callable[[Any], bool]:
    low, high = -(2 ** (bits - 1)), 2 ** (bits - 1) - 1

    def check(value: Any) -> bool:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return True
        return bool(low <= value <= high)

    return check


OWN_FORMATS = {
    "date-time": _date_time,
    "time": _time,
    "uri": _uri,
    "url": _uri,
    "duration": _duration,
    "byte": _byte,
    **{name: _integer(bits) for name, bits in INTEGER_RANGES.items()},
}
"""Formats checked here, with the standard library."""

ASSERTED_FORMATS = tuple(sorted((*LIBRARY_FORMATS, *OWN_FORMATS)))
"""Every format an argument must have."""


def format_checker() -> jsonschema.FormatChecker:
    """A checker of ``ASSERTED_FORMATS``."""
    import jsonschema

    checker = jsonschema.FormatChecker(LIBRARY_FORMATS)
    for name, check in OWN_FORMATS.items():
        checker.checks(name)(check)
    return checker
