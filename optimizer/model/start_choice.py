"""Pick the better of two start plans by what they leave out, without building a model.

Re-planning starts from the previous plan's blocks where they still fit, which keeps a plan stable;
but the previous plan may have been made before new work arrived, or by another planner, and
keeping it can leave work out that a fresh plan places (a block moved costs `MOVED`, a minute of
work left out far more). Pricing each candidate on the model costs a model build and a solve, so
the plans are compared here on the rules that dominate the objective: requirements (hard due
dates, defended habits' periods), work left out, occurrences missed, blocks moved. Costs such as
ideal time and lateness are left to the search.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import date, timedelta

from optimizer.domain import BlockKind, Frequency, Habit, Instance, Priority
from optimizer.model.weights import MISSED, MOVED, PRIORITY_WEIGHT, REQUIRED, unplaced_weight
from optimizer.solution import Placement
from optimizer.windows import frozen_blocks

BROKEN = REQUIRED * PRIORITY_WEIGHT[Priority.CRITICAL]  # a requirement the plan does not keep
MINUTE = timedelta(minutes=1)
Period = date | tuple[int, int]  # a local date (DAILY) or an ISO year and week (WEEKLY)


def cheaper(instance: Instance, plans: Sequence[list[Placement]]) -> list[Placement]:
    """The plan that leaves out the least (the first one among equals)."""
    return min(plans, key=lambda plan: loss(instance, plan))


def loss(instance: Instance, plan: Sequence[Placement]) -> float:
    return left_out(instance, plan) + _moved(instance, plan)


def left_out(instance: Instance, plan: Sequence[Placement]) -> float:
    """The loss but for moved blocks: what moving blocks around cannot change."""
    return _work_left_out(instance, plan) + _occurrences_missed(instance, plan)


def _work_left_out(instance: Instance, plan: Sequence[Placement]) -> float:
    horizon = (instance.horizon_end - instance.horizon_start) // MINUTE
    per_minute = unplaced_weight(horizon, instance.slot_minutes)
    placed: Counter[tuple[str, BlockKind]] = Counter()
    for block in plan:
        placed[block.item_id, block.kind] += (block.end - block.start) // MINUTE
    cost = 0.0
    for task in instance.work_items():
        missing = max(0, task.effort - placed[task.id, task.kind])
        cost += missing * per_minute * PRIORITY_WEIGHT[task.priority]
        cost += BROKEN if missing and task.due_is_hard else 0
    return cost


def _occurrences_missed(instance: Instance, plan: Sequence[Placement]) -> float:
    """Occurrences short of each period's count over the days ahead (a defended habit's short
    period priced as a broken requirement)."""
    habits = {habit.id: habit for habit in instance.habits}
    held: Counter[tuple[str, Period]] = Counter()
    for block in plan:
        if block.kind is BlockKind.HABIT and block.item_id in habits:
            day = block.start.astimezone(instance.zone).date()
            held[block.item_id, _period(habits[block.item_id], day)] += 1
    cost = 0.0
    for habit in instance.habits:
        for period in {_period(habit, day) for day in _days(instance) if day.weekday() in habit.allowed_days}:
            missing = max(0, habit.times_per_period - held[habit.id, period])
            cost += missing * MISSED * PRIORITY_WEIGHT[habit.priority]
            cost += BROKEN if missing and habit.defended else 0
    return cost


def _moved(instance: Instance, plan: Sequence[Placement]) -> float:
    kept = {(p.item_id, p.kind, p.start, p.end) for p in plan}
    frozen = {(b.item_id, b.kind, b.start, b.end) for b in frozen_blocks(instance)}
    weights = {h.id: PRIORITY_WEIGHT[h.priority] for h in instance.habits}
    weights |= {t.id: PRIORITY_WEIGHT[t.priority] for t in instance.work_items()}
    cost = 0.0
    for block in instance.previous_plan:
        key = (block.item_id, block.kind, block.start, block.end)
        if key not in frozen and key not in kept:
            cost += MOVED * weights.get(block.item_id, 1)
    return cost


def _period(habit: Habit, day: date) -> Period:
    return day if habit.frequency is Frequency.DAILY else day.isocalendar()[:2]


def _days(instance: Instance) -> list[date]:
    first = max(instance.horizon_start, instance.movable_from()).astimezone(instance.zone).date()
    last = (instance.horizon_end - MINUTE).astimezone(instance.zone).date()
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]
