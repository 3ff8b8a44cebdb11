"""Progress of a long generation on stderr: phase lines, or a bar on a terminal.

Generators announce what they do (``progress.phase("converting 1,200 operations")``) and
count their longest steps (``with progress.steps("formatting 14 files", 14) as step``).
Nothing is shown unless the command line installed a reporter (``with
progress.reporting(): ...``), and then only once the run has taken longer than
``MCPGEN_PROGRESS_AFTER`` seconds (default 2; ``0``: always, ``never``: not at all) or its input
is large, so that quick runs print exactly what they always printed. Library callers see
nothing.
"""

from __future__ import annotations

import math
import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, TypeVar

T = TypeVar("T")
AFTER_VARIABLE = "MCPGEN_PROGRESS_AFTER"
DEFAULT_AFTER = 2.0
"""Seconds of work before phases are shown: a run that takes less says nothing more."""
LARGE_INPUT = 2_000_000
"""Bytes of input above which phases are shown from the start (such a document takes
seconds to load)."""


def threshold() -> float:
    """``MCPGEN_PROGRESS_AFTER`` in seconds; ``never`` (or a value that is not a number)
    turns progress off."""
    raw = os.environ.get(AFTER_VARIABLE, "").strip()
    if not raw:
        return DEFAULT_AFTER
    try:
        value = float(raw)
    except ValueError:
        return math.inf
    return value if value >= 0 and not math.isnan(value) else math.inf


class Reporter:
    """Shows phases once the run is slow (see the module's docstring)."""

    def __init__(self, after: float | None = None, interactive: bool | None = None) -> None:
        self.after = threshold() if after is None else after
        self.start = time.monotonic()
        self.forced = False
        self.interactive = _stderr_is_a_terminal() if interactive is None else interactive

    def showing(self) -> bool:
        if math.isinf(self.after):
            return False
        return self.forced or time.monotonic() - self.start >= self.after

    def large(self) -> None:
        """The input is big enough to take seconds: show every phase from now on."""
        self.forced = True

    def phase(self, text: str) -> None:
        if self.showing():
            import click

            click.echo(f"mcpgen: {text}", err=True)


class Steps:
    """``total`` steps of one phase; the bar or line appears once the run turns slow."""

    def __init__(self, reporter: Reporter | None, text: str, total: int) -> None:
        self.reporter = reporter
        self.text = text
        self.total = total
        self.done = 0
        self.bar: Any = None
        self.shown = False

    def __call__(self, count: int = 1) -> None:
        self.done += count
        if self.bar is not None:
            self.bar.update(count)
        else:
            self._show()

    def after(self, value: T) -> T:
        """One step done; ``value`` is its result."""
        self()
        return value

    def _show(self) -> None:
        reporter = self.reporter
        if self.shown or not self.total or reporter is None or not reporter.showing():
            return
        self.shown = True
        if not reporter.interactive:
            reporter.phase(self.text)
            return
        import click

        self.bar = click.progressbar(
            length=self.total, label=f"mcpgen: {self.text}", file=sys.stderr
        )
        self.bar.__enter__()
        self.bar.update(self.done)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)
            self.bar = None


_current: ContextVar[Reporter | None] = ContextVar("mcpgen_progress", default=None)


@contextmanager
def reporting(enabled: bool = True, after: float | None = None) -> Iterator[Reporter | None]:
    """Show the progress of what runs inside (``enabled=False``: ``--quiet``)."""
    reporter = Reporter(after) if enabled else None
    token = _current.set(reporter)
    try:
        yield reporter
    finally:
        _current.reset(token)


def count(number: int, word: str) -> str:
    """``1 file``, ``1,200 operations``."""
    return f"{number:,} {word}{'' if number == 1 else 's'}"


def phase(text: str) -> None:
    """``mcpgen: <text>`` on stderr, if the run is slow enough to be shown."""
    reporter = _current.get()
    if reporter is not None:
        reporter.phase(text)


def large(size: int) -> None:
    """Input of ``size`` bytes is about to be read: from ``LARGE_INPUT`` on, show phases."""
    reporter = _current.get()
    if reporter is not None and size >= LARGE_INPUT:
        reporter.large()


@contextmanager
def steps(text: str, total: int) -> Iterator[Steps]:
    """A phase of ``total`` counted steps: call the ``Steps`` after each one. On a terminal it
    is a bar, elsewhere the single line ``mcpgen: <text>``."""
    counter = Steps(_current.get(), text, total)
    counter._show()
    try:
        yield counter
    finally:
        counter.close()


def _stderr_is_a_terminal() -> bool:
    try:
        return sys.stderr.isatty()
    except (AttributeError, ValueError):
        return False
