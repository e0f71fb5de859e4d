"""Habits with streaks and goals with progress: what a command's data changes, and the events it yields.

Streaks are counted in actors/streaks.py. Each new completion yields COMPLETED with the streak after it
(and a HABIT_COMPLETED usage event); a streak broken by a whole period without a completion yields
STREAK_UPDATED. A habit or goal missing from a command is left as it was: commands describe what they
plan, not everything the user has.
"""

from __future__ import annotations

from datetime import date

from actors.outcomes import GoalOutcome, HabitOutcome, UsageOutcome
from actors.requests import GoalMeta, ScheduleRequest
from actors.stamp import Stamp
from actors.state import GoalRecord, HabitRecord
from actors.streaks import complete, lapse, mark, started
from actors.usage import goal_created, habit_completed
from optimizer.domain import Goal, Habit


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


def update_habits(
    stored: dict[str, HabitRecord],
    habits: tuple[Habit, ...],
    request: ScheduleRequest,
    stamp: Stamp,
    today: date,
) -> tuple[dict[str, HabitRecord], list[HabitOutcome | UsageOutcome]]:
    """`today` is the local day of the command's `now`: a streak breaks by the user's calendar."""
    records, outcomes = dict(stored), list[HabitOutcome | UsageOutcome]()
    for habit in habits:
        known = records.get(habit.id)
        seed = request.habit_streaks.get(habit.id)
        follow = {
            "name": habit.name,
            "frequency": habit.frequency,
            "times_per_period": habit.times_per_period,
        }
        records[habit.id] = (known or started(habit, seed, today)).model_copy(update=follow)
        if known is None:
            outcomes.append(_habit_outcome(stamp, habit.id, records[habit.id], "CREATED"))
    for done in sorted(request.habit_completions, key=lambda c: (*mark(c.day, c.at), c.habit_id)):
        record = records.get(done.habit_id)
        after = complete(record, done.day, done.at) if record is not None else None
        if after is not None:
            records[done.habit_id] = after
            outcomes.append(_habit_outcome(stamp, done.habit_id, after, "COMPLETED"))
            outcomes.append(habit_completed(stamp, done.habit_id, done.at))
    for habit in habits:  # after the completions: a late report may still have kept the streak
        broken = lapse(records[habit.id], today)
        if broken is not None:
            records[habit.id] = broken
            outcomes.append(_habit_outcome(stamp, habit.id, broken, "STREAK_UPDATED"))
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
) -> tuple[dict[str, GoalRecord], list[GoalOutcome | UsageOutcome]]:
    records, outcomes = dict(stored), list[GoalOutcome | UsageOutcome]()
    for goal in goals:
        known = records.get(goal.id)
        record = _goal_record(goal, meta.get(goal.id, GoalMeta()), known)
        records[goal.id] = record
        change = _goal_change(known, record)
        if change is not None:
            outcomes.append(goal_outcome(stamp, goal.id, record, change))
        if change == "CREATED":
            outcomes.append(goal_created(stamp, goal.id))
        if change == "CREATED" and record.completed:
            outcomes.append(goal_outcome(stamp, goal.id, record, "COMPLETED"))
    return records, outcomes
