"""Habit rules: each occurrence within its duration bounds, at most `times_per_period` per local day
(DAILY) or local ISO week (WEEKLY), and at least `min_spacing` minutes from one end to the next start.

An occurrence ends on the slot grid unless it lasts exactly `max_duration` (a 20-minute habit on a
15-minute grid lasts 20 minutes and occupies 30). Frozen occurrences count towards the frequency and
spacing but keep whatever duration they have.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterator
from datetime import date, timedelta

from optimizer.domain import BlockKind, Frequency, Habit
from optimizer.solution import Placement
from optimizer.validation.plan import Plan, Violation, minutes


def period(plan: Plan, habit: Habit, placement: Placement) -> date | tuple[int, int]:
    day = placement.start.astimezone(plan.instance.zone).date()
    if habit.frequency is Frequency.DAILY:
        return day
    year, week, _ = day.isocalendar()
    return year, week


def check_durations(plan: Plan, habit: Habit, occurrences: list[Placement]) -> Iterator[Violation]:
    for placement in occurrences:
        length = minutes(placement)
        if plan.is_frozen(placement):
            continue
        if not habit.min_duration <= length <= habit.max_duration:
            bounds = f"{habit.min_duration}-{habit.max_duration}"
            message = f"habit {habit.name} lasts {length} min, outside {bounds} min"
            yield Violation(rule="duration", item_id=habit.id, message=message)
        elif not plan.on_grid(placement.end) and length != habit.max_duration:
            grid = plan.instance.slot_minutes
            message = f"habit {habit.name} lasts {length} min and ends off the {grid}-minute grid"
            yield Violation(rule="slot_alignment", item_id=habit.id, message=message)


def check_frequency(plan: Plan, habit: Habit, occurrences: list[Placement]) -> Iterator[Violation]:
    counts = Counter(period(plan, habit, placement) for placement in occurrences)
    for when, count in sorted(counts.items(), key=str):
        if count > habit.times_per_period:
            limit = f"{habit.times_per_period}x {habit.frequency.lower()}"
            message = f"habit {habit.name} placed {count}x in period {when}, more than {limit}"
            yield Violation(rule="frequency", item_id=habit.id, message=message)


def check_spacing(plan: Plan, habit: Habit, occurrences: list[Placement]) -> Iterator[Violation]:
    spacing = timedelta(minutes=habit.min_spacing)
    for first, second in itertools.pairwise(occurrences):
        both_frozen = plan.is_frozen(first) and plan.is_frozen(second)
        if not both_frozen and second.start - first.end < spacing:
            message = (
                f"habit {habit.name} occurrences at {first.start.isoformat()} and "
                f"{second.start.isoformat()} are closer than {habit.min_spacing} min"
            )
            yield Violation(rule="spacing", item_id=habit.id, message=message)


def check_habits(plan: Plan) -> Iterator[Violation]:
    for habit in plan.instance.habits:
        occurrences = plan.of_item(habit.id, BlockKind.HABIT)
        yield from check_durations(plan, habit, occurrences)
        yield from check_frequency(plan, habit, occurrences)
        yield from check_spacing(plan, habit, occurrences)
