"""Soft due dates cost lateness; hard ones bound every chunk and require the whole effort."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from optimizer.domain import Task
from optimizer.model.constraints.due import add_due
from optimizer.model.demands import TaskWork
from optimizer.model.variables import BlockVars
from tests.optimizer.constraints.tiny import Tiny, at, slot

UTC = ZoneInfo("UTC")


def work(tiny: Tiny, hard: bool, count: int = 1) -> tuple[TaskWork, list[BlockVars]]:
    task = Task(id="t", title="Report", effort=60, due=at(12), due_is_hard=hard)
    chunks = [tiny.block(f"t#{k}", [(9, 17)], lengths=(4, 4), item="t") for k in range(count)]
    return TaskWork(task, 4 * count, 0, slot(12), tuple(c.spec for c in chunks)), chunks


def test_soft_due_costs_minutes_late() -> None:
    tiny = Tiny()
    spec, (chunk,) = work(tiny, hard=False)
    (term,), rules = add_due(tiny.model, spec, [chunk], 15, UTC)
    tiny.model.add(chunk.present == 1)
    tiny.model.add(chunk.start == slot(12.5))
    tiny.model.minimize(term.expr)
    status, solver = tiny.solve()
    assert status == "OPTIMAL" and not rules
    assert term.rule == "late:t" and solver.value(term.expr) == 90  # ends 13:30, due 12:00


def test_hard_due_bounds_chunks_and_requires_the_effort() -> None:
    tiny = Tiny()
    spec, chunks = work(tiny, hard=True, count=2)
    terms, (rule,) = add_due(tiny.model, spec, chunks, 15, UTC)
    assert rule.name == "hard_due:t" and "by its hard due" in rule.describe
    assert terms[0].rule == "required:hard_due:t"
    tiny.model.add(chunks[0].present == 1)
    tiny.model.add(chunks[0].start == slot(11.5))  # would end 12:30
    status, _ = tiny.solve()
    assert status == "INFEASIBLE"


def test_hard_due_requirement_can_be_given_up_but_not_the_date() -> None:
    tiny = Tiny()
    spec, chunks = work(tiny, hard=True, count=2)
    _, (rule,) = add_due(tiny.model, spec, chunks, 15, UTC)
    tiny.model.add(chunks[0].present == 1)
    tiny.model.add(chunks[1].present == 0)
    tiny.model.add(rule.literal == 0)
    tiny.model.maximize(chunks[0].end)
    status, solver = tiny.solve()
    assert status == "OPTIMAL"
    assert solver.value(chunks[0].end) == slot(12)
