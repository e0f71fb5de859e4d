"""The optimizer's entry points: solve SCHEDULE_HABITS or OPTIMIZE_SCHEDULE, or score a given plan.

Each solve returns a `Solution` that explains itself: status, objective, best bound and gap, solve
time, the penalty each named rule added, what was left unplaced or late and why, and for
requirements that cannot all hold, the conflicting set with a suggested relaxation.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from optimizer.domain import Instance
from optimizer.model.extract import penalties
from optimizer.model.pipeline import solve_instance
from optimizer.model.runner import run
from optimizer.model.scoring import InvalidPlan, fixed_model
from optimizer.model.start_plan import build_model
from optimizer.solution import Penalty, Placement, Solution, SolveStatus

__all__ = ["InvalidPlan", "optimize_schedule", "schedule_habits", "score_plan"]

SCORE_SECONDS = 10.0  # a fixed plan is solved by presolve; this only guards against the unexpected


def schedule_habits(instance: Instance) -> Solution:
    return solve_instance(instance, "habits")


def optimize_schedule(instance: Instance) -> Solution:
    return solve_instance(instance, "schedule")


def score_plan(
    instance: Instance, placements: Sequence[Placement], *, kind: Literal["habits", "schedule"]
) -> tuple[float, tuple[Penalty, ...]]:
    """The weighted objective a plan pays under the model, and its penalties per rule.

    Requirements count at their soft price (a defended habit's missing occurrence costs as missed),
    so that any valid plan has a score; a plan that breaks a hard rule raises `InvalidPlan`.
    """
    built = build_model(kind, instance, [placements])
    present = {(p.item_id, p.kind, p.start, p.end) for p in placements}
    for block in built.ctx.fixed.kept:
        if (block.item_id, block.kind, block.start, block.end) not in present:
            raise InvalidPlan(f"frozen {block.kind} block of {block.item_id} at {block.start} is missing")
    trial, misfits = fixed_model(built, placements)
    if misfits:
        bad = misfits[0]
        raise InvalidPlan(
            f"{bad.kind} block of {bad.item_id} at {bad.start}-{bad.end} has no place in the model: "
            "outside its hours, on busy time, off the grid, or beyond its period's count; "
            "optimizer.validate says which"
        )
    outcome = run(trial, instance.options, SCORE_SECONDS, len(built.variables.all()), [])
    if outcome.status is not SolveStatus.OPTIMAL or outcome.objective is None:
        raise InvalidPlan(
            "the plan breaks a hard rule between blocks (overlap, buffers, spacing, order, dependencies or "
            f"the daily cap); the fixed model is {outcome.status}; optimizer.validate names the rule"
        )
    return outcome.objective, tuple(penalties(built, outcome.solver))
