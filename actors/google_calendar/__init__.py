"""The Google Calendar edge: reading users' calendars, writing the worker's blocks back, push channels.

Everything talks to Google through the real google-api-python-client, and every request goes through
`CalendarCalls` (the spec's retry policy and a circuit breaker). docs/google-calendar.md explains the
semantics; the names below are the public surface.
"""

from actors.google_calendar.apply_plan import UserEdit, WriteReport, apply_plan
from actors.google_calendar.blocks import DesiredBlock, PlacedBlock, desired_blocks
from actors.google_calendar.breaker import GAUGE_VALUE, BreakerSettings, BreakerState, CircuitBreaker
from actors.google_calendar.calls import CalendarCalls
from actors.google_calendar.channels import ChannelStore, MemoryChannelStore, WatchChannel, due_for_renewal
from actors.google_calendar.client import (
    CALENDAR_EVENTS_SCOPE,
    GoogleCalendarSettings,
    OAuthGrant,
    UserCalendar,
    build_service,
    connect,
)
from actors.google_calendar.errors import (
    CalendarApiError,
    CircuitOpen,
    FullSyncRequired,
    GoogleCalendarError,
    ReconnectNeeded,
    UserEdited,
)
from actors.google_calendar.events import GoogleEvent, google_event_id
from actors.google_calendar.mirror import MirrorUpdate, apply_sync, colliding_blocks
from actors.google_calendar.outcomes import calendar_outcomes
from actors.google_calendar.push import PushReceiver, answer_notification
from actors.google_calendar.sync import Deletion, Horizon, SyncResult, sync, sync_events
from actors.google_calendar.watch import open_channel, renew, stop_channel, stop_user
from actors.google_calendar.write_plan import WritePlan, plan_writes
from actors.google_calendar.writeback import delete_block, find_block, list_worker_blocks, upsert_block

__all__ = [
    "CALENDAR_EVENTS_SCOPE",
    "GAUGE_VALUE",
    "BreakerSettings",
    "BreakerState",
    "CalendarApiError",
    "CalendarCalls",
    "ChannelStore",
    "CircuitBreaker",
    "CircuitOpen",
    "Deletion",
    "DesiredBlock",
    "FullSyncRequired",
    "GoogleCalendarError",
    "GoogleCalendarSettings",
    "GoogleEvent",
    "Horizon",
    "MemoryChannelStore",
    "MirrorUpdate",
    "OAuthGrant",
    "PlacedBlock",
    "PushReceiver",
    "ReconnectNeeded",
    "SyncResult",
    "UserCalendar",
    "UserEdit",
    "UserEdited",
    "WatchChannel",
    "WritePlan",
    "WriteReport",
    "answer_notification",
    "apply_plan",
    "apply_sync",
    "build_service",
    "calendar_outcomes",
    "colliding_blocks",
    "connect",
    "delete_block",
    "desired_blocks",
    "due_for_renewal",
    "find_block",
    "google_event_id",
    "list_worker_blocks",
    "open_channel",
    "plan_writes",
    "renew",
    "stop_channel",
    "stop_user",
    "sync",
    "sync_events",
    "upsert_block",
]
