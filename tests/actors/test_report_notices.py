"""CONFLICT_RESOLVED only when blocks were moved off a conflict; what stays unresolved goes to `errors`.

A solve and a calendar sync follow the same rule (actors/report.py, actors/calendar/report.py)."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from pathlib import Path

import pytest

from actors.calendar.report import completed, conflict_resolved, replan_notice
from actors.contract import CommandPriority, ItemResult, TaskType, WorkItem
from actors.outcomes import CalendarBlockOutcome, CalendarUpdateOutcome, PerformanceOutcome
from actors.report import performance_outcome, problems_outcome
from actors.stamp import Stamp
from actors.store import StateStore, open_store
from actors.user_actor import UserActor
from optimizer.domain import BlockKind, CalendarEvent
from optimizer.solution import Conflict, Solution, SolveStatus, Unplaced
from tests.actors.builders import MONDAY, at, block, gym, instance, item, schedule_request, solution
from tests.actors.scripted import ScriptedSolver, persist_into

STAMP = Stamp(user_id="u1", task_id="t1", at=MONDAY)
CLASH = Conflict(rules=("hours:gym",), message="Gym cannot fit in mornings", relaxation="allow evenings")
GAVE_UP = Unplaced(item_id="gym", kind=BlockKind.HABIT, minutes=60, reason="no free morning")


@pytest.fixture
def store(tmp_path: Path) -> StateStore:
    return open_store(f"sqlite:///{tmp_path / 'state.sqlite3'}")


def run(actor: UserActor, work: WorkItem, store: StateStore, *solutions: Solution) -> ItemResult:
    return asyncio.run(actor.handle(work, ScriptedSolver(*solutions), persist_into(store, actor.user_id)))


def notices(result: ItemResult) -> list[CalendarUpdateOutcome]:
    return [o for o in result.outcomes if isinstance(o, CalendarUpdateOutcome)]


def dentist(day: int, hour: int, busy: bool = True) -> CalendarEvent:
    return CalendarEvent(id="dentist", title="Dentist", start=at(day, hour), end=at(day, hour + 1), busy=busy)


def test_no_plan_is_a_failure_not_a_resolved_conflict() -> None:
    notice = problems_outcome(solution(status=SolveStatus.INFEASIBLE, conflicts=(CLASH,)), 0, STAMP)
    assert notice is not None
    assert (notice.update_type, notice.conflicts_resolved) == ("SYNC_FAILED", 0)
    assert "no new plan" in notice.errors[0] and "Suggested change: allow evenings" in notice.errors[1]


def test_a_plan_that_gave_work_up_resolved_nothing() -> None:
    notice = problems_outcome(solution(block("gym", 0, at(0, 9)), unplaced=(GAVE_UP,)), 1, STAMP)
    assert notice is not None
    assert (notice.update_type, notice.conflicts_resolved, notice.events_processed) == (
        "SYNC_COMPLETED",
        0,
        1,
    )
    assert len(notice.errors) == 1 and "no free morning" in notice.errors[0]


def test_a_best_valid_plan_does_not_claim_there_is_no_plan() -> None:
    best = solution(
        block("gym", 0, at(0, 9)), status=SolveStatus.INFEASIBLE, conflicts=(CLASH,), objective=1.0
    )
    notice = problems_outcome(best, 1, STAMP)
    assert notice is not None and notice.update_type == "SYNC_COMPLETED"
    assert notice.errors == ("Gym cannot fit in mornings Suggested change: allow evenings",)


def gym_at_seven(store: StateStore) -> UserActor:
    """A user whose first plan put Gym at 07:00 on day 0."""
    actor = UserActor("u1")
    first = item("t1", schedule_request(instance(habits=(gym(),))))
    run(actor, first, store, solution(block("gym", 0, at(0, 7))))
    return actor


def test_moving_a_block_off_a_new_meeting_is_a_resolved_conflict(store: StateStore) -> None:
    actor = gym_at_seven(store)
    busy = instance(habits=(gym(),), events=(dentist(0, 7),))

    result = run(actor, item("t2", schedule_request(busy)), store, solution(block("gym", 0, at(0, 9))))

    [notice] = notices(result)
    assert (notice.update_type, notice.conflicts_resolved, notice.events_processed) == (
        "CONFLICT_RESOLVED",
        1,
        1,
    )
    assert notice.errors == ()


def test_moves_without_a_conflict_resolve_nothing(store: StateStore) -> None:
    actor = gym_at_seven(store)
    free = instance(habits=(gym(),), events=(dentist(0, 7, busy=False),))

    result = run(actor, item("t2", schedule_request(free)), store, solution(block("gym", 0, at(0, 9))))

    assert notices(result) == []


def test_a_block_left_on_the_meeting_is_not_counted(store: StateStore) -> None:
    actor = UserActor("u1")
    first = solution(block("gym", 0, at(0, 7)), block("gym", 1, at(1, 7)))
    run(actor, item("t1", schedule_request(instance(habits=(gym(),)))), store, first)
    busy = instance(habits=(gym(),), events=(dentist(0, 7), dentist(1, 7)))
    # One block moves clear; the other only half an hour, still overlapping the meeting.
    second = solution(block("gym", 0, at(0, 9)), block("gym", 1, at(1, 7) + timedelta(minutes=30)))

    [notice] = notices(run(actor, item("t2", schedule_request(busy)), store, second))

    assert (notice.update_type, notice.conflicts_resolved) == ("CONFLICT_RESOLVED", 1)


def moved_block() -> CalendarBlockOutcome:
    return CalendarBlockOutcome(
        user_id="u1",
        at=MONDAY,
        event_id="e1",
        change="UPDATED",
        calendar_id="primary",
        source="WORKER",
        summary="Gym",
        start=at(0, 9),
        end=at(0, 10),
    )


def test_a_sync_that_moved_nothing_sends_no_conflict_resolved() -> None:
    assert conflict_resolved(STAMP, [], 0, ["gym: 60 min not placed"]) is None
    outcomes = completed(STAMP, [], [], 3, 0, ["gym: 60 min not placed"])
    [done] = [o for o in outcomes if isinstance(o, CalendarUpdateOutcome)]
    assert (done.update_type, done.conflicts_resolved, done.errors) == (
        "SYNC_COMPLETED",
        0,
        ("gym: 60 min not placed",),
    )


def test_a_sync_that_moved_blocks_names_only_what_is_unresolved() -> None:
    outcomes = completed(STAMP, [], [moved_block()], 3, 1, ["gym: 60 min not placed"])
    conflict, done = [o for o in outcomes if isinstance(o, CalendarUpdateOutcome)]
    assert (conflict.update_type, conflict.conflicts_resolved, conflict.events_processed) == (
        "CONFLICT_RESOLVED",
        1,
        1,
    )
    assert conflict.errors == ("gym: 60 min not placed",)
    assert (done.update_type, done.conflicts_resolved, done.errors) == ("SYNC_COMPLETED", 1, ())


def test_a_write_back_replan_tells_what_it_gave_up_without_claiming_a_resolution() -> None:
    assert replan_notice(STAMP, [], 2, []) is None
    notice = replan_notice(STAMP, [], 2, ["gym: 60 min not placed"])
    assert notice is not None and (notice.update_type, notice.conflicts_resolved) == ("SYNC_COMPLETED", 0)
    moved = replan_notice(STAMP, [moved_block()], 2, [])
    assert moved is not None and (moved.update_type, moved.conflicts_resolved, moved.errors) == (
        "CONFLICT_RESOLVED",
        1,
        (),
    )


def test_solve_labels_say_what_they_are() -> None:
    solved = solution(block("gym", 0, at(0, 9)), status=SolveStatus.FEASIBLE)
    metric: PerformanceOutcome = performance_outcome(
        solved, TaskType.OPTIMIZE_SCHEDULE, CommandPriority.HIGH, 12.5, STAMP
    )
    assert metric.metric_type == "API_LATENCY"
    labels = metric.labels
    assert labels["endpoint"] == "solve/OPTIMIZE_SCHEDULE"
    assert (labels["priority"], labels["solverStatus"]) == ("HIGH", "FEASIBLE")
    # `method` and `statusCode` are HTTP's: a solve has neither.
    assert "method" not in labels and "statusCode" not in labels and "status" not in labels
