"""A share of one step's work done on a second core, by a forked copy of the process.

The slowest step after conversion, the search terms of every operation of a large API, is
made of one independent entry per operation. ``beside(work)`` forks: the copy runs
``work`` (its share of the entries) while this process does its own share and the other
files, then reads the copy's result (JSON, through a pipe). The copy holds the converted
project already: nothing is sent to it, and only its share of the result comes back.

Only the command line forks (``allow``, as ``collector.ending``), only on Linux (elsewhere
a fork is not safe, or not there), with two cores or more to run on, and with no other
thread in the process (a fork copies one thread, not the locks another may hold).
Anything else, or a copy that fails, leaves the work to this process: ``result`` is then
None and the caller does the share itself, with the same result.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable
from typing import Any

import orjson

_allowed = False


def allow() -> None:
    """This process may fork for work beside it: the command line, not a library caller
    (whose threads, event loops and open resources a copy would carry)."""
    global _allowed
    _allowed = True


def cores() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def available() -> bool:
    """Whether ``beside`` would fork now."""
    return (
        _allowed
        and sys.platform.startswith("linux")
        and hasattr(os, "fork")
        and threading.active_count() == 1
        and cores() >= 2
    )


class Beside:
    """Work running in a forked copy of this process; ``result`` waits for it."""

    def __init__(self, pid: int, reading: int) -> None:
        self.pid = pid
        self.reading = reading
        self.done = False

    def result(self) -> Any:
        """What the work returned, or None if the copy failed (the caller then does it)."""
        if self.done:
            return None
        self.done = True
        with os.fdopen(self.reading, "rb") as pipe:
            data = pipe.read()
        _, status = os.waitpid(self.pid, 0)
        if not os.WIFEXITED(status) or os.WEXITSTATUS(status) != 0 or not data:
            return None
        try:
            return orjson.loads(data)
        except orjson.JSONDecodeError:
            return None

    def cancel(self) -> None:
        """Stop the copy and reap it (when this process gives up before the result)."""
        if self.done:
            return
        self.done = True
        os.close(self.reading)
        try:
            os.kill(self.pid, 9)
        except ProcessLookupError:
            pass
        os.waitpid(self.pid, 0)


def beside(work: Callable[[], Any]) -> Beside | None:
    """Run ``work`` (returning a JSON value) in a forked copy of this process; None when
    forking is not ``available`` (the caller does the work itself)."""
    if not available():
        return None
    reading, writing = os.pipe()
    try:
        pid = os.fork()
    except OSError:
        os.close(reading)
        os.close(writing)
        return None
    if pid == 0:  # pragma: no cover - the copy; its result is checked by the parent
        code = 1
        try:
            os.close(reading)
            data = orjson.dumps(work())
            with os.fdopen(writing, "wb") as pipe:
                pipe.write(data)
            code = 0
        finally:
            # Out at once: nothing of the parent's (buffers, handlers, atexit) runs twice.
            os._exit(code)
    os.close(writing)
    return Beside(pid, reading)
