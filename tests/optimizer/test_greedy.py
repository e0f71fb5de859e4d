"""The greedy baseline: nearest the ideal time, longest first, spread, earliest work, rules kept."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

from optimizer.domain import (
    BlockKind,
    CalendarEvent,
    FocusPolicy,
    Frequency,
    Habit,
    Instance,
    PlacedBlock,
    Task,
    TimeWindow,
    Weekday,
)
from optimizer.greedy import greedy_plan
from optimizer.solution import Placement
from optimizer.validate import validate

WORKDAYS = frozenset(Weekday) - {Weekday.SAT, Weekday.SUN}


def at(day: int, hour: int, minute: int = 0) -> datetime:
    """An instant in the week of Monday 2026-01-05 (day 0), UTC."""
    return datetime(2026, 1, 5 + day, hour, minute, tzinfo=UTC)


def instance(**fields: object) -> Instance:
    base = Instance(
        user_id="u1",
        now=at(0, 0),
        horizon_start=at(0, 0),
        horizon_end=at(5, 0),
        working_hours={day: (TimeWindow(start=time(9), end=time(17)),) for day in WORKDAYS},
    )
    return base.model_copy(update=fields)


def gym(**fields: object) -> Habit:
    habit = Habit(id="gym", name="Gym", min_duration=30, max_duration=90, ideal_time=time(12))
    return habit.model_copy(update=fields)


def of(plan: list[Placement], item: str) -> list[Placement]:
    return [p for p in plan if p.item_id == item]


def test_habit_goes_nearest_its_ideal_time_and_as_long_as_fits() -> None:
    meeting = CalendarEvent(id="m", start=at(0, 11, 30), end=at(0, 13))
    problem = instance(events=(meeting,), habits=(gym(),))
    monday = of(greedy_plan(problem, include_tasks=False), "gym")[0]
    assert (monday.start, monday.end) == (at(0, 13), at(0, 14, 30))
    squeezed = problem.model_copy(
        update={"events": (meeting, CalendarEvent(id="n", start=at(0, 14), end=at(0, 23)))}
    )
    first = of(greedy_plan(squeezed, include_tasks=False), "gym")[0]
    assert (first.start, first.end) == (at(0, 10), at(0, 11, 30))


def test_weekly_habit_spreads_over_days_and_keeps_spacing_and_buffers() -> None:
    habit = gym(frequency=Frequency.WEEKLY, times_per_period=3, buffer_before=15, min_spacing=60)
    problem = instance(habits=(habit, gym(id="walk", name="Walk", buffer_after=20)))
    plan = greedy_plan(problem, include_tasks=False)
    days = sorted(p.start.date() for p in of(plan, "gym"))
    assert len(days) == 3 and len(set(days)) == 3
    assert validate(problem, plan, kind="habits") == []


def test_tasks_take_the_earliest_free_time_after_what_they_wait_for() -> None:
    first = Task(id="a", title="Draft", effort=90, min_chunk=30, max_chunk=60)
    second = Task(id="b", title="Review", effort=60, depends_on=("a",), priority=4)
    problem = instance(tasks=(second, first), events=(CalendarEvent(id="m", start=at(0, 10), end=at(0, 11)),))
    plan = greedy_plan(problem, include_tasks=True)
    assert [(p.start, p.end) for p in of(plan, "a")] == [(at(0, 9), at(0, 10)), (at(0, 11), at(0, 11, 30))]
    assert [(p.start, p.end) for p in of(plan, "b")] == [(at(0, 11, 30), at(0, 12, 30))]
    assert greedy_plan(problem, include_tasks=False) == []


def test_hard_due_dates_and_the_daily_cap_leave_work_out_rather_than_break_rules() -> None:
    rush = Task(
        id="a", title="Rush", effort=600, min_chunk=60, max_chunk=120, due=at(1, 12), due_is_hard=True
    )
    problem = instance(
        tasks=(rush,), daily_cap_minutes=180, focus=FocusPolicy(min_block=60, daily_minutes=60)
    )
    plan = greedy_plan(problem, include_tasks=True)
    chunks = of(plan, "a")
    assert sum((c.end - c.start) // timedelta(minutes=1) for c in chunks) == 180 + 180
    assert all(c.end <= at(1, 12) for c in chunks)
    assert validate(problem, plan, kind="schedule") == []
    assert {p.start.date() for p in of(plan, "focus")} == {at(d, 0).date() for d in (2, 3, 4)}


def test_frozen_blocks_stay_and_count() -> None:
    done = PlacedBlock(item_id="gym", kind=BlockKind.HABIT, start=at(0, 9, 10), end=at(0, 9, 50))
    locked = PlacedBlock(
        item_id="a", kind=BlockKind.TASK, occurrence=4, start=at(2, 9), end=at(2, 10), locked=True
    )
    task = Task(id="a", title="Draft", effort=120, min_chunk=60, max_chunk=60)
    problem = instance(now=at(0, 12), habits=(gym(),), tasks=(task,), previous_plan=(done, locked))
    plan = greedy_plan(problem, include_tasks=True)
    assert validate(problem, plan, kind="schedule") == []
    assert [p.start for p in of(plan, "gym")][:2] == [at(0, 9, 10), at(1, 12)]
    assert [(p.occurrence, p.start) for p in of(plan, "a")] == [(5, at(0, 12)), (4, at(2, 9))]
    habits_only = greedy_plan(problem, include_tasks=False)
    assert not of(habits_only, "a") and validate(problem, habits_only, kind="habits") == []
