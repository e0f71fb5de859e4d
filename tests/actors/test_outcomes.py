"""What each command tells the world: goals, streaks, plans that give something up, and calendar sync."""

from __future__ import annotations

import asyncio
from datetime import date, timedelta
from pathlib import Path

import pytest

from actors.contract import ItemResult, TaskType, WorkItem
from actors.outcomes import (
    CalendarBlockOutcome,
    CalendarUpdateOutcome,
    GoalOutcome,
    HabitOutcome,
    ReminderOutcome,
)
from actors.progress import complete
from actors.requests import GoalMeta, HabitCompletion, SyncRequest
from actors.state import HabitRecord
from actors.store import StateStore, open_store
from actors.user_actor import UserActor
from optimizer.domain import BlockKind, Frequency
from optimizer.solution import Conflict, Late, Solution, SolveStatus, Unplaced
from tests.actors.builders import MONDAY, at, block, goal, gym, instance, item, schedule_request, solution
from tests.actors.scripted import ScriptedSolver, persist_into

OPTIMIZE = TaskType.OPTIMIZE_SCHEDULE


@pytest.fixture
def store(tmp_path: Path) -> StateStore:
    return open_store(f"sqlite:///{tmp_path / 'state.sqlite3'}")


def run(actor: UserActor, work: WorkItem, store: StateStore, *solutions: Solution) -> ItemResult:
    return asyncio.run(actor.handle(work, ScriptedSolver(*solutions), persist_into(store, actor.user_id)))


def of_kind(result: ItemResult, kind: type) -> list:
    return [o for o in result.outcomes if isinstance(o, kind)]


def test_goals_are_created_updated_and_completed_with_their_meta(store: StateStore) -> None:
    actor, meta = UserActor("u1"), {"book": GoalMeta(goal_type="PROJECT", unit="chapters")}
    changes = []
    for n, progress in enumerate((0, 40, 40, 100)):
        request = schedule_request(instance(goals=(goal(progress),)), goals=meta)
        result = run(actor, item(f"t{n}", request, task_type=OPTIMIZE), store)
        changes.append(
            [
                (g.change, g.progress_current, g.goal_type, g.progress_unit)
                for g in of_kind(result, GoalOutcome)
            ]
        )
    assert changes == [
        [("CREATED", 0, "PROJECT", "chapters")],
        [("UPDATED", 40, "PROJECT", "chapters")],
        [],
        [("COMPLETED", 100, "PROJECT", "chapters")],
    ]


def test_a_goal_due_soon_is_reminded_once(store: StateStore) -> None:
    actor = UserActor("u1")
    due = goal(target_date=MONDAY + timedelta(days=2))
    reminders = []
    for n in range(2):
        request = schedule_request(instance(goals=(due,)))
        result = run(actor, item(f"t{n}", request, task_type=OPTIMIZE), store)
        reminders.append([(r.reminder_type, r.priority) for r in of_kind(result, ReminderOutcome)])
    assert reminders == [[("GOAL_DEADLINE", "HIGH")], []]


def test_streaks_count_consecutive_periods() -> None:
    record = HabitRecord(name="Gym")
    for day in (1, 2, 3):
        record = complete(record, date(2025, 3, day)) or record
    assert (record.streak_current, record.streak_longest) == (3, 3)
    assert complete(record, date(2025, 3, 3)) is None  # the same day again changes nothing
    record = complete(record, date(2025, 3, 5)) or record  # a gap starts over
    assert (record.streak_current, record.streak_longest) == (1, 3)
    weekly = HabitRecord(name="Run", frequency=Frequency.WEEKLY)
    for day in (3, 5, 10, 24):  # weeks of Mar 3, Mar 3, Mar 10, Mar 24
        weekly = complete(weekly, date(2025, 3, day)) or weekly
    assert (weekly.streak_current, weekly.streak_longest) == (1, 2)


