"""Calendars and their events. Every change bumps the calendar's version; the version is the ETag.

Deleted events stay as cancelled tombstones so that incremental sync can report them.
"""

from __future__ import annotations

import base64
import copy
import secrets
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from . import errors
from .instances import Event, find_instance
from .rules import merge, validate
from .times import rfc3339


@dataclass
class Calendar:
    id: str
    owner: str
    time_zone: str
    events: dict[str, Event] = field(default_factory=dict)
    versions: dict[str, int] = field(default_factory=dict)
    version: int = 0


def _new_id() -> str:
    return base64.b32hexencode(secrets.token_bytes(15)).decode().lower()


class CalendarStore:
    def __init__(self, now: Callable[[], datetime]) -> None:
        self.lock = threading.RLock()
        self.calendars: dict[str, Calendar] = {}
        self.epoch = 1  # part of every sync token; bumping it invalidates them all
        self._now = now

    def add_calendar(self, calendar_id: str, owner: str, time_zone: str = "UTC") -> Calendar:
        with self.lock:
            return self.calendars.setdefault(calendar_id, Calendar(calendar_id, owner, time_zone))

    def calendar(self, calendar_id: str) -> Calendar:
        found = self.calendars.get(calendar_id)
        if found is None:
            raise errors.not_found(f"calendar {calendar_id}")
        return found

    def expire_sync_tokens(self) -> None:
        with self.lock:
            self.epoch += 1

    def current(self, calendar_id: str, event_id: str) -> Event:
        """The event as stored, or the synthesised instance of a recurring series it names."""
        with self.lock:
            cal = self.calendar(calendar_id)
            found = cal.events.get(event_id) or find_instance(event_id, cal.events, cal.time_zone)
            if found is None:
                raise errors.not_found(f"event {event_id}")
            return copy.deepcopy(found)

    def insert(self, calendar_id: str, body: Event) -> Event:
        with self.lock:
            cal = self.calendar(calendar_id)
            event_id = str(body.get("id") or _new_id())
            if event_id in cal.events:
                raise errors.ApiError(409, "duplicate", "The requested identifier already exists.")
            event = copy.deepcopy(body)
            event.update(id=event_id, kind="calendar#event", created=rfc3339(self._now()))
            event.setdefault("status", "confirmed")
            event.setdefault("iCalUID", f"{event_id}@fake.google.com")
            return self._save(cal, event)

    def patch(self, calendar_id: str, event_id: str, body: Event, if_match: str | None) -> Event:
        with self.lock:
            event = self._for_write(calendar_id, event_id, if_match)
            merge(event, {k: v for k, v in body.items() if k not in {"id", "etag", "kind"}})
            return self._save(self.calendar(calendar_id), event)

    def update(self, calendar_id: str, event_id: str, body: Event, if_match: str | None) -> Event:
        with self.lock:
            old = self._for_write(calendar_id, event_id, if_match)
            kept = ("id", "kind", "created", "iCalUID", "recurringEventId", "originalStartTime")
            event = {k: v for k, v in copy.deepcopy(body).items() if k != "etag"}
            event.update({key: old[key] for key in kept if key in old})
            event.setdefault("status", "confirmed")
            return self._save(self.calendar(calendar_id), event)

    def delete(self, calendar_id: str, event_id: str, if_match: str | None) -> None:
        with self.lock:
            event = self._for_write(calendar_id, event_id, if_match)
            if event.get("status") == "cancelled":
                raise errors.ApiError(410, "deleted", "Resource has been deleted")
            event["status"] = "cancelled"
            self._save(self.calendar(calendar_id), event)

    def _for_write(self, calendar_id: str, event_id: str, if_match: str | None) -> Event:
        event = self.current(calendar_id, event_id)
        if if_match is not None and if_match not in {"*", event.get("etag")}:
            raise errors.precondition_failed()
        return event

    def _save(self, cal: Calendar, event: Event) -> Event:
        validate(event, cal.time_zone)
        cal.version += 1
        event.update(etag=f'"{cal.version}"', updated=rfc3339(self._now()))
        cal.events[event["id"]] = event
        cal.versions[event["id"]] = cal.version
        return copy.deepcopy(event)
