"""A task's chunks add up to at most its effort; the rest is unplaced and costs per minute."""

from __future__ import annotations

from optimizer.domain import Task
from optimizer.model.constraints.effort import add_effort
from optimizer.model.demands import TaskWork
from tests.optimizer.constraints.tiny import Tiny


def test_unplaced_minutes_are_what_the_chunks_leave() -> None:
    tiny = Tiny()
    task = Task(id="t", title="Report", effort=120)
    chunks = [tiny.block(f"t#{k}", [(9, 17)], lengths=(2, 4), item="t") for k in range(3)]
    work = TaskWork(task, budget=8, frozen_minutes=0, due_slot=None, blocks=tuple(c.spec for c in chunks))
    (term,) = add_effort(tiny.model, work, chunks, slot_minutes=15, weight=7)
    tiny.model.add(chunks[0].length == 2)
    tiny.model.add(chunks[1].present == 0)
    tiny.model.add(chunks[2].present == 0)
    status, solver = tiny.solve()
    assert status == "OPTIMAL"
    assert term.rule == "unplaced:t" and term.weight == 7
    assert solver.value(term.expr) == 90  # 6 of 8 slots left out


def test_chunks_never_exceed_the_effort() -> None:
    tiny = Tiny()
    task = Task(id="t", title="Report", effort=60)
    chunks = [tiny.block(f"t#{k}", [(9, 17)], lengths=(2, 4), item="t") for k in range(2)]
    work = TaskWork(task, budget=4, frozen_minutes=0, due_slot=None, blocks=tuple(c.spec for c in chunks))
    add_effort(tiny.model, work, chunks, slot_minutes=15, weight=1)
    tiny.model.add(chunks[0].length == 4)
    tiny.model.add(chunks[1].present == 1)
    status, _ = tiny.solve()
    assert status == "INFEASIBLE"
