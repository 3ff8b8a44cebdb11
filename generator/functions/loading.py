"""Importing the module of a functions server, whatever its top-level code does.

mcpgen imports the module to read its signatures, so the module's import-time
behaviour is input like any other: an exception, ``sys.exit()``, output printed
to stdout (captured, so that it never mixes with mcpgen's own output), a name
that would shadow the standard library in the generated server. Each is one
line naming the target; nothing is written.
"""

from __future__ import annotations

import contextlib
import importlib
import importlib.machinery
import importlib.metadata
import importlib.util
import io
import json
import os
import re
import sys
import sysconfig
import tempfile
import types
import urllib.parse
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ..diagnostics import Diagnostic, MCPGenError

SERVER_MODULES = frozenset(
    {
        "anyio",
        "annotated_types",
        "click",
        "h11",
        "httpx",
        "httpx2",
        "jsonschema",
        "mcp",
        "mcp_types",
        "pydantic",
        "pydantic_core",
        "referencing",
        "sse_starlette",
        "starlette",
        "typing_extensions",
        "typing_inspection",
        "uvicorn",
    }
)
"""Modules the generated server imports (with those of its dependencies installed here,
``server_modules()``): a tools module named like one would shadow it."""

_FROM_FILES: set[str] = set()
"""Names of modules imported from ``.py`` targets: the next file of the same name replaces one."""

_DISTRIBUTION_NAME = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?")


@dataclass(frozen=True)
class Loaded:
    """An imported tools module and what mcpgen found out while importing it."""

    module: types.ModuleType
    file: str | None
    """The ``.py`` file name when the target was a file (then it is imported by its stem)."""
    distribution: str | None
    """The installed distribution that provides the module, when mcpgen can tell."""
    diagnostics: tuple[Diagnostic, ...]


def load_module(target: str) -> Loaded:
    """Import ``target``: a ``.py`` file (importable by its stem) or a dotted module name."""
    if target.endswith(".py"):
        path = Path(target)
        if path.is_dir():
            raise MCPGenError(target, "", _directory_advice(path))
        name = _file_module_name(target, path)
        module, printed = _guarded(target, lambda: _exec_file(name, path.resolve()))
        return Loaded(module, path.name, None, _printed(target, printed))
    if not _is_module_name(target):
        path = Path(target)
        if path.is_dir():
            raise MCPGenError(target, "", _directory_advice(path))
        if path.exists():
            raise MCPGenError(target, "", "not a .py file or a module name (pkg.module)")
        raise MCPGenError(target, "", "not a module name (pkg.module) or a path to a .py file")
    _refuse_stdlib_shadow(target)
    try:
        module, printed = _guarded(target, lambda: importlib.import_module(target))
    except MCPGenError:
        if Path(target).is_dir():
            raise MCPGenError(target, "", _directory_advice(Path(target))) from None
        if Path(target).is_file():
            raise MCPGenError(target, "", "not a .py file or a module name (pkg.module)") from None
        raise
    return Loaded(module, None, distribution_of(module), _printed(target, printed))


def _is_module_name(target: str) -> bool:
    return all(part.isidentifier() for part in target.split("."))


def _directory_advice(path: Path) -> str:
    if (path / "__init__.py").is_file():
        parent = path.resolve().parent
        return (
            f"is a directory: give the package by its module name ({path.resolve().name}, "
            f"with {parent} on PYTHONPATH) or one of its .py files"
        )
    return "is a directory: give a module name (pkg.module) or a .py file"


def _file_module_name(target: str, path: Path) -> str:
    if not path.is_file():
        raise MCPGenError(target, "", "file not found")
    name = path.stem
    if name == "__init__":
        raise MCPGenError(
            target, "", "is a package's __init__.py: give the package by its module name instead"
        )
    if not name.isidentifier():
        raise MCPGenError(target, "", f"{name!r} is not an importable module name")
    if name in sys.stdlib_module_names or name in sys.builtin_module_names:
        raise MCPGenError(
            target,
            "",
            f"is named like the standard-library module {name!r}: the generated server imports "
            f"the module by name, and {path.name} would shadow the standard library's (or be "
            "shadowed by it); rename the file",
        )
    if name in server_modules():
        raise MCPGenError(
            target,
            "",
            f"is named like the module {name!r} that the generated server itself imports, "
            f"which {path.name} would shadow; rename the file",
        )
    loaded = sys.modules.get(name)
    origin = getattr(loaded, "__file__", None)
    if (
        loaded is not None
        and name not in _FROM_FILES
        and (origin is None or Path(origin).resolve() != path.resolve())
    ):
        raise MCPGenError(
            target,
            "",
            f"is named like the module {name!r} that mcpgen itself has imported "
            f"({origin or 'built in'}); rename the file",
        )
    return name


@cache
def server_modules() -> frozenset[str]:
    """The top-level modules of the generated server's dependencies, as installed here."""
    from .generate import DEPENDENCIES

    todo = [re.split(r"[<>=!~;\[ ]", d, maxsplit=1)[0] for d in DEPENDENCIES]
    seen: set[str] = set()
    while todo:
        name = _canonical(todo.pop())
        if name in seen:
            continue
        seen.add(name)
        try:
            requirements = importlib.metadata.requires(name) or []
        except importlib.metadata.PackageNotFoundError:
            continue
        for requirement in requirements:
            if "extra ==" not in requirement and (
                found := re.match(r"[A-Za-z0-9._-]+", requirement)
            ):
                todo.append(found.group())
    provided = importlib.metadata.packages_distributions()
    return SERVER_MODULES | {
        module for module, names in provided.items() if any(_canonical(n) in seen for n in names)
    }


