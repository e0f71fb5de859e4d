"""The previous plan's blocks that still stand: movable, and still valid where they are.

A block stands when it lies inside its item's hours (today's), off busy time and frozen blocks, with
a habit's buffers off busy time, and is not a short chunk (one that completed its task in the
previous plan: kept, chunks placed after it would leave it short and not last). Start plans keep or
restore these.
"""

from __future__ import annotations

from datetime import timedelta

from optimizer.domain import ALL_DAYS, BlockKind, Instance, PlacedBlock, Task
from optimizer.model.built import PlanKind
from optimizer.model.context import ALL_KINDS, HABITS_ONLY, Context
from optimizer.model.matching import frozen_keys
from optimizer.model.spans import Span, subtract


def still_standing(instance: Instance, kind: PlanKind) -> list[PlacedBlock]:
    ctx = Context(instance, ALL_KINDS if kind == "schedule" else HABITS_ONLY)
    frozen = frozen_keys(ctx)
    return [
        block
        for block in instance.previous_plan
        if (block.item_id, block.kind, block.start, block.end) not in frozen and _still_fits(ctx, block)
    ]


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
