"""Writing the worker's blocks to the user's calendar without duplicates and without clobbering edits.

A block's event has a Google id derived from the block id and carries the block id as a private tag, so
it is found again by tag, and a replayed insert collides (409) instead of duplicating. Updates and
deletes send the ETag we read as If-Match: a 412 means the user changed the event in between, and
`UserEdited` carries their version. A block the user deleted is not re-created (their delete wins).
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

from actors.google_calendar.blocks import DesiredBlock, insert_body, patch_body
from actors.google_calendar.client import UserCalendar
from actors.google_calendar.errors import CalendarApiError, UserEdited
from actors.google_calendar.events import BLOCK_TAG, OWNER_TAG, GoogleEvent, parse_event
from actors.google_calendar.sync import Horizon, rfc3339

Change = Literal["CREATED", "UPDATED", "UNCHANGED"]


class BlockWrite(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    event: GoogleEvent
    change: Change


def _list(calendar: UserCalendar, tag: str, horizon: Horizon | None) -> list[GoogleEvent]:
    params: dict[str, Any] = {"calendarId": calendar.calendar_id, "privateExtendedProperty": tag}
    if horizon is not None:
        params.update(timeMin=rfc3339(horizon.start), timeMax=rfc3339(horizon.end))
    found: list[GoogleEvent] = []
    page_token = None
    while True:
        page = calendar.execute(
            calendar.events().list(**params, pageToken=page_token), "events.list (blocks)"
        )
        found += [parse_event(item, str(page.get("timeZone") or "UTC")) for item in page.get("items", [])]
        page_token = page.get("nextPageToken")
        if not page_token:
            return found


def list_worker_blocks(calendar: UserCalendar, horizon: Horizon | None = None) -> list[GoogleEvent]:
    """Every live worker block on the calendar (within the horizon, if given), in one listing."""
    return _list(calendar, f"{OWNER_TAG[0]}={OWNER_TAG[1]}", horizon)


def find_block(calendar: UserCalendar, block_id: str) -> GoogleEvent | None:
    return next(iter(_list(calendar, f"{BLOCK_TAG}={block_id}", None)), None)


def _fresh(calendar: UserCalendar, event_id: str) -> GoogleEvent | None:
    try:
        item = calendar.execute(
            calendar.events().get(calendarId=calendar.calendar_id, eventId=event_id), "events.get"
        )
    except CalendarApiError as failed:
        if failed.status in {404, 410}:
            return None
        raise
    return parse_event(item)


def _conditional(calendar: UserCalendar, request: Any, event: GoogleEvent, block_id: str, what: str) -> Any:
    request.headers["If-Match"] = event.etag
    try:
        return calendar.execute(request, what)
    except CalendarApiError as failed:
        if failed.status == 412:
            raise UserEdited(block_id, _fresh(calendar, event.id)) from failed
        raise


def upsert_block(
    calendar: UserCalendar, block: DesiredBlock, known: GoogleEvent | None = None, *, listed: bool = False
) -> BlockWrite:
    """Shows `block` on the calendar. `known` is its event as last read; `listed` says a fresh listing
    found none, so no lookup is needed. A replay writes nothing: it finds the block shown already."""
    event = known if known is not None or listed else find_block(calendar, block.block_id)
    if event is None:
        body = insert_body(block)
        try:
            item = calendar.execute(
                calendar.events().insert(calendarId=calendar.calendar_id, body=body), "events.insert"
            )
            return BlockWrite(event=parse_event(item), change="CREATED")
        except CalendarApiError as failed:
            if failed.status != 409:
                raise
            event = _fresh(calendar, block.google_id)  # inserted before (a replay), or deleted by the user
            if event is None or event.cancelled:
                raise UserEdited(block.block_id, event) from failed
    if event.user_edited:
        raise UserEdited(block.block_id, event)
    if block.shown_by(event):
        return BlockWrite(event=event, change="UNCHANGED")
    request = calendar.events().patch(
        calendarId=calendar.calendar_id, eventId=event.id, body=patch_body(block)
    )
    item = _conditional(calendar, request, event, block.block_id, "events.patch")
    return BlockWrite(event=parse_event(item), change="UPDATED")


def delete_block(calendar: UserCalendar, block_id: str, known: GoogleEvent | None = None) -> bool:
    """Removes a block's event; False when it was already gone. A user-edited block is left in place."""
    event = known or find_block(calendar, block_id)
    if event is None or event.cancelled:
        return False
    if event.user_edited:
        raise UserEdited(block_id, event)
    request = calendar.events().delete(calendarId=calendar.calendar_id, eventId=event.id)
    try:
        _conditional(calendar, request, event, block_id, "events.delete")
    except CalendarApiError as failed:
        if failed.status in {404, 410}:
            return False
        raise
    return True
