"""The full model's own search, before LNS: which CP-SAT strategy, by model.

- Larger models (over `SMALL_MODEL` blocks): one sequential search with the full linear relaxation,
  for a tight bound (on two-week schedules the plan barely moves within seconds anyway).
- A small schedule: the plain search (on typical weeks of work the core search and the full
  relaxation both left larger gaps).
- A small habit model: the plain search for `QUICK_WORK`, which proves 49 of 50 typical weeks; then
  the core-based search for up to `CORE_WORK` from the best plan, which proves the week the plain
  search stalls on (two meditations a day, four hours apart, both ideally at 07:00: 0.06 of work and
  250 ms plain, 0.016 and about 60 ms core); then the plain search again, cold, for the time left,
  since on other weeks the core search takes longer than a fresh plain one.

Work limits are in CP-SAT's deterministic seconds, which do not depend on the machine's load, so a
seeded solve takes the same path on a busy machine.
"""

from __future__ import annotations

from ortools.sat.python import cp_model

from optimizer.domain import SolveOptions
from optimizer.model.built import Built
from optimizer.model.hints import hint_solution
from optimizer.model.params import SMALL_MODEL
from optimizer.model.runner import Clock, Outcome, run
from optimizer.solution import SolveStatus

QUICK_WORK = 0.02  # the slowest typical week the plain search proves needs 0.014
CORE_WORK = 0.03  # the week it stalls on needs 0.016 in the core search


def full_search(built: Built, model: cp_model.CpModel, options: SolveOptions, seconds: float) -> Outcome:
    """`model` is the full model with its objective and hint; its hint may be replaced."""
    blocks = len(built.variables.all())
    if blocks > SMALL_MODEL:
        return run(bounded(built, model), options, seconds, blocks, (), "bound")
    if built.kind == "schedule":
        return run(model, options, seconds, blocks, ())
    clock = Clock(seconds)
    best = run(model, options, seconds, blocks, (), work=QUICK_WORK)
    if best.status is not SolveStatus.FEASIBLE or clock.left() <= 0:
        return best
    hint_solution(model, best.solver)
    best = better(best, run(model, options, clock.left(), blocks, (), "core", work=CORE_WORK))
    if best.status is not SolveStatus.FEASIBLE or clock.left() <= 0:
        return best
    # Cold: from a hint the plain search follows it first and proves more slowly (0.31 s against
    # 0.14 s on a week of gym and reading); the better plan is kept either way.
    model.clear_hints()
    return better(best, run(model, options, clock.left(), blocks, ()))


def bounded(built: Built, model: cp_model.CpModel) -> cp_model.CpModel:
    """The model with the cuts that serve only the bound; its variables are the model's, so its plans
    serve the model too."""
    if not built.bound_rows:
        return model
    copy = model.clone()
    for expr, least in built.bound_rows:
        copy.add(expr >= least)
    return copy


def better(first: Outcome, second: Outcome) -> Outcome:
    """The better plan of two searches of one model (`first` has one), with the better bound."""
    bound = higher(first.bound, second.bound)
    found, known = second.objective, first.objective
    if second.solved and found is not None and known is not None and found <= known:
        return Outcome(second.status, second.solver, found, bound)
    return Outcome(first.status, first.solver, first.objective, bound)


def higher(first: float | None, second: float | None) -> float | None:
    """The better of two lower bounds of one objective (None: not known)."""
    known = [bound for bound in (first, second) if bound is not None]
    return max(known) if known else None
