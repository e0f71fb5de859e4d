"""A built model: the CP-SAT model with its variables, penalty terms, hard rules and demands."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from ortools.sat.python import cp_model

from optimizer.model.context import Context
from optimizer.model.day_view import DayView
from optimizer.model.demands import FocusDay, HabitPeriod, TaskWork
from optimizer.model.terms import HardRule, Parts, Term
from optimizer.model.variables import Variables

PlanKind = Literal["habits", "schedule"]


@dataclass
class Built:
    kind: PlanKind
    ctx: Context
    model: cp_model.CpModel
    variables: Variables
    parts: Parts
    periods: list[HabitPeriod] = field(default_factory=list)
    works: list[TaskWork] = field(default_factory=list)
    focus: list[FocusDay] = field(default_factory=list)
    # Redundant cuts for the full search's bound only (`model/full_search.py`), not in `model`.
    bound_rows: list[tuple[cp_model.LinearExprT, int]] = field(default_factory=list)  # expr >= number
    days: DayView = field(init=False)

    def __post_init__(self) -> None:
        self.days = DayView(self.model)

    @property
    def terms(self) -> list[Term]:
        return self.parts.terms

    @property
    def rules(self) -> list[HardRule]:
        return self.parts.rules
