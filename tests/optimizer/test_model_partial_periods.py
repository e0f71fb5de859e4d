"""Only periods wholly inside what may move are required; the cut ones are still wanted."""

from __future__ import annotations

from datetime import timedelta

from optimizer.domain import Habit, HoursKind
from optimizer.solution import SolveStatus
from optimizer.solve import schedule_habits
from optimizer.validate import validate
from tests.optimizer.weeks import at, meeting, week

GYM = Habit(id="gym", name="Gym", min_duration=60, max_duration=60, hours=HoursKind.PERSONAL)


def evening_plan(now_hour: float, end: float, *events: tuple[int, float, float]) -> object:
    """Planned on Monday at `now_hour`, until `end` hours after Monday 00:00 (personal 06-09, 18-22)."""
    busy = tuple(meeting("Dinner", day, start, stop) for day, start, stop in events)
    return week(
        now=at(0, now_hour),
        horizon_start=at(0, now_hour),
        horizon_end=at(0, 0) + timedelta(hours=end),
        habits=(GYM,),
        events=busy,
    )


def test_a_day_already_begun_is_wanted_but_not_required() -> None:
    instance = evening_plan(20.5, 48, (0, 20.5, 22))  # Monday's last evening hours are taken
    solution = schedule_habits(instance)
    assert solution.status is SolveStatus.OPTIMAL and not solution.conflicts
    assert [p.start.day for p in solution.placements] == [at(1, 0).day]  # Tuesday only
    assert [u.item_id for u in solution.unplaced] == ["gym"]  # Monday's, reported, not a conflict
    assert validate(instance, solution.placements, kind="habits") == []


def test_a_day_the_horizon_cuts_off_is_wanted_but_not_required() -> None:
    instance = evening_plan(0, 24 + 18.5, (1, 6, 9))  # Tuesday: mornings busy, evening cut at 18:30
    solution = schedule_habits(instance)
    assert solution.status is SolveStatus.OPTIMAL and not solution.conflicts
    assert [p.start.day for p in solution.placements] == [at(0, 0).day]


def test_a_whole_day_ahead_that_cannot_hold_is_still_a_named_conflict() -> None:
    instance = evening_plan(20.5, 72, (1, 6, 9), (1, 18, 22))  # Tuesday wholly inside, all taken
    solution = schedule_habits(instance)
    assert solution.status is SolveStatus.INFEASIBLE
    (conflict,) = solution.conflicts
    assert conflict.rules == ("frequency:gym:2026-01-06",)
    assert validate(instance, solution.placements, kind="habits") == []
