"""The order the packed start places work in: by priority, the most constrained first.

Work with a hard due date goes first (it is a requirement). A task counts as urgent as the most
urgent task waiting for it (directly or not), since that one
can only be placed after it. Within a priority, the task with the least free time goes first: an
item that may go in many places is better placed once the narrow ones have theirs.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from optimizer.baseline.work import FAR, in_order
from optimizer.domain import Priority, Task

REQUIRED = max(Priority) + 1  # the level of work with a hard due date: a requirement outranks all


def inherited(tasks: tuple[Task, ...]) -> dict[str, int]:
    """Each task's priority (`REQUIRED` with a hard due date), raised to the highest priority of the
    tasks that wait for it."""
    serves = {task.id: REQUIRED if task.due_is_hard else int(task.priority) for task in tasks}
    for _ in tasks:  # a longest chain has fewer links than there are tasks
        changed = False
        for task in tasks:
            for before in task.depends_on:
                if before in serves and serves[before] < serves[task.id]:
                    serves[before], changed = serves[task.id], True
        if not changed:
            break
    return serves


def by_contention(tasks: tuple[Task, ...], room: Mapping[str, int]) -> list[Task]:
    """Highest inherited priority first; within it the least `room` first, then the earliest due
    date; never before what a task depends on (tasks caught in a cycle are left out). Every task
    a task depends on serves at least its priority, so the order runs level by level."""
    serves = inherited(tasks)

    def key(task: Task) -> tuple[int, int, datetime, str]:
        return -serves[task.id], room[task.id], task.due or FAR, task.id

    return in_order(tasks, key)
