"""Habit progress through the user actor: events per new completion, broken streaks, seeds, usage
analytics, all by the user's own calendar and never twice."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from actors.contract import ItemResult, TaskType, WorkItem
from actors.outcomes import GoalOutcome, HabitOutcome, UsageOutcome
from actors.requests import GoalMeta, HabitCompletion, ScheduleRequest, StreakSeed
from actors.store import StateStore, open_store
from actors.user_actor import UserActor
from tests.actors.builders import MONDAY, goal, gym, instance, item
from tests.actors.scripted import ScriptedSolver, persist_into

BERLIN = "Europe/Berlin"


@pytest.fixture
def store(tmp_path: Path) -> StateStore:
    return open_store(f"sqlite:///{tmp_path / 'state.sqlite3'}")


def run(actor: UserActor, work: WorkItem, store: StateStore) -> ItemResult:
    return asyncio.run(actor.handle(work, ScriptedSolver(), persist_into(store, actor.user_id)))


def done(at: datetime, zone: str = "UTC", habit: str = "gym") -> HabitCompletion:
    return HabitCompletion(habit_id=habit, day=at.astimezone(ZoneInfo(zone)).date(), at=at)


def plan(
    task: str, now: datetime, *completions: HabitCompletion, zone: str = "UTC", **fields: object
) -> WorkItem:
    inst = instance(now=now, habits=(gym(),), timezone=zone)
    return item(task, ScheduleRequest(instance=inst, habit_completions=completions, **fields))


def habit_events(result: ItemResult) -> list[tuple[str, int, int]]:
    return [
        (o.change, o.streak_current, o.streak_longest) for o in result.outcomes if isinstance(o, HabitOutcome)
    ]


def usage(result: ItemResult) -> list[tuple[str, str, datetime]]:
    return [(o.event_type, o.item_id, o.occurred_at) for o in result.outcomes if isinstance(o, UsageOutcome)]


def test_each_new_completion_is_one_event_and_repeats_count_once(store: StateStore) -> None:
    actor = UserActor("u1")
    first, second = MONDAY - timedelta(hours=40), MONDAY - timedelta(hours=10)
    result = run(actor, plan("t1", MONDAY, done(first), done(second), done(second)), store)
    assert habit_events(result) == [("CREATED", 0, 0), ("COMPLETED", 1, 1), ("COMPLETED", 2, 2)]
    assert usage(result) == [("HABIT_COMPLETED", "gym", first), ("HABIT_COMPLETED", "gym", second)]
    later = MONDAY + timedelta(hours=8)
    # The same completions in a later command count nothing; only the new one does.
    again = run(actor, plan("t2", MONDAY + timedelta(hours=9), done(first), done(second), done(later)), store)
    assert habit_events(again) == [("COMPLETED", 3, 3)]
    assert usage(again) == [("HABIT_COMPLETED", "gym", later)]
    replay = run(actor, plan("t2", MONDAY + timedelta(hours=9), done(later)), store)
    assert replay.replayed and replay.outcomes == again.outcomes
    assert actor.state.habits["gym"].streak_current == 3


def test_a_streak_broken_by_a_whole_missed_day_is_reported_once(store: StateStore) -> None:
    actor = UserActor("u1")
    run(actor, plan("t1", MONDAY, done(MONDAY - timedelta(hours=12))), store)  # Sunday: streak 1
    assert (
        habit_events(run(actor, plan("t2", MONDAY + timedelta(hours=23)), store)) == []
    )  # Monday still open
    broken = run(actor, plan("t3", MONDAY + timedelta(days=1, hours=1)), store)  # all of Monday missed
    assert habit_events(broken) == [("STREAK_UPDATED", 0, 1)]
    assert habit_events(run(actor, plan("t4", MONDAY + timedelta(days=2)), store)) == []


def test_a_late_report_that_keeps_the_streak_wins_over_the_break(store: StateStore) -> None:
    actor = UserActor("u1")
    run(actor, plan("t1", MONDAY, done(MONDAY - timedelta(hours=12))), store)  # Sunday
    late = run(
        actor, plan("t2", MONDAY + timedelta(days=1, hours=1), done(MONDAY + timedelta(hours=18))), store
    )
    assert habit_events(late) == [("COMPLETED", 2, 2)]


def test_days_are_the_users_own_across_a_dst_change(store: StateStore) -> None:
    # Berlin leaves summer time on Sunday 2025-10-26 (a 25-hour day).
    actor = UserActor("u1")
    saturday_night = datetime(2025, 10, 25, 21, 30, tzinfo=UTC)  # 23:30 in Berlin, Saturday
    sunday_night = datetime(2025, 10, 26, 22, 30, tzinfo=UTC)  # 23:30 in Berlin, Sunday (UTC+1)
    now = datetime(2025, 10, 26, 23, 0, tzinfo=UTC)  # Monday 00:00 in Berlin
    first = run(
        actor, plan("t1", now, done(saturday_night, BERLIN), done(sunday_night, BERLIN), zone=BERLIN), store
    )
    assert habit_events(first)[1:] == [("COMPLETED", 1, 1), ("COMPLETED", 2, 2)]  # two Berlin days in a row
    # Tuesday 00:30 in Berlin (still Monday in UTC): all of Berlin's Monday passed without one.
    broken = run(actor, plan("t2", datetime(2025, 10, 27, 23, 30, tzinfo=UTC), zone=BERLIN), store)
    assert habit_events(broken) == [("STREAK_UPDATED", 0, 2)]


def test_a_new_habit_starts_from_the_streak_the_command_gives(store: StateStore) -> None:
    actor = UserActor("u1")
    seeds = {"gym": StreakSeed(current=12, longest=28)}
    today = MONDAY + timedelta(hours=7)
    result = run(actor, plan("t1", MONDAY + timedelta(hours=8), done(today), habit_streaks=seeds), store)
    assert habit_events(result) == [("CREATED", 12, 28), ("COMPLETED", 13, 28)]
    # Once known, the worker's own count stands: a later command's seed changes nothing.
    later = {"gym": StreakSeed(current=0, longest=0)}
    assert habit_events(run(actor, plan("t2", MONDAY + timedelta(hours=9), habit_streaks=later), store)) == []
    assert actor.state.habits["gym"].streak_current == 13


def test_a_goal_seen_first_is_one_usage_event(store: StateStore) -> None:
    actor = UserActor("u1")
    meta = {"book": GoalMeta()}
    work = ScheduleRequest(instance=instance(goals=(goal(10),)), goals=meta)
    first = run(actor, item("t1", work, task_type=TaskType.OPTIMIZE_SCHEDULE), store)
    (created,) = (o for o in first.outcomes if isinstance(o, GoalOutcome))
    assert usage(first) == [("GOAL_CREATED", "book", created.at)]  # as the goal's own CREATED event
    updated = ScheduleRequest(instance=instance(goals=(goal(50),)), goals=meta)
    assert usage(run(actor, item("t2", updated, task_type=TaskType.OPTIMIZE_SCHEDULE), store)) == []


def test_a_weekly_habit_counts_a_week_once_done_its_times(store: StateStore) -> None:
    actor = UserActor("u1")
    runs = gym(frequency="WEEKLY", times_per_period=2)
    week = [done(MONDAY + timedelta(days=d, hours=7)) for d in (0, 2, 4)]  # three times in one ISO week
    work = ScheduleRequest(
        instance=instance(now=MONDAY + timedelta(days=5), habits=(runs,)), habit_completions=week
    )
    result = run(actor, item("t1", work), store)
    assert habit_events(result) == [
        ("CREATED", 0, 0),
        ("COMPLETED", 0, 0),
        ("COMPLETED", 1, 1),
        ("COMPLETED", 1, 1),
    ]
    # The next week done only once, then a whole week without: the streak breaks once that week ends.
    once = (done(MONDAY + timedelta(days=8)),)
    next_week = ScheduleRequest(
        instance=instance(now=MONDAY + timedelta(days=13), habits=(runs,)), habit_completions=once
    )
    assert habit_events(run(actor, item("t2", next_week), store)) == [("COMPLETED", 1, 1)]
    after = ScheduleRequest(instance=instance(now=MONDAY + timedelta(days=14), habits=(runs,)))
    assert habit_events(run(actor, item("t3", after), store)) == [("STREAK_UPDATED", 0, 1)]
