"""Lengths that are no whole number of slots: placed, reported at their own length, reserving whole slots."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from optimizer.domain import BlockKind, Habit, HoursKind, Instance, PlacedBlock, Task, Weekday
from optimizer.greedy import greedy_plan
from optimizer.habits import build_habits
from optimizer.model.matching import match
from optimizer.solution import Placement, Solution, SolveStatus
from optimizer.solve import optimize_schedule, schedule_habits, score_plan
from optimizer.validate import validate
from tests.optimizer.weeks import at, hours, week

MORNING = {"hours": HoursKind.PERSONAL, "ideal_time": time(7)}
JOURNAL = Habit(id="journal", name="Journal", min_duration=20, max_duration=20, **MORNING)
STRETCH = Habit(id="stretch", name="Stretch", min_duration=10, max_duration=10, **MORNING)
TEN = timedelta(minutes=10)


def mornings(start: float, end: float, grid: int = 15, **fields: object) -> Instance:
    """One Monday whose only personal hours are `start`-`end`."""
    personal = {day: hours(start, end) for day in Weekday}
    return week(days=1, personal_hours=personal, slot_minutes=grid, **fields)


def spans(solution: Solution | list[Placement], item: str) -> list[tuple[datetime, int]]:
    plan = solution.placements if isinstance(solution, Solution) else solution
    return [(p.start, (p.end - p.start) // timedelta(minutes=1)) for p in plan if p.item_id == item]


def test_a_twenty_minute_habit_on_a_fifteen_minute_grid_is_placed_at_twenty_minutes() -> None:
    instance = mornings(6, 9, habits=(JOURNAL,))
    solution = schedule_habits(instance)
    assert solution.status is SolveStatus.OPTIMAL and solution.unplaced == ()
    assert spans(solution, "journal") == [(at(0, 7), 20)]
    assert validate(instance, solution.placements, kind="habits") == []
    assert spans(greedy_plan(instance, include_tasks=False), "journal") == [(at(0, 7), 20)]


def test_the_remainder_is_reserved_so_nothing_else_uses_it() -> None:
    # 20 + 10 minutes would fit in half an hour, but they reserve 30 + 15 on a 15-minute grid.
    habits = tuple(h.model_copy(update={"defended": False}) for h in (JOURNAL, STRETCH))
    tight = mornings(7, 7.5, habits=habits)
    solution = schedule_habits(tight)
    assert len(solution.placements) == 1 and len(solution.unplaced) == 1
    assert len(greedy_plan(tight, include_tasks=False)) == 1
    roomy = mornings(7, 7.75, habits=habits)
    for plan in (schedule_habits(roomy).placements, greedy_plan(roomy, include_tasks=False)):
        first, second = sorted(plan, key=lambda p: p.start)
        reserved = timedelta(minutes=30 if first.item_id == "journal" else 15)
        assert second.start >= first.start + reserved
        assert validate(roomy, plan, kind="habits") == []


def test_a_five_minute_grid_is_unaffected() -> None:
    instance = mornings(7, 7.5, grid=5, habits=(JOURNAL, STRETCH))
    solution = schedule_habits(instance)
    assert solution.status is SolveStatus.OPTIMAL and solution.unplaced == ()
    both = sorted(spans(solution, "journal") + spans(solution, "stretch"))
    assert both == [(at(0, 7), 10), (at(0, 7) + TEN, 20)]


def test_a_fifteen_to_twenty_minute_habit_reserves_no_more_than_it_lasts() -> None:
    read = JOURNAL.model_copy(update={"id": "read", "name": "Read", "min_duration": 15})
    coarse = schedule_habits(mornings(6, 9, habits=(read,)))
    assert spans(coarse, "read") == [(at(0, 7), 15)]
    fine = schedule_habits(mornings(6, 9, grid=5, habits=(read,)))
    assert spans(fine, "read") == [(at(0, 7), 20)]


def test_a_previous_twenty_minute_block_is_its_two_slot_model_block_and_stays() -> None:
    start = at(0, 7.5)
    previous = PlacedBlock(item_id="journal", kind=BlockKind.HABIT, start=start, end=start + 2 * TEN)
    instance = mornings(6, 9, habits=(JOURNAL,), previous_plan=(previous,))
    built = build_habits(instance)
    fits, misfits = match(built.ctx, built.variables, [previous])
    assert misfits == [] and [fit.length for fit in fits] == [2]
    solution = schedule_habits(instance)  # moving to 07:00 saves 30 min off the ideal; moving costs 60
    assert solution.moved == 0 and spans(solution, "journal") == [(at(0, 7.5), 20)]


def test_task_effort_off_the_grid_is_placed_to_the_minute() -> None:
    report = Task(id="report", title="Report", effort=50, min_chunk=30, max_chunk=60)
    notes = Task(id="notes", title="Notes", effort=50, min_chunk=20, max_chunk=20)
    instance = week(days=1, tasks=(report, notes))
    solution = optimize_schedule(instance)
    assert solution.status is SolveStatus.OPTIMAL and solution.unplaced == ()
    assert sum(minutes for _, minutes in spans(solution, "report")) == 50
    assert [minutes for _, minutes in spans(solution, "notes")] == [20, 20, 10]
    greedy = greedy_plan(instance, include_tasks=True)
    assert [minutes for _, minutes in spans(greedy, "notes")] == [20, 20, 10]
    assert sum(minutes for _, minutes in spans(greedy, "report")) == 50
    for plan in (solution.placements, greedy):
        assert validate(instance, plan, kind="schedule") == []
    assert solution.objective is not None
    assert score_plan(instance, greedy, kind="schedule")[0] >= solution.objective


def test_work_left_out_is_reported_in_its_own_minutes() -> None:
    report = Task(id="report", title="Report", effort=50, min_chunk=15, max_chunk=60)
    instance = week(days=1, tasks=(report,), working_hours={Weekday.MON: hours(9, 9.5)})
    solution = optimize_schedule(instance)
    assert spans(solution, "report") == [(at(0, 9), 30)]
    assert [(u.item_id, u.minutes) for u in solution.unplaced] == [("report", 20)]


def test_the_chunk_that_completes_the_effort_reserves_only_its_own_slots_and_a_replan_keeps_it() -> None:
    sessions = Task(id="essay", title="Essay", effort=100, min_chunk=40, max_chunk=50)  # chunks of 45
    review = Task(id="review", title="Review", effort=30, min_chunk=30, max_chunk=30)
    # 45 + 45 + 10 (one slot) + 30 fill 09:00-11:15 exactly.
    instance = week(days=1, tasks=(sessions, review), working_hours={Weekday.MON: hours(9, 11.25)})
    solution = optimize_schedule(instance)
    assert solution.status is SolveStatus.OPTIMAL and solution.unplaced == ()
    assert sorted(minutes for _, minutes in spans(solution, "essay")) == [10, 45, 45]
    assert validate(instance, solution.placements, kind="schedule") == []
    previous = tuple(
        PlacedBlock(item_id=p.item_id, kind=p.kind, occurrence=p.occurrence, start=p.start, end=p.end)
        for p in solution.placements
    )
    again = optimize_schedule(instance.model_copy(update={"previous_plan": previous}))
    assert again.status is SolveStatus.OPTIMAL and again.moved == 0
    assert again.placements == solution.placements
