"""A host lane keeps the window, numbers calls per epoch, and holds lost calls back in order."""

from __future__ import annotations

from datetime import UTC, datetime

from actors.contract import CommandPriority, TaskType, WorkItem
from ingest.host_lane import RESEND_DELAYS_S, HostLane


def items(*task_ids: str) -> list[WorkItem]:
    at = datetime(2025, 1, 1, tzinfo=UTC)
    return [WorkItem(t, "ann", TaskType.SYNC_CALENDAR, CommandPriority.NORMAL, at, b"{}") for t in task_ids]


def test_window_and_numbering() -> None:
    lane = HostLane()
    assert lane.room(4) == 4
    assert lane.numbered(3) == (0, 0)
    assert lane.room(4) == 1
    assert lane.numbered(1) == (0, 1)
    assert lane.room(4) == 0
    lane.answered(3)
    assert lane.room(4) == 3


def test_a_failure_holds_the_lost_calls_then_releases_them_in_order_under_a_new_epoch() -> None:
    lane = HostLane()
    first, second = items("a"), items("b", "c")
    lane.numbered(len(first))
    lane.numbered(len(second))
    delay = lane.failed([first, second], now=100.0)
    assert delay == RESEND_DELAYS_S[0]
    assert lane.room(10) == 0  # nothing new overtakes the lost calls
    assert lane.due(100.0 + delay / 2) == []
    assert lane.due(100.0 + delay) == [first, second]
    assert lane.numbered(len(first)) == (1, 0)  # a new epoch restarts the numbering
    assert lane.room(10) == 9


def test_pauses_grow_with_failures_in_a_row_and_reset_on_an_answer() -> None:
    lane = HostLane()
    delays = [lane.failed([], now=0.0) for _ in range(len(RESEND_DELAYS_S) + 1)]
    assert delays == [*RESEND_DELAYS_S, RESEND_DELAYS_S[-1]]
    lane.answered(0)
    assert lane.failed([], now=0.0) == RESEND_DELAYS_S[0]


def test_solo_mode_sends_the_lost_commands_one_at_a_time_and_nothing_else_before_the_last_answer() -> None:
    lane = HostLane()
    first, second = items("a"), items("b", "c")
    lane.numbered(1)
    lane.numbered(2)
    delay = lane.failed([first, second], now=100.0, solo=True)
    assert RESEND_DELAYS_S[0] <= delay <= 2 * RESEND_DELAYS_S[0]
    assert lane.room(10) == 0
    assert lane.due(100.0 + delay) == [items("a")]
    lane.numbered(1)
    assert lane.due(200.0) == []  # not before "a" is answered
    lane.answered(1)
    assert lane.due(200.0) == [items("b")]
    lane.numbered(1)
    lane.answered(1)
    assert lane.due(200.0) == [items("c")]
    lane.numbered(1)
    assert lane.room(10) == 0  # still alone until the last one is answered
    lane.answered(1)
    assert not lane.solo and lane.room(10) == 10


def test_a_death_in_solo_mode_puts_the_lost_command_back_first() -> None:
    lane = HostLane()
    lane.numbered(3)
    delay = lane.failed([items("a", "b", "c")], now=0.0, solo=True)
    assert lane.due(delay) == [items("a")]
    lane.numbered(1)
    again = lane.failed([items("a")], now=10.0)  # still solo: "a" killed it again
    assert lane.solo and lane.due(10.0 + again) == [items("a")]
