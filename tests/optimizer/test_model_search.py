"""Search strategies: the core search finishes proofs the plain search stalls on, with the same
optimum; the full relaxation and the work limit reach CP-SAT's parameters."""

from __future__ import annotations

from ortools.sat.python import cp_model

from optimizer.domain import SolveOptions
from optimizer.generate import typical
from optimizer.model import full_search
from optimizer.model.objective import weighted
from optimizer.model.params import solver_for
from optimizer.model.runner import Outcome, run
from optimizer.model.start_plan import build_model, start_plan
from optimizer.model.warm_start import add_plan_hint
from optimizer.solution import SolveStatus
from tests.optimizer.test_model_options import HABITS
from tests.optimizer.weeks import week

OPTIONS = SolveOptions(time_limit_s=2.0, num_workers=1, random_seed=19)


def test_search_modes_and_work_limit_reach_the_parameters() -> None:
    plain = solver_for(OPTIONS, 1.0, blocks=10).parameters
    core = solver_for(OPTIONS, 1.0, blocks=10, search="core").parameters
    bound = solver_for(OPTIONS, 1.0, blocks=500, search="bound").parameters
    capped = solver_for(OPTIONS, 1.0, blocks=10, work=0.02).parameters
    assert not plain.optimize_with_core and plain.linearization_level == 1
    assert core.optimize_with_core and bound.linearization_level == 2
    assert plain.max_deterministic_time == 1.0 and capped.max_deterministic_time == 0.02
    assert not bound.interleave_search  # one worker: the relaxation gets the whole worker
    two = OPTIONS.model_copy(update={"num_workers": 2})
    assert solver_for(two, 1.0, blocks=500, search="bound").parameters.interleave_search


def test_core_search_proves_the_optimum_the_plain_search_stalls_on() -> None:
    """A generated week (two meditations a day, four hours apart, both ideally at 07:00) whose plain
    search takes three times the quick share to prove optimal."""
    instance = typical(19).model_copy(update={"options": OPTIONS})
    built = build_model("habits", instance)
    add_plan_hint(built, start_plan(instance, "habits"))
    model = built.model.clone()
    model.minimize(weighted(built.terms))
    blocks = len(built.variables.all())
    quick = run(model, OPTIONS, 2.0, blocks, (), work=full_search.QUICK_WORK)
    assert quick.status is SolveStatus.FEASIBLE  # the plain search alone has not proven it yet

    found = full_search.full_search(built, model, OPTIONS, 2.0)
    proven = run(model, OPTIONS, 10.0, blocks, ())

    assert found.status is SolveStatus.OPTIMAL is proven.status
    assert found.objective == found.bound == proven.objective


def test_the_better_bound_is_kept() -> None:
    assert full_search.higher(3.0, None) == 3.0
    assert full_search.higher(3.0, 5.0) == 5.0
    assert full_search.higher(None, None) is None


def test_a_week_the_core_search_does_not_finish_goes_back_to_the_plain_search() -> None:
    """Gym three times a week and reading daily, both wanted near 07:00: the plain search proves it
    after 0.15 of work, past both the quick share and the core search's."""
    instance = week(habits=HABITS, options=OPTIONS)
    built = build_model("habits", instance)
    add_plan_hint(built, start_plan(instance, "habits"))
    model = built.model.clone()
    model.minimize(weighted(built.terms))
    blocks = len(built.variables.all())
    core = run(model, OPTIONS, 5.0, blocks, (), "core", work=full_search.CORE_WORK)
    assert core.status is SolveStatus.FEASIBLE

    found = full_search.full_search(built, model, OPTIONS, 5.0)

    assert found.status is SolveStatus.OPTIMAL and found.objective == found.bound


def test_the_better_plan_is_kept_with_the_better_bound() -> None:
    solver = cp_model.CpSolver()
    worse = Outcome(SolveStatus.FEASIBLE, solver, 120.0, 40.0)
    best = Outcome(SolveStatus.FEASIBLE, solver, 100.0, 30.0)
    nothing = Outcome(SolveStatus.UNKNOWN, solver)
    assert full_search.better(worse, best) == Outcome(SolveStatus.FEASIBLE, solver, 100.0, 40.0)
    assert full_search.better(best, worse) == Outcome(SolveStatus.FEASIBLE, solver, 100.0, 40.0)
    assert full_search.better(best, nothing) == best
