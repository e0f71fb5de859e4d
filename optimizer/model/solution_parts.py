"""Assemble the `Solution` from an outcome: plan, what fell short and why, cost and proof."""

from __future__ import annotations

from collections.abc import Set

from optimizer.model.built import Built
from optimizer.model.cost import plan_cost, required_cost
from optimizer.model.extract import lateness, moved, penalties, placements
from optimizer.model.reasons import unplaced
from optimizer.model.runner import Outcome
from optimizer.solution import Conflict, Solution, SolveStatus


def build_solution(
    built: Built,
    outcome: Outcome,
    status: SolveStatus,
    conflicts: list[Conflict],
    failed: Set[str],
    seconds: float,
    held: bool = True,
) -> Solution:
    """`held`: the search held its requirements and gave the others up, so its bound is over the
    rest of the cost, and the price of what the plan gives up is added to it. When the search priced
    requirements instead, its bound is reported as found, with no gap."""
    if not outcome.has_plan:
        return Solution(status=status, conflicts=tuple(conflicts), solve_seconds=seconds)
    solver = outcome.solver
    plan = placements(built, solver)
    objective = float(plan_cost(built, solver))
    given_up = required_cost(built, solver)
    bound = outcome.bound
    gap = None
    if bound is not None and held:
        # Requirements given up cost a fixed 10^12 each; the gap is taken over the rest of the cost.
        bound += given_up
        gap = max(0.0, objective - bound) / max(1.0, objective - given_up)
    return Solution(
        status=status,
        placements=tuple(plan),
        unplaced=tuple(unplaced(built, solver, failed)),
        late=tuple(lateness(built, plan)),
        objective=objective,
        best_bound=bound,
        gap=gap,
        solve_seconds=seconds,
        penalties=tuple(penalties(built, solver)),
        conflicts=tuple(conflicts),
        moved=moved(built, plan),
    )
