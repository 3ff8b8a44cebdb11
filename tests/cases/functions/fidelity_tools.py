"""Signatures and docstrings that test how faithfully functions become tools."""

from __future__ import annotations

import functools
import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated

from pydantic import Field


def pick(
    value: int | Callable[[int], int],
    data: str | bytearray = "x",
    items: list[int | Callable[[], int]] | None = None,
    note: Annotated[str | bytearray, Field(description="A note.")] = "",
) -> str:
    """Union members that cannot be expressed are left out, each with a warning."""
    assert isinstance(value, int)
    return f"{value}|{data}|{items}|{note}"


def hook(
    value: int,
    on_done: Callable[[int], None] | None = None,
    transform: Callable[[int], int] = abs,
) -> int:
    """Parameters that can only be functions are not exposed: their defaults apply."""
    if on_done is not None:
        on_done(value)
    return transform(value)


def scaled(
    value: float, factor: float = math.nan, limit: float = math.inf, low: float = -math.inf
) -> float:
    """Defaults that are no JSON number: NaN and infinities."""
    if math.isnan(factor):
        return value
    return max(min(value * factor, limit), low)


def doubled(x: int) -> int:
    """Double a number.

    >>> doubled(2)
    4

    Example:
        >>> for n in range(2):
        ...     doubled(n)
        0
        2

    Args:
        x: The number.

    Returns:
        Twice x.

    Raises:
        ValueError: Never.
    """
    return 2 * x


def tripled(x: int) -> int:
    """Triple a number.
        >>> tripled(1)
        3

    :param x: The number.
    :returns: Three times x.
    """
    return 3 * x


def quadrupled(x: int):  # type: ignore[no-untyped-def]
    """Quadruple a number.

    Parameters
    ----------
    x : int
        The number.

    Returns
    -------
    int
        Four times x.

    Examples
    --------
    >>> quadrupled(1)
    4
    >>> if True:
    ...     quadrupled(2)
    8
    """
    return 4 * x


def retry(times: int):  # type: ignore[no-untyped-def]
    """A decorator factory: what it returns is a function."""

    def decorate(function):  # type: ignore[no-untyped-def]
        return function

    return decorate


def traced(function: Callable[..., int]) -> Callable[..., int]:
    """A decorator, typed."""
    return function


def apply(function: Callable[[int], int], value: int) -> int:
    """Takes a function among its arguments."""
    return function(value)


def convert(kind: type[int], value: str) -> int:
    """Takes a class among its arguments."""
    return kind(value)


@dataclass
class Point:
    x: int
    y: int


@functools.wraps(Point, updated=())
def make_point(*args, **kwargs):  # type: ignore[no-untyped-def]
    """A class behind a function wrapper."""
    return Point(*args, **kwargs)


def unresolved(x: int) -> NotDefinedAnywhere:  # type: ignore[name-defined]  # noqa: F821
    """A return annotation that names nothing."""
    return x
