"""A given plan under the model: its blocks fixed, the objective and penalties it pays.

Used to score the greedy baseline on the same scale as CP-SAT, and to fall back on the hinted plan
when the search does not beat it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ortools.sat.python import cp_model

from optimizer.domain import SolveOptions
from optimizer.model.built import Built
from optimizer.model.matching import Fit, Located, match
from optimizer.model.objective import weighted
from optimizer.model.runner import Outcome, run
from optimizer.model.terms import HardRule


class InvalidPlan(ValueError):
    """The plan breaks a hard rule, so it has no score; `optimizer.validate` names every break."""


def fixed_model(built: Built, plan: Iterable[Located]) -> tuple[cp_model.CpModel, list[Located]]:
    """A copy of the model with every block decided as in the plan; also the plan's blocks that fit
    no model block (outside their hours, on busy time, off the grid, beyond their period's count)."""
    fits, misfits = match(built.ctx, built.variables, plan)
    trial = built.model.clone()
    trial.clear_hints()
    by_block = {fit.block: fit for fit in fits}
    for block in built.variables.all():
        if block.spec.choices:
            _fix(trial, block.spec.name, built, by_block.get(block.spec.name))
    trial.minimize(weighted(built.terms))
    return trial, misfits


def score_fixed(
    built: Built,
    plan: Iterable[Located],
    options: SolveOptions,
    seconds: float,
    held: Sequence[HardRule] = (),
    given_up: Sequence[HardRule] = (),
) -> Outcome | None:
    """The plan's outcome with `held` rules true and `given_up` ones false (INFEASIBLE when the plan
    breaks a held rule), or None when some block of it has no place in the model."""
    trial, misfits = fixed_model(built, plan)
    if misfits:
        return None
    for rule in held:
        trial.add(rule.literal == 1)
    for rule in given_up:
        trial.add(rule.literal == 0)
    return run(trial, options, seconds, len(built.variables.all()), ())


def _fix(model: cp_model.CpModel, name: str, built: Built, fit: Fit | None) -> None:
    block = built.variables.block(name)
    if fit is None:
        model.add(block.present == 0)
        return
    model.add(block.start == fit.start)
    model.add(block.length == fit.length)
    model.add(block.picks[fit.pick] == 1)
