"""Every topic and consumer group of the worker's Kafka contract, declared once.

Partition counts and retention come from the spec's tables. Where the spec is silent:
- `notifications.calendar-updates` gets 8 partitions like `notifications.reminders`: same family,
  same consumer group and the same `userId` keying, so the group's instances balance both alike.
- `analytics.performance` gets 4 like `analytics.usage`: one centralised analytics consumer.
  Metrics about a command are keyed by that command's `userId`, like every other output, so the
  load spreads over the partitions; a metric with no user behind it is keyed by `metricType`.
- A dead-letter topic has as many partitions as the largest topic it serves and keeps the failed
  message's key, so a user's failures stay in order; it keeps messages as long as its source family
  does (the spec's 7 days for commands, 30 for events, 14 for notifications), so a failure can be
  replayed for as long as the original could. The spec names no analytics dead-letter topic.
"""

from __future__ import annotations

from dataclasses import dataclass

DAY_MS = 24 * 60 * 60 * 1000

COMMANDS = "scheduling.commands"
COMMANDS_DLQ = "scheduling.commands.dead-letter"
EVENTS_CALENDAR = "scheduling.events.calendar"
EVENTS_GOALS = "scheduling.events.goals"
EVENTS_HABITS = "scheduling.events.habits"
EVENTS_DLQ = "scheduling.events.dead-letter"
NOTIFICATIONS_REMINDERS = "scheduling.notifications.reminders"
NOTIFICATIONS_CALENDAR_UPDATES = "scheduling.notifications.calendar-updates"
NOTIFICATIONS_DLQ = "scheduling.notifications.dead-letter"
ANALYTICS_USAGE = "scheduling.analytics.usage"
ANALYTICS_PERFORMANCE = "scheduling.analytics.performance"

GROUP_PRIMARY = "scheduling-worker-primary"
GROUP_EVENT_LISTENERS = "scheduling-event-listeners"
GROUP_NOTIFICATIONS = "scheduling-notifications"
GROUP_ANALYTICS = "scheduling-analytics"

USER_ID = "userId"
ORIGINAL_KEY = "key of the failed message (userId)"


@dataclass(frozen=True)
class TopicSpec:
    name: str
    partitions: int
    retention_days: int
    key: str
    purpose: str
    dead_letter: str | None = None

    @property
    def retention_ms(self) -> int:
        return self.retention_days * DAY_MS


@dataclass(frozen=True)
class ConsumerGroup:
    name: str
    topics: tuple[str, ...]
    instances: int
    purpose: str


def _t(name: str, partitions: int, days: int, key: str, purpose: str, dlq: str | None = None) -> TopicSpec:
    return TopicSpec(name, partitions, days, key, purpose, dlq)


CATALOG: tuple[TopicSpec, ...] = (
    _t(COMMANDS, 6, 7, USER_ID, "incoming scheduling commands", COMMANDS_DLQ),
    _t(COMMANDS_DLQ, 6, 7, ORIGINAL_KEY, "commands that failed processing"),
    _t(EVENTS_CALENDAR, 12, 30, USER_ID, "calendar event changes and synchronization", EVENTS_DLQ),
    _t(EVENTS_GOALS, 6, 30, USER_ID, "goal creation, updates and progress", EVENTS_DLQ),
    _t(EVENTS_HABITS, 6, 30, USER_ID, "habit tracking and completion", EVENTS_DLQ),
    _t(EVENTS_DLQ, 12, 30, ORIGINAL_KEY, "events that failed processing"),
    _t(NOTIFICATIONS_REMINDERS, 8, 14, USER_ID, "reminders to deliver", NOTIFICATIONS_DLQ),
    _t(NOTIFICATIONS_CALENDAR_UPDATES, 8, 14, USER_ID, "calendar sync notifications", NOTIFICATIONS_DLQ),
    _t(NOTIFICATIONS_DLQ, 8, 14, ORIGINAL_KEY, "notifications that failed delivery"),
    _t(ANALYTICS_USAGE, 4, 90, USER_ID, "usage analytics"),
    _t(ANALYTICS_PERFORMANCE, 4, 90, "userId, else metricType", "performance metrics and system health"),
)

CONSUMER_GROUPS: tuple[ConsumerGroup, ...] = (
    ConsumerGroup(GROUP_PRIMARY, (COMMANDS,), 3, "main command processing"),
    # The dead-letter topic is not an input: re-consuming failures would loop them.
    ConsumerGroup(
        GROUP_EVENT_LISTENERS, (EVENTS_CALENDAR, EVENTS_GOALS, EVENTS_HABITS), 2, "event-driven updates"
    ),
    ConsumerGroup(
        GROUP_NOTIFICATIONS, (NOTIFICATIONS_REMINDERS, NOTIFICATIONS_CALENDAR_UPDATES), 2, "delivery"
    ),
    ConsumerGroup(GROUP_ANALYTICS, (ANALYTICS_USAGE, ANALYTICS_PERFORMANCE), 1, "metrics collection"),
)

_BY_NAME = {spec.name: spec for spec in CATALOG}
_GROUPS_BY_NAME = {group.name: group for group in CONSUMER_GROUPS}


def topic(name: str) -> TopicSpec:
    """The catalog entry of `name`; KeyError naming the known topics when there is none."""
    try:
        return _BY_NAME[name]
    except KeyError:
        raise KeyError(f"unknown topic {name!r}; the catalog has {sorted(_BY_NAME)}") from None


def consumer_group(name: str) -> ConsumerGroup:
    try:
        return _GROUPS_BY_NAME[name]
    except KeyError:
        raise KeyError(f"unknown consumer group {name!r}; known: {sorted(_GROUPS_BY_NAME)}") from None
