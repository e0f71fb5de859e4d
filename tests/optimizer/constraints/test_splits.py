"""A task's chunk beyond the fewest its work needs costs; a needed one does not."""

from __future__ import annotations

from datetime import timedelta

from optimizer.domain import BlockKind, Task, Weekday
from optimizer.model.demands import TaskWork
from optimizer.model.objectives.splits import fewest_chunks, split_terms
from optimizer.model.weights import PRIORITY_WEIGHT, SPLIT
from optimizer.solution import Placement
from optimizer.solve import optimize_schedule, score_plan
from tests.optimizer.constraints.tiny import Tiny
from tests.optimizer.weeks import at, hours, meeting, week

REPORT = Task(id="report", title="Report", effort=45, min_chunk=15, max_chunk=60)


def chunk_minutes(task_id: str, instance_tasks: tuple[Task, ...], **fields: object) -> list[int]:
    solution = optimize_schedule(week(days=1, tasks=instance_tasks, **fields))
    mine = sorted((p for p in solution.placements if p.item_id == task_id), key=lambda p: p.start)
    return [(p.end - p.start) // timedelta(minutes=1) for p in mine]


def test_only_chunks_past_the_fewest_pay() -> None:
    tiny = Tiny()
    task = Task(id="t", title="Report", effort=150, min_chunk=30, max_chunk=60)
    chunks = [tiny.block(f"t#{k}", [(9, 17)], lengths=(2, 4), item="t") for k in range(4)]
    work = TaskWork(task, budget=10, frozen_minutes=0, due_slot=None, blocks=tuple(c.spec for c in chunks))
    assert fewest_chunks(work) == 3  # 60 + 60 + 30
    (term,) = split_terms(work, chunks)
    for chunk in chunks:
        tiny.model.add(chunk.present == 1)
    status, solver = tiny.solve()
    assert status == "OPTIMAL"
    assert term.rule == "split:t" and term.weight == SPLIT
    assert solver.value(term.expr) == 1


def test_a_task_with_no_spare_chunk_has_no_term() -> None:
    tiny = Tiny()
    chunks = [tiny.block(f"t#{k}", [(9, 17)], lengths=(4, 4), item="t") for k in range(2)]
    task = Task(id="t", title="Report", effort=120, min_chunk=60, max_chunk=60)
    work = TaskWork(task, budget=8, frozen_minutes=0, due_slot=None, blocks=tuple(c.spec for c in chunks))
    assert split_terms(work, chunks) == []


def test_a_plan_cut_in_more_pieces_than_needed_pays_for_the_extra_one() -> None:
    instance = week(days=1, tasks=(REPORT,))

    def chunk(occurrence: int, start: float, end: float) -> Placement:
        return Placement(
            item_id="report", kind=BlockKind.TASK, occurrence=occurrence, title="Report",
            start=at(0, start), end=at(0, end),
        )  # fmt: skip

    whole, whole_paid = score_plan(instance, [chunk(0, 9, 9.75)], kind="schedule")
    cut, cut_paid = score_plan(instance, [chunk(0, 9, 9.5), chunk(1, 9.5, 9.75)], kind="schedule")

    assert cut - whole == SPLIT * PRIORITY_WEIGHT[REPORT.priority]
    assert [p.rule for p in cut_paid if p.rule.startswith("split:")] == ["split:report"]
    assert not [p for p in whole_paid if p.rule.startswith("split:")]


def test_work_that_fits_in_one_chunk_is_one_chunk() -> None:
    found = chunk_minutes("report", (REPORT,), events=(meeting("Standup", 0, 9.75, 10.75),))
    assert found == [45]


def test_a_chunk_more_is_paid_where_the_calendar_needs_it() -> None:
    # Only 30 minutes free before each meeting, and the report is due (hard) by 10:45.
    due = week(days=1).now + timedelta(hours=10.75)
    task = REPORT.model_copy(update={"due": due, "due_is_hard": True})
    events = (meeting("A", 0, 9.5, 10), meeting("B", 0, 10.5, 12))
    monday = {Weekday.MON: hours(9, 12)}
    solution = optimize_schedule(week(days=1, tasks=(task,), events=events, working_hours=monday))
    lengths = sorted((p.end - p.start) // timedelta(minutes=1) for p in solution.placements)
    assert lengths == [15, 30]
    assert [p.rule for p in solution.penalties if p.rule.startswith("split:")] == ["split:report"]
