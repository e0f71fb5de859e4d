"""The Kafka key of each message: what keeps related messages in order on one partition."""

from __future__ import annotations

from ingest.messages.analytics import PerformanceMetric
from ingest.messages.base import Versioned
from ingest.messages.dead_letter import DeadLetter


def message_key(message: Versioned) -> bytes | None:
    """`userId` for user messages; the failed record's own key for a dead letter (so a user's
    failures stay in order too); `metricType` for a performance metric, which has no user."""
    if isinstance(message, DeadLetter):
        return message.original_key
    if isinstance(message, PerformanceMetric):
        return message.metric_type.value.encode()
    user_id = getattr(message, "user_id", None)
    if not isinstance(user_id, str):
        raise TypeError(f"{type(message).__name__} has no user id to key it by")
    return user_id.encode()
