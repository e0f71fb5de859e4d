"""A present block sits wholly inside the one choice it picks."""

from __future__ import annotations

from ortools.sat.python import cp_model

from optimizer.model.variables import BlockVars


def add_choices(model: cp_model.CpModel, block: BlockVars) -> None:
    """Bounds per picked choice; with a single choice the variable domains already hold them."""
    choices = block.spec.choices
    if len(choices) < 2:
        return
    lowest = min(choice.lo for choice in choices)
    highest = max(choice.hi for choice in choices)
    for choice, pick in zip(choices, block.picks, strict=True):
        if choice.lo > lowest:
            model.add(block.start >= choice.lo).only_enforce_if(pick)
        if choice.hi < highest:
            model.add(block.end <= choice.hi).only_enforce_if(pick)
