"""Instances of recurring events: synthesised from the series, replaced by stored exceptions.

Like Google, an instance id is `<seriesId>_<start in UTC, basic format>` and a changed or cancelled
instance is stored as its own event (an exception) carrying `recurringEventId` and `originalStartTime`.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

from .rrule import occurrences
from .times import event_zone, local_text, span

Event = dict[str, Any]


def instance_id(series_id: str, start: datetime) -> str:
    return f"{series_id}_{start.astimezone(UTC):%Y%m%dT%H%M%SZ}"


def synthesize(series: Event, start: datetime, calendar_zone: str) -> Event:
    """The untouched instance of `series` that starts at `start` (UTC)."""
    first, last = span(series, calendar_zone)
    zone = event_zone(series["start"], calendar_zone)
    body = {key: copy.deepcopy(value) for key, value in series.items() if key != "recurrence"}
    when = {"dateTime": local_text(start, zone), "timeZone": str(zone)}
    body.update(
        id=instance_id(series["id"], start),
        recurringEventId=series["id"],
        originalStartTime=dict(when),
        start=when,
        end={"dateTime": local_text(start + (last - first), zone), "timeZone": str(zone)},
    )
    return body


def series_starts(series: Event, calendar_zone: str) -> Iterator[datetime]:
    first, _ = span(series, calendar_zone)
    return occurrences(series["recurrence"], first, event_zone(series["start"], calendar_zone))


def expand(series: Event, stored: dict[str, Event], calendar_zone: str) -> Iterator[Event]:
    """Every instance of the series in order, exceptions (also cancelled ones) in place of the originals."""
    for start in series_starts(series, calendar_zone):
        key = instance_id(series["id"], start)
        yield stored.get(key) or synthesize(series, start, calendar_zone)


def find_instance(event_id: str, stored: dict[str, Event], calendar_zone: str) -> Event | None:
    """The synthesised instance an id names, or None when the id names no instance of a stored series."""
    series_id, _, stamp = event_id.rpartition("_")
    series = stored.get(series_id)
    if not series or "recurrence" not in series or series.get("status") == "cancelled":
        return None
    try:
        wanted = datetime.strptime(stamp, "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
    except ValueError:
        return None
    for start in series_starts(series, calendar_zone):
        if start >= wanted:
            return synthesize(series, start, calendar_zone) if start == wanted else None
    return None


def tombstone(event: Event) -> Event:
    """What incremental sync shows of a cancelled event: its identity and status, little else."""
    keep = ("kind", "etag", "id", "status", "recurringEventId", "originalStartTime", "updated")
    return {key: event[key] for key in keep if key in event}


def overlaps(event: Event, calendar_zone: str, window: tuple[datetime | None, datetime | None]) -> bool:
    start, end = span(event, calendar_zone)
    low, high = window
    return (low is None or end > low) and (high is None or start < high)
