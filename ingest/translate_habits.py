"""A planning command's habit progress in the host's terms: completions on local days, and streaks.

A completion's day is its local day in the command's time zone: streak periods are the user's days and
weeks, not UTC's.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from actors.requests import HabitCompletion, StreakSeed
from ingest.messages.task_data import PlanningData

# The product's clocks and the command's timestamp may disagree by a little; a completion that far
# after the command still happened before it was reported.
CLOCK_SKEW = timedelta(minutes=5)


class CompletionInTheFuture(ValueError):
    """A completion is later than the command that reports it, beyond the clocks' skew."""


def completions(data: PlanningData, now: datetime) -> tuple[HabitCompletion, ...]:
    """Raises `CompletionInTheFuture` naming the habit when a completion is after `now`."""
    zone = ZoneInfo(data.timezone)
    done = []
    for index, wire in enumerate(data.habit_completions):
        if wire.completed_at > now + CLOCK_SKEW:
            raise CompletionInTheFuture(
                f"habitCompletions.{index} (habit {wire.habit_id}): completedAt is more than "
                f"{CLOCK_SKEW.seconds // 60} minutes after the command's timestamp; report a completion "
                "only once it happened, and check the producer's clock"
            )
        local = wire.completed_at.astimezone(zone)
        done.append(HabitCompletion(habit_id=wire.habit_id, day=local.date(), at=wire.completed_at))
    return tuple(done)


def streaks(data: PlanningData) -> dict[str, StreakSeed]:
    """The streaks the command gives, by habit id: a habit new to the worker starts from its own."""
    return {
        h.id: StreakSeed(current=h.streak.current, longest=h.streak.longest)
        for h in data.habits
        if h.streak is not None
    }
