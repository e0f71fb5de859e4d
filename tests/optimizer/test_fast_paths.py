"""The start plans' hot paths agree with their plain meaning: the board's slot masks (computed on
whole integers) slot by slot, and the local days (kept per horizon and zone) day by day."""

from __future__ import annotations

from datetime import UTC, time, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from optimizer.baseline.board import Board, runs
from optimizer.timegrid import local_days, to_utc
from tests.optimizer.weeks import week

BOARD = Board(week(days=1))  # 96 slots of 15 minutes
N = BOARD.grid.n_slots
masks = st.lists(st.integers(0, 1), min_size=N, max_size=N).map(bytearray)


def free_slot_by_slot(board: Board, allowed: bytearray, before: int, after: int) -> bytearray:
    def clear(s: int) -> bool:
        return not any(board.core[max(s - before, 0) : min(s + after + 1, N)])

    return bytearray(int(bool(allowed[s]) and not board.pad[s] and clear(s)) for s in range(N))


def runs_slot_by_slot(mask: bytearray, lo: int, hi: int) -> list[tuple[int, int]]:
    inside = [s for s in range(max(lo, 0), min(hi, len(mask))) if mask[s]]
    found: list[tuple[int, int]] = []
    for s in inside:
        if found and found[-1][1] == s:
            found[-1] = (found[-1][0], s + 1)
        else:
            found.append((s, s + 1))
    return found


@settings(max_examples=200, deadline=None, derandomize=True)
@given(masks, masks, masks, st.integers(0, 4), st.integers(0, 4))
def test_free_keeps_allowed_slots_off_buffers_with_no_block_within_reach(
    core: bytearray, pad: bytearray, allowed: bytearray, before: int, after: int
) -> None:
    BOARD.core, BOARD.pad = core, pad
    assert BOARD.free(allowed, before, after) == free_slot_by_slot(BOARD, allowed, before, after)


def test_free_looks_past_neither_end_of_the_horizon() -> None:
    BOARD.core, BOARD.pad = bytearray(N), bytearray(N)
    BOARD.core[0] = BOARD.core[N - 1] = 1
    ok = BOARD.free(bytearray([1] * N), before=2, after=2)
    assert ok[:3] == bytearray([0, 0, 0]) and ok[3] == 1
    assert ok[-3:] == bytearray([0, 0, 0]) and ok[-4] == 1


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.lists(st.integers(0, 1), max_size=40).map(bytearray), st.integers(-3, 45), st.integers(-3, 45))
def test_runs_are_the_maximal_stretches_of_ones_inside_the_bounds(mask: bytearray, lo: int, hi: int) -> None:
    assert runs(mask, lo, hi) == runs_slot_by_slot(mask, lo, hi)


def test_local_days_run_from_local_midnight_to_the_next_and_come_as_a_fresh_list() -> None:
    new_york = ZoneInfo("America/New_York")
    instance = week(days=14, timezone="America/New_York")
    days = local_days(instance)
    assert [day.start for day in days[1:]] == [day.end for day in days[:-1]]
    assert {day.start.astimezone(new_york).time() for day in days} == {time(0)}
    assert days[0].start == to_utc(days[0].date, time(0), instance)
    days.clear()
    assert len(local_days(instance)) == 15  # the UTC horizon reaches into a 15th New York day


def test_local_days_follow_the_instant_not_how_it_is_written() -> None:
    berlin = ZoneInfo("Europe/Berlin")
    instance = week(days=7, timezone="Europe/Berlin")
    written = {
        "horizon_start": instance.horizon_start.astimezone(berlin),
        "now": instance.now.astimezone(berlin),
    }
    same = instance.model_copy(update=written)
    assert local_days(same) == local_days(instance)
    assert local_days(same)[0].start == instance.horizon_start.astimezone(UTC) - timedelta(hours=1)
