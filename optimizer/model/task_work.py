"""Tasks and goal work on the grid: how many slots are left to place, in which chunks, and where.

Chunks reserve whole slots (`optimizer.durations`): from min(min_chunk, effort) rounded up to
`max_chunk` rounded down, or, when no whole number of slots lies between, `max_chunk` rounded up
(each such chunk lasting `max_chunk`). The budget is what the effort left after frozen chunks
reserves: its minutes rounded up to whole slots (and whole chunks of the most slots reserved in
full). A chunk that may complete the effort may be shorter than the smallest chunk, down to what
is left of the budget (its `min_len`; `constraints.effort` holds it to completing). A task may use
one chunk more than it needs at full size (to work around a meeting), or as many as a plan to be
scored or hinted uses.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import timedelta

from optimizer.domain import ALL_DAYS, PlacedBlock, Task
from optimizer.durations import chunk_slots, fewest_slots, spare, work_budget
from optimizer.model.blocks import BlockSpec, Choice, coarse_choices
from optimizer.model.context import Context
from optimizer.model.demands import TaskWork
from optimizer.model.spans import Span, intersect, subtract


def task_works(ctx: Context, counts: Mapping[str, int]) -> list[TaskWork]:
    """One `TaskWork` per task and goal; `counts` gives chunk counts some plan needs, by item id."""
    tasks = ctx.instance.work_items()
    return [_work(ctx, task, tasks, counts.get(task.id, 0)) for task in tasks]


def frozen_chunks(ctx: Context, task: Task) -> list[PlacedBlock]:
    return [b for b in ctx.fixed.kept if b.item_id == task.id and b.kind is task.kind]


def free_stretches(ctx: Context, task: Task) -> list[Span]:
    """Free time in the task's hours where its new chunks could go, its hard due date ignored."""
    window = _window(ctx, task, ctx.instance.work_items(), past_due=True)
    allowed = intersect(ctx.allowed(task.hours, task.custom_hours, ALL_DAYS), window)
    return subtract(allowed, ctx.fixed.guarded)


def _window(ctx: Context, task: Task, tasks: tuple[Task, ...], past_due: bool = False) -> Span:
    """New chunks come after the task's earliest start and its dependencies' frozen chunks, and
    before its hard due date (unless `past_due`) and the frozen chunks of tasks waiting for it."""
    lo = [ctx.movable_slot]
    if task.earliest_start is not None:
        lo.append(ctx.grid.slot_ceil(task.earliest_start))
    hi = [ctx.n_slots]
    if task.due is not None and task.due_is_hard and not past_due:
        hi.append(ctx.grid.slot(task.due))
    for other in tasks:
        if other.id in task.depends_on:
            lo += [ctx.outer(b.start, b.end)[1] for b in frozen_chunks(ctx, other)]
        if task.id in other.depends_on:
            hi += [ctx.outer(b.start, b.end)[0] for b in frozen_chunks(ctx, other)]
    return max(lo), min(hi)


def _work(ctx: Context, task: Task, tasks: tuple[Task, ...], wanted: int) -> TaskWork:
    frozen_minutes = sum((b.end - b.start) // timedelta(minutes=1) for b in frozen_chunks(ctx, task))
    budget = work_budget(task, max(0, task.effort - frozen_minutes), ctx.slot_minutes)
    low, high = chunk_slots(task, ctx.slot_minutes)
    due_slot = ctx.grid.slot(task.due) if task.due is not None else None
    count = max(wanted, min(-(-budget // low), -(-budget // high) + 1)) if budget else 0
    allowed = intersect(ctx.allowed(task.hours, task.custom_hours, ALL_DAYS), _window(ctx, task, tasks))
    choices: dict[int, tuple[Choice, ...]] = {}
    blocks = []
    for k in range(count):
        least = fewest_slots((low, high), budget, k)
        if least not in choices:
            choices[least] = coarse_choices(ctx, allowed, list(ctx.fixed.guarded), least)
        blocks.append(
            BlockSpec(
                name=f"{task.kind.lower()}:{task.id}#{k}",
                item_id=task.id,
                kind=task.kind,
                title=task.title,
                min_len=least,
                max_len=high,
                choices=choices[least],
                coarse=True,
                trim=spare(high, task.max_chunk, ctx.slot_minutes),
                min_unless_last=low,
            )
        )
    return TaskWork(task, budget, frozen_minutes, due_slot, tuple(blocks))
