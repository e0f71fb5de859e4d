"""Due dates: lateness of the last chunk costs per minute; a hard due date is a requirement.

No chunk of a task with a hard due date ever ends after it. The requirement is that the whole
effort be placed by then; it is tied to a literal so that it can be named when it cannot hold, and
giving it up (placing only part of the task, the rest unplaced) costs `REQUIRED`.
"""

from __future__ import annotations

from zoneinfo import ZoneInfo

from ortools.sat.python import cp_model

from optimizer.domain import Priority
from optimizer.model.demands import TaskWork
from optimizer.model.objectives.late_floor import add_late_floor
from optimizer.model.terms import REQUIRED_RULE, HardRule, Term
from optimizer.model.variables import BlockVars
from optimizer.model.weights import LATE, REQUIRED
from optimizer.model.wording import when_dated


def add_due(
    model: cp_model.CpModel, work: TaskWork, blocks: list[BlockVars], slot_minutes: int, zone: ZoneInfo
) -> tuple[list[Term], list[HardRule]]:
    task, due = work.task, work.due_slot
    if due is None or task.due is None:
        return [], []
    live = [block for block in blocks if block.spec.choices]
    if task.due_is_hard:
        for block in live:  # also where `task_work` already cut the choices at the due date
            model.add(block.end <= due).only_enforce_if(block.present)
        return _required(model, work, blocks, zone)
    if not live:
        return [], []
    latest = max(choice.hi for block in live for choice in block.spec.choices)
    late = model.new_int_var(0, max(0, latest - due), f"late:{task.id}")
    for block in live:
        model.add(late >= block.end - due).only_enforce_if(block.present)
    add_late_floor(model, late, live, due)
    return [Term(f"late:{task.id}", late * slot_minutes, LATE, task.priority)], []


def _required(
    model: cp_model.CpModel, work: TaskWork, blocks: list[BlockVars], zone: ZoneInfo
) -> tuple[list[Term], list[HardRule]]:
    """The requirement that the whole effort is placed (by the due date, which always holds)."""
    task = work.task
    if work.budget == 0 or task.due is None:
        return [], []
    literal = model.new_bool_var(work.rule)
    placed = cp_model.LinearExpr.sum([block.length for block in blocks])
    model.add(placed >= work.budget).only_enforce_if(literal)
    rule = HardRule(
        name=work.rule,
        literal=literal,
        item_id=task.id,
        describe=f"{task.kind.lower()} {task.title} ({work.remaining} min) by its hard due "
        f"{when_dated(task.due, zone)}",
        priority=task.priority,
        blocks=tuple(block.spec.name for block in blocks),
    )
    return [Term(REQUIRED_RULE + work.rule, 1 - literal, REQUIRED, Priority.CRITICAL)], [rule]
