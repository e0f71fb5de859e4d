"""A redundant cut: the least ideal-time plus duration cost each choice allows, known in advance.

Inside one free stretch, starting at the ideal time and running long pull against each other when
the stretch is short. The best trade-off per choice is computed here by enumerating the few
lengths, and a block's combined cost is held at or above it. Nothing changes in which plans are
allowed; the solver just sees the true price of each stretch at once, which is what lets small
habit models close their gap in milliseconds.
"""

from __future__ import annotations

from ortools.sat.python import cp_model

from optimizer.model.blocks import Choice
from optimizer.model.objectives.ideal_time import start_range
from optimizer.model.variables import BlockVars
from optimizer.model.weights import DURATION, IDEAL_TIME


def add_cost_floor(
    model: cp_model.CpModel,
    block: BlockVars,
    ideals: list[int | None],
    distance: cp_model.LinearExprT | None,
    shortfall: cp_model.LinearExprT,
) -> None:
    """`ideals` holds the ideal start slot for each choice (None without an ideal time)."""
    floors = [_least(block, choice, ideal) for choice, ideal in zip(block.spec.choices, ideals, strict=True)]
    if not any(floors):
        return
    parts, weights = [shortfall], [DURATION]
    if distance is not None:
        parts, weights = [shortfall, distance], [DURATION, IDEAL_TIME]
    cost = cp_model.LinearExpr.weighted_sum(parts, weights)
    model.add(cost >= cp_model.LinearExpr.weighted_sum(list(block.picks), floors))


def _least(block: BlockVars, choice: Choice, ideal: int | None) -> int:
    spec = block.spec
    first, last = start_range(choice)
    best = None
    for length in range(spec.min_len, spec.max_len + 1):
        latest = min(last, choice.hi - length)
        if latest < first:
            break
        off = 0 if ideal is None else max(0, first - ideal, ideal - latest)
        cost = IDEAL_TIME * off + DURATION * (spec.max_len - length)
        best = cost if best is None else min(best, cost)
    return best or 0
