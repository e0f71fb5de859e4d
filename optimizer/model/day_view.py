"""Which local day a block lands on, and its length there, as literals and linear expressions.

Blocks never cross local midnight, so a block is on day d exactly when it picks one of its choices
on d. The per-day lengths are tied to those literals by plain linear constraints (no enforcement),
so the LP relaxation sees them too. Created on demand and shared by the rules that need them.
"""

from __future__ import annotations

from collections import defaultdict

from ortools.sat.python import cp_model

from optimizer.model.variables import BlockVars


class DayView:
    def __init__(self, model: cp_model.CpModel) -> None:
        self._model = model
        self._on: dict[str, dict[int, cp_model.IntVar]] = {}
        self._lengths: dict[str, dict[int, cp_model.LinearExprT]] = {}

    def on_days(self, block: BlockVars) -> dict[int, cp_model.IntVar]:
        """Day index -> literal "the block sits on that day"; one holds exactly when present."""
        name = block.spec.name
        if name not in self._on:
            self._on[name] = self._day_literals(block)
        return self._on[name]

    def lengths(self, block: BlockVars) -> dict[int, cp_model.LinearExprT]:
        """Day index -> the block's length on that day (0 elsewhere)."""
        name = block.spec.name
        if name not in self._lengths:
            self._lengths[name] = self._day_lengths(block)
        return self._lengths[name]

    def _day_literals(self, block: BlockVars) -> dict[int, cp_model.IntVar]:
        picks: dict[int, list[cp_model.IntVar]] = defaultdict(list)
        for choice, pick in zip(block.spec.choices, block.picks, strict=True):
            picks[choice.day].append(pick)
        if len(picks) == 1:
            return {day: block.present for day in picks}
        days = {}
        for day, mine in picks.items():
            if len(mine) == 1:
                days[day] = mine[0]
            else:
                days[day] = self._model.new_bool_var(f"on_day:{block.spec.name}:{day}")
                self._model.add(days[day] == cp_model.LinearExpr.sum(mine))
        return days

    def _day_lengths(self, block: BlockVars) -> dict[int, cp_model.LinearExprT]:
        days = self.on_days(block)
        if len(days) == 1:
            return {day: block.length for day in days}
        spec, parts = block.spec, {}
        for day, on_day in days.items():
            part = self._model.new_int_var(0, spec.max_len, f"length:{spec.name}:day{day}")
            self._model.add(part >= spec.min_len * on_day)
            self._model.add(part <= spec.max_len * on_day)
            parts[day] = part
        self._model.add(cp_model.LinearExpr.sum(list(parts.values())) == block.length)
        return dict(parts)
