"""The horizon as a grid of UTC slots, and the user's local hours expanded into UTC windows.

Local hours are expanded one local day at a time in the user's zone, so a 09:00-17:00 window lasts 8 hours
except when a DST jump falls inside it. Local times are resolved with `fold=0` (PEP 495): an ambiguous
time (fall-back) means its first, earlier instant; a nonexistent time (spring-forward gap) is read with
the offset in force before the jump, so it lands as far after the gap as it was into it (02:30 becomes
03:30). A window that ends up empty after that is dropped.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from optimizer.domain import Instance, Weekday

Window = tuple[datetime, datetime]


class Grid:
    """Slot `k` covers [horizon_start + k*slot, horizon_start + (k+1)*slot); only whole slots count."""

    def __init__(self, instance: Instance) -> None:
        self.origin = instance.horizon_start.astimezone(UTC)
        self.minutes_per_slot = instance.slot_minutes
        self._step = timedelta(minutes=instance.slot_minutes)
        self.n_slots = (instance.horizon_end - instance.horizon_start) // self._step

    def slot(self, dt: datetime) -> int:
        """The slot containing `dt` (floor); not clamped, so instants outside the horizon stay outside."""
        return (dt - self.origin) // self._step

    def slot_ceil(self, dt: datetime) -> int:
        """The first slot starting at or after `dt`."""
        return -((self.origin - dt) // self._step)

    def time(self, slot: int) -> datetime:
        return self.origin + slot * self._step


@dataclass(frozen=True)
class LocalDay:
    """One calendar day in the user's zone; `start`/`end` are its UTC bounds (23, 24 or 25 hours apart)."""

    date: date
    weekday: Weekday
    start: datetime
    end: datetime


def to_utc(day: date, wall: time, instance: Instance) -> datetime:
    """A local wall-clock time on `day` as a UTC instant, resolved with fold=0 (see the module doc)."""
    local = datetime.combine(day, wall, tzinfo=instance.zone).replace(fold=0)
    return local.astimezone(UTC)


def local_days(instance: Instance) -> list[LocalDay]:
    """Every local day that overlaps the horizon, in order."""
    return list(_local_days(instance.horizon_start, instance.horizon_end, instance.timezone))


@functools.lru_cache(maxsize=64)
def _local_days(horizon_start: datetime, horizon_end: datetime, timezone: str) -> tuple[LocalDay, ...]:
    # Kept per horizon and zone: building a plan asks for the days thousands of times.
    zone = ZoneInfo(timezone)
    first = horizon_start.astimezone(zone).date()
    last = (horizon_end - timedelta(microseconds=1)).astimezone(zone).date()
    days = []
    for offset in range((last - first).days + 1):
        day = first + timedelta(days=offset)
        start = _midnight(day, zone)
        end = _midnight(day + timedelta(days=1), zone)
        days.append(LocalDay(day, Weekday(day.weekday()), start, end))
    return tuple(days)


def _midnight(day: date, zone: ZoneInfo) -> datetime:
    return datetime.combine(day, time(0), tzinfo=zone).replace(fold=0).astimezone(UTC)
