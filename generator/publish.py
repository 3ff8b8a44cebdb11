"""Compare or write: what regenerating changes on disk, decided by who owns each file.

The manifest (``.mcpgen/manifest.json``) records every file mcpgen wrote, its
sha256 and its owner:

- ``generated``: rewritten on every run. One edited by hand since (its sha256 no
  longer matches) is not overwritten without ``force``; files no longer generated
  are removed, under the same rule.
- ``user``: created once (hooks), never touched again.
- ``starter``: refreshed on every run until someone edits it (a README); from
  then on it is the user's. The manifest keeps the sha256 mcpgen last wrote, so
  an edited starter stays the user's.

Publishing is one transaction across every output: all files are staged first,
then swapped in with ``os.replace``, old versions kept aside until the end; any
failure puts back exactly what was there.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from . import __version__
from .diagnostics import MCPGenError

MANIFEST = PurePosixPath(".mcpgen/manifest.json")

Content = str | bytes
"""A file's content: text, or UTF-8 bytes for large data files (their text would hold two
or four bytes a character wherever one character is not ASCII)."""


def sha256(text: str | bytes) -> str:
    if isinstance(text, bytes):
        return hashlib.sha256(text).hexdigest()
    digest = hashlib.sha256()
    # In pieces: a large file's UTF-8 is never held whole beside its text.
    for at in range(0, len(text), _PIECE):
        digest.update(text[at : at + _PIECE].encode("utf-8"))
    return digest.hexdigest()


_PIECE = 1 << 20


def read_manifest(root: Path) -> dict[PurePosixPath, dict[str, str]]:
    path = root / MANIFEST
    if not path.is_file():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return {PurePosixPath(e["path"]): e for e in data["files"]}
    except (ValueError, KeyError, TypeError):
        raise MCPGenError(str(path), "", "manifest is not valid mcpgen manifest JSON") from None


@dataclass
class Changes:
    """What publishing ``contents`` into ``root`` does."""

    root: Path
    writes: dict[PurePosixPath, Content] = field(default_factory=dict)
    deletes: list[PurePosixPath] = field(default_factory=list)
    kept: list[tuple[PurePosixPath, str]] = field(default_factory=list)
    """Files left as they are on disk, and why."""
    edited: list[PurePosixPath] = field(default_factory=list)
    """Generated files edited by hand that this would overwrite or remove."""
    current: dict[PurePosixPath, Content | None] = field(default_factory=dict)
    """What is on disk now, for diffs (None: missing)."""

    def diff(self, prefix: str = "") -> str:
        """What regenerating would change, for a person: new files listed (not printed), a
        unified diff of each changed or removed file, the manifest named once (its hashes
        say nothing to a reader), and hand-edited files that need ``--force``. ``prefix``
        (``output/x/``) goes before every path."""
        chunks: list[str] = []
        for path, text in sorted(self.writes.items()):
            if path == MANIFEST or self.current.get(path) is not None:
                continue
            lines = len(text.splitlines())  # bytes split on b"\n" alike
            chunks.append(f"new file: {prefix}{path} ({lines} line{'s' if lines != 1 else ''})\n")
        for path, text in sorted(self.writes.items()):
            old = self.current.get(path)
            if path == MANIFEST or old is None:
                continue
            chunks.extend(
                _unified_diff(
                    _text(old).splitlines(keepends=True),
                    _text(text).splitlines(keepends=True),
                    fromfile=f"a/{prefix}{path}",
                    tofile=f"b/{prefix}{path}",
                )
            )
        for path in self.deletes:
            old = self.current.get(path) or ""
            chunks.extend(
                _unified_diff(
                    _text(old).splitlines(keepends=True),
                    [],
                    fromfile=f"a/{prefix}{path}",
                    tofile="/dev/null",
                )
            )
        if MANIFEST in self.writes:
            state = "missing" if self.current.get(MANIFEST) is None else "out of date"
            chunks.append(f"manifest {state}: {prefix}{MANIFEST}\n")
        for path in self.edited:
            chunks.append(
                f"edited by hand: {prefix}{path}; regenerating will refuse to overwrite it "
                "without --force\n"
            )
        return "".join(c if c.endswith("\n") else c + "\n" for c in chunks)


def _text(content: Content) -> str:
    return content.decode("utf-8", errors="replace") if isinstance(content, bytes) else content


def _read(path: Path, binary: bool = False) -> Content | None:
    """A file's content on disk, as text (or as bytes, to compare with bytes); None if
    missing."""
    try:
        if binary:
            return path.read_bytes()
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except UnicodeDecodeError:
        return path.read_bytes().decode("utf-8", errors="replace")


def check_destination(root: Path) -> None:
    """``root`` can hold a project: a directory, or missing below directories; else a
    one-line error naming it (a file where a folder is needed, a folder we cannot write)."""
    for candidate in [root, *root.parents]:
        if candidate.exists():
            if not candidate.is_dir():
                where = "is" if candidate == root else f"is inside {candidate}, which is"
                raise MCPGenError(str(root), "", f"{where} a file, not a directory")
            if not os.access(candidate, os.W_OK | os.X_OK):
                raise MCPGenError(str(candidate), "", "is not writable")
            return


def plan_changes(root: Path, contents: Mapping[PurePosixPath, Content]) -> Changes:
    """Compare ``contents`` (with its rendered manifest) with ``root`` on disk."""
    check_destination(root)
    rendered = json.loads(contents[MANIFEST])["files"] if MANIFEST in contents else []
    owners = {PurePosixPath(e["path"]): e["owner"] for e in rendered}
    previous = read_manifest(root)
    changes = Changes(root)
    entries: list[dict[str, str]] = []
    for path, text in sorted(contents.items()):
        if path == MANIFEST:
            continue
        owner = owners.get(path, "generated")
        on_disk = _read(root / path, binary=isinstance(text, bytes))
        recorded = previous.get(path, {}).get("sha256")
        changes.current[path] = on_disk
        entry = {"path": str(path), "sha256": sha256(text), "owner": owner}
        if on_disk is not None and owner == "user":
            changes.kept.append((path, "yours"))
        elif on_disk is not None and owner == "starter" and sha256(on_disk) != recorded:
            # Edited since mcpgen wrote it (or never written by mcpgen): it is the user's now.
            changes.kept.append((path, "edited by hand, so it is yours now"))
            entry["sha256"] = recorded or sha256(on_disk)
        elif on_disk != text:
            if on_disk is not None and sha256(on_disk) != recorded and owner == "generated":
                changes.edited.append(path)
            changes.writes[path] = text
        entries.append(entry)
    for path, entry in sorted(previous.items()):
        if path in contents or entry.get("owner") != "generated" or path == MANIFEST:
            continue
        on_disk = _read(root / path)
        if on_disk is None:
            continue
        changes.current[path] = on_disk
        if sha256(on_disk) != entry.get("sha256"):
            changes.edited.append(path)
        changes.deletes.append(path)
    manifest = json.dumps({"generator": f"mcpgen {__version__}", "files": entries}, indent=2)
    manifest += "\n"
    changes.current[MANIFEST] = _read(root / MANIFEST)
    if changes.current[MANIFEST] != manifest:
        changes.writes[MANIFEST] = manifest
    return changes


def refuse_edited(changes: Sequence[Changes]) -> None:
    """Stop, naming the files, when publishing would overwrite hand edits."""
    edited = [str(c.root / p) for c in changes for p in c.edited]
    if edited:
        more = f" (and {len(edited) - 1} more)" if len(edited) > 1 else ""
        raise MCPGenError(
            edited[0],
            "",
            f"generated file edited by hand{more}: {', '.join(edited)}; move your change to a "
            "file of yours (such as hooks.py) or pass --force to overwrite",
            code="E-EDITED",
        )


def publish(changes: Sequence[Changes]) -> None:
    """Apply every change as one transaction; on any failure the trees are left as they were
    (an error of the file system becomes a one-line error naming the path)."""
    try:
        _publish(changes)
    except OSError as exc:
        where = exc.filename or (str(changes[0].root) if changes else "")
        raise MCPGenError(str(where), "", f"cannot write: {exc.strerror or exc}") from None


def _write_text(target: Path, text: Content) -> None:
    """``text`` as UTF-8 with ``\\n`` line ends, written in pieces (bytes as they are)."""
    if isinstance(text, bytes):
        target.write_bytes(text)
        return
    with target.open("w", encoding="utf-8", newline="\n") as handle:
        for at in range(0, len(text), _PIECE):
            handle.write(text[at : at + _PIECE])


def _publish(changes: Sequence[Changes]) -> None:
    staging: list[Path] = []
    swapped: list[tuple[Path, Path | None]] = []
    created: list[Path] = []
    try:
        for change in changes:
            _make_dirs(change.root, created)
            stage = Path(tempfile.mkdtemp(prefix=".mcpgen-staging-", dir=change.root))
            staging.append(stage)
            for path, text in change.writes.items():
                target = stage / "new" / path
                target.parent.mkdir(parents=True, exist_ok=True)
                _write_text(target, text)
        for change, stage in zip(changes, staging, strict=True):
            order = [p for p in change.writes if p != MANIFEST] + [
                p for p in change.writes if p == MANIFEST
            ]
            for path in order:
                target = change.root / path
                backup = _set_aside(target, stage / "old" / path)
                swapped.append((target, backup))
                _make_dirs(target.parent, created)
                os.replace(stage / "new" / path, target)
            for path in change.deletes:
                target = change.root / path
                swapped.append((target, _set_aside(target, stage / "old" / path)))
    except BaseException:
        for target, backup in reversed(swapped):
            if backup is not None:
                os.replace(backup, target)
            else:
                target.unlink(missing_ok=True)
        for stage in staging:
            shutil.rmtree(stage, ignore_errors=True)
        for directory in reversed(created):
            try:
                directory.rmdir()
            except OSError:
                pass
        raise
    for stage in staging:
        shutil.rmtree(stage, ignore_errors=True)


def _set_aside(target: Path, backup: Path) -> Path | None:
    if not target.exists():
        return None
    backup.parent.mkdir(parents=True, exist_ok=True)
    os.replace(target, backup)
    return backup


def _make_dirs(directory: Path, created: list[Path]) -> None:
    missing: list[Path] = []
    while not directory.exists():
        missing.append(directory)
        directory = directory.parent
    for path in reversed(missing):
        path.mkdir()
        created.append(path)


def _unified_diff(old: list[str], new: list[str], fromfile: str, tofile: str) -> Iterator[str]:
    """difflib's, imported on first use: only ``--check`` shows a diff."""
    import difflib

    return difflib.unified_diff(old, new, fromfile=fromfile, tofile=tofile)
