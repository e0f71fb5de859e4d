"""A user's calendar for generated instances: zone, week, hours and meetings, all from one seeded RNG.

About a third of the weeks contain a DST change in the chosen zone, so every family exercises it.
"""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from optimizer.domain import CalendarEvent, TimeWindow, Weekday, WeeklyHours

WORKDAYS = (Weekday.MON, Weekday.TUE, Weekday.WED, Weekday.THU, Weekday.FRI)
WEEKEND = (Weekday.SAT, Weekday.SUN)

# Mondays of ordinary weeks, and per zone the Mondays of weeks whose Sunday changes the clocks.
PLAIN_MONDAYS = (date(2026, 1, 12), date(2026, 2, 2), date(2026, 5, 11), date(2026, 6, 15), date(2026, 9, 14))
DST_MONDAYS = {
    "America/New_York": (date(2026, 3, 2), date(2026, 10, 26)),
    "America/Los_Angeles": (date(2026, 3, 2), date(2026, 10, 26)),
    "Europe/Berlin": (date(2026, 3, 23), date(2026, 10, 19)),
    "Europe/London": (date(2026, 3, 23), date(2026, 10, 19)),
    "Australia/Sydney": (date(2026, 3, 30), date(2026, 9, 28)),
}
ZONES = (*DST_MONDAYS, "Asia/Tokyo", "UTC")
NOON_WEIGHT = {11: 0.5, 12: 0.1, 13: 0.3}  # how often a meeting starts in these hours, against 1.0


def window(start: time, end: time) -> tuple[TimeWindow, ...]:
    return (TimeWindow(start=start, end=end),)


def pick_week(rng: random.Random) -> tuple[str, date]:
    zone = rng.choice(ZONES)
    if zone in DST_MONDAYS and rng.random() < 0.35:
        return zone, rng.choice(DST_MONDAYS[zone])
    return zone, rng.choice(PLAIN_MONDAYS)


def working_hours(rng: random.Random) -> WeeklyHours:
    start = rng.choice((time(8), time(9), time(9), time(10)))
    end = time(start.hour + rng.choice((8, 8, 9)))
    return {day: window(start, end) for day in WORKDAYS}


def personal_hours(work: WeeklyHours) -> WeeklyHours:
    """Mornings before and evenings after work on workdays, daytime at weekends."""
    hours: WeeklyHours = {day: window(time(8), time(22)) for day in WEEKEND}
    for day in WORKDAYS:
        (shift,) = work[day]
        hours[day] = window(time(6), shift.start) + window(shift.end, time(22))
    return hours


def local(zone: str, day: date, at: time) -> datetime:
    return datetime.combine(day, at, tzinfo=ZoneInfo(zone))


def meetings(
    rng: random.Random, zone: str, monday: date, weeks: int, count: int, work: WeeklyHours
) -> tuple[CalendarEvent, ...]:
    """`count` meetings in working hours on workdays: mostly on the half hour, some at odd minutes,
    a few overlapping each other, one in ten free (tentative), and seldom over lunch, as people
    steer meetings away from noon."""
    events = []
    for number in range(count):
        day = monday + timedelta(days=7 * rng.randrange(weeks) + rng.randrange(5))
        (shift,) = work[Weekday(day.weekday())]
        minute = rng.choice((0, 0, 0, 30, 30, 15, 45, 5, 50))
        hours = range(shift.start.hour, shift.end.hour - 1)
        hour = rng.choices(hours, weights=[NOON_WEIGHT.get(h, 1.0) for h in hours])[0]
        start = local(zone, day, time(hour, minute))
        length = timedelta(minutes=rng.choice((15, 25, 30, 30, 30, 30, 45, 45, 60, 60, 90)))
        busy = rng.random() > 0.1
        events.append(
            CalendarEvent(
                id=f"m{number}", title=f"Meeting {number}", start=start, end=start + length, busy=busy
            )
        )
    return tuple(events)
