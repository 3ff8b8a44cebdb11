"""Running a command once in a fresh process and measuring it: wall time, peak RSS, exit
code and output. Shared by the benchmarks that compare generations."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

TIMEOUT = 900.0
"""Seconds any one subprocess (a generation, an install) or server session may take."""
_ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")

PROBE = """\
import json, resource, subprocess, sys, threading, time
out, err, timeout = sys.argv[1], sys.argv[2], float(sys.argv[3])
with open(out, "wb") as o, open(err, "wb") as e:
    start = time.perf_counter()
    child = subprocess.Popen(sys.argv[4:], stdin=subprocess.DEVNULL, stdout=o, stderr=e)
    # A blocking wait ends when the child does; a wait with a timeout polls every 50 ms.
    timer = threading.Timer(timeout, child.kill)
    timer.start()
    code = child.wait()
    seconds = time.perf_counter() - start
    timer.cancel()
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print(json.dumps({"seconds": seconds, "peak": peak, "code": code}))
"""
"""Runs a command in a fresh process and reports its wall time, peak RSS (MB: Linux
gives ``ru_maxrss`` in KiB) and exit code; its output goes to two files."""


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_mb: float
    code: int
    stdout: str
    stderr: str

    def last_error_line(self) -> str:
        """The last line that says "error" (a stack trace's frames come after it), else the
        last line."""
        lines = [_ANSI.sub("", line).strip() for line in (self.stderr or self.stdout).splitlines()]
        lines = [line for line in lines if line]
        errors = [line for line in lines if "error" in line.lower()]
        return (errors or lines or ["(no output)"])[-1]


def measured(command: Sequence[str], scratch: Path, cwd: Path | None = None) -> Run:
    """Wall time, peak RSS and output of ``command`` run once in a fresh process."""
    scratch.mkdir(parents=True, exist_ok=True)
    out, err = scratch / "stdout.txt", scratch / "stderr.txt"
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(out), str(err), str(TIMEOUT), *command],
        check=True,
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=TIMEOUT + 60,
    )
    figures = json.loads(done.stdout)
    return Run(
        seconds=float(figures["seconds"]),
        peak_mb=float(figures["peak"]),
        code=int(figures["code"]),
        stdout=out.read_text("utf-8", errors="replace"),
        stderr=err.read_text("utf-8", errors="replace"),
    )


def best(runs: Sequence[Run]) -> Run:
    """The fastest run, with the lowest peak of all runs."""
    fastest = min(runs, key=lambda r: r.seconds)
    return Run(
        fastest.seconds, min(r.peak_mb for r in runs), fastest.code, fastest.stdout, fastest.stderr
    )
