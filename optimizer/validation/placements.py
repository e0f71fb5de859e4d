"""Rules on each block alone: it names a known item, starts on the grid, and occupies (up to its end
rounded up to the grid) time inside the horizon and its hours. Whether a habit occurrence or a task
chunk may end off the grid is for `validation.habits` and `validation.tasks`; focus blocks may not.

Frozen blocks (locked or already begun) are taken as they are and skip these checks, but every frozen
block of a kind the plan places must be present, unchanged.
"""

from __future__ import annotations

from collections.abc import Iterator

from optimizer.domain import BlockKind, HoursKind, Weekday, WeeklyHours
from optimizer.solution import Placement
from optimizer.timegrid import Window
from optimizer.validation.plan import WORK_KINDS, Plan, Violation, key, minutes
from optimizer.windows import allowed_windows


def check_frozen_kept(plan: Plan) -> Iterator[Violation]:
    present = {key(placement) for placement in plan.placements}
    for block in plan.frozen_kept:
        if key(block) not in present:
            when = f"{block.start.isoformat()}-{block.end.isoformat()}"
            yield Violation(rule="frozen_moved", item_id=block.item_id, message=f"frozen block {when} moved")


def known(plan: Plan, placement: Placement) -> bool:
    if placement.kind not in plan.kinds():
        return False
    if placement.kind is BlockKind.HABIT:
        return placement.item_id in plan.habits
    if placement.kind in WORK_KINDS:
        task = plan.work.get(placement.item_id)
        return task is not None and task.kind is placement.kind
    return plan.instance.focus is not None


def hours_of(plan: Plan, placement: Placement) -> tuple[HoursKind, WeeklyHours | None, frozenset[Weekday]]:
    if placement.kind is BlockKind.HABIT:
        habit = plan.habits[placement.item_id]
        return habit.hours, habit.custom_hours, habit.allowed_days
    if placement.kind in WORK_KINDS:
        task = plan.work[placement.item_id]
        return task.hours, task.custom_hours, frozenset(Weekday)
    assert plan.instance.focus is not None
    return plan.instance.focus.hours, None, frozenset(Weekday)


def check_placement(plan: Plan, placement: Placement, windows: list[Window]) -> Iterator[Violation]:
    instance = plan.instance
    start, end = plan.occupied(placement)

    def bad(rule: str, what: str) -> Violation:
        span = f"{placement.start.isoformat()}-{placement.end.isoformat()}"
        message = f"{placement.kind} block {span} {what}"
        return Violation(rule=rule, item_id=placement.item_id, message=message)

    if not (
        instance.horizon_start <= start and placement.start < placement.end and end <= instance.horizon_end
    ):
        yield bad("horizon", "is empty or leaves the horizon")
    if placement.start < instance.movable_from():
        yield bad("movable_from", f"starts before {instance.movable_from().isoformat()}")
    focus_end_off = placement.kind is BlockKind.FOCUS and not plan.on_grid(placement.end)
    if not plan.on_grid(placement.start) or focus_end_off:
        yield bad("slot_alignment", f"is off the {instance.slot_minutes}-minute grid")
    if not any(lo <= start and end <= hi for lo, hi in windows):
        yield bad("allowed_hours", "is outside its allowed days and hours")
    focus = instance.focus
    if placement.kind is BlockKind.FOCUS and focus is not None and minutes(placement) < focus.min_block:
        yield bad("focus_block", f"is shorter than the {focus.min_block}-minute focus minimum")


def check_placements(plan: Plan) -> Iterator[Violation]:
    yield from check_frozen_kept(plan)
    windows: dict[tuple[BlockKind, str], list[Window]] = {}
    for placement in plan.placements:
        if plan.is_frozen(placement):
            continue
        if not known(plan, placement):
            message = f"{placement.kind} block names no {placement.kind.lower()} this plan may place"
            yield Violation(rule="unknown_item", item_id=placement.item_id, message=message)
            continue
        item = (placement.kind, placement.item_id)
        if item not in windows:
            windows[item] = allowed_windows(plan.instance, *hours_of(plan, placement))
        yield from check_placement(plan, placement, windows[item])