def test_completions_become_habit_events_with_streaks(store: StateStore) -> None:
    actor = UserActor("u1")
    done = (
        HabitCompletion(habit_id="gym", day=date(2025, 3, 1)),
        HabitCompletion(habit_id="gym", day=date(2025, 3, 2)),
    )
    result = run(actor, item("t1", schedule_request(instance(habits=(gym(),)), completions=done)), store)
    habit_events = [(h.change, h.streak_current, h.streak_longest) for h in of_kind(result, HabitOutcome)]
    assert habit_events == [("CREATED", 0, 0), ("COMPLETED", 1, 1), ("COMPLETED", 2, 2)]
    assert actor.state.habits["gym"].streak_current == 2


def test_unplaced_and_late_work_is_reported_not_silent(store: StateStore) -> None:
    gave_up = solution(
        block("gym", 0, at(0, 7)),
        unplaced=(
            Unplaced(item_id="gym", kind=BlockKind.HABIT, minutes=60, reason="no free morning on Friday"),
        ),
        late=(Late(item_id="report", minutes_late=30, due=at(4, 17)),),
    )
    result = run(UserActor("u1"), item("t1", schedule_request(instance(habits=(gym(),)))), store, gave_up)
    [report] = of_kind(result, CalendarUpdateOutcome)
    assert report.update_type == "SYNC_COMPLETED" and report.conflicts_resolved == 0
    assert report.events_processed == 1
    assert "no free morning on Friday" in report.errors[0] and "30 min after its due time" in report.errors[1]


def test_an_infeasible_week_keeps_the_plan_and_names_the_conflict(store: StateStore) -> None:
    actor = UserActor("u1")
    run(
        actor,
        item("t1", schedule_request(instance(habits=(gym(),)))),
        store,
        solution(block("gym", 0, at(0, 7))),
    )
    conflict = Conflict(
        rules=("hours:gym", "meetings"), message="Gym cannot fit in mornings", relaxation="allow evenings"
    )
    infeasible = solution(status=SolveStatus.INFEASIBLE, conflicts=(conflict,))
    result = run(actor, item("t2", schedule_request(instance(habits=(gym(),)))), store, infeasible)
    assert of_kind(result, CalendarBlockOutcome) == []
    [report] = of_kind(result, CalendarUpdateOutcome)
    assert "INFEASIBLE" in report.errors[0] and "Suggested change: allow evenings" in report.errors[1]
    assert [b.start for b in actor.state.plan] == [at(0, 7)]


def test_an_infeasible_week_with_its_best_valid_plan_applies_that_plan(store: StateStore) -> None:
    """The optimizer names the conflict and still plans the rest of the week without it."""
    actor = UserActor("u1")
    conflict = Conflict(
        rules=("frequency:gym:2026-10-28",), message="Gym cannot fit on Wednesday", relaxation="skip it"
    )
    best = solution(
        block("gym", 0, at(0, 7)),
        block("gym", 1, at(1, 7)),
        status=SolveStatus.INFEASIBLE,
        conflicts=(conflict,),
        objective=1.0e12,
    )
    result = run(actor, item("t1", schedule_request(instance(habits=(gym(),)))), store, best)
    assert [b.start for b in of_kind(result, CalendarBlockOutcome)] == [at(0, 7), at(1, 7)]
    assert [b.start for b in actor.state.plan] == [at(0, 7), at(1, 7)]
    [report] = of_kind(result, CalendarUpdateOutcome)
    assert report.events_processed == 2 and "Gym cannot fit on Wednesday" in report.errors[0]


def test_a_complete_plan_adds_no_conflict_report(store: StateStore) -> None:
    result = run(UserActor("u1"), item("t1", schedule_request(instance(habits=(gym(),)))), store, solution())
    assert of_kind(result, CalendarUpdateOutcome) == []


def test_calendar_sync_answers_that_it_is_not_configured(store: StateStore) -> None:
    actor = UserActor("u1")
    result = run(actor, item("s1", SyncRequest(calendar_id="work", full_sync=True)), store)
    [answer] = result.outcomes
    assert isinstance(answer, CalendarUpdateOutcome) and answer.update_type == "SYNC_FAILED"
    assert "Google Calendar sync is not configured" in answer.errors[0] and "work" in answer.errors[0]
    assert run(actor, item("s1", SyncRequest()), store).outcomes == result.outcomes
    assert actor.version == 1
