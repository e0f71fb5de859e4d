"""What did not fit, and why: one `Unplaced` per habit period, task or focus day that fell short."""

from __future__ import annotations

from collections.abc import Set

from ortools.sat.python import cp_model

from optimizer.domain import BlockKind
from optimizer.model.built import Built
from optimizer.model.demands import FocusDay, HabitPeriod, TaskWork
from optimizer.model.focus_days import FOCUS_ID
from optimizer.model.lengths import lasting
from optimizer.model.spans import intersect
from optimizer.model.wording import hours_phrase, when_dated
from optimizer.solution import Unplaced

SEE_CONFLICTS = "it conflicts with other requirements (see conflicts)"


def unplaced(built: Built, solver: cp_model.CpSolver, failed: Set[str]) -> list[Unplaced]:
    """`failed` names the hard rules that were given up because they could not all hold."""
    found: list[Unplaced] = []
    lasts = lasting(built, solver)
    for period in built.periods:
        placed = sum(solver.value(built.variables.block(b.name).present) for b in period.blocks)
        missing = period.missing_at_most - placed
        if missing > 0:
            reason = _habit_reason(built, period, placed, failed)
            minutes = missing * period.habit.min_duration
            found.append(
                Unplaced(item_id=period.habit.id, kind=BlockKind.HABIT, minutes=minutes, reason=reason)
            )
    for work in built.works:
        minutes = work.remaining - sum(lasts.get(spec.name, 0) for spec in work.blocks)
        if minutes > 0:
            reason = _work_reason(built, work, failed)
            found.append(Unplaced(item_id=work.task.id, kind=work.task.kind, minutes=minutes, reason=reason))
    for day in built.focus:
        found += _focus_short(built, solver, day)
    return found


def _habit_reason(built: Built, period: HabitPeriod, placed: int, failed: Set[str]) -> str:
    ctx, habit = built.ctx, period.habit
    hours = hours_phrase(habit.hours, habit.custom_hours, habit.allowed_days)
    if not period.blocks[0].choices:
        bounds = (ctx.day_starts[period.days[0]], ctx.day_ends[period.days[-1]])
        allowed = intersect(ctx.allowed(habit.hours, habit.custom_hours, habit.allowed_days), bounds)
        if not allowed:
            return f"no {hours} left in {period.label}"
        return f"its {hours} in {period.label} are taken by busy time"
    if period.rule in failed:
        return SEE_CONFLICTS
    wanted = period.missing_at_most
    return f"only {placed} of {wanted} more occurrences fit in {hours} in {period.label}"


def _work_reason(built: Built, work: TaskWork, failed: Set[str]) -> str:
    task = work.task
    hours = hours_phrase(task.hours, task.custom_hours)
    if work.rule in failed:
        return SEE_CONFLICTS
    if not work.blocks or not work.blocks[0].choices:
        end = when_dated(built.ctx.instance.horizon_end, built.ctx.instance.zone)
        return f"no free time in its {hours} large enough for a chunk before {end}"
    return f"no room left in its {hours} before the horizon ends"


def _focus_short(built: Built, solver: cp_model.CpSolver, day: FocusDay) -> list[Unplaced]:
    slot = built.ctx.slot_minutes
    placed = sum(solver.value(built.variables.block(b.name).length) for b in day.blocks)
    if placed >= day.target:
        return []
    reason = f"only {placed * slot} of {day.target * slot} min of focus time fit on {day.label}"
    minutes = (day.target - placed) * slot
    return [Unplaced(item_id=FOCUS_ID, kind=BlockKind.FOCUS, minutes=minutes, reason=reason)]
