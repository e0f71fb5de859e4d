"""Local wall-clock hours per weekday, as a user sets them in their own time zone."""

from __future__ import annotations

import re
from datetime import time
from functools import lru_cache
from itertools import pairwise
from typing import Annotated

from pydantic import (
    AfterValidator,
    BeforeValidator,
    PlainSerializer,
    WithJsonSchema,
    WrapValidator,
    model_validator,
)

from ingest.messages.base import WireModel
from ingest.messages.task_data.kinds import HoursKind, Weekday
from ingest.messages.task_data.recall import recalled

_HHMM = re.compile(r"([01]\d|2[0-3]):([0-5]\d)")
_MIDNIGHT_END = "24:00"


def _parse_clock(value: object) -> object:
    if isinstance(value, time):
        return value
    if not isinstance(value, str):
        raise ValueError("must be a 24-hour local time 'HH:MM' such as '09:30'")
    return _clock(value)


@lru_cache(maxsize=2048)  # a day has 1,440 of them; every planning command repeats a few dozen
def _clock(value: str) -> time:
    if not _HHMM.fullmatch(value):
        raise ValueError("must be a 24-hour local time 'HH:MM' such as '09:30'")
    return time(int(value[:2]), int(value[3:]))


def _parse_end(value: object) -> object:
    return time(0) if value == _MIDNIGHT_END else _parse_clock(value)


def _format_clock(value: time) -> str:
    return value.strftime("%H:%M")


def _format_end(value: time) -> str:
    return _MIDNIGHT_END if value == time(0) else _format_clock(value)


_CLOCK_SCHEMA = {"type": "string", "pattern": "^([01][0-9]|2[0-3]):[0-5][0-9]$"}

ClockTime = Annotated[
    time,
    BeforeValidator(_parse_clock),
    PlainSerializer(_format_clock, return_type=str, when_used="json"),
    WithJsonSchema(_CLOCK_SCHEMA),
]
"""A local time of day, 'HH:MM'."""

EndClockTime = Annotated[
    time,
    BeforeValidator(_parse_end),
    PlainSerializer(_format_end, return_type=str, when_used="json"),
    WithJsonSchema({"type": "string", "pattern": "^(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$"}),
]
"""The end of a local window, 'HH:MM'; '24:00' (or '00:00') is midnight at the end of the day."""


class TimeWindow(WireModel):
    """A window within one local day."""

    start: ClockTime
    """Local start time, 'HH:MM'."""
    end: EndClockTime
    """Local end time, 'HH:MM'; '24:00' means the end of the day."""

    @model_validator(mode="after")
    def _ordered(self) -> TimeWindow:
        if self.end != time(0) and self.end <= self.start:
            raise ValueError("end must be after start (use '24:00' for the end of the day)")
        return self


def _minutes(clock: time, *, end: bool) -> int:
    return 24 * 60 if end and clock == time(0) else clock.hour * 60 + clock.minute


def _disjoint(hours: dict[Weekday, tuple[TimeWindow, ...]]) -> dict[Weekday, tuple[TimeWindow, ...]]:
    for day, windows in hours.items():
        spans = sorted((_minutes(w.start, end=False), _minutes(w.end, end=True)) for w in windows)
        for (_, previous_end), (next_start, _) in pairwise(spans):
            if next_start < previous_end:
                raise ValueError(f"the windows of {day.value} overlap; merge them into one")
    return hours


WeeklyHours = Annotated[
    dict[Weekday, tuple[TimeWindow, ...]], AfterValidator(_disjoint), WrapValidator(recalled)
]
"""Windows per weekday, e.g. {"MON": [{"start": "09:00", "end": "17:00"}]}; a missing day has none."""


def require_custom_hours(kind: HoursKind, custom: object, owner: str) -> None:
    """Shared rule of habits, tasks and goals: CUSTOM hours must come with their windows."""
    if kind is HoursKind.CUSTOM and not custom:
        raise ValueError(f"{owner} has hours CUSTOM but no customHours")
