"""Habits with streaks and goals with progress: what a command's data changes, and the events it yields.

Streaks count consecutive periods (local days for DAILY habits, ISO weeks for WEEKLY) with at least one
completion. A completion for a day already counted, or older than the last one, changes nothing. A habit or
goal missing from a command is left as it was: commands describe what they plan, not everything the user has.
"""

from __future__ import annotations

from datetime import date

from actors.outcomes import GoalOutcome, HabitOutcome
from actors.requests import GoalMeta, HabitCompletion
from actors.stamp import Stamp
from actors.state import GoalRecord, HabitRecord
from optimizer.domain import Frequency, Goal, Habit


def _period(day: date, frequency: Frequency) -> int:
    ordinal = day.toordinal()
    return ordinal if frequency is Frequency.DAILY else (ordinal - day.weekday()) // 7


def _habit_outcome(stamp: Stamp, habit_id: str, record: HabitRecord, change: str) -> HabitOutcome:
    return HabitOutcome.model_validate(
        {
            "user_id": stamp.user_id,
            "at": stamp.at,
            "habit_id": habit_id,
            "change": change,
            "name": record.name,
            "frequency": record.frequency.value,
            "streak_current": record.streak_current,
            "streak_longest": record.streak_longest,
        }
    )


def complete(record: HabitRecord, day: date) -> HabitRecord | None:
    """The record after a completion on `day`, or None when it changes nothing."""
    if record.last_done is not None and day <= record.last_done:
        return None
    now, last = _period(day, record.frequency), record.last_done
    if last is not None and now == _period(last, record.frequency):
        return record.model_copy(update={"last_done": day})
    follows = last is not None and now == _period(last, record.frequency) + 1
    current = record.streak_current + 1 if follows else 1
    longest = max(record.streak_longest, current)
    return record.model_copy(update={"last_done": day, "streak_current": current, "streak_longest": longest})


def update_habits(
    stored: dict[str, HabitRecord],
    habits: tuple[Habit, ...],
    completions: tuple[HabitCompletion, ...],
    stamp: Stamp,
) -> tuple[dict[str, HabitRecord], list[HabitOutcome]]:
    records, outcomes = dict(stored), []
    for habit in habits:
        known = records.get(habit.id)
        records[habit.id] = (known or HabitRecord(name=habit.name)).model_copy(
            update={"name": habit.name, "frequency": habit.frequency}
        )
        if known is None:
            outcomes.append(_habit_outcome(stamp, habit.id, records[habit.id], "CREATED"))
    for done in sorted(completions, key=lambda c: (c.day, c.habit_id)):
        record = records.get(done.habit_id)
        after = complete(record, done.day) if record is not None else None
        if after is not None:
            records[done.habit_id] = after
            outcomes.append(_habit_outcome(stamp, done.habit_id, after, "COMPLETED"))
    return records, outcomes


def _goal_record(goal: Goal, meta: GoalMeta, known: GoalRecord | None) -> GoalRecord:
    return GoalRecord(
        title=goal.title,
        goal_type=meta.goal_type,
        unit=meta.unit,
        target_date=goal.target_date,
        progress_current=goal.progress_current,
        progress_target=goal.progress_target,
        completed=goal.progress_current >= goal.progress_target,
        deadline_warned_for=known.deadline_warned_for if known else None,
    )


def _goal_change(known: GoalRecord | None, record: GoalRecord) -> str | None:
    if known is None:
        return "CREATED"
    if record.completed and not known.completed:
        return "COMPLETED"
    return None if record == known else "UPDATED"


def goal_outcome(stamp: Stamp, goal_id: str, record: GoalRecord, change: str) -> GoalOutcome:
    return GoalOutcome.model_validate(
        {
            "user_id": stamp.user_id,
            "at": stamp.at,
            "goal_id": goal_id,
            "change": change,
            "title": record.title,
            "goal_type": record.goal_type,
            "target_date": record.target_date,
            "progress_current": record.progress_current,
            "progress_target": record.progress_target,
            "progress_unit": record.unit,
        }
    )


def update_goals(
    stored: dict[str, GoalRecord], goals: tuple[Goal, ...], meta: dict[str, GoalMeta], stamp: Stamp
) -> tuple[dict[str, GoalRecord], list[GoalOutcome]]:
    records, outcomes = dict(stored), []
    for goal in goals:
        known = records.get(goal.id)
        record = _goal_record(goal, meta.get(goal.id, GoalMeta()), known)
        records[goal.id] = record
        change = _goal_change(known, record)
        if change is not None:
            outcomes.append(goal_outcome(stamp, goal.id, record, change))
        if change == "CREATED" and record.completed:
            outcomes.append(goal_outcome(stamp, goal.id, record, "COMPLETED"))
    return records, outcomes
