"""The plan the search starts from, and the model for a plan kind.

The start is the greedy baseline for SCHEDULE_HABITS and the packed plan (`packing`) for
OPTIMIZE_SCHEDULE, run with the previous plan's movable blocks locked so that it builds around them:
the previous plan stays where it still fits (inside its item's hours, off busy time and frozen
blocks), the rest is placed around it.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import timedelta

from optimizer.domain import ALL_DAYS, BlockKind, Instance, PlacedBlock, Task
from optimizer.greedy import greedy_plan
from optimizer.habits import build_habits
from optimizer.model.built import Built, PlanKind
from optimizer.model.context import ALL_KINDS, HABITS_ONLY, Context
from optimizer.model.matching import Located, frozen_keys
from optimizer.model.packing import packed_plan
from optimizer.model.spans import Span, subtract
from optimizer.model.start_choice import cheaper
from optimizer.schedule import build_schedule
from optimizer.solution import Placement
from optimizer.timegrid import frozen_blocks


def build_model(kind: PlanKind, instance: Instance, plans: Iterable[Iterable[Located]] = ()) -> Built:
    """`plans` the model must be able to represent (they may use more task chunks than usual)."""
    if kind == "habits":
        return build_habits(instance)
    return build_schedule(instance, plans)


def base_plan(instance: Instance, kind: PlanKind, *, both: bool = True) -> list[Placement]:
    """A plan built without search: greedy's for habits, the packed plan for a schedule."""
    if kind == "schedule":
        return packed_plan(instance, both=both)
    return greedy_plan(instance, include_tasks=False)


def start_plan(instance: Instance, kind: PlanKind) -> list[Placement]:
    include_tasks = kind == "schedule"
    if not instance.previous_plan:
        return base_plan(instance, kind)
    ctx = Context(instance, ALL_KINDS if include_tasks else HABITS_ONLY)
    frozen = frozen_keys(ctx)
    kept = [
        block.model_copy(update={"locked": True})
        for block in instance.previous_plan
        if (block.item_id, block.kind, block.start, block.end) not in frozen and _still_fits(ctx, block)
    ]
    plan = (*frozen_blocks(instance), *kept)
    # Around the previous plan one variant of the packed plan is enough: most blocks are placed.
    around_previous = base_plan(instance.model_copy(update={"previous_plan": plan}), kind, both=False)
    if kind == "habits":
        return around_previous
    # A fresh plan may place work the previous plan's blocks leave no room for.
    return cheaper(instance, [around_previous, base_plan(instance, kind)])


def _still_fits(ctx: Context, block: PlacedBlock) -> bool:
    span = ctx.outer(block.start, block.end)
    if block.kind not in ctx.kinds or span[0] < ctx.movable_slot or span[1] > ctx.n_slots:
        return False
    inside = not subtract([span], _allowed(ctx, block))
    clear = subtract([span], ctx.fixed.guarded) == [span]
    before, after = ctx.buffers(block)  # a habit's buffers stay off busy time
    padded = (span[0] - before, span[1] + after)
    buffers_clear = subtract([padded], ctx.fixed.busy) == [padded]
    return inside and clear and buffers_clear and not _short_chunk(ctx.instance, block)


def _short_chunk(instance: Instance, block: PlacedBlock) -> bool:
    """A chunk shorter than its task's smallest: it completed the work in the previous plan, but
    kept, new chunks placed after it would leave it short and not last."""
    task = _task(instance, block) if block.kind in (BlockKind.TASK, BlockKind.GOAL) else None
    if task is None:
        return False
    return (block.end - block.start) // timedelta(minutes=1) < min(task.min_chunk, task.effort)


def _task(instance: Instance, block: PlacedBlock) -> Task | None:
    return next((t for t in instance.work_items() if t.id == block.item_id and t.kind is block.kind), None)


def _allowed(ctx: Context, block: PlacedBlock) -> list[Span]:
    instance = ctx.instance
    if block.kind is BlockKind.HABIT:
        habit = next((h for h in instance.habits if h.id == block.item_id), None)
        return [] if habit is None else ctx.allowed(habit.hours, habit.custom_hours, habit.allowed_days)
    if block.kind is BlockKind.FOCUS:
        return [] if instance.focus is None else ctx.allowed(instance.focus.hours, None, ALL_DAYS)
    task = _task(instance, block)
    return [] if task is None else ctx.allowed(task.hours, task.custom_hours, ALL_DAYS)
