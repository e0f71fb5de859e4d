"""Whether a block may take another block's part in a plan: the item's own rules after the swap.

A habit occurrence may move within its period (the local date, or the ISO week), keeping its
duration rules and its spacing from the other occurrences. A task chunk may move to where a chunk
of the same length was: its earliest start and hard due date, the chunk sizes (only the last
movable chunk short or off the grid), the tasks it waits for and those waiting for it, and the
daily cap of the day it lands on. Where the block lands is free is asked of `Occupancy`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta

from optimizer.domain import BlockKind, Frequency, Habit, Instance, Task
from optimizer.model.matching import Located
from optimizer.solution import Placement
from optimizer.timegrid import local_days

MINUTE = timedelta(minutes=1)
CAPPED = frozenset({BlockKind.TASK, BlockKind.GOAL, BlockKind.FOCUS})
Key = tuple[str, BlockKind, datetime, datetime]


def holds(
    instance: Instance, plan: Sequence[Placement], old: Placement, new: Placement, frozen: set[Key]
) -> bool:
    """The plan with `new` in place of `old` keeps the item's rules (`frozen`: the keys of blocks that
    never move)."""
    others = [p for p in plan if p.item_id == old.item_id and p.kind is old.kind and p is not old]
    if new.kind is BlockKind.HABIT:
        habit = next((h for h in instance.habits if h.id == new.item_id), None)
        return habit is not None and _habit_holds(instance, habit, others, old, new)
    task = next((t for t in instance.work_items() if t.id == new.item_id and t.kind is new.kind), None)
    if task is None or _minutes(new) != _minutes(old):
        return False
    chunks = sorted([*others, new], key=lambda p: p.start)
    return (
        _dates_hold(task, new)
        and _sizes_hold(instance, task, [c for c in chunks if key(c) not in frozen])
        and _order_holds(instance, plan, task, old, new)
        and _cap_holds(instance, plan, old, new)
    )


def _habit_holds(
    instance: Instance, habit: Habit, others: list[Placement], old: Placement, new: Placement
) -> bool:
    if _period(instance, habit, new) != _period(instance, habit, old):
        return False
    length = _minutes(new)
    if not habit.min_duration <= length <= habit.max_duration:
        return False
    if not _on_grid(instance, new) and length != habit.max_duration:
        return False
    spacing = timedelta(minutes=habit.min_spacing)
    return all(o.start - new.end >= spacing or new.start - o.end >= spacing for o in others)


def _dates_hold(task: Task, new: Placement) -> bool:
    if task.earliest_start is not None and new.start < task.earliest_start:
        return False
    return not (task.due is not None and task.due_is_hard and new.end > task.due)


def _sizes_hold(instance: Instance, task: Task, movable: list[Placement]) -> bool:
    """Every movable chunk but the last (in time) is whole: at least the smallest chunk, on the grid
    unless it lasts the largest."""
    low, high = min(task.min_chunk, task.effort), task.max_chunk
    for chunk in movable[:-1]:
        length = _minutes(chunk)
        if length < low or length > high or (length != high and not _on_grid(instance, chunk)):
            return False
    return True


def _order_holds(
    instance: Instance, plan: Sequence[Placement], task: Task, old: Placement, new: Placement
) -> bool:
    """After what the task waits for, and before what waits for it."""
    work = {t.id: t for t in instance.work_items()}
    ends = [p.end for d in task.depends_on if d in work for p in _chunks(plan, work[d])]
    if ends and new.start < max(ends):
        return False
    mine = [new, *(p for p in _chunks(plan, task) if p is not old)]
    last = max(p.end for p in mine)
    waiting = [t for t in work.values() if task.id in t.depends_on]
    return all(p.start >= last for t in waiting for p in _chunks(plan, t))


def _cap_holds(instance: Instance, plan: Sequence[Placement], old: Placement, new: Placement) -> bool:
    cap = instance.daily_cap_minutes
    if cap is None:
        return True
    for day in local_days(instance):
        if new.start < day.end and day.start < new.end:
            blocks = [p for p in plan if p.kind in CAPPED and p is not old] + [new]
            used = sum(
                (min(p.end, day.end) - max(p.start, day.start)) // MINUTE
                for p in blocks
                if p.start < day.end and day.start < p.end
            )
            if used > cap:
                return False
    return True


def key(block: Located) -> Key:
    return block.item_id, block.kind, block.start, block.end


def _chunks(plan: Sequence[Placement], task: Task) -> list[Placement]:
    return [p for p in plan if p.item_id == task.id and p.kind is task.kind]


def _period(instance: Instance, habit: Habit, block: Placement) -> date | tuple[int, int]:
    day = block.start.astimezone(instance.zone).date()
    return day if habit.frequency is Frequency.DAILY else day.isocalendar()[:2]


def _minutes(block: Placement) -> int:
    return (block.end - block.start) // MINUTE


def _on_grid(instance: Instance, block: Placement) -> bool:
    return not (block.end - instance.horizon_start) % timedelta(minutes=instance.slot_minutes)
