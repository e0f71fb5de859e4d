"""Task and goal-work rules: chunk sizes, total effort, earliest start, hard due dates, dependencies.

A chunk lasts from min(min_chunk, effort) to `max_chunk` and ends on the slot grid, or lasts exactly
`max_chunk` (then it may end off the grid). The chunks, frozen ones included, add up to at most the
effort (or what the frozen ones already hold); when they add up to exactly the effort, the last
movable chunk is the one that completes it
and may end anywhere, even shorter than the smallest chunk: it is the work that is left (a
50-minute task on a 15-minute grid may be one chunk of 50 minutes, or 30 and 20). Frozen chunks
count towards effort and order but keep their size and time.
"""

from __future__ import annotations

from collections.abc import Iterator

from optimizer.domain import Task
from optimizer.solution import Placement
from optimizer.validation.plan import Plan, Violation, minutes


def chunk_bounds(task: Task) -> tuple[int, int]:
    """Smallest and largest chunk in minutes."""
    return min(task.min_chunk, task.effort), task.max_chunk


def completing(plan: Plan, task: Task, chunks: list[Placement]) -> Placement | None:
    """The chunk that completes the effort: the last movable one, when all add up to the effort."""
    movable = [chunk for chunk in chunks if not plan.is_frozen(chunk)]
    done = sum(minutes(chunk) for chunk in chunks) == task.effort
    return movable[-1] if movable and done else None


def check_chunks(plan: Plan, task: Task, chunks: list[Placement]) -> Iterator[Violation]:
    last = completing(plan, task, chunks)
    for chunk in chunks:
        if not plan.is_frozen(chunk):
            yield from check_chunk(plan, task, chunk, completes=chunk is last)
    total = sum(minutes(chunk) for chunk in chunks)
    frozen = sum(minutes(chunk) for chunk in chunks if plan.is_frozen(chunk))
    if total > max(task.effort, frozen):
        message = f"{task.title}: {total} min placed, more than its {task.effort} min of effort"
        yield Violation(rule="effort", item_id=task.id, message=message)


def check_chunk(plan: Plan, task: Task, chunk: Placement, completes: bool) -> Iterator[Violation]:
    low, high = chunk_bounds(task)
    length = minutes(chunk)
    if length > high or (length < low and not completes):
        message = f"{task.title}: chunk of {length} min is outside {low}-{high} min"
        yield Violation(rule="chunk_size", item_id=task.id, message=message)
    elif not completes and length != high and not plan.on_grid(chunk.end):
        grid = plan.instance.slot_minutes
        message = f"{task.title}: chunk of {length} min ends off the {grid}-minute grid"
        yield Violation(rule="slot_alignment", item_id=task.id, message=message)


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
