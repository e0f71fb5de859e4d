"""A habit's periods and the occurrence blocks each may hold.

Periods follow the validator: the local date of an occurrence's start (DAILY) or its local ISO week
(WEEKLY). A week the horizon covers only partly wants `times_per_period` scaled by the share of its
allowed days inside the horizon, rounded half up. Periods already over are left alone.

Occurrences reserve whole slots and last at most `max_duration` (`optimizer.durations`), so any
duration fits the grid: a 20-minute habit on a 15-minute grid reserves two slots and lasts 20 minutes.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from optimizer.domain import BlockKind, Frequency, Habit
from optimizer.durations import habit_slots, spare
from optimizer.model.blocks import BlockSpec, Choice, fine_choices
from optimizer.model.context import Context
from optimizer.model.demands import HabitPeriod
from optimizer.model.spans import Span, intersect


def period_label(habit: Habit, day: date) -> str:
    if habit.frequency is Frequency.DAILY:
        return day.isoformat()
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def habit_periods(ctx: Context, habit: Habit) -> list[HabitPeriod]:
    grouped: dict[str, list[int]] = defaultdict(list)
    for index, day in enumerate(ctx.days):
        if day.weekday in habit.allowed_days:
            grouped[period_label(habit, day.date)].append(index)
    frozen = _frozen_by_period(ctx, habit)
    allowed = ctx.allowed(habit.hours, habit.custom_hours, habit.allowed_days)
    blocked = list(ctx.fixed.guarded) + _spacing_zones(ctx, habit)
    movable_from = ctx.instance.movable_from()
    periods = []
    for label, days in grouped.items():
        if ctx.days[days[-1]].end <= movable_from:
            continue
        target = _target(habit, len(days))
        room = habit.times_per_period - frozen[label]
        first_start = ctx.days[days[0]].start
        starts_ahead = first_start >= movable_from and first_start >= ctx.instance.horizon_start
        bounds = (ctx.day_starts[days[0]], ctx.day_ends[days[-1]])
        blocks = _blocks(ctx, habit, label, room, intersect(allowed, bounds), blocked)
        # A period begun before the plan may move, or cut off by the horizon's end, is still wanted
        # but not required: only periods wholly inside what may move are.
        ends_inside = ctx.days[days[-1]].end <= ctx.instance.horizon_end
        hard = habit.defended and starts_ahead and ends_inside and target > frozen[label]
        periods.append(HabitPeriod(habit, label, tuple(days), target, frozen[label], hard, blocks))
    return periods


def _target(habit: Habit, days_inside: int) -> int:
    if habit.frequency is Frequency.DAILY or days_inside >= len(habit.allowed_days):
        return habit.times_per_period
    return (2 * habit.times_per_period * days_inside + len(habit.allowed_days)) // (
        2 * len(habit.allowed_days)
    )


def _frozen_by_period(ctx: Context, habit: Habit) -> dict[str, int]:
    counts: dict[str, int] = defaultdict(int)
    for block in ctx.fixed.kept:
        if block.kind is BlockKind.HABIT and block.item_id == habit.id:
            counts[period_label(habit, block.start.astimezone(ctx.instance.zone).date())] += 1
    return counts


def _spacing_zones(ctx: Context, habit: Habit) -> list[Span]:
    """Around each frozen occurrence, the time the minimum spacing keeps this habit away from."""
    gap = ctx.slots(habit.min_spacing)
    zones = []
    for block in ctx.fixed.kept:
        if block.kind is BlockKind.HABIT and block.item_id == habit.id:
            lo, hi = ctx.outer(block.start, block.end)
            zones.append((lo - gap, hi + gap))
    return zones


def _blocks(
    ctx: Context, habit: Habit, label: str, room: int, allowed: list[Span], blocked: list[Span]
) -> tuple[BlockSpec, ...]:
    if room <= 0:
        return ()
    min_len, max_len = habit_slots(habit, ctx.slot_minutes)
    pads = (ctx.slots(habit.buffer_before), ctx.slots(habit.buffer_after))
    choices = fine_choices(ctx, allowed, blocked, min_len, pads)
    step = min_len + ctx.slots(habit.min_spacing)
    first = min((choice.lo for choice in choices), default=0)
    return tuple(
        BlockSpec(
            name=f"{habit.id}@{label}#{k}",
            item_id=habit.id,
            kind=BlockKind.HABIT,
            title=habit.name,
            min_len=min_len,
            max_len=max_len,
            choices=_from(choices, first + k * step, min_len),
            before=pads[0],
            after=pads[1],
            trim=spare(max_len, habit.max_duration, ctx.slot_minutes),
        )
        for k in range(room)
    )


def _from(choices: tuple[Choice, ...], earliest: int, min_len: int) -> tuple[Choice, ...]:
    """The choices cut to start at `earliest` or later.

    A period's occurrences are ordered, each at least its shortest length plus the spacing after
    the one before, so the k-th cannot start before the period's first start plus k such steps.
    Saying so up front gives the k-th occurrence its true least distance to the ideal time.
    """
    kept = []
    for choice in choices:
        lo = max(choice.lo, earliest)
        if choice.hi - lo >= min_len:
            kept.append(Choice(choice.day, lo, choice.hi, ((lo, choice.hi - min_len + 1),)))
    return tuple(kept)
