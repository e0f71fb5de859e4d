"""Whose word counts for the stored calendar copy of a connected user: Google's, then the commands'.

For a user with a calendar link the stored events are Google's (kept by the sync) plus the events that
schedule commands brought themselves (source API, their ids in `CalendarLink.api_events`). A schedule
command cannot change or delete Google's events: a request event whose id Google's copy holds is
ignored, the rest replace the previous API events (the product owns them, so an event it no longer
sends is gone, exactly as for a user without a link). A sync never touches API events, unless Google
later shows an event with the same id: then Google's wins. Users without a link keep the request's events
as their copy.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from actors.requests import ScheduleRequest
from actors.state import UserState
from optimizer.domain import CalendarEvent

Events = tuple[CalendarEvent, ...]


def _ordered(events: Iterable[CalendarEvent]) -> Events:
    return tuple(sorted(events, key=lambda e: (e.start, e.id)))


def split_copy(state: UserState) -> tuple[Events, Events]:
    """The stored copy as (Google's events, API events)."""
    api = set(state.calendar_link.api_events) if state.calendar_link else set()
    return (
        tuple(e for e in state.events if e.id not in api),
        tuple(e for e in state.events if e.id in api),
    )


def with_api_events(google: Iterable[CalendarEvent], api: Iterable[CalendarEvent], now: datetime) -> Events:
    """Google's events and the API events still ahead whose ids Google does not use."""
    ours = {e.id: e for e in google}
    brought = {e.id: e for e in api if e.id not in ours and e.end > now}
    return _ordered([*ours.values(), *brought.values()])


def api_ids(state: UserState, events: Iterable[CalendarEvent]) -> tuple[str, ...]:
    google = {e.id for e in split_copy(state)[0]}
    return tuple(sorted({e.id for e in events if e.id not in google}))


def with_synced_copy(state: UserState, request: ScheduleRequest) -> ScheduleRequest:
    """The request with the stored Google events in place of any version of them it carries."""
    if state.calendar_link is None:
        return request
    google, _ = split_copy(state)
    events = with_api_events(google, request.instance.events, request.instance.now)
    return request.model_copy(update={"instance": request.instance.model_copy(update={"events": events})})


def record_api_events(before: UserState, after: UserState) -> UserState:
    """`after` (its events from the merged request) with the API events' ids kept on the link."""
    link = after.calendar_link
    if link is None:
        return after
    ids = api_ids(before, after.events)
    return after.model_copy(update={"calendar_link": link.model_copy(update={"api_events": ids})})


def after_sync(state: UserState, google: Events, now: datetime) -> tuple[Events, tuple[str, ...]]:
    """The copy once a sync left Google's events as `google`: those, the API events still ahead whose
    ids Google does not use, and those API events' ids."""
    events = with_api_events(google, split_copy(state)[1], now)
    taken = {e.id for e in google}
    return events, tuple(sorted(e.id for e in events if e.id not in taken))
