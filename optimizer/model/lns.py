"""Large-neighbourhood search: improve a plan by re-solving a small part of it at a time.

On one worker CP-SAT's main search seldom improves a complete start on a two-week schedule within
seconds (its own LNS runs only interleaved with ten full subsolvers on that worker). Here most of
the best plan is pinned and a small neighbourhood is re-solved briefly (`lns_part`): first every
local day alone, in turn (with every absent block that could go there), then a window of 1-2 days
or all blocks of a few items; every third step, and two of three once the first pass is over, an
item the plan pays for leaving out, late or missed, with what it depends on and the blocks on one of
its days (`lns_targets`). A better plan is kept; neighbourhoods after the first pass rotate in an
order fixed by the random seed (in a model up to `SMALL_MODEL` blocks, aimed every third step
throughout). Each neighbourhood runs CP-SAT's main search alone ("part" in `params`).

After the pass the aimed neighbourhoods are what still pays: traced on heavy fortnights 0-29 (2 s
each), the steps after the pass took 0.135 of the LNS start's cost off per second of their time
when aimed, 0.016 as windows of days and 0.007 as whole items (during the pass: 0.95 aimed, 0.32
for a day).

The first pass is there because random windows left about half the days of a fortnight unvisited
in the second or so the search gets (about 7 window steps of 1-2 days): on 10 heavy fortnights,
one pass of single days after the search still took 1.3-8.9% off its plan, mostly in steps proven
optimal within 0.1 s. A day of the pass gets 0.16 s rather than 0.12: some crowded days were still
improving at 0.12 s. Visiting the days the plan pays most for first, instead of in the horizon's
order, did worse: a day re-solved first takes in the work left out, and the earliest days take it
with the least lateness.

A capacity-first stage (neighbourhoods re-solved for the work left out, lateness and missed
occurrences alone, then the whole objective with that cost held) was tried: from the same start on
8 heavy fortnights, 3 seeds each, 1 s of it left 0.81 of the start's cost at the geometric mean,
against 0.74 for this search alone, so it is not used.

Every neighbourhood model is the full model with more constraints, so any plan it finds is a plan
of the full model, and the full model's bound holds. Steps stop on the wall clock, so the number of
steps depends on the machine; given `steps` and `work` (CP-SAT's deterministic time per step) a
seeded search repeats exactly.
"""

from __future__ import annotations

import random

from ortools.sat.python import cp_model

from optimizer.domain import SolveOptions
from optimizer.model.built import Built
from optimizer.model.lns_part import Parts, neighbourhood
from optimizer.model.lns_targets import aimed
from optimizer.model.params import SMALL_MODEL, Search
from optimizer.model.runner import Clock, Outcome, run
from optimizer.solution import SolveStatus

STEP_SECONDS = 0.12  # per neighbourhood: long enough to place a few blocks, short enough to rotate
PASS_SECONDS = 0.16  # per day of the first pass: a crowded day often needs more than a step
MIN_SECONDS = 0.05  # below this, a neighbourhood solve cannot load its model


def improve(
    built: Built,
    model: cp_model.CpModel,
    options: SolveOptions,
    clock: Clock,
    best: Outcome,
    *,
    steps: int | None = None,
    work: float | None = None,
    search: Search = "part",
) -> Outcome:
    """`model` is the full model with its objective; `best` a plan of it. Returns the best plan found,
    FEASIBLE, with `best`'s bound. With `steps`, at most that many neighbourhoods; with `work`,
    each stops after that much deterministic time (and only then, or on the clock). `search` is
    CP-SAT's strategy in each neighbourhood (`params`)."""
    if not best.has_plan or best.objective is None:
        return best
    rng = random.Random(options.random_seed or 0)
    blocks = [block for block in built.variables.all() if block.spec.choices]
    days = sorted({choice.day for block in blocks for choice in block.spec.choices})
    items = sorted({block.spec.item_id for block in blocks})
    solver, objective, step, turn = best.solver, best.objective, 0, 0  # turn: steps not aimed
    parts = Parts(model, blocks)
    while clock.left() > MIN_SECONDS and days and step != steps:
        passed = turn >= len(days) and len(blocks) > SMALL_MODEL
        free = aimed(built, blocks, solver, rng) if aiming(step, passed) else set()
        pass_day = not free and turn < len(days)
        if not free:
            free = neighbourhood(blocks, solver, days, items, rng, turn)
            turn += 1
        step += 1
        seconds = clock.left() if work is not None else step_seconds(pass_day, clock.left())
        part = parts.model_for(free, solver)
        # Sized as the full model, so presolve runs: it removes the pinned blocks.
        found = run(part, options, seconds, len(blocks), (), search, work=work)
        if found.solved and found.objective is not None and found.objective < objective - 0.5:
            solver, objective = found.solver, found.objective
    if solver is best.solver:
        return best
    return Outcome(SolveStatus.FEASIBLE, solver, objective, best.bound)


def aiming(step: int, passed: bool) -> bool:
    """Whether the `step`-th neighbourhood is aimed: every third, and two of three once `passed` (after
    the first pass, in a larger model: there the drawn windows and items found little; on a week of
    work, whose pass ends within a few tenths of a second, windows pay more: one took typical week
    18 from 0.32 to 0.17 million)."""
    return step % 3 == 2 or (passed and step % 3 == 1)


def step_seconds(pass_day: bool, left: float) -> float:
    """The wall-clock limit of a neighbourhood: longer for a day of the first pass, never past `left`."""
    return min(PASS_SECONDS if pass_day else STEP_SECONDS, left)
