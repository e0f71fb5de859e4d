"""The per-user actor: commands become state and outcomes; replays return exactly the first answer."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from pathlib import Path

import pytest

from actors.contract import ItemResult, TaskType, WorkItem
from actors.outcomes import CalendarBlockOutcome, HabitOutcome, PerformanceOutcome, ReminderOutcome
from actors.request_codec import InvalidRequest
from actors.store import StaleStateError, StateStore, open_store
from actors.user_actor import UserActor
from optimizer.domain import BlockKind
from optimizer.solution import Solution
from tests.actors.builders import MONDAY, at, block, gym, instance, item, schedule_request, solution
from tests.actors.scripted import ScriptedSolver, persist_into


@pytest.fixture
def store(tmp_path: Path) -> StateStore:
    return open_store(f"sqlite:///{tmp_path / 'state.sqlite3'}")


def run(actor: UserActor, work: WorkItem, store: StateStore, *solutions: Solution) -> ItemResult:
    return asyncio.run(actor.handle(work, ScriptedSolver(*solutions), persist_into(store, actor.user_id)))


def of_kind(result: ItemResult, kind: type) -> list:
    return [o for o in result.outcomes if isinstance(o, kind)]


def first_week(actor: UserActor, store: StateStore) -> ItemResult:
    request = schedule_request(instance(habits=(gym(),)))
    return run(
        actor, item("t1", request), store, solution(block("gym", 0, at(0, 7)), block("gym", 1, at(1, 7)))
    )


def test_first_plan_creates_blocks_reminders_and_a_timing(store: StateStore) -> None:
    actor = UserActor("u1")
    result = first_week(actor, store)
    assert result.ok and not result.replayed
    assert [o.change for o in of_kind(result, HabitOutcome)] == ["CREATED"]
    blocks = of_kind(result, CalendarBlockOutcome)
    assert [(b.change, b.start, b.source) for b in blocks] == [
        ("CREATED", at(0, 7), "WORKER"),
        ("CREATED", at(1, 7), "WORKER"),
    ]
    reminders = of_kind(result, ReminderOutcome)
    assert [r.scheduled_for for r in reminders] == [
        at(0, 7) - timedelta(minutes=10),
        at(1, 7) - timedelta(minutes=10),
    ]
    assert {r.reminder_type for r in reminders} == {"HABIT_REMINDER"}
    perf = of_kind(result, PerformanceOutcome)
    assert len(perf) == 1 and perf[0].metric_type == "API_LATENCY" and perf[0].labels["placed"] == 2
    stored = store.load("u1")
    assert stored is not None and stored.version == actor.version == 1


def test_ids_derive_from_the_command(store: StateStore, tmp_path: Path) -> None:
    other = open_store(f"sqlite:///{tmp_path / 'other.sqlite3'}")
    first, second = UserActor("u1"), UserActor("u1")
    second.clock = first.clock = lambda: MONDAY
    ids = [
        [getattr(o, "event_id", getattr(o, "notification_id", "")) for o in first_week(actor, s).outcomes]
        for actor, s in ((first, store), (second, other))
    ]
    assert ids[0] == ids[1] and len({i for i in ids[0] if i}) == 4


def test_a_block_a_later_command_moves_is_reminded_again_under_the_same_id(store: StateStore) -> None:
    actor = UserActor("u1")
    first = {r.action_url: r for r in of_kind(first_week(actor, store), ReminderOutcome)}
    request = schedule_request(instance(habits=(gym(),)))
    plan = solution(block("gym", 0, at(0, 7)), block("gym", 1, at(1, 9)))
    (again,) = of_kind(run(actor, item("t2", request), store, plan), ReminderOutcome)  # only the moved one
    assert again.notification_id == first[again.action_url].notification_id  # it replaces the old one
    assert again.scheduled_for == at(1, 9) - timedelta(minutes=10)
    assert first[again.action_url].scheduled_for == at(1, 7) - timedelta(minutes=10)


def test_replay_returns_the_same_outcomes_and_changes_nothing(store: StateStore) -> None:
    actor = UserActor("u1")
    first = first_week(actor, store)
    solver = ScriptedSolver()
    request = schedule_request(instance(habits=(gym(),)))
    again = asyncio.run(actor.handle(item("t1", request), solver, persist_into(store, "u1")))
    assert again.replayed and again.outcomes == first.outcomes
    assert solver.seen == [] and actor.version == 1
    reloaded = UserActor.activate("u1", store.load("u1"))
    assert (
        asyncio.run(reloaded.handle(item("t1", request), solver, persist_into(store, "u1"))).outcomes
        == first.outcomes
    )


def test_replan_keeps_ids_of_moved_blocks_and_uses_the_stored_plan(store: StateStore) -> None:
    actor = UserActor("u1")
    created = {b.start: b.event_id for b in of_kind(first_week(actor, store), CalendarBlockOutcome)}
    solver = ScriptedSolver(
        solution(block("gym", 0, at(0, 8)), block("gym", 1, at(1, 7)), block("gym", 2, at(2, 7)))
    )
    request = schedule_request(instance(habits=(gym(),)))
    result = asyncio.run(actor.handle(item("t2", request), solver, persist_into(store, "u1")))
    previous = solver.seen[0][1].previous_plan
    assert [(p.occurrence, p.start) for p in previous] == [(0, at(0, 7)), (1, at(1, 7))]
    changes = [(b.change, b.start) for b in of_kind(result, CalendarBlockOutcome)]
    assert changes == [("UPDATED", at(0, 8)), ("CREATED", at(2, 7))]
    moved = of_kind(result, CalendarBlockOutcome)[0]
    assert moved.event_id == created[at(0, 7)]
    assert [r.scheduled_for.hour for r in of_kind(result, ReminderOutcome)] == [7, 6]  # 07:50 and 06:50
    assert not of_kind(result, HabitOutcome)  # the habit was known already


def test_blocks_left_out_are_deleted_unless_past_or_begun(store: StateStore) -> None:
    actor = UserActor("u1")
    first_week(actor, store)
    later = instance(now=at(1, 7) + timedelta(minutes=30), habits=(gym(),))  # day 0 done, day 1 begun
    result = run(actor, item("t2", schedule_request(later)), store, solution())
    assert of_kind(result, CalendarBlockOutcome) == []
    assert [b.start for b in actor.state.plan] == [at(1, 7)]
    result = run(
        actor, item("t3", schedule_request(instance(now=at(0, 1), habits=(gym(),)))), store, solution()
    )
    assert [(b.change, b.start) for b in of_kind(result, CalendarBlockOutcome)] == [("DELETED", at(1, 7))]


def test_habit_solves_keep_task_blocks_and_treat_them_as_busy(store: StateStore) -> None:
    actor = UserActor("u1")
    task = block("report", 0, at(0, 10), title="Report").model_copy(update={"kind": BlockKind.TASK})
    request = schedule_request(instance())
    run(actor, item("t1", request, task_type=TaskType.OPTIMIZE_SCHEDULE), store, solution(task))
    solver = ScriptedSolver(solution(block("gym", 0, at(0, 7))))
    asyncio.run(
        actor.handle(
            item("t2", schedule_request(instance(habits=(gym(),)))), solver, persist_into(store, "u1")
        )
    )
    sent = solver.seen[0][1]
    assert [(e.start, e.busy) for e in sent.events] == [(at(0, 10), True)] and sent.previous_plan == ()
    assert sorted(b.item_id for b in actor.state.plan) == ["gym", "report"]


def test_unknown_task_type_bytes_are_an_invalid_request(store: StateStore) -> None:
    bad = WorkItem(
        "t9", "u1", TaskType.OPTIMIZE_SCHEDULE, item("x", schedule_request(instance())).priority, MONDAY, b"{"
    )
    with pytest.raises(InvalidRequest, match="invalid OPTIMIZE_SCHEDULE request"):
        run(UserActor("u1"), bad, store)
    with pytest.raises(InvalidRequest, match="userId"):
        run(UserActor("u2"), item("t1", schedule_request(instance()), user_id="u2"), store)


def test_a_stale_save_leaves_the_actor_unchanged(store: StateStore) -> None:
    actor = UserActor("u1")
    first_week(actor, store)
    store.save("u1", b"{}", 1, "another-host")
    with pytest.raises(StaleStateError):
        run(actor, item("t2", schedule_request(instance(habits=(gym(),)))), store, solution())
    assert actor.version == 1 and "t2" not in actor.outbox
