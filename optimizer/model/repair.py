"""Improve the start plan where it is weakest: requirements it broke, urgent work it left out.

A start built without search places items one at a time and may leave a defended habit, a hard-due task or
high-priority work out. A start that breaks a requirement the search holds is no start at all, and
high-priority work left out is what the search would spend its time winning back. So those blocks
are solved alone (every other block left out: a small model, quick to solve or to refute), locked
where that puts them, and everything else is placed around them as the start was (greedy for
habits, the packed plan for a schedule: `start_plan.base_plan`).
"""

from __future__ import annotations

from collections.abc import Sequence

from ortools.sat.python import cp_model

from optimizer.domain import PlacedBlock, Priority
from optimizer.model.built import Built
from optimizer.model.demands import TaskWork
from optimizer.model.lengths import spans
from optimizer.model.matching import match
from optimizer.model.objective import weighted
from optimizer.model.restore import restored
from optimizer.model.runner import Outcome, run
from optimizer.model.standing import still_standing
from optimizer.model.start_choice import cheaper
from optimizer.model.start_plan import base_plan
from optimizer.model.terms import REQUIRED_RULE, HardRule
from optimizer.solution import Placement
from optimizer.windows import frozen_blocks

URGENT = Priority.HIGH  # work at this priority or above is placed by search before the rest


def broken_by(built: Built, plan: Sequence[Placement], rules: Sequence[HardRule]) -> list[HardRule]:
    """The rules the plan does not keep."""
    fits, _ = match(built.ctx, built.variables, plan)
    placed = {fit.block: fit for fit in fits}
    periods = {period.rule: period for period in built.periods}
    works = {work.rule: work for work in built.works}
    broken = []
    for rule in rules:
        mine = [placed[name] for name in rule.blocks if name in placed]
        if rule.name in periods:
            ok = len(mine) >= periods[rule.name].missing_at_most
        else:
            work = works[rule.name]
            due = work.due_slot if work.due_slot is not None else built.ctx.n_slots
            ok = sum(f.length for f in mine) >= work.budget and all(f.start + f.length <= due for f in mine)
        if not ok:
            broken.append(rule)
    return broken


def solve_alone(
    built: Built, names: set[str], held: Sequence[HardRule], seconds: float, *, optimize: bool
) -> Outcome:
    """The named blocks placed alone (every other block left out) with the held rules kept: the
    first placement found, which is quick to find or refute, or (`optimize`) the best one."""
    trial = built.model.clone()
    for rule in held:
        trial.add(rule.literal == 1)
    held_names = {rule.name for rule in held}
    for rule in built.rules:
        if rule.name not in held_names:
            trial.add(rule.literal == 0)
    for block in built.variables.all():
        if block.spec.choices and block.spec.name not in names:
            trial.add(block.present == 0)
    if optimize:
        trial.minimize(weighted([t for t in built.terms if not t.rule.startswith(REQUIRED_RULE)]))
    return run(trial, built.ctx.instance.options, seconds, len(built.variables.all()), ())


def with_urgent_work(
    built: Built, plan: list[Placement], held: Sequence[HardRule], seconds: float
) -> list[Placement]:
    """The plan, or when it leaves high-priority work out, the requirements and that work placed by
    search first and the rest around them, when that leaves out less (the plan must keep the held
    rules)."""
    urgent = [w for w in built.works if w.task.priority >= URGENT and any(b.choices for b in w.blocks)]
    if all(_placed(built, plan, work) >= work.budget for work in urgent):
        return plan
    names = {name for rule in held for name in rule.blocks} | {s.name for w in urgent for s in w.blocks}
    outcome = solve_alone(built, names, held, seconds, optimize=True)
    if not outcome.solved:
        return plan
    # The rest placed around that work may leave out more than the plan did.
    return cheaper(built.ctx.instance, [plan, around(built, outcome.solver, names)])


def around(built: Built, solver: cp_model.CpSolver, names: set[str]) -> list[Placement]:
    """Greedy's plan with the named blocks locked where the solver put them, as long as they last."""
    reported = spans(built, solver)
    locked = [
        PlacedBlock(
            item_id=block.spec.item_id,
            kind=block.spec.kind,
            occurrence=index,
            start=reported[block.spec.name][0],
            end=reported[block.spec.name][1],
            locked=True,
        )
        for index, block in enumerate(built.variables.all())
        if block.spec.name in names and block.spec.name in reported
    ]
    instance = built.ctx.instance
    around = instance.model_copy(update={"previous_plan": (*frozen_blocks(instance), *locked)})
    # Placed afresh around the locked blocks, the rest goes back where the previous plan had it
    # wherever it can (moving a block costs).
    return restored(instance, base_plan(around, built.kind), still_standing(instance, built.kind))


def _placed(built: Built, plan: Sequence[Placement], work: TaskWork) -> int:
    fits, _ = match(built.ctx, built.variables, plan)
    names = {spec.name for spec in work.blocks}
    return sum(fit.length for fit in fits if fit.block in names)
