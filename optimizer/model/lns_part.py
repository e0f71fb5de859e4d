"""A neighbourhood of a plan as a model: the full model with every other block pinned where it is.

Neighbourhoods are first each local day alone, in turn, then rotate between a window of 1-2 local
days and all blocks of a few items; a day or a window comes with every absent block that could go
there, so that left-out work can come in.

Blocks outside the neighbourhood are pinned by narrowing their variables' domains to their value
in the plan, not by adding `x == value` constraints, and the hint (the whole plan) is copied in one
piece: on a two-week schedule (about 230 blocks, 4,300 variables) adding constraints and hints one
by one took 20-40 ms of a step of 50-150 ms; this takes under 10 ms. One copy of the model
serves every neighbourhood of a search (`Parts`): copying the model and narrowing every pinned
block again took about 9 ms of CPU per neighbourhood on a fortnight, while only the blocks freed
now or before change their domains: 1.3 ms. Its no-overlaps hold the pinned blocks and busy time
merged into runs (`lns_lanes`): about half as many intervals for CP-SAT's disjunctive propagators.
"""

from __future__ import annotations

import random
from collections.abc import Iterable

from ortools.sat.python import cp_model

from optimizer.model.hints import hint_values
from optimizer.model.lns_lanes import Lanes
from optimizer.model.variables import BlockVars

ITEMS_PER_STEP = 3  # whole items freed together
DAYS_PER_STEP = 2  # at most, in a window of days


class Parts:
    """The neighbourhoods of one search as one copy of `model` (objective included), re-used: each
    asks only for the domains that differ from the last one's to be rewritten."""

    def __init__(self, model: cp_model.CpModel, blocks: Iterable[BlockVars]) -> None:
        self.part = model.clone()
        domains = self.part.proto.variables
        self.indices = {block.spec.name: [var.index for var in _pinned(block)] for block in blocks}
        self.full = {i: list(domains[i].domain) for found in self.indices.values() for i in found}
        self.now = dict(self.full)  # each variable's domain in the copy
        owners = {index: name for name, found in self.indices.items() for index in found}
        self.lanes = Lanes(self.part, owners)

    def model_for(self, free: set[str], solver: cp_model.CpSolver) -> cp_model.CpModel:
        """The copy hinted with the solver's plan, in which every block not named in `free` keeps
        its place (present or absent, start, length, day)."""
        values = list(solver.response_proto.solution)
        hint_values(self.part, values)
        domains = self.part.proto.variables
        for name, found in self.indices.items():
            for index in found:
                wanted = self.full[index] if name in free else [values[index], values[index]]
                if self.now[index] != wanted:
                    domain = domains[index].domain
                    domain.clear()
                    domain.extend(wanted)
                    self.now[index] = wanted
        self.lanes.narrow(free, values)
        return self.part


def part_model(
    model: cp_model.CpModel, blocks: Iterable[BlockVars], free: set[str], solver: cp_model.CpSolver
) -> cp_model.CpModel:
    """A copy of `model` (objective included) hinted with the solver's plan, in which every block
    not named in `free` keeps its place (present or absent, start, length, day)."""
    return Parts(model, blocks).model_for(free, solver)


def _pinned(block: BlockVars) -> tuple[cp_model.IntVar, ...]:
    return (block.present, block.start, block.length, block.end, *block.picks)


def neighbourhood(
    blocks: list[BlockVars],
    solver: cp_model.CpSolver,
    days: list[int],
    items: list[str],
    rng: random.Random,
    step: int,
) -> set[str]:
    """Names of the blocks left free at the `step`-th neighbourhood: up to the number of days, that
    day alone (in order); then alternately a window of 1-2 days and a few whole items, drawn."""
    if step < len(days):
        return {block.spec.name for block in blocks if _touches(block, solver, {days[step]})}
    if step % 2 == 0 or not items:
        first = rng.randrange(len(days))
        window = set(days[first : first + rng.randint(1, DAYS_PER_STEP)])
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
