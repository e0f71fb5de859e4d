"""Start the search from a known plan: hint every block's decision from its match in the plan.

Blocks the plan does not use are hinted absent, so a complete valid plan gives a complete hint and
CP-SAT starts from a feasible solution instead of searching for one.
"""

from __future__ import annotations

from collections.abc import Iterable

from ortools.sat.python import cp_model

from optimizer.model.built import Built
from optimizer.model.matching import Fit, Located, match
from optimizer.model.variables import BlockVars


def add_plan_hint(built: Built, plan: Iterable[Located]) -> int:
    """Replace the model's hint with the plan; returns how many of the plan's blocks found a place."""
    fits, _ = match(built.ctx, built.variables, plan)
    by_block = {fit.block: fit for fit in fits}
    model = built.model
    model.clear_hints()
    for block in built.variables.all():
        if block.spec.choices:
            _hint(model, block, by_block.get(block.spec.name))
    return len(fits)


def hint_solution(model: cp_model.CpModel, solver: cp_model.CpSolver) -> None:
    """Replace the model's hint with every variable's value in the solver's solution."""
    hint_values(model, list(solver.response_proto.solution))


def hint_values(model: cp_model.CpModel, values: list[int]) -> None:
    """Replace the model's hint with `values`, one per variable in index order. Copied in one piece:
    one `add_hint` per variable took about 17 ms on a two-week schedule, a tenth of an LNS step."""
    model.clear_hints()
    count = min(len(values), len(model.proto.variables))
    model.proto.solution_hint.vars.extend(range(count))
    model.proto.solution_hint.values.extend(values[:count])


def _hint(model: cp_model.CpModel, block: BlockVars, fit: Fit | None) -> None:
    model.add_hint(block.present, fit is not None)
    model.add_hint(block.length, fit.length if fit else 0)
    if fit is not None:
        model.add_hint(block.start, fit.start)
        model.add_hint(block.end, fit.start + fit.length)
    if len(block.picks) > 1:
        for index, pick in enumerate(block.picks):
            model.add_hint(pick, fit is not None and fit.pick == index)
