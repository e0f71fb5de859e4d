"""The saga's blocking steps against Google (run in a worker thread: the client library is blocking)."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import timedelta

from actors.calendar.edge import CalendarEdge
from actors.calendar.link import CalendarLink
from actors.calendar.replan import Plan, UserChange
from actors.google_calendar.apply_plan import UserEdit, WriteReport, apply_plan
from actors.google_calendar.blocks import desired_blocks
from actors.google_calendar.channels import for_user
from actors.google_calendar.client import UserCalendar
from actors.google_calendar.errors import GoogleCalendarError
from actors.google_calendar.events import GoogleEvent
from actors.google_calendar.mirror import MirrorUpdate
from actors.google_calendar.sync import Horizon, SyncResult, sync
from actors.google_calendar.watch import open_channel, stop_user
from actors.google_calendar.write_plan import plan_writes
from actors.google_calendar.writeback import list_worker_blocks

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Fetched:
    calendar: UserCalendar
    result: SyncResult


def fetch(
    edge: CalendarEdge, user_id: str, link: CalendarLink, token: str | None, horizon: Horizon
) -> Fetched:
    calendar = edge.calendar_for(user_id, link)
    return Fetched(calendar, sync(calendar, token, horizon))


def inside(plan: Plan, horizon: Horizon) -> Plan:
    return tuple(b for b in plan if b.end > horizon.start and b.start < horizon.end)


def write_back(calendar: UserCalendar, plan: Plan, horizon: Horizon) -> WriteReport:
    """The fewest writes that make the calendar show the plan within the horizon."""
    existing = list_worker_blocks(calendar, horizon)
    return apply_plan(calendar, plan_writes(existing, desired_blocks(inside(plan, horizon))))


def ensure_channel(edge: CalendarEdge, calendar: UserCalendar, user_id: str) -> bool:
    """Opens a watch channel for a user who has none (push configured); True when one was opened."""
    if edge.channels is None or for_user(edge.channels, user_id):
        return False
    ttl = timedelta(seconds=edge.settings.channel_ttl_s)
    try:
        open_channel(calendar, edge.channels, user_id, edge.settings.push_address, ttl)
    except GoogleCalendarError as failed:  # the sync stands; the next one tries again
        log.warning("could not open a watch channel for a user: %s", failed)
        return False
    return True


def drop_channels(edge: CalendarEdge, user_id: str, link: CalendarLink) -> int:
    """Stops the user's channels; with the grant gone the records go and the channels lapse."""
    if edge.channels is None:
        return 0
    return stop_user(edge.calendar_for(user_id, link), edge.channels, user_id)


def _change(block_id: str, event: GoogleEvent | None) -> UserChange:
    if event is None or event.cancelled or event.start is None or event.end is None:
        return UserChange(block_id, deleted=True)
    return UserChange(block_id, deleted=False, title=event.summary, start=event.start, end=event.end)


def _new(plan: Plan, changes: Iterable[UserChange]) -> dict[str, UserChange]:
    """Changes not yet respected: a block already pinned where the user left it is no news."""
    blocks = {b.event_id: b for b in plan}
    fresh = {}
    for change in changes:
        block = blocks.get(change.block_id)
        if block is None:
            continue
        same = block.pinned and (block.title, block.start, block.end) == (
            change.title,
            change.start,
            change.end,
        )
        if not same:
            fresh[change.block_id] = change
    return fresh


def mirror_changes(
    update: MirrorUpdate, plan: Plan, by_google_id: Mapping[str, str]
) -> dict[str, UserChange]:
    edited = [_change(e.block_id, e) for e in update.edited_blocks if e.block_id]
    deleted = [_change(by_google_id[i], None) for i in update.deleted_blocks if i in by_google_id]
    return _new(plan, [*edited, *deleted])


def write_edits(plan: Plan, edits: Iterable[UserEdit]) -> dict[str, UserChange]:
    return _new(plan, [_change(edit.block_id, edit.event) for edit in edits])
