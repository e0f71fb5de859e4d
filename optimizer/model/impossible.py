"""Requirements that cannot hold even alone, found before any search.

- A defended habit's period with fewer free stretches than occurrences wanted (its hours taken by
  meetings, or passed).
- A hard due date with less usable free time in the task's hours before it than the task needs
  (each chunk at least its minimum, or what is left for the one completing the effort, the daily
  cap counted); the relaxation is the earliest time by which enough free time has gone by.
Telling these apart first keeps an over-booked week as fast as a feasible one; clashes between
several rules still go through `optimizer.explain`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from optimizer.domain import Frequency
from optimizer.model.built import Built
from optimizer.model.conflict_text import conflict_message
from optimizer.model.demands import HabitPeriod, TaskWork
from optimizer.model.task_work import free_stretches
from optimizer.model.terms import HardRule
from optimizer.model.wording import when_dated
from optimizer.solution import Conflict


def impossible(built: Built, rules: Sequence[HardRule]) -> tuple[list[Conflict], list[HardRule]]:
    """Conflicts for rules that fail on their own, and the rules left to assume."""
    periods = {period.rule: period for period in built.periods}
    works = {work.rule: work for work in built.works}
    conflicts: list[Conflict] = []
    kept: list[HardRule] = []
    for rule in rules:
        relaxation = None
        if rule.name in periods:
            relaxation = _period(periods[rule.name])
        elif rule.name in works:
            relaxation = _due(built, works[rule.name])
        if relaxation is None:
            kept.append(rule)
        else:
            message = conflict_message(built, [rule])
            conflicts.append(Conflict(rules=(rule.name,), message=message, relaxation=relaxation))
    return conflicts, kept


def _period(period: HabitPeriod) -> str | None:
    room = sum(1 for spec in period.blocks if spec.choices)
    if room >= period.missing_at_most:
        return None
    habit, label, at_most = period.habit, period.label, period.frozen + room
    if habit.frequency is Frequency.DAILY:
        return (
            f"let {habit.name} skip {label}" if at_most == 0 else f"place {habit.name} {at_most}x on {label}"
        )
    if at_most == 0:
        return f"let {habit.name} skip week {label}"
    return f"drop {habit.name} to at most {at_most}x in week {label}"


def _due(built: Built, work: TaskWork) -> str | None:
    """None when the free time before the due date could hold the task; else the relaxation."""
    if work.due_slot is None or not work.blocks:
        return None
    ctx, spec = built.ctx, work.blocks[0]
    shortest = min(block.min_len for block in work.blocks)
    cap = ctx.instance.daily_cap_minutes
    day_room = ctx.n_slots if cap is None else cap // ctx.slot_minutes
    room = len(work.blocks) * spec.max_len
    usable, done_at = 0, None
    for stretches in _stretches(built, work).values():
        left = day_room
        for lo, hi in stretches:
            take = min(hi - lo, left)
            if take < shortest:
                continue
            left -= take
            usable += take
            if done_at is None and usable >= work.budget:
                done_at = lo + take - (usable - work.budget)
    if done_at is not None and done_at <= work.due_slot and room >= work.budget:
        return None
    title, minutes = work.task.title, work.remaining
    if done_at is None or room < work.budget:
        fits = work.minutes_for(min(usable, room), ctx.slot_minutes)
        return f"make the due date of {title} soft or shorten it: at most {fits} of its {minutes} min fit"
    return f"move the hard due of {title} to {when_dated(ctx.time(done_at), ctx.instance.zone)} or later"


def _stretches(built: Built, work: TaskWork) -> dict[int, list[tuple[int, int]]]:
    """The task's free stretches per local day, in time order, past its due date too."""
    per_day: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for day, stretch in built.ctx.by_day(free_stretches(built.ctx, work.task)):
        per_day[day].append(stretch)
    return dict(sorted(per_day.items()))
