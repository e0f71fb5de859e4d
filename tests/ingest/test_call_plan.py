"""Solving commands weigh more in a host's window and go in small calls; cheap ones go in large calls."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from actors.contract import CommandPriority, TaskType, WorkItem
from ingest.backlog import PriorityBacklog
from ingest.call_plan import CallPlan
from ingest.pipeline_config import PipelineSettings

AT = datetime(2025, 1, 1, tzinfo=UTC)
SYNC, HABITS, OPTIMIZE = TaskType.SYNC_CALENDAR, TaskType.SCHEDULE_HABITS, TaskType.OPTIMIZE_SCHEDULE


def item(task_id: str, task_type: TaskType, user: str = "ann", priority: str = "NORMAL") -> WorkItem:
    return WorkItem(task_id, user, task_type, CommandPriority(priority), AT, b"{}")


def test_weights_and_cuts_keep_the_order() -> None:
    plan = CallPlan(solve_weight=8, call_solves=2)
    items = [item("s1", SYNC), item("h1", HABITS), item("s2", SYNC), item("o1", OPTIMIZE), item("h2", HABITS)]
    assert plan.weigh(items) == 1 + 8 + 1 + 8 + 8
    calls = plan.calls(items)
    assert [[i.task_id for i in call] for call in calls] == [["s1", "h1", "s2", "o1"], ["h2"]]
    assert [i for call in calls for i in call] == items


def test_cheap_commands_go_in_one_call_however_many() -> None:
    plan = CallPlan(solve_weight=8, call_solves=1)
    items = [item(f"s{n}", SYNC, user=f"u{n}") for n in range(300)]
    assert plan.calls(items) == [items]
    assert plan.calls([]) == []


def test_the_backlog_releases_by_weight_and_stops_at_the_first_that_does_not_fit() -> None:
    plan = CallPlan(solve_weight=8, call_solves=4)
    backlog = PriorityBacklog()
    backlog.push(item("h-ann", HABITS, user="ann", priority="HIGH"))
    backlog.push(item("s-bob", SYNC, user="bob"))
    backlog.push(item("o-cat", OPTIMIZE, user="cat"))
    backlog.push(item("s-dan", SYNC, user="dan", priority="LOW"))
    taken = backlog.pop(10, plan.weight)
    # 8 + 1 fit; cat's solve (8 more) does not, and dan's cheap LOW command must not overtake it
    assert [i.task_id for i in taken] == ["h-ann", "s-bob"]
    assert [i.task_id for i in backlog.pop(100, plan.weight)] == ["o-cat", "s-dan"]


def test_a_window_smaller_than_one_solve_is_refused() -> None:
    with pytest.raises(ValueError, match=r"host_window \(4\) must be at least solve_weight \(8\)"):
        PipelineSettings(host_window=4, solve_weight=8)


def test_a_busy_host_lets_a_few_cheap_commands_wait_but_never_a_solve() -> None:
    plan = CallPlan(solve_weight=8, call_solves=4, calls_ahead=2, min_call=64)
    assert not plan.hold(calls_out=1, waiting=3, solving=0)  # the host has room for another call
    assert plan.hold(calls_out=2, waiting=3, solving=0)  # they ride in the next call
    assert not plan.hold(calls_out=2, waiting=64, solving=0)  # enough for a call of their own
    assert not plan.hold(calls_out=5, waiting=1, solving=1)


def test_the_backlog_counts_the_solves_it_holds() -> None:
    backlog = PriorityBacklog()
    for n, kind in enumerate((SYNC, HABITS, OPTIMIZE, SYNC)):
        backlog.push(item(f"t{n}", kind, user=f"u{n}"))
    assert backlog.solving == 2
    backlog.pop(2)
    assert backlog.solving == 1
    backlog.pop(10)
    assert backlog.solving == 0
