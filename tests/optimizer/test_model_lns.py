"""LNS: re-solving small parts of a plan keeps it valid and never makes it worse."""

from __future__ import annotations

from optimizer.domain import Priority, Task
from optimizer.model.extract import placements
from optimizer.model.lns import improve
from optimizer.model.objective import weighted
from optimizer.model.runner import Clock, run
from optimizer.model.scoring import score_fixed
from optimizer.model.start_plan import build_model
from optimizer.solution import SolveStatus
from optimizer.validate import validate
from tests.optimizer.weeks import meeting, week


def test_lns_improves_an_empty_plan_and_every_plan_is_valid() -> None:
    tasks = tuple(
        Task(id=f"t{i}", title=f"Task {i}", effort=90, min_chunk=30, max_chunk=60, priority=Priority.HIGH)
        for i in range(4)
    )
    events = (meeting("Standup", 0, 9, 10), meeting("Review", 1, 13, 15), meeting("Planning", 2, 10, 12))
    instance = week(days=3, tasks=tasks, events=events)
    built = build_model("schedule", instance)
    start = score_fixed(built, [], instance.options, 1.0)
    assert start is not None and start.objective is not None and start.objective > 0
    model = built.model.clone()
    model.minimize(weighted(built.terms))

    better = improve(built, model, instance.options, Clock(1.0), start)

    assert better.status is SolveStatus.FEASIBLE and better.objective is not None
    assert better.objective < start.objective
    assert better.bound == start.bound
    plan = placements(built, better.solver)
    assert plan and validate(instance, plan, kind="schedule") == []


def test_lns_keeps_an_optimal_plan_as_it_is() -> None:
    instance = week(days=2, tasks=(Task(id="t", title="Task", effort=60, min_chunk=60, max_chunk=60),))
    built = build_model("schedule", instance)
    model = built.model.clone()
    model.minimize(weighted(built.terms))
    optimal = run(model, instance.options, 5.0, len(built.variables.all()), ())
    assert optimal.status is SolveStatus.OPTIMAL

    again = improve(built, model, instance.options, Clock(0.5), optimal)

    assert again.objective == optimal.objective and again.bound == optimal.bound
    assert validate(instance, placements(built, again.solver), kind="schedule") == []
