"""Splits: a task's chunk beyond the fewest its work needs at full size costs.

Without a price the search treats one 45-minute chunk and a 30 + 15 the same, and about a third of
the tasks in typical weeks came back cut into more pieces than their work needed. A chunk more is
still worth it to get around a meeting, to finish before a due date, or to place work at all: it
costs as much as half an hour of lateness, far less than a slot of work left out.
"""

from __future__ import annotations

from ortools.sat.python import cp_model

from optimizer.model.demands import TaskWork
from optimizer.model.terms import Term
from optimizer.model.variables import BlockVars
from optimizer.model.weights import SPLIT


def fewest_chunks(work: TaskWork) -> int:
    """Chunks the task's budget needs when every chunk but the last is as long as allowed."""
    if not work.blocks or work.budget == 0:
        return 0
    return -(-work.budget // work.blocks[0].max_len)


def split_terms(work: TaskWork, blocks: list[BlockVars]) -> list[Term]:
    """One cost per chunk present beyond the fewest. Chunks fill from the first
    (`constraints.sequence`), so the extra ones are the last blocks."""
    extra = [block.present for block in blocks[fewest_chunks(work) :] if block.spec.choices]
    if not extra:
        return []
    return [Term(f"split:{work.task.id}", cp_model.LinearExpr.sum(extra), SPLIT, work.task.priority)]
