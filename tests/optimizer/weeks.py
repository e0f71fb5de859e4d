"""Small hand-made weeks for model-level tests: Monday 2026-01-05, working hours 09-17 Mon-Fri."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

from optimizer.domain import CalendarEvent, Instance, SolveOptions, TimeWindow, Weekday

MONDAY = datetime(2026, 1, 5, tzinfo=UTC)
WORKDAYS = frozenset(Weekday) - {Weekday.SAT, Weekday.SUN}
OPTIONS = SolveOptions(time_limit_s=2.0, num_workers=1, random_seed=7)


def at(day: int, hour: float) -> datetime:
    return MONDAY + timedelta(days=day, hours=hour)


def hours(start: float, end: float) -> tuple[TimeWindow, ...]:
    def clock(value: float) -> time:
        return time(int(value) % 24, round(value % 1 * 60))

    return (TimeWindow(start=clock(start), end=clock(end)),)


def meeting(name: str, day: int, start: float, end: float, busy: bool = True) -> CalendarEvent:
    return CalendarEvent(id=f"{name}-{day}", title=name, start=at(day, start), end=at(day, end), busy=busy)


def week(days: int = 7, **fields: object) -> Instance:
    """A week from Monday 00:00 UTC, planned at its start, with the given items and events."""
    base: dict[str, object] = {
        "user_id": "u1",
        "now": MONDAY,
        "horizon_start": MONDAY,
        "horizon_end": MONDAY + timedelta(days=days),
        "working_hours": {day: hours(9, 17) for day in WORKDAYS},
        "personal_hours": {day: hours(6, 9) + hours(18, 22) for day in Weekday},
        "options": OPTIONS,
    }
    return Instance.model_validate(base | fields)
