"""A host call's items and results cross as bytes and come back equal, in order."""

from __future__ import annotations

from datetime import UTC, datetime

from actors.call_bytes import pack_items, pack_results, unpack_items, unpack_results
from actors.contract import CommandPriority, ItemResult, TaskType, WorkItem


def test_items_and_results_come_back_as_they_went() -> None:
    at = datetime(2026, 3, 29, 1, 30, tzinfo=UTC)
    items = [
        WorkItem(
            f"t{n}", f"user-{n % 3}", TaskType.SYNC_CALENDAR, CommandPriority.HIGH, at, b"{}", ("c", 1, n)
        )
        for n in range(5)
    ]
    results = [
        ItemResult("t0", "user-0", b'[{"kind":"usage"}]', timings_ms={"total": 0.5}),
        ItemResult("t1", "user-1", error_class="StaleStateError", reason="moved", attempts=4),
        ItemResult("t2", "user-2", replayed=True),
    ]
    assert unpack_items(pack_items(items)) == items
    assert unpack_results(pack_results(results)) == results
    assert unpack_items(pack_items([])) == []
