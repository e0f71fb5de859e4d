"""The time grid: slots, local hours across DST changes, busy time and the frozen part of the plan."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from optimizer.domain import (
    BlockKind,
    CalendarEvent,
    HoursKind,
    Instance,
    PlacedBlock,
    TimeWindow,
    Weekday,
    WeeklyHours,
)
from optimizer.timegrid import Grid, local_days
from optimizer.windows import allowed_windows, busy_windows, frozen_blocks

NEW_YORK = ZoneInfo("America/New_York")
BERLIN = ZoneInfo("Europe/Berlin")


def utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


def every_day(start: time, end: time) -> WeeklyHours:
    return {day: (TimeWindow(start=start, end=end),) for day in Weekday}


def week(zone: ZoneInfo, first: datetime, days: int = 7, **fields: object) -> Instance:
    start = first.replace(tzinfo=zone)
    fields.setdefault("now", start - timedelta(days=1))
    return Instance(
        user_id="u1",
        timezone=str(zone),
        horizon_start=start,
        horizon_end=start + timedelta(days=days),
        **fields,
    )


def hours_of(windows: list[tuple[datetime, datetime]]) -> list[float]:
    return [(end - start) / timedelta(hours=1) for start, end in windows]


def test_grid_floors_ceils_and_counts_whole_slots() -> None:
    instance = week(ZoneInfo("UTC"), datetime(2026, 1, 5), days=1, slot_minutes=15)
    grid = Grid(instance)
    assert grid.n_slots == 96
    assert grid.minutes_per_slot == 15
    assert grid.slot(utc(2026, 1, 5, 0, 29)) == 1
    assert grid.slot_ceil(utc(2026, 1, 5, 0, 29)) == 2
    assert grid.slot_ceil(utc(2026, 1, 5, 0, 30)) == 2
    assert grid.slot(utc(2026, 1, 4, 23, 50)) == -1
    assert grid.time(4) == utc(2026, 1, 5, 1)
    assert Grid(instance.model_copy(update={"horizon_end": utc(2026, 1, 5, 1, 10)})).n_slots == 4


def test_grid_slot_zero_is_the_horizon_start_in_utc() -> None:
    instance = week(NEW_YORK, datetime(2026, 3, 7, 9), days=1, slot_minutes=5)
    grid = Grid(instance)
    assert grid.time(0) == utc(2026, 3, 7, 14)
    assert grid.time(0).tzinfo is UTC
    assert grid.slot(datetime(2026, 3, 7, 10, tzinfo=NEW_YORK)) == 12


def test_spring_forward_week_keeps_eight_hour_days_and_shifts_utc() -> None:
    instance = week(NEW_YORK, datetime(2026, 3, 5), working_hours=every_day(time(9), time(17)))
    windows = allowed_windows(instance, HoursKind.WORKING, None)
    assert hours_of(windows) == [8.0] * 7
    assert windows[0] == (utc(2026, 3, 5, 14), utc(2026, 3, 5, 22))
    assert windows[-1] == (utc(2026, 3, 11, 13), utc(2026, 3, 11, 21))


def test_spring_forward_gap_moves_nonexistent_times_forward() -> None:
    night: WeeklyHours = {Weekday.SUN: (TimeWindow(start=time(1), end=time(5)),)}
    instance = week(NEW_YORK, datetime(2026, 3, 5), personal_hours=night)
    assert allowed_windows(instance, HoursKind.PERSONAL, None) == [(utc(2026, 3, 8, 6), utc(2026, 3, 8, 9))]
    in_gap: WeeklyHours = {Weekday.SUN: (TimeWindow(start=time(2, 30), end=time(4)),)}
    windows = allowed_windows(instance, HoursKind.CUSTOM, in_gap)
    assert windows == [(utc(2026, 3, 8, 7, 30), utc(2026, 3, 8, 8))]
    emptied: WeeklyHours = {Weekday.SUN: (TimeWindow(start=time(2, 30), end=time(3)),)}
    assert allowed_windows(instance, HoursKind.CUSTOM, emptied) == []


def test_fall_back_week_lengthens_a_window_across_the_jump_and_takes_the_first_ambiguous_instant() -> None:
    night: WeeklyHours = {Weekday.SUN: (TimeWindow(start=time(0), end=time(3)),)}
    instance = week(NEW_YORK, datetime(2026, 10, 29), personal_hours=night)
    assert allowed_windows(instance, HoursKind.PERSONAL, None) == [(utc(2026, 11, 1, 4), utc(2026, 11, 1, 8))]
    ambiguous: WeeklyHours = {Weekday.SUN: (TimeWindow(start=time(1, 30), end=time(2)),)}
    assert allowed_windows(instance, HoursKind.CUSTOM, ambiguous) == [
        (utc(2026, 11, 1, 5, 30), utc(2026, 11, 1, 7))
    ]


@pytest.mark.parametrize(
    ("zone", "first", "jump_day", "jump_hours"),
    [
        (NEW_YORK, datetime(2026, 3, 4), 4, 23),
        (NEW_YORK, datetime(2026, 10, 29), 3, 25),
        (BERLIN, datetime(2026, 3, 25), 4, 23),
        (BERLIN, datetime(2026, 10, 21), 4, 25),
    ],
)
def test_local_days_are_23_24_or_25_hours(
    zone: ZoneInfo, first: datetime, jump_day: int, jump_hours: int
) -> None:
    days = local_days(week(zone, first))
    lengths = [(day.end - day.start) / timedelta(hours=1) for day in days]
    expected = [24.0] * 7
    expected[jump_day] = jump_hours
    assert lengths == expected
    assert [day.weekday for day in days] == [Weekday(d.date.weekday()) for d in days]
    assert all(a.end == b.start for a, b in itertools.pairwise(days))
    assert days[0].start == first.replace(tzinfo=zone)


def test_any_hours_on_chosen_days_cover_whole_local_days_in_berlin_dst() -> None:
    instance = week(BERLIN, datetime(2026, 3, 25))
    windows = allowed_windows(instance, HoursKind.ANY, None, frozenset({Weekday.SUN, Weekday.MON}))
    assert windows == [(utc(2026, 3, 28, 23), utc(2026, 3, 30, 22))]
    assert hours_of(windows) == [47.0]
    whole = allowed_windows(instance, HoursKind.ANY, None)
    assert whole == [(instance.horizon_start.astimezone(UTC), instance.horizon_end.astimezone(UTC))]


def test_windows_are_clipped_to_the_horizon_and_to_what_may_still_move() -> None:
    start = datetime(2026, 1, 5, 12, tzinfo=BERLIN)
    instance = Instance(
        user_id="u1",
        timezone="Europe/Berlin",
        now=start - timedelta(hours=1),
        horizon_start=start,
        horizon_end=start + timedelta(days=1, hours=2),
        working_hours=every_day(time(9), time(17)),
    )
    assert allowed_windows(instance, HoursKind.WORKING, None) == [
        (utc(2026, 1, 5, 11), utc(2026, 1, 5, 16)),
        (utc(2026, 1, 6, 8), utc(2026, 1, 6, 13)),
    ]
    frozen = instance.model_copy(update={"freeze_until": start + timedelta(hours=2, minutes=30)})
    first = allowed_windows(frozen, HoursKind.WORKING, None)[0]
    assert first == (utc(2026, 1, 5, 13, 30), utc(2026, 1, 5, 16))
    later = instance.model_copy(update={"now": start + timedelta(days=1)})
    assert allowed_windows(later, HoursKind.WORKING, None) == [(utc(2026, 1, 6, 11), utc(2026, 1, 6, 13))]


def test_days_without_hours_and_split_hours_are_respected() -> None:
    split: WeeklyHours = {
        Weekday.MON: (TimeWindow(start=time(9), end=time(12)), TimeWindow(start=time(13), end=time(17)))
    }
    instance = week(ZoneInfo("UTC"), datetime(2026, 1, 5), working_hours=split)
    assert allowed_windows(instance, HoursKind.WORKING, None) == [
        (utc(2026, 1, 5, 9), utc(2026, 1, 5, 12)),
        (utc(2026, 1, 5, 13), utc(2026, 1, 5, 17)),
    ]
    assert allowed_windows(instance, HoursKind.WORKING, None, frozenset({Weekday.TUE})) == []


def test_custom_hours_without_a_table_is_refused_by_name() -> None:
    with pytest.raises(ValueError, match="custom_hours"):
        allowed_windows(week(ZoneInfo("UTC"), datetime(2026, 1, 5)), HoursKind.CUSTOM, None)


def test_busy_windows_ignore_free_events_clip_and_merge() -> None:
    events = (
        CalendarEvent(id="a", start=utc(2026, 1, 4, 23), end=utc(2026, 1, 5, 1)),
        CalendarEvent(id="b", start=utc(2026, 1, 5, 9), end=utc(2026, 1, 5, 10)),
        CalendarEvent(id="c", start=utc(2026, 1, 5, 9, 30), end=utc(2026, 1, 5, 11)),
        CalendarEvent(id="d", start=utc(2026, 1, 5, 11), end=utc(2026, 1, 5, 11, 30)),
        CalendarEvent(id="free", start=utc(2026, 1, 5, 14), end=utc(2026, 1, 5, 15), busy=False),
        CalendarEvent(id="after", start=utc(2026, 1, 9), end=utc(2026, 1, 9, 1)),
    )
    instance = week(ZoneInfo("UTC"), datetime(2026, 1, 5), days=2, events=events)
    assert busy_windows(instance) == [
        (utc(2026, 1, 5), utc(2026, 1, 5, 1)),
        (utc(2026, 1, 5, 9), utc(2026, 1, 5, 11, 30)),
    ]


def block(item: str, start: datetime, hours: int = 1, *, locked: bool = False) -> PlacedBlock:
    end = start + timedelta(hours=hours)
    return PlacedBlock(item_id=item, kind=BlockKind.HABIT, start=start, end=end, locked=locked)


def test_frozen_blocks_are_locked_or_begun_and_touch_the_horizon() -> None:
    plan = (
        block("later-locked", utc(2026, 1, 6, 9), locked=True),
        block("later-free", utc(2026, 1, 6, 10)),
        block("running", utc(2026, 1, 5, 11, 30)),
        block("in-freeze", utc(2026, 1, 5, 13)),
        block("past-horizon", utc(2026, 1, 4, 9), locked=True),
        block("beyond-horizon", utc(2026, 1, 8, 9), locked=True),
    )
    instance = week(
        ZoneInfo("UTC"),
        datetime(2026, 1, 5),
        days=2,
        now=utc(2026, 1, 5, 12),
        freeze_until=utc(2026, 1, 5, 14),
        previous_plan=plan,
    )
    assert [b.item_id for b in frozen_blocks(instance)] == ["running", "in-freeze", "later-locked"]
