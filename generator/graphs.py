"""Strongly connected components (Tarjan), shared by every generator that meets cycles."""

from __future__ import annotations

from collections.abc import Callable, Container, Hashable, Iterable
from typing import TypeVar

N = TypeVar("N", bound=Hashable)


def strongly_connected(
    starts: Iterable[N], edges: Callable[[N], list[N]], done: Container[N] = frozenset()
) -> list[list[N]]:
    """The components reachable from ``starts``, dependencies first.

    Iterative, so deep graphs cannot hit the recursion limit. Nodes in ``done``
    belong to components found earlier and are not visited again, which makes
    exploring lazily from new starts exact.
    """
    order: list[list[N]] = []
    index: dict[N, int] = {}
    low: dict[N, int] = {}
    stack: list[N] = []
    on_stack: set[N] = set()

    def push(node: N, work: list[tuple[N, list[N]]]) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        work.append((node, list(reversed(edges(node)))))

    for start in starts:
        if start in index or start in done:
            continue
        work: list[tuple[N, list[N]]] = []
        push(start, work)
        while work:
            node, pending = work[-1]
            if pending:
                succ = pending.pop()
                if succ in done and succ not in index:
                    continue
                if succ not in index:
                    push(succ, work)
                elif succ in on_stack:
                    low[node] = min(low[node], index[succ])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                component: list[N] = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                order.append(component)
    return order
