"""The commit watermark never passes an unfinished message, whatever order messages finish in."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ingest.offsets import OffsetError, OffsetTracker

P0 = ("scheduling.commands", 0)
P1 = ("scheduling.commands", 1)


def test_commits_below_the_first_unfinished_message() -> None:
    tracker = OffsetTracker()
    for offset in (10, 11, 12):
        tracker.track(P0, offset)
    tracker.done(P0, 11)
    assert tracker.committable() == {P0: 10}
    tracker.done(P0, 10)
    assert tracker.committable() == {P0: 12}
    tracker.done(P0, 12)
    assert tracker.committable() == {P0: 13}


def test_gaps_in_offsets_do_not_hold_the_watermark_back() -> None:
    tracker = OffsetTracker()
    tracker.track(P0, 3)
    tracker.track(P0, 7)
    tracker.done(P0, 3)
    assert tracker.committable() == {P0: 7}
    tracker.done(P0, 7)
    assert tracker.committable() == {P0: 8}


def test_partitions_are_independent_and_forgotten_on_revoke() -> None:
    tracker = OffsetTracker()
    tracker.track(P0, 0)
    tracker.track(P1, 5)
    tracker.done(P1, 5)
    assert tracker.committable() == {P0: 0, P1: 6}
    assert tracker.in_flight() == 1
    tracker.forget([P0])
    assert tracker.committable() == {P1: 6}
    assert tracker.done(P0, 0) is False  # a late result for a revoked partition is ignored


def test_to_commit_reports_only_progress() -> None:
    tracker = OffsetTracker()
    tracker.track(P0, 0)
    tracker.done(P0, 0)
    assert tracker.to_commit() == {P0: 1}
    tracker.mark_committed({P0: 1})
    assert tracker.to_commit() == {}
    tracker.track(P0, 1)
    assert tracker.to_commit() == {}
    tracker.done(P0, 1)
    assert tracker.to_commit() == {P0: 2}


def test_unknown_or_repeated_offsets_are_errors() -> None:
    tracker = OffsetTracker()
    tracker.track(P0, 1)
    with pytest.raises(OffsetError):
        tracker.track(P0, 1)
    with pytest.raises(OffsetError):
        tracker.done(P0, 2)


@st.composite
def _runs(draw: st.DrawFn) -> tuple[list[int], list[int]]:
    offsets = sorted(draw(st.sets(st.integers(0, 500), min_size=1, max_size=60)))
    finish_order = draw(st.permutations(offsets))
    return offsets, list(finish_order)


@given(_runs())
def test_watermark_is_the_lowest_unfinished_offset(run: tuple[list[int], list[int]]) -> None:
    offsets, finish_order = run
    tracker = OffsetTracker()
    for offset in offsets:
        tracker.track(P0, offset)
    finished: set[int] = set()
    previous = -1
    for offset in finish_order:
        tracker.done(P0, offset)
        finished.add(offset)
        mark = tracker.committable()[P0]
        unfinished = [o for o in offsets if o not in finished]
        assert mark == (min(unfinished) if unfinished else offsets[-1] + 1)
        assert all(o in finished for o in offsets if o < mark)
        assert mark >= previous  # never moves backwards
        previous = mark
    assert tracker.in_flight() == 0
