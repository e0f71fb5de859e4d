"""The plan the search starts from, and the model for a plan kind.

The start is the greedy baseline, run with the previous plan's movable blocks locked so that it
builds around them: the previous plan stays where it still fits (inside its item's hours, off busy
time and frozen blocks), greedy fills in what is new or no longer fits.
"""

from __future__ import annotations

from collections.abc import Iterable

from optimizer.domain import ALL_DAYS, BlockKind, Instance, PlacedBlock, Task
from optimizer.greedy import greedy_plan
from optimizer.habits import build_habits
from optimizer.model.built import Built, PlanKind
from optimizer.model.context import ALL_KINDS, HABITS_ONLY, Context
from optimizer.model.matching import Located, frozen_keys
from optimizer.model.spans import Span, subtract
from optimizer.schedule import build_schedule
from optimizer.solution import Placement
from optimizer.timegrid import frozen_blocks


def build_model(kind: PlanKind, instance: Instance, plans: Iterable[Iterable[Located]] = ()) -> Built:
    """`plans` the model must be able to represent (they may use more task chunks than usual)."""
    if kind == "habits":
        return build_habits(instance)
    return build_schedule(instance, plans)


def start_plan(instance: Instance, kind: PlanKind) -> list[Placement]:
    include_tasks = kind == "schedule"
    if not instance.previous_plan:
        return greedy_plan(instance, include_tasks=include_tasks)
    ctx = Context(instance, ALL_KINDS if include_tasks else HABITS_ONLY)
    frozen = frozen_keys(ctx)
    kept = [
        block.model_copy(update={"locked": True})
        for block in instance.previous_plan
        if (block.item_id, block.kind, block.start, block.end) not in frozen and _still_fits(ctx, block)
    ]
    plan = (*frozen_blocks(instance), *kept)
    return greedy_plan(instance.model_copy(update={"previous_plan": plan}), include_tasks=include_tasks)


def _still_fits(ctx: Context, block: PlacedBlock) -> bool:
    span = ctx.outer(block.start, block.end)
    if block.kind not in ctx.kinds or span[0] < ctx.movable_slot or span[1] > ctx.n_slots:
        return False
    inside = not subtract([span], _allowed(ctx, block))
    clear = subtract([span], ctx.fixed.guarded) == [span]
    return inside and clear


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
