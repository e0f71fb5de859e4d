"""Blocks of one item keep their order and their distance.

Blocks inside one group (a habit's period, a task's chunks) are interchangeable, so they are ordered
and filled from the first: a later one is present only if the earlier one is. Across groups only
the spacing needs saying, and only where the two blocks could come closer than it.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from ortools.sat.python import cp_model

from optimizer.model.variables import BlockVars


def add_sequence(model: cp_model.CpModel, groups: Sequence[Sequence[BlockVars]], gap: int) -> None:
    """`groups` in time order; every present block starts `gap` slots or more after earlier ones end."""
    for group in groups:
        for first, second in itertools.pairwise(group):
            model.add_implication(second.present, first.present)
            model.add(second.start >= first.end + gap).only_enforce_if(second.present)
    flat = [(index, block) for index, group in enumerate(groups) for block in group]
    for (g1, first), (g2, second) in itertools.combinations(flat, 2):
        if g1 != g2 and _may_meet(first, second, gap):
            both = [first.present, second.present]
            model.add(second.start >= first.end + gap).only_enforce_if(both)


def _may_meet(first: BlockVars, second: BlockVars, gap: int) -> bool:
    if not first.spec.choices or not second.spec.choices:
        return False
    latest_end = max(choice.hi for choice in first.spec.choices)
    earliest_start = min(choice.lo for choice in second.spec.choices)
    return latest_end + gap > earliest_start
