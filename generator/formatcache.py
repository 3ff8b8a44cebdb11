"""black's output kept between runs.

black is most of the time of generating models and clients, and regenerating (``--check``,
``mcpgen generate`` after a small change) formats mostly the same text again. An entry is
named by a digest of black's version, the mode and the unformatted text, so it is never
stale: a change to any of them is another name.

The entries live in a folder of the user's own, ``mcpgen-format-<uid>`` under the temporary
directory (or ``$MCPGEN_FORMAT_CACHE``; ``off`` turns the cache off). mcpgen makes it private
(0700) and uses it only while it is a real folder, owned by the user, that nobody else can
read or write, as Jinja does for its template cache. A file that cannot be read, written or
trusted only means formatting again. At most ``LIMIT`` entries are kept: each write removes
the least recently used beyond that.
"""

from __future__ import annotations

import hashlib
import os
import stat
import tempfile
import time
from functools import cache
from pathlib import Path

LIMIT = 1000
# How mcpgen asks black to format (pipeline.format_python); part of every entry's name.
TARGET = "PY311"
LINE_LENGTH = 100
_SUFFIX = ".py"
# A staged entry older than this was left by a run that was killed while writing it.
_STALE_NS = 3600 * 10**9


@cache
def _black_version() -> str | None:
    # Imported here: it takes longer than all of this module, and most runs format nothing.
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("black")
    except PackageNotFoundError:
        return None


def key(text: str) -> str | None:
    """The entry's name for ``text``; None when black's version is unknown."""
    found = _black_version()
    if found is None:
        return None
    digest = hashlib.sha256(f"black {found}\n{TARGET} {LINE_LENGTH}\n".encode())
    digest.update(text.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def folder() -> Path | None:
    """The cache folder, made if missing; None when off or not private."""
    chosen = os.environ.get("MCPGEN_FORMAT_CACHE")
    if chosen is not None and chosen.strip().lower() in ("off", "0", "no", "false", ""):
        return None
    if chosen is not None:
        where = Path(chosen)
    else:
        owner = os.getuid() if hasattr(os, "getuid") else "user"
        where = Path(tempfile.gettempdir()) / f"mcpgen-format-{owner}"
    try:
        where.mkdir(mode=0o700, exist_ok=True)
        if not _private(where):
            return None
    except OSError:
        return None
    return where


def _private(where: Path) -> bool:
    info = os.lstat(where)
    if not stat.S_ISDIR(info.st_mode):
        return False
    if not hasattr(os, "getuid"):
        return True
    return info.st_uid == os.getuid() and not info.st_mode & 0o077


def load(name: str) -> str | None:
    """The formatted text stored under ``name``, or None."""
    where = folder()
    if where is None:
        return None
    path = where / (name + _SUFFIX)
    try:
        flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0)
        handle = os.open(path, flags)
        with os.fdopen(handle, "rb") as stream:
            text = stream.read().decode("utf-8", "surrogatepass")
    except (OSError, UnicodeDecodeError):
        return None
    try:
        os.utime(path)  # recently used: the last to go
    except OSError:
        pass
    return text


def store(name: str, text: str) -> None:
    """Keep ``text`` under ``name`` (written whole, then renamed into place), then drop the
    least recently used entries beyond ``LIMIT``."""
    where = folder()
    if where is None:
        return
    try:
        handle, staged = tempfile.mkstemp(dir=where, suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(text.encode("utf-8", "surrogatepass"))
            os.replace(staged, where / (name + _SUFFIX))
        except BaseException:
            Path(staged).unlink(missing_ok=True)
            raise
        _prune(where)
    except OSError:
        return


def _prune(where: Path) -> None:
    entries = []
    now = time.time_ns()
    for entry in os.scandir(where):
        try:
            changed = entry.stat(follow_symlinks=False).st_mtime_ns
            if entry.name.endswith(_SUFFIX):
                entries.append((changed, entry.path))
            elif entry.name.endswith(".tmp") and now - changed > _STALE_NS:
                os.unlink(entry.path)
        except OSError:
            continue
    if len(entries) <= LIMIT:
        return
    entries.sort()
    for _, path in entries[: len(entries) - LIMIT]:
        try:
            os.unlink(path)
        except OSError:
            continue
