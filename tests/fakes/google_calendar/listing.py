"""events.list: full listings, incremental listings since a sync token, and paging.

Incremental results hold every event whose version is newer than the token's, cancelled ones as
tombstones. A listing is computed once and its later pages are served from a cache, so pages stay
consistent while the calendar changes. `nextSyncToken` comes on the last page only.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable

from . import errors
from .instances import Event, expand, overlaps, tombstone
from .query import Query, encode_sync_token, parse_query, since_version
from .store import Calendar, CalendarStore


def _tagged(event: Event, private: tuple[tuple[str, str], ...]) -> bool:
    props = event.get("extendedProperties", {}).get("private", {})
    return all(props.get(key) == value for key, value in private)


def _full(cal: Calendar, q: Query) -> Iterable[Event]:
    for event in cal.events.values():
        cancelled = event.get("status") == "cancelled"
        if "recurringEventId" in event:
            # Unexpanded listings show cancelled instances as exceptions; expansion handles them otherwise.
            if not q.single_events and (cancelled or overlaps(event, cal.time_zone, q.window)):
                yield event
        elif cancelled:
            if q.show_deleted:
                yield event
        elif "recurrence" in event and q.single_events:
            for one in expand(event, cal.events, cal.time_zone):
                visible = q.show_deleted or one.get("status") != "cancelled"
                if visible and overlaps(one, cal.time_zone, q.window):
                    yield one
        elif "recurrence" in event or overlaps(event, cal.time_zone, q.window):
            yield event


def _changes(cal: Calendar, q: Query, since: int) -> Iterable[Event]:
    changed = sorted((v, eid) for eid, v in cal.versions.items() if v > since)
    for _, event_id in changed:
        event = cal.events[event_id]
        series = event.get("recurringEventId")
        if series and q.single_events and cal.versions.get(series, 0) > since:
            continue  # the changed series below lists this instance already
        if event.get("status") == "cancelled":
            yield tombstone(event)
        elif "recurrence" in event and q.single_events:
            for one in expand(event, cal.events, cal.time_zone):
                yield tombstone(one) if one.get("status") == "cancelled" else one
        else:
            yield event


class Lister:
    def __init__(self, store: CalendarStore) -> None:
        self.store = store
        self._pages: dict[str, tuple[list[Event], str]] = {}

    def list_events(self, calendar_id: str, params: dict[str, list[str]]) -> dict[str, object]:
        q = parse_query(params)
        with self.store.lock:
            cal = self.store.calendar(calendar_id)
            if q.page_token is not None:
                if q.page_token not in self._pages:
                    raise errors.bad_request("Invalid page token value.")
                items, sync_token = self._pages.pop(q.page_token)
            else:
                found = (
                    _changes(cal, q, since_version(q.sync_token, cal.id, self.store.epoch))
                    if q.sync_token
                    else _full(cal, q)
                )
                items = [dict(event) for event in found if _tagged(event, q.private)]
                sync_token = encode_sync_token(cal.id, cal.version, self.store.epoch)
            return self._page(cal, items, sync_token, q.max_results)

    def _page(self, cal: Calendar, items: list[Event], sync_token: str, size: int) -> dict[str, object]:
        page: dict[str, object] = {"kind": "calendar#events", "summary": cal.id, "timeZone": cal.time_zone}
        page.update(accessRole="owner", defaultReminders=[], items=items[:size], etag=f'"{cal.version}"')
        if len(items) > size:
            token = secrets.token_urlsafe(12)
            self._pages[token] = (items[size:], sync_token)
            page["nextPageToken"] = token
        else:
            page["nextSyncToken"] = sync_token
        return page
