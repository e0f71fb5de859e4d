"""Large-neighbourhood search: improve a plan by re-solving a small part of it at a time.

On one worker CP-SAT's main search seldom improves a complete start on a two-week schedule within
seconds (its own LNS runs only interleaved with ten full subsolvers on that worker). Here most of
the best plan is fixed and a small neighbourhood is re-solved briefly: the blocks of a window of
local days (with every absent block that could go there), all blocks of a few items, or (every
third step) an item the plan pays for leaving out, late or missed, with the blocks on its days
(`lns_targets`). A better plan is kept; neighbourhoods rotate in an order fixed by the random
seed, until the time runs out.
Every neighbourhood model is the full model with more constraints, so any plan it finds is a plan
of the full model, and the full model's bound holds.
"""

from __future__ import annotations

import random

from ortools.sat.python import cp_model

from optimizer.domain import SolveOptions
from optimizer.model.built import Built
from optimizer.model.hints import hint_solution
from optimizer.model.lns_targets import aimed
from optimizer.model.runner import Clock, Outcome, run
from optimizer.model.variables import BlockVars
from optimizer.solution import SolveStatus

STEP_SECONDS = 0.12  # per neighbourhood: long enough to place a few blocks, short enough to rotate
MIN_SECONDS = 0.05  # below this, a neighbourhood solve cannot load its model
ITEMS_PER_STEP = 4


def improve(
    built: Built, model: cp_model.CpModel, options: SolveOptions, clock: Clock, best: Outcome
) -> Outcome:
    """`model` is the full model with its objective; `best` a plan of it. Returns the best plan found,
    FEASIBLE, with `best`'s bound."""
    if not best.has_plan or best.objective is None:
        return best
    rng = random.Random(options.random_seed or 0)
    blocks = [block for block in built.variables.all() if block.spec.choices]
    days = sorted({choice.day for block in blocks for choice in block.spec.choices})
    items = sorted({block.spec.item_id for block in blocks})
    solver, objective, step = best.solver, best.objective, 0
    while clock.left() > MIN_SECONDS and days:
        free = aimed(built, blocks, solver, rng) if step % 3 == 2 else set()
        free = free or _neighbourhood(blocks, solver, days, items, rng, step)
        step += 1
        found = _solve_part(model, blocks, free, solver, options, min(STEP_SECONDS, clock.left()))
        if found is not None and found.objective is not None and found.objective < objective - 0.5:
            solver, objective = found.solver, found.objective
    if solver is best.solver:
        return best
    return Outcome(SolveStatus.FEASIBLE, solver, objective, best.bound)


def _neighbourhood(
    blocks: list[BlockVars],
    solver: cp_model.CpSolver,
    days: list[int],
    items: list[str],
    rng: random.Random,
    step: int,
) -> set[str]:
    """Names of the blocks left free: alternately a window of 1-3 days and a few whole items."""
    if step % 2 == 0 or not items:
        first = rng.randrange(len(days))
        window = set(days[first : first + rng.randint(1, 3)])
        return {block.spec.name for block in blocks if _touches(block, solver, window)}
    chosen = set(rng.sample(items, min(ITEMS_PER_STEP, len(items))))
    return {block.spec.name for block in blocks if block.spec.item_id in chosen}


def _touches(block: BlockVars, solver: cp_model.CpSolver, window: set[int]) -> bool:
    """Placed in the window, or absent and allowed there (so that left-out work can come in)."""
    if solver.value(block.present):
        return block.spec.choices[_pick(block, solver)].day in window
    return any(choice.day in window for choice in block.spec.choices)


def _pick(block: BlockVars, solver: cp_model.CpSolver) -> int:
    return next(index for index, pick in enumerate(block.picks) if solver.value(pick))


def _solve_part(
    model: cp_model.CpModel,
    blocks: list[BlockVars],
    free: set[str],
    solver: cp_model.CpSolver,
    options: SolveOptions,
    seconds: float,
) -> Outcome | None:
    part = model.clone()
    hint_solution(part, solver)
    for block in blocks:
        if block.spec.name not in free:
            _fix(part, block, solver)
    # Sized as the full model, so presolve runs: it removes the fixed blocks, leaving a small model.
    found = run(part, options, seconds, len(blocks), ())
    return found if found.solved else None


def _fix(model: cp_model.CpModel, block: BlockVars, solver: cp_model.CpSolver) -> None:
    model.add(block.present == solver.value(block.present))
    model.add(block.start == solver.value(block.start))
    model.add(block.length == solver.value(block.length))
    for pick in block.picks:
        model.add(pick == solver.value(pick))
