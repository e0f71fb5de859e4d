"""A redundant cut: a chunk is at least as late as the earliest end its picked day allows.

Lateness is `late >= end - due` for every placed chunk, enforced by the chunk being placed, which the
LP relaxation barely sees: it can end every chunk early in a fractional plan. But a chunk that picks
a day's window cannot end before that window's first start plus its shortest length, a constant per
choice known before solving. Holding `late` at or above the picked choice's constant prices a late
day at once. No plan is cut off: every placed chunk ends at or after that constant.
"""

from __future__ import annotations

from ortools.sat.python import cp_model

from optimizer.model.blocks import Choice
from optimizer.model.variables import BlockVars


def earliest_end(choice: Choice, min_len: int) -> int:
    """The first slot a block of at least `min_len` slots in this choice can end at."""
    return choice.starts[0][0] + min_len


def add_late_floor(model: cp_model.CpModel, late: cp_model.IntVar, blocks: list[BlockVars], due: int) -> None:
    """`late` counts slots after `due` (slot index); one cut per block that may land late."""
    for block in blocks:
        floors = [max(0, earliest_end(choice, block.spec.min_len) - due) for choice in block.spec.choices]
        if any(floors):
            model.add(late >= cp_model.LinearExpr.weighted_sum(list(block.picks), floors))
