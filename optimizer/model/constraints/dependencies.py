"""A task starts only after every chunk of each task it depends on has ended.

As in the validator, a dependency with nothing placed does not hold the task back (it may be done
already); frozen chunks were handled when the task's window was drawn (`task_work`).
"""

from __future__ import annotations

from ortools.sat.python import cp_model

from optimizer.model.variables import BlockVars


def add_dependency(
    model: cp_model.CpModel, name: str, task: list[BlockVars], before: list[BlockVars]
) -> None:
    """Every present block of `task` starts at or after the end of every present block of `before`."""
    live_task = [block for block in task if block.spec.choices]
    live_before = [block for block in before if block.spec.choices]
    if not live_task or not live_before:
        return
    highest = max(choice.hi for block in live_before for choice in block.spec.choices)
    done = model.new_int_var(0, highest, f"done:{name}")
    for block in live_before:
        model.add(done >= block.end).only_enforce_if(block.present)
    for block in live_task:
        model.add(block.start >= done).only_enforce_if(block.present)