def _canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _refuse_stdlib_shadow(target: str) -> None:
    """A dotted target whose top-level name is a standard-library module's but which is found
    elsewhere on ``sys.path`` (a ``json/`` package beside the code) would shadow it."""
    top = target.partition(".")[0]
    if top not in sys.stdlib_module_names:
        return
    spec = importlib.machinery.PathFinder.find_spec(top, sys.path)
    origin = spec.origin if spec is not None else None
    if origin is None or origin in ("built-in", "frozen") or _in_stdlib(origin):
        return
    raise MCPGenError(
        target,
        "",
        f"{origin} is named like the standard-library module {top!r}, which it shadows: "
        "the generated server could not work; rename it",
    )


def _in_stdlib(origin: str) -> bool:
    path = Path(origin).resolve()
    stdlib = Path(sysconfig.get_paths()["stdlib"]).resolve()
    return path.is_relative_to(stdlib) and "site-packages" not in path.parts


def _exec_file(name: str, path: Path) -> types.ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise MCPGenError(str(path), "", "cannot be imported")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    _FROM_FILES.add(name)
    try:
        spec.loader.exec_module(module)
    except BaseException:
        sys.modules.pop(name, None)
        raise
    return module


def _guarded(target: str, run: Callable[[], types.ModuleType]) -> tuple[types.ModuleType, str]:
    """Run an import: its failures are bad input, what it prints is captured."""
    with _captured_stdout() as printed:
        try:
            module = run()
        except (MCPGenError, KeyboardInterrupt):
            raise
        except SystemExit as exc:
            where = _traceback_line(exc, target)
            raise MCPGenError(
                target,
                where,
                f"exits when imported (SystemExit({exc.code!r})); mcpgen imports the module to "
                "read its functions, and so does the generated server",
            ) from None
        except BaseException as exc:  # noqa: BLE001 - importing runs user code: any failure is bad input
            where = _traceback_line(exc, target)
            raise MCPGenError(
                target, where, f"cannot import: {type(exc).__name__}: {exc}"
            ) from None
    return module, printed.getvalue()


def _traceback_line(exc: BaseException, target: str) -> str:
    tb = exc.__traceback__
    line = ""
    while tb is not None:
        if tb.tb_frame.f_code.co_filename.endswith(Path(target).name):
            line = str(tb.tb_lineno)
        tb = tb.tb_next
    return line


@contextlib.contextmanager
def _captured_stdout() -> Iterator[io.StringIO]:
    """Capture stdout, Python's and file descriptor 1's (output of C code and of child
    processes), so that a module printing at import cannot mix with mcpgen's output."""
    captured = io.StringIO()
    sys.stdout.flush()
    try:
        saved = os.dup(1)
    except OSError:
        saved = -1
    with tempfile.TemporaryFile() as spool, contextlib.redirect_stdout(captured):
        if saved >= 0:
            os.dup2(spool.fileno(), 1)
        try:
            yield captured
        finally:
            if saved >= 0:
                if sys.__stdout__ is not None:
                    with contextlib.suppress(OSError, ValueError):
                        sys.__stdout__.flush()
                os.dup2(saved, 1)
                os.close(saved)
                spool.seek(0)
                captured.write(spool.read().decode("utf-8", "replace"))


def _printed(target: str, text: str) -> tuple[Diagnostic, ...]:
    lines = [line for line in text.splitlines() if line.strip()]
    if not lines:
        return ()
    first = json.dumps(" ".join(lines[0].split())[:80], ensure_ascii=False)
    more = f" and {len(lines) - 1} more lines" if len(lines) > 1 else ""
    return (
        Diagnostic(
            "W-FUNC-IMPORT-OUTPUT",
            target,
            "",
            f"the module printed to stdout when imported ({first}{more}); mcpgen captured it, "
            "and the generated server sends it to stderr",
        ),
    )


def distribution_of(module: types.ModuleType) -> str | None:
    """The installed distribution whose files include ``module``, if there is one."""
    top = module.__name__.partition(".")[0]
    if top in sys.stdlib_module_names:
        return None
    location = vars(module).get("__file__")
    if not location:
        return None
    file = Path(location).resolve()
    names = sorted(set(importlib.metadata.packages_distributions().get(top, [])))
    for name in names:
        try:
            distribution = importlib.metadata.distribution(name)
        except importlib.metadata.PackageNotFoundError:
            continue
        if _provides(distribution, file):
            found = distribution.metadata["Name"] or name
            return found if _DISTRIBUTION_NAME.fullmatch(found) else None
    return None


def _provides(distribution: importlib.metadata.Distribution, file: Path) -> bool:
    for entry in distribution.files or ():
        if entry.name == file.name and Path(str(distribution.locate_file(entry))).resolve() == file:
            return True
    # An editable install lists no module files; it records the project's directory.
    text = distribution.read_text("direct_url.json")
    if not text:
        return False
    try:
        data = json.loads(text)
    except ValueError:
        return False
    if not isinstance(data, dict) or not isinstance(data.get("dir_info"), dict):
        return False
    url = urllib.parse.urlparse(str(data.get("url", "")))
    if data["dir_info"].get("editable") is not True or url.scheme != "file":
        return False
    return file.is_relative_to(Path(urllib.parse.unquote(url.path)).resolve())
