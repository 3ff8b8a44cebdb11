"""Functions whose results are no value a tool can send, and some that are."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterator
from typing import Any, Literal


class Invalid(Exception):
    """Returned, not raised, like a validation library's failed checks."""


def check(value: int) -> Invalid | Literal[True]:
    """True when the value is even, else an Invalid object."""
    return True if value % 2 == 0 else Invalid(f"{value} is odd")


def untyped_check(value: int):  # type: ignore[no-untyped-def]
    """The same without a return annotation."""
    return True if value % 2 == 0 else Invalid(f"{value} is odd")


def tokens(text: str) -> Iterator[str]:
    """A generator of words."""
    yield from text.split()


def mapped(text: str):  # type: ignore[no-untyped-def]
    """An iterator that is not a generator."""
    return map(str.upper, text.split())


async def agen(text: str) -> AsyncIterator[str]:
    """An async generator."""
    for word in text.split():
        yield word


class Opaque:
    def __init__(self, value: int) -> None:
        self.value = value


def opaque(value: int) -> Opaque:
    """An object pydantic cannot serialise, declared."""
    return Opaque(value)


def sneaky(value: int) -> dict[str, Any]:
    """An object pydantic cannot serialise, inside a declared dict."""
    return {"value": Opaque(value)}


def callback(value: int) -> int | Callable[[], int]:
    """A function when the value is negative."""
    return value if value >= 0 else (lambda: value)


def talkative(value: int) -> int:
    """Prints while it runs: over stdio that must not reach the protocol stream."""
    print("working on", value)
    print("working on", value, flush=True)
    return value + 1


async def _later(value: int) -> int:
    return value * 3


def wrapped_coroutine(value: int) -> Any:
    """A plain function whose result is a coroutine."""
    return _later(value)


def not_bytes(value: int) -> bytes:
    """Declares bytes, returns text."""
    return str(value)  # type: ignore[return-value]


__all__ = [
    "check",
    "untyped_check",
    "tokens",
    "mapped",
    "agen",
    "opaque",
    "sneaky",
    "callback",
    "talkative",
    "wrapped_coroutine",
    "not_bytes",
]
