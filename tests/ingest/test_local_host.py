"""A host inside the ingest actor runs only while the ingest loop drives it, and answers calls in order."""

from __future__ import annotations

import time
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from actors.contract import WorkItem
from actors.host_stats import HostStats
from ingest.local_host import LocalHost
from ingest.messages import decode_command
from ingest.sample import SampleShape, sample_commands
from ingest.settings import Settings
from ingest.translate import work_item

NOW = datetime(2026, 3, 2, 8, tzinfo=UTC)


def _syncs(users: int) -> list[WorkItem]:
    shape = SampleShape(users=users, commands_per_user=1, malformed_every=None, sync_share=1.0, run="local")
    return [
        work_item(decode_command(r.value), ("t", 0, n), NOW)
        for n, r in enumerate(sample_commands(shape, NOW))
    ]


def test_a_call_runs_as_the_loop_is_driven_and_answers_in_order(tmp_path: Path) -> None:
    settings = Settings(store_url=f"sqlite:///{tmp_path / 'state.sqlite3'}")
    local = LocalHost("local-test", settings, hosts=1)
    try:
        items = _syncs(3)
        answer = local.call(items, "caller", 0)
        time.sleep(0.05)
        assert not answer.done()  # nothing runs the host but the driving thread
        local.drive(5.0)  # returns once the call is answered, long before the timeout
        assert answer.done()
        results = answer.result()
        assert [r.task_id for r in results] == [i.task_id for i in items]
        assert all(r.error_class is None and r.outcomes_json != b"[]" for r in results)
        assert local.snapshot().applied == 3
    finally:
        local.close()


def test_driving_with_nothing_to_run_returns_at_once_or_at_its_timeout(tmp_path: Path) -> None:
    local = LocalHost("local-idle", Settings(store_url=f"sqlite:///{tmp_path / 'state.sqlite3'}"), hosts=1)
    try:
        started = time.monotonic()
        local.drive(0.0)
        local.drive(0.05)
        assert 0.04 <= time.monotonic() - started < 1.0
    finally:
        local.close()


def test_a_user_back_from_another_owner_is_reloaded_not_overwritten(tmp_path: Path) -> None:
    """Partitions move between ingest actors, and their users with them: the store's versions refuse
    the save of an owner whose copy of the user is behind, and the retry reloads the user."""
    first, second = _owned_in_turn(tmp_path, let_go=False)
    assert first.applied == 2 and first.stale_conflicts == 1  # refused once, then reloaded
    assert second.applied == 1


def test_a_host_that_let_go_after_a_rebalance_reloads_instead_of_being_refused(tmp_path: Path) -> None:
    first, _ = _owned_in_turn(tmp_path, let_go=True)
    assert first.applied == 2 and first.stale_conflicts == 0 and first.activations == 2


def _owned_in_turn(tmp_path: Path, let_go: bool) -> tuple[HostStats, HostStats]:
    """One user's three commands through hosts A, B, then A again (its partition went away and came
    back); with `let_go`, A lets go of its users before the third, as after a rebalance."""
    settings = Settings(store_url=f"sqlite:///{tmp_path / 'state.sqlite3'}")
    first, second = LocalHost("owner-a", settings, hosts=2), LocalHost("owner-b", settings, hosts=2)
    try:
        (user,) = _syncs(1)
        items = [replace(user, task_id=f"{user.task_id}-{n}", source=("t", 0, n)) for n in range(3)]
        for owner, item, seq in ((first, items[0], 0), (second, items[1], 0), (first, items[2], 1)):
            if let_go and owner is first and seq == 1:
                assert first.let_go() == 1
            answer = owner.call([item], "caller", seq)
            while not answer.done():
                owner.drive(1.0)
            (result,) = answer.result()
            assert result.error_class is None and result.task_id == item.task_id
        return first.snapshot(), second.snapshot()
    finally:
        first.close()
        second.close()
