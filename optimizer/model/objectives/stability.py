"""Stability: each block of the previous plan that does not stay exactly where it was costs.

Frozen blocks never move (they are fixed data); this prices the others, so an unchanged plan that
is still valid stays unchanged.
"""

from __future__ import annotations

from collections import defaultdict

from ortools.sat.python import cp_model

from optimizer.domain import Priority
from optimizer.model.context import Context
from optimizer.model.matching import match
from optimizer.model.terms import Term
from optimizer.model.variables import Variables
from optimizer.model.weights import MOVED


def stability_terms(
    model: cp_model.CpModel, ctx: Context, variables: Variables, priorities: dict[str, Priority]
) -> list[Term]:
    previous = [block for block in ctx.instance.previous_plan if block.kind in ctx.kinds]
    fits, _ = match(ctx, variables, previous)
    moved: dict[str, list[cp_model.LinearExprT]] = defaultdict(list)
    for fit in fits:
        block = variables.block(fit.block)
        kept = model.new_bool_var(f"kept:{fit.block}")
        model.add(block.start == fit.start).only_enforce_if(kept)
        model.add(block.length == fit.length).only_enforce_if(kept)
        model.add_implication(kept, block.picks[fit.pick])
        moved[block.spec.item_id].append(1 - kept)
    return [
        Term(f"moved:{item}", cp_model.LinearExpr.sum(exprs), MOVED, priorities.get(item, Priority.MEDIUM))
        for item, exprs in moved.items()
    ]
