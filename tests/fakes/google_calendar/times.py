"""Event times as Google writes them: `{"dateTime": ..., "timeZone": ...}` or `{"date": ...}` (all day)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

from .errors import bad_request


def parse_instant(text: str) -> datetime:
    """An RFC 3339 timestamp; naive values are refused, as Google refuses them."""
    try:
        value = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError as exc:
        raise bad_request(f"Invalid value {text!r}: expected an RFC 3339 timestamp") from exc
    if value.tzinfo is None:
        raise bad_request(f"Invalid value {text!r}: a time zone offset is required")
    return value.astimezone(UTC)


def event_zone(when: dict[str, Any], calendar_zone: str) -> ZoneInfo:
    return ZoneInfo(str(when.get("timeZone") or calendar_zone))


def to_utc(when: dict[str, Any], calendar_zone: str) -> datetime:
    """The instant a start or end denotes; an all-day date starts at midnight in the calendar's zone."""
    if "dateTime" in when:
        return parse_instant(str(when["dateTime"]))
    if "date" in when:
        day = date.fromisoformat(str(when["date"]))
        return datetime.combine(day, time(0), ZoneInfo(calendar_zone)).astimezone(UTC)
    raise bad_request("Missing time: an event time needs dateTime or date")


def span(body: dict[str, Any], calendar_zone: str) -> tuple[datetime, datetime]:
    return to_utc(body["start"], calendar_zone), to_utc(body["end"], calendar_zone)


def local_text(instant: datetime, zone: ZoneInfo) -> str:
    return instant.astimezone(zone).isoformat()


def rfc3339(instant: datetime) -> str:
    return instant.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")
