"""Time a plan works with, as merged UTC windows: the hours an item may take, busy calendar time, and the
previous plan's blocks that stay where they are (local hours expand through `optimizer.timegrid`)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime, time
from typing import TypeVar

from optimizer.domain import ALL_DAYS, HoursKind, Instance, PlacedBlock, TimeWindow, Weekday, WeeklyHours
from optimizer.timegrid import LocalDay, Window, local_days, to_utc

Point = TypeVar("Point", int, datetime)  # instants, or slots (`optimizer.model.spans`)


def merge(windows: Iterable[tuple[Point, Point]]) -> list[tuple[Point, Point]]:
    """Sorted, non-empty windows with overlapping or touching ones joined."""
    merged: list[tuple[Point, Point]] = []
    for start, end in sorted(w for w in windows if w[1] > w[0]):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def clip(windows: Iterable[Window], lo: datetime, hi: datetime) -> list[Window]:
    return merge((max(start, lo), min(end, hi)) for start, end in windows)


def _weekly_hours(instance: Instance, hours: HoursKind, custom: WeeklyHours | None) -> WeeklyHours:
    if hours is HoursKind.WORKING:
        return instance.working_hours
    if hours is HoursKind.PERSONAL:
        return instance.personal_hours
    if hours is HoursKind.ANY:
        return {day: (TimeWindow(start=time(0), end=time(0)),) for day in Weekday}
    if custom is None:
        raise ValueError("hours CUSTOM needs custom weekly hours; pass the item's custom_hours")
    return custom


def _window_on(day: LocalDay, window: TimeWindow, instance: Instance) -> Window:
    start = to_utc(day.date, window.start, instance)
    end = day.end if window.end == time(0) else to_utc(day.date, window.end, instance)
    return start, end


def allowed_windows(
    instance: Instance,
    hours: HoursKind,
    custom: WeeklyHours | None,
    days: frozenset[Weekday] = ALL_DAYS,
) -> list[Window]:
    """UTC windows of the given hours on the given weekdays, merged and clipped to what may still move."""
    weekly = _weekly_hours(instance, hours, custom)
    windows = [
        _window_on(day, window, instance)
        for day in local_days(instance)
        if day.weekday in days
        for window in weekly.get(day.weekday, ())
    ]
    lo = max(instance.horizon_start, instance.movable_from()).astimezone(UTC)
    return clip(windows, lo, instance.horizon_end.astimezone(UTC))


def busy_windows(instance: Instance) -> list[Window]:
    """Busy calendar time inside the horizon; free (transparent) events do not block anything."""
    events = ((e.start.astimezone(UTC), e.end.astimezone(UTC)) for e in instance.events if e.busy)
    return clip(events, instance.horizon_start.astimezone(UTC), instance.horizon_end.astimezone(UTC))


def frozen_blocks(instance: Instance) -> list[PlacedBlock]:
    """Previous-plan blocks touching the horizon that stay exactly where they are: locked or already begun."""
    cutoff = instance.movable_from()
    return sorted(
        (
            block
            for block in instance.previous_plan
            if block.end > instance.horizon_start
            and block.start < instance.horizon_end
            and (block.locked or block.start < cutoff)
        ),
        key=lambda block: (block.start, block.item_id, block.occurrence),
    )
