"""A usage outcome's wire message (`scheduling.analytics.usage`) written straight from the outbox's
JSON, checking what `UsageAnalytics` checks (see ingest/output_wire.py).

The worker knows no client session: the metadata names only the habit or goal, never a session, user
agent or address.
"""

from __future__ import annotations

from typing import Any, get_args

from actors.outcomes import UsageOutcome
from ingest.output_checks import ident, instant, one_of

USAGE_FIELDS = frozenset(UsageOutcome.model_fields)
_EVENTS = frozenset(get_args(UsageOutcome.model_fields["event_type"].annotation))  # what a host emits


def usage_message(o: dict[str, Any]) -> dict[str, Any]:
    instant(o["at"])  # not written, but the outcome model reads it
    event = one_of(o["event_type"], _EVENTS)
    about = {"habitId" if event == "HABIT_COMPLETED" else "goalId": ident(o["item_id"])}
    head = {"userId": ident(o["user_id"]), "eventType": event, "metadata": about}
    return {"version": 1, **head, "timestamp": instant(o["occurred_at"])}
