"""Requirements that cannot all hold are named in plain words, with a relaxation; a plan still comes."""

from __future__ import annotations

from datetime import time

from optimizer.domain import Frequency, Habit, HoursKind, Task, TimeWindow, Weekday
from optimizer.solution import SolveStatus
from optimizer.solve import optimize_schedule, schedule_habits
from optimizer.validate import validate
from tests.optimizer.weeks import WORKDAYS, at, meeting, week

MORNINGS = {day: (TimeWindow(start=time(7), end=time(9)),) for day in WORKDAYS}


def test_hard_due_that_cannot_be_met_names_the_task_and_a_later_date() -> None:
    report = Task(
        id="report", title="Quarterly report", effort=240, min_chunk=60, due=at(0, 12), due_is_hard=True
    )
    instance = week(days=3, tasks=(report,))
    solution = optimize_schedule(instance)
    assert solution.status is SolveStatus.INFEASIBLE
    (conflict,) = solution.conflicts
    assert conflict.rules == ("hard_due:report",)
    assert "Quarterly report" in conflict.message and "hard due" in conflict.message
    assert conflict.relaxation is not None and "Quarterly report" in conflict.relaxation
    assert "Mon 2026-01-05 13:00" in conflict.relaxation  # 09:00-12:00, and one hour more
    assert validate(instance, solution.placements, kind="schedule") == []
    (missing,) = solution.unplaced
    assert missing.item_id == "report" and missing.minutes == 60


def test_weekly_habit_that_cannot_fit_its_mornings_suggests_fewer_times() -> None:
    gym = Habit(
        id="gym",
        name="Gym",
        min_duration=60,
        max_duration=60,
        frequency=Frequency.WEEKLY,
        times_per_period=3,
        allowed_days=WORKDAYS,
        hours=HoursKind.CUSTOM,
        custom_hours=MORNINGS,
        min_spacing=12 * 60,
    )
    standups = tuple(meeting("Breakfast sync", day, 7, 8.5) for day in (0, 1, 2, 3))
    instance = week(habits=(gym,), events=standups)
    solution = schedule_habits(instance)
    assert solution.status is SolveStatus.INFEASIBLE
    (conflict,) = solution.conflicts
    assert conflict.rules == ("frequency:gym:2026-W02",)
    assert conflict.message.startswith("habit Gym 3x in week 2026-W02 cannot fit in 07:00-09:00 Mon-Fri")
    assert "Breakfast sync (Mon 07:00)" in conflict.message
    assert conflict.relaxation == "drop Gym to at most 1x in week 2026-W02"
    assert [p.start for p in solution.placements] == [at(4, 7)]  # the best plan that gives the rule up
    assert validate(instance, solution.placements, kind="habits") == []


def test_two_requirements_that_clash_form_one_conflict() -> None:
    window = {Weekday.MON: (TimeWindow(start=time(7), end=time(8)),)}
    yoga, run = (
        Habit(
            id=name.lower(),
            name=name,
            min_duration=60,
            max_duration=60,
            allowed_days=frozenset({Weekday.MON}),
            hours=HoursKind.CUSTOM,
            custom_hours=window,
        )
        for name in ("Yoga", "Run")
    )
    solution = schedule_habits(week(days=1, habits=(yoga, run)))
    assert solution.status is SolveStatus.INFEASIBLE
    (conflict,) = solution.conflicts
    assert set(conflict.rules) == {"frequency:yoga:2026-01-05", "frequency:run:2026-01-05"}
    assert "cannot all fit" in conflict.message
    assert conflict.relaxation is not None and "skip 2026-01-05" in conflict.relaxation
    assert len(solution.placements) == 1 and len(solution.unplaced) == 1
