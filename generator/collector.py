"""The cyclic garbage collector paused while a large document is converted.

A parsed document, and the project made from it, are millions of small objects that live
until the end of the run. CPython's cyclic collector would walk all of them at each full
collection: a third of the time of generating from an 11,000-operation document went
there. Conversion makes no reference cycles of note (the builder takes care not to, so that
the parsed document goes as soon as it is done with), and reference counting frees
everything else as usual, so the collector is paused for the block and resumed after it.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused() -> Iterator[None]:
    """No cyclic garbage collection in the block (the process's: threads included)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
