"""Model tests: on generated instances, every plan the optimizer returns keeps every hard rule, and so
does the greedy baseline. Instances are small and time limits short, so this tier stays quick."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from optimizer.domain import Instance, SolveOptions, Task, TimeWindow, Weekday
from optimizer.generate import small, tight, typical
from optimizer.greedy import greedy_plan
from optimizer.solution import Placement, Solution, SolveStatus
from optimizer.solve import optimize_schedule, schedule_habits, score_plan
from optimizer.validate import validate
from optimizer.validation.plan import PlanKind

SEEDS = st.integers(min_value=0, max_value=2**32 - 1)
QUICK = settings(
    max_examples=40, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)
ANSWERED = (SolveStatus.OPTIMAL, SolveStatus.FEASIBLE, SolveStatus.INFEASIBLE)


def quick(instance: Instance) -> Instance:
    """One worker, a fixed seed and a short limit: what the worker does, made fast and repeatable."""
    return instance.model_copy(
        update={"options": SolveOptions(time_limit_s=1.0, num_workers=1, random_seed=1)}
    )


def minutes(placement: Placement) -> int:
    return (placement.end - placement.start) // timedelta(minutes=1)


def check_accounted(instance: Instance, solution: Solution) -> None:
    """Nothing fails silently: work not placed is reported as unplaced."""
    for task in instance.work_items():
        placed = sum(minutes(p) for p in solution.placements if (p.item_id, p.kind) == (task.id, task.kind))
        missing = sum(u.minutes for u in solution.unplaced if (u.item_id, u.kind) == (task.id, task.kind))
        assert placed + missing >= task.effort, f"{instance.user_id}: {task.id} lost work silently"


def check(instance: Instance, solution: Solution, kind: PlanKind) -> None:
    assert solution.status in ANSWERED, f"{instance.user_id}: {solution.status}"
    if solution.status is SolveStatus.INFEASIBLE:
        assert solution.conflicts, f"{instance.user_id}: infeasible without naming a conflict"
    # Even when some requirement cannot hold, the plan returned keeps every hard rule of the validator.
    assert validate(instance, solution.placements, kind=kind) == []
    if kind == "schedule":
        check_accounted(instance, solution)
    if solution.status is SolveStatus.OPTIMAL:
        # A proven optimum cannot cost more than any valid plan, the greedy one included.
        greedy = greedy_plan(instance, include_tasks=kind == "schedule")
        ours = score_plan(instance, solution.placements, kind=kind)[0]
        theirs = score_plan(instance, greedy, kind=kind)[0]
        assert ours <= theirs + 1e-6, f"{instance.user_id}: optimum {ours} worse than greedy {theirs}"


@QUICK
@given(SEEDS)
def test_greedy_plans_keep_every_hard_rule(seed: int) -> None:
    for instance in (small(seed), typical(seed % 1000), tight(seed % 1000)):
        assert validate(instance, greedy_plan(instance, include_tasks=False), kind="habits") == []
        assert validate(instance, greedy_plan(instance, include_tasks=True), kind="schedule") == []


@QUICK
@given(SEEDS)
def test_scheduled_habits_keep_every_hard_rule(seed: int) -> None:
    instance = quick(small(seed))
    check(instance, schedule_habits(instance), "habits")


@settings(QUICK, max_examples=12)
@given(SEEDS)
def test_scheduled_habits_of_typical_weeks_keep_every_hard_rule(seed: int) -> None:
    instance = quick(typical(seed % 1000))
    check(instance, schedule_habits(instance), "habits")


@QUICK
@given(SEEDS)
def test_optimized_schedules_keep_every_hard_rule(seed: int) -> None:
    instance = quick(small(seed))
    check(instance, optimize_schedule(instance), "schedule")


def test_a_hard_due_date_that_cannot_hold_is_reported_not_overrun() -> None:
    """Four hours of work, two before a hard due date: the plan names the conflict and leaves the
    rest unplaced; it never places work after the hard due date."""
    day = datetime(2026, 1, 5, tzinfo=UTC)
    report = Task(
        id="t", title="Report", effort=240, max_chunk=120, due=day + timedelta(hours=11), due_is_hard=True
    )
    instance = Instance(
        user_id="u1",
        now=day,
        horizon_start=day,
        horizon_end=day + timedelta(days=1),
        working_hours={Weekday.MON: (TimeWindow(start=time(9), end=time(13)),)},
        tasks=(report,),
        options=SolveOptions(time_limit_s=2.0, num_workers=1, random_seed=1),
    )
    solution = optimize_schedule(instance)
    assert solution.status is SolveStatus.INFEASIBLE
    check(instance, solution, "schedule")
