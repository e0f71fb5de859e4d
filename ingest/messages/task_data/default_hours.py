"""The hours a planning command uses when it gives none of its own."""

from __future__ import annotations

from functools import partial
from typing import Any

from pydantic import Field, TypeAdapter

from ingest.messages.task_data.hours import TimeWindow, WeeklyHours
from ingest.messages.task_data.kinds import Weekday

Hours = dict[Weekday, tuple[TimeWindow, ...]]


def _window(start: str, end: str) -> TimeWindow:
    return TimeWindow.model_validate({"start": start, "end": end})


_WORKDAYS = (Weekday.MON, Weekday.TUE, Weekday.WED, Weekday.THU, Weekday.FRI)

DEFAULT_WORKING_HOURS: Hours = {day: (_window("09:00", "17:00"),) for day in _WORKDAYS}
"""Monday to Friday, 09:00 to 17:00."""

DEFAULT_PERSONAL_HOURS: Hours = {
    **{day: (_window("07:00", "09:00"), _window("17:00", "22:00")) for day in _WORKDAYS},
    Weekday.SAT: (_window("08:00", "22:00"),),
    Weekday.SUN: (_window("08:00", "22:00"),),
}
"""Mornings before and evenings after work on weekdays, 08:00 to 22:00 at weekends."""

_WEEKLY: TypeAdapter[Hours] = TypeAdapter(WeeklyHours)


def hours_default(hours: Hours) -> Any:
    """A field whose default is `hours`, copied shallowly for each message.

    A plain dict default would be deep-copied on every validation, windows and all, which cost more
    than validating the rest of a planning command; the windows are immutable, so a new dict is
    enough. The schema still shows the default.
    """
    shown = _WEEKLY.dump_python(hours, mode="json")
    return Field(default_factory=partial(dict, hours), json_schema_extra={"default": shown})
