"""Reading a calendar: a full sync over the horizon, then incremental syncs from the stored token.

Recurring events come expanded (`singleEvents=true`), so every instance is an interval the optimizer
can use. Google forbids time bounds together with a sync token, so incremental changes outside the
horizon arrive too: they are listed in `departed`, not as upserts. Every page is followed; the token
kept is the one on the last page. A 410 means the token is gone: `sync()` then syncs fully and sets
`full`, which tells the caller to replace its copy rather than patch it.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import Any

from pydantic import AwareDatetime, BaseModel, ConfigDict, model_validator

from actors.google_calendar.client import UserCalendar
from actors.google_calendar.errors import CalendarApiError, FullSyncRequired
from actors.google_calendar.events import GoogleEvent, parse_event

log = logging.getLogger(__name__)
PAGE_SIZE = 250


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Horizon(_Frozen):
    start: AwareDatetime
    end: AwareDatetime

    @model_validator(mode="after")
    def _ordered(self) -> Horizon:
        if self.end <= self.start:
            raise ValueError(f"horizon end {self.end} must be after its start {self.start}")
        return self


class Deletion(_Frozen):
    """A cancelled event. With `recurring_event_id` it is one cancelled instance of a series (an
    exception); a deleted series arrives as the series id alone and takes all its instances with it."""

    event_id: str
    recurring_event_id: str | None = None
    original_start: AwareDatetime | None = None


class SyncResult(_Frozen):
    upserts: tuple[GoogleEvent, ...] = ()
    deletions: tuple[Deletion, ...] = ()
    departed: tuple[str, ...] = ()
    next_sync_token: str
    full: bool
    restarted: bool = False  # a full sync forced by a 410 on the stored token
    pages: int = 1

    @property
    def events_processed(self) -> int:
        return len(self.upserts) + len(self.deletions) + len(self.departed)


def rfc3339(instant: datetime) -> str:
    return instant.astimezone(UTC).isoformat().replace("+00:00", "Z")


def _list_all(calendar: UserCalendar, params: dict[str, Any]) -> tuple[list[GoogleEvent], str, int]:
    """Events of every page (a later page wins), the last page's nextSyncToken, and the page count."""
    events: dict[str, GoogleEvent] = {}
    page_token: str | None = None
    pages = 0
    while True:
        try:
            page = calendar.execute(calendar.events().list(**params, pageToken=page_token), "events.list")
        except CalendarApiError as failed:
            if failed.status == 410:
                raise FullSyncRequired(calendar.calendar_id) from failed
            raise
        pages += 1
        zone = str(page.get("timeZone") or "UTC")
        events.update((str(item["id"]), parse_event(item, zone)) for item in page.get("items", []))
        page_token = page.get("nextPageToken")
        if not page_token:
            return list(events.values()), str(page.get("nextSyncToken") or ""), pages


def _deletion(event: GoogleEvent) -> Deletion:
    return Deletion(
        event_id=event.id, recurring_event_id=event.recurring_event_id, original_start=event.original_start
    )


def sync_events(
    calendar: UserCalendar, sync_token: str | None, horizon: Horizon, page_size: int = PAGE_SIZE
) -> SyncResult:
    """One sync; raises `FullSyncRequired` when Google refuses the token."""
    params: dict[str, Any] = {"calendarId": calendar.calendar_id, "singleEvents": True}
    params["maxResults"] = page_size
    if sync_token is None:
        params.update(timeMin=rfc3339(horizon.start), timeMax=rfc3339(horizon.end))
    else:
        params["syncToken"] = sync_token
    events, next_token, pages = _list_all(calendar, params)
    if not next_token:
        message = "the last page carried no nextSyncToken"
        raise CalendarApiError(
            "events.list", 200, "noSyncToken", message, retryable=True, dependency_failure=False
        )
    live = [event for event in events if not event.cancelled]
    inside = [event for event in live if event.overlaps(horizon.start, horizon.end)]
    return SyncResult(
        upserts=tuple(inside),
        deletions=tuple(_deletion(event) for event in events if event.cancelled),
        departed=tuple(event.id for event in live if not event.overlaps(horizon.start, horizon.end)),
        next_sync_token=next_token,
        full=sync_token is None,
        pages=pages,
    )


def sync(
    calendar: UserCalendar, sync_token: str | None, horizon: Horizon, page_size: int = PAGE_SIZE
) -> SyncResult:
    """Incremental when a token is stored; on a 410 it wipes (`full`) and resyncs from scratch."""
    if sync_token is not None:
        try:
            return sync_events(calendar, sync_token, horizon, page_size)
        except FullSyncRequired:
            log.info("stored sync token refused (410); wiping and syncing fully")
            return sync_events(calendar, None, horizon, page_size).model_copy(update={"restarted": True})
    return sync_events(calendar, None, horizon, page_size)
