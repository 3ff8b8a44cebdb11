"""The cyclic garbage collector paused while a large document is converted.

A parsed document, and the project made from it, are millions of small objects that live
until the end of the run. CPython's cyclic collector would walk all of them at each full
collection: a third of the time of generating from an 11,000-operation document went
there. Conversion makes no reference cycles of note (the builder takes care not to, so that
the parsed document goes as soon as it is done with), and reference counting frees
everything else as usual, so the collector is paused for the block and resumed after it.

Resuming it costs one more walk: the first collection after the block visits every object
made in it (a tenth of a second for 11,000 operations). A process that ends soon after
(the command line, ``ending``) skips it: what the block made is frozen (``gc.freeze``),
never walked by the collector again, and still freed by reference counting.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

_ending = False


def ending() -> None:
    """The process ends after its command: objects made in a paused block are not walked
    again when the collector resumes. Not for a library caller, whose own objects would be
    frozen too."""
    global _ending
    _ending = True


@contextmanager
def paused() -> Iterator[None]:
    """No cyclic garbage collection in the block (the process's: threads included)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            if _ending:
                gc.freeze()
            gc.enable()
