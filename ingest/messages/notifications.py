"""Notifications the worker asks other services to deliver to users."""

from __future__ import annotations

from pydantic import Field

from ingest.messages.base import Versioned, WireModel
from ingest.messages.enums import CalendarUpdateType, Channel, NotificationType, Priority
from ingest.messages.types import Id, UtcDatetime


class NotificationContent(WireModel):
    """What the user reads. The whole content is sensitive."""

    title: str
    """Headline."""
    message: str
    """Body text."""
    action_url: str | None = None
    """Where a tap or click leads."""


class ReminderNotification(Versioned):
    """A reminder to deliver at `scheduledFor` (topic `scheduling.notifications.reminders`)."""

    notification_id: Id
    """Unique id; a redelivered reminder with a known id is not sent twice."""
    user_id: Id
    """Recipient; the Kafka key."""
    type: NotificationType
    """What the reminder is about."""
    channel: Channel
    """How to deliver it."""
    priority: Priority = Priority.NORMAL
    """Delivery urgency."""
    content: NotificationContent
    """What the user reads (sensitive)."""
    scheduled_for: UtcDatetime
    """When to deliver."""
    timestamp: UtcDatetime
    """When the reminder was created."""


class SyncDetails(WireModel):
    """Counts of a calendar sync."""

    events_processed: int = Field(default=0, ge=0)
    """Calendar events read."""
    conflicts_resolved: int = Field(default=0, ge=0)
    """Conflicts settled."""
    errors: tuple[str, ...] = ()
    """Human-readable problems met during the sync."""


class CalendarUpdateNotification(Versioned):
    """The outcome of a calendar sync (topic `scheduling.notifications.calendar-updates`)."""

    user_id: Id
    """Owner of the calendar; the Kafka key."""
    update_type: CalendarUpdateType
    """What happened."""
    details: SyncDetails = SyncDetails()
    """Counts and errors."""
    timestamp: UtcDatetime
    """When the sync ended."""
