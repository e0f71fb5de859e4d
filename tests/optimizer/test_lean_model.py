"""The lean model builds and solves like CP-SAT's own, and its clones stay lean."""

from __future__ import annotations

from ortools.sat.python import cp_model

from optimizer.model.lean_model import LeanModel


def test_lean_model_has_no_camel_case_aliases_and_solves() -> None:
    model = LeanModel()
    x = model.new_int_var(0, 10, "x")
    model.add(x >= 3)
    model.minimize(x)
    clone = model.clone()
    assert isinstance(clone, LeanModel)
    assert not hasattr(model, "NewIntVar") and not hasattr(clone, "AddHint")
    assert hasattr(cp_model.CpModel(), "NewIntVar")  # what the lean model leaves out
    solver = cp_model.CpSolver()
    assert solver.solve(clone) == cp_model.OPTIMAL
    assert solver.value(clone.get_int_var_from_proto_index(x.index)) == 3
