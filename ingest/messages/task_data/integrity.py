"""Cross-item rules of a payload: ids are unique, dependencies exist and do not loop."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence


def require_unique(kind: str, ids: Iterable[str]) -> None:
    seen: set[str] = set()
    for item_id in ids:
        if item_id in seen:
            raise ValueError(f"{kind} id {item_id} appears twice; ids must be unique")
        seen.add(item_id)


def require_acyclic(depends_on: Mapping[str, Sequence[str]]) -> None:
    """Every dependency names a known task, and following them never comes back (iterative DFS)."""
    for task_id, needed in depends_on.items():
        for other in needed:
            if other not in depends_on:
                raise ValueError(f"task {task_id} depends on unknown task {other}")
    finished: set[str] = set()
    for root in depends_on:
        _walk(root, depends_on, finished)


def _walk(root: str, depends_on: Mapping[str, Sequence[str]], finished: set[str]) -> None:
    on_path: set[str] = set()
    stack: list[tuple[str, int]] = [(root, 0)]
    while stack:
        node, index = stack.pop()
        if node in finished:
            continue
        needed = depends_on[node]
        if index == 0:
            on_path.add(node)
        if index < len(needed):
            stack.append((node, index + 1))
            nxt = needed[index]
            if nxt in on_path:
                raise ValueError(f"tasks {node} and {nxt} depend on each other (a dependency cycle)")
            stack.append((nxt, 0))
        else:
            on_path.discard(node)
            finished.add(node)
