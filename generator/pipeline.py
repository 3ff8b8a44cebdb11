"""The stages every generator shares: plan -> render -> format -> compare | write.

``render_plan`` returns ``{path: content}`` and touches no disk. ``check_tree``
compares that mapping with a directory; ``write_tree`` publishes it atomically
(stage in a temporary directory beside the target, ``os.replace`` each file,
manifest last). Nothing is written when any stage fails.
"""

from __future__ import annotations

import ast
import json
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from pathlib import Path, PurePosixPath
from typing import Any, Literal

import jinja2

from . import __version__, formatcache, progress
from .diagnostics import GeneratorBug
from .publish import MANIFEST, Content, plan_changes, publish, refuse_edited, sha256

Owner = Literal["generated", "user", "starter"]


@dataclass(frozen=True)
class PlannedFile:
    """One file to emit: its template, the IR-derived context, and who owns it."""

    path: PurePosixPath
    template: str
    context: Mapping[str, Any] = field(default_factory=dict)
    owner: Owner = "generated"
    verbatim: bool = False
    """The template renders black-formatted Python already: parse it, do not reformat."""
    text: Content | None = None
    """The file's content as it is (no template): runtime modules copied into a project,
    data files (as UTF-8 bytes when large)."""
    parsed: bool = False
    """``text`` is known to parse (a runtime module behind a header checked on its own):
    formatting leaves it as it is without parsing it again."""


@cache
def _environment() -> jinja2.Environment:
    # Templates live in the ``mcpgen.templates`` package so that both regular and
    # editable installs find them.
    root = files("mcpgen.templates")

    def load(name: str) -> str:
        return root.joinpath(name).read_text(encoding="utf-8")

    env = jinja2.Environment(
        loader=jinja2.FunctionLoader(load),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,
        bytecode_cache=_bytecode_cache(),
    )
    return env


class _QuietCache(jinja2.FileSystemBytecodeCache):
    """Jinja's cache of compiled templates, for which a failure only means compiling again."""

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except Exception:  # noqa: BLE001 - a damaged file fails in pickle or marshal, many ways
            bucket.reset()

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            super().dump_bytecode(bucket)
        except OSError:
            pass


def _bytecode_cache() -> jinja2.BytecodeCache | None:
    """Templates compiled once, not on every run (about 50 ms of each): Jinja keeps them in a
    folder of the user's own under the temporary directory, checked to be private, and
    compiles again when a template's text changes. None where no such folder can be had."""
    try:
        return _QuietCache()
    except (OSError, RuntimeError):
        return None


def format_python(text: str, path: PurePosixPath, verbatim: bool = False) -> str:
    """Parse, then format in-process. A failure here is a generator bug.

    ``verbatim`` text comes from a template whose output is already black-formatted
    (the test suite checks that); it is parsed but not reformatted. Text formatted before
    comes from ``formatcache``.
    """
    try:
        ast.parse(text, filename=str(path))
    except SyntaxError as exc:
        raise _bug(text, path, exc) from exc
    if verbatim:
        return text
    name = formatcache.key(text)
    if name is not None and (kept := formatcache.load(name)) is not None:
        return kept
    # black is imported on first use: it is most of mcpgen's start-up time.
    import black
    from black.mode import TargetVersion
    from black.parsing import InvalidInput

    try:
        target = TargetVersion[formatcache.TARGET]
        mode = black.Mode(target_versions={target}, line_length=formatcache.LINE_LENGTH)
        formatted = black.format_str(text, mode=mode)
    except InvalidInput as exc:
        raise _bug(text, path, exc) from exc
    if name is not None:
        formatcache.store(name, formatted)
    return formatted


def _bug(text: str, path: PurePosixPath, exc: Exception) -> GeneratorBug:
    numbered = "\n".join(f"{i:5} {line}" for i, line in enumerate(text.splitlines(), 1))
    return GeneratorBug(f"generated {path} does not parse ({exc}):\n{numbered}")


def render_template(template: str, **context: Any) -> str:
    """One template rendered, unformatted."""
    return _environment().get_template(template).render(**context)


def render_plan(plan: list[PlannedFile]) -> dict[PurePosixPath, Content]:
    """Render and format every planned file, then add the manifest."""
    env = _environment()
    progress.phase(f"rendering {progress.count(len(plan), 'file')}")
    rendered = {
        p.path: p.text if p.text is not None else env.get_template(p.template).render(**p.context)
        for p in plan
    }
    parsed = {p.path for p in plan if p.parsed and p.text is not None}
    verbatim = {p.path for p in plan if p.verbatim}
    # Runtime modules are mcpgen's own, imported and type-checked in its tests.
    python = [path for path in rendered if path.suffix == ".py" and path not in parsed]
    out = dict(rendered)
    jobs = [(_python_text(rendered[p]), p, p in verbatim) for p in python]
    for path, text in zip(python, _format_all(jobs), strict=True):
        out[path] = text
    owners = {p.path: p.owner for p in plan}
    out[MANIFEST] = _manifest(out, owners)
    return out


def _python_text(content: Content) -> str:
    """Python source is text: only data files are made as bytes."""
    return content.decode("utf-8") if isinstance(content, bytes) else content


def _format_all(jobs: list[tuple[str, PurePosixPath, bool]]) -> list[str]:
    text = f"formatting {progress.count(len(jobs), 'Python file')}"
    with progress.steps(text, len(jobs)) as step:
        return _format_counted(jobs, step)


def _format_counted(jobs: list[tuple[str, PurePosixPath, bool]], step: progress.Steps) -> list[str]:
    # black dominates generation time; large outputs are formatted on every core.
    large = sum(len(text) for text, _, verbatim in jobs if not verbatim) > 500_000
    workers = min(len(jobs), os.cpu_count() or 1)
    if not large or workers < 2:
        return [step.after(format_python(*job)) for job in jobs]
    # Imported here: most runs format serially, and these cost ~15 ms to import.
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor, as_completed

    if "fork" not in multiprocessing.get_all_start_methods():
        return [step.after(format_python(*job)) for job in jobs]
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        # Biggest first, so the last worker to finish is not handed the largest file.
        order = sorted(range(len(jobs)), key=lambda i: -len(jobs[i][0]))
        futures = {i: pool.submit(format_python, *jobs[i]) for i in order}
        for _ in as_completed(futures.values()):
            step()
        return [futures[i].result() for i in range(len(jobs))]


def _manifest(
    contents: Mapping[PurePosixPath, Content], owners: Mapping[PurePosixPath, Owner]
) -> str:
    entries = [
        {"path": str(path), "sha256": sha256(text), "owner": owners[path]}
        for path, text in sorted(contents.items())
    ]
    return json.dumps({"generator": f"mcpgen {__version__}", "files": entries}, indent=2) + "\n"


def check_tree(root: Path, contents: Mapping[PurePosixPath, Content]) -> str:
    """A unified diff from the tree on disk to what writing ``contents`` would leave;
    empty when current. Files that are the user's (see ``publish``) are not compared."""
    return plan_changes(root, contents).diff()


def write_tree(
    root: Path, contents: Mapping[PurePosixPath, Content], force: bool = False
) -> list[PurePosixPath]:
    """Publish ``contents`` under ``root`` atomically; returns the paths written.

    Generated files edited by hand are not overwritten unless ``force``.
    """
    changes = plan_changes(root, contents)
    if not force:
        refuse_edited([changes])
    if changes.writes:
        progress.phase(f"writing {progress.count(len(changes.writes), 'file')}")
    publish([changes])
    return sorted(changes.writes)
