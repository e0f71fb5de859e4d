"""The basic RRULE subset the fake expands: FREQ=DAILY|WEEKLY with INTERVAL, COUNT, UNTIL and BYDAY.

Occurrences step in local wall time of the event's zone, so a 09:00 series stays at 09:00 across DST.
A rule with neither COUNT nor UNTIL is expanded for at most `OPEN_ENDED_DAYS` after the series start.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from .errors import bad_request

OPEN_ENDED_DAYS = 400
_WEEKDAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]


def parse_rule(lines: list[str]) -> dict[str, str]:
    """The RRULE line of an event's `recurrence`, as a dict; other lines (EXDATE...) are refused."""
    rules = [line for line in lines if line.startswith("RRULE:")]
    if len(rules) != 1 or len(rules) != len(lines):
        raise bad_request("Invalid recurrence: the fake supports exactly one RRULE line")
    parts = dict(item.split("=", 1) for item in rules[0][len("RRULE:") :].split(";") if "=" in item)
    if parts.get("FREQ") not in {"DAILY", "WEEKLY"}:
        raise bad_request(f"Invalid recurrence rule {rules[0]!r}: FREQ must be DAILY or WEEKLY")
    if any(day not in _WEEKDAYS for day in _by_day(parts)):
        raise bad_request(f"Invalid recurrence rule {rules[0]!r}: bad BYDAY")
    return parts


def _by_day(parts: dict[str, str]) -> list[str]:
    return [day for day in parts.get("BYDAY", "").split(",") if day]


def _until(parts: dict[str, str], zone: ZoneInfo) -> datetime | None:
    text = parts.get("UNTIL")
    if text is None:
        return None
    if "T" in text:
        return datetime.strptime(text, "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
    return datetime.combine(
        date.fromisoformat(f"{text[:4]}-{text[4:6]}-{text[6:]}"), datetime.max.time(), zone
    )


def _candidates(parts: dict[str, str], first: datetime) -> Iterator[datetime]:
    interval = int(parts.get("INTERVAL", "1"))
    naive = first.replace(tzinfo=None)
    if parts["FREQ"] == "DAILY":
        step = 0
        while True:
            yield naive + timedelta(days=step * interval)
            step += 1
    days = _by_day(parts) or [_WEEKDAYS[naive.weekday()]]
    week_start = naive - timedelta(days=naive.weekday())
    week = 0
    while True:
        base = week_start + timedelta(weeks=week * interval)
        for offset in sorted(_WEEKDAYS.index(day) for day in days):
            candidate = base + timedelta(days=offset)
            if candidate >= naive:
                yield candidate
        week += 1


def occurrences(lines: list[str], first: datetime, zone: ZoneInfo) -> Iterator[datetime]:
    """Start instants (UTC) of a series whose first start is `first` (aware) in `zone`."""
    parts = parse_rule(lines)
    count = int(parts["COUNT"]) if "COUNT" in parts else None
    until = _until(parts, zone)
    stop = first + timedelta(days=OPEN_ENDED_DAYS) if count is None and until is None else None
    local_first = first.astimezone(zone)
    for produced, naive in enumerate(_candidates(parts, local_first)):
        instant = naive.replace(tzinfo=zone).astimezone(UTC)
        if count is not None and produced >= count:
            return
        if (until is not None and instant > until) or (stop is not None and instant > stop):
            return
        yield instant
