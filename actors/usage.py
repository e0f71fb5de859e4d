"""Usage analytics the worker can report: a goal first seen, a habit completion first counted.

Both follow the habit and goal events they come from, once each: a replayed command answers from the
outbox, and a completion or goal already known yields nothing again (actors/streaks.py, progress.py).
"""

from __future__ import annotations

from datetime import datetime

from actors.outcomes import UsageOutcome
from actors.stamp import Stamp


def goal_created(stamp: Stamp, goal_id: str) -> UsageOutcome:
    return _usage(stamp, "GOAL_CREATED", goal_id, stamp.at)


def habit_completed(stamp: Stamp, habit_id: str, done_at: datetime | None) -> UsageOutcome:
    return _usage(stamp, "HABIT_COMPLETED", habit_id, done_at or stamp.at)


def _usage(stamp: Stamp, event_type: str, item_id: str, occurred_at: datetime) -> UsageOutcome:
    return UsageOutcome.model_validate(
        {
            "user_id": stamp.user_id,
            "at": stamp.at,
            "event_type": event_type,
            "item_id": item_id,
            "occurred_at": occurred_at,
        }
    )
