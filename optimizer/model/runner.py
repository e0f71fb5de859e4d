"""Run CP-SAT on a model within a deadline, and what comes back: status, solver values, bound."""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass

from ortools.sat.python import cp_model

from optimizer.domain import SolveOptions
from optimizer.model.params import Search, solver_for
from optimizer.solution import SolveStatus

STATUS = {
    cp_model.OPTIMAL: SolveStatus.OPTIMAL,
    cp_model.FEASIBLE: SolveStatus.FEASIBLE,
    cp_model.INFEASIBLE: SolveStatus.INFEASIBLE,
}


class Clock:
    def __init__(self, seconds: float) -> None:
        self.started = time.perf_counter()
        self.deadline = self.started + seconds

    def left(self) -> float:
        return max(0.0, self.deadline - time.perf_counter())

    def elapsed(self) -> float:
        return time.perf_counter() - self.started


@dataclass
class Outcome:
    status: SolveStatus
    solver: cp_model.CpSolver
    objective: float | None = None
    bound: float | None = None
    core: tuple[int, ...] = ()

    @property
    def solved(self) -> bool:
        return self.status in (SolveStatus.OPTIMAL, SolveStatus.FEASIBLE)

    @property
    def has_plan(self) -> bool:
        """A plan to read, proven or not (an UNKNOWN outcome may carry the start plan)."""
        return self.solved or (self.status is SolveStatus.UNKNOWN and self.objective is not None)


def run(
    model: cp_model.CpModel,
    options: SolveOptions,
    seconds: float,
    blocks: int,
    assumptions: Sequence[cp_model.IntVar],
    search: Search = "plain",
    work: float | None = None,
) -> Outcome:
    model.clear_assumptions()
    model.add_assumptions(list(assumptions))
    solver = solver_for(options, seconds, blocks=blocks, search=search, work=work)
    status = STATUS.get(solver.solve(model), SolveStatus.UNKNOWN)
    if status is SolveStatus.INFEASIBLE:
        return Outcome(status, solver, core=tuple(solver.sufficient_assumptions_for_infeasibility()))
    if status is SolveStatus.UNKNOWN:
        return Outcome(status, solver)
    return Outcome(status, solver, solver.objective_value, solver.best_objective_bound)
