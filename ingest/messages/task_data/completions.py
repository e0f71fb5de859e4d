"""Habit completions a planning command reports: what the user did since the product last said so."""

from __future__ import annotations

from collections.abc import Iterable

from ingest.messages.base import WireModel
from ingest.messages.types import Id, UtcDatetime


class HabitCompletion(WireModel):
    """One time the user did a habit. The same completion sent again, in this or a later command,
    counts once: a completion is known by its habit and its instant."""

    habit_id: Id
    """Id of a habit in the same command's `habits`."""
    completed_at: UtcDatetime
    """When the user did it; at most 5 minutes (clock skew) after the command's `timestamp`."""


def require_known_habits(completions: Iterable[HabitCompletion], habit_ids: Iterable[str]) -> None:
    known = set(habit_ids)
    for done in completions:
        if done.habit_id not in known:
            raise ValueError(
                f"habitCompletions names habit {done.habit_id}, which is not among the command's habits; "
                "send the habit with the command or leave its completion out"
            )
