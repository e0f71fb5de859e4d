"""The plan the search starts from, made into a complete solution of the model.

1. If the start plan breaks a requirement in play, the requirements are placed alone (a quick
   feasibility solve). If even that fails, `optimizer.explain` finds the conflicts and what holds.
   Everything else is then placed around the requirements' blocks (`repair`).
2. High-priority work the start left out is placed the same way.
3. The model is rebuilt if the plan needs more task chunks than it has room for, and the plan is
   solved with every block fixed: that prices it on the model's own scale and gives a value for
   every variable, so the hint is complete and CP-SAT starts from it at once.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from optimizer.explain import explain
from optimizer.model.built import Built, PlanKind
from optimizer.model.hints import add_plan_hint, hint_solution
from optimizer.model.repair import around, broken_by, solve_alone, with_urgent_work
from optimizer.model.runner import Clock, Outcome
from optimizer.model.scoring import score_fixed
from optimizer.model.start_plan import build_model
from optimizer.model.terms import HardRule
from optimizer.solution import Conflict, Placement, SolveStatus

REQUIRED_SHARE = 0.25  # of the time left, at most, to place the requirements alone
# Of the time left, at most, to place high-priority work first. Most of the budget: on two-week
# schedules the price of high-priority work left out dominates the objective, this small model (the
# other blocks left out) is where CP-SAT wins it back, and on one worker the full model's search
# rarely improves a complete start within seconds (measured on the heavy family, 2 s, one worker:
# median gap 47% with 0.2, 32-36% with 0.7; typical weeks did not get worse).
URGENT_SHARE = 0.7
SCORE_SHARE = 0.1  # of the time left, to price the start
# But at least this long, even past the time limit: without a priced start the search starts cold
# and, on a two-week schedule under load, may find nothing at all in the time left.
SCORE_FLOOR = 0.25


@dataclass
class Start:
    built: Built
    held: list[HardRule]  # requirements the start keeps (all in play, or those that hold together)
    outcome: Outcome | None  # the start priced (None: no start fits the model)
    keeps_all: bool  # it keeps every requirement in `held`
    conflicts: list[Conflict] = field(default_factory=list)


def warm_start(
    built: Built,
    kind: PlanKind,
    plan: list[Placement],
    rules: Sequence[HardRule],
    clock: Clock,
    also: Sequence[Placement] = (),
) -> Start:
    """`rules` are the requirements still in play; the others are given up. A rebuilt model keeps
    room for `also`, another plan it must be able to score."""
    options = built.ctx.instance.options
    held, conflicts = list(rules), []
    add_plan_hint(built, plan)  # also guides the solves below
    if broken_by(built, plan, held):
        names = {name for rule in held for name in rule.blocks}
        placed = solve_alone(built, names, held, clock.left() * REQUIRED_SHARE, optimize=False)
        if placed.status is SolveStatus.INFEASIBLE:
            found = explain(built, held, options, Clock(clock.left() / 2))
            conflicts, held, placed = found.conflicts, found.held, found.placement or placed
        if placed.solved:
            plan = around(built, placed.solver, names)
    if not broken_by(built, plan, held):
        plan = with_urgent_work(built, plan, held, clock.left() * URGENT_SHARE)
    if add_plan_hint(built, plan) < len(plan) - len(built.ctx.fixed.kept):
        built = build_model(kind, built.ctx.instance, [plan, also])
        add_plan_hint(built, plan)
    return _priced(built, plan, held, conflicts, max(clock.left() * SCORE_SHARE, SCORE_FLOOR))


def _priced(
    built: Built, plan: list[Placement], held: Sequence[HardRule], conflicts: list[Conflict], seconds: float
) -> Start:
    names = {rule.name for rule in held}
    held = [rule for rule in built.rules if rule.name in names]
    given_up = [rule for rule in built.rules if rule.name not in names]
    options = built.ctx.instance.options
    kept = score_fixed(built, plan, options, seconds, held, given_up)
    if kept is not None and kept.solved:
        hint_solution(built.model, kept.solver)
        return Start(built, held, kept, True, conflicts)
    loose = score_fixed(built, plan, options, seconds, (), given_up)
    if loose is None or not loose.solved:
        return Start(built, held, None, False, conflicts)
    hint_solution(built.model, loose.solver)
    return Start(built, held, loose, False, conflicts)
