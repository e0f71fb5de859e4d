"""A habit's streak: consecutive periods (local days for DAILY habits, ISO weeks for WEEKLY) in each of
which the habit was done its `times_per_period`.

A completion is known by its local day and, when the command gave it, its instant. One that is not
newer than the newest completion already counted changes nothing, so the same completion sent twice,
in one command or in a later one, counts once (a completion reported after a newer one is dropped too:
the streak is never rewritten backwards). A streak breaks once a whole period has passed without its
completions; the period in progress can still keep it.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from actors.requests import StreakSeed
from actors.state import HabitRecord
from optimizer.domain import Frequency, Habit

_WHOLE_DAY = datetime.max.replace(tzinfo=UTC)  # a completion known only by its day covers all of it


def period(day: date, frequency: Frequency) -> int:
    ordinal = day.toordinal()
    return ordinal if frequency is Frequency.DAILY else (ordinal - day.weekday()) // 7


def mark(day: date, at: datetime | None) -> tuple[date, datetime]:
    """Orders completions; a later mark is a newer completion."""
    return day, at if at is not None else _WHOLE_DAY


def _met(record: HabitRecord) -> date | None:
    """A day of the newest period done in full. Records stored before periods were counted (no count
    kept) were done in full on every day they were done."""
    return record.last_met if record.last_met or record.done_in_period else record.last_done


def complete(record: HabitRecord, day: date, at: datetime | None = None) -> HabitRecord | None:
    """The record after a completion on local `day` (at instant `at`), or None when it is not new."""
    last, frequency = record.last_done, record.frequency
    if last is not None and mark(day, at) <= mark(last, record.last_done_at):
        return None
    now = period(day, frequency)
    count = record.done_in_period + 1 if last is not None and now == period(last, frequency) else 1
    done = {"last_done": day, "last_done_at": at, "done_in_period": count}
    met = _met(record)
    if count < record.times_per_period or (met is not None and now == period(met, frequency)):
        return record.model_copy(update=done)  # the period is not done yet, or was already
    follows = met is not None and now == period(met, frequency) + 1
    current = record.streak_current + 1 if follows else 1
    longest = max(record.streak_longest, current)
    counted = {"last_met": day, "streak_current": current, "streak_longest": longest}
    return record.model_copy(update={**done, **counted})


def started(habit: Habit, seed: StreakSeed | None, today: date) -> HabitRecord:
    """A habit new to the worker: it starts from the streak the product gave, else from nothing.

    A given streak is taken as done in full through the period before `today`'s, so completions in
    today's period extend it and a whole period without them breaks it.
    """
    record = HabitRecord(name=habit.name, frequency=habit.frequency, times_per_period=habit.times_per_period)
    if seed is None:
        return record
    longest = max(seed.longest, seed.current)
    if seed.current == 0:
        return record.model_copy(update={"streak_longest": longest})
    before = today - timedelta(days=1 if habit.frequency is Frequency.DAILY else 7)
    counted = {"last_done": before, "last_met": before, "done_in_period": habit.times_per_period}
    return record.model_copy(update={**counted, "streak_current": seed.current, "streak_longest": longest})


def lapse(record: HabitRecord, today: date) -> HabitRecord | None:
    """The record with its streak broken when a whole period passed before `today` without its
    completions; None when the streak still stands (or is already 0)."""
    met = _met(record)
    if record.streak_current == 0 or met is None:
        return None
    if period(today, record.frequency) - period(met, record.frequency) < 2:
        return None
    return record.model_copy(update={"streak_current": 0})
