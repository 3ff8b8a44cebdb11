"""Which contract methods the user's ``handlers.py`` implements, told without running it.

``--check`` reports the methods still to write, but importing the user's module would run
its code, so ``handlers.py`` is parsed with ``ast``. A contract method is not implemented
when the class leaves it to the generated base class, or when its body is only
``raise NotImplementedError`` (bare or called, with any arguments), after a docstring or
not: the stub mcpgen scaffolds. Any other body is an implementation, even a bare docstring
or ``pass``.

The server's own start-up check (``ContractRunner.missing`` in ``runtime/contract.py``,
shipped inside each project and so unable to import this) reads the compiled function
instead: a method whose only global name is ``NotImplementedError``. The two agree on the
stubs mcpgen writes, on inherited methods, mixins and ordinary implementations
(``tests/test_contract_jobs.py`` holds them to it); they differ only on rare bodies such as
``if not x: raise NotImplementedError`` then ``return x`` (no other global name), which the
server takes for a stub and this module, reading the statements, does not.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .build import ContractProject

_FunctionNode = ast.FunctionDef | ast.AsyncFunctionDef


@dataclass(frozen=True)
class HandlersModule:
    """Where a contract project keeps the user's module, and what it has to implement."""

    path: PurePosixPath
    """Inside the project: ``notes/handlers.py``."""
    class_name: str
    base_class: str
    methods: tuple[str, ...]
    """Every contract method, in the contract's order (the order the server logs them)."""


def handlers_module(project: ContractProject) -> HandlersModule:
    return HandlersModule(
        PurePosixPath(project.package) / "handlers.py",
        project.impl_class,
        project.base_class,
        tuple(m.name for m in project.all_methods),
    )


def is_stub(function: _FunctionNode) -> bool:
    """Whether ``function`` only raises ``NotImplementedError`` (after a docstring)."""
    body = function.body
    if body and _is_docstring(body[0]):
        body = body[1:]
    if len(body) != 1 or not isinstance(body[0], ast.Raise):
        return False
    raised = body[0].exc
    if isinstance(raised, ast.Call):
        raised = raised.func
    return isinstance(raised, ast.Name) and raised.id == "NotImplementedError"


def _is_docstring(statement: ast.stmt) -> bool:
    return (
        isinstance(statement, ast.Expr)
        and isinstance(statement.value, ast.Constant)
        and isinstance(statement.value.value, str)
    )


def unimplemented(source: str, module: HandlersModule) -> list[str]:
    """The contract methods ``source`` (the text of ``handlers.py``) does not implement yet,
    in the contract's order. ValueError, with the reason, when that cannot be told: the text
    does not parse, or has no class of the expected name."""
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError) as exc:
        line = getattr(exc, "lineno", None)
        raise ValueError(f"it does not parse{f' (line {line})' if line else ''}") from None
    classes = {node.name: node for node in tree.body if isinstance(node, ast.ClassDef)}
    if module.class_name not in classes:
        raise ValueError(f"it has no class {module.class_name}")
    order = _mro(module.class_name, classes, module.base_class, ())
    out = []
    for method in module.methods:
        for owner in order:
            if owner == module.base_class:  # every method of the generated base is a stub
                out.append(method)
                break
            if owner not in classes:
                if owner == "object":
                    continue
                break  # a class from elsewhere: it may well implement the method
            found = _member(classes[owner], method)
            if found is not None:
                if isinstance(found, _FunctionNode) and is_stub(found):
                    out.append(method)
                break
        else:
            out.append(method)
    return out


def _mro(
    name: str, classes: dict[str, ast.ClassDef], base: str, below: tuple[str, ...]
) -> list[str]:
    """The method resolution order of the class ``name`` (C3, as Python computes it) over
    the classes of this module; the generated base class and classes from elsewhere are
    taken as having no bases of their own."""
    node = classes.get(name)
    if node is None or name == base:
        return [name]
    if name in below:
        raise ValueError(f"class {name} inherits from itself")
    parents = [_base_name(expression, index) for index, expression in enumerate(node.bases)]
    pending = [_mro(p, classes, base, (*below, name)) for p in parents] + [parents]
    order = [name]
    while any(pending):
        pending = [seq for seq in pending if seq]
        head = next(
            (seq[0] for seq in pending if not any(seq[0] in other[1:] for other in pending)),
            None,
        )
        if head is None:
            raise ValueError(f"the bases of class {name} have no consistent order")
        order.append(head)
        pending = [seq[1:] if seq[0] == head else seq for seq in pending]
    return order


def _base_name(expression: ast.expr, index: int) -> str:
    """The name a base class is known by here (``Generic[T]``: ``Generic``)."""
    if isinstance(expression, ast.Subscript):
        expression = expression.value
    if isinstance(expression, ast.Name):
        return expression.id
    if isinstance(expression, ast.Attribute):
        return expression.attr
    return f"<base {index}>"


def _member(node: ast.ClassDef, name: str) -> ast.stmt | None:
    """The last statement of the class body that binds ``name``, as Python keeps it."""
    found: ast.stmt | None = None
    for statement in node.body:
        if isinstance(statement, _FunctionNode):
            binds = statement.name == name
        elif isinstance(statement, ast.Assign):
            binds = any(isinstance(t, ast.Name) and t.id == name for t in statement.targets)
        elif isinstance(statement, ast.AnnAssign):
            target = statement.target
            binds = isinstance(target, ast.Name) and target.id == name and bool(statement.value)
        else:
            binds = False
        if binds:
            found = statement
    return found


def report(root: Path, module: HandlersModule, shown: str) -> str | None:
    """The line ``--check`` prints about the project at ``root`` (``shown`` names its
    ``handlers.py`` for the reader): ``not implemented yet in notes/handlers.py: add_note,
    read_note (2 of 6)``; None when every method is implemented or there is no
    ``handlers.py`` yet."""
    path = root / module.path
    try:
        source = path.read_bytes().decode("utf-8")
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as exc:
        reason = (
            "it is not UTF-8 text"
            if isinstance(exc, UnicodeDecodeError)
            else exc.strerror or str(exc)
        )
        return f"cannot tell which contract methods {shown} implements: {reason}"
    try:
        missing = unimplemented(source, module)
    except ValueError as exc:
        return f"cannot tell which contract methods {shown} implements: {exc}"
    if not missing:
        return None
    return (
        f"not implemented yet in {shown}: {', '.join(missing)} "
        f"({len(missing)} of {len(module.methods)})"
    )
