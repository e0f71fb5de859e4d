"""Wire messages of the Kafka topics: pydantic models, their codec, JSON Schema and typed errors.

Field names are camelCase on the wire and snake_case in Python. See docs/messages.md.
"""

from ingest.messages.analytics import PerformanceMetric, UsageAnalytics, UsageMetadata
from ingest.messages.base import Versioned, WireModel
from ingest.messages.catalog import ALL_DOCUMENTS, MESSAGE_MODELS, TASK_DATA_DOCUMENTS
from ingest.messages.codec import MAX_MESSAGE_BYTES, decode, decode_command, encode
from ingest.messages.command import Command, CommandPayload
from ingest.messages.dead_letter import DeadLetter, FailedRecord, Header
from ingest.messages.enums import (
    CalendarEventType,
    CalendarUpdateType,
    Channel,
    EventSource,
    Frequency,
    GoalEventType,
    GoalType,
    HabitEventType,
    MetricType,
    NotificationType,
    Priority,
    TaskType,
    UsageEventType,
)
from ingest.messages.errors import (
    MalformedMessage,
    MessageError,
    MessageTooLarge,
    SchemaViolation,
    UnsupportedVersion,
)
from ingest.messages.events import (
    CalendarEventData,
    CalendarEventMessage,
    EventTime,
    GoalData,
    GoalEventMessage,
    HabitData,
    HabitEventMessage,
)
from ingest.messages.ids import derive_id
from ingest.messages.keys import message_key
from ingest.messages.notifications import (
    CalendarUpdateNotification,
    NotificationContent,
    ReminderNotification,
    SyncDetails,
)
from ingest.messages.parts import Progress, Streak
from ingest.messages.schemas import render_schemas, write_schemas
from ingest.messages.task_data import (
    OptimizeScheduleData,
    ScheduleHabitsData,
    SyncCalendarData,
    TaskData,
    parse_task_data,
)
from ingest.messages.types import Base64Bytes, Id, UtcDatetime
from ingest.messages.unknown import unknown_fields

__all__ = [
    "ALL_DOCUMENTS",
    "MAX_MESSAGE_BYTES",
    "MESSAGE_MODELS",
    "TASK_DATA_DOCUMENTS",
    "Base64Bytes",
    "CalendarEventData",
    "CalendarEventMessage",
    "CalendarEventType",
    "CalendarUpdateNotification",
    "CalendarUpdateType",
    "Channel",
    "Command",
    "CommandPayload",
    "DeadLetter",
    "EventSource",
    "EventTime",
    "FailedRecord",
    "Frequency",
    "GoalData",
    "GoalEventMessage",
    "GoalEventType",
    "GoalType",
    "HabitData",
    "HabitEventMessage",
    "HabitEventType",
    "Header",
    "Id",
    "MalformedMessage",
    "MessageError",
    "MessageTooLarge",
    "MetricType",
    "NotificationContent",
    "NotificationType",
    "OptimizeScheduleData",
    "PerformanceMetric",
    "Priority",
    "Progress",
    "ReminderNotification",
    "ScheduleHabitsData",
    "SchemaViolation",
    "Streak",
    "SyncCalendarData",
    "SyncDetails",
    "TaskData",
    "TaskType",
    "UnsupportedVersion",
    "UsageAnalytics",
    "UsageEventType",
    "UsageMetadata",
    "UtcDatetime",
    "Versioned",
    "WireModel",
    "decode",
    "decode_command",
    "derive_id",
    "encode",
    "message_key",
    "parse_task_data",
    "render_schemas",
    "unknown_fields",
    "write_schemas",
]
