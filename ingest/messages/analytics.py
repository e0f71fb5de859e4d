"""Usage analytics and performance metrics the worker reports."""

from __future__ import annotations

from pydantic import Field

from ingest.messages.base import Versioned, WireModel
from ingest.messages.enums import MetricType, UsageEventType
from ingest.messages.types import Amount, Id, UtcDatetime


class UsageMetadata(WireModel):
    """Context of a usage event. `userAgent` and `ipAddress` are sensitive.

    The scheduling worker has no client session: it never writes `sessionId`, `userAgent` or
    `ipAddress`, only the id of the habit or goal concerned."""

    session_id: str | None = None
    """Client session."""
    user_agent: str | None = None
    """Client software (sensitive)."""
    ip_address: str | None = None
    """Client address (sensitive)."""
    habit_id: Id | None = None
    """The habit completed, for HABIT_COMPLETED."""
    goal_id: Id | None = None
    """The goal created, for GOAL_CREATED."""


class UsageAnalytics(Versioned):
    """Something a user did (topic `scheduling.analytics.usage`)."""

    user_id: Id
    """The user; the Kafka key."""
    event_type: UsageEventType
    """What the user did."""
    metadata: UsageMetadata = UsageMetadata()
    """Context of the action."""
    timestamp: UtcDatetime
    """When it happened."""


LabelValue = str | int | float | bool


class PerformanceMetric(Versioned):
    """One measurement of the system (topic `scheduling.analytics.performance`)."""

    metric_type: MetricType
    """What was measured."""
    value: Amount
    """The measurement, in `unit` (a whole number is written as an integer)."""
    unit: str = Field(min_length=1)
    """Unit of `value`, such as 'milliseconds'."""
    labels: dict[str, LabelValue] = Field(default_factory=dict)
    """Dimensions of the measurement, such as endpoint, method and statusCode."""
    timestamp: UtcDatetime
    """When it was measured."""
