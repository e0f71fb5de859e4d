"""Task and goal-work rules: chunk sizes, total effort, earliest start, hard due dates, dependencies.

Effort is rounded up to whole slots (a 50-minute task may get an hour on a 15-minute grid); a chunk
may be shorter than `min_chunk` only when the whole rounded effort is. Frozen chunks count towards
effort and order but keep their size and time.
"""

from __future__ import annotations

from collections.abc import Iterator

from optimizer.domain import Task
from optimizer.solution import Placement
from optimizer.validation.plan import Plan, Violation, minutes


def rounded_effort(task: Task, slot_minutes: int) -> int:
    return -(-task.effort // slot_minutes) * slot_minutes


def chunk_bounds(task: Task, slot_minutes: int) -> tuple[int, int]:
    """Smallest and largest chunk in minutes."""
    return min(task.min_chunk, rounded_effort(task, slot_minutes)), max(task.max_chunk, slot_minutes)


def check_chunks(plan: Plan, task: Task, chunks: list[Placement]) -> Iterator[Violation]:
    slot = plan.instance.slot_minutes
    low, high = chunk_bounds(task, slot)
    for chunk in chunks:
        length = minutes(chunk)
        if not plan.is_frozen(chunk) and not low <= length <= high:
            message = f"{task.title}: chunk of {length} min is outside {low}-{high} min"
            yield Violation(rule="chunk_size", item_id=task.id, message=message)
    total = sum(minutes(chunk) for chunk in chunks)
    if total > rounded_effort(task, slot):
        message = f"{task.title}: {total} min placed, more than its {task.effort} min of effort"
        yield Violation(rule="effort", item_id=task.id, message=message)


def check_dates(plan: Plan, task: Task, chunks: list[Placement]) -> Iterator[Violation]:
    for chunk in chunks:
        if plan.is_frozen(chunk):
            continue
        if task.earliest_start is not None and chunk.start < task.earliest_start:
            earliest = task.earliest_start.isoformat()
            message = f"{task.title}: chunk starts before its earliest start {earliest}"
            yield Violation(rule="earliest_start", item_id=task.id, message=message)
        if task.due is not None and task.due_is_hard and chunk.end > task.due:
            message = f"{task.title}: chunk ends after its hard due date {task.due.isoformat()}"
            yield Violation(rule="hard_due", item_id=task.id, message=message)


def check_dependencies(plan: Plan, task: Task, chunks: list[Placement]) -> Iterator[Violation]:
    for before_id in task.depends_on:
        before = plan.work.get(before_id)
        if before is None or not chunks:
            continue  # done already, or nothing placed that could come too early
        earlier = plan.of_item(before_id, before.kind)
        if not earlier:
            continue
        last = max(earlier, key=lambda chunk: chunk.end)
        first = chunks[0]
        if first.start < last.end and not (plan.is_frozen(first) and plan.is_frozen(last)):
            message = f"{task.title} starts at {first.start.isoformat()}, before {before.title} ends"
            yield Violation(rule="dependency", item_id=task.id, message=message)


def check_tasks(plan: Plan) -> Iterator[Violation]:
    for task in plan.work.values():
        chunks = plan.of_item(task.id, task.kind)
        yield from check_chunks(plan, task, chunks)
        yield from check_dates(plan, task, chunks)
        yield from check_dependencies(plan, task, chunks)
