"""Plain words for hours, days and instants, shared by unplaced reasons and conflict messages."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from optimizer.domain import ALL_DAYS, HoursKind, Weekday, WeeklyHours

HOURS = {HoursKind.WORKING: "working hours", HoursKind.PERSONAL: "personal hours", HoursKind.ANY: "any time"}


def day_name(day: Weekday) -> str:
    return day.name.title()


def days_phrase(days: frozenset[Weekday]) -> str:
    """ "Mon-Fri", "Mon, Wed, Fri" or "every day"."""
    if days == ALL_DAYS:
        return "every day"
    runs: list[list[Weekday]] = []
    for day in sorted(days):
        if runs and day == runs[-1][-1] + 1:
            runs[-1].append(day)
        else:
            runs.append([day])
    parts = [
        f"{day_name(run[0])}-{day_name(run[-1])}" if len(run) > 2 else ", ".join(map(day_name, run))
        for run in runs
    ]
    return ", ".join(parts)


def hours_phrase(kind: HoursKind, custom: WeeklyHours | None, days: frozenset[Weekday] = ALL_DAYS) -> str:
    """ "working hours", or the custom windows such as "07:00-09:00", then the days unless all."""
    if kind is HoursKind.CUSTOM and custom:
        windows = sorted({(w.start, w.end) for day in days for w in custom.get(day, ())})
        text = ", ".join(f"{start:%H:%M}-{end:%H:%M}".replace("-00:00", "-24:00") for start, end in windows)
        text = text or "custom hours"
    else:
        text = HOURS.get(kind, "custom hours")
    return text if days == ALL_DAYS else f"{text} {days_phrase(days)}"


def when(instant: datetime, zone: ZoneInfo) -> str:
    """ "Mon 09:00" in the user's zone."""
    local = instant.astimezone(zone)
    return f"{local:%a %H:%M}"


def when_dated(instant: datetime, zone: ZoneInfo) -> str:
    """ "Mon 2026-01-05 09:00" in the user's zone."""
    local = instant.astimezone(zone)
    return f"{local:%a %Y-%m-%d %H:%M}"
