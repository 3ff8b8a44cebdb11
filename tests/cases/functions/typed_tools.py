"""Typed tools for tests: one function per kind of Python type."""

from __future__ import annotations

import asyncio
import datetime as dt
import enum
import uuid
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Annotated, Literal, Optional, TypedDict, Union

from pydantic import BaseModel, Field


class Color(enum.Enum):
    RED = "red"
    GREEN = "green"


class Point(TypedDict):
    """A point on a plane."""

    x: float
    y: float


class Labelled(TypedDict, total=False):
    label: str
    where: Point


@dataclass
class Box:
    width: int
    height: int = 1
    tags: list[str] = field(default_factory=list)


class Address(BaseModel):
    street: str
    city: str


class Person(BaseModel):
    name: str
    age: Annotated[int, Field(ge=0, le=150)]
    address: Address | None = None
    friends: list[Person] = []


def add(a: int, b: int = 2) -> int:
    """Add two integers.

    Args:
        a: The first addend.
        b: The second addend.

    Returns:
        The sum of both.
    """
    return a + b


def describe(
    text: str,
    ratio: float,
    flag: bool,
    nothing: None = None,
    maybe: Optional[int] = None,
    either: Union[int, str] = 0,
    mode: Literal["fast", "slow"] = "fast",
    color: Color = Color.RED,
) -> dict[str, object]:
    """Echo every scalar kind back.

    Parameters
    ----------
    text : str
        Some text.
    ratio : float
        A ratio.
    """
    return {
        "text": text,
        "ratio": ratio,
        "flag": flag,
        "nothing": nothing,
        "maybe": maybe,
        "either": either,
        "mode": mode,
        "color": color.value,
    }


def collections(
    items: list[int], mapping: dict[str, float], pair: tuple[int, str], unique: set[str]
) -> dict[str, object]:
    """Containers of every kind.

    :param items: Integers.
    :param unique: Distinct strings.
    """
    return {
        "items": sorted(items),
        "mapping": mapping,
        "pair": list(pair),
        "unique": sorted(unique),
    }


def when(
    day: dt.date,
    moment: dt.datetime,
    clock: dt.time,
    ident: uuid.UUID,
    amount: Decimal,
    where: Path,
) -> str:
    """Types with string formats, converted before the call."""
    assert isinstance(day, dt.date) and isinstance(ident, uuid.UUID)
    assert isinstance(amount, Decimal) and isinstance(where, Path)
    return f"{day.isoformat()}|{moment.isoformat()}|{clock.isoformat()}|{ident}|{amount}|{where}"


def centroid(points: list[Point], label: Labelled | None = None) -> Point:
    """The centroid of points (typing.TypedDict, which FastMCP cannot take on Python 3.11)."""
    n = len(points)
    return {"x": sum(p["x"] for p in points) / n, "y": sum(p["y"] for p in points) / n}


def area(box: Box) -> Box:
    """A dataclass in and out."""
    assert isinstance(box, Box)
    return Box(box.width * box.height, 1, [*box.tags, "area"])


def greet(
    person: Person, /, greeting: Annotated[str, Field(description="How to greet.")] = "Hello"
) -> str:
    """Greet a person (a nested pydantic model; ``person`` is positional-only)."""
    assert isinstance(person, Person)
    city = person.address.city if person.address else "nowhere"
    return f"{greeting}, {person.name} from {city} with {len(person.friends)} friends"


async def slow_double(value: int) -> int:
    """An async function, awaited by the server."""
    await asyncio.sleep(0.01)
    return value * 2


def fail(message: str) -> None:
    """Raise ValueError with the message."""
    raise ValueError(message)


def nothing() -> None:
    """Return nothing at all."""


def pixel() -> bytes:
    """A 1x1 PNG image."""
    return bytes.fromhex(
        "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478"
        "9c6360000002000001e221bc330000000049454e44ae426082"
    )


def blob() -> bytes:
    """Bytes that are not an image."""
    return b"\x00\x01binary"


def loose(value, scale=2, *args, **kwargs):  # type: ignore[no-untyped-def]
    """No annotations at all: accepted with warnings."""
    return value * scale
