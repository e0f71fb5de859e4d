"""A plan's cost in its model without and with bound rows: a valid cut leaves a real plan's cost alone."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ortools.sat.python import cp_model

from optimizer.domain import Instance
from optimizer.model.built import Built
from optimizer.model.matching import Located
from optimizer.model.objective import weighted
from optimizer.model.runner import run
from optimizer.model.scoring import fixed_model
from optimizer.solution import SolveStatus

Rows = Iterable[tuple[cp_model.LinearExprT, int]]


def costs_without_and_with(
    built: Built, instance: Instance, plan: Sequence[Located], rows: Rows
) -> list[float]:
    """The cost of `plan`, every block decided as in it, without the rows and then with them."""
    costs = []
    for with_rows in (False, True):
        trial, misfits = fixed_model(built, plan)
        assert not misfits
        for expr, least in rows if with_rows else []:
            trial.add(expr >= least)
        trial.minimize(weighted(built.terms))
        outcome = run(trial, instance.options, 5.0, len(built.variables.all()), [])
        assert outcome.status is SolveStatus.OPTIMAL
        costs.append(outcome.objective)
    return costs
