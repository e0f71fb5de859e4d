"""An outcome's wire message written straight from the outbox's JSON, without any pydantic model.

Building an outcome model and then a wire model for every output cost more than the rest of answering a
command. The outcomes a host returns are its own, checked when they were made, so each one is mapped
here field by field to its wire message, checking every rule the wire model checks. An outcome not
exactly as a host writes it, or one that breaks a rule, gives None: the caller then takes the models'
way, which produces the same bytes or refuses with the same error as ever. A property test holds the
two ways to the same bytes for every kind of outcome.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pydantic_core import PydanticSerializationError, to_json

from actors.outcomes import (
    CalendarBlockOutcome,
    CalendarUpdateOutcome,
    GoalOutcome,
    HabitOutcome,
    PerformanceOutcome,
    ReminderOutcome,
)
from ingest.messages import enums
from ingest.output_checks import Unusual, count, ident, instant, labels, number, one_of, text, values
from ingest.output_usage import USAGE_FIELDS, usage_message

Wire = dict[str, Any]
Raw = dict[str, Any]


def wire_message(outcome: object) -> tuple[str, bytes] | None:
    """(the outcome's kind, compact UTF-8 JSON of its wire message), or None to take the models' way."""
    if type(outcome) is not dict:
        return None
    kind = outcome.get("kind")
    if type(kind) is not str or kind not in _BUILDERS or outcome.keys() != _FIELDS[kind]:
        return None  # not a kind this version writes, or a field added or left out
    try:
        return kind, to_json(_BUILDERS[kind](outcome))
    except (Unusual, PydanticSerializationError):
        return None


def _calendar(o: Raw) -> Wire:
    span = {"start": {"dateTime": instant(o["start"])}, "end": {"dateTime": instant(o["end"])}}
    data = {"summary": text(o["summary"]), **span, "attendees": []}
    head = {"eventId": ident(o["event_id"]), "eventType": one_of(o["change"], _CALENDAR_CHANGES)}
    where = {"calendarId": ident(o["calendar_id"]), "userId": ident(o["user_id"]), "eventData": data}
    return {"version": 1, **head, **where, "source": one_of(o["source"], _SOURCES), **_at(o)}


def _at(o: Raw) -> Wire:
    return {"timestamp": instant(o["at"])}


def _habit(o: Raw) -> Wire:
    current, longest = count(o["streak_current"]), count(o["streak_longest"])
    if longest < current:
        raise Unusual  # the wire's Streak refuses it
    streak = {"current": current, "longest": longest}
    data = {"name": text(o["name"]), "frequency": one_of(o["frequency"], _FREQUENCIES), "streak": streak}
    head = {"habitId": ident(o["habit_id"]), "eventType": one_of(o["change"], _HABIT_CHANGES)}
    return {"version": 1, **head, "userId": ident(o["user_id"]), "habitData": data, **_at(o)}


def _goal(o: Raw) -> Wire:
    current, target = number(o["progress_current"]), number(o["progress_target"])
    if current < 0 or target <= 0:
        raise Unusual  # the wire's Progress refuses it
    progress = {"current": current, "target": target, "unit": text(o["progress_unit"])}
    kind = {"title": text(o["title"]), "type": one_of(o["goal_type"], _GOAL_TYPES)}
    data = {**kind, "targetDate": instant(o["target_date"]), "progress": progress}
    head = {"goalId": ident(o["goal_id"]), "eventType": one_of(o["change"], _GOAL_CHANGES)}
    return {"version": 1, **head, "userId": ident(o["user_id"]), "goalData": data, **_at(o)}


def _reminder(o: Raw) -> Wire:
    content = {"title": text(o["title"]), "message": text(o["message"])}
    if text(o["action_url"]):  # an empty link is left out
        content["actionUrl"] = o["action_url"]
    head = {"notificationId": ident(o["notification_id"]), "userId": ident(o["user_id"])}
    how = {"type": one_of(o["reminder_type"], _NOTICES), "channel": one_of(o["channel"], _CHANNELS)}
    how["priority"] = one_of(o["priority"], _PRIORITIES)
    when = {"scheduledFor": instant(o["scheduled_for"]), **_at(o)}
    return {"version": 1, **head, **how, "content": content, **when}


def _calendar_update(o: Raw) -> Wire:
    if type(o["errors"]) is not list:
        raise Unusual
    details: Wire = {"eventsProcessed": count(o["events_processed"])}
    details["conflictsResolved"] = count(o["conflicts_resolved"])
    details["errors"] = [text(error) for error in o["errors"]]
    head = {"userId": ident(o["user_id"]), "updateType": one_of(o["update_type"], _UPDATES)}
    return {"version": 1, **head, "details": details, **_at(o)}


def _performance(o: Raw) -> Wire:
    text(o["user_id"])  # only the record's key: the spec gives the metric no userId
    unit = text(o["unit"])
    if not unit:
        raise Unusual  # the wire's unit is never empty
    measured = {"metricType": one_of(o["metric_type"], _METRICS), "value": number(o["value"]), "unit": unit}
    return {"version": 1, **measured, "labels": labels(o["labels"]), **_at(o)}


_CALENDAR_CHANGES, _SOURCES = values(enums.CalendarEventType), values(enums.EventSource)
_HABIT_CHANGES, _FREQUENCIES = values(enums.HabitEventType), values(enums.Frequency)
_GOAL_CHANGES, _GOAL_TYPES = values(enums.GoalEventType), values(enums.GoalType)
_NOTICES, _CHANNELS = values(enums.NotificationType), values(enums.Channel)
_PRIORITIES, _UPDATES = values(enums.Priority), values(enums.CalendarUpdateType)
_METRICS = values(enums.MetricType)

_BUILDERS: dict[str, Callable[[Raw], Wire]] = {
    "calendar": _calendar,
    "habit": _habit,
    "goal": _goal,
    "reminder": _reminder,
    "calendar_update": _calendar_update,
    "performance": _performance,
    "usage": usage_message,
}
# The fields a host writes for each kind: an outcome with any other set was not written by this version.
_KINDS = (CalendarBlockOutcome, HabitOutcome, GoalOutcome, ReminderOutcome, CalendarUpdateOutcome)
_FIELDS = {kind.model_fields["kind"].default: frozenset(kind.model_fields) for kind in _KINDS}
_FIELDS["performance"] = frozenset(PerformanceOutcome.model_fields)
_FIELDS["usage"] = USAGE_FIELDS
