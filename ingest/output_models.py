"""The models' way from an outcome to its wire message: an outcome model, then a validated wire model."""

from __future__ import annotations

from actors.outcomes import (
    CalendarBlockOutcome,
    CalendarUpdateOutcome,
    GoalOutcome,
    HabitOutcome,
    Outcome,
    PerformanceOutcome,
    ReminderOutcome,
    UsageOutcome,
)
from ingest.messages import (
    CalendarEventMessage,
    CalendarUpdateNotification,
    GoalEventMessage,
    HabitEventMessage,
    PerformanceMetric,
    ReminderNotification,
    UsageAnalytics,
    Versioned,
)
from ingest.pipeline_config import OutputTopics


def message_for(outcome: Outcome, topics: OutputTopics) -> tuple[str, Versioned]:
    if isinstance(outcome, CalendarBlockOutcome):
        return topics.calendar, _calendar(outcome)
    if isinstance(outcome, HabitOutcome):
        return topics.habits, _habit(outcome)
    if isinstance(outcome, GoalOutcome):
        return topics.goals, _goal(outcome)
    if isinstance(outcome, ReminderOutcome):
        return topics.reminders, _reminder(outcome)
    if isinstance(outcome, CalendarUpdateOutcome):
        return topics.calendar_updates, _calendar_update(outcome)
    if isinstance(outcome, UsageOutcome):
        return topics.usage, _usage(outcome)
    return topics.performance, _performance(outcome)


def _who(o: Outcome) -> dict[str, object]:
    return {"user_id": o.user_id, "timestamp": o.at}


def _calendar(o: CalendarBlockOutcome) -> CalendarEventMessage:
    data = dict(summary=o.summary, start={"date_time": o.start}, end={"date_time": o.end})
    event = dict(event_id=o.event_id, event_type=o.change, calendar_id=o.calendar_id, source=o.source)
    return CalendarEventMessage.model_validate({**_who(o), **event, "event_data": data})


def _habit(o: HabitOutcome) -> HabitEventMessage:
    streak = {"current": o.streak_current, "longest": o.streak_longest}
    data = {"name": o.name, "frequency": o.frequency, "streak": streak}
    return HabitEventMessage.model_validate(
        {**_who(o), "habit_id": o.habit_id, "event_type": o.change, "habit_data": data}
    )


def _goal(o: GoalOutcome) -> GoalEventMessage:
    progress = {"current": o.progress_current, "target": o.progress_target, "unit": o.progress_unit}
    data = {"title": o.title, "type": o.goal_type, "target_date": o.target_date, "progress": progress}
    return GoalEventMessage.model_validate(
        {**_who(o), "goal_id": o.goal_id, "event_type": o.change, "goal_data": data}
    )


def _reminder(o: ReminderOutcome) -> ReminderNotification:
    content = {"title": o.title, "message": o.message, "action_url": o.action_url or None}
    when = {"scheduled_for": o.scheduled_for, "priority": o.priority.value, "channel": o.channel}
    notice = {"notification_id": o.notification_id, "type": o.reminder_type, "content": content}
    return ReminderNotification.model_validate({**_who(o), **when, **notice})


def _calendar_update(o: CalendarUpdateOutcome) -> CalendarUpdateNotification:
    details = dict(
        events_processed=o.events_processed, conflicts_resolved=o.conflicts_resolved, errors=o.errors
    )
    return CalendarUpdateNotification.model_validate(
        {**_who(o), "update_type": o.update_type, "details": details}
    )


def _performance(o: PerformanceOutcome) -> PerformanceMetric:
    measured = {"metric_type": o.metric_type, "value": o.value, "unit": o.unit, "labels": o.labels}
    return PerformanceMetric.model_validate({**measured, "timestamp": o.at})  # the spec gives it no userId


def _usage(o: UsageOutcome) -> UsageAnalytics:
    about = {"habit_id" if o.event_type == "HABIT_COMPLETED" else "goal_id": o.item_id}
    return UsageAnalytics.model_validate(
        {"user_id": o.user_id, "event_type": o.event_type, "metadata": about, "timestamp": o.occurred_at}
    )
