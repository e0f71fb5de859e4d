"""Which requirements a solved plan actually keeps, read from the plan rather than the literals.

A requirement given up is only no longer enforced; the plan may still meet it.
"""

from __future__ import annotations

from ortools.sat.python import cp_model

from optimizer.model.built import Built


def kept_rules(built: Built, solver: cp_model.CpSolver) -> set[str]:
    names = {rule.name for rule in built.rules}
    kept: set[str] = set()
    blocks = built.variables
    for period in built.periods:
        placed = sum(solver.value(blocks.block(spec.name).present) for spec in period.blocks)
        if period.rule in names and placed >= period.missing_at_most:
            kept.add(period.rule)
    for work in built.works:
        if work.rule not in names or work.due_slot is None:
            continue
        chunks = [blocks.block(spec.name) for spec in work.blocks]
        done = sum(solver.value(chunk.length) for chunk in chunks) >= work.budget
        due = work.due_slot
        if done and all(solver.value(c.end) <= due for c in chunks if solver.value(c.present)):
            kept.add(work.rule)
    return kept
