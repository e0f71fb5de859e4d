"""Tiny models for testing one constraint or objective module at a time.

A `Tiny` holds a one-day instance on a 15-minute grid (slot 0 = Monday 2026-01-05 00:00 UTC), a
fresh CP-SAT model and a variables container, so a test declares a couple of blocks by hand, adds
the module under test and solves.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from ortools.sat.python import cp_model

from optimizer.domain import BlockKind, CalendarEvent, Instance
from optimizer.model.blocks import BlockSpec, Choice
from optimizer.model.context import ALL_KINDS, Context
from optimizer.model.variables import BlockVars, Variables

MONDAY = datetime(2026, 1, 5, tzinfo=UTC)
# The root LP alone: no search, and no presolve to rewrite the rows of a cut.
ROOT_LP = {"max_number_of_conflicts": 0, "linearization_level": 2, "cp_model_presolve": False}


def at(hour: float, day: int = 0) -> datetime:
    return MONDAY + timedelta(days=day, hours=hour)


def slot(hour: float) -> int:
    """The 15-minute slot of an hour on Monday."""
    return round(hour * 4)


class Tiny:
    def __init__(self, days: int = 1, busy: tuple[tuple[float, float], ...] = (), **fields: object) -> None:
        events = tuple(
            CalendarEvent(id=f"busy{i}", title=f"Busy {i}", start=at(lo), end=at(hi))
            for i, (lo, hi) in enumerate(busy)
        )
        self.instance = Instance(
            user_id="tiny",
            now=MONDAY,
            horizon_start=MONDAY,
            horizon_end=MONDAY + timedelta(days=days),
            events=events,
            **fields,
        )
        self.ctx = Context(self.instance, ALL_KINDS)
        self.model = cp_model.CpModel()
        self.variables = Variables()

    def block(
        self,
        name: str,
        windows: list[tuple[float, float]],
        lengths: tuple[int, int] = (2, 2),
        *,
        item: str | None = None,
        kind: BlockKind = BlockKind.TASK,
        coarse: bool = False,
        pads: tuple[int, int] = (0, 0),
    ) -> BlockVars:
        """A block that may sit in any of `windows` (Monday hours), `lengths` in slots."""
        low = lengths[0]
        choices = tuple(
            Choice(self.ctx.day_of(slot(lo)), slot(lo), slot(hi), ((slot(lo), slot(hi) - low + 1),))
            for lo, hi in windows
        )
        spec = BlockSpec(
            name=name,
            item_id=item or name,
            kind=kind,
            title=name,
            min_len=low,
            max_len=lengths[1],
            choices=choices,
            before=pads[0],
            after=pads[1],
            coarse=coarse,
        )
        return self.variables.add(self.model, spec)

    def solve(self, seconds: float = 2.0) -> tuple[str, cp_model.CpSolver]:
        solver = cp_model.CpSolver()
        solver.parameters.num_workers = 1
        solver.parameters.max_time_in_seconds = seconds
        status = solver.solve(self.model)
        return solver.status_name(status), solver

    def root_bound(self, **parameters: object) -> float:
        """The objective's bound before any search: root propagation alone unless `parameters` (CP-SAT's,
        by name) say how to stop instead."""
        solver = cp_model.CpSolver()
        solver.parameters.num_workers = 1
        for name, value in (parameters or {"stop_after_root_propagation": True}).items():
            setattr(solver.parameters, name, value)
        solver.solve(self.model)
        return float(solver.best_objective_bound)


def minimizing(made: tuple[Tiny, cp_model.LinearExprT]) -> Tiny:
    tiny, cost = made
    tiny.model.minimize(cost)
    return tiny


def with_and_without(make: Callable[[bool], Tiny], **root: object) -> tuple[list[float], list[float]]:
    """The optimum and the root bound (`Tiny.root_bound(**root)`) of the model `make` builds without a
    cut (False), then with it."""
    values, bounds = [], []
    for cut in (False, True):
        tiny = make(cut)
        status, solver = tiny.solve()
        assert status == "OPTIMAL"
        values.append(solver.objective_value)
        bounds.append(tiny.root_bound(**root))
    return values, bounds
