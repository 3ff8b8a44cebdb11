"""Small tools for the golden test of a functions server: arithmetic and text."""

from typing import Literal


def add(a: int, b: int = 1) -> int:
    """Add two numbers.

    Args:
        a: The first number.
        b: The second number.
    """
    return a + b


def shout(text: str, mark: Literal["!", "?"] = "!") -> str:
    """Upper-case a text and end it with a mark."""
    return text.upper() + mark
