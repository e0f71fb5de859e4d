"""Local ideal times hold across daylight-saving changes, in both directions, end to end."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from optimizer.domain import Habit, HoursKind, Instance, SolveOptions, TimeWindow, Weekday
from optimizer.solve import schedule_habits
from optimizer.validate import validate

BERLIN = ZoneInfo("Europe/Berlin")
WAKE = Habit(
    id="wake",
    name="Morning run",
    min_duration=30,
    max_duration=30,
    hours=HoursKind.PERSONAL,
    ideal_time=time(7),
)


@pytest.mark.parametrize(("monday", "change"), [("2026-03-23", 29), ("2026-10-19", 25)])
def test_seven_local_stays_seven_local_across_the_change(monday: str, change: int) -> None:
    start = datetime.fromisoformat(monday).replace(tzinfo=BERLIN)
    instance = Instance(
        user_id="u1",
        timezone="Europe/Berlin",
        now=start,
        horizon_start=start,
        horizon_end=start + timedelta(days=7),
        personal_hours={day: (TimeWindow(start=time(6), end=time(9)),) for day in Weekday},
        habits=(WAKE,),
        options=SolveOptions(time_limit_s=2.0, random_seed=1),
    )
    solution = schedule_habits(instance)
    assert validate(instance, solution.placements, kind="habits") == []
    runs = sorted(solution.placements, key=lambda p: p.start)
    assert len(runs) == 7
    assert {p.start.astimezone(BERLIN).time() for p in runs} == {time(7)}
    offsets = {p.start.astimezone(BERLIN).utcoffset() for p in runs}
    assert len(offsets) == 2  # the UTC instant shifts by an hour across the change
    sunday = [p for p in runs if p.start.astimezone(BERLIN).day == change]
    assert len(sunday) == 1 and solution.objective == 0
