"""OPTIMIZE_SCHEDULE end to end: chunks, dependencies, due dates, focus, the daily cap, priorities."""

from __future__ import annotations

from collections import defaultdict
from datetime import timedelta

from optimizer.domain import BlockKind, FocusPolicy, Goal, Priority, PriorityMode, SolveOptions, Task
from optimizer.solution import Solution, SolveStatus
from optimizer.solve import optimize_schedule
from optimizer.validate import validate
from tests.optimizer.weeks import at, meeting, week


def solved(days: int = 3, **fields: object) -> Solution:
    instance = week(days=days, **fields)
    solution = optimize_schedule(instance)
    assert validate(instance, solution.placements, kind="schedule") == []
    return solution


def minutes_of(solution: Solution, item: str) -> int:
    return sum((p.end - p.start) // timedelta(minutes=1) for p in solution.placements if p.item_id == item)


def test_tasks_are_chunked_and_ordered_by_dependencies() -> None:
    design = Task(id="design", title="Design", effort=180, min_chunk=60, max_chunk=120)
    build = Task(id="build", title="Build", effort=120, min_chunk=60, max_chunk=120, depends_on=("design",))
    solution = solved(tasks=(design, build))
    assert minutes_of(solution, "design") == 180 and minutes_of(solution, "build") == 120
    design_end = max(p.end for p in solution.placements if p.item_id == "design")
    build_start = min(p.start for p in solution.placements if p.item_id == "build")
    assert build_start >= design_end
    assert all(60 <= (p.end - p.start) // timedelta(minutes=1) <= 120 for p in solution.placements)


def test_soft_due_date_that_cannot_be_met_is_reported_late() -> None:
    day_long = tuple(meeting("Workshop", 0, 9, 17) for _ in range(1))
    urgent = Task(id="report", title="Report", effort=60, due=at(0, 17), priority=Priority.HIGH)
    solution = solved(tasks=(urgent,), events=day_long)
    (late,) = solution.late
    assert late.item_id == "report" and late.minutes_late >= 16 * 60
    assert any(penalty.rule == "late:report" for penalty in solution.penalties)


def test_goal_work_and_focus_share_the_daily_cap() -> None:
    goal = Goal(id="novel", title="Novel", target_date=at(30, 0), effort=180, min_chunk=60, max_chunk=120)
    solution = solved(
        days=2, goals=(goal,), focus=FocusPolicy(min_block=60, daily_minutes=120), daily_cap_minutes=240
    )
    per_day: dict[object, int] = defaultdict(int)
    for p in solution.placements:
        if p.kind in (BlockKind.GOAL, BlockKind.FOCUS, BlockKind.TASK):
            per_day[p.start.date()] += (p.end - p.start) // timedelta(minutes=1)
    assert per_day and all(used <= 240 for used in per_day.values())
    assert minutes_of(solution, "novel") > 0
    assert any(p.kind is BlockKind.FOCUS for p in solution.placements)


def test_work_that_does_not_fit_is_unplaced_with_a_reason() -> None:
    huge = Task(id="huge", title="Huge", effort=30 * 60, min_chunk=60, max_chunk=240)
    solution = solved(days=2, tasks=(huge,))
    (missing,) = solution.unplaced
    assert missing.item_id == "huge" and missing.minutes == 30 * 60 - minutes_of(solution, "huge") > 0
    assert "working hours" in missing.reason


def test_lexicographic_mode_serves_the_higher_priority_first() -> None:
    options = SolveOptions(time_limit_s=2.0, random_seed=3, priority_mode=PriorityMode.LEXICOGRAPHIC)
    # Monday has two free hours: the critical task takes them even though the low ones would fit more work.
    busy = (meeting("Busy", 0, 9, 15), meeting("Busy late", 0, 17, 18))
    critical = Task(
        id="crit", title="Critical", effort=120, min_chunk=120, due=at(0, 17), priority=Priority.CRITICAL
    )
    low = Task(id="low", title="Low", effort=60, min_chunk=60, due=at(0, 17), priority=Priority.LOW)
    solution = solved(days=1, tasks=(critical, low), events=busy, options=options)
    assert minutes_of(solution, "crit") == 120
    assert solution.status in (SolveStatus.OPTIMAL, SolveStatus.FEASIBLE)
    assert solution.objective is not None and solution.best_bound is not None
